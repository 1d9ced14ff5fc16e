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


def test_voor_ontwikkelaars_beschrijft_kompas_json_uit_het_model(html_paginas):
    from macros.uitvoer.kompas_json import VELDEN

    html = html_paginas["over/ontwikkelaars/"]
    sectie = html.split('id="wat-staat-er-in-kompasjson"')[1].split("<h2")[0]
    schema = json_schema.dataset_schema()["$defs"]
    for veld, bron in VELDEN.items():
        assert f"<code>{veld}</code>" in sectie
        if bron:
            assert escape(schema[bron[0]]["properties"][bron[1]]["description"]) in sectie
    # Nothing copied by hand: the vragen and vormen are documented once, as Vraag and Vorm.
    assert sectie.count("<table") == 1
