"""The kompas as a picture: a layered drawing of the graph, generated from the data as SVG.

Layout by grandalf (a Sugiyama layout in pure Python, so `make serve` needs nothing but
Python), imported only when a drawing is not in the build cache (with numpy and ply it takes
some 0.08 s to import); the drawing itself is plain SVG with presentation attributes, no
script and no external reference, written by an autoescaped template (templates/kompas.svg),
as the site's pages are. `kompas_svg(data, route)` can mark one route, for the wijzer's outcomes.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from jinja2 import Environment, PackageLoader, Template

from ..data import graaf
from ..data.model import KompasData, NaarVraag
from . import bouwcache, kleuren
from .kleuren import PALET

if TYPE_CHECKING:
    from grandalf.graphs import Vertex

REGEL = 15  # line height of node text, px
VRAAG_BREEDTE = 230
VORM_BREEDTE = 170
MARGE = 24
KLEUR_TEKST = PALET["tekst"]
KLEUR_LIJN = PALET["lijn"]
KLEUR_ROUTE = PALET["link"]  # the reader's own path
KLEUR_VORM = PALET["vlak"]
KLEUR_VLAK = PALET["wit"]
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


class _Loop:
    """An arrow's view for grandalf: the layout hands it the points the arrow runs through
    (grandalf's protocol for an edge's view: `setpath`)."""

    def __init__(self) -> None:
        self.punten: list = []

    def setpath(self, punten: list) -> None:
        self.punten = punten


@dataclass(frozen=True)
class _Invoer:
    """All the drawing follows from, as values: the cache is keyed on it, so the same kompas
    gives the drawing from the cache and a changed one a new drawing, whichever object holds it."""

    versie: str
    start: str
    vragen: tuple[tuple[str, int, str, tuple[tuple[str, str, str], ...]], ...]  # id, nummer, tekst, pijlen
    vormen: tuple[tuple[str, str], ...]  # id, titel


def _invoer(data: KompasData) -> _Invoer:
    nummers = graaf.vraagnummers(data.kompas)
    vragen = []
    for vraag in data.kompas.vragen:
        pijlen = []
        for antwoord in graaf.ANTWOORDEN:
            doel = graaf.doel(vraag, antwoord)
            pijlen.append(
                (antwoord, "vraag", doel.vraag) if isinstance(doel, NaarVraag) else (antwoord, "vorm", doel.vorm)
            )
        vragen.append((vraag.id, nummers[vraag.id], vraag.tekst, tuple(pijlen)))
    return _Invoer(data.kompas.versie, data.kompas.start, tuple(vragen), tuple((v.id, v.titel) for v in data.vormen))


def _regels(zin: str, breedte: int) -> list[str]:
    return textwrap.wrap(zin, width=breedte) or [zin]


# One layout per kompas, whatever route a drawing marks (the drawing only reads it).
@lru_cache(maxsize=4)
def _indeling(invoer: _Invoer):
    from grandalf.graphs import Edge, Graph, Vertex
    from grandalf.layouts import SugiyamaLayout
    from grandalf.routing import route_with_lines

    knopen: dict[str, Vertex] = {}
    teksten: dict[str, list[str]] = {}
    for vraag_id, nummer, tekst, _ in invoer.vragen:
        regels = [f"Vraag {nummer}"] + _regels(tekst, 34)
        teksten[f"vraag:{vraag_id}"] = regels
        knopen[f"vraag:{vraag_id}"] = Vertex(f"vraag:{vraag_id}")
        knopen[f"vraag:{vraag_id}"].view = _Maat(VRAAG_BREEDTE, REGEL * len(regels) + 16)
    for vorm_id, titel in invoer.vormen:
        regels = _regels(titel, 22)
        teksten[f"vorm:{vorm_id}"] = regels
        knopen[f"vorm:{vorm_id}"] = Vertex(f"vorm:{vorm_id}")
        knopen[f"vorm:{vorm_id}"].view = _Maat(VORM_BREEDTE, REGEL * len(regels) + 22)
    lijnen = []
    for vraag_id, _, _, pijlen in invoer.vragen:
        for antwoord, soort, doel in pijlen:
            lijn = Edge(knopen[f"vraag:{vraag_id}"], knopen[f"{soort}:{doel}"], data=(vraag_id, antwoord))
            lijn.view = _Loop()
            lijnen.append(lijn)
    grafiek = Graph(list(knopen.values()), lijnen)
    for deel in grafiek.C:
        indeling = SugiyamaLayout(deel)
        indeling.route_edge = route_with_lines
        indeling.xspace, indeling.yspace = 28, 56  # room for the arrows and their Ja/Nee labels
        wortels = [knopen[f"vraag:{invoer.start}"]] if knopen[f"vraag:{invoer.start}"] in deel.sV else None
        indeling.init_all(roots=wortels)
        indeling.draw()
    return knopen, teksten, lijnen


def kompas_svg(data: KompasData, route: Optional[graaf.Pad] = None, titel_id: str = "kompas-diagram") -> str:
    # Cached on the kompas' content: every outcome page is built twice (site and embed view).
    return _svg(_invoer(data), route, titel_id)


@lru_cache(maxsize=256)
def _svg(invoer: _Invoer, route: Optional[graaf.Pad], titel_id: str) -> str:
    # And in the build cache, keyed on all the drawing follows from: the kompas, the route and
    # what draws it.
    sleutel = bouwcache.sleutel(repr(invoer), repr(route), titel_id, _code())

    def teken() -> bytes:
        svg: str = _sjabloon().render(t=_tekening(invoer, route, titel_id))
        return (svg + "\n").encode("utf-8")

    return bouwcache.ophalen_of_maken("diagram", sleutel, teken, _heel).decode("utf-8")


def _heel(inhoud: bytes) -> bool:
    """A whole drawing ends with its closing tag; anything else is a damaged entry, drawn again."""
    return inhoud.endswith(b"</svg>\n")


@lru_cache(maxsize=1)
def _code() -> str:
    """What draws: this module, its template, the palette, and the versions of grandalf and Jinja."""
    return "".join(
        [
            bouwcache.code_en_versie(__file__, "grandalf"),
            (Path(__file__).parent / "templates" / "kompas.svg").read_text(encoding="utf-8"),
            bouwcache.code_en_waarden(kleuren),
            version("jinja2"),
        ]
    )


@lru_cache(maxsize=1)
def _sjabloon() -> Template:
    omgeving = Environment(loader=PackageLoader("macros.uitvoer", "templates"), autoescape=True)
    return omgeving.get_template("kompas.svg")


def _tekening(invoer: _Invoer, route: Optional[graaf.Pad], titel_id: str) -> dict:
    """The drawing as numbers and words for the template: where each box, arrow and line goes."""
    knopen, teksten, lijnen = _indeling(invoer)
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

    pijlen = []
    for lijn in lijnen:
        vraag_id, antwoord = lijn.data
        punten = lijn.view.punten
        op_route = (vraag_id, antwoord) in route_lijnen
        (x1, y1), (x2, y2) = punten[0], punten[1]
        lx, ly = x1 + (x2 - x1) * 0.45, y1 + (y2 - y1) * 0.45
        pijlen.append(
            {
                "d": "M" + " L".join(punt(*p) for p in punten),
                "kleur": KLEUR_ROUTE if op_route else KLEUR_LIJN,
                "dikte": 3.5 if op_route else 1.4,
                "pijl": "pijl-route" if op_route else "pijl",
                "van": vraag_id,
                "antwoord": antwoord,
                "op_route": op_route,
                "label": "Ja" if antwoord == "ja" else "Nee",
                "lx": f"{lx + dx:.1f}",
                "ly": f"{ly + dy:.1f}",
            }
        )
    vakken = []
    for naam, knoop in knopen.items():
        x, y, w, h = knoop.view.xy[0] + dx, knoop.view.xy[1] + dy, knoop.view.w, knoop.view.h
        soort, knoop_id = naam.split(":", 1)
        op_route = naam in route_knopen
        regels = teksten[naam]
        eerste_y = y - (len(regels) - 1) * REGEL / 2 + 4
        vakken.append(
            {
                "soort": soort,
                "id": knoop_id,
                "op_route": op_route,
                "x": f"{x - w / 2:.1f}",
                "y": f"{y - h / 2:.1f}",
                "w": w,
                "h": h,
                "hoek": 18 if soort == "vorm" else 4,
                "vulling": KLEUR_VORM if soort == "vorm" else KLEUR_VLAK,
                "rand": KLEUR_ROUTE if op_route else KLEUR_TEKST,
                "randdikte": 3.5 if op_route else 1.5,
                "regels": [
                    {"x": f"{x:.1f}", "y": f"{eerste_y + i * REGEL:.1f}", "vet": i == 0 or soort == "vorm", "tekst": r}
                    for i, r in enumerate(regels)
                ],
            }
        )
    omschrijving = (
        f"{len(invoer.vragen)} vragen en {len(invoer.vormen)} vormen. Elke vraag heeft een pijl "
        f"voor ja en een voor nee, naar een volgende vraag of naar een vorm. {LEZING}"
    )
    if route:
        omschrijving += " Uw route is blauw en dik getekend."
    return {
        "id": titel_id,
        "versie": invoer.versie,
        "breedte": f"{breedte:.0f}",
        "hoogte": f"{hoogte:.0f}",
        "omschrijving": omschrijving,
        "pijlen": [{"naam": "pijl", "kleur": KLEUR_LIJN}, {"naam": "pijl-route", "kleur": KLEUR_ROUTE}],
        "bijschrift": bijschrift,
        "bijschrift_letter": BIJSCHRIFT_LETTER,
        "kleur_tekst": KLEUR_TEKST,
        "kleur_vlak": KLEUR_VLAK,
        "lijnen": pijlen,
        "knopen": vakken,
    }


def _bijschrift(breedte: float) -> tuple[list[dict], float]:
    """The visible line that the drawing is the site's reading, wrapped to the drawing's width
    (at about 0.55 em a character), and the height it takes above the drawing."""
    tekens = max(40, int((breedte - 2 * MARGE) / (BIJSCHRIFT_LETTER * 0.55)))
    regels = _regels(LEZING, tekens)
    tspans = [
        {"x": MARGE, "y": MARGE + BIJSCHRIFT_LETTER + i * BIJSCHRIFT_REGEL, "tekst": r} for i, r in enumerate(regels)
    ]
    return tspans, len(regels) * BIJSCHRIFT_REGEL + MARGE / 2
