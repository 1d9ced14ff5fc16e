"""The machine-readable kompas (`/kompas.json`) for other systems, such as the intern loket.

Its fields are VELDEN: each but `bouw` and `versies` is a field of the model, copied as it is
(a vraag is a Vraag record, a vorm a Vorm record), so the page "Voor ontwikkelaars" documents
them from the model's own explanations (site/dataformaat.py) and cannot drift from this file.
`lezing` says whether the routes, the site's reading of the flowchart (the note's text has
its questions, not its arrows), are still voorlopig or vastgesteld by the kompasteam.
Each vraag and vorm also says, in `bron`, where the text of each of its fields comes from:
"nota" (the note as adopted), "kompasteam" (the note's text as the kompasteam changed it
since, data/herkomst.py) or "site" (the site's own words and reading).

Every version also has a kompas.json of its own (`versie_json`, at kompas/versies/<versie>/):
the same fields, with what the version meant (betekenis: the questions and routes, and each
vorm's title and meaning). It is made from the same record before and after the version is
archived, so its content stays what it was when a verantwoording linked to it.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Optional

from ..data import adressen, graaf
from ..data.betekenis import gepubliceerde_versies
from ..data.herkomst import Herkomst
from ..data.model import ArchiefVersie, KompasData
from ..data.velden import Record, bron_van

# kompas.json's fields in order -> the record and field of the model each one copies.
# EIGEN_VELDEN are the build's, not the model's (their JSON Schema type here; their
# explanation is in the page's template); `versies` is only in /kompas.json itself.
BOUW = "bouw"
VERSIES = "versies"
BRON = "bron"  # in each vraag and vorm: per field, where its text comes from
EIGEN_VELDEN = {BOUW: {"type": "object"}, VERSIES: {"type": "array", "items": {"type": "object"}}}
VELDEN: dict[str, tuple[str, str] | None] = {
    BOUW: None,
    "versie": ("Kompas", "versie"),
    "start": ("Kompas", "start"),
    "lezing": ("Kompas", "lezing"),
    "vragen": ("Kompas", "vragen"),
    "vormen": ("VormenBestand", "vormen"),
    VERSIES: None,
}


def bronnen(record: Record, herkomst: Optional[Herkomst]) -> dict[str, str]:
    """Where each field's text comes from; without a note to compare with, as the model declares."""
    if herkomst is not None:
        return herkomst.bronnen(record)
    return {f.name: bron_van(type(record), f.name) for f in dataclasses.fields(record)}


def kompas_dict(data: KompasData, bouw: dict | None = None, herkomst: Optional[Herkomst] = None) -> dict:
    """`bouw` (commit and date of the build) says which advice was online when; `herkomst`
    which texts of the note the kompasteam has changed since."""
    return {
        **({BOUW: bouw} if bouw else {}),
        "versie": data.kompas.versie,
        "start": data.kompas.start,
        # Whether the routes (the site's reading of the flowchart) are voorlopig or vastgesteld.
        "lezing": dataclasses.asdict(data.kompas.lezing),
        "vragen": [{**graaf.vraag_met_uitleg_als_dict(v), BRON: bronnen(v, herkomst)} for v in data.kompas.vragen],
        "vormen": [{**dataclasses.asdict(v), BRON: bronnen(v, herkomst)} for v in data.vormen],
        VERSIES: versies_lijst(data),
    }


def versies_lijst(data: KompasData) -> list[dict]:
    """Every version, newest first, with its page and its kompas.json (addresses relative to
    /kompas.json, which stands at the site's root)."""
    return [
        {
            "versie": v.versie.versie,
            "datum": v.versie.datum,
            "huidig": v.huidig,
            "pagina": adressen.versie_pad(v.versie.versie),
            "kompas_json": adressen.versie_json_pad(v.versie.versie),
        }
        for v in gepubliceerde_versies(data)
    ]


def versie_dict(betekenis: ArchiefVersie, bouw: dict | None = None) -> dict:
    return {
        **({BOUW: bouw} if bouw else {}),
        "versie": betekenis.versie,
        "start": betekenis.start,
        "vragen": [graaf.vraag_als_dict(v) for v in betekenis.vragen],
        "vormen": [dataclasses.asdict(v) for v in betekenis.vormen],
    }


def versie_json(betekenis: ArchiefVersie, bouw: dict | None = None) -> str:
    return json.dumps(versie_dict(betekenis, bouw), ensure_ascii=False, indent=2) + "\n"


def kompas_json(data: KompasData, bouw: dict | None = None, herkomst: Optional[Herkomst] = None) -> str:
    return json.dumps(kompas_dict(data, bouw, herkomst), ensure_ascii=False, indent=2) + "\n"
