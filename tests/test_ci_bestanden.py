"""The CI files: valid for their forge (the schemas check-jsonschema ships), and they run
.ci/run, which gives the reviewer the check and the report before any test."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from .conftest import PROJECT

BESTANDEN = {
    "vendor.github-workflows": PROJECT / ".github" / "workflows" / "kompas.yml",
    "vendor.gitlab-ci": PROJECT / ".gitlab-ci.yml",
}


@pytest.mark.parametrize("schema", BESTANDEN)
def test_ci_bestand_past_in_het_schema_van_de_forge(schema):
    resultaat = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(BESTANDEN[schema])],
        capture_output=True,
        text=True,
    )
    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr


def test_schemacontrole_keurt_een_fout_af(tmp_path):
    # The check above must be able to fail: steps that are no list do not make a workflow.
    kapot = tmp_path / "kapot.yml"
    kapot.write_text('on: push\njobs:\n  x:\n    runs-on: 5\n    steps: "geen lijst"\n', encoding="utf-8")
    resultaat = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(kapot)],
        capture_output=True,
        text=True,
    )
    assert resultaat.returncode != 0


def test_beide_forges_draaien_ci_run_en_tonen_het_rapport():
    github = yaml.safe_load(BESTANDEN["vendor.github-workflows"].read_text(encoding="utf-8"))
    stappen = github["jobs"]["controle"]["steps"]
    runs = "\n".join(s.get("run", "") for s in stappen)
    assert ".ci/run" in runs and "GITHUB_STEP_SUMMARY" in runs
    assert any(s.get("uses", "").startswith("actions/github-script") for s in stappen)  # the PR comment
    assert any(
        s.get("uses", "").startswith("actions/upload-artifact") and "site/" in s["with"]["path"] for s in stappen
    )
    assert stappen[0]["with"]["fetch-depth"] == 0  # history, so the base can be found
    gitlab = yaml.safe_load(BESTANDEN["vendor.gitlab-ci"].read_text(encoding="utf-8"))["kompas"]
    assert gitlab["script"] == [".ci/run"] and gitlab["variables"]["GIT_DEPTH"] == 0
    assert "merge_requests" in gitlab["after_script"][0] and "site/" in gitlab["artifacts"]["paths"]


def test_ci_run_toont_eerst_het_rapport_en_faalt_aan_het_eind():
    regels = (PROJECT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    script = "\n".join(r for r in regels if not r.lstrip().startswith("#"))
    assert script.index("-m macros ci") < script.index("make test") < script.index("make --no-print-directory build")
    assert "set -e" not in script.replace("set -euo", "").replace("set -uo", "")  # every step runs
    assert script.rstrip().endswith('exit "$status"')
