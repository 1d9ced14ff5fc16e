"""The outcome diff for reviewers, on pairs of real example data sets (tests/verschillen/)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import DATA, PROJECT, pas_toe

PAREN = sorted((Path(__file__).resolve().parent / "verschillen").glob("*.yaml"))


def verschil(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros", "verschil", *args], cwd=PROJECT,
                          capture_output=True, text=True)


@pytest.mark.parametrize("paar", PAREN, ids=lambda p: p.stem)
def test_verschil_op_een_paar_voorbeelden(paar, tmp_path):
    beschrijving = yaml.safe_load(paar.read_text(encoding="utf-8"))
    nieuw = tmp_path / "nieuw"
    nieuw.mkdir()
    for bestand in DATA.glob("*.yaml"):
        (nieuw / bestand.name).write_bytes(bestand.read_bytes())
    pas_toe(nieuw, beschrijving["nieuw"], paar.name)
    rapport = tmp_path / "rapport.md"
    resultaat = verschil("--oud-map", str(DATA), "--map", str(nieuw), "--uit", str(rapport))
    assert resultaat.returncode == beschrijving["code"], resultaat.stdout + resultaat.stderr
    for tekst in beschrijving.get("bevat", []):
        assert tekst in resultaat.stdout, f"{tekst!r} ontbreekt in:\n{resultaat.stdout}"
    for tekst in beschrijving.get("bevat_niet", []):
        assert tekst not in resultaat.stdout, f"{tekst!r} hoort niet in:\n{resultaat.stdout}"
    for tekst in beschrijving.get("uitvoer_bevat", []):
        assert tekst in resultaat.stderr, f"{tekst!r} ontbreekt in:\n{resultaat.stderr}"
    if resultaat.stdout:
        assert rapport.read_text(encoding="utf-8") == resultaat.stdout


@pytest.fixture
def repo(tmp_path):
    """A git repository with the real data on main and a branch that rewords a question."""
    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True,
                       env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
                            "GIT_COMMITTER_EMAIL": "t@t", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})

    git("init", "-q", "-b", "main")
    (tmp_path / "kompas_data").mkdir()
    for bestand in DATA.glob("*.yaml"):
        (tmp_path / "kompas_data" / bestand.name).write_bytes(bestand.read_bytes())
    git("add", ".")
    git("commit", "-q", "-m", "kompas 1.0")
    git("checkout", "-q", "-b", "wijziging")
    beschrijving = yaml.safe_load((PAREN[0].parent / "herformulering.yaml").read_text(encoding="utf-8"))
    pas_toe(tmp_path / "kompas_data", beschrijving["nieuw"], "herformulering")
    return tmp_path, git


def test_verschil_met_main_in_de_werkmap_en_tussen_revisies(repo):
    map, git = repo
    # Default: the merge base with main against the working tree (not yet committed).
    resultaat = verschil("--repo", str(map))
    assert resultaat.returncode == 0, resultaat.stderr
    assert "**Anders geformuleerd:** `eerst-verhelderen`" in resultaat.stdout
    assert "(gemeenschappelijk met main)" in resultaat.stdout
    git("commit", "-q", "-am", "kompas 1.1")
    resultaat = verschil("--repo", str(map), "--van", "main", "--naar", "wijziging")
    assert resultaat.returncode == 0, resultaat.stderr
    assert "Versie van het kompas: 1.0 → **1.1**" in resultaat.stdout
    resultaat = verschil("--repo", str(map), "--van", "wijziging", "--naar", "wijziging")
    assert "**Geen inhoudelijke wijziging**" in resultaat.stdout


def test_verschil_met_onbekende_revisie():
    resultaat = verschil("--van", "bestaat-niet-123")
    assert resultaat.returncode == 2
    assert "niet te lezen uit git" in resultaat.stderr
