"""What every chart shares: the palette and matplotlib style, the `Grafiek` record, the
Dutch numbers on the axes and the SVG that comes out (title, description, fixed ids).
The charts themselves are in `grafieken.py`."""

from __future__ import annotations

import io
import re
import textwrap
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

from ..data import adressen
from ..data.model import Indicator
from .kleuren import PALET
from .opmaak import euro

if TYPE_CHECKING:  # matplotlib is imported when a chart is drawn, not with this module
    from matplotlib.typing import RcKeyType

# The palette of the site (kleuren.py). The budget's series also differ in hatching, so they
# do not depend on colour alone (WCAG 1.4.1).
KLEUR_TEKST = PALET["tekst"]
KLEUR_ZACHT = PALET["tekst-zacht"]
KLEUR_BLAUW = PALET["link"]
KLEUR_LIJN = PALET["lijn"]
KLEUR_WIT = PALET["wit"]
KLEUR_VLAK = PALET["vlak"]

STIJL: dict[RcKeyType, Any] = {
    "svg.fonttype": "none",
    "svg.hashsalt": "samen-stad-maken",
    "font.family": "sans-serif",
    # Layout is measured with DejaVu Sans (ships with matplotlib); the browser draws the text
    # in the same font when it has it, otherwise in its own sans-serif.
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 12,
    "text.color": KLEUR_TEKST,
    "axes.labelcolor": KLEUR_TEKST,
    "axes.edgecolor": KLEUR_LIJN,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.color": KLEUR_ZACHT,
    "ytick.color": KLEUR_ZACHT,
    "xtick.labelcolor": KLEUR_TEKST,
    "ytick.labelcolor": KLEUR_TEKST,
    "hatch.color": KLEUR_WIT,
    "hatch.linewidth": 1.2,
    "legend.frameon": False,
}


@dataclass(frozen=True)
class Grafiek:
    naam: str  # file name without .svg; also the element id on the page
    titel: str
    alt: str  # text alternative: what the chart shows, in words, with the numbers
    svg: str

    @property
    def adres(self) -> str:
        """Where the site serves the chart."""
        return f"{adressen.GRAFIEKEN_PAD}{self.naam}.svg"


# --- Numbers --------------------------------------------------------------------------------


def is_procent(ind: Indicator) -> bool:
    return any(m is not None and m.waarde and m.waarde.endswith("%") for m in ind.metingen)


def meting_soort(i: int) -> str:
    """The note's 0-meting is measured; the two vervolgmetingen are targets (streefwaarden)."""
    return "gemeten" if i == 0 else "streefwaarde"


def _regels(zin: str, breedte: int) -> str:
    return "\n".join(textwrap.wrap(zin, width=breedte, break_long_words=False)) or zin


def _euro_as(bedrag: float, _pos: object = None) -> str:
    return f"€ {euro(int(round(bedrag)))}"


# --- Drawing --------------------------------------------------------------------------------


def _figuur(breedte: float, hoogte: float):
    from matplotlib.figure import Figure  # here, not at import: `import macros` stays light

    return Figure(figsize=(breedte, hoogte), layout="constrained")


def _titel(fig, titel: str) -> None:
    """The title above the whole chart, left-aligned and wrapped to the figure's width (an
    axes title is not wrapped and the layout would cut it off)."""
    tekens = int(fig.get_figwidth() * 8.5)
    fig.suptitle(_regels(titel, tekens), x=0.02, ha="left", fontsize=13, fontweight="bold")


def _voetregel(fig, tekst: str) -> None:
    """A line under the whole chart, below its legend, wrapped to the figure's width: a
    footnote of the note, or what the chart is. It travels with the file, which is also opened
    on its own. Call it after the legend: the figure grows by the line's height, the legend
    moves up onto it, and the layout keeps above both."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    letter, regelafstand, rand = 9, 1.4, 6  # points
    # About 0.6 em a character in DejaVu Sans, within the figure's width less its margins.
    regels = _regels(tekst, int((fig.get_figwidth() * 72 - 2 * rand) / (letter * 0.6)))
    strook = ((regels.count("\n") + 1) * letter * regelafstand + 2 * rand) / 72  # inch
    hoogte = fig.get_figheight() + strook
    fig.set_figheight(hoogte)
    onder = strook / hoogte
    fig.text(
        0.02, onder - rand / 72 / hoogte, regels, va="top", fontsize=letter, color=KLEUR_ZACHT, linespacing=regelafstand
    )
    # An "outside" legend stands at the figure's lower edge, where the line now is: anchor it
    # on top of the line instead, and keep the chart above the legend (the layout no longer
    # makes room for an anchored legend itself).
    tekenaar = FigureCanvasAgg(fig).get_renderer()
    legenda_hoogte = 0.0
    for legenda in fig.legends:
        legenda.set_bbox_to_anchor((0, onder, 1, 1 - onder), transform=fig.transFigure)
        legenda_hoogte = max(legenda_hoogte, legenda.get_window_extent(tekenaar).height / fig.dpi)
    boven = onder + legenda_hoogte / hoogte
    fig.get_layout_engine().set(rect=(0, boven, 1, 1 - boven))


def _svg(fig, naam: str, titel: str, alt: str) -> str:
    import matplotlib

    uit = io.StringIO()
    with matplotlib.rc_context({"svg.id": f"grafiek-{naam}"}):
        fig.savefig(uit, format="svg", metadata={"Date": None, "Creator": None, "Language": "nl"})
    svg = uit.getvalue()
    # A title and a description as the first children of <svg>: what screen readers and
    # browsers show for the file on its own.
    kop = f'<title id="{naam}-titel">{escape(titel)}</title><desc id="{naam}-beschrijving">{escape(alt)}</desc>'
    svg, n = re.subn(
        r"(<svg\b[^>]*?)>",
        rf'\1 role="img" aria-labelledby="{naam}-titel {naam}-beschrijving">' + kop.replace("\\", r"\\"),
        svg,
        count=1,
    )
    if n != 1:
        raise RuntimeError("grafieken.py: geen <svg> in de uitvoer van matplotlib")
    return svg


def _grafiek(naam: str, titel: str, alt: str, tekenaar) -> Grafiek:
    import matplotlib

    with matplotlib.rc_context(STIJL):
        fig = tekenaar()
        return Grafiek(naam, titel, alt, _svg(fig, naam, titel, alt))
