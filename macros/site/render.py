"""Renderers: plain functions from kompas data to the HTML or Markdown of a page.

Every string that comes from the YAML goes through `tekst()` (HTML-escaped): mkdocs-macros
does not escape, so without it a `<script>` in a data file would reach the page. Page-level
renderers return Markdown headings (so the table of contents and anchors work) around HTML
blocks; links inside HTML are made relative with the `Url` function the caller passes in,
because MkDocs does not rewrite links inside raw HTML.
"""

from __future__ import annotations

import html
from typing import Callable, Iterable, Optional
from urllib.parse import quote

from ..data import graaf
from ..data.adressen import CONTACT, PDF_NAAM, principe_pad, relatieve_url, vorm_pad  # noqa: F401
from ..data.model import (METING_NAMEN, Citaat, Doel, Doelstelling, Financien, IndicatorenBestand, KompasData,
                          Meting, Principe, Risico, Vorm, Wijkplatforms)
from ..uitvoer.opmaak import datum, euro

# Maps a site path such as "kompas/vormen/peilen/" to a link relative to the current page.
Url = Callable[[str], str]

SCHAAL_MIN, SCHAAL_MAX = 0, 4


def tekst(waarde: object) -> str:
    """HTML-escape text from the data (quotes too, so it is safe in attributes)."""
    return html.escape(str(waarde), quote=True)


def md_kop(niveau: int, waarde: str) -> str:
    """A Markdown heading whose text is escaped for HTML and for Markdown syntax."""
    veilig = tekst(waarde)
    for teken in "\\`*_[]{}()#+!|":
        veilig = veilig.replace(teken, "\\" + teken)
    return f"{'#' * niveau} {veilig}"



def _alineas(alineas: Iterable[str]) -> str:
    return "\n".join(f"<p>{tekst(a)}</p>" for a in alineas)


def _lijst(items: Iterable[str], tag: str = "ul") -> str:
    regels = "".join(f"<li>{tekst(i)}</li>" for i in items)
    return f"<{tag}>{regels}</{tag}>"


def _blok(*delen: str) -> str:
    """Join Markdown and HTML blocks with blank lines, as Markdown needs around raw HTML."""
    return "\n\n".join(d for d in delen if d) + "\n"


def _tabel_regio(label: str, tabel_html: str, zoekbaar: bool = True) -> str:
    # A wide table scrolls inside its own region on a phone; the region must be focusable
    # and named so keyboard users can scroll it (WCAG 2.1.1, axe scrollable-region-focusable).
    # `zoekbaar=False` keeps reference tables out of the search index, which every page loads.
    buiten_zoeken = "" if zoekbaar else " data-search-exclude"
    return (f'<div class="kvz-tabel" role="region" aria-label="{tekst(label)}" tabindex="0"{buiten_zoeken}>'
            f"{tabel_html}</div>")


# --- In het kort ----------------------------------------------------------------------------

def render_in_het_kort(samenvatting: str) -> str:
    """The plain-language summary above a page (B1); the note's own text follows unchanged."""
    return ('<section class="kvz-kort" aria-labelledby="in-het-kort">'
            '<h2 class="kvz-kort__kop" id="in-het-kort">In het kort</h2>'
            f"<p>{tekst(samenvatting)}</p></section>")


# --- Klopt dit niet? ------------------------------------------------------------------------

def feedback_link(onderwerp: str, regels: list[str]) -> str:
    """A mailto: link whose subject and body say what the reader was looking at. The site
    sends nothing itself; the reader's own mail program opens."""
    body = "\n".join(regels + ["", "Wat klopt er niet, of wat mist u?", ""])
    return f"mailto:{CONTACT}?subject={quote(onderwerp, safe='')}&body={quote(body, safe='')}"


def render_feedback(onderwerp: str, regels: list[str]) -> str:
    return (
        '<aside class="kvz-feedback" aria-label="Reageren" data-alleen-site data-search-exclude>'
        f'<p><a href="{tekst(feedback_link(onderwerp, regels))}" data-kompas-feedback>Klopt dit niet? '
        "Laat het ons weten</a></p>"
        "<p>Uw mailprogramma opent met een bericht aan Team Samen stad maken, met deze pagina en de "
        "versie van het kompas erin. De site stuurt zelf niets.</p></aside>"
    )


# --- The whole note as a PDF -----------------------------------------------------------------

def render_pdf_download(url: Url) -> str:
    # The size and page count replace the placeholder once the PDF exists (plugin.py).
    return (f'<p class="kvz-download"><a href="{url(PDF_NAAM)}" download>'
            "Download de hele beleidsnota</a> (<span data-pdf-grootte>pdf</span>)</p>")


# --- Vormen ---------------------------------------------------------------------------------

def render_zeggenschap_schaal(vorm: Vorm) -> str:
    """The vorm's place on the scale from "Gemeente aan zet" (0) to "Utrechter aan zet" (4).
    The drawn steps are decoration; the sentence says the same for screen readers."""
    stappen = "".join(
        f'<span class="kvz-schaal__stap{" kvz-schaal__stap--actief" if n == vorm.zeggenschap_schaal else ""}">'
        "</span>"
        for n in range(SCHAAL_MIN, SCHAAL_MAX + 1)
    )
    return (
        '<div class="kvz-schaal">'
        f'<p class="kvz-schaal__tekst">Zeggenschap voor Utrechters: {vorm.zeggenschap_schaal} '
        f"op een schaal van {SCHAAL_MIN} (geen) tot {SCHAAL_MAX} (volledig).</p>"
        f'<div class="kvz-schaal__balk" aria-hidden="true" data-search-exclude>{stappen}</div>'
        '<div class="kvz-schaal__einden" aria-hidden="true" data-search-exclude>'
        "<span>Gemeente aan zet</span><span>Utrechter aan zet</span></div>"
        "</div>"
    )


def render_vorm_principes(vorm: Vorm, data: KompasData, url: Url, link_attr: str = "") -> str:
    """The principles that matter most for a vorm; `link_attr` e.g. opens them in a new window."""
    if not vorm.principes:
        return ("<p>De leidende principes zijn opgesteld voor samenwerking met Utrechters, niet "
                "voor publieksdienstverlening of de uitvoering van een wettelijke taak.</p>")
    items = "".join(f'<li><a href="{url(principe_pad(p))}"{link_attr}>{tekst(data.principe(p).titel)}</a></li>'
                    for p in vorm.principes)
    return f"<p>Bij deze vorm vragen deze principes het meest:</p><ul>{items}</ul>"


def render_vorm_pagina(vorm: Vorm, data: KompasData, url: Url) -> str:
    soort = ("Een samenwerkingsvorm van het kompas." if vorm.samenwerkingsvorm else
             "Geen samenwerkingsvorm: publieksdienstverlening of de uitvoering van een wettelijke taak.")
    delen = [
        md_kop(1, vorm.titel),
        render_in_het_kort(vorm.in_het_kort),
        f'<p class="kvz-inleiding">{soort}</p>',
        "## Wat is het",
        f"<p>{tekst(vorm.wat_is_het)}</p>",
        "## Mate van zeggenschap voor Utrechters",
        f"<p>{tekst(vorm.zeggenschap)}</p>",
        render_zeggenschap_schaal(vorm),
        "## Eigenaar",
        f"<p>{tekst(vorm.eigenaar)}</p>",
        "## Wanneer is dit een geschikte vorm",
        f"<p>{tekst(vorm.wanneer_geschikt)}</p>",
        "## Inhoudelijke voorbeelden",
        _lijst(vorm.voorbeelden),
    ]
    if vorm.instrumenten:
        delen += ["## Voorbeelden van middelen of instrumenten", _lijst(vorm.instrumenten)]
    delen += ["## Houding en gedrag", render_vorm_principes(vorm, data, url),
              # Only on the website: the whole note (one page, PDF) has no kompaswijzer to go to.
              '## Zo kom je in de kompaswijzer hier uit { data-alleen-site="" }',
              f"<div data-alleen-site data-search-exclude>{render_routes_naar_vorm(vorm, data, url)}</div>"]
    delen.append(f'<p><a href="{url("kompas/")}#de-vormen">Alle vormen in het kompas</a></p>')
    delen.append(render_feedback(f"Klopt dit niet? Vorm {vorm.titel}",
                                 [f"Pagina: /{vorm_pad(vorm.id)}", f"Kompas voor zeggenschap, versie {data.kompas.versie}"]))
    return _blok(*delen)


def render_routes_naar_vorm(vorm: Vorm, data: KompasData, url: Url) -> str:
    """Every path through the kompas that ends at this vorm, each linked to its outcome page."""
    nummers = {v.id: i for i, v in enumerate(data.kompas.vragen, start=1)}
    routes = [p for p in graaf.paden(data.kompas) if p.vorm == vorm.id]
    items = "".join(
        f'<li><a href="{url("kompas/wijzer/" + p.antwoorden + "/")}" data-kompas-route="{p.antwoorden}">'
        + ", ".join(f"vraag {nummers[s.vraag]} {s.antwoord}" for s in p.stappen) + "</a></li>"
        for p in routes)
    return (f"<p>In de {'route' if len(routes) == 1 else f'{len(routes)} routes'} hieronder komt de "
            f'<a href="{url("kompas/wijzer/")}">kompaswijzer</a> uit bij {tekst(vorm.titel)}. '
            f"Kies een route om de uitleg te zien.</p><ul>{items}</ul>")


def render_voorbeelden(vormen: list[Vorm], url: Url) -> str:
    """The examples catalogue: every voorbeeld and instrument, grouped by vorm. Without
    JavaScript all groups show; kompaswijzer.js adds a filter by vorm."""
    opties = "".join(f'<option value="{v.id}">{tekst(v.titel)}</option>' for v in vormen)
    filter_html = (
        '<form class="kvz-filter" data-kompas-filter hidden>'
        '<label for="kvz-filter-vorm">Toon de voorbeelden van</label> '
        f'<select id="kvz-filter-vorm" name="vorm"><option value="">alle vormen</option>{opties}</select>'
        '<p class="kvz-sr" role="status" data-kompas-filter-status></p></form>'
    )
    groepen = []
    for v in vormen:
        instrumenten = (f"<h3>Voorbeelden van middelen of instrumenten</h3>{_lijst(v.instrumenten)}"
                        if v.instrumenten else "")
        groepen.append(
            f'<section class="kvz-voorbeelden" data-vorm="{v.id}" aria-labelledby="voorbeelden-{v.id}">'
            f'<h2 id="voorbeelden-{v.id}">{tekst(v.titel)}</h2>'
            f"<h3>Inhoudelijke voorbeelden</h3>{_lijst(v.voorbeelden)}{instrumenten}"
            f'<p><a href="{url(vorm_pad(v.id))}">Meer over {tekst(v.titel)}</a></p></section>'
        )
    return filter_html + "\n" + "\n".join(groepen) + "\n"


def render_vormen_overzicht(vormen: list[Vorm], url: Url) -> str:
    rijen = "".join(
        "<tr>"
        f'<th scope="row"><a href="{url(vorm_pad(v.id))}">{tekst(v.titel)}</a></th>'
        f"<td>{tekst(v.zeggenschap)}</td>"
        f"<td>{tekst(v.eigenaar)}</td>"
        f"<td>{'Ja' if v.samenwerkingsvorm else 'Nee'}</td>"
        "</tr>"
        for v in vormen
    )
    tabel = (
        "<table><caption>De vormen van het kompas, van veel naar geen zeggenschap voor Utrechters</caption>"
        '<thead><tr><th scope="col">Vorm</th><th scope="col">Zeggenschap voor Utrechters</th>'
        '<th scope="col">Eigenaar</th><th scope="col">Samenwerkingsvorm</th></tr></thead>'
        f"<tbody>{rijen}</tbody></table>"
    )
    return _tabel_regio("De vormen van het kompas", tabel)


# --- Het kompas -----------------------------------------------------------------------------

def _doel_html(doel: Doel, data: KompasData, nummers: dict[str, int], url: Url) -> str:
    if doel.vorm is not None:
        vorm = data.vorm(doel.vorm)
        return f'naar vorm <a href="{url(vorm_pad(vorm.id))}">{tekst(vorm.titel)}</a>'
    return f'naar <a href="#vraag-{doel.vraag}">vraag {nummers[doel.vraag]}</a>'


def render_vragen(data: KompasData, url: Url) -> str:
    """The kompas in words: each question with where Ja and Nee lead (the flowchart as a list,
    which stays readable on a phone where a four-column table does not)."""
    nummers = {v.id: i for i, v in enumerate(data.kompas.vragen, start=1)}
    items = "".join(
        f'<li class="kvz-vraag" id="vraag-{v.id}">'
        f'<p class="kvz-vraag__tekst"><strong>Vraag {nummers[v.id]}.</strong> {tekst(v.tekst)}</p>'
        '<dl class="kvz-vraag__antwoorden">'
        f"<dt>Ja</dt><dd>{_doel_html(v.ja, data, nummers, url)}</dd>"
        f"<dt>Nee</dt><dd>{_doel_html(v.nee, data, nummers, url)}</dd>"
        "</dl></li>"
        for v in data.kompas.vragen
    )
    start = nummers[data.kompas.start]
    return (f'<p>Begin bij vraag {start}.</p>\n\n'
            f'<ol class="kvz-vragen" aria-label="De vragen van het kompas, versie {tekst(data.kompas.versie)}">'
            f"{items}</ol>")


def render_kompas_toelichting(data: KompasData) -> str:
    return (
        '<div class="kvz-kader">'
        f"<p>{tekst(data.kompas.toelichting)}</p>"
        f'<p class="kvz-kader__motto">{tekst(data.kompas.motto)}</p>'
        "</div>"
    )



# --- Principes ------------------------------------------------------------------------------

def render_citaat(citaat: Citaat) -> str:
    spreker = f"<figcaption>{tekst(citaat.spreker)}</figcaption>" if citaat.spreker else ""
    return (f'<figure class="kvz-citaat"><blockquote><p>“{tekst(citaat.tekst)}”</p></blockquote>'
            f"{spreker}</figure>")


def render_principe_pagina(principe: Principe, data: KompasData, url: Url) -> str:
    delen = [md_kop(1, principe.titel), render_in_het_kort(principe.in_het_kort), _alineas(principe.alineas)]
    delen += [render_citaat(c) for c in principe.citaten]
    for onderdeel in principe.onderdelen:
        delen += [md_kop(2, onderdeel.kop), _alineas(onderdeel.alineas)]
    indicatoren = [i for i in data.indicatoren.alle if i.principe == principe.id]
    if indicatoren:
        items = "".join(f"<li>{tekst(i.indicator)}</li>" for i in indicatoren)
        delen += [
            "## Hoe we dit volgen",
            f"<p>Bij dit principe horen deze indicatoren (zie "
            f'<a href="{url("monitoring/indicatoren/")}">Indicatoren</a>):</p>',
            f"<ul>{items}</ul>",
        ]
    delen.append(f'<p><a href="{url("principes/")}">Alle zes principes</a></p>')
    return _blok(*delen)


def render_principes_overzicht(principes: list[Principe], url: Url) -> str:
    items = "".join(f'<li><a href="{url(principe_pad(p.id))}">{tekst(p.titel)}</a></li>' for p in principes)
    return f'<ol class="kvz-principes">{items}</ol>'


# --- Doelstellingen, indicatoren, risico's, financiën, wijkplatforms ------------------------

def render_doelstellingen(doelstellingen: list[Doelstelling]) -> str:
    items = "".join(
        f"<li><p><strong>{tekst(d.soort)}</strong><br>{tekst(d.tekst)}</p>"
        f"{_lijst(d.onderdelen) if d.onderdelen else ''}</li>"
        for d in doelstellingen
    )
    return f'<ol class="kvz-doelstellingen">{items}</ol>'


def _meting_html(meting: Optional[Meting], nummers: dict[str, int]) -> str:
    if meting is None:
        return '*<span class="kvz-sr"> nog niet bekend</span>'
    waarde = tekst(meting.waarde) if meting.waarde else '*<span class="kvz-sr"> nog niet bekend</span>'
    noot = ""
    if meting.voetnoot:
        n = nummers[meting.voetnoot]
        noot = f'<sup><a href="#voetnoot-{meting.voetnoot}" aria-label="voetnoot {n}">{n}</a></sup>'
    return f"{waarde}{noot} ({meting.jaar})"


def render_indicatoren(ind: IndicatorenBestand, url: Url) -> str:
    nummers = {v.id: i for i, v in enumerate(ind.voetnoten, start=1)}
    rijen = []
    for groep in ind.groepen:
        for i, indicator in enumerate(groep.indicatoren):
            kop = (f'<th scope="rowgroup" rowspan="{len(groep.indicatoren)}">'
                   f"{tekst(groep.doelstelling)}. {tekst(groep.tekst)}</th>") if i == 0 else ""
            thema = ""
            if indicator.thema:
                thema = tekst(indicator.thema)
                if indicator.principe:
                    thema = f'<a href="{url(principe_pad(indicator.principe))}">{thema}</a>'
                thema = f'<span class="kvz-thema">{thema}</span><br>'
            naam = thema + tekst(indicator.indicator)
            if indicator.nieuw:
                naam += ' <span class="kvz-label">nieuw*</span>'
            if indicator.bron:
                naam += f'<br><span class="kvz-bron">Bron: {tekst(indicator.bron)}</span>'
            evaluatie = tekst(indicator.evaluatie)
            if indicator.volgen_via_begroting:
                evaluatie += "<br>Volgen via begroting"
            metingen = "".join(f"<td>{_meting_html(m, nummers)}</td>" for m in indicator.metingen)
            rijen.append(f"<tr>{kop}<td>{naam}</td>{metingen}<td>{evaluatie}</td></tr>")
    tabel = (
        "<table><caption>Doelstellingen en effect-indicatoren</caption>"
        '<thead><tr><th scope="col">Doelstelling</th>'
        '<th scope="col">Effect-indicator</th>'
        + "".join(f'<th scope="col">{naam}</th>' for naam in METING_NAMEN) +
        '<th scope="col">Evaluatie</th></tr></thead>'
        f"<tbody>{''.join(rijen)}</tbody></table>"
    )
    noten = "".join(f'<li id="voetnoot-{v.id}">{tekst(v.tekst)}</li>' for v in ind.voetnoten)
    return (
        _tabel_regio("Doelstellingen en effect-indicatoren", tabel)
        + f'\n\n<p class="kvz-toelichting">* {tekst(ind.toelichting_nieuw)}</p>'
        + (f'\n\n<ol class="kvz-voetnoten" aria-label="Voetnoten bij de tabel">{noten}</ol>' if noten else "")
        + "\n"
    )


def render_risicos(risicos: list[Risico]) -> str:
    # One block per risk instead of a three-column table: the cells are long texts, which a
    # table squeezes into unreadable columns on a phone.
    blokken = "".join(
        f'<section class="kvz-risico" aria-labelledby="risico-{r.id}">'
        f'<h3 id="risico-{r.id}">{tekst(r.omschrijving)}</h3>'
        "<dl>"
        f"<dt>Toelichting</dt><dd>{tekst(r.toelichting)}</dd>"
        f"<dt>Maatregelen</dt><dd>{tekst(r.maatregelen)}</dd>"
        "</dl></section>"
        for r in risicos
    )
    return f'<div class="kvz-risicos">{blokken}</div>'


def render_financien(fin: Financien) -> str:
    kop = "".join(f'<th scope="col">{j}</th>' for j in fin.jaren)
    rijen = "".join(
        f'<tr><th scope="row">{tekst(p.omschrijving)}</th>'
        + "".join(f"<td>{euro(b)}</td>" for b in p.bedragen) + "</tr>"
        for p in fin.posten
    )
    totaal = (f'<tr><th scope="row">{tekst(fin.totaal.omschrijving)}</th>'
              + "".join(f"<td>{euro(b)}*</td>" for b in fin.totaal.bedragen) + "</tr>")
    tabel = (
        "<table><caption>Budget van het programma Samen stad maken per jaar, in euro</caption>"
        f'<thead><tr><th scope="col">Post</th>{kop}</tr></thead>'
        f"<tbody>{rijen}</tbody><tfoot>{totaal}</tfoot></table>"
    )
    return (_tabel_regio("Budget per jaar", tabel)
            + f'\n\n<p class="kvz-toelichting">* Disclaimer: {tekst(fin.disclaimer)}</p>\n')


def render_wijkplatform_voorwaarden(wp: Wijkplatforms) -> str:
    return _lijst(wp.voorwaarden, tag="ol")


# --- Het kompas als schema, de beslistabel en de versies ------------------------------------

def render_beslistabel(data: KompasData, url: Url) -> str:
    """Every path through the kompas in words: the text alternative of the diagram."""
    nummers = {v.id: i for i, v in enumerate(data.kompas.vragen, start=1)}
    rijen = []
    for n, pad in enumerate(graaf.paden(data.kompas), start=1):
        stappen = ", ".join(f"vraag {nummers[s.vraag]} {s.antwoord}" for s in pad.stappen)
        vorm = data.vorm(pad.vorm)
        rijen.append(
            f'<tr><th scope="row">{n}</th><td>{stappen}</td>'
            f'<td><a href="{url(vorm_pad(vorm.id))}">{tekst(vorm.titel)}</a></td>'
            f'<td data-alleen-site><a href="{url("kompas/wijzer/" + pad.antwoorden + "/")}">Bekijk'
            f'<span class="kvz-sr"> route {n} in de kompaswijzer</span></a></td></tr>'
        )
    tabel = (
        f"<table><caption>Alle {len(rijen)} routes door het kompas, versie {tekst(data.kompas.versie)}</caption>"
        '<thead><tr><th scope="col">Route</th><th scope="col">Antwoorden</th><th scope="col">Uitkomst</th>'
        '<th scope="col" data-alleen-site>Kompaswijzer</th></tr></thead>'
        f"<tbody>{''.join(rijen)}</tbody></table>"
    )
    return _tabel_regio("Alle routes door het kompas", tabel, zoekbaar=False)


def render_kompas_schema(data: KompasData, url: Url) -> str:
    return (
        '<figure class="kvz-diagram">'
        '<div class="kvz-diagram__kader" role="region" aria-label="Stroomschema van het kompas" tabindex="0">'
        f'<a href="{url("kompas/kompas.svg")}"><img src="{url("kompas/kompas.svg")}" '
        f'alt="Het kompas als stroomschema: {len(data.kompas.vragen)} vragen met pijlen voor ja en nee naar de '
        f'{len(data.vormen)} vormen. De tabel hieronder zegt hetzelfde in tekst."></a></div>'
        "<figcaption>Het kompas als stroomschema. "
        "<span data-alleen-site>Klik op het schema om het groot te openen.</span> "
        "De tabel hieronder geeft alle routes in tekst.</figcaption></figure>\n\n"
        + render_beslistabel(data, url)
    )


def render_versies(data: KompasData) -> str:
    """The changelog of the kompas: every version, newest first."""
    delen = []
    for versie in data.versies:
        wijzigingen = "".join(f"<li>{tekst(w)}</li>" for w in versie.wijzigingen)
        if versie.paden:
            rijen = "".join(
                f"<tr><td><code>{tekst(p.antwoorden)}</code></td>"
                f"<td>{tekst(_vorm_titel(data, p.van)) if p.van else 'nieuw pad'}</td>"
                f"<td>{tekst(_vorm_titel(data, p.naar)) if p.naar else 'pad vervalt'}</td></tr>"
                for p in versie.paden)
            paden = _tabel_regio(f"Paden met een andere uitkomst in versie {versie.versie}",
                                 f"<table><caption>Paden met een andere uitkomst</caption><thead><tr>"
                                 '<th scope="col">Antwoorden</th><th scope="col">Was</th><th scope="col">Wordt</th>'
                                 f"</tr></thead><tbody>{rijen}</tbody></table>")
        else:
            paden = "<p>Geen pad kreeg een andere uitkomst.</p>"
        delen.append(
            f"{md_kop(2, 'Versie ' + versie.versie)}\n\n"
            f'<p class="kvz-toelichting">Vastgelegd op <time datetime="{tekst(versie.datum)}">'
            f"{tekst(datum(versie.datum))}</time>.</p>\n\n"
            f"<p>{tekst(versie.samenvatting)}</p>\n\n<ul>{wijzigingen}</ul>\n\n{paden}"
        )
    return "\n\n".join(delen) + "\n"


def _vorm_titel(data: KompasData, vorm_id: str) -> str:
    # A path may have led to a vorm that a later version removed.
    return next((v.titel for v in data.vormen if v.id == vorm_id), vorm_id)


def _type_naam(eigenschap: dict) -> str:
    if "$ref" in eigenschap:
        naam = eigenschap["$ref"].rsplit("/", 1)[-1]
        return f'<a href="#data-{naam.lower()}">{naam}</a>'
    if "anyOf" in eigenschap:
        return _type_naam(eigenschap["anyOf"][0])
    soort = eigenschap.get("type")
    if soort == "array":
        return "lijst van " + _type_naam(eigenschap["items"])
    return {"string": "tekst", "integer": "geheel getal", "boolean": "true of false", "object": "object"}.get(soort, str(soort))


def render_data_velden(schema: dict) -> str:
    """The data format field by field, from the JSON Schema (itself generated from the model)."""
    bestanden = {eigenschap["$ref"].rsplit("/", 1)[-1]: naam for naam, eigenschap in schema["properties"].items()}
    delen = []
    for naam, definitie in schema["$defs"].items():
        bestand = f" (<code>{bestanden[naam]}</code>)" if naam in bestanden else ""
        rijen = "".join(
            f"<tr><th scope=\"row\"><code>{veld}</code></th><td>{_type_naam(eigenschap)}</td>"
            f"<td>{'ja' if veld in definitie['required'] else 'nee'}</td>"
            f"<td>{tekst(eigenschap.get('description', ''))}</td></tr>"
            for veld, eigenschap in definitie["properties"].items()
        )
        tabel = (f"<table><caption>Velden van {naam}</caption><thead><tr><th scope=\"col\">Veld</th>"
                 "<th scope=\"col\">Type</th><th scope=\"col\">Verplicht</th><th scope=\"col\">Uitleg</th>"
                 f"</tr></thead><tbody>{rijen}</tbody></table>")
        delen.append(
            # A reference, like the tables: out of the search index, which every page loads.
            f'<section class="kvz-dataveld" aria-labelledby="data-{naam.lower()}" data-search-exclude>'
            f'<h3 id="data-{naam.lower()}" data-search-exclude>{naam}{bestand}</h3>'
            f"<p>{tekst(definitie['description'])}</p>{_tabel_regio('Velden van ' + naam, tabel, zoekbaar=False)}</section>"
        )
    return "\n".join(delen) + "\n"
