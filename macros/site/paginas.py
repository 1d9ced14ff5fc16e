"""The pages that follow from the data, so a new vorm or principe in the YAML gets its page
without a new Markdown file: one per principe and per vorm, and one per state of the
kompaswijzer (in the site and, without the site around it, for the intern loket's iframe).

Every generated page is made the same way: a file with only its front matter, whose
Markdown our plugin supplies once mkdocs-macros is done (so text from the data never meets
the macro engine), and for the kompaswijzer HTML that goes in after Markdown at a marked
place. That HTML is most of a state page and already markup; 110 pages of it through the
Markdown parser would cost a third of the build.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Callable, Optional

from markupsafe import Markup, escape

from ..data import adressen, toestanden
from ..data.betekenis import VerdwenenAdres, eerdere_uitkomsten, gepubliceerde_versies, verdwenen_adressen
from ..data.model import KompasData
from . import kompas, principes, vormen, wijzer
from .sjablonen import Url, maak

NA_MARKDOWN = "<!-- kompas:na-markdown -->"


@dataclass(frozen=True)
class GegenereerdePagina:
    src: str  # in the docs tree: "kompas/vormen/peilen.md"
    voorwerk: str  # the file: front matter, or nothing
    markdown: Callable[[Url], str]  # the Markdown, given the page's link function
    na_markdown: Optional[Callable[[Url], str]] = None  # HTML for the NA_MARKDOWN mark
    # The page heading, where na_markdown writes it (a question of the kompaswijzer, in its
    # legend): (id, text), so the theme's skip link, which follows the Markdown's headings,
    # still has a target.
    kop_in_html: Optional[tuple[str, str]] = None


def _voorwerk(regels: list[str]) -> str:
    return "---\n" + "\n".join(regels) + "\n---\n"


def principe_pagina(data: KompasData, principe_id: str) -> GegenereerdePagina:
    principe = data.principe(principe_id)
    return GegenereerdePagina(
        f"principes/{principe.id}.md", "", lambda url: principes.render_principe_pagina(principe, data, url)
    )


def vorm_pagina(data: KompasData, vorm_id: str) -> GegenereerdePagina:
    vorm = data.vorm(vorm_id)
    return GegenereerdePagina(f"kompas/vormen/{vorm.id}.md", "", lambda url: vormen.render_vorm_pagina(vorm, data, url))


@dataclass(frozen=True)
class Onderdelen:
    """Pages made per record that stand in the nav under an overview page (the section's first
    entry), in the order of the data: the note's parts, also in the whole note."""

    overzicht: str  # the overview page in content/: "kompas/index.md"
    paginas: Callable[[KompasData], list[GegenereerdePagina]]


ONDERDELEN = (
    Onderdelen("principes/index.md", lambda data: [principe_pagina(data, p.id) for p in data.principes]),
    Onderdelen("kompas/index.md", lambda data: [vorm_pagina(data, v.id) for v in data.vormen]),
)


def onderdelen_in_nota(data: KompasData, overzicht: str) -> list[GegenereerdePagina]:
    """The pages that stand under the overview page `overzicht` for this data (none for a page
    that is no overview)."""
    return [pagina for o in ONDERDELEN if o.overzicht == overzicht for pagina in o.paginas(data)]


# The front matter of a page of the walker. State pages stay out of the search index: they
# repeat the kompas page, once per combination. The walker is a task: no menu beside it, no
# theme "Vorige/Volgende" page links under it and no search in its header
# (site_overrides/partials/header.html), which would all lead out of the task (the walker has
# its own Vorige); without search its first question also weighs 186 KB less.
TAAK_VOORWERK = (
    "search:",
    "  exclude: true",
    "hide:",
    "  - toc",
    "  - navigation",
    "  - footer",
    "zoeken: false",
    "render_macros: false",
)


def versie_pagina(data: KompasData, versie: str) -> GegenereerdePagina:
    # Out of search: a version page repeats the kompas, and an old one would answer a search
    # with advice that no longer holds.
    return GegenereerdePagina(
        f"{adressen.versie_pad(versie)}index.md",
        _voorwerk(["search:", "  exclude: true"]),
        lambda url: kompas.render_versie_pagina(data, versie, url),
    )


def toestand_pagina(data: KompasData, toestand: toestanden.Toestand, embed: bool, eerder=()) -> GegenereerdePagina:
    voorwerk = list(TAAK_VOORWERK)
    if embed:
        voorwerk += ["template: wijzer-embed.html", "kompas_embed: true"]
    # Every state's page heading is in the HTML, below the back link (GOV.UK), with the same id
    # on every state: the skip link's target, also after the script swapped a state in.
    titel = wijzer.paginatitel(data, toestand)
    # The theme writes the title unescaped (header, <title>), as it does a title taken from a
    # Markdown heading, which Markdown escapes: escape it here the same way. A JSON string is a
    # YAML string, so the front matter stays text whatever the data holds.
    voorwerk.append(f"title: {json.dumps(str(escape(titel)))}")
    kop_in_html = (wijzer.KOP_ID, titel)
    return GegenereerdePagina(
        f"{adressen.toestand_pad(toestand.antwoorden, embed)}index.md",
        _voorwerk(voorwerk),
        lambda url: NA_MARKDOWN + "\n",
        lambda url: wijzer.render_toestand(data, toestand, url, embed, eerder, paginakop=True),
        kop_in_html,
    )


def verdwenen_pagina(data: KompasData, adres: VerdwenenAdres, embed: bool) -> GegenereerdePagina:
    # An address only earlier versions had: its own page saying what it gave, not a redirect
    # to question 1. Made as a state page is: out of search, no menu, the heading in the HTML.
    voorwerk = list(TAAK_VOORWERK)
    if embed:
        voorwerk += ["template: wijzer-embed.html", "kompas_embed: true"]
    voorwerk.append(f"title: {json.dumps(wijzer.VERDWENEN_TITEL)}")
    return GegenereerdePagina(
        f"{adressen.toestand_pad(adres.antwoorden, embed)}index.md",
        _voorwerk(voorwerk),
        lambda url: NA_MARKDOWN + "\n",
        lambda url: wijzer.render_verdwenen(data, adres, url, embed),
        (wijzer.KOP_ID, wijzer.VERDWENEN_TITEL),
    )


def alle(data: KompasData) -> list[GegenereerdePagina]:
    """Every generated page. Raises toestanden.TeVeelToestanden for a kompas too big to build."""
    paginas = [pagina for onderdelen in ONDERDELEN for pagina in onderdelen.paginas(data)]
    paginas += [versie_pagina(data, v.versie.versie) for v in gepubliceerde_versies(data)]
    eerder = eerdere_uitkomsten(data)
    for toestand in toestanden.toestanden(data.kompas):
        vroeger = eerder.get("/".join(toestand.antwoorden), [])
        paginas += [toestand_pagina(data, toestand, embed, vroeger) for embed in (False, True)]
    paginas += [verdwenen_pagina(data, adres, embed) for adres in verdwenen_adressen(data) for embed in (False, True)]
    return paginas


def eigen_pagina(html: str) -> str:
    """A page from content/ with front matter `bron: site` is the site's own text throughout
    (the pages about the site): wrap its HTML in one element marked as ours, the label under
    its heading, instead of marking it block by block."""
    kop, rest = html.split("</h1>", 1) if "</h1>" in html else ("", html)
    kop = kop + "</h1>" if kop else ""
    return maak("bron_pagina.html", kop=Markup(kop), rest=Markup(rest))
