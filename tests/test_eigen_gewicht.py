"""The budget for our own JavaScript and CSS (issue 13): every own file a page loads,
together, at most 30 KB as the site serves it (uncompressed; on the wire it is less).

A size check on the built site, not a timing. "Own" is what has a source in content/ (the
theme's assets have none there); the sources keep their comments, the build leaves them out
(macros/uitvoer/verkleinen.py).
"""

from __future__ import annotations

import posixpath
import re

from macros.uitvoer import verkleinen
from macros.uitvoer.verkleinen import BUDGET_BYTES

from .conftest import PROJECT

BRON = PROJECT / "content"
GELADEN = re.compile(r'<link rel="stylesheet" href="(?P<css>[^"]+)"|<script src="(?P<js>[^"]+)"')


def _eigen_bestanden(pad: str, html: str) -> set[str]:
    """The site paths of the own stylesheets and scripts the page at `pad` loads."""
    eigen = set()
    for m in GELADEN.finditer(html):
        adres = (m.group("css") or m.group("js")).split("?")[0]
        if "://" in adres:
            continue
        doel = posixpath.normpath(posixpath.join(pad, adres)).lstrip("/")
        if (BRON / doel).is_file():
            eigen.add(doel)
    return eigen


def test_eigen_js_en_css_van_elke_pagina_samen_onder_30_kb(gebouwde_site, html_paginas):
    per_pagina = {pad: _eigen_bestanden(pad, html) for pad, html in html_paginas.items()}
    # Not empty by accident: the walker's pages load the walker's script and stylesheet.
    assert {"assets/javascripts/kompaswijzer.js", "assets/stylesheets/kompaswijzer.css"} <= per_pagina["kompas/wijzer/"]
    te_zwaar = {}
    for pad, bestanden in per_pagina.items():
        totaal = sum((gebouwde_site / b).stat().st_size for b in bestanden)
        if totaal > BUDGET_BYTES:
            te_zwaar[pad or "/"] = f"{totaal / 1024:.1f} KB: {sorted(bestanden)}"
    assert not te_zwaar, te_zwaar


def test_de_bouw_laat_het_commentaar_van_de_bronnen_weg(gebouwde_site):
    # The sources say why; what is served is the minified text of the same source.
    for bron in sorted((BRON / "assets").rglob("*")):
        if bron.suffix not in (".css", ".js"):
            continue
        geserveerd = (gebouwde_site / bron.relative_to(BRON)).read_text(encoding="utf-8")
        assert "/*" in bron.read_text(encoding="utf-8"), bron
        assert "/*" not in geserveerd, bron
        if bron.suffix == ".js":
            assert geserveerd == verkleinen.verklein(bron.name, bron.read_text(encoding="utf-8")), bron
        else:  # the site's stylesheet gets the palette in front of it (uitvoer/kleuren.py)
            assert geserveerd.strip() == verkleinen.verklein(bron.name, geserveerd).strip(), bron


def test_verklein_houdt_de_code_en_laat_commentaar_weg():
    css = "/* waarom: contrast */\n.a  {\n  color : red ;\n}\n"
    assert verkleinen.verklein("x.css", css) == ".a{color:red}"
    js = '/* waarom */\nvar a = "/* geen commentaar */"; // weg\nvar b = 1;\n'
    uit = verkleinen.verklein("x.js", js)
    assert '"/* geen commentaar */"' in uit and "waarom" not in uit and "weg" not in uit
    assert verkleinen.verklein("x.svg", "<svg/>") == "<svg/>"


def test_verklein_kort_een_getal_maar_geen_naam_in():
    css = ".kvz-a0.b{margin:0.5em -0.25em 10.5em;width:calc(100% - 0.5rem)}"
    assert verkleinen.verklein("x.css", css) == ".kvz-a0.b{margin:.5em -.25em 10.5em;width:calc(100% - .5rem)}"


def test_verklein_kort_de_eigen_namen_van_het_script_en_laat_de_rest(tmp_path, monkeypatch):
    monkeypatch.setenv("KOMPAS_CACHE", str(tmp_path))
    js = (
        "(function () {\n"
        "  var tekstVanDeVraag = document.querySelector('[data-kompas-vraag]');\n"
        "  function toonDeVraag(element) { element.hidden = false; window.kompasKlaar = true; }\n"
        "  toonDeVraag(tekstVanDeVraag);\n"
        "})();\n"
    )
    uit = verkleinen.verklein("x.js", js)
    assert "tekstVanDeVraag" not in uit and "toonDeVraag" not in uit and "element" not in uit
    for blijft in ("document.querySelector", "'[data-kompas-vraag]'", ".hidden=false", "window.kompasKlaar"):
        assert blijft in uit, (blijft, uit)
    # The second time from the cache, the same text.
    assert verkleinen.verklein("x.js", js) == uit and list(tmp_path.rglob("*"))
