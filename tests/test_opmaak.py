"""Markup a screen reader user meets on every built page (issue 23, point 6): the label of our
own text once per marked region, links whose names say where they go, and on an outcome the
alternatives, the permalink and the date line as a reader without JavaScript gets them."""

from __future__ import annotations

import re
from collections import defaultdict
from html import unescape
from urllib.parse import urljoin

from macros.data import adressen, toestanden
from macros.data.loader import laad_kompas_data

from .conftest import DATA
from .htmlscan import Element, artikel

KOMPAS = laad_kompas_data(DATA).kompas
LABEL_KLASSE = "kvz-eigen__label"


# --- One source label per marked region -----------------------------------------------------


def _labels(element: Element) -> int:
    return sum(LABEL_KLASSE in e.klassen for e in (element, *element.alle()))


def gebieden(element: Element):
    """The marked regions: each outermost element with our own text (data-bron="site")."""
    for kind in element.kinderen:
        if isinstance(kind, Element):
            if kind.eigen:
                yield kind
            else:
                yield from gebieden(kind)


def label_fouten(html: str) -> list[str]:
    """Each marked region that says the label more than once: a screen reader reads every one."""
    return [
        f"<{gebied.tag} class={gebied.attrs.get('class')!r}>: {n} labels"
        for gebied in gebieden(artikel(html))
        if (n := _labels(gebied)) > 1
    ]


def test_labels_per_gebied_worden_geteld():
    label = f'<span class="{LABEL_KLASSE}">Uitleg van deze site, geen tekst uit de nota</span>'
    goed = (
        f'<article><div data-bron="site"><p>{label}</p><p>Ons.</p><p data-bron="site">Ook ons.</p></div>'
        f'<blockquote>De nota.</blockquote><p data-bron="site">{label} Weer ons.</p></article>'
    )
    assert label_fouten(goed) == []
    dubbel = f'<article><div data-bron="site"><p>{label}</p><p data-bron="site">{label} Ons.</p></div></article>'
    assert label_fouten(dubbel) == ["<div class=None>: 2 labels"]


def test_een_label_per_gemarkeerd_gebied_op_elke_pagina(html_paginas):
    fouten = {pad or "/": f for pad, html in html_paginas.items() if "<article" in html and (f := label_fouten(html))}
    assert not fouten, "\n".join(f"{pad}: {'; '.join(f)}" for pad, f in fouten.items())


# --- Link names -------------------------------------------------------------------------------

# The footnotes of Python-Markdown: "1" and "↩" per note, with the number of the note itself
# (on /nota/ a part's numbers start again, as in the printed note). Not ours to rename.
VOETNOOT = {"footnote-ref", "footnote-backref"}


def _naam(link: Element) -> str:
    return " ".join((link.attrs.get("aria-label") or link.tekst()).split()).lower()


def dubbele_linknamen(html: str, pad: str) -> dict[str, set[str]]:
    """Links in the page's content with the same name and different targets."""
    doelen = defaultdict(set)
    for e in artikel(html).alle():
        href = e.attrs.get("href")
        if e.tag != "a" or href is None or VOETNOOT & set(e.klassen) or e.attrs.get("href", "").startswith("#fn"):
            continue
        doelen[_naam(e)].add(urljoin("https://site.example/" + pad, unescape(href)))
    return {naam: d for naam, d in doelen.items() if len(d) > 1}


def test_dubbele_linknamen_worden_gevonden():
    html = (
        '<article><a href="a/">Wijzig</a><a href="b/">wijzig</a><a href="c/">Wijzig<span> vraag 3</span></a></article>'
    )
    assert dubbele_linknamen(html, "x/") == {"wijzig": {"https://site.example/x/a/", "https://site.example/x/b/"}}


def test_geen_twee_links_met_dezelfde_naam_naar_verschillende_plekken(html_paginas):
    fouten = {
        pad or "/": d
        for pad, html in html_paginas.items()
        if "<article" in html and (d := dubbele_linknamen(html, pad))
    }
    assert not fouten, "\n".join(f"{pad}: {dict(d)}" for pad, d in list(fouten.items())[:10])


# --- An outcome: the alternatives, the permalink and the date line -----------------------------


def _uitkomsten(html_paginas):
    for toestand in toestanden.toestanden(KOMPAS):
        if toestand.soort == "uitkomst":
            yield toestand, html_paginas[adressen.WIJZER_PAD + toestand.pad]


def test_de_alternatieven_noemen_de_uitkomst_zelf_nooit(data, html_paginas):
    for toestand, html in _uitkomsten(html_paginas):
        vorm_link = re.compile(r'href="[^"]*' + re.escape(adressen.vorm_pad(toestand.vorm)))
        # "Met nee was u uitgekomen bij …", one per answer.
        alle = re.findall(r"<p data-kompas-alternatieven>(.*?)</p>", html, re.S)
        assert len(alle) == len(toestand.stappen), toestand.pad
        for alternatieven in alle:
            assert not vorm_link.search(alternatieven), (toestand.pad, re.sub("<[^>]+>", "", alternatieven))


def _verantwoording(html: str) -> list[str]:
    pre = re.search(r"<pre[^>]*data-kompas-verantwoording[^>]*>(.*?)</pre>", html, re.S).group(1)
    return unescape(re.sub(r"<[^>]+>", "", pre)).split("\n")


def test_zonder_javascript_is_de_permalink_een_volledig_adres(dist):
    """`make dist SITE_URL=…`: without the script the verantwoording names the outcome by its
    full address, and a date line is there only with the date in it."""
    site, basis = dist["map"] / "site", dist["instellingen"]["SITE_URL"].rstrip("/") + "/"
    for toestand in (t for t in toestanden.toestanden(KOMPAS) if t.soort == "uitkomst"):
        regels = _verantwoording((site / adressen.WIJZER_PAD / toestand.pad / "index.html").read_text(encoding="utf-8"))
        assert f"Permalink: {basis}{adressen.WIJZER_PAD}{toestand.pad}" in regels, regels[-3:]
        assert any(r.startswith(f"Deze route in deze versie van het kompas: {basis}") for r in regels), regels[-3:]
        assert not any(r.strip() in ("Datum:", "Datum") for r in regels)
        # The title, then one empty line before the first question: no empty date line.
        assert regels[1] == "" and regels[2].startswith("Vraag "), regels[:3]
