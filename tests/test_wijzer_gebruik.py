"""The kompaswijzer as its users meet it (issue 13): the embed in a page of another origin,
the skip link, phones of 320 and 390 px, one numbering of the questions, going back, the
toelichtingen over a reload, the error summary, one announcement per step, double clicks
and browsers that lack what the script needs.

Browser behaviour in the browser; the paths come from the live data (`graaf.paden`), so only
what holds for every kompas is asserted here.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading

import pytest

from macros.data import adressen, graaf, toestanden
from macros.data.loader import laad_kompas_data
from macros.uitvoer import kleuren

from .conftest import DATA, PROJECT
from .test_wijzer import EERSTE, MAX_TIJD, antwoord_met_js, vraag_op_scherm, wijzer_url

KOMPAS = laad_kompas_data(DATA).kompas
PADEN = graaf.paden(KOMPAS)
NUMMERS = graaf.vraagnummers(KOMPAS)
LANG = next(p for p in PADEN if len(p.stappen) >= 3)


@pytest.fixture
def pagina(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    fouten: list[str] = []
    page.on("pageerror", lambda e: fouten.append(str(e)))
    page.set_default_timeout(MAX_TIJD)
    yield page
    context.close()
    assert not fouten, fouten


def _tot(pad: graaf.Pad, n: int) -> str:
    return "/".join(s.antwoord for s in pad.stappen[:n])


# --- The embed contract -------------------------------------------------------------------


def _documenteerde_snippet() -> str:
    """The host snippet exactly as "Voor ontwikkelaars" documents it."""
    tekst = (PROJECT / "content" / "over" / "ontwikkelaars.md").read_text(encoding="utf-8")
    blok = re.search(r"```html\n(.*?<iframe id=\"kompaswijzer\".*?)```", tekst, re.S)
    assert blok, "de snippet voor het intern loket staat niet meer in ontwikkelaars.md"
    return blok.group(1)


@pytest.fixture(scope="module")
def loket_url(site_url, tmp_path_factory):
    """A host page on another origin (another port), with the documented snippet."""
    map_ = tmp_path_factory.mktemp("loket")
    herkomst = site_url.rstrip("/")
    snippet = _documenteerde_snippet().replace("https://kompas.example", herkomst)
    (map_ / "index.html").write_text(
        "<!doctype html><html lang='nl'><head><meta charset='utf-8'><title>Loket</title>"
        "<style>body{margin:0}</style></head><body><h1>Intern loket</h1>" + snippet + "<p>Einde</p></body></html>",
        encoding="utf-8",
    )
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(map_))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://localhost:{server.server_address[1]}/"
    server.shutdown()


def _meet(page, frame) -> tuple[int, int]:
    inhoud = frame.evaluate(
        """() => {
        const a = document.querySelector('article.md-content__inner');
        return Math.ceil(a.getBoundingClientRect().bottom + window.scrollY);
    }"""
    )
    page.evaluate("h => { window.__inhoud = h; }", inhoud)
    return inhoud, int(page.evaluate("Number(document.getElementById('kompaswijzer').height)"))


def _loop_naar_de_uitkomst(frame, pad: graaf.Pad) -> None:
    """Answer every question of `pad` in the embed's frame, with the script, to its outcome."""
    for i, stap in enumerate(pad.stappen):
        frame.locator(f'input[name="antwoord"][value="{stap.antwoord}"]').check()
        frame.locator('[data-kompas-actie="volgende"]').click()
        if i + 1 < len(pad.stappen):
            frame.locator(f'fieldset[data-kompas-vraag="{pad.stappen[i + 1].vraag}"]').wait_for()
    frame.locator(f'[data-kompas-uitkomst="{pad.vorm}"]').wait_for()


def open_loket(page, loket_url):
    """The loket's page with the walker's first question in its frame: the frame as a locator
    and as the frame itself (to evaluate script in it)."""
    page.goto(loket_url)
    frame = page.frame_locator("#kompaswijzer")
    frame.locator("[data-kompas-vraag]").wait_for()
    return frame, page.frame(url=re.compile(".*/" + re.escape(adressen.EMBED_PAD) + ".*"))


@pytest.mark.parametrize("breedte", [390, 1280])
def test_embed_volgt_zijn_inhoud_op_een_pagina_van_een_andere_herkomst(browser, site_url, loket_url, breedte):
    context = browser.new_context(viewport={"width": breedte, "height": 844})
    page = context.new_page()
    page.set_default_timeout(MAX_TIJD)
    frame, echt = open_loket(page, loket_url)

    def controleer(wanneer: str) -> None:
        page.wait_for_timeout(300)  # the message after the change
        inhoud, hoogte = _meet(page, echt)
        assert abs(hoogte - inhoud) <= 150, f"{wanneer}: frame {hoogte} px om {inhoud} px inhoud"
        # Not a pixel too short either: that gives the frame a scroll bar of its own.
        over = echt.evaluate("document.scrollingElement.scrollHeight - window.innerHeight")
        assert over <= 0, f"{wanneer}: de inhoud is {over} px hoger dan de frame"

    controleer("eerste vraag")
    _loop_naar_de_uitkomst(frame, LANG)
    controleer("uitkomst")
    frame.locator('[data-kompas-actie="vorige"]').first.click()
    frame.locator("[data-kompas-vraag]").wait_for()
    controleer("vorige")
    frame.locator('[data-kompas-actie="opnieuw"]').first.click()
    frame.locator(f'[data-kompas-vraag="{KOMPAS.start}"]').wait_for()
    controleer("opnieuw")
    context.close()


# --- Skip link ----------------------------------------------------------------------------


def _skiplink_werkt(page) -> None:
    link = page.locator("a.md-skip")
    assert link.count() == 1, "geen link 'Ga naar inhoud'"
    doel = link.get_attribute("href")
    assert doel.startswith("#")
    assert page.locator(f"[id='{doel[1:]}']").count() == 1, f"{doel} bestaat niet op de pagina"


def test_skiplink_na_stappen_en_op_elke_vraagpagina(pagina, site_url):
    pagina.goto(wijzer_url(site_url))
    _skiplink_werkt(pagina)
    for i, stap in enumerate(LANG.stappen):
        antwoord_met_js(pagina, stap.antwoord, wijzer_url(site_url, _tot(LANG, i + 1)))
        _skiplink_werkt(pagina)
    pagina.goto(wijzer_url(site_url, _tot(LANG, 2)))
    _skiplink_werkt(pagina)


# --- No sideways scrolling on a phone -----------------------------------------------------


@pytest.mark.parametrize(
    ("breedte", "js"), [(320, True), (390, True), (320, False)], ids=["320", "390", "320-zonder-js"]
)
def test_geen_pagina_scrolt_zijwaarts_op_een_telefoon(browser, site_url, html_paginas, breedte, js):
    context = browser.new_context(viewport={"width": breedte, "height": 700})
    page = context.new_page()
    page.set_default_timeout(MAX_TIJD)
    if not js:
        # The page without its scripts (measuring itself still needs JavaScript).
        page.route(re.compile(r".*\.js(\?.*)?$"), lambda route: route.abort())
    te_breed = {}
    for pad in html_paginas:
        page.goto(site_url + pad, wait_until="load")
        breed = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if breed[0] > breed[1]:
            te_breed[pad] = breed[0]
    context.close()
    assert not te_breed, te_breed


# --- One numbering ------------------------------------------------------------------------


def test_vraagnummer_is_dat_van_het_kompas(pagina, site_url):
    pagina.goto(wijzer_url(site_url))
    for i, stap in enumerate(LANG.stappen):
        legend = pagina.locator(f'fieldset[data-kompas-vraag="{stap.vraag}"] legend')
        assert re.search(rf"\bVraag {NUMMERS[stap.vraag]}\b", legend.inner_text()), legend.inner_text()
        antwoord_met_js(pagina, stap.antwoord, wijzer_url(site_url, _tot(LANG, i + 1)))
    # "Waarom deze vorm?", the verantwoording and the answers use the same numbers.
    pagina.locator("[data-kompas-medewerkers] > summary").click()
    for stap in LANG.stappen:
        assert (
            f"Vraag {NUMMERS[stap.vraag]}. "
            in pagina.locator(f'.kvz-antwoorden [data-kompas-antwoord="{stap.vraag}"]').inner_text()
        )
        waarom = pagina.locator(f'[data-kompas-waarom="{stap.vraag}"]').inner_text()
        assert f"Vraag {NUMMERS[stap.vraag]}" in waarom, waarom
    verantwoording = pagina.locator("[data-kompas-verantwoording]").text_content()
    for stap in LANG.stappen:
        assert f"Vraag {NUMMERS[stap.vraag]}. " in verantwoording
    # The open outcome's routes.
    pagina.goto(wijzer_url(site_url, f"{EERSTE}/{toestanden.WEET_NIET}"))
    routes = pagina.locator(".kvz-wijzer__route li").all_text_contents()  # inside closed details
    assert routes and all(re.match(r"Vraag \d+\. ", r) for r in routes), routes


def test_vraagpagina_zonder_javascript_heeft_het_kompasnummer(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    stap = LANG.stappen[1]
    page.goto(wijzer_url(site_url, _tot(LANG, 1)))
    assert f"Vraag {NUMMERS[stap.vraag]}" in page.locator(".kvz-wijzer").inner_text()
    context.close()


# --- The question is the page heading, in the legend (GOV.UK) ------------------------------

VRAGEN = {v.id: v for v in KOMPAS.vragen}


def _woorden(tekst: str) -> str:
    return " ".join(tekst.split())


def _vraag_is_de_paginakop(page, vraag: str) -> None:
    """One h1 on the page: inside the question's legend, with the kompas' number and the
    question; the skip link and the <title> go with it."""
    assert page.locator("h1").count() == 1, page.locator("h1").all_inner_texts()
    kop = page.locator(f'fieldset[data-kompas-vraag="{vraag}"] > legend h1')
    assert kop.count() == 1, "de vraag is niet de paginakop in de legend"
    tekst = _woorden(kop.inner_text())
    assert tekst.startswith(f"Vraag {NUMMERS[vraag]} "), tekst
    assert _woorden(VRAGEN[vraag].tekst) in tekst, tekst
    assert page.locator("a.md-skip").get_attribute("href") == "#" + kop.get_attribute("id")
    assert page.title().startswith(f"Kompaswijzer, vraag {NUMMERS[vraag]} "), page.title()


def test_vraag_is_de_paginakop_in_de_legend(pagina, site_url):
    from .test_wijzer import _axe

    overtredingen = {}
    # Loaded directly, in the site and in the embed.
    for adres in (wijzer_url(site_url, _tot(LANG, 1)), site_url + "kompas/wijzer-embed/" + _tot(LANG, 1) + "/"):
        pagina.goto(adres)
        _vraag_is_de_paginakop(pagina, LANG.stappen[1].vraag)
        overtredingen[adres] = _axe(pagina)
    # Reached by the script's steps, from the start page on.
    pagina.goto(wijzer_url(site_url))
    for i, stap in enumerate(LANG.stappen[1:], start=1):
        antwoord_met_js(pagina, LANG.stappen[i - 1].antwoord, wijzer_url(site_url, _tot(LANG, i)))
        _vraag_is_de_paginakop(pagina, stap.vraag)
        # The focus goes to the legend, which announces the question (once).
        assert pagina.evaluate("document.activeElement.tagName") == "LEGEND"
        overtredingen[f"stap {i + 1}"] = _axe(pagina)
    assert not any(overtredingen.values()), {k: v for k, v in overtredingen.items() if v}


def test_startpagina_heeft_de_kompaswijzer_als_kop_en_de_vraag_eronder(pagina, site_url):
    # The start page introduces the walker under its own heading; the first question is the
    # next level down, still in the legend with the kompas' number.
    pagina.goto(wijzer_url(site_url))
    assert pagina.locator("h1").all_inner_texts() == ["Kompaswijzer"]
    kop = pagina.locator(f'fieldset[data-kompas-vraag="{KOMPAS.start}"] > legend h2')
    assert _woorden(kop.inner_text()).startswith(f"Vraag {NUMMERS[KOMPAS.start]} ")
    assert pagina.locator("a.md-skip").get_attribute("href") == "#kompaswijzer"


def test_vraag_is_de_paginakop_zonder_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    stap = LANG.stappen[1]
    page.goto(wijzer_url(site_url, _tot(LANG, 1)))
    koppen = [_woorden(t) for t in page.locator("h1").all_inner_texts()]
    context.close()
    assert koppen == [f"Vraag {NUMMERS[stap.vraag]} {_woorden(VRAGEN[stap.vraag].tekst)}"], koppen


# --- Going back keeps the answer ----------------------------------------------------------


def _gekozen(page) -> str | None:
    return page.evaluate("(document.querySelector('input[name=antwoord]:checked') || {}).value || null")


def test_terug_kiest_het_eerdere_antwoord_weer(pagina, site_url):
    pagina.goto(wijzer_url(site_url))
    for i, stap in enumerate(LANG.stappen[:2]):
        antwoord_met_js(pagina, stap.antwoord, wijzer_url(site_url, _tot(LANG, i + 1)))
    # Vorige
    pagina.locator('[data-kompas-actie="vorige"]').first.click()
    pagina.wait_for_url(wijzer_url(site_url, _tot(LANG, 1)))
    pagina.wait_for_selector(f'fieldset[data-kompas-vraag="{LANG.stappen[1].vraag}"]')
    assert _gekozen(pagina) == LANG.stappen[1].antwoord
    # Browser Back
    pagina.go_back()
    pagina.wait_for_url(wijzer_url(site_url, _tot(LANG, 2)))
    pagina.wait_for_selector(f'[data-kompas-vraag="{LANG.stappen[2].vraag}"]')
    pagina.go_back()
    pagina.wait_for_url(wijzer_url(site_url, _tot(LANG, 1)))
    pagina.wait_for_selector(f'fieldset[data-kompas-vraag="{LANG.stappen[1].vraag}"]')
    assert _gekozen(pagina) == LANG.stappen[1].antwoord
    # "wijzig" at the first answer
    pagina.locator(f'[data-kompas-antwoord="{LANG.stappen[0].vraag}"] a').click()
    pagina.wait_for_url(re.compile(re.escape(wijzer_url(site_url)) + r"(#.*)?$"))
    pagina.wait_for_selector(f'fieldset[data-kompas-vraag="{LANG.stappen[0].vraag}"]')
    assert _gekozen(pagina) == LANG.stappen[0].antwoord


def test_terug_zonder_javascript_toont_het_eerdere_antwoord(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(wijzer_url(site_url, _tot(LANG, 2)))
    page.locator('[data-kompas-actie="vorige"]').first.click()
    eerder = page.locator(f'a[data-antwoord="{LANG.stappen[1].antwoord}"]')
    assert page.evaluate("location.hash") == f"#{eerder.get_attribute('id')}"
    assert eerder.evaluate("e => e.matches(':target')")
    assert eerder.locator(".kvz-wijzer__eerder").is_visible()
    andere = page.locator(f'a[data-antwoord]:not([data-antwoord="{LANG.stappen[1].antwoord}"]) .kvz-wijzer__eerder')
    assert not any(e.is_visible() for e in andere.all())
    context.close()


# --- Toelichtingen over a reload ----------------------------------------------------------


def test_toelichting_overleeft_herladen(pagina, site_url):
    pad = PADEN[0]
    pagina.goto(wijzer_url(site_url, pad.antwoorden))
    pagina.locator("[data-kompas-medewerkers] > summary").click()
    veld = pagina.locator(f'textarea[data-kompas-toelichting="{pad.stappen[0].vraag}"]')
    veld.fill("Besproken met de buurt.")
    pagina.reload()
    veld = pagina.locator(f'textarea[data-kompas-toelichting="{pad.stappen[0].vraag}"]')
    assert veld.input_value() == "Besproken met de buurt."
    assert "Toelichting: Besproken met de buurt." in pagina.locator("[data-kompas-verantwoording]").text_content()


# --- Error, announcements, double clicks, old browsers -----------------------------------


def test_foutmelding_staat_bovenaan(pagina, site_url):
    pagina.goto(wijzer_url(site_url, _tot(LANG, 1)))
    pagina.locator('[data-kompas-actie="volgende"]').click()
    fout = pagina.locator("[data-kompas-fout]")
    fout.wait_for()
    h1 = pagina.locator("article h1").first
    assert fout.bounding_box()["y"] <= h1.bounding_box()["y"], "de foutsamenvatting staat niet boven de kop"


def test_vraag_wordt_een_keer_aangekondigd(pagina, site_url):
    pagina.goto(wijzer_url(site_url))
    antwoord_met_js(pagina, EERSTE, wijzer_url(site_url, EERSTE))
    assert pagina.evaluate("document.activeElement.tagName") == "LEGEND"
    pagina.wait_for_timeout(300)
    live = pagina.evaluate(
        "Array.from(document.querySelectorAll('[aria-live]')).map(e => e.textContent.trim()).filter(Boolean)"
    )
    assert live == [], f"de vraag wordt ook door een live region voorgelezen: {live}"


def test_dubbelklik_zet_maar_een_stap(pagina, site_url):
    pagina.route(re.compile(r".*/kompas/wijzer/.+/$"), lambda route: (pagina.wait_for_timeout(400), route.continue_()))
    pagina.goto(wijzer_url(site_url))
    lengte = pagina.evaluate("history.length")
    pagina.locator(f'input[name="antwoord"][value="{EERSTE}"]').check()
    knop = pagina.locator('[data-kompas-actie="volgende"]')
    pagina.evaluate("() => { const k = document.querySelector('[data-kompas-actie=volgende]'); k.click(); k.click(); }")
    pagina.wait_for_url(wijzer_url(site_url, EERSTE))
    pagina.wait_for_timeout(1200)
    assert pagina.evaluate("history.length") == lengte + 1
    assert knop.count() == 1


def test_oude_browser_krijgt_de_links_zonder_script(browser, site_url):
    context = browser.new_context()
    context.add_init_script("delete window.fetch; delete window.DOMParser;")
    page = context.new_page()
    page.goto(wijzer_url(site_url))
    page.wait_for_load_state("load")
    assert page.locator("form.kvz-wijzer__formulier").count() == 0
    page.locator(f'a[data-antwoord="{EERSTE}"]').click()
    page.wait_for_url(wijzer_url(site_url, EERSTE))
    assert vraag_op_scherm(page) != KOMPAS.start
    context.close()


# --- The outcome for everyone first, the staff part after it -------------------------------
# (Within three phone screens, site and embed, 390 and 320 px: test_wijzer_uitkomst.py.)

SCHERM = 844  # px, a 390 px wide phone


@pytest.mark.parametrize("js", [True, False], ids=["met-js", "zonder-js"])
def test_uitkomst_begint_met_de_samenvatting_en_het_deel_voor_medewerkers_is_dicht(browser, site_url, data, js):
    context = browser.new_context(viewport={"width": 390, "height": SCHERM}, java_script_enabled=js)
    page = context.new_page()
    for pad in PADEN:
        page.goto(wijzer_url(site_url, pad.antwoorden))
        vorm = data.vorm(pad.vorm)
        uitkomst = page.locator(f'[data-kompas-uitkomst="{pad.vorm}"]')
        # The plain-words summary (the site's own, so marked) and what happens next come first.
        kort = uitkomst.locator('.kvz-uitkomst__kort[data-bron="site"]')
        assert kort.locator("[data-kompas-kort]").inner_text() == vorm.in_het_kort
        assert "Wat gebeurt er nu?" in kort.inner_text()
        assert "Uitleg van deze site" in kort.inner_text()
        # The note's text is there, closed, and opens without a script.
        nota = uitkomst.locator("details")
        assert nota.count() == 1 and not nota.evaluate("d => d.open")
        assert vorm.wat_is_het[:40] in nota.text_content()
        nota.locator("summary").click()
        assert nota.evaluate("d => d.open")
        nota.locator("summary").click()
        # The staff part comes after, behind its own disclosure, closed on the site.
        staf = page.locator("details[data-kompas-medewerkers]")
        assert not staf.evaluate("d => d.open")
        for deel in ("[data-kompas-verantwoording]", "[data-kompas-waarom]"):
            assert staf.locator(deel).count() >= 1
            assert not staf.locator(deel).first.is_visible()
        assert uitkomst.bounding_box()["y"] < staf.bounding_box()["y"]
    context.close()


def test_weet_niet_begint_met_de_samenvattingen(pagina, site_url, data):
    for toestand in (t for t in toestanden.toestanden(KOMPAS) if t.soort == "open"):
        pagina.goto(wijzer_url(site_url, "/".join(toestand.antwoorden)))
        kort = pagina.locator('[data-kompas-open] .kvz-uitkomst__kort[data-bron="site"]').inner_text()
        assert "Wat gebeurt er nu?" in kort
        for item in pagina.locator("[data-kompas-mogelijk]").all():
            vorm = data.vorm(item.get_attribute("data-kompas-mogelijk"))
            # Named up top, each a link; under its own disclosure our summary, then the note's text.
            assert vorm.titel in kort
            nota = item.locator("details").first
            assert not nota.evaluate("d => d.open") and vorm.zeggenschap in nota.text_content()
            assert item.locator('[data-bron="site"]').first.text_content().startswith(vorm.in_het_kort)


# --- Finding the way in, the way back, and targets for a thumb ------------------------------


def test_terug_bovenaan_elke_vraag_en_uitkomst(pagina, site_url):
    adressen_ = [wijzer_url(site_url, _tot(LANG, n)) for n in range(1, len(LANG.stappen) + 1)]
    adressen_.append(wijzer_url(site_url, f"{EERSTE}/{toestanden.WEET_NIET}"))
    for adres in adressen_:
        pagina.goto(adres)
        terug = pagina.locator("[data-kompas-terug]")
        assert terug.count() == 1, adres
        kop = pagina.locator(".kvz-wijzer__vraagtekst, [data-kompas-uitkomst], [data-kompas-open]").first
        assert terug.bounding_box()["y"] < kop.bounding_box()["y"], adres
        # Above the page's heading too (GOV.UK): nothing but the back link comes before the h1.
        h1 = pagina.locator("article h1")
        assert h1.count() == 1, adres
        assert terug.bounding_box()["y"] < h1.bounding_box()["y"], adres
        assert terug.bounding_box()["height"] >= 44


def test_geen_themavoet_en_menu_op_de_wijzer(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    for adres in (wijzer_url(site_url), wijzer_url(site_url, _tot(LANG, 1)), wijzer_url(site_url, LANG.antwoorden)):
        page.goto(adres)
        assert not page.locator(".md-footer__link").filter(has=page.locator(":visible")).count(), adres
        assert not page.locator(".md-sidebar--primary").is_visible(), adres
    context.close()


def test_antwoorden_en_wijzig_zijn_grote_doelen(pagina, site_url):
    pagina.goto(wijzer_url(site_url, _tot(LANG, 2)))
    for rij in pagina.locator(".utrecht-form-field--radio").all():
        vak = rij.bounding_box()
        assert vak["height"] >= 44 and rij.locator("label").bounding_box()["height"] >= 44
        # The whole row chooses: a tap at its right end checks its radio.
        pagina.mouse.click(vak["x"] + vak["width"] - 8, vak["y"] + vak["height"] / 2)
        assert rij.locator("input").is_checked()
    for link in pagina.locator(".kvz-wijzer__wijzig").all():
        assert link.bounding_box()["height"] >= 44
    pagina.goto(wijzer_url(site_url, LANG.antwoorden))
    for link in pagina.locator(".kvz-wijzer__wijzig").all():
        assert link.bounding_box()["height"] >= 44


FOCUS = """async e => {
  e.focus();
  await Promise.all(e.getAnimations().map(a => a.finished));
  const s = getComputedStyle(e);
  return [e.matches(':focus-visible'), s.outlineStyle, s.color, s.backgroundColor];
}"""


def _hex(rgb: str) -> str:
    """A browser's "rgb(r, g, b)" as "#rrggbb"."""
    return "#" + "".join(f"{int(k):02x}" for k in re.findall(r"\d+", rgb)[:3])


def test_een_knop_met_focus_houdt_zijn_eigen_kleuren(pagina, site_url):
    """The gemeente's buttons and links drawn as buttons, focused from the keyboard: the focus
    ring, and their text readable on their own background, not on the yellow of a focused text
    link (which, in white on it, would be unreadable)."""
    pagina.goto(site_url + "kompas/")
    knoppen = {"start": pagina.get_by_role("link", name="Start de kompaswijzer", exact=True).evaluate(FOCUS)}
    pagina.goto(wijzer_url(site_url, _tot(LANG, 1)))
    for actie in ("volgende", "vorige", "opnieuw"):
        knoppen[actie] = pagina.locator(f'[data-kompas-actie="{actie}"]').evaluate(FOCUS)
    for naam, (zichtbaar, rand, tekst, achter) in knoppen.items():
        assert zichtbaar and rand == "dotted", (naam, zichtbaar, rand)
        assert kleuren.contrast(_hex(tekst), _hex(achter)) >= 4.5, (naam, tekst, achter)


@pytest.mark.parametrize("pad", ["", "kompas/"])
def test_startknop_bovenaan(pagina, site_url, pad):
    pagina.goto(site_url + pad)
    knop = pagina.locator("[data-kompas-start-knop]")
    assert knop.count() == 1
    assert knop.bounding_box()["y"] + knop.bounding_box()["height"] <= 1.5 * 844
    knop.click()
    pagina.wait_for_url(wijzer_url(site_url))


def test_woordmerk_en_bouw_in_het_colofon(pagina, site_url):
    pagina.goto(site_url)
    kop = pagina.get_by_role("navigation", name="Gemeente Utrecht")
    assert kop.get_by_role("link").inner_text() == "Gemeente Utrecht"
    assert pagina.locator(".kvz-footer .kvz-woordmerk").inner_text() == "Gemeente Utrecht"
    assert not pagina.locator(".md-header__button.md-logo").is_visible()
    assert "bouw" not in pagina.locator(".kvz-footer").inner_text()
    pagina.goto(site_url + "over/")
    assert re.search(r"gebouwd uit commit \S+", pagina.locator("article").inner_text())


def test_stroomschema_opent_bij_de_route_op_een_telefoon(pagina, site_url):
    for pad in PADEN:
        pagina.goto(wijzer_url(site_url, pad.antwoorden))
        # The part for staff is closed on the site: the diagram turns to the route when it opens.
        pagina.locator("[data-kompas-medewerkers] > summary").click()
        kader = pagina.locator(".kvz-diagram__kader")
        vorm = kader.locator(f'[data-vorm="{pad.vorm}"][data-route]')
        k, v = kader.bounding_box(), vorm.bounding_box()
        assert v["x"] >= k["x"] - 1 and v["x"] + v["width"] <= k["x"] + k["width"] + 1, pad.antwoorden


# --- axe on the states the script reaches ---------------------------------------------------


def test_axe_op_elke_toestand_na_stappen_met_javascript(pagina, site_url):
    from .test_wijzer import _axe

    overtredingen = {}
    for basis in (wijzer_url(site_url), site_url + "kompas/wijzer-embed/"):
        pagina.goto(basis)
        for i, stap in enumerate(LANG.stappen):
            pagina.locator(f'input[name="antwoord"][value="{stap.antwoord}"]').check()
            pagina.locator('[data-kompas-actie="volgende"]').click()
            pagina.wait_for_url(basis + _tot(LANG, i + 1) + "/")
            pagina.wait_for_selector(".kvz-wijzer__vraagtekst, [data-kompas-uitkomst]")
            overtredingen[basis + _tot(LANG, i + 1)] = _axe(pagina)
        pagina.locator('[data-kompas-actie="vorige"]').click()
        pagina.wait_for_selector("fieldset[data-kompas-vraag]")
        overtredingen[basis + " vorige"] = _axe(pagina)
        pagina.locator(f'input[name="antwoord"][value="{toestanden.WEET_NIET}"]').check()
        pagina.locator('[data-kompas-actie="volgende"]').click()
        pagina.wait_for_selector("[data-kompas-open]")
        overtredingen[basis + " weet niet"] = _axe(pagina)
    assert not any(overtredingen.values()), {k: v for k, v in overtredingen.items() if v}


@pytest.mark.parametrize("breedte", [1024, 1280])
def test_stroomschema_past_in_zijn_kolom_op_een_desktop(browser, site_url, breedte):
    context = browser.new_context(viewport={"width": breedte, "height": 900})
    page = context.new_page()
    page.goto(wijzer_url(site_url, LANG.antwoorden))
    page.locator("[data-kompas-medewerkers] > summary").click()
    maten = page.locator(".kvz-diagram__kader").evaluate("k => [k.scrollWidth, k.clientWidth]")
    context.close()
    assert maten[0] <= maten[1], f"het stroomschema scrolt zijwaarts: {maten}"


@pytest.mark.parametrize("breedte", [320, 390])
def test_stroomschema_blijft_in_zijn_kolom_op_een_telefoon(browser, site_url, breedte):
    """On a phone the route diagram is wider than the column: it scrolls inside its own frame
    (the caption says so), and the frame stays within the page's content, so nothing of it is
    cut off."""
    context = browser.new_context(viewport={"width": breedte, "height": 900})
    page = context.new_page()
    page.goto(wijzer_url(site_url, LANG.antwoorden))
    page.locator("[data-kompas-medewerkers] > summary").click()
    kader, kolom = page.evaluate(
        """() => [document.querySelector('.kvz-diagram--route .kvz-diagram__kader').getBoundingClientRect(),
                  document.querySelector('article').getBoundingClientRect()]"""
    )
    context.close()
    assert kolom["left"] - 1 <= kader["left"] and kader["right"] <= kolom["right"] + 1, (kader, kolom)


# --- Found by reviewers after the first round ----------------------------------------------


def test_terug_door_een_sprong_naar_een_anker_toont_de_vraag_van_het_adres(pagina, site_url):
    """The skip link adds a history entry of its own; Back through it showed the later question."""
    pagina.goto(wijzer_url(site_url))
    pagina.locator("a.md-skip").focus()
    pagina.keyboard.press("Enter")
    pagina.wait_for_url(re.compile(r".*#.+$"))
    antwoord_met_js(pagina, LANG.stappen[0].antwoord, wijzer_url(site_url, _tot(LANG, 1)))
    pagina.wait_for_selector(f'fieldset[data-kompas-vraag="{LANG.stappen[1].vraag}"]')
    pagina.go_back()
    pagina.wait_for_selector(f'fieldset[data-kompas-vraag="{LANG.stappen[0].vraag}"]')
    assert vraag_op_scherm(pagina) == LANG.stappen[0].vraag
    pagina.go_forward()
    pagina.wait_for_selector(f'fieldset[data-kompas-vraag="{LANG.stappen[1].vraag}"]')
    assert vraag_op_scherm(pagina) == LANG.stappen[1].vraag


def test_eerder_antwoord_zonder_javascript_is_leesbaar_en_zichtbaar(browser, site_url):
    """Without JavaScript the earlier answer is the :target; focused as well, the theme's link
    colour made it blue on blue. It and its question stay in view, clear of the sticky header."""
    from .test_wijzer import _axe

    # axe needs JavaScript; the page's own scripts are refused, so it is the page without them.
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(MAX_TIJD)
    page.route(re.compile(r".*\.js(\?.*)?$"), lambda route: route.abort())
    for stap in LANG.stappen[:2]:
        page.goto(wijzer_url(site_url, _tot(LANG, LANG.stappen.index(stap))) + f"#antwoord-{stap.antwoord}")
        link = page.locator(f"#antwoord-{stap.antwoord}")
        assert page.locator("[data-kompas-actie=volgende]").count() == 0, "het script liep toch"
        assert _axe(page) == [], "zonder focus"
        link.focus()
        assert _axe(page) == [], "met focus"
        # In view, and so is the question it answers: neither under the sticky header.
        kop = page.locator(".md-header").bounding_box()
        vraag = page.locator(".kvz-wijzer__vraagtekst").bounding_box()
        antwoord = link.bounding_box()
        assert vraag["y"] >= kop["y"] + kop["height"], "de vraag staat onder de kopbalk"
        assert antwoord["y"] + antwoord["height"] <= 844, "het antwoord staat niet in beeld"
    context.close()


def test_toelichting_hoort_bij_vraag_en_antwoord(pagina, site_url):
    """Within one walk (a case, see test_wijzer_zaak.py): a note on one answer to a question
    does not go with another answer to it, and comes back with that answer."""
    vraag = KOMPAS.start
    ja = next(p for p in PADEN if p.stappen[0].antwoord != PADEN[-1].stappen[0].antwoord)
    nee = PADEN[-1]
    assert ja.stappen[0].vraag == nee.stappen[0].vraag == vraag

    def loop(pad: graaf.Pad) -> None:
        for i, stap in enumerate(pad.stappen):
            antwoord_met_js(pagina, stap.antwoord, wijzer_url(site_url, _tot(pad, i + 1)))

    pagina.goto(wijzer_url(site_url))
    loop(ja)
    pagina.locator("[data-kompas-medewerkers] > summary").click()
    pagina.locator(f'textarea[data-kompas-toelichting="{vraag}"]').fill("Geldt alleen voor dit antwoord.")
    # Back to the first question (Back, within the walk), the other answer.
    for i in reversed(range(len(ja.stappen))):
        pagina.go_back()
        pagina.wait_for_url(wijzer_url(site_url, _tot(ja, i)))
    loop(nee)
    assert pagina.locator(f'textarea[data-kompas-toelichting="{vraag}"]').input_value() == ""
    assert "Geldt alleen" not in pagina.locator("[data-kompas-verantwoording]").text_content()
    for i in reversed(range(len(nee.stappen))):
        pagina.go_back()
        pagina.wait_for_url(wijzer_url(site_url, _tot(nee, i)))
    loop(ja)
    assert (
        pagina.locator(f'textarea[data-kompas-toelichting="{vraag}"]').input_value()
        == "Geldt alleen voor dit antwoord."
    )


def test_weet_niet_heeft_een_deel_voor_medewerkers(pagina, site_url):
    """As on an outcome: what is for staff (what to know, the routes) behind its own disclosure,
    after the answers and the way to start again."""
    pagina.goto(wijzer_url(site_url, f"{_tot(LANG, 1)}/{toestanden.WEET_NIET}"))
    deel = pagina.locator("details[data-kompas-medewerkers]")
    assert deel.count() == 1
    assert deel.locator("> summary").inner_text().startswith("Voor medewerkers")
    for kop in ("#kompas-weten", "#kompas-routes"):
        assert deel.locator(kop).count() == 1, kop
    assert pagina.locator("[data-kompas-open]").bounding_box()["y"] < deel.bounding_box()["y"]
    assert pagina.locator('[data-kompas-actie="opnieuw"]').bounding_box()["y"] < deel.bounding_box()["y"]


def test_elke_plek_in_de_antwoordrij_kiest(pagina, site_url):
    pagina.goto(wijzer_url(site_url, _tot(LANG, 1)))
    for rij in pagina.locator(".utrecht-form-field--radio").all():
        vak = rij.bounding_box()
        radio = rij.locator("input").bounding_box()
        # the left edge, the gap between radio and label, just above the radio
        for x, y in (
            (vak["x"] + 3, vak["y"] + vak["height"] / 2),
            (radio["x"] + radio["width"] + 2, vak["y"] + vak["height"] / 2),
            (radio["x"] + radio["width"] / 2, vak["y"] + 3),
        ):
            pagina.evaluate(
                "() => document.querySelectorAll('input[name=antwoord]').forEach(i => { i.checked = false; })"
            )
            pagina.mouse.click(x, y)
            assert rij.locator("input").is_checked(), (rij.inner_text(), x - vak["x"], y - vak["y"])


def test_kopieren_werkt_in_de_iframe_van_het_loket(browser, loket_url):
    context = browser.new_context(viewport={"width": 1280, "height": 844})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.set_default_timeout(MAX_TIJD)
    page.goto(loket_url)
    frame = page.frame_locator("#kompaswijzer")
    _loop_naar_de_uitkomst(frame, LANG)
    page.wait_for_timeout(300)  # the frame takes its new height first
    frame.locator('[data-kompas-actie="kopieer"]').click()
    status = frame.locator("[data-kompas-kopieer-status]")
    status.filter(has_text=re.compile(".+")).wait_for()
    teksten = json.loads(frame.locator("[data-kompas-teksten]").text_content())
    assert status.inner_text() == teksten["gekopieerd"]
    assert "Kompas voor zeggenschap" in page.evaluate("navigator.clipboard.readText()")
    context.close()
