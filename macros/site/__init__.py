"""The pages: renderers from data to HTML, the generated pages, the whole note on one page,
the macros for content/ and our MkDocs plugin.

May import `macros.data` and `macros.uitvoer`; never `review`.
"""

# The registry of page kinds, before any page is rendered: it hands the templates their
# `adres(...)` (sjablonen.zet_adressen says why it is handed over, not imported).
from . import paginasoorten  # noqa: F401
