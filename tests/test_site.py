"""The built site: every section of the note, no broken link, nothing from another host."""

from __future__ import annotations

import json
import re
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from markupsafe import escape

from macros.data.betekenis import gepubliceerde_versies
from macros.data.herkomst import Herkomst
from macros.data.loader import laad_kompas_data
from macros.uitvoer.kompas_json import kompas_dict
from macros.uitvoer.opmaak import euro

from .conftest import NOTA_MAP, PROJECT
from .htmlscan import scan

SECTIES = [
    "",
    "voorwoord/",
    "inleiding/",
    "inleiding/doelstellingen/",
    "principes/",
    "kompas/",
    "implementatie/",
    "monitoring/",
    "monitoring/indicatoren/",
    "monitoring/risicos/",
    "monitoring/financien/",
    "monitoring/sturingsmodel/",
    "bijlage/wijkplatforms/",
    "over/",
    "over/toegankelijkheid/",
    "over/privacy/",
    "over/ontwikkelaars/",
]
BASIS = "http://site.test/"


@pytest.fixture(scope="session")
def scans(html_paginas):
    return {pad: scan(html) for pad, html in html_paginas.items()}


def test_elke_sectie_van_de_nota_is_een_pagina(html_paginas):
    assert set(SECTIES) <= set(html_paginas)


def test_een_pagina_per_principe_en_per_vorm(data, scans):
    for principe in data.principes:
        assert scans[f"principes/{principe.id}/"].h1 == [principe.titel]
    for vorm in data.vormen:
        assert scans[f"kompas/vormen/{vorm.id}/"].h1 == [vorm.titel]
    verwacht = {f"principes/{p.id}/" for p in data.principes} | {f"kompas/vormen/{v.id}/" for v in data.vormen}
    gegenereerd = {p for p in scans if re.fullmatch(r"(principes/[^/]+|kompas/vormen/[^/]+)/", p)}
    assert gegenereerd == verwacht


def test_de_404_pagina_is_van_de_site_zelf(gebouwde_site):
    pagina = scan((gebouwde_site / "404.html").read_text(encoding="utf-8"))
    assert pagina.lang == "nl" and pagina.h1 == ["Deze pagina bestaat niet"]


def test_elke_pagina_is_nederlands_met_een_kop(scans):
    for pad, pagina in scans.items():
        assert pagina.lang == "nl", pad
        assert len(pagina.h1) == 1, f"{pad}: {pagina.h1}"


def _doel(pad: str, url: str) -> tuple[str, str] | None:
    """(site path, fragment) of a link, or None when it leaves the site."""
    absoluut = urljoin(BASIS + pad, url)
    delen = urlsplit(absoluut)
    if delen.scheme not in ("http", "https") or delen.netloc != urlsplit(BASIS).netloc:
        return None
    return unquote(delen.path.lstrip("/")), delen.fragment


def test_geen_kapotte_interne_links_of_ankers(gebouwde_site, scans):
    kapot = []
    for pad, pagina in scans.items():
        for url in pagina.links + [u for _, u in pagina.bronnen]:
            if url.startswith(("mailto:", "tel:")):
                continue
            doel = _doel(pad, url)
            if doel is None:
                continue
            doel_pad, anker = doel
            bestand = gebouwde_site / doel_pad
            if doel_pad == "" or doel_pad.endswith("/"):
                bestand = bestand / "index.html"
            if not bestand.is_file():
                kapot.append(f"{pad or '/'}: {url} (bestaat niet)")
            elif anker and doel_pad in scans and anker not in scans[doel_pad].ids:
                kapot.append(f"{pad or '/'}: {url} (anker #{anker} bestaat niet)")
            elif anker and doel_pad == pad and anker not in pagina.ids:
                kapot.append(f"{pad or '/'}: {url} (anker bestaat niet)")
    assert not kapot, "\n".join(kapot)


def test_geen_bronnen_van_een_andere_host(gebouwde_site, scans):
    extern = [
        f"{pad}: <{tag}> {url}"
        for pad, pagina in scans.items()
        for tag, url in pagina.bronnen
        if _doel(pad, url) is None
    ]
    assert not extern, "\n".join(extern)
    for css in gebouwde_site.rglob("*.css"):
        urls = re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8"))
        extern = [u for u in urls if re.match(r"^(https?:)?//", u)]
        assert not extern, f"{css.relative_to(gebouwde_site)}: {extern}"


@pytest.mark.parametrize("residu", ["{{", "{%", "Macro Rendering Error", "Traceback", "Error:"])
def test_geen_sjabloonresten_of_foutmeldingen(html_paginas, residu):
    fout = [pad for pad, html in html_paginas.items() if residu in html]
    assert not fout, f"'{residu}' staat op: {fout}"


def test_elke_pagina_linkt_naar_colofon_toegankelijkheid_en_privacy(scans):
    # The embed view is the walker alone, inside a page of the intern loket.
    for pad, pagina in ((p, s) for p, s in scans.items() if not p.startswith("kompas/wijzer-embed/")):
        doelen = {_doel(pad, u)[0] for u in pagina.links if _doel(pad, u)}
        assert {"over/", "over/toegankelijkheid/", "over/privacy/"} <= doelen, pad


def test_kompas_json_komt_overeen_met_de_yaml(gebouwde_site, data):
    gepubliceerd = json.loads((gebouwde_site / "kompas.json").read_text(encoding="utf-8"))
    bouw = gepubliceerd["bouw"]
    assert re.fullmatch(r"[0-9a-f]{12}(-gewijzigd)?", bouw["commit"]) and re.fullmatch(
        r"\d{4}-\d{2}-\d{2}", bouw["datum"]
    )
    # Each field says where its text comes from: compared with the note as adopted, as the build does.
    herkomst = Herkomst(laad_kompas_data(PROJECT / NOTA_MAP), gepubliceerde_versies(data))
    assert gepubliceerd == kompas_dict(data, bouw, herkomst)
    assert gepubliceerd["versie"] == data.kompas.versie
    assert [v["id"] for v in gepubliceerd["vormen"]] == [v.id for v in data.vormen]


def test_voettekst_noemt_de_versie_en_het_colofon_de_bouw(gebouwde_site, data, scans):
    # Which advice was online when: the version on every page, the build on the colofon.
    bouw = json.loads((gebouwde_site / "kompas.json").read_text(encoding="utf-8"))["bouw"]
    for pad, pagina in scans.items():
        if not pad.startswith("kompas/wijzer-embed/"):
            tekst = " ".join(" ".join(pagina.tekst).split())
            assert f"Kompas versie {data.kompas.versie}" in tekst, pad
            assert "Gemeente Utrecht" in tekst, pad
    colofon = " ".join(" ".join(scans["over/"].tekst).split())
    assert f"gebouwd uit commit {bouw['commit']} van {bouw['datum']}" in colofon


def test_vormpagina_toont_alle_velden_uit_de_data(data, html_paginas):
    for vorm in data.vormen:
        html = html_paginas[f"kompas/vormen/{vorm.id}/"]
        for waarde in [
            vorm.wat_is_het,
            vorm.zeggenschap,
            vorm.eigenaar,
            vorm.wanneer_geschikt,
            *vorm.voorbeelden,
            *vorm.instrumenten,
        ]:
            assert escape(waarde) in html, f"{vorm.id}: {waarde!r}"


def test_principepagina_toont_tekst_en_citaten(data, html_paginas):
    for principe in data.principes:
        html = html_paginas[f"principes/{principe.id}/"]
        for alinea in principe.alineas + [a for o in principe.onderdelen for a in o.alineas]:
            assert escape(alinea) in html
        for citaat in principe.citaten:
            assert escape(citaat.tekst) in html
            if citaat.spreker:
                assert escape(citaat.spreker) in html


def test_tabellen_komen_uit_de_data(data, html_paginas):
    indicatoren = html_paginas["monitoring/indicatoren/"]
    for groep in data.indicatoren.groepen:
        for ind in groep.indicatoren:
            assert escape(ind.indicator) in indicatoren
    risicos = html_paginas["monitoring/risicos/"]
    for risico in data.risicos:
        assert escape(risico.omschrijving) in risicos and escape(risico.maatregelen) in risicos
    wijk = html_paginas["bijlage/wijkplatforms/"]
    for voorwaarde in data.wijkplatforms.voorwaarden:
        assert escape(voorwaarde) in wijk
    budget = data.wijkplatforms.ondersteuningsbudget
    assert f"€{euro(budget.per_wijkplatform)},-" in wijk and f"€ {euro(budget.totaal)},-" in wijk
    kompas = html_paginas["kompas/"]
    for vraag in data.kompas.vragen:
        assert escape(vraag.tekst) in kompas


# The theme's and Python-Markdown's English where the site is Dutch: the footnote's link back
# (footnotes' BACKLINK_TITLE) and two landmarks the theme's Dutch leaves in English.
ENGELS = ("Jump back to footnote", 'aria-label="Header"', 'aria-label="Footer"')


def test_geen_engelse_teksten_van_thema_of_markdown(gebouwde_site, html_paginas):
    paginas = dict(html_paginas, **{"404.html": (gebouwde_site / "404.html").read_text(encoding="utf-8")})
    gevonden = {pad: [e for e in ENGELS if e in html] for pad, html in paginas.items()}
    assert not {pad: e for pad, e in gevonden.items() if e}
    voetnoten = html_paginas["inleiding/"]
    assert 'title="Terug naar voetnoot 1 in de tekst"' in voetnoten
