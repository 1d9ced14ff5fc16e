"""The kompas data as typed records: one dataclass per thing the policy note describes.

The loader (`loader.py`) builds these from the YAML in `kompas_data/` and rejects anything
that does not fit the type hints below, so the hints *are* the data format. The JSON Schema
(`uitvoer/json_schema.py`, published as /kompas.schema.json) and the field documentation on the page
"Voor ontwikkelaars" are generated from these classes and the `uitleg` of each field, so
the three cannot drift apart. Each YAML file has one top-level record (see BESTANDEN).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Optional, Union

# The tables live in their own module; imported here so `model` names every record.
from .model_tabellen import (  # noqa: F401
    JAARTAL,
    MEETWAARDE,
    METING_NAMEN,
    METING_VELDEN,
    Doelstelling,
    DoelstellingenBestand,
    Financien,
    Indicator,
    IndicatorenBestand,
    IndicatorGroep,
    Meting,
    Ondersteuningsbudget,
    Post,
    Risico,
    RisicosBestand,
    Totaal,
    Voetnoot,
    Wijkplatforms,
)
from .velden import (
    ALINEA,
    DATUM,
    ID,
    KOMPASTEAM,
    NOTA,
    SAMENVATTING,
    SITE,
    TITEL,
    VERSIE,
    VINGERAFDRUK,
    VRAAG,
    ZIN,
    Keuze,
    Tekstsoort,
    id_veld,
    veld,
)

# The answers of a route as in the kompaswijzer's address: "nee/ja/ja".
ANTWOORDEN = Tekstsoort(
    "antwoorden", 400, r"(ja|nee)(/(ja|nee))*", '"nee/ja/ja"', "ja en nee met / ertussen", vrije_tekst=False
)
ANTWOORD = Tekstsoort("antwoord", 3, r"ja|nee", "ja", "ja of nee", vrije_tekst=False, het=True)
# How far the site's reading of the flowchart is (Lezing): a word, not free text.
VOORLOPIG, VASTGESTELD = "voorlopig", "vastgesteld"
LEZING_STATUS = Tekstsoort(
    "status", 11, f"{VOORLOPIG}|{VASTGESTELD}", VOORLOPIG, f"{VOORLOPIG} of {VASTGESTELD}", vrije_tekst=False
)


@dataclass(frozen=True)
class NaarVraag:
    """Een antwoord dat naar de volgende vraag leidt."""

    # The flowchart's arrows are not in the note's text: where an answer leads is our reading.
    BRON: ClassVar[str] = SITE
    vraag: str = veld("De id van de volgende vraag.", ID)


@dataclass(frozen=True)
class NaarVorm:
    """Een antwoord waarmee het kompas bij een vorm uitkomt."""

    BRON: ClassVar[str] = SITE
    vorm: str = veld("De id van de vorm waar het kompas uitkomt.", ID)


# Where an answer leads: the next question or a vorm, never both and never neither. Two records
# and their union rather than one record with two optional fields, so whoever follows an answer
# handles both cases (mypy checks it) and cannot read a field the answer does not have. In the
# YAML the key says which one it is: {vraag: <id>} or {vorm: <id>}.
Doel = Union[NaarVraag, NaarVorm]

# Every union of records in the model, with what the reader and the JSON Schema call it.
KEUZES: dict[object, Keuze] = {
    Doel: Keuze(
        "Doel",
        "Waar een antwoord heen leidt: precies één van `vraag` (de volgende vraag) of `vorm` (de uitkomst).",
        "een antwoord moet naar precies één plek wijzen",
    ),
}


@dataclass(frozen=True)
class Vraag:
    """Een vraag van het kompas."""

    BRON: ClassVar[str] = NOTA
    id: str = id_veld()
    tekst: str = veld("De vraag, in de woorden van de nota.", VRAAG)
    ja: Doel = veld("Waar het antwoord ja heen leidt.", bron=SITE)
    nee: Doel = veld("Waar het antwoord nee heen leidt.", bron=SITE)
    uitleg: Optional[str] = veld(
        "Korte uitleg van de vraag in gewone taal (B1) voor de kompaswijzer, geen tekst uit de nota (mag ontbreken).",
        SAMENVATTING,
        bron=SITE,
        default=None,
    )
    voorbeeld: Optional[str] = veld(
        "Een voorbeeld bij de uitleg, in gewone taal (B1), geen tekst uit de nota (mag ontbreken).",
        ZIN,
        bron=SITE,
        default=None,
    )


@dataclass(frozen=True)
class Richting:
    """Een richting waarin het kompas stuurt, naar meer zeggenschap voor Utrechters."""

    BRON: ClassVar[str] = NOTA
    id: str = id_veld()
    naam: str = veld("De richting in een paar woorden, zoals 'Meer eigenaarschap'.", TITEL)
    naar: list[str] = veld("De ids van de vormen waar het kompas in deze richting naartoe stuurt.", ID)


@dataclass(frozen=True)
class Koers:
    """De koers van het kompas: van welke vorm weg, en in welke richtingen (nota, deel B)."""

    BRON: ClassVar[str] = NOTA
    minder_vaak: str = veld("De id van de vorm die de gemeente minder vaak gaat inzetten.", ID)
    richtingen: list[Richting] = veld("De richtingen waarin het kompas stuurt.")


@dataclass(frozen=True)
class Lezing:
    """Hoe ver de lezing van het stroomschema is. De tekst van de nota heeft de vragen van het
    stroomschema, niet de pijlen ertussen: waar elk antwoord heen leidt, is de lezing van deze
    site (BIJDRAGEN.md, De lezing van het stroomschema). Zolang die voorlopig is, zegt de
    kompaswijzer dat bij het begin en bij elke uitkomst; stelt het kompasteam haar vast, dan
    noemt hij wie en wanneer."""

    # Not the note's: the note has no arrows, and whether our reading holds is the kompasteam's call.
    BRON: ClassVar[str] = KOMPASTEAM
    status: str = veld(
        f"{VOORLOPIG} (de lezing van de site, nog niet vastgesteld) of {VASTGESTELD} (door het kompasteam).",
        LEZING_STATUS,
        default=VOORLOPIG,
    )
    datum: Optional[str] = veld(
        f'Alleen bij {VASTGESTELD}: de dag waarop de lezing is vastgesteld, als "2027-03-01".', DATUM, default=None
    )
    door: Optional[str] = veld(
        f"Alleen bij {VASTGESTELD}: wie de lezing vaststelde, zoals 'het kompasteam'.", TITEL, default=None
    )

    @property
    def vastgesteld(self) -> bool:
        return self.status == VASTGESTELD


@dataclass(frozen=True)
class Kompas:
    """Het kompas als beslisgraaf (kompas.yaml)."""

    BRON: ClassVar[str] = NOTA
    versie: str = veld(
        'De versie van het kompas, zoals "1.0". Nieuw bij elke inhoudelijke wijziging.', VERSIE, bron=KOMPASTEAM
    )
    start: str = veld("De id van de eerste vraag.", ID, bron=SITE)
    vragen: list[Vraag] = veld("Alle vragen van het kompas.")
    toelichting: str = veld(
        "De tekst naast het kompas in de nota: waar het kompas voor is en waar je hulp krijgt.", ALINEA
    )
    motto: str = veld("De zin over eigenaarschap naast het kompas.", ZIN)
    kanttekeningen: list[str] = veld("Wat bij elke uitkomst hoort: opnieuw beginnen per fase, inspraak blijft.", ALINEA)
    in_het_kort: str = veld(
        "Samenvatting van de pagina over het kompas in gewone taal (B1), geen tekst uit de nota.",
        SAMENVATTING,
        bron=SITE,
    )
    koers: Koers = veld("De twee richtingen waarin het kompas stuurt; getekend in de schaal van zeggenschap.")
    # Optional, so the note as adopted (nota_vastgesteld/) and older data sets load as they are:
    # without it, the reading is voorlopig.
    lezing: Lezing = veld(
        "Of de lezing van het stroomschema (waar elk antwoord heen leidt) voorlopig is of vastgesteld "
        f"(mag ontbreken: dan {VOORLOPIG}).",
        bron=KOMPASTEAM,
        default_factory=Lezing,
    )


@dataclass(frozen=True)
class Schaal:
    """A scale of whole numbers, with a word for each end and who is at each end."""

    laagste: int
    hoogste: int
    laag: str  # the word for the lowest step
    hoog: str  # the word for the highest step
    laag_einde: str  # who has the say at the lowest end
    hoog_einde: str  # who has the say at the highest end

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


# What a vorm means, said once: an archived version keeps exactly these fields per vorm
# (betekenis.py, versie.archief_yaml), and a vorm in vormen.yaml has them too (`Vorm`, below),
# with its examples and what the site says about it.
@dataclass(frozen=True)
class ArchiefVorm:
    """Wat een vorm betekent: de velden waar een uitkomst van het kompas op rust."""

    BRON: ClassVar[str] = NOTA
    id: str = id_veld()
    titel: str = veld("De naam van de vorm.", TITEL)
    # The note says it in words ("spreken we niet van samenwerking"); the yes/no is our reading.
    samenwerkingsvorm: bool = veld(
        "false voor Utrechter aan zet en Gemeente aan zet: daar is geen samenwerking.", bron=SITE
    )
    wat_is_het: str = veld("Wat is het.", ALINEA)
    zeggenschap: str = veld("Mate van zeggenschap voor Utrechters, in woorden.", ZIN)
    zeggenschap_schaal: int = veld(
        f"Dezelfde mate op een schaal van {ZEGGENSCHAP.uitleg}.",
        minimum=ZEGGENSCHAP.laagste,
        maximum=ZEGGENSCHAP.hoogste,
        bron=SITE,
    )
    eigenaar: str = veld("Wie eigenaar is: Utrechters, de gemeente of beide.", ZIN, bron=SITE)
    wanneer_geschikt: str = veld("Wanneer is dit een geschikte vorm.", ALINEA)


@dataclass(frozen=True)
class Vorm(ArchiefVorm):
    """Een vorm waar het kompas op uitkomt."""

    BRON: ClassVar[str] = NOTA
    voorbeelden: list[str] = veld("Inhoudelijke voorbeelden.", ZIN)
    instrumenten: list[str] = veld("Voorbeelden van middelen of instrumenten (mag leeg zijn).", ZIN)
    # The note ranks no principle per vorm: a list here is the site's.
    principes: list[str] = veld(
        "De ids van de leidende principes die bij deze vorm het meest vragen (mag leeg zijn).", ID, bron=SITE
    )
    in_het_kort: str = veld(
        "Samenvatting in gewone taal (B1): korte zinnen, gewone woorden. Geen tekst uit de nota.",
        SAMENVATTING,
        bron=SITE,
    )
    instrumenten_kop: Optional[str] = veld(
        "De kop boven de instrumenten zoals de nota hem bij deze vorm schrijft; zonder: "
        "'Voorbeelden van middelen of instrumenten'.",
        TITEL,
        naam="kop boven de instrumenten",
        default=None,
    )
    voorbeelden_zin: Optional[str] = veld(
        "De voorbeelden als de zin van de nota, waar een lijst die zin zou veranderen "
        "('Publieksdienstverlening zoals handhaving, …'); zonder: de voorbeelden met komma's.",
        ZIN,
        naam="voorbeelden (als zin)",
        default=None,
    )


@dataclass(frozen=True)
class VormenBestand:
    """De vormen van het kompas (vormen.yaml), van veel naar geen zeggenschap."""

    BRON: ClassVar[str] = NOTA
    vormen: list[Vorm] = veld("Alle vormen, in de volgorde van de nota.")


@dataclass(frozen=True)
class Citaat:
    """Een citaat dat de nota bij een principe afdrukt."""

    BRON: ClassVar[str] = NOTA
    tekst: str = veld("Het citaat, zonder aanhalingstekens.", ALINEA)
    spreker: Optional[str] = veld("Wie het zei, als de nota dat noemt.", TITEL, default=None)
    na_alinea: Optional[int] = veld(
        "Na welke alinea van het principe de nota het citaat afdrukt (1: na de eerste); zonder: na de laatste.",
        minimum=1,
        bron=SITE,
        default=None,
    )


@dataclass(frozen=True)
class Onderdeel:
    """Een tussenkop met eigen alinea's."""

    BRON: ClassVar[str] = NOTA
    kop: str = veld("De tussenkop.", TITEL)
    alineas: list[str] = veld("De alinea's onder de tussenkop.", ALINEA)


@dataclass(frozen=True)
class Principe:
    """Een leidend principe voor houding en gedrag."""

    BRON: ClassVar[str] = NOTA
    id: str = id_veld()
    titel: str = veld("De titel, zoals 'We tonen lef'.", TITEL)
    alineas: list[str] = veld("De alinea's van het principe, in volgorde.", ALINEA)
    citaten: list[Citaat] = veld("De citaten bij het principe (mag leeg zijn).")
    in_het_kort: str = veld(
        "Samenvatting in gewone taal (B1): korte zinnen, gewone woorden. Geen tekst uit de nota.",
        SAMENVATTING,
        bron=SITE,
    )
    onderdelen: list[Onderdeel] = veld("Tussenkoppen met eigen alinea's (mag ontbreken).", default_factory=list)
    figuur_titel: Optional[str] = veld(
        "Hoe de figuur van de nota met de zes principes het principe noemt, als dat anders is dan de titel.",
        TITEL,
        naam="naam in de figuur met de zes principes",
        default=None,
    )


@dataclass(frozen=True)
class PrincipesBestand:
    """De zes leidende principes (principes.yaml)."""

    BRON: ClassVar[str] = NOTA
    principes: list[Principe] = veld("Alle principes, in de volgorde van de nota.")


@dataclass(frozen=True)
class PadWijziging:
    """Een pad door het kompas dat in een versie een andere uitkomst kreeg."""

    BRON: ClassVar[str] = KOMPASTEAM
    antwoorden: str = veld('De antwoorden zoals in de URL van de kompaswijzer: "nee/ja/ja".', ANTWOORDEN)
    van: Optional[str] = veld("De vorm vóór de wijziging (leeg: een nieuw pad).", ID, default=None)
    naar: Optional[str] = veld("De vorm na de wijziging (leeg: het pad bestaat niet meer).", ID, default=None)


@dataclass(frozen=True)
class KompasVersie:
    """Een versie van het kompas."""

    BRON: ClassVar[str] = KOMPASTEAM
    versie: str = veld('De versie, zoals "1.1".', VERSIE)
    datum: str = veld('De dag waarop de versie is vastgelegd, als "2027-03-01".', DATUM)
    samenvatting: str = veld("Wat deze versie is, in een paar zinnen.", ALINEA)
    wijzigingen: list[str] = veld("Wat er veranderde, in gewone woorden.", ZIN)
    vingerafdruk: str = veld(
        "De afdruk van de betekenis van het kompas; `make check` zegt de juiste waarde.", VINGERAFDRUK
    )
    paden: list[PadWijziging] = veld("De paden die een andere uitkomst kregen (`make verschil`).", default_factory=list)


@dataclass(frozen=True)
class WijzigingenBestand:
    """De versies van het kompas (wijzigingen.yaml), de nieuwste bovenaan."""

    BRON: ClassVar[str] = KOMPASTEAM
    versies: list[KompasVersie] = veld("Alle versies, van nieuw naar oud.")


@dataclass(frozen=True)
class Scenario:
    """Een situatie die de nota als voorbeeld noemt, met de vorm waar het kompas op moet uitkomen.
    Het kompasteam beheert ze: een wijziging van het kompas die een scenario breekt, valt op."""

    BRON: ClassVar[str] = KOMPASTEAM
    naam: str = veld("Korte naam van de situatie, zoals 'Buurtfeest'.", TITEL)
    situatie: str = veld("De situatie in een of twee zinnen: wie wil wat?", ZIN)
    antwoorden: dict[str, str] = veld("Per vraag (de id uit kompas.yaml) het antwoord: ja of nee.", ANTWOORD)
    verwacht: str = veld("De id van de vorm waar het kompas op moet uitkomen.", ID)
    bron: str = veld("De passage in de nota die deze uitkomst onderbouwt, met waar die staat.", ALINEA)
    # The examples under the questions are the site's words, but each must lead where the note
    # puts that situation: the scenario that tells it says so here, so the check is by id.
    voorbeeld_van: Optional[str] = veld(
        "De id van de vraag in kompas.yaml waarvan dit scenario het voorbeeld is (mag ontbreken). "
        "Het scenario loopt dan langs die vraag. Elk voorbeeld onder een vraag heeft zo'n scenario.",
        ID,
        default=None,
    )


@dataclass(frozen=True)
class ScenariosBestand:
    """De scenario's van het kompasteam (scenarios.yaml)."""

    BRON: ClassVar[str] = KOMPASTEAM
    scenarios: list[Scenario] = veld("Alle scenario's.")


# --- The meaning of a version, as archived ----------------------------------------------------
# What the advice of a version depends on: the questions and their routes, what each vorm
# means, and the texts every outcome shows. Its fingerprint is recorded per version; earlier
# versions are kept in kompas_data/archief/ so their advice stays verifiable.


@dataclass(frozen=True)
class ArchiefVraag:
    """Een vraag zoals die in een versie gold."""

    BRON: ClassVar[str] = NOTA
    id: str = id_veld()
    tekst: str = veld("De vraag.", VRAAG)
    ja: Doel = veld("Waar het antwoord ja heen leidde.", bron=SITE)
    nee: Doel = veld("Waar het antwoord nee heen leidde.", bron=SITE)


@dataclass(frozen=True)
class ArchiefVersie:
    """De betekenis van een versie van het kompas (kompas_data/archief/<versie>.yaml). Gemaakt
    door `make versie` toen een nieuwere versie kwam; nooit met de hand bewerken."""

    BRON: ClassVar[str] = NOTA
    versie: str = veld("De versie.", VERSIE, bron=KOMPASTEAM)
    start: str = veld("De id van de eerste vraag.", ID, bron=SITE)
    vragen: list[ArchiefVraag] = veld("De vragen, in de volgorde (en dus de nummers) van die versie.")
    vormen: list[ArchiefVorm] = veld("De vormen.")
    toelichting: str = veld("De tekst naast het kompas.", ALINEA)
    motto: str = veld("De zin over eigenaarschap.", ZIN)
    kanttekeningen: list[str] = veld("Wat bij elke uitkomst hoorde.", ALINEA)


@dataclass(frozen=True)
class Nota:
    """De beleidsnota als geheel (nota.yaml)."""

    BRON: ClassVar[str] = NOTA
    titel: str = veld("De titel van de nota.", TITEL)
    in_het_kort: str = veld(
        "Samenvatting van de nota voor de beginpagina, in gewone taal (B1).", SAMENVATTING, bron=SITE
    )
    # The note ranks no principle per vorm: these two sentences of deel B.1 are its own words on
    # where the principles apply. They live here once; the principes page and every vorm show them.
    principes_toepassing: Optional[str] = veld(
        "De zin van de nota (deel B.1) over waar de leidende principes gelden.",
        ALINEA,
        naam="zin over waar de principes gelden",
        default=None,
    )
    principes_voetnoot: Optional[str] = veld(
        "De voetnoot van de nota (deel B.1) over waar de principes niet op gericht zijn.",
        ALINEA,
        naam="voetnoot over de principes",
        default=None,
    )


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
    scenarios: list[Scenario]
    archief: list[ArchiefVersie]  # earlier versions, newest first

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
    "scenarios.yaml": ScenariosBestand,
}
# Earlier versions, one file each, named after the version: archief/1.0.yaml.
ARCHIEF_MAP = "archief"
