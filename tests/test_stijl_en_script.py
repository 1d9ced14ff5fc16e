"""Our CSS and JavaScript: classes scoped to the content, and no wording in the script (the
walker's texts come from its templates)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from macros.data import adressen
from macros.site import sjablonen

PROJECT = Path(__file__).resolve().parent.parent
CSS = [PROJECT / "content/assets/stylesheets/utrecht.css", PROJECT / "content/assets/stylesheets/kompaswijzer.css"]
JS = PROJECT / "content/assets/javascripts/kompaswijzer.js"
# Our classes outside a page's content: the footer and the wordmark above the header
# (site_overrides/main.html) and the screen-reader text.
BUITEN_DE_INHOUD = ("kvz-footer", "kvz-sr", "kvz-woordmerk")


def _selectoren(css: str) -> list[str]:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    uit = []
    for blok in re.findall(r"([^{}]+)\{[^{}]*\}", css):
        uit += [s.strip() for s in blok.split(",") if s.strip()]
    return uit


def test_onze_klassen_in_de_inhoud_staan_onder_md_typeset():
    for bestand in CSS:
        for selector in _selectoren(bestand.read_text(encoding="utf-8")):
            if selector.startswith(".kvz-") and not selector[1:].startswith(BUITEN_DE_INHOUD):
                raise AssertionError(f"{bestand.name}: {selector} hoort onder .md-typeset")


def _teksten() -> dict[str, str]:
    return sjablonen.omgeving().get_template("wijzer/_teksten.html").module.teksten


def test_de_wijzer_krijgt_zijn_teksten_van_de_pagina(data):
    from macros.data import toestanden
    from macros.site import wijzer

    toestand = toestanden.toestanden(data.kompas)[0]
    html = wijzer.render_toestand(data, toestand, lambda adres: adres)
    (blok,) = re.findall(r'<script type="application/json" data-kompas-teksten>(.*?)</script>', html)
    assert json.loads(blok) == _teksten()


def test_het_script_bevat_geen_teksten_en_gebruikt_alleen_bestaande():
    js = re.sub(r"/\*.*?\*/|//[^\n]*", "", JS.read_text(encoding="utf-8"), flags=re.S)
    teksten = _teksten()
    for waarde in teksten.values():
        assert json.dumps(waarde)[1:-1].strip() not in js, waarde
    gebruikt = set(re.findall(r"\btekst\.(\w+)", js)) | set(re.findall(r"teksten\(wortel\)\.(\w+)", js))
    assert gebruikt and gebruikt <= set(teksten), gebruikt - set(teksten)


def test_de_filter_van_de_voorbeelden_krijgt_zijn_melding_van_de_pagina(data):
    from macros.site import vormen

    html = vormen.render_voorbeelden(data.vormen, lambda adres: adres)
    (melding,) = re.findall(r'data-kompas-filter-status="([^"]*)"', html)
    assert "{aantal}" in melding
    js = re.sub(r"/\*.*?\*/|//[^\n]*", "", JS.read_text(encoding="utf-8"), flags=re.S)
    assert melding.replace("{aantal}", "") not in js


def test_de_teksten_kunnen_het_json_blok_niet_sluiten():
    # tojson writes <, > and & as \\u escapes: no wording can end the <script> block early.
    uit = sjablonen.omgeving().from_string("{{ t | tojson }}").render(t={"x": "</script><script>alert(1)"})
    assert "</script>" not in uit and json.loads(uit) == {"x": "</script><script>alert(1)"}


# --- The script's modules (data-module) and the theme's DOM -------------------------------

# The registry at the end of the script: ["kompas-…", function] or, for a root of the theme's,
# ["kompas-…", function, THEMA.…].
MODULE = re.compile(r'\["(?P<naam>kompas-[a-z-]+)", \w+(?P<thema>, THEMA\.\w+)?\]')
THEMA_BLOK = re.compile(r"^  var THEMA = \{\n.*?^  \};\n", re.S | re.M)
# What belongs to mkdocs-material: its classes, the ids of its checkboxes, its page stream, and
# the article element its content is in.
VAN_HET_THEMA = re.compile(r"\bmd-[a-z_-]+|\b__(?:drawer|search)\b|\bdocument\$|\barticle\b")


def _script_zonder_commentaar() -> str:
    return re.sub(r"/\*.*?\*/|//[^\n]*", "", JS.read_text(encoding="utf-8"), flags=re.S)


def test_de_dom_van_het_thema_staat_alleen_in_thema():
    js = _script_zonder_commentaar()
    (thema,) = THEMA_BLOK.findall(js)
    assert VAN_HET_THEMA.search(thema)
    buiten = VAN_HET_THEMA.findall(js.replace(thema, ""))
    assert not buiten, f"kompaswijzer.js noemt de DOM van het thema buiten THEMA: {buiten}"


def test_elke_data_module_van_de_site_heeft_een_module_in_het_script(gebouwde_site, html_paginas):
    modules = {m["naam"]: bool(m["thema"]) for m in MODULE.finditer(_script_zonder_commentaar())}
    assert "kompas-wijzer" in modules and any(modules.values()), modules
    paginas = dict(html_paginas, **{"404.html": (gebouwde_site / "404.html").read_text(encoding="utf-8")})
    gebruikt: dict[str, str] = {}
    for pad, html in paginas.items():
        for waarde in re.findall(r'data-module="([^"]*)"', html):
            for naam in waarde.split():
                gebruikt.setdefault(naam, pad)
    # Every name a page gives has its module; every module of ours has a root on some page.
    assert set(gebruikt) == {naam for naam, van_thema in modules.items() if not van_thema}, gebruikt
    assert gebruikt["kompas-onbekend"] == "404.html" and gebruikt["kompas-hoogte"].startswith(adressen.EMBED_PAD)
