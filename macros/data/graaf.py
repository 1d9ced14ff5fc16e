"""The kompas as a graph: where each answer leads, and every path from the start to a vorm.

Every function takes a `Beslisgraaf`: what they read of a kompas, which the current kompas
(`Kompas`) and an archived version (`ArchiefVersie`) both are."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional, Protocol, Sequence, TypeVar

from .model import Doel, KompasData, NaarVorm, NaarVraag, Vraag

ANTWOORDEN = ("ja", "nee")


@dataclass(frozen=True)
class Stap:
    vraag: str
    antwoord: str


@dataclass(frozen=True)
class Pad:
    """A complete walk: the answers given, in order, and the vorm it ends at."""

    stappen: tuple[Stap, ...]
    vorm: str

    @property
    def antwoorden(self) -> str:
        """The answers as URL segments, e.g. `nee/ja/ja/nee` (the kompaswijzer's state path)."""
        return "/".join(s.antwoord for s in self.stappen)


class Knoop(Protocol):
    """A question as the graph sees it: its id and where each answer leads (a `Vraag` of the
    kompas, an `ArchiefVraag` of a version). Read-only, as the records are frozen."""

    @property
    def id(self) -> str: ...
    @property
    def ja(self) -> Doel: ...
    @property
    def nee(self) -> Doel: ...


class VraagMetTekst(Knoop, Protocol):
    """A question with its wording: what the meaning of a version holds of each question."""

    @property
    def tekst(self) -> str: ...


# The kind of question a kompas holds, so that `vraag_index` gives back what went in: a `Vraag`
# (with its uitleg and voorbeeld) for the kompas, an `ArchiefVraag` for an archived version.
KnoopT_co = TypeVar("KnoopT_co", bound=Knoop, covariant=True)
KnoopT = TypeVar("KnoopT", bound=Knoop)


class Beslisgraaf(Protocol[KnoopT_co]):
    """What the functions of this module read of a kompas: the first question and the questions,
    in the order (and so the numbers) of that kompas. `Kompas` and `ArchiefVersie` both are one."""

    @property
    def start(self) -> str: ...
    @property
    def vragen(self) -> Sequence[KnoopT_co]: ...


def doel(vraag: Knoop, antwoord: str) -> Doel:
    if antwoord not in ANTWOORDEN:
        raise ValueError(f"onbekend antwoord {antwoord!r}; kies uit {ANTWOORDEN}")
    return vraag.ja if antwoord == "ja" else vraag.nee


def vraag_index(kompas: Beslisgraaf[KnoopT]) -> dict[str, KnoopT]:
    return {v.id: v for v in kompas.vragen}


def vraagnummers(kompas: Beslisgraaf[Knoop]) -> dict[str, int]:
    """Each question's number as readers see it ("vraag 3"): its place in kompas.yaml, from 1."""
    return {v.id: i for i, v in enumerate(kompas.vragen, start=1)}


def doel_als_dict(doel: Doel) -> dict[str, str]:
    """{"vraag": id} or {"vorm": id}: where an answer leads, as kompas.json and the
    fingerprint write it."""
    return {"vraag": doel.vraag} if isinstance(doel, NaarVraag) else {"vorm": doel.vorm}


def vraag_als_dict(vraag: VraagMetTekst) -> dict[str, object]:
    """A question's meaning (id, text, where each answer leads), as kompas.json, the
    versioned kompas.json files and the fingerprint write it."""
    return {"id": vraag.id, "tekst": vraag.tekst, "ja": doel_als_dict(vraag.ja), "nee": doel_als_dict(vraag.nee)}


def vraag_met_uitleg_als_dict(vraag: Vraag) -> dict[str, object]:
    # The site's own explanation and example go along in the live kompas.json (null when
    # absent), so it keeps the fields of Vraag as documented. They are no part of the
    # kompas' meaning: a version's own file and the fingerprint leave them out.
    return {**vraag_als_dict(vraag), "uitleg": vraag.uitleg, "voorbeeld": vraag.voorbeeld}


def vorm_titel(data: KompasData, vorm_id: str) -> str:
    """The title of the vorm a path ends at; its id when no vorm has it any more (a path
    recorded for an earlier version may lead to a vorm that was removed since)."""
    return next((v.titel for v in data.vormen if v.id == vorm_id), vorm_id)


def paden(kompas: Beslisgraaf[Knoop]) -> list[Pad]:
    """Every path from the start question to a vorm, Ja before Nee at each question.

    Assumes a validated kompas (no cycles, every target exists).
    """
    vragen = vraag_index(kompas)

    def loop(vraag_id: str, tot_nu: tuple[Stap, ...]) -> Iterator[Pad]:
        vraag = vragen[vraag_id]
        for antwoord in ANTWOORDEN:
            stappen = tot_nu + (Stap(vraag_id, antwoord),)
            volgende = doel(vraag, antwoord)
            if isinstance(volgende, NaarVorm):
                yield Pad(stappen, volgende.vorm)
            else:
                yield from loop(volgende.vraag, stappen)

    return list(loop(kompas.start, ()))


def aantal_paden(kompas: Beslisgraaf[Knoop]) -> int:
    """How many complete paths there are, counted without listing them (a DAG's path count
    can grow exponentially with its size; this stays linear)."""
    vragen = vraag_index(kompas)
    geteld: dict[str, int] = {}

    def tel_doel(volgende: Doel) -> int:
        return 1 if isinstance(volgende, NaarVorm) else tel(volgende.vraag)

    def tel(vraag_id: str) -> int:
        if vraag_id not in geteld:
            geteld[vraag_id] = sum(tel_doel(doel(vragen[vraag_id], a)) for a in ANTWOORDEN)
        return geteld[vraag_id]

    return tel(kompas.start)


def vind_cyclus(kompas: Beslisgraaf[Knoop]) -> Optional[list[str]]:
    """A cycle of question ids (first id repeated at the end), or None if the graph is a DAG."""
    vragen = vraag_index(kompas)
    klaar: set[str] = set()

    def bezoek(vraag_id: str, stapel: list[str]) -> Optional[list[str]]:
        if vraag_id in stapel:
            return stapel[stapel.index(vraag_id) :] + [vraag_id]
        if vraag_id in klaar or vraag_id not in vragen:
            return None
        stapel.append(vraag_id)
        for antwoord in ANTWOORDEN:
            volgende = doel(vragen[vraag_id], antwoord)
            if isinstance(volgende, NaarVraag) and (cyclus := bezoek(volgende.vraag, stapel)):
                return cyclus
        stapel.pop()
        klaar.add(vraag_id)
        return None

    for vraag in kompas.vragen:
        if cyclus := bezoek(vraag.id, []):
            return cyclus
    return None


def bereikbaar(kompas: Beslisgraaf[Knoop]) -> tuple[set[str], set[str]]:
    """The question ids and vorm ids that can be reached from the start."""
    vragen = vraag_index(kompas)
    gezien_vragen: set[str] = set()
    gezien_vormen: set[str] = set()
    te_doen = [kompas.start]
    while te_doen:
        vraag_id = te_doen.pop()
        if vraag_id in gezien_vragen or vraag_id not in vragen:
            continue
        gezien_vragen.add(vraag_id)
        for antwoord in ANTWOORDEN:
            volgende = doel(vragen[vraag_id], antwoord)
            if isinstance(volgende, NaarVraag):
                te_doen.append(volgende.vraag)
            else:
                gezien_vormen.add(volgende.vorm)
    return gezien_vragen, gezien_vormen
