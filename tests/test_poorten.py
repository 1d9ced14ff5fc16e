"""Our gates see all our code. ruff matches an exclude pattern without a slash anywhere in the
tree ("site" hid macros/site/ as well as the built site/), so a pattern can silently take a
folder of our own out of the checks: every Python file in the repository must be in ruff's list.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from .conftest import PROJECT

RUFF = Path(sys.executable).parent / "ruff"


def _regels(*opdracht: str) -> set[str]:
    uit = subprocess.run(opdracht, cwd=PROJECT, capture_output=True, text=True, check=True).stdout
    return {regel.strip() for regel in uit.splitlines() if regel.strip()}


def test_ruff_leest_elk_python_bestand_van_het_project():
    gelezen = {Path(pad).resolve() for pad in _regels(str(RUFF), "check", "--show-files", ".")}
    onze = {(PROJECT / pad).resolve() for pad in _regels("git", "ls-files", "*.py")}
    assert any(p.parent.name == "site" for p in onze), "de test kijkt niet naar macros/site/"
    ontbreekt = sorted(str(p.relative_to(PROJECT)) for p in onze - gelezen)
    assert not ontbreekt, f"ruff slaat deze bestanden over (extend-exclude in pyproject.toml): {ontbreekt}"


def test_elke_installatie_met_apt_wacht_op_een_ander_apt():
    """Two tests once failed with "Could not get lock /var/lib/dpkg/lock-frontend" while another
    apt ran; every apt-get the Makefile runs goes through $(APT), which waits for the lock."""
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    (apt,) = re.findall(r"^APT := (.*)$", makefile, re.M)
    assert "apt-get -o DPkg::Lock::Timeout=" in apt
    recepten = [r for r in re.findall(r"^\t.*$", makefile, re.M) if "echo" not in r]
    direct = [r.strip() for r in recepten if re.search(r"apt-get (?:-\S+ )*(?:update|install)", r)]
    assert not direct, direct
    assert sum("$(APT) install" in r for r in recepten) >= 4
