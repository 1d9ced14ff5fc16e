"""The kompas data as typed records: one dataclass per thing the policy note describes.

The loader (`loader.py`) builds these from the YAML in `kompas_data/` and rejects anything
that does not fit the type hints below, so the hints *are* the data format. Each YAML file
has one top-level record (`*Bestand`, `Kompas`, `Financien`, `Wijkplatforms`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass(frozen=True)
class Doel:
    """Where an answer leads: exactly one of `vraag` (next question) or `vorm` (outcome)."""

    vraag: Optional[str] = None
    vorm: Optional[str] = None


@dataclass(frozen=True)
class Vraag:
    id: str
    tekst: str
    ja: Doel
    nee: Doel


@dataclass(frozen=True)
class Kompas:
    versie: str
    start: str
    vragen: list[Vraag]
    # The text printed beside the flowchart: what the kompas is for, and where to get help.
    toelichting: str
    motto: str
    # The note's caveats that go with every outcome of the kompaswijzer.
    kanttekeningen: list[str]


@dataclass(frozen=True)
class Vorm:
    id: str
    titel: str
    samenwerkingsvorm: bool
    wat_is_het: str
    zeggenschap: str
    zeggenschap_schaal: int
    eigenaar: str
    wanneer_geschikt: str
    voorbeelden: list[str]
    instrumenten: list[str]
    # The leidende principes that matter most in this vorm (ids from principes.yaml).
    principes: list[str]


@dataclass(frozen=True)
class VormenBestand:
    vormen: list[Vorm]


@dataclass(frozen=True)
class Citaat:
    tekst: str
    spreker: Optional[str] = None


@dataclass(frozen=True)
class Onderdeel:
    kop: str
    alineas: list[str]


@dataclass(frozen=True)
class Principe:
    id: str
    titel: str
    alineas: list[str]
    citaten: list[Citaat]
    onderdelen: list[Onderdeel] = field(default_factory=list)


@dataclass(frozen=True)
class PrincipesBestand:
    principes: list[Principe]


@dataclass(frozen=True)
class Doelstelling:
    id: str
    nummer: str
    soort: str
    tekst: str
    onderdelen: list[str]


@dataclass(frozen=True)
class DoelstellingenBestand:
    doelstellingen: list[Doelstelling]


@dataclass(frozen=True)
class Meting:
    """One measurement or target; without `waarde` it is not known yet (the note's asterisk)."""

    jaar: int
    waarde: Optional[str] = None
    voetnoot: Optional[str] = None


@dataclass(frozen=True)
class Indicator:
    id: str
    indicator: str
    nieuw: bool
    evaluatie: str
    thema: Optional[str] = None
    principe: Optional[str] = None
    bron: Optional[str] = None
    nulmeting: Optional[Meting] = None
    vervolgmeting_1: Optional[Meting] = None
    vervolgmeting_2: Optional[Meting] = None
    volgen_via_begroting: bool = False

    @property
    def metingen(self) -> list[Optional[Meting]]:
        return [self.nulmeting, self.vervolgmeting_1, self.vervolgmeting_2]


@dataclass(frozen=True)
class IndicatorGroep:
    doelstelling: str
    tekst: str
    indicatoren: list[Indicator]


@dataclass(frozen=True)
class Voetnoot:
    id: str
    tekst: str


@dataclass(frozen=True)
class IndicatorenBestand:
    toelichting_nieuw: str
    voetnoten: list[Voetnoot]
    groepen: list[IndicatorGroep]


@dataclass(frozen=True)
class Risico:
    id: str
    omschrijving: str
    toelichting: str
    maatregelen: str


@dataclass(frozen=True)
class RisicosBestand:
    risicos: list[Risico]


@dataclass(frozen=True)
class Post:
    id: str
    omschrijving: str
    bedragen: list[int]


@dataclass(frozen=True)
class Totaal:
    omschrijving: str
    bedragen: list[int]


@dataclass(frozen=True)
class Financien:
    jaren: list[int]
    posten: list[Post]
    totaal: Totaal
    disclaimer: str


@dataclass(frozen=True)
class Ondersteuningsbudget:
    per_wijkplatform: int
    totaal: int


@dataclass(frozen=True)
class Wijkplatforms:
    ondersteuningsbudget: Ondersteuningsbudget
    voorwaarden: list[str]


@dataclass(frozen=True)
class PadWijziging:
    """A path through the kompas whose outcome a version changed (answers as in the wijzer's
    URL, e.g. "nee/ja/ja"); `van` is empty for a new path, `naar` for a path that is gone."""

    antwoorden: str
    van: Optional[str] = None
    naar: Optional[str] = None


@dataclass(frozen=True)
class KompasVersie:
    versie: str
    datum: str
    samenvatting: str
    wijzigingen: list[str]
    # sha256 of the kompas' meaning (see versies.py): a change in the graph or in a vorm's
    # meaning without a new entry here fails `make check` and the tests.
    vingerafdruk: str
    paden: list[PadWijziging] = field(default_factory=list)


@dataclass(frozen=True)
class WijzigingenBestand:
    versies: list[KompasVersie]


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
}
