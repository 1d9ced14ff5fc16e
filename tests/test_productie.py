"""`make dist` for production: its settings are checked before the build, its files are
readable by an unprivileged web server, and its pages carry what crawlers and government
search need (canonical links, sitemap, robots.txt, security.txt, OWMS metadata)."""

from __future__ import annotations

import datetime
import json
import shutil
import stat
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from macros.data.adressen import CONTACT
from macros.uitvoer import dist as dist_module

from .conftest import PROJECT

# --- Settings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "instellingen",
    [
        {"loket": "https://loket.utrecht.nl"},
        {"loket": "https://loket.utrecht.nl:8443/"},
        {"loket": "http://127.0.0.1:9000"},
        {"loket": "http://localhost:9000"},
        {"listen": "8080"},
        {"listen": "127.0.0.1:8080"},
        {"listen": "[::1]:8080"},
        {"root": "/var/www/samenstadmaken"},
        {"site_url": "https://samenstadmaken.utrecht.nl"},
        {"contact": "security@utrecht.nl"},
        {"contact": "https://www.utrecht.nl/kwetsbaarheid-melden/"},
    ],
)
def test_goede_instellingen(instellingen):
    dist_module.controleer_instellingen(**instellingen)


@pytest.mark.parametrize(
    "instellingen, naam",
    [
        ({"loket": "http://loket.utrecht.nl"}, "LOKET"),
        ({"loket": "https://loket.utrecht.nl/pad"}, "LOKET"),
        ({"loket": "https://loket.utrecht.nl; script-src *"}, "LOKET"),
        ({"loket": "loket.utrecht.nl"}, "LOKET"),
        ({"listen": "tachtig"}, "LISTEN"),
        ({"listen": "70000"}, "LISTEN"),
        ({"listen": "80; include /etc/passwd"}, "LISTEN"),
        ({"listen": "::1:8080"}, "LISTEN"),
        ({"root": "dist/site"}, "ROOT"),
        ({"root": "/var/www/mijn site"}, "ROOT"),
        ({"root": "/var/www/$host"}, "ROOT"),
        ({"site_url": "http://samenstadmaken.utrecht.nl"}, "SITE_URL"),
        ({"site_url": "https://www.utrecht.nl/samenstadmaken/"}, "SITE_URL"),
        ({"contact": "niemand"}, "CONTACT"),
        ({"contact": "http://www.utrecht.nl/melden"}, "CONTACT"),
    ],
)
def test_foute_instelling_zegt_welke_en_hoe_het_wel_moet(instellingen, naam):
    with pytest.raises(ValueError) as fout:
        dist_module.controleer_instellingen(**instellingen)
    melding = str(fout.value)
    assert f"- {naam} " in melding and ("moet" in melding or "mag" in melding)
    assert repr(next(iter(instellingen.values()))) in melding


@pytest.mark.bouw  # runs make dist: seconds, not for make test-snel
def test_foute_instellingen_stoppen_make_dist_voor_de_bouw(tmp_path):
    uit = tmp_path / "dist"
    resultaat = subprocess.run(
        [
            "make",
            "--no-print-directory",
            "dist",
            f"UIT={uit}",
            f"PY={sys.executable}",
            "LOKET=http://loket.example",
            "LISTEN=80x",
            "ROOT=site",
            "CONFMAP=/etc/nginx/mijn map",
            "SITE_URL=http://kompas.example",
            "CONTACT=niemand",
        ],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert resultaat.returncode != 0
    for naam in ("LOKET", "LISTEN", "ROOT", "CONFMAP", "SITE_URL", "CONTACT"):
        assert f"- {naam} " in resultaat.stderr, resultaat.stderr
    assert not uit.exists()


# --- Modes -------------------------------------------------------------------------------------


def _niet_leesbaar(gegevensmap: Path) -> list[str]:
    fout = (
        []
        if stat.S_IMODE(gegevensmap.stat().st_mode) == 0o755
        else [f"{gegevensmap}: {oct(gegevensmap.stat().st_mode)}"]
    )
    for pad in gegevensmap.rglob("*"):
        verwacht = 0o755 if pad.is_dir() else 0o644
        if stat.S_IMODE(pad.stat().st_mode) != verwacht:
            fout.append(f"{pad.relative_to(gegevensmap)}: {oct(stat.S_IMODE(pad.stat().st_mode))}")
    return fout


def test_dist_is_leesbaar_voor_de_webserver(dist):
    """Built with umask 077 (conftest.make_dist): only the build's own modes count."""
    assert _niet_leesbaar(dist["map"]) == []


def test_site_is_leesbaar_voor_de_webserver(gebouwde_site):
    assert _niet_leesbaar(gebouwde_site) == []


# --- Files for crawlers and security researchers -----------------------------------------------


def _velden(security_txt: str) -> dict[str, str]:
    return dict(r.split(": ", 1) for r in security_txt.splitlines() if r and not r.startswith("#"))


def test_security_txt_volgens_rfc_9116(dist):
    velden = _velden((dist["map"] / "site" / ".well-known" / "security.txt").read_text(encoding="utf-8"))
    assert velden["Contact"] == f"mailto:{CONTACT}"
    assert velden["Preferred-Languages"] == "nl"
    assert velden["Canonical"] == dist["instellingen"]["SITE_URL"].rstrip("/") + "/.well-known/security.txt"
    # Expires follows from the commit, not from the day of the build, and is less than a
    # year ahead of it (RFC 9116 2.5.5).
    commit = int(
        subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=PROJECT, capture_output=True, text=True).stdout
    )
    verloopt = datetime.datetime.strptime(velden["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)
    gebouwd = datetime.datetime.fromtimestamp(commit, datetime.timezone.utc)
    assert datetime.timedelta(days=180) < verloopt - gebouwd < datetime.timedelta(days=365)
    assert (verloopt - gebouwd).total_seconds() % 86400 == 0


def test_make_dist_zonder_site_url_zegt_wat_ontbreekt(gebouwde_site, tmp_path, monkeypatch, capsys):
    """`make dist` without SITE_URL (and with a CONTACT of its own). The build itself is the
    session's (a real `bouw` without site_url), copied in place of a second one; compressing
    is left out, the session's dist covers it."""
    import macros.__main__ as opdrachtregel

    def bouw(args):
        shutil.copytree(gebouwde_site, args.uit)
        assert args.site_url is None
        return 0

    monkeypatch.setattr(opdrachtregel, "bouw", bouw)
    monkeypatch.setattr(dist_module, "comprimeer", lambda site: 0)
    melden = "https://www.utrecht.nl/kwetsbaarheid-melden/"
    code = opdrachtregel.main(["dist", "--uit", str(tmp_path / "dist"), "--contact", melden])
    uitvoer = capsys.readouterr().out
    assert code == 0
    site = tmp_path / "dist" / "site"
    assert "SITE_URL" in uitvoer and "sitemap.xml" in uitvoer and "canonieke links" in uitvoer
    assert not (site / "sitemap.xml").exists() and not (site / "sitemap.xml.gz").exists()
    assert "Sitemap:" not in (site / "robots.txt").read_text(encoding="utf-8")
    velden = _velden((site / ".well-known" / "security.txt").read_text(encoding="utf-8"))
    assert velden["Contact"] == melden and "Canonical" not in velden and "Expires" in velden
    assert _niet_leesbaar(tmp_path / "dist") == []


# --- OWMS ---------------------------------------------------------------------------------------


class _Kop(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, tuple[str | None, str]] = {}
        self.canonical: str | None = None
        self.lang: str | None = None
        self.titel = ""
        self._in_titel = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "meta" and (a.get("name") or "").startswith("DCTERMS."):
            assert a["name"] not in self.meta, f"{a['name']} staat er twee keer"
            self.meta[a["name"]] = (a.get("title"), a.get("content"))
        if tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href")
        self._in_titel = tag == "title"

    def handle_endtag(self, tag):
        self._in_titel = False

    def handle_data(self, data):
        if self._in_titel:
            self.titel += data


def _kop(html: str) -> _Kop:
    kop = _Kop()
    kop.feed(html[: html.index("</head>")])
    return kop


def test_owms_in_elke_pagina(gebouwde_site, html_paginas):
    datum = json.loads((gebouwde_site / "kompas.json").read_text(encoding="utf-8"))["bouw"]["datum"]
    assert datum
    paginas = {**html_paginas, "404.html": (gebouwde_site / "404.html").read_text(encoding="utf-8")}
    for pad, html in paginas.items():
        kop = _kop(html)
        assert kop.meta["DCTERMS.creator"] == ("OVERHEID.Gemeente", "Gemeente Utrecht"), pad
        assert kop.meta["DCTERMS.language"] == ("XSD.language", "nl") and kop.lang == "nl", pad
        assert kop.meta["DCTERMS.type"] == ("OVERHEID.Informatietype", "webpagina"), pad
        assert kop.meta["DCTERMS.modified"] == ("XSD.date", datum), pad
        titel = kop.meta["DCTERMS.title"][1]
        assert titel and kop.titel.startswith(titel), (pad, titel, kop.titel)
        # Without a site_url there is no canonical address to name.
        assert "DCTERMS.identifier" not in kop.meta and kop.canonical is None, pad


def test_met_site_url_canonieke_links_en_owms_identifier(dist):
    site_url = dist["instellingen"]["SITE_URL"].rstrip("/") + "/"
    site = dist["map"] / "site"
    paginas = sorted(site.rglob("index.html"))
    assert len(paginas) > 100
    for bestand in paginas:
        pad = bestand.parent.relative_to(site).as_posix() + "/"
        verwacht = site_url + ("" if pad == "./" else pad)
        kop = _kop(bestand.read_text(encoding="utf-8"))
        assert kop.canonical == verwacht
        assert kop.meta["DCTERMS.identifier"] == ("XSD.anyURI", verwacht)
