"""What the walker's states share, rendered once per build (issue 24, point 9): reused only where
the page's links come out the same, so every state page is byte for byte what rendering the part
on it gives (engine tests on kompas 1.0)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from markupsafe import Markup

from macros.data import adressen, toestanden
from macros.data.betekenis import gepubliceerde_versies
from macros.data.herkomst import Herkomst
from macros.site import sjablonen, wijzer


def _url_van(pad: str):
    """A page's link function as the build gives it (plugin._url_vanaf)."""
    return lambda doel: adressen.relatieve_url(pad, doel)


def _alle_paginas(data) -> dict[str, str]:
    """Every state page's HTML as the build makes it (paginas.toestand_pagina)."""
    uit = {}
    for toestand in toestanden.toestanden(data.kompas):
        for embed in (False, True):
            pad = adressen.toestand_pad(toestand.antwoorden, embed)
            uit[pad] = wijzer.render_toestand(data, toestand, _url_van(pad), embed, paginakop=True)
    return uit


def _elke_keer_opnieuw(monkeypatch) -> None:
    monkeypatch.setattr(wijzer.EenKeerPerBouw, "__call__", lambda self, url, data, *w: self.maak(url, data, *w))


def _door_het_kompasteam_gewijzigd(kompas10):
    """Kompas 1.0 with the texts of 'Goed om te weten' changed: they carry the kompasteam's label, a
    link to the page of changes, relative to each page."""
    kompas = replace(
        kompas10.kompas,
        toelichting=kompas10.kompas.toelichting + " Gewijzigd.",
        motto=kompas10.kompas.motto + " Gewijzigd.",
    )
    return replace(kompas10, kompas=kompas)


@pytest.mark.parametrize("gewijzigd", [False, True], ids=["de-nota", "van-het-kompasteam"])
def test_elke_pagina_zoals_zonder_delen(kompas10, monkeypatch, gewijzigd):
    data = _door_het_kompasteam_gewijzigd(kompas10) if gewijzigd else kompas10
    with sjablonen.met_herkomst(Herkomst(kompas10, gepubliceerde_versies(data))):
        gedeeld = _alle_paginas(data)
        with monkeypatch.context() as m:
            _elke_keer_opnieuw(m)
            elk = _alle_paginas(data)
    assert gedeeld == elk
    # The kompasteam's label links the change from each page, at every depth.
    labels = [html.count(f'href="{_url_van(pad)(adressen.WIJZIGINGEN_PAD)}#') for pad, html in gedeeld.items()]
    assert any(labels) == gewijzigd


def test_een_deel_zonder_links_wordt_een_keer_gemaakt(kompas10):
    gemaakt = []

    def maak(url, data, vraag):
        gemaakt.append(vraag)
        return Markup(vraag)

    deel = wijzer.EenKeerPerBouw(maak)
    for pad in ("kompas/wijzer/", "kompas/wijzer/ja/nee/", "kompas/wijzer-embed/nee/"):
        assert deel(_url_van(pad), kompas10, "a") == "a" and deel(_url_van(pad), kompas10, "b") == "b"
    assert gemaakt == ["a", "b"]


def test_een_deel_met_een_link_krijgt_de_link_van_zijn_pagina(kompas10):
    gemaakt = []

    def maak(url, data):
        gemaakt.append(url("kompas/vormen/peilen/"))
        return Markup(gemaakt[-1])

    deel = wijzer.EenKeerPerBouw(maak)
    ondiep, diep, even_diep = "kompas/wijzer/ja/", "kompas/wijzer/ja/nee/", "kompas/wijzer-embed/nee/"
    assert deel(_url_van(ondiep), kompas10) == "../../../kompas/vormen/peilen/"
    assert deel(_url_van(diep), kompas10) == "../../../../kompas/vormen/peilen/"
    assert deel(_url_van(even_diep), kompas10) == "../../../kompas/vormen/peilen/"  # the same link: reused
    assert gemaakt == ["../../../kompas/vormen/peilen/", "../../../../kompas/vormen/peilen/"]


def test_een_andere_bouw_maakt_opnieuw(kompas10):
    gemaakt = []

    def maak(url, data):
        gemaakt.append(data)
        return Markup("deel")

    deel = wijzer.EenKeerPerBouw(maak)
    for _ in range(2):  # two builds: each compares with the note anew
        with sjablonen.met_herkomst(Herkomst(kompas10, gepubliceerde_versies(kompas10))):
            deel(_url_van("kompas/wijzer/"), kompas10)
            deel(_url_van("kompas/wijzer/ja/"), kompas10)
    kopie = replace(kompas10)  # the same content, loaded by another build
    with sjablonen.met_herkomst(None):
        deel(_url_van("kompas/wijzer/"), kompas10)
        deel(_url_van("kompas/wijzer/"), kopie)
    assert [d is kopie for d in gemaakt] == [False, False, False, True]
