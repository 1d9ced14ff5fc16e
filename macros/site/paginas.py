"""The pages that follow from the data, so a new vorm or principe in the YAML gets its page
without a new Markdown file: one per record of each kind of page made from the data
(paginasoorten.py: per principe, per vorm, per version, per state of the kompaswijzer).

Every generated page is made the same way: a file with only its front matter, whose
Markdown our plugin supplies as it is, without the Jinja pass of the pages in content/ (so
text from the data never meets a template engine), and for the kompaswijzer HTML that goes
in after Markdown at a marked place. That HTML is most of a state page and already markup; 110 pages of it through the
Markdown parser would cost a third of the build.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Callable, Optional

from markupsafe import Markup, escape

from ..data.model import KompasData
from .paginasoorten import SOORTEN, Paginasoort, PerRecord
from .sjablonen import Url, maak

NA_MARKDOWN = "<!-- kompas:na-markdown -->"


@dataclass(frozen=True)
class GegenereerdePagina:
    soort: Paginasoort
    adres: str  # "kompas/vormen/peilen/"
    voorwerk: str  # the file: its front matter
    markdown: Callable[[Url], str]  # the Markdown, given the page's link function
    na_markdown: Optional[Callable[[Url], str]] = None  # HTML for the NA_MARKDOWN mark
    # The page heading, where na_markdown writes it (a question of the kompaswijzer, in its
    # legend): (id, text), so the theme's skip link, which follows the Markdown's headings,
    # still has a target.
    kop_in_html: Optional[tuple[str, str]] = None

    @property
    def src(self) -> str:
        """Its file in the docs tree, named as a page in content/ at that address would be,
        so content/ links to it as to any page: `[Peilen](vormen/peilen.md)`."""
        return f"{self.adres.rstrip('/')}.md" if self.adres else "index.md"


def voorwerk(soort: Paginasoort, titel: Optional[str] = None) -> str:
    """The front matter of a page of this kind (none at all where nothing needs saying: the
    theme lays out a page with front matter a little differently). `titel`: the heading that
    its HTML writes (`KopInHtml`)."""
    regels: list[str] = []
    if not soort.zoeken:
        regels += ["search:", "  exclude: true"]
    if soort.taak:
        # `zoeken: false`: no search in the header (site_overrides/partials/header.html).
        regels += ["hide:", "  - toc", "  - navigation", "  - footer", "zoeken: false"]
    if soort.thema_sjabloon:
        regels.append(f"template: {soort.thema_sjabloon}")
    if titel is not None:
        # Its Markdown is only the mark where the HTML goes. The theme writes the title
        # unescaped (header, <title>), as it does a title taken from a Markdown heading, which
        # Markdown escapes: escape it here the same way. A JSON string is a YAML string, so
        # the front matter stays text whatever the data holds.
        regels.append(f"title: {json.dumps(str(escape(titel)))}")
    return "---\n" + "\n".join(regels) + "\n---\n" if regels else ""


def _uit_sjabloon(soort: Paginasoort) -> Callable[[Any, KompasData, Url], str]:
    """A kind without a render function of its own: its template `<kind>.md`, with the record
    under the kind's name."""
    return lambda record, data, url: maak(f"{soort.naam}.md", **{soort.naam: record}, data=data, url=url)


def pagina(soort: Paginasoort, data: KompasData, record: Any) -> GegenereerdePagina:
    """The page of one record of a kind made from the data."""
    maker: Optional[PerRecord[Any]] = soort.maak
    if maker is None:
        raise ValueError(f"paginasoort {soort.naam!r} staat in content/, niet in de gegevens")
    render = maker.render or _uit_sjabloon(soort)
    adres = soort.adres_van(maker.sleutel(record))
    if maker.kop_in_html is None:
        return GegenereerdePagina(soort, adres, voorwerk(soort), lambda url: render(record, data, url))
    # The heading is in the HTML, which goes in after Markdown: the Markdown is only the mark.
    titel = maker.kop_in_html.tekst(record, data)
    return GegenereerdePagina(
        soort,
        adres,
        voorwerk(soort, titel),
        lambda url: NA_MARKDOWN + "\n",
        lambda url: render(record, data, url),
        (maker.kop_in_html.id, titel),
    )


def paginas_van(soort: Paginasoort, data: KompasData) -> list[GegenereerdePagina]:
    """The pages of a kind made from the data, in the data's order; none for a kind in content/."""
    return [] if soort.maak is None else [pagina(soort, data, record) for record in soort.maak.records(data)]


def alle(data: KompasData) -> list[GegenereerdePagina]:
    """Every generated page. Raises toestanden.TeVeelToestanden for a kompas too big to build."""
    return [p for soort in SOORTEN for p in paginas_van(soort, data)]


def eigen_pagina(html: str) -> str:
    """A page from content/ with front matter `bron: site` is the site's own text throughout
    (the pages about the site): wrap its HTML in one element marked as ours, the label under
    its heading, instead of marking it block by block."""
    kop, rest = html.split("</h1>", 1) if "</h1>" in html else ("", html)
    kop = kop + "</h1>" if kop else ""
    return maak("bron_pagina.html", kop=Markup(kop), rest=Markup(rest))
