"""The kompaswijzer in chromium, with and without JavaScript.

The paths come from the data (`graaf.paden`), so a change to the kompas needs no change here.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from macros.data import adressen, graaf, toestanden
from macros.data.loader import laad_kompas_data

from .conftest import DATA

KOMPAS = laad_kompas_data(DATA).kompas
PADEN = graaf.paden(KOMPAS)
# The first answer that leads to a second question (a state "weet ik (nog) niet" can follow).
EERSTE = next(p.stappen[0].antwoord for p in PADEN if len(p.stappen) > 1)
AXE = Axe()
MAX_TIJD = 10_000  # ms; generous for a loaded two-core machine


def _id(pad: graaf.Pad) -> str:
    return pad.antwoorden


@pytest.fixture(scope="module")
def verzoeken():
    return []


def _context(browser, verzoeken, js: bool):
    context = browser.new_context(java_script_enabled=js, viewport={"width": 390, "height": 844})
    context.on("request", lambda v: verzoeken.append(v.url))
    return context


@pytest.fixture(scope="module")
def zonder_js(browser, verzoeken):
    context = _context(browser, verzoeken, js=False)
    yield context
    context.close()


@pytest.fixture(scope="module")
def met_js(browser, verzoeken):
    context = _context(browser, verzoeken, js=True)
    yield context
    context.close()


@pytest.fixture
def console_fouten():
    """Errors the page reports; a test may remove the ones it expects."""
    return []


@pytest.fixture
def pagina(met_js, console_fouten):
    page = met_js.new_page()
    fouten = console_fouten
    page.on("pageerror", lambda e: fouten.append(str(e)))
    page.on("console", lambda m: fouten.append(m.text) if m.type == "error" else None)
    page.on("dialog", lambda d: (fouten.append("dialoog: " + d.message), d.dismiss()))
    page.set_default_timeout(MAX_TIJD)
    yield page
    page.close()
    assert not fouten, fouten


def wijzer_url(site_url: str, antwoorden: str = "") -> str:
    return site_url + adressen.WIJZER_PAD + (antwoorden + "/" if antwoorden else "")


def vraag_op_scherm(page) -> str:
    vragen = page.locator("[data-kompas-vraag]")
    assert vragen.count() == 1
    return vragen.get_attribute("data-kompas-vraag")


def vraag_na_navigatie(page, verwacht: str) -> str:
    """Back and Forward change the address at once; the walker then fetches that state and
    swaps it in. Wait for the swap (up to the default timeout), then read what is shown."""
    page.wait_for_selector(f'[data-kompas-vraag="{verwacht}"]')
    return vraag_op_scherm(page)


def antwoord_met_js(page, antwoord: str, volgende_url: str) -> None:
    page.locator(f'input[name="antwoord"][value="{antwoord}"]').check()
    page.locator('[data-kompas-actie="volgende"]').click()
    page.wait_for_url(volgende_url)
    page.wait_for_selector("[data-kompas-wijzer][data-kompas-toestand]")


# --- Every path, both ways ---------------------------------------------------------------


@pytest.mark.parametrize("pad", PADEN, ids=_id)
def test_elk_pad_zonder_javascript(zonder_js, site_url, pad):
    page = zonder_js.new_page()
    page.goto(wijzer_url(site_url))
    for stap in pad.stappen:
        assert vraag_op_scherm(page) == stap.vraag
        page.locator(f'a[data-antwoord="{stap.antwoord}"]').click()
    assert page.url == wijzer_url(site_url, pad.antwoorden)
    assert page.locator(f'[data-kompas-uitkomst="{pad.vorm}"]').count() == 1
    page.close()


@pytest.mark.parametrize("pad", PADEN, ids=_id)
def test_elk_pad_met_javascript(pagina, site_url, pad):
    pagina.goto(wijzer_url(site_url))
    pagina.evaluate("window.__zelfdePagina = true")
    for i, stap in enumerate(pad.stappen):
        assert vraag_op_scherm(pagina) == stap.vraag
        assert pagina.locator(f'fieldset[data-kompas-vraag="{stap.vraag}"] legend').is_visible()
        volgende = "/".join(s.antwoord for s in pad.stappen[: i + 1])
        antwoord_met_js(pagina, stap.antwoord, wijzer_url(site_url, volgende))
    assert pagina.locator(f'[data-kompas-uitkomst="{pad.vorm}"]').is_visible()
    # pushState, not a page load: the page's own state survived the whole walk.
    assert pagina.evaluate("window.__zelfdePagina") is True


# --- Navigation ---------------------------------------------------------------------------


def test_terug_vooruit_herladen_en_permalink(pagina, browser, site_url):
    pad = PADEN[len(PADEN) // 2]
    pagina.goto(wijzer_url(site_url))
    urls = [pagina.url]
    for i, stap in enumerate(pad.stappen[:3]):
        antwoord_met_js(pagina, stap.antwoord, wijzer_url(site_url, "/".join(s.antwoord for s in pad.stappen[: i + 1])))
        urls.append(pagina.url)
    pagina.go_back()
    pagina.wait_for_url(urls[2])
    assert vraag_na_navigatie(pagina, pad.stappen[2].vraag) == pad.stappen[2].vraag
    pagina.go_back()
    pagina.wait_for_url(urls[1])
    assert vraag_na_navigatie(pagina, pad.stappen[1].vraag) == pad.stappen[1].vraag
    pagina.go_forward()
    pagina.wait_for_url(urls[2])
    assert vraag_na_navigatie(pagina, pad.stappen[2].vraag) == pad.stappen[2].vraag
    pagina.reload()
    assert vraag_op_scherm(pagina) == pad.stappen[2].vraag
    assert pagina.locator('input[name="antwoord"]').count() == len(toestanden.KEUZES)
    # A permalink opened in a fresh browser context shows the same outcome.
    vers = browser.new_context()
    page = vers.new_page()
    page.goto(wijzer_url(site_url, pad.antwoorden))
    assert page.locator(f'[data-kompas-uitkomst="{pad.vorm}"]').is_visible()
    vers.close()


def test_links_buiten_de_wijzer_blijven_kloppen_na_een_stap(pagina, site_url):
    # pushState changes the address that relative links resolve against.
    pad = next(p for p in PADEN if len(p.stappen) >= 3)
    pagina.goto(wijzer_url(site_url))
    for i, stap in enumerate(pad.stappen[:2]):
        antwoord_met_js(pagina, stap.antwoord, wijzer_url(site_url, "/".join(s.antwoord for s in pad.stappen[: i + 1])))
    pagina.locator(".kvz-footer a", has_text="Colofon").click()
    pagina.wait_for_url(site_url + "over/")
    assert pagina.locator("h1").inner_text() == "Colofon"


def test_vorige_en_opnieuw_beginnen(pagina, site_url):
    pad = next(p for p in PADEN if len(p.stappen) >= 3)
    pagina.goto(wijzer_url(site_url))
    for i, stap in enumerate(pad.stappen[:2]):
        antwoord_met_js(pagina, stap.antwoord, wijzer_url(site_url, "/".join(s.antwoord for s in pad.stappen[: i + 1])))
    pagina.locator('[data-kompas-actie="vorige"]').click()
    pagina.wait_for_url(wijzer_url(site_url, pad.stappen[0].antwoord))
    assert vraag_op_scherm(pagina) == pad.stappen[1].vraag
    pagina.locator('[data-kompas-actie="opnieuw"]').click()
    pagina.wait_for_url(wijzer_url(site_url))
    assert vraag_op_scherm(pagina) == KOMPAS.start
    assert pagina.locator('[data-kompas-actie="vorige"]').count() == 0


def test_volgende_zonder_keuze_geeft_een_fout(pagina, site_url):
    pagina.goto(wijzer_url(site_url))
    titel = pagina.title()
    pagina.locator('[data-kompas-actie="volgende"]').click()
    fout = pagina.locator("[data-kompas-fout]")
    assert fout.is_visible()
    assert pagina.evaluate("document.activeElement.hasAttribute('data-kompas-fout')")
    assert pagina.title() == "Fout: " + titel
    assert pagina.url == wijzer_url(site_url)
    assert vraag_op_scherm(pagina) == KOMPAS.start
    # The link in the error summary leads to the first answer.
    fout.locator("a").click()
    assert pagina.evaluate("document.activeElement.name") == "antwoord"
    # Choosing then moves on as usual.
    antwoord_met_js(pagina, "ja", wijzer_url(site_url, "ja"))
    assert not pagina.title().startswith("Fout:")


def test_focus_na_elke_stap(pagina, site_url):
    pagina.goto(wijzer_url(site_url))
    antwoord_met_js(pagina, EERSTE, wijzer_url(site_url, EERSTE))
    # Focus on the legend announces the question (once: no live region repeats it, see
    # test_wijzer_gebruik.test_vraag_wordt_een_keer_aangekondigd).
    assert pagina.evaluate("document.activeElement.tagName") == "LEGEND"
    tweede = KOMPAS.vragen[[v.id for v in KOMPAS.vragen].index(vraag_op_scherm(pagina))]
    assert tweede.tekst in pagina.evaluate("document.activeElement.textContent")


def test_weet_ik_nog_niet(pagina, site_url):
    pagina.goto(wijzer_url(site_url, EERSTE))
    vraag = vraag_op_scherm(pagina)
    antwoord_met_js(pagina, toestanden.WEET_NIET, wijzer_url(site_url, f"{EERSTE}/{toestanden.WEET_NIET}"))
    open_uitkomst = pagina.locator(f'[data-kompas-open="{vraag}"]')
    assert open_uitkomst.is_visible()
    genoemd = {e.get_attribute("data-kompas-mogelijk") for e in pagina.locator("[data-kompas-mogelijk]").all()}
    assert genoemd == set(toestanden.routes(KOMPAS, vraag))
    # Focus on the page heading ("Nog geen vorm"), as on an outcome.
    assert pagina.evaluate("document.activeElement.tagName") == "H1"


def test_wandeling_met_alleen_het_toetsenbord(pagina, site_url):
    pad = next(p for p in PADEN if {"ja", "nee"} <= {s.antwoord for s in p.stappen})
    pagina.goto(wijzer_url(site_url))
    for i, stap in enumerate(pad.stappen):
        # Tab to the answers (one stop for the whole radio group), choose, Tab to Volgende, Enter.
        for _ in range(80):
            pagina.keyboard.press("Tab")
            if pagina.evaluate("document.activeElement.name") == "antwoord":
                break
        else:
            pytest.fail("de antwoorden zijn met Tab niet te bereiken")
        pagina.keyboard.press("Space")
        if stap.antwoord == "nee":
            pagina.keyboard.press("ArrowDown")
        assert pagina.evaluate("document.querySelector('input[name=antwoord]:checked').value") == stap.antwoord
        pagina.keyboard.press("Tab")
        assert pagina.evaluate("document.activeElement.dataset.kompasActie") == "volgende"
        pagina.keyboard.press("Enter")
        pagina.wait_for_url(wijzer_url(site_url, "/".join(s.antwoord for s in pad.stappen[: i + 1])))
    assert pagina.locator(f'[data-kompas-uitkomst="{pad.vorm}"]').is_visible()


@pytest.mark.parametrize(
    "onzin",
    [
        "misschien/",
        "ja/ja/ja/ja/ja/ja/ja/ja/ja/",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E/",
        "nee/%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E/",
        "#<img src=x onerror=alert(1)>",
        "ja/#%3Cscript%3Ealert(1)%3C/script%3E",
    ],
)
def test_ongeldig_adres_komt_uit_bij_de_eerste_vraag(pagina, site_url, onzin, console_fouten):
    pagina.goto(wijzer_url(site_url) + onzin)
    pagina.wait_for_url(re.compile(r".*/kompas/wijzer/(ja/)?(#.*)?$"))
    assert pagina.locator("[data-kompas-vraag]").count() == 1
    html = pagina.content()
    assert "<img src=x" not in html and "<script>alert" not in html
    # The unknown address itself answers 404 (the site's own page) before the redirect.
    console_fouten[:] = [f for f in console_fouten if "status of 404" not in f]


def test_ongeldig_adres_zonder_javascript_wijst_de_weg(zonder_js, site_url):
    page = zonder_js.new_page()
    antwoord = page.goto(wijzer_url(site_url) + "misschien/")
    assert antwoord.status == 404
    page.get_by_role("link", name="Naar de eerste vraag van de kompaswijzer").click()
    assert vraag_op_scherm(page) == KOMPAS.start
    page.close()


# --- The outcome page ---------------------------------------------------------------------


def test_verantwoording_met_toelichting_kopieren(browser, site_url):
    pad = PADEN[0]
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    page.goto(wijzer_url(site_url, pad.antwoorden))
    page.locator("[data-kompas-medewerkers] > summary").click()  # the part for staff, closed on the site
    eerste = pad.stappen[0].vraag
    page.locator(f'textarea[data-kompas-toelichting="{eerste}"]').fill("Besproken met\nde buurt.")
    tekst = page.locator("[data-kompas-verantwoording]").text_content()
    assert "   Toelichting: Besproken met de buurt.\n" in tekst
    assert re.search(r"^Datum: \d{1,2} \w+ \d{4}$", tekst, re.M)
    assert f"Permalink: {wijzer_url(site_url, pad.antwoorden)}" in tekst
    page.locator('[data-kompas-actie="kopieer"]').click()
    page.wait_for_function("document.querySelector('[data-kompas-kopieer-status]').textContent.length > 0")
    # Copied as selected text: the same lines, without the white space around the block.
    assert page.evaluate("navigator.clipboard.readText()").strip() == tekst.strip()
    assert (
        page.locator("[data-kompas-kopieer-status]").text_content()
        == json.loads(page.locator("[data-kompas-teksten]").text_content())["gekopieerd"]
    )
    context.close()


def test_afdrukken_toont_alleen_de_verantwoording(pagina, site_url):
    # (On paper, page by page: test_wijzer_uitkomst.test_afdrukken_geeft_alleen_de_verantwoording.)
    pagina.goto(wijzer_url(site_url, PADEN[0].antwoorden))
    pagina.emulate_media(media="print")
    assert pagina.locator("[data-kompas-verantwoording]").is_visible()
    assert not pagina.locator("[data-kompas-uitkomst]").is_visible()
    assert not pagina.locator("h1").is_visible()
    assert not pagina.locator(".md-header").is_visible()
    assert not pagina.locator("[data-kompas-medewerkers] > summary").is_visible()
    pagina.emulate_media(media="screen")


def test_embed_meldt_zijn_hoogte_aan_de_pagina_eromheen(pagina, site_url):
    embed = site_url + adressen.EMBED_PAD
    pagina.goto(site_url + "404.html")  # any page of the site as host; the frame is the point
    pagina.evaluate(
        """url => new Promise(klaar => {
        window.__berichten = [];
        window.addEventListener('message', e => window.__berichten.push({origin: e.origin, data: e.data}));
        const frame = document.createElement('iframe');
        frame.src = url; frame.title = 'Kompaswijzer';
        frame.onload = klaar;
        document.body.appendChild(frame);
    })""",
        embed,
    )
    pagina.wait_for_function("window.__berichten.length > 0")
    bericht = pagina.evaluate("window.__berichten[0]")
    assert bericht["data"]["type"] == "kompaswijzer:hoogte"
    assert bericht["data"]["hoogte"] > 200
    assert set(bericht["data"]) == {"type", "hoogte"}
    frame = pagina.frame_locator("iframe")
    assert frame.locator("[data-kompas-wijzer][data-kompas-embed]").count() == 1
    assert frame.locator(".md-header").count() == 0
    assert frame.locator(".md-sidebar--primary").count() == 0


# --- Accessibility, privacy and weight ----------------------------------------------------


def _axe(page) -> list[str]:
    resultaat = AXE.run(page)
    return [
        f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes'][:3]]}" for v in resultaat.response["violations"]
    ]


def test_axe_op_elke_toestand_van_de_wijzer(pagina, site_url):
    midden = PADEN[len(PADEN) // 2]
    adressen_per_toestand = {
        "eerste vraag": wijzer_url(site_url),
        "middelste vraag": wijzer_url(site_url, "/".join(midden.antwoorden.split("/")[:2])),
        "uitkomst": wijzer_url(site_url, midden.antwoorden),
        "open uitkomst": wijzer_url(site_url, f"{EERSTE}/{toestanden.WEET_NIET}"),
        "embed": site_url + adressen.EMBED_PAD,
        "embed uitkomst": site_url + adressen.EMBED_PAD + midden.antwoorden + "/",
    }
    overtredingen = {}
    for naam, url in adressen_per_toestand.items():
        pagina.goto(url)
        overtredingen[naam] = _axe(pagina)
    pagina.goto(wijzer_url(site_url))
    pagina.locator('[data-kompas-actie="volgende"]').click()
    pagina.wait_for_selector("[data-kompas-fout]")
    overtredingen["foutmelding"] = _axe(pagina)
    assert not any(overtredingen.values()), overtredingen


def test_niets_naar_andere_hosts_en_niets_bewaard(browser, site_url):
    # Its own walk, so it does not depend on what other tests loaded before it.
    context = browser.new_context(viewport={"width": 390, "height": 844})
    verzoeken = []
    context.on("request", lambda v: verzoeken.append(v.url))
    page = context.new_page()
    page.set_default_timeout(MAX_TIJD)
    page.goto(wijzer_url(site_url))
    pad = PADEN[0]
    for i, stap in enumerate(pad.stappen):
        antwoord_met_js(page, stap.antwoord, wijzer_url(site_url, "/".join(s.antwoord for s in pad.stappen[: i + 1])))
    page.goto(site_url)
    eigen = urlsplit(site_url).netloc
    assert len(verzoeken) > len(pad.stappen)
    assert not [u for u in verzoeken if urlsplit(u).scheme.startswith("http") and urlsplit(u).netloc != eigen]
    assert context.cookies() == []
    page.goto(wijzer_url(site_url, pad.antwoorden))
    assert page.evaluate("[localStorage.length, sessionStorage.length]") == [0, 0]
    context.close()


def test_eigen_js_en_css_van_de_wijzer_zijn_klein(gebouwde_site):
    bestanden = [
        gebouwde_site / "assets" / "javascripts" / "kompaswijzer.js",
        gebouwde_site / "assets" / "stylesheets" / "kompaswijzer.css",
    ]
    assert sum(b.stat().st_size for b in bestanden) < 30 * 1024
