"""Small HTML scanner for the site tests: links, ids, resources and text of a built page."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Optional


@dataclass
class Pagina:
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)  # <a href>
    bronnen: list[tuple[str, str]] = field(default_factory=list)  # (tag, url) the browser loads
    h1: list[str] = field(default_factory=list)
    lang: str | None = None
    tekst: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)  # inline script bodies


class _Scanner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pagina = Pagina()
        self._in_h1 = False
        self._in_script = False
        self._h1_tekst: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.pagina.ids.add(a["id"])
        if tag == "html":
            self.pagina.lang = a.get("lang")
        if tag == "a" and a.get("href") is not None:
            self.pagina.links.append(a["href"])
        if tag == "link" and a.get("href") and a.get("rel") not in ("canonical", "alternate"):
            self.pagina.bronnen.append((tag, a["href"]))
        if tag in ("script", "img", "iframe", "source", "audio", "video", "embed") and a.get("src"):
            self.pagina.bronnen.append((tag, a["src"]))
        if tag == "h1":
            self._in_h1 = True
            self._h1_tekst = []
        if tag == "script" and not a.get("src"):
            self._in_script = True

    def handle_endtag(self, tag):
        if tag == "h1" and self._in_h1:
            self._in_h1 = False
            self.pagina.h1.append("".join(self._h1_tekst).strip())
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_h1:
            self._h1_tekst.append(data)
        if self._in_script:
            self.pagina.scripts.append(data)
        else:
            self.pagina.tekst.append(data)


def scan(html: str) -> Pagina:
    scanner = _Scanner()
    scanner.feed(html)
    return scanner.pagina


LEEG = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOK = {
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "li", "nav", "ol", "p", "section", "table", "td", "th",
    "tr", "ul", "pre", "details", "summary",
}  # fmt: skip
KOPPEN = {f"h{n}" for n in range(1, 7)}


# --- The page as a tree: enough to find the site's own text (data-bron="site") and read the rest


@dataclass
class Element:
    tag: str
    attrs: dict[str, Optional[str]]
    ouder: Optional["Element"] = None
    kinderen: list["Element | str"] = field(default_factory=list)

    @property
    def eigen(self) -> bool:
        return self.attrs.get("data-bron") == "site"

    @property
    def van_kompasteam(self) -> bool:
        """A text of the note that the kompasteam changed since (data/herkomst.py)."""
        return self.attrs.get("data-bron") == "kompasteam"

    @property
    def klassen(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def tekst(self, zonder=lambda e: False) -> str:
        """The text as a reader gets it: block elements apart, inline ones joined ("eerlijk<sup>2</sup>"
        stays one word, as in the note)."""
        delen = []
        for kind in self.kinderen:
            if isinstance(kind, str):
                delen.append(kind)
            elif kind.tag not in ("script", "style", "template") and not zonder(kind):
                binnen = kind.tekst(zonder)
                delen.append(f" {binnen} " if kind.tag in BLOK or kind.tag == "br" else binnen)
        return "".join(delen)

    def alle(self):
        for kind in self.kinderen:
            if isinstance(kind, Element):
                yield kind
                yield from kind.alle()

    def volgende(self) -> Optional["Element"]:
        """The next element beside this one."""
        if self.ouder is None:
            return None
        broers = [k for k in self.ouder.kinderen if isinstance(k, Element)]
        i = broers.index(self)
        return broers[i + 1] if i + 1 < len(broers) else None


class _Boom(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.wortel = Element("#document", {})
        self.stapel = [self.wortel]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs), self.stapel[-1])
        self.stapel[-1].kinderen.append(element)
        if tag not in LEEG:
            self.stapel.append(element)

    def handle_startendtag(self, tag, attrs):
        self.stapel[-1].kinderen.append(Element(tag, dict(attrs), self.stapel[-1]))

    def handle_endtag(self, tag):
        for i in range(len(self.stapel) - 1, 0, -1):  # tolerant: close what was left open
            if self.stapel[i].tag == tag:
                del self.stapel[i:]
                return

    def handle_data(self, data):
        self.stapel[-1].kinderen.append(data)


def boom(html: str) -> Element:
    lezer = _Boom()
    lezer.feed(html)
    lezer.close()
    return lezer.wortel


def artikel(html: str) -> Element:
    """The page's content (mkdocs-material's <article>), without the menus around it."""
    return next(e for e in boom(html).alle() if e.tag == "article")
