"""Shared fixtures: the data, one site build per session, one HTTP server and one browser.

Two kinds of data, on purpose (as alphagov/smart-answers tests its engine on fixture flows):
- `kompas10`: a frozen copy of kompas 1.0 in tests/fixtures/ (and examples derived from it).
  Tests of the engine (loader, graph, walker states, report, versions, renderers) use it and
  may expect its exact questions, paths and amounts.
- `data`: the live kompas_data/. Only invariants run against it (it loads, its versions,
  scenarios and golden files agree, the site builds and every page passes its checks), so
  a correct change by the kompasteam keeps every test green.

The machines have two cores: the site is built once (`gebouwde_site`) and every test that
looks at the site or drives the browser shares that build and a single chromium. Tests that
use the browser, nginx or a site build are marked `browser` / `nginx` / `bouw` (see
`pytest_collection_modifyitems`): `make test-snel` leaves them out.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Iterator

import pytest
import yaml

from macros.data import betekenis
from macros.data.loader import laad_kompas_data
from macros.review import versie

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT / "kompas_data"
GOUDEN = PROJECT / "tests" / "golden"
KOMPAS_10 = Path(__file__).resolve().parent / "fixtures" / "kompas-1.0"
NOTA_MAP = "nota_vastgesteld"  # the note as adopted, beside kompas_data/ (mkdocs.yml)
VOORBEELDEN = Path(__file__).resolve().parent / "voorbeelden"
CHROMIUM = "/usr/bin/chromium"
# Without the networking flags chromium tries to reach Google's hosts at every start.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if fixtures & {"browser", "met_js", "zonder_js", "pagina", "context"}:
            item.add_marker(pytest.mark.browser)
        if fixtures & {"dist", "nginx_url"}:
            item.add_marker(pytest.mark.nginx)
        if fixtures & {"gebouwde_site", "vijandige_site", "gewijzigde_site", "basis_site"}:
            item.add_marker(pytest.mark.bouw)


@pytest.fixture(scope="session")
def data():
    """The live data: for invariants only."""
    return laad_kompas_data(DATA)


@pytest.fixture(scope="session")
def kompas10():
    """Kompas 1.0, frozen: for tests of the engine."""
    return laad_kompas_data(KOMPAS_10)


def maak_voorbeeld(voorbeeld: Path, doel: Path) -> Path:
    """Materialise an example data set in `doel` and return the folder.

    A folder is a complete data set. A `.yaml` file describes changes to kompas 1.0 (the
    frozen copy in tests/fixtures/, see `pas_toe`), so an example states only what makes it
    special.
    """
    doel.mkdir(parents=True, exist_ok=True)
    if voorbeeld.is_dir():
        for bestand in voorbeeld.glob("*.yaml"):
            shutil.copy(bestand, doel / bestand.name)
        return doel
    kopieer_kompas10(doel)
    pas_toe(doel, yaml.safe_load(voorbeeld.read_text(encoding="utf-8")), voorbeeld.name)
    return doel


def kopieer_kompas10(doel: Path) -> Path:
    doel.mkdir(parents=True, exist_ok=True)
    for bestand in KOMPAS_10.glob("*.yaml"):
        shutil.copy(bestand, doel / bestand.name)
    return doel


def met_nieuwe_versie(gegevensmap: Path, wat: str = "Een wijziging voor een test.") -> Path:
    """Record a version for a changed copy of kompas 1.0, as `make versie` would, so the
    build (which refuses changed meaning under an old version) takes it."""
    if betekenis.versie_fouten(laad_kompas_data(gegevensmap)):
        versie.leg_vast(gegevensmap, laad_kompas_data(KOMPAS_10), wat)
    return gegevensmap


def pas_toe(gegevensmap: Path, beschrijving: dict, naam: str) -> None:
    """Apply a change set to a data folder: `wijzigingen` (replace the first occurrence of
    `vervang` by `door`), `knip` (remove from `van` up to `tot`), `verwijder` (leave files
    out), `nieuw` (extra files) and `codering` (write a file in another encoding, such as
    latin-1, as an editor on another system might). Each text must occur, so an example
    cannot silently stop testing what it says."""

    def lees(bestand: str, tekst: str) -> tuple[Path, str]:
        pad = gegevensmap / bestand
        inhoud = pad.read_text(encoding="utf-8")
        if tekst not in inhoud:
            raise AssertionError(f"{naam}: tekst {tekst!r} staat niet in {bestand}; werk het voorbeeld bij")
        return pad, inhoud

    for wijziging in beschrijving.get("wijzigingen", []):
        pad, inhoud = lees(wijziging["bestand"], wijziging["vervang"])
        pad.write_text(inhoud.replace(wijziging["vervang"], wijziging["door"], 1), encoding="utf-8")
    for knip in beschrijving.get("knip", []):
        pad, inhoud = lees(knip["bestand"], knip["van"])
        begin = inhoud.index(knip["van"])
        eind = inhoud.index(knip["tot"], begin) if knip.get("tot") else len(inhoud)
        pad.write_text(inhoud[:begin] + inhoud[eind:], encoding="utf-8")
    for bestandsnaam in beschrijving.get("verwijder", []):
        (gegevensmap / bestandsnaam).unlink()
    for bestandsnaam, inhoud in beschrijving.get("nieuw", {}).items():
        (gegevensmap / bestandsnaam).parent.mkdir(parents=True, exist_ok=True)
        (gegevensmap / bestandsnaam).write_text(inhoud, encoding="utf-8")
    for bestandsnaam, codering in beschrijving.get("codering", {}).items():
        pad = gegevensmap / bestandsnaam
        pad.write_bytes(pad.read_text(encoding="utf-8").encode(codering))


def git(gegevensmap: Path, *args: str) -> str:
    """git in a repository a test made, with a fixed author and no user configuration."""
    return subprocess.run(
        ["git", *args],
        cwd=gegevensmap,
        check=True,
        capture_output=True,
        text=True,
        env={
            "GIT_AUTHOR_NAME": "kompasteam",
            "GIT_AUTHOR_EMAIL": "k@t",
            "GIT_COMMITTER_NAME": "kompasteam",
            "GIT_COMMITTER_EMAIL": "k@t",
            "PATH": "/usr/bin:/bin",
            "HOME": str(gegevensmap),
        },
    ).stdout


def bouw_site(
    uit: Path, data_map: Path | None = None, nota_map: Path | None = None, motor: str = "mkdocs"
) -> subprocess.CompletedProcess:
    """Run the project's real build command (`python -m macros bouw`), on other data or (for
    data that must reach /nota/ and the PDF too) another note as adopted, or with another engine."""
    omgeving = {"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1"}
    if data_map is not None:
        omgeving["KOMPAS_DATA"] = str(data_map)
    if nota_map is not None:
        omgeving["KOMPAS_NOTA"] = str(nota_map)
    return subprocess.run(
        [sys.executable, "-m", "macros", "bouw", "--uit", str(uit), "--motor", motor],
        cwd=PROJECT,
        env=omgeving,
        capture_output=True,
        text=True,
    )


# The build of the live site, started as soon as the tests are known when some need it: it
# takes about as long as the tests that need no site, and on two cores it runs beside them.
_ACHTERGROND: dict = {}


def pytest_collection_finish(session):
    if not any("gebouwde_site" in getattr(item, "fixturenames", ()) for item in session.items):
        return
    map_ = Path(tempfile.mkdtemp(prefix="kompas-bouw-"))
    draad = threading.Thread(
        target=lambda: _ACHTERGROND.update(resultaat=bouw_site(map_ / "site")), name="bouw", daemon=True
    )
    _ACHTERGROND.update(map=map_, draad=draad)
    draad.start()


def pytest_sessionfinish(session):
    if "map" in _ACHTERGROND:
        _ACHTERGROND["draad"].join()
        shutil.rmtree(_ACHTERGROND["map"], ignore_errors=True)


@pytest.fixture(scope="session")
def gebouwde_site(tmp_path_factory) -> Path:
    if "draad" in _ACHTERGROND:
        _ACHTERGROND["draad"].join()
        uit, resultaat = _ACHTERGROND["map"] / "site", _ACHTERGROND["resultaat"]
    else:
        uit = tmp_path_factory.mktemp("bouw") / "site"
        resultaat = bouw_site(uit)
    assert resultaat.returncode == 0, f"de strikte bouw faalt:\n{resultaat.stdout}\n{resultaat.stderr}"
    return uit


def paginas_van(site: Path) -> dict[str, str]:
    """Every built HTML page of `site` by its site path ("" for the home page), except the 404 page."""
    paginas = {}
    for bestand in sorted(site.rglob("index.html")):
        pad = bestand.parent.relative_to(site).as_posix()
        paginas["" if pad == "." else pad + "/"] = bestand.read_text(encoding="utf-8")
    return paginas


@pytest.fixture(scope="session")
def html_paginas(gebouwde_site) -> dict[str, str]:
    return paginas_van(gebouwde_site)


@pytest.fixture(scope="session")
def nota_site(tmp_path_factory) -> Path:
    """The site as the note itself would make it: built with the note as adopted
    (nota_vastgesteld/) as its data, which the kompasteam's later versions never change. Tests
    of the engine that need real-sized content use it instead of the live data: the structure
    of /nota/ and the PDF (which come from the same source), and the walker's layout on a phone
    (a later version may have longer routes: its text is the kompasteam's, not a fault)."""
    uit = tmp_path_factory.mktemp("nota-als-site") / "site"
    resultaat = bouw_site(uit, data_map=PROJECT / NOTA_MAP)
    assert resultaat.returncode == 0, f"de bouw met de nota als gegevens faalt:\n{resultaat.stdout}\n{resultaat.stderr}"
    return uit


@pytest.fixture(scope="session")
def paginas_van_de_nota(nota_site) -> dict[str, str]:
    return paginas_van(nota_site)


@pytest.fixture(scope="session")
def nota_site_url(nota_site):
    with serveer(nota_site) as url:
        yield url


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files as a production server serves them: the site's own 404 page for a
    path that does not exist (nginx: error_page 404 /404.html)."""

    def send_error(self, code, message=None, explain=None):
        pagina = Path(self.directory) / "404.html"
        if code != 404 or not pagina.is_file():
            return super().send_error(code, message, explain)
        inhoud = pagina.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(inhoud)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(inhoud)

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serveer(site: Path) -> Iterator[str]:
    """A built site over HTTP on a free port, for as long as the block lasts: its URL."""
    handler = functools.partial(_SiteHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def site_url(gebouwde_site):
    with serveer(gebouwde_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} ontbreekt; `make test` installeert het (apt-get install chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def make_dist(uit: Path, instellingen: dict[str, str], **omgeving) -> subprocess.CompletedProcess:
    """`make dist` with these settings into `uit`, as the web team runs it. With umask 077,
    so that only the build's own chmod can make the files readable for nginx's workers."""
    return subprocess.run(
        [
            "make",
            "--no-print-directory",
            "dist",
            f"UIT={uit}",
            f"PY={sys.executable}",
            *(f"{naam}={waarde}" for naam, waarde in instellingen.items()),
        ],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        umask=0o077,
        env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", **omgeving},
    )


@pytest.fixture(scope="session")
def dist():
    """`make dist` for a real nginx on 127.0.0.1, with the production settings.

    Not in pytest's temporary folder: that and its parents are 0700, and nginx's workers run
    as www-data (as on Debian), so they could not reach the site whatever the build did. A
    folder of our own under /tmp, opened for them; everything below it is the build's."""
    from .nginx_server import vrije_poort

    poort = vrije_poort()
    basis = Path(tempfile.mkdtemp(prefix="kompas-dist-"))
    basis.chmod(0o755)
    instellingen = {
        "LOKET": "https://loket.example",
        "LISTEN": f"127.0.0.1:{poort}",
        "SITE_URL": "https://samenstadmaken.example",
    }
    resultaat = make_dist(basis / "dist", instellingen)
    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr
    yield {"map": basis / "dist", "poort": poort, "instellingen": instellingen}
    shutil.rmtree(basis, ignore_errors=True)


@pytest.fixture(scope="session")
def nginx_url(dist, tmp_path_factory):
    from .nginx_server import Nginx, hoofdconfiguratie

    gegevensmap = tmp_path_factory.mktemp("nginx")
    server = Nginx(
        hoofdconfiguratie(gegevensmap, dist["map"] / "deploy" / "kompas.conf"), f"http://127.0.0.1:{dist['poort']}/"
    )
    server.start()
    yield server.url
    server.stop()
