"""`make dist`: the built site, precompressed, with its nginx configuration.

The Content-Security-Policy is computed from the built pages: the sha256 of every inline
script mkdocs-material writes, so a theme upgrade that changes them changes the policy in
the same build instead of breaking (or widening) it.

The settings (LOKET, ROOT, LISTEN, SITE_URL, CONTACT) are checked before the build starts:
they end up in nginx's configuration and in files crawlers read, and a typo should cost a
second, not a build.
"""

from __future__ import annotations

import base64
import datetime
import gzip
import hashlib
import ipaddress
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import brotli

from ..data.adressen import CONTACT

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
    return "; ".join(
        [
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
        ]
    )


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


# --- Settings -------------------------------------------------------------------------------

ORIGIN_PATROON = re.compile(r"^(?P<schema>https?)://(?P<host>[a-z0-9.-]+|\[[0-9a-f:]+\])(?::(?P<poort>\d{1,5}))?/?$")
# http is allowed for these hosts only: a browser counts a loopback origin as secure and
# nothing of it crosses the network, so a developer can try the embed with a local page.
LOOPBACK = {"localhost", "127.0.0.1", "[::1]"}
# ROOT and CONFMAP are written into nginx's configuration as they are: a space, quote, $ or ;
# would change what nginx reads there.
PAD_PATROON = re.compile(r"^/[A-Za-z0-9._/+@-]*$")
EMAIL_PATROON = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")


@dataclass(frozen=True)
class Instellingen:
    loket: str | None
    root: str | None
    listen: str
    confmap: str | None
    site_url: str | None  # "https://host/", always with the slash
    contact: str  # a URI for security.txt: mailto: or https:


def _origin(waarde: str) -> re.Match | None:
    m = ORIGIN_PATROON.match(waarde.lower())
    if m and m.group("poort") and not 0 < int(m.group("poort")) < 65536:
        return None
    return m


def _loket(loket: str) -> tuple[str | None, str | None]:
    m = _origin(loket)
    if m and (m.group("schema") == "https" or m.group("host") in LOOPBACK):
        return loket.lower().rstrip("/"), None
    return None, (
        f"LOKET moet een https-origin zijn (schema en host, zonder pad), zoals https://loket.utrecht.nl; "
        f"http mag alleen voor localhost of 127.0.0.1 (kreeg {loket!r})"
    )


def _fout_listen(listen: str) -> str | None:
    adres, _, poort = listen.rpartition(":")
    goed = poort.isdigit() and 0 < int(poort) < 65536
    if goed and adres:
        try:
            ipaddress.ip_address(adres[1:-1] if adres.startswith("[") and adres.endswith("]") else adres)
            goed = ":" not in adres or adres.startswith("[")
        except ValueError:
            goed = False
    if goed:
        return None
    return f"LISTEN moet een poort zijn (80) of adres:poort (127.0.0.1:8080, [::1]:8080) (kreeg {listen!r})"


def _fout_pad(naam: str, pad: str) -> str | None:
    if not PurePosixPath(pad).is_absolute():
        return f"{naam} moet een absoluut pad zijn, zoals /var/www/samenstadmaken (kreeg {pad!r})"
    if not PAD_PATROON.match(pad):
        return (
            f"{naam} mag alleen letters, cijfers en . _ / + @ - bevatten: nginx leest een spatie, "
            f"aanhalingsteken, $ of ; anders dan bedoeld (kreeg {pad!r})"
        )
    return None


def _site_url(site_url: str) -> tuple[str | None, str | None]:
    m = _origin(site_url)
    if not m or m.group("schema") != "https":
        return None, (
            f"SITE_URL moet het https-adres van de site zijn, zonder pad, zoals "
            f"https://samenstadmaken.utrecht.nl (kreeg {site_url!r})"
        )
    return site_url.lower().rstrip("/") + "/", None


def _contact(contact: str) -> tuple[str, str | None]:
    """The contact as a URI for security.txt, and what is wrong with it (then the URI is unused)."""
    if EMAIL_PATROON.match(adres := contact.removeprefix("mailto:")):
        return f"mailto:{adres}", None
    if contact.startswith("https://") and re.fullmatch(r"https://[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]+", contact):
        return contact, None
    return contact, (
        f"CONTACT moet een e-mailadres zijn (zoals {CONTACT}) of een https-adres van een "
        f"meldformulier (kreeg {contact!r})"
    )


def controleer_instellingen(
    *,
    loket: str | None = None,
    root: str | None = None,
    listen: str = "80",
    confmap: str | None = None,
    site_url: str | None = None,
    contact: str | None = None,
) -> Instellingen:
    """The settings as the configuration needs them, or ValueError naming every wrong one."""
    fouten = []
    if loket:
        loket, fout = _loket(loket)
        fouten.append(fout)
    fouten.append(_fout_listen(listen))
    for naam, pad in (("ROOT", root), ("CONFMAP", confmap)):
        if pad is not None:
            fouten.append(_fout_pad(naam, pad))
    url = None
    if site_url:
        url, fout = _site_url(site_url)
        fouten.append(fout)
    uri, fout = _contact(contact or CONTACT)
    fouten.append(fout)
    if fouten := [f for f in fouten if f]:
        raise ValueError("De instellingen kloppen niet:\n" + "\n".join(f"- {f}" for f in fouten))
    return Instellingen(loket=loket or None, root=root, listen=listen, confmap=confmap, site_url=url, contact=uri)


# --- nginx -----------------------------------------------------------------------------------


def schrijf_deploy(sjablonen: Path, doel: Path, site: Path, instellingen: Instellingen) -> dict[str, str]:
    doel.mkdir(parents=True, exist_ok=True)
    hashes = inline_script_hashes(site)
    waarden = {
        # Only the embed may be framed by the intern loket; every other page by the site itself.
        "@CSP@": csp(hashes, None),
        "@CSP_EMBED@": csp(hashes, instellingen.loket),
        "@ROOT@": instellingen.root or str(site.resolve()),
        "@LISTEN@": instellingen.listen,
        "@CONFMAP@": instellingen.confmap or str(doel.resolve()),
    }
    for sjabloon in sorted(sjablonen.glob("*.conf.in")):
        tekst = sjabloon.read_text(encoding="utf-8")
        for sleutel, waarde in waarden.items():
            tekst = tekst.replace(sleutel, waarde)
        if open_plek := re.search(r"@[A-Z_]+@", tekst):
            raise ValueError(f"{sjabloon.name}: {open_plek.group()} is niet ingevuld")
        (doel / sjabloon.name.removesuffix(".in")).write_text(tekst, encoding="utf-8")
    return waarden


# --- Files for crawlers and security researchers -------------------------------------------

# RFC 9116 2.5.5 recommends an Expires less than a year ahead. It is counted from the build's
# own date (the last commit), never the wall clock, so two builds of a commit are the same
# bytes; a site not rebuilt within the year says so by an expired security.txt.
SECURITY_GELDIG = datetime.timedelta(days=364)


def security_txt(contact: str, site_url: str | None, epoch: int) -> str:
    verloopt = datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc) + SECURITY_GELDIG
    regels = [
        "# Een kwetsbaarheid gevonden in deze site? Meld het ons, dan lossen we het samen op.",
        f"Contact: {contact}",
        f"Expires: {verloopt.strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: nl",
    ]
    if site_url:
        regels.append(f"Canonical: {site_url}.well-known/security.txt")
    return "\n".join(regels) + "\n"


def robots_txt(site_url: str | None) -> str:
    regels = ["User-agent: *", "Disallow:"]
    if site_url:
        regels += ["", f"Sitemap: {site_url}sitemap.xml"]
    return "\n".join(regels) + "\n"


def schrijf_bestanden_voor_bezoekers(site: Path, instellingen: Instellingen, epoch: int | None) -> list[str]:
    """robots.txt and /.well-known/security.txt; returns what had to be left out, and why."""
    weggelaten = []
    (site / "robots.txt").write_text(robots_txt(instellingen.site_url), encoding="utf-8")
    if epoch is None:
        weggelaten.append(
            "Zonder bouwdatum (geen git en geen SOURCE_DATE_EPOCH) ontbreekt security.txt: "
            "de vervaldatum (Expires) komt uit de bouwdatum."
        )
    else:
        (site / ".well-known").mkdir(exist_ok=True)
        (site / ".well-known" / "security.txt").write_text(
            security_txt(instellingen.contact, instellingen.site_url, epoch), encoding="utf-8"
        )
    if not instellingen.site_url:
        # MkDocs writes an empty sitemap without a site_url: better none than an empty one.
        for naam in ("sitemap.xml", "sitemap.xml.gz"):
            (site / naam).unlink(missing_ok=True)
        weggelaten.append(
            "Zonder SITE_URL (make dist SITE_URL=https://…) ontbreken: sitemap.xml, de "
            "Sitemap-regel in robots.txt, de canonieke links en DCTERMS.identifier in de "
            "pagina's" + (", en Canonical in security.txt." if epoch is not None else ".")
        )
    return weggelaten


# --- Modes -----------------------------------------------------------------------------------


def maak_leesbaar(gegevensmap: Path) -> None:
    """Directories 0755 and files 0644, whatever the umask or mkdtemp made (0700): nginx's
    workers run as an unprivileged user (www-data on Debian) and must read every file."""
    gegevensmap.chmod(0o755)
    for wortel, mappen, bestanden in os.walk(gegevensmap):
        for naam in mappen:
            os.chmod(os.path.join(wortel, naam), 0o755)
        for naam in bestanden:
            os.chmod(os.path.join(wortel, naam), 0o644)
