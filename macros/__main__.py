"""Command line for the kompas data and the site build.

    python -m macros controleer [MAP]     check the data; list every problem, exit 1 if any
    python -m macros paden [--schrijf]    print (or write) the golden path table
    python -m macros bouw [--uit site]    strict build that replaces the site only on success
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from . import graaf
from .loader import KompasDataError, laad_kompas_data

PROJECT = Path(__file__).resolve().parent.parent
GOUDEN_PADEN = PROJECT / "tests" / "golden" / "kompas-paden.md"


def _laad(map: Path):
    """The data, or None after printing every problem."""
    try:
        return laad_kompas_data(map)
    except KompasDataError as fout:
        print(fout, file=sys.stderr)
        return None


def controleer(args) -> int:
    if (data := _laad(args.map)) is None:
        return 1
    print(f"{args.map}: in orde (kompas versie {data.kompas.versie}, {len(data.kompas.vragen)} vragen, "
          f"{len(data.vormen)} vormen, {len(graaf.paden(data.kompas))} paden)")
    return 0


def paden(args) -> int:
    if (data := _laad(args.map)) is None:
        return 1
    tabel = graaf.paden_tabel(data.kompas)
    if args.schrijf:
        GOUDEN_PADEN.parent.mkdir(parents=True, exist_ok=True)
        GOUDEN_PADEN.write_text(tabel, encoding="utf-8")
        print(f"geschreven: {GOUDEN_PADEN.relative_to(PROJECT)}")
    else:
        sys.stdout.write(tabel)
    return 0


def bouw(args) -> int:
    """Build into a fresh folder next to the target; swap it in only when the build passed,
    so a failed build never leaves a half-written site in place of the last good one."""
    uit = Path(args.uit).resolve()
    uit.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = Path(tempfile.mkdtemp(prefix=f".{uit.name}-bouw-", dir=uit.parent))
    opdracht = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
                "--config-file", str(args.config), "--site-dir", str(tijdelijk)]
    omgeving = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    resultaat = subprocess.run(opdracht, env=omgeving)
    if resultaat.returncode != 0:
        shutil.rmtree(tijdelijk, ignore_errors=True)
        bestaand = f"; {uit} is niet veranderd" if uit.exists() else ""
        print(f"De bouw is mislukt{bestaand}.", file=sys.stderr)
        return resultaat.returncode
    oud = uit.with_name(f".{uit.name}-oud")
    shutil.rmtree(oud, ignore_errors=True)
    if uit.exists():
        uit.rename(oud)
    tijdelijk.rename(uit)
    shutil.rmtree(oud, ignore_errors=True)
    print(f"Site gebouwd in {uit}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="opdracht", required=True)
    p = sub.add_parser("controleer", help="controleer de kompasdata")
    p.add_argument("map", nargs="?", default=PROJECT / "kompas_data", type=Path)
    p.set_defaults(functie=controleer)
    p = sub.add_parser("paden", help="de tabel met alle paden door het kompas")
    p.add_argument("--map", default=PROJECT / "kompas_data", type=Path)
    p.add_argument("--schrijf", action="store_true", help=f"schrijf naar {GOUDEN_PADEN.relative_to(PROJECT)}")
    p.set_defaults(functie=paden)
    p = sub.add_parser("bouw", help="strikte bouw; vervangt de site alleen als de bouw lukt")
    p.add_argument("--uit", default=PROJECT / "site", type=Path)
    p.add_argument("--config", default=PROJECT / "mkdocs.yml", type=Path)
    p.set_defaults(functie=bouw)
    args = parser.parse_args(argv)
    return args.functie(args)


if __name__ == "__main__":
    sys.exit(main())
