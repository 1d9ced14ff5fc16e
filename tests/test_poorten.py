"""Our gates see all our code. ruff matches an exclude pattern without a slash anywhere in the
tree ("site" hid macros/site/ as well as the built site/), so a pattern can silently take a
folder of our own out of the checks: every Python file in the repository must be in ruff's list.
"""

from __future__ import annotations

import contextlib
import io
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


def test_mypy_leest_elke_module_van_macros_en_negeert_geen_fouten():
    """`make test` runs mypy with [tool.mypy] of pyproject.toml: the modules it reads (its files,
    minus what an exclude takes out) are every module of macros/, and no setting, global or per
    module, lets the errors of a module pass unseen."""
    from mypy.config_parser import parse_config_file
    from mypy.find_sources import create_source_list
    from mypy.options import Options

    opties = Options()
    meldingen = io.StringIO()
    parse_config_file(opties, lambda: None, str(PROJECT / "pyproject.toml"), meldingen, meldingen)
    assert not meldingen.getvalue(), meldingen.getvalue()
    with contextlib.chdir(PROJECT):
        gelezen = {(PROJECT / bron.path).resolve() for bron in create_source_list(opties.files, opties) if bron.path}
    onze = {(PROJECT / pad).resolve() for pad in _regels("git", "ls-files", "macros/*.py")}
    assert any(p.parent.name == "site" for p in onze), "de test kijkt niet naar macros/site/"
    ontbreekt = sorted(str(p.relative_to(PROJECT)) for p in onze - gelezen)
    assert not ontbreekt, f"mypy slaat deze modules over ([tool.mypy] in pyproject.toml): {ontbreekt}"
    assert not opties.ignore_errors
    genegeerd = [module for module, instelling in opties.per_module_options.items() if instelling.get("ignore_errors")]
    assert not genegeerd, f"mypy negeert de fouten van {genegeerd} ([[tool.mypy.overrides]] in pyproject.toml)"
    assert "ignore-without-code" in opties.enable_error_code and opties.warn_unused_ignores


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
