"""The examples catalogue and, on each vorm page, the routes through the kompas that lead there."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from markupsafe import escape

from macros.data import adressen, graaf, toestanden


def alinea(tekst: str, html: str) -> bool:
    """Whether a paragraph of `html` is `tekst`: as it is, or marked as the kompasteam's (with
    its label after it) when they changed it since the note."""
    gemarkeerd = r'(?:<span class="kvz-kompasteam" data-bron="kompasteam">)?'
    return re.search(f"<p>{gemarkeerd}{re.escape(str(escape(tekst)))}(?:</p>| <)", html) is not None


def test_elk_voorbeeld_op_de_catalogus_en_zijn_vormpagina(data, html_paginas):
    catalogus = html_paginas["kompas/voorbeelden/"]
    for vorm in data.vormen:
        groep = catalogus.split(f'data-vorm="{vorm.id}"')[1].split("</section>")[0]
        vormpagina = html_paginas[f"kompas/vormen/{vorm.id}/"]
        # The catalogue lists them one by one, unless the note has a sentence a list would
        # change; the vorm page has the note's sentence.
        in_een_lijst = vorm.instrumenten + ([] if vorm.voorbeelden_zin else vorm.voorbeelden)
        for item in in_een_lijst:
            assert f"<li>{escape(item)}</li>" in groep, (vorm.id, item)
        for item in vorm.voorbeelden + vorm.instrumenten:
            assert f"<li>{escape(item)}</li>" not in vormpagina, (vorm.id, item)
        voorbeelden = vorm.voorbeelden_zin or ", ".join(vorm.voorbeelden) + "."
        assert alinea(voorbeelden, vormpagina), vorm.id
        if vorm.voorbeelden_zin:
            assert alinea(vorm.voorbeelden_zin, groep), vorm.id
            assert not any(f"<li>{escape(item)}</li>" in groep for item in vorm.voorbeelden), vorm.id
        kop = vorm.instrumenten_kop or "Voorbeelden van middelen of instrumenten"
        assert (f"<h3>{escape(kop)}</h3>" in groep) == bool(vorm.instrumenten), vorm.id
        if vorm.instrumenten:
            assert alinea(", ".join(vorm.instrumenten) + ".", vormpagina), vorm.id


def test_routes_op_een_vormpagina_leiden_naar_die_vorm(data, html_paginas):
    totaal = 0
    for vorm in data.vormen:
        pagina_url = f"/kompas/vormen/{vorm.id}/"
        html = html_paginas[pagina_url.strip("/") + "/"]
        # Each route's link, whatever else it carries (the link component's classes).
        routes = [
            (re.search(r'\bhref="([^"]+)"', a).group(1), re.search(r'\bdata-kompas-route="([^"]+)"', a).group(1))
            for a in re.findall(r"<a\b[^>]*\bdata-kompas-route=[^>]*>", html)
        ]
        assert routes, vorm.id
        for href, antwoorden in routes:
            doel = urljoin(pagina_url, href)
            assert doel == f"/{adressen.WIJZER_PAD}{antwoorden}/"
            toestand = toestanden.zoek_toestand(data.kompas, tuple(antwoorden.split("/")))
            assert toestand is not None and toestand.vorm == vorm.id
        totaal += len(routes)
    assert totaal == len(graaf.paden(data.kompas))  # every path listed once, on its own vorm's page


def test_filter_op_vorm_met_javascript(browser, site_url, data):
    page = browser.new_page()
    page.goto(site_url + "kompas/voorbeelden/")
    filter_veld = page.locator("[data-module=kompas-filter] select")
    assert filter_veld.is_visible()
    vorm = max(data.vormen, key=lambda v: len(v.voorbeelden) + len(v.instrumenten))
    filter_veld.select_option(vorm.id)
    zichtbaar = [s.get_attribute("data-vorm") for s in page.locator("section[data-vorm]").all() if s.is_visible()]
    assert zichtbaar == [vorm.id]
    status = page.locator("[data-kompas-filter-status]").text_content()
    assert status == f"{len(vorm.voorbeelden) + len(vorm.instrumenten)} voorbeelden getoond"
    filter_veld.select_option("")
    assert all(s.is_visible() for s in page.locator("section[data-vorm]").all())
    page.close()


def test_zonder_javascript_staan_alle_groepen_er(browser, site_url, data):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "kompas/voorbeelden/")
    assert not page.locator("[data-module=kompas-filter]").is_visible()
    assert page.locator("section[data-vorm]").count() == len(data.vormen)
    assert all(s.is_visible() for s in page.locator("section[data-vorm]").all())
    context.close()
