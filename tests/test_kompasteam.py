"""The kompasteam's way of working, end to end on kompas 1.0 in a git repository: edit the
YAML, run `make versie` (the same command, `python -m macros versie`), commit; then CI's
first step (`python -m macros ci`) passes and its report shows the change, and the site built
from the change passes every check a change of the kompas can break: each text says where it
comes from (the note, the kompasteam's later version, the site), /nota/ and the PDF are still
the note as adopted, and axe finds nothing on the pages that changed. Without `make versie`
the check fails and says how the version gets recorded: the label in the web editor,
`make versie` in an own copy.

The changes are those BIJDRAGEN.md describes, on the frozen kompas 1.0 of tests/fixtures/, so
they test the way of working, not today's data. (bench/kompasteam.py runs the same changes on
the live data through the whole of .ci/run, in a shallow clone.)"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.data import adressen

from .conftest import NOTA_MAP, PROJECT, bouw_site, git, kopieer_kompas10, pas_toe, serveer
from .htmlscan import artikel
from .test_browser import AXE
from .test_eigen_tekst import (
    NIET_GEDEKT,
    WAT_TE_DOEN,
    genormaliseerd,
    ongemarkeerde_eigen_tekst,
    referenties,
    waar_staat,
)
from .test_nota_tekst import (
    NOTA_MAX_EIGEN,
    NOTA_MIN_GEVONDEN,
    NOTA_TEKST,
    PDF_MAX_EIGEN,
    PDF_MIN_GEVONDEN,
    inhoud_van_de_nota,
    pdf_als_nota,
    vergelijk,
    woorden,
    zonder_kompasteam_label,
    zonder_label,
)
from .test_opmaak import dubbele_linknamen

WIJZIGINGEN = {
    "vraag-herformuleren": {
        "wijzigingen": [
            {
                "bestand": "kompas.yaml",
                "vervang": "      Is het nodig het vraagstuk eerst te verhelderen?",
                "door": "      Moet het vraagstuk eerst samen verhelderd worden?",
            }
        ],
        "rapport": ["Vraag 8 (`eerst-verhelderen`) is anders geformuleerd", "Versie van het kompas: 1.0 → **1.1**"],
        "gemarkeerd": ("kompas/", "Moet het vraagstuk eerst samen verhelderd worden?", "Gewijzigd in versie 1.1"),
    },
    "wat-is-het-anders": {
        "wijzigingen": [
            {
                "bestand": "vormen.yaml",
                "vervang": "voert brede peiling uit",
                "door": "voert een brede peiling uit",
            }
        ],
        "rapport": ["`vorm 'peilen' › wat_is_het`", "Versie van het kompas: 1.0 → **1.1**"],
        "gemarkeerd": ("kompas/vormen/peilen/", "voert een brede peiling uit", "Gewijzigd in versie 1.1"),
    },
    "route-naar-andere-vorm": {
        "wijzigingen": [
            {
                "bestand": "kompas.yaml",
                "vervang": "    ja: {vorm: peilen}\n    nee: {vraag: bestuurlijke-ruimte}",
                "door": "    ja: {vorm: burgerparticipatie}\n    nee: {vraag: bestuurlijke-ruimte}",
            },
            {
                "bestand": "scenarios.yaml",
                "vervang": "      eerst-verhelderen: ja\n    verwacht: peilen\n",
                "door": "      eerst-verhelderen: ja\n    verwacht: burgerparticipatie\n",
            },
        ],
        "rapport": ["| `ja/ja/ja` | Peilen | **Burgerparticipatie** |", "Versie van het kompas: 1.0 → **1.1**"],
    },
    "vraag-in-het-midden": {
        "wijzigingen": [
            {
                "bestand": "kompas.yaml",
                "vervang": "    ja: {vorm: overheidsmiddelen}\n",
                "door": "    ja: {vraag: passende-regeling}\n",
            },
            {
                "bestand": "kompas.yaml",
                "vervang": "  - id: eigenaarschap-laten-groeien\n",
                "door": "  - id: passende-regeling\n    tekst: Is er een passende regeling?\n    ja: {vorm: overheidsmiddelen}\n"
                "    nee: {vorm: samen-aan-zet}\n\n  - id: eigenaarschap-laten-groeien\n",
            },
            {
                "bestand": "scenarios.yaml",
                "vervang": "      ondersteuning-nodig: ja\n    verwacht: overheidsmiddelen\n",
                "door": "      ondersteuning-nodig: ja\n      passende-regeling: ja\n    verwacht: overheidsmiddelen\n",
            },
            {
                "bestand": "scenarios.yaml",
                "vervang": "      ondersteuning-nodig: ja\n    verwacht: overheidsmiddelen\n",
                "door": "      ondersteuning-nodig: ja\n      passende-regeling: ja\n    verwacht: overheidsmiddelen\n",
            },
        ],
        "gemarkeerd": ("kompas/", "Is er een passende regeling?", "Nieuw in versie 2.0"),
        "rapport": [
            "Nieuwe vraag 5 (`passende-regeling`)",
            "Vraag 7 (`verder-onderzoeken`) is nu **vraag 8**.",
            "Versie van het kompas: 1.0 → **2.0**",
        ],
    },
    "achtste-vorm": {
        "wijzigingen": [
            {
                "bestand": "kompas.yaml",
                "vervang": "    ja: {vorm: burgerparticipatie}\n    nee: {vorm: peilen}\n",
                "door": "    ja: {vorm: burgerparticipatie}\n    nee: {vorm: samen-verkennen}\n",
            },
            {
                "bestand": "vormen.yaml",
                "vervang": "  - id: gemeente-aan-zet\n",
                "door": "  - id: samen-verkennen\n    titel: Samen verkennen\n    samenwerkingsvorm: true\n"
                "    wat_is_het: De gemeente en Utrechters verkennen samen de vraag.\n"
                "    zeggenschap: Beperkt.\n    zeggenschap_schaal: 1\n    eigenaar: Gemeente\n"
                "    wanneer_geschikt: Als er geen representatieve groep is.\n    voorbeelden: [Buurtgesprek]\n"
                "    instrumenten: []\n    principes: []\n"
                "    in_het_kort: De gemeente en Utrechters kijken samen naar de vraag.\n\n"
                "  - id: gemeente-aan-zet\n",
            },
        ],
        "gemarkeerd": (
            "kompas/vormen/samen-verkennen/",
            "De gemeente en Utrechters verkennen samen de vraag.",
            "Nieuw in versie 2.0",
        ),
        "rapport": [
            "| `ja/ja/nee/ja/nee` | Peilen | **Samen verkennen** |",
            "Versie van het kompas: 1.0 → **2.0**",
            "`vorm 'samen-verkennen'`: **erbij**",
        ],
    },
    "vorm-eraf": {
        "wijzigingen": [
            {
                "bestand": "kompas.yaml",
                "vervang": "    ja: {vorm: overheidsmiddelen}\n",
                "door": "    ja: {vorm: overheidsparticipatie}\n",
            },
            {
                "bestand": "scenarios.yaml",
                "vervang": "      ondersteuning-nodig: ja\n    verwacht: overheidsmiddelen\n",
                "door": "      ondersteuning-nodig: ja\n    verwacht: overheidsparticipatie\n",
            },
            {
                "bestand": "scenarios.yaml",
                "vervang": "      ondersteuning-nodig: ja\n    verwacht: overheidsmiddelen\n",
                "door": "      ondersteuning-nodig: ja\n    verwacht: overheidsparticipatie\n",
            },
        ],
        "knip": [
            {"bestand": "vormen.yaml", "van": "  - id: overheidsmiddelen\n", "tot": "  - id: overheidsparticipatie\n"}
        ],
        "rapport": [
            "| `nee/ja/ja/ja` | Overheidsmiddelen | **Overheidsparticipatie** |",
            "Versie van het kompas: 1.0 → **2.0**",
        ],
    },
    "bedrag-met-totaal": {
        "wijzigingen": [
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
        ],
        "rapport": [
            "`totaal › bedragen › jaar 2027`: 409.060 → **419.060**",
            "Versie van het kompas: 1.0 (ongewijzigd)",
        ],
        "gemarkeerd": ("monitoring/financien/", "80.000", "Gewijzigd na de nota"),
        "geen_versie": True,
    },
    "voorbeeld-erbij": {
        "wijzigingen": [
            {"bestand": "vormen.yaml", "vervang": "      - U-festival", "door": "      - U-festival\n      - Moestuin"}
        ],
        "rapport": ["**erbij**: Moestuin", "Versie van het kompas: 1.0 (ongewijzigd)"],
        "gemarkeerd": ("kompas/vormen/overheidsmiddelen/", "Moestuin", "Gewijzigd na de nota"),
        "geen_versie": True,
    },
}


def macros(gegevensmap: Path, *args: str) -> subprocess.CompletedProcess:
    """`python -m macros …` as the Makefile runs it, on the project in `gegevensmap`."""
    plekken = [
        "--repo",
        str(gegevensmap),
        "--map",
        str(gegevensmap / "kompas_data"),
        "--golden",
        str(gegevensmap / "tests" / "golden"),
    ]
    return subprocess.run(
        [sys.executable, "-m", "macros", args[0], *plekken, *args[1:]],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(PROJECT)},
    )


@pytest.fixture(scope="module")
def hoofdrepo(tmp_path_factory) -> Path:
    """A project with kompas 1.0 and its golden files on main, and kompas 1.0 once more as the
    note as adopted (as nota_vastgesteld/ is the live kompas_data/ at 1.0)."""
    bron = tmp_path_factory.mktemp("kompasteam") / "bron"
    kopieer_kompas10(bron / "kompas_data")
    kopieer_kompas10(bron / NOTA_MAP)
    git(bron, "init", "-q", "-b", "main")
    assert macros(bron, "gouden").returncode == 0
    git(bron, "add", ".")
    git(bron, "commit", "-q", "-m", "kompas 1.0")
    return bron


def maak_kloon(hoofdrepo: Path, map_: Path) -> Path:
    """A clone of main with a branch for the change, as the kompasteam makes one."""
    kloon = map_ / "kloon"
    git(map_, "clone", "-q", str(hoofdrepo), str(kloon))
    git(kloon, "checkout", "-q", "-b", "wijziging")
    return kloon


@pytest.fixture
def kloon(hoofdrepo, tmp_path) -> Path:
    return maak_kloon(hoofdrepo, tmp_path)


@dataclass(frozen=True)
class Gewijzigd:
    """A change made with only the guide's steps: edit, `make versie`, commit; and CI's report."""

    naam: str
    kloon: Path
    versie: subprocess.CompletedProcess
    ci: subprocess.CompletedProcess


@pytest.fixture(scope="module", params=list(WIJZIGINGEN))
def gewijzigd(request, hoofdrepo, tmp_path_factory) -> Gewijzigd:
    naam = request.param
    kloon = maak_kloon(hoofdrepo, tmp_path_factory.mktemp(naam))
    pas_toe(kloon / "kompas_data", WIJZIGINGEN[naam], naam)
    vastgelegd = macros(kloon, "versie", "--wat", f"Een wijziging: {naam}.")
    git(kloon, "add", "-A")
    git(kloon, "commit", "-q", "-m", naam)
    ci = macros(kloon, "ci", "--uit", str(kloon / "build" / "rapport.md"))
    return Gewijzigd(naam, kloon, vastgelegd, ci)


def test_wijzigen_met_make_versie_en_committen(gewijzigd):
    wijziging, ci = WIJZIGINGEN[gewijzigd.naam], gewijzigd.ci
    assert gewijzigd.versie.returncode == 0, gewijzigd.versie.stderr
    if wijziging.get("geen_versie"):
        assert "een nieuwe versie is niet nodig" in gewijzigd.versie.stdout.lower()
    assert ci.returncode == 0, ci.stdout + ci.stderr
    for tekst in wijziging["rapport"]:
        assert tekst in ci.stdout, f"{tekst!r} ontbreekt in:\n{ci.stdout}"
    assert "✅ De controle van kompas_data/ is in orde." in ci.stdout
    assert (gewijzigd.kloon / "build" / "rapport.md").read_text(encoding="utf-8") == ci.stdout


# --- The site of each change: every check a change of the kompas can break --------------------


def lees_paginas(site: Path) -> dict[str, str]:
    return {
        ("" if f.parent == site else f.parent.relative_to(site).as_posix() + "/"): f.read_text(encoding="utf-8")
        for f in sorted(site.rglob("index.html"))
    }


def als_de_nota(site: Path) -> tuple[str, str]:
    """/nota/ and the PDF as the comparison with the note reads them: without our own text."""
    html = (site / adressen.NOTA_PAD / "index.html").read_text(encoding="utf-8")
    return " ".join(woorden(inhoud_van_de_nota(html))), pdf_als_nota(site / adressen.PDF_NAAM, html)


@dataclass(frozen=True)
class Basis:
    """The site of kompas 1.0 itself: to see which pages a change touches, and the note."""

    paginas: dict[str, str]
    nota: tuple[str, str]


@pytest.fixture(scope="module")
def basis_site(hoofdrepo, tmp_path_factory) -> Basis:
    site = tmp_path_factory.mktemp("basis") / "site"
    resultaat = bouw_site(site, hoofdrepo / "kompas_data", nota_map=hoofdrepo / NOTA_MAP)
    assert resultaat.returncode == 0, resultaat.stderr
    return Basis(lees_paginas(site), als_de_nota(site))


@pytest.fixture(scope="module")
def gewijzigde_site(gewijzigd, hoofdrepo, tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp(f"site-{gewijzigd.naam}") / "site"
    resultaat = bouw_site(site, gewijzigd.kloon / "kompas_data", nota_map=hoofdrepo / NOTA_MAP)
    assert resultaat.returncode == 0, f"de bouw na de wijziging faalt:\n{resultaat.stderr}"
    return site


def test_elke_tekst_noemt_zijn_bron_na_de_wijziging(gewijzigd, gewijzigde_site, basis_site):
    # The note as adopted is here the frozen kompas 1.0 of tests/fixtures/, which is older than
    # some corrections of the live data: its words are the note's, as its own /nota/ shows them.
    nota = [*referenties(NOTA_TEKST.read_text(encoding="utf-8")), genormaliseerd(basis_site.nota[0])]
    fouten = []
    for pad, html in lees_paginas(gewijzigde_site).items():
        if "<article" not in html:
            continue
        zinnen = [] if pad in NIET_GEDEKT else ongemarkeerde_eigen_tekst(html, nota)
        waar = [waar_staat(zin, gegevens=gewijzigd.kloon / "kompas_data") for zin in zinnen]
        fouten += [f"/{pad}: {plek}: {zin[:120]}" for plek, zin in zip(waar, zinnen)]
        fouten += [f"/{pad}: zonder label: {e}" for e in zonder_label(html) + zonder_kompasteam_label(html)]
    assert not fouten, f"{gewijzigd.naam}:\n" + "\n".join(fouten[:40]) + "\n" + WAT_TE_DOEN


def test_geen_twee_links_met_dezelfde_naam_na_de_wijziging(gewijzigd, gewijzigde_site):
    """Two texts changed on one page (a post's amounts and the total) give two labels, each
    linking to its own line of the page of changes: each has a name of its own (WCAG 2.4.4)."""
    fouten = {
        pad or "/": d
        for pad, html in lees_paginas(gewijzigde_site).items()
        if "<article" in html and (d := dubbele_linknamen(html, pad))
    }
    assert not fouten, f"{gewijzigd.naam}: " + "; ".join(f"{pad}: {dict(d)}" for pad, d in list(fouten.items())[:5])


def test_de_wijziging_staat_gemarkeerd_op_de_site(gewijzigd, gewijzigde_site, basis_site):
    """A change of the note's text shows, with its label, where it changed; a reroute (our
    reading) and a new version leave the note's texts as they were."""
    verwacht = WIJZIGINGEN[gewijzigd.naam].get("gemarkeerd")
    if verwacht is None:  # the note's texts are as they were: nothing is the kompasteam's
        gemarkeerd = [pad for pad, html in lees_paginas(gewijzigde_site).items() if 'data-bron="kompasteam"' in html]
        assert not gemarkeerd, gemarkeerd
        return
    pad, tekst, label = verwacht
    html = (gewijzigde_site / pad / "index.html").read_text(encoding="utf-8")
    gemarkeerd = [" ".join(e.tekst().split()) for e in artikel(html).alle() if e.van_kompasteam]
    assert any(tekst in g and label in g for g in gemarkeerd), (pad, gemarkeerd)
    assert 'data-bron="kompasteam"' not in basis_site.paginas.get(pad, "")


def test_de_nota_en_de_pdf_blijven_de_nota(gewijzigd, gewijzigde_site, basis_site):
    """/nota/ and the PDF say, word for word, what they said before the change: the note as
    adopted (and so still the printed note, within the measure of test_nota_tekst)."""
    nota_tekst = NOTA_TEKST.read_text(encoding="utf-8")
    pagina_nu, pdf_nu = als_de_nota(gewijzigde_site)
    assert pagina_nu == basis_site.nota[0], vergelijk(basis_site.nota[0], pagina_nu).uitleg("/nota/")
    # In the PDF the marked line can move the pages: its page numbers are layout, not text.
    zonder_getallen = [" ".join(w for w in t.split() if not w.isdigit()) for t in (pdf_nu, basis_site.nota[1])]
    assert zonder_getallen[0] == zonder_getallen[1], vergelijk(basis_site.nota[1], pdf_nu).uitleg("pdf")
    pagina = vergelijk(nota_tekst, pagina_nu)
    assert pagina.gevonden >= NOTA_MIN_GEVONDEN and pagina.eigen <= NOTA_MAX_EIGEN, pagina.uitleg("/nota/")
    pdf = vergelijk(nota_tekst, pdf_nu)
    assert pdf.gevonden >= PDF_MIN_GEVONDEN and pdf.eigen <= PDF_MAX_EIGEN, pdf.uitleg("pdf")
    html = (gewijzigde_site / adressen.NOTA_PAD / "index.html").read_text(encoding="utf-8")
    # One marked line says the site shows something else since; with a version, which. (The
    # other marked line, above the flowchart's questions, is about our reading, not versions.)
    (regel,) = [" ".join(e.tekst().split()) for e in artikel(html).alle() if "kvz-sinds-de-nota" in e.klassen]
    assert "Deze nota beschrijft versie 1.0 van het kompas" in regel
    nieuwe_versie = not WIJZIGINGEN[gewijzigd.naam].get("geen_versie")
    assert ("de huidige versie is" in regel) == nieuwe_versie, regel


# Pages the axe test visits for each change: enough of each kind, not every walker state.
AXE_PER_SOORT = 2


def gewijzigde_paginas(basis: dict[str, str], nu: dict[str, str]) -> list[str]:
    """The pages a change added or altered, at most AXE_PER_SOORT of each kind of page: first
    those that show a text the kompasteam changed (every page changes a little with a new
    version: its footer names it)."""
    per_soort: dict[str, list[str]] = {}
    for pad, html in sorted(nu.items(), key=lambda p: 'data-bron="kompasteam"' not in p[1]):
        if basis.get(pad) != html:
            soort = (
                "wijzer-embed"
                if pad.startswith(adressen.EMBED_PAD)
                else "wijzer"
                if pad.startswith(adressen.WIJZER_PAD)
                else pad
            )
            per_soort.setdefault(soort, []).append(pad)
    return [pad for paden in per_soort.values() for pad in paden[:AXE_PER_SOORT]]


def test_axe_en_de_labels_op_de_gewijzigde_paginas(gewijzigd, gewijzigde_site, basis_site, browser):
    paden = gewijzigde_paginas(basis_site.paginas, lees_paginas(gewijzigde_site))
    assert paden, "de wijziging verandert geen enkele pagina"
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    overtredingen = {}
    verloren = {}
    with serveer(gewijzigde_site) as url:
        for pad in paden:
            page.goto(url + pad)
            if gevonden := [v["id"] for v in AXE.run(page).response["violations"]]:
                overtredingen[pad] = gevonden
            # The script enhances the page (the walker's form): it drops no label (some stand in
            # a closed disclosure, as the note's text of a vorm on an outcome does).
            html = (gewijzigde_site / pad / "index.html").read_text(encoding="utf-8")
            labels = len(re.findall(r'class="(?:[^"]* )?kvz-kompasteam__label[ "]', html))
            met_js = page.locator(".kvz-kompasteam__label").count()
            if met_js != labels:
                verloren[pad] = (labels, met_js)
    context.close()
    assert not overtredingen, f"{gewijzigd.naam}: {overtredingen}"
    assert not verloren, f"{gewijzigd.naam}: labels in de html en met JavaScript: {verloren}"


def test_zonder_make_versie_zegt_de_controle_kort_hoe_de_versie_erop_komt(kloon):
    """In the web editor the meaning changed without a version: the check says the one way
    that works (the label; `make versie` in an own copy) and pastes nothing to type in: a
    version typed in by hand never passes, as the golden files cannot be made by hand."""
    pas_toe(kloon / "kompas_data", WIJZIGINGEN["route-naar-andere-vorm"], "zonder-versie")
    git(kloon, "commit", "-q", "-am", "in de webeditor, zonder make versie")
    ci = macros(kloon, "ci")
    assert ci.returncode == 1
    assert "## Dit moet eerst anders" in ci.stdout and "❌" in ci.stdout
    controle = ci.stdout.split("## Controle (`make check`)", 1)[1]
    assert "Zo legt u versie 1.1 vast:" in controle
    assert "zet het label 'versie vastleggen' erop" in controle  # the web editor's way (CI's version job)
    assert "ziet u geen Labels, vraag dan de reviewer het label te zetten" in controle
    assert "met de titel als samenvatting" in controle
    assert 'draai `make versie WAT="wat er verandert, in één zin"`' in controle  # an own copy's way
    assert "Typ de versie niet zelf in de bestanden" in controle
    # No lines to paste: no version entry, no archive file, no fingerprint.
    for fragment in ('versie: "1.1"', "vingerafdruk", "archief/1.0.yaml", "{antwoorden:", "vragen:"):
        assert fragment not in ci.stdout, fragment
    assert len(controle.strip().splitlines()) <= 15, controle
    lokaal = macros(kloon, "controleer")
    assert lokaal.returncode == 1
    assert "Zo legt u versie 1.1 vast:" in lokaal.stderr and 'versie: "1.1"' not in lokaal.stderr


def test_een_nieuwe_vraag_is_een_hoofdversie_ook_in_de_melding(kloon):
    pas_toe(kloon / "kompas_data", WIJZIGINGEN["vraag-in-het-midden"], "zonder-versie")
    lokaal = macros(kloon, "controleer")
    assert lokaal.returncode == 1 and "Zo legt u versie 2.0 vast:" in lokaal.stderr


def test_gepubliceerde_vingerafdruk_overschrijven_valt_op_tegen_main(kloon):
    pas_toe(kloon / "kompas_data", WIJZIGINGEN["vraag-herformuleren"], "overschrijven")
    from macros.data import betekenis
    from macros.data.loader import laad_kompas_data

    data = laad_kompas_data(kloon / "kompas_data")
    wijzigingen = kloon / "kompas_data" / "wijzigingen.yaml"
    wijzigingen.write_text(
        wijzigingen.read_text(encoding="utf-8").replace(data.versies[0].vingerafdruk, betekenis.vingerafdruk(data)),
        encoding="utf-8",
    )
    shutil.rmtree(kloon / "tests")  # the golden files would tell too; this test is about the fingerprint
    git(kloon, "commit", "-q", "-am", "vingerafdruk overschreven")
    ci = macros(kloon, "ci")
    assert ci.returncode == 1
    assert "De vingerafdruk van versie 1.0 is veranderd" in ci.stdout
    assert "de vingerafdruk van de gepubliceerde versie 1.0 is veranderd" in ci.stdout


def test_versie_weigert_een_lagere_versie(kloon):
    pas_toe(kloon / "kompas_data", WIJZIGINGEN["vraag-herformuleren"], "lager")
    resultaat = macros(kloon, "versie", "--wat", "x", "--versie", "0.9")
    assert resultaat.returncode == 1 and "is niet hoger dan de vorige versie 1.0" in resultaat.stderr
