"""Earlier versions stay verifiable (issue 15), end to end as the kompasteam works: on a clone
of a project with kompas 1.0, reroute an answer, record version 1.1 with the documented
command (`make versie`, i.e. `python -m macros versie`), build. Then 1.0 keeps its page and
its kompas.json, the live walker says what 1.0 gave on the rerouted address, and the
verantwoording links to the route on its own version's page. The same version ends another
walk sooner, so addresses of 1.0 disappear: each keeps a page saying what it gave (issue
point 7), in the site and in the embed, in a browser and behind nginx."""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from macros.data import adressen, betekenis, graaf, toestanden
from macros.data.loader import laad_kompas_data
from macros.site import wijzer
from macros.uitvoer import dist, kompas_json

from .conftest import PROJECT, bouw_site, git, pas_toe, serveer
from .nginx_server import Nginx, hoofdconfiguratie, vrije_poort
from .test_kompasteam import WIJZIGINGEN, hoofdrepo, macros  # noqa: F401 (hoofdrepo is a fixture)
from .test_nginx import vraag
from .test_verdwenen_adressen import KORTER, VOOR_KORTER, wijziging

pytestmark = pytest.mark.bouw

OMGELEID = "ja/ja/ja"  # the reroute of WIJZIGINGEN["route-naar-andere-vorm"]: Peilen -> Burgerparticipatie
WAT = "Vraag 8 met ja leidt nu naar Burgerparticipatie; vraag 5 met nee eindigt nu bij Gemeente aan zet."


@pytest.fixture(scope="module")
def kloon11(hoofdrepo, tmp_path_factory) -> Path:  # noqa: F811
    """A clone of the project with kompas 1.0, one answer rerouted, another ending sooner and
    version 1.1 recorded."""
    werk = tmp_path_factory.mktemp("archief")
    kloon = werk / "kloon"
    git(werk, "clone", "-q", str(hoofdrepo), str(kloon))
    git(kloon, "checkout", "-q", "-b", "omleiden")
    pas_toe(kloon / "kompas_data", WIJZIGINGEN["route-naar-andere-vorm"], "route-naar-andere-vorm")
    pas_toe(kloon / "kompas_data", wijziging(KORTER), KORTER)
    vastgelegd = macros(kloon, "versie", "--wat", WAT, "--versie", "1.1")
    assert vastgelegd.returncode == 0, vastgelegd.stdout + vastgelegd.stderr
    assert (kloon / "kompas_data" / "archief" / "1.0.yaml").is_file()
    return kloon


@pytest.fixture(scope="module")
def site11(kloon11) -> Path:
    site = kloon11.parent / "site"
    resultaat = bouw_site(site, kloon11 / "kompas_data")
    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr
    return site


def lees(site: Path, adres: str) -> str:
    return (site / adres / "index.html" if adres.endswith("/") or not adres else site / adres).read_text("utf-8")


def uitkomst(kompas: dict, antwoorden: str) -> str:
    """Walk a kompas.json: the vorm these answers end at."""
    vragen = {v["id"]: v for v in kompas["vragen"]}
    doel = {"vraag": kompas["start"]}
    for antwoord in antwoorden.split("/"):
        doel = vragen[doel["vraag"]][antwoord]
    return doel["vorm"]


def test_versie_10_houdt_haar_kompas_json(site11, kompas10):
    oud = json.loads(lees(site11, adressen.versie_json_pad("1.0")))
    toen = kompas_json.kompas_dict(kompas10)
    assert oud["versie"] == "1.0"
    # A version's own file holds the kompas' meaning; the site's explanation per question
    # (uitleg, voorbeeld) is only in the live kompas.json.
    assert (oud["start"], oud["vragen"]) == (toen["start"], [graaf.vraag_als_dict(v) for v in kompas10.kompas.vragen])
    assert [v["id"] for v in oud["vormen"]] == [v["id"] for v in toen["vormen"]]
    assert uitkomst(oud, OMGELEID) == "peilen"


def test_het_live_kompas_json_volgt_de_nieuwe_versie_en_noemt_de_oude(site11):
    nu = json.loads(lees(site11, "kompas.json"))
    assert nu["versie"] == "1.1"
    assert uitkomst(nu, OMGELEID) == "burgerparticipatie"
    assert [(v["versie"], v["huidig"]) for v in nu["versies"]] == [("1.1", True), ("1.0", False)]
    for v in nu["versies"]:
        assert (site11 / v["pagina"] / "index.html").is_file()
        assert json.loads(lees(site11, v["kompas_json"]))["versie"] == v["versie"]
    # The current version's own file is the meaning it will keep once archived.
    assert uitkomst(json.loads(lees(site11, adressen.versie_json_pad("1.1"))), OMGELEID) == "burgerparticipatie"


def _rij(html: str, antwoorden: str) -> str:
    anker = adressen.pad_anker(antwoorden)
    gevonden = re.search(rf'<tr [^>]*\bid="{anker}">(.*?)</tr>', html, re.S)
    assert gevonden, f"geen rij met id {anker}"
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", gevonden.group(1))))


def test_de_pagina_van_10_toont_de_oude_uitkomst_met_anker(site11):
    html = lees(site11, adressen.versie_pad("1.0"))
    rij = _rij(html, OMGELEID)
    assert "Peilen" in rij and "Burgerparticipatie" in rij, rij
    assert "Dezelfde uitkomst" in _rij(html, "ja/nee")
    assert "Dit is een eerdere versie van het kompas" in html
    assert WAT in unescape(html)
    # Its questions are 1.0's, numbered as 1.0 numbered them.
    assert '<strong data-bron="site">Vraag 1.</strong>' in html


def test_de_pagina_van_11_is_de_huidige(site11):
    html = lees(site11, adressen.versie_pad("1.1"))
    assert "Dit is de huidige versie van het kompas" in html
    assert "Burgerparticipatie" in _rij(html, OMGELEID)


def _doel(site: Path, pagina: str, href: str) -> tuple[str, str]:
    """A relative link on a page, resolved: (site path of the page it opens, anchor)."""
    deel = urlsplit(urljoin("http://x/" + pagina, href))
    return deel.path.lstrip("/"), deel.fragment


def test_de_live_uitkomst_zegt_wat_10_gaf(site11):
    pagina = adressen.toestand_pad(OMGELEID.split("/"))
    html = lees(site11, pagina)
    melding = re.search(r"<li data-kompas-eerder-versie=\"1.0\">(.*?)</li>", html, re.S)
    assert melding, "geen melding over versie 1.0"
    assert "In versie 1.0 gaf deze route: <strong>Peilen</strong>" in melding.group(1)
    href = re.search(r'href="([^"]+)"', melding.group(1)).group(1)
    doel, anker = _doel(site11, pagina, href)
    assert (doel, anker) == (adressen.versie_pad("1.0"), adressen.pad_anker(OMGELEID))
    assert f'id="{anker}"' in lees(site11, doel)
    # An address whose outcome did not change says nothing of it.
    assert "data-kompas-eerder" not in lees(site11, adressen.toestand_pad(["ja", "nee"]))


def test_de_verantwoording_noemt_de_route_in_haar_versie(site11):
    pagina = adressen.toestand_pad(OMGELEID.split("/"))
    html = lees(site11, pagina)
    regel = re.search(r'<span data-kompas-regel="versie-permalink" data-kompas-href="([^"]+)">(.*?)</span>', html, re.S)
    assert regel, "geen versie-permalink in de verantwoording"
    versie_route = f"/{adressen.versie_pad('1.1')}#{adressen.pad_anker(OMGELEID)}"
    assert versie_route in regel.group(2)
    assert _doel(site11, pagina, unescape(regel.group(1))) == (adressen.versie_pad("1.1"), adressen.pad_anker(OMGELEID))


def test_het_wijzigingenoverzicht_linkt_elke_versie(site11):
    pagina = "kompas/wijzigingen/"
    html = lees(site11, pagina)
    doelen = {_doel(site11, pagina, href)[0] for href in re.findall(r'href="([^"]+)"', html)}
    assert {adressen.versie_pad("1.0"), adressen.versie_pad("1.1")} <= doelen


AXE = Axe()


def test_axe_op_de_versiepaginas_en_de_melding(site11, browser):
    pagina = browser.new_page(viewport={"width": 390, "height": 844})
    overtredingen = {}
    with serveer(site11) as url:
        for adres in (
            adressen.versie_pad("1.0"),
            adressen.versie_pad("1.1"),
            adressen.toestand_pad(["ja", "ja", "ja"]),
            # Addresses only 1.0 had: an outcome, a question and "weet ik (nog) niet".
            adressen.toestand_pad((*VOOR_KORTER, "nee")),
            adressen.toestand_pad((*VOOR_KORTER, "nee"), embed=True),
            adressen.toestand_pad((*VOOR_KORTER, "ja")),
            adressen.toestand_pad((*VOOR_KORTER, toestanden.WEET_NIET), embed=True),
        ):
            pagina.goto(url + adres)
            overtredingen[adres] = [v["id"] for v in AXE.run(pagina).response["violations"]]
        # The verantwoording the browser fills in has the full address of the route (in the
        # part for staff, closed on the site).
        pagina.goto(url + adressen.toestand_pad(OMGELEID.split("/")))
        tekst = pagina.locator("[data-kompas-verantwoording]").text_content()
    pagina.close()
    assert not any(overtredingen.values()), overtredingen
    assert f"{url}{adressen.versie_pad('1.1')}#{adressen.pad_anker(OMGELEID)}" in tekst


def _wortel(html: str) -> str:
    """The walker's part of a page: what the templates wrote, without the theme around it."""
    return html.split("data-kompas-wijzer", 1)[1].split("data-kompas-teksten", 1)[0]


def test_een_verdwenen_adres_houdt_een_eigen_pagina(site11, kloon11):
    data = laad_kompas_data(kloon11 / "kompas_data")
    verdwenen = betekenis.verdwenen_adressen(data)
    assert len(verdwenen) == 12
    for embed in (False, True):
        basis = site11 / (adressen.EMBED_PAD if embed else adressen.WIJZER_PAD)
        gebouwd = {p.parent.relative_to(site11).as_posix() + "/" for p in basis.rglob("index.html")}
        huidig = {adressen.toestand_pad(t.antwoorden, embed) for t in toestanden.toestanden(data.kompas)}
        oud = {adressen.toestand_pad(a.antwoorden, embed) for a in verdwenen}
        assert gebouwd == huidig | oud and not huidig & oud
        for pagina in oud:
            html = lees(site11, pagina)
            assert 'data-kompas-toestand="verdwenen"' in html and 'data-module="kompas-onbekend"' not in html
            assert f"<title>{wijzer.VERDWENEN_TITEL}" in html
            # No menu: none at all in the embed, hidden in the site (as on a state page).
            assert ("md-sidebar--primary" not in html) if embed else ('data-md-type="navigation" hidden' in html)
            # Every link leads to a page of the site, and to an anchor that is on it.
            for href in re.findall(r'href="([^"]+)"', _wortel(html)):
                doel, anker = _doel(site11, pagina, unescape(href))
                assert (site11 / doel / "index.html").is_file(), (pagina, href)
                assert not anker or f'id="{anker}"' in lees(site11, doel), (pagina, href)
    # The address that was vraag 7 in 1.0 is an outcome now: its own state page, not this one.
    assert 'data-kompas-toestand="uitkomst"' in lees(site11, adressen.toestand_pad(VOOR_KORTER))
    index = json.loads(lees(site11, "search/search_index.json"))
    gezocht = {d["location"].split("#")[0] for d in index["docs"]}
    assert not gezocht & {adressen.toestand_pad(a.antwoorden, embed) for a in verdwenen for embed in (False, True)}


@pytest.mark.parametrize("embed", [False, True], ids=["site", "embed"])
def test_een_verdwenen_adres_leidt_niet_naar_de_eerste_vraag(site11, browser, embed):
    # With JavaScript: the not-found script leaves the page alone (it is no 404), and "Start de
    # kompaswijzer" starts the current walker, in the embed inside its own view.
    pagina = browser.new_page()
    fouten = []
    pagina.on("pageerror", lambda e: fouten.append(str(e)))
    oud = adressen.toestand_pad((*VOOR_KORTER, "nee"), embed)
    with serveer(site11) as url:
        pagina.goto(url + oud)
        pagina.wait_for_load_state("networkidle")
        assert pagina.url == url + oud
        assert pagina.inner_text("h1") == wijzer.VERDWENEN_TITEL
        assert "In versie 1.0 gaf deze route: Gemeente aan zet." in pagina.inner_text("[data-kompas-verdwenen-versie]")
        pagina.click("[data-kompas-start-knop]")
        pagina.wait_for_selector("[data-kompas-toestand='vraag']")
        assert pagina.url == url + (adressen.EMBED_PAD if embed else adressen.WIJZER_PAD)
        # Back again: the script swaps the old address's page in, its heading in focus.
        pagina.go_back()
        pagina.wait_for_selector("[data-kompas-toestand='verdwenen']")
        assert pagina.url == url + oud
        assert pagina.evaluate("document.activeElement.id") == "kompas-verdwenen"
    pagina.close()
    assert not fouten, fouten


@pytest.fixture(scope="module")
def nginx11(site11):
    """The site of 1.1 behind a real nginx, with the configuration `make dist` writes. In a
    folder of our own under /tmp, open to nginx's workers (see conftest.dist)."""
    basis = Path(tempfile.mkdtemp(prefix="kompas-archief-"))
    site = basis / "site"
    shutil.copytree(site11, site)
    dist.maak_leesbaar(basis)
    poort = vrije_poort()
    instellingen = dist.controleer_instellingen(listen=f"127.0.0.1:{poort}")
    dist.schrijf_deploy(PROJECT / "deploy", basis / "deploy", site, instellingen)
    server = Nginx(hoofdconfiguratie(basis, basis / "deploy" / "kompas.conf"), f"http://127.0.0.1:{poort}/")
    server.start()
    yield server.url
    server.stop()
    shutil.rmtree(basis, ignore_errors=True)


@pytest.mark.nginx
def test_nginx_serveert_een_verdwenen_adres_als_pagina(nginx11):
    for embed in (False, True):
        oud = "/" + adressen.toestand_pad((*VOOR_KORTER, toestanden.WEET_NIET), embed)
        antwoord = vraag(nginx11, oud)
        assert antwoord.status == 200, oud
        assert wijzer.VERDWENEN_TITEL in antwoord.inhoud.decode()
        # An address no version had still leads to the first question.
        start = "/" + (adressen.EMBED_PAD if embed else adressen.WIJZER_PAD)
        antwoord = vraag(nginx11, start + "misschien/")
        assert (antwoord.status, antwoord.getheader("Location")) == (302, start)


@pytest.mark.parametrize(
    "vervang, door, melding",
    [
        # Hostile and broken: the loader stops it, naming the file and the key path.
        ("ja: {vorm: peilen}", "ja: {vorm: <script>alert(1)</script>}", "archief/1.0.yaml"),
        # Valid but edited by hand: the fingerprint recorded for 1.0 no longer fits.
        (
            'tekst: "Is het nodig het vraagstuk eerst te verhelderen?"',
            'tekst: "Is het nodig?"',
            "archief/1.0.yaml past niet",
        ),
    ],
)
def test_een_bewerkt_archief_laat_de_bouw_falen(kloon11, tmp_path, vervang, door, melding):
    gegevens = tmp_path / "kompas_data"
    shutil.copytree(kloon11 / "kompas_data", gegevens)
    archief = gegevens / "archief" / "1.0.yaml"
    tekst = archief.read_text(encoding="utf-8")
    assert vervang in tekst, f"{vervang!r} staat niet in het archief; werk de test bij"
    archief.write_text(tekst.replace(vervang, door, 1), encoding="utf-8")
    resultaat = bouw_site(tmp_path / "site", gegevens)
    assert resultaat.returncode != 0
    assert melding in resultaat.stdout + resultaat.stderr
    assert not (tmp_path / "site").exists()
