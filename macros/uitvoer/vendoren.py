"""`make vendor`: the gemeente's design system from package-lock.json into vendor/ (issue 25).

The site looks like gemeente Utrecht through the gemeente's own packages: the design tokens
(`@utrecht/design-tokens`), the CSS of the NL Design System components it uses
(`@utrecht/*-css`) and the font (`@fontsource-variable/noto-sans`). package.json names them
with exact versions, package-lock.json pins them with their integrity hashes. `make vendor`
installs exactly that lock (`npm ci`, in a temporary folder, without install scripts), copies
the files the site uses into vendor/, one folder per package with its licence, and records in
vendor/VERSIES.json the version, the integrity hash of the lock and the sha256 of each file.

So `make serve` and `make test` need no Node: the vendored files are in the repository, and
tests/test_vendor.py checks them against the record. Running `make vendor` again gives the
same bytes: the files are copied as published, the record has no dates, and the font subset
(below) is made without a timestamp.

The font: fontsource's Latin file (35.8 KB) has all weights from 100 to 900 and every
character of Latin. The site uses the gemeente's weights, 400 to 700 (the tokens' typography
scale: normal, semibold, bold), and Dutch text: the subset keeps that range of the weight axis
and the characters in TEKENS, which is about half the bytes on the first visit.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
import tempfile
from importlib import metadata
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent.parent
VENDOR = PROJECT / "vendor"
VERSIES = "VERSIES.json"
# Files in vendor/ that come from no package: what vendor/ is (by hand) and the record.
EIGEN_BESTANDEN = ("README.md", VERSIES)
NPM_BESTANDEN = ("package.json", "package-lock.json", ".npmrc")

TOKENS = "@utrecht/design-tokens"
LETTERTYPE = "@fontsource-variable/noto-sans"
LETTERTYPE_BRON = "files/noto-sans-latin-wght-normal.woff2"
LETTERTYPE_SUBSET = "noto-sans-latin-wght-400-700.woff2"
# Latin-1 (the Dutch letters and ë, é, ï, ç, ü of loanwords and names) and the punctuation of
# Word and the site: curly quotes, dashes, ellipsis, bullet, euro, thin and narrow no-break
# spaces, primes, the minus sign. A character outside it falls back to the next font.
TEKENS = (
    "U+0020-007E,U+00A0-00FF,U+0131,U+0152-0153,U+02C6,U+02DA,U+02DC,U+2009,U+2013-2014,"
    "U+2018-201A,U+201C-201E,U+2020-2022,U+2026,U+202F,U+2030,U+2032-2033,U+2039-203A,"
    "U+20AC,U+2122,U+2212"
)
GEWICHTEN = (400, 700)


class VendorFout(RuntimeError):
    """Why `make vendor` stopped, in Dutch, with what to do."""


def bestanden_van(naam: str) -> tuple[str, tuple[str, ...]]:
    """What kind of package `naam` is for the site, and which of its files the site uses."""
    if naam == TOKENS:
        return "tokens", ("dist/root.css", "LICENSE.md")
    if naam.startswith("@utrecht/") and naam.endswith("-css"):
        # dist/index.css styles the component's classes only; dist/html/ would restyle every
        # <button> and <table> of the theme as well.
        return "component", ("dist/index.css", "LICENSE.md")
    if naam == LETTERTYPE:
        return "lettertype", ("LICENSE",)
    raise VendorFout(
        f"package.json noemt {naam}, maar macros/uitvoer/vendoren.py weet niet welke bestanden de site "
        "ervan gebruikt: voeg het pakket toe in bestanden_van()"
    )


def vernieuw(uit: Path = VENDOR, project: Path = PROJECT) -> dict:
    """Install package-lock.json with `npm ci` in a temporary folder and vendor it into `uit`."""
    npm = shutil.which("npm")
    if npm is None:
        raise VendorFout("make vendor heeft npm nodig (Node.js 18 of nieuwer); installeer het en probeer opnieuw")
    with tempfile.TemporaryDirectory(prefix="kompas-vendor-") as tijdelijk:
        werk = Path(tijdelijk)
        for naam in NPM_BESTANDEN:
            if (project / naam).is_file():
                shutil.copyfile(project / naam, werk / naam)
        klaar = subprocess.run(
            [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=werk, capture_output=True, text=True
        )
        if klaar.returncode != 0:
            raise VendorFout(f"npm ci is mislukt:\n{klaar.stderr.strip()}")
        return vul(werk / "node_modules", json.loads((project / "package-lock.json").read_text("utf-8")), uit)


def vul(node_modules: Path, lock: dict, uit: Path) -> dict:
    """Copy what the site uses of every dependency of the lock into `uit` and write the record."""
    pakketten = lock["packages"]
    record: dict = {
        "uitleg": (
            "Gemaakt door make vendor (macros/uitvoer/vendoren.py) uit package-lock.json; niet met de hand "
            "bewerken. tests/test_vendor.py vergelijkt elk bestand met zijn sha256."
        ),
        "pakketten": {},
    }
    nieuw: dict[str, bytes] = {}
    for naam in sorted(pakketten[""]["dependencies"]):
        soort, bestanden = bestanden_van(naam)
        gegevens = pakketten[f"node_modules/{naam}"]
        bron = node_modules / naam
        geinstalleerd = json.loads((bron / "package.json").read_text("utf-8"))["version"]
        if geinstalleerd != gegevens["version"]:
            raise VendorFout(f"{naam}: npm installeerde {geinstalleerd}, package-lock.json zegt {gegevens['version']}")
        inhoud = {pad: (bron / pad).read_bytes() for pad in bestanden}
        pakket = {
            "versie": gegevens["version"],
            "integrity": gegevens["integrity"],
            "licentie": gegevens.get("license", ""),
            "soort": soort,
        }
        if soort == "lettertype":
            origineel = (bron / LETTERTYPE_BRON).read_bytes()
            inhoud[LETTERTYPE_SUBSET] = deelverzameling(origineel)
            pakket["afgeleid"] = {
                LETTERTYPE_SUBSET: {
                    "uit": LETTERTYPE_BRON,
                    "uit_sha256": _sha256(origineel),
                    "tekens": TEKENS,
                    "gewichten": f"{GEWICHTEN[0]}-{GEWICHTEN[1]}",
                    "fonttools": metadata.version("fonttools"),
                    "brotli": metadata.version("brotli"),
                }
            }
        pakket["bestanden"] = {pad: _sha256(data) for pad, data in sorted(inhoud.items())}
        record["pakketten"][naam] = pakket
        nieuw |= {f"{naam}/{pad}": data for pad, data in inhoud.items()}
    _schrijf(uit, nieuw, record)
    return record


def deelverzameling(woff2: bytes) -> bytes:
    """The font with only TEKENS and the weights GEWICHTEN: the same bytes every time (the
    font's own date is kept, not set to now)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    font = TTFont(io.BytesIO(woff2), recalcTimestamp=False)
    opties = subset.Options()
    opties.flavor = "woff2"
    # The names with the copyright (0) and the licence (13, 14) stay in the file: the OFL asks
    # that they travel with the font.
    opties.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    # Tabular figures for the tables of numbers (the table component asks for them).
    opties.layout_features = [*opties.layout_features, "tnum"]
    deler = subset.Subsetter(opties)
    deler.populate(unicodes=subset.parse_unicodes(TEKENS))
    deler.subset(font)
    # After the subset: the instancer reads the glyph variations the subset kept.
    font = instancer.instantiateVariableFont(font, {"wght": GEWICHTEN})
    font.recalcTimestamp = False
    font.flavor = "woff2"
    uit = io.BytesIO()
    font.save(uit)
    return uit.getvalue()


def _schrijf(uit: Path, nieuw: dict[str, bytes], record: dict) -> None:
    """Write the files and the record; remove what the previous record listed and is gone now
    (only that: `uit` may hold other files)."""
    vorige = uit / VERSIES
    if vorige.is_file():
        for naam, pakket in json.loads(vorige.read_text("utf-8"))["pakketten"].items():
            for pad in pakket["bestanden"]:
                if f"{naam}/{pad}" not in nieuw:
                    (uit / naam / pad).unlink(missing_ok=True)
                    _ruim_lege_mappen_op(uit, (uit / naam / pad).parent)
    for pad, data in sorted(nieuw.items()):
        doel = uit / pad
        doel.parent.mkdir(parents=True, exist_ok=True)
        doel.write_bytes(data)
    (uit / VERSIES).write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _ruim_lege_mappen_op(uit: Path, map_: Path) -> None:
    while map_ != uit and map_.is_dir() and not any(map_.iterdir()):
        map_.rmdir()
        map_ = map_.parent


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
