"""The outcome report for reviewers, on pairs of data sets (tests/verschillen/): kompas 1.0 and
a change to it, recorded with `make versie` where the pair says so; and against git revisions,
where a missing base is an error, never "geen wijziging"."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
import yaml

from macros.data.loader import laad_kompas_data
from macros.review import gouden, versie

from .conftest import KOMPAS_10, PROJECT, git, kopieer_kompas10, pas_toe

PAREN = sorted((Path(__file__).resolve().parent / "verschillen").glob("*.yaml"))
VRAAG_8 = {
    "wijzigingen": [
        {
            "bestand": "kompas.yaml",
            "vervang": "      Is het nodig het vraagstuk eerst te verhelderen?",
            "door": "      Moet het vraagstuk eerst samen verhelderd worden?",
        }
    ]
}


def verschil(*args: str, cwd: Path = PROJECT, env: dict | None = None) -> subprocess.CompletedProcess:
    omgeving = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(PROJECT), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "macros", "verschil", *args], cwd=cwd, capture_output=True, text=True, env=omgeving
    )


def maak_paar(beschrijving: dict, gegevensmap: Path, naam: str) -> Path:
    kopieer_kompas10(gegevensmap)
    pas_toe(gegevensmap, beschrijving["nieuw"], naam)
    if "versie" in beschrijving:
        versie.leg_vast(
            gegevensmap, laad_kompas_data(KOMPAS_10), beschrijving["versie"], datum=datetime.date(2027, 3, 1)
        )
    if beschrijving.get("vingerafdruk_overschrijven"):
        from macros.data import betekenis

        nieuw = betekenis.vingerafdruk(laad_kompas_data(gegevensmap))
        wijzigingen = gegevensmap / "wijzigingen.yaml"
        oud = laad_kompas_data(gegevensmap).versies[0].vingerafdruk
        wijzigingen.write_text(wijzigingen.read_text(encoding="utf-8").replace(oud, nieuw), encoding="utf-8")
    return gegevensmap


@pytest.mark.parametrize("paar", PAREN, ids=lambda p: p.stem)
def test_verschil_op_een_paar_voorbeelden(paar, tmp_path):
    beschrijving = yaml.safe_load(paar.read_text(encoding="utf-8"))
    nieuw = maak_paar(beschrijving, tmp_path / "nieuw", paar.name)
    rapport = tmp_path / "rapport.md"
    resultaat = verschil("--oud-map", str(KOMPAS_10), "--map", str(nieuw), "--uit", str(rapport))
    assert resultaat.returncode == beschrijving["code"], resultaat.stdout + resultaat.stderr
    for tekst in beschrijving.get("bevat", []):
        assert tekst in resultaat.stdout, f"{tekst!r} ontbreekt in:\n{resultaat.stdout}"
    for tekst in beschrijving.get("bevat_niet", []):
        assert tekst not in resultaat.stdout, f"{tekst!r} hoort niet in:\n{resultaat.stdout}"
    for tekst in beschrijving.get("uitvoer_bevat", []):
        assert tekst in resultaat.stdout + resultaat.stderr, f"{tekst!r} ontbreekt in:\n{resultaat.stderr}"
    if resultaat.stdout:
        assert rapport.read_text(encoding="utf-8") == resultaat.stdout
        # Rendered as a forge renders it: no markup from the data, and the report's last
        # section is still there (a stray "<!--" would hide everything after it).
        html = markdown.markdown(resultaat.stdout, extensions=["tables"])
        assert "<script" not in html and "<!--" not in html
        koppen = [r[3:] for r in resultaat.stdout.splitlines() if r.startswith("## ")]
        if koppen:
            assert koppen[-1].split(" (")[0] in html


# --- Against git: the base is found, or the command says it cannot compare ------------------


@pytest.fixture
def repo(tmp_path):
    """A repository (main: kompas 1.0 and its golden files) and a clone on a branch that
    reroutes an answer, recorded as make versie does."""
    bron = tmp_path / "bron"
    kopieer_kompas10(bron / "kompas_data")
    gouden.schrijf(laad_kompas_data(bron / "kompas_data"), bron / "tests" / "golden")
    git(bron, "init", "-q", "-b", "main")
    git(bron, "add", ".")
    git(bron, "commit", "-q", "-m", "kompas 1.0")
    kloon = tmp_path / "kloon"
    git(tmp_path, "clone", "-q", str(bron), str(kloon))
    git(kloon, "checkout", "-q", "-b", "wijziging")
    beschrijving = yaml.safe_load((PAREN[0].parent / "andere-route.yaml").read_text(encoding="utf-8"))
    pas_toe(kloon / "kompas_data", beschrijving["nieuw"], "andere-route")
    versie.leg_vast(
        kloon / "kompas_data", laad_kompas_data(KOMPAS_10), "Andere route.", golden=kloon / "tests" / "golden"
    )
    git(kloon, "add", "-A")
    git(kloon, "commit", "-q", "-m", "kompas 1.1")
    return tmp_path, bron, kloon


def _rapport(gegevensmap: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    plekken = ["--map", str(gegevensmap / "kompas_data"), "--golden", str(gegevensmap / "tests" / "golden")]
    return verschil("--repo", str(gegevensmap), *plekken, *args, env=env)


def test_verschil_met_main(repo):
    _, _, kloon = repo
    resultaat = _rapport(kloon)
    assert resultaat.returncode == 0, resultaat.stderr
    assert "Vergeleken: **origin/main (gemeenschappelijk punt" in resultaat.stdout
    assert "## Paden met een andere uitkomst" in resultaat.stdout or "## Oude paden" in resultaat.stdout
    # As the reviewer sees it: the check under the report, as CI writes it for the comment.
    assert resultaat.stdout.rstrip().endswith("```")
    assert "## Controle (`make check`)\n\n✅ De controle van kompas_data/ is in orde." in resultaat.stdout


def test_verschil_is_wat_de_ci_schrijft(repo, tmp_path):
    """`make verschil` and CI's first step compose the same text: the reviewer's view, locally."""
    _, _, kloon = repo
    pas_toe(kloon / "kompas_data", VRAAG_8, "zonder versie")  # a problem, so the check has something to say
    lokaal = _rapport(kloon)
    plekken = ["--map", str(kloon / "kompas_data"), "--golden", str(kloon / "tests" / "golden")]
    ci = subprocess.run(
        [sys.executable, "-m", "macros", "ci", "--repo", str(kloon), *plekken, "--uit", str(tmp_path / "r.md")],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(PROJECT)},
    )
    assert lokaal.returncode == ci.returncode == 1
    assert lokaal.stdout == ci.stdout == (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "❌ De controle van kompas_data/ vond problemen." in lokaal.stdout
    assert "zet het label 'versie vastleggen' erop" in lokaal.stdout


def test_ondiepe_kloon_zonder_main_haalt_main_op_of_stopt(repo):
    tmp, bron, kloon = repo
    git(bron, "fetch", "-q", str(kloon), "wijziging:wijziging")
    ondiep = tmp / "ondiep"
    git(tmp, "clone", "-q", "--depth=1", "--single-branch", "--branch", "wijziging", f"file://{bron}", str(ondiep))
    assert "origin/main" not in git(ondiep, "branch", "-r")
    volledig = _rapport(kloon)
    resultaat = _rapport(ondiep)
    assert resultaat.returncode == 0, resultaat.stderr
    # Fetched main and found the same base: the same report (apart from the base's short id).
    assert resultaat.stdout.split("\n", 3)[3] == volledig.stdout.split("\n", 3)[3]
    # Without a way to fetch main, no guess: a clear message and a non-zero exit.
    afgesloten = tmp / "afgesloten"
    git(tmp, "clone", "-q", "--depth=1", "--single-branch", "--branch", "wijziging", f"file://{bron}", str(afgesloten))
    git(afgesloten, "remote", "set-url", "origin", str(tmp / "bestaat-niet"))
    resultaat = _rapport(afgesloten)
    assert resultaat.returncode == 2
    assert "geen basis om mee te vergelijken" in resultaat.stderr
    assert "Geen inhoudelijke wijziging" not in resultaat.stdout + resultaat.stderr


def test_basis_die_niet_te_laden_is_stopt(repo):
    _, bron, kloon = repo
    (bron / "kompas_data" / "vormen.yaml").write_text("vormen: [kapot\n", encoding="utf-8")
    git(bron, "commit", "-q", "-am", "kapotte basis")
    git(kloon, "fetch", "-q")
    resultaat = _rapport(kloon, "--van", "origin/main")
    assert resultaat.returncode == 2
    assert "niet te lezen, dus niet te vergelijken" in resultaat.stderr


def test_onbekende_revisie(repo):
    _, _, kloon = repo
    resultaat = _rapport(kloon, "--van", "bestaat-niet-123")
    assert resultaat.returncode == 2
    assert "bestaat niet" in resultaat.stderr


def test_basis_uit_de_forge(repo):
    _, bron, kloon = repo
    resultaat = _rapport(kloon, env={"GITHUB_BASE_REF": "main"})
    assert resultaat.returncode == 0 and "origin/main" in resultaat.stdout
    sha = git(bron, "rev-parse", "HEAD").strip()
    resultaat = _rapport(
        kloon, env={"CI_MERGE_REQUEST_DIFF_BASE_SHA": sha, "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main"}
    )
    assert resultaat.returncode == 0 and f"de basis van de merge request ({sha[:10]})" in resultaat.stdout


def test_op_main_zelf_zegt_het_rapport_dat(repo):
    _, bron, _ = repo
    resultaat = _rapport(bron)
    assert resultaat.returncode == 0, resultaat.stderr
    assert "dit is main zelf" in resultaat.stdout and "**Geen inhoudelijke wijziging**" in resultaat.stdout


def test_het_rapport_noemt_een_plek_zoals_de_controle(kompas10, tmp_path):
    # A member reads a place in the data in one notation, whichever tool shows it: the third
    # year is "jaar 2026", not "[2]" counted from zero.
    from macros.data.lezer import locatie
    from macros.review import verschilrapport

    gegevensmap = kopieer_kompas10(tmp_path / "d")
    pas_toe(
        gegevensmap,
        {
            "wijzigingen": [
                {
                    "bestand": "financien.yaml",
                    "vervang": "[90000, 90000, 90000, 0]",
                    "door": "[90000, 90000, 80000, 0]",
                },
                {
                    "bestand": "financien.yaml",
                    "vervang": "[499060, 499060, 499060, 409060]",
                    "door": "[499060, 499060, 489060, 409060]",
                },
                {"bestand": "principes.yaml", "vervang": "spreker: Ambtenaar", "door": "spreker: Een ambtenaar"},
            ]
        },
        "plekken",
    )
    nieuw = laad_kompas_data(gegevensmap)
    rapport = verschilrapport.vergelijk(kompas10, nieuw).tekst
    post = next(p for p in nieuw.financien.posten if p.id == "programmamanagement")
    principe = next(p for p in nieuw.principes if any(c.spreker == "Een ambtenaar" for c in p.citaten))
    citaat = next(i for i, c in enumerate(principe.citaten) if c.spreker == "Een ambtenaar")
    for plek in (
        locatie(post, "bedragen", 2).pad,
        locatie(nieuw.financien.totaal, "bedragen", 2).pad,
        locatie(principe.citaten[citaat], "spreker").pad,
    ):
        assert f"`{plek}`:" in rapport, (plek, rapport)
    assert "`post 'programmamanagement' › bedragen › jaar 2026`: 90.000 → **80.000**" in rapport
