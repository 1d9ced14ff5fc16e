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

from ..data.model import Doel, KompasData


def _doel(doel: Doel) -> dict[str, str]:
    return {"vraag": doel.vraag} if doel.vraag is not None else {"vorm": doel.vorm}


def kompas_dict(data: KompasData, bouw: dict | None = None) -> dict:
    """`bouw` (commit and date of the build) says which advice was online when."""
    return {
        **({"bouw": bouw} if bouw else {}),
        "versie": data.kompas.versie,
        "start": data.kompas.start,
        "vragen": [
            {"id": v.id, "tekst": v.tekst, "ja": _doel(v.ja), "nee": _doel(v.nee)}
            for v in data.kompas.vragen
        ],
        "vormen": [dataclasses.asdict(v) for v in data.vormen],
    }


def kompas_json(data: KompasData, bouw: dict | None = None) -> str:
    return json.dumps(kompas_dict(data, bouw), ensure_ascii=False, indent=2) + "\n"
