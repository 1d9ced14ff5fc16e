"""Our own stylesheets and script as a visitor downloads them: without comments and spaces.

The sources (content/assets/) keep their comments, which say why a value or a step is what
it is; a visitor need not download them. Done at build time (the plugin), so the site the
tests walk is the site that is served. mkdocs-material's own assets are minified already.
"""

from __future__ import annotations

from pathlib import PurePosixPath

# Every own JavaScript and CSS file a page loads, together, as served (uncompressed): the
# budget of issue 13. A size check, measured in tests/test_eigen_gewicht.py and bench/.
BUDGET_BYTES = 30 * 1024


def verklein(naam: str, tekst: str) -> str:
    """`tekst` minified by the kind of file `naam` is (.css or .js); anything else as it is."""
    import rcssmin
    import rjsmin

    achtervoegsel = PurePosixPath(naam).suffix
    if achtervoegsel == ".css":
        return rcssmin.cssmin(tekst)
    if achtervoegsel == ".js":
        return rjsmin.jsmin(tekst)
    return tekst
