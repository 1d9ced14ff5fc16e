"""Load and check everything in `kompas_data/` before any page renders.

`laad_kompas_data(gegevensmap)` returns a `KompasData` or raises `KompasDataError` listing every
problem with its file, line, column, the value it is about and what is wrong, in the order of
file and line, each where the data editor changes it (a cycle at the answer that leads back,
an unreachable vorm where it stands). Structure, types and the rules of
each field (`velden.py`) are checked while building the records (`lezer.py`); this module
checks what a single field cannot say: unique ids, references between files, the shape of
the kompas graph (also of every archived version), the sums in the tables and the order of
the versions. Whether the recorded versions match the data is `betekenis.py`'s question.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Iterable, Optional

from . import graaf
from .lezer import ONGELDIG, Fout, lees_bestand, locatie
from .model import ARCHIEF_MAP, BESTANDEN, ArchiefVersie, KompasData


class KompasDataError(Exception):
    """The data in kompas_data/ is not valid; `fouten` says where and why."""

    def __init__(self, gegevensmap: Path, fouten: list[Fout]):
        self.fouten = sorted(fouten, key=lambda f: f.volgorde)
        regels = "\n".join(f"  - {f}" for f in self.fouten)
        woord = "fout" if len(fouten) == 1 else "fouten"
        # The folder's name, not its path: the message lands in a pull request comment, where the
        # runner's or a temporary folder's path says nothing and shows what it should not.
        super().__init__(f"De kompasdata in {gegevensmap.name}/ is ongeldig ({len(fouten)} {woord}):\n{regels}")


def laad_kompas_data(gegevensmap: Path | str) -> KompasData:
    gegevensmap = Path(gegevensmap)
    fouten: list[Fout] = []
    if not gegevensmap.is_dir():
        raise KompasDataError(gegevensmap, [Fout(f"{gegevensmap.name}/", "", None, "deze gegevensmap bestaat niet")])
    for pad in sorted(gegevensmap.iterdir()):
        if pad.suffix in (".yaml", ".yml") and pad.name not in BESTANDEN:
            fouten.append(Fout(pad.name, "", None, f"onbekend bestand; verwacht: {', '.join(BESTANDEN)}"))
    records = {}
    for naam, soort in BESTANDEN.items():
        pad = gegevensmap / naam
        if not pad.is_file():
            fouten.append(Fout(naam, "", None, "dit bestand ontbreekt"))
            continue
        records[naam] = lees_bestand(pad, naam, soort, fouten)
    archief = [
        lees_bestand(pad, f"{ARCHIEF_MAP}/{pad.name}", ArchiefVersie, fouten)
        for pad in sorted((gegevensmap / ARCHIEF_MAP).glob("*.yaml"))
    ]
    if fouten or any(r is ONGELDIG for r in [*records.values(), *archief]):
        raise KompasDataError(gegevensmap, fouten)

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
        scenarios=records["scenarios.yaml"].scenarios,
        archief=sorted(archief, key=lambda a: versie_sleutel(a.versie), reverse=True),
    )
    fouten = list(controleer(data))
    if fouten:
        raise KompasDataError(gegevensmap, fouten)
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
    yield from _kompas(data.kompas, data.vormen)
    for versie in data.archief:
        yield from _ids(versie.vragen, "vragen")
        yield from _ids(versie.vormen, "vormen")
        yield from _kompas(versie, versie.vormen)
    yield from _vormen(data)
    yield from _koers(data)
    yield from _indicatoren(data)
    yield from _financien(data)
    yield from _wijkplatforms(data)
    yield from _versies(data)
    yield from _scenarios(data)


def _fout(record: object, veld: Optional[str], bericht: str, item: object = None) -> Fout:
    """A problem with `record`, at the item or field it is about when that has a place of its own."""
    plek = locatie(record, veld, item) if item is not None else None
    plek = plek or (locatie(record, veld) if veld else None) or locatie(record)
    return Fout(plek.bestand, plek.pad, plek.regel, bericht, plek.kolom)


def _ids(records: list, wat: str) -> Iterable[Fout]:
    gezien: dict[str, object] = {}
    for record in records:
        if record.id in gezien:
            eerder = locatie(gezien[record.id])
            yield _fout(
                record, "id", f"de id {record.id!r} komt twee keer voor in {wat} (eerder op regel {eerder.regel})"
            )
        gezien[record.id] = record


def _kompas(kompas, vormen: list) -> Iterable[Fout]:
    """The graph of the kompas (or of an archived version): every answer leads to exactly one
    place that exists, no cycles, every question and vorm reachable. `vormen` are the records
    of the vormen of that version, so an unreachable one is reported where it stands."""
    vorm_ids = {v.id for v in vormen}
    vraag_ids = {v.id for v in kompas.vragen}
    nummer = graaf.vraagnummers(kompas)
    if kompas.start not in vraag_ids:
        yield _fout(kompas, "start", f"de startvraag {kompas.start!r} bestaat niet in vragen")
    verwijzingen_ok = True
    for vraag in kompas.vragen:
        for antwoord in graaf.ANTWOORDEN:
            doel = graaf.doel(vraag, antwoord)
            if (doel.vraag is None) == (doel.vorm is None):
                verwijzingen_ok = False
                yield _fout(
                    doel,
                    None,
                    f"antwoord '{antwoord}' van vraag {vraag.id!r} moet naar precies "
                    "één plek wijzen: {vraag: <id>} of {vorm: <id>}",
                )
            elif doel.vraag is not None and doel.vraag not in vraag_ids:
                verwijzingen_ok = False
                yield _fout(
                    doel,
                    "vraag",
                    f"antwoord '{antwoord}' van vraag {vraag.id!r} wijst naar vraag "
                    f"{doel.vraag!r}, maar die bestaat niet",
                )
            elif doel.vorm is not None and doel.vorm not in vorm_ids:
                verwijzingen_ok = False
                yield _fout(
                    doel,
                    "vorm",
                    f"antwoord '{antwoord}' van vraag {vraag.id!r} wijst naar vorm "
                    f"{doel.vorm!r}, maar die bestaat niet in vormen.yaml",
                )
    if not verwijzingen_ok or kompas.start not in vraag_ids:
        return
    if cyclus := graaf.vind_cyclus(kompas):
        yield _kring(kompas, cyclus, nummer)
        return
    vragen_bereikt, vormen_bereikt = graaf.bereikbaar(kompas)
    for vraag in kompas.vragen:
        if vraag.id not in vragen_bereikt:
            yield _fout(
                vraag,
                None,
                f"vraag {nummer[vraag.id]} ({vraag.id}) is vanaf de start {kompas.start!r} niet te bereiken: "
                "geen enkel antwoord leidt ernaartoe",
            )
    for vorm in vormen:
        if vorm.id not in vormen_bereikt:
            yield _fout(
                vorm,
                None,
                f"vorm {vorm.id!r} is vanaf de start {kompas.start!r} met geen enkel antwoord te bereiken",
            )


def _kring(kompas, cyclus: list[str], nummer: dict[str, int]) -> Fout:
    """A cycle, reported at the answer that closes it: the one that leads back to a question
    the kompas already asked. That answer is the one to change."""
    terug, naar = cyclus[-2], cyclus[-1]
    vraag = graaf.vraag_index(kompas)[terug]
    antwoord = next(a for a in graaf.ANTWOORDEN if graaf.doel(vraag, a).vraag == naar)
    return _fout(
        graaf.doel(vraag, antwoord),
        "vraag",
        f"antwoord '{antwoord}' van vraag {nummer[terug]} ({terug}) leidt terug naar vraag {nummer[naar]} "
        f"({naar}), dus het kompas loopt in een kring: {' → '.join(cyclus)}. Het kompas moet altijd bij een "
        "vorm eindigen: laat dit antwoord naar een latere vraag of naar een vorm wijzen",
    )


def _vormen(data: KompasData) -> Iterable[Fout]:
    principe_ids = {p.id for p in data.principes}
    for vorm in data.vormen:
        for i, principe in enumerate(vorm.principes):
            if principe not in principe_ids:
                yield _fout(
                    vorm,
                    "principes",
                    f"vorm {vorm.id!r} noemt principe {principe!r}, maar dat bestaat niet in principes.yaml",
                    item=i,
                )
        if len(set(vorm.principes)) != len(vorm.principes):
            yield _fout(vorm, "principes", f"vorm {vorm.id!r} noemt een principe twee keer")
        if not vorm.voorbeelden:
            yield _fout(vorm, "voorbeelden", f"vorm {vorm.id!r} heeft geen inhoudelijke voorbeelden")
        # The sentence the vorm page shows must say the same examples as the list the catalogue shows.
        for voorbeeld in vorm.voorbeelden if vorm.voorbeelden_zin else []:
            if voorbeeld not in vorm.voorbeelden_zin:
                yield _fout(
                    vorm,
                    "voorbeelden_zin",
                    f"vorm {vorm.id!r}: voorbeelden_zin noemt het voorbeeld {voorbeeld!r} niet; "
                    "zet in de zin dezelfde voorbeelden als in de lijst",
                )


def _koers(data: KompasData) -> Iterable[Fout]:
    koers = data.kompas.koers
    vorm_ids = {v.id for v in data.vormen}
    if koers.minder_vaak not in vorm_ids:
        yield _fout(koers, "minder_vaak", f"vorm {koers.minder_vaak!r} bestaat niet in vormen.yaml")
    yield from _ids(koers.richtingen, "koers.richtingen")
    for richting in koers.richtingen:
        if not richting.naar:
            yield _fout(richting, "naar", f"richting {richting.id!r} wijst naar geen enkele vorm")
        for i, vorm_id in enumerate(richting.naar):
            if vorm_id not in vorm_ids:
                yield _fout(
                    richting,
                    "naar",
                    f"richting {richting.id!r} wijst naar vorm {vorm_id!r}, maar die bestaat niet in vormen.yaml",
                    item=i,
                )


def _indicatoren(data: KompasData) -> Iterable[Fout]:
    principe_ids = {p.id for p in data.principes}
    voetnoot_ids = {v.id for v in data.indicatoren.voetnoten}
    for groep in data.indicatoren.groepen:
        for ind in groep.indicatoren:
            if ind.principe is not None and ind.principe not in principe_ids:
                yield _fout(
                    ind,
                    "principe",
                    f"indicator {ind.id!r} verwijst naar principe "
                    f"{ind.principe!r}, maar dat bestaat niet in principes.yaml",
                )
            metingen = [m for m in ind.metingen if m is not None]
            if ind.nieuw and metingen:
                yield _fout(
                    ind,
                    "nieuw",
                    f"indicator {ind.id!r} is nieuw en heeft dus nog geen metingen; "
                    "haal de metingen weg of zet nieuw op false",
                )
            if not ind.nieuw and (ind.nulmeting is None or ind.nulmeting.waarde is None):
                yield _fout(
                    ind, "nieuw", f"indicator {ind.id!r} is niet nieuw, dus hoort er een nulmeting met waarde bij"
                )
            jaren = [m.jaar for m in metingen]
            if jaren != sorted(set(jaren)):
                yield _fout(
                    ind,
                    "nulmeting",
                    f"de metingen van indicator {ind.id!r} moeten in oplopende jaren staan, maar staan in {jaren}",
                )
            for meting in metingen:
                if meting.voetnoot is not None and meting.voetnoot not in voetnoot_ids:
                    yield _fout(meting, "voetnoot", f"voetnoot {meting.voetnoot!r} bestaat niet in voetnoten")
            eenheden = {m.waarde.endswith("%") for m in metingen if m.waarde is not None}
            if len(eenheden) > 1:
                yield _fout(
                    ind,
                    "nulmeting",
                    f"de metingen van indicator {ind.id!r} zijn deels percentages "
                    "en deels niet; één grafiek kan ze niet samen tonen",
                )


def _financien(data: KompasData) -> Iterable[Fout]:
    fin = data.financien
    if fin.jaren != sorted(set(fin.jaren)):
        yield _fout(fin, "jaren", f"de jaren moeten oplopend en uniek zijn, maar zijn {fin.jaren}")
    rijen = [*fin.posten, fin.totaal]
    for rij in rijen:
        if len(rij.bedragen) != len(fin.jaren):
            yield _fout(
                rij,
                "bedragen",
                f"{len(rij.bedragen)} bedragen voor {len(fin.jaren)} jaren "
                f"({', '.join(map(str, fin.jaren))}); geef één bedrag per jaar",
            )
    if any(len(r.bedragen) != len(fin.jaren) for r in rijen):
        return
    for i, jaar in enumerate(fin.jaren):
        som = sum(p.bedragen[i] for p in fin.posten)
        if fin.totaal.bedragen[i] != som:
            yield _fout(
                fin.totaal,
                "bedragen",
                f"het totaal voor {jaar} is {fin.totaal.bedragen[i]}, maar de posten tellen op tot {som}",
                item=i,
            )


def _wijkplatforms(data: KompasData) -> Iterable[Fout]:
    budget = data.wijkplatforms.ondersteuningsbudget
    if budget.per_wijkplatform > budget.totaal:
        yield _fout(budget, "per_wijkplatform", "het budget per wijkplatform is groter dan het totaal")


def versie_sleutel(versie: str) -> tuple[int, ...]:
    return tuple(int(d) for d in versie.split("."))


def _versies(data: KompasData) -> Iterable[Fout]:
    gezien: set[str] = set()
    vormen_van = {a.versie: {v.id for v in a.vormen} for a in data.archief}
    vormen_van[data.kompas.versie] = {v.id for v in data.vormen}
    for versie in data.versies:
        if versie.versie in gezien:
            yield _fout(versie, "versie", f"versie {versie.versie} staat er twee keer")
        gezien.add(versie.versie)
        try:
            datetime.date.fromisoformat(versie.datum)
        except ValueError:
            yield _fout(
                versie, "datum", f'datum {versie.datum!r} bestaat niet; gebruik jaar-maand-dag, zoals "2027-03-01"'
            )
        for pad in versie.paden:
            for veld in ("van", "naar"):
                vorm_id = getattr(pad, veld)
                # A path's old vorm may be gone since; what it names must have existed in some version.
                if vorm_id is not None and not any(vorm_id in ids for ids in vormen_van.values()):
                    yield _fout(pad, veld, f"vorm {vorm_id!r} bestaat in geen enkele versie van het kompas")
    volgorde = [v.versie for v in data.versies]
    if volgorde != sorted(volgorde, key=versie_sleutel, reverse=True):
        yield _fout(data.versies[0], None, "zet de versies van nieuw naar oud: de nieuwste bovenaan")
    if not data.versies or data.versies[0].versie != data.kompas.versie:
        yield _fout(
            data.kompas,
            "versie",
            f"versie {data.kompas.versie} heeft geen regel bovenaan "
            "wijzigingen.yaml; beschrijf daar wat er in deze versie veranderde (`make versie` doet dat)",
        )
    yield from _archief(data)


def _archief(data: KompasData) -> Iterable[Fout]:
    """Every earlier version keeps its meaning in archief/<versie>.yaml; the current one does not."""
    bekend = {v.versie for v in data.versies}
    gearchiveerd = {a.versie for a in data.archief}
    for versie in data.archief:
        plek = locatie(versie)
        if plek.bestand != f"{ARCHIEF_MAP}/{versie.versie}.yaml":
            yield _fout(versie, "versie", f"dit bestand hoort {ARCHIEF_MAP}/{versie.versie}.yaml te heten")
        if versie.versie == data.kompas.versie:
            yield _fout(versie, "versie", f"versie {versie.versie} is de huidige versie; die staat niet in het archief")
        elif versie.versie not in bekend:
            yield _fout(versie, "versie", f"versie {versie.versie} staat niet in wijzigingen.yaml")
    for versie in data.versies[1:]:
        if versie.versie not in gearchiveerd:
            yield _fout(
                versie,
                "versie",
                f"van versie {versie.versie} ontbreekt {ARCHIEF_MAP}/{versie.versie}.yaml; "
                "`make versie` maakt dat bestand bij een nieuwe versie. Haal het terug uit git",
            )


def _scenarios(data: KompasData) -> Iterable[Fout]:
    vraag_ids = {v.id for v in data.kompas.vragen}
    vorm_ids = {v.id for v in data.vormen}
    namen: set[str] = set()
    for scenario in data.scenarios:
        if scenario.naam in namen:
            yield _fout(scenario, "naam", f"het scenario {scenario.naam!r} staat er twee keer")
        namen.add(scenario.naam)
        for vraag_id in scenario.antwoorden:
            if vraag_id not in vraag_ids:
                yield _fout(
                    scenario,
                    "antwoorden",
                    f"scenario {scenario.naam!r} beantwoordt vraag {vraag_id!r}, maar die bestaat niet in kompas.yaml",
                    item=vraag_id,
                )
        if scenario.verwacht not in vorm_ids:
            yield _fout(
                scenario,
                "verwacht",
                f"scenario {scenario.naam!r} verwacht vorm {scenario.verwacht!r}, maar die bestaat niet in vormen.yaml",
            )
