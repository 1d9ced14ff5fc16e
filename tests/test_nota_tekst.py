"""The note as the note: /nota/ and the PDF say the note's words in the note's order, and every
text the site wrote itself is marked as ours (`data-bron="site"` and the visible label).

The reference is the note's own text (tests/fixtures/nota/), as exported from the published
PDF: its page breaks put footnotes and the text of figures where the pages had them, so a
perfect score is out of reach and the thresholds leave room for that. The measure is a
word-level, in-order alignment (difflib, lower-cased words): how many of the note's words
the page has in the note's order, and how many of the page's words are not the note's.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.data import adressen

from .htmlscan import KOPPEN, artikel

NOTA_TEKST = Path(__file__).resolve().parent / "fixtures" / "nota" / "beleidsnota-samen-stad-maken.txt"
LABEL = "Uitleg van deze site, geen tekst uit de nota"
# The label of a text of the note that the kompasteam changed since ("Gewijzigd in versie 1.1").
LABEL_KOMPASTEAM = r"(gewijzigd|nieuw) (in versie \d+\.\d+|na de nota)(: .+)?"  # then, hidden, what changed

# /nota/: the note's words, our own text left out. The PDF adds a title page, the contents
# and a page number on every page.
NOTA_MIN_GEVONDEN, NOTA_MAX_EIGEN = 0.97, 0.02
PDF_MIN_GEVONDEN, PDF_MAX_EIGEN = 0.97, 0.04


def woorden(tekst: str) -> list[str]:
    """Words as the comparison sees them: runs of letters and digits, lower case ("50%1" is
    "50" and "1", "participatie-verslag" two words)."""
    return re.findall(r"\w+", tekst.lower())


def eigen_regels_in_de_nota(html: str) -> list[str]:
    """The marked lines of ours that /nota/ keeps (`data-ook-in-nota`: the kompas has changed
    since the note, the flowchart's arrows are not in its text), as text: the PDF shows them
    too, but they are not the note's words."""
    return [e.tekst() for e in artikel(html).alle() if e.eigen and "data-ook-in-nota" in e.attrs]


def zonder_regels(tekst: str, regels: list[str]) -> str:
    """`tekst` (a PDF's) without these lines, matched word for word whatever the line breaks."""
    tekst_woorden = woorden(tekst)
    for regel in regels:
        regel_woorden = woorden(regel)
        for i in range(len(tekst_woorden) - len(regel_woorden) + 1):
            if tekst_woorden[i : i + len(regel_woorden)] == regel_woorden:
                del tekst_woorden[i : i + len(regel_woorden)]
                break
    return " ".join(tekst_woorden)


def pdf_als_nota(pdf: Path, nota_html: str) -> str:
    """The text of the PDF as the comparison with the note reads it: without our marked lines."""
    from pypdf import PdfReader

    tekst = "\n".join(pagina.extract_text() for pagina in PdfReader(pdf).pages)
    return zonder_regels(tekst, eigen_regels_in_de_nota(nota_html))


def inhoud_van_de_nota(html: str) -> str:
    """The text of /nota/ as the note: without our own text and without the contents list
    (the reference text has no contents; test_inhoudsopgave_is_volledig checks it)."""
    return artikel(html).tekst(zonder=lambda e: e.eigen or e.tag == "nav")


# --- The alignment ------------------------------------------------------------------------------


@dataclass
class Vergelijking:
    gevonden: float  # share of the note's words the page has in the note's order
    eigen: float  # share of the page's words that are not the note's
    ontbreekt: list[str]  # the largest stretches of the note the page lacks (or has elsewhere)
    erbij: list[str]  # the largest stretches of the page that are not the note's

    def uitleg(self, naam: str) -> str:
        regels = [
            f"{naam}: {self.gevonden:.1%} van de woorden van de nota in volgorde, {self.eigen:.1%} andere woorden"
        ]
        regels += ["Grootste stukken van de nota die hier ontbreken of elders staan:"]
        regels += [f"  - {stuk}" for stuk in self.ontbreekt]
        regels += ["Grootste stukken die niet uit de nota komen (of op een andere plek staan):"]
        regels += [f"  + {stuk}" for stuk in self.erbij]
        return "\n".join(regels)


def vergelijk(nota: str, pagina: str, stukken: int = 12) -> Vergelijking:
    nota_woorden, pagina_woorden = woorden(nota), woorden(pagina)
    matcher = difflib.SequenceMatcher(None, nota_woorden, pagina_woorden, autojunk=False)
    gelijk = sum(blok.size for blok in matcher.get_matching_blocks())
    ontbreekt, erbij = [], []
    for soort, i1, i2, j1, j2 in matcher.get_opcodes():
        if soort in ("delete", "replace"):
            ontbreekt.append((i2 - i1, i1, " ".join(nota_woorden[i1:i2])))
        if soort in ("insert", "replace"):
            erbij.append((j2 - j1, j1, " ".join(pagina_woorden[j1:j2])))

    def grootste(lijst):
        return [
            f"[woord {plek}, {n} woorden] {tekst[:240]}" for n, plek, tekst in sorted(lijst, reverse=True)[:stukken]
        ]

    return Vergelijking(
        gelijk / max(1, len(nota_woorden)),
        1 - gelijk / max(1, len(pagina_woorden)),
        grootste(ontbreekt),
        grootste(erbij),
    )


# --- The engine, on small examples ------------------------------------------------------------


def test_vergelijking_telt_ontbrekende_verplaatste_en_eigen_woorden():
    nota = "een twee drie vier vijf zes zeven acht negen tien"
    assert vergelijk(nota, nota).gevonden == 1 and vergelijk(nota, nota).eigen == 0
    zonder = vergelijk(nota, "een twee drie vier vijf zes zeven acht")
    assert zonder.gevonden == 0.8 and zonder.eigen == 0 and "negen tien" in zonder.ontbreekt[0]
    verplaatst = vergelijk(nota, "negen tien een twee drie vier vijf zes zeven acht")
    assert verplaatst.gevonden == 0.8 and round(verplaatst.eigen, 2) == 0.2
    erbij = vergelijk(nota, "een twee drie vier vijf in het kort zes zeven acht negen tien")
    assert erbij.gevonden == 1 and round(erbij.eigen, 2) == 0.23 and "in het kort" in erbij.erbij[0]


def test_eigen_regels_gaan_uit_de_tekst_van_de_pdf():
    html = (
        f'<article><p>De nota.</p><p data-bron="site" data-ook-in-nota>{LABEL} Het kompas is gewijzigd.</p>'
        f'<p data-bron="site">{LABEL} Niet in de nota.</p></article>'
    )
    regels = eigen_regels_in_de_nota(html)
    assert [" ".join(r.split()) for r in regels] == [f"{LABEL} Het kompas is gewijzigd."]
    pdf = "De nota. Uitleg van deze site, geen\ntekst uit de nota Het kompas\nis gewijzigd. Verder."
    assert zonder_regels(pdf, regels) == "de nota verder"


def test_tekst_van_de_nota_laat_eigen_tekst_en_inhoud_weg_en_houdt_woorden_heel():
    html = (
        "<body><nav>Menu</nav><article><h1>Nota</h1><nav><p>Inhoud</p></nav>"
        f'<section data-bron="site"><p>{LABEL}</p><p>Samenvatting</p></section>'
        "<p>open en eerlijk<sup>2</sup>.</p><p>Volgende</p><p>alinea<br>regel</p></article></body>"
    )
    assert woorden(inhoud_van_de_nota(html)) == ["nota", "open", "en", "eerlijk2", "volgende", "alinea", "regel"]


# --- /nota/ and the PDF ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def nota_tekst() -> str:
    return NOTA_TEKST.read_text(encoding="utf-8")


@pytest.mark.snel  # a change of the kompas can break it: `make test-snel` runs it too
def test_nota_pagina_is_de_nota(gebouwde_site, nota_tekst):
    html = (gebouwde_site / adressen.NOTA_PAD / "index.html").read_text(encoding="utf-8")
    uitkomst = vergelijk(nota_tekst, inhoud_van_de_nota(html))
    print("\n" + uitkomst.uitleg("/nota/"))
    assert uitkomst.gevonden >= NOTA_MIN_GEVONDEN and uitkomst.eigen <= NOTA_MAX_EIGEN, (
        f"/nota/ is niet de nota (minstens {NOTA_MIN_GEVONDEN:.0%} van de nota, hoogstens "
        f"{NOTA_MAX_EIGEN:.0%} andere woorden):\n" + uitkomst.uitleg("/nota/")
    )


@pytest.mark.snel  # a change of the kompas can break it: `make test-snel` runs it too
def test_pdf_is_de_nota(gebouwde_site, nota_tekst):
    html = (gebouwde_site / adressen.NOTA_PAD / "index.html").read_text(encoding="utf-8")
    uitkomst = vergelijk(nota_tekst, pdf_als_nota(gebouwde_site / adressen.PDF_NAAM, html))
    print("\n" + uitkomst.uitleg("pdf"))
    assert uitkomst.gevonden >= PDF_MIN_GEVONDEN and uitkomst.eigen <= PDF_MAX_EIGEN, (
        f"de pdf is niet de nota (minstens {PDF_MIN_GEVONDEN:.0%} van de nota, hoogstens "
        f"{PDF_MAX_EIGEN:.0%} andere woorden):\n" + uitkomst.uitleg("pdf")
    )


def test_inhoudsopgave_is_volledig(gebouwde_site):
    """The contents list the note's own parts, also those inside a page (in the note's order)."""
    html = (gebouwde_site / adressen.NOTA_PAD / "index.html").read_text(encoding="utf-8")
    inhoud = next(e for e in artikel(html).alle() if e.tag == "nav")
    regels = [" ".join(e.tekst().split()) for e in inhoud.alle() if e.tag == "a"]
    verwacht = ["Voorwoord", "A. Inleiding", "1. Geen Utrecht zonder U", "Leeswijzer", "2. Doelstellingen"]
    assert regels[: len(verwacht)] == verwacht
    assert "Voortgang en verantwoording" in regels
    assert regels.index("Voortgang en verantwoording") == regels.index("C. Monitoren, sturen en verantwoorden") + 1


# --- Our own text carries the label, on every page ------------------------------------------------


def zonder_label(html: str) -> list[str]:
    """Every element of our own text (data-bron="site") without its label: not in it, not
    opening the block it stands in (a child of one of its four nearest ancestors within the
    page's content starts with the label), and for a heading not in the block that follows
    it. Screen-reader-only words need no visible label."""

    def tekst(element) -> str:
        return " ".join(element.tekst().split())

    def opent_met_label(blok) -> bool:
        return any(isinstance(kind, type(blok)) and tekst(kind).startswith(LABEL) for kind in blok.kinderen)

    fout = []
    for element in artikel(html).alle():
        if not element.eigen or "kvz-sr" in (element.attrs.get("class") or "").split():
            continue
        gevonden = LABEL in tekst(element)
        ouder, stappen = element.ouder, 0
        while not gevonden and ouder is not None and ouder.tag != "article" and stappen < 4:
            gevonden, ouder, stappen = opent_met_label(ouder), ouder.ouder, stappen + 1
        if not gevonden and element.tag in KOPPEN and element.volgende() is not None:
            gevonden = LABEL in tekst(element.volgende())
        if not gevonden:
            fout.append(f"<{element.tag}> {tekst(element)[:80]!r}")
    return fout


def test_eigen_tekst_zonder_label_wordt_gevonden():
    goed = (
        f'<article><section data-bron="site"><p>{LABEL}</p><p>Samenvatting</p></section>'
        f'<h2 data-bron="site">Eigenaar</h2><div data-bron="site"><p>{LABEL}</p></div>'
        f'<div><p data-bron="site">{LABEL}</p><ol><li><dl data-bron="site"><dd>naar vraag 2</dd></dl></li></ol></div>'
        '<p>*<span class="kvz-sr" data-bron="site">nog niet bekend</span></p></article>'
    )
    assert zonder_label(goed) == []
    fout = '<article><p>De nota.</p><p data-bron="site">Onze uitleg.</p><h2 data-bron="site">Kop</h2><p>x</p></article>'
    assert zonder_label(fout) == ["<p> 'Onze uitleg.'", "<h2> 'Kop'"]
    ver_weg = (
        f'<article><section><div><p>De nota.</p><p>{LABEL}</p></div><p data-bron="site">Elders.</p></section></article>'
    )
    assert zonder_label(ver_weg) == ["<p> 'Elders.'"]


@pytest.mark.snel  # a change of the kompas can break it: `make test-snel` runs it too
def test_eigen_tekst_draagt_het_label_op_elke_pagina(html_paginas):
    fouten = {pad: f for pad, html in html_paginas.items() if "<article" in html and (f := zonder_label(html))}
    assert not fouten, "eigen tekst zonder het label:\n" + "\n".join(
        f"{pad or '/'}: {', '.join(f)}" for pad, f in fouten.items()
    )


def test_colofon_noemt_de_afwijkingen_in_letterlijke_woorden(html_paginas):
    """Each deviation quotes the note's words and ours as text: a "*" in the list must not
    become Markdown emphasis (which left '""' and swallowed the words between two stars)."""
    afwijkingen = html_paginas["over/"].split("Waar de site afwijkt van de gedrukte nota")[-1]
    regels = re.findall(r"<li>(.*?)</li>", afwijkingen, re.S)
    assert len(regels) >= 10
    for regel in regels:
        assert '""' not in regel and "<em>" not in regel, regel
    assert any('"*" in de tabel met indicatoren' in regel for regel in regels)


# --- A text the kompasteam changed carries its label ------------------------------------------


def zonder_kompasteam_label(html: str) -> list[str]:
    """Every element marked as the kompasteam's (`data-bron="kompasteam"`) that does not show its
    label ("Gewijzigd in versie 1.1", class kvz-kompasteam__label) inside it, or for a heading in
    the element after it."""
    patroon = re.compile(LABEL_KOMPASTEAM, re.IGNORECASE)

    def heeft_label(element) -> bool:
        return any(
            "kvz-kompasteam__label" in e.klassen and patroon.fullmatch(" ".join(e.tekst().split()))
            for e in element.alle()
        )

    fout = []
    for element in artikel(html).alle():
        if not element.van_kompasteam or heeft_label(element):
            continue
        if element.tag in KOPPEN and element.volgende() is not None and heeft_label(element.volgende()):
            continue
        fout.append(f"<{element.tag}> {' '.join(element.tekst().split())[:80]!r}")
    return fout


def test_kompasteam_tekst_zonder_label_wordt_gevonden():
    label = '<a class="kvz-kompasteam__label" href="#v">Gewijzigd in versie 1.1</a>'
    goed = (
        f'<article><p><span data-bron="kompasteam">Nieuwe tekst. {label}</span></p>'
        '<h1 data-bron="kompasteam">Samen verkennen</h1>'
        '<p><span class="kvz-kompasteam__label">Nieuw in versie 2.0</span></p></article>'
    )
    assert zonder_kompasteam_label(goed) == []
    fout = (
        '<article><p data-bron="kompasteam">Zonder label.</p>'
        '<p data-bron="kompasteam">Ander label <span class="kvz-kompasteam__label">Nieuw</span></p></article>'
    )
    assert zonder_kompasteam_label(fout) == ["<p> 'Zonder label.'", "<p> 'Ander label Nieuw'"]


@pytest.mark.snel  # a change of the kompas can break it: `make test-snel` runs it too
def test_kompasteam_tekst_draagt_het_label_op_elke_pagina(html_paginas):
    fouten = {
        pad: f for pad, html in html_paginas.items() if "<article" in html and (f := zonder_kompasteam_label(html))
    }
    assert not fouten, 'tekst met data-bron="kompasteam" zonder het label "Gewijzigd in versie …":\n' + "\n".join(
        f"{pad or '/'}: {', '.join(f)}" for pad, f in fouten.items()
    )
