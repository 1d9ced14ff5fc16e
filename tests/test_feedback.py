""" "Klopt dit niet?" on every vorm page and every outcome: a mailto: link with the page, the
kompas version and (on an outcome) the answers given. Nothing is sent by the site."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

from macros.data import adressen, graaf


def _mailto(pagina_html: str) -> tuple[str, dict]:
    (href,) = re.findall(r'<a [^>]*\bhref="(mailto:[^"]+)" data-kompas-feedback>', pagina_html)
    delen = urlsplit(html.unescape(href))
    return delen.path, {k: v[0] for k, v in parse_qs(delen.query).items()}


def test_vormpagina_heeft_feedback(data, html_paginas):
    for vorm in data.vormen:
        adres, velden = _mailto(html_paginas[f"kompas/vormen/{vorm.id}/"])
        assert adres == adressen.CONTACT
        assert velden["subject"] == f"Klopt dit niet? Vorm {vorm.titel}"
        assert f"Pagina: /kompas/vormen/{vorm.id}/" in velden["body"]
        assert f"versie {data.kompas.versie}" in velden["body"]


def test_uitkomst_heeft_feedback_met_de_antwoorden(data, html_paginas):
    for pad in graaf.paden(data.kompas):
        adres, velden = _mailto(html_paginas[f"{adressen.WIJZER_PAD}{pad.antwoorden}/"])
        vorm = data.vorm(pad.vorm)
        assert adres == adressen.CONTACT
        assert velden["subject"] == f"Klopt dit niet? Uitkomst {vorm.titel}"
        body = velden["body"]
        assert f"Pagina: /kompas/wijzer/{pad.antwoorden}/" in body and f"versie {data.kompas.versie}" in body
        nummers = graaf.vraagnummers(data.kompas)
        for stap in pad.stappen:
            assert f"Vraag {nummers[stap.vraag]}. {data.vraag(stap.vraag).tekst} {stap.antwoord.capitalize()}" in body
