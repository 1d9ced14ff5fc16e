"""Load and check everything in `kompas_data/` before any page renders.

`laad_kompas_data(map)` returns a `KompasData` or raises `KompasDataError` listing every
problem with its file, key path, line and what is wrong. Structure and types are checked
while building the records (`lezer.py`); this module checks what types cannot say:
ids, references between files, the shape of the kompas graph and the sums in the tables.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Iterable, Optional

from . import graaf
from .model import BESTANDEN, ZEGGENSCHAP, KompasData, Kompas
from .lezer import ONGELDIG, Fout, lees_bestand, locatie

ID_PATROON = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
VERSIE_PATROON = re.compile(r"^\d+\.\d+$")


class KompasDataError(Exception):
    """The data in kompas_data/ is not valid; `fouten` says where and why."""

    def __init__(self, map: Path, fouten: list[Fout]):
        self.fouten = fouten
        regels = "\n".join(f"  - {f}" for f in fouten)
        woord = "fout" if len(fouten) == 1 else "fouten"
        super().__init__(f"De kompasdata in {map} is ongeldig ({len(fouten)} {woord}):\n{regels}")


def laad_kompas_data(map: Path | str) -> KompasData:
    map = Path(map)
    fouten: list[Fout] = []
    if not map.is_dir():
        raise KompasDataError(map, [Fout(str(map), "", None, "deze map bestaat niet")])
    for pad in sorted(map.iterdir()):
        if pad.suffix in (".yaml", ".yml") and pad.name not in BESTANDEN:
            fouten.append(Fout(pad.name, "", None, f"onbekend bestand; verwacht: {', '.join(BESTANDEN)}"))
    records = {}
    for naam, soort in BESTANDEN.items():
        pad = map / naam
        if not pad.is_file():
            fouten.append(Fout(naam, "", None, "dit bestand ontbreekt"))
            continue
        records[naam] = lees_bestand(pad, naam, soort, fouten)
    if fouten or any(r is ONGELDIG for r in records.values()):
        raise KompasDataError(map, fouten)

    data = KompasData(
        kompas=records["kompas.yaml"],
        vormen=records["vormen.yaml"].vormen,
        principes=records["principes.yaml"].principes,
        doelstellingen=records["doelstellingen.yaml"].doelstellingen,
        indicatoren=records["indicatoren.yaml"],
        risicos=records["risicos.yaml"].risicos,
        financien=records["financien.yaml"],
        wijkplatforms=records["wijkplatforms.yaml"],
        versies=records["wijzigingen.yaml"].versies,
        nota=records["nota.yaml"],
    )
    fouten = list(controleer(data))
    if fouten:
        raise KompasDataError(map, fouten)
    return data


def controleer(data: KompasData) -> Iterable[Fout]:
    """Every rule that spans records or files. Yields one `Fout` per problem."""
    yield from _ids(data.kompas.vragen, "vragen")
    yield from _ids(data.vormen, "vormen")
    yield from _ids(data.principes, "principes")
    yield from _ids(data.doelstellingen, "doelstellingen")
    yield from _ids(data.indicatoren.alle, "indicatoren")
    yield from _ids(data.indicatoren.voetnoten, "voetnoten")
    yield from _ids(data.risicos, "risico's")
    yield from _ids(data.financien.posten, "posten")
    yield from _kompas(data.kompas, {v.id for v in data.vormen})
    yield from _vormen(data)
    yield from _koers(data)
    yield from _indicatoren(data)
    yield from _financien(data)
    yield from _wijkplatforms(data)
    yield from _versies(data)


def _fout(record: object, veld: Optional[str], bericht: str) -> Fout:
    plek = locatie(record, veld) if veld else None
    plek = plek or locatie(record)
    return Fout(plek.bestand, plek.pad, plek.regel, bericht)


def _ids(records: list, wat: str) -> Iterable[Fout]:
    gezien: dict[str, object] = {}
    for record in records:
        if not ID_PATROON.match(record.id):
            yield _fout(record, "id", f"id {record.id!r} is geen geldige id: gebruik kleine letters, "
                        "cijfers en koppeltekens (zoals 'samen-aan-zet'); de id is ook het stukje URL")
        if record.id in gezien:
            eerder = locatie(gezien[record.id])
            yield _fout(record, "id", f"de id {record.id!r} komt twee keer voor in {wat} "
                        f"(eerder op regel {eerder.regel})")
        gezien[record.id] = record


def _kompas(kompas: Kompas, vorm_ids: set[str]) -> Iterable[Fout]:
    if not VERSIE_PATROON.match(kompas.versie):
        yield _fout(kompas, "versie", f"versie {kompas.versie!r} moet de vorm 'hoofd.sub' hebben, zoals \"1.0\"")
    vraag_ids = {v.id for v in kompas.vragen}
    if kompas.start not in vraag_ids:
        yield _fout(kompas, "start", f"de startvraag {kompas.start!r} bestaat niet in vragen")
    verwijzingen_ok = True
    for vraag in kompas.vragen:
        for antwoord in graaf.ANTWOORDEN:
            doel = graaf.doel(vraag, antwoord)
            if (doel.vraag is None) == (doel.vorm is None):
                verwijzingen_ok = False
                yield _fout(doel, None, f"antwoord '{antwoord}' van vraag {vraag.id!r} moet naar precies "
                            "één plek wijzen: {vraag: <id>} of {vorm: <id>}")
            elif doel.vraag is not None and doel.vraag not in vraag_ids:
                verwijzingen_ok = False
                yield _fout(doel, "vraag", f"antwoord '{antwoord}' van vraag {vraag.id!r} wijst naar vraag "
                            f"{doel.vraag!r}, maar die bestaat niet")
            elif doel.vorm is not None and doel.vorm not in vorm_ids:
                verwijzingen_ok = False
                yield _fout(doel, "vorm", f"antwoord '{antwoord}' van vraag {vraag.id!r} wijst naar vorm "
                            f"{doel.vorm!r}, maar die bestaat niet in vormen.yaml")
    if not verwijzingen_ok or kompas.start not in vraag_ids:
        return
    if cyclus := graaf.vind_cyclus(kompas):
        yield _fout(kompas, "vragen", "het kompas loopt in een kring: " + " → ".join(cyclus))
        return
    vragen_bereikt, vormen_bereikt = graaf.bereikbaar(kompas)
    for vraag in kompas.vragen:
        if vraag.id not in vragen_bereikt:
            yield _fout(vraag, "id", f"vraag {vraag.id!r} is vanaf de start {kompas.start!r} niet te bereiken")
    for vorm_id in sorted(vorm_ids - vormen_bereikt):
        yield Fout("vormen.yaml", "vormen", None,
                   f"vorm {vorm_id!r} is vanaf de start {kompas.start!r} met geen enkel antwoord te bereiken")


def _vormen(data: KompasData) -> Iterable[Fout]:
    principe_ids = {p.id for p in data.principes}
    for vorm in data.vormen:
        for i, principe in enumerate(vorm.principes):
            if principe not in principe_ids:
                yield _fout(vorm, "principes", f"vorm {vorm.id!r} noemt principe {principe!r} "
                            f"(principes[{i}]), maar dat bestaat niet in principes.yaml")
        if len(set(vorm.principes)) != len(vorm.principes):
            yield _fout(vorm, "principes", f"vorm {vorm.id!r} noemt een principe twee keer")
        if vorm.zeggenschap_schaal not in ZEGGENSCHAP.stappen:
            yield _fout(vorm, "zeggenschap_schaal", f"zeggenschap_schaal is {vorm.zeggenschap_schaal}; die moet "
                        f"van {ZEGGENSCHAP.laagste} ({ZEGGENSCHAP.laag}) tot en met {ZEGGENSCHAP.hoogste} "
                        f"({ZEGGENSCHAP.hoog}) lopen")
        if not vorm.voorbeelden:
            yield _fout(vorm, "voorbeelden", f"vorm {vorm.id!r} heeft geen inhoudelijke voorbeelden")


def _koers(data: KompasData) -> Iterable[Fout]:
    koers = data.kompas.koers
    vorm_ids = {v.id for v in data.vormen}
    if koers.minder_vaak not in vorm_ids:
        yield _fout(koers, "minder_vaak", f"vorm {koers.minder_vaak!r} bestaat niet in vormen.yaml")
    yield from _ids(koers.richtingen, "koers.richtingen")
    for richting in koers.richtingen:
        if not richting.naar:
            yield _fout(richting, "naar", f"richting {richting.id!r} wijst naar geen enkele vorm")
        for vorm_id in richting.naar:
            if vorm_id not in vorm_ids:
                yield _fout(richting, "naar", f"richting {richting.id!r} wijst naar vorm {vorm_id!r}, "
                            "maar die bestaat niet in vormen.yaml")


# A measured value as the note writes it: "54%" or "5,9". The charts draw it as a number.
WAARDE_PATROON = re.compile(r"^\d+(?:,\d+)?%?$")
JAAR_PATROON = re.compile(r"^\d{4}$")


def _indicatoren(data: KompasData) -> Iterable[Fout]:
    principe_ids = {p.id for p in data.principes}
    voetnoot_ids = {v.id for v in data.indicatoren.voetnoten}
    for groep in data.indicatoren.groepen:
        for ind in groep.indicatoren:
            if ind.principe is not None and ind.principe not in principe_ids:
                yield _fout(ind, "principe", f"indicator {ind.id!r} verwijst naar principe "
                            f"{ind.principe!r}, maar dat bestaat niet in principes.yaml")
            metingen = [m for m in ind.metingen if m is not None]
            if ind.nieuw and metingen:
                yield _fout(ind, "nieuw", f"indicator {ind.id!r} is nieuw en heeft dus nog geen metingen; "
                            "haal de metingen weg of zet nieuw op false")
            if not ind.nieuw and (ind.nulmeting is None or ind.nulmeting.waarde is None):
                yield _fout(ind, "nieuw", f"indicator {ind.id!r} is niet nieuw, dus hoort er een nulmeting "
                            "met waarde bij")
            jaren = [m.jaar for m in metingen]
            if jaren != sorted(set(jaren)):
                yield _fout(ind, "nulmeting", f"de metingen van indicator {ind.id!r} moeten in oplopende "
                            f"jaren staan, maar staan in {jaren}")
            for meting in metingen:
                if meting.voetnoot is not None and meting.voetnoot not in voetnoot_ids:
                    yield _fout(meting, "voetnoot", f"voetnoot {meting.voetnoot!r} bestaat niet in voetnoten")
                if meting.waarde is not None and not WAARDE_PATROON.match(meting.waarde):
                    yield _fout(meting, "waarde", f"waarde {meting.waarde!r} is geen getal zoals \"54%\" of "
                                "\"5,9\"; de grafiek tekent het als getal")
            eenheden = {m.waarde.endswith("%") for m in metingen if m.waarde is not None}
            if len(eenheden) > 1:
                yield _fout(ind, "nulmeting", f"de metingen van indicator {ind.id!r} zijn deels percentages "
                            "en deels niet; één grafiek kan ze niet samen tonen")
            if not JAAR_PATROON.match(ind.evaluatie):
                yield _fout(ind, "evaluatie", f"evaluatie {ind.evaluatie!r} is geen jaartal zoals \"2026\"")


def _financien(data: KompasData) -> Iterable[Fout]:
    fin = data.financien
    if fin.jaren != sorted(set(fin.jaren)):
        yield _fout(fin, "jaren", f"de jaren moeten oplopend en uniek zijn, maar zijn {fin.jaren}")
    rijen = [*fin.posten, fin.totaal]
    for rij in rijen:
        if len(rij.bedragen) != len(fin.jaren):
            yield _fout(rij, "bedragen", f"{len(rij.bedragen)} bedragen voor {len(fin.jaren)} jaren "
                        f"({', '.join(map(str, fin.jaren))}); geef één bedrag per jaar")
        if any(b < 0 for b in rij.bedragen):
            yield _fout(rij, "bedragen", "een bedrag kan niet negatief zijn")
    if any(len(r.bedragen) != len(fin.jaren) for r in rijen):
        return
    for i, jaar in enumerate(fin.jaren):
        som = sum(p.bedragen[i] for p in fin.posten)
        if fin.totaal.bedragen[i] != som:
            yield _fout(fin.totaal, "bedragen", f"het totaal voor {jaar} is {fin.totaal.bedragen[i]}, "
                        f"maar de posten tellen op tot {som}")


def _wijkplatforms(data: KompasData) -> Iterable[Fout]:
    budget = data.wijkplatforms.ondersteuningsbudget
    if budget.per_wijkplatform <= 0 or budget.totaal <= 0:
        yield _fout(budget, None, "de bedragen van het ondersteuningsbudget moeten groter dan 0 zijn")
    elif budget.per_wijkplatform > budget.totaal:
        yield _fout(budget, "per_wijkplatform", "het budget per wijkplatform is groter dan het totaal")


def versie_sleutel(versie: str) -> tuple[int, ...]:
    return tuple(int(d) for d in versie.split("."))


def _versies(data: KompasData) -> Iterable[Fout]:
    vorm_ids = {v.id for v in data.vormen}
    gezien: set[str] = set()
    for versie in data.versies:
        if not VERSIE_PATROON.match(versie.versie):
            yield _fout(versie, "versie", f"versie {versie.versie!r} moet de vorm 'hoofd.sub' hebben, zoals \"1.1\"")
            continue
        if versie.versie in gezien:
            yield _fout(versie, "versie", f"versie {versie.versie} staat er twee keer")
        gezien.add(versie.versie)
        try:
            datetime.date.fromisoformat(versie.datum)
        except ValueError:
            yield _fout(versie, "datum", f"datum {versie.datum!r} is geen datum van de vorm \"2026-11-27\"")
        if not re.fullmatch(r"sha256:[0-9a-f]{64}", versie.vingerafdruk):
            yield _fout(versie, "vingerafdruk", "de vingerafdruk moet 'sha256:' en 64 tekens 0-9/a-f zijn; "
                        "`make check` zegt welke")
        for pad in versie.paden:
            if pad.naar is not None and pad.naar not in vorm_ids:
                yield _fout(pad, "naar", f"vorm {pad.naar!r} bestaat niet in vormen.yaml")
    geldig = [v.versie for v in data.versies if VERSIE_PATROON.match(v.versie)]
    if geldig != sorted(geldig, key=versie_sleutel, reverse=True):
        yield _fout(data.versies[0], None, "zet de versies van nieuw naar oud: de nieuwste bovenaan")
    if not data.versies or data.versies[0].versie != data.kompas.versie:
        yield _fout(data.kompas, "versie", f"versie {data.kompas.versie} heeft geen regel bovenaan "
                    "wijzigingen.yaml; beschrijf daar wat er in deze versie veranderde")
