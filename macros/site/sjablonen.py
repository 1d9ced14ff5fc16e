"""The templates of the pages (`templates/`) and the one Jinja2 environment that renders them.

Autoescape is on for every template: the macros and our plugin put the output into pages
as it is, so any text from the YAML must reach the page escaped, and a template cannot
forget it. Python prepares the data (the model records, or small values computed from them);
the templates hold the markup and the site's own wording.

Two kinds of template:

- `*.html` is one block of HTML. A line break in the template, with the whitespace around
  it, is left out of the output (see `RegelsAaneen`), so the templates can be laid out for
  reading while the pages get the compact markup they always had. Running text stays on one
  line; a line break between two words would glue them together, so that is an error.
- `*.md` is Markdown around HTML blocks, for a whole page or a part with headings (the table
  of contents and anchors come from Markdown headings). Its lines are kept as written.
"""

from __future__ import annotations

import contextlib
import re
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Callable, Iterator, Optional

from jinja2 import Environment, PackageLoader, StrictUndefined, TemplateSyntaxError
from jinja2.ext import Extension
from markupsafe import Markup, escape

from ..data import adressen
from ..data.graaf import vorm_titel
from ..data.herkomst import Herkomst, Wijziging, versie_anker
from ..data.model import ZEGGENSCHAP
from ..uitvoer import bouwcache, opmaak
from ..uitvoer.opmaak import datum, euro

# Maps a site path such as "kompas/vormen/peilen/" to a link relative to the current page
# (MkDocs does not rewrite links inside raw HTML, so every template link goes through it).
Url = Callable[[str], str]

# Line breaks (blank lines too) with the whitespace around them.
_REGELOVERGANG = re.compile(r"[ \t]*(?:\n[ \t]*)+")
_JINJA = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.DOTALL)
# What may stand on either side of a line break in an HTML template: markup, not text.
_EINDE_MARKUP = (">", "}")
_BEGIN_MARKUP = ("<", "{")
# Characters that mean something in a Markdown heading's text.
_MARKDOWN_TEKENS = "\\`*_[]{}()#+!|"


class RegelsAaneen(Extension):
    """Leaves line breaks (and the indentation around them) out of the output of `.html`
    templates."""

    def preprocess(self, source: str, name: Optional[str], filename: Optional[str] = None) -> str:
        if not (name or "").endswith(".html"):
            return source
        # Inside a tag or a comment a line break is Jinja's business: it may separate words
        # of an expression, and comments run over lines as prose.
        jinja = [(t.start(), t.end()) for t in _JINJA.finditer(source)]
        delen, vanaf = [], 0
        for treffer in _REGELOVERGANG.finditer(source):
            if any(begin <= treffer.start() < eind for begin, eind in jinja):
                continue
            voor, na = source[: treffer.start()], source[treffer.end() :]
            if voor and na and not (voor.endswith(_EINDE_MARKUP) and na.startswith(_BEGIN_MARKUP)):
                regel = source.count("\n", 0, treffer.start()) + 1
                raise TemplateSyntaxError(
                    "een regelovergang in lopende tekst plakt de woorden aan elkaar; zet de tekst "
                    "op één regel of breek alleen tussen tags",
                    regel,
                    name,
                    filename,
                )
            # The line breaks stay, in a comment: nothing in the output, and Jinja's own errors
            # keep the line numbers of the file as written.
            delen.append(source[vanaf : treffer.start()] + "{#" + "\n" * treffer.group().count("\n") + "#}")
            vanaf = treffer.end()
        return "".join(delen) + source[vanaf:]


def markdown_kop(tekst: object, niveau: int) -> Markup:
    """A Markdown heading whose text is escaped for HTML and for Markdown syntax, so text
    from the data can make neither markup nor a link."""
    # Markdown first: the HTML escapes that follow contain "#" and "&" of their own (&#39;),
    # which must stay entities.
    veilig = str(tekst)
    for teken in _MARKDOWN_TEKENS:
        veilig = veilig.replace(teken, "\\" + teken)
    return Markup(f"{'#' * niveau} {escape(veilig)}")


# The note to compare the data with, for this build (plugin.py sets it): the templates ask it
# through `gewijzigd` which texts of the note the kompasteam changed. None while the note's own
# pages are made from the note (hele_nota), and for renderers used on their own (tests): then
# nothing is marked as changed.
_HERKOMST: ContextVar[Optional[Herkomst]] = ContextVar("herkomst", default=None)


def zet_herkomst(herkomst: Optional[Herkomst]) -> None:
    _HERKOMST.set(herkomst)


@contextlib.contextmanager
def met_herkomst(herkomst: Optional[Herkomst]) -> Iterator[None]:
    """Render with this comparison (None: the note itself) for the length of the block."""
    token = _HERKOMST.set(herkomst)
    try:
        yield
    finally:
        _HERKOMST.reset(token)


def herkomst() -> Optional[Herkomst]:
    """This build's comparison with the note, or None (see `_HERKOMST`)."""
    return _HERKOMST.get()


def gewijzigd(record: object, veld: str) -> Optional[Wijziging]:
    """How this text of the note differs from the note now (templates: `algemeen.nota`)."""
    herkomst = _HERKOMST.get()
    return herkomst.wijziging(record, veld) if herkomst is not None else None


def gewijzigd_deel(record: object, veld: str, index: int) -> Optional[Wijziging]:
    """How item `index` of a list field of the note differs from the note now."""
    herkomst = _HERKOMST.get()
    return herkomst.wijziging_deel(record, veld, index) if herkomst is not None else None


def in_nota(record: object) -> bool:
    """Whether the note has this record (a vorm, a question): the texts of a new one are not the note's."""
    herkomst = _HERKOMST.get()
    return herkomst is None or herkomst.tegenhanger(record) is not None


# The site's own address (mkdocs.yml's site_url: `make dist SITE_URL=…`), or None. A text the
# reader takes away from the site (the verantwoording) names a page by its full address when the
# build knows it; set once per build, as the comparison above.
_SITE_URL: ContextVar[Optional[str]] = ContextVar("site_url", default=None)


def zet_site_url(site_url: Optional[str]) -> None:
    _SITE_URL.set(site_url.rstrip("/") + "/" if site_url else None)


def volledig_adres(pad: str) -> str:
    """A path of the site ("kompas/wijzer/ja/") as an address to use outside it: in full with
    the build's site_url, else from the site's root ("/kompas/wijzer/ja/")."""
    return (_SITE_URL.get() or "/") + pad


@cache
def omgeving() -> Environment:
    omgeving = Environment(
        loader=PackageLoader("macros.site", "templates"),
        autoescape=True,
        undefined=StrictUndefined,  # a misspelt name fails the build instead of vanishing
        extensions=[RegelsAaneen],
        # In .md templates a line with only a {% tag %} leaves nothing behind, and the file's
        # last newline stays: the Markdown comes out as the template shows it.
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Compiled once, kept in the build cache. Besides a template's source, the compiled code
        # follows from this module (the settings above, RegelsAaneen, md_kop), the module of the
        # other filters (Jinja compiles how a filter is called) and Jinja's version.
        bytecode_cache=bouwcache.sjabloon_cache(
            bouwcache.code_en_versie(__file__, "jinja2") + Path(opmaak.__file__).read_text(encoding="utf-8")
        ),
    )
    omgeving.filters.update(md_kop=markdown_kop, euro=euro, datum=datum)
    # The anchors within a page; the addresses of pages come from `adres` (zet_adressen).
    omgeving.globals.update(
        pad_anker=adressen.pad_anker,
        vraag_anker=adressen.vraag_anker,
        versie_anker=versie_anker,
        vorm_titel=vorm_titel,
        contact=adressen.CONTACT,
        zeggenschapsschaal=ZEGGENSCHAP,
        gewijzigd=gewijzigd,
        gewijzigd_deel=gewijzigd_deel,
        in_nota=in_nota,
        volledig_adres=volledig_adres,
    )
    return omgeving


def zet_adressen(adres: Callable[..., str]) -> None:
    """Give the templates `adres(...)`, the address of a page by its kind (`adres("vorm",
    vorm.id)`), for links through the page's `url`. The registry of page kinds
    (paginasoorten.py) hands it over when it is loaded, which macros/site/__init__.py does
    first: the registry names the renderers, which import this module, so this module
    cannot import the registry."""
    omgeving().globals["adres"] = adres


def maak(naam: str, **gegevens) -> str:
    """Render the template `naam` from templates/ with these values."""
    return omgeving().get_template(naam).render(**gegevens)
