"""Shared plumbing for the benchmarks: timing, the machine, a dist behind nginx."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
WERK = PROJECT / "bench" / "werk"
sys.path.insert(0, str(PROJECT))

from tests.nginx_server import Nginx, hoofdconfiguratie, vrije_poort  # noqa: E402

OMGEVING = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def machine() -> str:
    chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True).stdout.strip()
    nginx = subprocess.run(["nginx", "-v"], capture_output=True, text=True).stderr.strip()
    return (
        f"{platform.node()}: {platform.system()} {platform.release()} {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, {chromium}, {nginx}"
    )


def belasting() -> tuple[float, float, float]:
    """The machine's load average over 1, 5 and 15 minutes (2 cores: above 2 something waits)."""
    return os.getloadavg()


def belasting_tekst(b: tuple[float, float, float]) -> str:
    return " / ".join(f"{x:.2f}" for x in b)


def tijd(opdracht: list[str], **kwargs) -> float:
    begin = time.perf_counter()
    subprocess.run(opdracht, check=True, capture_output=True, env=OMGEVING, **kwargs)
    return time.perf_counter() - begin


def mediaan(waarden: list[float]) -> float:
    return statistics.median(waarden)


def git(map_: Path, *args: str) -> str:
    omgeving = {
        **os.environ,
        "GIT_AUTHOR_NAME": "bench",
        "GIT_AUTHOR_EMAIL": "bench@localhost",
        "GIT_COMMITTER_NAME": "bench",
        "GIT_COMMITTER_EMAIL": "bench@localhost",
    }
    return subprocess.run(["git", *args], cwd=map_, check=True, capture_output=True, text=True, env=omgeving).stdout


def kale_forge(werk: Path) -> Path:
    """A bare repository standing in for the forge, with main at this project's HEAD."""
    kaal = werk / "forge.git"
    git(werk, "clone", "-q", "--bare", "--no-local", str(PROJECT), str(kaal))
    kopie = werk / "main"
    git(werk, "clone", "-q", str(kaal), str(kopie))
    git(kopie, "checkout", "-q", "-B", "main", "HEAD")
    git(kopie, "push", "-q", "origin", "main")
    return kaal


def map_grootte(gegevensmap: Path) -> int:
    return sum(p.stat().st_size for p in gegevensmap.rglob("*") if p.is_file())


@contextmanager
def nginx_dist(uit: Path):
    """Build `make dist` into `uit` and serve it with the production configuration."""
    poort = vrije_poort()
    subprocess.run(
        [sys.executable, "-m", "macros", "dist", "--uit", str(uit), "--listen", f"127.0.0.1:{poort}"],
        cwd=PROJECT,
        check=True,
        capture_output=True,
        env=OMGEVING,
    )
    runmap = uit.parent / (uit.name + "-nginx")
    runmap.mkdir(exist_ok=True)
    server = Nginx(hoofdconfiguratie(runmap, uit / "deploy" / "kompas.conf"), f"http://127.0.0.1:{poort}/")
    server.start()
    try:
        yield server.url
    finally:
        server.stop()
