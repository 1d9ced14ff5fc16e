"""`make dist`: the built site, precompressed, with its nginx configuration.

The Content-Security-Policy is computed from the built pages: the sha256 of every inline
script mkdocs-material writes, so a theme upgrade that changes them changes the policy in
the same build instead of breaking (or widening) it.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import re
import shutil
from pathlib import Path

import brotli

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
GEEN_JS = re.compile(r'type="(?!text/javascript|module)[^"]*"')
COMPRIMEER = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}
MIN_GROOTTE = 256


def inline_script_hashes(site: Path) -> list[str]:
    """'sha256-…' for every distinct inline script that a browser executes."""
    hashes = set()
    for pagina in site.rglob("*.html"):
        for m in INLINE_SCRIPT.finditer(pagina.read_text(encoding="utf-8")):
            attrs = m.group("attrs")
            if "src=" in attrs or GEEN_JS.search(attrs):
                continue  # external scripts are 'self'; JSON data blocks do not execute
            digest = hashlib.sha256(m.group("body").encode("utf-8")).digest()
            hashes.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(hashes)


def csp(hashes: list[str], loket: str | None) -> str:
    voorouders = "'self'" + (f" {loket}" if loket else "")
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' " + " ".join(hashes),
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        f"frame-ancestors {voorouders}",
    ])


def verklein(site: Path) -> int:
    """Our own stylesheets and script without comments and spaces, for production only: the
    comments say why a value is what it is, which the source keeps and a visitor need not
    download. mkdocs-material's assets are minified already (`.min.`)."""
    import rcssmin
    import rjsmin

    verkleiners = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}
    aantal = 0
    for bestand in sorted((site / "assets").rglob("*")):
        if bestand.suffix in verkleiners and ".min." not in bestand.name and bestand.is_file():
            bestand.write_text(verkleiners[bestand.suffix](bestand.read_text(encoding="utf-8")), encoding="utf-8")
            aantal += 1
    return aantal


def comprimeer(site: Path) -> int:
    """Write .gz and .br next to every text file; deterministic (no timestamps, no names)."""
    aantal = 0
    for bestand in sorted(site.rglob("*")):
        if not bestand.is_file() or bestand.suffix not in COMPRIMEER or bestand.stat().st_size < MIN_GROOTTE:
            continue
        inhoud = bestand.read_bytes()
        with open(bestand.with_name(bestand.name + ".gz"), "wb") as uit:
            with gzip.GzipFile(filename="", mode="wb", fileobj=uit, compresslevel=9, mtime=0) as gz:
                gz.write(inhoud)
        bestand.with_name(bestand.name + ".br").write_bytes(brotli.compress(inhoud, quality=11))
        aantal += 1
    return aantal


LOKET_PATROON = re.compile(r"^https?://[a-z0-9.-]+(:\d+)?$")


def schrijf_deploy(sjablonen: Path, doel: Path, site: Path, *, loket: str | None, root: str | None,
                   listen: str, confmap: str | None) -> dict[str, str]:
    if loket and not LOKET_PATROON.match(loket):
        raise ValueError(f"LOKET moet een origin zijn, zoals https://loket.utrecht.nl (kreeg {loket!r})")
    doel.mkdir(parents=True, exist_ok=True)
    waarden = {
        "@CSP@": csp(inline_script_hashes(site), loket),
        "@ROOT@": root or str(site.resolve()),
        "@LISTEN@": listen,
        "@CONFMAP@": confmap or str(doel.resolve()),
    }
    for sjabloon in sorted(sjablonen.glob("*.conf.in")):
        tekst = sjabloon.read_text(encoding="utf-8")
        for sleutel, waarde in waarden.items():
            tekst = tekst.replace(sleutel, waarde)
        if open_plek := re.search(r"@[A-Z]+@", tekst):
            raise ValueError(f"{sjabloon.name}: {open_plek.group()} is niet ingevuld")
        (doel / sjabloon.name.removesuffix(".in")).write_text(tekst, encoding="utf-8")
    return waarden


def leeg(map: Path) -> None:
    if map.exists():
        shutil.rmtree(map)
