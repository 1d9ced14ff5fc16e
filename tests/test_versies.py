"""A change in the kompas' meaning needs a new version; `make versie` records it.

On the live data: its versions agree with it. The rest runs on changed copies of kompas 1.0."""

from __future__ import annotations

import datetime

import pytest

from macros.data import betekenis
from macros.data.loader import laad_kompas_data
from macros.review import versie

from .conftest import KOMPAS_10, kopieer_kompas10, pas_toe

DATUM = datetime.date(2027, 3, 1)


def test_de_versies_passen_bij_de_echte_data(data):
    assert betekenis.versie_fouten(data) == []


def _gewijzigd(tmp_path, *wijzigingen):
    gegevensmap = kopieer_kompas10(tmp_path / "d")
    pas_toe(gegevensmap, {"wijzigingen": [{"bestand": b, "vervang": v, "door": d} for b, v, d in wijzigingen]}, "test")
    return gegevensmap


HERROUTEER = (
    "kompas.yaml",
    "    ja: {vorm: peilen}\n    nee: {vraag: bestuurlijke-ruimte}",
    "    ja: {vorm: burgerparticipatie}\n    nee: {vraag: bestuurlijke-ruimte}",
)


def test_andere_route_zonder_nieuwe_versie_faalt(tmp_path):
    fouten = betekenis.versie_fouten(laad_kompas_data(_gewijzigd(tmp_path, HERROUTEER)))
    assert [f.soort for f in fouten] == ["huidig"]
    assert "make versie" in fouten[0].bericht


@pytest.mark.parametrize(
    "wijziging",
    [
        ("vormen.yaml", "zeggenschap: Beperkt.", "zeggenschap: Gemiddeld."),
        (
            "kompas.yaml",
            "Start bij elke\n    nieuwe fase/situatie het kompas dus opnieuw.",
            "Start het kompas opnieuw.",
        ),
        (
            "kompas.yaml",
            "motto: Eigenaarschap is verantwoordelijkheid voelen en nemen",
            "motto: Eigenaarschap is nemen",
        ),
    ],
    ids=["betekenis-van-een-vorm", "kanttekening", "motto"],
)
def test_wat_elke_uitkomst_toont_hoort_bij_de_betekenis(tmp_path, wijziging):
    assert betekenis.versie_fouten(laad_kompas_data(_gewijzigd(tmp_path, wijziging)))


def test_een_voorbeeld_toevoegen_vraagt_geen_nieuwe_versie(tmp_path):
    gegevensmap = _gewijzigd(tmp_path, ("vormen.yaml", "      - U-festival", "      - U-festival\n      - Moestuin"))
    assert betekenis.versie_fouten(laad_kompas_data(gegevensmap)) == []
    uitslag = versie.leg_vast(gegevensmap, laad_kompas_data(KOMPAS_10), "Een voorbeeld erbij.", datum=DATUM)
    assert uitslag.versie is None and "een nieuwe versie is niet nodig" in uitslag.bericht.lower()


def test_versie_legt_route_datum_paden_en_archief_vast(tmp_path):
    gegevensmap = _gewijzigd(tmp_path, HERROUTEER)
    vorige = laad_kompas_data(KOMPAS_10)
    uitslag = versie.leg_vast(gegevensmap, vorige, "Verhelderen leidt naar burgerparticipatie.", datum=DATUM)
    nu = laad_kompas_data(gegevensmap)
    assert nu.kompas.versie == "1.1" and uitslag.versie.versie == "1.1"
    top = nu.versies[0]
    assert (top.datum, top.samenvatting) == ("2027-03-01", "Verhelderen leidt naar burgerparticipatie.")
    assert top.wijzigingen == [
        "Antwoord ja op vraag 8 (eerst-verhelderen) leidt nu naar Burgerparticipatie, niet meer naar Peilen."
    ]
    assert {(p.antwoorden, p.van, p.naar) for p in top.paden} == {
        ("ja/ja/ja", "peilen", "burgerparticipatie"),
        ("nee/ja/nee/nee/ja/ja", "peilen", "burgerparticipatie"),
        ("nee/nee/ja/ja", "peilen", "burgerparticipatie"),
    }
    assert [a.versie for a in nu.archief] == ["1.0"]
    assert betekenis.als_dict(nu.archief[0]) == betekenis.als_dict(betekenis.betekenis(vorige))
    assert betekenis.versie_fouten(nu) == []
    # The comments at the top of the files stay: they are edited as text.
    assert (gegevensmap / "wijzigingen.yaml").read_text(encoding="utf-8").startswith("# yaml-language-server")
    assert "# Het Kompas voor zeggenschap als beslisgraaf." in (gegevensmap / "kompas.yaml").read_text(encoding="utf-8")


def test_versie_nog_een_keer_vervangt_de_eigen_versie(tmp_path):
    gegevensmap = _gewijzigd(tmp_path, HERROUTEER)
    vorige = laad_kompas_data(KOMPAS_10)
    versie.leg_vast(gegevensmap, vorige, "Eerste poging.", datum=DATUM)
    versie.leg_vast(gegevensmap, vorige, "Tweede poging.", datum=DATUM)
    nu = laad_kompas_data(gegevensmap)
    assert [v.versie for v in nu.versies] == ["1.1", "1.0"]
    assert nu.versies[0].samenvatting == "Tweede poging."
    # Undo the change: the version goes again.
    pas_toe(
        gegevensmap,
        {"wijzigingen": [{"bestand": HERROUTEER[0], "vervang": HERROUTEER[2], "door": HERROUTEER[1]}]},
        "terug",
    )
    versie.leg_vast(gegevensmap, vorige, "Terug.", datum=DATUM)
    nu = laad_kompas_data(gegevensmap)
    assert [v.versie for v in nu.versies] == ["1.0"] and nu.archief == [] and nu.kompas.versie == "1.0"


@pytest.mark.parametrize(
    "gevraagd, melding",
    [
        ("1.0", "is niet hoger dan de vorige versie 1.0"),
        ("0.9", "is niet hoger"),
        ("1,1", "is geen versie"),
    ],
)
def test_versie_weigert_een_versie_die_niet_hoger_is(tmp_path, gevraagd, melding):
    with pytest.raises(versie.VersieWeigering, match=melding):
        versie.leg_vast(_gewijzigd(tmp_path, HERROUTEER), laad_kompas_data(KOMPAS_10), "x", gevraagd, datum=DATUM)


def test_een_vraag_erbij_is_een_hoofdversie(tmp_path):
    gegevensmap = _gewijzigd(
        tmp_path,
        (
            "kompas.yaml",
            "    ja: {vorm: peilen}\n    nee: {vraag: bestuurlijke-ruimte}",
            "    ja: {vraag: nieuwe-vraag}\n    nee: {vraag: bestuurlijke-ruimte}\n\n"
            "  - id: nieuwe-vraag\n    tekst: Is dit een nieuwe vraag?\n"
            "    ja: {vorm: peilen}\n    nee: {vorm: burgerparticipatie}",
        ),
    )
    vorige = laad_kompas_data(KOMPAS_10)
    with pytest.raises(versie.VersieWeigering, match="nieuwe hoofdversie.*VERSIE=2.0"):
        versie.leg_vast(gegevensmap, vorige, "Een vraag erbij.", "1.1", datum=DATUM)
    assert versie.leg_vast(gegevensmap, vorige, "Een vraag erbij.", datum=DATUM).versie.versie == "2.0"


def test_met_de_hand_bewerkt_archief_of_pad_valt_op(tmp_path):
    gegevensmap = _gewijzigd(tmp_path, HERROUTEER)
    versie.leg_vast(gegevensmap, laad_kompas_data(KOMPAS_10), "Herroutering.", datum=DATUM)
    archief = gegevensmap / "archief" / "1.0.yaml"
    archief.write_text(
        archief.read_text(encoding="utf-8").replace('motto: "Eigenaarschap', 'motto: "Zeggenschap'), encoding="utf-8"
    )
    wijzigingen = gegevensmap / "wijzigingen.yaml"
    wijzigingen.write_text(
        wijzigingen.read_text(encoding="utf-8").replace(
            '      - {antwoorden: "ja/ja/ja", van: peilen, naar: burgerparticipatie}\n', ""
        ),
        encoding="utf-8",
    )
    fouten = betekenis.versie_fouten(laad_kompas_data(gegevensmap))
    assert sorted(f.soort for f in fouten) == ["archief", "paden"]
    paden = next(f for f in fouten if f.soort == "paden")
    assert '- {antwoorden: "ja/ja/ja", van: peilen, naar: burgerparticipatie}' in paden.regels
