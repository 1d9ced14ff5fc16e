"""CI's version job (`.ci/versie`, `python -m macros vastleggen`) and the checks that lead
to it, end to end in git repositories as a forge has them: an origin with main, a branch
changed in the web editor, and main moving on meanwhile.

- the label's job records the version with the pull request's title and pushes it; the
  branch then passes CI's check;
- two changes that both record 1.1: CI's check says so in Dutch and what to do; the job
  merges main and records the next version; the local steps the message gives work too;
- a real conflict in the content stops with every file named and what to choose in each;
  choosing that on the forge and the label again records the next version;
- `make check` and `make verschil` see main's version too, as CI does, and say when they
  could not compare;
- a fork gets the commit as a file that applies with the command the message gives;
- a placeholder summary and a forge's default title are refused; every golden file that
  differs is named.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from macros.review import vastleggen

from .conftest import PROJECT, git, kopieer_kompas10, pas_toe

# The forges' files and the version job: no change of the kompas can break these, so
# `make test-snel` (for the kompasteam) leaves them to `make test`.
pytestmark = pytest.mark.gereedschap

VRAAG_8 = {
    "wijzigingen": [
        {
            "bestand": "kompas.yaml",
            "vervang": "      Is het nodig het vraagstuk eerst te verhelderen?",
            "door": "      Moet het vraagstuk eerst samen verhelderd worden?",
        }
    ]
}
VRAAG_4 = {
    "wijzigingen": [
        {
            "bestand": "kompas.yaml",
            "vervang": "      Hebben Utrechters ondersteuning (subsidie of faciliteiten) nodig",
            "door": "      Hebben Utrechters steun (subsidie of faciliteiten) nodig",
        }
    ]
}
VRAAG_8_ANDERS = {
    "wijzigingen": [
        {
            "bestand": "kompas.yaml",
            "vervang": "      Is het nodig het vraagstuk eerst te verhelderen?",
            "door": "      Moet de vraag eerst verhelderd worden?",
        }
    ]
}
TITEL = "Vraag 8 vraagt nu of het vraagstuk eerst samen verhelderd moet worden."
IDENTITEIT = {
    "GIT_AUTHOR_NAME": "kompasteam",
    "GIT_AUTHOR_EMAIL": "k@t",
    "GIT_COMMITTER_NAME": "kompasteam",
    "GIT_COMMITTER_EMAIL": "k@t",
}


def python_m_macros(repo: Path, *args: str, **omgeving: str) -> subprocess.CompletedProcess:
    """`python -m macros …` on the project in `repo`, as CI runs it (tools from this checkout)."""
    plekken = ["--repo", str(repo), "--map", str(repo / "kompas_data"), "--golden", str(repo / "tests" / "golden")]
    return subprocess.run(
        [sys.executable, "-m", "macros", args[0], *plekken, *args[1:]],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(PROJECT), "HOME": str(repo), **IDENTITEIT, **omgeving},
    )


def versie_job(werk: Path, uit: Path, **omgeving: str) -> subprocess.CompletedProcess:
    """`.ci/versie` as the forge's job runs it, on the change checked out in `werk`."""
    return subprocess.run(
        [str(PROJECT / ".ci" / "versie")],
        capture_output=True,
        text=True,
        env={
            "PATH": os.environ["PATH"],
            "HOME": str(werk.parent),
            "KOMPAS_WERK": str(werk),
            "KOMPAS_UIT": str(uit),
            "KOMPAS_DOEL": "main",
            "KOMPAS_TITEL": TITEL,
            **omgeving,
        },
    )


def versies(repo: Path, rev: str = "HEAD") -> list[tuple[str, str]]:
    tekst = git(repo, "show", f"{rev}:kompas_data/wijzigingen.yaml")
    return [(v["versie"], v["samenvatting"]) for v in yaml.safe_load(tekst)["versies"]]


@pytest.fixture(scope="module")
def sjabloon(tmp_path_factory) -> Path:
    """The forge's repository, made once: main with kompas 1.0 and its golden files."""
    werk = tmp_path_factory.mktemp("sjabloon")
    bron = werk / "bron"
    kopieer_kompas10(bron / "kompas_data")
    git(bron, "init", "-q", "-b", "main")
    assert python_m_macros(bron, "gouden").returncode == 0
    git(bron, "add", ".")
    git(bron, "commit", "-q", "-m", "kompas 1.0")
    kaal = werk / "origin.git"
    git(werk, "clone", "-q", "--bare", str(bron), str(kaal))
    return kaal


@pytest.fixture
def origin(sjabloon, tmp_path) -> Path:
    """A copy of it for each test: the tests push to it."""
    return Path(shutil.copytree(sjabloon, tmp_path / "origin.git"))


def kloon(origin: Path, doel: Path, tak: str | None = None) -> Path:
    git(origin.parent, "clone", "-q", str(origin), str(doel))
    if tak:
        git(doel, "checkout", "-q", "-b", tak)
    return doel


def in_de_webeditor(origin: Path, doel: Path, wijziging: dict, tak: str = "wijziging") -> Path:
    """A branch with a change made in the web editor: the YAML only, no version, pushed."""
    repo = kloon(origin, doel, tak)
    pas_toe(repo / "kompas_data", wijziging, tak)
    git(repo, "commit", "-q", "-am", "Update kompas.yaml")
    git(repo, "push", "-q", "origin", tak)
    return repo


def op_main_vastgelegd(origin: Path, doel: Path, wijziging: dict, wat: str) -> None:
    """Another change, merged into main meanwhile with its own version (make versie)."""
    repo = kloon(origin, doel)
    pas_toe(repo / "kompas_data", wijziging, "main")
    assert python_m_macros(repo, "versie", "--wat", wat).returncode == 0
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", wat)
    git(repo, "push", "-q", "origin", "main")


def test_het_label_legt_de_versie_vast_met_de_titel_en_zet_hem_op_de_branch(origin, tmp_path):
    werk = in_de_webeditor(origin, tmp_path / "job", VRAAG_8)
    voor = python_m_macros(werk, "ci")
    assert voor.returncode == 1 and "versie vastleggen" in voor.stdout  # the report names the label

    job = versie_job(werk, tmp_path / "uit", KOMPAS_DUW_NAAR="wijziging", KOMPAS_CONTROLEER="1")
    assert job.returncode == 0, job.stdout + job.stderr

    bericht = (tmp_path / "uit" / "versie.md").read_text(encoding="utf-8")
    assert (
        f'Versie 1.1 is vastgelegd, na versie 1.0. De samenvatting is de titel van de pull request: "{TITEL}"'
        in bericht
    )
    assert "staat op de branch wijziging" in bericht
    assert versies(origin, "wijziging")[0] == ("1.1", TITEL)
    assert (
        git(origin, "log", "-1", "--format=%an %s", "wijziging").strip() == f"kompas-ci Versie 1.1 vastgelegd: {TITEL}"
    )
    # The golden files are the job's too: the route through question 8 reads the new text.
    gouden = git(origin, "show", "wijziging:tests/golden/uitkomsten/ja-ja-ja.md")
    assert "Moet het vraagstuk eerst samen verhelderd worden?" in gouden
    # The job checked its own commit: the forge starts no new run for a push by its own token.
    rapport = (tmp_path / "uit" / "rapport.md").read_text(encoding="utf-8")
    assert "✅ De controle van kompas_data/ is in orde." in rapport

    nieuw = kloon(origin, tmp_path / "nieuw")
    git(nieuw, "checkout", "-q", "wijziging")
    assert python_m_macros(nieuw, "ci").returncode == 0


def test_nog_een_keer_het_label_zonder_wijziging_maakt_geen_commit(origin, tmp_path):
    werk = in_de_webeditor(origin, tmp_path / "job", VRAAG_8)
    assert versie_job(werk, tmp_path / "uit", KOMPAS_DUW_NAAR="wijziging").returncode == 0
    tweede = versie_job(werk, tmp_path / "uit2", KOMPAS_DUW_NAAR="wijziging")
    assert tweede.returncode == 0, tweede.stderr
    assert "Er was niets te veranderen: geen commit." in (tmp_path / "uit2" / "versie.md").read_text(encoding="utf-8")


def _vastgelegd_en_main_ook(origin: Path, tmp_path: Path, op_main: str = "Vraag 4 zegt steun.") -> Path:
    """This branch recorded 1.1 with make versie and committed; main recorded its own 1.1
    meanwhile (summary `op_main`), fetched."""
    werk = kloon(origin, tmp_path / "lokaal", "wijziging")
    pas_toe(werk / "kompas_data", VRAAG_8, "hier")
    assert python_m_macros(werk, "versie", "--wat", TITEL).returncode == 0
    git(werk, "add", "-A")
    git(werk, "commit", "-q", "-m", "versie 1.1")
    op_main_vastgelegd(origin, tmp_path / "ander", VRAAG_4, op_main)
    git(werk, "fetch", "-q", "origin")
    return werk


def test_twee_keer_versie_1_1_de_controle_zegt_het_en_het_label_lost_het_op(origin, tmp_path):
    # This branch records 1.1 locally (make versie); meanwhile main records its own 1.1.
    werk = _vastgelegd_en_main_ook(origin, tmp_path, "Vraag 4 zegt steun in plaats van ondersteuning.")

    ci = python_m_macros(werk, "ci")
    assert ci.returncode == 1
    assert "Versie 1.1 is intussen ook op main vastgelegd, voor een andere wijziging" in ci.stdout
    assert "Vraag 4 zegt steun in plaats van ondersteuning." in ci.stdout
    assert "zet het label 'versie vastleggen' op de pull request" in ci.stdout
    assert "`git merge origin/main`" in ci.stdout

    job = versie_job(werk, tmp_path / "uit", KOMPAS_DUW_NAAR="wijziging")
    assert job.returncode == 0, job.stdout + job.stderr
    assert "De CI heeft main met uw branch samengevoegd" in (tmp_path / "uit" / "versie.md").read_text("utf-8")
    assert versies(origin, "wijziging")[:3] == [
        ("1.2", TITEL),
        ("1.1", "Vraag 4 zegt steun in plaats van ondersteuning."),
        ("1.0", versies(origin, "main")[1][1]),
    ]
    kompas = git(origin, "show", "wijziging:kompas_data/kompas.yaml")
    assert "samen verhelderd worden?" in kompas and "Hebben Utrechters steun" in kompas  # both changes
    nieuw = kloon(origin, tmp_path / "nieuw")
    git(nieuw, "checkout", "-q", "wijziging")
    ci = python_m_macros(nieuw, "ci")
    assert ci.returncode == 0, ci.stdout
    # main can take it as it is: the branch holds main, so the merge is a fast-forward.
    assert git(nieuw, "merge-base", "--is-ancestor", "origin/main", "HEAD") == ""


def test_twee_keer_versie_1_1_lokaal_met_de_stappen_uit_de_melding(origin, tmp_path):
    werk = _vastgelegd_en_main_ook(origin, tmp_path)
    # The steps as the message gives them.
    samenvoegen = subprocess.run(
        ["git", "merge", "origin/main"], cwd=werk, capture_output=True, text=True, env={**os.environ, **IDENTITEIT}
    )
    assert samenvoegen.returncode != 0  # wijzigingen.yaml conflicts, as in the forge
    git(werk, "checkout", "--theirs", "--", "kompas_data/wijzigingen.yaml", "kompas_data/archief", "tests/golden")
    git(werk, "add", "-A", "kompas_data", "tests/golden")
    git(werk, "commit", "-q", "--no-edit")
    vastgelegd = python_m_macros(werk, "versie", "--wat", TITEL)
    assert vastgelegd.returncode == 0, vastgelegd.stderr
    assert "Versie 1.2 vastgelegd" in vastgelegd.stdout
    git(werk, "add", "-A")
    git(werk, "commit", "-q", "-m", "versie 1.2")
    assert python_m_macros(werk, "ci").returncode == 0


def test_een_echt_conflict_noemt_elk_bestand_en_laat_de_branch_schoon(origin, tmp_path):
    werk = in_de_webeditor(origin, tmp_path / "job", VRAAG_8)
    op_main_vastgelegd(origin, tmp_path / "ander", VRAAG_8_ANDERS, "Vraag 8 is korter.")
    git(werk, "fetch", "-q", "origin")
    voor = git(werk, "rev-parse", "HEAD")
    job = versie_job(werk, tmp_path / "uit", KOMPAS_DUW_NAAR="wijziging")
    assert job.returncode == 1
    bericht = (tmp_path / "uit" / "versie.md").read_text(encoding="utf-8")
    assert "uw branch en main veranderen allebei dezelfde tekst" in bericht
    assert "Daar staat 1 bestand met een conflict." in bericht
    assert _lijst_na(bericht, "Kies per plek welke tekst blijft (bij de regel `versie:` die van main)") == [
        "kompas_data/kompas.yaml"
    ]
    assert "Resolve conflicts" in bericht and "zet daarna het label 'versie vastleggen' opnieuw" in bericht.lower()
    assert git(werk, "rev-parse", "HEAD") == voor and git(werk, "status", "--porcelain") == ""
    assert git(origin, "rev-parse", "wijziging") == voor


def _lijst_na(bericht: str, kop: str) -> list[str]:
    """The files the message lists under `kop`, as the member reads them."""
    blok = bericht.split(kop, 1)[1].split("\n\n", 2)[1]
    return [regel.removeprefix("- ").strip("`") for regel in blok.splitlines()]


def test_een_conflict_ook_in_de_gemaakte_bestanden_zegt_per_bestand_wat_u_kiest(origin, tmp_path):
    """Both branches recorded 1.1 for another wording of the same question: the forge shows a
    conflict in kompas.yaml, wijzigingen.yaml and golden files. The message names each, says
    what to choose in each, and choosing that on the forge, then the label, records 1.2."""
    werk = in_de_webeditor(origin, tmp_path / "job", VRAAG_8)
    assert versie_job(werk, tmp_path / "uit1", KOMPAS_DUW_NAAR="wijziging").returncode == 0
    op_main_vastgelegd(origin, tmp_path / "ander", VRAAG_8_ANDERS, "Vraag 8 is korter.")
    git(werk, "fetch", "-q", "origin")
    # What the forge's 'Resolve conflicts' page lists: the files of a merge of main into the branch.
    forge = kloon(origin, tmp_path / "forge")
    git(forge, "checkout", "-q", "wijziging")
    samenvoegen = subprocess.run(["git", "merge", "origin/main"], cwd=forge, capture_output=True, env=os.environ)
    assert samenvoegen.returncode != 0
    op_de_forge = git(forge, "diff", "--name-only", "--diff-filter=U").split()
    assert {"kompas_data/kompas.yaml", "kompas_data/wijzigingen.yaml"} < set(op_de_forge)
    assert any(pad.startswith("tests/golden/") for pad in op_de_forge)

    job = versie_job(werk, tmp_path / "uit2", KOMPAS_DUW_NAAR="wijziging")
    assert job.returncode == 1
    bericht = (tmp_path / "uit2" / "versie.md").read_text(encoding="utf-8")
    assert f"Daar staan {len(op_de_forge)} bestanden met een conflict." in bericht
    per_plek = _lijst_na(bericht, "Kies per plek welke tekst blijft")
    van_main = _lijst_na(bericht, "Kies overal de tekst van main")
    assert per_plek == ["kompas_data/kompas.yaml"]
    assert sorted(per_plek + van_main) == sorted(op_de_forge)  # every file, each once
    assert "'Use theirs'" in bericht and "'Mark as resolved'" in bericht and "'Commit merge'" in bericht

    # On the forge, as the message says: main's text in the files the label writes again, and
    # this branch's wording of question 8 (the one place to choose in kompas.yaml).
    git(forge, "checkout", "--theirs", "--", *van_main)
    git(forge, "checkout", "--ours", "--", *per_plek)
    git(forge, "add", "-A")
    git(forge, "-c", "user.name=k", "-c", "user.email=k@t", "commit", "-q", "--no-edit")
    git(forge, "push", "-q", "origin", "wijziging")

    opnieuw = kloon(origin, tmp_path / "opnieuw")
    git(opnieuw, "checkout", "-q", "wijziging")
    job = versie_job(opnieuw, tmp_path / "uit3", KOMPAS_DUW_NAAR="wijziging")
    assert job.returncode == 0, job.stdout + job.stderr
    assert versies(origin, "wijziging")[:2] == [("1.2", TITEL), ("1.1", "Vraag 8 is korter.")]
    assert "samen verhelderd worden?" in git(origin, "show", "wijziging:kompas_data/kompas.yaml")
    klaar = kloon(origin, tmp_path / "klaar")
    git(klaar, "checkout", "-q", "wijziging")
    assert python_m_macros(klaar, "ci").returncode == 0


@pytest.mark.parametrize("basis", [None, "origin/main"], ids=["make-check", "BASIS=origin/main"])
def test_make_check_ziet_lokaal_dat_main_dezelfde_versie_vastlegde(origin, tmp_path, basis):
    werk = _vastgelegd_en_main_ook(origin, tmp_path)
    controle = python_m_macros(werk, "controleer", *(["--basis", basis] if basis else []))
    assert controle.returncode == 1, controle.stdout
    assert "Versie 1.1 is intussen ook op main vastgelegd, voor een andere wijziging" in controle.stderr
    assert 'daar staat nu 1.1 ("Vraag 4 zegt steun.")' in controle.stderr
    # Not the message for a published version rewritten: main's 1.1 is another change's.
    assert "gepubliceerde versie" not in controle.stderr
    assert "Vergeleken met origin/main (gemeenschappelijk punt" in controle.stderr


def test_zonder_versie_terwijl_main_verder_is_noemt_de_controle_geen_nummer_dat_niet_komt(origin, tmp_path):
    werk = in_de_webeditor(origin, tmp_path / "job", VRAAG_8)
    voor = python_m_macros(werk, "controleer")
    assert "Zo legt u versie 1.1 vast:" in voor.stderr
    op_main_vastgelegd(origin, tmp_path / "ander", VRAAG_4, "Vraag 4 zegt steun.")
    git(werk, "fetch", "-q", "origin")
    na = python_m_macros(werk, "controleer")
    assert "Zo legt u de versie na 1.1 (die main intussen vastlegde) vast:" in na.stderr
    assert versie_job(werk, tmp_path / "uit", KOMPAS_DUW_NAAR="wijziging").returncode == 0
    assert versies(origin, "wijziging")[0] == ("1.2", TITEL)


def test_make_verschil_toont_de_controle_zoals_de_reviewer(origin, tmp_path):
    werk = _vastgelegd_en_main_ook(origin, tmp_path)
    verschil = python_m_macros(werk, "verschil")
    assert verschil.returncode == 1
    controle = verschil.stdout.split("## Controle (`make check`)", 1)[1]
    assert "❌" in controle and "Versie 1.1 is intussen ook op main vastgelegd" in controle


def test_make_check_zonder_main_controleert_en_zegt_dat_het_niet_vergeleek(origin, tmp_path):
    werk = _vastgelegd_en_main_ook(origin, tmp_path)
    git(werk, "remote", "remove", "origin")
    git(werk, "branch", "-q", "-D", "main")
    controle = python_m_macros(werk, "controleer")
    assert controle.returncode == 0, controle.stderr
    assert "kompas_data: in orde (kompas versie 1.1" in controle.stdout
    assert "Niet vergeleken met main" in controle.stdout and "ziet u dan pas in de CI" in controle.stdout
    # A base the member names must be there: no check that pretends it compared.
    genoemd = python_m_macros(werk, "controleer", "--basis", "origin/main")
    assert genoemd.returncode == 2 and "Geen basis" in genoemd.stderr


@pytest.mark.parametrize("main_beweegt", [False, True], ids=["patch", "bundel-na-samenvoegen"])
def test_een_fork_krijgt_de_commit_als_bestand_dat_met_de_opdracht_past(origin, tmp_path, main_beweegt):
    werk = in_de_webeditor(origin, tmp_path / "job", VRAAG_8)
    if main_beweegt:
        op_main_vastgelegd(origin, tmp_path / "ander", VRAAG_4, "Vraag 4 zegt steun.")
        git(werk, "fetch", "-q", "origin")
    uit = tmp_path / "uit"
    job = versie_job(werk, uit, KOMPAS_RUN_URL="https://forge.invalid/run/1")
    assert job.returncode == 0, job.stdout + job.stderr
    bericht = (uit / "versie.md").read_text(encoding="utf-8")
    assert "komt uit een fork" in bericht and "https://forge.invalid/run/1" in bericht
    opdracht = bericht.split("draai `")[1].split("`")[0]
    bestand = "versie.bundle" if main_beweegt else "versie.patch"
    assert opdracht.startswith("git ") and bestand in opdracht and (uit / bestand).is_file()
    # The contributor's own copy of the fork, on the branch: unpack the artifact there and run it.
    eigen = kloon(origin, tmp_path / "eigen")
    git(eigen, "checkout", "-q", "wijziging")
    (eigen / bestand).write_bytes((uit / bestand).read_bytes())
    toegepast = subprocess.run(
        opdracht.split(), cwd=eigen, capture_output=True, text=True, env={**os.environ, **IDENTITEIT}
    )
    assert toegepast.returncode == 0, toegepast.stderr
    (eigen / bestand).unlink()
    assert python_m_macros(eigen, "ci").returncode == 0
    assert versies(eigen)[0] == ("1.2" if main_beweegt else "1.1", TITEL)


@pytest.mark.parametrize(
    "titel",
    ["Update kompas.yaml", "Edit kompas.yaml", "Update file kompas_data/kompas.yaml", "Patch 1", "patch-2", "", "  "],
)  # fmt: skip
def test_een_titel_die_niet_zegt_wat_er_verandert_wordt_geweigerd(titel):
    with pytest.raises(vastleggen.Weigering, match="zet het label opnieuw"):
        vastleggen.samenvatting_uit_titel(titel)


@pytest.mark.parametrize("wat", ["Update kompas.yaml", "Edit kompas.yaml", "Patch 1"])
def test_make_versie_weigert_wat_de_ci_weigert(origin, tmp_path, wat):
    # One check for both: a summary the CI refuses as a title is refused locally too, in the
    # same words, and nothing is written.
    werk = in_de_webeditor(origin, tmp_path / "werk", VRAAG_8)
    uit = python_m_macros(werk, "versie", "--wat", wat)
    assert uit.returncode == 1, uit.stdout
    assert (
        f'make versie: WAT="{wat}" wordt de samenvatting van de nieuwe versie, maar zegt niet wat er verandert; '
        in uit.stderr
    )
    with pytest.raises(vastleggen.Weigering) as ci:
        vastleggen.samenvatting_uit_titel(wat)
    zelfde = "wordt de samenvatting van de nieuwe versie, maar zegt niet wat er verandert; "
    assert zelfde in str(ci.value)
    assert git(werk, "status", "--porcelain") == ""


def test_make_versie_zegt_in_woorden_waarmee_hij_vergeleek(origin, tmp_path):
    werk = in_de_webeditor(origin, tmp_path / "werk", VRAAG_8)
    # The branch's own commit has no version for its change; the last recorded one is main's.
    commit, dag = git(werk, "log", "-1", "--format=%h %cs", "origin/main").split()
    uit = python_m_macros(werk, "versie", "--wat", TITEL)
    assert uit.returncode == 0, uit.stderr
    jaar, maand, dag_nr = dag.split("-")
    assert f"Vergeleken met de laatste vastgelegde versie (1.0), in commit {commit} van {int(dag_nr)} " in uit.stdout
    assert f" {jaar}." in uit.stdout.splitlines()[0]
    assert "HEAD" not in uit.stdout
    assert "Versie 1.1 vastgelegd (subversie)" in uit.stdout


def test_make_versie_noemt_de_soort_van_de_versie_die_hij_vastlegde(origin, tmp_path):
    # A reworded question needs 1.1; asked for 2.0, it records a major version and says so.
    werk = in_de_webeditor(origin, tmp_path / "werk", VRAAG_8)
    uit = python_m_macros(werk, "versie", "--wat", TITEL, "--versie", "2.0")
    assert uit.returncode == 0, uit.stderr
    assert (
        "Versie 2.0 vastgelegd (hoofdversie, zoals gevraagd; voor deze wijziging was een subversie genoeg: 1.1)"
        in uit.stdout
    )
    assert "subversie)" not in uit.stdout


def test_een_titel_die_zegt_wat_er_verandert_is_de_samenvatting():
    assert vastleggen.samenvatting_uit_titel("  Update  vraag 8:\nhelderder.  ") == "Update vraag 8: helderder."
    assert vastleggen.samenvatting_uit_titel(TITEL) == TITEL


def test_de_job_weigert_de_titel_van_de_webeditor_en_zet_niets_op_de_branch(origin, tmp_path):
    werk = in_de_webeditor(origin, tmp_path / "job", VRAAG_8)
    job = versie_job(werk, tmp_path / "uit", KOMPAS_DUW_NAAR="wijziging", KOMPAS_TITEL="Update kompas.yaml")
    assert job.returncode == 1
    bericht = (tmp_path / "uit" / "versie.md").read_text(encoding="utf-8")
    assert 'De CI heeft de versie niet vastgelegd: de titel van de pull request ("Update kompas.yaml")' in bericht
    assert git(origin, "rev-parse", "wijziging") == git(werk, "rev-parse", "HEAD")


def test_elk_gouden_bestand_dat_afwijkt_staat_in_de_melding(origin, tmp_path):
    werk = in_de_webeditor(origin, tmp_path / "job", VRAAG_8)
    assert python_m_macros(werk, "versie", "--wat", TITEL).returncode == 0
    uitkomsten = sorted((werk / "tests" / "golden" / "uitkomsten").glob("*.md"))
    assert len(uitkomsten) > 5  # more than the old message showed
    for bestand in uitkomsten:
        bestand.write_text("met de hand\n", encoding="utf-8")
    uit = python_m_macros(werk, "controleer")
    assert uit.returncode == 1
    for bestand in uitkomsten:
        assert f"tests/golden/uitkomsten/{bestand.name} wijkt af" in uit.stderr
    assert "…" not in uit.stderr


def test_de_handleiding_zegt_wat_de_meldingen_zeggen():
    """BIJDRAGEN.md and the messages use one example sentence and the same buttons of the
    forges' conflict pages, so a member can follow either."""
    gids = " ".join((PROJECT / "BIJDRAGEN.md").read_text(encoding="utf-8").split())
    # The web editor's title, `make versie WAT=…` and the row of its message in the table.
    assert gids.count(vastleggen.VOORBEELD) == 3
    assert "de kwestie eerst samen verhelderd" not in gids
    melding = vastleggen.conflict_melding(["kompas_data/kompas.yaml", "tests/golden/uitkomsten/ja-ja-ja.md"], "main")
    for knop in ("Resolve conflicts", "Mark as resolved", "Commit merge", "Use ours", "Use theirs", "Commit to source"):
        assert knop in gids and knop in melding, knop
    for keuze in ("per plek welke tekst blijft", "tekst van main", "de regel `versie:`"):
        assert keuze in gids and keuze in melding, keuze
