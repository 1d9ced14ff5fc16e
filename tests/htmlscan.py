"""Small HTML scanner for the site tests: links, ids, resources and text of a built page."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


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
