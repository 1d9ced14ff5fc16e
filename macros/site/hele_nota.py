"""The whole policy note on one page, and as a PDF: assembled from the pages the site already
rendered, in the order of the nav, so it is never a separate copy.

Each page becomes a section: its headings move down by its depth in the nav (the page title
of a top-level entry becomes an h2 under the note's h1), its ids get the page's name in front
(every page has an "in-het-kort" of its own), and links between pages become links inside
the one page. What only makes sense on the website (the "Klopt dit niet?" mail link, the
routes into the kompaswijzer, headerlinks) is marked `data-alleen-site` and left out, and so
is every text the site wrote itself (`data-bron="site"`: summaries, our reading of the
flowchart, captions), but for a marked line the note needs (`data-ook-in-nota`: the kompas has
changed since; the flowchart's arrows are not in the note's text). /nota/ and the PDF are the note as adopted, in its words: plugin.py renders its
pages from the note's own data (nota_vastgesteld/), so a later version of the kompas changes
the site's pages, never these.

Two things follow the note rather than the site's menu: a page may mark the place where the
pages under it stand in the note (`data-nota-onderdelen`: the seven vormen come after the
Kompasteam quote, in the middle of the kompas page), and headings the note lists in its
contents (`data-nota-inhoud`, such as "Leeswijzer") get a line of their own there.
"""

from __future__ import annotations

import dataclasses
import json
import posixpath
import re
from dataclasses import dataclass
from html import escape, unescape
from html.parser import HTMLParser
from typing import Optional
from urllib.parse import urlsplit

from markupsafe import Markup

from ..data.adressen import CONTACT, NOTA_PAD
from .paginasoorten import hoort_bij_nota
from .sjablonen import maak

ALLEEN_SITE = "data-alleen-site"
BRON = "data-bron"  # "site": text the site wrote itself, not the note's
# A marked line of ours that the note itself needs (the kompas has changed since the note; the
# flowchart's questions stand without its arrows).
OOK_IN_NOTA = "data-ook-in-nota"
ONDERDELEN = "data-nota-onderdelen"
IN_INHOUD = "data-nota-inhoud"
# What _Omzetter writes where the pages under a page come (never in HTML: a control character).
_ONDERDELEN_HIER = "\x00onderdelen\x00"

LEEG = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
KOPPEN = {f"h{n}" for n in range(1, 7)}
ID_LIJSTEN = {"aria-labelledby", "aria-describedby", "aria-controls", "headers"}


@dataclass(frozen=True)
class Deel:
    """One page of the note: its source, address, title, depth in the nav and rendered HTML."""

    src: str
    url: str
    titel: str
    diepte: int
    html: str

    @property
    def anker(self) -> str:
        return anker(self.url)


def anker(url: str) -> str:
    """ "principes/open-en-eerlijk/" -> "principes-open-en-eerlijk" """
    return url.strip("/").replace("/", "-") or "start"


def pagina_titel(pagina) -> str:
    """The page's own first heading ("A. Inleiding"), as the note has it; the nav's shorter
    label only when the page has no heading."""
    items = pagina.toc.items if pagina.toc else []
    return unescape(items[0].title) if items else pagina.title


def _in_nota(item) -> bool:
    # Which pages are the note's, the registry of page kinds says: not the tools, not the
    # pages about the site.
    if item.is_page:
        return hoort_bij_nota(item.url)
    return any(_in_nota(kind) for kind in item.children or [])


def nav_delen(items, diepte: int = 0):
    """A `Deel` for every page of the note in the nav, in reading order. A section's first
    page is its overview and carries the section: the pages after it go one level deeper. A
    section without a page of its own (the note's "B. Opgave") becomes a heading."""
    for item in items:
        if not _in_nota(item):
            continue
        if item.is_page:
            yield Deel(item.file.src_uri, item.url, pagina_titel(item), diepte, item.content)
            continue
        eerste, *rest = item.children
        if eerste.is_page:
            yield from nav_delen([eerste], diepte)
            yield from nav_delen(rest, diepte + 1)
        else:
            titel = item.title
            yield Deel("", f"deel/{slug(titel)}/", titel, diepte, Markup("<h1>{}</h1>").format(titel))
            yield from nav_delen(item.children, diepte + 1)


def slug(tekst: str) -> str:
    """ "B. Opgave" -> "b-opgave" """
    return "-".join(re.findall(r"[a-z0-9]+", tekst.lower()))


class _Omzetter(HTMLParser):
    """Rewrites one page's HTML for its place in the whole note (see the module docstring)."""

    def __init__(self, deel: Deel, ankers: dict[str, str], buiten: Optional[str]):
        super().__init__(convert_charrefs=False)
        # `buiten`: the address links out of the note are made relative to; None drops them.
        self.deel, self.ankers, self.buiten = deel, ankers, buiten
        self.uit: list[str] = []
        self.weg = 0  # depth inside an element that is left out

    def _id(self, waarde: str) -> str:
        return f"{self.deel.anker}--{waarde}"

    def _url(self, waarde: str, buiten: Optional[str]) -> Optional[str]:
        delen = urlsplit(waarde)
        if delen.scheme or delen.netloc:
            return waarde
        if not delen.path:  # "#anker" on the same page
            return f"#{self._id(delen.fragment)}" if delen.fragment else waarde
        # Site paths as "principes/open-en-eerlijk/" (directory URLs: a page's URL is a folder).
        doel = posixpath.normpath(posixpath.join("/" + self.deel.url, delen.path))
        doel = doel.lstrip("/") + ("/" if delen.path.endswith("/") and doel != "/" else "")
        if doel in self.ankers:
            pagina = self.ankers[doel]
            return f"#{pagina}--{delen.fragment}" if delen.fragment else f"#{pagina}"
        if buiten is None:
            return None
        relatief = posixpath.relpath("/" + doel, "/" + buiten)
        if delen.path.endswith("/") and not relatief.endswith("/"):
            relatief += "/"
        return relatief + (f"#{delen.fragment}" if delen.fragment else "")

    def _attrs(self, tag: str, attrs: list[tuple[str, str | None]]) -> str:
        delen = []
        for naam, waarde in attrs:
            if waarde is not None:
                if naam == "id" or naam == "for":
                    waarde = self._id(waarde)
                elif naam in ID_LIJSTEN:
                    waarde = " ".join(self._id(w) for w in waarde.split())
                elif naam == "href":
                    # In the PDF a link out of the note cannot work (on paper, offline): text.
                    waarde = self._url(waarde, self.buiten)
                    if waarde is None:
                        continue
                elif naam == "src":
                    # Images are files of the site, resolved from the note's own address.
                    waarde = self._url(waarde, NOTA_PAD)
            delen.append(f" {naam}" if waarde is None else f' {naam}="{escape(waarde)}"')
        return "".join(delen)

    def _tag(self, tag: str) -> str:
        if tag in KOPPEN:
            return f"h{min(6, int(tag[1]) + self.deel.diepte + 1)}"
        return tag

    def handle_starttag(self, tag, attrs):
        if self.weg:
            self.weg += tag not in LEEG
            return
        kenmerken = dict(attrs)
        if ONDERDELEN in kenmerken:
            self.uit.append(_ONDERDELEN_HIER)
            self.weg = tag not in LEEG
            return
        if (
            ALLEEN_SITE in kenmerken
            or (kenmerken.get(BRON) == "site" and OOK_IN_NOTA not in kenmerken)
            or "headerlink" in (kenmerken.get("class") or "").split()
        ):
            self.weg = tag not in LEEG
            return
        if tag == "section":
            # A named section is a landmark. On one page with the whole note, twenty "In het
            # kort" regions with one name would be noise (and axe: landmark-unique).
            attrs = [(n, w) for n, w in attrs if n not in ("aria-labelledby", "aria-label")]
        self.uit.append(f"<{self._tag(tag)}{self._attrs(tag, attrs)}>")

    def handle_startendtag(self, tag, attrs):
        kenmerken = dict(attrs)
        if not self.weg and ALLEEN_SITE not in kenmerken and kenmerken.get(BRON) != "site":
            self.uit.append(f"<{self._tag(tag)}{self._attrs(tag, attrs)}>")

    def handle_endtag(self, tag):
        if self.weg:
            self.weg -= tag not in LEEG
            return
        self.uit.append(f"</{self._tag(tag)}>")

    def handle_data(self, data):
        if not self.weg:
            self.uit.append(data)

    def handle_entityref(self, name):
        self.handle_data(f"&{name};")

    def handle_charref(self, name):
        self.handle_data(f"&#{name};")


def omgezet(deel: Deel, ankers: dict[str, str], buiten: Optional[str] = NOTA_PAD) -> str:
    omzetter = _Omzetter(deel, ankers, buiten)
    omzetter.feed(deel.html)
    omzetter.close()
    if omzetter.weg:
        raise ValueError(f"hele_nota.py: {deel.src}: een weggelaten element wordt niet gesloten")
    return "".join(omzetter.uit)


@dataclass(frozen=True)
class Knoop:
    """A line of the contents, with the lines under it."""

    titel: str
    anker: str
    kinderen: list["Knoop"]


class _Koppen(HTMLParser):
    """The headings of a page marked `data-nota-inhoud`: (id, text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.koppen: list[tuple[str, str]] = []
        self._in: Optional[tuple[str, list[str]]] = None

    def handle_starttag(self, tag, attrs):
        kenmerken = dict(attrs)
        if tag in KOPPEN and IN_INHOUD in kenmerken and kenmerken.get("id"):
            self._in = (kenmerken["id"], [])

    def handle_endtag(self, tag):
        if tag in KOPPEN and self._in:
            self.koppen.append((self._in[0], " ".join("".join(self._in[1]).split())))
            self._in = None

    def handle_data(self, data):
        if self._in:
            self._in[1].append(data)


def koppen_in_inhoud(deel: Deel) -> list[tuple[str, str]]:
    lezer = _Koppen()
    lezer.feed(str(deel.html))
    lezer.close()
    return lezer.koppen


def inhoudsopgave(delen: list[Deel]) -> list[Knoop]:
    """The sections nested by their depth, each with the headings of its page that the note
    lists in its contents first; in the PDF each line gets its page number."""
    wortels: list[Knoop] = []
    laatste: list[Knoop] = []  # the last line at each depth so far
    for deel in delen:
        koppen = [Knoop(titel, f"{deel.anker}--{kop_id}", []) for kop_id, titel in koppen_in_inhoud(deel)]
        knoop = Knoop(deel.titel, deel.anker, koppen)
        del laatste[deel.diepte :]
        (laatste[-1].kinderen if laatste else wortels).append(knoop)
        laatste.append(knoop)
    return wortels


@dataclass(frozen=True)
class Sectie:
    """A section of the whole note: a page, or the rest of a page after the pages under it."""

    anker: str
    diepte: int
    html: Markup


def secties(delen: list[Deel], ankers: dict[str, str], buiten: Optional[str]) -> list[Sectie]:
    """Every page as a section, in order; the pages under a page that marks their place
    (`data-nota-onderdelen`) stand at that place, and the rest of the page follows them."""
    uit: list[Sectie] = []
    i = 0
    while i < len(delen):
        deel = delen[i]
        html = omgezet(deel, ankers, buiten)
        voor, hier, na = html.partition(_ONDERDELEN_HIER)
        uit.append(Sectie(deel.anker, deel.diepte, Markup(voor)))
        i += 1
        if hier:
            eind = i
            while eind < len(delen) and delen[eind].diepte > deel.diepte:
                eind += 1
            uit.extend(secties(delen[i:eind], ankers, buiten))
            i = eind
            if na.strip():
                uit.append(Sectie(f"{deel.anker}--vervolg", deel.diepte, Markup(na)))
    return uit


def samenstellen(delen: list[Deel], buiten: Optional[str] = NOTA_PAD) -> str:
    """The body of the whole note: table of contents, then every section in order. Links out
    of the note are made relative to `buiten` (the page's address), or dropped for the PDF."""
    ankers = {d.url: d.anker for d in delen}
    # Each page's HTML is MkDocs' own output, rewritten by _Omzetter (which escapes as it writes).
    return maak("nota/samenstelling.html", inhoud=inhoudsopgave(delen), secties=secties(delen, ankers, buiten))


@dataclass(frozen=True)
class Samengesteld:
    """The body of the whole note, assembled twice from the same pages: for its page on the
    site (`pagina`: links out of the note relative to it) and for the PDF (`pdf`: those links
    dropped). Plain strings, so that a build can keep them (plugin.py)."""

    pagina: str
    pdf: str

    def als_json(self) -> bytes:
        return json.dumps(dataclasses.asdict(self), ensure_ascii=False).encode("utf-8")

    @classmethod
    def uit_json(cls, inhoud: bytes) -> Optional["Samengesteld"]:
        """The body kept by `als_json`, or None for anything else (a damaged entry)."""
        try:
            waarden = json.loads(inhoud)
            return cls(**waarden) if all(isinstance(w, str) for w in waarden.values()) else None
        except (ValueError, TypeError, AttributeError):
            return None


def samengesteld(delen: list[Deel], url: str) -> Samengesteld:
    """The whole note for its page at `url` and for the PDF."""
    return Samengesteld(samenstellen(delen, url), samenstellen(delen, buiten=None))


def document(inhoud: str, titel: str, versie: str, bouw: dict) -> str:
    """The HTML that WeasyPrint lays out: a title page, the contents, every section (`inhoud`:
    the body for the PDF, `Samengesteld.pdf`)."""
    return maak(
        "nota/document.html",
        titel=titel,
        versie=versie,
        bouw=bouw,
        contact=CONTACT,
        inhoud=Markup(inhoud),
    )
