"""The kompas as a picture: a layered drawing of the graph, generated from the data as SVG.

Layout by grandalf (a Sugiyama layout in pure Python, so `make serve` needs nothing but
Python); the drawing itself is plain SVG with presentation attributes, no script and no
external reference. `kompas_svg(data, route)` can mark one route, for the wijzer's outcomes.
"""

from __future__ import annotations

import textwrap
from html import escape
from typing import Optional

from grandalf.graphs import Edge, Graph, Vertex
from grandalf.layouts import SugiyamaLayout
from grandalf.routing import EdgeViewer, route_with_lines

from ..data import graaf
from ..data.model import KompasData
from .kleuren import PALET

REGEL = 15  # line height of node text, px
VRAAG_BREEDTE = 230
VORM_BREEDTE = 170
MARGE = 24
KLEUR_TEKST = PALET["tekst"]
KLEUR_LIJN = PALET["lijn"]
KLEUR_ROUTE = PALET["link"]  # the reader's own path
KLEUR_VORM = PALET["vlak"]
KLEUR_VLAK = PALET["wit"]
ROUTE_ATTR = ' data-route="ja"'
# The note's text has the flowchart's boxes but not its arrows, so this drawing is the site's
# reading. The file also travels alone (/kompas/kompas.svg, saved or embedded elsewhere): it
# says so itself, in a line above the drawing and in its title and description.
LEZING = (
    "Lezing van deze site, niet de figuur uit de nota. De pijlen van het stroomschema staan niet "
    "in de tekst van de nota: waar ja en nee heen leiden, is onze lezing."
)
BIJSCHRIFT_LETTER = 16  # px: still legible when the page scales the drawing down
BIJSCHRIFT_REGEL = 22


class _Maat:
    """Node size for grandalf (it reads .w and .h and writes .xy)."""

    def __init__(self, w: float, h: float):
        self.w, self.h = w, h
        self.xy = (0.0, 0.0)


def _regels(zin: str, breedte: int) -> list[str]:
    return textwrap.wrap(zin, width=breedte) or [zin]


def _indeling(data: KompasData):
    nummers = graaf.vraagnummers(data.kompas)
    knopen: dict[str, Vertex] = {}
    teksten: dict[str, list[str]] = {}
    for vraag in data.kompas.vragen:
        regels = [f"Vraag {nummers[vraag.id]}"] + _regels(vraag.tekst, 34)
        teksten[f"vraag:{vraag.id}"] = regels
        knopen[f"vraag:{vraag.id}"] = Vertex(f"vraag:{vraag.id}")
        knopen[f"vraag:{vraag.id}"].view = _Maat(VRAAG_BREEDTE, REGEL * len(regels) + 16)
    for vorm in data.vormen:
        regels = _regels(vorm.titel, 22)
        teksten[f"vorm:{vorm.id}"] = regels
        knopen[f"vorm:{vorm.id}"] = Vertex(f"vorm:{vorm.id}")
        knopen[f"vorm:{vorm.id}"].view = _Maat(VORM_BREEDTE, REGEL * len(regels) + 22)
    lijnen = []
    for vraag in data.kompas.vragen:
        for antwoord in graaf.ANTWOORDEN:
            doel = graaf.doel(vraag, antwoord)
            naar = f"vraag:{doel.vraag}" if doel.vraag else f"vorm:{doel.vorm}"
            lijn = Edge(knopen[f"vraag:{vraag.id}"], knopen[naar], data=(vraag.id, antwoord))
            lijn.view = EdgeViewer()
            lijnen.append(lijn)
    grafiek = Graph(list(knopen.values()), lijnen)
    for deel in grafiek.C:
        indeling = SugiyamaLayout(deel)
        indeling.route_edge = route_with_lines
        indeling.xspace, indeling.yspace = 28, 56  # room for the arrows and their Ja/Nee labels
        wortels = [knopen[f"vraag:{data.kompas.start}"]] if knopen[f"vraag:{data.kompas.start}"] in deel.sV else None
        indeling.init_all(roots=wortels)
        indeling.draw()
    return knopen, teksten, lijnen


_cache: dict = {"data": None, "svg": {}}


def kompas_svg(data: KompasData, route: Optional[graaf.Pad] = None, titel_id: str = "kompas-diagram") -> str:
    # Cached per data set: every outcome page is built twice (site and embed view).
    if _cache["data"] is not data:
        _cache["data"], _cache["svg"] = data, {}
    sleutel = (route, titel_id)
    if sleutel not in _cache["svg"]:
        _cache["svg"][sleutel] = _kompas_svg(data, route, titel_id)
    return _cache["svg"][sleutel]


def _kompas_svg(data: KompasData, route: Optional[graaf.Pad], titel_id: str) -> str:
    knopen, teksten, lijnen = _indeling(data)
    route_lijnen = {(s.vraag, s.antwoord) for s in route.stappen} if route else set()
    route_knopen = ({f"vraag:{s.vraag}" for s in route.stappen} | {f"vorm:{route.vorm}"}) if route else set()

    xs = [k.view.xy[0] - k.view.w / 2 for k in knopen.values()] + [k.view.xy[0] + k.view.w / 2 for k in knopen.values()]
    ys = [k.view.xy[1] - k.view.h / 2 for k in knopen.values()] + [k.view.xy[1] + k.view.h / 2 for k in knopen.values()]
    breedte = max(xs) - min(xs) + 2 * MARGE
    bijschrift, bijschrift_hoogte = _bijschrift(breedte)
    dx, dy = MARGE - min(xs), MARGE + bijschrift_hoogte - min(ys)
    hoogte = max(ys) - min(ys) + 2 * MARGE + bijschrift_hoogte

    def punt(x: float, y: float) -> str:
        return f"{x + dx:.1f},{y + dy:.1f}"

    delen = []
    for lijn in lijnen:
        vraag_id, antwoord = lijn.data
        punten = lijn.view._pts
        op_route = (vraag_id, antwoord) in route_lijnen
        kleur = KLEUR_ROUTE if op_route else KLEUR_LIJN
        dikte = 3.5 if op_route else 1.4
        pijl = "pijl-route" if op_route else "pijl"
        d = "M" + " L".join(punt(*p) for p in punten)
        (x1, y1), (x2, y2) = punten[0], punten[1]
        lx, ly = x1 + (x2 - x1) * 0.45, y1 + (y2 - y1) * 0.45
        label = "Ja" if antwoord == "ja" else "Nee"
        # The label on a halo of the background, so it stays readable where it crosses a line:
        # the same text drawn twice, outlined below and filled above (SVG 1.1; SVG 2's
        # paint-order does it in one element, but the HTML checker rejects it inside a page).
        delen.append(
            f'<path d="{d}" fill="none" stroke="{kleur}" stroke-width="{dikte}" marker-end="url(#{titel_id}-{pijl})" '
            f'data-van="{vraag_id}" data-antwoord="{antwoord}"{ROUTE_ATTR if op_route else ""}/>'
            f'<g font-size="11" font-weight="700" text-anchor="middle">'
            f'<text x="{lx + dx:.1f}" y="{ly + dy:.1f}" fill="{KLEUR_VLAK}" stroke="{KLEUR_VLAK}" stroke-width="4" '
            f'stroke-linejoin="round">{label}</text>'
            f'<text x="{lx + dx:.1f}" y="{ly + dy:.1f}" fill="{kleur}">{label}</text></g>'
        )
    for naam, knoop in knopen.items():
        x, y, w, h = knoop.view.xy[0] + dx, knoop.view.xy[1] + dy, knoop.view.w, knoop.view.h
        soort, knoop_id = naam.split(":", 1)
        op_route = naam in route_knopen
        rand = KLEUR_ROUTE if op_route else KLEUR_TEKST
        vulling = KLEUR_VORM if soort == "vorm" else KLEUR_VLAK
        hoek = 18 if soort == "vorm" else 4
        regels = teksten[naam]
        eerste_y = y - (len(regels) - 1) * REGEL / 2 + 4
        vet = ' font-weight="700"'
        tspans = "".join(
            f'<tspan x="{x:.1f}" y="{eerste_y + i * REGEL:.1f}"{vet if i == 0 or soort == "vorm" else ""}>'
            f"{escape(r)}</tspan>"
            for i, r in enumerate(regels)
        )
        delen.append(
            f'<g data-{soort}="{knoop_id}"{ROUTE_ATTR if op_route else ""}>'
            f'<rect x="{x - w / 2:.1f}" y="{y - h / 2:.1f}" width="{w}" height="{h}" rx="{hoek}" '
            f'fill="{vulling}" stroke="{rand}" stroke-width="{3.5 if op_route else 1.5}"/>'
            f'<text font-size="12" fill="{KLEUR_TEKST}" text-anchor="middle">{tspans}</text></g>'
        )
    pijlen = "".join(
        f'<marker id="{titel_id}-{naam}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="10" markerHeight="10" '
        f'markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{kleur}"/></marker>'
        for naam, kleur in (("pijl", KLEUR_LIJN), ("pijl-route", KLEUR_ROUTE))
    )
    omschrijving = (
        f"{len(data.kompas.vragen)} vragen en {len(data.vormen)} vormen. Elke vraag heeft een pijl "
        f"voor ja en een voor nee, naar een volgende vraag of naar een vorm. {LEZING}"
    )
    if route:
        omschrijving += " Uw route is blauw en dik getekend."
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breedte:.0f} {hoogte:.0f}" '
        f'width="{breedte:.0f}" height="{hoogte:.0f}" role="img" font-family="system-ui, sans-serif" '
        f'aria-labelledby="{titel_id}-titel {titel_id}-uitleg">'
        f'<title id="{titel_id}-titel">Het Kompas voor zeggenschap, versie {escape(data.kompas.versie)}, als '
        "stroomschema: de lezing van deze site</title>"
        f'<desc id="{titel_id}-uitleg">{omschrijving}</desc>'
        f"<defs>{pijlen}</defs>{bijschrift}{''.join(delen)}</svg>\n"
    )


def _bijschrift(breedte: float) -> tuple[str, float]:
    """The visible line that the drawing is the site's reading, wrapped to the drawing's width
    (at about 0.55 em a character), and the height it takes above the drawing."""
    tekens = max(40, int((breedte - 2 * MARGE) / (BIJSCHRIFT_LETTER * 0.55)))
    regels = _regels(LEZING, tekens)
    tspans = "".join(
        f'<tspan x="{MARGE}" y="{MARGE + BIJSCHRIFT_LETTER + i * BIJSCHRIFT_REGEL}">{escape(r)}</tspan>'
        for i, r in enumerate(regels)
    )
    tekst = f'<text data-bijschrift="lezing" font-size="{BIJSCHRIFT_LETTER}" fill="{KLEUR_TEKST}">{tspans}</text>'
    return tekst, len(regels) * BIJSCHRIFT_REGEL + MARGE / 2
