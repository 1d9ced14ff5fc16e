"""What changed between two meanings of the kompas, in plain words: the lines `make versie`
writes under `wijzigingen:` in wijzigingen.yaml, which the changelog page shows. Short lines,
no quoted texts: the outcome report shows the wording itself, word by word.
"""

from __future__ import annotations

from ..data import graaf
from ..data.betekenis import VORM_VELDEN
from ..data.model import ArchiefVersie, Doel, NaarVorm

# How a vorm's field is named in a sentence.
VELD_NAMEN = {
    "titel": "de naam",
    "samenwerkingsvorm": "of het een samenwerkingsvorm is",
    "wat_is_het": "'wat is het'",
    "zeggenschap": "de mate van zeggenschap",
    "zeggenschap_schaal": "de plaats op de schaal van zeggenschap",
    "eigenaar": "de eigenaar",
    "wanneer_geschikt": "'wanneer is dit een geschikte vorm'",
}
KOMPAS_TEKSTEN = {
    "toelichting": "De toelichting bij het kompas is anders.",
    "motto": "De zin over eigenaarschap is anders.",
    "kanttekeningen": "De kanttekeningen bij elke uitkomst zijn anders.",
}


def doel_in_woorden(doel: Doel, versie: ArchiefVersie) -> str:
    if isinstance(doel, NaarVorm):
        return next((v.titel for v in versie.vormen if v.id == doel.vorm), doel.vorm)
    return f"vraag {graaf.vraagnummers(versie)[doel.vraag]}"


def in_woorden(oud: ArchiefVersie, nieuw: ArchiefVersie) -> list[str]:
    regels: list[str] = []
    oude, nieuwe = graaf.vraag_index(oud), graaf.vraag_index(nieuw)
    oud_nr, nieuw_nr = graaf.vraagnummers(oud), graaf.vraagnummers(nieuw)
    if oud.start != nieuw.start:
        regels.append(f"Het kompas begint nu bij vraag {nieuw_nr[nieuw.start]}.")
    for vraag_id in nieuwe:
        if vraag_id not in oude:
            regels.append(f"Nieuwe vraag {nieuw_nr[vraag_id]} ({vraag_id}).")
    for vraag_id in oude:
        if vraag_id not in nieuwe:
            regels.append(f"Vraag {oud_nr[vraag_id]} ({vraag_id}) is weggehaald.")
    for vraag_id in (v for v in nieuwe if v in oude):
        a, n = oude[vraag_id], nieuwe[vraag_id]
        if oud_nr[vraag_id] != nieuw_nr[vraag_id]:
            regels.append(f"Vraag {oud_nr[vraag_id]} ({vraag_id}) is nu vraag {nieuw_nr[vraag_id]}.")
        if a.tekst != n.tekst:
            regels.append(f"Vraag {nieuw_nr[vraag_id]} ({vraag_id}) is anders geformuleerd.")
        for antwoord in graaf.ANTWOORDEN:
            van, naar = graaf.doel(a, antwoord), graaf.doel(n, antwoord)
            if van != naar:
                regels.append(
                    f"Antwoord {antwoord} op vraag {nieuw_nr[vraag_id]} leidt nu naar "
                    f"{doel_in_woorden(naar, nieuw)} (was: {doel_in_woorden(van, oud)})."
                )
    oude_vormen = {v.id: v for v in oud.vormen}
    nieuwe_vormen = {v.id: v for v in nieuw.vormen}
    for vorm in nieuw.vormen:
        if vorm.id not in oude_vormen:
            regels.append(f"Nieuwe vorm: {vorm.titel}.")
    for vorm in oud.vormen:
        if vorm.id not in nieuwe_vormen:
            regels.append(f"Vorm {vorm.titel} is weggehaald.")
    for vorm in (v for v in nieuw.vormen if v.id in oude_vormen):
        anders = [
            VELD_NAMEN[veld]
            for veld in VORM_VELDEN
            if veld != "id" and getattr(vorm, veld) != getattr(oude_vormen[vorm.id], veld)
        ]
        if anders:
            regels.append(f"Bij vorm {vorm.titel} {'is' if len(anders) == 1 else 'zijn'} {_opsomming(anders)} anders.")
    regels += [zin for veld, zin in KOMPAS_TEKSTEN.items() if getattr(oud, veld) != getattr(nieuw, veld)]
    return regels


def _opsomming(delen: list[str]) -> str:
    return delen[0] if len(delen) == 1 else ", ".join(delen[:-1]) + " en " + delen[-1]
