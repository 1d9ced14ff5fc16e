"""Fetching ahead (issue 23): while a question is read, the walker fetches the pages of its
answers (at most three: one step ahead, never the whole tree), and Volgende then shows the
next state without a request of its own. Not with the browser's data saver on.

Behaviour only: how fast a step is on a slow connection is measured in bench/vooruit.py.
"""

from __future__ import annotations

import time

import pytest

from macros.data import graaf, toestanden
from macros.data.loader import laad_kompas_data

from .conftest import DATA
from .test_wijzer import MAX_TIJD, wijzer_url

KOMPAS = laad_kompas_data(DATA).kompas
LANG = next(p for p in graaf.paden(KOMPAS) if len(p.stappen) >= 3)
ZUINIG = "Object.defineProperty(navigator, 'connection', { value: { saveData: true } });"


def _tot(n: int) -> str:
    return "/".join(s.antwoord for s in LANG.stappen[:n])


def _volgende_toestanden(site_url: str, n: int) -> set[str]:
    """The pages of the answers to the question after `n` answers of LANG."""
    return {wijzer_url(site_url, "/".join(filter(None, (_tot(n), keuze)))) for keuze in toestanden.KEUZES}


class Verzoeken:
    """The requests for pages of the wijzer (not its scripts or styles), in order."""

    def __init__(self, page, site_url):
        self.urls: list[str] = []
        self.klaar: set[str] = set()
        self.page = page
        wijzer = wijzer_url(site_url)
        page.on("request", lambda v: self.urls.append(v.url) if v.url.startswith(wijzer) else None)
        page.on("requestfinished", lambda v: self.klaar.add(v.url))

    def wacht_op(self, urls: set[str]) -> None:
        """Until each of `urls` was requested and answered (the page may still be busy)."""
        einde = time.monotonic() + MAX_TIJD / 1000
        while not urls <= (set(self.urls) & self.klaar):
            assert time.monotonic() < einde, f"niet opgehaald: {sorted(urls - self.klaar)}"
            self.page.wait_for_timeout(50)

    def rustig(self) -> None:
        """Until the browser was idle once after now (as the walker waits: at most a while): what
        the walker planned for then has run."""
        self.page.evaluate("new Promise(klaar => requestIdleCallback(() => setTimeout(klaar, 50), { timeout: 300 }))")


@pytest.fixture
def pagina(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(MAX_TIJD)
    fouten: list[str] = []
    page.on("pageerror", lambda e: fouten.append(str(e)))
    page.on("console", lambda m: fouten.append(m.text) if m.type == "error" else None)
    yield page
    context.close()
    assert not fouten, fouten


def test_de_volgende_toestanden_komen_vooruit_en_volgende_vraagt_niets(pagina, site_url):
    verzoeken = Verzoeken(pagina, site_url)
    pagina.goto(wijzer_url(site_url))
    for i, stap in enumerate(LANG.stappen):
        vooruit = _volgende_toestanden(site_url, i)
        assert len(vooruit) <= 3
        getoond = len(verzoeken.urls)
        verzoeken.wacht_op(vooruit)
        verzoeken.rustig()
        # Only the answers of the question on screen: one step ahead, not the tree.
        assert set(verzoeken.urls[getoond:]) <= vooruit | {pagina.url}, verzoeken.urls[getoond:]
        voor_de_klik = len(verzoeken.urls)
        pagina.locator(f'input[name="antwoord"][value="{stap.antwoord}"]').check()
        pagina.locator('[data-kompas-actie="volgende"]').click()
        volgende = wijzer_url(site_url, _tot(i + 1))
        pagina.wait_for_url(volgende)
        pagina.wait_for_selector(
            f'fieldset[data-kompas-vraag="{LANG.stappen[i + 1].vraag}"]'
            if i + 1 < len(LANG.stappen)
            else f'[data-kompas-uitkomst="{LANG.vorm}"]'
        )
        assert volgende not in verzoeken.urls[voor_de_klik:], "Volgende haalde de pagina opnieuw op"
    # An outcome has no answers ahead: nothing more is fetched.
    verzoeken.rustig()
    assert verzoeken.urls[voor_de_klik:] == []


def test_met_databesparing_niets_vooruit(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script(ZUINIG)
    page = context.new_page()
    page.set_default_timeout(MAX_TIJD)
    verzoeken = Verzoeken(page, site_url)
    page.goto(wijzer_url(site_url))
    verzoeken.rustig()
    assert verzoeken.urls == [wijzer_url(site_url)]
    stap = LANG.stappen[0]
    page.locator(f'input[name="antwoord"][value="{stap.antwoord}"]').check()
    page.locator('[data-kompas-actie="volgende"]').click()
    page.wait_for_selector(f'fieldset[data-kompas-vraag="{LANG.stappen[1].vraag}"]')
    verzoeken.rustig()
    # The step itself fetches its page, as before; still nothing ahead.
    assert verzoeken.urls == [wijzer_url(site_url), wijzer_url(site_url, _tot(1))]
    context.close()


# In the page: the answer for the address in window.__traag comes 800 ms late (then
# window.__traagKlaar), as a slow connection may deliver an earlier request after a later one.
TRAAG = """
const echteFetch = window.fetch;
window.fetch = (adres, opties) => echteFetch(adres, opties).then(antwoord => {
  if (!window.__traag || !String(adres).startsWith(window.__traag)) return antwoord;
  return new Promise(klaar => setTimeout(() => { window.__traagKlaar = true; klaar(antwoord); }, 800));
});
"""


def test_twee_keer_snel_terug_toont_de_toestand_van_het_adres(pagina, site_url):
    """Back twice in a row: the page of the first Back comes last. The state shown is the one
    the address names, not the page that happened to arrive last."""
    pagina.add_init_script(TRAAG)
    pagina.goto(wijzer_url(site_url))
    for i, stap in enumerate(LANG.stappen[:2]):
        pagina.locator(f'input[name="antwoord"][value="{stap.antwoord}"]').check()
        pagina.locator('[data-kompas-actie="volgende"]').click()
        pagina.wait_for_selector(f'fieldset[data-kompas-vraag="{LANG.stappen[i + 1].vraag}"]')
    pagina.evaluate(
        "a => { window.__traag = a; history.back(); setTimeout(() => history.back(), 50); }",
        wijzer_url(site_url, _tot(1)),
    )
    pagina.wait_for_url(wijzer_url(site_url))
    pagina.wait_for_function("window.__traagKlaar === true")
    pagina.evaluate("new Promise(klaar => requestAnimationFrame(() => setTimeout(klaar, 100)))")
    assert pagina.locator("[data-kompas-vraag]").get_attribute("data-kompas-vraag") == KOMPAS.start
    assert pagina.locator(f'fieldset[data-kompas-vraag="{KOMPAS.start}"]').count() == 1
