"""Golden files: the outcome of every path through the kompas, kept in the repository, so
that a change in the graph shows up in a pull request as a readable change."""

from __future__ import annotations

from ..data.graaf import paden
from ..data.model import Kompas


def paden_tabel(kompas: Kompas) -> str:
    """The golden path table (tests/golden/kompas-paden.md): one line per path, so that a
    change in the graph shows up in a pull request as a readable change to this file."""
    regels = [
        f"# Alle paden door het Kompas voor zeggenschap, versie {kompas.versie}",
        "",
        "<!-- Gemaakt met `make paden` uit kompas_data/. Niet met de hand bewerken. -->",
        "",
        "| antwoorden | uitkomst | vragen en antwoorden |",
        "|---|---|---|",
    ]
    for pad in paden(kompas):
        stappen = " → ".join(f"{s.vraag}: {s.antwoord}" for s in pad.stappen)
        regels.append(f"| {pad.antwoorden} | {pad.vorm} | {stappen} |")
    return "\n".join(regels) + "\n"
