"""The machine-readable kompas (`/kompas.json`) for other systems, such as the intern loket.

Its fields are VELDEN: each but `bouw` and `versies` is a field of the model, copied as it is
(a vraag is a Vraag record, a vorm a Vorm record), so the page "Voor ontwikkelaars" documents
them from the model's own explanations (site/dataformaat.py) and cannot drift from this file.

Every version also has a kompas.json of its own (`versie_json`, at kompas/versies/<versie>/):
the same fields, with what the version meant (betekenis: the questions and routes, and each
vorm's title and meaning). It is made from the same record before and after the version is
archived, so its content stays what it was when a verantwoording linked to it.
"""

from __future__ import annotations

import dataclasses
import json

from ..data import adressen, graaf
from ..data.betekenis import gepubliceerde_versies
from ..data.model import ArchiefVersie, KompasData

# kompas.json's fields in order -> the record and field of the model each one copies.
# EIGEN_VELDEN are the build's, not the model's (their JSON Schema type here; their
# explanation is in the page's template); `versies` is only in /kompas.json itself.
BOUW = "bouw"
VERSIES = "versies"
EIGEN_VELDEN = {BOUW: {"type": "object"}, VERSIES: {"type": "array", "items": {"type": "object"}}}
VELDEN: dict[str, tuple[str, str] | None] = {
    BOUW: None,
    "versie": ("Kompas", "versie"),
    "start": ("Kompas", "start"),
    "vragen": ("Kompas", "vragen"),
    "vormen": ("VormenBestand", "vormen"),
    VERSIES: None,
}


def kompas_dict(data: KompasData, bouw: dict | None = None) -> dict:
    """`bouw` (commit and date of the build) says which advice was online when."""
    return {
        **({BOUW: bouw} if bouw else {}),
        "versie": data.kompas.versie,
        "start": data.kompas.start,
        "vragen": [graaf.vraag_met_uitleg_als_dict(v) for v in data.kompas.vragen],
        "vormen": [dataclasses.asdict(v) for v in data.vormen],
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


def kompas_json(data: KompasData, bouw: dict | None = None) -> str:
    return json.dumps(kompas_dict(data, bouw), ensure_ascii=False, indent=2) + "\n"
