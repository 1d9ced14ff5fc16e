"""Every changed field between two loaded data sets, with its place, old and new value.

Records are compared field by field; lists of records with a key (an `id`, a `naam`, a
`versie`) are matched by key (so a reordered list is not a change of every item), other lists
item by item. A place is named as `make check` names it, with the same function
(`lezer.item_pad`): "vorm 'peilen' › wat_is_het", "post 'regie' › bedragen › jaar 2027",
"vraag 4 (eerst-verhelderen) › tekst"; a list item without a key by its place counted from 1.
The result is a list of `Verschil` rows that the report renders; nothing here knows about
Markdown.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Iterator, Optional

from ..data.lezer import PER_ITEM_VAN, item_pad, pad_tekst, sleutel_van

VERWIJDERD, TOEGEVOEGD = object(), object()


@dataclass(frozen=True)
class Verschil:
    pad: tuple[str, ...]  # ("post 'regie'", "bedragen", "jaar 2026")
    oud: Any  # VERWIJDERD/TOEGEVOEGD mark a record or item that came or went
    nieuw: Any

    @property
    def plek(self) -> str:
        """The place in the data as the check writes it: "vorm 'peilen' › titel"."""
        return pad_tekst(self.pad)


def _sleutel(record: Any) -> Optional[str]:
    """The id, naam or versie that names a record, if it has one."""
    if not dataclasses.is_dataclass(record):
        return None
    return sleutel_van(type(record), {f.name: getattr(record, f.name) for f in dataclasses.fields(record)})


def _op_sleutel(lijst: list) -> bool:
    """Whether the records of a list are matched by their key: every one has one."""
    return bool(lijst) and all(_sleutel(x) is not None for x in lijst)


def verschillen(oud: Any, nieuw: Any, pad: tuple[str, ...] = (), wortel: Any = None) -> Iterator[Verschil]:
    """The differences between `oud` and `nieuw` at `pad`. `wortel` is the record of the whole
    file, for lists whose items stand for the items of another list in it (the amounts of a
    budget line, one per year of `jaren`)."""
    if oud == nieuw:
        return
    if dataclasses.is_dataclass(oud) and type(oud) is type(nieuw):
        for veld in dataclasses.fields(oud):
            yield from verschillen(getattr(oud, veld.name), getattr(nieuw, veld.name), (*pad, veld.name), wortel)
        return
    if isinstance(oud, list) and isinstance(nieuw, list):
        if _op_sleutel(oud) or _op_sleutel(nieuw):
            yield from _records(oud, nieuw, pad, wortel)
            return
        if all(isinstance(x, str) for x in oud + nieuw) and len(oud) != len(nieuw):
            for x in nieuw:
                if x not in oud:
                    yield Verschil(pad, TOEGEVOEGD, x)
            for x in oud:
                if x not in nieuw:
                    yield Verschil(pad, x, VERWIJDERD)
            return
        if len(oud) == len(nieuw):
            per_item = _per_item(pad, wortel)
            for i, (a, b) in enumerate(zip(oud, nieuw, strict=True)):
                yield from verschillen(a, b, item_pad(pad, type(b), i, _sleutel(b), per_item), wortel)
            return
    if isinstance(oud, dict) and isinstance(nieuw, dict):
        for sleutel in [*nieuw, *(k for k in oud if k not in nieuw)]:
            yield from verschillen(oud.get(sleutel), nieuw.get(sleutel), (*pad, str(sleutel)), wortel)
        return
    yield Verschil(pad, oud, nieuw)


def _records(oud: list, nieuw: list, pad: tuple[str, ...], wortel: Any) -> Iterator[Verschil]:
    """Two lists of records matched by key: what came, what went, what changed, and the order."""
    oude = {_sleutel(x): (i, x) for i, x in enumerate(oud)}
    nieuwe = {_sleutel(x): (i, x) for i, x in enumerate(nieuw)}
    for sleutel, (i, x) in nieuwe.items():
        if sleutel not in oude:
            yield Verschil(item_pad(pad, type(x), i, sleutel), TOEGEVOEGD, x)
    for sleutel, (i, x) in oude.items():
        if sleutel not in nieuwe:
            yield Verschil(item_pad(pad, type(x), i, sleutel), x, VERWIJDERD)
    for sleutel, (i, x) in nieuwe.items():
        if sleutel in oude:
            yield from verschillen(oude[sleutel][1], x, item_pad(pad, type(x), i, sleutel), wortel)
    if [k for k in oude if k in nieuwe] != [k for k in nieuwe if k in oude]:
        yield Verschil((*pad, "volgorde"), list(oude), list(nieuwe))


def _per_item(pad: tuple[str, ...], wortel: Any) -> tuple:
    """The items that the items of the list at `pad` stand for (the years), if any."""
    if not pad or pad[-1] not in PER_ITEM_VAN or wortel is None:
        return ()
    return tuple(getattr(wortel, PER_ITEM_VAN[pad[-1]][0], ()))
