"""The kompas graph: its paths equal the golden table, and it has the shape every version needs."""

from __future__ import annotations

from pathlib import Path

from macros.data import graaf
from macros.review import gouden

GOUDEN = Path(__file__).resolve().parent / "golden" / "kompas-paden.md"
HERMAAK = "Klopt de wijziging? Maak de tabel opnieuw met `make paden` en laat de diff reviewen."


def test_paden_gelijk_aan_de_gouden_tabel(data):
    verwacht = GOUDEN.read_text(encoding="utf-8")
    werkelijk = gouden.paden_tabel(data.kompas)
    assert werkelijk == verwacht, (
        f"De paden door het kompas wijken af van {GOUDEN.name}: een wijziging in kompas_data/ "
        f"verandert de uitkomst van het kompas. {HERMAAK}"
    )


def _gouden_paden() -> dict[str, str]:
    regels = [r for r in GOUDEN.read_text(encoding="utf-8").splitlines() if r.startswith("| ") and "/" in r]
    return {cellen[0]: cellen[1] for cellen in (
        [c.strip() for c in r.strip("|").split("|")] for r in regels)}


def test_gouden_tabel_is_de_lezing_van_kompas_1_0():
    # kompas-lezing.md: 19 complete paths, and these outcomes at the ends of the main routes.
    paden = _gouden_paden()
    assert len(paden) == 19
    assert paden["nee/ja/ja/ja"] == "overheidsmiddelen"
    assert paden["nee/ja/ja/nee"] == "utrechter-aan-zet"
    assert paden["nee/ja/nee/ja/ja"] == "samen-aan-zet"
    assert paden["nee/ja/nee/ja/nee"] == "overheidsparticipatie"
    assert paden["ja/ja/ja"] == "peilen"
    assert paden["ja/ja/nee/ja/ja"] == "burgerparticipatie"
    assert paden["ja/nee"] == "gemeente-aan-zet"


def test_elk_pad_volgt_de_antwoorden_in_de_data(data):
    vragen = graaf.vraag_index(data.kompas)
    for pad in graaf.paden(data.kompas):
        assert pad.stappen[0].vraag == data.kompas.start
        for stap, volgende in zip(pad.stappen, pad.stappen[1:]):
            assert graaf.doel(vragen[stap.vraag], stap.antwoord).vraag == volgende.vraag
        laatste = pad.stappen[-1]
        assert graaf.doel(vragen[laatste.vraag], laatste.antwoord).vorm == pad.vorm


def test_vorm_van_het_kompas_als_graaf(data):
    kompas = data.kompas
    assert graaf.vind_cyclus(kompas) is None
    vragen, vormen = graaf.bereikbaar(kompas)
    assert vragen == {v.id for v in kompas.vragen}
    assert vormen == {v.id for v in data.vormen}
    # verder-onderzoeken is entered from three places: a DAG, not a tree.
    ingangen = [v.id for v in kompas.vragen for d in (v.ja, v.nee) if d.vraag == "verder-onderzoeken"]
    assert len(ingangen) == 3


def test_aantal_toestanden_van_de_wijzer(data):
    # One state per answered prefix: 18 question states and 19 outcomes (kompas 1.0).
    paden = graaf.paden(data.kompas)
    vraagtoestanden = {tuple(s.antwoord for s in p.stappen[:i]) for p in paden for i in range(len(p.stappen))}
    assert (len(vraagtoestanden), len(paden)) == (18, 19)


def test_aantal_paden_zonder_ze_op_te_sommen(data):
    assert graaf.aantal_paden(data.kompas) == len(graaf.paden(data.kompas)) == 19


def test_cyclus_wordt_gevonden(data):
    from dataclasses import replace

    from macros.data.model import Doel

    vragen = [replace(v, nee=Doel(vraag="besluit-nodig")) if v.id == "representatieve-groep" else v
              for v in data.kompas.vragen]
    cyclus = graaf.vind_cyclus(replace(data.kompas, vragen=vragen))
    assert cyclus is not None and cyclus[0] == cyclus[-1]
