"""The changelog page and the data documentation come from the data and the model."""

from __future__ import annotations

from markupsafe import escape

from macros.uitvoer import json_schema


def test_wijzigingen_in_het_kompas(data, html_paginas):
    html = html_paginas["kompas/wijzigingen/"]
    for versie in data.versies:
        assert f"Versie {versie.versie}" in html
        assert f'datetime="{versie.datum}"' in html
        for wijziging in versie.wijzigingen:
            assert escape(wijziging) in html


def test_voor_ontwikkelaars_beschrijft_elk_veld(html_paginas):
    html = html_paginas["over/ontwikkelaars/"]
    for naam, definitie in json_schema.dataset_schema()["$defs"].items():
        assert f'id="data-{naam.lower()}"' in html
        for veld, eigenschap in definitie["properties"].items():
            assert f"<code>{veld}</code>" in html
            assert escape(eigenschap["description"]) in html
