"""The change list of a version pair (review/wijzigingen.py) and its two renderings: the plain
words `make versie` writes into wijzigingen.yaml (beschrijving.py) and the report's Markdown
(verschilrapport.py) say the same for every change; every kind of change has its words and
occurs in the changes here (the report pairs, the kompasteam's changes, and a few more).
"""

from __future__ import annotations

import re
import typing
from html import unescape
from pathlib import Path

import cmarkgfm
import pytest
import yaml

from macros.data.betekenis import VORM_VELDEN
from macros.data.loader import KompasDataError, laad_kompas_data
from macros.review import beschrijving, verschilrapport, wijzigingen
from macros.review.markdown import WOORDVERBINDER
from macros.review.velden_verschil import Anders, Erbij
from macros.review.wijzigingen import (
    RouteAnders,
    Velden,
    VormAnders,
    Vormnaam,
    VraagErbij,
    Vraagnaam,
    VraagVernummerd,
)

from .conftest import kopieer_kompas10, pas_toe
from .test_kompasteam import WIJZIGINGEN

PAREN = sorted((Path(__file__).resolve().parent / "verschillen").glob("*.yaml"))
UITLEG = {  # the site's explanation of a question: no part of the meaning
    "wijzigingen": [
        {
            "bestand": "kompas.yaml",
            "vervang": "    ja: {vraag: ondersteuning-nodig}\n",
            "door": "    uitleg: Mag de Utrechter zelf alles beslissen binnen de kaders?\n"
            "    ja: {vraag: ondersteuning-nodig}\n",
        }
    ]
}
TEKSTEN_EN_VORM = {  # the kompas' texts at every outcome, a vorm's meaning and an example
    "wijzigingen": [
        {"bestand": "kompas.yaml", "vervang": "motto: Eigenaarschap is", "door": "motto: Eigenaarschap blijft"},
        {
            "bestand": "kompas.yaml",
            "vervang": "    per vraag het kompas.\n",
            "door": "    per vraag het kompas.\n  - Een vierde kanttekening.\n",
        },
        {"bestand": "vormen.yaml", "vervang": "zeggenschap: Beperkt.", "door": "zeggenschap: Gemiddeld."},
        {"bestand": "vormen.yaml", "vervang": "titel: Peilen", "door": "titel: Breed peilen"},
        {"bestand": "vormen.yaml", "vervang": "      - U-festival", "door": "      - U-festival\n      - Moestuin"},
    ]
}
NIEUWE_START = {  # a question before the first: the start changes, every number too
    "wijzigingen": [
        {"bestand": "kompas.yaml", "vervang": "start: besluit-nodig", "door": "start: eerst-kijken"},
        {
            "bestand": "kompas.yaml",
            "vervang": "vragen:\n",
            "door": "vragen:\n  - id: eerst-kijken\n    tekst: Is er al iets besloten?\n"
            "    ja: {vorm: gemeente-aan-zet}\n    nee: {vraag: besluit-nodig}\n\n",
        },
    ]
}
VOORBEELDEN = {
    **{f"paar {p.stem}": yaml.safe_load(p.read_text(encoding="utf-8"))["nieuw"] for p in PAREN},
    **{f"kompasteam {naam}": wijziging for naam, wijziging in WIJZIGINGEN.items()},
    "uitleg van een vraag": UITLEG,
    "teksten en een vorm": TEKSTEN_EN_VORM,
    "nieuwe start": NIEUWE_START,
}
SOORTEN = {*typing.get_args(wijzigingen.Vraagwijziging), Velden, *Velden.__subclasses__()}


def _gewijzigd(tmp_path: Path, naam: str, wijziging: dict):
    gegevensmap = kopieer_kompas10(tmp_path / naam.replace(" ", "-"))
    pas_toe(gegevensmap, wijziging, naam)
    return laad_kompas_data(gegevensmap)


@pytest.fixture(scope="module")
def gewijzigd(tmp_path_factory) -> dict:
    """Each example's data; one whose data is invalid has no change list (the report says so)."""
    uit = {}
    for naam, wijziging in VOORBEELDEN.items():
        try:
            uit[naam] = _gewijzigd(tmp_path_factory.mktemp("w"), naam, wijziging)
        except KompasDataError:
            continue
    return uit


def _gelezen(markdown: str) -> str:
    """A sentence of the report as a reader of the pull request reads it: rendered as GitHub
    does (cmark-gfm), without the markup, the invisible joiner that stops mentions left out."""
    html = cmarkgfm.github_flavored_markdown_to_html(markdown)
    return unescape(re.sub(r"<[^>]+>", "", html)).strip().replace(WOORDVERBINDER, "")


def test_een_vraag_erbij_als_lijst(kompas10, gewijzigd):
    lijst = wijzigingen.tussen(kompas10, gewijzigd["paar vraag-erbij"])
    nieuw = Vraagnaam(5, "passende-regeling")
    assert lijst[:2] == (
        VraagErbij(nieuw, "Is er een passende subsidieregeling of faciliteit?", Vormnaam("Overheidsmiddelen"),
                   Vormnaam("Samen aan zet")),
        RouteAnders(Vraagnaam(4, "ondersteuning-nodig"), "ja", Vormnaam("Overheidsmiddelen"), nieuw),
    )  # fmt: skip
    assert lijst[2:8] == tuple(VraagVernummerd(Vraagnaam(n, v), n + 1) for n, v in enumerate(
        ["eigenaarschap-laten-groeien", "deel-eigenaarschap-gemeente", "verder-onderzoeken", "eerst-verhelderen",
         "bestuurlijke-ruimte", "representatieve-groep"], start=5))  # fmt: skip
    (scenarios,) = lijst[8:]
    assert scenarios.bestand == "scenarios.yaml" and type(scenarios) is Velden
    assert beschrijving.in_woorden(lijst) == [
        "Nieuwe vraag 5 (passende-regeling).",
        "Antwoord ja op vraag 4 (ondersteuning-nodig) leidt nu naar vraag 5 (passende-regeling), niet meer naar "
        "Overheidsmiddelen.",
        *(f"Vraag {n} ({w.vraag.id}) is nu vraag {n + 1}." for n, w in enumerate(lijst[2:8], start=5)),
    ]


def test_de_twee_weergaven_zeggen_hetzelfde(kompas10, gewijzigd):
    for naam, nieuw in gewijzigd.items():
        lijst = wijzigingen.tussen(kompas10, nieuw)
        woorden = beschrijving.in_woorden(lijst)
        rapport = verschilrapport.vergelijk(kompas10, nieuw).tekst
        for w in lijst:
            gewoon, opgemaakt = beschrijving.zin(w, beschrijving.GEWOON), beschrijving.zin(w, verschilrapport.MARKDOWN)
            assert (gewoon is None) == (opgemaakt is None), (naam, w)
            if gewoon is not None:
                assert opgemaakt is not None and _gelezen(opgemaakt) == gewoon, naam
                assert f"{gewoon}." in woorden, naam
            if isinstance(w, verschilrapport.VRAAGWIJZIGINGEN):
                assert f"- {opgemaakt}" in rapport, (naam, opgemaakt)
            if isinstance(w, Velden):  # shown field by field, under its file
                assert f"- `{w.bestand}`" in rapport, naam
                for rij in w.rijen:
                    assert f"  - {verschilrapport.code(rij.plek)}: " in rapport, (naam, rij.plek)
        assert len(woorden) == sum(beschrijving.zin(w, beschrijving.GEWOON) is not None for w in lijst), naam


def test_elke_soort_komt_voor(kompas10, gewijzigd):
    """Every kind of change occurs in the examples (so the test above covers its words); a new
    kind needs an example here."""
    gezien = {type(w) for nieuw in gewijzigd.values() for w in wijzigingen.tussen(kompas10, nieuw)}
    assert gezien == SOORTEN, SOORTEN - gezien


def test_elk_deel_van_de_betekenis_heeft_woorden():
    assert set(VORM_VELDEN) - {"id"} == set(beschrijving.VELD_NAMEN)
    assert set(wijzigingen.KOMPASTEKSTEN) == set(beschrijving.KOMPAS_TEKSTEN)


def test_de_uitleg_van_een_vraag_staat_in_het_rapport(kompas10, gewijzigd):
    """The site's explanation of a question is no part of the meaning: no words for the version,
    but the report shows it, like every other field."""
    lijst = wijzigingen.tussen(kompas10, gewijzigd["uitleg van een vraag"])
    assert lijst == (
        Velden(
            "kompas.yaml",
            (
                Anders(
                    ("vraag 3 (inhoud-overlaten)", "uitleg"),
                    None,
                    "Mag de Utrechter zelf alles beslissen binnen de kaders?",
                ),
            ),
        ),
    )
    assert beschrijving.in_woorden(lijst) == []
    rapport = verschilrapport.vergelijk(kompas10, gewijzigd["uitleg van een vraag"]).tekst
    assert "`vraag 3 (inhoud-overlaten) › uitleg`: (leeg) → **Mag de Utrechter" in rapport


def test_een_vorm_en_de_teksten_in_woorden(kompas10, gewijzigd):
    """A vorm's changed fields in one sentence, naming only those of its meaning (an example is
    none); the kompas' texts at every outcome one sentence each."""
    lijst = wijzigingen.tussen(kompas10, gewijzigd["teksten en een vorm"])
    (peilen,) = [w for w in lijst if isinstance(w, VormAnders) and w.titel == "Breed peilen"]
    assert peilen.betekenis == ("titel", "zeggenschap")
    assert [rij.pad[-1] for rij in peilen.rijen] == ["titel", "zeggenschap"]
    (voorbeeld,) = [w for w in lijst if isinstance(w, VormAnders) and w.titel == "Overheidsmiddelen"]
    assert voorbeeld.betekenis == () and voorbeeld.rijen == (
        Erbij(("vorm 'overheidsmiddelen'", "voorbeelden"), "Moestuin"),
    )
    assert beschrijving.in_woorden(lijst) == [
        "De zin over eigenaarschap is anders.",
        "De kanttekeningen bij elke uitkomst zijn anders.",
        "Bij vorm Breed peilen zijn de naam en de mate van zeggenschap anders.",
    ]
