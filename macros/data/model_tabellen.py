"""The tables of the note as records: goals, indicators, risks, the budget and the
wijkplatforms (doelstellingen.yaml, indicatoren.yaml, risicos.yaml, financien.yaml,
wijkplatforms.yaml). Part of the model (`model.py`); the rules of each field are declared with
`veld` (see `velden.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Optional

from .velden import ALINEA, ID, NOTA, SITE, TITEL, ZIN, Tekstsoort, id_veld, veld

# A measured value as the note writes it: the charts draw it as a number.
MEETWAARDE = Tekstsoort(
    "meetwaarde", 10, r"\d+(?:,\d+)?%?", '"54%" of "5,9"', "een getal, met een komma en een %", vrije_tekst=False
)
JAARTAL = Tekstsoort(
    "jaartal", 4, r"\d{4}", '"2026"', "vier cijfers, tussen aanhalingstekens", vrije_tekst=False, het=True
)


@dataclass(frozen=True)
class Doelstelling:
    """Een meetbare doelstelling."""

    BRON: ClassVar[str] = NOTA
    id: str = id_veld()
    nummer: str = veld('Het nummer in de nota, als tekst: "1".', TITEL)
    soort: str = veld("Resultaat of Proces.", TITEL)
    tekst: str = veld("De doelstelling.", ALINEA)
    onderdelen: list[str] = veld("De onderdelen van de doelstelling (mag leeg zijn).", ZIN)


@dataclass(frozen=True)
class DoelstellingenBestand:
    """De doelstellingen (doelstellingen.yaml)."""

    BRON: ClassVar[str] = NOTA
    doelstellingen: list[Doelstelling] = veld("Alle doelstellingen.")


@dataclass(frozen=True)
class Meting:
    """Een meting of streefwaarde; zonder waarde is die nog niet bekend (in de nota een sterretje)."""

    BRON: ClassVar[str] = NOTA
    jaar: int = veld("Het jaar van de meting.", minimum=1900, maximum=2100)
    waarde: Optional[str] = veld('De waarde als tekst, zoals "54%" of "5,9".', MEETWAARDE, default=None)
    voetnoot: Optional[str] = veld("De id van een voetnoot in indicatoren.yaml.", ID, default=None)


# The names of an indicator's three measurements, as the note's table heads them.
METING_NAMEN = ("0-meting", "Vervolgmeting 1", "Vervolgmeting 2")
# The fields of an indicator that hold them, in the same order.
METING_VELDEN = ("nulmeting", "vervolgmeting_1", "vervolgmeting_2")


@dataclass(frozen=True)
class Indicator:
    """Een effect-indicator."""

    BRON: ClassVar[str] = NOTA
    id: str = id_veld()
    indicator: str = veld("Wat er gemeten wordt.", ZIN)
    nieuw: bool = veld("true: nieuwe indicator, nog zonder nulmeting en streefwaarden.")
    evaluatie: str = veld('Het jaar van de evaluatie, als tekst: "2026".', JAARTAL)
    thema: Optional[str] = veld("Het thema in de tabel, zoals 'Vertrouwen'.", TITEL, default=None)
    # The note's table names a theme, not a principe: the link to a principe is the site's.
    principe: Optional[str] = veld("De id van het principe waar de indicator bij hoort.", ID, bron=SITE, default=None)
    bron: Optional[str] = veld("Waar de meting vandaan komt.", TITEL, default=None)
    nulmeting: Optional[Meting] = veld("De nulmeting.", default=None)
    vervolgmeting_1: Optional[Meting] = veld("De eerste vervolgmeting (streefwaarde).", default=None)
    vervolgmeting_2: Optional[Meting] = veld("De tweede vervolgmeting (streefwaarde).", default=None)
    volgen_via_begroting: bool = veld("true: de indicator wordt ook via de begroting gevolgd.", default=False)

    @property
    def metingen(self) -> list[Optional[Meting]]:
        """The three measurements in the order of METING_NAMEN."""
        return [getattr(self, veld) for veld in METING_VELDEN]


@dataclass(frozen=True)
class IndicatorGroep:
    """De indicatoren bij één doelstelling."""

    BRON: ClassVar[str] = NOTA
    doelstelling: str = veld('Het nummer van de doelstelling, als tekst: "1a".', TITEL)
    tekst: str = veld("De doelstelling zoals in de tabel.", ZIN)
    indicatoren: list[Indicator] = veld("De indicatoren.")


@dataclass(frozen=True)
class Voetnoot:
    """Een voetnoot bij de tabel met indicatoren."""

    BRON: ClassVar[str] = NOTA
    id: str = id_veld()
    tekst: str = veld("De voetnoot.", ALINEA)


@dataclass(frozen=True)
class IndicatorenBestand:
    """De indicatoren (indicatoren.yaml)."""

    BRON: ClassVar[str] = NOTA
    toelichting_nieuw: str = veld(
        "Wat het sterretje bij een nieuwe indicator betekent.", ZIN, naam="uitleg bij het sterretje"
    )
    voetnoten: list[Voetnoot] = veld("Voetnoten bij de tabel.")
    groepen: list[IndicatorGroep] = veld("De indicatoren per doelstelling.")

    @property
    def alle(self) -> list[Indicator]:
        """Every indicator, in the order of the table."""
        return [ind for groep in self.groepen for ind in groep.indicatoren]


@dataclass(frozen=True)
class Risico:
    """Een risico uit het overzicht."""

    BRON: ClassVar[str] = NOTA
    id: str = id_veld()
    omschrijving: str = veld("De risico-omschrijving.", ZIN)
    toelichting: str = veld("De toelichting.", ALINEA)
    maatregelen: str = veld("De maatregelen.", ALINEA)
    # The note promises to say, where the kompas is used, that it is not yet waterdicht and
    # asks begeleiding (Risico's). The kompaswijzer quotes this risk's maatregelen, the note's
    # own words, at every outcome; the words live here once.
    bij_de_kompaswijzer: bool = veld(
        "true: de kompaswijzer citeert de maatregelen van dit risico bij elke uitkomst.", bron=SITE, default=False
    )


@dataclass(frozen=True)
class RisicosBestand:
    """De belangrijkste risico's (risicos.yaml)."""

    BRON: ClassVar[str] = NOTA
    risicos: list[Risico] = veld("Alle risico's.")


@dataclass(frozen=True)
class Post:
    """Een regel van de begroting."""

    BRON: ClassVar[str] = NOTA
    id: str = id_veld()
    omschrijving: str = veld("De omschrijving van de post.", ZIN)
    bedragen: list[int] = veld("Een bedrag in hele euro's per jaar, in de volgorde van `jaren`.", minimum=0)


@dataclass(frozen=True)
class Totaal:
    """Het totaal van de begroting, zoals de nota het noemt."""

    BRON: ClassVar[str] = NOTA
    omschrijving: str = veld("De omschrijving van het totaal.", ZIN)
    bedragen: list[int] = veld("Het totaal per jaar; moet de som van de posten zijn.", minimum=0)


@dataclass(frozen=True)
class Financien:
    """Het budget van het programma (financien.yaml)."""

    BRON: ClassVar[str] = NOTA
    jaren: list[int] = veld("De jaren van de tabel, oplopend.", minimum=1900, maximum=2100)
    posten: list[Post] = veld("De posten.")
    totaal: Totaal = veld("Het totaal.")
    disclaimer: str = veld("De disclaimer bij het totaal.", ALINEA)


@dataclass(frozen=True)
class Ondersteuningsbudget:
    """Het ondersteuningsbudget voor wijkplatforms."""

    BRON: ClassVar[str] = NOTA
    per_wijkplatform: int = veld("Het budget per wijkplatform in hele euro's.", minimum=1)
    totaal: int = veld("Het totale budget in hele euro's.", minimum=1)


@dataclass(frozen=True)
class Wijkplatforms:
    """Afspraken met de wijkplatforms (wijkplatforms.yaml)."""

    BRON: ClassVar[str] = NOTA
    ondersteuningsbudget: Ondersteuningsbudget = veld("Het ondersteuningsbudget.")
    voorwaarden: list[str] = veld("De voorwaarden voor het ondersteuningsbudget, in volgorde.", ALINEA)
