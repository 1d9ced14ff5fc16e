"""Which key a line of a YAML file belongs to, read from the text alone.

A file YAML cannot read has no nodes to ask where a line stands, but the data editor still
needs the field a message is about ("vorm 'peilen' › zeggenschap", not just a line number).
The lines above tell it, as they tell a reader: the nearest line that is indented less is
the key (or the list item) the line belongs to, and so on up to the top of the file. Each
list item is counted among the dashes of its list and named by its `id`, `naam` or `versie`
if it has one; the lezer turns these steps into the names it uses everywhere
(`lezer.pad_van_regel`).

This is a best effort on purpose: the file may be indented wrongly, which is what the message
is about. A non-breaking space counts as a space here, a zero-width character as nothing, and a
Word bullet as the dash it should have been, so the line is placed where the editor meant it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional, Union

from .tekens import HARDE_SPATIES, ZONDER_BREEDTE

# What starts a list item: YAML's dash, and what Word or a hurried hand writes instead (a
# bullet, a dash of another length, a dash without a space: "-peiling").
LIJSTTEKENS = "•·▪◦‣∙–—‐‑‒−"
_LIJSTPUNT = re.compile(r"(?:-(?=\s|$)|[" + LIJSTTEKENS + r"](?=\s|$)|-(?=[^\s-]))\s*")
# A key and its value. The value is what follows the colon on the same line: empty when the
# key opens a block of lines below it.
_SLEUTEL = re.compile(r"""^("[^"]*"|'[^']*'|[^\s#'"{\[\]}>|,][^#]*?)\s*:(?:\s+(.*))?$""")
# The first word of a line without a colon: a key whose colon is missing, perhaps.
_WOORD = re.compile(r"^([a-z_][a-z0-9_]*)(?:\s|$)")


@dataclass(frozen=True)
class Sleutel:
    naam: str
    zeker: bool = True  # False: the first word of a line without a colon, maybe a key


@dataclass(frozen=True)
class Punt:
    """An item of a list: its place (from 0) and the keys at its top, as written."""

    plaats: int
    sleutels: dict[str, str] = field(default_factory=dict)


Stap = Union[Sleutel, Punt]


@dataclass(frozen=True)
class _Regel:
    inspringing: int  # spaces before the content (or before the first dash)
    streepjes: int  # list dashes after the indentation
    inhoud: int  # the column where the content after the dashes begins
    sleutel: Optional[str]
    waarde: str  # after the key's colon; without a key, the whole content
    woord: Optional[str]  # without a colon: the first word


# The lines that say something, by their index (from 0): blank lines and comments are left out.
_Gelezen = dict[int, _Regel]


def stappen(regels: list[str], index: int) -> list[Stap]:
    """The keys and list items from the top of the file down to line `index` (from 0)."""
    gelezen = {i: regel for i, tekst in enumerate(regels) if (regel := _lees(tekst)) is not None}
    while index >= 0 and index not in gelezen:
        index -= 1  # a blank line or a comment belongs to what stands above it
    return _pad(gelezen, index) if index >= 0 else []


def _lees(regel: str) -> Optional[_Regel]:
    # A tab stands as wide as most editors show it: four spaces.
    regel = regel.replace("\t", "    ")
    regel = "".join(" " if t in HARDE_SPATIES else "" if t in ZONDER_BREEDTE else t for t in regel)
    inhoud = regel.lstrip(" ")
    if not inhoud.strip() or inhoud.startswith("#") or inhoud.rstrip() in ("---", "..."):
        return None
    inspringing, streepjes = len(regel) - len(inhoud), 0
    while (punt := _LIJSTPUNT.match(inhoud)) is not None:
        streepjes += 1
        inhoud = inhoud[punt.end() :]
    kolom = len(regel) - len(inhoud)
    inhoud = re.sub(r"\s+#.*$", "", inhoud).strip()
    if (sleutel := _SLEUTEL.match(inhoud)) is not None:
        return _Regel(inspringing, streepjes, kolom, sleutel[1].strip("'\""), (sleutel[2] or "").strip(), None)
    woord = _WOORD.match(inhoud)
    return _Regel(inspringing, streepjes, kolom, None, inhoud, woord[1] if woord else None)


def _pad(gelezen: _Gelezen, index: int) -> list[Stap]:
    regel = gelezen[index]
    ouder, in_punt = _ouder(gelezen, index)
    if ouder is None:
        basis: list[Stap] = []
    elif in_punt:
        basis = _punt_pad(gelezen, ouder)
    else:
        basis = _pad(gelezen, ouder)
        if gelezen[ouder].waarde:
            return basis  # the line goes on with the text of the line above: it is that field
    if regel.streepjes:
        basis = [*basis, Punt(_plaats(gelezen, ouder, index), _sleutels(gelezen, index))]
    if regel.sleutel is not None:
        return [*basis, Sleutel(regel.sleutel)]
    if regel.woord is not None and (not regel.streepjes or in_punt):
        return [*basis, Sleutel(regel.woord, zeker=False)]
    return basis


def _punt_pad(gelezen: _Gelezen, index: int) -> list[Stap]:
    """The path of the list item line `index` opens, without the key on that line."""
    pad = _pad(gelezen, index)
    return pad[:-1] if pad and isinstance(pad[-1], Sleutel) else pad


def _ouder(gelezen: _Gelezen, index: int) -> tuple[Optional[int], bool]:
    """The line that line `index` belongs to, and whether the line stands inside the list
    item that line opens (at the column of its first key) rather than under its key."""
    regel = gelezen[index]
    for k in range(index - 1, -1, -1):
        boven = gelezen.get(k)
        if boven is None:
            continue
        if boven.streepjes and boven.inspringing < regel.inspringing:
            if regel.streepjes and regel.inspringing < boven.inhoud:
                continue  # a dash between the dash and the key of the item above: a sibling, indented wrongly
            # Beside the item's first key (or, indented wrongly, between its dash and that key).
            return k, regel.inspringing <= boven.inhoud
        if not boven.streepjes and boven.inspringing < regel.inspringing:
            return k, False
        if (
            regel.streepjes
            and not boven.streepjes
            and boven.inspringing == regel.inspringing
            and boven.sleutel is not None
            and not boven.waarde
        ):
            return k, False  # a list at the indentation of its key: "vormen:" and "- id: …" below
    return None, False


def _plaats(gelezen: _Gelezen, ouder: Optional[int], index: int) -> int:
    """The place of the item on line `index` in its list: the dashes above it in the same list.
    The list's column is that of its first dash, so an item indented wrongly still counts."""
    regel = gelezen[index]
    dashes = [gelezen[k] for k in range((ouder or -1) + 1, index) if k in gelezen and gelezen[k].streepjes]
    if not dashes:
        return 0
    kolommen = sorted({dashes[0].inspringing, regel.inspringing})
    return len([d for d in dashes if kolommen[0] <= d.inspringing <= kolommen[-1]])


def _sleutels(gelezen: _Gelezen, index: int) -> dict[str, str]:
    """The keys and values at the top of the list item line `index` opens."""
    punt = gelezen[index]
    sleutels = {punt.sleutel: _zonder_aanhalingstekens(punt.waarde)} if punt.sleutel else {}
    for regel in (r for i, r in gelezen.items() if i > index):
        if regel.inspringing < punt.inhoud:
            break
        if regel.inspringing == punt.inhoud and not regel.streepjes and regel.sleutel:
            sleutels.setdefault(regel.sleutel, _zonder_aanhalingstekens(regel.waarde))
    return sleutels


def _zonder_aanhalingstekens(waarde: str) -> str:
    if len(waarde) >= 2 and waarde[0] == waarde[-1] and waarde[0] in "'\"":
        return waarde[1:-1]
    return waarde
