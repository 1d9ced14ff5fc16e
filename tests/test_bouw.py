"""The build: text from the data is never markup, and a failed build keeps the last good site."""

from __future__ import annotations

import hashlib
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from markupsafe import escape

from .conftest import PROJECT, VOORBEELDEN, bouw_site, maak_voorbeeld, met_nieuwe_versie

# Every test here runs the real build (a few seconds each): left out of `make test-snel`.
pytestmark = pytest.mark.bouw


def _vingerafdruk(gegevensmap: Path) -> dict[str, str]:
    return {
        str(p.relative_to(gegevensmap)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(gegevensmap.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def vijandige_site(tmp_path_factory) -> Path:
    """The site built from data whose texts contain HTML, script and Jinja syntax, as the kompas
    and as the note as adopted (so /nota/ and the PDF are made from it too)."""
    basis = tmp_path_factory.mktemp("vijandig")
    data = met_nieuwe_versie(maak_voorbeeld(VOORBEELDEN / "geldig" / "html-in-tekst.yaml", basis / "data"))
    resultaat = bouw_site(basis / "site", data, nota_map=data)
    assert resultaat.returncode == 0, resultaat.stderr
    return basis / "site"


def test_html_uit_de_data_wordt_nergens_opmaak(vijandige_site):
    alles = "\n".join(p.read_text(encoding="utf-8") for p in vijandige_site.rglob("*.html"))
    for gevaarlijk in ("<script>alert(", "<img src=x", "<iframe src=//example.org", "<b>lef</b>"):
        assert gevaarlijk not in alles, gevaarlijk


def test_vijandige_tekst_staat_er_als_tekst(vijandige_site):
    peilen = (vijandige_site / "kompas" / "vormen" / "peilen" / "index.html").read_text(encoding="utf-8")
    assert str(escape("<script>alert('titel')</script> & co")) in peilen
    # Jinja syntax in the data is shown, not executed.
    assert "{{ geheim }}" in peilen or "{{ geheim }}".replace("{", "&#123;") in peilen
    kompas = (vijandige_site / "kompas" / "index.html").read_text(encoding="utf-8")
    assert str(escape("</script><script>alert('vraag')")) in kompas


def test_vijandige_tekst_in_grafieken_en_pdf_blijft_tekst(vijandige_site):
    svg = "{http://www.w3.org/2000/svg}"
    grafieken = sorted((vijandige_site / "grafieken").glob("*.svg"))
    assert len(grafieken) >= 8
    teksten = []
    for bestand in grafieken:
        boom = ET.fromstring(bestand.read_bytes())  # well-formed XML, whatever the data says
        namen = {e.tag.removeprefix(svg) for e in boom.iter()}
        assert not namen & {"script", "a", "foreignObject", "iframe", "image"}, bestand.name
        assert not any(k.startswith("on") for e in boom.iter() for k in e.attrib), bestand.name
        teksten += ["".join(e.itertext()) for e in boom.iter(f"{svg}text")] + [boom.findtext(f"{svg}desc")]
    alles = "\n".join(teksten)
    assert "<script>alert('grafiek')</script>" in alles and "<svg onload=alert('post')>" in alles
    assert "Meer <a href=//example.org>eigenaarschap</a>" in " ".join(alles.split())

    from pypdf import PdfReader

    pdf = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(vijandige_site / "samen-stad-maken.pdf").pages)
    assert "Peilen <script>alert('titel')</script> & co" in pdf
    # In the note's table of indicators, where a narrow cell may break the line anywhere.
    assert "Score<script>alert('grafiek')</script>socialecohesie" in pdf.replace(" ", "")


def test_een_lang_woord_breekt_af_in_de_pdf(vijandige_site):
    from pypdf import PdfReader

    tekst = "\n".join(p.extract_text() for p in PdfReader(vijandige_site / "samen-stad-maken.pdf").pages)
    regels = [r for r in tekst.splitlines() if "een-heel-lang-adres" in r or "en-dus-moet-afbreken" in r]
    assert regels, "het lange woord staat niet in de pdf"
    # Broken over lines, not one line running off the page.
    assert not any("een-heel-lang-adres" in r and "en-dus-moet-afbreken" in r for r in regels), regels


def test_vijandige_titel_in_navigatie_en_paginatitel_is_veilig(vijandige_site):
    # The theme puts page titles in <title>, the nav and the footer; they must stay text.
    for pagina in vijandige_site.rglob("index.html"):
        html = pagina.read_text(encoding="utf-8")
        assert "<script>alert('titel')" not in html, pagina
        assert "<b>lef</b>" not in html, pagina


def test_mislukte_bouw_laat_de_vorige_site_staan(gebouwde_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(gebouwde_site, site)
    voor = _vingerafdruk(site)
    data = maak_voorbeeld(VOORBEELDEN / "ongeldig" / "verwijzing-naar-onbekende-vraag.yaml", tmp_path / "data")
    resultaat = bouw_site(site, data)
    assert resultaat.returncode != 0
    uitvoer = resultaat.stdout + resultaat.stderr
    assert "kompas.yaml:" in uitvoer and "vraag 1 (besluit-nodig) › ja › vraag" in uitvoer
    assert "wijst naar vraag 'bestaat-niet', maar die bestaat niet" in uitvoer
    assert "is niet veranderd" in uitvoer
    assert _vingerafdruk(site) == voor
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []


def test_mislukte_bouw_zonder_vorige_site_laat_niets_achter(tmp_path):
    data = maak_voorbeeld(VOORBEELDEN / "ongeldig" / "totaal-klopt-niet.yaml", tmp_path / "data")
    resultaat = bouw_site(tmp_path / "site", data)
    assert resultaat.returncode != 0
    assert "financien.yaml:" in resultaat.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_geslaagde_bouw_vervangt_de_site_in_zijn_geheel(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "oud-bestand.html").write_text("van een vorige bouw")
    resultaat = bouw_site(site)
    assert resultaat.returncode == 0, resultaat.stderr
    assert not (site / "oud-bestand.html").exists()
    assert (site / "kompas" / "index.html").is_file()


def test_tekst_die_naar_een_verdwenen_vorm_linkt_laat_de_bouw_falen(tmp_path):
    # content/ links to vorm pages by id; a data set without such a vorm must not leave a dead
    # link (the minimal example has none of the real vormen).
    gelinkt = sorted(
        {
            m
            for p in (PROJECT / "content").rglob("*.md")
            for m in re.findall(r"vormen/([a-z0-9-]+)\.md", p.read_text(encoding="utf-8"))
        }
    )
    if not gelinkt:
        return  # content/ links to no vorm page: nothing can break this way
    data = maak_voorbeeld(VOORBEELDEN / "geldig" / "minimaal", tmp_path / "data")
    resultaat = bouw_site(tmp_path / "site", data)
    assert resultaat.returncode != 0
    assert any(f"kompas/vormen/{vorm_id}.md" in resultaat.stderr for vorm_id in gelinkt), resultaat.stderr
    assert not (tmp_path / "site").exists()


def test_bouw_weigert_gewijzigde_betekenis_onder_een_oude_versie(tmp_path):
    # `make build` and `make dist` never publish changed advice under the old version number.
    data = maak_voorbeeld(VOORBEELDEN / "geldig" / "html-in-tekst.yaml", tmp_path / "data")
    resultaat = bouw_site(tmp_path / "site", data)
    assert resultaat.returncode != 0
    assert "De site wordt niet gebouwd: de gegevens passen niet bij de vastgelegde versie" in resultaat.stderr
    assert "make versie" in resultaat.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]
