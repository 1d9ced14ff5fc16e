"""Load and check everything in `kompas_data/` before any page renders.

`laad_kompas_data(gegevensmap)` returns a `KompasData` or raises `KompasDataError` listing every
problem with its file, line, column, the value it is about and what is wrong, in the order of
file and line, each where the data editor changes it (a cycle at the answer that leads back,
an unreachable vorm where it stands). Structure, types and the rules of
each field (`velden.py`) are checked while building the records (`lezer.py`); this module
checks what a single field cannot say: unique ids, references between files, the shape of
the kompas graph (also of every archived version), the sums in the tables and the order of
the versions. Whether the recorded versions match the data is `betekenis.py`'s question.

Every problem is reported in one run. A file the parser cannot read stops at its first
mistake (the message says so), but every other file is still checked: each rule runs as soon
as the files it needs could be read, so a mistake in vormen.yaml does not hide a wrong total
in financien.yaml.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from . import graaf
from .lezer import ONGELDIG, Fout, lees_bestand, locatie, plek_van
from .model import (
    ARCHIEF_MAP,
    BESTANDEN,
    VASTGESTELD,
    VOORLOPIG,
    ArchiefVersie,
    Doelstelling,
    Financien,
    IndicatorenBestand,
    Kompas,
    KompasData,
    KompasVersie,
    NaarVorm,
    NaarVraag,
    Nota,
    Principe,
    Risico,
    Scenario,
    Vorm,
    Wijkplatforms,
)
from .tekens import aangehaald


class KompasDataError(Exception):
    """The data in kompas_data/ is not valid; `fouten` says where and why."""

    def __init__(self, gegevensmap: Path, fouten: list[Fout]):
        self.fouten = sorted(fouten, key=lambda f: f.volgorde)
        regels = "\n".join(f"  - {f}" for f in self.fouten)
        woord = "fout" if len(fouten) == 1 else "fouten"
        # The folder's name, not its path: the message lands in a pull request comment, where the
        # runner's or a temporary folder's path says nothing and shows what it should not.
        super().__init__(f"De kompasdata in {gegevensmap.name}/ is ongeldig ({len(fouten)} {woord}):\n{regels}")


@dataclass
class Gelezen:
    """What could be read of a data folder, with the names of KompasData: None for a file that
    could not be read (its problems are already reported). `onleesbaar` names the files of the
    archive that exist but could not be read."""

    kompas: Optional[Kompas] = None
    vormen: Optional[list[Vorm]] = None
    principes: Optional[list[Principe]] = None
    doelstellingen: Optional[list[Doelstelling]] = None
    indicatoren: Optional[IndicatorenBestand] = None
    risicos: Optional[list[Risico]] = None
    financien: Optional[Financien] = None
    wijkplatforms: Optional[Wijkplatforms] = None
    versies: Optional[list[KompasVersie]] = None
    nota: Optional[Nota] = None
    scenarios: Optional[list[Scenario]] = None
    archief: list[ArchiefVersie] = field(default_factory=list)
    onleesbaar: set[str] = field(default_factory=set)


# Which field of KompasData each file gives, and how it is taken from that file's record.
_UIT_BESTAND = {
    "kompas.yaml": ("kompas", lambda r: r),
    "vormen.yaml": ("vormen", lambda r: r.vormen),
    "principes.yaml": ("principes", lambda r: r.principes),
    "doelstellingen.yaml": ("doelstellingen", lambda r: r.doelstellingen),
    "indicatoren.yaml": ("indicatoren", lambda r: r),
    "risicos.yaml": ("risicos", lambda r: r.risicos),
    "financien.yaml": ("financien", lambda r: r),
    "wijkplatforms.yaml": ("wijkplatforms", lambda r: r),
    "wijzigingen.yaml": ("versies", lambda r: r.versies),
    "nota.yaml": ("nota", lambda r: r),
    "scenarios.yaml": ("scenarios", lambda r: r.scenarios),
}


def laad_kompas_data(gegevensmap: Path | str) -> KompasData:
    gegevensmap = Path(gegevensmap)
    fouten: list[Fout] = []
    if not gegevensmap.is_dir():
        raise KompasDataError(gegevensmap, [Fout(f"{gegevensmap.name}/", "", None, "deze gegevensmap bestaat niet")])
    for pad in sorted(gegevensmap.iterdir()):
        if pad.suffix in (".yaml", ".yml") and pad.name not in BESTANDEN:
            fouten.append(Fout(pad.name, "", None, f"onbekend bestand; verwacht: {', '.join(BESTANDEN)}"))
    gelezen = Gelezen()
    for naam, soort in BESTANDEN.items():
        pad = gegevensmap / naam
        if not pad.is_file():
            fouten.append(Fout(naam, "", None, "dit bestand ontbreekt"))
            continue
        record = lees_bestand(pad, naam, soort, fouten)
        if record is not ONGELDIG:
            veld, deel = _UIT_BESTAND[naam]
            setattr(gelezen, veld, deel(record))
    for pad in sorted((gegevensmap / ARCHIEF_MAP).glob("*.yaml")):
        naam = f"{ARCHIEF_MAP}/{pad.name}"
        versie = lees_bestand(pad, naam, ArchiefVersie, fouten)
        if versie is ONGELDIG:
            gelezen.onleesbaar.add(naam)
        else:
            gelezen.archief.append(versie)
    gelezen.archief.sort(key=lambda a: versie_sleutel(a.versie), reverse=True)
    fouten += controleer(gelezen)
    if fouten:
        raise KompasDataError(gegevensmap, fouten)
    return KompasData(**{f.name: getattr(gelezen, f.name) for f in dataclasses.fields(KompasData)})


def controleer(data: KompasData | Gelezen) -> list[Fout]:
    """Every rule that spans records or files, each on the files it needs: with a Gelezen, the
    rules whose files could not be read wait until they can. One `Fout` per problem."""
    d = data
    fouten: list[Fout] = []
    if d.kompas is not None:
        fouten += _ids(d.kompas.vragen, "vragen")
        fouten += _kompas(d.kompas, d.vormen)
        fouten += _koers(d.kompas.koers, d.vormen)
        fouten += _lezing(d.kompas.lezing)
    if d.vormen is not None:
        fouten += _ids(d.vormen, "vormen")
        fouten += _vormen(d.vormen, d.principes)
    for records, wat in ((d.principes, "principes"), (d.doelstellingen, "doelstellingen"), (d.risicos, "risico's")):
        if records is not None:
            fouten += _ids(records, wat)
    if d.indicatoren is not None:
        fouten += _ids(d.indicatoren.alle, "indicatoren")
        fouten += _ids(d.indicatoren.voetnoten, "voetnoten")
        fouten += _indicatoren(d.indicatoren, d.principes)
    if d.financien is not None:
        fouten += _ids(d.financien.posten, "posten")
        fouten += _financien(d.financien)
    if d.wijkplatforms is not None:
        fouten += _wijkplatforms(d.wijkplatforms)
    for versie in d.archief:
        fouten += _ids(versie.vragen, "vragen")
        fouten += _ids(versie.vormen, "vormen")
        fouten += _kompas(versie, versie.vormen)
    if d.versies is not None:
        onleesbaar = d.onleesbaar if isinstance(d, Gelezen) else set()  # a KompasData read every file
        fouten += _versies(d.versies, d.kompas, d.vormen, d.archief, onleesbaar)
    if d.scenarios is not None:
        fouten += _scenarios(d.scenarios, d.kompas, d.vormen)
    return fouten


def _fout(record: object, veld: Optional[str], bericht: str, item: object = None) -> Fout:
    """A problem with `record`, at the item or field it is about when that has a place of its own."""
    plek = locatie(record, veld, item) if item is not None else None
    plek = plek or (locatie(record, veld) if veld else None) or plek_van(record)
    return Fout(plek.bestand, plek.pad, plek.regel, bericht, plek.kolom)


def _ids(records: list, wat: str) -> Iterable[Fout]:
    gezien: dict[str, object] = {}
    for record in records:
        if record.id in gezien:
            eerder = plek_van(gezien[record.id])
            yield _fout(
                record,
                "id",
                f"de id {aangehaald(record.id)} komt twee keer voor in {wat} (eerder op regel {eerder.regel})",
            )
        gezien[record.id] = record


def _kompas(kompas, vormen: Optional[list]) -> Iterable[Fout]:
    """The graph of the kompas (or of an archived version): every answer leads to exactly one
    place that exists, no cycles, every question and vorm reachable. `vormen` are the records
    of the vormen of that version, so an unreachable one is reported where it stands; None when
    vormen.yaml could not be read (then the answers that lead to a vorm are not checked yet)."""
    vorm_ids = {v.id for v in vormen} if vormen is not None else None
    vraag_ids = {v.id for v in kompas.vragen}
    nummer = graaf.vraagnummers(kompas)
    if kompas.start not in vraag_ids:
        yield _fout(kompas, "start", f"de startvraag {aangehaald(kompas.start)} bestaat niet in vragen")
    verwijzingen_ok = True
    for vraag in kompas.vragen:
        for antwoord in graaf.ANTWOORDEN:
            # That an answer leads to exactly one place is its type (model.Doel), which the
            # reader checked; here, that the place exists.
            doel = graaf.doel(vraag, antwoord)
            if isinstance(doel, NaarVraag) and doel.vraag not in vraag_ids:
                verwijzingen_ok = False
                yield _fout(
                    doel,
                    "vraag",
                    f"antwoord '{antwoord}' van vraag {aangehaald(vraag.id)} wijst naar vraag "
                    f"{aangehaald(doel.vraag)}, maar die bestaat niet",
                )
            elif isinstance(doel, NaarVorm) and vorm_ids is not None and doel.vorm not in vorm_ids:
                verwijzingen_ok = False
                yield _fout(
                    doel,
                    "vorm",
                    f"antwoord '{antwoord}' van vraag {aangehaald(vraag.id)} wijst naar vorm "
                    f"{aangehaald(doel.vorm)}, maar die bestaat niet in vormen.yaml",
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
                f"vraag {nummer[vraag.id]} ({vraag.id}) is vanaf de start {aangehaald(kompas.start)} niet te bereiken: "
                "geen enkel antwoord leidt ernaartoe",
            )
    for vorm in vormen or []:
        if vorm.id not in vormen_bereikt:
            yield _fout(
                vorm,
                None,
                f"vorm {aangehaald(vorm.id)} is vanaf de start {aangehaald(kompas.start)} met geen enkel antwoord te bereiken",
            )


def _kring(kompas, cyclus: list[str], nummer: dict[str, int]) -> Fout:
    """A cycle, reported at the answer that closes it: the one that leads back to a question
    the kompas already asked. That answer is the one to change."""
    terug, naar = cyclus[-2], cyclus[-1]
    vraag = graaf.vraag_index(kompas)[terug]
    antwoord = next(a for a in graaf.ANTWOORDEN if graaf.doel(vraag, a) == NaarVraag(naar))
    return _fout(
        graaf.doel(vraag, antwoord),
        "vraag",
        f"antwoord '{antwoord}' van vraag {nummer[terug]} ({terug}) leidt terug naar vraag {nummer[naar]} "
        f"({naar}), dus het kompas loopt in een kring: {' → '.join(cyclus)}. Het kompas moet altijd bij een "
        "vorm eindigen: laat dit antwoord naar een latere vraag of naar een vorm wijzen",
    )


def _vormen(vormen: list, principes: Optional[list]) -> Iterable[Fout]:
    # The principles a vorm names exist, once principes.yaml could be read.
    principe_ids = {p.id for p in principes} if principes is not None else None
    for vorm in vormen:
        for i, principe in enumerate(vorm.principes):
            if principe_ids is not None and principe not in principe_ids:
                yield _fout(
                    vorm,
                    "principes",
                    f"vorm {aangehaald(vorm.id)} noemt principe {aangehaald(principe)}, maar dat bestaat niet in "
                    "principes.yaml",
                    item=i,
                )
        if len(set(vorm.principes)) != len(vorm.principes):
            yield _fout(vorm, "principes", f"vorm {aangehaald(vorm.id)} noemt een principe twee keer")
        if not vorm.voorbeelden:
            yield _fout(vorm, "voorbeelden", f"vorm {aangehaald(vorm.id)} heeft geen inhoudelijke voorbeelden")
        # The sentence the vorm page shows must say the same examples as the list the catalogue shows.
        for voorbeeld in vorm.voorbeelden if vorm.voorbeelden_zin else []:
            if voorbeeld not in vorm.voorbeelden_zin:
                yield _fout(
                    vorm,
                    "voorbeelden_zin",
                    f"vorm {aangehaald(vorm.id)}: voorbeelden_zin noemt het voorbeeld {aangehaald(voorbeeld)} niet; "
                    "zet in de zin dezelfde voorbeelden als in de lijst",
                )


def _koers(koers, vormen: Optional[list]) -> Iterable[Fout]:
    """The directions of the kompas; where they lead is checked once vormen.yaml could be read."""
    yield from _ids(koers.richtingen, "koers.richtingen")
    for richting in koers.richtingen:
        if not richting.naar:
            yield _fout(richting, "naar", f"richting {aangehaald(richting.id)} wijst naar geen enkele vorm")
    if vormen is None:
        return
    vorm_ids = {v.id for v in vormen}
    if koers.minder_vaak not in vorm_ids:
        yield _fout(koers, "minder_vaak", f"vorm {aangehaald(koers.minder_vaak)} bestaat niet in vormen.yaml")
    for richting in koers.richtingen:
        for i, vorm_id in enumerate(richting.naar):
            if vorm_id not in vorm_ids:
                yield _fout(
                    richting,
                    "naar",
                    f"richting {aangehaald(richting.id)} wijst naar vorm {aangehaald(vorm_id)}, maar die bestaat "
                    "niet in vormen.yaml",
                    item=i,
                )


def _lezing(lezing) -> Iterable[Fout]:
    """A reading that is vastgesteld says when and by whom (the site names both); one that is
    voorlopig has neither, so a date cannot stand there as if it had been."""
    if lezing.vastgesteld:
        for veld, wat in (("datum", 'de dag, als datum: "2027-03-01"'), ("door", "wie, als door: het kompasteam")):
            if getattr(lezing, veld) is None:
                yield _fout(
                    lezing,
                    "status",
                    f"de lezing is {VASTGESTELD}, maar '{veld}' ontbreekt: zet erbij {wat} "
                    f"(of zet status terug op {VOORLOPIG})",
                )
    else:
        for veld in ("datum", "door"):
            if getattr(lezing, veld) is not None:
                yield _fout(
                    lezing,
                    veld,
                    f"'{veld}' hoort alleen bij status {VASTGESTELD}, maar de lezing is {VOORLOPIG}: haal "
                    f"'{veld}' weg, of zet status op {VASTGESTELD} als het kompasteam de lezing heeft vastgesteld",
                )


def _indicatoren(indicatoren, principes: Optional[list]) -> Iterable[Fout]:
    principe_ids = {p.id for p in principes} if principes is not None else None
    voetnoot_ids = {v.id for v in indicatoren.voetnoten}
    for groep in indicatoren.groepen:
        for ind in groep.indicatoren:
            if ind.principe is not None and principe_ids is not None and ind.principe not in principe_ids:
                yield _fout(
                    ind,
                    "principe",
                    f"indicator {aangehaald(ind.id)} verwijst naar principe "
                    f"{aangehaald(ind.principe)}, maar dat bestaat niet in principes.yaml",
                )
            metingen = [m for m in ind.metingen if m is not None]
            if ind.nieuw and metingen:
                yield _fout(
                    ind,
                    "nieuw",
                    f"indicator {aangehaald(ind.id)} is nieuw en heeft dus nog geen metingen; "
                    "haal de metingen weg of zet nieuw op false",
                )
            if not ind.nieuw and (ind.nulmeting is None or ind.nulmeting.waarde is None):
                yield _fout(
                    ind,
                    "nieuw",
                    f"indicator {aangehaald(ind.id)} is niet nieuw, dus hoort er een nulmeting met waarde bij",
                )
            jaren = [m.jaar for m in metingen]
            if jaren != sorted(set(jaren)):
                yield _fout(
                    ind,
                    "nulmeting",
                    f"de metingen van indicator {aangehaald(ind.id)} moeten in oplopende jaren staan, maar staan in {jaren}",
                )
            for meting in metingen:
                if meting.voetnoot is not None and meting.voetnoot not in voetnoot_ids:
                    yield _fout(meting, "voetnoot", f"voetnoot {aangehaald(meting.voetnoot)} bestaat niet in voetnoten")
            eenheden = {m.waarde.endswith("%") for m in metingen if m.waarde is not None}
            if len(eenheden) > 1:
                yield _fout(
                    ind,
                    "nulmeting",
                    f"de metingen van indicator {aangehaald(ind.id)} zijn deels percentages "
                    "en deels niet; één grafiek kan ze niet samen tonen",
                )


def _financien(fin) -> Iterable[Fout]:
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


def _wijkplatforms(wijkplatforms) -> Iterable[Fout]:
    budget = wijkplatforms.ondersteuningsbudget
    if budget.per_wijkplatform > budget.totaal:
        yield _fout(budget, "per_wijkplatform", "het budget per wijkplatform is groter dan het totaal")


def versie_sleutel(versie: str) -> tuple[int, ...]:
    return tuple(int(d) for d in versie.split("."))


def _versies(
    versies: list[KompasVersie],
    kompas: Optional[Kompas],
    vormen: Optional[list[Vorm]],
    archief: list[ArchiefVersie],
    onleesbaar: set[str],
) -> Iterable[Fout]:
    """The versions in wijzigingen.yaml, and their archive. `kompas` and `vormen` are None when
    their file could not be read; `onleesbaar` names the archived versions that could not be."""
    gezien: set[str] = set()
    vormen_van = {a.versie: {v.id for v in a.vormen} for a in archief}
    if kompas is not None and vormen is not None:
        vormen_van[kompas.versie] = {v.id for v in vormen}
    for versie in versies:
        if versie.versie in gezien:
            yield _fout(versie, "versie", f"versie {versie.versie} staat er twee keer")
        gezien.add(versie.versie)
        try:
            datetime.date.fromisoformat(versie.datum)
        except ValueError:
            yield _fout(
                versie,
                "datum",
                f'datum {aangehaald(versie.datum)} bestaat niet; gebruik jaar-maand-dag, zoals "2027-03-01"',
            )
        # A path names a vorm of the current or an earlier version: checked when all could be read.
        for pad in versie.paden if vormen is not None and not onleesbaar else []:
            for veld in ("van", "naar"):
                vorm_id = getattr(pad, veld)
                # A path's old vorm may be gone since; what it names must have existed in some version.
                if vorm_id is not None and not any(vorm_id in ids for ids in vormen_van.values()):
                    yield _fout(pad, veld, f"vorm {aangehaald(vorm_id)} bestaat in geen enkele versie van het kompas")
    volgorde = [v.versie for v in versies]
    if volgorde != sorted(volgorde, key=versie_sleutel, reverse=True):
        yield _fout(versies[0], None, "zet de versies van nieuw naar oud: de nieuwste bovenaan")
    if kompas is None:
        return
    if not versies or versies[0].versie != kompas.versie:
        yield _fout(
            kompas,
            "versie",
            f"versie {kompas.versie} heeft geen regel bovenaan wijzigingen.yaml. Een nieuwe versie legt "
            "`make versie WAT=\"…\"` vast (in de webeditor: het label 'versie vastleggen'); die schrijft de versie in "
            "kompas.yaml en wijzigingen.yaml samen. Is alleen de versie in kompas.yaml veranderd, zet hem dan terug "
            f"op {versies[0].versie if versies else 'de versie bovenaan wijzigingen.yaml'}",
        )
    yield from _archief(versies, kompas, archief, onleesbaar)


def _archief(
    versies: list[KompasVersie], kompas: Kompas, archief: list[ArchiefVersie], onleesbaar: set[str]
) -> Iterable[Fout]:
    """Every earlier version keeps its meaning in archief/<versie>.yaml; the current one does not."""
    bekend = {v.versie for v in versies}
    gearchiveerd = {a.versie for a in archief}
    for bewaard in archief:
        if plek_van(bewaard).bestand != f"{ARCHIEF_MAP}/{bewaard.versie}.yaml":
            yield _fout(bewaard, "versie", f"dit bestand hoort {ARCHIEF_MAP}/{bewaard.versie}.yaml te heten")
        if bewaard.versie == kompas.versie:
            yield _fout(
                bewaard, "versie", f"versie {bewaard.versie} is de huidige versie; die staat niet in het archief"
            )
        elif bewaard.versie not in bekend:
            yield _fout(bewaard, "versie", f"versie {bewaard.versie} staat niet in wijzigingen.yaml")
    for i, versie in enumerate(versies[1:]):
        bestand = f"{ARCHIEF_MAP}/{versie.versie}.yaml"
        if versie.versie not in gearchiveerd and bestand not in onleesbaar:
            yield _fout(versie, "versie", _archief_ontbreekt(versie.versie, versies[i].versie, bestand))


def _archief_ontbreekt(versie: str, erna: str, bestand: str) -> str:
    """An archived version whose file is not there. It is made when the version after it is
    recorded, and only then: it holds the meaning the version had, which nobody can retype.
    Either the version after it was added by hand, or the file was removed."""
    return (
        f"van versie {versie} ontbreekt {bestand}. Dat bestand bewaart versie {versie} zoals die gold; "
        f"`make versie WAT=\"…\"` (in de webeditor: het label 'versie vastleggen') maakt het als versie {erna} "
        "wordt vastgelegd, en met de hand is het niet goed te maken. Staat versie "
        f"{erna} met de hand in wijzigingen.yaml en kompas.yaml? Haal die regels weg, zet de versie in kompas.yaml "
        f'terug op "{versie}" en leg de versie vast met make versie of het label. Was het bestand er wel en is het '
        f"weggehaald? Zet het dan terug uit git: git checkout main -- kompas_data/{bestand}"
    )


def _scenarios(scenarios: list, kompas, vormen: Optional[list]) -> Iterable[Fout]:
    """Each scenario once; the questions it answers, the vorm it expects and the question whose
    example it is exist, once kompas.yaml and vormen.yaml could be read."""
    vraag_ids = {v.id for v in kompas.vragen} if kompas is not None else None
    vorm_ids = {v.id for v in vormen} if vormen is not None else None
    namen: set[str] = set()
    for scenario in scenarios:
        if scenario.naam in namen:
            yield _fout(scenario, "naam", f"het scenario {aangehaald(scenario.naam)} staat er twee keer")
        namen.add(scenario.naam)
        for vraag_id in scenario.antwoorden:
            if vraag_ids is not None and vraag_id not in vraag_ids:
                yield _fout(
                    scenario,
                    "antwoorden",
                    f"scenario {aangehaald(scenario.naam)} beantwoordt vraag {aangehaald(vraag_id)}, maar die bestaat "
                    "niet in kompas.yaml",
                    item=vraag_id,
                )
        if vorm_ids is not None and scenario.verwacht not in vorm_ids:
            yield _fout(
                scenario,
                "verwacht",
                f"scenario {aangehaald(scenario.naam)} verwacht vorm {aangehaald(scenario.verwacht)}, maar die "
                "bestaat niet in vormen.yaml",
            )
    if kompas is not None:
        yield from _voorbeelden_van(scenarios, kompas)


def _voorbeelden_van(scenarios: list, kompas) -> Iterable[Fout]:
    """A scenario that tells the example under a question (`voorbeeld_van`) names a question
    that has an example, and each example has one such scenario: one situation per example.
    Whether its route passes that question is the walk's check (scenarios.py)."""
    vragen = graaf.vraag_index(kompas)
    nummers = graaf.vraagnummers(kompas)
    verteld: dict[str, Scenario] = {}
    for scenario in scenarios:
        vraag_id = scenario.voorbeeld_van
        if vraag_id is None:
            continue
        if vraag_id not in vragen:
            yield _fout(
                scenario,
                "voorbeeld_van",
                f"dit scenario is het voorbeeld van vraag {aangehaald(vraag_id)}, maar die vraag bestaat niet in "
                "kompas.yaml; zet bij voorbeeld_van de id van de vraag waar het voorbeeld onder staat",
            )
        elif vragen[vraag_id].voorbeeld is None:
            yield _fout(
                scenario,
                "voorbeeld_van",
                f"dit scenario is het voorbeeld van vraag {nummers[vraag_id]} ({vraag_id}), maar die vraag heeft "
                "geen voorbeeld in kompas.yaml; zet daar een voorbeeld onder de vraag, of haal voorbeeld_van hier weg",
            )
        elif vraag_id in verteld:
            eerder = verteld[vraag_id]
            yield _fout(
                scenario,
                "voorbeeld_van",
                f"het voorbeeld van vraag {nummers[vraag_id]} ({vraag_id}) heeft al een scenario: "
                f"{aangehaald(eerder.naam)} (regel {plek_van(eerder).regel}); één scenario per voorbeeld, haal "
                "voorbeeld_van bij een van beide weg",
            )
        else:
            verteld[vraag_id] = scenario
