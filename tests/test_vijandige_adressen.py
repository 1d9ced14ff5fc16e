"""Hostile addresses thrown at the kompaswijzer (behind nginx, as in production): each one
lands on a valid state or the first question, runs no script, and shows nothing of itself
as markup."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.data import adressen, toestanden
from macros.data.loader import laad_kompas_data

from .conftest import DATA

KOMPAS = laad_kompas_data(DATA).kompas
MARKERING = "kvzx"  # an id an injected element would carry; it must never exist in the DOM

segment = st.one_of(
    st.sampled_from([*toestanden.KEUZES, "Ja", "JA", "nee ", "weet", "%2e%2e", "", "index.html"]),
    # Dot segments are resolved by the browser before any request: not input to the walker.
    st.text(min_size=1, max_size=12).filter(lambda t: t not in (".", "..")),
    st.sampled_from(
        [
            f'<img id="{MARKERING}" src=x onerror=alert(1)>',
            f"<script id={MARKERING}>alert(1)</script>",
            f'"><svg id="{MARKERING}" onload=alert(1)>',
            "javascript:alert(1)",
            "{{7*7}}",
            "%00",
            "\\u2028",
        ]
    ),
)
fragment = st.one_of(
    st.just(""),
    st.sampled_from(
        [
            f"#<img id={MARKERING} src=x onerror=alert(1)>",
            "#kompas-vraag",
            "#%3Cscript%3Ealert(1)%3C/script%3E",
            "#javascript:alert(1)",
            "#" + "x" * 3000,
        ]
    ),
    st.text(max_size=20).map(lambda t: "#" + t),
)
adres = st.tuples(st.lists(segment, max_size=12), fragment, st.booleans())


@pytest.fixture(scope="module")
def context(browser):
    context = browser.new_context()
    yield context
    context.close()


def nieuwe_pagina(context):
    """A fresh page per address, so one example cannot disturb the next."""
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.dialogen, page.fouten = [], []
    page.on("dialog", lambda d: (page.dialogen.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: page.fouten.append(str(e)))
    page.on("console", lambda m: page.fouten.append(m.text) if m.type == "error" else None)
    return page


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(adres)
def test_vijandig_adres(context, nginx_url, gegenereerd):
    segmenten, hash_deel, lang = gegenereerd
    if lang:
        segmenten = segmenten + ["ja"] * 150  # a very long path
    pad = "".join(quote(s, safe="") + "/" for s in segmenten)
    pagina = nieuwe_pagina(context)
    try:
        controleer(pagina, nginx_url + adressen.WIJZER_PAD + pad + hash_deel)
    finally:
        pagina.close()


def controleer(pagina, url: str) -> None:
    pagina.goto(url)
    pagina.wait_for_selector("[data-kompas-wijzer]")
    # A valid state shows exactly that state; anything else shows the first question.
    pad_nu = pagina.evaluate("location.pathname")
    antwoorden = tuple(a for a in pad_nu.removeprefix("/" + adressen.WIJZER_PAD).split("/") if a)
    toestand = toestanden.zoek_toestand(KOMPAS, antwoorden)
    assert toestand is not None, pad_nu
    soort = pagina.locator("[data-kompas-wijzer]").get_attribute("data-kompas-toestand")
    assert soort == toestand.soort
    if toestand.soort == "vraag":
        assert pagina.locator("[data-kompas-vraag]").get_attribute("data-kompas-vraag") == toestand.vraag
    assert pagina.dialogen == []
    assert pagina.fouten == []
    assert pagina.locator(f"#{MARKERING}").count() == 0
    html = pagina.content()
    assert "onerror=alert" not in html and "<script>alert" not in html
