"""A walk is a case (issue 23): at the intern loket one officer walks the kompas for one case
after another in the same tab. Answers and toelichtingen belong to one walk; "Opnieuw
beginnen" starts a new case with nothing of the last one: no answer marked, no note in the
fields, the verantwoording, what the copy button copies, the print or sessionStorage. Going
back within a case keeps its notes and marks its answers.

The paths come from the live data (`graaf.paden`): two walks that give the same answer to the
first question, so a note kept per question and answer (and not per walk) would show up in
the second.
"""

from __future__ import annotations

import json
import re

import pytest

from macros.data import adressen, graaf
from macros.data.loader import laad_kompas_data

from . import htmlscan
from .conftest import DATA
from .test_wijzer import MAX_TIJD
from .test_wijzer_gebruik import loket_url, open_loket  # noqa: F401  (the host page of the intern loket)

KOMPAS = laad_kompas_data(DATA).kompas
PADEN = graaf.paden(KOMPAS)
# Case A: long enough that Vorige leads to a question; case B: another walk with the same
# first answer.
ZAAK_A, ZAAK_B = next(
    (a, b)
    for a in PADEN
    if len(a.stappen) >= 3
    for b in PADEN
    if b.antwoorden != a.antwoorden and b.stappen[0] == a.stappen[0]
)
EERSTE_VRAAG = ZAAK_A.stappen[0].vraag
NOTITIE = "Zaak A: bewoner Jansen, Hoofdstraat 1"
SPOREN = ("Jansen", "Hoofdstraat")
NOTITIE_B = "Zaak B: buurtvereniging"
# This tab's sessionStorage as text; None where the browser refuses storage to the frame (a
# page of another site: chromium keeps nothing there, so nothing can leak through it either).
OPSLAG = "(() => { try { return JSON.stringify(Object.assign({}, sessionStorage)); } catch (e) { return null; } })()"


@pytest.fixture
def loket_pagina(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.set_default_timeout(MAX_TIJD)
    fouten: list[str] = []
    page.on("pageerror", lambda e: fouten.append(str(e)))
    # Errors of the site's own pages (the loket's test page has no favicon, say).
    page.on(
        "console",
        lambda m: (
            fouten.append(f"{m.location['url']}: {m.text}")
            if m.type == "error" and m.location["url"].startswith(site_url)
            else None
        ),
    )
    yield page
    context.close()
    assert not fouten, fouten


def _open(page, site_url, loket, waar: str):
    """The walker's document to drive: the page itself, or the frame in the loket's page."""
    if waar == "loket":
        return open_loket(page, loket)[1]
    page.goto(site_url + (adressen.EMBED_PAD if waar == "embed" else adressen.WIJZER_PAD))
    return page


def _loop(doc, pad: graaf.Pad, van: int = 0) -> None:
    """Answer the questions of `pad` from step `van` on with Volgende, to its outcome."""
    for stap in pad.stappen[van:]:
        doc.locator(f'fieldset[data-kompas-vraag="{stap.vraag}"]').wait_for()
        doc.locator(f'input[name="antwoord"][value="{stap.antwoord}"]').check()
        doc.locator('[data-kompas-actie="volgende"]').click()
    doc.locator(f'[data-kompas-uitkomst="{pad.vorm}"]').wait_for()
    # The staff part, with the notes: closed on the site, open in the embed.
    deel = doc.locator("details[data-kompas-medewerkers]")
    if not deel.evaluate("d => d.open"):
        deel.locator("> summary").click()


def terug(doc) -> None:
    """The browser's Back, also for the frame (one history for the page and its frames)."""
    adres = doc.url
    doc.evaluate("history.back()")
    doc.wait_for_function("a => location.href !== a", arg=adres)


def vooruit(doc) -> None:
    adres = doc.url
    doc.evaluate("history.forward()")
    doc.wait_for_function("a => location.href !== a", arg=adres)


def _gekozen(doc) -> str | None:
    return doc.evaluate("(document.querySelector('input[name=antwoord]:checked') || {}).value || null")


def _overal(page, doc) -> dict[str, str]:
    """Everywhere a note could be: the fields, the verantwoording, what the copy button puts
    on the clipboard, the printed page (its visible text) and this tab's sessionStorage."""
    doc.locator('[data-kompas-actie="kopieer"]').click()
    doc.locator("[data-kompas-kopieer-status]").filter(has_text=re.compile(".+")).wait_for()
    page.emulate_media(media="print")
    afdruk = doc.locator("body").inner_text()
    page.emulate_media(media="screen")
    return {
        "velden": doc.evaluate("Array.from(document.querySelectorAll('textarea, input')).map(e => e.value).join('|')"),
        "verantwoording": doc.locator("[data-kompas-verantwoording]").text_content(),
        "kopie": page.evaluate("navigator.clipboard.readText()"),
        "afdruk": afdruk,
        "opslag": doc.evaluate(OPSLAG) or "",
    }


def _met_notitie(plekken: dict[str, str]) -> set[str]:
    return {plek for plek, tekst in plekken.items() if any(spoor in tekst for spoor in SPOREN)}


@pytest.mark.parametrize("waar", ["site", "embed", "loket"])
def test_een_toelichting_van_zaak_a_staat_nergens_in_zaak_b(loket_pagina, site_url, loket_url, waar):  # noqa: F811
    page = loket_pagina
    doc = _open(page, site_url, loket_url, waar)
    _loop(doc, ZAAK_A)
    doc.locator(f'textarea[data-kompas-toelichting="{EERSTE_VRAAG}"]').fill(NOTITIE)
    # In case A the note is everywhere it belongs: so the checks below can see it.
    plekken = {"velden", "verantwoording", "kopie", "afdruk"} | ({"opslag"} if doc.evaluate(OPSLAG) else set())
    assert _met_notitie(_overal(page, doc)) == plekken

    # Back within case A (Vorige, then browser Back and Forward): the answer is marked, the note kept.
    doc.locator('[data-kompas-actie="vorige"]').first.click()
    doc.locator(f'fieldset[data-kompas-vraag="{ZAAK_A.stappen[-1].vraag}"]').wait_for()
    assert _gekozen(doc) == ZAAK_A.stappen[-1].antwoord
    doc.locator('[data-kompas-actie="volgende"]').click()
    doc.locator(f'[data-kompas-uitkomst="{ZAAK_A.vorm}"]').wait_for()
    terug(doc)
    doc.locator(f'fieldset[data-kompas-vraag="{ZAAK_A.stappen[-1].vraag}"]').wait_for()
    assert _gekozen(doc) == ZAAK_A.stappen[-1].antwoord
    doc.evaluate("history.forward()")
    veld = doc.locator(f'textarea[data-kompas-toelichting="{EERSTE_VRAAG}"]')
    veld.wait_for(state="attached")  # in the staff part, which may be closed
    assert veld.input_value() == NOTITIE

    # A new case: no answer marked, and nothing of case A anywhere in case B.
    doc.locator('[data-kompas-actie="opnieuw"]').first.click()
    doc.locator(f'fieldset[data-kompas-vraag="{KOMPAS.start}"]').wait_for()
    assert _gekozen(doc) is None
    assert not any(spoor in (doc.evaluate(OPSLAG) or "") for spoor in SPOREN)
    _loop(doc, ZAAK_B)
    veld = doc.locator(f'textarea[data-kompas-toelichting="{EERSTE_VRAAG}"]')
    assert veld.input_value() == ""
    veld.fill(NOTITIE_B)
    assert _met_notitie(_overal(page, doc)) == set()

    # Back into case A after case B began: its answers are in the address, its notes are gone,
    # and it is closed: nothing can be typed there, which would wipe case B's notes.
    for _ in range(len(ZAAK_B.stappen) + 1):
        terug(doc)
    doc.locator(f'[data-kompas-uitkomst="{ZAAK_A.vorm}"]').wait_for()
    assert veld.input_value() == "" and veld.is_disabled()
    assert doc.locator("[data-kompas-gesloten]").count() == 1
    # Forward to case B: its notes are still there, and it is open.
    for _ in range(len(ZAAK_B.stappen) + 1):
        vooruit(doc)
    doc.locator(f'[data-kompas-uitkomst="{ZAAK_B.vorm}"]').wait_for()
    assert veld.input_value() == NOTITIE_B and not veld.is_disabled()
    assert doc.locator("[data-kompas-gesloten]").count() == 0


def test_een_nieuw_adres_is_een_nieuwe_zaak_een_herlading_niet(loket_pagina, site_url):
    """An address opened anew (a link, a bookmark, a shared permalink) continues no earlier
    walk; a reload continues the walk on screen."""
    page = loket_pagina
    page.goto(site_url + adressen.WIJZER_PAD)
    _loop(page, ZAAK_A)
    veld = page.locator(f'textarea[data-kompas-toelichting="{EERSTE_VRAAG}"]')
    veld.fill(NOTITIE)
    page.reload()
    assert veld.input_value() == NOTITIE
    # Elsewhere, then the same outcome's address anew (the same address at once is a reload).
    page.goto(site_url)
    page.goto(site_url + adressen.toestand_pad(ZAAK_A.antwoorden.split("/")))
    assert veld.input_value() == ""
    assert page.evaluate("sessionStorage.length") == 0


@pytest.mark.parametrize("embed", [False, True], ids=["site", "embed"])
def test_zonder_javascript_markeert_opnieuw_beginnen_niets(browser, site_url, embed):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url + adressen.toestand_pad(ZAAK_A.antwoorden.split("/"), embed=embed))
    # Vorige, within the walk, marks the answer given.
    page.locator('[data-kompas-actie="vorige"]').first.click()
    assert page.evaluate("location.hash") == f"#antwoord-{ZAAK_A.stappen[-1].antwoord}"
    assert page.locator(":target .kvz-wijzer__eerder").is_visible()
    page.go_back()
    # Opnieuw beginnen: the first question, nothing marked.
    page.locator('[data-kompas-actie="opnieuw"]').first.click()
    assert page.locator(f'[data-kompas-vraag="{KOMPAS.start}"]').count() == 1
    assert page.evaluate("location.hash") == ""
    assert page.locator(":target").count() == 0
    assert not any(e.is_visible() for e in page.locator(".kvz-wijzer__eerder").all())
    context.close()


def test_elke_link_naar_een_nieuwe_zaak_is_zonder_eerder_antwoord(html_paginas):
    """On every state page: a link back within the walk marks the answer given there
    (#antwoord-…); a link that starts anew ("Opnieuw beginnen", "Start de kompaswijzer") leads
    to the first question without it."""
    gezien = {"opnieuw": 0, "terug": 0}
    fout = []
    for pad, html in html_paginas.items():
        if not pad.startswith((adressen.WIJZER_PAD, adressen.EMBED_PAD)):
            continue
        for a in htmlscan.boom(html).alle():
            if a.tag != "a":
                continue
            href = a.attrs.get("href") or ""
            if a.attrs.get("data-kompas-actie") == "opnieuw" or "data-kompas-start-knop" in a.attrs:
                gezien["opnieuw"] += 1
                if "#" in href:
                    fout.append(f"{pad}: {href} begint opnieuw met een gemarkeerd antwoord")
            elif a.attrs.get("data-kompas-actie") == "vorige" or "data-kompas-terug" in a.attrs:
                gezien["terug"] += 1
                if not re.search(r"#antwoord-[a-z-]+$", href):
                    fout.append(f"{pad}: {href} markeert het eerdere antwoord niet")
    assert gezien["opnieuw"] > 0 and gezien["terug"] > 0, gezien
    assert not fout, "\n".join(fout)


def test_opslag_noemt_de_zaak_en_alleen_die(loket_pagina, site_url):
    """What sessionStorage holds: one key (the one the privacy page names), with the notes of
    one case."""
    page = loket_pagina
    page.goto(site_url + adressen.WIJZER_PAD)
    _loop(page, ZAAK_A)
    page.locator(f'textarea[data-kompas-toelichting="{EERSTE_VRAAG}"]').fill(NOTITIE)
    opslag = page.evaluate("Object.assign({}, sessionStorage)")
    assert list(opslag) == ["kompaswijzer:toelichtingen"]
    inhoud = json.loads(opslag["kompaswijzer:toelichtingen"])
    assert inhoud["zaak"] == page.evaluate("history.state.zaak")
    assert inhoud["toelichtingen"] == {f"{EERSTE_VRAAG}={ZAAK_A.stappen[0].antwoord}": NOTITIE}
