"""The pages and parts about the vormen: a page per vorm, the overview table and the
catalogue of examples (templates: vorm.md, vormen_overzicht.html, voorbeelden.html)."""

from __future__ import annotations

from ..data import adressen, graaf
from ..data.model import KompasData, Vorm
from .feedback import feedback_link
from .sjablonen import Url, maak


def render_vorm_pagina(vorm: Vorm, data: KompasData, url: Url) -> str:
    feedback = feedback_link(
        f"Klopt dit niet? Vorm {vorm.titel}",
        [f"Pagina: /{adressen.vorm_pad(vorm.id)}", f"Kompas voor zeggenschap, versie {data.kompas.versie}"],
    )
    return maak(
        "vorm.md",
        vorm=vorm,
        data=data,
        url=url,
        feedback=feedback,
        routes=[p for p in graaf.paden(data.kompas) if p.vorm == vorm.id],
        nummers=graaf.vraagnummers(data.kompas),
    )


def render_vormen_overzicht(vormen: list[Vorm], url: Url) -> str:
    return maak("vormen_overzicht.html", vormen=vormen, url=url)


def render_voorbeelden(vormen: list[Vorm], url: Url) -> str:
    """Every voorbeeld and instrument, grouped by vorm. Without JavaScript all groups show;
    kompaswijzer.js adds a filter by vorm."""
    return maak("voorbeelden.html", vormen=vormen, url=url)
