"""JSON Schema of the kompas data, generated from the model, so the two cannot drift.

`dataset_schema()` describes a whole data set (one property per file in kompas_data/),
published as /kompas.schema.json; `bestand_schema(naam)` describes one file, for editors
(the first line of each YAML file points its language server at it). The schema checks
structure and types; what spans records (references, the graph, sums) is the loader's job.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from typing import Any

from ..data.loader import ID_PATROON, VERSIE_PATROON
from ..data.model import BESTANDEN, ZEGGENSCHAP, Doel

DIALECT = "https://json-schema.org/draft/2020-12/schema"
# Constraints a type hint cannot say, per record and field.
EXTRA: dict[tuple[str, str], dict] = {
    ("Vorm", "zeggenschap_schaal"): {"minimum": ZEGGENSCHAP.laagste, "maximum": ZEGGENSCHAP.hoogste},
    ("Kompas", "versie"): {"pattern": VERSIE_PATROON.pattern},
    ("KompasVersie", "versie"): {"pattern": VERSIE_PATROON.pattern},
    ("KompasVersie", "datum"): {"pattern": r"^\d{4}-\d{2}-\d{2}$"},
    ("KompasVersie", "vingerafdruk"): {"pattern": r"^sha256:[0-9a-f]{64}$"},
}
NIET_LEEG = r"\S"


def _type(soort: Any, defs: dict) -> dict:
    origin = typing.get_origin(soort)
    if origin in (typing.Union, types.UnionType):
        (kern,) = [a for a in typing.get_args(soort) if a is not type(None)]
        return {"anyOf": [_type(kern, defs), {"type": "null"}]}
    if dataclasses.is_dataclass(soort):
        _record(soort, defs)
        return {"$ref": f"#/$defs/{soort.__name__}"}
    if origin is list:
        return {"type": "array", "items": _type(typing.get_args(soort)[0], defs)}
    if soort is str:
        return {"type": "string", "pattern": NIET_LEEG}
    if soort is int:
        return {"type": "integer"}
    if soort is bool:
        return {"type": "boolean"}
    raise TypeError(f"geen JSON Schema voor {soort!r}")


def _record(soort: type, defs: dict) -> None:
    naam = soort.__name__
    if naam in defs:
        return
    defs[naam] = {}  # reserve the name first: records may refer to each other
    hints = typing.get_type_hints(soort)
    eigenschappen, verplicht = {}, []
    for f in dataclasses.fields(soort):
        schema = _type(hints[f.name], defs)
        if f.name == "id":
            schema = {"type": "string", "pattern": ID_PATROON.pattern}
        schema.update(EXTRA.get((naam, f.name), {}))
        if "uitleg" in f.metadata:
            schema["description"] = f.metadata["uitleg"]
        eigenschappen[f.name] = schema
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            verplicht.append(f.name)
    definitie = {"type": "object", "description": (soort.__doc__ or "").strip(),
                 "properties": eigenschappen, "required": verplicht, "additionalProperties": False}
    if soort is Doel:
        # An answer leads to exactly one place: a question or a vorm.
        definitie.update({"minProperties": 1, "maxProperties": 1})
        for eigenschap in eigenschappen.values():
            eigenschap.pop("anyOf", None)
            eigenschap.update({"type": "string", "pattern": ID_PATROON.pattern})
    defs[naam] = definitie


def _alle_defs() -> dict:
    defs: dict = {}
    for soort in BESTANDEN.values():
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
        "$defs": _alle_defs(),
    }


def bestand_schema(naam: str) -> dict:
    soort = BESTANDEN[naam]
    return {
        "$schema": DIALECT,
        "$id": f"{naam}.schema.json",
        "title": f"kompas_data/{naam}",
        "$ref": f"#/$defs/{soort.__name__}",
        "$defs": _alle_defs(),
    }


def als_json(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def schema_bestanden() -> dict[str, str]:
    """The schema files as kept in schema/ and published on the site, by file name."""
    bestanden = {"kompas.schema.json": als_json(dataset_schema())}
    for naam in BESTANDEN:
        bestanden[f"{naam}.schema.json"] = als_json(bestand_schema(naam))
    return bestanden
