"""The kompasteam's way of working, end to end on kompas 1.0 in a git repository: edit the
YAML, run `make versie` (the same command, `python -m macros versie`), commit; then CI's
first step (`python -m macros ci`) passes and its report shows the change. Without
`make versie` the check fails and prints the exact lines to add."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import PROJECT, git, kopieer_kompas10, pas_toe

WIJZIGINGEN = {
    "vraag-herformuleren": {
        "wijzigingen": [
            {
                "bestand": "kompas.yaml",
                "vervang": "      Is het nodig het vraagstuk eerst te verhelderen?",
                "door": "      Moet het vraagstuk eerst samen verhelderd worden?",
            }
        ],
        "rapport": ["**Anders geformuleerd:** `eerst-verhelderen`", "Versie van het kompas: 1.0 → **1.1**"],
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
        "rapport": [
            "**Nieuw, vraag 5** (`passende-regeling`)",
            "**Ander nummer:** `verder-onderzoeken`: vraag 7 → vraag 8",
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
        "rapport": [
            "| `ja/ja/nee/ja/nee` | Peilen | **Samen verkennen** |",
            "Versie van het kompas: 1.0 → **2.0**",
            "`vormen[id=samen-verkennen]`: **erbij**",
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
        "rapport": ["`totaal.bedragen[3]`: 409.060 → **419.060**", "Versie van het kompas: 1.0 (ongewijzigd)"],
        "geen_versie": True,
    },
    "voorbeeld-erbij": {
        "wijzigingen": [
            {"bestand": "vormen.yaml", "vervang": "      - U-festival", "door": "      - U-festival\n      - Moestuin"}
        ],
        "rapport": ["**erbij**: Moestuin", "Versie van het kompas: 1.0 (ongewijzigd)"],
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
    """A project with kompas 1.0 and its golden files on main."""
    bron = tmp_path_factory.mktemp("kompasteam") / "bron"
    kopieer_kompas10(bron / "kompas_data")
    git(bron, "init", "-q", "-b", "main")
    assert macros(bron, "gouden").returncode == 0
    git(bron, "add", ".")
    git(bron, "commit", "-q", "-m", "kompas 1.0")
    return bron


@pytest.fixture
def kloon(hoofdrepo, tmp_path) -> Path:
    kloon = tmp_path / "kloon"
    git(tmp_path, "clone", "-q", str(hoofdrepo), str(kloon))
    git(kloon, "checkout", "-q", "-b", "wijziging")
    return kloon


@pytest.mark.parametrize("naam", WIJZIGINGEN)
def test_wijzigen_met_make_versie_en_committen(kloon, naam):
    wijziging = WIJZIGINGEN[naam]
    pas_toe(kloon / "kompas_data", wijziging, naam)
    vastgelegd = macros(kloon, "versie", "--wat", f"Een wijziging: {naam}.")
    assert vastgelegd.returncode == 0, vastgelegd.stderr
    if wijziging.get("geen_versie"):
        assert "een nieuwe versie is niet nodig" in vastgelegd.stdout.lower()
    git(kloon, "add", "-A")
    git(kloon, "commit", "-q", "-m", naam)
    ci = macros(kloon, "ci", "--uit", str(kloon / "build" / "rapport.md"))
    assert ci.returncode == 0, ci.stdout + ci.stderr
    for tekst in wijziging["rapport"]:
        assert tekst in ci.stdout, f"{tekst!r} ontbreekt in:\n{ci.stdout}"
    assert "✅ De controle van kompas_data/ is in orde." in ci.stdout
    assert (kloon / "build" / "rapport.md").read_text(encoding="utf-8") == ci.stdout


def test_zonder_make_versie_noemt_de_controle_de_regels(kloon):
    pas_toe(kloon / "kompas_data", WIJZIGINGEN["route-naar-andere-vorm"], "zonder-versie")
    git(kloon, "commit", "-q", "-am", "in de webeditor, zonder make versie")
    ci = macros(kloon, "ci")
    assert ci.returncode == 1
    assert "## Dit moet eerst anders" in ci.stdout and "❌" in ci.stdout
    assert 'versie: "1.1"' in ci.stdout
    assert '      - {antwoorden: "ja/ja/ja", van: peilen, naar: burgerparticipatie}' in ci.stdout
    assert "Het nieuwe bestand kompas_data/archief/1.0.yaml met deze inhoud" in ci.stdout
    assert "zet het label 'versie vastleggen' erop" in ci.stdout  # the web editor's way (CI's version job)
    controle = macros(kloon, "controleer")
    assert controle.returncode == 1 and 'versie: "1.1"' in controle.stderr


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
