"""Renderers escape everything from the data and link correctly from any page."""

from __future__ import annotations

from dataclasses import replace

from macros.data import adressen
from macros.site import render
from macros.uitvoer import opmaak
from macros.uitvoer.kompas_json import kompas_dict


def test_tekst_escapet_html_en_aanhalingstekens():
    assert render.tekst('<script>"x" & \'y\'</script>') == (
        "&lt;script&gt;&quot;x&quot; &amp; &#x27;y&#x27;&lt;/script&gt;")


def test_md_kop_kan_geen_opmaak_of_html_maken():
    kop = render.md_kop(1, "Peilen *nu* <b>[link](x)</b>")
    assert kop.startswith("# ")
    assert "<b>" not in kop and "\\*nu\\*" in kop and "\\[link\\]" in kop


def test_relatieve_url():
    assert adressen.relatieve_url("", "kompas/") == "kompas/"
    assert adressen.relatieve_url("", "") == "./"
    assert adressen.relatieve_url("kompas/vormen/peilen/", "principes/lef-tonen/") == "../../../principes/lef-tonen/"
    assert adressen.relatieve_url("principes/", "principes/") == "../principes/"


def test_euro_in_nederlandse_notatie():
    assert opmaak.euro(5300) == "5.300"
    assert opmaak.euro(499060) == "499.060"
    assert opmaak.euro(0) == "0"


def test_vormpagina_escapet_data(kompas10):
    data = kompas10
    vorm = replace(data.vorm("peilen"), wat_is_het="<script>alert(1)</script>",
                   voorbeelden=["<img src=x onerror=alert(1)>"])
    html = render.render_vorm_pagina(vorm, data, lambda pad: pad)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_schaal_markeert_precies_de_eigen_stap(data):
    for vorm in data.vormen:
        html = render.render_zeggenschap_schaal(vorm)
        assert html.count("kvz-schaal__stap--actief") == 1
        stappen = html.split('class="kvz-schaal__stap')[1:]
        actief = [i for i, s in enumerate(stappen) if s.startswith(" kvz-schaal__stap--actief")]
        assert actief == [vorm.zeggenschap_schaal]
        assert f"Zeggenschap voor Utrechters: {vorm.zeggenschap_schaal} op een schaal" in html


def test_vragenlijst_noemt_elke_vraag_en_elk_doel(data):
    html = render.render_vragen(data, lambda pad: "/" + pad)
    for vraag in data.kompas.vragen:
        assert f'id="vraag-{vraag.id}"' in html
        assert render.tekst(vraag.tekst) in html
    for vorm in data.vormen:
        assert f'href="/kompas/vormen/{vorm.id}/"' in html


def test_financien_tabel_toont_alle_bedragen(data):
    html = render.render_financien(data.financien)
    for post in data.financien.posten:
        for bedrag in post.bedragen:
            assert f"<td>{opmaak.euro(bedrag)}</td>" in html
    for bedrag in data.financien.totaal.bedragen:
        assert f"<td>{opmaak.euro(bedrag)}*</td>" in html


def test_kompas_json_heeft_de_gedocumenteerde_vorm(data):
    k = kompas_dict(data)
    assert set(k) == {"versie", "start", "vragen", "vormen"}
    assert kompas_dict(data, {"commit": "abc", "datum": "2026-11-27"})["bouw"] == {"commit": "abc", "datum": "2026-11-27"}
    for vraag in k["vragen"]:
        assert set(vraag) == {"id", "tekst", "ja", "nee"}
        for doel in (vraag["ja"], vraag["nee"]):
            assert len(doel) == 1 and set(doel) <= {"vraag", "vorm"}
    assert set(k["vormen"][0]) == {
        "id", "titel", "samenwerkingsvorm", "wat_is_het", "zeggenschap", "zeggenschap_schaal",
        "eigenaar", "wanneer_geschikt", "voorbeelden", "instrumenten", "principes", "in_het_kort"}
