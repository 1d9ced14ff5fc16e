"""The kompas' version discipline: a change in meaning needs a new version.

The fingerprint covers what the advice depends on: the start, every question (text and
where Ja and Nee lead) and each vorm's meaning (title, whether it is a samenwerkingsvorm,
wat is het, zeggenschap in words and on the scale, eigenaar, wanneer geschikt). Examples,
instruments and the other files can change without a new version.
"""

from __future__ import annotations

import hashlib
import json
from typing import Optional

from .model import KompasData

BETEKENIS_VAN_VORM = ("id", "titel", "samenwerkingsvorm", "wat_is_het", "zeggenschap",
                      "zeggenschap_schaal", "eigenaar", "wanneer_geschikt")


def betekenis(data: KompasData) -> dict:
    def doel(d):
        return {"vraag": d.vraag} if d.vraag is not None else {"vorm": d.vorm}

    return {
        "start": data.kompas.start,
        "vragen": [{"id": v.id, "tekst": v.tekst, "ja": doel(v.ja), "nee": doel(v.nee)}
                   for v in data.kompas.vragen],
        "vormen": [{veld: getattr(v, veld) for veld in BETEKENIS_VAN_VORM} for v in data.vormen],
    }


def vingerafdruk(data: KompasData) -> str:
    inhoud = json.dumps(betekenis(data), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(inhoud.encode("utf-8")).hexdigest()


def versie_fout(data: KompasData) -> Optional[str]:
    """Why the recorded version does not match the data, or None when it does."""
    huidig = vingerafdruk(data)
    vastgelegd = data.versies[0]
    if vastgelegd.vingerafdruk == huidig:
        return None
    return (
        f"Het kompas is inhoudelijk gewijzigd sinds versie {vastgelegd.versie} (een vraag, een route "
        f"of de betekenis van een vorm), maar de versie is niet verhoogd.\n"
        f"  1. Zet in kompas_data/kompas.yaml een nieuwe versie, bijvoorbeeld versie: \"{_volgende(vastgelegd.versie)}\".\n"
        f"  2. Zet bovenaan kompas_data/wijzigingen.yaml een regel voor die versie, met de datum, wat er\n"
        f"     veranderde, de paden die een andere uitkomst krijgen (zie `make verschil`) en\n"
        f"     vingerafdruk: {huidig}\n"
        f"Was dit geen inhoudelijke wijziging maar een verbetering van een eerdere invoerfout? Overleg dan\n"
        f"met het kompasteam; de regels staan in BIJDRAGEN.md."
    )


def _volgende(versie: str) -> str:
    hoofd, sub = versie.split(".")
    return f"{hoofd}.{int(sub) + 1}"
