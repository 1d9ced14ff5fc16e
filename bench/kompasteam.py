"""The kompasteam's changes as they meet CI, and `make test-snel` as a member meets it.

A bare repository stands in for the forge, with main (this project's HEAD). For each change
BIJDRAGEN.md describes (the same change sets as tests/test_kompasteam.py, applied to the live
kompas_data/), a member's steps, nothing more: a clone, the YAML edited, `make versie WAT="…"`
(only when the guide says a version is needed: the command itself says so), commit, push to a
branch. Then CI as the forge runs it: `git clone --depth 1` of the branch into a new folder and
the whole `.ci/run` with GITHUB_BASE_REF=main (it creates its virtual environment, installs
everything and runs the report, `make test` and the preview). Recorded per change: the exit
code, the time, and whether the report saw the change.

`make test-snel`: a member's fresh shallow clone with a change of meaning (question 8 reworded
and `make versie`), then `make test-snel` twice: the first run includes creating the virtual
environment and installing (once per clone), and builds the site without the build cache; the
second is every run after that. "Under a minute" (BIJDRAGEN.md) is the pytest part.

    python bench/kompasteam.py snel            # make test-snel (a few minutes)
    python bench/kompasteam.py ci [naam …]     # the whole .ci/run per change (about 20 min each)

Each writes its section into RESULTS.md. Run it on a quiet machine: nothing else running.
"""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ci_rapport import schrijf
from gemeen import WERK, git, kale_forge, machine

from tests.conftest import pas_toe
from tests.test_kompasteam import WIJZIGINGEN

KOP_CI = "## Wijzigingen van het kompasteam door de hele CI"
KOP_SNEL = "## make test-snel"
DOEL_SNEL = 60
# The seven kinds of change the issue names, and the eighth the guide describes.
VOLGORDE = [
    "vraag-herformuleren",
    "wat-is-het-anders",
    "achtste-vorm",
    "vraag-in-het-midden",
    "route-naar-andere-vorm",
    "bedrag-met-totaal",
    "voorbeeld-erbij",
    "vorm-eraf",
]
SCHOON = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))}


def als_lid(kaal: Path, werk: Path, naam: str) -> tuple[str, float]:
    """The member's steps on a branch of their own; the output of `make versie`, and how long it took."""
    kopie = werk / f"lid-{naam}"
    git(werk, "clone", "-q", str(kaal), str(kopie))
    git(kopie, "checkout", "-q", "-b", naam)
    pas_toe(kopie / "kompas_data", WIJZIGINGEN[naam], naam)
    begin = time.perf_counter()
    versie = subprocess.run(
        ["make", "--no-print-directory", "versie", f"WAT=Een wijziging van het kompasteam: {naam}."],
        cwd=kopie,
        capture_output=True,
        text=True,
        env=SCHOON,
    )
    duur = time.perf_counter() - begin
    if versie.returncode != 0:
        raise SystemExit(f"{naam}: make versie faalt:\n{versie.stdout}\n{versie.stderr}")
    git(kopie, "add", "-A", "kompas_data", "tests/golden")
    git(kopie, "commit", "-q", "-m", f"Kompas: {naam}")
    git(kopie, "push", "-q", "origin", naam)
    shutil.rmtree(kopie)
    return versie.stdout.strip().splitlines()[-1], duur


def ci(kaal: Path, werk: Path, naam: str) -> dict:
    kloon = werk / f"ci-{naam}"
    begin = time.perf_counter()
    git(werk, "clone", "-q", "--depth", "1", "--branch", naam, f"file://{kaal}", str(kloon))
    log = WERK / f"kompasteam-{naam}.log"
    with log.open("w", encoding="utf-8") as uit:
        run = subprocess.run(
            [str(kloon / ".ci" / "run")], cwd=kloon, stdout=uit, stderr=subprocess.STDOUT,
            env={**SCHOON, "GITHUB_BASE_REF": "main"},
        )  # fmt: skip
    duur = time.perf_counter() - begin
    rapport = (kloon / "build" / "ci" / "rapport.md").read_text(encoding="utf-8")
    gezien = all(tekst in rapport for tekst in WIJZIGINGEN[naam]["rapport"])
    tekst = log.read_text(encoding="utf-8")
    samenvatting = re.findall(r"^=+ .*(?:passed|failed).* =+$", tekst, re.M)
    shutil.rmtree(kloon)
    return {"code": run.returncode, "duur": duur, "gezien": gezien, "pytest": samenvatting[-1] if samenvatting else "?"}


def meet_ci(namen: list[str]) -> list[str]:
    WERK.mkdir(exist_ok=True)
    rijen: list[str] = []
    with tempfile.TemporaryDirectory(dir=WERK) as tijdelijk:
        werk = Path(tijdelijk)
        kaal = kale_forge(werk)
        for i, naam in enumerate(namen):
            # Written after every change: a run of two hours that stops halfway keeps what it measured.
            schrijf(_ci_sectie(rijen, namen[i:]), KOP_CI)
            versie, versie_duur = als_lid(kaal, werk, naam)
            uitkomst = ci(kaal, werk, naam)
            print(f"{naam}: .ci/run {uitkomst['code']} in {uitkomst['duur'] / 60:.1f} min", flush=True)
            gezien = "ja" if uitkomst["gezien"] else "**nee**"
            afloop = "geslaagd" if uitkomst["code"] == 0 else f"**exit {uitkomst['code']}**"
            rijen.append(
                f"| `{naam}` | {versie} ({versie_duur:.1f} s) | {gezien} | {afloop} | "
                f"{uitkomst['duur'] / 60:.1f} min | {uitkomst['pytest'].strip('= ')} |"
            )
    return _ci_sectie(rijen, [])


def _ci_sectie(rijen: list[str], nog: list[str]) -> list[str]:
    niet_gemeten = [f"Nog niet gemeten in deze ronde: {', '.join(f'`{n}`' for n in nog)}.", ""] if nog else []
    return [
        KOP_CI,
        "",
        f"Gemeten op {datetime.date.today().isoformat()} met `python bench/kompasteam.py ci` op {machine()}. Per "
        "wijziging uit BIJDRAGEN.md (dezelfde als in `tests/test_kompasteam.py`, op de echte `kompas_data/`): alleen de "
        'stappen van de handleiding (YAML aanpassen, `make versie WAT="…"`, committen, pushen), dan wat de forge doet: '
        "`git clone --depth 1` van de branch en de hele `.ci/run` met `GITHUB_BASE_REF=main` (eigen virtuele omgeving, "
        "installatie, rapport, `make test`, voorbeeld). De logs staan in `bench/werk/kompasteam-<naam>.log`.",
        "",
        "| wijziging | `make versie` zegt | rapport ziet de wijziging | `.ci/run` | tijd | pytest |",
        "|---|---|---|---|---|---|",
        *rijen,
        "",
        *niet_gemeten,
    ]


def meet_snel() -> list[str]:
    WERK.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=WERK) as tijdelijk:
        werk = Path(tijdelijk)
        kaal = kale_forge(werk)
        als_lid(kaal, werk, "vraag-herformuleren")
        kloon = werk / "lid"
        git(werk, "clone", "-q", "--depth", "1", "--branch", "vraag-herformuleren", f"file://{kaal}", str(kloon))
        metingen = []
        for _ in range(2):
            begin = time.perf_counter()
            run = subprocess.run(
                ["make", "--no-print-directory", "test-snel"], cwd=kloon, capture_output=True, text=True, env=SCHOON
            )
            duur = time.perf_counter() - begin
            if run.returncode != 0:
                raise SystemExit(f"make test-snel faalt:\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}")
            pytest = re.search(r"(\d+) passed.* in ([\d.]+)s", run.stdout)
            metingen.append((duur, float(pytest.group(2)), pytest.group(1)))
    (eerste, eerste_pytest, aantal), (tweede, tweede_pytest, _) = metingen
    gehaald = "gehaald" if max(eerste_pytest, tweede_pytest) <= DOEL_SNEL else "**niet gehaald**"
    return [
        KOP_SNEL,
        "",
        f"Gemeten op {datetime.date.today().isoformat()} met `python bench/kompasteam.py snel` op {machine()}. Een "
        "nieuwe ondiepe clone (`--depth 1`) van een branch met vraag 8 anders geformuleerd en `make versie`, dan "
        f"`make test-snel` twee keer ({aantal} tests, waarvan de controles van de gebouwde site met de marker `snel`).",
        "",
        "| | `make test-snel` | waarvan pytest |",
        "|---|---|---|",
        f"| eerste keer (virtuele omgeving en installatie, bouw zonder bouwcache) | {eerste:.1f} s | {eerste_pytest:.1f} s |",
        f"| daarna | {tweede:.1f} s | {tweede_pytest:.1f} s |",
        "",
        f"De tests zelf: hoogstens **{max(eerste_pytest, tweede_pytest):.1f} s** (doel ≤ {DOEL_SNEL} s: {gehaald}). "
        "De eerste keer komt daar het installeren bij, één keer per kopie.",
        "",
    ]


if __name__ == "__main__":
    wat, *namen = sys.argv[1:] or ["snel"]
    if wat == "snel":
        uitkomst = meet_snel()
    elif wat == "ci":
        onbekend = set(namen) - set(VOLGORDE)
        if onbekend:
            raise SystemExit(f"onbekende wijziging: {', '.join(sorted(onbekend))}; kies uit {', '.join(VOLGORDE)}")
        uitkomst = meet_ci(namen or VOLGORDE)
    else:
        raise SystemExit("gebruik: python bench/kompasteam.py snel | ci [naam …]")
    schrijf(uitkomst, KOP_SNEL if wat == "snel" else KOP_CI)
    print("\n".join(uitkomst))
