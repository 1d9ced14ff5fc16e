"""Every page in headless chromium: nothing from another host, zero axe violations,
no cookies and no browser storage beyond what the privacy page lists."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

AXE = Axe()


@pytest.fixture(scope="module")
def bezoek(browser, site_url, html_paginas):
    """Visit every page once in one browser context; collect what the tests below check."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    verzoeken: list[str] = []
    context.on("request", lambda verzoek: verzoeken.append(verzoek.url))
    # Anything for another host is refused, so a test can never leak a request off-machine.
    eigen_host = urlsplit(site_url).netloc
    context.route(
        re.compile(r"^(?!" + re.escape(site_url) + ").*"),
        lambda route: route.abort() if urlsplit(route.request.url).netloc != eigen_host else route.continue_(),
    )
    page = context.new_page()
    fouten: list[str] = []
    page.on("console", lambda m: fouten.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: fouten.append(f"{page.url}: {e}"))
    axe: dict[str, list[str]] = {}
    for pad in [*html_paginas, "404.html"]:
        page.goto(site_url + pad)
        resultaat = AXE.run(page)
        axe[pad] = [
            f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["target"][0] for n in v["nodes"][:3])
            for v in resultaat.response["violations"]
        ]
    page.wait_for_load_state("networkidle")  # the search index, loaded in the background
    opslag = page.evaluate("() => [Object.keys(localStorage), Object.keys(sessionStorage)]")
    uitkomst = {
        "verzoeken": verzoeken,
        "axe": axe,
        "fouten": fouten,
        "cookies": context.cookies(),
        "localStorage": opslag[0],
        "sessionStorage": opslag[1],
        "privacy": page.goto(site_url + "over/privacy/") and page.inner_text("main"),
    }
    context.close()
    return uitkomst


def test_geen_verzoek_naar_een_andere_host(bezoek, site_url):
    eigen = urlsplit(site_url).netloc
    extern = sorted(
        {u for u in bezoek["verzoeken"] if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != eigen}
    )
    assert not extern, extern
    assert len(bezoek["verzoeken"]) > 30


def test_axe_vindt_nul_overtredingen_op_elke_pagina(bezoek, html_paginas):
    assert set(bezoek["axe"]) == {*html_paginas, "404.html"}
    overtredingen = {pad or "/": v for pad, v in bezoek["axe"].items() if v}
    assert not overtredingen, "\n".join(f"{p}: {v}" for p, v in overtredingen.items())


def test_geen_fouten_in_de_console(bezoek):
    assert not bezoek["fouten"], bezoek["fouten"]


def test_links_in_lopende_tekst_zijn_onderstreept(browser, site_url):
    # Colour alone may not mark a link (WCAG 1.4.1): links in the text are underlined. A link
    # drawn as the gemeente's button ("Start de kompaswijzer") is marked by its shape instead.
    page = browser.new_page()
    page.goto(site_url + "kompas/")
    knop = page.get_by_role("link", name="Start de kompaswijzer", exact=True)
    assert knop.count() == 1 and page.locator("article a.utrecht-button-link").count() == 1
    assert knop.evaluate("e => getComputedStyle(e).textDecorationLine") == "none"
    lijnen = page.eval_on_selector_all(
        "article a:not(.headerlink):not(.md-content__button):not(.utrecht-button-link)",
        "els => els.map(e => getComputedStyle(e).textDecorationLine)",
    )
    page.close()
    assert len(lijnen) > 10 and set(lijnen) == {"underline"}, set(lijnen)


def test_geen_cookies(bezoek):
    assert bezoek["cookies"] == []


def test_browseropslag_staat_op_de_privacypagina(bezoek):
    # Each key the site leaves in the browser is named (or matched by its suffix) on the
    # privacy page, which promises that nothing else is kept.
    privacy = bezoek["privacy"]
    for sleutel in bezoek["localStorage"] + bezoek["sessionStorage"]:
        achtervoegsel = "." + sleutel.rsplit(".", 1)[-1] if "." in sleutel else sleutel
        assert sleutel in privacy or achtervoegsel in privacy, f"{sleutel!r} staat niet op de privacypagina"


def _rgb(kleur: str) -> str:
    """The palette's "#rrggbb" as a browser's computed style writes it."""
    return "rgb({}, {}, {})".format(*(int(kleur[i : i + 2], 16) for i in (1, 3, 5)))


def _hex(rgb: str) -> str:
    """A browser's "rgb(r, g, b)" as "#rrggbb"."""
    return "#" + "".join(f"{int(k):02x}" for k in re.findall(r"\d+", rgb)[:3])


def test_focus_is_zichtbaar_bij_toetsenbordgebruik(browser, site_url):
    # Tab through the first stops of a page: every element that gets focus shows the
    # gemeente's focus ring, a black dotted outline (WCAG 2.4.7), and a focused link stands on
    # the gemeente's focus yellow, its text readable there. The colours are the palette's (the
    # gemeente's tokens).
    from macros.uitvoer import kleuren
    from macros.uitvoer.kleuren import PALET

    page = browser.new_page()
    page.goto(site_url + "kompas/")
    gezien = []
    for _ in range(25):
        page.keyboard.press("Tab")
        # Read once the theme's transitions (its links fade their colour) have ended.
        element, stijl, breedte, kleur, achter, tekst = page.evaluate(
            "async () => { const e = document.activeElement;"
            " await Promise.all(e.getAnimations().map(a => a.finished)); const s = getComputedStyle(e);"
            " return [e.tagName + '.' + e.className, s.outlineStyle, parseFloat(s.outlineWidth), s.outlineColor,"
            " s.backgroundColor, s.color]; }"
        )
        gezien.append(element)
        assert element != "BODY.", "de focus verdween van de pagina"
        assert stijl == "dotted" and breedte >= 2 and kleur == _rgb(PALET["focus"]), (element, stijl, breedte, kleur)
        if element.startswith("A.") and "utrecht-button" not in element:  # a button keeps its colours
            assert achter == _rgb(PALET["focus-vlak"]), (element, achter)
            assert kleuren.contrast(_hex(tekst), PALET["focus-vlak"]) >= 4.5, (element, tekst)
    page.close()
    assert any(e.startswith("A.") for e in gezien)


def test_het_menu_opent_met_het_toetsenbord_op_een_telefoon(browser, site_url):
    # Closed, the theme's menu is hidden at 390 px (no invisible tab stops); its button must
    # then be reachable and work by keyboard, or a keyboard user could not open it (WCAG 2.1.1).
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(site_url + "kompas/")
    knop = page.locator("button.kvz-themaknop-drawer")
    for _ in range(6):
        page.keyboard.press("Tab")
        if knop.evaluate("e => e === document.activeElement"):
            break
    assert knop.evaluate("e => e === document.activeElement"), "de menuknop is niet met Tab te bereiken"
    assert knop.get_attribute("aria-expanded") == "false" and knop.is_visible()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.closest('.md-sidebar--primary') !== null")
    assert knop.get_attribute("aria-expanded") == "true"
    assert page.locator(".md-sidebar--primary").is_visible()
    page.set_viewport_size({"width": 1366, "height": 900})
    assert not knop.is_visible()  # on a wide screen the menu stands beside the page, as the theme has it
    page.close()
