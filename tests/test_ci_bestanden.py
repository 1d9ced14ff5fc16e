"""The CI files: valid for their forge (the schemas check-jsonschema ships); the report first
in a fast job of its own, then the tests and the preview; the version job started by its
label, without the pull request's text in a shell line; actions pinned by commit; old runs
of a pull request stopped, those of main not; the comment found by marker and author; and
the shell scripts clean for shellcheck."""

from __future__ import annotations

import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

from .conftest import PROJECT

# The forges' files and the version job: no change of the kompas can break these, so
# `make test-snel` (for the kompasteam) leaves them to `make test`.
pytestmark = pytest.mark.gereedschap

WORKFLOWS = PROJECT / ".github" / "workflows"
BESTANDEN = {
    "kompas.yml": ("vendor.github-workflows", WORKFLOWS / "kompas.yml"),
    "versie.yml": ("vendor.github-workflows", WORKFLOWS / "versie.yml"),
    ".gitlab-ci.yml": ("vendor.gitlab-ci", PROJECT / ".gitlab-ci.yml"),
}
LABEL = "versie vastleggen"


def lees(naam: str) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); the forges read it as "on".
    inhoud = yaml.safe_load(BESTANDEN[naam][1].read_text(encoding="utf-8"))
    if True in inhoud:
        inhoud["on"] = inhoud.pop(True)
    return inhoud


def gereedschap(naam: str) -> str:
    """A program the test needs: `make test` installs it (Makefile, target ci-gereedschap).
    Outside CI, `make test-snel` on a laptop may lack it: then the test is skipped."""
    pad = shutil.which(naam)
    if pad is None:
        if os.environ.get("CI"):
            pytest.fail(f"{naam} ontbreekt; `make ci-gereedschap` installeert het")
        pytest.skip(f"{naam} ontbreekt (make ci-gereedschap)")
    return pad


@pytest.mark.parametrize("naam", BESTANDEN)
def test_ci_bestand_past_in_het_schema_van_de_forge(naam):
    schema, pad = BESTANDEN[naam]
    resultaat = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(pad)],
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


def runs(job: dict) -> str:
    return "\n".join(s.get("run", "") for s in job["steps"])


def test_github_het_rapport_eerst_in_een_snelle_job_dan_tests_en_voorbeeld():
    jobs = lees("kompas.yml")["jobs"]
    rapport = jobs["rapport"]
    # On the runner itself, not in a container to pull, and nothing heavy installed.
    assert "container" not in rapport and ".ci/run rapport" in runs(rapport)
    assert "make" not in runs(rapport).replace(".ci/run rapport", "")
    assert "GITHUB_STEP_SUMMARY" in runs(rapport)
    reactie = next(s for s in rapport["steps"] if s.get("uses", "").startswith("actions/github-script"))
    assert "reactie.js" in reactie["with"]["script"] and "rapport.md" in reactie["with"]["script"]
    for naam, stap in (("tests", ".ci/run tests"), ("voorbeeld", ".ci/run voorbeeld")):
        assert jobs[naam]["needs"] == "rapport" and "!cancelled()" in jobs[naam]["if"]
        assert stap in runs(jobs[naam])
    upload = next(s for s in jobs["voorbeeld"]["steps"] if s.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"] == "build/voorbeeld/"
    assert next(s for s in rapport["steps"] if "checkout" in s.get("uses", ""))["with"]["fetch-depth"] == 0


def test_github_caches_voor_pip_en_apt():
    jobs = lees("kompas.yml")["jobs"]
    assert jobs["rapport"]["steps"][1]["with"]["cache"] == "pip"
    for naam in ("tests", "voorbeeld"):
        paden = [s["with"]["path"] for s in jobs[naam]["steps"] if "actions/cache/" in s.get("uses", "")]
        assert len(paden) == 2 and all("/var/cache/apt/archives" in p and ".cache/pip" in p for p in paden)
        assert "docker-clean" in runs(jobs[naam])  # Debian's image throws the packages away otherwise


def test_github_stopt_oude_runs_alleen_bij_een_pull_request():
    gelijktijdig = lees("kompas.yml")["concurrency"]
    assert gelijktijdig["cancel-in-progress"] == "${{ github.event_name == 'pull_request' }}"
    assert lees("versie.yml")["concurrency"]["cancel-in-progress"] is False


def test_de_versie_job_start_met_het_label_en_zet_de_titel_in_de_omgeving():
    versie = lees("versie.yml")
    assert versie["on"] == {"pull_request_target": {"types": ["labeled"]}}
    job = versie["jobs"]["versie"]
    assert job["if"] == f"github.event.label.name == '{LABEL}'"
    stap = next(s for s in job["steps"] if ".ci/versie" in s.get("run", ""))
    assert stap["env"]["KOMPAS_TITEL"] == "${{ github.event.pull_request.title }}"
    assert stap["env"]["KOMPAS_PR_REF"].startswith("refs/pull/")  # the change is fetched, not checked out
    assert "head.repo.full_name == github.repository" in stap["env"]["KOMPAS_DUW_NAAR"]  # forks: a file
    checkout = next(s for s in job["steps"] if "actions/checkout" in s.get("uses", ""))
    assert "ref" not in checkout.get("with", {})  # main's tools, never the pull request's
    scripts = "\n".join(s.get("with", {}).get("script", "") for s in job["steps"])
    assert "createWorkflowDispatch" in scripts and "createCommitStatus" in scripts and "removeLabel" in scripts
    assert set(job["permissions"]) == {"contents", "pull-requests", "statuses", "actions"}
    assert versie["permissions"] == {}


def test_geen_tekst_van_de_forge_in_een_shellregel():
    # `${{ … }}` in `run:` is pasted into the script before the shell reads it: a title such as
    # `"; curl … #` would run. Such values go through `env:`.
    for naam in ("kompas.yml", "versie.yml"):
        for job in lees(naam)["jobs"].values():
            for stap in job.get("steps", []):
                assert "${{" not in stap.get("run", ""), f"{naam}: {stap.get('name')}"
                assert "${{" not in stap.get("with", {}).get("script", ""), f"{naam}: {stap.get('name')}"


def test_acties_vastgepind_op_een_commit_met_de_versie_erbij():
    for naam in ("kompas.yml", "versie.yml"):
        regels = [r.strip() for r in BESTANDEN[naam][1].read_text(encoding="utf-8").splitlines()]
        gebruikt = [r for r in regels if re.match(r"^(- )?uses:", r)]
        assert gebruikt
        for regel in gebruikt:
            assert re.fullmatch(r"(- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+", regel), regel


def test_gitlab_rapport_eerst_onderbreekbaar_en_een_notitie():
    gitlab = lees(".gitlab-ci.yml")
    assert gitlab["stages"] == ["rapport", "tests"]
    assert gitlab["workflow"]["auto_cancel"]["on_new_commit"] == "interruptible"
    assert gitlab["variables"]["GIT_DEPTH"] == 0
    for naam, stap in (("rapport", "rapport"), ("tests", "tests"), ("voorbeeld", "tests")):
        assert gitlab[naam]["stage"] == stap and gitlab[naam]["script"] == [f".ci/run {naam}"]
        sjabloon = gitlab[
            gitlab[naam]["extends"] if isinstance(gitlab[naam]["extends"], str) else gitlab[naam]["extends"][0]
        ]
        regels = {r["if"]: r for r in sjabloon["rules"]}
        assert regels['$CI_PIPELINE_SOURCE == "merge_request_event"']["interruptible"] is True
        assert regels["$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"]["interruptible"] is False
    assert gitlab["rapport"]["after_script"] == ["python3 .ci/gitlab_notitie.py rapport build/ci/rapport.md"]
    assert "build/voorbeeld/" in gitlab["voorbeeld"]["artifacts"]["paths"]
    assert {".cache/pip", ".cache/apt"} <= set(gitlab[".installaties"]["cache"]["paths"])


def test_gitlab_versie_job_op_het_label():
    job = lees(".gitlab-ci.yml")["versie"]
    (regel,) = job["rules"]
    assert f"$CI_MERGE_REQUEST_LABELS =~ /(^|,){LABEL}(,|$)/" in regel["if"]
    script = job["script"][0]
    assert 'KOMPAS_TITEL="$CI_MERGE_REQUEST_TITLE"' in script and ".ci/versie" in script
    assert "KOMPAS_BOT_TOKEN" in script and "versie.patch" in str(job["artifacts"]["paths"])


def shellscripts() -> list[Path]:
    return sorted(
        p
        for p in (PROJECT / ".ci").iterdir()
        if p.is_file() and p.read_text(encoding="utf-8").startswith(("#!/usr/bin/env bash", "#!/bin/sh"))
    )


def test_shellcheck_vindt_niets():
    shellcheck = gereedschap("shellcheck")
    scripts = shellscripts()
    assert {p.name for p in scripts} >= {"run", "versie"}
    resultaat = subprocess.run([shellcheck, *map(str, scripts)], capture_output=True, text=True)
    assert resultaat.returncode == 0, resultaat.stdout


def test_shellcheck_keurt_een_fout_af(tmp_path):
    shellcheck = gereedschap("shellcheck")
    kapot = tmp_path / "kapot"
    kapot.write_text("#!/usr/bin/env bash\nrm -rf $MAP/*\n", encoding="utf-8")
    assert subprocess.run([shellcheck, str(kapot)], capture_output=True).returncode != 0


def nep_make(tmp_path: Path) -> tuple[dict, Path]:
    """A PATH whose `make` only writes down how it was called."""
    bin_map = tmp_path / "bin"
    bin_map.mkdir()
    log = tmp_path / "make.log"
    (bin_map / "make").write_text(f'#!/bin/sh\necho "$*" >> {log}\n', encoding="utf-8")
    (bin_map / "make").chmod(0o755)
    return {**os.environ, "PATH": f"{bin_map}:{os.environ['PATH']}"}, log


def test_ci_run_zonder_stap_doet_alles_in_volgorde(tmp_path):
    omgeving, log = nep_make(tmp_path)
    rapport = tmp_path / "rapport.md"
    uit = subprocess.run(
        [str(PROJECT / ".ci" / "run")], capture_output=True, text=True, env={**omgeving, "KOMPAS_RAPPORT": str(rapport)}
    )
    assert rapport.is_file(), uit.stdout + uit.stderr
    assert log.read_text().splitlines() == ["test", "--no-print-directory voorbeeld"]
    assert uit.stdout.index("Controle en verschilrapport") < uit.stdout.index("Alle tests")


def test_ci_run_rapport_wacht_op_geen_installatie(tmp_path):
    omgeving, log = nep_make(tmp_path)
    rapport = tmp_path / "rapport.md"
    subprocess.run(
        [str(PROJECT / ".ci" / "run"), "rapport"],
        capture_output=True,
        text=True,
        env={**omgeving, "KOMPAS_RAPPORT": str(rapport)},
    )
    assert rapport.is_file() and "## Controle (`make check`)" in rapport.read_text(encoding="utf-8")
    assert not log.exists(), "de rapportstap riep make aan"
    fout = subprocess.run([str(PROJECT / ".ci" / "run"), "alles-behalve"], capture_output=True, text=True)
    assert fout.returncode == 2 and "Onbekende stap 'alles-behalve'" in fout.stderr


REACTIE_PROEF = """
const reactie = require(process.argv[2]);
const [bestaand, bestand] = [JSON.parse(process.argv[3]), process.argv[4]];
const gedaan = [];
const github = {
  paginate: async () => bestaand,
  rest: { issues: {
    listComments: {},
    updateComment: async (a) => gedaan.push(['bijgewerkt', a.comment_id, a.body.length]),
    createComment: async (a) => gedaan.push(['nieuw', a.issue_number, a.body.length]),
  } },
};
const context = { repo: { owner: 'gemeente', repo: 'kompas' }, issue: { number: 7 }, serverUrl: 'https://forge.invalid', runId: 1 };
reactie({ github, context, delen: [bestand] }).then(() => console.log(JSON.stringify(gedaan)));
"""


def test_de_reactie_wordt_gevonden_op_kenmerk_en_auteur(tmp_path):
    node = gereedschap("node")
    proef = tmp_path / "proef.js"
    proef.write_text(REACTIE_PROEF, encoding="utf-8")
    rapport = tmp_path / "rapport.md"
    rapport.write_text("# Wat verandert er?\n", encoding="utf-8")
    kenmerk = "<!-- kompas-verschilrapport -->"

    def draai(reacties: list[dict]) -> list:
        uit = subprocess.run(
            [node, str(proef), str(PROJECT / ".github" / "scripts" / "reactie.js"), json.dumps(reacties), str(rapport)],
            capture_output=True,
            text=True,
        )
        assert uit.returncode == 0, uit.stderr
        return json.loads(uit.stdout)

    mens = {"id": 1, "user": {"login": "beleidsmedewerker"}, "body": f"{kenmerk}\nik citeer het rapport"}
    bot = {"id": 2, "user": {"login": "github-actions[bot]"}, "body": f"{kenmerk}\noud rapport"}
    assert draai([mens, bot]) == [["bijgewerkt", 2, len(kenmerk) + 1 + len("# Wat verandert er?\n")]]
    assert draai([mens]) == [["nieuw", 7, len(kenmerk) + 1 + len("# Wat verandert er?\n")]]


def test_een_te_lang_rapport_sluit_het_codeblok_en_verwijst_naar_de_samenvatting(tmp_path):
    node = gereedschap("node")
    rapport = tmp_path / "rapport.md"
    rapport.write_text("# Rapport\n\n```text\n" + "regel\n" * 20000 + "```\n", encoding="utf-8")
    proef = (
        f"const r = require({json.dumps(str(PROJECT / '.github' / 'scripts' / 'reactie.js'))});"
        f"console.log(r.tekst([{json.dumps(str(rapport))}], 'https://forge.invalid/run/1'));"
    )
    uit = subprocess.run([node, "-e", proef], capture_output=True, text=True)
    assert uit.returncode == 0, uit.stderr
    assert len(uit.stdout) <= 65536
    assert uit.stdout.count("\n```") % 2 == 0
    assert "Het hele rapport staat in de samenvatting van de run: https://forge.invalid/run/1" in uit.stdout


class NepGitLab(http.server.BaseHTTPRequestHandler):
    """Just enough of GitLab's API for .ci/gitlab_notitie.py: the token's user, the notes of a
    merge request (two pages), writing a note, and the merge request's labels."""

    notities: list[dict] = []
    verzoeken: list[tuple[str, str, object]] = []

    def log_message(self, *args):
        pass

    def antwoord(self, inhoud, koppen: dict | None = None):
        data = json.dumps(inhoud).encode()
        self.send_response(200)
        for k, v in (koppen or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def lichaam(self):
        return json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"null")

    def do_GET(self):
        assert self.headers["PRIVATE-TOKEN"] == "geheim"
        if self.path == "/api/v4/user":
            return self.antwoord({"id": 99})
        pagina = 2 if "page=2" in self.path else 1
        deel = self.notities[(pagina - 1) * 2 : pagina * 2]
        self.antwoord(deel, {"X-Next-Page": "2"} if pagina == 1 and len(self.notities) > 2 else {})

    def do_PUT(self):
        self.verzoeken.append(("PUT", self.path, self.lichaam()))
        self.antwoord({})

    def do_POST(self):
        self.verzoeken.append(("POST", self.path, self.lichaam()))
        self.antwoord({})


@pytest.fixture
def nep_gitlab():
    server = http.server.HTTPServer(("127.0.0.1", 0), NepGitLab)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    NepGitLab.verzoeken = []
    yield f"http://127.0.0.1:{server.server_port}/api/v4"
    server.shutdown()


def notitie(api: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(PROJECT / ".ci" / "gitlab_notitie.py"), *args],
        capture_output=True,
        text=True,
        env={
            "PATH": os.environ["PATH"],
            "CI_MERGE_REQUEST_IID": "5",
            "CI_PROJECT_ID": "12",
            "CI_API_V4_URL": api,
            "KOMPAS_BOT_TOKEN": "geheim",
            "CI_JOB_URL": "https://forge.invalid/job/1",
        },
    )


def test_gitlab_werkt_de_eigen_notitie_bij_ook_op_de_tweede_pagina(nep_gitlab, tmp_path):
    kenmerk = "<!-- kompas-verschilrapport -->"
    NepGitLab.notities = [
        {"id": 1, "author": {"id": 3}, "body": "ziet er goed uit"},
        {"id": 2, "author": {"id": 4}, "body": f"{kenmerk}\nik citeer het rapport"},
        {"id": 3, "author": {"id": 99}, "body": f"{kenmerk}\noud rapport"},
    ]
    rapport = tmp_path / "rapport.md"
    rapport.write_text("# Nieuw rapport\n", encoding="utf-8")
    uit = notitie(nep_gitlab, "rapport", str(rapport))
    assert uit.returncode == 0, uit.stderr
    assert NepGitLab.verzoeken == [
        ("PUT", "/api/v4/projects/12/merge_requests/5/notes/3", {"body": f"{kenmerk}\n# Nieuw rapport\n"})
    ]


def test_gitlab_maakt_een_notitie_als_de_bot_er_nog_geen_heeft_en_haalt_het_label_eraf(nep_gitlab, tmp_path):
    NepGitLab.notities = [{"id": 2, "author": {"id": 4}, "body": "<!-- kompas-versie -->\ngeciteerd"}]
    bericht = tmp_path / "versie.md"
    bericht.write_text("## Versie vastleggen\n", encoding="utf-8")
    uit = notitie(nep_gitlab, "versie", str(bericht), "--label-eraf", LABEL)
    assert uit.returncode == 0, uit.stderr
    assert NepGitLab.verzoeken == [
        ("PUT", "/api/v4/projects/12/merge_requests/5", {"remove_labels": LABEL}),
        (
            "POST",
            "/api/v4/projects/12/merge_requests/5/notes",
            {"body": "<!-- kompas-versie -->\n## Versie vastleggen\n"},
        ),
    ]
