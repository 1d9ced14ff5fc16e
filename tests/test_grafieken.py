"""The charts: drawn from the data, one for every indicator and for the budget, the zeggenschap
scale with the kompas' two directions; each with a title, a text alternative and a table."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest
from markupsafe import escape

from macros.data.loader import laad_kompas_data
from macros.uitvoer import grafieken
from macros.uitvoer.opmaak import euro

from .conftest import kopieer_kompas10, pas_toe

SVG = "{http://www.w3.org/2000/svg}"


def svg_boom(svg: str) -> ET.Element:
    return ET.fromstring(svg.encode("utf-8"))


def teksten(boom: ET.Element) -> list[str]:
    """Every line of text in the chart (a <text> holds one line per <tspan>, or its own text)."""
    regels = []
    for element in boom.iter(f"{SVG}text"):
        delen = [t.text or "" for t in element.iter(f"{SVG}tspan")] or [element.text or ""]
        regels += [d for d in delen if d]
    return regels


def ids(boom: ET.Element) -> set[str]:
    return {e.get("id") for e in boom.iter() if e.get("id")}


def indicatoren(data):
    return data.indicatoren.alle


@pytest.fixture(scope="module")
def alle(data):
    return grafieken.alle(data)


def test_elke_indicator_staat_in_het_overzicht_en_nieuwe_zijn_nog_niet_gemeten(data, alle):
    boom = svg_boom(alle["indicatoren"].svg)
    gevonden = ids(boom)
    regels = teksten(boom)
    for ind in indicatoren(data):
        assert f"indicator-{ind.id}" in gevonden, ind.id
    nieuw = [i for i in indicatoren(data) if i.nieuw]
    assert nieuw, "de echte data heeft nieuwe indicatoren; dit moet de grafiek laten zien"
    # One label per new indicator, one in the legend.
    assert regels.count("nog niet gemeten") == len(nieuw)
    assert "nieuw: nog niet gemeten" in regels
    for ind in indicatoren(data):
        for meting in filter(None, ind.metingen):
            if meting.waarde:
                assert meting.waarde in regels, (ind.id, meting.waarde)


def test_elke_gemeten_indicator_heeft_een_eigen_grafiek_met_zijn_waarden(data, alle):
    gemeten = [i for i in indicatoren(data) if not i.nieuw]
    assert gemeten
    for ind in gemeten:
        grafiek = alle[f"indicator-{ind.id}"]
        regels = teksten(svg_boom(grafiek.svg))
        for i, meting in enumerate(ind.metingen):
            if meting is None:
                continue
            assert meting.waarde in regels if meting.waarde else "nog in te vullen" in " ".join(regels), (ind.id, i)
            assert meting.waarde or "nog in te vullen" in grafiek.alt
            assert f"{meting.jaar}" in " ".join(regels)
    assert not any(f"indicator-{i.id}" in alle for i in indicatoren(data) if i.nieuw)


def test_financien_per_jaar_en_per_post(data, alle):
    fin = data.financien
    per_jaar = svg_boom(alle["financien-per-jaar"].svg)
    regels = teksten(per_jaar)
    # Each total keeps the note's asterisk, and its footnote (the disclaimer) stands in the chart.
    for totaal in fin.totaal.bedragen:
        assert f"€ {euro(totaal)}*" in regels
    assert f"* Disclaimer: {' '.join(fin.disclaimer.split())}" in " ".join(" ".join(regels).split())
    assert "sterretje" in alle["financien-per-jaar"].alt
    for post in fin.posten:
        assert f"post-{post.id}" in ids(per_jaar)
    per_post = svg_boom(alle["financien-per-post"].svg)
    regels = teksten(per_post)
    for post in fin.posten:
        for jaar, bedrag in zip(fin.jaren, post.bedragen):
            assert f"{jaar}: € {euro(bedrag)}" in regels, (post.id, jaar)
    assert {f"jaar-{j}" for j in fin.jaren} <= ids(per_post)


def test_zeggenschap_van_alle_vormen_met_elke_richting(data, alle):
    grafiek = alle["zeggenschap"]
    boom = svg_boom(grafiek.svg)
    regels = teksten(boom)
    for vorm in data.vormen:
        assert f"vorm-{vorm.id}" in ids(boom)
        assert vorm.titel in regels
    koers = data.kompas.koers
    assert koers.richtingen  # the chart draws the arrows the data gives, however many
    for richting in koers.richtingen:
        assert f"richting-{richting.id}" in ids(boom)
        assert " ".join(richting.naam.split()) in " ".join(regels)
        for vorm_id in richting.naar:
            assert data.vorm(vorm_id).titel in grafiek.alt
    assert data.vorm(koers.minder_vaak).titel in grafiek.alt
    # Ordered from Utrechter aan zet to Gemeente aan zet, as the data orders the vormen.
    assert regels.index(data.vormen[0].titel) < regels.index(data.vormen[-1].titel)


def test_zeggenschap_zegt_zelf_dat_het_de_lezing_van_de_site_is(alle):
    """The note has no such chart and names the zeggenschap in words; the scale is ours. The
    file says so itself (it is also opened on its own): in its title and description and in a
    line under the chart."""
    grafiek = alle["zeggenschap"]
    boom = svg_boom(grafiek.svg)
    assert grafiek.titel.endswith("de lezing van deze site")
    assert grafiek.alt.startswith(grafieken.ZEGGENSCHAP_LEZING)
    assert boom.find(f"{SVG}title").text == grafiek.titel and boom.find(f"{SVG}desc").text == grafiek.alt
    regels = teksten(boom)
    assert grafieken.ZEGGENSCHAP_LEZING in " ".join(" ".join(regels).split())
    assert "geen figuur uit de nota" in grafieken.ZEGGENSCHAP_LEZING


def test_elke_grafiek_heeft_titel_en_beschrijving_en_laadt_niets(alle):
    assert len(alle) >= 8
    for grafiek in alle.values():
        boom = svg_boom(grafiek.svg)
        titel, beschrijving = boom.find(f"{SVG}title"), boom.find(f"{SVG}desc")
        assert titel is not None and titel.text == grafiek.titel, grafiek.naam
        assert beschrijving is not None and beschrijving.text == grafiek.alt
        assert boom.get("role") == "img"
        assert boom.get("aria-labelledby") == f"{grafiek.naam}-titel {grafiek.naam}-beschrijving"
        assert list(boom)[0] is titel  # the first child, where readers look for it
        assert len(grafiek.alt) > 40
        for element in boom.iter():
            for naam, waarde in element.attrib.items():
                if naam.endswith("href"):
                    assert waarde.startswith("#"), (grafiek.naam, naam, waarde)
        assert not re.search(
            r"<script|@import|url\((?!#)|https?://(?!www\.w3\.org/|purl\.org/|creativecommons)", grafiek.svg
        ), grafiek.naam


def test_grafieken_veranderen_met_de_yaml(tmp_path, kompas10, monkeypatch):
    monkeypatch.setenv("KOMPAS_CACHE", str(tmp_path / "cache"))
    alle = grafieken.alle(kompas10)
    gegevensmap = kopieer_kompas10(tmp_path / "data")
    pas_toe(
        gegevensmap,
        {
            "wijzigingen": [
                {
                    "bestand": "indicatoren.yaml",
                    "vervang": "nulmeting: {waarde: 54%, jaar: 2023}",
                    "door": "nulmeting: {waarde: 61%, jaar: 2023}",
                },
                {
                    "bestand": "financien.yaml",
                    "vervang": "bedragen: [70000, 70000, 70000, 70000]",
                    "door": "bedragen: [70000, 70000, 70000, 80000]",
                },
                {
                    "bestand": "financien.yaml",
                    "vervang": "bedragen: [499060, 499060, 499060, 409060]",
                    "door": "bedragen: [499060, 499060, 499060, 419060]",
                },
                {"bestand": "vormen.yaml", "vervang": "zeggenschap_schaal: 1", "door": "zeggenschap_schaal: 2"},
            ]
        },
        "grafieken-veranderen",
    )
    nieuw = grafieken.alle(laad_kompas_data(gegevensmap))
    for naam in (
        "indicatoren",
        "indicator-betrokken-in-buurt",
        "financien-per-jaar",
        "financien-per-post",
        "zeggenschap",
    ):
        assert nieuw[naam].svg != alle[naam].svg, naam
    assert "61%" in teksten(svg_boom(nieuw["indicator-betrokken-in-buurt"].svg))
    assert "€ 419.060*" in teksten(svg_boom(nieuw["financien-per-jaar"].svg))
    assert "Peilen 2" in nieuw["zeggenschap"].alt
    for naam in ("indicator-vertrouwen-lokale-overheid", "indicator-sociale-cohesie"):
        assert nieuw[naam].svg == alle[naam].svg, naam  # only what changed is drawn anew


def test_grafieken_zijn_reproduceerbaar(data, alle, monkeypatch):
    monkeypatch.setenv("KOMPAS_CACHE", "uit")  # drawn anew, not read from the build cache
    opnieuw = grafieken.alle(data)
    assert {n: g.svg for n, g in opnieuw.items()} == {n: g.svg for n, g in alle.items()}


class _Figuren(HTMLParser):
    """Each chart <figure> on a page: its img (src, alt) and what follows up to the next figure."""

    def __init__(self):
        super().__init__()
        self.figuren, self._in = [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "figure" and "kvz-grafiek" in (a.get("class") or ""):
            self._in = {"id": a["id"], "img": None, "figcaption": "", "tabel_erna": False}
            self.figuren.append(self._in)
        elif self._in is not None and tag == "img":
            self._in["img"] = a
        elif tag == "figcaption" and self._in is not None:
            self._in["in_caption"] = True

    def handle_endtag(self, tag):
        if tag == "figcaption" and self._in is not None:
            self._in["in_caption"] = False

    def handle_data(self, d):
        if self._in is not None and self._in.get("in_caption"):
            self._in["figcaption"] += d


GRAFIEK_PAGINAS = ("monitoring/indicatoren/", "monitoring/financien/", "kompas/")


def test_grafieken_op_de_paginas_met_alt_en_tabel_ernaast(data, alle, html_paginas, gebouwde_site):
    getoond = set()
    for pad in GRAFIEK_PAGINAS:
        html = html_paginas[pad]
        lezer = _Figuren()
        lezer.feed(html)
        assert lezer.figuren, pad
        for figuur in lezer.figuren:
            naam = figuur["id"].removeprefix("grafiek-")
            grafiek = alle[naam]
            img = figuur["img"]
            assert img["alt"] == grafiek.alt
            assert int(img["width"]) > 200 and int(img["height"]) > 150
            bestand = gebouwde_site / urljoin("/" + pad, img["src"]).lstrip("/")
            assert bestand.read_text(encoding="utf-8") == grafiek.svg, naam
            assert grafiek.titel.rstrip(".?") in figuur["figcaption"]
            # The table with the same numbers next to the chart: right after it, or (budget)
            # the one table on the page, which both charts share and which says so.
            na = html.split(f'id="grafiek-{naam}"', 1)[1]
            if "boven de grafieken" in figuur["figcaption"]:
                assert html.index('aria-label="Budget per jaar"') < html.index(f'id="grafiek-{naam}"')
            else:
                erna = na.split("</figure>", 1)[1].lstrip()
                assert erna.startswith('<div class="utrecht-table-container kvz-tabel" role="region"'), naam
            getoond.add(naam)
    assert getoond == set(alle), set(alle) - getoond


def test_tabel_naast_de_zeggenschapsschaal_heeft_elke_vorm_en_richting(data, html_paginas):
    html = html_paginas["kompas/"]
    tabel = html.split('aria-label="Zeggenschap per vorm"', 1)[1].split("</table>", 1)[0]
    for vorm in data.vormen:
        assert (
            f'>{escape(vorm.titel)}</a></th><td class="utrecht-table__cell">{escape(vorm.zeggenschap)}</td>'
            f'<td class="utrecht-table__cell">{vorm.zeggenschap_schaal}</td>' in tabel
        )
    assert tabel.count('<td class="utrecht-table__cell">Minder vaak inzetten</td>') == 1
    for richting in data.kompas.koers.richtingen:
        assert tabel.count(f'<td class="utrecht-table__cell">{escape(richting.naam)}</td>') == len(richting.naar)


def test_grafieken_zichtbaar_zonder_script_en_zonder_andere_host(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    verzoeken = []
    page.on("request", lambda v: verzoeken.append(v.url))
    for pad in GRAFIEK_PAGINAS:
        page.goto(site_url + pad)
        for img in page.locator("figure.kvz-grafiek img").all():
            img.scroll_into_view_if_needed()
            breedte = img.evaluate("i => i.complete && i.naturalWidth")
            assert breedte and breedte > 200, (pad, img.get_attribute("src"))
    context.close()
    assert verzoeken and all(v.startswith(site_url) for v in verzoeken), [
        v for v in verzoeken if not v.startswith(site_url)
    ]
