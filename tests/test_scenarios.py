"""The kompasteam's scenarios: every situation the note names gives its vorm. On the live
data as an invariant; the engine (walking by question id, the messages) on kompas 1.0."""

from __future__ import annotations

from dataclasses import replace

from macros.data import scenarios
from macros.data.model import Doel

from .conftest import KOMPAS_10


def test_elk_scenario_van_het_kompasteam_klopt(data):
    fout = [scenarios.melding(data, u) for u in scenarios.uitkomsten(data) if not u.klopt]
    assert not fout, "\n".join(fout)


def test_scenarios_lopen_per_vraag_id(kompas10):
    uitkomsten = {u.scenario.naam: u for u in scenarios.uitkomsten(kompas10)}
    assert all(u.klopt for u in uitkomsten.values())
    buurtfeest = uitkomsten["Buurtfeest"]
    assert buurtfeest.vorm == "utrechter-aan-zet"
    assert [s.vraag for s in buurtfeest.stappen] == [
        "besluit-nodig",
        "eigenaarschap-utrechters",
        "inhoud-overlaten",
        "ondersteuning-nodig",
    ]


def _met_vragen(data, vragen):
    return replace(data, kompas=replace(data.kompas, vragen=vragen))


def test_een_andere_uitkomst_noemt_het_scenario_en_wat_het_nu_geeft(kompas10):
    vragen = [
        replace(v, ja=Doel(vorm="burgerparticipatie")) if v.id == "eerst-verhelderen" else v
        for v in kompas10.kompas.vragen
    ]
    data = _met_vragen(kompas10, vragen)
    (fout,) = [u for u in scenarios.uitkomsten(data) if not u.klopt]
    melding = scenarios.melding(data, fout)
    # At the scenario's `verwacht`, where the kompasteam changes it if the change is right.
    regel = scenarios.fout(data, fout).regel
    assert melding.startswith(
        f"scenarios.yaml:{regel}:15: scenario 'Warmteoplossing in een buurt' › verwacht: het kompas geeft nu "
        "Burgerparticipatie (route: vraag 1 ja, vraag 7 ja, vraag 8 ja), maar dit scenario verwacht Peilen."
    )
    assert (KOMPAS_10 / "scenarios.yaml").read_text().splitlines()[regel - 1] == "    verwacht: peilen"
    assert "onderzoek meest geschikte warmteoplossing" in melding  # the note's passage


def test_een_vraag_die_het_scenario_niet_beantwoordt(kompas10):
    vragen = [
        replace(v, nee=Doel(vraag="bestuurlijke-ruimte")) if v.id == "verder-onderzoeken" else v
        for v in kompas10.kompas.vragen
    ]
    data = _met_vragen(kompas10, vragen)
    fout = {u.scenario.naam: u for u in scenarios.uitkomsten(data) if not u.klopt}
    assert set(fout) == {"Uitgifte paspoorten", "Handhaving"}
    melding = scenarios.melding(data, fout["Handhaving"])
    assert melding.startswith("scenarios.yaml:")
    assert (
        "scenario 'Handhaving' › antwoorden: het kompas vraagt nu vraag 9 (bestuurlijke-ruimte), maar het "
        "scenario geeft daar geen antwoord op" in melding
    )
    regel = scenarios.fout(data, fout["Handhaving"]).regel
    regels = (KOMPAS_10 / "scenarios.yaml").read_text().splitlines()
    # The first answer of Handhaving, under `antwoorden:`: where the missing one goes.
    assert regels[regel - 4] == "  - naam: Handhaving" and regels[regel - 2] == "    antwoorden:"
