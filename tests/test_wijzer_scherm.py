"""A question of the kompaswijzer on a phone's first screen (issue 23, point 4).

A resident on a phone should see the question, our explanation under it and the answers with
"Volgende" without scrolling: at 390 x 844 on at least 8 of 10 questions, and at 320 x 640 the
first answer on the first screen. Measured in chromium, in the site and in the embed view, with
and without JavaScript, on the first state that asks each question (the shortest walk to it).

The figures depend on the length of the live questions, so the test asks for a share, not for
every question: the note's questions are long (vraag 10 has 45 words) and a new one from the
kompasteam may be too. The site's start page asks vraag 1 under the introduction of the
wijzer, as GOV.UK's start pages have theirs; it counts in the share at 390 px and is left out
of the 320 px check, where its introduction alone fills the screen.
"""

from __future__ import annotations

import math

import pytest

from macros.data import adressen, toestanden
from macros.data.loader import laad_kompas_data

from .conftest import DATA
from .test_wijzer import MAX_TIJD

KOMPAS = laad_kompas_data(DATA).kompas
# Each question at the first state that asks it: the shortest walk there.
EERSTE_KEER = {}
for _t in sorted((t for t in toestanden.toestanden(KOMPAS) if t.soort == "vraag"), key=lambda t: len(t.antwoorden)):
    EERSTE_KEER.setdefault(_t.vraag, _t)
AANDEEL_390 = 0.8

# Where the answers (with JavaScript: the radios and Volgende; without: the answer links) end
# and where the first one ends, in the viewport, right after the page loaded.
MEET = """() => {
  const rand = e => e.getBoundingClientRect();
  const keuzes = [...document.querySelectorAll('.utrecht-form-field--radio, .kvz-wijzer__keuzes a')];
  const volgende = document.querySelector('[data-kompas-actie="volgende"]');
  const alles = volgende ? [...keuzes, volgende] : keuzes;
  return {
    aantal: keuzes.length,
    onderkant: Math.max(...alles.map(e => rand(e).bottom)),
    eerste: rand(keuzes[0]).bottom,
    scroll: window.scrollY,
  };
}"""


def _adres(site_url: str, wijzer: str, toestand) -> str:
    return site_url + wijzer + "".join(a + "/" for a in toestand.antwoorden)


def _meet(browser, site_url: str, breedte: int, hoogte: int, wijzer: str, js: bool) -> dict[str, dict]:
    context = browser.new_context(viewport={"width": breedte, "height": hoogte}, java_script_enabled=js)
    page = context.new_page()
    page.set_default_timeout(MAX_TIJD)
    metingen = {}
    try:
        for vraag, toestand in EERSTE_KEER.items():
            page.goto(_adres(site_url, wijzer, toestand), wait_until="load")
            if js:
                page.locator("form.kvz-wijzer__formulier").wait_for()
            meting = page.evaluate(MEET)
            assert meting["aantal"] == len(toestanden.KEUZES), f"{vraag}: {meting['aantal']} antwoorden op de pagina"
            assert meting["scroll"] == 0, f"{vraag}: de pagina opent niet bovenaan"
            metingen[vraag] = meting
    finally:
        context.close()
    return metingen


WIJZERS = {"site": adressen.WIJZER_PAD, "embed": adressen.EMBED_PAD}


@pytest.mark.parametrize("js", [True, False], ids=["met-js", "zonder-js"])
@pytest.mark.parametrize("waar", list(WIJZERS))
def test_vraag_antwoorden_en_volgende_op_het_eerste_scherm_van_390(browser, site_url, waar, js):
    metingen = _meet(browser, site_url, 390, 844, WIJZERS[waar], js)
    te_laag = {vraag: round(m["onderkant"]) for vraag, m in metingen.items() if m["onderkant"] > 844}
    nodig = math.ceil(AANDEEL_390 * len(metingen))
    assert len(metingen) - len(te_laag) >= nodig, (
        f"{waar}, {'met' if js else 'zonder'} JavaScript: bij {len(te_laag)} van de {len(metingen)} vragen "
        f"staan de antwoorden (en Volgende) niet helemaal op het eerste scherm van 844 px: {te_laag}. "
        f"Maak de uitleg of het voorbeeld van die vragen in kompas_data/kompas.yaml korter."
    )


@pytest.mark.parametrize("js", [True, False], ids=["met-js", "zonder-js"])
@pytest.mark.parametrize("waar", list(WIJZERS))
def test_eerste_antwoord_op_het_eerste_scherm_van_320(browser, site_url, waar, js):
    metingen = _meet(browser, site_url, 320, 640, WIJZERS[waar], js)
    if waar == "site":
        del metingen[KOMPAS.start]  # the start page: under the wijzer's introduction
    te_laag = {vraag: round(m["eerste"]) for vraag, m in metingen.items() if m["eerste"] > 640}
    assert not te_laag, (
        f"{waar}: het eerste antwoord staat niet op het eerste scherm van 640 px: {te_laag}. "
        f"Maak de uitleg of het voorbeeld van die vragen in kompas_data/kompas.yaml korter."
    )


def test_uitleg_staat_als_hint_direct_onder_de_vraag(browser, site_url):
    """With JavaScript: the hint is the legend's next element (or after the kompasteam's label),
    describes the fieldset with its one label, and is no box of its own."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(MAX_TIJD)
    met_uitleg = [t for t in EERSTE_KEER.values() if next(v for v in KOMPAS.vragen if v.id == t.vraag).uitleg]
    assert met_uitleg, "geen vraag met uitleg in de gegevens"
    for toestand in met_uitleg:
        page.goto(_adres(site_url, adressen.WIJZER_PAD, toestand), wait_until="load")
        hint = page.evaluate(
            """() => {
            const veld = document.querySelector('fieldset[data-kompas-vraag]');
            let na = veld.querySelector('legend').nextElementSibling;
            if (na.classList.contains('kvz-kompasteam__melding')) na = na.nextElementSibling;
            const beschreven = (veld.getAttribute('aria-describedby') || '').split(' ');
            const stijl = getComputedStyle(na);
            return {
                id: na.id, beschreven, bron: na.dataset.bron,
                labels: na.querySelectorAll('.kvz-eigen__label').length,
                achtergrond: stijl.backgroundColor,
            };
        }"""
        )
        assert hint["id"] == "kompas-uitleg" and hint["bron"] == "site", (toestand.vraag, hint)
        assert "kompas-uitleg" in hint["beschreven"], (toestand.vraag, hint)
        assert hint["labels"] == 1, (toestand.vraag, hint)
        assert hint["achtergrond"] in ("rgba(0, 0, 0, 0)", "transparent"), (toestand.vraag, hint)
    context.close()


# --- The keyboard on a phone: no stop on what is not on the screen -------------------------

ZICHTBAAR = """async () => {
  // After the focus styles' transitions (the skip link fades in).
  await Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
  const e = document.activeElement;
  const r = e.getBoundingClientRect();
  const binnen = r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0
    && r.bottom <= innerHeight && r.right <= innerWidth;
  const gezien = e.checkVisibility({opacityProperty: true, visibilityProperty: true});
  // Not clipped away or covered: what is at its centre is the element itself (or inside it).
  const midden = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  const boven = midden !== null && (midden === e || e.contains(midden));
  return {
    zichtbaar: binnen && gezien && boven,
    wat: `${e.tagName.toLowerCase()} ${(e.getAttribute('href') || e.getAttribute('name') || e.className || '')}`.trim(),
    antwoord: e.matches('input[name="antwoord"], a[data-antwoord]'),
  };
}"""
# Skip link, the site's name, the header's menu and search buttons (with JavaScript, which
# makes them keyboard buttons), Terug, then the first answer.
MAX_STOPS = 7


@pytest.mark.parametrize("js", [True, False], ids=["met-js", "zonder-js"])
@pytest.mark.parametrize("breedte", [390, 320])
def test_toetsenbord_komt_snel_bij_het_eerste_antwoord_en_alleen_langs_wat_te_zien_is(browser, site_url, breedte, js):
    """Tab from the top of a question page: every stop is on the screen (the theme's closed
    menu and search are not), and the first answer comes within a few stops."""
    toestand = next(t for t in EERSTE_KEER.values() if t.antwoorden)
    context = browser.new_context(viewport={"width": breedte, "height": 844}, java_script_enabled=js)
    page = context.new_page()
    page.set_default_timeout(MAX_TIJD)
    page.goto(_adres(site_url, adressen.WIJZER_PAD, toestand), wait_until="load")
    if js:
        page.locator("form.kvz-wijzer__formulier").wait_for()
    stops = []
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        stop = page.evaluate(ZICHTBAAR)
        stops.append(stop)
        assert stop["zichtbaar"], f"stop {len(stops)} staat niet op het scherm: {stop['wat']} (na {stops[:-1]})"
        if stop["antwoord"]:
            break
    context.close()
    assert stops[-1]["antwoord"], f"na {MAX_STOPS} keer Tab nog geen antwoord: {[s['wat'] for s in stops]}"
