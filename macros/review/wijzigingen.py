"""What changed between two data sets of the kompas: one list of typed changes, computed once
per pair (the base and the change), rendered twice: as Markdown in the outcome report for the
reviewer (verschilrapport.py) and in plain words for `wijzigingen:` in wijzigingen.yaml, which
the changelog page shows (beschrijving.py, which holds the wording of both).

The kompas' questions are compared as questions: the start, a question added or removed,
renumbered, reworded, an answer that leads elsewhere. Everything else is compared field by
field (velden_verschil.py), one `Velden` per part of a file, with each place named as the
check names it. Where fields belong to the meaning of a version (`betekenis.py`: a vorm's
meaning fields, the kompas' texts at every outcome), the change is of a kind that says so, so
the plain words can name it; the report shows its fields like any other.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Union

from ..data import graaf
from ..data.betekenis import VORM_VELDEN
from ..data.model import ArchiefVersie, ArchiefVraag, Doel, Kompas, KompasData, NaarVraag, Vorm
from .velden_verschil import Eraf, Erbij, Recordverschil, Verschil, records, verschillen

# --- The questions -------------------------------------------------------------------------


@dataclass(frozen=True)
class Vraagnaam:
    """A question as every tool names it: its number in its version (its place in kompas.yaml,
    from 1) and its id."""

    nummer: int
    id: str


@dataclass(frozen=True)
class Vormnaam:
    """An answer leads to a vorm: its title in that version (its id if it has none there)."""

    titel: str


# Where an answer leads: a question or a vorm.
Bestemming = Union[Vraagnaam, Vormnaam]


@dataclass(frozen=True)
class StartAnders:
    """The kompas begins at another question."""

    oud: Vraagnaam
    nieuw: Vraagnaam


@dataclass(frozen=True)
class VraagErbij:
    vraag: Vraagnaam
    tekst: str
    ja: Bestemming
    nee: Bestemming


@dataclass(frozen=True)
class VraagEraf:
    vraag: Vraagnaam  # with its number in the old version
    tekst: str


@dataclass(frozen=True)
class VraagVernummerd:
    vraag: Vraagnaam  # with its old number
    nummer: int


@dataclass(frozen=True)
class VraagGeherformuleerd:
    vraag: Vraagnaam
    oud: str
    nieuw: str


@dataclass(frozen=True)
class RouteAnders:
    vraag: Vraagnaam
    antwoord: str  # ja or nee
    van: Bestemming  # in the old version
    naar: Bestemming


Vraagwijziging = Union[StartAnders, VraagErbij, VraagEraf, VraagVernummerd, VraagGeherformuleerd, RouteAnders]

# --- Field by field ------------------------------------------------------------------------


@dataclass(frozen=True)
class Velden:
    """Changed fields of one file (the report lists them under its name)."""

    bestand: str
    rijen: tuple[Verschil, ...]


@dataclass(frozen=True)
class VormErbij(Velden):
    titel: str


@dataclass(frozen=True)
class VormEraf(Velden):
    titel: str


@dataclass(frozen=True)
class VormAnders(Velden):
    titel: str  # in the new version
    betekenis: tuple[str, ...]  # the meaning fields among its changed fields (VORM_VELDEN), maybe none


@dataclass(frozen=True)
class KompastekstAnders(Velden):
    """A text of kompas.yaml that every outcome shows (KOMPASTEKSTEN)."""

    veld: str


Wijziging = Union[Vraagwijziging, Velden]

# Where each part of the data lives: the file, and for a list of records the key of that list
# in the file (its items are named as the check names them: "vorm 'peilen'").
BESTAND_VAN = {
    "kompas": ("kompas.yaml", None),
    "vormen": ("vormen.yaml", "vormen"),
    "principes": ("principes.yaml", "principes"),
    "doelstellingen": ("doelstellingen.yaml", "doelstellingen"),
    "indicatoren": ("indicatoren.yaml", None),
    "risicos": ("risicos.yaml", "risicos"),
    "financien": ("financien.yaml", None),
    "wijkplatforms": ("wijkplatforms.yaml", None),
    "versies": ("wijzigingen.yaml", "versies"),
    "nota": ("nota.yaml", None),
    "scenarios": ("scenarios.yaml", "scenarios"),
    "archief": ("archief/", "archief"),
}
KOMPAS = BESTAND_VAN["kompas"][0]
# Fields of kompas.yaml not compared field by field: its version (the report's first line)
# and its graph (compared as questions).
NIET_PER_VELD = ("versie", "start", "vragen")
# The rest of a version's meaning (ArchiefVersie) apart from the vormen: the kompas' texts
# at every outcome.
KOMPASTEKSTEN = tuple(f.name for f in dataclasses.fields(ArchiefVersie) if f.name not in (*NIET_PER_VELD, "vormen"))
# A question's own meaning, compared as a question; its other fields (the site's explanation
# and example) field by field.
VRAAGBETEKENIS = tuple(f.name for f in dataclasses.fields(ArchiefVraag))


def tussen(oud: KompasData, nieuw: KompasData) -> tuple[Wijziging, ...]:
    """Every change from `oud` to `nieuw`: the questions first, then each file in the order of
    the data (kompas.yaml, vormen.yaml, …)."""
    return (*_vragen(_Versie(oud), _Versie(nieuw)), *_bestanden(oud, nieuw))


class _Versie:
    """One side of the pair: its questions by id and number, and how it names where an answer leads."""

    def __init__(self, data: KompasData) -> None:
        self.data = data
        self.start = data.kompas.start
        self.vragen = graaf.vraag_index(data.kompas)
        self.nummers = graaf.vraagnummers(data.kompas)

    def naam(self, vraag_id: str) -> Vraagnaam:
        return Vraagnaam(self.nummers[vraag_id], vraag_id)

    def bestemming(self, doel: Doel) -> Bestemming:
        if isinstance(doel, NaarVraag):
            return self.naam(doel.vraag)
        return Vormnaam(graaf.vorm_titel(self.data, doel.vorm))


def _vragen(oud: _Versie, nieuw: _Versie) -> Iterator[Vraagwijziging]:
    if oud.start != nieuw.start:
        yield StartAnders(oud.naam(oud.start), nieuw.naam(nieuw.start))
    for vraag_id, vraag in nieuw.vragen.items():
        if vraag_id not in oud.vragen:
            yield VraagErbij(nieuw.naam(vraag_id), vraag.tekst, nieuw.bestemming(vraag.ja), nieuw.bestemming(vraag.nee))
    for vraag_id, vraag in oud.vragen.items():
        if vraag_id not in nieuw.vragen:
            yield VraagEraf(oud.naam(vraag_id), vraag.tekst)
    for vraag_id in nieuw.vragen:
        if vraag_id in oud.vragen:
            yield from _vraag(oud, nieuw, vraag_id)


def _vraag(oud: _Versie, nieuw: _Versie, vraag_id: str) -> Iterator[Vraagwijziging]:
    """What changed in a question both versions ask: its number, its words, where its answers lead."""
    was, is_nu = oud.vragen[vraag_id], nieuw.vragen[vraag_id]
    if oud.nummers[vraag_id] != nieuw.nummers[vraag_id]:
        yield VraagVernummerd(oud.naam(vraag_id), nieuw.nummers[vraag_id])
    if was.tekst != is_nu.tekst:
        yield VraagGeherformuleerd(nieuw.naam(vraag_id), was.tekst, is_nu.tekst)
    for antwoord in graaf.ANTWOORDEN:
        van, naar = graaf.doel(was, antwoord), graaf.doel(is_nu, antwoord)
        if van != naar:
            yield RouteAnders(nieuw.naam(vraag_id), antwoord, oud.bestemming(van), nieuw.bestemming(naar))


def _bestanden(oud: KompasData, nieuw: KompasData) -> Iterator[Velden]:
    for deel in (f.name for f in dataclasses.fields(nieuw)):
        bestand, lijst = BESTAND_VAN[deel]
        a, n = getattr(oud, deel), getattr(nieuw, deel)
        if deel == "kompas":
            yield from _kompas(a, n)
        elif deel == "vormen":
            yield from _vormen(a, n)
        elif lijst is not None:
            yield from _velden(bestand, verschillen(a, n, (lijst,)))
        else:
            yield from _velden(bestand, _per_veld(a, n))


def _velden(bestand: str, rijen: Iterable[Verschil]) -> Iterator[Velden]:
    if rijen := tuple(rijen):
        yield Velden(bestand, rijen)


def _per_veld(oud: Any, nieuw: Any) -> Iterator[Verschil]:
    """The changed fields of the record of a whole file, each named from the top of the file
    (a list in it whose items stand for the items of another, as amounts for years, finds
    them in that record)."""
    for veld in dataclasses.fields(nieuw):
        yield from verschillen(getattr(oud, veld.name), getattr(nieuw, veld.name), (veld.name,), nieuw)


def _kompas(oud: Kompas, nieuw: Kompas) -> Iterator[Velden]:
    """kompas.yaml apart from its questions (compared as questions above) and its version (the
    report's first line): the other fields of the questions, the texts at every outcome, the rest."""
    yield from _velden(KOMPAS, _vraagvelden(oud, nieuw))
    for veld in (f.name for f in dataclasses.fields(nieuw) if f.name not in NIET_PER_VELD):
        if rijen := tuple(verschillen(getattr(oud, veld), getattr(nieuw, veld), (veld,), nieuw)):
            yield KompastekstAnders(KOMPAS, rijen, veld) if veld in KOMPASTEKSTEN else Velden(KOMPAS, rijen)


def _vraagvelden(oud: Kompas, nieuw: Kompas) -> Iterator[Verschil]:
    """The fields of a question both versions ask that are no part of its meaning (the site's
    explanation and example)."""
    for rij in records(oud.vragen, nieuw.vragen, ("vragen",)):
        if isinstance(rij, Recordverschil):  # one that came or went is a VraagErbij or VraagEraf
            # A row's place goes on from the question's: the next part is the question's field.
            yield from (r for r in rij.rijen if r.pad[len(rij.pad)] not in VRAAGBETEKENIS)


def _vormen(oud: list[Vorm], nieuw: list[Vorm]) -> Iterator[Velden]:
    """vormen.yaml, vorm by vorm: one that came or went, or changed (with its meaning fields
    among the changed ones), and their order."""
    bestand = BESTAND_VAN["vormen"][0]
    for rij in records(oud, nieuw, ("vormen",)):
        if isinstance(rij, Erbij):
            yield VormErbij(bestand, (rij,), rij.waarde.titel)
        elif isinstance(rij, Eraf):
            yield VormEraf(bestand, (rij,), rij.waarde.titel)
        elif isinstance(rij, Recordverschil):
            betekenis = tuple(v for v in VORM_VELDEN if getattr(rij.oud, v) != getattr(rij.nieuw, v))
            yield VormAnders(bestand, rij.rijen, rij.nieuw.titel, betekenis)
        else:
            yield Velden(bestand, (rij,))
