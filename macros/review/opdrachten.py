"""The command line of the review tools (`python -m macros …`, the Makefile's check, versie,
gouden, verschil and CI's report). Each returns its exit code: 0 fine, 1 something to fix,
2 nothing to compare with (no base: never a guess).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from ..data.loader import KompasDataError, laad_kompas_data
from ..uitvoer import opmaak
from . import basis, controle, gouden, verschilrapport, versie
from .markdown import md, tekstblok


def _laad(gegevensmap: Path):
    """The data, or None after printing every problem."""
    try:
        return laad_kompas_data(gegevensmap)
    except KompasDataError as fout:
        print(fout, file=sys.stderr)
        return None


def controleer(args) -> int:
    """`make check`: the check as CI runs it, against main when main is there (origin/main, else
    a local main, or BASIS=…): so a version main recorded meanwhile shows here too, not first
    in the pull request. Without main it checks the data alone and says what it could not see."""
    try:
        gevonden, doel = basis.vind_vergelijking(args.repo, args.basis)
    except basis.GeenBasis as fout:
        if args.basis:
            print(f"Geen basis: {fout}", file=sys.stderr)
            return 2
        uitslag = controle.controleer(args.map, args.repo, args.golden)
        vergeleken = (
            f"Niet vergeleken met main: {fout} Of main intussen zelf een versie vastlegde, en of een gepubliceerde "
            "versie veranderde, ziet u dan pas in de CI."
        )
    else:
        uitslag = controle.controleer(args.map, args.repo, args.golden, gevonden.revisie, doel)
        vergeleken = f"Vergeleken met {gevonden.beschrijving}"
        if doel is not None:
            ophalen = " (`git fetch origin` haalt de nieuwste)" if doel.naam.startswith("origin/") else ""
            vergeleken += f" en met {doel.naam} zoals die hier nu is{ophalen}"
        vergeleken += "."
    (sys.stdout if uitslag.ok else sys.stderr).write(f"{uitslag.tekst}\n{vergeleken}\n")
    return 0 if uitslag.ok else 1


def versie_opdracht(args) -> int:
    if (nu := _laad(args.map)) is None:
        return 1
    try:
        vorige, revisie = controle.vind_vorige(args.repo, nu, args.basis)
        uitslag = versie.leg_vast(args.map, vorige, args.wat or "", args.versie, golden=args.golden)
    except (basis.GeenBasis, versie.VersieWeigering) as fout:
        print(f"make versie: {fout}", file=sys.stderr)
        return 1
    print(f"Vergeleken met {_vorige_in_woorden(args.repo, vorige.versies[0].versie, revisie)}.")
    print(uitslag.bericht)
    return 0


def _vorige_in_woorden(repo: Path, versie_nr: str, revisie: str) -> str:
    """The version compared with and where it was found, in words: "de laatste vastgelegde
    versie (1.0), in commit 1a2b3c4 van 5 december 2026". No HEAD or merge base: the data
    editor knows commits by their short id and their date."""
    uit = basis.git(repo, "log", "-1", "--format=%h %cs", revisie, controleer=False)
    if uit.returncode != 0 or not uit.stdout.strip():
        return f"de laatste vastgelegde versie ({versie_nr})"
    commit, dag = uit.stdout.split()
    return f"de laatste vastgelegde versie ({versie_nr}), in commit {commit} van {opmaak.datum(dag)}"


def gouden_opdracht(args) -> int:
    if (data := _laad(args.map)) is None:
        return 1
    veranderd = gouden.schrijf(data, args.golden)
    print(
        f"{len(veranderd)} gouden bestanden bijgewerkt in {args.golden}"
        if veranderd
        else "De gouden bestanden kloppen al."
    )
    return 0


def _vergelijk(args) -> tuple[int, str]:
    """The report as Markdown, with its exit code. Messages can quote the data (an invalid id,
    the line YAML could not read, a file name) and revision names, so they stand in a code
    block and names are escaped, like every data text in the report."""
    with tempfile.TemporaryDirectory() as tijdelijk:
        try:
            if args.oud_map:
                oud_map, oud_naam = args.oud_map, str(args.oud_map)
            else:
                gevonden = basis.vind_basis(args.repo, args.van)
                oud_map = basis.data_op(args.repo, gevonden.revisie, Path(tijdelijk) / "oud")
                oud_naam = gevonden.beschrijving
            if args.naar:
                nieuw_map = basis.data_op(args.repo, args.naar, Path(tijdelijk) / "nieuw")
            else:
                nieuw_map = args.map
        except basis.GeenBasis as fout:
            return 2, f"Geen verschilrapport:\n\n{tekstblok(fout)}\n"
        nieuw_naam = args.naar or "de wijziging"
        try:
            nieuw = laad_kompas_data(nieuw_map)
        except KompasDataError as fout:
            return 1, (
                f"De nieuwe gegevens ({md(nieuw_naam)}) zijn ongeldig; er valt nog niets te vergelijken.\n\n"
                f"{tekstblok(fout)}\n"
            )
        try:
            oud = laad_kompas_data(oud_map)
        except KompasDataError as fout:
            return 2, (
                f"De gegevens op de basis ({md(oud_naam)}) zijn niet te lezen, dus niet te vergelijken:\n\n"
                f"{tekstblok(fout)}\n"
            )
    rapport = verschilrapport.vergelijk(oud, nieuw, oud_naam, nieuw_naam)
    return (1 if rapport.fouten else 0), rapport.tekst


def verschil_opdracht(args) -> int:
    """`make verschil`: the report as the reviewer sees it, with the check under it (what CI
    writes, `rapport_met_controle`). Two given data sets (`--naar`, `--oud-map`) get the report
    alone: the check is of the working data."""
    if args.naar or args.oud_map:
        code, tekst = _vergelijk(args)
    else:
        code, tekst = rapport_met_controle(args)
    if args.uit:
        _schrijf(args.uit, tekst)
    (sys.stderr if code == 2 else sys.stdout).write(tekst)
    return code


def rapport_met_controle(args) -> tuple[int, str]:
    """The check and the outcome report as one Markdown text, for CI's job summary and pull
    request comment and for `make verschil`. Everything in it that comes from the data, a
    message or git is escaped or in a code block (review/markdown.py), on every path. Exit
    code 2 when there is nothing to compare with."""
    try:
        gevonden, doel = basis.vind_vergelijking(args.repo, args.van)
    except basis.GeenBasis as fout:
        return 2, f"# Kompas: geen vergelijking mogelijk\n\n{tekstblok(fout)}\n"
    uitslag = controle.controleer(args.map, args.repo, args.golden, gevonden.revisie, doel)
    code, rapport = _vergelijk(args)
    kop = (
        "✅ De controle van kompas_data/ is in orde."
        if uitslag.ok
        else "❌ De controle van kompas_data/ vond problemen."
    )
    tekst = f"{rapport.rstrip()}\n\n## Controle (`make check`)\n\n{kop}\n\n{tekstblok(uitslag.tekst.rstrip())}\n"
    return max(code, 0 if uitslag.ok else 1), tekst


def ci_opdracht(args) -> int:
    """For CI, before any test: the check and the outcome report, printed and written to
    `--uit` for the job summary and the pull request comment."""
    args.oud_map = None
    args.naar = None
    code, tekst = rapport_met_controle(args)
    _schrijf(args.uit, tekst)
    (sys.stderr if code == 2 else sys.stdout).write(tekst)
    return code


def _schrijf(uit: str | None, tekst: str) -> None:
    if uit:
        Path(uit).parent.mkdir(parents=True, exist_ok=True)
        Path(uit).write_text(tekst, encoding="utf-8")


def voeg_toe(sub, project: Path) -> None:
    """The review subcommands on the CLI's parser."""
    data_map, golden = project / "kompas_data", project / "tests" / "golden"

    # --basis only where the command compares with a revision (controleer, versie).
    def gemeen(p, basis_hulp: str | None = None):
        p.add_argument("--map", default=data_map, type=Path, help="de map met de gegevens (standaard: kompas_data/)")
        p.add_argument("--repo", default=project, type=Path, help="de git-repository (standaard: dit project)")
        p.add_argument("--golden", default=golden, type=Path, help="de map met de gouden bestanden")
        if basis_hulp:
            p.add_argument("--basis", help=basis_hulp)

    p = sub.add_parser("controleer", help="controleer de kompasdata: alles wat er mis is, met wat u doet")
    gemeen(p, "vergelijk met deze revisie in plaats van main (standaard: origin/main, anders main, zoals de CI)")
    p.set_defaults(functie=controleer)
    p = sub.add_parser("versie", help="leg een nieuwe versie van het kompas vast")
    gemeen(p, "de commit met de vorige versie (standaard: HEAD of het punt waar de wijziging van main afging)")
    p.add_argument("--versie", help="de nieuwe versie, zoals 1.1 (standaard: de volgende, volgens BIJDRAGEN.md)")
    p.add_argument("--wat", help="wat er verandert, in één zin")
    p.set_defaults(functie=versie_opdracht)
    p = sub.add_parser("gouden", help="schrijf de gouden bestanden in tests/golden/ opnieuw")
    gemeen(p)
    p.set_defaults(functie=gouden_opdracht)
    for naam, functie, hulp in (
        ("verschil", verschil_opdracht, "het verschilrapport met de controle eronder, zoals de reviewer het ziet"),
        ("ci", ci_opdracht, "controle en verschilrapport voor CI, vóór de tests"),
    ):
        p = sub.add_parser(naam, help=hulp)
        gemeen(p)
        p.add_argument("--van", help="git-revisie van de oude gegevens (standaard: de basis, zie review/basis.py)")
        p.add_argument("--uit", help="schrijf het rapport (Markdown) ook naar dit bestand")
        if naam == "verschil":
            p.add_argument("--naar", help="git-revisie van de nieuwe gegevens (standaard: de werkmap)")
            # For tests: compare two data folders instead of git revisions.
            p.add_argument("--oud-map", type=Path, help="(voor de tests) een map met de oude gegevens")
        p.set_defaults(functie=functie)
