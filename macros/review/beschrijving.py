"""The words for each change of the change list (wijzigingen.py), written once and used twice:
plain, for the lines `make versie` writes under `wijzigingen:` in wijzigingen.yaml (the
changelog page shows them), and as Markdown in the outcome report (verschilrapport.py), where
`Opmaak` marks ids, data text and the new value. Short sentences, no quoted texts: the report
adds the wording itself, word by word. Changes that are no part of a version's meaning (an
example, an amount) have no sentence: the report lists them field by field.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable, Optional

from .wijzigingen import (
    Bestemming,
    KompastekstAnders,
    RouteAnders,
    StartAnders,
    Velden,
    VormAnders,
    VormEraf,
    VormErbij,
    VraagEraf,
    VraagErbij,
    VraagGeherformuleerd,
    Vraagnaam,
    VraagVernummerd,
    Wijziging,
)


@dataclass(frozen=True)
class Opmaak:
    """How a sentence shows what it takes from the data."""

    id: Callable[[str], str]  # a question's id
    tekst: Callable[[str], str]  # a text from the data (a vorm's title)
    nieuw: Callable[[str], str]  # what something is now


GEWOON = Opmaak(id=str, tekst=str, nieuw=str)

# How each meaning field of a vorm (betekenis.VORM_VELDEN, but its id) and each text of the
# kompas in a version's meaning (wijzigingen.KOMPASTEKSTEN) is named in a sentence; the tests
# check that every one has its words.
VELD_NAMEN = {
    "titel": "de naam",
    "samenwerkingsvorm": "of het een samenwerkingsvorm is",
    "wat_is_het": "'wat is het'",
    "zeggenschap": "de mate van zeggenschap",
    "zeggenschap_schaal": "de plaats op de schaal van zeggenschap",
    "eigenaar": "de eigenaar",
    "wanneer_geschikt": "'wanneer is dit een geschikte vorm'",
}
KOMPAS_TEKSTEN = {
    "toelichting": "De toelichting bij het kompas is anders",
    "motto": "De zin over eigenaarschap is anders",
    "kanttekeningen": "De kanttekeningen bij elke uitkomst zijn anders",
}


def in_woorden(wijzigingen: Iterable[Wijziging]) -> list[str]:
    """The changes of a version's meaning, one plain sentence each, in the order of the list."""
    return [f"{tekst}." for w in wijzigingen if (tekst := zin(w, GEWOON)) is not None]


def zin(wijziging: Wijziging, o: Opmaak) -> Optional[str]:
    """The sentence for one change, without its full stop (the report may add the wording
    after a colon); None for a change that is no part of the meaning."""
    return _ZINNEN[type(wijziging)](wijziging, o)


def vraag(naam: Vraagnaam, o: Opmaak) -> str:
    """A question as the check names it: "vraag 4 (ondersteuning-nodig)"."""
    return f"vraag {naam.nummer} ({o.id(naam.id)})"


def bestemming(doel: Bestemming, o: Opmaak) -> str:
    """Where an answer leads: a question as `vraag` names it, a vorm by its title."""
    return vraag(doel, o) if isinstance(doel, Vraagnaam) else o.tekst(doel.titel)


def _start(w: StartAnders, o: Opmaak) -> str:
    return f"Het kompas begint nu bij {o.nieuw(vraag(w.nieuw, o))}, niet meer bij {vraag(w.oud, o)}"


def _vraag_erbij(w: VraagErbij, o: Opmaak) -> str:
    return f"Nieuwe {vraag(w.vraag, o)}"


def _vraag_eraf(w: VraagEraf, o: Opmaak) -> str:
    return f"{_hoofdletter(vraag(w.vraag, o))} is weggehaald"


def _vernummerd(w: VraagVernummerd, o: Opmaak) -> str:
    return f"{_hoofdletter(vraag(w.vraag, o))} is nu {o.nieuw(f'vraag {w.nummer}')}"


def _geherformuleerd(w: VraagGeherformuleerd, o: Opmaak) -> str:
    return f"{_hoofdletter(vraag(w.vraag, o))} is anders geformuleerd"


def _route(w: RouteAnders, o: Opmaak) -> str:
    return (
        f"Antwoord {w.antwoord} op {vraag(w.vraag, o)} leidt nu naar {o.nieuw(bestemming(w.naar, o))}, "
        f"niet meer naar {bestemming(w.van, o)}"
    )


def _vorm_erbij(w: VormErbij, o: Opmaak) -> str:
    return f"Nieuwe vorm: {o.tekst(w.titel)}"


def _vorm_eraf(w: VormEraf, o: Opmaak) -> str:
    return f"Vorm {o.tekst(w.titel)} is weggehaald"


def _vorm_anders(w: VormAnders, o: Opmaak) -> Optional[str]:
    """Only the fields of its meaning: its examples or instruments are no change of the version."""
    namen = [VELD_NAMEN[veld] for veld in w.betekenis]
    if not namen:
        return None
    return f"Bij vorm {o.tekst(w.titel)} {'is' if len(namen) == 1 else 'zijn'} {_opsomming(namen)} anders"


def _kompastekst(w: KompastekstAnders, o: Opmaak) -> str:
    return KOMPAS_TEKSTEN[w.veld]


def _geen(w: Velden, o: Opmaak) -> None:
    """Fields that are no part of the meaning: the report alone lists them."""
    return None


# One sentence per kind of change; a kind without an entry is a KeyError, never silence.
_ZINNEN: dict[type, Callable[[Any, Opmaak], Optional[str]]] = {
    StartAnders: _start,
    VraagErbij: _vraag_erbij,
    VraagEraf: _vraag_eraf,
    VraagVernummerd: _vernummerd,
    VraagGeherformuleerd: _geherformuleerd,
    RouteAnders: _route,
    VormErbij: _vorm_erbij,
    VormEraf: _vorm_eraf,
    VormAnders: _vorm_anders,
    KompastekstAnders: _kompastekst,
    Velden: _geen,
}


def _hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]


def _opsomming(delen: list[str]) -> str:
    return delen[0] if len(delen) == 1 else ", ".join(delen[:-1]) + " en " + delen[-1]
