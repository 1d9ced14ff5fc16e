"""The kompas data loads and validates; every invalid example fails, saying what is wrong.

The live data is only checked for what must hold for any version of it; the expectations
about kompas 1.0 run on its frozen copy (`kompas10`)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from macros.data.loader import KompasDataError, laad_kompas_data
from macros.data.model import BESTANDEN

from .conftest import DATA, KOMPAS_10, PROJECT, VOORBEELDEN, kopieer_kompas10, maak_voorbeeld

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
    for niet in beschrijving.get("niet_verwacht", []):
        assert niet not in melding, f"{voorbeeld.name}: {niet!r} hoort niet in:\n{melding}"
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
    # a message that says "regel 12, kolom 9" in words says the same place. What stands at a
    # line is named by its field, never by "(bestand)"; text from the data is shown as its
    # letters, never as a code such as \xad.
    for f in fout.value.fouten:
        assert f.bestand in BESTANDEN or f.bestand.endswith((".yaml", ".yml")), f
        if f.pad:
            assert f.regel and f.regel > 0 and f.kolom and f.kolom > 0, f
        if f.regel:
            regel = (
                (tmp_path / "data" / f.bestand).read_bytes().decode("utf-8", errors="replace").splitlines()[f.regel - 1]
            )
            assert f.pad or not regel.strip() or regel.lstrip().startswith("#"), f
        assert "(bestand)" not in str(f) and not re.search(r"\\(x[0-9a-f]{2}|u[0-9a-f]{4})", str(f)), f
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


def test_elk_bestand_dat_te_lezen_is_wordt_gecontroleerd(tmp_path):
    # A file YAML cannot read stops at its first mistake, and says so; it hides nothing in the
    # other files: a wrong total, a duplicate id and a cycle elsewhere are reported in the same run.
    data = kopieer_kompas10(tmp_path / "d")
    wijzig = {
        "vormen.yaml": ("    titel: Peilen\n", "    titel Peilen\n"),
        "financien.yaml": ("bedragen: [499060, 499060, 499060, 409060]", "bedragen: [499060, 499060, 499060, 1]"),
        "principes.yaml": ("  - id: lef-tonen\n", "  - id: vertrouwen-geven\n"),
        "kompas.yaml": ("    ja: {vraag: verder-onderzoeken}", "    ja: {vraag: bestaat-niet}"),
    }
    for bestand, (oud, nieuw) in wijzig.items():
        tekst = (data / bestand).read_text(encoding="utf-8")
        assert oud in tekst, (bestand, oud)
        (data / bestand).write_text(tekst.replace(oud, nieuw, 1), encoding="utf-8")
    with pytest.raises(KompasDataError) as fout:
        laad_kompas_data(data)
    per_bestand = {f.bestand: f for f in fout.value.fouten}
    # indicatoren.yaml refers to the principle that is gone: both files could be read, so that
    # reference is checked too.
    assert set(per_bestand) == {*wijzig, "indicatoren.yaml"}, fout.value.fouten
    assert "verwijst naar principe 'lef-tonen'" in per_bestand["indicatoren.yaml"].bericht
    assert "ontbreekt een dubbele punt" in per_bestand["vormen.yaml"].bericht
    assert per_bestand["vormen.yaml"].bericht.endswith(
        "De controle stopt in dit bestand bij de eerste fout; herstel die en draai make check opnieuw"
    )
    assert "het totaal voor 2027 is 1" in per_bestand["financien.yaml"].bericht
    assert "komt twee keer voor in principes" in per_bestand["principes.yaml"].bericht
    assert "wijst naar vraag 'bestaat-niet'" in per_bestand["kompas.yaml"].bericht
    assert f"({len(fout.value.fouten)} fouten)" in str(fout.value) and len(fout.value.fouten) >= 5


def test_een_archief_dat_niet_te_lezen_is_ontbreekt_niet(tmp_path):
    # A file that is there but cannot be read is reported as such, not also as missing.
    data = maak_voorbeeld(VOORBEELDEN / "ongeldig" / "versie-met-de-hand.yaml", tmp_path / "d")
    (data / "archief").mkdir()
    (data / "archief" / "1.0.yaml").write_text("versie: [1.0\n", encoding="utf-8")
    with pytest.raises(KompasDataError) as fout:
        laad_kompas_data(data)
    (enige,) = fout.value.fouten
    assert enige.bestand == "archief/1.0.yaml" and "wordt niet goed gesloten" in enige.bericht


# The mistakes the example messages of README.md and BIJDRAGEN.md are about, made in a copy of
# the live data (by the names of the records, which are fixed, not by their text).
FOUTEN_VAN_DE_VOORBEELDEN = [
    ("kompas.yaml", r"(- id: besluit-nodig\n(?:.*\n)*?    ja: \{vraag: )[\w-]+", r"\1bestaat-niet"),
    ("principes.yaml", r"(- id: lef-tonen\n(?:.*\n)*?\s+spreker: ).*", r"\1no"),
    ("vormen.yaml", r"(- id: peilen\n(?:.*\n)*?    zeggenschap: )(.*)", r"\1“\2”"),
]


def test_de_voorbeelden_in_readme_en_bijdragen_zijn_echte_meldingen(tmp_path):
    # Every message the guides quote in full (a `text` block: file:line:column: field: message)
    # is what the check says. Line and column are today's when the guide was written; a change
    # of the data moves them, so only they may differ (tests on the live data test invariants).
    data = tmp_path / "kompas_data"
    shutil.copytree(DATA, data)
    for bestand, patroon, door in FOUTEN_VAN_DE_VOORBEELDEN:
        tekst = (data / bestand).read_text(encoding="utf-8")
        gewijzigd = re.sub(patroon, door, tekst, count=1)
        assert gewijzigd != tekst, (bestand, patroon)
        (data / bestand).write_text(gewijzigd, encoding="utf-8")
    with pytest.raises(KompasDataError) as fout:
        laad_kompas_data(data)
    meldingen = [str(f) for f in fout.value.fouten]
    voorbeelden = [
        regel
        for gids in ("README.md", "BIJDRAGEN.md")
        for blok in re.findall(r"```text\n(.*?)```", (PROJECT / gids).read_text(encoding="utf-8"), re.S)
        for regel in blok.strip().splitlines()
        if re.match(r"^\s*[\w/.-]+\.yaml:\d+:\d+: ", regel)
    ]
    assert len(voorbeelden) >= 3
    for voorbeeld in voorbeelden:
        delen = re.split(r"(?<=:)\d+(?=:)|(?<=regel )\d+|(?<=kolom )\d+", voorbeeld.strip().removesuffix("…").rstrip())
        patroon = r"\d+".join(re.escape(deel) for deel in delen)
        assert any(re.match(patroon, m) for m in meldingen), (voorbeeld, meldingen)
