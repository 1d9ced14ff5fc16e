"""One source for each fact: the zeggenschap scale, question numbers, the title of a vorm a
path leads to, and a question as a dict are defined once and every user follows them."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from macros.data import betekenis, graaf
from macros.data.loader import KompasDataError, laad_kompas_data
from macros.data.model import ZEGGENSCHAP, NaarVraag
from macros.uitvoer import json_schema
from macros.uitvoer.kompas_json import kompas_dict

from .conftest import kopieer_kompas10


def _met_schaal(tmp_path, waarde: int):
    gegevensmap = kopieer_kompas10(tmp_path / "data")
    vormen = gegevensmap / "vormen.yaml"
    tekst, n = re.subn(
        r"(?m)^(\s+zeggenschap_schaal:) \d+$", rf"\1 {waarde}", vormen.read_text(encoding="utf-8"), count=1
    )
    assert n == 1
    vormen.write_text(tekst, encoding="utf-8")
    return gegevensmap


@pytest.mark.parametrize("waarde", [ZEGGENSCHAP.laagste, ZEGGENSCHAP.hoogste])
def test_de_loader_neemt_elk_eind_van_de_schaal_aan(tmp_path, waarde):
    assert laad_kompas_data(_met_schaal(tmp_path, waarde)).vormen[0].zeggenschap_schaal == waarde


@pytest.mark.parametrize("waarde", [ZEGGENSCHAP.laagste - 1, ZEGGENSCHAP.hoogste + 1])
def test_de_loader_weigert_wat_buiten_de_schaal_valt(tmp_path, waarde):
    with pytest.raises(
        KompasDataError, match=re.escape(f"van {ZEGGENSCHAP.laagste} tot en met {ZEGGENSCHAP.hoogste} zijn")
    ):
        laad_kompas_data(_met_schaal(tmp_path, waarde))


def test_het_schema_heeft_dezelfde_schaal():
    veld = json_schema.dataset_schema()["$defs"]["Vorm"]["properties"]["zeggenschap_schaal"]
    assert (veld["minimum"], veld["maximum"]) == (ZEGGENSCHAP.laagste, ZEGGENSCHAP.hoogste)
    assert ZEGGENSCHAP.uitleg in veld["description"]


def test_vraagnummers_volgen_kompas_yaml(data):
    nummers = graaf.vraagnummers(data.kompas)
    assert [nummers[v.id] for v in data.kompas.vragen] == list(range(1, len(data.kompas.vragen) + 1))


def test_vorm_titel_van_een_verdwenen_vorm_is_zijn_id(data):
    vorm = data.vormen[0]
    assert graaf.vorm_titel(data, vorm.id) == vorm.titel
    zonder = replace(data, vormen=data.vormen[1:])
    assert graaf.vorm_titel(zonder, vorm.id) == vorm.id


# The site's own explanation of a question (B1, not the note's text) is in kompas.json but
# no part of the kompas' meaning: it may change without a new version. So is `bron`, where
# each field's text comes from.
EIGEN_UITLEG = {"uitleg", "voorbeeld", "bron"}


def test_kompas_json_en_vingerafdruk_schrijven_een_vraag_hetzelfde(data):
    vingerafdruk = betekenis.als_dict(betekenis.betekenis(data))["vragen"]
    gepubliceerd = kompas_dict(data)["vragen"]
    assert [{k: v for k, v in vraag.items() if k not in EIGEN_UITLEG} for vraag in gepubliceerd] == vingerafdruk
    assert all(set(vraag) - set(vingerafdruk[0]) == EIGEN_UITLEG for vraag in gepubliceerd)
    for vraag in kompas_dict(data)["vragen"]:
        for antwoord in graaf.ANTWOORDEN:
            doel = graaf.doel(data.vraag(vraag["id"]), antwoord)
            assert vraag[antwoord] == ({"vraag": doel.vraag} if isinstance(doel, NaarVraag) else {"vorm": doel.vorm})
