"""The machine-readable kompas (`/kompas.json`) for other systems, such as the intern loket.

Shape (documented on the site, page "Voor ontwikkelaars"):
  bouw: {commit, datum}, versie, start,
  vragen: [{id, tekst, ja, nee}] where ja/nee is {"vraag": id} or {"vorm": id},
  vormen: [{id, titel, samenwerkingsvorm, wat_is_het, zeggenschap, zeggenschap_schaal,
            eigenaar, wanneer_geschikt, voorbeelden, instrumenten}]
"""

from __future__ import annotations

import dataclasses
import json

from ..data import graaf
from ..data.model import KompasData


def kompas_dict(data: KompasData, bouw: dict | None = None) -> dict:
    """`bouw` (commit and date of the build) says which advice was online when."""
    return {
        **({"bouw": bouw} if bouw else {}),
        "versie": data.kompas.versie,
        "start": data.kompas.start,
        "vragen": [graaf.vraag_als_dict(v) for v in data.kompas.vragen],
        "vormen": [dataclasses.asdict(v) for v in data.vormen],
    }


def kompas_json(data: KompasData, bouw: dict | None = None) -> str:
    return json.dumps(kompas_dict(data, bouw), ensure_ascii=False, indent=2) + "\n"
