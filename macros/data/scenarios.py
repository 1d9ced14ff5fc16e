"""The kompasteam's scenarios: situations the note names, walked through the kompas.

A scenario answers questions by id, so it keeps its meaning when a question is reworded or
moves; when the kompas asks a question the scenario does not answer, or ends elsewhere than
the note says, the scenario fails with its name, where it stands in scenarios.yaml and what
the kompas now gives. The example under a question (kompas.yaml, the site's words) is told by
a scenario too (`voorbeeld_van`): it must pass that question and end at the note's vorm.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from . import graaf
from .graaf import Beslisgraaf, Knoop
from .lezer import Fout, plek_van
from .model import Doel, KompasData, NaarVorm, NaarVraag, Scenario


@dataclass(frozen=True)
class Uitkomst:
    scenario: Scenario
    stappen: tuple[graaf.Stap, ...]
    # Where the walk stopped: at a vorm, or at a question the scenario gives no answer to.
    einde: Doel

    @property
    def vorm(self) -> Optional[str]:
        """The vorm the kompas ends at, or None when the scenario stopped before it."""
        return self.einde.vorm if isinstance(self.einde, NaarVorm) else None

    @property
    def langs_voorbeeld(self) -> bool:
        """The scenario of an example under a question passes that question (else the example
        illustrates a question this situation never meets)."""
        vraag_id = self.scenario.voorbeeld_van
        return vraag_id is None or any(stap.vraag == vraag_id for stap in self.stappen)

    @property
    def klopt(self) -> bool:
        return self.vorm == self.scenario.verwacht and self.langs_voorbeeld


def loop(kompas: Beslisgraaf[Knoop], scenario: Scenario) -> Uitkomst:
    """Walk `kompas` (the current one or an archived version) with the scenario's answers."""
    vragen = graaf.vraag_index(kompas)
    vraag_id = kompas.start
    stappen: tuple[graaf.Stap, ...] = ()
    # A validated kompas has no cycles, so this ends within len(vragen) steps.
    for _ in range(len(vragen) + 1):
        antwoord = scenario.antwoorden.get(vraag_id)
        if antwoord is None:
            return Uitkomst(scenario, stappen, NaarVraag(vraag_id))
        stappen += (graaf.Stap(vraag_id, antwoord),)
        doel = graaf.doel(vragen[vraag_id], antwoord)
        if isinstance(doel, NaarVorm):
            return Uitkomst(scenario, stappen, doel)
        vraag_id = doel.vraag
    raise ValueError("het kompas loopt in een kring")


def uitkomsten(data: KompasData) -> list[Uitkomst]:
    return [loop(data.kompas, s) for s in data.scenarios]


def fout(data: KompasData, uitkomst: Uitkomst) -> Fout:
    """Why a scenario fails, in words for the kompasteam, at the line to change: its answers
    when one is missing, the question whose example it is when the route no longer passes it,
    else what it expects."""
    s = uitkomst.scenario
    nummers = graaf.vraagnummers(data.kompas)
    titel = {v.id: v.titel for v in data.vormen}
    verwacht = titel.get(s.verwacht, s.verwacht)
    einde = uitkomst.einde
    if isinstance(einde, NaarVraag):
        plek = plek_van(s, "antwoorden")
        bericht = (
            f"het kompas vraagt nu vraag {nummers[einde.vraag]} ({einde.vraag}), maar het "
            f"scenario geeft daar geen antwoord op. Zet bij dit scenario onder antwoorden: "
            f"'{einde.vraag}: ja' of 'nee' (verwacht: {verwacht})."
        )
    elif einde.vorm == s.verwacht and s.voorbeeld_van is not None:
        # The right vorm, so the route misses the question whose example the scenario tells.
        plek = plek_van(s, "voorbeeld_van")
        bericht = (
            f"dit scenario is het voorbeeld onder vraag {nummers[s.voorbeeld_van]} ({s.voorbeeld_van}), maar het "
            f"kompas komt nu niet langs die vraag (route: {_route(uitkomst, nummers)}). Zet voorbeeld_van op een "
            "vraag van deze route en zet het voorbeeld in kompas.yaml onder die vraag, of kies bij de vraag een "
            "voorbeeld dat er wel langs komt (met een eigen scenario)."
        )
    else:
        plek = plek_van(s, "verwacht")
        route = _route(uitkomst, nummers)
        bericht = (
            f"het kompas geeft nu {titel[einde.vorm]} (route: {route}), maar dit scenario verwacht {verwacht}. "
            "Klopt de wijziging, pas dan 'verwacht' van dit scenario aan en zeg in de pull request waarom; "
            f'de nota zegt: "{s.bron}"'
        )
    return Fout(plek.bestand, plek.pad, plek.regel, bericht, plek.kolom)


def _route(uitkomst: Uitkomst, nummers: dict[str, int]) -> str:
    return ", ".join(f"vraag {nummers[st.vraag]} {st.antwoord}" for st in uitkomst.stappen)


def voorbeelden_zonder_scenario(data: KompasData) -> list[Fout]:
    """Every example under a question is told by a scenario (`voorbeeld_van`) that walks to the
    vorm the note gives that situation: an example on the site may not point elsewhere than the
    note. One problem per example without one, at the example in kompas.yaml."""
    verteld = {s.voorbeeld_van for s in data.scenarios}
    fouten = []
    for vraag in data.kompas.vragen:
        if vraag.voorbeeld is None or vraag.id in verteld:
            continue
        plek = plek_van(vraag, "voorbeeld")
        bericht = (
            f"bij dit voorbeeld staat geen scenario in scenarios.yaml. Zet de situatie van het voorbeeld daar als "
            f"scenario, met 'voorbeeld_van: {vraag.id}', de antwoorden en de vorm die de nota voor die situatie "
            "noemt (in bron: waar de nota dat zegt). Noemt de nota de situatie nergens, kies dan een voorbeeld "
            "dat de nota wel noemt."
        )
        fouten.append(Fout(plek.bestand, plek.pad, plek.regel, bericht, plek.kolom))
    return fouten


def melding(data: KompasData, uitkomst: Uitkomst) -> str:
    """The failing scenario as one line: scenarios.yaml:<line>:<column>: scenario '<naam>' › …: why."""
    return str(fout(data, uitkomst))
