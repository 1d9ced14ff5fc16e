"""Build typed records from YAML nodes, keeping the file, path, line and column of every value.

Why nodes and not `yaml.safe_load`: PyYAML follows YAML 1.1, where `no`, `on`, `1.10` and
`12:30` silently become a boolean, a float or a number, and `titel: Peilen #1` silently
becomes "Peilen". Working on the composed node tree lets us see how each scalar was read and
where it stands, and refuse what a data editor did not mean, with the line it stands on. It
also lets us report duplicate keys, which PyYAML drops, and texts the parser accepts but the
editor did not mean: Word's quotes kept as letters, a list item folded into the text above.

The people who edit the data are policy staff, not programmers: every message is Dutch,
names the line and column, names the value as they know it ("vraag 4 (eerst-verhelderen)",
not "vragen[3]") and says what to do (the messages are listed in BIJDRAGEN.md).
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence, TypeGuard

import yaml
from yaml.constructor import SafeConstructor

from . import regelpad, tekens, yaml_meldingen
from .model import KEUZES
from .tekens import aangehaald
from .velden import Keuze, Tekstsoort

# libyaml's composer when PyYAML has it (same nodes, tags and line marks; several times faster).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"

# How a YAML 1.1 scalar was read, in words a data editor understands.
_GELEZEN_ALS = {
    _BOOL: "ja/nee-waarde (boolean)",
    _INT: "geheel getal",
    "tag:yaml.org,2002:float": "kommagetal",
    "tag:yaml.org,2002:timestamp": "datum",
    _NULL: "lege waarde (null)",
    _STR: "tekst",
}

# A text that begins as a list item written wrongly: a bullet or another dash, or a dash
# without a space after it.
_LIJSTTEKEN_VOORAAN = re.compile(r"(?:([" + regelpad.LIJSTTEKENS + r"])\s*|-(?=[^\s-]))")

# Characters that turn the reading direction around: text that shows one thing and says
# another ("Trojan Source"). Never needed in Dutch policy text.
RICHTINGSTEKENS = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C)}


@dataclass(frozen=True)
class Fout:
    """One problem in the data: where it is and what is wrong."""

    bestand: str
    pad: str  # what the value is, as a data editor names it: "vraag 4 (eerst-verhelderen) › ja"
    regel: Optional[int]  # from 1; for sorting and for links to the line
    bericht: str
    kolom: Optional[int] = None  # from 1, in characters

    def __str__(self) -> str:
        # file:line:column, as editors and CI annotations read it; then which field, what and why.
        # A problem of the whole file (it is missing, it is not UTF-8) has no field to name.
        plek = self.bestand
        if self.regel:
            plek += f":{self.regel}" + (f":{self.kolom}" if self.kolom else "")
        return f"{plek}: {self.pad}: {self.bericht}" if self.pad else f"{plek}: {self.bericht}"

    @property
    def volgorde(self) -> tuple:
        """File, line and column: the order in which a data editor works through the problems."""
        return (self.bestand, self.regel or 0, self.kolom or 0)


@dataclass(frozen=True)
class Locatie:
    bestand: str
    pad: str
    regel: int
    kolom: Optional[int] = None


class _Ongeldig:
    """Marks a value that could not be built; its error is already recorded."""


ONGELDIG = _Ongeldig()


def locatie(record: object, veld: Optional[str] = None, item: Any = None) -> Optional[Locatie]:
    """Where a built record, one of its fields, or one item of a field stands in its YAML file.
    `item` is the place in a list (0 for the first) or the key in a mapping."""
    if item is not None:
        return getattr(record, "_item_locaties", {}).get((veld, item))
    if veld is not None:
        return getattr(record, "_veld_locaties", {}).get(veld)
    return getattr(record, "_locatie", None)


def plek_van(record: object, veld: Optional[str] = None, item: Any = None) -> Locatie:
    """`locatie` of a record the reader built, which always has one: a record made in code (a
    copy with `dataclasses.replace`, a test's) has none to report a problem at."""
    plek = locatie(record, veld, item)
    if plek is None:
        waar = f" (veld {veld!r}{f', {item!r}' if item is not None else ''})" if veld else ""
        raise LookupError(f"{type(record).__name__}{waar} is niet uit een bestand gelezen en heeft dus geen plek")
    return plek


def lees_tekst(pad: Path, naam: str, fouten: list[Fout], soort: Optional[type] = None) -> Optional[str]:
    """The file as text, or None after recording why it cannot be read as UTF-8 (with the field
    at that line when `soort`, the file's record type, is given)."""
    inhoud = pad.read_bytes()
    try:
        tekst = inhoud.decode("utf-8")
    except UnicodeDecodeError as e:
        regel = inhoud[: e.start].count(b"\n") + 1
        begin = inhoud.rfind(b"\n", 0, e.start) + 1
        kolom = len(inhoud[begin : e.start].decode("utf-8", errors="replace")) + 1
        regels = inhoud.decode("utf-8", errors="replace").splitlines()
        fouten.append(
            Fout(
                naam,
                pad_van_regel(regels, regel, soort) if soort is not None else "",
                regel,
                f"dit bestand is niet opgeslagen als UTF-8 (het teken op regel {regel}, kolom {kolom} "
                "kan niet gelezen worden); sla het bestand op als UTF-8",
                kolom,
            )
        )
        return None
    return tekst.removeprefix("\ufeff")  # a byte order mark, as some Windows editors write


# A file the parser cannot read is read no further than its first mistake: said with it, so a
# data editor does not take the one message for the only one.
VERDER_NA_HERSTEL = "De controle stopt in dit bestand bij de eerste fout; herstel die en draai make check opnieuw"
NA_ONZICHTBARE_TEKENS = (
    "De controle leest dit bestand verder als de onzichtbare tekens weg zijn; draai daarna make check opnieuw"
)


def lees_bestand(pad: Path, naam: str, soort: type, fouten: list[Fout]) -> Any:
    """Parse one YAML file into a record of type `soort`; problems go to `fouten`."""
    tekst = lees_tekst(pad, naam, fouten, soort)
    if tekst is None:
        return ONGELDIG
    regels = tekst.splitlines()
    # Characters nobody can see come first, all of them: what the parser would say about them
    # (a missing colon, the indentation) sends a data editor looking for the wrong thing.
    if onzichtbaar := tekens.onzichtbare_tekens(tekst):
        for i, v in enumerate(onzichtbaar):
            bericht = v.bericht if i < len(onzichtbaar) - 1 else f"{v.bericht}. {NA_ONZICHTBARE_TEKENS}"
            fouten.append(Fout(naam, pad_van_regel(regels, v.regel, soort), v.regel, bericht, v.kolom))
        return ONGELDIG
    try:
        node = yaml.compose(tekst, Loader=_LOADER)
    except (yaml.YAMLError, RecursionError) as e:
        melding = yaml_meldingen.vertaal(e, tekst)
        fouten.append(
            Fout(
                naam,
                pad_van_regel(regels, melding.regel, soort) if melding.regel else "",
                melding.regel,
                f"{melding.bericht}. {VERDER_NA_HERSTEL}",
                melding.kolom,
            )
        )
        return ONGELDIG
    if node is None:
        fouten.append(Fout(naam, "", None, "het bestand is leeg"))
        return ONGELDIG
    return _Bouwer(naam, fouten, regels, node).bouw(soort, node, ())


# How a path names what it leads to. A record in a list is named by its kind and its key, as
# the data editor knows it ("vorm 'peilen'", "scenario 'Buurtfeest'"), not by its place.
PADSCHEIDING = " › "
SLEUTELS = ("id", "naam", "versie")  # the field that names a record, the first it has
# Lists whose place is the number the site shows: "vraag 4 (eerst-verhelderen)".
GENUMMERD = ("vragen",)
# Lists whose items stand for the items of another list at the top of the file, in the same
# order: the amounts of a budget line are one per year, so the third is "jaar 2026".
PER_ITEM_VAN = {"bedragen": ("jaren", "jaar")}


def pad_tekst(pad: tuple[str, ...]) -> str:
    return PADSCHEIDING.join(pad)


def item_pad(
    pad: tuple[str, ...], soort: Any, index: int, sleutel: Optional[str] = None, per_item: Sequence[object] = ()
) -> tuple[str, ...]:
    """The path of the item at `index` (from 0) of the list at `pad`, named as the data editor
    knows it: a record by its kind and its key ("vorm 'peilen'"), taking the place of its list
    in the path; a question by its number ("vraag 4 (eerst-verhelderen)"); an amount by the item
    it stands for (`per_item`: the years, "jaar 2027"); anything else by its place, counted from
    1 ("nr. 2"). `sleutel` is the record's id, naam or versie. The check, the placeholder
    message and the outcome report all name a place in the data with this."""
    lijst = _laatste_sleutel(pad)
    kern = _zonder_none(soort)
    if is_record(kern):
        soortnaam = kern.__name__.lower()
        if lijst in GENUMMERD:
            naam = f"{soortnaam} {index + 1}" + (f" ({sleutel})" if sleutel else "")
        else:
            naam = f"{soortnaam} {aangehaald(sleutel)}" if sleutel else f"{soortnaam} {index + 1}"
        return (*pad[:-1], naam)
    if lijst in PER_ITEM_VAN and index < len(per_item):
        return (*pad, f"{PER_ITEM_VAN[lijst][1]} {per_item[index]}")
    return (*pad, f"nr. {index + 1}")


def sleutel_van(soort: type, waarden: dict) -> Optional[str]:
    """The value that names a record of type `soort`: the first of its id, naam or versie that
    `waarden` (field name to value) has."""
    velden = {f.name for f in dataclasses.fields(soort)}
    for sleutel in SLEUTELS:
        waarde = waarden.get(sleutel)
        if sleutel in velden and isinstance(waarde, str) and waarde.strip():
            return waarde
    return None


def pad_van_regel(regels: list[str], regel: int, soort: type) -> str:
    """What the data editor calls the field line `regel` (from 1) belongs to, read from the text
    (regelpad.py) for a file YAML cannot read, named as the lezer names it: "vorm 'peilen' ›
    zeggenschap". A word that may be a key whose colon is missing is named only when the record
    has such a field."""
    pad: tuple[str, ...] = ()
    huidig: Any = soort
    for stap in regelpad.stappen(regels, regel - 1):
        if isinstance(stap, regelpad.Sleutel):
            veldtype = _veldtype(huidig, stap.naam)
            if not stap.zeker and veldtype is None:
                break
            pad, huidig = (*pad, stap.naam), veldtype
        else:
            element = _elementtype(huidig)
            kern = _zonder_none(element)
            sleutel = sleutel_van(kern, stap.sleutels) if is_record(kern) else None
            pad, huidig = item_pad(pad, element, stap.plaats, sleutel), element
    return pad_tekst(pad)


def _veldtype(soort: Any, naam: str) -> Any:
    """The type of field `naam` of a record type (of the record that has it, for a choice of
    records), or of the values of a mapping; None if unknown."""
    kern = _zonder_none(soort)
    if is_record(kern):
        return typing.get_type_hints(kern).get(naam) if naam in {f.name for f in dataclasses.fields(kern)} else None
    if kern in KEUZES:
        return next((t for s in typing.get_args(kern) if (t := _veldtype(s, naam)) is not None), None)
    if typing.get_origin(kern) is dict:
        return typing.get_args(kern)[1]
    return None


def _elementtype(soort: Any) -> Any:
    kern = _zonder_none(soort)
    return typing.get_args(kern)[0] if typing.get_origin(kern) is list else None


class _Bouwer:
    def __init__(self, bestand: str, fouten: list[Fout], regels: list[str], wortel: yaml.Node):
        self.bestand = bestand
        self.fouten = fouten
        self.regels = regels
        self.wortel = wortel
        self._constructor = SafeConstructor()
        self._plekken: dict[int, Locatie] = {}  # per node (by id): where it is and its path

    def fout(
        self, pad: tuple[str, ...], node: yaml.Node, bericht: str, regel: Optional[int] = None, kolom: int = 0
    ) -> _Ongeldig:
        """Record a problem at `node`, or at `regel` and `kolom` inside it."""
        if regel is None:
            regel, kolom = node.start_mark.line + 1, node.start_mark.column + 1
        self.fouten.append(Fout(self.bestand, pad_tekst(pad), regel, bericht, kolom))
        return ONGELDIG

    def plek(self, pad: tuple[str, ...], node: yaml.Node) -> Locatie:
        plek = Locatie(self.bestand, pad_tekst(pad), node.start_mark.line + 1, node.start_mark.column + 1)
        self._plekken[id(node)] = plek
        return plek

    def bouw(self, soort: Any, node: yaml.Node, pad: tuple[str, ...], regels: Optional[dict] = None) -> Any:
        """Build a value of type `soort`; `regels` are the field's rules (see velden.veld)."""
        regels = regels or {}
        self.plek(pad, node)
        origin = typing.get_origin(soort)
        if origin in (typing.Union, types.UnionType):
            if type(None) in typing.get_args(soort) and isinstance(node, yaml.ScalarNode) and node.tag == _NULL:
                return None
            kern = _zonder_none(soort)
            if kern in KEUZES:
                return self._keuze(KEUZES[kern], typing.get_args(kern), node, pad)
            if typing.get_origin(kern) in (typing.Union, types.UnionType):
                raise TypeError(f"model gebruikt een keuze die niet in model.KEUZES staat: {kern!r}")
            return self.bouw(kern, node, pad, regels)
        if is_record(soort):
            return self._record(soort, node, pad)
        if origin is list:
            return self._lijst(typing.get_args(soort)[0], node, pad, regels)
        if origin is dict:
            return self._woordenboek(typing.get_args(soort)[1], node, pad, regels)
        if soort is str:
            return self._tekst(node, pad, regels.get("soort"))
        if soort is int:
            waarde = self._scalar(node, pad, _INT, "een geheel getal", self._constructor.construct_yaml_int)
            return waarde if waarde is ONGELDIG else self._binnen_bereik(waarde, node, pad, regels)
        if soort is bool:
            return self._scalar(node, pad, _BOOL, "true of false", self._constructor.construct_yaml_bool)
        raise TypeError(f"model gebruikt een type dat de loader niet kent: {soort!r}")

    def _tekst(self, node: yaml.Node, pad: tuple[str, ...], soort: Optional[Tekstsoort]) -> Any:
        veld = _laatste_sleutel(pad)
        if isinstance(node, yaml.ScalarNode) and node.tag == _NULL and not node.value:
            return self.fout(pad, node, f"'{veld}' is leeg; vul hier een tekst in")
        if (fout := self._tekst_met_dubbele_punt(node)) is not None:
            return self.fout(pad, node, fout)
        if not isinstance(node, yaml.ScalarNode):
            return self.fout(pad, node, f"verwacht tekst, maar vond {_soort_node(node)}")
        if node.tag not in _GELEZEN_ALS:  # an explicit tag: `titel: !Nieuw Peilen`
            regel_tekst = self.regels[node.start_mark.line]
            return self.fout(
                pad,
                node,
                "de waarde begint met een uitroepteken (!); YAML leest dat als een aanwijzing voor het soort "
                "waarde. Zet de tekst tussen aanhalingstekens: "
                + tekens.rechte_aanhalingstekens(regel_tekst[node.start_mark.column :].strip()),
            )
        if node.tag != _STR:
            gelezen = _GELEZEN_ALS[node.tag]
            return self.fout(
                pad,
                node,
                f"verwacht tekst, maar YAML leest {aangehaald(node.value)} als {gelezen}; "
                f'zet de waarde tussen aanhalingstekens: "{node.value}"',
            )
        waarde = node.value
        if (fout := self._commentaar_na_tekst(node)) is not None:
            return self.fout(pad, node, fout)
        if richting := sorted(RICHTINGSTEKENS & set(waarde)):
            codes = ", ".join(f"U+{ord(t):04X}" for t in richting)
            return self.fout(
                pad,
                node,
                f"de tekst bevat een onzichtbaar teken dat de leesrichting omdraait ({codes}); "
                "zo'n teken kan laten zien wat er niet staat. Typ de tekst opnieuw, zonder kopiëren",
            )
        if not waarde.strip():
            return self.fout(pad, node, "tekst mag niet leeg zijn")
        if not any(unicodedata.category(t)[0] in "LNPS" for t in waarde):
            return self.fout(
                pad,
                node,
                "de tekst bestaat alleen uit onzichtbare tekens (zoals spaties zonder breedte); typ de tekst opnieuw",
            )
        if (fout := self._onzichtbaar_in_tekst(waarde)) is not None:
            return self.fout(pad, node, fout)
        waar = yaml_meldingen.plek(node.start_mark.line + 1, node.start_mark.column + 1)
        if not node.style and (fout := tekens.gekrulde_aanhalingstekens(waarde, waar)) is not None:
            return self.fout(pad, node, fout)
        if (streepje := self._lijstpunt_in_tekst(node)) is not None:
            return self.fout(pad, node, streepje[2], *streepje[:2])
        if soort is not None:
            # A form first: "'ruim de helft' is geen geldige meetwaarde" says more than its length.
            if not soort.past(waarde):
                return self.fout(
                    pad,
                    node,
                    f"{aangehaald(waarde)} is geen geldig{'' if soort.het else 'e'} {soort.naam}: gebruik "
                    f"{soort.vorm}, zoals {soort.voorbeeld}",
                )
            if len(waarde) > soort.maximum:
                return self.fout(
                    pad,
                    node,
                    f"een {soort.naam} mag hoogstens {soort.maximum} tekens hebben; deze heeft "
                    f"er {len(waarde)}. Staat hier per ongeluk meer tekst, of hoort dit in "
                    "meer velden?",
                )
        return waarde

    def _tekst_met_dubbele_punt(self, node: yaml.Node) -> Optional[str]:
        """`- Stadsmakers: een voorbeeld` in a list of texts: YAML reads a key and a value, where
        the data editor wrote a text with a colon (or with Word's quotes around it)."""
        if not (isinstance(node, yaml.MappingNode) and len(node.value) == 1):
            return None
        sleutel, waarde = node.value[0]
        if not (isinstance(sleutel, yaml.ScalarNode) and not sleutel.style and isinstance(waarde, yaml.ScalarNode)):
            return None
        regel, kolom = sleutel.start_mark.line + 1, sleutel.start_mark.column + 1
        if not self.regels[regel - 1][: kolom - 1].rstrip().endswith("-") or waarde.start_mark.line != regel - 1:
            return None  # a mapping written as one (`eigenaar:` with keys below it): "verwacht tekst" says it
        tekst = self.regels[regel - 1][kolom - 1 :].rstrip()
        waar = yaml_meldingen.plek(regel, kolom)
        return tekens.gekrulde_aanhalingstekens(tekst, waar) or (
            f"{waar} staat een dubbele punt midden in de tekst; YAML leest die als een sleutel met een waarde. "
            f"Zet de tekst tussen aanhalingstekens: {tekens.rechte_aanhalingstekens(tekst)}"
        )

    def _commentaar_na_tekst(self, node: yaml.ScalarNode) -> Optional[str]:
        """In plain (unquoted) text YAML reads " #" as the start of a comment, so
        `titel: Peilen #1` silently becomes "Peilen". Refuse it: say what was read."""
        if node.style:
            return None  # quoted or a block (| or >): a # there is text (plain is None or "")
        eind = node.end_mark
        if eind.line >= len(self.regels):
            return None
        rest = self.regels[eind.line][eind.column :]
        if rest[:1] in (" ", "\t") and rest.lstrip().startswith("#"):
            return (
                f"na {aangehaald(node.value)} staat ' #': YAML leest alles vanaf het # als commentaar, dus de tekst stopt "
                f"bij {aangehaald(node.value)}. Hoort het # bij de tekst? Zet de tekst dan tussen aanhalingstekens, "
                f'zoals: "{node.value} {rest.strip()}". Is het een opmerking? Zet die dan op een eigen regel'
            )
        return None

    @staticmethod
    def _onzichtbaar_in_tekst(waarde: str) -> Optional[str]:
        """The file has no invisible characters (see tekens.py), but a quoted text can still
        write one as a code, such as "\\u200B" or "\\_"."""
        onzichtbaar = [t for t in waarde if t in tekens.ZONDER_BREEDTE or t in tekens.HARDE_SPATIES]
        onzichtbaar += [t for t in waarde if t in tekens.REGELOVERGANGEN]
        if not onzichtbaar:
            return None
        return (
            f"de tekst bevat {tekens.naam(onzichtbaar[0])}, geschreven als code na een schuine streep (\\). "
            "Haal de code weg; een gewone spatie typt u als spatie"
        )

    def _lijstpunt_in_tekst(self, node: yaml.ScalarNode) -> Optional[tuple[int, int, str]]:
        """A text of more lines (plain, or folded with >) in which a line begins with '- '. YAML
        joins that line to the text above: a list item that lost its indentation silently
        becomes part of the item before it, three examples become one."""
        if node.style not in (None, "", ">"):
            return None
        begin, eind = node.start_mark, node.end_mark
        laatste = eind.line if eind.column > 0 else eind.line - 1
        for index in range(begin.line + 1, min(laatste, len(self.regels) - 1) + 1):
            regel_tekst = self.regels[index]
            inhoud = regel_tekst.lstrip(" ")
            if inhoud == "-" or inhoud.startswith("- "):
                regel, kolom = index + 1, len(regel_tekst) - len(inhoud) + 1
                if (eerste := self._eerste_punt_springt_minder_in(node, regel, kolom)) is not None:
                    return eerste
                boven = begin.line + 1
                return (
                    regel,
                    kolom,
                    f"{yaml_meldingen.plek(regel, kolom)} begint een regel met '- ', maar YAML leest die regel als "
                    f"vervolg van de tekst die op regel {boven} begint, niet als een nieuw punt van een lijst: de "
                    "punten worden samen één tekst. Is het een punt van een lijst? Laat het streepje dan even ver "
                    "inspringen als de streepjes van de andere punten. Hoort het streepje bij de tekst? Zet het dan "
                    "niet aan het begin van een regel",
                )
        return None

    def _eerste_punt_springt_minder_in(
        self, node: yaml.ScalarNode, regel: int, kolom: int
    ) -> Optional[tuple[int, int, str]]:
        """The first item of a list whose dash stands under its key, the other items two spaces
        further in: YAML reads a list at the key's indentation, of one item, whose text goes on
        with every dash below it. The mistake is the first dash, not the second."""
        eigen = self.regels[node.start_mark.line]
        voor = eigen[: node.start_mark.column]
        if not re.fullmatch(r" *- +", voor):
            return None
        streepje = len(voor) - len(voor.lstrip(" ")) + 1
        boven = next(
            (r for r in reversed(self.regels[: node.start_mark.line]) if r.strip() and not r.lstrip().startswith("#")),
            "",
        )
        if kolom <= streepje or len(boven) - len(boven.lstrip(" ")) + 1 != streepje or not boven.rstrip().endswith(":"):
            return None
        eerste = node.start_mark.line + 1
        return (
            eerste,
            streepje,
            f"{yaml_meldingen.plek(eerste, streepje)} springt het streepje (-) van het eerste punt van de lijst minder "
            f"ver in dan de streepjes van de punten eronder (kolom {kolom}, zoals op regel {regel}). Daardoor leest "
            "YAML die punten als vervolg van de tekst van het eerste punt: de punten worden samen één tekst. Zet het "
            f"streepje op regel {eerste} recht onder de andere streepjes: typ er {kolom - streepje} "
            f"{'spatie' if kolom - streepje == 1 else 'spaties'} voor",
        )

    def _binnen_bereik(self, waarde: int, node: yaml.Node, pad: tuple[str, ...], regels: dict) -> Any:
        laag, hoog = regels.get("minimum"), regels.get("maximum")
        if (laag is not None and waarde < laag) or (hoog is not None and waarde > hoog):
            bereik = (
                f"van {laag} tot en met {hoog}"
                if laag is not None and hoog is not None
                else f"minstens {laag}"
                if laag is not None
                else f"hoogstens {hoog}"
            )
            return self.fout(pad, node, f"{waarde} ligt buiten het bereik: de waarde moet {bereik} zijn")
        return waarde

    def _scalar(self, node: yaml.Node, pad: tuple[str, ...], tag: str, verwacht: str, maak) -> Any:
        if not isinstance(node, yaml.ScalarNode) or node.tag != tag:
            gevonden = _soort_node(node)
            return self.fout(pad, node, f"verwacht {verwacht}, maar vond {gevonden}")
        return maak(node)

    def _lijst(self, soort: Any, node: yaml.Node, pad: tuple[str, ...], regels: dict) -> Any:
        if not isinstance(node, yaml.SequenceNode):
            if (lijstteken := self._lijstteken(node)) is not None:
                return self.fout(pad, node, lijstteken)
            return self.fout(pad, node, f"verwacht een lijst, maar vond {_soort_node(node)}")
        items = [
            self.bouw(soort, item, self._item_pad(soort, pad, i, item), regels) for i, item in enumerate(node.value)
        ]
        return ONGELDIG if any(i is ONGELDIG for i in items) else items

    def _lijstteken(self, node: yaml.Node) -> Optional[str]:
        """A list written with Word's bullets, other dashes or a dash without a space (`• peiling`,
        `-peiling`): YAML reads the lines as one text where a list should be."""
        if not (isinstance(node, yaml.ScalarNode) and not node.style):
            return None
        gevonden = _LIJSTTEKEN_VOORAAN.match(node.value)
        regel_tekst = self.regels[node.start_mark.line]
        if gevonden is None or regel_tekst[: node.start_mark.column].strip():
            return None  # not a line of its own: `voorbeelden: • …` is another mistake
        tekst = regel_tekst[node.start_mark.column :]
        regel, kolom = node.start_mark.line + 1, node.start_mark.column + 1
        return yaml_meldingen.lijstteken_bericht(regel, kolom, gevonden[1], tekst[len(gevonden[0]) :].rstrip())

    def _item_pad(self, soort: Any, pad: tuple[str, ...], index: int, node: yaml.Node) -> tuple[str, ...]:
        kern = _zonder_none(soort)
        sleutel = _sleutel_van(kern, node) if is_record(kern) else None
        lijst = _laatste_sleutel(pad)
        per_item = _lijst_bovenaan(self.wortel, PER_ITEM_VAN[lijst][0]) if lijst in PER_ITEM_VAN else ()
        return item_pad(pad, soort, index, sleutel, per_item)

    def _woordenboek(self, soort: Any, node: yaml.Node, pad: tuple[str, ...], regels: dict) -> Any:
        """A mapping from names (such as question ids) to values of one type."""
        if not isinstance(node, yaml.MappingNode):
            return self.fout(pad, node, f"verwacht sleutels en waarden, maar vond {_soort_node(node)}")
        uit: dict[str, Any] = {}
        ok = True
        for sleutel_node, waarde_node in node.value:
            sleutel = sleutel_node.value if isinstance(sleutel_node, yaml.ScalarNode) else None
            sleutel_pad = (*pad, str(sleutel))
            if not isinstance(sleutel, str) or sleutel in uit:
                self.fout(
                    sleutel_pad,
                    sleutel_node,
                    f"de sleutel '{sleutel}' staat er twee keer" if sleutel in uit else "verwacht een naam als sleutel",
                )
                ok = False
                continue
            self.plek(sleutel_pad, sleutel_node)  # a wrong key is reported where the key stands
            uit[sleutel] = self.bouw(soort, waarde_node, sleutel_pad, regels)
            ok = ok and uit[sleutel] is not ONGELDIG
        return uit if ok else ONGELDIG

    def _keuze(self, keuze: Keuze, soorten: tuple[type, ...], node: yaml.Node, pad: tuple[str, ...]) -> Any:
        """One of several records (`velden.Keuze`), told apart by their keys: the record whose
        key stands in the mapping is built as any record is (so a key beside it that it does not
        have is reported there). With no key of any of them, or keys of more than one, the
        message shows the ways to write it."""
        if not isinstance(node, yaml.MappingNode):
            return self.fout(pad, node, f"verwacht sleutels en waarden, maar vond {_soort_node(node)}")
        sleutels = [(k.value, k) for k, _ in node.value if isinstance(k, yaml.ScalarNode)]
        staan_er = {sleutel for sleutel, _ in sleutels}
        genoemd = [s for s in soorten if any(f.name in staan_er for f in dataclasses.fields(s))]
        if len(genoemd) == 1:
            return self._record(genoemd[0], node, pad)
        if not genoemd and sleutels:
            # Only keys none of the records has (a typo: `vrag`): said at each, as for any record.
            toegestaan = ", ".join(f.name for s in soorten for f in dataclasses.fields(s))
            for sleutel, sleutel_node in sleutels:
                self.fout((*pad, sleutel), sleutel_node, f"onbekende sleutel '{sleutel}' (toegestaan: {toegestaan})")
            return ONGELDIG
        schrijfwijzen = " of ".join(_schrijfwijze(s) for s in soorten)
        if not genoemd:
            return self.fout(pad, node, f"{keuze.melding}, maar hier staat er geen: schrijf {schrijfwijzen}")
        namen = " en ".join(sleutel for sleutel, _ in sleutels)
        return self.fout(
            pad, node, f"{keuze.melding}, maar hier staan er {len(genoemd)} ({namen}): houd er één, {schrijfwijzen}"
        )

    def _record(self, soort: type, node: yaml.Node, pad: tuple[str, ...]) -> Any:
        if not isinstance(node, yaml.MappingNode):
            return self.fout(pad, node, f"verwacht sleutels en waarden, maar vond {_soort_node(node)}")
        velden = {f.name: f for f in dataclasses.fields(soort)}
        hints = typing.get_type_hints(soort)
        gezien: dict[str, yaml.Node] = {}
        waarden: dict[str, Any] = {}
        locaties: dict[str, Locatie] = {}
        item_locaties: dict[tuple[str, Any], Locatie] = {}
        ok = True
        for sleutel_node, waarde_node in node.value:
            sleutel = sleutel_node.value if isinstance(sleutel_node, yaml.ScalarNode) else None
            veld_pad = (*pad, str(sleutel))
            if sleutel in gezien:
                self.fout(veld_pad, sleutel_node, f"de sleutel '{sleutel}' staat er twee keer")
                ok = False
                continue
            if sleutel not in velden:
                toegestaan = ", ".join(velden)
                self.fout(veld_pad, sleutel_node, f"onbekende sleutel '{sleutel}' (toegestaan: {toegestaan})")
                ok = False
                continue
            gezien[sleutel] = waarde_node
            waarde = self.bouw(hints[sleutel], waarde_node, veld_pad, dict(velden[sleutel].metadata))
            if waarde is ONGELDIG:
                ok = False
            waarden[sleutel] = waarde
            locaties[sleutel] = self._plekken[id(waarde_node)]
            item_locaties.update(self._items(sleutel, waarde_node))
        for naam, veld in velden.items():
            verplicht = veld.default is dataclasses.MISSING and veld.default_factory is dataclasses.MISSING
            if verplicht and naam not in gezien:
                self.fout(pad, node, f"het verplichte veld '{naam}' ontbreekt")
                ok = False
        if not ok:
            return ONGELDIG
        record = soort(**waarden)
        # Frozen records still accept attributes through object.__setattr__; the location is
        # metadata for error messages, not part of the record's value.
        object.__setattr__(record, "_locatie", self._plekken[id(node)])
        object.__setattr__(record, "_veld_locaties", locaties)
        object.__setattr__(record, "_item_locaties", item_locaties)
        return record

    def _items(self, veld: str, node: yaml.Node) -> dict[tuple[str, Any], Locatie]:
        """Where each item of a list field stands (by place), and each key of a mapping field (by key)."""
        paren: Iterable[tuple[Any, yaml.Node]]
        if isinstance(node, yaml.SequenceNode):
            paren = enumerate(node.value)
        elif isinstance(node, yaml.MappingNode):
            paren = ((k.value, k) for k, _ in node.value if isinstance(k, yaml.ScalarNode))
        else:
            return {}
        return {(veld, item): self._plekken[id(n)] for item, n in paren if id(n) in self._plekken}


def _zonder_none(soort: Any) -> Any:
    """`X` for `Optional[X]` (the union of the rest for a choice of records that may be left
    out); other types as they are."""
    if typing.get_origin(soort) in (typing.Union, types.UnionType):
        kern = tuple(a for a in typing.get_args(soort) if a is not type(None))
        return kern[0] if len(kern) == 1 else typing.Union[kern]
    return soort


def is_record(soort: object) -> TypeGuard[type]:
    """Whether `soort` is a record type of the model (a dataclass itself, not one of its values)."""
    return isinstance(soort, type) and dataclasses.is_dataclass(soort)


def _schrijfwijze(soort: type) -> str:
    """How a record of a choice is written in the YAML, by its required keys: "{vraag: <id>}"."""
    velden = [
        f
        for f in dataclasses.fields(soort)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    ]
    return "{" + ", ".join(f"{f.name}: <{_soortnaam(f.metadata)}>" for f in velden) + "}"


def _soortnaam(regels: typing.Mapping[str, Any]) -> str:
    soort = regels.get("soort")
    return soort.naam if isinstance(soort, Tekstsoort) else "waarde"


def _laatste_sleutel(pad: tuple[str, ...]) -> str:
    return pad[-1] if pad else ""


def _sleutel_van(soort: type, node: yaml.Node) -> Optional[str]:
    """The value that names a record (its id, naam or versie), read from its node before it is built."""
    if not isinstance(node, yaml.MappingNode):
        return None
    return sleutel_van(
        soort,
        {k.value: v.value for k, v in node.value if isinstance(k, yaml.ScalarNode) and isinstance(v, yaml.ScalarNode)},
    )


def _lijst_bovenaan(wortel: yaml.Node, sleutel: str) -> list[str]:
    """The values of the list `sleutel` at the top of the file, as written (the years of `jaren`)."""
    if isinstance(wortel, yaml.MappingNode):
        for k, v in wortel.value:
            if isinstance(k, yaml.ScalarNode) and k.value == sleutel and isinstance(v, yaml.SequenceNode):
                return [i.value if isinstance(i, yaml.ScalarNode) else "?" for i in v.value]
    return []


def _soort_node(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "sleutels en waarden"
    if isinstance(node, yaml.SequenceNode):
        return "een lijst"
    return f"{aangehaald(node.value)} ({_GELEZEN_ALS.get(node.tag, node.tag)})"
