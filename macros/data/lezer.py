"""Build typed records from YAML nodes, keeping the file, key path and line of every value.

Why nodes and not `yaml.safe_load`: PyYAML follows YAML 1.1, where `no`, `on`, `1.10` and
`12:30` silently become a boolean, a float or a number, and `titel: Peilen #1` silently
becomes "Peilen". Working on the composed node tree lets us see how each scalar was read and
where it stands, and refuse what a data editor did not mean, with the line it stands on. It
also lets us report duplicate keys, which PyYAML drops.

The people who edit the data are policy staff, not programmers: every message is Dutch,
names the line and says what to do (the messages are listed in BIJDRAGEN.md).
"""

from __future__ import annotations

import dataclasses
import types
import typing
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import yaml
from yaml.constructor import SafeConstructor

from . import yaml_meldingen
from .velden import Tekstsoort

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

# Characters that turn the reading direction around: text that shows one thing and says
# another ("Trojan Source"). Never needed in Dutch policy text.
RICHTINGSTEKENS = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C)}


@dataclass(frozen=True)
class Fout:
    """One problem in the data: where it is and what is wrong."""

    bestand: str
    pad: str
    regel: Optional[int]
    bericht: str

    def __str__(self) -> str:
        plek = f"{self.bestand}:{self.regel}" if self.regel else self.bestand
        return f"{plek}: {self.pad or '(bestand)'}: {self.bericht}"


@dataclass(frozen=True)
class Locatie:
    bestand: str
    pad: str
    regel: int


class _Ongeldig:
    """Marks a value that could not be built; its error is already recorded."""


ONGELDIG = _Ongeldig()


def locatie(record: object, veld: Optional[str] = None) -> Optional[Locatie]:
    """Where a built record (or one of its fields) stands in its YAML file."""
    if veld is not None:
        return getattr(record, "_veld_locaties", {}).get(veld)
    return getattr(record, "_locatie", None)


def lees_tekst(pad: Path, naam: str, fouten: list[Fout]) -> Optional[str]:
    """The file as text, or None after recording why it cannot be read as UTF-8."""
    inhoud = pad.read_bytes()
    try:
        tekst = inhoud.decode("utf-8")
    except UnicodeDecodeError as e:
        regel = inhoud[: e.start].count(b"\n") + 1
        fouten.append(
            Fout(
                naam,
                "",
                regel,
                f"dit bestand is niet opgeslagen als UTF-8 (het teken op regel {regel} "
                "kan niet gelezen worden); sla het bestand op als UTF-8",
            )
        )
        return None
    return tekst.removeprefix("\ufeff")  # a byte order mark, as some Windows editors write


def lees_bestand(pad: Path, naam: str, soort: type, fouten: list[Fout]) -> Any:
    """Parse one YAML file into a record of type `soort`; problems go to `fouten`."""
    tekst = lees_tekst(pad, naam, fouten)
    if tekst is None:
        return ONGELDIG
    try:
        node = yaml.compose(tekst, Loader=_LOADER)
    except yaml.MarkedYAMLError as e:
        regel, bericht = yaml_meldingen.vertaal(e, tekst)
        fouten.append(Fout(naam, "", regel, bericht))
        return ONGELDIG
    except yaml.YAMLError as e:
        fouten.append(Fout(naam, "", None, f"geen geldige YAML: {e}"))
        return ONGELDIG
    if node is None:
        fouten.append(Fout(naam, "", None, "het bestand is leeg"))
        return ONGELDIG
    return _Bouwer(naam, fouten, tekst.splitlines()).bouw(soort, node, "")


class _Bouwer:
    def __init__(self, bestand: str, fouten: list[Fout], regels: list[str]):
        self.bestand = bestand
        self.fouten = fouten
        self.regels = regels
        self._constructor = SafeConstructor()

    def fout(self, pad: str, node: yaml.Node, bericht: str) -> _Ongeldig:
        self.fouten.append(Fout(self.bestand, pad, node.start_mark.line + 1, bericht))
        return ONGELDIG

    def bouw(self, soort: Any, node: yaml.Node, pad: str, regels: Optional[dict] = None) -> Any:
        """Build a value of type `soort`; `regels` are the field's rules (see velden.veld)."""
        regels = regels or {}
        origin = typing.get_origin(soort)
        if origin in (typing.Union, types.UnionType):
            (kern,) = [a for a in typing.get_args(soort) if a is not type(None)]
            if isinstance(node, yaml.ScalarNode) and node.tag == _NULL:
                return None
            return self.bouw(kern, node, pad, regels)
        if dataclasses.is_dataclass(soort):
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

    def _tekst(self, node: yaml.Node, pad: str, soort: Optional[Tekstsoort]) -> Any:
        veld = pad.rsplit(".", 1)[-1]
        if isinstance(node, yaml.ScalarNode) and node.tag == _NULL and not node.value:
            return self.fout(pad, node, f"'{veld}' is leeg; vul hier een tekst in")
        if not isinstance(node, yaml.ScalarNode):
            return self.fout(pad, node, f"verwacht tekst, maar vond {_soort_node(node)}")
        if node.tag != _STR:
            gelezen = _GELEZEN_ALS.get(node.tag, node.tag)
            return self.fout(
                pad,
                node,
                f"verwacht tekst, maar YAML leest {node.value!r} als {gelezen}; "
                f'zet de waarde tussen aanhalingstekens: "{node.value}"',
            )
        waarde = node.value
        if (fout := self._commentaar_na_tekst(node)) is not None:
            return self.fout(pad, node, fout)
        if richting := sorted(RICHTINGSTEKENS & set(waarde)):
            tekens = ", ".join(f"U+{ord(t):04X}" for t in richting)
            return self.fout(
                pad,
                node,
                f"de tekst bevat een onzichtbaar teken dat de leesrichting omdraait ({tekens}); "
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
        if soort is not None:
            # A form first: "'ruim de helft' is geen geldige meetwaarde" says more than its length.
            if not soort.past(waarde):
                return self.fout(
                    pad,
                    node,
                    f"{waarde!r} is geen geldig{'' if soort.het else 'e'} {soort.naam}: gebruik "
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
                f"na {node.value!r} staat ' #': YAML leest alles vanaf het # als commentaar, dus de tekst stopt "
                f"bij {node.value!r}. Hoort het # bij de tekst? Zet de tekst dan tussen aanhalingstekens, "
                f'zoals: "{node.value} {rest.strip()}". Is het een opmerking? Zet die dan op een eigen regel'
            )
        return None

    def _binnen_bereik(self, waarde: int, node: yaml.Node, pad: str, regels: dict) -> Any:
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

    def _scalar(self, node: yaml.Node, pad: str, tag: str, verwacht: str, maak) -> Any:
        if not isinstance(node, yaml.ScalarNode) or node.tag != tag:
            gevonden = _soort_node(node)
            return self.fout(pad, node, f"verwacht {verwacht}, maar vond {gevonden}")
        return maak(node)

    def _lijst(self, soort: Any, node: yaml.Node, pad: str, regels: dict) -> Any:
        if not isinstance(node, yaml.SequenceNode):
            return self.fout(pad, node, f"verwacht een lijst, maar vond {_soort_node(node)}")
        items = [self.bouw(soort, item, f"{pad}[{i}]", regels) for i, item in enumerate(node.value)]
        return ONGELDIG if any(i is ONGELDIG for i in items) else items

    def _woordenboek(self, soort: Any, node: yaml.Node, pad: str, regels: dict) -> Any:
        """A mapping from names (such as question ids) to values of one type."""
        if not isinstance(node, yaml.MappingNode):
            return self.fout(pad, node, f"verwacht sleutels en waarden, maar vond {_soort_node(node)}")
        uit: dict[str, Any] = {}
        ok = True
        for sleutel_node, waarde_node in node.value:
            sleutel = sleutel_node.value if isinstance(sleutel_node, yaml.ScalarNode) else None
            if not isinstance(sleutel, str) or sleutel in uit:
                self.fout(
                    f"{pad}.{sleutel}",
                    sleutel_node,
                    f"de sleutel '{sleutel}' staat er twee keer" if sleutel in uit else "verwacht een naam als sleutel",
                )
                ok = False
                continue
            uit[sleutel] = self.bouw(soort, waarde_node, f"{pad}.{sleutel}", regels)
            ok = ok and uit[sleutel] is not ONGELDIG
        return uit if ok else ONGELDIG

    def _record(self, soort: type, node: yaml.Node, pad: str) -> Any:
        if not isinstance(node, yaml.MappingNode):
            return self.fout(pad, node, f"verwacht sleutels en waarden, maar vond {_soort_node(node)}")
        velden = {f.name: f for f in dataclasses.fields(soort)}
        hints = typing.get_type_hints(soort)
        gezien: dict[str, yaml.Node] = {}
        waarden: dict[str, Any] = {}
        locaties: dict[str, Locatie] = {}
        ok = True
        for sleutel_node, waarde_node in node.value:
            sleutel = sleutel_node.value if isinstance(sleutel_node, yaml.ScalarNode) else None
            veld_pad = f"{pad}.{sleutel}" if pad else str(sleutel)
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
            locaties[sleutel] = Locatie(self.bestand, veld_pad, waarde_node.start_mark.line + 1)
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
        object.__setattr__(record, "_locatie", Locatie(self.bestand, pad, node.start_mark.line + 1))
        object.__setattr__(record, "_veld_locaties", locaties)
        return record


def _soort_node(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "sleutels en waarden"
    if isinstance(node, yaml.SequenceNode):
        return "een lijst"
    return f"{node.value!r} ({_GELEZEN_ALS.get(node.tag, node.tag)})"
