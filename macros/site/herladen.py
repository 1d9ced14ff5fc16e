"""`mkdocs serve` keeps imported modules between rebuilds. Reload ours, each after the modules
it imports, so a change in macros/ shows on the next rebuild like a change in the data does.

The list is the package's own modules as loaded (`sys.modules`), ordered by their relative
imports, so a new module needs no entry anywhere. The plugin module itself is not reloaded:
MkDocs holds its instance for the whole `serve`.
"""

from __future__ import annotations

import ast
import importlib
import sys
from pathlib import Path
from typing import Mapping

PAKKET = __name__.split(".")[0]


def _afhankelijkheden(naam: str, module) -> set[str]:
    """The package modules that `module` imports with a relative import."""
    bestand = getattr(module, "__file__", None)
    if not bestand:
        return set()
    pakket = naam if Path(bestand).name == "__init__.py" else naam.rpartition(".")[0]
    uit: set[str] = set()
    for knoop in ast.walk(ast.parse(Path(bestand).read_text(encoding="utf-8"))):
        if isinstance(knoop, ast.ImportFrom) and knoop.level:
            basis = pakket.rsplit(".", knoop.level - 1)[0] if knoop.level > 1 else pakket
            doel = f"{basis}.{knoop.module}" if knoop.module else basis
            uit.add(doel)
            uit.update(f"{doel}.{a.name}" for a in knoop.names)  # `from ..data import graaf`
    return uit


def volgorde(modules: Mapping[str, object]) -> list[str]:
    """Module names, each after the ones it imports (cycles broken by name order)."""
    afhankelijk = {naam: _afhankelijkheden(naam, m) & modules.keys() - {naam} for naam, m in modules.items()}
    klaar: list[str] = []

    def bezoek(naam: str, bezig: set[str]) -> None:
        if naam in klaar or naam in bezig:
            return
        bezig.add(naam)
        for andere in sorted(afhankelijk[naam]):
            bezoek(andere, bezig)
        klaar.append(naam)

    for naam in sorted(modules):
        bezoek(naam, set())
    return klaar


def herlaad_macros() -> None:
    eigen = {
        naam: m
        for naam, m in sys.modules.items()
        if (naam == PAKKET or naam.startswith(PAKKET + ".")) and m is not None
    }
    for naam in volgorde(eigen):
        if naam not in (__name__, f"{PAKKET}.site.plugin"):
            importlib.reload(eigen[naam])
