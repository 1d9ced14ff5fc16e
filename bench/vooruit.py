"""A step of the kompaswijzer on a slow phone connection, with and without fetching ahead
(issue 23, point 7).

The site as production serves it (`make dist` behind nginx, compressed), in chromium with
DevTools' "slow 3G" throughput and a round trip of 400 ms (CDP Network.emulateNetworkConditions).
Someone reads each question for 2 s, chooses and presses Volgende; measured in the page: from
the click to the next state's heading on screen (the frame after it is in the document). The
median over the steps of a few long walks. Without fetching ahead is the same script with the
browser's data saver on (navigator.connection.saveData), which it honours by fetching nothing
ahead; the two alternate walk by walk, so a busy machine weighs on both alike.

`python bench/vooruit.py` builds the dist, measures and writes its section into RESULTS.md;
`make bench` measures it on the dist it serves anyway.
"""

from __future__ import annotations

import datetime
import os

from ci_rapport import schrijf
from gemeen import PROJECT, WERK, mediaan, nginx_dist

from macros.data import adressen, graaf
from macros.data.loader import laad_kompas_data
from tests.conftest import CHROMIUM, CHROMIUM_ARGS

KOP = "## Een stap van de kompaswijzer op een trage verbinding (issue 23)"
DOEL_MS = 150
LEZEN_MS = 2000
WANDELINGEN = 4  # the longest walks through the kompas
# DevTools' "Slow 3G": 500 kbit/s at 80 % (50,000 bytes/s) each way; the round trip of 400 ms
# that issue 23 measured with.
TRAAG_3G = {"offline": False, "latency": 400, "downloadThroughput": 50_000, "uploadThroughput": 50_000}
ZUINIG = "Object.defineProperty(navigator, 'connection', { value: { saveData: true } });"

# Armed before each click: the time from the click on Volgende to the first frame that shows
# the next state's heading (a question's legend, or the outcome).
MEET = """doel => {
  window.__stap = new Promise(klaar => {
    let begin;
    const klik = e => {
      if (!e.target.closest('[data-kompas-actie="volgende"]')) return;
      begin = performance.now();
      document.removeEventListener('click', klik, true);
    };
    document.addEventListener('click', klik, true);
    const kijk = new MutationObserver(() => {
      if (begin === undefined || !document.querySelector(doel)) return;
      kijk.disconnect();
      requestAnimationFrame(() => setTimeout(() => klaar(performance.now() - begin), 0));
    });
    kijk.observe(document.body, { childList: true, subtree: true });
  });
}"""


def wandelingen() -> list[graaf.Pad]:
    kompas = laad_kompas_data(PROJECT / "kompas_data").kompas
    return sorted(graaf.paden(kompas), key=lambda p: -len(p.stappen))[:WANDELINGEN]


def kop_van(pad: graaf.Pad, i: int) -> str:
    """The heading of the state after answer `i` of `pad`."""
    if i + 1 < len(pad.stappen):
        return f'fieldset[data-kompas-vraag="{pad.stappen[i + 1].vraag}"] legend'
    return f'[data-kompas-uitkomst="{pad.vorm}"]'


def loop(browser, basis: str, pad: graaf.Pad, vooruit: bool) -> list[tuple[str, float]]:
    """One walk in a fresh context (nothing cached): per step the kind of state and its ms."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    if not vooruit:
        context.add_init_script(ZUINIG)
    page = context.new_page()
    page.set_default_timeout(60_000)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", TRAAG_3G)
    page.goto(basis + adressen.WIJZER_PAD, wait_until="load")
    page.locator("fieldset[data-kompas-vraag] legend").wait_for()
    stappen = []
    for i, stap in enumerate(pad.stappen):
        page.wait_for_timeout(LEZEN_MS)
        page.evaluate(MEET, kop_van(pad, i))
        page.locator(f'input[name="antwoord"][value="{stap.antwoord}"]').check()
        page.locator('[data-kompas-actie="volgende"]').click()
        soort = "vraag" if i + 1 < len(pad.stappen) else "uitkomst"
        stappen.append((soort, page.evaluate("window.__stap")))
    context.close()
    return stappen


def meet(basis: str) -> dict:
    from playwright.sync_api import sync_playwright

    tijden: dict[str, dict[str, list[float]]] = {
        "met": {"vraag": [], "uitkomst": []},
        "zonder": {"vraag": [], "uitkomst": []},
    }
    paden = wandelingen()
    belasting = [os.getloadavg()[0]]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for pad in paden:
            for naam, vooruit in (("met", True), ("zonder", False)):
                for soort, ms in loop(browser, basis, pad, vooruit):
                    tijden[naam][soort].append(ms)
        browser.close()
    belasting.append(os.getloadavg()[0])
    return {"paden": [p.antwoorden for p in paden], "tijden": tijden, "belasting": belasting}


def regels(m: dict) -> list[str]:
    t = m["tijden"]
    met, zonder = mediaan(t["met"]["vraag"]), mediaan(t["zonder"]["vraag"])
    gehaald = "gehaald" if met <= DOEL_MS else "**niet gehaald**"

    def rij(naam: str, soort: str, wat: str) -> str:
        waarden = t[naam][soort]
        return f"| {wat} | {len(waarden)} | **{mediaan(waarden):.0f} ms** | {min(waarden):.0f}–{max(waarden):.0f} ms |"

    return [
        KOP,
        "",
        f"Gemeten op {datetime.date.today().isoformat()} met `python bench/vooruit.py` (bij `make bench` hoort het "
        "erbij). De site zoals productie hem serveert (`make dist` achter nginx, gecomprimeerd), in chromium op "
        '390 px met de doorvoer van DevTools\' "Slow 3G" (50.000 bytes/s heen en terug) en 400 ms per rondgang '
        "(CDP `Network.emulateNetworkConditions`). Iemand leest elke vraag 2 s, kiest en drukt op Volgende; gemeten "
        "in de pagina, van de klik tot het eerste beeld met de kop van de volgende toestand. De "
        f"{len(m['paden'])} langste wandelingen ({', '.join('`' + p + '`' for p in m['paden'])}), elk met en zonder "
        "vooruit halen, om en om. Zonder is hetzelfde script met databesparing aan (`navigator.connection.saveData`): "
        "dan haalt het niets vooruit. Belasting van de machine (load average over 1 minuut, "
        f"{os.cpu_count()} cores) bij begin en eind: {m['belasting'][0]:.1f} en {m['belasting'][1]:.1f}.",
        "",
        "| stap | stappen | mediaan | van–tot |",
        "|---|---|---|---|",
        rij("met", "vraag", "naar een vraag, met vooruit halen"),
        rij("zonder", "vraag", "naar een vraag, zonder (databesparing)"),
        rij("met", "uitkomst", "naar een uitkomst, met vooruit halen"),
        rij("zonder", "uitkomst", "naar een uitkomst, zonder (databesparing)"),
        "",
        f"Doel: een stap naar de volgende vraag binnen {DOEL_MS} ms (mediaan) na 2 s lezen: {gehaald} "
        f"({met:.0f} ms; zonder vooruit halen {zonder:.0f} ms). Per toestand haalt de wijzer hooguit drie pagina's "
        "vooruit (de antwoorden op de vraag die er staat), nooit de hele boom; `tests/test_wijzer_vooruit.py` "
        "controleert dat en dat Volgende dan niets meer ophaalt.",
        "",
    ]


if __name__ == "__main__":
    WERK.mkdir(exist_ok=True)
    with nginx_dist(WERK / "dist-vooruit") as basis:
        uitkomst = regels(meet(basis))
    schrijf(uitkomst, KOP)
    print("\n".join(uitkomst))
