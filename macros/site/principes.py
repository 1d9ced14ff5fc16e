"""The pages about the leidende principes: one per principe and the overview list
(templates: principe.md, citaat.html, principes_overzicht.html)."""

from __future__ import annotations

from ..data.model import KompasData, Principe
from .sjablonen import Url, maak


def render_principe_pagina(principe: Principe, data: KompasData, url: Url) -> str:
    indicatoren = [i for i in data.indicatoren.alle if i.principe == principe.id]
    return maak("principe.md", principe=principe, indicatoren=indicatoren, url=url)


def render_principes_overzicht(principes: list[Principe], url: Url) -> str:
    return maak("principes_overzicht.html", principes=principes, url=url)
