"""Charts drawn at build time from the data: the indicators, the budget and the zeggenschap
scale of the vormen. matplotlib draws them as SVG; the site serves them itself.

Every chart is a `Grafiek`: the SVG (with a <title> and <desc>, for anyone who opens the
file itself), and the title and text alternative for the page that shows it. On the page the
table with the same numbers stands next to each chart (`site/grafiek_figuren.py`), so nobody needs the
picture to get the facts.

Text stays text in the SVG (`svg.fonttype: none`): it is sharper, smaller, searchable and
testable. The output is reproducible: no date in the metadata, fixed ids.
"""

from __future__ import annotations

import dataclasses
import inspect
import json
from pathlib import Path
from typing import Optional

from .. import data as data_laag
from ..data.model import METING_NAMEN, ZEGGENSCHAP, Indicator, KompasData, Meting, Vorm
from . import bouwcache, grafiek_tekenen, grafieken_financien, kleuren, opmaak
from .grafiek_tekenen import (  # noqa: F401  (re-exported: the site and tests use them from here)
    KLEUR_BLAUW,
    KLEUR_LIJN,
    KLEUR_TEKST,
    KLEUR_VLAK,
    KLEUR_WIT,
    KLEUR_ZACHT,
    Grafiek,
    _euro_as,
    _figuur,
    _grafiek,
    _regels,
    _titel,
    _voetregel,
    is_procent,
    meting_soort,
)
from .grafieken_financien import financien_per_jaar, financien_per_post
from .kleuren import PALET
from .opmaak import getal, opsomming

# --- Indicators -----------------------------------------------------------------------------


def _meting_woorden(i: int, meting: Optional[Meting]) -> str:
    if meting is None or meting.waarde is None:
        jaar = f" {meting.jaar}" if meting else ""
        return f"{METING_NAMEN[i].lower()}{jaar}: in de nota een sterretje, nog in te vullen"
    return f"{METING_NAMEN[i].lower()} {meting.jaar}: {meting.waarde} ({meting_soort(i)})"


def indicator_grafiek(ind: Indicator) -> Grafiek:
    """One measured indicator: the 0-meting as a solid bar, the targets hatched."""
    titel = ind.indicator
    procent = is_procent(ind)
    alt = "Staafdiagram: " + "; ".join(_meting_woorden(i, m) for i, m in enumerate(ind.metingen) if m is not None) + "."

    def teken():
        fig = _figuur(4.8, 3.6)
        ax = fig.add_subplot()
        metingen = [(i, m) for i, m in enumerate(ind.metingen) if m is not None]
        bekend = [getal(m.waarde) for _, m in metingen if m.waarde]
        hoogste = 100.0 if procent else max(bekend) * 1.3
        for x, (i, m) in enumerate(metingen):
            if m.waarde is None:
                ax.text(x, hoogste * 0.04, "*\nnog in te\nvullen", ha="center", va="bottom", color=KLEUR_ZACHT)
                continue
            waarde = getal(m.waarde)
            streef = i > 0
            ax.bar(
                x,
                waarde,
                width=0.6,
                color=KLEUR_WIT if streef else KLEUR_BLAUW,
                edgecolor=KLEUR_BLAUW,
                linewidth=1.5,
                hatch="//" if streef else None,
                hatchcolor=KLEUR_BLAUW,
                gid=f"{ind.id}-{x}",
            )
            ax.text(x, waarde + hoogste * 0.02, m.waarde, ha="center", va="bottom", fontweight="bold")
        ax.set_xticks(range(len(metingen)), [f"{m.jaar}\n{meting_soort(i)}" for i, m in metingen])
        ax.set_ylim(0, hoogste * 1.12)
        if procent:
            ax.set_yticks(range(0, 101, 25), [f"{n}%" for n in range(0, 101, 25)])
        _titel(fig, titel)
        return fig

    return _grafiek(f"indicator-{ind.id}", titel, alt, teken)


def indicatoren_grafiek(data: KompasData) -> Grafiek:
    """All indicators on one time line: which are measured, which targets, which are new."""
    rijen = data.indicatoren.alle
    jaren = sorted({m.jaar for ind in rijen for m in ind.metingen if m} | {int(ind.evaluatie) for ind in rijen})
    titel = "Welke indicatoren zijn al gemeten?"
    nieuw = [ind for ind in rijen if ind.nieuw]
    gemeten_jaren = sorted({str(ind.nulmeting.jaar) for ind in rijen if ind.nulmeting})
    # A measured indicator need not have targets: sociale cohesie's are "*" in the note.
    met_streefwaarden = [ind for ind in rijen if any(m is not None and m.waarde for m in ind.metingen[1:])]
    streefwaarden = (
        ""
        if not gemeten_jaren
        else " en streefwaarden"
        if len(met_streefwaarden) == len(rijen) - len(nieuw)
        else f", {len(met_streefwaarden)} daarvan met streefwaarden"
    )
    alt = (
        f"Tijdlijn van alle {len(rijen)} indicatoren, {jaren[0]} tot {jaren[-1]}: "
        f"{len(nieuw)} nieuw en nog niet gemeten, {len(rijen) - len(nieuw)} met een nulmeting"
        + (f" (uit {opsomming(gemeten_jaren)})" if gemeten_jaren else "")
        + streefwaarden
        + f". Evaluatie in {opsomming(sorted({i.evaluatie for i in rijen}))}."
    )

    def teken():
        regel_hoogte = 0.6
        fig = _figuur(5.6, 1.9 + regel_hoogte * len(rijen))
        ax = fig.add_subplot()
        links, rechts = jaren[0] - 0.5, jaren[-1] + 0.5
        for y, ind in enumerate(rijen):
            if ind.nieuw:
                ax.barh(
                    y,
                    rechts - links - 0.2,
                    left=links + 0.1,
                    height=0.5,
                    color=KLEUR_VLAK,
                    edgecolor=KLEUR_LIJN,
                    linewidth=0.8,
                    hatch="//",
                    hatchcolor=PALET["rand-sterk"],
                    gid=f"indicator-{ind.id}",
                )
                ax.text(
                    links + 0.2,
                    y,
                    "nog niet gemeten",
                    va="center",
                    color=KLEUR_TEKST,
                    fontstyle="italic",
                    bbox={"facecolor": KLEUR_VLAK, "edgecolor": "none", "pad": 1},
                )
            else:
                for i, m in enumerate(ind.metingen):
                    if m is None:
                        continue
                    bekend = m.waarde is not None
                    ax.plot(
                        [m.jaar],
                        [y],
                        marker="o",
                        markersize=10,
                        linestyle="none",
                        markerfacecolor=KLEUR_BLAUW if i == 0 else KLEUR_WIT,
                        markeredgecolor=KLEUR_BLAUW if bekend else KLEUR_LIJN,
                        markeredgewidth=2,
                        gid=f"indicator-{ind.id}" if i == 0 else None,
                    )
                    if bekend:
                        ax.text(m.jaar, y - 0.36, m.waarde, ha="center", va="center", fontweight="bold", fontsize=10)
                    else:
                        ax.text(
                            m.jaar,
                            y + 0.36,
                            "* nog in te vullen",
                            ha="center",
                            va="center",
                            fontsize=9,
                            color=KLEUR_ZACHT,
                        )
            ax.plot([int(ind.evaluatie)], [y], marker="D", markersize=8, linestyle="none", color=KLEUR_ZACHT)
        ax.set_yticks(range(len(rijen)), [_regels(ind.indicator, 24) for ind in rijen], fontsize=10)
        ax.set_ylim(len(rijen) - 0.5, -0.5)
        ax.set_xlim(links, rechts + 0.2)
        ax.set_xticks(jaren, [str(j) for j in jaren])
        ax.xaxis.tick_top()
        ax.spines["bottom"].set_visible(False)
        ax.spines["top"].set_visible(True)
        ax.grid(axis="x", color=PALET["rand"], linewidth=0.8)
        ax.set_axisbelow(True)
        from matplotlib.lines import Line2D
        from matplotlib.patches import Patch

        fig.legend(
            handles=[
                Line2D(
                    [], [], marker="o", linestyle="none", markersize=10, color=KLEUR_BLAUW, label="gemeten (nulmeting)"
                ),
                Line2D(
                    [],
                    [],
                    marker="o",
                    linestyle="none",
                    markersize=10,
                    markerfacecolor=KLEUR_WIT,
                    markeredgecolor=KLEUR_BLAUW,
                    markeredgewidth=2,
                    label="streefwaarde",
                ),
                Line2D([], [], marker="D", linestyle="none", markersize=8, color=KLEUR_ZACHT, label="evaluatie"),
                Patch(
                    facecolor=KLEUR_VLAK,
                    edgecolor=KLEUR_LIJN,
                    hatch="//",
                    hatchcolor=PALET["rand-sterk"],
                    label="nieuw: nog niet gemeten",
                ),
            ],
            loc="outside lower left",
            ncols=2,
            fontsize=10,
        )
        _titel(fig, titel)
        return fig

    return _grafiek("indicatoren", titel, alt, teken)


# --- The zeggenschap scale of the vormen ----------------------------------------------------


def _vorm_titels(data: KompasData, ids: list[str]) -> str:
    return opsomming([data.vorm(i).titel for i in ids])


def _schaal_label(schaal, n: int) -> str:
    """The number under the axis; at the ends with its word ("0\ngeen")."""
    woord = {schaal.laagste: schaal.laag, schaal.hoogste: schaal.hoog}.get(n)
    return f"{n}\n{woord}" if woord else str(n)


# The note has no such chart: it names each vorm's zeggenschap in words ("Hoog", "Beperkt");
# the numbers on the scale are the site's reading. The chart says so itself, also as a file
# opened on its own, in its title, its description and a line under it.
ZEGGENSCHAP_LEZING = (
    "Lezing van deze site, geen figuur uit de nota. De nota noemt de zeggenschap per vorm in woorden; "
    f"de schaal van {ZEGGENSCHAP.laagste} tot {ZEGGENSCHAP.hoogste} is onze lezing daarvan. "
    "De pijlen volgen de tekst van de nota over de koers."
)


def zeggenschap_grafiek(data: KompasData) -> Grafiek:
    """The seven vormen from most to least say for Utrechters, and the two directions the
    kompas steers in: away from one vorm, towards others."""
    vormen: list[Vorm] = data.vormen
    koers = data.kompas.koers
    titel = "Zeggenschap voor Utrechters per vorm: de lezing van deze site"
    alt = (
        f"{ZEGGENSCHAP_LEZING} "
        f"Staafdiagram van de {len(vormen)} vormen, van {vormen[0].titel} tot {vormen[-1].titel}, "
        f"met de zeggenschap voor Utrechters op een schaal van {ZEGGENSCHAP.uitleg}: "
        + "; ".join(f"{v.titel} {v.zeggenschap_schaal} ({v.zeggenschap.rstrip('.').lower()})" for v in vormen)
        + ". "
        + f"Pijlen tonen hoe het kompas stuurt: minder vaak {data.vorm(koers.minder_vaak).titel}, "
        + " en ".join(f"meer {_vorm_titels(data, r.naar)} ({r.naam.lower()})" for r in koers.richtingen)
        + "."
    )

    def teken():
        fig = _figuur(5.4, 1.9 + 0.62 * len(vormen))
        ax = fig.add_subplot()
        rij = {v.id: y for y, v in enumerate(vormen)}
        doelen = {vid for r in koers.richtingen for vid in r.naar}
        soorten = {
            "doel": ("het kompas stuurt hierheen", KLEUR_BLAUW),
            "samen": ("andere samenwerkingsvorm", kleuren.VORM_SAMEN),
            "geen": ("geen samenwerking", kleuren.VORM_GEEN),
        }
        for y, v in enumerate(vormen):
            soort = "doel" if v.id in doelen else "samen" if v.samenwerkingsvorm else "geen"
            ax.barh(y, max(v.zeggenschap_schaal, 0.04), height=0.62, color=soorten[soort][1], gid=f"vorm-{v.id}")
        ax.set_yticks(range(len(vormen)), [v.titel for v in vormen], fontsize=12)
        ax.set_ylim(len(vormen) - 0.5, -0.5)
        schaal = ZEGGENSCHAP
        # Right of the scale: room for the kompas' directions.
        ax.set_xlim(schaal.laagste, schaal.hoogste + 5.6)
        ax.set_xticks(schaal.stappen, [_schaal_label(schaal, n) for n in schaal.stappen], fontsize=10)
        ax.spines["bottom"].set_bounds(schaal.laagste, schaal.hoogste)
        ax.set_xlabel("Zeggenschap voor Utrechters", loc="left")
        # The two directions: curved arrows from the vorm used less often to each vorm the
        # kompas steers towards, in the free space right of the bars.
        van = rij[koers.minder_vaak]
        x = schaal.hoogste + 0.7
        ax.plot([x], [van], marker="o", markersize=9, color=KLEUR_TEKST)
        ax.text(x + 0.3, van, "minder vaak", va="center", fontsize=10, fontstyle="italic")
        for r in koers.richtingen:
            naar = [rij[i] for i in r.naar]
            for doel in naar:
                omhoog = doel < van
                ax.annotate(
                    "",
                    xy=(x, doel),
                    xytext=(x, van),
                    arrowprops={
                        "arrowstyle": "-|>,head_width=0.35,head_length=0.7",
                        "color": KLEUR_TEKST,
                        "linewidth": 1.8,
                        "shrinkA": 7,
                        "shrinkB": 2,
                        "connectionstyle": f"arc3,rad={-0.45 if omhoog else 0.45}",
                    },
                )
            midden = (sum(naar) / len(naar) + van) / 2
            ax.text(
                x + 0.3,
                midden,
                _regels(r.naam, 12),
                va="center",
                fontweight="bold",
                fontsize=10,
                gid=f"richting-{r.id}",
            )
        from matplotlib.patches import Patch

        fig.legend(
            handles=[Patch(color=kleur, label=label) for label, kleur in soorten.values()],
            loc="outside lower left",
            ncols=1,
            fontsize=10,
            handlelength=1.2,
        )
        _voetregel(fig, ZEGGENSCHAP_LEZING)
        _titel(fig, titel)
        return fig

    return _grafiek("zeggenschap", titel, alt, teken)


# --- All of them ------------------------------------------------------------------------------


# The data layer's code: the charts read more of it than repr(data) shows, the measurements'
# names (METING_NAMEN) and the records' properties (an indicator's `metingen`).
DATA_CODE = data_laag.CODE


def _teken_alle(data: KompasData) -> list[Grafiek]:
    grafieken = [indicatoren_grafiek(data)]
    grafieken += [indicator_grafiek(ind) for ind in data.indicatoren.alle if not ind.nieuw]
    grafieken += [financien_per_jaar(data.financien), financien_per_post(data.financien), zeggenschap_grafiek(data)]
    return grafieken


def _json_lijst(inhoud: bytes) -> bool:
    try:
        return isinstance(json.loads(inhoud), list)
    except ValueError:
        return False


def alle(data: KompasData) -> dict[str, Grafiek]:
    """Every chart by name, from the build cache when the data and the drawing code are the same."""
    # The scale, the colours, the Dutch notation and the shared and budget drawing code are
    # drawn too, and live outside the data and this module.
    sleutel = bouwcache.sleutel(
        repr(data),
        repr(ZEGGENSCHAP),
        bouwcache.map_inhoud(DATA_CODE),
        bouwcache.code_en_waarden(kleuren),  # the palette comes from the gemeente's tokens
        *(Path(inspect.getfile(m)).read_text(encoding="utf-8") for m in (opmaak, grafiek_tekenen, grafieken_financien)),
        bouwcache.code_en_versie(__file__, "matplotlib"),
    )
    inhoud = bouwcache.ophalen_of_maken(
        "grafieken",
        sleutel,
        lambda: json.dumps([dataclasses.asdict(g) for g in _teken_alle(data)], ensure_ascii=False).encode(),
        _json_lijst,
    )
    return {g["naam"]: Grafiek(**g) for g in json.loads(inhoud)}
