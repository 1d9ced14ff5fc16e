"""The machine-readable kompas (`/kompas.json`) for other systems, such as the intern loket.

Its fields are VELDEN: each but `bouw` is a field of the model, copied as it is (a vraag is
a Vraag record, a vorm a Vorm record), so the page "Voor ontwikkelaars" documents them from
the model's own explanations (site/dataformaat.py) and cannot drift from this file.
"""

from __future__ import annotations

import dataclasses
import json

from ..data import graaf
from ..data.model import KompasData

# kompas.json's fields in order -> the record and field of the model each one copies
# (`bouw` is the build's, not the model's; its explanation is in the page's template).
BOUW = "bouw"
VELDEN: dict[str, tuple[str, str] | None] = {
    BOUW: None,
    "versie": ("Kompas", "versie"),
    "start": ("Kompas", "start"),
    "vragen": ("Kompas", "vragen"),
    "vormen": ("VormenBestand", "vormen"),
}


def kompas_dict(data: KompasData, bouw: dict | None = None) -> dict:
    """`bouw` (commit and date of the build) says which advice was online when."""
    return {
        **({BOUW: bouw} if bouw else {}),
        "versie": data.kompas.versie,
        "start": data.kompas.start,
        "vragen": [graaf.vraag_als_dict(v) for v in data.kompas.vragen],
        "vormen": [dataclasses.asdict(v) for v in data.vormen],
    }


def kompas_json(data: KompasData, bouw: dict | None = None) -> str:
    return json.dumps(kompas_dict(data, bouw), ensure_ascii=False, indent=2) + "\n"
