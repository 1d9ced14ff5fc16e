"""The kompas graph. The engine on kompas 1.0 (its 19 paths, as the note's flowchart reads);
on the live data only what holds for every version: the golden files and the graph's shape."""

from __future__ import annotations

from dataclasses import replace

from macros.data import graaf
from macros.data.model import NaarVorm, NaarVraag
from macros.review import gouden

from .conftest import GOUDEN


def test_gouden_bestanden_passen_bij_de_data(data):
    afwijkend = gouden.afwijkingen(data, GOUDEN)
    assert not afwijkend, (
        "De gouden bestanden in tests/golden/ passen niet bij kompas_data/: "
        + "; ".join(afwijkend[:5])
        + '. Is het kompas inhoudelijk gewijzigd? Draai `make versie WAT="…"`; anders `make gouden`.'
    )


def test_elk_pad_volgt_de_antwoorden_in_de_data(data):
    vragen = graaf.vraag_index(data.kompas)
    for pad in graaf.paden(data.kompas):
        assert pad.stappen[0].vraag == data.kompas.start
        for stap, volgende in zip(pad.stappen, pad.stappen[1:], strict=False):
            assert graaf.doel(vragen[stap.vraag], stap.antwoord) == NaarVraag(volgende.vraag)
        laatste = pad.stappen[-1]
        assert graaf.doel(vragen[laatste.vraag], laatste.antwoord) == NaarVorm(pad.vorm)


def test_vorm_van_het_kompas_als_graaf(data):
    kompas = data.kompas
    assert graaf.vind_cyclus(kompas) is None
    vragen, vormen = graaf.bereikbaar(kompas)
    assert vragen == {v.id for v in kompas.vragen}
    assert vormen == {v.id for v in data.vormen}
    assert graaf.aantal_paden(kompas) == len(graaf.paden(kompas))


# --- The engine, on kompas 1.0 ------------------------------------------------------------


def test_kompas_1_0_heeft_de_paden_van_de_lezing(kompas10):
    paden = {p.antwoorden: p.vorm for p in graaf.paden(kompas10.kompas)}
    assert len(paden) == 19
    assert paden["nee/ja/ja/ja"] == "overheidsmiddelen"
    assert paden["nee/ja/ja/nee"] == "utrechter-aan-zet"
    assert paden["nee/ja/nee/ja/ja"] == "samen-aan-zet"
    assert paden["nee/ja/nee/ja/nee"] == "overheidsparticipatie"
    assert paden["ja/ja/ja"] == "peilen"
    assert paden["ja/ja/nee/ja/ja"] == "burgerparticipatie"
    assert paden["ja/nee"] == "gemeente-aan-zet"
    # verder-onderzoeken is entered from three places: a DAG, not a tree.
    ingangen = [v.id for v in kompas10.kompas.vragen for d in (v.ja, v.nee) if d == NaarVraag("verder-onderzoeken")]
    assert len(ingangen) == 3
    assert graaf.aantal_paden(kompas10.kompas) == 19


def test_vraagnummers_zijn_de_plaats_in_het_kompas(kompas10):
    nummers = graaf.vraagnummers(kompas10.kompas)
    assert nummers["besluit-nodig"] == 1 and nummers["verder-onderzoeken"] == 7
    assert sorted(nummers.values()) == list(range(1, 11))


def test_aantal_toestanden_van_de_wijzer(kompas10):
    # One state per answered prefix: 18 question states and 19 outcomes.
    paden = graaf.paden(kompas10.kompas)
    vraagtoestanden = {tuple(s.antwoord for s in p.stappen[:i]) for p in paden for i in range(len(p.stappen))}
    assert (len(vraagtoestanden), len(paden)) == (18, 19)


def test_cyclus_wordt_gevonden(kompas10):
    vragen = [
        replace(v, nee=NaarVraag("besluit-nodig")) if v.id == "representatieve-groep" else v
        for v in kompas10.kompas.vragen
    ]
    cyclus = graaf.vind_cyclus(replace(kompas10.kompas, vragen=vragen))
    assert cyclus is not None and cyclus[0] == cyclus[-1]


def test_gouden_uitkomst_toont_wat_een_gebruiker_leest(kompas10):
    bestanden = gouden.bestanden(kompas10)
    assert len([n for n in bestanden if n.startswith("uitkomsten/")]) == 19
    tekst = bestanden["uitkomsten/ja-nee.md"]
    assert tekst.startswith("# Route ja/nee: Gemeente aan zet\n")
    assert "Adres: /kompas/wijzer/ja/nee/" in tekst
    assert f"Vraag 1. {kompas10.vraag('besluit-nodig').tekst}\nAntwoord: Ja" in tekst
    assert f"Vraag 7. {kompas10.vraag('verder-onderzoeken').tekst}\nAntwoord: Nee" in tekst
    assert f"Wat is het: {kompas10.vorm('gemeente-aan-zet').wat_is_het}" in tekst


def test_gouden_bestanden_schrijven_en_afwijkingen_vinden(kompas10, tmp_path):
    assert len(gouden.afwijkingen(kompas10, tmp_path)) == 20  # nothing written yet: all missing
    gouden.schrijf(kompas10, tmp_path)
    assert gouden.afwijkingen(kompas10, tmp_path) == []
    (tmp_path / "uitkomsten" / "ja-ja-ja.md").write_text("met de hand bewerkt", encoding="utf-8")
    (tmp_path / "uitkomsten" / "ja-ja-ja-ja-ja-ja-ja.md").write_text("een pad dat er niet is", encoding="utf-8")
    assert gouden.afwijkingen(kompas10, tmp_path) == [
        "uitkomsten/ja-ja-ja.md wijkt af",
        "uitkomsten/ja-ja-ja-ja-ja-ja-ja.md hoort bij een pad dat niet meer bestaat",
    ]
    assert sorted(gouden.schrijf(kompas10, tmp_path)) == sorted(
        ["uitkomsten/ja-ja-ja.md", "uitkomsten/ja-ja-ja-ja-ja-ja-ja.md"]
    )
    assert not (tmp_path / "uitkomsten" / "ja-ja-ja-ja-ja-ja-ja.md").exists()
