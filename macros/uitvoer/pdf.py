"""The whole note as a PDF, made at build time by WeasyPrint from the same sections as the
one-page version (`site/hele_nota.py` assembles the HTML).

Tagged (PDF/UA-1: headings, lists, tables and figures carry their structure and the
images their alt text), in Dutch, with a table of contents that gives page numbers, page
numbers in the footer and a bookmark per heading. Reproducible: no creation date, and a
fixed document identifier derived from the content.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from . import bouwcache, kleuren

STIJL = Path(__file__).with_name("nota-pdf.css")


def stijl() -> str:
    """The PDF's stylesheet, with the palette it uses (kleuren.py) on top."""
    return kleuren.css_variabelen() + STIJL.read_text(encoding="utf-8")


class PdfFout(Exception):
    """The PDF could not be made; the message says what to install or fix."""


@dataclass(frozen=True)
class Pdf:
    bestand: Path
    paginas: int
    bytes: int

    def omschrijving(self) -> str:
        """ "pdf, 58 pagina's, 1,2 MB" for the download link."""
        mb = self.bytes / 1_000_000
        grootte = f"{mb:.1f} MB".replace(".", ",") if mb >= 1 else f"{round(self.bytes / 1000)} kB"
        return f"pdf, {self.paginas} pagina's, {grootte}"


BEELD = re.compile(r'<img\b[^>]*\bsrc="([^"]+)"')


def maak(html: str, basis: Path, doel: Path) -> Pdf:
    """Lay out `html` (relative images resolved from the file `basis`) and write the PDF. The
    same HTML, images, stylesheet, code and WeasyPrint give the same PDF: from the cache."""
    beelden = []
    for src in sorted(set(BEELD.findall(html))):
        try:
            beelden.append((basis.parent / unquote(src)).read_bytes())
        except OSError:
            raise PdfFout(f"de pdf van de nota toont {src}, maar dat bestand is er niet") from None
    # Every library and Python, not only WeasyPrint's version: it writes the PDF with pydyf and
    # puts the fonts in with fontTools, whose new versions give other bytes.
    sleutel = bouwcache.sleutel(
        html, stijl(), *beelden, Path(__file__).read_text(encoding="utf-8"), bouwcache.pakketten()
    )
    inhoud = bouwcache.ophalen_of_maken("pdf", sleutel, lambda: _opmaken(html, basis), _is_bewaarde_pdf)
    paginas, pdf = inhoud.split(b"\n", 1)
    doel.write_bytes(pdf)
    return Pdf(doel, int(paginas), len(pdf))


def _is_bewaarde_pdf(inhoud: bytes) -> bool:
    paginas, _, pdf = inhoud.partition(b"\n")
    return paginas.isdigit() and pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")


def _opmaken(html: str, basis: Path) -> bytes:
    """The page count, a newline, the PDF."""
    try:
        from weasyprint import CSS, HTML
    except OSError as fout:  # cffi cannot find Pango
        raise PdfFout(
            "de pdf van de nota kan niet worden gemaakt: WeasyPrint vindt Pango niet "
            f"({fout}). Installeer het: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 "
            "fonts-dejavu-core (of: make pango)"
        ) from None
    opgemaakt = HTML(string=html, base_url=str(basis)).render(stylesheets=[CSS(string=stijl())])
    # Same content, same identifier: two builds of one commit give the same bytes.
    kenmerk = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    pdf: bytes = opgemaakt.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True, pdf_identifier=kenmerk)
    return f"{len(opgemaakt.pages)}\n".encode("ascii") + pdf
