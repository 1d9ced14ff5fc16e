"""Build typed records from YAML nodes, keeping the file, key path and line of every value.

Why nodes and not `yaml.safe_load`: PyYAML follows YAML 1.1, where `no`, `on`, `1.10` and
`12:30` silently become a boolean, a float or a number. Working on the composed node tree
lets us see how each scalar was resolved and refuse a non-string where the model wants text,
with the line it stands on. It also lets us report duplicate keys, which PyYAML drops.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import yaml
from yaml.constructor import SafeConstructor

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


def lees_bestand(pad: Path, naam: str, soort: type, fouten: list[Fout]) -> Any:
    """Parse one YAML file into a record of type `soort`; problems go to `fouten`."""
    try:
        node = yaml.compose(pad.read_text(encoding="utf-8"), Loader=_LOADER)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        regel = mark.line + 1 if mark else None
        fouten.append(Fout(naam, "", regel, f"geen geldige YAML: {e.problem or e.context}"))
        return ONGELDIG
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        fouten.append(Fout(naam, "", None, f"geen geldige YAML: {e}"))
        return ONGELDIG
    if node is None:
        fouten.append(Fout(naam, "", None, "het bestand is leeg"))
        return ONGELDIG
    return _Bouwer(naam, fouten).bouw(soort, node, "")


class _Bouwer:
    def __init__(self, bestand: str, fouten: list[Fout]):
        self.bestand = bestand
        self.fouten = fouten
        self._constructor = SafeConstructor()

    def fout(self, pad: str, node: yaml.Node, bericht: str) -> _Ongeldig:
        self.fouten.append(Fout(self.bestand, pad, node.start_mark.line + 1, bericht))
        return ONGELDIG

    def bouw(self, soort: Any, node: yaml.Node, pad: str) -> Any:
        origin = typing.get_origin(soort)
        if origin in (typing.Union, types.UnionType):
            (kern,) = [a for a in typing.get_args(soort) if a is not type(None)]
            if isinstance(node, yaml.ScalarNode) and node.tag == _NULL:
                return None
            return self.bouw(kern, node, pad)
        if dataclasses.is_dataclass(soort):
            return self._record(soort, node, pad)
        if origin is list:
            return self._lijst(typing.get_args(soort)[0], node, pad)
        if soort is str:
            return self._tekst(node, pad)
        if soort is int:
            return self._scalar(node, pad, _INT, "een geheel getal", self._constructor.construct_yaml_int)
        if soort is bool:
            return self._scalar(node, pad, _BOOL, "true of false", self._constructor.construct_yaml_bool)
        raise TypeError(f"model gebruikt een type dat de loader niet kent: {soort!r}")

    def _tekst(self, node: yaml.Node, pad: str) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            return self.fout(pad, node, f"verwacht tekst, maar vond {_soort_node(node)}")
        if node.tag != _STR:
            gelezen = _GELEZEN_ALS.get(node.tag, node.tag)
            return self.fout(
                pad, node,
                f"verwacht tekst, maar YAML leest {node.value!r} als {gelezen}; "
                f"zet de waarde tussen aanhalingstekens: \"{node.value}\"",
            )
        if not node.value.strip():
            return self.fout(pad, node, "tekst mag niet leeg zijn")
        return node.value

    def _scalar(self, node: yaml.Node, pad: str, tag: str, verwacht: str, maak) -> Any:
        if not isinstance(node, yaml.ScalarNode) or node.tag != tag:
            gevonden = _soort_node(node)
            return self.fout(pad, node, f"verwacht {verwacht}, maar vond {gevonden}")
        return maak(node)

    def _lijst(self, soort: Any, node: yaml.Node, pad: str) -> Any:
        if not isinstance(node, yaml.SequenceNode):
            return self.fout(pad, node, f"verwacht een lijst, maar vond {_soort_node(node)}")
        items = [self.bouw(soort, item, f"{pad}[{i}]") for i, item in enumerate(node.value)]
        return ONGELDIG if any(i is ONGELDIG for i in items) else items

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
            waarde = self.bouw(hints[sleutel], waarde_node, veld_pad)
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
