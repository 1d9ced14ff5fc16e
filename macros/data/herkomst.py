"""Which texts are still the note's, and which the kompasteam changed since.

The site names three sources of text (README, "Drie bronnen van tekst"): the note as adopted
(the frozen data in nota_vastgesteld/, kompas 1.0), the kompasteam's later versions, and the
site's own words. The model says per field where its text comes from (`velden.bron_van`). A
field of the note (`NOTA`) whose value now differs from the note's is the kompasteam's: the
page shows it with a label ("Gewijzigd in versie 1.1") and `data-bron="kompasteam"`, and
kompas.json says "kompasteam" for it.

`Herkomst(nota, versies).wijziging(record, veld)` answers for any record of the model, current
or archived (a vorm of version 1.1 on that version's page), by comparing it with the record
of the same kind and id in the note (`SOORTEN` says where each kind stands). The version that
brought a text is the oldest published version whose meaning holds that text; only what a
version's meaning covers (questions, vormen, the texts at every outcome) has one. An example or
an amount changes without a new version: "Gewijzigd na de nota". `verschillen` lists every
difference with the note's value and the current one, for the page of changes, where each
label links to its own line.
"""

from __future__ import annotations

import dataclasses
import functools
import typing
from dataclasses import dataclass
from typing import Any, Callable, Optional, Protocol

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
from .velden import NOTA, Record, bron_van, naam_van


@dataclass(frozen=True)
class Soort:
    """A kind of record that holds texts of the note: where its records stand in a data set,
    how one is found again (its key; None: one of a kind) and how a reader names it."""

    anker: str  # in the anchors of the page of changes: "vraag"
    typen: tuple[type, ...]  # its classes: the current one, and the archived one
    records: Callable[[KompasData], list]
    sleutel: Optional[Callable[[Any], str]]
    naam: Callable[[Any, KompasData], str]  # "vraag 8", "vorm Peilen", "de begroting"
    # What a version's meaning holds of this kind: there a changed text has a version.
    in_betekenis: Optional[Callable[[ArchiefVersie], Any]] = None


class _MetId(Protocol):
    @property
    def id(self) -> str: ...


def _id(record: _MetId) -> str:
    return record.id


SOORTEN: tuple[Soort, ...] = (
    Soort("kompas", (Kompas, ArchiefVersie), lambda d: [d.kompas], None, lambda r, d: "het kompas", lambda b: b),
    Soort(
        "vraag",
        (Vraag, ArchiefVraag),
        lambda d: d.kompas.vragen,
        _id,
        lambda r, d: f"vraag {d.kompas.vragen.index(r) + 1}",
        lambda b: b.vragen,
    ),
    Soort("koers", (Koers,), lambda d: [d.kompas.koers], None, lambda r, d: "de koers van het kompas"),
    Soort("richting", (Richting,), lambda d: d.kompas.koers.richtingen, _id, lambda r, d: f"richting {r.naam}"),
    Soort("vorm", (Vorm, ArchiefVorm), lambda d: d.vormen, _id, lambda r, d: f"vorm {r.titel}", lambda b: b.vormen),
    Soort("principe", (Principe,), lambda d: d.principes, _id, lambda r, d: f"principe {r.titel}"),
    Soort("doelstelling", (Doelstelling,), lambda d: d.doelstellingen, _id, lambda r, d: f"doelstelling {r.nummer}"),
    Soort(
        "indicatoren",
        (IndicatorenBestand,),
        lambda d: [d.indicatoren],
        None,
        lambda r, d: "de tabel met indicatoren",
    ),
    Soort(
        "doel",
        (IndicatorGroep,),
        lambda d: d.indicatoren.groepen,
        lambda r: r.doelstelling,
        lambda r, d: f"doelstelling {r.doelstelling} in de tabel met indicatoren",
    ),
    Soort("indicator", (Indicator,), lambda d: d.indicatoren.alle, _id, lambda r, d: f"indicator {r.indicator}"),
    Soort(
        "voetnoot",
        (Voetnoot,),
        lambda d: d.indicatoren.voetnoten,
        _id,
        lambda r, d: f"voetnoot {d.indicatoren.voetnoten.index(r) + 1} bij de indicatoren",
    ),
    Soort("risico", (Risico,), lambda d: d.risicos, _id, lambda r, d: f"risico {r.omschrijving}"),
    Soort("begroting", (Financien,), lambda d: [d.financien], None, lambda r, d: "de begroting"),
    Soort("post", (Post,), lambda d: d.financien.posten, _id, lambda r, d: f"de begroting, {r.omschrijving}"),
    Soort("totaal", (Totaal,), lambda d: [d.financien.totaal], None, lambda r, d: "de begroting, het totaal"),
    Soort("wijkplatforms", (Wijkplatforms,), lambda d: [d.wijkplatforms], None, lambda r, d: "de wijkplatforms"),
    Soort(
        "budget",
        (Ondersteuningsbudget,),
        lambda d: [d.wijkplatforms.ondersteuningsbudget],
        None,
        lambda r, d: "het ondersteuningsbudget van de wijkplatforms",
    ),
    Soort("nota", (Nota,), lambda d: [d.nota], None, lambda r, d: "de nota"),
)
_PER_TYPE = {soort_: s for s in SOORTEN for soort_ in s.typen}


def soort_van(record: object) -> Soort:
    try:
        return _PER_TYPE[type(record)]
    except KeyError:
        raise TypeError(f"herkomst: {type(record).__name__} heeft geen tegenhanger in de nota") from None


@functools.cache
def _houdt_records(soort: type, veld: str) -> bool:
    """Whether the field holds records this module compares one by one (a kompas' questions,
    the posts of the budget): the field itself is then no text of its own."""
    hint = typing.get_type_hints(soort)[veld]
    kern = typing.get_args(hint)[0] if typing.get_origin(hint) is list else hint
    return kern in _PER_TYPE


def tekst_van(waarde: Any) -> Any:
    """What of a value is the note's text: a record inside a field (a quote of a principe, a
    measurement) counts by its fields of the note, not by the site's (where the quote stands)."""
    if dataclasses.is_dataclass(waarde) and not isinstance(waarde, type):
        return tuple(
            tekst_van(getattr(waarde, f.name))
            for f in dataclasses.fields(waarde)
            if bron_van(type(waarde), f.name) == NOTA
        )
    if isinstance(waarde, list):
        return [tekst_van(w) for w in waarde]
    return waarde


# The part of the page of changes that lists what differs from the note; each line has its
# own anchor below it, which the labels link to.
ANDERS_DAN_DE_NOTA = "anders-dan-de-nota"


def versie_anker(versie: str) -> str:
    """ "1.1" -> "versie-1-1": a version's entry on the page of changes."""
    return "versie-" + versie.replace(".", "-")


def anker(record: object, veld: Optional[str] = None) -> str:
    """The line of a difference on the page of changes: "anders-vorm-peilen-wat_is_het"."""
    soort = soort_van(record)
    delen = [ANDERS_DAN_DE_NOTA.removesuffix("-dan-de-nota"), soort.anker]
    if soort.sleutel is not None:
        delen.append(soort.sleutel(record))
    return "-".join(delen + ([veld] if veld else []))


@dataclass(frozen=True)
class Wijziging:
    """A text of the note that the kompasteam changed: in which version (None: without a new
    version, as an example or an amount changes), whether its whole record is new, and the
    line on the page of changes that says what it was and is."""

    versie: Optional[str]
    anker: str
    nieuw: bool = False
    # What changed, as a reader names it ("de begroting, Denk mee, bedragen"): the hidden end of
    # the label's link, so that two labels on one page that link to different lines of the page
    # of changes have different names in a screen reader's list of links. Empty without the
    # current data to name it by (Herkomst's `huidig`).
    wat: str = ""

    @property
    def label(self) -> str:
        """The visible label: "Gewijzigd in versie 1.1", "Nieuw na de nota", …"""
        wat = "Nieuw" if self.nieuw else "Gewijzigd"
        return f"{wat} in versie {self.versie}" if self.versie else f"{wat} na de nota"


@dataclass(frozen=True)
class Verschil:
    """One line of "Wat nu anders is dan in de nota": a record (`naam`, as a reader names it)
    and one of its fields with the note's value and the current one; for a record the note
    has not, or that is gone from the data, the record as a whole (`veld` None)."""

    anker: str
    naam: str
    veld: Optional[str]  # the field's name for a reader ("wat is het")
    oud: Any  # None: a new record
    nieuw: Any  # None: a record that is gone
    versie: Optional[str]
    jaren: list[int] = dataclasses.field(default_factory=list)  # an amount per year: its years


class Herkomst:
    """The note to compare with, and the published versions (newest first) to date a change."""

    def __init__(self, nota: KompasData, versies: list[GepubliceerdeVersie], huidig: Optional[KompasData] = None):
        self.nota = nota
        self.oud_naar_nieuw = [(v.versie.versie, v.betekenis) for v in reversed(versies)]
        self.huidig = huidig  # the data the records asked about come from: it names them (Wijziging.wat)

    def tegenhanger(self, record: object) -> Optional[object]:
        """The record of the same kind (and id) in the note, or None if the note has none."""
        soort = soort_van(record)
        records: list[object] = soort.records(self.nota)
        if soort.sleutel is None:
            return records[0]
        sleutel_van = soort.sleutel
        sleutel = sleutel_van(record)
        return next((r for r in records if sleutel_van(r) == sleutel), None)

    def wijziging(self, record: object, veld: str) -> Optional[Wijziging]:
        """How field `veld` of `record` differs from the note, or None: the same as the note, or
        not a text of the note (the site's own, the kompasteam's records)."""
        soort: type = type(record)
        if bron_van(soort, veld) != NOTA or _houdt_records(soort, veld):
            return None
        waarde = tekst_van(getattr(record, veld))
        nota = self.tegenhanger(record)
        if nota is None:
            return Wijziging(self._versie_met(record, None, None), anker(record), nieuw=True, wat=self._wat(record))
        if tekst_van(getattr(nota, veld)) == waarde:
            return None
        return Wijziging(self._versie_met(record, veld, waarde), anker(record, veld), wat=self._wat(record, veld))

    def _wat(self, record: object, veld: Optional[str] = None) -> str:
        """The record (and field) as the page of changes names its line (`verschillen`); empty
        for a record the current data does not hold (a question of an earlier version, on its
        page), which the page of changes names by the current data only."""
        soort = soort_van(record)
        if self.huidig is None or record not in soort.records(self.huidig):
            return ""
        naam = soort.naam(record, self.huidig)
        return f"{naam}, {naam_van(type(record), veld)}" if veld else naam

    def wijziging_deel(self, record: object, veld: str, index: int) -> Optional[Wijziging]:
        """As `wijziging`, for one item of a list field: an amount in a row of the budget, where
        the other years may still be the note's."""
        geheel = self.wijziging(record, veld)
        if geheel is None or geheel.nieuw:
            return geheel
        oud = tekst_van(getattr(self.tegenhanger(record), veld))
        if index < len(oud) and oud[index] == tekst_van(getattr(record, veld)[index]):
            return None
        return geheel

    def _versie_met(self, record: object, veld: Optional[str], waarde: object) -> Optional[str]:
        """The oldest published version whose meaning holds this value (for a new record: this
        record): the version that brought it. None if no version holds it."""
        soort = soort_van(record)
        if soort.in_betekenis is None:
            return None
        sleutel_van = soort.sleutel
        for versie, betekenis in self.oud_naar_nieuw:
            gevonden = soort.in_betekenis(betekenis)
            # A kind with more than one record in a meaning (the questions) is found by its key.
            if isinstance(gevonden, list) and sleutel_van is not None:
                gevonden = next((r for r in gevonden if sleutel_van(r) == sleutel_van(record)), None)
            if gevonden is None:
                continue
            if veld is None:
                return versie
            if veld in {f.name for f in dataclasses.fields(gevonden)} and tekst_van(getattr(gevonden, veld)) == waarde:
                return versie
        return None

    def _versie_zonder(self, record: object) -> Optional[str]:
        """The oldest published version that no longer has this record of the note."""
        soort = soort_van(record)
        if soort.in_betekenis is None or soort.sleutel is None:
            return None
        for versie, betekenis in self.oud_naar_nieuw:
            if all(soort.sleutel(r) != soort.sleutel(record) for r in soort.in_betekenis(betekenis)):
                return versie
        return None

    def verschillen(self, data: KompasData) -> list[Verschil]:
        """Every text of the note that `data` shows otherwise, every record the note has not,
        and every record of the note that `data` no longer has, in the order of the data."""
        uit = []
        for soort in SOORTEN:
            nu = soort.records(data)
            for record in nu:
                for veld in (f.name for f in dataclasses.fields(record)):
                    wijziging = self.wijziging(record, veld)
                    if wijziging is None:
                        continue
                    if wijziging.nieuw:
                        uit.append(
                            Verschil(wijziging.anker, soort.naam(record, data), None, None, record, wijziging.versie)
                        )
                        break  # a new record is one line, whatever its fields
                    oud = getattr(self.tegenhanger(record), veld)
                    jaren = data.financien.jaren if isinstance(record, (Post, Totaal)) and veld == "bedragen" else []
                    uit.append(
                        Verschil(
                            wijziging.anker,
                            soort.naam(record, data),
                            naam_van(type(record), veld),
                            oud,
                            getattr(record, veld),
                            wijziging.versie,
                            jaren,
                        )
                    )
            if soort.sleutel is None:
                continue
            sleutels = {soort.sleutel(r) for r in nu}
            for record in soort.records(self.nota):
                if soort.sleutel(record) not in sleutels:
                    naam = soort.naam(record, self.nota)
                    uit.append(Verschil(anker(record), naam, None, record, None, self._versie_zonder(record)))
        return uit

    def bronnen(self, record: Record) -> dict[str, str]:
        """Every field of `record` and where its value comes from: "nota", "site",
        "kompasteam" (the kompasteam's own records, and the note's texts it changed)."""
        return {
            f.name: "kompasteam" if self.wijziging(record, f.name) else bron_van(type(record), f.name)
            for f in dataclasses.fields(record)
        }
