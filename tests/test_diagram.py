"""The kompas diagram: generated from the data, complete, self-contained, with a text alternative."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from urllib.parse import urljoin

import pytest

from macros.data import adressen, graaf
from macros.data.model import NaarVraag
from macros.uitvoer import diagram

SVG = "{http://www.w3.org/2000/svg}"


def test_diagram_bevat_elke_vraag_en_vorm_en_elke_pijl(data):
    svg = diagram.kompas_svg(data)
    boom = ET.fromstring(svg)
    vragen = {g.get("data-vraag") for g in boom.iter(f"{SVG}g") if g.get("data-vraag")}
    vormen = {g.get("data-vorm") for g in boom.iter(f"{SVG}g") if g.get("data-vorm")}
    assert vragen == {v.id for v in data.kompas.vragen}
    assert vormen == {v.id for v in data.vormen}
    pijlen = {(p.get("data-van"), p.get("data-antwoord")) for p in boom.iter(f"{SVG}path") if p.get("data-van")}
    assert pijlen == {(v.id, a) for v in data.kompas.vragen for a in graaf.ANTWOORDEN}
    assert boom.find(f"{SVG}title").text.startswith(f"Het Kompas voor zeggenschap, versie {data.kompas.versie}")


def test_diagram_zegt_zelf_dat_het_de_lezing_van_de_site_is(data):
    """The note's text has the boxes but not the arrows: the drawing is our reading, and the
    file (also served and saved on its own) says so in a visible line above the drawing and in
    its title and description."""
    boom = ET.fromstring(diagram.kompas_svg(data))
    assert boom.find(f"{SVG}title").text.endswith("als stroomschema: de lezing van deze site")
    assert diagram.LEZING in boom.find(f"{SVG}desc").text
    (bijschrift,) = [t for t in boom.iter(f"{SVG}text") if t.get("data-bijschrift")]
    assert " ".join(t.text for t in bijschrift.iter(f"{SVG}tspan")) == diagram.LEZING
    assert "niet de figuur uit de nota" in diagram.LEZING
    # Above the drawing: its last line stands above the first box.
    laatste = max(float(t.get("y")) for t in bijschrift.iter(f"{SVG}tspan"))
    assert laatste < min(float(r.get("y")) for r in boom.iter(f"{SVG}rect"))
    assert float(boom.get("height")) == float(boom.get("viewBox").split()[3])


def test_diagram_laadt_niets_van_buiten(data):
    svg = diagram.kompas_svg(data)
    verwijzingen = re.findall(r'(?:href|src)="([^"]*)"', svg) + re.findall(r"url\(([^)]*)\)", svg)
    assert all(v.startswith("#") for v in verwijzingen), verwijzingen
    assert "<script" not in svg and "<foreignObject" not in svg
    assert re.findall(r"https?://", svg) == ["http://"]  # only the SVG namespace


def test_een_ander_doel_geeft_een_ander_diagram(kompas10):
    voor = diagram.kompas_svg(kompas10)
    vragen = [
        replace(v, ja=NaarVraag("bestuurlijke-ruimte")) if v.id == "eerst-verhelderen" else v
        for v in kompas10.kompas.vragen
    ]
    na = diagram.kompas_svg(replace(kompas10, kompas=replace(kompas10.kompas, vragen=vragen)))
    assert voor != na
    assert diagram.kompas_svg(kompas10) == voor  # and the same data gives the same drawing


def test_route_wordt_gemarkeerd(data):
    for pad in graaf.paden(data.kompas)[:5]:
        boom = ET.fromstring(diagram.kompas_svg(data, pad))
        gemarkeerd = {
            (p.get("data-van"), p.get("data-antwoord")) for p in boom.iter(f"{SVG}path") if p.get("data-route")
        }
        assert gemarkeerd == {(s.vraag, s.antwoord) for s in pad.stappen}


def test_diagram_en_beslistabel_op_de_site(gebouwde_site, data, html_paginas):
    assert (gebouwde_site / "kompas" / "kompas.svg").read_text(encoding="utf-8") == diagram.kompas_svg(data)
    kompas = html_paginas["kompas/"]
    bronnen = {
        urljoin("/kompas/", b) for b in re.findall(r'<img src="([^"]+)" alt="Het kompas als stroomschema', kompas)
    }
    assert bronnen == {"/kompas/kompas.svg"}
    links = {urljoin("/kompas/", h) for h in re.findall(r'href="([^"]+)"', kompas)}
    for pad in graaf.paden(data.kompas):
        assert f"/kompas/wijzer/{pad.antwoorden}/" in links


def test_uitkomst_toont_de_eigen_route(data, html_paginas):
    pad = graaf.paden(data.kompas)[3]
    html = html_paginas[adressen.WIJZER_PAD + pad.antwoorden + "/"]
    begin = html.rindex("<svg", 0, html.index('aria-labelledby="kompas-diagram-titel'))
    svg = html[begin : html.index("</svg>", begin) + 6]
    boom = ET.fromstring(svg)
    gemarkeerd = {(p.get("data-van"), p.get("data-antwoord")) for p in boom.iter(f"{SVG}path") if p.get("data-route")}
    assert gemarkeerd == {(s.vraag, s.antwoord) for s in pad.stappen}


def test_diagram_uit_de_bouwcache_zonder_opnieuw_te_tekenen(kompas10, tmp_path, monkeypatch):
    monkeypatch.setenv("KOMPAS_CACHE", str(tmp_path))
    pad = graaf.paden(kompas10.kompas)[0]
    diagram._svg.cache_clear()  # this process drew it before: draw it for the build cache
    getekend = diagram.kompas_svg(kompas10, pad)
    diagram._svg.cache_clear()  # the next build
    with monkeypatch.context() as m:
        m.setattr(diagram, "_tekening", lambda *args: pytest.fail("opnieuw getekend"))
        assert diagram.kompas_svg(kompas10, pad) == getekend
    for bestand in (tmp_path / "diagram").iterdir():
        bestand.write_text(getekend[:100], encoding="utf-8")  # damaged: drawn again
    diagram._svg.cache_clear()
    assert diagram.kompas_svg(kompas10, pad) == getekend


def test_de_bouw_laadt_grandalf_alleen_om_te_tekenen():
    """grandalf brings numpy and ply (some 0.08 s to import), for drawings the build cache holds."""
    geladen = subprocess.run(
        [sys.executable, "-c", "import sys, macros.site.plugin; print('grandalf' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert geladen.strip() == "False"
