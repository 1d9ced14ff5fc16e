"""Which texts are still the note's, and which the kompasteam changed since.

The site names three sources of text (README, "Drie bronnen van tekst"): the note as adopted
(the frozen data in nota_vastgesteld/, kompas 1.0), the kompasteam's later versions, and the
site's own words. The model says per field where its text comes from (`velden.bron_van`). A
field of the note (`NOTA`) whose value now differs from the note's is the kompasteam's: the
page shows it with a label ("Gewijzigd in versie 1.1") and `data-bron="kompasteam"`, and
kompas.json says "kompasteam" for it.

`Herkomst(nota, versies).wijziging(record, veld)` answers for any record of the model, current
or archived (a vorm of version 1.1 on that version's page), by comparing it with the record
of the same kind and id in the note. The version that brought a text is the oldest published
version whose meaning holds that text; only what a version's meaning covers (questions,
vormen, the texts at every outcome) has one. An example or an amount changes without a new
version: "Gewijzigd na de nota".
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Callable, Optional

from .betekenis import GepubliceerdeVersie
from .model import (
    ArchiefVersie,
    ArchiefVorm,
    ArchiefVraag,
    Doelstelling,
    Financien,
    Indicator,
    IndicatorenBestand,
    IndicatorGroep,
    Koers,
    Kompas,
    KompasData,
    Nota,
    Ondersteuningsbudget,
    Post,
    Principe,
    Richting,
    Risico,
    Totaal,
    Voetnoot,
    Vorm,
    Vraag,
    Wijkplatforms,
)
from .velden import NOTA, bron_van

# Where the counterpart of a record stands in the note's data. Records in a list are found by
# their id (a group of indicators by the number of its goal); the others are one of a kind.
_IN_LIJST: dict[type, Callable[[KompasData], list]] = {
    Vraag: lambda d: d.kompas.vragen,
    ArchiefVraag: lambda d: d.kompas.vragen,
    Vorm: lambda d: d.vormen,
    ArchiefVorm: lambda d: d.vormen,
    Principe: lambda d: d.principes,
    Doelstelling: lambda d: d.doelstellingen,
    Indicator: lambda d: d.indicatoren.alle,
    IndicatorGroep: lambda d: d.indicatoren.groepen,
    Voetnoot: lambda d: d.indicatoren.voetnoten,
    Risico: lambda d: d.risicos,
    Post: lambda d: d.financien.posten,
    Richting: lambda d: d.kompas.koers.richtingen,
}
_ENKEL: dict[type, Callable[[KompasData], Any]] = {
    Kompas: lambda d: d.kompas,
    ArchiefVersie: lambda d: d.kompas,
    Koers: lambda d: d.kompas.koers,
    IndicatorenBestand: lambda d: d.indicatoren,
    Financien: lambda d: d.financien,
    Totaal: lambda d: d.financien.totaal,
    Wijkplatforms: lambda d: d.wijkplatforms,
    Ondersteuningsbudget: lambda d: d.wijkplatforms.ondersteuningsbudget,
    Nota: lambda d: d.nota,
}
# What a version's meaning holds, by the kind of record: there a changed text has a version.
_IN_BETEKENIS: dict[type, Callable[[ArchiefVersie], Any]] = {
    Vraag: lambda b: b.vragen,
    ArchiefVraag: lambda b: b.vragen,
    Vorm: lambda b: b.vormen,
    ArchiefVorm: lambda b: b.vormen,
    Kompas: lambda b: b,
    ArchiefVersie: lambda b: b,
}


def _sleutel(record: object) -> str:
    return record.doelstelling if isinstance(record, IndicatorGroep) else record.id  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Wijziging:
    """A text of the note that the kompasteam changed: in which version (None: without a new
    version, as an example or an amount changes), and whether its whole record is new."""

    versie: Optional[str]
    nieuw: bool = False

    @property
    def label(self) -> str:
        """The visible label: "Gewijzigd in versie 1.1", "Nieuw na de nota", …"""
        wat = "Nieuw" if self.nieuw else "Gewijzigd"
        return f"{wat} in versie {self.versie}" if self.versie else f"{wat} na de nota"

    @property
    def anker(self) -> str:
        """Where the change is told on the page of changes (adressen.WIJZIGINGEN_PAD)."""
        return versie_anker(self.versie) if self.versie else ANDERS_DAN_DE_NOTA


# The part of the page of changes that lists what differs from the note without a version.
ANDERS_DAN_DE_NOTA = "anders-dan-de-nota"


def versie_anker(versie: str) -> str:
    """ "1.1" -> "versie-1-1": a version's entry on the page of changes."""
    return "versie-" + versie.replace(".", "-")


class Herkomst:
    """The note to compare with, and the published versions (newest first) to date a change."""

    def __init__(self, nota: KompasData, versies: list[GepubliceerdeVersie]):
        self.nota = nota
        self.oud_naar_nieuw = [(v.versie.versie, v.betekenis) for v in reversed(versies)]

    def tegenhanger(self, record: object) -> Optional[object]:
        """The record of the same kind (and id) in the note, or None if the note has none."""
        soort = type(record)
        if soort in _ENKEL:
            return _ENKEL[soort](self.nota)
        if soort in _IN_LIJST:
            sleutel = _sleutel(record)
            return next((r for r in _IN_LIJST[soort](self.nota) if _sleutel(r) == sleutel), None)
        raise TypeError(f"herkomst: geen tegenhanger in de nota voor {soort.__name__}")

    def wijziging(self, record: object, veld: str) -> Optional[Wijziging]:
        """How field `veld` of `record` differs from the note, or None: the same as the note, or
        not a text of the note (the site's own, the kompasteam's records)."""
        if bron_van(type(record), veld) != NOTA:
            return None
        waarde = getattr(record, veld)
        nota = self.tegenhanger(record)
        if nota is not None and getattr(nota, veld) == waarde:
            return None
        return Wijziging(self._versie_met(record, veld, waarde), nieuw=nota is None)

    def wijziging_deel(self, record: object, veld: str, index: int) -> Optional[Wijziging]:
        """As `wijziging`, for one item of a list field: an amount in a row of the budget, where
        the other years may still be the note's."""
        if self.wijziging(record, veld) is None:
            return None
        nota = self.tegenhanger(record)
        oud = getattr(nota, veld) if nota is not None else []
        if index < len(oud) and oud[index] == getattr(record, veld)[index]:
            return None
        return Wijziging(None, nieuw=nota is None)

    def _versie_met(self, record: object, veld: str, waarde: object) -> Optional[str]:
        """The oldest published version whose meaning holds this value (or, for a new record,
        this record): the version that brought it. None if no version holds it."""
        in_betekenis = _IN_BETEKENIS.get(type(record))
        if in_betekenis is None:
            return None
        for versie, betekenis in self.oud_naar_nieuw:
            gevonden = in_betekenis(betekenis)
            if isinstance(gevonden, list):
                gevonden = next((r for r in gevonden if r.id == _sleutel(record)), None)
            if gevonden is None or veld not in {f.name for f in dataclasses.fields(gevonden)}:
                continue
            if getattr(gevonden, veld) == waarde:
                return versie
        return None

    def bronnen(self, record: object) -> dict[str, str]:
        """Every field of `record` and where its value comes from: "nota", "site",
        "kompasteam" (the kompasteam's own records, and the note's texts it changed)."""
        return {
            f.name: "kompasteam" if self.wijziging(record, f.name) else bron_van(type(record), f.name)
            for f in dataclasses.fields(record)  # type: ignore[arg-type]
        }
