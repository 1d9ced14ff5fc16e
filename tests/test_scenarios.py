"""The kompasteam's scenarios: every situation the note names gives its vorm. On the live
data as an invariant; the engine (walking by question id, the messages) on kompas 1.0."""

from __future__ import annotations

from dataclasses import replace

from macros.data import scenarios
from macros.data.loader import laad_kompas_data
from macros.data.model import NaarVorm, NaarVraag

from .conftest import KOMPAS_10, kopieer_kompas10, pas_toe


def test_elk_scenario_van_het_kompasteam_klopt(data):
    fout = [scenarios.melding(data, u) for u in scenarios.uitkomsten(data) if not u.klopt]
    assert not fout, "\n".join(fout)


def test_elk_voorbeeld_onder_een_vraag_is_een_scenario_dat_langs_die_vraag_naar_de_vorm_van_de_nota_loopt(data):
    """The examples under the questions are the site's words: each is told by the scenario that
    names its question (`voorbeeld_van`), which passes that question and ends where the note
    puts the situation (its `bron`)."""
    assert not scenarios.voorbeelden_zonder_scenario(data), "\n".join(
        str(f) for f in scenarios.voorbeelden_zonder_scenario(data)
    )
    verteld = {s.voorbeeld_van: s for s in data.scenarios if s.voorbeeld_van is not None}
    for vraag in data.kompas.vragen:
        if vraag.voorbeeld is None:
            continue
        uitkomst = scenarios.loop(data.kompas, verteld[vraag.id])
        assert vraag.id in [stap.vraag for stap in uitkomst.stappen], (vraag.id, uitkomst.stappen)
        assert uitkomst.vorm == uitkomst.scenario.verwacht, (vraag.id, uitkomst.vorm)


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
        replace(v, ja=NaarVorm("burgerparticipatie")) if v.id == "eerst-verhelderen" else v
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
        replace(v, nee=NaarVraag("bestuurlijke-ruimte")) if v.id == "verder-onderzoeken" else v
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


def _kompas10_met(tmp_path, *wijzigingen):
    """Kompas 1.0 as YAML with these changes, loaded: messages can name their lines."""
    map_ = kopieer_kompas10(tmp_path / "data")
    pas_toe(map_, {"wijzigingen": list(wijzigingen)}, "test")
    return laad_kompas_data(map_)


VOORBEELD_BIJ_VRAAG_2 = {
    "bestand": "kompas.yaml",
    "vervang": "    ja: {vraag: inhoud-overlaten}\n",
    "door": "    ja: {vraag: inhoud-overlaten}\n    voorbeeld: Bewoners willen zelf een buurtfeest houden.\n",
}
BUURTFEEST_IS_HET_VOORBEELD = {
    "bestand": "scenarios.yaml",
    "vervang": "  - naam: Buurtfeest\n",
    "door": "  - naam: Buurtfeest\n    voorbeeld_van: eigenaarschap-utrechters\n",
}


def test_een_voorbeeld_zonder_scenario_wordt_gemeld_bij_het_voorbeeld(tmp_path):
    data = _kompas10_met(tmp_path, VOORBEELD_BIJ_VRAAG_2)
    (fout,) = scenarios.voorbeelden_zonder_scenario(data)
    assert str(fout).startswith(
        f"kompas.yaml:{fout.regel}:16: vraag 2 (eigenaarschap-utrechters) › voorbeeld: bij dit voorbeeld staat geen "
        "scenario in scenarios.yaml"
    )
    assert "'voorbeeld_van: eigenaarschap-utrechters'" in fout.bericht
    regels = (tmp_path / "data" / "kompas.yaml").read_text(encoding="utf-8").splitlines()
    assert regels[fout.regel - 1] == "    voorbeeld: Bewoners willen zelf een buurtfeest houden."
    # With the scenario that tells it, nothing is missing.
    met = _kompas10_met(tmp_path / "met", VOORBEELD_BIJ_VRAAG_2, BUURTFEEST_IS_HET_VOORBEELD)
    assert scenarios.voorbeelden_zonder_scenario(met) == []


def test_een_voorbeeld_waar_de_route_niet_meer_langs_komt_faalt_bij_voorbeeld_van(tmp_path):
    data = _kompas10_met(tmp_path, VOORBEELD_BIJ_VRAAG_2, BUURTFEEST_IS_HET_VOORBEELD)
    assert all(u.klopt for u in scenarios.uitkomsten(data))
    # Nee at vraag 1 now skips vraag 2: the Buurtfeest still ends at Utrechter aan zet, but no
    # longer meets the question whose example it is.
    vragen = [
        replace(v, nee=NaarVraag("inhoud-overlaten")) if v.id == "besluit-nodig" else v for v in data.kompas.vragen
    ]
    data = _met_vragen(data, vragen)
    (fout,) = [u for u in scenarios.uitkomsten(data) if not u.klopt]
    assert fout.scenario.naam == "Buurtfeest" and fout.vorm == fout.scenario.verwacht == "utrechter-aan-zet"
    melding = scenarios.fout(data, fout)
    regels = (tmp_path / "data" / "scenarios.yaml").read_text(encoding="utf-8").splitlines()
    assert regels[melding.regel - 1] == "    voorbeeld_van: eigenaarschap-utrechters"
    assert str(melding).startswith(
        f"scenarios.yaml:{melding.regel}:20: scenario 'Buurtfeest' › voorbeeld_van: dit scenario is het voorbeeld "
        "onder vraag 2 (eigenaarschap-utrechters), maar het kompas komt nu niet langs die vraag (route: vraag 1 nee, "
        "vraag 3 ja, vraag 4 nee)."
    )
