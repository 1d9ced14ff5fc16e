"""What a change to kompas_data/ does to the advice: a Markdown report for a reviewer.

`vergelijk(oud, nieuw)` compares two loaded data sets. First what must be fixed (a version
not raised, a scenario that now gives another vorm, a changed fingerprint of a published
version), then what a user of the kompaswijzer will see differently: scenarios, paths with
another outcome, walker addresses that now show something else, which old paths became
which new ones. Then the changes themselves, from the change list (wijzigingen.py): the
questions added, removed, reworded (word by word), rerouted or renumbered, in the sentences
of the plain words (beschrijving.py) marked up, and every other changed field with its old
and new value. All data text is escaped (`markdown.md`): the report is rendered as Markdown
and HTML in a pull request.
"""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass, field
from typing import Any

from ..data import betekenis as b
from ..data import graaf, scenarios, toestanden
from ..data.adressen import toestand_pad
from ..data.loader import versie_sleutel
from ..data.model import ArchiefVersie, KompasData, KompasVersie, PadWijziging
from . import beschrijving, wijzigingen
from .markdown import code, md, waarde, woordverschil
from .velden_verschil import Anders, Eraf, Erbij, Verschil


@dataclass
class Rapport:
    regels: list[str] = field(default_factory=list)
    fouten: list[str] = field(default_factory=list)

    def kop(self, tekst: str) -> None:
        self.regels += ["", tekst, ""]

    @property
    def tekst(self) -> str:
        return "\n".join(self.regels).strip() + "\n"


def _titel(data: KompasData, vorm_id: str | None) -> str:
    return md(graaf.vorm_titel(data, vorm_id)) if vorm_id else "(geen)"


def _toont(data: KompasData, toestand: toestanden.Toestand | None) -> str:
    """What a walker address shows, in words."""
    if toestand is None:
        # Its page stays, saying what it gave (betekenis.verdwenen_adressen).
        return "bestaat niet meer (de pagina zegt wat het adres eerder gaf)"
    nummers = graaf.vraagnummers(data.kompas)
    if toestand.vraag:
        return f"vraag {nummers[toestand.vraag]} ({code(toestand.vraag)})"
    if toestand.vorm:
        return f"uitkomst **{_titel(data, toestand.vorm)}**"
    assert toestand.open_vraag is not None  # an open state names the question answered "weet niet"
    return f"nog geen vorm (weet niet bij vraag {nummers[toestand.open_vraag]})"


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
        was, wordt = scenarios.loop(oud.kompas, scenario), scenarios.loop(nieuw.kompas, scenario)
        if was.vorm != wordt.vorm or not wordt.klopt:
            teken = "" if wordt.klopt else " ⚠"
            rijen.append(
                f"| {md(scenario.naam)} | {_titel(nieuw, scenario.verwacht)} | "
                f"{_titel(oud, was.vorm)} | {_titel(nieuw, wordt.vorm)}{teken} |"
            )
    if rijen:
        r.kop(f"## Scenario's met een andere uitkomst ({len(rijen)})")
        r.regels += ["| scenario | verwacht | was | wordt |", "|---|---|---|---|", *rijen]
    else:
        r.kop("## Scenario's")
        r.regels.append(f"Alle {len(nieuw.scenarios)} scenario's van het kompasteam geven de verwachte vorm.")


def _paden(r: Rapport, oud: KompasData, nieuw: KompasData) -> None:
    """The paths whose outcome changed, came or went: the same comparison as the paths `make
    versie` records for a version (betekenis.gewijzigde_paden)."""
    gewijzigd = b.gewijzigde_paden(b.betekenis(oud), b.betekenis(nieuw))
    if anders := [p for p in gewijzigd if p.van is not None and p.naar is not None]:
        r.kop(f"## Paden met een andere uitkomst ({len(anders)})")
        r.regels += ["| antwoorden | was | wordt |", "|---|---|---|"]
        r.regels += [f"| {code(p.antwoorden)} | {_titel(oud, p.van)} | **{_titel(nieuw, p.naar)}** |" for p in anders]
    if len(anders) < len(gewijzigd):
        _opvolgers(r, gewijzigd, oud, nieuw)
    if not gewijzigd:
        r.kop("## Paden")
        r.regels.append(f"Alle {graaf.aantal_paden(nieuw.kompas)} paden door het kompas houden dezelfde uitkomst.")


def _opvolgers(r: Rapport, gewijzigd: list[PadWijziging], oud: KompasData, nieuw: KompasData) -> None:
    """Each path that went and the new paths that take its place; then the new paths that take
    no old one's place."""
    oude = {p.antwoorden: p for p in graaf.paden(oud.kompas)}
    nieuwe = {p.antwoorden: p for p in graaf.paden(nieuw.kompas)}
    weg = [oude[p.antwoorden] for p in gewijzigd if p.naar is None]
    erbij = [nieuwe[p.antwoorden] for p in gewijzigd if p.van is None]
    r.kop("## Oude paden en de nieuwe paden die ervoor in de plaats komen")
    r.regels.append(
        "Een pad komt in de plaats van een oud pad als ze dezelfde antwoorden geven op de vragen die "
        "ze allebei stellen."
    )
    r.regels += ["", "| oud pad | was | nieuwe paden |", "|---|---|---|"]
    r.regels += [_in_de_plaats(pad, erbij, oud, nieuw) for pad in weg]
    zonder_voorganger = [p for p in erbij if not any(_volgt_op(p, w) for w in weg)]
    r.regels += [f"| (nieuw) | | {code(p.antwoorden)} → {_titel(nieuw, p.vorm)} |" for p in zonder_voorganger]


def _in_de_plaats(pad: graaf.Pad, erbij: list[graaf.Pad], oud: KompasData, nieuw: KompasData) -> str:
    """The row of a path that went: the new paths that take its place."""
    opvolgers = "; ".join(f"{code(p.antwoorden)} → {_titel(nieuw, p.vorm)}" for p in erbij if _volgt_op(p, pad))
    return f"| {code(pad.antwoorden)} | {_titel(oud, pad.vorm)} | {opvolgers or '(geen)'} |"


def _volgt_op(nieuw: graaf.Pad, oud: graaf.Pad) -> bool:
    """Whether a new path takes the place of an old one: the same answers to the questions both ask."""
    antwoorden = {s.vraag: s.antwoord for s in oud.stappen}
    return all(antwoorden.get(s.vraag, s.antwoord) == s.antwoord for s in nieuw.stappen)


def _adressen(r: Rapport, oud: KompasData, nieuw: KompasData) -> None:
    """Every address of the old walker (bookmarks, links in council papers) that now shows
    another question or outcome."""
    rijen = []
    for toestand in toestanden.toestanden(oud.kompas):
        nu = toestanden.zoek_toestand(nieuw.kompas, toestand.antwoorden)
        if nu is None or _getoond(nu) != _getoond(toestand):
            rijen.append(
                f"| {code('/' + toestand_pad(toestand.antwoorden))} | {_toont(oud, toestand)} | {_toont(nieuw, nu)} |"
            )
    if rijen:
        r.kop(f"## Adressen van de kompaswijzer die nu iets anders tonen ({len(rijen)})")
        r.regels += ["| adres | toonde | toont nu |", "|---|---|---|", *rijen]


def _getoond(toestand: toestanden.Toestand) -> tuple[str, str | None, str | None, str | None]:
    """What an address shows, by id (its question numbers may differ between the versions)."""
    return toestand.soort, toestand.vraag, toestand.vorm, toestand.open_vraag


# The Markdown of the plain words (beschrijving.py): ids in code, data text escaped, what
# something is now in bold.
MARKDOWN = beschrijving.Opmaak(id=code, tekst=md, nieuw=lambda tekst: f"**{tekst}**")


def _vragen(r: Rapport, lijst: tuple[wijzigingen.Wijziging, ...]) -> None:
    """The questions: the sentence of the plain words, and what the plain words leave out:
    the text of a question that came or went, a new wording word for word."""
    regels = [f"- {_vraagregel(w)}" for w in lijst if isinstance(w, VRAAGWIJZIGINGEN)]
    if regels:
        r.kop("## Vragen")
        r.regels += regels


VRAAGWIJZIGINGEN = typing.get_args(wijzigingen.Vraagwijziging)


def _vraagregel(w: wijzigingen.Vraagwijziging) -> str:
    zin = beschrijving.zin(w, MARKDOWN)
    if isinstance(w, wijzigingen.VraagErbij):
        ja, nee = beschrijving.bestemming(w.ja, MARKDOWN), beschrijving.bestemming(w.nee, MARKDOWN)
        return f"{zin}: {md(w.tekst)} Ja leidt naar {ja}, nee naar {nee}."
    if isinstance(w, wijzigingen.VraagEraf):
        return f"{zin}: {md(w.tekst)}"
    if isinstance(w, wijzigingen.VraagGeherformuleerd):
        return f"{zin}: {woordverschil(w.oud, w.nieuw)}"
    return f"{zin}."


def _velden(r: Rapport, lijst: tuple[wijzigingen.Wijziging, ...]) -> None:
    per_bestand: dict[str, list[str]] = {}
    for w in lijst:
        if isinstance(w, wijzigingen.Velden):
            per_bestand.setdefault(w.bestand, []).extend(f"  - {_rij(v)}" for v in w.rijen)
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


def _rij(v: Verschil) -> str:
    """One changed field: what came, what went, a long text word for word, or old → new."""
    plek = code(v.plek)
    if isinstance(v, Erbij):
        return f"{plek}: **erbij**: {_kort(v.waarde)}"
    if isinstance(v, Eraf):
        return f"{plek}: ~~eraf~~: {_kort(v.waarde)}"
    assert isinstance(v, Anders)  # velden_verschil gives no other rows outside `records`
    if isinstance(v.oud, str) and isinstance(v.nieuw, str) and len(v.oud) + len(v.nieuw) > 80:
        return f"{plek}: {woordverschil(v.oud, v.nieuw)}"
    return f"{plek}: {waarde(v.oud)} → **{waarde(v.nieuw)}**"


def _kort(record: Any) -> str:
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
    lijst = wijzigingen.tussen(oud, nieuw)
    _scenarios(r, oud, nieuw)
    _paden(r, oud, nieuw)
    _adressen(r, oud, nieuw)
    _vragen(r, lijst)
    _velden(r, lijst)
    return r
