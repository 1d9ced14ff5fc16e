"""The kompas data as typed records: one dataclass per thing the policy note describes.

The loader (`loader.py`) builds these from the YAML in `kompas_data/` and rejects anything
that does not fit the type hints below, so the hints *are* the data format. The JSON Schema
(`uitvoer/json_schema.py`, published as /kompas.schema.json) and the field documentation on the page
"Voor ontwikkelaars" are generated from these classes and the `uitleg` of each field, so
the three cannot drift apart. Each YAML file has one top-level record (see BESTANDEN).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional


def veld(uitleg: str, **kwargs: Any) -> Any:
    """A field with its explanation for data editors (shown in the schema and on the site)."""
    return field(metadata={"uitleg": uitleg}, **kwargs)


ID = "Vaste naam: kleine letters, cijfers en koppeltekens. Ook het stukje URL; verandert niet."


@dataclass(frozen=True)
class Doel:
    """Waar een antwoord heen leidt: precies één van `vraag` (de volgende vraag) of `vorm` (de uitkomst)."""

    vraag: Optional[str] = veld("De id van de volgende vraag.", default=None)
    vorm: Optional[str] = veld("De id van de vorm waar het kompas uitkomt.", default=None)


@dataclass(frozen=True)
class Vraag:
    """Een vraag van het kompas."""

    id: str = veld(ID)
    tekst: str = veld("De vraag, in de woorden van de nota.")
    ja: Doel = veld("Waar het antwoord ja heen leidt.")
    nee: Doel = veld("Waar het antwoord nee heen leidt.")


@dataclass(frozen=True)
class Richting:
    """Een richting waarin het kompas stuurt, naar meer zeggenschap voor Utrechters."""

    id: str = veld(ID)
    naam: str = veld("De richting in een paar woorden, zoals 'Meer eigenaarschap'.")
    naar: list[str] = veld("De ids van de vormen waar het kompas in deze richting naartoe stuurt.")


@dataclass(frozen=True)
class Koers:
    """De koers van het kompas: van welke vorm weg, en in welke richtingen (nota, deel B)."""

    minder_vaak: str = veld("De id van de vorm die de gemeente minder vaak gaat inzetten.")
    richtingen: list[Richting] = veld("De richtingen waarin het kompas stuurt.")


@dataclass(frozen=True)
class Kompas:
    """Het kompas als beslisgraaf (kompas.yaml)."""

    versie: str = veld('De versie van het kompas, zoals "1.0". Nieuw bij elke inhoudelijke wijziging.')
    start: str = veld("De id van de eerste vraag.")
    vragen: list[Vraag] = veld("Alle vragen van het kompas.")
    toelichting: str = veld("De tekst naast het kompas in de nota: waar het kompas voor is en waar je hulp krijgt.")
    motto: str = veld("De zin over eigenaarschap naast het kompas.")
    kanttekeningen: list[str] = veld("Wat bij elke uitkomst hoort: opnieuw beginnen per fase, inspraak blijft.")
    in_het_kort: str = veld("Samenvatting van de pagina over het kompas in gewone taal (B1), geen tekst uit de nota.")
    koers: Koers = veld("De twee richtingen waarin het kompas stuurt; getekend in de schaal van zeggenschap.")


@dataclass(frozen=True)
class Schaal:
    """A scale of whole numbers, with a word for each end and who is at each end."""

    laagste: int
    hoogste: int
    laag: str          # the word for the lowest step
    hoog: str          # the word for the highest step
    laag_einde: str    # who has the say at the lowest end
    hoog_einde: str    # who has the say at the highest end

    @property
    def stappen(self) -> range:
        return range(self.laagste, self.hoogste + 1)

    @property
    def uitleg(self) -> str:
        """ "0 (geen) tot 4 (volledig)" """
        return f"{self.laagste} ({self.laag}) tot {self.hoogste} ({self.hoog})"


# The zeggenschap of Utrechters in a vorm, as the note draws it: from "Gemeente aan zet" to
# "Utrechter aan zet". The one definition: the loader, the JSON Schema, the pages, the chart
# and the stylesheet (a step per number) follow it.
ZEGGENSCHAP = Schaal(0, 4, "geen", "volledig", "Gemeente aan zet", "Utrechter aan zet")


@dataclass(frozen=True)
class Vorm:
    """Een vorm waar het kompas op uitkomt."""

    id: str = veld(ID)
    titel: str = veld("De naam van de vorm.")
    samenwerkingsvorm: bool = veld("false voor Utrechter aan zet en Gemeente aan zet: daar is geen samenwerking.")
    wat_is_het: str = veld("Wat is het.")
    zeggenschap: str = veld("Mate van zeggenschap voor Utrechters, in woorden.")
    zeggenschap_schaal: int = veld(f"Dezelfde mate op een schaal van {ZEGGENSCHAP.uitleg}.")
    eigenaar: str = veld("Wie eigenaar is: Utrechters, de gemeente of beide.")
    wanneer_geschikt: str = veld("Wanneer is dit een geschikte vorm.")
    voorbeelden: list[str] = veld("Inhoudelijke voorbeelden.")
    instrumenten: list[str] = veld("Voorbeelden van middelen of instrumenten (mag leeg zijn).")
    principes: list[str] = veld("De ids van de leidende principes die bij deze vorm het meest vragen (mag leeg zijn).")
    in_het_kort: str = veld("Samenvatting in gewone taal (B1): korte zinnen, gewone woorden. Geen tekst uit de nota.")


@dataclass(frozen=True)
class VormenBestand:
    """De vormen van het kompas (vormen.yaml), van veel naar geen zeggenschap."""

    vormen: list[Vorm] = veld("Alle vormen, in de volgorde van de nota.")


@dataclass(frozen=True)
class Citaat:
    """Een citaat dat de nota bij een principe afdrukt."""

    tekst: str = veld("Het citaat, zonder aanhalingstekens.")
    spreker: Optional[str] = veld("Wie het zei, als de nota dat noemt.", default=None)


@dataclass(frozen=True)
class Onderdeel:
    """Een tussenkop met eigen alinea's."""

    kop: str = veld("De tussenkop.")
    alineas: list[str] = veld("De alinea's onder de tussenkop.")


@dataclass(frozen=True)
class Principe:
    """Een leidend principe voor houding en gedrag."""

    id: str = veld(ID)
    titel: str = veld("De titel, zoals 'We tonen lef'.")
    alineas: list[str] = veld("De alinea's van het principe, in volgorde.")
    citaten: list[Citaat] = veld("De citaten bij het principe (mag leeg zijn).")
    in_het_kort: str = veld("Samenvatting in gewone taal (B1): korte zinnen, gewone woorden. Geen tekst uit de nota.")
    onderdelen: list[Onderdeel] = veld("Tussenkoppen met eigen alinea's (mag ontbreken).", default_factory=list)


@dataclass(frozen=True)
class PrincipesBestand:
    """De zes leidende principes (principes.yaml)."""

    principes: list[Principe] = veld("Alle principes, in de volgorde van de nota.")


@dataclass(frozen=True)
class Doelstelling:
    """Een meetbare doelstelling."""

    id: str = veld(ID)
    nummer: str = veld('Het nummer in de nota, als tekst: "1".')
    soort: str = veld("Resultaat of Proces.")
    tekst: str = veld("De doelstelling.")
    onderdelen: list[str] = veld("De onderdelen van de doelstelling (mag leeg zijn).")


@dataclass(frozen=True)
class DoelstellingenBestand:
    """De doelstellingen (doelstellingen.yaml)."""

    doelstellingen: list[Doelstelling] = veld("Alle doelstellingen.")


@dataclass(frozen=True)
class Meting:
    """Een meting of streefwaarde; zonder waarde is die nog niet bekend (in de nota een sterretje)."""

    jaar: int = veld("Het jaar van de meting.")
    waarde: Optional[str] = veld('De waarde als tekst, zoals "54%" of "5,9".', default=None)
    voetnoot: Optional[str] = veld("De id van een voetnoot in indicatoren.yaml.", default=None)


# The names of an indicator's three measurements, as the note's table heads them.
METING_NAMEN = ("0-meting", "Vervolgmeting 1", "Vervolgmeting 2")


@dataclass(frozen=True)
class Indicator:
    """Een effect-indicator."""

    id: str = veld(ID)
    indicator: str = veld("Wat er gemeten wordt.")
    nieuw: bool = veld("true: nieuwe indicator, nog zonder nulmeting en streefwaarden.")
    evaluatie: str = veld('Het jaar van de evaluatie, als tekst: "2026".')
    thema: Optional[str] = veld("Het thema in de tabel, zoals 'Vertrouwen'.", default=None)
    principe: Optional[str] = veld("De id van het principe waar de indicator bij hoort.", default=None)
    bron: Optional[str] = veld("Waar de meting vandaan komt.", default=None)
    nulmeting: Optional[Meting] = veld("De nulmeting.", default=None)
    vervolgmeting_1: Optional[Meting] = veld("De eerste vervolgmeting (streefwaarde).", default=None)
    vervolgmeting_2: Optional[Meting] = veld("De tweede vervolgmeting (streefwaarde).", default=None)
    volgen_via_begroting: bool = veld("true: de indicator wordt ook via de begroting gevolgd.", default=False)

    @property
    def metingen(self) -> list[Optional[Meting]]:
        """The three measurements in the order of METING_NAMEN."""
        return [self.nulmeting, self.vervolgmeting_1, self.vervolgmeting_2]


@dataclass(frozen=True)
class IndicatorGroep:
    """De indicatoren bij één doelstelling."""

    doelstelling: str = veld('Het nummer van de doelstelling, als tekst: "1a".')
    tekst: str = veld("De doelstelling zoals in de tabel.")
    indicatoren: list[Indicator] = veld("De indicatoren.")


@dataclass(frozen=True)
class Voetnoot:
    """Een voetnoot bij de tabel met indicatoren."""

    id: str = veld(ID)
    tekst: str = veld("De voetnoot.")


@dataclass(frozen=True)
class IndicatorenBestand:
    """De indicatoren (indicatoren.yaml)."""

    toelichting_nieuw: str = veld("Wat het sterretje bij een nieuwe indicator betekent.")
    voetnoten: list[Voetnoot] = veld("Voetnoten bij de tabel.")
    groepen: list[IndicatorGroep] = veld("De indicatoren per doelstelling.")

    @property
    def alle(self) -> list[Indicator]:
        """Every indicator, in the order of the table."""
        return [ind for groep in self.groepen for ind in groep.indicatoren]


@dataclass(frozen=True)
class Risico:
    """Een risico uit het overzicht."""

    id: str = veld(ID)
    omschrijving: str = veld("De risico-omschrijving.")
    toelichting: str = veld("De toelichting.")
    maatregelen: str = veld("De maatregelen.")


@dataclass(frozen=True)
class RisicosBestand:
    """De belangrijkste risico's (risicos.yaml)."""

    risicos: list[Risico] = veld("Alle risico's.")


@dataclass(frozen=True)
class Post:
    """Een regel van de begroting."""

    id: str = veld(ID)
    omschrijving: str = veld("De omschrijving van de post.")
    bedragen: list[int] = veld("Een bedrag in hele euro's per jaar, in de volgorde van `jaren`.")


@dataclass(frozen=True)
class Totaal:
    """Het totaal van de begroting, zoals de nota het noemt."""

    omschrijving: str = veld("De omschrijving van het totaal.")
    bedragen: list[int] = veld("Het totaal per jaar; moet de som van de posten zijn.")


@dataclass(frozen=True)
class Financien:
    """Het budget van het programma (financien.yaml)."""

    jaren: list[int] = veld("De jaren van de tabel, oplopend.")
    posten: list[Post] = veld("De posten.")
    totaal: Totaal = veld("Het totaal.")
    disclaimer: str = veld("De disclaimer bij het totaal.")


@dataclass(frozen=True)
class Ondersteuningsbudget:
    """Het ondersteuningsbudget voor wijkplatforms."""

    per_wijkplatform: int = veld("Het budget per wijkplatform in hele euro's.")
    totaal: int = veld("Het totale budget in hele euro's.")


@dataclass(frozen=True)
class Wijkplatforms:
    """Afspraken met de wijkplatforms (wijkplatforms.yaml)."""

    ondersteuningsbudget: Ondersteuningsbudget = veld("Het ondersteuningsbudget.")
    voorwaarden: list[str] = veld("De voorwaarden voor het ondersteuningsbudget, in volgorde.")


@dataclass(frozen=True)
class PadWijziging:
    """Een pad door het kompas dat in een versie een andere uitkomst kreeg."""

    antwoorden: str = veld('De antwoorden zoals in de URL van de kompaswijzer: "nee/ja/ja".')
    van: Optional[str] = veld("De vorm vóór de wijziging (leeg: een nieuw pad).", default=None)
    naar: Optional[str] = veld("De vorm na de wijziging (leeg: het pad bestaat niet meer).", default=None)


@dataclass(frozen=True)
class KompasVersie:
    """Een versie van het kompas."""

    versie: str = veld('De versie, zoals "1.1".')
    datum: str = veld('De dag waarop de versie is vastgelegd, als "2027-03-01".')
    samenvatting: str = veld("Wat deze versie is, in een paar zinnen.")
    wijzigingen: list[str] = veld("Wat er veranderde, in gewone woorden.")
    vingerafdruk: str = veld("De afdruk van de betekenis van het kompas; `make check` zegt de juiste waarde.")
    paden: list[PadWijziging] = veld("De paden die een andere uitkomst kregen (`make verschil`).",
                                     default_factory=list)


@dataclass(frozen=True)
class WijzigingenBestand:
    """De versies van het kompas (wijzigingen.yaml), de nieuwste bovenaan."""

    versies: list[KompasVersie] = veld("Alle versies, van nieuw naar oud.")


@dataclass(frozen=True)
class Nota:
    """De beleidsnota als geheel (nota.yaml)."""

    titel: str = veld("De titel van de nota.")
    in_het_kort: str = veld("Samenvatting van de nota voor de beginpagina, in gewone taal (B1).")


@dataclass(frozen=True)
class KompasData:
    """Everything in `kompas_data/`, loaded and checked."""

    kompas: Kompas
    vormen: list[Vorm]
    principes: list[Principe]
    doelstellingen: list[Doelstelling]
    indicatoren: IndicatorenBestand
    risicos: list[Risico]
    financien: Financien
    wijkplatforms: Wijkplatforms
    versies: list[KompasVersie]
    nota: Nota

    def vorm(self, vorm_id: str) -> Vorm:
        return next(v for v in self.vormen if v.id == vorm_id)

    def vraag(self, vraag_id: str) -> Vraag:
        return next(v for v in self.kompas.vragen if v.id == vraag_id)

    def principe(self, principe_id: str) -> Principe:
        return next(p for p in self.principes if p.id == principe_id)


# Which file holds which record; the loader reads exactly these files, nothing else.
BESTANDEN: dict[str, type] = {
    "kompas.yaml": Kompas,
    "vormen.yaml": VormenBestand,
    "principes.yaml": PrincipesBestand,
    "doelstellingen.yaml": DoelstellingenBestand,
    "indicatoren.yaml": IndicatorenBestand,
    "risicos.yaml": RisicosBestand,
    "financien.yaml": Financien,
    "wijkplatforms.yaml": Wijkplatforms,
    "wijzigingen.yaml": WijzigingenBestand,
    "nota.yaml": Nota,
}
