"""Command line for the kompas data and the site build.

python -m macros controleer               check the data; every problem with what to do
python -m macros versie --wat "…" [--versie 1.1]
                                          record a new version (make versie)
python -m macros gouden                   rewrite the golden files in tests/golden/
python -m macros verschil [--van REV] [--naar REV] [--uit BESTAND]
                                          what a change to kompas_data/ does to the outcomes
python -m macros ci [--uit BESTAND]       the check and the report, for CI (before the tests)
python -m macros bouw [--uit site] [--site-url URL] [--voorbeeld]
                                          strict build that replaces the site only on success;
                                          --voorbeeld: links that open from a folder on disk
python -m macros vastleggen --doel origin/main [--bericht BESTAND]
                                          CI's version job: make versie for a pull request,
                                          its title (KOMPAS_TITEL) as the summary
python -m macros schema [--schrijf]       the JSON Schema files of the data (schema/)
python -m macros vendor [--uit vendor]   the gemeente's design system from package-lock.json
                                          into vendor/ (npm ci; make vendor)
python -m macros dist [--uit dist] [--loket ORIGIN] [--root PAD] [--listen 80]
                      [--site-url URL] [--contact ADRES]
                                          site + precompressed copies + nginx configuration
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .data.adressen import CONTACT
from .data.loader import laad_kompas_data
from .review import opdrachten as review

PROJECT = Path(__file__).resolve().parent.parent
SCHEMA_MAP = PROJECT / "schema"
# The engines that build this site, the first by default (README, "Motor en thema"); each is
# run as `python -m <motor> build`, with our plugin and theme unchanged.
MOTOREN = ("mkdocs", "properdocs")


def schema_opdracht(args) -> int:
    from .uitvoer import json_schema

    bestanden = json_schema.schema_bestanden()
    if not args.schrijf:
        sys.stdout.write(bestanden["kompas.schema.json"])
        return 0
    SCHEMA_MAP.mkdir(exist_ok=True)
    for oud in SCHEMA_MAP.glob("*.json"):
        if oud.name not in bestanden:
            oud.unlink()
    for naam, inhoud in bestanden.items():
        (SCHEMA_MAP / naam).write_text(inhoud, encoding="utf-8")
    print(f"geschreven: {len(bestanden)} bestanden in {SCHEMA_MAP.relative_to(PROJECT)}/")
    return 0


def bouw(args) -> int:
    """Build into a fresh folder next to the target; swap it in only when the build passed,
    so a failed build never leaves a half-written site in place of the last good one."""
    from .uitvoer import bouwinfo, dist

    site_url = None
    if getattr(args, "site_url", None):
        try:
            site_url = dist.controleer_instellingen(site_url=args.site_url).site_url
        except ValueError as fout:
            print(fout, file=sys.stderr)
            return 2
    uit = Path(args.uit).resolve()
    uit.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = Path(tempfile.mkdtemp(prefix=f".{uit.name}-bouw-", dir=uit.parent))
    opdracht = [
        sys.executable,
        "-m",
        args.motor,
        "build",
        "--strict",
        "--clean",
        "--config-file",
        str(args.config),
        "--site-dir",
        str(tijdelijk),
    ]

    omgeving = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # Dates in the site (sitemap, footer) come from the last commit: reproducible builds.
    if "SOURCE_DATE_EPOCH" not in omgeving and (epoch := bouwinfo.bron_epoch(PROJECT)):
        omgeving["SOURCE_DATE_EPOCH"] = str(epoch)
    # mkdocs.yml reads site_url from here (canonical links, sitemap); only what was asked
    # for this build, never a value left in the shell.
    omgeving.pop("KOMPAS_SITE_URL", None)
    if site_url:
        omgeving["KOMPAS_SITE_URL"] = site_url
    resultaat = subprocess.run(opdracht, env=omgeving)
    if resultaat.returncode != 0:
        shutil.rmtree(tijdelijk, ignore_errors=True)
        bestaand = f"; {uit} is niet veranderd" if uit.exists() else ""
        print(f"De bouw is mislukt{bestaand}.", file=sys.stderr)
        return resultaat.returncode
    if getattr(args, "voorbeeld", False):
        from .uitvoer import voorbeeld

        voorbeeld.maak_voorbeeld(tijdelijk)
    # mkdtemp made the folder 0700: a web server's own user could not read the site.
    dist.maak_leesbaar(tijdelijk)
    oud = uit.with_name(f".{uit.name}-oud")
    shutil.rmtree(oud, ignore_errors=True)
    if uit.exists():
        uit.rename(oud)
    tijdelijk.rename(uit)
    shutil.rmtree(oud, ignore_errors=True)
    if getattr(args, "voorbeeld", False):
        print(f"Voorbeeld gebouwd in {uit}: open {uit / 'index.html'} in een browser")
    else:
        print(f"Site gebouwd in {uit}")
    return 0


def vastleggen_opdracht(args) -> int:
    """CI's version job (review/vastleggen.py). The title comes from the environment, never
    through a shell line: a title is text anyone with a pull request can write."""
    from .review import vastleggen

    titel = args.titel if args.titel is not None else os.environ.get("KOMPAS_TITEL", "")
    doel_naam = args.doel.removeprefix("origin/")
    try:
        uitkomst = vastleggen.leg_vast(args.repo, args.map, args.golden, titel, args.doel, doel_naam)
    except vastleggen.Weigering as fout:
        tekst = f"De CI heeft de versie niet vastgelegd: {fout}"
        code = 1
    else:
        tekst, code = uitkomst.bericht, 0
    if args.bericht:
        Path(args.bericht).parent.mkdir(parents=True, exist_ok=True)
        Path(args.bericht).write_text(tekst + "\n", encoding="utf-8")
    (sys.stdout if code == 0 else sys.stderr).write(tekst + "\n")
    return code


def dist_opdracht(args) -> int:
    from .uitvoer import bouwinfo, dist

    uit = Path(args.uit).resolve()
    site = uit / "site"
    try:
        # ROOT and CONFMAP default to this machine's folders, which must suit nginx as well.
        instellingen = dist.controleer_instellingen(
            loket=args.loket,
            root=args.root or str(site),
            listen=args.listen,
            confmap=args.confmap or str(uit / "deploy"),
            site_url=args.site_url,
            contact=args.contact,
        )
    except ValueError as fout:
        print(fout, file=sys.stderr)
        return 2
    code = bouw(argparse.Namespace(uit=site, config=args.config, site_url=instellingen.site_url, motor=MOTOREN[0]))
    if code != 0:
        return code
    weggelaten = dist.schrijf_bestanden_voor_bezoekers(site, instellingen, bouwinfo.bron_epoch(PROJECT))
    aantal = dist.comprimeer(site)
    try:
        dist.schrijf_deploy(PROJECT / "deploy", uit / "deploy", site, instellingen)
    except ValueError as fout:
        print(fout, file=sys.stderr)
        return 1
    info = bouwinfo.bouw_info(PROJECT)
    data = laad_kompas_data(PROJECT / "kompas_data")
    (uit / "BOUW").write_text(
        f"commit: {info.commit}\ndatum: {info.datum}\nkompas: {data.kompas.versie}\n", encoding="utf-8"
    )
    dist.maak_leesbaar(uit)
    print(f"dist klaar in {uit}: {aantal} bestanden gecomprimeerd (gzip en brotli), nginx-configuratie in deploy/")
    for melding in weggelaten:
        print(melding)
    return 0


def vendor_opdracht(args) -> int:
    from .uitvoer import vendoren

    try:
        record = vendoren.vernieuw(args.uit)
    except vendoren.VendorFout as fout:
        print(f"make vendor: {fout}", file=sys.stderr)
        return 1
    print(f"{len(record['pakketten'])} pakketten in {args.uit}/, met versies en sha256 in {vendoren.VERSIES}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m macros", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="opdracht", required=True)
    review.voeg_toe(sub, PROJECT)
    p = sub.add_parser("dist", help="site, gecomprimeerde kopieën en nginx-configuratie")
    p.add_argument("--uit", default=PROJECT / "dist", type=Path)
    p.add_argument("--config", default=PROJECT / "mkdocs.yml", type=Path)
    p.add_argument("--loket", help="origin van het intern loket dat de wijzer in een iframe mag tonen")
    p.add_argument("--root", help="map van de site op de server (standaard: dist/site)")
    p.add_argument("--listen", default="80", help="waarde voor nginx listen (standaard 80)")
    p.add_argument("--confmap", help="map van de configuratie op de server (standaard: dist/deploy)")
    p.add_argument("--site-url", help="https-adres van de site: canonieke links, sitemap, robots.txt, security.txt")
    p.add_argument("--contact", help=f"e-mailadres of https-meldformulier in security.txt (standaard {CONTACT})")
    p.set_defaults(functie=dist_opdracht)
    p = sub.add_parser("schema", help="het JSON Schema van de data")
    p.add_argument("--schrijf", action="store_true", help="schrijf de bestanden in schema/")
    p.set_defaults(functie=schema_opdracht)
    p = sub.add_parser("vendor", help="de huisstijl van de gemeente uit package-lock.json in vendor/ (npm ci)")
    p.add_argument("--uit", default=PROJECT / "vendor", type=Path)
    p.set_defaults(functie=vendor_opdracht)
    p = sub.add_parser("bouw", help="strikte bouw; vervangt de site alleen als de bouw lukt")
    p.add_argument("--uit", default=PROJECT / "site", type=Path)
    p.add_argument("--config", default=PROJECT / "mkdocs.yml", type=Path)
    p.add_argument("--site-url", help="https-adres van de site, voor canonieke links en de sitemap")
    p.add_argument(
        "--voorbeeld", action="store_true", help="voor het artefact van de CI: links die werken vanuit een map"
    )
    # The engine: MkDocs 1.6, or ProperDocs, its maintained continuation (README, "Motor en thema").
    p.add_argument("--motor", choices=MOTOREN, default=MOTOREN[0], help="mkdocs (standaard) of properdocs")
    p.set_defaults(functie=bouw)
    p = sub.add_parser("vastleggen", help="de versie-job van de CI: make versie voor een pull request")
    p.add_argument("--repo", default=PROJECT, type=Path, help="de git-repository van de wijziging")
    p.add_argument("--map", default=None, type=Path, help="de gegevens (standaard: kompas_data/ in --repo)")
    p.add_argument("--golden", default=None, type=Path, help="de gouden bestanden (standaard: tests/golden/)")
    p.add_argument("--doel", default="origin/main", help="de branch waar de wijziging in moet (standaard origin/main)")
    p.add_argument("--titel", help="de samenvatting (standaard: de omgevingsvariabele KOMPAS_TITEL)")
    p.add_argument("--bericht", help="schrijf de uitkomst (Nederlands) ook naar dit bestand, voor de reactie")
    p.set_defaults(functie=vastleggen_opdracht)
    args = parser.parse_args(argv)
    if args.opdracht == "vastleggen":
        args.map = args.map or args.repo / "kompas_data"
        args.golden = args.golden or args.repo / "tests" / "golden"
    uitkomst: int = args.functie(args)  # the exit code of the command
    return uitkomst


if __name__ == "__main__":
    sys.exit(main())
