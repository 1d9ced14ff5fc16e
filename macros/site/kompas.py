"""The kompas page's parts: the questions in words, the box beside them, the flowchart with
every route as a table, the changelog of versions, and the page of each version (templates:
kompas_*.html, beslistabel.html, versies.md, kompas_versie.md)."""

from __future__ import annotations

import dataclasses
import difflib
from dataclasses import dataclass

from ..data import graaf
from ..data.adressen import CONTACT
from ..data.betekenis import gepubliceerde_versies
from ..data.herkomst import ANDERS_DAN_DE_NOTA, Verschil
from ..data.model import Kompas, KompasData
from ..data.velden import NOTA, bron_van
from .sjablonen import Url, herkomst, maak


def render_vragen(data: KompasData, url: Url) -> str:
    return maak("kompas_vragen.html", data=data, nummers=graaf.vraagnummers(data.kompas), url=url)


def render_kompas_toelichting(kompas: Kompas, url: Url) -> str:
    return maak("kompas_toelichting.html", kompas=kompas, url=url)


def render_kompas_schema(data: KompasData, url: Url) -> str:
    return maak("kompas_schema.html", **_routes(data), url=url, contact=CONTACT)


def _routes(data: KompasData) -> dict:
    return {"data": data, "routes": graaf.paden(data.kompas), "nummers": graaf.vraagnummers(data.kompas)}


def render_versies(data: KompasData, url: Url) -> str:
    """Every version, newest first, and what differs from the note now, each line with the
    note's text and today's (the labels "Gewijzigd in versie 1.1" and "Gewijzigd na de nota" on
    the other pages link to their line here)."""
    vergelijking = herkomst()
    return maak(
        "versies.md",
        data=data,
        url=url,
        titel=lambda vorm_id: graaf.vorm_titel(data, vorm_id),
        verschillen=[Weergave.van(v) for v in vergelijking.verschillen(data)] if vergelijking else [],
        nota_versie=vergelijking.nota.kompas.versie if vergelijking else data.versies[-1].versie,
        anders_dan_de_nota=ANDERS_DAN_DE_NOTA,
    )


@dataclass(frozen=True)
class Weergave:
    """A difference with the note as the page of changes shows it (templates/versies.md):
    `soort` says how, `delen` what. A text word by word ("tekst": (kind, words) with kind
    "gelijk", "weg" or "erbij"), a list by its items ("lijst": items added and removed), an
    amount per year ("bedragen": (year, old, new)), another value as it was and is ("waarde"),
    a record the note has not ("nieuw") or that is gone ("weg")."""

    verschil: Verschil
    soort: str
    delen: tuple = ()

    @classmethod
    def van(cls, v: Verschil) -> "Weergave":
        if v.veld is None:
            return cls(v, "nieuw" if v.oud is None else "weg")
        if isinstance(v.oud, str) and isinstance(v.nieuw, str):
            return cls(v, "tekst", tuple(woordverschil(v.oud, v.nieuw)))
        if v.jaren:
            return cls(v, "bedragen", tuple((j, o, n) for j, o, n in zip(v.jaren, v.oud, v.nieuw) if o != n))
        if isinstance(v.oud, list) and all(isinstance(x, str) for x in [*v.oud, *v.nieuw]):
            return cls(v, "lijst", ([x for x in v.nieuw if x not in v.oud], [x for x in v.oud if x not in v.nieuw]))
        return cls(v, "waarde", (leesbaar(v.oud), leesbaar(v.nieuw)))


def woordverschil(oud: str, nieuw: str) -> list[tuple[str, str]]:
    """The words of the note's text and of today's, as runs that stayed, went or came."""
    a, b = oud.split(), nieuw.split()
    uit = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            uit.append(("gelijk", " ".join(a[i1:i2])))
        if op in ("delete", "replace"):
            uit.append(("weg", " ".join(a[i1:i2])))
        if op in ("insert", "replace"):
            uit.append(("erbij", " ".join(b[j1:j2])))
    return uit


def leesbaar(waarde: object) -> str:
    """A value of the data in words: a list with semicolons, a record by its texts."""
    if waarde is None:
        return "(leeg)"
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, list):
        return "; ".join(leesbaar(w) for w in waarde) or "(niets)"
    if dataclasses.is_dataclass(waarde) and not isinstance(waarde, type):
        teksten = (
            getattr(waarde, f.name) for f in dataclasses.fields(waarde) if bron_van(type(waarde), f.name) == NOTA
        )
        return ", ".join(leesbaar(t) for t in teksten if t)
    return str(waarde)


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
        eerste=plek == len(versies) - 1,  # the first version changed no route: it had none before
        titels=titels,
        titel=lambda vorm_id: titels.get(vorm_id) or elders.get(vorm_id, vorm_id),
        nummers=graaf.vraagnummers(gv.betekenis),
        routes=graaf.paden(gv.betekenis),
        nu_uitkomsten=nieuwste.uitkomsten(),
        nu_titel=nieuwste.vorm_titel,
        url=url,
    )
