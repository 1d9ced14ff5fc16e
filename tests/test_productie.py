"""`make dist` for production: its files are readable by an unprivileged web server."""

from __future__ import annotations

import stat
from pathlib import Path


# --- Modes -------------------------------------------------------------------------------------

def _niet_leesbaar(map: Path) -> list[str]:
    fout = [] if stat.S_IMODE(map.stat().st_mode) == 0o755 else [f"{map}: {oct(map.stat().st_mode)}"]
    for pad in map.rglob("*"):
        verwacht = 0o755 if pad.is_dir() else 0o644
        if stat.S_IMODE(pad.stat().st_mode) != verwacht:
            fout.append(f"{pad.relative_to(map)}: {oct(stat.S_IMODE(pad.stat().st_mode))}")
    return fout


def test_dist_is_leesbaar_voor_de_webserver(dist):
    """Built with umask 077 (conftest.make_dist): only the build's own modes count."""
    assert _niet_leesbaar(dist["map"]) == []


def test_site_is_leesbaar_voor_de_webserver(gebouwde_site):
    assert _niet_leesbaar(gebouwde_site) == []
