"""What a version of the kompas means, its fingerprint, and the rules that keep versions honest.

The meaning (`betekenis`) is what the advice depends on: the start, every question (text,
number and where Ja and Nee lead), each vorm's meaning (title, whether it is a
samenwerkingsvorm, wat is het, zeggenschap in words and on the scale, eigenaar, wanneer
geschikt) and what every outcome shows (the toelichting, the motto and the kanttekeningen).
It is an `ArchiefVersie`: the record kept in archief/<versie>.yaml once a newer version
comes. Examples, instruments, summaries and the other files can change without a new version.

The rules (`versie_fouten`): the current meaning has the fingerprint recorded for the
current version; every archived version still has the fingerprint recorded for it; the
paths recorded for a version are exactly the paths whose outcome changed since the version
before it.

What earlier versions gave, for the walker: on an address whose outcome changed
(`eerdere_uitkomsten`), and on an address that only earlier versions had
(`verdwenen_adressen`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from typing import ClassVar, Optional

from . import graaf, toestanden
from .model import ArchiefVersie, ArchiefVorm, ArchiefVraag, KompasData, KompasVersie, PadWijziging

VORM_VELDEN = tuple(f.name for f in dataclasses.fields(ArchiefVorm))


def betekenis(data: KompasData) -> ArchiefVersie:
    """The meaning of the data's current version."""
    k = data.kompas
    return ArchiefVersie(
        versie=k.versie,
        start=k.start,
        vragen=[ArchiefVraag(v.id, v.tekst, v.ja, v.nee) for v in k.vragen],
        vormen=[ArchiefVorm(**{veld: getattr(v, veld) for veld in VORM_VELDEN}) for v in data.vormen],
        toelichting=k.toelichting,
        motto=k.motto,
        kanttekeningen=list(k.kanttekeningen),
    )


def als_dict(versie: ArchiefVersie) -> dict:
    """The meaning as plain data, without the version number (which is not part of it)."""
    uit = dataclasses.asdict(versie)
    del uit["versie"]
    return uit


def vingerafdruk(versie: ArchiefVersie | KompasData) -> str:
    if isinstance(versie, KompasData):
        versie = betekenis(versie)
    inhoud = json.dumps(als_dict(versie), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(inhoud.encode("utf-8")).hexdigest()


def gewijzigde_paden(oud: ArchiefVersie, nieuw: ArchiefVersie) -> list[PadWijziging]:
    """The paths (by their answers) whose outcome differs: changed, new (van None) or gone (naar None)."""
    oude = {p.antwoorden: p.vorm for p in graaf.paden(oud)}
    nieuwe = {p.antwoorden: p.vorm for p in graaf.paden(nieuw)}
    uit = [PadWijziging(a, oude.get(a), nieuwe.get(a)) for a in nieuwe if oude.get(a) != nieuwe[a]]
    uit += [PadWijziging(a, oude[a], None) for a in oude if a not in nieuwe]
    return uit


def soort_wijziging(oud: ArchiefVersie, nieuw: ArchiefVersie) -> Optional[str]:
    """None (same meaning), "hoofd" (a question or vorm added or removed: a new major version)
    or "sub" (wording or routes: a new minor version), as BIJDRAGEN.md says."""
    if als_dict(oud) == als_dict(nieuw):
        return None
    vragen = {v.id for v in oud.vragen} != {v.id for v in nieuw.vragen}
    vormen = {v.id for v in oud.vormen} != {v.id for v in nieuw.vormen}
    return "hoofd" if vragen or vormen else "sub"


def volgende_versie(versie: str, soort: str) -> str:
    hoofd, sub = (int(d) for d in versie.split("."))
    return f"{hoofd + 1}.0" if soort == "hoofd" else f"{hoofd}.{sub + 1}"


@dataclass(frozen=True)
class VersieFout:
    """A broken version rule: the current meaning is not recorded ("huidig"), an archived
    version was edited ("archief"), or a version's paths are not what changed ("paden");
    `regels` is what to put in wijzigingen.yaml, when we know it."""

    soort: str
    bericht: str
    regels: str = ""


def vorige_betekenis(data: KompasData, versie: str) -> Optional[ArchiefVersie]:
    """The meaning of the version recorded before `versie`, from the archive."""
    volgorde = [v.versie for v in data.versies]
    i = volgorde.index(versie) if versie in volgorde else -1
    if i < 0 or i + 1 >= len(volgorde):
        return None
    return next((a for a in data.archief if a.versie == volgorde[i + 1]), None)


def versie_fouten(data: KompasData) -> list[VersieFout]:
    """Every way the recorded versions disagree with the data (see the module docstring)."""
    fouten = []
    huidig = data.versies[0]
    afdruk = vingerafdruk(data)
    if huidig.vingerafdruk != afdruk:
        fouten.append(
            VersieFout(
                "huidig",
                f"Het kompas is inhoudelijk gewijzigd sinds versie {huidig.versie} (een vraag, een route, de "
                f"betekenis van een vorm of een tekst bij elke uitkomst), maar er is geen nieuwe versie vastgelegd. "
                f'Draai `make versie WAT="wat er verandert, in één zin"`; die zet de nieuwe versie in '
                f"wijzigingen.yaml en kompas.yaml.",
            )
        )
    for archief in data.archief:
        vastgelegd = next(v for v in data.versies if v.versie == archief.versie)
        if vingerafdruk(archief) != vastgelegd.vingerafdruk:
            fouten.append(
                VersieFout(
                    "archief",
                    f"archief/{archief.versie}.yaml past niet meer bij de vingerafdruk van versie {archief.versie} in "
                    f"wijzigingen.yaml: het archief of de vingerafdruk is met de hand veranderd. Zet beide terug "
                    f"(git checkout main -- kompas_data/archief/{archief.versie}.yaml kompas_data/wijzigingen.yaml).",
                )
            )
    for versie in data.versies:
        vorige = vorige_betekenis(data, versie.versie)
        nu = betekenis(data) if versie is huidig else next((a for a in data.archief if a.versie == versie.versie), None)
        if vorige is None or nu is None or (versie is huidig and huidig.vingerafdruk != afdruk):
            continue
        echt = sorted(gewijzigde_paden(vorige, nu), key=lambda p: p.antwoorden)
        if sorted(versie.paden, key=lambda p: p.antwoorden) != echt:
            fouten.append(
                VersieFout(
                    "paden",
                    f"De paden bij versie {versie.versie} in wijzigingen.yaml kloppen niet met wat er echt veranderde "
                    f"tegenover versie {vorige.versie}. Zet dit eronder (in plaats van de huidige paden):",
                    paden_yaml(echt),
                )
            )
    return fouten


def paden_yaml(paden: list[PadWijziging]) -> str:
    """`paden:` as it stands in wijzigingen.yaml (indented for a version entry)."""
    if not paden:
        return "    paden: []\n"
    regels = ["    paden:"]
    for p in paden:
        delen = [f'antwoorden: "{p.antwoorden}"'] + [f"{k}: {v}" for k, v in (("van", p.van), ("naar", p.naar)) if v]
        regels.append("      - {" + ", ".join(delen) + "}")
    return "\n".join(regels) + "\n"


def versie_yaml(versie: KompasVersie) -> str:
    """A version entry as it stands at the top of wijzigingen.yaml. JSON strings are valid
    YAML double-quoted strings, so any text (quotes, #, colons) stays exactly what it is."""
    wijzigingen = "".join(f"      - {json.dumps(w, ensure_ascii=False)}\n" for w in versie.wijzigingen)
    return (
        f'  - versie: "{versie.versie}"\n'
        f'    datum: "{versie.datum}"\n'
        f"    samenvatting: {json.dumps(versie.samenvatting, ensure_ascii=False)}\n"
        f"    wijzigingen:\n{wijzigingen}"
        f'    vingerafdruk: "{versie.vingerafdruk}"\n' + paden_yaml(versie.paden)
    )


@dataclass(frozen=True)
class GepubliceerdeVersie:
    """A version as the site publishes it (a page and a kompas.json of its own): its entry in
    wijzigingen.yaml and its meaning, from the data for the current version and from the
    archive for the earlier ones."""

    versie: KompasVersie
    betekenis: ArchiefVersie
    huidig: bool

    def uitkomsten(self) -> dict[str, str]:
        """Every complete walk ("ja/nee/ja") and the vorm it ends at in this version."""
        return {p.antwoorden: p.vorm for p in graaf.paden(self.betekenis)}

    def vorm_titel(self, vorm_id: str) -> str:
        return next(v.titel for v in self.betekenis.vormen if v.id == vorm_id)


def gepubliceerde_versies(data: KompasData) -> list[GepubliceerdeVersie]:
    """Every version, newest first. The loader makes sure each earlier one is archived."""
    archief = {a.versie: a for a in data.archief}
    return [
        GepubliceerdeVersie(v, betekenis(data), True) if i == 0 else GepubliceerdeVersie(v, archief[v.versie], False)
        for i, v in enumerate(data.versies)
    ]


@dataclass(frozen=True)
class EerdereUitkomst:
    """An earlier version in which a walk ended at another vorm than it does now."""

    versie: str
    vorm: str
    titel: str  # the vorm's title in that version


def eerdere_uitkomsten(data: KompasData) -> dict[str, list[EerdereUitkomst]]:
    """For each walk ("ja/nee/ja") that ended elsewhere in an earlier version, those versions,
    newest first: what the walker says on that address ("In versie 1.0 gaf deze route: …").
    A walk that now goes on or has become shorter counts too: its old end is what a
    verantwoording of that version recorded."""
    versies = gepubliceerde_versies(data)
    nu = versies[0].uitkomsten()
    uit: dict[str, list[EerdereUitkomst]] = {}
    for versie in versies[1:]:
        for antwoorden, vorm in versie.uitkomsten().items():
            if nu.get(antwoorden) != vorm:
                uit.setdefault(antwoorden, []).append(
                    EerdereUitkomst(versie.versie.versie, vorm, versie.vorm_titel(vorm))
                )
    return uit


@dataclass(frozen=True)
class VroegereToestand:
    """What a walker address showed in one earlier version: a question, a vorm, or (after
    "weet ik (nog) niet") no vorm yet. Numbers and texts are that version's own."""

    versie: str
    soort: str  # "vraag", "uitkomst" or "open", as toestanden.Toestand.soort
    antwoorden: tuple[tuple[int, str], ...]  # each ja/nee given on the way: (question number, answer)
    vraag_id: Optional[str] = None  # the question asked here (vraag) or left open (open)
    nummer: Optional[int] = None
    vraag_tekst: Optional[str] = None
    vorm_id: Optional[str] = None  # the outcome (uitkomst)
    vorm_titel: Optional[str] = None


@dataclass(frozen=True)
class VerdwenenAdres:
    """A walker address ("nee/ja/weet-niet") that earlier versions had and the current one has
    not, with what it showed in each of those versions, newest first."""

    antwoorden: tuple[str, ...]
    eerder: tuple[VroegereToestand, ...]
    # The walker's pages name the kind of state they show (Toestand.soort); this one shows no
    # state of the current kompas.
    soort: ClassVar[str] = "verdwenen"


def verdwenen_adressen(data: KompasData) -> list[VerdwenenAdres]:
    """Every walker address of an archived version that the current version no longer has:
    a question was taken out, or an answer now ends the walk sooner or skips a question.
    Someone may have cited such an address (a council proposal), so it keeps a page saying
    what it gave. An address that still exists is not among them, whatever it shows now: it
    keeps its state page, which says what changed (`eerdere_uitkomsten`)."""
    versies = gepubliceerde_versies(data)
    nu = {t.antwoorden for t in toestanden.toestanden(versies[0].betekenis)}
    eerder: dict[tuple[str, ...], list[VroegereToestand]] = {}
    for versie in versies[1:]:
        for antwoorden, vroeger in _toestanden_van(versie).items():
            if antwoorden not in nu:
                eerder.setdefault(antwoorden, []).append(vroeger)
    return [VerdwenenAdres(antwoorden, tuple(lijst)) for antwoorden, lijst in eerder.items()]


def _toestanden_van(versie: GepubliceerdeVersie) -> dict[tuple[str, ...], VroegereToestand]:
    """Every walker state of a version by its answers, as that version numbered and worded it."""
    nummers = graaf.vraagnummers(versie.betekenis)
    vragen = graaf.vraag_index(versie.betekenis)
    uit = {}
    for toestand in toestanden.toestanden(versie.betekenis):
        vraag_id = toestand.vraag or toestand.open_vraag
        uit[toestand.antwoorden] = VroegereToestand(
            versie=versie.versie.versie,
            soort=toestand.soort,
            antwoorden=tuple((nummers[stap.vraag], stap.antwoord) for stap in toestand.stappen),
            vraag_id=vraag_id,
            nummer=nummers[vraag_id] if vraag_id else None,
            vraag_tekst=vragen[vraag_id].tekst if vraag_id else None,
            vorm_id=toestand.vorm,
            vorm_titel=versie.vorm_titel(toestand.vorm) if toestand.vorm else None,
        )
    return uit
