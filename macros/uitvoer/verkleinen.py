"""Our own stylesheets and script as a visitor downloads them: without comments and spaces.

The sources (content/assets/) keep their comments and their long, Dutch names, which say why
a value or a step is what it is; a visitor need not download them. The script's local names
are shortened too (calmjs.parse: it reads ES5, which the script is written in, so that old
phones run it); what the page and the theme see (attributes, classes, storage keys, the
browser's API) keeps its name. Done at build time (the plugin), so the site the tests walk is
the site that is served. mkdocs-material's own assets are minified already.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from . import bouwcache

# Every own JavaScript and CSS file a page loads, together, as served (uncompressed): the
# budget of issue 13. A size check, measured in tests/test_eigen_gewicht.py and bench/.
BUDGET_BYTES = 30 * 1024

# A number's leading zero inside a declaration ("0.5em" -> ".5em", "-0.2em" -> "-.2em"):
# after a colon, space, comma, parenthesis or minus, before a digit. Our stylesheets have no
# string with a number in it (content: "" only), so nothing else matches.
_NUL_PUNT = re.compile(r"(?<=[:\s,(-])0\.(?=\d)")


def verklein(naam: str, tekst: str) -> str:
    """`tekst` minified by the kind of file `naam` is (.css or .js); anything else as it is."""
    achtervoegsel = PurePosixPath(naam).suffix
    if achtervoegsel == ".css":
        return _verklein_css(tekst)
    if achtervoegsel == ".js":
        return _verklein_js(tekst)
    return tekst


def _verklein_css(tekst: str) -> str:
    import rcssmin

    return _NUL_PUNT.sub(".", rcssmin.cssmin(tekst))


def _verklein_js(tekst: str) -> str:
    # Parsing takes a few tenths of a second: cached on the text and the code that does it.
    sleutel = bouwcache.sleutel(tekst, bouwcache.code_en_versie(__file__, "calmjs.parse"))
    return bouwcache.ophalen_of_maken("js", sleutel, lambda: _kort_js(tekst).encode("utf-8")).decode("utf-8")


def _kort_js(tekst: str) -> str:
    from calmjs.parse import es5
    from calmjs.parse.unparsers.es5 import minify_print

    # Globals keep their names: the theme and the page may read them. No ";" before a "}".
    kort: str = minify_print(es5(tekst), obfuscate=True, obfuscate_globals=False, drop_semi=True)
    return kort
