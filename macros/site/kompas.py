"""The kompas page's parts: the questions in words, the box beside them, the flowchart with
every route as a table, the changelog of versions, and the page of each version (templates:
kompas_*.html, beslistabel.html, versies.md, kompas_versie.md)."""

from __future__ import annotations

from ..data import graaf
from ..data.adressen import CONTACT
from ..data.betekenis import gepubliceerde_versies
from ..data.model import Kompas, KompasData
from ..data.herkomst import ANDERS_DAN_DE_NOTA
from .sjablonen import Url, herkomst, maak


def render_vragen(data: KompasData, url: Url) -> str:
    return maak("kompas_vragen.html", data=data, nummers=graaf.vraagnummers(data.kompas), url=url)


def render_kompas_toelichting(kompas: Kompas, url: Url) -> str:
    return maak("kompas_toelichting.html", kompas=kompas, url=url)


def render_beslistabel(data: KompasData, url: Url) -> str:
    return maak("beslistabel.html", **_routes(data), url=url)


def render_kompas_schema(data: KompasData, url: Url) -> str:
    return maak("kompas_schema.html", **_routes(data), url=url, contact=CONTACT)


def _routes(data: KompasData) -> dict:
    return {"data": data, "routes": graaf.paden(data.kompas), "nummers": graaf.vraagnummers(data.kompas)}


def render_versies(data: KompasData, url: Url) -> str:
    """Every version, newest first, and what differs from the note now (the labels "Gewijzigd
    in versie 1.1" and "Gewijzigd na de nota" on other pages link here)."""
    vergelijking = herkomst()
    return maak(
        "versies.md",
        data=data,
        url=url,
        titel=lambda vorm_id: graaf.vorm_titel(data, vorm_id),
        verschillen=vergelijking.verschillen(data) if vergelijking else [],
        nota_versie=vergelijking.nota.kompas.versie if vergelijking else data.versies[-1].versie,
        anders_dan_de_nota=ANDERS_DAN_DE_NOTA,
    )


def render_versie_pagina(data: KompasData, versie: str, url: Url) -> str:
    """The page of one version; its texts are that version's own, from the archive."""
    versies = gepubliceerde_versies(data)
    plek = next(i for i, v in enumerate(versies) if v.versie.versie == versie)
    gv, nieuwste = versies[plek], versies[0]
    titels = {v.id: v.titel for v in gv.betekenis.vormen}
    # A route changed in this version may come from a vorm this version no longer has.
    elders = {v.id: v.titel for oud in reversed(versies) for v in oud.betekenis.vormen}
    return maak(
        "kompas_versie.md",
        gv=gv,
        nieuwste=nieuwste,
        nieuwere=versies[:plek],
        titels=titels,
        titel=lambda vorm_id: titels.get(vorm_id) or elders.get(vorm_id, vorm_id),
        nummers=graaf.vraagnummers(gv.betekenis),
        routes=graaf.paden(gv.betekenis),
        nu_uitkomsten=nieuwste.uitkomsten(),
        nu_titel=nieuwste.vorm_titel,
        url=url,
    )
