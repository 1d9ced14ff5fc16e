"""JSON Schema of the kompas data, generated from the model, so the two cannot drift.

`dataset_schema()` describes a whole data set (one property per file in kompas_data/),
published as /kompas.schema.json; `bestand_schema(naam)` describes one file, for editors
(the first line of each YAML file points its language server at it), with only the
definitions that file reaches. Each field's rules (kind of text and its length and pattern,
the range of a number) come from the model's field metadata (`data/velden.py`), the same
rules the reader enforces. What spans records (references, the graph, sums) is the loader's job.
Each property also says where its text comes from (`x-bron`: nota, site or kompasteam, the
model's `bron_van`), an annotation that validators ignore and editors and other systems can show.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from typing import Any

from ..data.lezer import is_record
from ..data.model import ARCHIEF_MAP, BESTANDEN, KEUZES, VASTGESTELD, ArchiefVersie, Lezing
from ..data.velden import Keuze, Tekstsoort, bron_van

DIALECT = "https://json-schema.org/draft/2020-12/schema"
NIET_LEEG = r"\S"
BRON = "x-bron"  # an annotation keyword of our own (validators ignore unknown keywords)
# The schema files in schema/ and on the site: one per data file, and one for the archive.
ARCHIEF_SCHEMA = f"{ARCHIEF_MAP}.yaml.schema.json"


def _tekst(soort: Tekstsoort | None) -> dict:
    schema: dict = {"type": "string"}
    if soort is None:
        return {**schema, "pattern": NIET_LEEG}
    schema["pattern"] = f"^(?:{soort.patroon})$" if soort.patroon else NIET_LEEG
    schema["maxLength"] = soort.maximum
    return schema


def _type(soort: Any, defs: dict, regels: dict) -> dict:
    if soort in KEUZES:
        keuze = KEUZES[soort]
        _keuze(keuze, typing.get_args(soort), defs)
        return {"$ref": f"#/$defs/{keuze.naam}"}
    origin = typing.get_origin(soort)
    if origin in (typing.Union, types.UnionType):
        (kern,) = [a for a in typing.get_args(soort) if a is not type(None)]
        return {"anyOf": [_type(kern, defs, regels), {"type": "null"}]}
    if is_record(soort):
        _record(soort, defs)
        return {"$ref": f"#/$defs/{soort.__name__}"}
    if origin is list:
        return {"type": "array", "items": _type(typing.get_args(soort)[0], defs, regels)}
    if origin is dict:
        return {"type": "object", "additionalProperties": _type(typing.get_args(soort)[1], defs, regels)}
    if soort is str:
        return _tekst(regels.get("soort"))
    if soort is int:
        bereik = {k: regels[k] for k in ("minimum", "maximum") if k in regels}
        return {"type": "integer", **bereik}
    if soort is bool:
        return {"type": "boolean"}
    raise TypeError(f"geen JSON Schema voor {soort!r}")


def _eigenschappen(soort: type, defs: dict) -> tuple[dict[str, dict], list[str]]:
    """The properties of a record's fields, and which of them are required."""
    hints = typing.get_type_hints(soort)
    eigenschappen, verplicht = {}, []
    for f in dataclasses.fields(soort):
        schema = _type(hints[f.name], defs, dict(f.metadata))
        if "uitleg" in f.metadata:
            schema["description"] = f.metadata["uitleg"]
        schema[BRON] = bron_van(soort, f.name)
        eigenschappen[f.name] = schema
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            verplicht.append(f.name)
    return eigenschappen, verplicht


def _keuze(keuze: Keuze, soorten: tuple[type, ...], defs: dict) -> None:
    """A choice of records (`velden.Keuze`): one object with the keys of them all, exactly one of
    which stands there, as a data editor writes it ({vraag: …} or {vorm: …})."""
    if keuze.naam in defs:
        return
    eigenschappen = {}
    for soort in soorten:
        for veld, schema in _eigenschappen(soort, defs)[0].items():
            # What it is and where it comes from first, as they read in the documentation.
            eigenschappen[veld] = {k: schema.pop(k) for k in ("description", BRON)} | schema
    defs[keuze.naam] = {
        "type": "object",
        "description": keuze.uitleg,
        "properties": eigenschappen,
        "required": [],
        "additionalProperties": False,
        "minProperties": 1,
        "maxProperties": 1,
    }


def _record(soort: type, defs: dict) -> None:
    naam = soort.__name__
    if naam in defs:
        return
    defs[naam] = {}  # reserve the name first: records may refer to each other
    eigenschappen, verplicht = _eigenschappen(soort, defs)
    definitie = {
        "type": "object",
        "description": (soort.__doc__ or "").strip(),
        "properties": eigenschappen,
        "required": verplicht,
        "additionalProperties": False,
    }
    if soort is Lezing:
        # A reading that is vastgesteld names when and by whom; one that is voorlopig neither
        # (the loader's rule, `_lezing`), so an editor shows it while the kompasteam types.
        definitie["if"] = {"properties": {"status": {"const": VASTGESTELD}}, "required": ["status"]}
        definitie["then"] = {"required": ["datum", "door"]}
        definitie["else"] = {"not": {"anyOf": [{"required": ["datum"]}, {"required": ["door"]}]}}
    defs[naam] = definitie


def _defs(*soorten: type) -> dict:
    """The definitions the given records reach, sorted by name."""
    defs: dict = {}
    for soort in soorten:
        _record(soort, defs)
    return dict(sorted(defs.items()))


def dataset_schema() -> dict:
    return {
        "$schema": DIALECT,
        "$id": "kompas.schema.json",
        "title": "Kompasdata: alle bestanden in kompas_data/",
        "description": "Elke eigenschap is een bestand in kompas_data/, met als waarde de inhoud van dat bestand.",
        "type": "object",
        "properties": {naam: {"$ref": f"#/$defs/{soort.__name__}"} for naam, soort in BESTANDEN.items()},
        "required": list(BESTANDEN),
        "additionalProperties": False,
        "$defs": _defs(*BESTANDEN.values()),
    }


def _bestand(id_: str, titel: str, soort: type) -> dict:
    return {"$schema": DIALECT, "$id": id_, "title": titel, "$ref": f"#/$defs/{soort.__name__}", "$defs": _defs(soort)}


def bestand_schema(naam: str) -> dict:
    return _bestand(f"{naam}.schema.json", f"kompas_data/{naam}", BESTANDEN[naam])


def archief_schema() -> dict:
    return _bestand(ARCHIEF_SCHEMA, f"kompas_data/{ARCHIEF_MAP}/<versie>.yaml", ArchiefVersie)


def als_json(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def schema_bestanden() -> dict[str, str]:
    """The schema files as kept in schema/ and published on the site, by file name."""
    bestanden = {"kompas.schema.json": als_json(dataset_schema())}
    for naam in BESTANDEN:
        bestanden[f"{naam}.schema.json"] = als_json(bestand_schema(naam))
    bestanden[ARCHIEF_SCHEMA] = als_json(archief_schema())
    return bestanden
