"""The kompas data loads and validates; every invalid example fails, saying what is wrong.

The live data is only checked for what must hold for any version of it; the expectations
about kompas 1.0 run on its frozen copy (`kompas10`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from macros.data.loader import KompasDataError, laad_kompas_data
from macros.data.model import BESTANDEN

from .conftest import DATA, KOMPAS_10, VOORBEELDEN, maak_voorbeeld

GELDIG = sorted((VOORBEELDEN / "geldig").iterdir())
ONGELDIG = sorted((VOORBEELDEN / "ongeldig").glob("*.yaml"))


def test_de_echte_data_laadt(data):
    # Loading is the check (every rule in the loader); a few facts any version must keep:
    assert data.kompas.vragen and data.vormen and data.principes
    assert data.versies[0].versie == data.kompas.versie


def test_elk_gegevensbestand_staat_in_kompas_data():
    assert sorted(p.name for p in DATA.glob("*.yaml")) == sorted(BESTANDEN)
    assert sorted(p.name for p in KOMPAS_10.glob("*.yaml")) == sorted(BESTANDEN)


def test_kompas_1_0_is_de_lezing_van_de_nota(kompas10):
    assert kompas10.kompas.versie == "1.0"
    assert len(kompas10.kompas.vragen) == 10
    assert [v.id for v in kompas10.vormen] == [
        "utrechter-aan-zet",
        "overheidsmiddelen",
        "overheidsparticipatie",
        "samen-aan-zet",
        "burgerparticipatie",
        "peilen",
        "gemeente-aan-zet",
    ]
    assert [p.id for p in kompas10.principes] == [
        "open-en-eerlijk",
        "vertrouwen-geven",
        "lef-tonen",
        "inclusie-en-diversiteit",
        "duurzame-relaties",
        "leren-en-verbeteren",
    ]
    schaal = {v.id: v.zeggenschap_schaal for v in kompas10.vormen}
    assert schaal == {
        "utrechter-aan-zet": 4,
        "overheidsmiddelen": 3,
        "overheidsparticipatie": 3,
        "samen-aan-zet": 3,
        "burgerparticipatie": 2,
        "peilen": 1,
        "gemeente-aan-zet": 0,
    }
    niet_samen = {v.id for v in kompas10.vormen if not v.samenwerkingsvorm}
    assert niet_samen == {"utrechter-aan-zet", "gemeente-aan-zet"}


@pytest.mark.parametrize("voorbeeld", GELDIG, ids=lambda p: p.stem)
def test_geldig_voorbeeld_laadt(voorbeeld: Path, tmp_path):
    laad_kompas_data(maak_voorbeeld(voorbeeld, tmp_path / "data"))


@pytest.mark.parametrize("voorbeeld", ONGELDIG, ids=lambda p: p.stem)
def test_ongeldig_voorbeeld_faalt_met_duidelijke_melding(voorbeeld: Path, tmp_path):
    beschrijving = yaml.safe_load(voorbeeld.read_text(encoding="utf-8"))
    with pytest.raises(KompasDataError) as fout:
        laad_kompas_data(maak_voorbeeld(voorbeeld, tmp_path / "data"))
    melding = str(fout.value)
    for verwacht in beschrijving["verwacht"]:
        assert verwacht in melding, f"{voorbeeld.name}: {verwacht!r} ontbreekt in:\n{melding}"
    # Where the example says where the mistake is, the message points there: the file, the
    # line (by what it says, so the example reads without counting) and the column.
    if "regel" in beschrijving:
        (bestand,) = {f.bestand for f in fout.value.fouten}
        assert bestand == beschrijving.get("bestand", bestand)
        regels = (tmp_path / "data" / bestand).read_bytes().decode("utf-8", errors="replace").splitlines()
        (genoemd,) = {f.regel for f in fout.value.fouten}
        assert beschrijving["regel"] in regels[genoemd - 1], (genoemd, regels[genoemd - 1])
        if "kolom" in beschrijving:
            assert {f.kolom for f in fout.value.fouten} == {beschrijving["kolom"]}, fout.value.fouten
    # Every problem names its file; problems inside a file name the line and column too, and
    # a message that says "regel 12, kolom 9" in words says the same place.
    for f in fout.value.fouten:
        assert f.bestand in BESTANDEN or f.bestand.endswith((".yaml", ".yml")), f
        if f.pad:
            assert f.regel and f.regel > 0 and f.kolom and f.kolom > 0, f
        if in_woorden := re.search(r"regel (\d+), kolom (\d+)", f.bericht):
            assert (int(in_woorden[1]), int(in_woorden[2])) == (f.regel, f.kolom), f


def test_er_zijn_genoeg_voorbeelden():
    # The examples are the specification of the checks: keep at least one per kind of error.
    assert len(ONGELDIG) >= 40 and len(GELDIG) >= 2


def test_meldingen_noemen_bestand_pad_en_regel(tmp_path):
    data = maak_voorbeeld(VOORBEELDEN / "ongeldig" / "verwijzing-naar-onbekende-vraag.yaml", tmp_path / "d")
    with pytest.raises(KompasDataError) as fout:
        laad_kompas_data(data)
    regel = next(str(f) for f in fout.value.fouten if "bestaat-niet" in f.bericht)
    # kompas.yaml:<line>:<column>: <what the value is, by name>: <what is wrong>
    assert re.match(r"^kompas\.yaml:\d+:\d+: vraag 1 \(besluit-nodig\) › ja › vraag: ", regel), regel
    nummer, kolom = (int(d) for d in regel.split(":")[1:3])
    assert (data / "kompas.yaml").read_text().splitlines()[nummer - 1][kolom - 1 :].startswith("bestaat-niet")


def test_alle_fouten_tegelijk(tmp_path):
    # A data editor sees the problems of every file in one run, not one per build.
    data = maak_voorbeeld(VOORBEELDEN / "ongeldig" / "yaml-versie-als-getal.yaml", tmp_path / "d")
    vormen = data / "vormen.yaml"
    vormen.write_text(vormen.read_text().replace("zeggenschap_schaal: 0", "zeggenschap_schaal: geen"))
    with pytest.raises(KompasDataError) as fout:
        laad_kompas_data(data)
    assert {f.bestand for f in fout.value.fouten} == {"kompas.yaml", "vormen.yaml"}
    assert "2 fouten" in str(fout.value)


def test_een_map_die_niet_bestaat(tmp_path):
    with pytest.raises(KompasDataError, match="bestaat niet"):
        laad_kompas_data(tmp_path / "nergens")
