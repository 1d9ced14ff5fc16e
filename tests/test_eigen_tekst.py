"""Every text the site shows names its source: on a page, what is not inside
`[data-bron="site"]` (the site's own words) or `[data-bron="kompasteam"]` (a text of the note
the kompasteam changed since) is the note's own words (tests/fixtures/nota/), or one of the few
interface words listed here. The other direction of test_nota_tekst's label tests: those check
that marked text carries its label, this one that unmarked text is the note's. It holds for any
correct version of the kompas, since the pages mark what differs from the note as adopted.

The text is read from the built pages (no JavaScript): the page's content (<article>), without
navigation, form controls and screen-reader-only words, in blocks, each block cut into
sentences. A sentence counts as the note's when its words (lower case, letters and digits)
stand in that order in the note's text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import PROJECT
from .htmlscan import BLOK, Element, artikel
from .test_nota_tekst import LABEL, LABEL_KOMPASTEAM, NOTA_TEKST

# Every page is covered but /nota/, which has its own measure (test_nota_tekst: the note in
# the note's order, with our own text left out).
NIET_GEDEKT = {"nota/"}

# Interface words: names of buttons, links and states, not statements. A sentence that is one
# of these (whole, case ignored) needs no label.
INTERFACE = [
    re.escape(LABEL),
    r"(ja|nee|weet ik \(nog\) niet)( \(uw eerdere antwoord\)| wijzig)?",
    # The reader's own answers, repeated under the question and on an outcome.
    r"uw antwoorden( tot nu toe)?",
    r"vorige|volgende|terug|opnieuw beginnen|wijzig|kopieer de tekst",
    r"kompaswijzer|start de kompaswijzer",
    r"stap \d+",
    # Names of links and headings that name a page or a version of the kompas.
    r"meer over [^.]+|wijzigingen in het kompas|versie \d+(\.\d+)*",
    r"vraag \d+\.?",
    # The page title of a kompaswijzer state; "Uitkomst:" alone where the vorm's title is the
    # kompasteam's (a vorm the note has not), marked apart.
    r"uitkomst:( [^.]+)?|nog geen vorm",
    # A disclosure whose content is the note's own text (or, for a vorm the note has not, the kompasteam's).
    r"lees de tekst (van de nota )?over( [^.]+)?",
    # The label of a text the kompasteam changed (templates/_algemeen.html, kompasteam_label).
    LABEL_KOMPASTEAM,
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
    klassen = element.klassen
    return (
        element.eigen
        or element.van_kompasteam
        or element.tag in OVERSLAAN
        or "kvz-sr" in klassen
        or "headerlink" in klassen
    )


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


# Where the site's text is written: the pages, the templates and the data.
BRONBESTANDEN = (
    "content/**/*.md",
    "macros/site/templates/**/*.html",
    "macros/site/templates/**/*.md",
    "kompas_data/*.yaml",
)


def waar_staat(zin: str, project: Path = PROJECT, gegevens: Path | None = None) -> str:
    """The file and line a sentence of a page comes from ("kompas_data/vormen.yaml:168"), found
    by its first words in the sources of the site (with the data in `gegevens` when it is not
    the project's own); "?" if it is put together from several."""
    gezocht = re.findall(r"\w+", zin.lower())[:8]
    if not gezocht:
        return "?"
    bestanden = [
        b for patroon in BRONBESTANDEN if not patroon.startswith("kompas_data") for b in sorted(project.glob(patroon))
    ]
    bestanden += sorted((gegevens or project / "kompas_data").glob("*.yaml"))
    for bestand in bestanden:
        woorden = [
            (woord, nummer)
            for nummer, regel in enumerate(bestand.read_text(encoding="utf-8").splitlines(), start=1)
            for woord in re.findall(r"\w+", regel.lower())
        ]
        for i in range(len(woorden) - len(gezocht) + 1):
            if all(woorden[i + j][0] == w for j, w in enumerate(gezocht)):
                naam = (
                    bestand.relative_to(project) if bestand.is_relative_to(project) else f"kompas_data/{bestand.name}"
                )
                return f"{naam}:{woorden[i][1]}"
    return "?"


WAT_TE_DOEN = (
    "Elke tekst op een pagina is de tekst van de nota, of is gemarkeerd: de site zelf "
    '(data-bron="site" met het label "Uitleg van deze site", README: De sjablonen) of het '
    'kompasteam (data-bron="kompasteam" met "Gewijzigd in versie …"; de sjablonen doen dat met '
    "algemeen.nota(…) voor elk veld met bron nota). Staat de zin in kompas_data/, dan toont een "
    "sjabloon een tekst van de nota zonder algemeen.nota: meld het aan de ontwikkelaars. Staat hij "
    "in content/ of in een sjabloon, zet de tekst van de nota terug of markeer de eigen tekst."
)


@pytest.fixture(scope="module")
def nota() -> list[str]:
    return referenties(NOTA_TEKST.read_text(encoding="utf-8"))


def test_ongemarkeerde_eigen_tekst_wordt_gevonden(nota):
    html = (
        "<body><nav>Menu</nav><article><h1>Vraag 3</h1><p>Start bij elke nieuwe fase/situatie het kompas dus opnieuw."
        " Dit schreef de site.</p>"
        f'<div data-bron="site"><p>{LABEL}</p><p>Ook van de site.</p></div>'
        '<p><a class="utrecht-button-link">Vorige</a> <span class="kvz-sr">voor schermlezers</span></p>'
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


@pytest.mark.snel  # a change of the kompas can break it: `make test-snel` runs it too
def test_alle_eigen_tekst_is_gemarkeerd(html_paginas, nota):
    paginas = {pad: html for pad, html in html_paginas.items() if pad not in NIET_GEDEKT}
    assert {"", "kompas/", "kompas/wijzer/", "kompas/wijzer-embed/weet-niet/", "monitoring/"} <= set(paginas)
    zonder_inhoud = [pad for pad, html in paginas.items() if "<article" not in html]
    assert not zonder_inhoud, f"pagina's zonder <article>, dus niet te controleren: {zonder_inhoud}"
    fouten = {pad: f for pad, html in paginas.items() if (f := ongemarkeerde_eigen_tekst(html, nota))}
    assert not fouten, (
        "tekst die niet uit de nota komt en niet is gemarkeerd:\n"
        + "\n".join(
            f"/{pad}:\n" + "\n".join(f"    {waar_staat(zin)}: {zin[:160]}" for zin in f) for pad, f in fouten.items()
        )
        + "\n"
        + WAT_TE_DOEN
    )


def test_waar_staat_vindt_bestand_en_regel(tmp_path):
    (tmp_path / "kompas_data").mkdir()
    (tmp_path / "kompas_data" / "vormen.yaml").write_text(
        "vormen:\n  - id: peilen\n    wat_is_het: >-\n      De gemeente is verantwoordelijk\n      en voert een\n",
        encoding="utf-8",
    )
    assert waar_staat("De gemeente is verantwoordelijk en voert een brede peiling uit.", tmp_path) == "?"
    assert waar_staat("De gemeente is verantwoordelijk en voert een", tmp_path) == "kompas_data/vormen.yaml:4"


def test_de_nota_leest_een_zin_door_over_de_voetnoten_heen():
    nota = referenties(
        "Als wij ervaringskennis verbinden \n\n1\u2003\ufffd Bron; Inwonersenquete 2023. Vertrouwen is 54%;"
        " \ngemiddeld 53%\n\n2\u2003 Bron; Inwonersenquete 2023\n aan vakkennis, kunnen we plannen maken."
    )
    assert any(genormaliseerd("Als wij ervaringskennis verbinden aan vakkennis") in tekst for tekst in nota)
    assert any(genormaliseerd("Bron; Inwonersenquete 2023. Vertrouwen is 54%") in tekst for tekst in nota)
    assert not any(genormaliseerd("verbinden gemiddeld 53%") in tekst for tekst in nota)
