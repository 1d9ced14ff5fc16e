"""Vendored CSS cut down to what the site uses (macros/uitvoer/snoeien.py), on two small
fixture sheets in tests/fixtures/huisstijl/: tokens as the gemeente's token package writes
them, and component rules with the at-rules a vendored sheet may have."""

from __future__ import annotations

from pathlib import Path

import pytest
import tinycss2

from macros.uitvoer import snoeien

MAP = Path(__file__).resolve().parent / "fixtures" / "huisstijl"
TOKENS = (MAP / "tokens.css").read_text(encoding="utf-8")
COMPONENTEN = (MAP / "componenten.css").read_text(encoding="utf-8")
ALLE_KLASSEN = snoeien.klassen_in(COMPONENTEN)


def _snoei(klassen: set[str], verwijzingen: set[str] = frozenset()) -> snoeien.Gesnoeid:
    return snoeien.snoei([TOKENS], [COMPONENTEN], klassen, verwijzingen)


def _compact(css: str) -> str:
    return "".join(css.split())


def test_een_regel_blijft_als_de_site_haar_klasse_gebruikt_en_gaat_anders():
    uit = _compact(_snoei({"x-knop"}).tekst)
    assert "color:var(--_x-knop-tekst);background-color:var(--x-knop-achtergrond);" in uit
    assert ".x-lijst" not in uit and ".x-pijl" not in uit
    assert _snoei(set()).tekst == ""


def test_van_een_selectorlijst_blijven_alleen_de_selectoren_die_kunnen_passen():
    uit = _compact(_snoei({"x-knop--groot"}).tekst)
    assert ".x-knop--groot{padding:1em}" in uit
    assert "x-knop--klein" not in uit


def test_een_selector_met_twee_klassen_heeft_ze_allebei_nodig():
    assert ".x-lijst__item" not in _snoei({"x-lijst__item"}).tekst
    assert ".x-lijst .x-lijst__item{" in _snoei({"x-lijst", "x-lijst__item"}).tekst


def test_een_klasse_onder_not_hoeft_er_niet_te_zijn():
    # The rule applies exactly when .x-knop--uit is absent: dropping it would lose the hover.
    uit = _snoei({"x-knop"}).tekst
    assert ".x-knop:not(.x-knop--uit):hover{" in uit
    assert ".x-knop--uit{" not in uit


def test_tokens_blijven_via_een_keten_van_var_en_de_rest_gaat():
    gesnoeid = _snoei({"x-knop"})
    # .x-knop reads --x-knop-rand, which reads --x-rand-breedte and --x-kleur-rood.
    assert set(gesnoeid.tokens) == {
        "--x-knop-achtergrond",
        "--x-kleur-blauw",
        "--x-knop-rand",
        "--x-rand-breedte",
        "--x-kleur-rood",
        "--x-lettertype",
        "--x-alleen-in-media",
    }
    assert "--x-nooit-gebruikt" not in gesnoeid.tekst
    # In the order of the token sheet, in one :root rule, first.
    assert _compact(gesnoeid.tekst).startswith(":root{--x-kleur-rood:hsl(0100%40%);--x-kleur-blauw:")


def test_een_eigenschap_die_een_regel_zet_blijft_alleen_als_iets_haar_leest():
    # .x-knop sets --_x-knop-ingedrukt for .x-knop--ingedrukt: without pressed buttons on the
    # site it is dead weight, and so is the token it reads.
    zonder = _compact(_snoei({"x-knop"}).tekst)
    assert "--_x-knop-tekst:var(--x-kleur-blauw);color:var(--_x-knop-tekst)" in zonder
    assert "--_x-knop-ingedrukt" not in zonder and "--x-kleur-ingedrukt" not in zonder
    met = _compact(_snoei({"x-knop", "x-knop--ingedrukt"}).tekst)
    assert ".x-knop{--_x-knop-ingedrukt:var(--x-kleur-ingedrukt);" in met
    assert "--x-kleur-ingedrukt:hsl(21160%30%)" in met
    # A rule that only sets what nobody reads goes altogether.
    assert "--x-lijst-niemand-leest-mij" not in _snoei({"x-lijst"}).tekst
    assert _snoei({"x-lijst"}).regels == 2  # those inside @media
    # Unless our own CSS reads it.
    assert ".x-lijst{--x-lijst-niemand-leest-mij:1px}" in _compact(
        _snoei({"x-lijst"}, {"--x-lijst-niemand-leest-mij"}).tekst
    )


def test_een_token_dat_alleen_onze_eigen_css_leest_blijft():
    eigen = ".kvz-iets{margin:var(--x-eigen-css)}"
    gesnoeid = _snoei(set(), snoeien.verwijzingen_in(eigen))
    assert gesnoeid.tokens == ["--x-eigen-css"]
    assert gesnoeid.regels == 0
    assert _compact(gesnoeid.tekst) == ":root{--x-eigen-css:12px;}"


def test_media_en_supports_houden_alleen_de_regels_die_blijven():
    uit = _compact(_snoei({"x-knop"}).tekst)
    assert "@media(min-width:40em){.x-knop{padding:var(--x-alleen-in-media)}}" in uit
    assert "@supports(display:grid){.x-knop{display:grid}}" in uit
    # print holds only .x-lijst: the whole block goes, and with it the token only it read.
    assert "@mediaprint" not in uit
    assert "--x-alleen-in-weg-media" not in uit


def test_keyframes_blijven_als_een_gehouden_regel_ze_noemt():
    uit = _snoei({"x-knop"}).tekst
    assert "@keyframes x-draai" in uit
    assert "x-nooit" not in uit
    assert "@keyframes" not in _snoei({"x-knop--groot"}).tekst


def test_font_face_blijft_als_een_gehouden_regel_of_token_de_familie_noemt():
    # .x-knop reads --x-lettertype, which names "Fixture Sans"; nothing kept names "Andere Sans".
    uit = _snoei({"x-knop"}).tekst
    assert "fixture.woff2" in uit
    assert "ander.woff2" not in uit
    assert "@font-face" not in _snoei({"x-lijst"}).tekst


def test_charset_gaat_en_de_tekst_van_een_regel_blijft():
    uit = _snoei({"x-pijl"}).tekst
    assert "@charset" not in uit
    assert 'content:"→"' in _compact(uit)


def test_import_wordt_geweigerd():
    with pytest.raises(snoeien.SnoeiFout, match="@import"):
        snoeien.snoei([], ['@import url("ander.css");'], set())


def test_een_tokenbestand_heeft_alleen_root():
    with pytest.raises(snoeien.SnoeiFout, match=":root"):
        snoeien.snoei([".x-knop{color:red}"], [], set())


def test_het_resultaat_is_geldige_css_en_telt_zijn_regels():
    gesnoeid = _snoei(ALLE_KLASSEN, {"--x-eigen-css"})
    knopen = tinycss2.parse_stylesheet(gesnoeid.tekst, skip_comments=True, skip_whitespace=True)
    assert not [k for k in knopen if k.type == "error"]
    # Every class used: the eleven component rules (seven at the top, four inside @media and
    # @supports), @keyframes x-draai and the @font-face of "Fixture Sans". Not .x-lijst's
    # rule that only sets what nobody reads, @keyframes x-nooit and "Andere Sans".
    assert gesnoeid.regels == 13
    assert "x-nooit" not in gesnoeid.tekst and "ander.woff2" not in gesnoeid.tekst
    assert "--x-nooit-gebruikt" not in gesnoeid.tekst


def test_klassen_tellen_uit_een_pagina_en_uit_een_script():
    assert {"x-knop", "x-knop--groot"} <= snoeien.klassen_in('<button class="x-knop  x-knop--groot">')
    assert "x-knop--uit" in snoeien.klassen_in("knop.classList.add('x-knop--uit');")
    assert snoeien.verwijzingen_in("a{b:var( --x-een ,var(--x-twee))}") == {"--x-een", "--x-twee"}
