"""How soon the report is on the pull request: CI's fast path as a forge meets it.

A bare repository stands in for the forge, with main (this project's HEAD) and a branch with
a change of the kompas made as in the web editor (a question reworded, no version yet: the
report then also computes the lines to add). Each run, from nothing:

1. `git clone --depth 1` of the branch into a new folder (the fetch of the base the report
   needs follows in step 3: basis.py fetches main and the history it needs);
2. a new virtual environment and PyYAML in it (the only package the report needs);
3. `.ci/run rapport`, as the workflows run it (GITHUB_BASE_REF=main), until
   build/ci/rapport.md exists.

The median of a few runs, with each part. What it leaves out: the runner's queue and start
(a VM, or a container image to pull), the forge's checkout over the network instead of a
local clone, setup-python (on the runner's image already), and posting the comment (one API
call). `python bench/ci_rapport.py` writes its section into RESULTS.md; `make bench` too.
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

from gemeen import WERK, git, kale_forge, mediaan

KEER = 5
DOEL_SECONDEN = 60
KOP = "## Rapport van de CI: binnen een minuut?"
RESULTATEN = Path(__file__).resolve().parent / "RESULTS.md"
# A change as a member makes it in the web editor: question 8 reworded, nothing else.
OUD = "      Is het nodig het vraagstuk eerst te verhelderen?"
NIEUW = "      Moet het vraagstuk eerst samen verhelderd worden?"


def forge(werk: Path) -> Path:
    """The bare repository with main and the branch `wijziging`."""
    kaal = kale_forge(werk)
    kopie = werk / "webeditor"
    git(werk, "clone", "-q", str(kaal), str(kopie))
    git(kopie, "checkout", "-q", "-b", "wijziging")
    kompas = kopie / "kompas_data" / "kompas.yaml"
    tekst = kompas.read_text(encoding="utf-8")
    if OUD not in tekst:
        raise SystemExit(f"kompas.yaml heeft de regel {OUD.strip()!r} niet meer; kies een andere wijziging")
    kompas.write_text(tekst.replace(OUD, NIEUW, 1), encoding="utf-8")
    git(kopie, "commit", "-q", "-am", "Update kompas.yaml")
    git(kopie, "push", "-q", "origin", "wijziging")
    return kaal


def een_keer(kaal: Path, werk: Path) -> dict[str, float]:
    kloon = werk / "kloon"
    shutil.rmtree(kloon, ignore_errors=True)
    tijden = {}
    begin = time.perf_counter()
    git(werk, "clone", "-q", "--depth", "1", "--branch", "wijziging", f"file://{kaal}", str(kloon))
    tijden["clone"] = time.perf_counter() - begin
    stap = time.perf_counter()
    subprocess.run([sys.executable, "-m", "venv", str(kloon / ".venv")], check=True)
    tijden["venv"] = time.perf_counter() - stap
    stap = time.perf_counter()
    subprocess.run(
        [str(kloon / ".venv" / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "--no-cache-dir", "-c", str(kloon / "constraints.txt"), "PyYAML"],
        check=True,
    )  # fmt: skip
    tijden["PyYAML"] = time.perf_counter() - stap
    stap = time.perf_counter()
    uit = subprocess.run(
        [str(kloon / ".ci" / "run"), "rapport"],
        cwd=kloon,
        capture_output=True,
        text=True,
        env={**os.environ, "GITHUB_BASE_REF": "main"},
    )
    rapport = kloon / "build" / "ci" / "rapport.md"
    tijden["rapport"] = time.perf_counter() - stap
    tijden["totaal"] = time.perf_counter() - begin
    if not rapport.is_file():
        raise SystemExit(f".ci/run rapport schreef geen rapport:\n{uit.stdout}\n{uit.stderr}")
    tekst = rapport.read_text(encoding="utf-8")
    # The run must be the real one: the change seen against main, and the check's verdict.
    if "(`eerst-verhelderen`) is anders geformuleerd" not in tekst or "## Controle" not in tekst:
        raise SystemExit(f"het rapport zegt niet wat de wijziging is:\n{tekst}")
    return tijden


def meet() -> dict:
    WERK.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=WERK) as tijdelijk:
        werk = Path(tijdelijk)
        kaal = forge(werk)
        # pip's own cache is off (--no-cache-dir), so every run downloads PyYAML as a new
        # runner without a cache would; the workflows keep pip's cache between runs.
        metingen = [een_keer(kaal, werk) for _ in range(KEER)]
    return {deel: [m[deel] for m in metingen] for deel in metingen[0]}


def regels(m: dict) -> list[str]:
    totaal = mediaan(m["totaal"])
    gehaald = "gehaald" if totaal <= DOEL_SECONDEN else "**niet gehaald**"
    return [
        KOP,
        "",
        f"Gemeten op {datetime.date.today().isoformat()} met `python bench/ci_rapport.py` (bij `make bench` hoort "
        "het erbij). Wat de forge doet voor het rapport onder de pull request staat, vanaf niets: een branch met een "
        "wijziging uit de webeditor (vraag 8 anders geformuleerd, nog zonder versie) `git clone --depth 1`, een nieuwe "
        "virtuele omgeving, PyYAML erin (zonder pip-cache), dan `.ci/run rapport` tot `build/ci/rapport.md` er is "
        f"(die haalt main en de geschiedenis die het rapport nodig heeft). {len(m['totaal'])} keer; de mediaan.",
        "",
        "| deel | mediaan | alle metingen (s) |",
        "|---|---|---|",
        *(
            f"| {deel} | {mediaan(m[deel]):.2f} s | {', '.join(f'{t:.2f}' for t in m[deel])} |"
            for deel in ("clone", "venv", "PyYAML", "rapport", "totaal")
        ),
        "",
        f"Van de clone tot het rapport: **{totaal:.1f} s** (doel ≤ {DOEL_SECONDEN} s: {gehaald}). Niet in dit getal: "
        "de wachtrij van de runner en het starten van de machine (GitHub: een VM, de rapport-job draait zonder "
        "container; GitLab: het image `python:3.11-bookworm` ophalen als de runner het niet heeft), de checkout "
        "over het netwerk in plaats van een lokale clone, PyYAML over het internet (hier uit een map met pakketten op "
        "deze machine), setup-python (staat op het image van de runner) en het plaatsen van de reactie (één verzoek "
        "aan de API).",
        "",
    ]


def schrijf(nieuw: list[str], kop: str = KOP) -> None:
    """Put this section (headed `kop`) into RESULTS.md in place of its previous version; the rest stays."""
    tekst = RESULTATEN.read_text(encoding="utf-8") if RESULTATEN.exists() else "# Benchmarks\n"
    blok = "\n".join(nieuw)
    patroon = re.compile(rf"^{re.escape(kop)}\n.*?(?=^## |\Z)", re.M | re.S)
    if patroon.search(tekst):
        tekst = patroon.sub(lambda _: blok + "\n", tekst, count=1)
    else:
        tekst = tekst.rstrip("\n") + "\n\n" + blok + "\n"
    RESULTATEN.write_text(tekst, encoding="utf-8")


if __name__ == "__main__":
    uitkomst = regels(meet())
    schrijf(uitkomst)
    print("\n".join(uitkomst))
