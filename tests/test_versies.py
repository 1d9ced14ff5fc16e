"""A change in the kompas' meaning needs a new version with a dated changelog entry."""

from __future__ import annotations

import subprocess
import sys

from macros.data import betekenis
from macros.data.loader import laad_kompas_data

from .conftest import PROJECT, VOORBEELDEN, maak_voorbeeld


def test_de_versie_past_bij_de_data(data):
    assert betekenis.versie_fout(data) is None, betekenis.versie_fout(data)
    assert data.versies[0].versie == data.kompas.versie


def _gewijzigd(tmp_path, bestand, vervang, door):
    data = maak_voorbeeld(VOORBEELDEN / "geldig" / "aanhalingstekens.yaml", tmp_path / "d")
    pad = data / bestand
    inhoud = pad.read_text(encoding="utf-8")
    assert vervang in inhoud
    pad.write_text(inhoud.replace(vervang, door, 1), encoding="utf-8")
    return data


def test_andere_route_zonder_nieuwe_versie_faalt(tmp_path):
    data = laad_kompas_data(_gewijzigd(tmp_path, "kompas.yaml", "    ja: {vorm: peilen}\n    nee: {vraag: bestuurlijke-ruimte}",
                                             "    ja: {vraag: bestuurlijke-ruimte}\n    nee: {vraag: bestuurlijke-ruimte}"))
    fout = betekenis.versie_fout(data)
    assert fout is not None
    assert "versie: \"1.1\"" in fout and betekenis.vingerafdruk(data) in fout


def test_andere_betekenis_van_een_vorm_zonder_nieuwe_versie_faalt(tmp_path):
    data = laad_kompas_data(_gewijzigd(tmp_path, "vormen.yaml", "zeggenschap: Beperkt.", "zeggenschap: Gemiddeld."))
    assert betekenis.versie_fout(data) is not None


def test_een_voorbeeld_toevoegen_vraagt_geen_nieuwe_versie(tmp_path):
    data = laad_kompas_data(_gewijzigd(tmp_path, "vormen.yaml", "      - U-festival", "      - U-festival\n      - Moestuin"))
    assert betekenis.versie_fout(data) is None


def test_make_check_noemt_de_ontbrekende_versie(tmp_path):
    data = _gewijzigd(tmp_path, "kompas.yaml", "Is het nodig het vraagstuk eerst te verhelderen?",
                      "Moet het vraagstuk eerst verhelderd worden?")
    resultaat = subprocess.run([sys.executable, "-m", "macros", "controleer", str(data)],
                               cwd=PROJECT, capture_output=True, text=True)
    assert resultaat.returncode == 1
    assert "inhoudelijk gewijzigd sinds versie 1.0" in resultaat.stderr
    assert "vingerafdruk: sha256:" in resultaat.stderr
