"""The published JSON Schema: generated from the model, in step with schema/, and it agrees
with the loader on the real data and on every example it can judge."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from macros.data.model import BESTANDEN
from macros.uitvoer import json_schema

from .conftest import DATA, PROJECT, maak_voorbeeld
from .test_data import GELDIG, ONGELDIG

VALIDATOR = jsonschema.Draft202012Validator(json_schema.dataset_schema())


def als_dataset(gegevensmap: Path) -> dict:
    """A data folder as one object, file name -> content (what the dataset schema describes)."""
    return {
        p.name: yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted(gegevensmap.iterdir())
        if p.suffix in (".yaml", ".yml")
    }


def fouten(gegevensmap: Path) -> list[str]:
    try:
        dataset = als_dataset(gegevensmap)
    except (yaml.YAMLError, UnicodeDecodeError) as fout:
        return [f"geen geldige YAML: {fout}"]
    return [f"{'/'.join(map_(e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(dataset)]


def map_(pad) -> list[str]:
    return [str(p) for p in pad]


def test_het_schema_is_een_geldig_json_schema():
    jsonschema.Draft202012Validator.check_schema(json_schema.dataset_schema())
    for naam in BESTANDEN:
        jsonschema.Draft202012Validator.check_schema(json_schema.bestand_schema(naam))


def test_de_echte_data_past_in_het_schema():
    assert fouten(DATA) == []


@pytest.mark.parametrize("voorbeeld", GELDIG, ids=lambda p: p.stem)
def test_geldige_voorbeelden_passen_in_het_schema(voorbeeld, tmp_path):
    assert fouten(maak_voorbeeld(voorbeeld, tmp_path / "d")) == []


@pytest.mark.parametrize("voorbeeld", ONGELDIG, ids=lambda p: p.stem)
def test_schema_en_loader_zijn_het_eens_over_ongeldige_voorbeelden(voorbeeld, tmp_path):
    beschrijving = yaml.safe_load(voorbeeld.read_text(encoding="utf-8"))
    gevonden = fouten(maak_voorbeeld(voorbeeld, tmp_path / "d"))
    if "alleen_loader" in beschrijving:
        # The schema cannot see this kind of error; if it ever can, drop the marker.
        assert gevonden == [], gevonden
    else:
        assert gevonden, f"{voorbeeld.name}: het schema keurt dit goed, maar de loader niet"


def test_schema_map_is_bij(tmp_path):
    for naam, inhoud in json_schema.schema_bestanden().items():
        bestand = PROJECT / "schema" / naam
        assert bestand.is_file() and bestand.read_text(encoding="utf-8") == inhoud, (
            f"schema/{naam} loopt achter op macros/model.py; maak het opnieuw met `make schema`"
        )
    assert sorted(p.name for p in (PROJECT / "schema").glob("*.json")) == sorted(json_schema.schema_bestanden())


def test_elk_databestand_wijst_zijn_editor_naar_het_schema():
    for naam in BESTANDEN:
        eerste = (DATA / naam).read_text(encoding="utf-8").splitlines()[0]
        assert eerste == f"# yaml-language-server: $schema=../schema/{naam}.schema.json", naam


def test_het_schema_staat_op_de_site(gebouwde_site):
    gepubliceerd = json.loads((gebouwde_site / "kompas.schema.json").read_text(encoding="utf-8"))
    assert gepubliceerd == json_schema.dataset_schema()
    for naam in BESTANDEN:
        assert (gebouwde_site / "schema" / f"{naam}.schema.json").is_file()


def test_elk_veld_heeft_uitleg():
    for naam, definitie in json_schema.dataset_schema()["$defs"].items():
        assert definitie["description"], naam
        for veld, eigenschap in definitie["properties"].items():
            assert eigenschap.get("description"), f"{naam}.{veld} heeft geen uitleg in macros/model.py"
