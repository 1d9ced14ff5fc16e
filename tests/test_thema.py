"""Where we copy a partial of mkdocs-material instead of extending one of its blocks, the copy is
the theme's own file but for the lines it marks as changed, so an upgrade of the theme that
changes the partial fails here instead of silently losing the theme's change; and the change
does what it says on the built site.
"""

from __future__ import annotations

import re
from pathlib import Path

import material

from macros.data import adressen

from .conftest import PROJECT

THEMA = Path(material.__file__).parent / "templates"
ONZE = PROJECT / "site_overrides"
KOPCOMMENTAAR = re.compile(r"\A\{#-.*?-#\}\n", re.S)
# Our marker and the line it changes, with the theme's line it replaces.
GEWIJZIGD = re.compile(r"^ *\{#- changed: .*? -#\}\n(?P<ons>.*\n)", re.M)
ZOEKFORMULIER = '<form class="md-search__form" name="search">'
ZOEKKNOP = 'for="__search"'


def _zonder_kopcommentaar(tekst: str) -> str:
    return KOPCOMMENTAAR.sub("", tekst, count=1)


def test_de_kop_is_die_van_het_thema_op_de_gemarkeerde_regel_na():
    thema = _zonder_kopcommentaar((THEMA / "partials/header.html").read_text(encoding="utf-8"))
    ons = _zonder_kopcommentaar((ONZE / "partials/header.html").read_text(encoding="utf-8"))
    wijzigingen = GEWIJZIGD.findall(ons)
    assert len(wijzigingen) == 1, "precies één gemarkeerde wijziging in partials/header.html"
    terug = GEWIJZIGD.sub(lambda m: "      {% if search.enabled %}\n", ons)
    assert terug == thema, "partials/header.html van het thema is veranderd: neem de nieuwe versie over"


def test_alleen_de_paginas_van_de_kompaswijzer_zijn_zonder_zoeken(html_paginas):
    zonder = {pad for pad, html in html_paginas.items() if ZOEKFORMULIER not in html}
    met = set(html_paginas) - zonder
    # The walker's states on the site have a header without search; the embed has no header.
    assert adressen.WIJZER_PAD in zonder and met, (len(zonder), len(met))
    for pad in zonder:
        assert pad.startswith((adressen.WIJZER_PAD, adressen.EMBED_PAD)), pad
        assert ZOEKKNOP not in html_paginas[pad].split("<header", 1)[-1].split("</header>", 1)[0], pad
    for pad in met:
        assert not pad.startswith(adressen.WIJZER_PAD), pad
        assert ZOEKKNOP in html_paginas[pad], pad
