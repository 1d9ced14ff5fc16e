"""An outcome of the kompaswijzer as a resident on a phone and a loket officer meet it (issue
23, points 2, 3 and the honesty line of 5): GOV.UK's result page (the vorm as the only
heading, plain words under it, the answers with a change link each, the way to start again)
within three phone screens; the part for staff behind one disclosure, open in the intern
loket's frame; printing gives the verantwoording alone, also from inside the frame.

The paths come from the live data, so only what holds for any kompas is asserted.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pytest

from macros.data import adressen, betekenis, graaf, toestanden
from macros.data.loader import laad_kompas_data
from macros.data.model import Lezing
from macros.review import leesbaarheid
from macros.site import wijzer
from macros.uitvoer.kompas_json import kompas_dict

from .conftest import DATA, NOTA_MAP, PROJECT
from .htmlscan import artikel, boom
from .test_nota_tekst import LABEL
from .test_wijzer import MAX_TIJD, _axe, wijzer_url
from .test_wijzer_gebruik import loket_url, open_loket  # noqa: F401 (the host page on another origin)

DATA_LIVE = laad_kompas_data(DATA)
KOMPAS = DATA_LIVE.kompas
NUMMERS = graaf.vraagnummers(KOMPAS)
UITKOMSTEN = [t for t in toestanden.toestanden(KOMPAS) if t.soort == "uitkomst"]
OPEN = [t for t in toestanden.toestanden(KOMPAS) if t.soort == "open"]
# The layout on a phone is measured on the note's own kompas (conftest.nota_site): the engine,
# with texts of real length, not whatever length a later version's routes have.
NOTA_KOMPAS = laad_kompas_data(PROJECT / NOTA_MAP).kompas
NOTA_STANDEN = [t for t in toestanden.toestanden(NOTA_KOMPAS) if t.soort in ("uitkomst", "open")]
LANGSTE = max(UITKOMSTEN, key=lambda t: sum(len(DATA_LIVE.vraag(s.vraag).tekst) for s in t.stappen))
SCHERM = 844  # px: the height of a 390 px wide phone (issue 23's targets are at 390×844)
EMBED = "kompas/wijzer-embed/"


def _adres(site_url: str, toestand, embed: bool) -> str:
    return site_url + (EMBED + toestand.pad if embed else adressen.WIJZER_PAD + toestand.pad)


def _woorden(tekst: str) -> str:
    return " ".join(tekst.split())


def _sluit_medewerkers(page) -> None:
    """Close the part for staff (the embed opens it): the targets hold with every disclosure closed."""
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = false; })")


def _open_medewerkers(page) -> None:
    deel = page.locator("[data-kompas-medewerkers]")
    if not deel.evaluate("d => d.open"):
        deel.locator("> summary").click()


# --- Within three phone screens ---------------------------------------------------------------


def _maten(page) -> dict:
    """Where the parts of the state stand (px from the top of the document), and how long the
    content is: in the embed the frame is as high as the content (its article), on the site
    the whole document with its header and footer."""
    return page.evaluate(
        """() => {
        const y = s => { const e = document.querySelector(s); const r = e.getBoundingClientRect();
                         return [r.top + scrollY, r.bottom + scrollY]; };
        const artikel = document.querySelector('article.md-content__inner');
        const embed = document.querySelector('[data-kompas-embed]') !== null;
        return {
            lengte: embed ? artikel.getBoundingClientRect().bottom + scrollY : document.scrollingElement.scrollHeight,
            kort: y('[data-kompas-kort]'),
            lezing: y('[data-kompas-lezing]'),
            opnieuw: y('[data-kompas-actie="opnieuw"]'),
        };
    }"""
    )


@pytest.mark.parametrize("embed", [False, True], ids=["site", "embed"])
@pytest.mark.parametrize("js", [True, False], ids=["met-js", "zonder-js"])
def test_uitkomst_en_weet_niet_passen_op_een_telefoon(browser, nota_site_url, embed, js):
    """At 390×844 with every disclosure closed: the whole state within 3 screens, "Opnieuw
    beginnen" within the first 2, the plain words and the line on what the kompas is within
    the first. For every outcome and every "weet ik (nog) niet" of the note's kompas."""
    context = browser.new_context(viewport={"width": 390, "height": SCHERM}, java_script_enabled=js)
    page = context.new_page()
    page.set_default_timeout(MAX_TIJD)
    te_lang = {}
    for toestand in NOTA_STANDEN:
        page.goto(_adres(nota_site_url, toestand, embed))
        _sluit_medewerkers(page)
        m = _maten(page)
        fouten = []
        if m["lengte"] > 3 * SCHERM:
            fouten.append(f"{m['lengte'] / SCHERM:.2f} schermen")
        if m["opnieuw"][1] > 2 * SCHERM:
            fouten.append(f"Opnieuw beginnen tot {m['opnieuw'][1]:.0f} px")
        if m["kort"][0] > SCHERM or m["lezing"][1] > SCHERM:
            fouten.append(
                f"gewone woorden vanaf {m['kort'][0]:.0f} px, de regel over het kompas tot {m['lezing'][1]:.0f}"
            )
        if fouten:
            te_lang[toestand.pad] = fouten
    context.close()
    assert not te_lang, te_lang


@pytest.mark.parametrize("embed", [False, True], ids=["site", "embed"])
def test_op_320_px_staan_de_gewone_woorden_op_het_eerste_scherm(browser, nota_site_url, embed):
    """On the narrowest phone the page is longer (the targets are for 390 px), but the plain
    words and the line on what the kompas is still start on the first screen."""
    context = browser.new_context(viewport={"width": 320, "height": SCHERM})
    page = context.new_page()
    page.set_default_timeout(MAX_TIJD)
    laag = {}
    for toestand in NOTA_STANDEN:
        page.goto(_adres(nota_site_url, toestand, embed))
        m = _maten(page)
        if m["kort"][0] > SCHERM or m["lezing"][0] > SCHERM:
            laag[toestand.pad] = (m["lezing"][0], m["kort"][0])
    context.close()
    assert not laag, laag


# --- GOV.UK's result page -----------------------------------------------------------------------


@pytest.mark.parametrize("embed", [False, True], ids=["site", "embed"])
def test_de_vorm_is_de_enige_kop_en_de_titel_volgt_hem(browser, site_url, embed):
    context = browser.new_context(viewport={"width": 390, "height": SCHERM})
    page = context.new_page()
    page.set_default_timeout(MAX_TIJD)
    for toestand in UITKOMSTEN[:3] + OPEN[:1]:
        page.goto(_adres(site_url, toestand, embed))
        koppen = [_woorden(k) for k in page.locator("h1").all_inner_texts()]
        verwacht = wijzer.paginatitel(DATA_LIVE, toestand)
        assert koppen == [verwacht], koppen
        if toestand.soort == "uitkomst":
            assert verwacht == f"Uitkomst: {DATA_LIVE.vorm(toestand.vorm).titel}"
        # "Het kompas wijst naar" is gone: the outcome is not the note's verdict.
        assert "wijst naar" not in page.locator("article").inner_text()
        assert page.title().startswith(verwacht + " - "), page.title()
        if not embed:
            onderwerp = page.locator(".md-header__topic:last-child .md-ellipsis")
            assert _woorden(onderwerp.text_content()) == verwacht
    context.close()


def test_na_een_stap_volgen_titel_kop_en_focus(browser, site_url):
    """Reached by the script's steps: the <title>, the header's title and the focus go to the
    outcome's heading."""
    context = browser.new_context(viewport={"width": 390, "height": SCHERM})
    page = context.new_page()
    page.set_default_timeout(MAX_TIJD)
    pad = graaf.paden(KOMPAS)[0]
    page.goto(wijzer_url(site_url, "/".join(s.antwoord for s in pad.stappen[:-1])))
    page.locator(f'input[name="antwoord"][value="{pad.stappen[-1].antwoord}"]').check()
    page.locator('[data-kompas-actie="volgende"]').click()
    page.locator(f'[data-kompas-uitkomst="{pad.vorm}"]').wait_for()
    verwacht = f"Uitkomst: {DATA_LIVE.vorm(pad.vorm).titel}"
    assert page.title().startswith(verwacht + " - ")
    assert _woorden(page.locator(".md-header__topic:last-child .md-ellipsis").text_content()) == verwacht
    assert page.evaluate("document.activeElement.tagName") == "H1"
    context.close()


@pytest.mark.parametrize("embed", [False, True], ids=["site", "embed"])
def test_wat_nu_spreekt_de_lezer_aan(browser, site_url, embed):
    """On the site a resident reads what to do; in the loket's frame a member of staff."""
    context = browser.new_context(viewport={"width": 390, "height": SCHERM})
    page = context.new_page()
    for toestand in UITKOMSTEN:
        page.goto(_adres(site_url, toestand, embed))
        wat_nu = page.locator("[data-kompas-wat-nu]")
        assert wat_nu.get_attribute("data-kompas-wat-nu") == ("medewerker" if embed else "bewoner")
        tekst = page.locator(".kvz-uitkomst").inner_text()
        assert ("uw team" in tekst) == embed, toestand.pad
        assert adressen.CONTACT in tekst
    context.close()


def test_uw_antwoorden_met_een_wijziglink_per_vraag_en_opnieuw_beginnen_erna(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": SCHERM})
    page = context.new_page()
    page.set_default_timeout(MAX_TIJD)
    for toestand in UITKOMSTEN + OPEN:
        page.goto(wijzer_url(site_url, toestand.pad.rstrip("/")))
        rijen = page.locator(".kvz-antwoorden > [data-kompas-antwoord]")
        stappen = list(toestand.stappen)
        if toestand.soort == "open":
            stappen.append(graaf.Stap(toestand.open_vraag, toestanden.WEET_NIET))
        assert rijen.count() == len(stappen), toestand.pad
        for i, (rij, stap) in enumerate(zip(rijen.all(), stappen)):
            assert rij.get_attribute("data-kompas-antwoord") == stap.vraag
            assert _woorden(rij.locator("dt").inner_text()).startswith(f"Vraag {NUMMERS[stap.vraag]}. ")
            # (A question the kompasteam changed has its label, a link too, in the row.)
            link = rij.locator("a.kvz-wijzer__wijzig")
            # A name of its own per link ("Wijzig uw antwoord op vraag 3"), leading back to the
            # question with the answer given there chosen.
            naam = _woorden(link.evaluate("a => a.textContent"))
            assert naam == f"Wijzig uw antwoord op vraag {NUMMERS[stap.vraag]}", naam
            terug = site_url + adressen.WIJZER_PAD + "".join(f"{a}/" for a in toestand.antwoorden[:i])
            assert link.evaluate("a => a.href") == f"{terug}#antwoord-{stap.antwoord}"
        namen = [_woorden(a.text_content()) for a in page.locator("article a").all()]
        dubbel = {n for n in namen if namen.count(n) > 1 and n.startswith("Wijzig")}
        assert not dubbel, dubbel
        # The way to start again right after the answers.
        na_de_lijst = page.evaluate(
            "document.querySelector('.kvz-antwoorden').nextElementSibling.querySelector('[data-kompas-actie=opnieuw]') !== null"
        )
        assert na_de_lijst, toestand.pad
    context.close()


def test_wijzig_opent_de_vraag_met_het_antwoord_gekozen(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": SCHERM})
    page = context.new_page()
    page.set_default_timeout(MAX_TIJD)
    page.goto(wijzer_url(site_url, LANGSTE.pad.rstrip("/")))
    stap = LANGSTE.stappen[2]
    page.get_by_role("link", name=f"Wijzig uw antwoord op vraag {NUMMERS[stap.vraag]}", exact=True).click()
    page.locator(f'fieldset[data-kompas-vraag="{stap.vraag}"]').wait_for()
    assert page.evaluate("document.querySelector('input[name=antwoord]:checked').value") == stap.antwoord
    context.close()


# --- The part for staff: one disclosure, open in the frame ------------------------------------


@pytest.mark.parametrize("js", [True, False], ids=["met-js", "zonder-js"])
def test_deel_voor_medewerkers_dicht_op_de_site_open_in_het_loket(browser, site_url, js):
    context = browser.new_context(viewport={"width": 390, "height": SCHERM}, java_script_enabled=js)
    page = context.new_page()
    page.set_default_timeout(MAX_TIJD)
    for toestand in (UITKOMSTEN[0], OPEN[0]):
        for embed in (False, True):
            page.goto(_adres(site_url, toestand, embed))
            deel = page.locator("details[data-kompas-medewerkers]")
            assert deel.count() == 1
            assert deel.evaluate("d => d.open") == embed, (toestand.pad, embed)
            # Everything for staff is in it, nothing of it outside.
            binnen = ["#kompas-weten"]
            if toestand.soort == "uitkomst":
                binnen += ["[data-kompas-waarom]", "[data-kompas-verantwoording]", ".kvz-diagram--route"]
                binnen += ['[data-kompas-actie="kopieer"]', '[data-kompas-actie="afdrukken"]']
            for deel_ in binnen:
                assert page.locator(deel_).count() >= 1, deel_
                buiten = page.locator(f"{deel_}:not([data-kompas-medewerkers] {deel_})")
                assert buiten.count() == 0, deel_
            # It opens without a script, as any details does.
            if not embed:
                deel.locator("> summary").click()
                assert deel.evaluate("d => d.open")
                assert page.locator("#kompas-weten").is_visible()
    context.close()


def test_een_label_per_gebied(html_paginas):
    """The label "Uitleg van deze site, geen tekst uit de nota" once per region (a screen reader
    hears each), where it was 8 to 10 times a page: before the answers only the region of plain
    words (and a notice of an earlier version) carries it; after them the part for staff once,
    and the feedback or the vormen still possible once. (The note's text behind its disclosure
    shares the vorm page's own parts, each with its label.)"""
    for toestand in UITKOMSTEN + OPEN:
        for embed in (False, True):
            html = html_paginas[(EMBED if embed else adressen.WIJZER_PAD) + toestand.pad]
            voor, na = html.split('class="kvz-antwoorden"', 1)
            voor = re.sub(r'<details class="kvz-uitkomst__nota">.*?</details>', "", voor, flags=re.S)
            assert voor.count(LABEL) == 1 + ("data-kompas-eerder" in voor), toestand.pad
            (medewerkers,) = [e for e in artikel(html).alle() if "data-kompas-medewerkers" in e.attrs]
            assert medewerkers.tekst().count(LABEL) == 1, toestand.pad
            assert na.count(LABEL) == 2, toestand.pad


# --- Print: the verantwoording alone ----------------------------------------------------------


def _pdf_tekst(pdf: bytes) -> list[str]:
    from pypdf import PdfReader

    return [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]


def _alleen_de_verantwoording(page, wat: str) -> None:
    """The page printed (A4, print media, as the browser's print dialog does): 1 or 2 pages,
    none blank, and their text is the verantwoording's, word for word, and nothing else."""
    verantwoording = page.locator("[data-kompas-verantwoording]").evaluate("e => e.textContent")
    page.emulate_media(media="print")
    paginas = _pdf_tekst(page.pdf(format="A4"))
    page.emulate_media(media="screen")
    assert 1 <= len(paginas) <= 2, f"{wat}: {len(paginas)} pagina's"
    assert all(p.strip() for p in paginas), f"{wat}: een lege pagina"
    gedrukt = re.findall(r"\w+", " ".join(paginas))
    assert gedrukt == re.findall(r"\w+", verantwoording), f"{wat}:\n{' '.join(paginas)[:600]}"


@pytest.mark.parametrize("embed", [False, True], ids=["site", "embed"])
@pytest.mark.parametrize("js", [True, False], ids=["met-js", "zonder-js"])
def test_afdrukken_geeft_alleen_de_verantwoording(browser, site_url, embed, js):
    """With the part for staff closed (as a resident leaves it) or open (as the frame has it),
    printed at a phone's width and at a desktop's."""
    for breedte in (390, 1280):
        context = browser.new_context(viewport={"width": breedte, "height": SCHERM}, java_script_enabled=js)
        page = context.new_page()
        page.set_default_timeout(MAX_TIJD)
        for toestand in (UITKOMSTEN[0], LANGSTE):
            page.goto(_adres(site_url, toestand, embed))
            _alleen_de_verantwoording(page, f"{breedte} px, {toestand.pad}")
        context.close()


def test_lange_toelichtingen_blijven_binnen_twee_paginas(browser, site_url):
    """The longest route with a toelichting of five lines at every answer still prints on at
    most two pages, with every toelichting in it."""
    context = browser.new_context(viewport={"width": 390, "height": SCHERM})
    page = context.new_page()
    page.set_default_timeout(MAX_TIJD)
    page.goto(wijzer_url(site_url, LANGSTE.pad.rstrip("/")))
    _open_medewerkers(page)
    zin = "Besproken met de buurt en het wijkbureau; de afspraken staan in het verslag van de avond. "
    for stap in LANGSTE.stappen:
        page.locator(f'textarea[data-kompas-toelichting="{stap.vraag}"]').fill(
            f"Vraag {NUMMERS[stap.vraag]}: " + zin * 3
        )
    _alleen_de_verantwoording(page, "met toelichtingen")
    assert page.locator("[data-kompas-verantwoording]").text_content().count("Toelichting: ") == len(LANGSTE.stappen)
    context.close()


def test_afdrukken_vanuit_de_frame_van_het_loket(browser, site_url, loket_url):  # noqa: F811
    """In the intern loket's frame the button prints the frame's own document, never the
    loket's page around it (which the browser's own print gives, frame and all); that
    document, as the frame shows it (a toelichting typed in it), prints the verantwoording
    alone."""
    context = browser.new_context(viewport={"width": 390, "height": SCHERM})
    # Every window of the page (the loket's and the frame's) notes who was asked to print.
    context.add_init_script("window.print = () => { window.__afgedrukt = (window.__afgedrukt || 0) + 1; };")
    page = context.new_page()
    page.set_default_timeout(MAX_TIJD)
    frame, echt = open_loket(page, loket_url)
    echt.goto(_adres(site_url, LANGSTE, embed=True))
    frame.locator("[data-kompas-uitkomst]").wait_for()
    stap = LANGSTE.stappen[0]
    frame.locator(f'textarea[data-kompas-toelichting="{stap.vraag}"]').fill("Zaak B: besproken in het team.")
    frame.get_by_role("button", name="Druk de tekst af").click()
    assert echt.evaluate("window.__afgedrukt") == 1
    assert page.evaluate("window.__afgedrukt || 0") == 0, "de pagina van het loket werd afgedrukt"
    # The frame's document as it stands, printed at the frame's width.
    html = echt.evaluate("document.documentElement.outerHTML")
    adres = echt.url
    context.close()
    context = browser.new_context(viewport={"width": 390, "height": SCHERM}, java_script_enabled=False)
    kopie = context.new_page()
    kopie.route(adres, lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8"))
    kopie.goto(adres)
    assert "Toelichting: Zaak B: besproken in het team." in kopie.locator("[data-kompas-verantwoording]").text_content()
    _alleen_de_verantwoording(kopie, "de frame van het loket")
    context.close()


# --- Honest about what the kompas is -----------------------------------------------------------


def _lezing_regel(html: str) -> str:
    """The line on what the kompas is, on a built page or in a rendered part of one."""
    (regel,) = [e for e in boom(html).alle() if "data-kompas-lezing" in e.attrs]
    return _woorden(regel.tekst())


def _past_bij(regel: str, lezing: Lezing) -> bool:
    if lezing.vastgesteld:
        return "vastgesteld door" in regel and lezing.door in regel and "voorlopig" not in regel
    return "voorlopig" in regel and "vastgesteld" not in regel


def test_start_en_elke_uitkomst_zeggen_wat_het_kompas_is(html_paginas):
    """The start page and every outcome: the kompas helps a conversation, an outcome is not the
    only vorm that can fit, the route is this site's reading of the flowchart, as far as
    kompas.yaml says (voorlopig or vastgesteld); near the top, in the region of plain words."""
    paginas = {adressen.WIJZER_PAD: html_paginas[adressen.WIJZER_PAD]}
    for toestand in UITKOMSTEN + OPEN:
        for basis in (adressen.WIJZER_PAD, EMBED):
            paginas[basis + toestand.pad] = html_paginas[basis + toestand.pad]
    for pad, html in paginas.items():
        regel = _lezing_regel(html)
        assert "helpt bij een gesprek" in regel or "hulp bij een gesprek" in regel, (pad, regel)
        assert "onze" in regel and "lezing van het schema in de nota" in regel, (pad, regel)
        assert _past_bij(regel, KOMPAS.lezing), (pad, regel)
        if "weet-niet" not in pad:
            assert "Ook een andere vorm kan passen." in regel, (pad, regel)
        # Near the top: before the first question on the start page, before the answers on an outcome.
        plek = html.index("data-kompas-lezing")
        assert plek < html.index('class="kvz-antwoorden"' if pad != adressen.WIJZER_PAD else "data-kompas-vraag=")


def test_de_regel_noemt_wie_de_lezing_vaststelde(kompas10):
    vastgesteld = Lezing(status="vastgesteld", datum="2027-03-01", door="het kompasteam")
    data = replace(kompas10, kompas=replace(kompas10.kompas, lezing=vastgesteld))
    url = lambda adres: "/" + adres  # noqa: E731
    uitkomst = next(t for t in toestanden.toestanden(data.kompas) if t.soort == "uitkomst")
    open_ = next(t for t in toestanden.toestanden(data.kompas) if t.soort == "open")
    for html in (
        wijzer.render_toestand(data, uitkomst, url, paginakop=True),
        wijzer.render_toestand(data, open_, url, paginakop=True),
        wijzer.render_start(url, data.kompas.lezing),
    ):
        regel = _lezing_regel(html)
        assert "vastgesteld door het kompasteam op 1 maart 2027" in regel, regel
        assert "voorlopig" not in regel
    verantwoording = wijzer.render_toestand(data, uitkomst, url, paginakop=True)
    assert "stroomschema in de nota (vastgesteld door het kompasteam, 1 maart 2027)." in verantwoording
    # Kompas 1.0 as the note has it says nothing of the reading: voorlopig, everywhere.
    assert kompas10.kompas.lezing == Lezing()
    assert _past_bij(_lezing_regel(wijzer.render_start(url, kompas10.kompas.lezing)), kompas10.kompas.lezing)
    assert kompas_dict(kompas10)["lezing"] == {"status": "voorlopig", "datum": None, "door": None}
    assert kompas_dict(data)["lezing"] == {"status": "vastgesteld", "datum": "2027-03-01", "door": "het kompasteam"}
    # Fixing the reading changes no route: no new version of the kompas (BIJDRAGEN.md).
    assert betekenis.vingerafdruk(data) == betekenis.vingerafdruk(kompas10)
    assert not betekenis.versie_fouten(data)


def test_de_gewone_woorden_van_een_uitkomst_zijn_b1(html_paginas):
    """What the kompas is and what happens now, for a resident and for staff: as easy to read
    as the site's summaries (Flesch-Douma, the threshold of test_leesbaarheid)."""
    teksten = {}
    for toestand in UITKOMSTEN[:1] + OPEN[:1]:
        for basis in (adressen.WIJZER_PAD, EMBED):
            html = html_paginas[basis + toestand.pad]
            (blok,) = [e for e in artikel(html).alle() if "kvz-uitkomst__kort" in e.klassen]
            # Without the label and the vorm's own summary (test_leesbaarheid measures those).
            tekst = blok.tekst(zonder=lambda e: "kvz-eigen__kop" in e.klassen or "data-kompas-kort" in e.attrs)
            teksten[basis + toestand.pad] = _woorden(tekst)
    te_moeilijk = {pad: round(leesbaarheid.douma(t), 1) for pad, t in teksten.items()}
    te_moeilijk = {pad: s for pad, s in te_moeilijk.items() if s < leesbaarheid.DREMPEL}
    assert not te_moeilijk, (te_moeilijk, teksten)


# --- Accessibility of what is new ---------------------------------------------------------------


def test_axe_met_open_en_dichte_delen(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": SCHERM})
    page = context.new_page()
    page.set_default_timeout(MAX_TIJD)
    overtredingen = {}
    for toestand in (LANGSTE, OPEN[-1]):
        for embed in (False, True):
            page.goto(_adres(site_url, toestand, embed))
            page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
            overtredingen[f"{toestand.pad} {'embed' if embed else 'site'}"] = _axe(page)
    context.close()
    assert not any(overtredingen.values()), overtredingen
