"""The charts on the pages: each as a figure with its text alternative, and the table with
the same numbers right after it (WCAG 1.1.1: the table is the full alternative, the alt text
says what the picture shows in a few sentences). Templates: templates/grafieken/."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..data.model import METING_NAMEN, KompasData
from ..uitvoer import grafieken
from ..uitvoer.grafieken import Grafiek
from .sjablonen import Url, maak

# Every chart by name (`grafieken.alle`), drawn once per build by our plugin.
Grafieken = dict[str, Grafiek]

SVG_MAAT = re.compile(r'<svg\b[^>]*?\bwidth="(?P<b>[\d.]+)pt" height="(?P<h>[\d.]+)pt"')


@dataclass(frozen=True)
class Figuur:
    """What a page needs of a chart: its address, words and size."""

    naam: str
    adres: str
    titel: str
    alt: str
    breedte: int
    hoogte: int

    @property
    def zin(self) -> str:
        """The title as the caption's first sentence."""
        return self.titel if self.titel[-1:] in ".?!" else self.titel + "."


def figuur(grafiek: Grafiek) -> Figuur:
    # The chart's size in CSS pixels (matplotlib writes points), so the page keeps room for
    # it before it loads.
    m = SVG_MAAT.search(grafiek.svg)
    if m is None:
        raise RuntimeError(f"grafiek {grafiek.naam}: geen breedte en hoogte in de SVG")
    return Figuur(
        grafiek.naam,
        grafiek.adres,
        grafiek.titel,
        grafiek.alt,
        round(float(m["b"]) * 4 / 3),
        round(float(m["h"]) * 4 / 3),
    )


def render_indicatoren_grafiek(alle: Grafieken, url: Url) -> str:
    return maak("grafieken/indicatoren.html", figuur=figuur(alle["indicatoren"]), url=url)


def render_indicator_grafieken(data: KompasData, alle: Grafieken, url: Url) -> str:
    """A chart and a small table for every indicator that has been measured."""
    gemeten = [(ind, figuur(alle[f"indicator-{ind.id}"])) for ind in data.indicatoren.alle if not ind.nieuw]
    # A measured indicator may still lack targets (the note's "*", as for sociale cohesie).
    zonder = [ind for ind, _ in gemeten if not any(m is not None and m.waarde for m in ind.metingen[1:])]
    return maak(
        "grafieken/per_indicator.html",
        gemeten=gemeten,
        zonder=zonder,
        meting_namen=METING_NAMEN,
        meting_soort=grafieken.meting_soort,
        url=url,
    )


def render_financien_grafieken(alle: Grafieken, url: Url) -> str:
    return maak(
        "grafieken/financien.html",
        url=url,
        figuren_lijst=[figuur(alle[naam]) for naam in ("financien-per-jaar", "financien-per-post")],
    )


def render_zeggenschap(data: KompasData, alle: Grafieken, url: Url) -> str:
    """The zeggenschap scale of all vormen with the kompas' two directions, and as a table."""
    koers = data.kompas.koers
    return maak(
        "grafieken/zeggenschap.html",
        figuur=figuur(alle["zeggenschap"]),
        vormen=data.vormen,
        koers=koers,
        richting_van={vorm_id: r.naam for r in koers.richtingen for vorm_id in r.naar},
        url=url,
    )
