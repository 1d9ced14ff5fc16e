"""The data formats on the page "Voor ontwikkelaars", generated, so the documentation cannot
drift from what the build accepts and publishes: every record of the YAML from the JSON
Schema (which is generated from the model), and kompas.json from the model fields it copies
(templates: data_velden.html, kompas_json_velden.html, _velden.html)."""

from __future__ import annotations

from ..uitvoer.kompas_json import EIGEN_VELDEN, VELDEN, VERSIES
from .sjablonen import maak


def _rijen(definitie: dict) -> list[tuple[str, dict, bool]]:
    return [(veld, eigenschap, veld in definitie["required"]) for veld, eigenschap in definitie["properties"].items()]


def render_data_velden(schema: dict) -> str:
    # The records that are a whole file, with the file's name.
    bestanden = {eigenschap["$ref"].rsplit("/", 1)[-1]: naam for naam, eigenschap in schema["properties"].items()}
    definities = [(naam, definitie, _rijen(definitie)) for naam, definitie in schema["$defs"].items()]
    return maak("data_velden.html", definities=definities, bestanden=bestanden)


def render_kompas_json_velden(schema: dict) -> str:
    rijen = []
    for veld, bron in VELDEN.items():
        if bron is None:  # the build's own fields
            rijen.append((veld, EIGEN_VELDEN[veld], veld != VERSIES))
        else:
            record, naam = bron
            definitie = schema["$defs"][record]
            rijen.append((veld, definitie["properties"][naam], naam in definitie["required"]))
    return maak("kompas_json_velden.html", rijen=rijen)
