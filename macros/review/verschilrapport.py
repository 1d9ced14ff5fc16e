"""What a change to kompas_data/ does to the advice: a Markdown report for a reviewer.

`vergelijk(oud, nieuw)` compares two loaded data sets; `python -m macros verschil` loads
them from two git revisions (default: the merge base with main, and the working tree).
The report lists the paths whose outcome changes, new and vanished paths, questions that
were added, removed, reworded (word by word) or rerouted, vorm fields and principles that
changed, and whether the version was raised as it must be when the meaning changes.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from dataclasses import dataclass, field

from ..data import betekenis, graaf
from ..data.loader import versie_sleutel
from ..data.model import KompasData


@dataclass
class Rapport:
    regels: list[str] = field(default_factory=list)
    fouten: list[str] = field(default_factory=list)
    inhoudelijk: bool = False

    def kop(self, tekst: str) -> None:
        self.regels += ["", tekst, ""]

    @property
    def tekst(self) -> str:
        return "\n".join(self.regels).strip() + "\n"


def _cel(tekst: str) -> str:
    return tekst.replace("|", "\\|").replace("\n", " ")


def woordverschil(oud: str, nieuw: str) -> str:
    """Word-level diff in Markdown: ~~removed~~ and **added**."""
    a, b = re.findall(r"\S+", oud), re.findall(r"\S+", nieuw)
    delen = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            delen.append(" ".join(a[i1:i2]))
        if op in ("delete", "replace"):
            delen.append(f"~~{' '.join(a[i1:i2])}~~")
        if op in ("insert", "replace"):
            delen.append(f"**{' '.join(b[j1:j2])}**")
    return " ".join(delen)


def _doel(doel) -> str:
    return f"vraag `{doel.vraag}`" if doel.vraag is not None else f"vorm `{doel.vorm}`"


def _titel(data: KompasData, vorm_id: str) -> str:
    return next((v.titel for v in data.vormen if v.id == vorm_id), vorm_id)


def _paden(r: Rapport, oud: KompasData, nieuw: KompasData) -> None:
    oude = {p.antwoorden: p for p in graaf.paden(oud.kompas)}
    nieuwe = {p.antwoorden: p for p in graaf.paden(nieuw.kompas)}
    anders = [a for a in nieuwe if a in oude and oude[a].vorm != nieuwe[a].vorm]
    erbij = [a for a in nieuwe if a not in oude]
    weg = [a for a in oude if a not in nieuwe]
    if anders:
        r.kop(f"## Paden met een andere uitkomst ({len(anders)})")
        r.regels += ["| antwoorden | was | wordt |", "|---|---|---|"]
        r.regels += [f"| `{a}` | {_cel(_titel(oud, oude[a].vorm))} | **{_cel(_titel(nieuw, nieuwe[a].vorm))}** |"
                     for a in anders]
    if erbij:
        r.kop(f"## Nieuwe paden ({len(erbij)})")
        r.regels += ["| antwoorden | uitkomst |", "|---|---|"]
        r.regels += [f"| `{a}` | {_cel(_titel(nieuw, nieuwe[a].vorm))} |" for a in erbij]
    if weg:
        r.kop(f"## Verdwenen paden ({len(weg)})")
        r.regels += ["| antwoorden | was |", "|---|---|"]
        r.regels += [f"| `{a}` | {_cel(_titel(oud, oude[a].vorm))} |" for a in weg]
    if not (anders or erbij or weg):
        r.kop("## Paden")
        r.regels.append(f"Alle {len(nieuwe)} paden door het kompas houden dezelfde uitkomst.")


def _vragen(r: Rapport, oud: KompasData, nieuw: KompasData) -> None:
    oude = graaf.vraag_index(oud.kompas)
    nieuwe = graaf.vraag_index(nieuw.kompas)
    regels = []
    if oud.kompas.start != nieuw.kompas.start:
        regels.append(f"- **Startvraag:** `{oud.kompas.start}` → `{nieuw.kompas.start}`")
    for vraag_id, vraag in nieuwe.items():
        if vraag_id not in oude:
            regels.append(f"- **Nieuw:** `{vraag_id}`: {vraag.tekst} (ja → {_doel(vraag.ja)}, nee → {_doel(vraag.nee)})")
    for vraag_id, vraag in oude.items():
        if vraag_id not in nieuwe:
            regels.append(f"- **Verdwenen:** `{vraag_id}`: {vraag.tekst}")
    for vraag_id in (v for v in nieuwe if v in oude):
        a, b = oude[vraag_id], nieuwe[vraag_id]
        if a.tekst != b.tekst:
            regels.append(f"- **Anders geformuleerd:** `{vraag_id}`: {woordverschil(a.tekst, b.tekst)}")
        for antwoord in graaf.ANTWOORDEN:
            van, naar = graaf.doel(a, antwoord), graaf.doel(b, antwoord)
            if van != naar:
                regels.append(f"- **Andere route:** `{vraag_id}`, antwoord {antwoord}: {_doel(van)} → {_doel(naar)}")
    if regels:
        r.kop("## Vragen")
        r.regels += regels


def _veld_verschil(naam: str, a, b) -> list[str]:
    if isinstance(a, list) and isinstance(b, list) and all(isinstance(x, str) for x in a + b):
        regels = [f"  - {naam}: **erbij** {x}" for x in b if x not in a]
        regels += [f"  - {naam}: ~~eraf~~ {x}" for x in a if x not in b]
        return regels or [f"  - {naam}: andere volgorde"]
    if isinstance(a, str) and isinstance(b, str):
        return [f"  - {naam}: {woordverschil(a, b)}"]
    return [f"  - {naam}: `{a!r}` → `{b!r}`"]


def _records(r: Rapport, kop: str, oude: list, nieuwe: list, titel) -> None:
    oud_index = {x.id: x for x in oude}
    nieuw_index = {x.id: x for x in nieuwe}
    regels = []
    for x in nieuwe:
        if x.id not in oud_index:
            regels.append(f"- **Nieuw:** `{x.id}` ({titel(x)})")
    for x in oude:
        if x.id not in nieuw_index:
            regels.append(f"- **Verdwenen:** `{x.id}` ({titel(x)})")
    for x in nieuwe:
        if x.id in oud_index and x != oud_index[x.id]:
            regels.append(f"- **Gewijzigd:** `{x.id}` ({titel(x)})")
            for veld in dataclasses.fields(x):
                a, b = getattr(oud_index[x.id], veld.name), getattr(x, veld.name)
                if a != b:
                    if dataclasses.is_dataclass(a) or (isinstance(a, list) and a and dataclasses.is_dataclass(a[0])):
                        regels.append(f"  - {veld.name}: gewijzigd")
                    else:
                        regels += _veld_verschil(veld.name, a, b)
    if regels:
        r.kop(kop)
        r.regels += regels


# Fields of kompas.yaml that are the graph; every other field is text or drawing around it.
GRAAF_VELDEN = ("versie", "start", "vragen")


def _overig(r: Rapport, oud: KompasData, nieuw: KompasData) -> None:
    velden = {"doelstellingen": "doelstellingen.yaml", "indicatoren": "indicatoren.yaml",
              "risicos": "risicos.yaml", "financien": "financien.yaml",
              "wijkplatforms": "wijkplatforms.yaml", "versies": "wijzigingen.yaml", "nota": "nota.yaml"}
    anders = [bestand for veld, bestand in velden.items() if getattr(oud, veld) != getattr(nieuw, veld)]
    kompas_tekst = [veld.name for veld in dataclasses.fields(nieuw.kompas)
                    if veld.name not in GRAAF_VELDEN and getattr(oud.kompas, veld.name) != getattr(nieuw.kompas, veld.name)]
    if anders or kompas_tekst:
        r.kop("## Overige gegevens")
        r.regels += [f"- `{b}` is gewijzigd (geen invloed op de uitkomst van het kompas)" for b in anders]
        r.regels += [f"- `kompas.yaml`: {veld} is gewijzigd" for veld in kompas_tekst]
        if "indicatoren.yaml" in anders or "financien.yaml" in anders or "koers" in kompas_tekst:
            r.regels.append("- De grafieken en de pdf van de nota veranderen mee; bekijk ze na `make build`.")


def _versie(r: Rapport, oud: KompasData, nieuw: KompasData) -> None:
    a, b = oud.kompas.versie, nieuw.kompas.versie
    betekenis_anders = betekenis.betekenis(oud) != betekenis.betekenis(nieuw)
    if versie_sleutel(b) < versie_sleutel(a):
        r.fouten.append(f"De versie gaat omlaag, van {a} naar {b}. Een nieuwe versie moet hoger zijn.")
    elif betekenis_anders and a == b:
        r.fouten.append(f"Het kompas verandert inhoudelijk (een vraag, een route of de betekenis van een vorm), "
                        f"maar de versie blijft {a}. Verhoog de versie in kompas.yaml en beschrijf de "
                        f"wijziging bovenaan wijzigingen.yaml.")


def vergelijk(oud: KompasData, nieuw: KompasData, oud_naam: str = "oud", nieuw_naam: str = "nieuw") -> Rapport:
    r = Rapport()
    r.regels.append("# Wat verandert er aan het Kompas voor zeggenschap?")
    r.regels += ["", f"Vergeleken: **{oud_naam}** met **{nieuw_naam}**."]
    versie = (f"{oud.kompas.versie} → **{nieuw.kompas.versie}**" if oud.kompas.versie != nieuw.kompas.versie
              else f"{nieuw.kompas.versie} (ongewijzigd)")
    r.regels += ["", f"Versie van het kompas: {versie}"]
    if oud == nieuw:
        r.regels += ["", "**Geen inhoudelijke wijziging**: de gegevens betekenen hetzelfde. "
                     "Alleen de opmaak, commentaar of de volgorde van sleutels is anders."]
        return r
    r.inhoudelijk = True
    _versie(r, oud, nieuw)
    if r.fouten:
        r.kop("## Dit moet eerst anders")
        r.regels += [f"- **Fout:** {f}" for f in r.fouten]
    _paden(r, oud, nieuw)
    _vragen(r, oud, nieuw)
    _records(r, "## Vormen", oud.vormen, nieuw.vormen, lambda v: v.titel)
    _records(r, "## Principes", oud.principes, nieuw.principes, lambda p: p.titel)
    _overig(r, oud, nieuw)
    return r
