"""`make versie`: record a new version of the kompas, the mechanical part of a change.

The kompasteam edits the YAML and says in one sentence what changes; this writes the rest:
the new version on top of wijzigingen.yaml (today's date, the sentence, what changed in
plain words, the fingerprint, the paths whose outcome changed), `versie:` in kompas.yaml,
the meaning of the previous version in archief/<versie>.yaml, and every golden file. It
compares with the previous recorded version (`vorige`), so the paths are computed, never
typed. YAML files are edited as text, so their comments stay.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..data import betekenis as b
from ..data.loader import laad_kompas_data, versie_sleutel
from ..data.model import ARCHIEF_MAP, ArchiefVersie, Doel, KompasData, KompasVersie, NaarVraag
from ..data.velden import ID
from . import beschrijving, gouden, wijzigingen


class VersieWeigering(Exception):
    """The version cannot be recorded; the message says why and what to do."""


# The one example sentence of BIJDRAGEN.md, the same in every message.
VOORBEELD = "Vraag 8 vraagt nu of het vraagstuk eerst samen verhelderd moet worden."
# The titles the forges fill in for a change made in the web editor: they say which file,
# not what changes. GitHub "Update kompas.yaml", GitLab "Edit kompas.yaml" or "Update file
# kompas.yaml", a branch name such as "Patch 1" or "patch-1".
_STANDAARDTITEL = re.compile(
    r"(?:update|edit|create|add|delete|bewerk|wijzig)(?: file)? [\w./-]+|patch[ -]?\d+", re.IGNORECASE
)


@dataclass(frozen=True)
class Bron:
    """Where the summary of a new version comes from, in the words of the message that refuses
    it: `naam` with {zin} for the sentence, `leeg` when there is none, `herstel` what to do."""

    naam: str
    leeg: str
    herstel: str


MET_WAT = Bron(
    naam='WAT="{zin}"',
    leeg="WAT is leeg",
    herstel=f'schrijf in één zin voor wie het kompas gebruikt wat er verandert, zoals make versie WAT="{VOORBEELD}"',
)


def samenvatting(tekst: str, bron: Bron = MET_WAT) -> str:
    """The summary of a new version: the sentence on one line, or a refusal that says why and
    what to do. A forge's default title ("Update kompas.yaml") says nothing about what changes.
    One check for `make versie` and CI's job."""
    zin = " ".join(tekst.split())
    if not zin:
        raise VersieWeigering(f"{bron.leeg}; {bron.herstel}.")
    if _STANDAARDTITEL.fullmatch(zin.rstrip(".")):
        raise VersieWeigering(
            f"{bron.naam.format(zin=zin)} wordt de samenvatting van de nieuwe versie, maar zegt niet wat er "
            f"verandert; {bron.herstel}."
        )
    return zin


@dataclass(frozen=True)
class Resultaat:
    bericht: str
    versie: KompasVersie | None = None


def archief_yaml(versie: ArchiefVersie, datum: str) -> str:
    """An archived meaning as YAML, shaped like kompas.yaml and vormen.yaml so a reader can
    compare them. Strings as JSON strings: valid YAML that keeps every character."""

    def s(tekst: str) -> str:
        return json.dumps(tekst, ensure_ascii=False)

    def doel(d: Doel) -> str:
        return f"{{vraag: {d.vraag}}}" if isinstance(d, NaarVraag) else f"{{vorm: {d.vorm}}}"

    regels = [
        f"# yaml-language-server: $schema=../../schema/{ARCHIEF_MAP}.yaml.schema.json",
        f"# Versie {versie.versie} van het kompas zoals die gold, bewaard door `make versie` op {datum}.",
        "# Niet met de hand bewerken: `make check` vergelijkt dit bestand met de vingerafdruk van",
        "# deze versie in wijzigingen.yaml. De site publiceert het op /kompas/versies/<versie>/.",
        f'versie: "{versie.versie}"',
        f"start: {versie.start}",
        f"toelichting: {s(versie.toelichting)}",
        f"motto: {s(versie.motto)}",
        "kanttekeningen:",
        *[f"  - {s(k)}" for k in versie.kanttekeningen],
        "vragen:",
    ]
    for vraag in versie.vragen:
        regels += [
            f"  - id: {vraag.id}",
            f"    tekst: {s(vraag.tekst)}",
            f"    ja: {doel(vraag.ja)}",
            f"    nee: {doel(vraag.nee)}",
        ]
    regels.append("vormen:")
    for v in versie.vormen:
        # The fields of ArchiefVorm, in its order: a field added there is archived too.
        velden = [f"{f.name}: {_yaml_waarde(f, getattr(v, f.name))}" for f in dataclasses.fields(v)]
        regels += [f"  - {velden[0]}", *(f"    {veld}" for veld in velden[1:])]
    return "\n".join(regels) + "\n"


def _yaml_waarde(veld_: dataclasses.Field, waarde: object) -> str:
    """A value as the archive writes it: an id bare (as the data files have it), yes/no and
    numbers as YAML reads them, text as a JSON string (valid YAML that keeps every character)."""
    if isinstance(waarde, bool):
        return str(waarde).lower()
    if isinstance(waarde, int):
        return str(waarde)
    if veld_.metadata.get("soort") is ID:
        return str(waarde)
    return json.dumps(waarde, ensure_ascii=False)


_VERSIE_REGEL = re.compile(r"^  - versie: ", re.M)


def _zonder_bovenste_versie(tekst: str) -> str:
    """wijzigingen.yaml without its top entry (an earlier run of `make versie` on this change)."""
    begins = [m.start() for m in _VERSIE_REGEL.finditer(tekst)]
    return tekst[: begins[0]] + (tekst[begins[1] :] if len(begins) > 1 else "")


def _met_versie(tekst: str, entry: str) -> str:
    eerste = _VERSIE_REGEL.search(tekst)
    if eerste is None:
        return tekst.rstrip("\n") + "\n" + entry
    return tekst[: eerste.start()] + entry + "\n" + tekst[eerste.start() :]


def _zet_versie(kompas_yaml: str, versie: str) -> str:
    nieuw, aantal = re.subn(r"^versie: .*$", f'versie: "{versie}"', kompas_yaml, count=1, flags=re.M)
    if aantal != 1:
        raise VersieWeigering("kompas.yaml heeft geen regel 'versie:' bovenaan; zet daar versie: \"1.0\"")
    return nieuw


def kies_versie(vorige: str, soort: str, gevraagd: str | None) -> str:
    """The version to record: the one asked for, if it is higher and of the right kind, or the next one."""
    voorstel = b.volgende_versie(vorige, soort)
    if gevraagd is None:
        return voorstel
    if not re.fullmatch(r"\d+\.\d+", gevraagd):
        raise VersieWeigering(f"VERSIE={gevraagd} is geen versie; gebruik hoofdversie.subversie, zoals {voorstel}")
    if versie_sleutel(gevraagd) <= versie_sleutel(vorige):
        raise VersieWeigering(f"VERSIE={gevraagd} is niet hoger dan de vorige versie {vorige}; gebruik {voorstel}")
    if soort == "hoofd" and gevraagd.split(".")[0] == vorige.split(".")[0]:
        raise VersieWeigering(
            f"er komt een vraag of vorm bij of gaat eraf: dat is een nieuwe hoofdversie "
            f"(BIJDRAGEN.md). Gebruik VERSIE={voorstel}"
        )
    return gevraagd


def leg_vast(
    gegevensmap: Path,
    vorige: KompasData,
    wat: str,
    gevraagd: str | None = None,
    datum: datetime.date | None = None,
    golden: Path | None = None,
) -> Resultaat:
    """Record the change of the data in `gegevensmap` against `vorige` (the data of the previous
    version, consistent with its record) as a new version, with `wat` as its summary (checked
    by `samenvatting`)."""
    nu = laad_kompas_data(gegevensmap)
    wijzigingen_pad, kompas_pad = gegevensmap / "wijzigingen.yaml", gegevensmap / "kompas.yaml"
    tekst = wijzigingen_pad.read_text(encoding="utf-8")
    vorig_record = vorige.versies[0]
    if nu.versies[0].versie != vorig_record.versie:
        # This change already has a version from an earlier run: record it again.
        tekst = _zonder_bovenste_versie(tekst)
    oud, nieuw = b.betekenis(vorige), b.betekenis(nu)
    soort = b.soort_wijziging(oud, nieuw)
    if soort is None:
        if nu.versies[0].versie != vorig_record.versie:
            wijzigingen_pad.write_text(tekst, encoding="utf-8")
            kompas_pad.write_text(
                _zet_versie(kompas_pad.read_text(encoding="utf-8"), vorig_record.versie), encoding="utf-8"
            )
            (gegevensmap / ARCHIEF_MAP / f"{vorig_record.versie}.yaml").unlink(missing_ok=True)
        if golden is not None:
            gouden.schrijf(laad_kompas_data(gegevensmap), golden)
        return Resultaat(
            f"Geen inhoudelijke wijziging tegenover versie {vorig_record.versie}: de vragen, routes, "
            "vormen en de teksten bij elke uitkomst betekenen hetzelfde. Een nieuwe versie is niet "
            "nodig; commit uw wijziging zo."
        )
    zin = samenvatting(wat)
    versie = kies_versie(vorig_record.versie, soort, gevraagd)
    record = KompasVersie(
        versie=versie,
        datum=(datum or datetime.date.today()).isoformat(),
        samenvatting=zin,
        wijzigingen=beschrijving.in_woorden(wijzigingen.tussen(vorige, nu)),
        vingerafdruk=b.vingerafdruk(nieuw),
        paden=b.gewijzigde_paden(oud, nieuw),
    )
    wijzigingen_pad.write_text(_met_versie(tekst, b.versie_yaml(record)), encoding="utf-8")
    kompas_pad.write_text(_zet_versie(kompas_pad.read_text(encoding="utf-8"), versie), encoding="utf-8")
    archief = gegevensmap / ARCHIEF_MAP
    archief.mkdir(exist_ok=True)
    (archief / f"{vorig_record.versie}.yaml").write_text(archief_yaml(oud, record.datum), encoding="utf-8")
    opnieuw = laad_kompas_data(gegevensmap)
    if fouten := b.versie_fouten(opnieuw):
        raise VersieWeigering("na het vastleggen klopt er nog iets niet:\n" + "\n".join(f.bericht for f in fouten))
    if golden is not None:
        gouden.schrijf(opnieuw, golden)
    paden = (
        f"{len(record.paden)} {'pad krijgt' if len(record.paden) == 1 else 'paden krijgen'} een andere uitkomst"
        if record.paden
        else "geen pad krijgt een andere uitkomst"
    )
    return Resultaat(
        f"Versie {versie} vastgelegd ({_soort_van(vorig_record.versie, versie, soort)}): {paden}. "
        f"Bekijk de wijziging met git diff en commit alles in kompas_data/ en tests/golden/.",
        record,
    )


def _soort_van(vorige: str, versie: str, nodig: str) -> str:
    """The kind of the version recorded, which may be more than the change needed (VERSIE=2.0
    for a reworded question): then say so."""
    if versie.split(".")[0] == vorige.split(".")[0]:
        return "subversie"
    if nodig == "hoofd":
        return "hoofdversie"
    return (
        f"hoofdversie, zoals gevraagd; voor deze wijziging was een subversie genoeg: {b.volgende_versie(vorige, nodig)}"
    )
