"""`make check`: is the data in kompas_data/ ready for review? Every problem at once, each
with what to do, in Dutch.

Checks: the data loads (file, line, key path, what is wrong); the recorded versions match the
data (a change in meaning has its version, archived versions are untouched, recorded paths
are what changed); every scenario of the kompasteam gives its vorm; the golden files match;
and, when there is a base to compare with, no published version was rewritten. When the
meaning changed without a version, it prints the exact lines `make versie` would write, for
someone who edits in the forge's web editor.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..data import betekenis as b
from ..data import graaf, scenarios
from ..data.loader import KompasDataError, laad_kompas_data
from ..data.model import KompasData
from . import basis, gouden, versie


@dataclass
class Uitslag:
    fouten: list[str] = field(default_factory=list)
    regels: list[str] = field(default_factory=list)  # what to add, for the web editor
    samenvatting: str = ""

    @property
    def ok(self) -> bool:
        return not self.fouten

    @property
    def tekst(self) -> str:
        delen = (
            [self.samenvatting]
            if self.ok
            else [f"Er {'is 1 probleem' if len(self.fouten) == 1 else f'zijn {len(self.fouten)} problemen'}:"]
        )
        delen += [f"- {f}" for f in self.fouten]
        if self.regels:
            delen += ["", *self.regels]
        return "\n".join(delen) + "\n"


def vind_vorige(repo: Path, nu: KompasData, expliciet: Optional[str] = None) -> tuple[KompasData, str]:
    """The data of the previous recorded version (consistent with its own record), from git:
    a named revision, or HEAD, or the merge base with main. Raises basis.GeenBasis."""
    kandidaten = [expliciet] if expliciet else ["HEAD"]
    if not expliciet:
        try:
            kandidaten.append(basis.vind_basis(repo).revisie)
        except basis.GeenBasis:
            pass
    eigen = {v.versie for v in nu.versies}
    for revisie in kandidaten:
        with tempfile.TemporaryDirectory() as tijdelijk:
            try:
                data = laad_kompas_data(basis.data_op(repo, revisie, Path(tijdelijk)))
            except (basis.GeenBasis, KompasDataError):
                continue
        if data.versies[0].versie in eigen and not any(f.soort == "huidig" for f in b.versie_fouten(data)):
            return data, revisie
    raise basis.GeenBasis(
        "de vorige versie van het kompas is niet te vinden in git (HEAD en main hebben geen "
        "kloppende versie); noem de commit met BASIS=<commit>"
    )


def _web_regels(repo: Path, gegevensmap: Path, nu: KompasData) -> list[str]:
    """What `make versie` would write, as text to paste in the forge's web editor."""
    try:
        vorige, _ = vind_vorige(repo, nu)
    except basis.GeenBasis as fout:
        return [f"(De regels om toe te voegen zijn niet te berekenen: {fout}. Draai `make versie`.)"]
    with tempfile.TemporaryDirectory() as tijdelijk:
        kopie = Path(tijdelijk) / "kompas_data"
        _kopieer(gegevensmap, kopie)
        try:
            uitslag = versie.leg_vast(kopie, vorige, "BESCHRIJF HIER IN EEN ZIN WAT ER VERANDERT")
        except versie.VersieWeigering as fout:
            return [f"(Geen regels: {fout})"]
        if uitslag.versie is None:
            return []
        archief = (kopie / "archief" / f"{vorige.versies[0].versie}.yaml").read_text(encoding="utf-8")
    nieuw = uitslag.versie
    return [
        "Werkt u in de webeditor van de forge? Dan kunt u dit zelf toevoegen (of draai lokaal `make versie`):",
        f'1. In kompas_data/kompas.yaml: zet de regel met versie op   versie: "{nieuw.versie}"',
        "2. In kompas_data/wijzigingen.yaml: zet dit direct onder 'versies:' en vul de samenvatting in:",
        "",
        b.versie_yaml(nieuw).rstrip("\n"),
        "",
        f"3. Maak het bestand kompas_data/archief/{vorige.versies[0].versie}.yaml met deze inhoud:",
        "",
        archief.rstrip("\n"),
        "",
        "4. De gouden bestanden in tests/golden/ maakt `make versie`; in de webeditor laat u die aan een "
        "collega met een lokale kopie over, of u draait de workflow opnieuw nadat die ze heeft bijgewerkt.",
    ]


def _kopieer(bron: Path, doel: Path) -> None:
    for bestand in bron.rglob("*.yaml"):
        uit = doel / bestand.relative_to(bron)
        uit.parent.mkdir(parents=True, exist_ok=True)
        uit.write_bytes(bestand.read_bytes())


def _tegen_basis(nu: KompasData, repo: Path, basis_revisie: str) -> list[str]:
    """Published versions and their archives stay as they were on the base."""
    with tempfile.TemporaryDirectory() as tijdelijk:
        try:
            oud = laad_kompas_data(basis.data_op(repo, basis_revisie, Path(tijdelijk)))
        except KompasDataError as fout:
            return [
                f"de gegevens op de basis ({basis_revisie[:10]}) zijn niet te lezen, dus niet te vergelijken: {fout}"
            ]
    fouten = []
    nieuwe = {v.versie: v for v in nu.versies}
    for v in oud.versies:
        if v.versie not in nieuwe:
            fouten.append(
                f"versie {v.versie} staat op de basis in wijzigingen.yaml, maar nu niet meer; een "
                "gepubliceerde versie blijft staan"
            )
        elif nieuwe[v.versie].vingerafdruk != v.vingerafdruk:
            fouten.append(
                f"de vingerafdruk van de gepubliceerde versie {v.versie} is veranderd; een gepubliceerde "
                "versie verandert niet. Zet hem terug en leg de wijziging vast met `make versie`"
            )
    archief = {a.versie: a for a in nu.archief}
    for a in oud.archief:
        if a.versie in archief and b.als_dict(archief[a.versie]) != b.als_dict(a):
            fouten.append(f"archief/{a.versie}.yaml is veranderd; dat bestand blijft zoals het was")
    return fouten


def controleer(gegevensmap: Path, repo: Path, golden: Path, basis_revisie: Optional[str] = None) -> Uitslag:
    uitslag = Uitslag()
    try:
        data = laad_kompas_data(gegevensmap)
    except KompasDataError as fout:
        uitslag.fouten += [str(f) for f in fout.fouten]
        return uitslag
    for fout in b.versie_fouten(data):
        uitslag.fouten.append(fout.bericht + (f"\n{fout.regels}" if fout.regels else ""))
        if fout.soort == "huidig":
            uitslag.regels = _web_regels(repo, gegevensmap, data)
    uitslag.fouten += [scenarios.melding(data, u) for u in scenarios.uitkomsten(data) if not u.klopt]
    if not any("huidig" == f.soort for f in b.versie_fouten(data)):
        if afwijkend := gouden.afwijkingen(data, golden):
            uitslag.fouten.append(
                "de gouden bestanden in tests/golden/ passen niet bij de data ("
                + "; ".join(afwijkend[:5])
                + (" …" if len(afwijkend) > 5 else "")
                + "); draai `make gouden` en commit ze"
            )
    if basis_revisie:
        uitslag.fouten += _tegen_basis(data, repo, basis_revisie)
    k = data.kompas
    uitslag.samenvatting = (
        f"kompas_data: in orde (kompas versie {k.versie}, {len(k.vragen)} vragen, {len(data.vormen)} "
        f"vormen, {graaf.aantal_paden(k)} paden, {len(data.scenarios)} scenario's die kloppen)"
    )
    return uitslag
