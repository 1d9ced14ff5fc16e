"""What a change to kompas_data/ does to the advice: a Markdown report for a reviewer.

`vergelijk(oud, nieuw)` compares two loaded data sets. First what must be fixed (a version
not raised, a scenario that now gives another vorm, a changed fingerprint of a published
version), then what a user of the kompaswijzer will see differently: scenarios, paths with
another outcome, walker addresses that now show something else, which old paths became
which new ones, questions added, removed, reworded (word by word), rerouted or renumbered,
and every other changed field with its old and new value. All data text is escaped
(`markdown.md`): the report is rendered as Markdown and HTML in a pull request.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from ..data import betekenis as b
from ..data import graaf, scenarios, toestanden
from ..data.adressen import toestand_pad
from ..data.loader import versie_sleutel
from ..data.model import ArchiefVersie, Doel, KompasData, KompasVersie, NaarVraag
from .markdown import code, md, waarde, woordverschil
from .velden_verschil import TOEGEVOEGD, VERWIJDERD, verschillen


@dataclass
class Rapport:
    regels: list[str] = field(default_factory=list)
    fouten: list[str] = field(default_factory=list)

    def kop(self, tekst: str) -> None:
        self.regels += ["", tekst, ""]

    @property
    def tekst(self) -> str:
        return "\n".join(self.regels).strip() + "\n"


def _titel(versie: ArchiefVersie, vorm_id: str | None) -> str:
    return md(next((v.titel for v in versie.vormen if v.id == vorm_id), vorm_id)) if vorm_id else "(geen)"


def _toont(versie: ArchiefVersie, toestand: toestanden.Toestand | None) -> str:
    """What a walker address shows, in words."""
    if toestand is None:
        # Its page stays, saying what it gave (betekenis.verdwenen_adressen).
        return "bestaat niet meer (de pagina zegt wat het adres eerder gaf)"
    if toestand.vraag is not None:
        return f"vraag {graaf.vraagnummers(versie)[toestand.vraag]} ({code(toestand.vraag)})"
    if toestand.vorm is not None:
        return f"uitkomst **{_titel(versie, toestand.vorm)}**"
    if toestand.open_vraag is None:
        raise ValueError(f"een toestand zonder vraag, vorm of open vraag: {toestand.pad!r}")
    return f"nog geen vorm (weet niet bij vraag {graaf.vraagnummers(versie)[toestand.open_vraag]})"


def _fouten(r: Rapport, oud: KompasData, nieuw: KompasData) -> None:
    a, n = oud.kompas.versie, nieuw.kompas.versie
    soort = b.soort_wijziging(b.betekenis(oud), b.betekenis(nieuw))
    if versie_sleutel(n) < versie_sleutel(a):
        r.fouten.append(f"De versie gaat omlaag, van {a} naar {n}. Een nieuwe versie moet hoger zijn.")
    elif soort and a == n:
        r.fouten.append(
            f"Het kompas verandert inhoudelijk, maar de versie blijft {a}. In de webeditor: zet het label "
            "'versie vastleggen' op de pull request; met een eigen kopie: draai "
            '`make versie WAT="wat er verandert, in één zin"` en commit wat die schrijft (zie BIJDRAGEN.md).'
        )
    nieuwe = {v.versie: v for v in nieuw.versies}
    for versie in oud.versies:
        if versie.versie not in nieuwe:
            r.fouten.append(
                f"Versie {versie.versie} staat niet meer in wijzigingen.yaml; een gepubliceerde versie blijft staan."
            )
        elif nieuwe[versie.versie].vingerafdruk != versie.vingerafdruk:
            r.fouten.append(
                f"De vingerafdruk van versie {versie.versie} is veranderd. Een gepubliceerde versie "
                "verandert niet: leg de wijziging vast als nieuwe versie met `make versie`."
            )
    # A meaning changed under the same version is said above, in the words of this report.
    r.fouten += [md(f.bericht) for f in b.versie_fouten(nieuw) if not (f.soort == "huidig" and a == n)]
    r.fouten += [md(scenarios.melding(nieuw, u)) for u in scenarios.uitkomsten(nieuw) if not u.klopt]


def _scenarios(r: Rapport, oud: KompasData, nieuw: KompasData) -> None:
    rijen = []
    for scenario in nieuw.scenarios:
        was = scenarios.loop(b.betekenis(oud), scenario)
        wordt = scenarios.loop(b.betekenis(nieuw), scenario)
        if was.vorm != wordt.vorm or not wordt.klopt:
            teken = "" if wordt.klopt else " ⚠"
            rijen.append(
                f"| {md(scenario.naam)} | {_titel(b.betekenis(nieuw), scenario.verwacht)} | "
                f"{_titel(b.betekenis(oud), was.vorm)} | {_titel(b.betekenis(nieuw), wordt.vorm)}{teken} |"
            )
    if rijen:
        r.kop(f"## Scenario's met een andere uitkomst ({len(rijen)})")
        r.regels += ["| scenario | verwacht | was | wordt |", "|---|---|---|---|", *rijen]
    else:
        r.kop("## Scenario's")
        r.regels.append(f"Alle {len(nieuw.scenarios)} scenario's van het kompasteam geven de verwachte vorm.")


def _paden(r: Rapport, oud: ArchiefVersie, nieuw: ArchiefVersie) -> None:
    oude = {p.antwoorden: p for p in graaf.paden(oud)}
    nieuwe = {p.antwoorden: p for p in graaf.paden(nieuw)}
    anders = [a for a in nieuwe if a in oude and oude[a].vorm != nieuwe[a].vorm]
    if anders:
        r.kop(f"## Paden met een andere uitkomst ({len(anders)})")
        r.regels += ["| antwoorden | was | wordt |", "|---|---|---|"]
        r.regels += [
            f"| {code(a)} | {_titel(oud, oude[a].vorm)} | **{_titel(nieuw, nieuwe[a].vorm)}** |" for a in anders
        ]
    weg = [p for a, p in oude.items() if a not in nieuwe]
    erbij = [p for a, p in nieuwe.items() if a not in oude]
    if weg or erbij:
        r.kop("## Oude paden en de nieuwe paden die ervoor in de plaats komen")
        r.regels.append(
            "Een pad komt in de plaats van een oud pad als ze dezelfde antwoorden geven op de vragen die "
            "ze allebei stellen."
        )
        r.regels += ["", "| oud pad | was | nieuwe paden |", "|---|---|---|"]
        for pad in weg:
            antwoorden = {s.vraag: s.antwoord for s in pad.stappen}
            opvolgers = [p for p in erbij if all(antwoorden.get(s.vraag, s.antwoord) == s.antwoord for s in p.stappen)]
            nieuw_tekst = "; ".join(f"{code(p.antwoorden)} → {_titel(nieuw, p.vorm)}" for p in opvolgers) or "(geen)"
            r.regels.append(f"| {code(pad.antwoorden)} | {_titel(oud, pad.vorm)} | {nieuw_tekst} |")
        zonder_voorganger = [
            p
            for p in erbij
            if not any(
                all({s.vraag: s.antwoord for s in w.stappen}.get(s.vraag, s.antwoord) == s.antwoord for s in p.stappen)
                for w in weg
            )
        ]
        r.regels += [f"| (nieuw) | | {code(p.antwoorden)} → {_titel(nieuw, p.vorm)} |" for p in zonder_voorganger]
    if not (anders or weg or erbij):
        r.kop("## Paden")
        r.regels.append(f"Alle {len(nieuwe)} paden door het kompas houden dezelfde uitkomst.")


def _adressen(r: Rapport, oud: ArchiefVersie, nieuw: ArchiefVersie) -> None:
    """Every address of the old walker (bookmarks, links in council papers) that now shows
    another question or outcome."""
    rijen = []
    for toestand in toestanden.toestanden(oud):
        nu = toestanden.zoek_toestand(nieuw, toestand.antwoorden)
        was_tekst, nu_tekst = _toont(oud, toestand), _toont(nieuw, nu)
        zelfde = nu is not None and (nu.soort, nu.vraag, nu.vorm, nu.open_vraag) == (
            toestand.soort,
            toestand.vraag,
            toestand.vorm,
            toestand.open_vraag,
        )
        if not zelfde:
            rijen.append(f"| {code('/' + toestand_pad(toestand.antwoorden))} | {was_tekst} | {nu_tekst} |")
    if rijen:
        r.kop(f"## Adressen van de kompaswijzer die nu iets anders tonen ({len(rijen)})")
        r.regels += ["| adres | toonde | toont nu |", "|---|---|---|", *rijen]


def _vragen(r: Rapport, oud: ArchiefVersie, nieuw: ArchiefVersie) -> None:
    oude, nieuwe = graaf.vraag_index(oud), graaf.vraag_index(nieuw)
    oud_nr, nieuw_nr = graaf.vraagnummers(oud), graaf.vraagnummers(nieuw)

    def doel(d: Doel, versie: ArchiefVersie) -> str:
        return (
            f"vraag {graaf.vraagnummers(versie)[d.vraag]}"
            if isinstance(d, NaarVraag)
            else f"vorm {_titel(versie, d.vorm)}"
        )

    regels = []
    if oud.start != nieuw.start:
        regels.append(f"- **Startvraag:** {code(oud.start)} → {code(nieuw.start)}")
    for vraag_id, vraag in nieuwe.items():
        if vraag_id not in oude:
            regels.append(
                f"- **Nieuw, vraag {nieuw_nr[vraag_id]}** ({code(vraag_id)}): {md(vraag.tekst)} "
                f"(ja → {doel(vraag.ja, nieuw)}, nee → {doel(vraag.nee, nieuw)})"
            )
    for vraag_id, vraag in oude.items():
        if vraag_id not in nieuwe:
            regels.append(f"- **Verdwenen, was vraag {oud_nr[vraag_id]}** ({code(vraag_id)}): {md(vraag.tekst)}")
    for vraag_id in (v for v in nieuwe if v in oude):
        a, n = oude[vraag_id], nieuwe[vraag_id]
        if oud_nr[vraag_id] != nieuw_nr[vraag_id]:
            regels.append(
                f"- **Ander nummer:** {code(vraag_id)}: vraag {oud_nr[vraag_id]} → vraag {nieuw_nr[vraag_id]}"
            )
        if a.tekst != n.tekst:
            regels.append(f"- **Anders geformuleerd:** {code(vraag_id)}: {woordverschil(a.tekst, n.tekst)}")
        for antwoord in graaf.ANTWOORDEN:
            van, naar = graaf.doel(a, antwoord), graaf.doel(n, antwoord)
            if van != naar:
                regels.append(
                    f"- **Andere route:** {code(vraag_id)}, antwoord {antwoord}: {doel(van, oud)} → {doel(naar, nieuw)}"
                )
    if regels:
        r.kop("## Vragen")
        r.regels += regels


# Where each part of the data lives: the file, and for a list of records the key of that list
# in the file (its items are named as the check names them: "vorm 'peilen'").
BESTAND_VAN = {
    "kompas": ("kompas.yaml", None),
    "vormen": ("vormen.yaml", "vormen"),
    "principes": ("principes.yaml", "principes"),
    "doelstellingen": ("doelstellingen.yaml", "doelstellingen"),
    "indicatoren": ("indicatoren.yaml", None),
    "risicos": ("risicos.yaml", "risicos"),
    "financien": ("financien.yaml", None),
    "wijkplatforms": ("wijkplatforms.yaml", None),
    "versies": ("wijzigingen.yaml", "versies"),
    "nota": ("nota.yaml", None),
    "scenarios": ("scenarios.yaml", "scenarios"),
    "archief": ("archief/", "archief"),
}
# The graph is reported above, question by question; the rest of kompas.yaml field by field.
AL_GEMELD = ("vragen", "start", "versie")


def _veldverschillen(oud: KompasData, nieuw: KompasData, veld: str) -> list:
    """The changed fields of one part of the data, named from the top of its file."""
    a, n = getattr(oud, veld), getattr(nieuw, veld)
    _, lijst = BESTAND_VAN[veld]
    if lijst is not None:
        return list(verschillen(a, n, (lijst,)))
    delen = [f.name for f in dataclasses.fields(n) if not (veld == "kompas" and f.name in AL_GEMELD)]
    return [v for deel in delen for v in verschillen(getattr(a, deel), getattr(n, deel), (deel,), n)]


def _velden(r: Rapport, oud: KompasData, nieuw: KompasData) -> None:
    per_bestand: dict[str, list[str]] = {}
    for veld in dataclasses.fields(nieuw):
        for v in _veldverschillen(oud, nieuw, veld.name):
            plek = code(v.plek)
            if v.oud is TOEGEVOEGD:
                regel = f"{plek}: **erbij**: {_kort(v.nieuw)}"
            elif v.nieuw is VERWIJDERD:
                regel = f"{plek}: ~~eraf~~: {_kort(v.oud)}"
            elif isinstance(v.oud, str) and isinstance(v.nieuw, str) and len(v.oud) + len(v.nieuw) > 80:
                regel = f"{plek}: {woordverschil(v.oud, v.nieuw)}"
            else:
                regel = f"{plek}: {waarde(v.oud)} → **{waarde(v.nieuw)}**"
            per_bestand.setdefault(BESTAND_VAN[veld.name][0], []).append(f"  - {regel}")
    if per_bestand:
        r.kop("## Gewijzigde velden (oud → nieuw)")
        for bestand, regels in per_bestand.items():
            r.regels += [f"- `{bestand}`", *regels]
        if any(bestand in per_bestand for bestand in ("indicatoren.yaml", "financien.yaml")):
            # /nota/ and the PDF are the note as adopted (nota_vastgesteld/) and never change.
            r.regels.append(
                "- De pagina's en grafieken van de site tonen het nieuwe getal, met het label "
                "*Gewijzigd na de nota*; de nota zelf (`/nota/` en de pdf) blijft zoals de raad hem vaststelde. "
                "Bekijk het in het voorbeeld van de site."
            )


def _kort(record) -> str:
    """An added or removed record in a few words: its key and title, or the value itself."""
    if isinstance(record, ArchiefVersie):
        return f"versie {md(record.versie)} bewaard in het archief"
    if isinstance(record, KompasVersie):
        return f"versie {md(record.versie)} ({md(record.datum)}): {md(record.samenvatting)}"
    if dataclasses.is_dataclass(record):
        naam = next(
            (getattr(record, v) for v in ("titel", "naam", "omschrijving", "tekst", "indicator") if hasattr(record, v)),
            "",
        )
        sleutel = code(record.id) if hasattr(record, "id") else ""
        return f"{sleutel} {md(naam)}".strip()
    return waarde(record)


def vergelijk(oud: KompasData, nieuw: KompasData, oud_naam: str = "oud", nieuw_naam: str = "nieuw") -> Rapport:
    r = Rapport()
    r.regels.append("# Wat verandert er aan het Kompas voor zeggenschap?")
    r.regels += ["", f"Vergeleken: **{md(oud_naam)}** met **{md(nieuw_naam)}**."]
    versie = (
        f"{oud.kompas.versie} → **{nieuw.kompas.versie}**"
        if oud.kompas.versie != nieuw.kompas.versie
        else f"{nieuw.kompas.versie} (ongewijzigd)"
    )
    r.regels += ["", f"Versie van het kompas: {versie}"]
    _fouten(r, oud, nieuw)
    if r.fouten:
        r.kop("## Dit moet eerst anders")
        r.regels += [f"- **Fout:** {f}" for f in r.fouten]
    if oud == nieuw:
        r.regels += [
            "",
            "**Geen inhoudelijke wijziging**: de gegevens betekenen hetzelfde. "
            "Alleen de opmaak, commentaar of de volgorde van sleutels is anders.",
        ]
        return r
    oude_b, nieuwe_b = b.betekenis(oud), b.betekenis(nieuw)
    _scenarios(r, oud, nieuw)
    _paden(r, oude_b, nieuwe_b)
    _adressen(r, oude_b, nieuwe_b)
    _vragen(r, oude_b, nieuwe_b)
    _velden(r, oud, nieuw)
    return r
