"""The charts of the budget: per year (stacked by line, the total on top) and per line (its
four years). Drawn by `grafieken.alle` with the others."""

from __future__ import annotations

from ..data.model import Financien
from .grafiek_tekenen import KLEUR_WIT, Grafiek, _euro_as, _figuur, _grafiek, _regels, _titel, _voetregel
from .kleuren import JAAR_TINTEN, REEKSEN
from .opmaak import bedragen_zin, opsomming

# --- Budget ---------------------------------------------------------------------------------

# The note marks every total with an asterisk, for its disclaimer (possible cuts); the chart of
# the totals keeps both, as the table does.
STERRETJE = "*"


def totaal_label(bedrag: int) -> str:
    return _euro_as(bedrag) + STERRETJE


def financien_per_jaar(fin: Financien) -> Grafiek:
    """The budget per year, built up from its lines (stacked bars), with the total on top."""
    titel = "Budget Samen stad maken per jaar"
    alt = (
        f"Gestapeld staafdiagram: het budget is {bedragen_zin(fin.jaren, fin.totaal.bedragen)}, "
        f"opgebouwd uit {len(fin.posten)} posten: {opsomming([p.omschrijving for p in fin.posten])}. "
        f"Elk totaal heeft het sterretje ({STERRETJE}) van de nota; de disclaimer daarbij staat onder de grafiek."
    )

    def teken():
        fig = _figuur(5.4, 5.4)
        ax = fig.add_subplot()
        onder = [0] * len(fin.jaren)
        for n, post in enumerate(fin.posten):
            kleur, arcering = REEKSEN[n % len(REEKSEN)]
            ax.bar(
                [str(j) for j in fin.jaren],
                post.bedragen,
                bottom=onder,
                width=0.6,
                color=kleur,
                hatch=arcering or None,
                edgecolor=KLEUR_WIT,
                linewidth=1,
                label=_regels(post.omschrijving, 44),
                gid=f"post-{post.id}",
            )
            onder = [a + b for a, b in zip(onder, post.bedragen)]
        for j, totaal in enumerate(fin.totaal.bedragen):
            ax.text(
                j,
                onder[j] + max(onder) * 0.015,
                totaal_label(totaal),
                ha="center",
                va="bottom",
                fontweight="bold",
                fontsize=10,
            )
        ax.set_ylim(0, max(onder) * 1.12)
        ax.yaxis.set_major_formatter(_euro_as)
        fig.legend(loc="outside lower left", fontsize=10, reverse=True)
        _voetregel(fig, f"{STERRETJE} Disclaimer: {fin.disclaimer}")
        _titel(fig, titel)
        return fig

    return _grafiek("financien-per-jaar", titel, alt, teken)


def financien_per_post(fin: Financien) -> Grafiek:
    """Each line of the budget over the years (grouped bars), so a line's course is visible."""
    titel = "Budget per post, per jaar"
    alt = (
        "Staafdiagram van het budget per post: "
        + "; ".join(f"{p.omschrijving}: {bedragen_zin(fin.jaren, p.bedragen)}" for p in fin.posten)
        + "."
    )

    def teken():
        fig = _figuur(5.4, 1.4 + 1.3 * len(fin.posten))
        ax = fig.add_subplot()
        dikte = 0.8 / len(fin.jaren)
        hoogste = max(b for p in fin.posten for b in p.bedragen)
        for j, jaar in enumerate(fin.jaren):
            ys = [y - 0.4 + dikte * (j + 0.5) for y in range(len(fin.posten))]
            bedragen = [p.bedragen[j] for p in fin.posten]
            ax.barh(
                ys,
                bedragen,
                height=dikte * 0.9,
                color=JAAR_TINTEN[j % len(JAAR_TINTEN)],
                label=str(jaar),
                gid=f"jaar-{jaar}",
            )
            for y, b in zip(ys, bedragen):
                ax.text(b + hoogste * 0.01, y, f"{jaar}: {_euro_as(b)}", va="center", fontsize=9)
        ax.set_yticks(range(len(fin.posten)), [_regels(p.omschrijving, 22) for p in fin.posten], fontsize=10)
        ax.set_ylim(len(fin.posten) - 0.5, -0.5)
        ax.set_xlim(0, hoogste * 1.6)
        # Every bar carries its amount, so an axis with amounts would only repeat them.
        ax.xaxis.set_visible(False)
        ax.spines["bottom"].set_visible(False)
        _titel(fig, titel)
        return fig

    return _grafiek("financien-per-post", titel, alt, teken)
