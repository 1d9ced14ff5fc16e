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
import functools
import typing
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


# The records of a data set that hold texts of the note, by kind, with how a reader names one.
# (`verschillen` lists what differs from the note; the page of changes shows it.)
_SOORTEN: tuple[tuple[str, Callable[[KompasData], list], Callable[[Any], str]], ...] = (
    ("het kompas", lambda d: [d.kompas, d.kompas.koers], lambda r: ""),
    ("vraag", lambda d: d.kompas.vragen, lambda r: r.id),
    ("richting", lambda d: d.kompas.koers.richtingen, lambda r: r.naam),
    ("vorm", lambda d: d.vormen, lambda r: r.titel),
    ("principe", lambda d: d.principes, lambda r: r.titel),
    ("doelstelling", lambda d: d.doelstellingen, lambda r: r.nummer),
    ("de tabel met indicatoren", lambda d: [d.indicatoren], lambda r: ""),
    ("doelstelling in de tabel met indicatoren", lambda d: d.indicatoren.groepen, lambda r: r.doelstelling),
    ("indicator", lambda d: d.indicatoren.alle, lambda r: r.indicator),
    ("voetnoot bij de indicatoren", lambda d: d.indicatoren.voetnoten, lambda r: r.id),
    ("risico", lambda d: d.risicos, lambda r: r.omschrijving),
    ("de begroting", lambda d: [d.financien, d.financien.totaal], lambda r: getattr(r, "omschrijving", "")),
    ("post van de begroting", lambda d: d.financien.posten, lambda r: r.omschrijving),
    ("de wijkplatforms", lambda d: [d.wijkplatforms, d.wijkplatforms.ondersteuningsbudget], lambda r: ""),
    ("de nota", lambda d: [d.nota], lambda r: ""),
)


@dataclass(frozen=True)
class Verschil:
    """A text of the note that differs now: which record (`soort`, `naam`), which field, how.
    `veld` None: the record is gone from the data."""

    soort: str
    naam: str
    veld: Optional[str]
    wijziging: Optional[Wijziging]


@functools.cache
def _houdt_records(soort: type, veld: str) -> bool:
    """Whether the field holds records this module compares one by one (a kompas' questions,
    the posts of the budget): the field itself is then no text of its own."""
    hint = typing.get_type_hints(soort)[veld]
    kern = typing.get_args(hint)[0] if typing.get_origin(hint) is list else hint
    return kern in _IN_LIJST or kern in _ENKEL


def _tekst_van(waarde: Any) -> Any:
    """What of a value is the note's text: a record inside a field (a quote of a principe, a
    measurement) counts by its fields of the note, not by the site's (where the quote stands)."""
    if dataclasses.is_dataclass(waarde) and not isinstance(waarde, type):
        return tuple(
            _tekst_van(getattr(waarde, f.name))
            for f in dataclasses.fields(waarde)
            if bron_van(type(waarde), f.name) == NOTA
        )
    if isinstance(waarde, list):
        return [_tekst_van(w) for w in waarde]
    return waarde


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
        if bron_van(type(record), veld) != NOTA or _houdt_records(type(record), veld):
            return None
        waarde = _tekst_van(getattr(record, veld))
        nota = self.tegenhanger(record)
        if nota is not None and _tekst_van(getattr(nota, veld)) == waarde:
            return None
        return Wijziging(self._versie_met(record, veld, waarde), nieuw=nota is None)

    def wijziging_deel(self, record: object, veld: str, index: int) -> Optional[Wijziging]:
        """As `wijziging`, for one item of a list field: an amount in a row of the budget, where
        the other years may still be the note's."""
        if self.wijziging(record, veld) is None:
            return None
        nota = self.tegenhanger(record)
        oud = _tekst_van(getattr(nota, veld)) if nota is not None else []
        if index < len(oud) and oud[index] == _tekst_van(getattr(record, veld)[index]):
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
            if _tekst_van(getattr(gevonden, veld)) == waarde:
                return versie
        return None

    def verschillen(self, data: KompasData) -> list[Verschil]:
        """Every text of the note that `data` shows otherwise, and every record of the note
        that `data` no longer has, in the order of the data."""
        uit = []
        for soort, records, naam in _SOORTEN:
            nu = records(data)
            for record in nu:
                for veld in (f.name for f in dataclasses.fields(record)):  # type: ignore[arg-type]
                    if (wijziging := self.wijziging(record, veld)) is not None:
                        uit.append(Verschil(soort, naam(record), veld, wijziging))
            sleutels = {_sleutel(r) for r in nu if type(r) in _IN_LIJST}
            for record in records(self.nota):
                if type(record) in _IN_LIJST and _sleutel(record) not in sleutels:
                    uit.append(Verschil(soort, naam(record), None, None))
        return uit

    def bronnen(self, record: object) -> dict[str, str]:
        """Every field of `record` and where its value comes from: "nota", "site",
        "kompasteam" (the kompasteam's own records, and the note's texts it changed)."""
        return {
            f.name: "kompasteam" if self.wijziging(record, f.name) else bron_van(type(record), f.name)
            for f in dataclasses.fields(record)  # type: ignore[arg-type]
        }
