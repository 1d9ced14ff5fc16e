"""The data format on the page "Voor ontwikkelaars", generated from the JSON Schema (which is
generated from the model), so the documentation cannot drift from what the build accepts
(template: data_velden.html)."""

from __future__ import annotations

from .sjablonen import maak

# JSON Schema's types in the words of the page.
TYPE_NAMEN = {"string": "tekst", "integer": "geheel getal", "boolean": "true of false", "object": "object"}


def render_data_velden(schema: dict) -> str:
    # The records that are a whole file, with the file's name.
    bestanden = {eigenschap["$ref"].rsplit("/", 1)[-1]: naam for naam, eigenschap in schema["properties"].items()}
    return maak("data_velden.html", schema=schema, bestanden=bestanden, type_namen=TYPE_NAMEN)
