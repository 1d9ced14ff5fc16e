"""Every text the site wrote itself is marked as ours: on a page, what is not inside
`[data-bron="site"]` is the note's own words (tests/fixtures/nota/), or one of the few
interface words listed here. The other direction of test_nota_tekst's label test: that test
checks that marked text carries the label, this one that unmarked text is the note's.

The text is read from the built pages (no JavaScript): the page's content (<article>), without
navigation, form controls and screen-reader-only words, in blocks, each block cut into
sentences. A sentence counts as the note's when its words (lower case, letters and digits)
stand in that order in the note's text.
"""

from __future__ import annotations

import re

import pytest

from .htmlscan import BLOK, Element, artikel
from .test_nota_tekst import LABEL, NOTA_TEKST

# Every page is covered but /nota/, which has its own measure (test_nota_tekst: the note in
# the note's order, with our own text left out).
NIET_GEDEKT = {"nota/"}

# Interface words: names of buttons, links and states, not statements. A sentence that is one
# of these (whole, case ignored) needs no label.
INTERFACE = [
    re.escape(LABEL),
    r"(ja|nee|weet ik \(nog\) niet)( \(uw eerdere antwoord\)| wijzig)?",
    # The reader's own answers so far, repeated under the question.
    r"uw antwoorden tot nu toe",
    r"vorige|volgende|terug|opnieuw beginnen|wijzig|kopieer de tekst",
    r"kompaswijzer|start de kompaswijzer",
    r"stap \d+",
    # Names of links and headings that name a page or a version of the kompas.
    r"meer over [^.]+|wijzigingen in het kompas|versie \d+(\.\d+)*",
    r"vraag \d+\.?",
    # The page title of a kompaswijzer state.
    r"uitkomst: [^.]+|nog geen vorm",
    # A disclosure whose content is the note's own text.
    r"lees de tekst van de nota over [^.]+",
]
INTERFACE_RE = re.compile("|".join(f"(?:{patroon})" for patroon in INTERFACE), re.IGNORECASE)
# A question carries the kompas' number in front of the note's words ("Vraag 7 Is er ...").
VRAAGNUMMER = re.compile(r"^vraag \d+\.?\s+", re.IGNORECASE)

# Not text for a reader, or not the page's content: menus, controls, hidden words.
OVERSLAAN = {"nav", "header", "footer", "button", "input", "textarea", "select", "label", "option"}


# A footnote in the export: its number and an em space at the start of a line, its text up to
# a blank line or a line that continues the body text (which starts with a space).
VOETNOOT = re.compile(r"^\d+\u2003[^\n]*\n(?:[^\s][^\n]*\n)*", re.MULTILINE)


def genormaliseerd(tekst: str) -> str:
    """The words only, lower case, one space apart, with a space at both ends (so a match is
    always whole words)."""
    return " " + " ".join(re.findall(r"\w+", tekst.lower())) + " "


def referenties(nota: str) -> list[str]:
    """The note's text as the comparison reads it. The footer line of every printed page can
    stand in the middle of a sentence: taken out, and kept once on its own (the title). A word
    broken at the end of a line ("participatie-\\nverslag") is read both ways."""
    voet = re.compile(r"^.*Beleidsnota Samen stad maken - Geen Utrecht zonder U.*$", re.MULTILINE)
    zonder_voet = voet.sub("", nota) + "\nSamen stad maken - Geen Utrecht zonder U\n"
    heel = re.sub(r"(\w)-[ \t]*\n\s*(\w)", r"\1\2", zonder_voet)
    # The export puts a page's footnotes where the page ended, which can be mid-sentence:
    # read once more without them (they stay in the other readings).
    zonder_voetnoten = VOETNOOT.sub("", heel)
    return [genormaliseerd(zonder_voet), genormaliseerd(heel), genormaliseerd(zonder_voetnoten)]


def overslaan(element: Element) -> bool:
    klassen = (element.attrs.get("class") or "").split()
    return element.eigen or element.tag in OVERSLAAN or "kvz-sr" in klassen or "headerlink" in klassen


def blokken(element: Element) -> list[str]:
    """The text outside our own, a block element at a time (inline elements joined)."""
    uit, huidig = [], []

    def loop(ouder: Element) -> None:
        for kind in ouder.kinderen:
            if isinstance(kind, str):
                huidig.append(kind)
            elif kind.tag in ("script", "style", "template") or overslaan(kind):
                continue
            elif kind.tag in BLOK or kind.tag == "br":
                uit.append("".join(huidig))
                huidig.clear()
                loop(kind)
                uit.append("".join(huidig))
                huidig.clear()
            else:
                loop(kind)

    loop(element)
    uit.append("".join(huidig))
    return [" ".join(blok.split()) for blok in uit if blok.strip()]


def zinnen(blok: str) -> list[str]:
    return [z for z in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"‘'(])", blok) if re.search(r"\w", z)]


def ongemarkeerde_eigen_tekst(html: str, nota: list[str]) -> list[str]:
    """Every sentence outside our own marked text that is neither the note's nor an interface word."""
    fout = []
    for blok in blokken(artikel(html)):
        for zin in zinnen(blok):
            if INTERFACE_RE.fullmatch(zin):
                continue
            woorden = genormaliseerd(VRAAGNUMMER.sub("", zin))
            if not any(woorden in tekst for tekst in nota):
                fout.append(zin)
    return list(dict.fromkeys(fout))


@pytest.fixture(scope="module")
def nota() -> list[str]:
    return referenties(NOTA_TEKST.read_text(encoding="utf-8"))


def test_ongemarkeerde_eigen_tekst_wordt_gevonden(nota):
    html = (
        "<body><nav>Menu</nav><article><h1>Vraag 3</h1><p>Start bij elke nieuwe fase/situatie het kompas dus opnieuw."
        " Dit schreef de site.</p>"
        f'<div data-bron="site"><p>{LABEL}</p><p>Ook van de site.</p></div>'
        '<p><a class="kvz-knop">Vorige</a> <span class="kvz-sr">voor schermlezers</span></p>'
        "<p>Vraag 7 Is het nodig het vraagstuk eerst te verhelderen?</p>"
        "<p>Het gebruik van het kompas vraagt begeleiding van ambtenaren die er al vaker mee werken.</p>"
        "<footer>Voet</footer></article></body>"
    )
    assert ongemarkeerde_eigen_tekst(html, nota) == ["Dit schreef de site."]


def test_de_nota_leest_afgebroken_woorden_en_zonder_paginavoet():
    nota = referenties(
        "de partici-\npatie begint\n36 Beleidsnota Samen stad maken - Geen Utrecht zonder U  |  37\nhier"
    )
    assert all(genormaliseerd("participatie begint hier") in tekst for tekst in nota[1:])
    assert any(genormaliseerd("Samen stad maken — Geen Utrecht zonder U") in tekst for tekst in nota)


def test_alle_eigen_tekst_is_gemarkeerd(html_paginas, nota):
    paginas = {pad: html for pad, html in html_paginas.items() if pad not in NIET_GEDEKT}
    assert {"", "kompas/", "kompas/wijzer/", "kompas/wijzer-embed/weet-niet/", "monitoring/"} <= set(paginas)
    zonder_inhoud = [pad for pad, html in paginas.items() if "<article" not in html]
    assert not zonder_inhoud, f"pagina's zonder <article>, dus niet te controleren: {zonder_inhoud}"
    fouten = {pad: f for pad, html in paginas.items() if (f := ongemarkeerde_eigen_tekst(html, nota))}
    assert not fouten, 'tekst van de site zonder data-bron="site" (en niet uit de nota):\n' + "\n".join(
        f"/{pad}:\n" + "\n".join(f"    {zin[:160]}" for zin in f) for pad, f in fouten.items()
    )


def test_de_nota_leest_een_zin_door_over_de_voetnoten_heen():
    nota = referenties(
        "Als wij ervaringskennis verbinden \n\n1\u2003\ufffd Bron; Inwonersenquete 2023. Vertrouwen is 54%;"
        " \ngemiddeld 53%\n\n2\u2003 Bron; Inwonersenquete 2023\n aan vakkennis, kunnen we plannen maken."
    )
    assert any(genormaliseerd("Als wij ervaringskennis verbinden aan vakkennis") in tekst for tekst in nota)
    assert any(genormaliseerd("Bron; Inwonersenquete 2023. Vertrouwen is 54%") in tekst for tekst in nota)
    assert not any(genormaliseerd("verbinden gemiddeld 53%") in tekst for tekst in nota)
