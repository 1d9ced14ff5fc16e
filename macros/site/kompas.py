"""The kompas page's parts: the questions in words, the box beside them, the flowchart with
every route as a table, and the changelog of versions (templates: kompas_*.html,
beslistabel.html, versies.md)."""

from __future__ import annotations

from ..data import graaf
from ..data.model import Kompas, KompasData
from .sjablonen import Url, maak


def render_vragen(data: KompasData, url: Url) -> str:
    return maak("kompas_vragen.html", data=data, nummers=graaf.nummers(data.kompas), url=url)


def render_kompas_toelichting(kompas: Kompas) -> str:
    return maak("kompas_toelichting.html", kompas=kompas)


def render_beslistabel(data: KompasData, url: Url) -> str:
    return maak("beslistabel.html", **_routes(data), url=url)


def render_kompas_schema(data: KompasData, url: Url) -> str:
    return maak("kompas_schema.html", **_routes(data), url=url)


def _routes(data: KompasData) -> dict:
    return {"data": data, "routes": graaf.paden(data.kompas), "nummers": graaf.nummers(data.kompas)}


def render_versies(data: KompasData) -> str:
    return maak("versies.md", data=data)
