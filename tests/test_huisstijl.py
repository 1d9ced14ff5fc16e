"""The gemeente's design system in the site (macros/uitvoer/huisstijl.py): its tokens as the
values of our palette, and one stylesheet with the font and only what the pages use."""

from __future__ import annotations

import posixpath
import re

import pytest

from macros.uitvoer import huisstijl, vendoren

from .conftest import PROJECT


def test_hsl_wordt_hex_zoals_een_browser_afrondt():
    assert huisstijl._hsl_naar_hex(0, 0, 30) == "#4d4d4d"  # 76.5: half up, as browsers do
    assert huisstijl._hsl_naar_hex(211, 60, 35) == "#24578f"
    assert huisstijl._hsl_naar_hex(0, 100, 40) == "#cc0000"
    assert huisstijl._hsl_naar_hex(0, 0, 100) == "#ffffff"


def test_een_token_volgt_zijn_verwijzingen_tot_een_kleur():
    # --utrecht-link-color is var(--utrecht-color-blue-35), which is hsl(211 60% 35%).
    assert huisstijl.token("--utrecht-link-color") == "hsl(211 60% 35%)"
    assert huisstijl.kleur("--utrecht-link-color") == "#24578f"
    assert huisstijl.kleur("--utrecht-color-invalid") == "#990000"


def test_een_token_dat_niet_bestaat_zegt_welk_en_waar():
    with pytest.raises(huisstijl.HuisstijlFout, match=r"--utrecht-bestaat-niet staat niet in de tokens"):
        huisstijl.token("--utrecht-bestaat-niet")
    with pytest.raises(huisstijl.HuisstijlFout, match="geen kleur"):
        huisstijl.kleur("--utrecht-document-font-family")


def test_de_stijl_houdt_een_gebruikte_component_met_zijn_tokens():
    tekst, gesnoeid = huisstijl.stijl({"utrecht-button", "utrecht-button--primary-action"}, set())
    assert ".utrecht-button{" in tekst and ".utrecht-button--primary-action{" in tekst
    assert ".utrecht-alert" not in tekst and ".utrecht-table" not in tekst
    # The primary button reads its background through the tokens, down to the palette.
    for token in ("--utrecht-button-primary-action-background-color", "--utrecht-color-blue-35"):
        assert token in gesnoeid.tokens
    assert "--utrecht-color-yellow-80" not in tekst


def test_de_stijl_zonder_klassen_heeft_alleen_het_lettertype_en_wat_onze_css_leest():
    tekst, gesnoeid = huisstijl.stijl(set(), {"--utrecht-document-font-family"})
    assert gesnoeid.regels == 0
    assert set(gesnoeid.tokens) == {"--utrecht-document-font-family", "--utrecht-typography-sans-serif-font-family"}
    assert tekst.startswith("/*! Huisstijl van de gemeente Utrecht")
    assert "EUPL-1.2" in tekst and "OFL-1.1" in tekst and "eigendom van de gemeente Utrecht" in tekst


def test_het_lettertype_wisselt_en_komt_van_de_site_zelf():
    css = huisstijl.lettertype_css()
    assert "font-display:swap" in css and f'font-family:"{huisstijl.FAMILIE}"' in css
    (url,) = re.findall(r"url\(([^)]+)\)", css)
    assert "//" not in url  # relative: from this site, no other host
    assert (
        posixpath.normpath(posixpath.join(posixpath.dirname(huisstijl.STIJL_ADRES), url)) == huisstijl.LETTERTYPE_ADRES
    )


def test_de_huisstijl_is_niet_onze_eigen_css():
    # bench/gewicht.py and tests/test_eigen_gewicht.py count as ours what has a source in
    # content/: the gemeente's stylesheet must not, the 30 KB are for our code.
    assert not (PROJECT / "content" / huisstijl.STIJL_ADRES).exists()


def test_de_site_laadt_de_huisstijl_voor_onze_stijl(gebouwde_site, html_paginas):
    for pad, html in html_paginas.items():
        links = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
        eigen = [i for i, href in enumerate(links) if href.endswith("assets/stylesheets/utrecht.css")]
        if not eigen:
            continue
        huis = [i for i, href in enumerate(links) if href.endswith(huisstijl.STIJL_ADRES)]
        assert huis and huis[0] < eigen[0], f"{pad or '/'}: huisstijl.css hoort voor utrecht.css"
    (lettertype,) = huisstijl.bestanden("lettertype", vendoren.LETTERTYPE_SUBSET)
    assert (gebouwde_site / huisstijl.LETTERTYPE_ADRES).read_bytes() == lettertype.read_bytes()


def test_het_thema_krijgt_het_lettertype_van_de_gemeente(gebouwde_site):
    # Our stylesheet hands the token to mkdocs-material; the pruned huisstijl.css keeps the token
    # because our stylesheet reads it, and holds nothing of the theme's itself.
    onze = (gebouwde_site / "assets/stylesheets/utrecht.css").read_text(encoding="utf-8")
    assert "--md-text-font:var(--utrecht-document-font-family)" in onze
    gebouwd = (gebouwde_site / huisstijl.STIJL_ADRES).read_text(encoding="utf-8")
    assert "--utrecht-document-font-family:" in gebouwd and "--md-" not in gebouwd
    assert "@font-face" in gebouwd
    # Not the 88 KB of tokens: only those the site reads, fewer than a quarter of them (196 of
    # 1127 today; which ones follows from the data, so no single token is named here: a new
    # version of the kompas gives the earlier one a page with a warning alert, whose yellow is a
    # token, and CI must stay green for that change).
    definitie = re.compile(r"(--utrecht-[\w-]+)\s*:")
    alle = set(
        definitie.findall(
            "".join(p.read_text(encoding="utf-8") for p in huisstijl.bestanden("tokens", "dist/root.css"))
        )
    )
    gehouden = set(definitie.findall(gebouwd)) & alle
    assert gehouden and len(gehouden) < len(alle) / 4
