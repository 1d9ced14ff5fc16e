"""The kompaswijzer's states: one per answered prefix of a walk through the kompas.

A state is the list of answers given so far. It is a question state (the next question to
answer), an outcome (the answers led to a vorm) or an open outcome (the last answer was
"weet ik (nog) niet"). Every state gets its own page, so every state has a permalink and
the wijzer works without JavaScript.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional

from . import graaf
from .graaf import Beslisgraaf, Knoop
from .model import NaarVorm

WEET_NIET = "weet-niet"
# All answers a question offers in the wijzer, in the order they are shown.
KEUZES = (*graaf.ANTWOORDEN, WEET_NIET)
# Pages grow with the number of paths through the kompas: two pages (site and embed) per
# state, about 50 KB each. Measured (bench/RESULTS.md): 184 states build in about 6 s into
# 18 MB. At 1000 states that is some 35 s and 100 MB; beyond it the build stops with a clear
# message instead of generating pages for an hour. Kompas 1.0 has 55 states.
MAX_TOESTANDEN = 1000


@dataclass(frozen=True)
class Toestand:
    antwoorden: tuple[str, ...]
    stappen: tuple[graaf.Stap, ...]  # the questions answered with ja/nee, in order
    vraag: Optional[str] = None  # question state: the question asked now
    vorm: Optional[str] = None  # outcome: the vorm the answers lead to
    open_vraag: Optional[str] = None  # open outcome: the question answered "weet ik (nog) niet"

    @property
    def soort(self) -> str:
        return "vraag" if self.vraag else "uitkomst" if self.vorm else "open"

    @property
    def pad(self) -> str:
        """The state's path below the wijzer, e.g. "nee/ja/" ("" for the first question)."""
        return "".join(f"{a}/" for a in self.antwoorden)


class TeVeelToestanden(Exception):
    pass


def toestanden(kompas: Beslisgraaf[Knoop]) -> list[Toestand]:
    """Every state of the wijzer, depth first, Ja before Nee before Weet ik (nog) niet."""
    vragen = graaf.vraag_index(kompas)
    uitkomst: list[Toestand] = []

    def loop(vraag_id: str, antwoorden: tuple[str, ...], stappen: tuple[graaf.Stap, ...]) -> Iterator[Toestand]:
        yield Toestand(antwoorden, stappen, vraag=vraag_id)
        for antwoord in graaf.ANTWOORDEN:
            doel = graaf.doel(vragen[vraag_id], antwoord)
            verder = antwoorden + (antwoord,)
            stap = stappen + (graaf.Stap(vraag_id, antwoord),)
            if isinstance(doel, NaarVorm):
                yield Toestand(verder, stap, vorm=doel.vorm)
            else:
                yield from loop(doel.vraag, verder, stap)
        yield Toestand(antwoorden + (WEET_NIET,), stappen, open_vraag=vraag_id)

    for toestand in loop(kompas.start, (), ()):
        uitkomst.append(toestand)
        if len(uitkomst) > MAX_TOESTANDEN:
            raise TeVeelToestanden(
                f"het kompas heeft meer dan {MAX_TOESTANDEN} toestanden in de kompaswijzer (één pagina "
                "per combinatie van antwoorden); dat wordt een te grote site. Maak het kompas kleiner, "
                "of verhoog MAX_TOESTANDEN in macros/data/toestanden.py na een meting (bench/)"
            )
    return uitkomst


def zoek_toestand(kompas: Beslisgraaf[Knoop], antwoorden: tuple[str, ...]) -> Optional[Toestand]:
    """The state for these answers, or None if they are not a valid walk."""
    vragen = graaf.vraag_index(kompas)
    vraag_id = kompas.start
    stappen: tuple[graaf.Stap, ...] = ()
    for i, antwoord in enumerate(antwoorden):
        if antwoord not in KEUZES:
            return None
        if antwoord == WEET_NIET:
            laatste = i == len(antwoorden) - 1
            return Toestand(antwoorden, stappen, open_vraag=vraag_id) if laatste else None
        stappen += (graaf.Stap(vraag_id, antwoord),)
        doel = graaf.doel(vragen[vraag_id], antwoord)
        if isinstance(doel, NaarVorm):
            return Toestand(antwoorden, stappen, vorm=doel.vorm) if i == len(antwoorden) - 1 else None
        vraag_id = doel.vraag
    return Toestand(antwoorden, stappen, vraag=vraag_id)


def routes(kompas: Beslisgraaf[Knoop], vraag_id: str) -> dict[str, list[tuple[graaf.Stap, ...]]]:
    """From a question: every vorm still reachable, with the answers that lead to it."""
    vragen = graaf.vraag_index(kompas)
    uitkomst: dict[str, list[tuple[graaf.Stap, ...]]] = {}

    def loop(huidige: str, stappen: tuple[graaf.Stap, ...]) -> None:
        for antwoord in graaf.ANTWOORDEN:
            stap = stappen + (graaf.Stap(huidige, antwoord),)
            doel = graaf.doel(vragen[huidige], antwoord)
            if isinstance(doel, NaarVorm):
                uitkomst.setdefault(doel.vorm, []).append(stap)
            else:
                loop(doel.vraag, stap)

    loop(vraag_id, ())
    return uitkomst


def bereikbare_vormen(
    kompas: Beslisgraaf[Knoop], antwoorden_tot: tuple[str, ...], antwoord: str
) -> tuple[Optional[str], set[str]]:
    """Where `antwoord` leads from the state `antwoorden_tot`: the vorm itself, or the next
    question with every vorm still reachable from it. Returns (vorm or None, vormen)."""
    toestand = zoek_toestand(kompas, antwoorden_tot)
    assert toestand is not None and toestand.vraag is not None
    doel = graaf.doel(graaf.vraag_index(kompas)[toestand.vraag], antwoord)
    if isinstance(doel, NaarVorm):
        return doel.vorm, {doel.vorm}
    return None, set(routes(kompas, doel.vraag))
