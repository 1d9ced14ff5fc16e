"""Old kompaswijzer addresses keep their meaning (issue point 7): an address that an archived
version had and the current one has not gets a page saying what it gave in each such version,
instead of a redirect to question 1. On kompas 1.0 with the change sets of tests/verschillen/,
recorded as `make versie` records them; the pages rendered without a build (test_archief.py
builds one and looks at them in a browser and behind nginx)."""

from __future__ import annotations

import datetime
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from markupsafe import escape

from macros.data import adressen, betekenis, toestanden
from macros.data.loader import laad_kompas_data
from macros.review import versie
from macros.site import kompas, paginas, wijzer

from .conftest import kopieer_kompas10, pas_toe
from .htmlscan import LEEG, scan
from .test_eigen_tekst import ongemarkeerde_eigen_tekst, referenties
from .test_nota_tekst import NOTA_TEKST, zonder_label
from .test_render import geen_markup_uit_de_data, vijandig

VERSCHILLEN = Path(__file__).resolve().parent / "verschillen"
# Vraag 5 with nee now ends at Gemeente aan zet: from here on, 1.0's walk through vraag 7 is gone.
KORTER = "antwoord-eindigt-eerder"
VOOR_KORTER = ("nee", "ja", "nee", "nee")


def wijziging(naam: str) -> dict:
    """A change set of tests/verschillen/ (its `nieuw`), as pas_toe applies it."""
    return yaml.safe_load((VERSCHILLEN / f"{naam}.yaml").read_text(encoding="utf-8"))["nieuw"]


def omgekeerd(verandering: dict) -> dict:
    """The same replacements the other way round: the change undone."""
    return {"wijzigingen": [{**w, "vervang": w["door"], "door": w["vervang"]} for w in verandering["wijzigingen"]]}


def versies_na(map_: Path, *veranderingen: tuple[str, dict]):
    """Kompas 1.0 and then each change, each recorded as a new version (as `make versie` does)."""
    kopieer_kompas10(map_)
    for naam, verandering in veranderingen:
        vorige = laad_kompas_data(map_)
        pas_toe(map_, verandering, naam)
        versie.leg_vast(map_, vorige, f"Een wijziging: {naam}.", datum=datetime.date(2027, 3, 1))
    return laad_kompas_data(map_)


@pytest.fixture(scope="module")
def korter(tmp_path_factory):
    """1.0, then 1.1: vraag 5 with nee ends at once."""
    return versies_na(tmp_path_factory.mktemp("korter") / "data", (KORTER, wijziging(KORTER)))


@pytest.fixture(scope="module")
def drie_versies(tmp_path_factory):
    """1.0; 1.1: vraag 5 with nee ends at once; 2.0: vraag 8 taken out."""
    return versies_na(
        tmp_path_factory.mktemp("drie") / "data",
        (KORTER, wijziging(KORTER)),
        ("vraag-eraf", wijziging("vraag-eraf")),
    )


def per_adres(data) -> dict[tuple[str, ...], betekenis.VerdwenenAdres]:
    return {adres.antwoorden: adres for adres in betekenis.verdwenen_adressen(data)}


def huidige_adressen(data) -> set[tuple[str, ...]]:
    return {t.antwoorden for t in toestanden.toestanden(data.kompas)}


# --- Which addresses disappeared, and what they gave ------------------------------------------


def test_zonder_eerdere_versie_verdwijnt_geen_adres(kompas10):
    assert betekenis.verdwenen_adressen(kompas10) == []


def test_een_antwoord_dat_eerder_eindigt_laat_de_adressen_erachter_verdwijnen(korter, kompas10):
    verdwenen = per_adres(korter)
    achter = {
        t.antwoorden
        for t in toestanden.toestanden(kompas10.kompas)
        if t.antwoorden[: len(VOOR_KORTER)] == VOOR_KORTER and len(t.antwoorden) > len(VOOR_KORTER)
    }
    assert set(verdwenen) == achter and len(achter) == 12
    assert not set(verdwenen) & huidige_adressen(korter)
    nummers = ((1, "nee"), (2, "ja"), (3, "nee"), (5, "nee"))
    (uitkomst,) = verdwenen[(*VOOR_KORTER, "nee")].eerder
    assert uitkomst == betekenis.VroegereToestand(
        versie="1.0",
        soort="uitkomst",
        antwoorden=(*nummers, (7, "nee")),
        vorm_id="gemeente-aan-zet",
        vorm_titel="Gemeente aan zet",
    )
    (vraag,) = verdwenen[(*VOOR_KORTER, "ja")].eerder
    assert (vraag.soort, vraag.vraag_id, vraag.nummer, vraag.antwoorden) == (
        "vraag",
        "eerst-verhelderen",
        8,
        (*nummers, (7, "ja")),
    )
    assert vraag.vraag_tekst == kompas10.vraag("eerst-verhelderen").tekst
    # "Weet ik (nog) niet" at vraag 7: no vorm yet, the question left open.
    (open_,) = verdwenen[(*VOOR_KORTER, toestanden.WEET_NIET)].eerder
    assert (open_.soort, open_.vraag_id, open_.nummer, open_.antwoorden) == ("open", "verder-onderzoeken", 7, nummers)


def test_een_adres_dat_nu_iets_anders_toont_houdt_zijn_eigen_pagina(korter, tmp_path):
    # Was vraag 7, is now the outcome Gemeente aan zet: a state page of the current kompas.
    assert VOOR_KORTER not in per_adres(korter)
    assert toestanden.zoek_toestand(korter.kompas, VOOR_KORTER).soort == "uitkomst"
    # A question in between: 1.0's outcome nee/ja/ja/ja is a question now, every address remains.
    erbij = versies_na(tmp_path / "erbij", ("vraag-erbij", wijziging("vraag-erbij")))
    assert betekenis.verdwenen_adressen(erbij) == []
    assert toestanden.zoek_toestand(erbij.kompas, ("nee", "ja", "ja", "ja")).soort == "vraag"
    assert [e.versie for e in betekenis.eerdere_uitkomsten(erbij)["nee/ja/ja/ja"]] == ["1.0"]


def test_een_adres_dat_terugkomt_is_weer_een_gewone_toestand(tmp_path):
    terug = versies_na(tmp_path / "terug", (KORTER, wijziging(KORTER)), ("terug", omgekeerd(wijziging(KORTER))))
    assert [v.versie for v in terug.versies] == ["1.2", "1.1", "1.0"]
    assert betekenis.verdwenen_adressen(terug) == []


def test_in_meer_versies_de_nieuwste_eerst(drie_versies):
    assert [v.versie for v in drie_versies.versies] == ["2.0", "1.1", "1.0"]
    verdwenen = per_adres(drie_versies)
    assert not set(verdwenen) & huidige_adressen(drie_versies)
    # Vraag 10 after vraag 9 ja in 1.0 and in 1.1; gone with vraag 8 in 2.0.
    beide = verdwenen[("ja", "ja", "nee", "ja")].eerder
    assert [(e.versie, e.vraag_id, e.nummer) for e in beide] == [
        ("1.1", "representatieve-groep", 10),
        ("1.0", "representatieve-groep", 10),
    ]
    # Gone since 1.1 already: only 1.0 had it.
    assert [e.versie for e in verdwenen[(*VOOR_KORTER, "nee")].eerder] == ["1.0"]


def test_elk_verdwenen_adres_krijgt_een_pagina_die_nergens_mee_botst(drie_versies):
    gemaakt = [p.adres for p in paginas.alle(drie_versies)]
    assert len(gemaakt) == len(set(gemaakt))
    verdwenen = {adressen.toestand_pad(a, embed) for a in per_adres(drie_versies) for embed in (0, 1)}
    huidig = {adressen.toestand_pad(a, embed) for a in huidige_adressen(drie_versies) for embed in (0, 1)}
    assert verdwenen <= set(gemaakt)
    assert not verdwenen & huidig


# --- The page --------------------------------------------------------------------------------


def pagina(data, antwoorden: tuple[str, ...], embed: bool) -> tuple[str, str]:
    """(site path, HTML) of the page of a disappeared address, linked as the build links it."""
    pad = adressen.toestand_pad(antwoorden, embed)
    adres = per_adres(data)[antwoorden]
    return pad, wijzer.render_verdwenen(data, adres, lambda doel: adressen.relatieve_url(pad, doel), embed)


def links(pad: str, html: str) -> list[tuple[str, str, str, dict]]:
    """Every link: (site path it opens, anchor, text, attributes)."""
    uit = []
    for attrs, tekst in re.findall(r"<a ([^>]*)>(.*?)</a>", html):
        velden = dict(re.findall(r'([\w-]+)(?:="([^"]*)")?', attrs))
        doel = urlsplit(urljoin("http://site.test/" + pad, velden["href"]))
        uit.append((doel.path.lstrip("/"), doel.fragment, re.sub(r"<[^>]+>", "", tekst), velden))
    return uit


def regels(html: str) -> dict[str, str]:
    """The item of each version on the page, by version, in the page's order."""
    return dict(re.findall(r'<li data-kompas-verdwenen-versie="([^"]+)"[^>]*>(.*?)</li>', html))


@pytest.mark.parametrize("embed", [False, True], ids=["site", "embed"])
def test_de_pagina_zegt_per_versie_wat_het_adres_gaf(drie_versies, kompas10, embed):
    ids_van = {v: scan(kompas.render_versie_pagina(drie_versies, v, lambda d: "/" + d)).ids for v in ("1.1", "1.0")}

    uitkomst = (*VOOR_KORTER, "nee")
    pad, html = pagina(drie_versies, uitkomst, embed)
    assert list(regels(html)) == ["1.0"]
    assert "In versie 1.0 gaf deze route: <strong>Gemeente aan zet</strong>." in regels(html)["1.0"]
    (route,) = [(d, a) for d, a, tekst, _ in links(pad, regels(html)["1.0"]) if tekst.startswith("Bekijk")]
    assert route == (adressen.versie_pad("1.0"), adressen.pad_anker("nee/ja/nee/nee/nee"))
    assert route[1] in ids_van["1.0"]

    vraag = ("ja", "ja", "nee", "ja")
    pad, html = pagina(drie_versies, vraag, embed)
    assert list(regels(html)) == ["1.1", "1.0"]
    tekst = escape(kompas10.vraag("representatieve-groep").tekst)
    for v, regel in regels(html).items():
        assert f"In versie {v} stelde de kompaswijzer hier vraag 10: <q>{tekst}</q>" in regel
        assert "vraag 1 ja, vraag 7 ja, vraag 8 nee, vraag 9 ja." in regel
        (doel,) = [(d, a) for d, a, t, _ in links(pad, regel) if t.startswith("Bekijk vraag 10")]
        assert doel == (adressen.versie_pad(v), adressen.vraag_anker("representatieve-groep"))
        assert doel[1] in ids_van[v]

    open_ = (*VOOR_KORTER, toestanden.WEET_NIET)
    pad, html = pagina(drie_versies, open_, embed)
    regel = regels(html)["1.0"]
    assert "In versie 1.0 gaf dit adres nog geen vorm" in regel
    assert "vraag 7: <strong>Weet ik (nog) niet</strong>" in regel
    assert [(d, a) for d, a, t, _ in links(pad, regel)] == [
        (adressen.versie_pad("1.0"), adressen.vraag_anker("verder-onderzoeken"))
    ]


@pytest.mark.parametrize("embed", [False, True], ids=["site", "embed"])
def test_start_de_kompaswijzer_en_links_naar_de_site(drie_versies, embed):
    pad, html = pagina(drie_versies, (*VOOR_KORTER, "nee"), embed)
    alle = links(pad, html)
    (start,) = [(d, v) for d, _, tekst, v in alle if tekst == "Start de kompaswijzer"]
    assert start[0] == (adressen.EMBED_PAD if embed else adressen.WIJZER_PAD)
    # In the embed view the walker stays in the frame; a page of the site opens outside it,
    # saying so, as the other links from the embed do.
    assert "target" not in start[1]
    buiten = [(d, v, tekst) for d, _, tekst, v in alle if tekst != "Start de kompaswijzer"]
    assert {d for d, _, _ in buiten} == {adressen.versie_pad("1.0"), adressen.WIJZIGINGEN_PAD}
    for _, velden, tekst in buiten:
        assert (velden.get("target"), velden.get("rel")) == (("_blank", "noopener") if embed else (None, None))
        assert tekst.endswith(" (opent in een nieuw venster)") == embed
    assert 'data-kompas-toestand="verdwenen"' in html and ("data-kompas-embed" in html) == embed


class _Structuur(HTMLParser):
    """Enough of HTML's rules to catch a broken page: every element closed in order, no block
    inside a paragraph, every id once."""

    BLOK_IN_P = {"div", "p", "ul", "ol", "li", "h1", "h2", "h3", "section", "blockquote", "table", "pre"}

    def __init__(self):
        super().__init__()
        self.open: list[str] = []
        self.ids: list[str] = []
        self.fouten: list[str] = []

    def handle_starttag(self, tag, attrs):
        if "p" in self.open and tag in self.BLOK_IN_P:
            self.fouten.append(f"<{tag}> in <p>")
        self.ids += [waarde for naam, waarde in attrs if naam == "id"]
        if tag not in LEEG:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if not self.open or self.open[-1] != tag:
            self.fouten.append(f"</{tag}> sluit {self.open[-1:] or 'niets'}")
        else:
            self.open.pop()


@pytest.mark.parametrize("embed", [False, True], ids=["site", "embed"])
def test_de_pagina_is_geldige_html_met_een_kop(drie_versies, embed):
    for antwoorden in ((*VOOR_KORTER, "nee"), ("ja", "ja", "nee", "ja"), (*VOOR_KORTER, toestanden.WEET_NIET)):
        _, html = pagina(drie_versies, antwoorden, embed)
        structuur = _Structuur()
        structuur.feed(html)
        structuur.close()
        assert structuur.fouten == [] and structuur.open == [], (antwoorden, structuur.fouten, structuur.open)
        assert len(structuur.ids) == len(set(structuur.ids))
        # The page heading is the skip link's target, as on every state (paginas.verdwenen_pagina).
        assert scan(html).h1 == [wijzer.VERDWENEN_TITEL]
        assert f'<h1 id="{wijzer.KOP_ID}"' in html


def test_de_tekst_van_de_site_is_gemarkeerd(drie_versies):
    nota = referenties(NOTA_TEKST.read_text(encoding="utf-8"))
    for adres in betekenis.verdwenen_adressen(drie_versies):
        for embed in (False, True):
            html = "<article>" + pagina(drie_versies, adres.antwoorden, embed)[1] + "</article>"
            assert zonder_label(html) == [], adres.antwoorden
            assert ongemarkeerde_eigen_tekst(html, nota) == [], adres.antwoorden


def test_tekst_uit_het_archief_blijft_tekst(drie_versies):
    boos = vijandig(drie_versies)
    gezien = set()
    for adres in betekenis.verdwenen_adressen(boos):
        soorten = frozenset(e.soort for e in adres.eerder)
        if soorten <= gezien:
            continue
        gezien |= soorten
        for embed in (False, True):
            geen_markup_uit_de_data(wijzer.render_verdwenen(boos, adres, lambda d: "/" + d, embed))
    assert gezien == {"vraag", "uitkomst", "open"}
