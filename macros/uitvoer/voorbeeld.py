"""The site as a preview a reviewer opens from a folder on disk (CI's artifact, unzipped).

The site's pages are folders (`kompas/wijzer/ja/` is `kompas/wijzer/ja/index.html`): a web
server adds the `index.html`, a browser reading files does not, and shows a folder listing
instead of the page. MkDocs' `use_directory_urls: false` is not the answer here: the pages
our plugin makes, and the links between them (`adressen.relatieve_url`), are folders by
design, for the addresses the intern loket and council papers depend on. So the preview is
the normal build, with every relative link to a folder pointed at the folder's index.html.
Absolute and external links, anchors within a page and mailto: stay as they are.
"""

from __future__ import annotations

import re
from pathlib import Path

# href="…", src="…" and action="…" whose value is a relative address of a folder (before any
# ?query or #anchor): ending in a slash ("./", "kompas/wijzer/ja/", "../vormen/peilen/#wat"),
# or only dots, as the theme links to the home page ("..", "../..").
_LINK = re.compile(
    r"""(?P<attr>\b(?:href|src|action))=(?P<q>["'])"""
    r"""(?P<url>[^"'#?]*/|\.\.?(?:/\.\.?)*)(?P<rest>[?#][^"']*)?(?P=q)"""
)
_ABSOLUUT = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/)", re.IGNORECASE)


def naar_bestanden(html: str) -> str:
    """The page with every relative link to a folder ending in that folder's index.html."""

    def vervang(m: re.Match[str]) -> str:
        if _ABSOLUUT.match(m["url"]):
            return m.group(0)
        map_ = m["url"] if m["url"].endswith("/") else m["url"] + "/"
        return f"{m['attr']}={m['q']}{map_}index.html{m['rest'] or ''}{m['q']}"

    return _LINK.sub(vervang, html)


def maak_voorbeeld(site: Path) -> int:
    """Rewrite the built site in place for opening from disk; returns how many pages changed."""
    veranderd = 0
    for pagina in site.rglob("*.html"):
        oud = pagina.read_text(encoding="utf-8")
        nieuw = naar_bestanden(oud)
        if nieuw != oud:
            pagina.write_text(nieuw, encoding="utf-8")
            veranderd += 1
    return veranderd
