"""One palette (macros/uitvoer/kleuren.py) for the site's CSS, the PDF, the diagram and the
charts, with enough contrast against white."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.uitvoer import diagram, grafieken, kleuren, pdf, verkleinen
from macros.uitvoer.kleuren import PALET

PROJECT = Path(__file__).resolve().parent.parent
ONZE_CSS = [
    PROJECT / "content/assets/stylesheets/utrecht.css",
    PROJECT / "content/assets/stylesheets/kompaswijzer.css",
    pdf.STIJL,
]
KLEUR_LETTERLIJK = re.compile(r"#[0-9a-fA-F]{3,8}\b|\brgba?\(|\bhsla?\(")


def test_contrast_berekening_volgt_wcag():
    assert kleuren.contrast("#000000") == pytest.approx(21.0)
    assert kleuren.contrast("#ffffff") == pytest.approx(1.0)
    assert kleuren.contrast("#767676") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("naam", ["tekst", "tekst-zacht", "link", "link-donker", "fout", "rood", "lijn"])
def test_tekstkleuren_halen_4_5_op_wit(naam):
    # "lijn" too: the diagram writes its Ja/Nee labels in the colour of their arrow.
    assert kleuren.contrast(PALET[naam]) >= 4.5


@pytest.mark.parametrize("kleur", [PALET["lijn"], PALET["focus"], *[k for k, _ in kleuren.REEKSEN]])
def test_lijnen_en_reeksen_halen_3_op_wit(kleur):
    assert kleuren.contrast(kleur) >= 3


def test_de_focusring_van_de_gemeente_valt_op():
    # The dotted outline against white and against the yellow behind a focused link (3:1, WCAG
    # 1.4.11); the focused link's text on that yellow (4.5:1); the white ring under the outline
    # is what makes it show on dark ground.
    assert kleuren.contrast(PALET["focus"]) >= 3 and kleuren.contrast(PALET["focus"], PALET["focus-vlak"]) >= 3
    assert kleuren.contrast(PALET["tekst"], PALET["focus-vlak"]) >= 4.5
    assert kleuren.contrast(PALET["focus"], PALET["focus-rand"]) >= 3
    # The theme's hover colour is a colour of its own, no longer the focus colour.
    assert PALET["hover"] != PALET["focus"] and kleuren.contrast(PALET["hover"]) >= 4.5


def test_diagram_en_grafieken_gebruiken_dezelfde_lijn():
    assert diagram.KLEUR_LIJN == grafieken.KLEUR_LIJN == PALET["lijn"]
    assert diagram.KLEUR_ROUTE == grafieken.KLEUR_BLAUW == PALET["link"]


@pytest.mark.parametrize("bestand", ONZE_CSS, ids=lambda p: p.name)
def test_onze_css_noemt_kleuren_alleen_via_het_palet(bestand):
    css = re.sub(r"/\*.*?\*/", "", bestand.read_text(encoding="utf-8"), flags=re.S)
    gebruikt = set(re.findall(r"var\(--kvz-([a-z-]+)\)", css))
    assert gebruikt, "geen enkele kleur uit het palet?"
    assert gebruikt <= set(PALET), f"niet in kleuren.PALET: {gebruikt - set(PALET)}"
    # Colour literals only in the theme's variables in :root (translucent forms).
    buiten_root = re.sub(r":root\s*\{[^}]*\}", "", css)
    assert not KLEUR_LETTERLIJK.search(buiten_root), KLEUR_LETTERLIJK.findall(buiten_root)
    assert not re.search(r"--kvz-[a-z-]+\s*:", css), "het palet wordt gemaakt, niet in de CSS geschreven"


def test_javascript_noemt_geen_kleuren():
    js = (PROJECT / "content/assets/javascripts/kompaswijzer.js").read_text(encoding="utf-8")
    assert not KLEUR_LETTERLIJK.search(js)


def test_het_palet_staat_boven_de_stijl_van_site_en_pdf(gebouwde_site):
    # The built site serves its own CSS minified (uitvoer/verkleinen.py); the PDF's style is not.
    gebouwd = (gebouwde_site / "assets/stylesheets/utrecht.css").read_text(encoding="utf-8")
    assert gebouwd.startswith(verkleinen.verklein("utrecht.css", kleuren.css_variabelen()))
    assert pdf.stijl().startswith(kleuren.css_variabelen())
    for naam, waarde in PALET.items():
        assert f"--kvz-{naam}:{waarde}" in gebouwd
