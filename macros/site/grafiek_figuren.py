"""The charts on the pages: each as a figure with its text alternative, and the table with
the same numbers right after it (WCAG 1.1.1: the table is the full alternative, the alt text
says what the picture shows in a few sentences)."""

from __future__ import annotations

import re

from ..data.adressen import vorm_pad
from ..data.model import METING_NAMEN, Indicator, KompasData
from ..uitvoer import grafieken
from ..uitvoer.grafieken import Grafiek

# Every chart by name (`grafieken.alle`), drawn once per build by our plugin.
Grafieken = dict[str, Grafiek]
from .render import Url, _tabel_regio, tekst

SVG_MAAT = re.compile(r'<svg\b[^>]*?\bwidth="(?P<b>[\d.]+)pt" height="(?P<h>[\d.]+)pt"')


def _maat(grafiek: Grafiek) -> tuple[int, int]:
    """The chart's size in CSS pixels (matplotlib writes points), so the page keeps room for
    it before it loads."""
    m = SVG_MAAT.search(grafiek.svg)
    if m is None:
        raise RuntimeError(f"grafiek {grafiek.naam}: geen breedte en hoogte in de SVG")
    return round(float(m["b"]) * 4 / 3), round(float(m["h"]) * 4 / 3)


def _zin(titel: str) -> str:
    return titel if titel[-1:] in ".?!" else titel + "."


def render_figuur(grafiek: Grafiek, url: Url, waar_de_cijfers_staan: str = "in de tabel hieronder") -> str:
    breedte, hoogte = _maat(grafiek)
    bron = url(grafiek.pad)
    return (
        f'<figure class="kvz-grafiek" id="grafiek-{grafiek.naam}">'
        f'<img src="{bron}" alt="{tekst(grafiek.alt)}" width="{breedte}" height="{hoogte}" loading="lazy">'
        f"<figcaption data-search-exclude>{tekst(_zin(grafiek.titel))} De cijfers staan {waar_de_cijfers_staan}. "
        f'<a href="{bron}" data-alleen-site>Open de grafiek groot<span class="kvz-sr">: {tekst(grafiek.titel)}</span></a>'
        "</figcaption></figure>"
    )


def render_indicatoren_grafiek(alle: Grafieken, url: Url) -> str:
    return render_figuur(alle["indicatoren"], url)


def _indicator_tabel(ind: Indicator) -> str:
    rijen = "".join(
        f'<tr><th scope="row">{METING_NAMEN[i]}</th><td>{m.jaar}</td>'
        f"<td>{tekst(m.waarde) if m.waarde else 'nog niet bekend'}</td><td>{grafieken.meting_soort(i)}</td></tr>"
        for i, m in enumerate(ind.metingen) if m is not None
    )
    tabel = (f"<table><caption>{tekst(ind.indicator)}</caption>"
             '<thead><tr><th scope="col">Meting</th><th scope="col">Jaar</th><th scope="col">Waarde</th>'
             f'<th scope="col">Soort</th></tr></thead><tbody>{rijen}</tbody></table>')
    return _tabel_regio(f"Cijfers: {ind.indicator}", tabel, zoekbaar=False)


def render_indicator_grafieken(data: KompasData, alle: Grafieken, url: Url) -> str:
    """A chart and a small table for every indicator that has been measured."""
    gemeten = [ind for ind in data.indicatoren.alle if not ind.nieuw]
    if not gemeten:
        return "<p>Nog geen indicator is gemeten.</p>\n"
    woord = "indicator is" if len(gemeten) == 1 else "indicatoren zijn"
    delen = [f"<p>{len(gemeten)} {woord} al gemeten. Per indicator ziet u de nulmeting en de streefwaarden "
             "voor de volgende metingen.</p>"]
    delen += [render_figuur(alle[f"indicator-{ind.id}"], url) + _indicator_tabel(ind) for ind in gemeten]
    return "\n\n".join(delen) + "\n"


def render_financien_grafieken(alle: Grafieken, url: Url) -> str:
    return "\n\n".join(render_figuur(alle[naam], url, "in de tabel boven de grafieken")
                       for naam in ("financien-per-jaar", "financien-per-post")) + "\n"


def render_zeggenschap(data: KompasData, alle: Grafieken, url: Url) -> str:
    """The zeggenschap scale of all vormen with the kompas' two directions, and as a table."""
    koers = data.kompas.koers
    richting_van = {vid: r.naam for r in koers.richtingen for vid in r.naar}
    rijen = []
    for v in data.vormen:
        rol = "Minder vaak inzetten" if v.id == koers.minder_vaak else richting_van.get(v.id, "")
        rijen.append(
            f'<tr><th scope="row"><a href="{url(vorm_pad(v.id))}">{tekst(v.titel)}</a></th>'
            f"<td>{tekst(v.zeggenschap)}</td><td>{v.zeggenschap_schaal}</td><td>{tekst(v.eigenaar)}</td>"
            f"<td>{tekst(rol)}</td></tr>"
        )
    tabel = ("<table><caption>Zeggenschap voor Utrechters per vorm (schaal 0 = geen, 4 = volledig)</caption>"
             '<thead><tr><th scope="col">Vorm</th><th scope="col">Zeggenschap</th><th scope="col">Schaal</th>'
             '<th scope="col">Eigenaar</th><th scope="col">Koers</th></tr></thead>'
             f"<tbody>{''.join(rijen)}</tbody></table>")
    return (render_figuur(alle["zeggenschap"], url)
            + _tabel_regio("Zeggenschap per vorm", tabel, zoekbaar=False) + "\n")

