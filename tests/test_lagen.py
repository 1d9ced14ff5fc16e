"""The layers of macros/ hold as the README's table says, and only the plugin knows the engine.

The table "Map | Wat er staat | Mag importeren" in README.md is the one place the layers are
written; this test reads it, so a change of the rules is a change of the README.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
MACROS = PROJECT / "macros"
# The one module that may use MkDocs and its theme (README, "Motor en thema").
MOTOR_MODULE = "macros/site/plugin.py"
MOTOR_PAKKETTEN = ("mkdocs", "material", "properdocs")


def regels_uit_readme() -> dict[str, set[str]]:
    """Per layer (`data`, ...) the layers it may import, from the README's table."""
    regels = {}
    for rij in re.finditer(r"^\| `macros/(\w+)/` \|.*\| (.+?) \|$", (PROJECT / "README.md").read_text("utf-8"), re.M):
        laag, mag = rij.group(1), rij.group(2)
        regels[laag] = set() if mag.startswith("niets") else set(re.findall(r"`(\w+)`", mag))
    return regels


def imports_van(bestand: Path) -> list[tuple[int, str]]:
    """Every module `bestand` imports, absolute, with its line."""
    return imports_in(bestand.read_text("utf-8"), ".".join(bestand.relative_to(PROJECT).with_suffix("").parts[:-1]))


def imports_in(bron: str, pakket: str) -> list[tuple[int, str]]:
    uit = []
    for knoop in ast.walk(ast.parse(bron)):
        if isinstance(knoop, ast.Import):
            uit += [(knoop.lineno, alias.name) for alias in knoop.names]
        elif isinstance(knoop, ast.ImportFrom):
            basis = pakket.rsplit(".", knoop.level - 1)[0] if knoop.level else ""
            naam = ".".join(d for d in (basis, knoop.module or "") if d)
            # `from . import x` imports the module x of the package.
            uit += (
                [(knoop.lineno, f"{naam}.{a.name}") for a in knoop.names]
                if not knoop.module
                else [(knoop.lineno, naam)]
            )
    return uit


MODULES = sorted(MACROS.rglob("*.py"))


def test_de_tabel_noemt_elke_laag():
    lagen = {p.name for p in MACROS.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert set(regels_uit_readme()) == lagen


@pytest.mark.parametrize("bestand", MODULES, ids=lambda p: str(p.relative_to(PROJECT)))
def test_een_laag_importeert_alleen_wat_de_tabel_toestaat(bestand: Path):
    regels = regels_uit_readme()
    deel = bestand.relative_to(MACROS).parts
    if len(deel) == 1:
        return  # macros/__init__.py and __main__.py sit above the layers and may use them all
    laag = deel[0]
    fout = [
        f"{bestand.relative_to(PROJECT)}:{regel} importeert {naam} (laag {naam.split('.')[1]}); "
        f"de tabel in README.md staat voor {laag}/ alleen {sorted(regels[laag]) or 'niets'} toe"
        for regel, naam in imports_van(bestand)
        if naam.startswith("macros.") and (ander := naam.split(".")[1]) != laag and ander not in regels[laag]
    ]
    assert not fout, "\n".join(fout)


@pytest.mark.parametrize("bestand", MODULES, ids=lambda p: str(p.relative_to(PROJECT)))
def test_alleen_de_plugin_kent_de_motor(bestand: Path):
    if bestand.relative_to(PROJECT).as_posix() == MOTOR_MODULE:
        return
    fout = [
        f"{bestand.relative_to(PROJECT)}:{regel} importeert {naam}: alleen {MOTOR_MODULE} mag de motor kennen"
        for regel, naam in imports_van(bestand)
        if naam.split(".")[0] in MOTOR_PAKKETTEN
    ]
    assert not fout, "\n".join(fout)


def test_de_controle_ziet_een_verboden_import():
    # The check itself can fail: relative imports into another layer and the engine are seen.
    bron = "from ..site import plugin\nfrom .. import uitvoer\nfrom mkdocs.plugins import BasePlugin\n"
    assert [n for _, n in imports_in(bron, "macros.data")] == ["macros.site", "macros.uitvoer", "mkdocs.plugins"]
