"""`make check`: is the data in kompas_data/ ready for review? Every problem at once, each
with what to do, in Dutch.

Checks: the data loads (file, line, key path, what is wrong); the recorded versions match the
data (a change in meaning has its version, archived versions are untouched, recorded paths
are what changed); every scenario of the kompasteam gives its vorm; the golden files match;
and, when there is a base to compare with, no published version was rewritten and the
target branch has not meanwhile recorded a version of its own. When the meaning changed
without a version, it says the one way to record it where the member works: the label
`versie vastleggen` in the forge's web editor (CI's version job), `make versie` in an own
copy. Never the lines to type in: the golden files cannot be made by hand.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..data import betekenis as b
from ..data import graaf, scenarios
from ..data.loader import KompasDataError, laad_kompas_data
from ..data.model import KompasData, KompasVersie
from . import basis, gouden

# The label on a pull request (GitLab: merge request) that starts CI's version job.
LABEL = "versie vastleggen"


@dataclass
class Uitslag:
    fouten: list[str] = field(default_factory=list)
    wat_te_doen: list[str] = field(default_factory=list)  # how to record the version, after the problems
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
        if self.wat_te_doen:
            delen += ["", *self.wat_te_doen]
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
    # The number alone is not enough: after a merge of main, HEAD's 1.1 and main's 1.1 can be
    # two different versions. The previous version is one this data still records as it was.
    eigen = {(v.versie, v.vingerafdruk) for v in nu.versies}
    for revisie in kandidaten:
        with tempfile.TemporaryDirectory() as tijdelijk:
            try:
                data = laad_kompas_data(basis.data_op(repo, revisie, Path(tijdelijk)))
            except (basis.GeenBasis, KompasDataError):
                continue
        bovenste = data.versies[0]
        if (bovenste.versie, bovenste.vingerafdruk) in eigen and not any(
            f.soort == "huidig" for f in b.versie_fouten(data)
        ):
            return data, revisie
    raise basis.GeenBasis(
        "de vorige versie van het kompas is niet te vinden in git (HEAD en main hebben geen "
        "kloppende versie); noem de commit met BASIS=<commit>"
    )


def _zo_legt_u_vast(repo: Path, nu: KompasData, doel: Optional[basis.Doel]) -> list[str]:
    """What to do when the meaning changed without a version: the one way that works where the
    member works. Not the lines to add: the golden files in tests/golden/ cannot be written by
    hand, so a version typed into the files never passes this check."""
    welke = "een nieuwe versie"
    try:
        vorige, _ = vind_vorige(repo, nu)
    except basis.GeenBasis:
        pass  # the number is then the CI's to find; what to do stays the same
    else:
        op_doel = _versies_op(repo, doel.revisie) if doel is not None else None
        if (
            doel is not None
            and op_doel
            and (op_doel[0].versie, op_doel[0].vingerafdruk) not in {(v.versie, v.vingerafdruk) for v in vorige.versies}
        ):
            # The target moved on: CI's job merges it first and records the version after its.
            welke = f"de versie na {op_doel[0].versie} (die {doel.tak} intussen vastlegde)"
        elif soort := b.soort_wijziging(b.betekenis(vorige), b.betekenis(nu)):
            welke = f"versie {b.volgende_versie(vorige.versies[0].versie, soort)}"
    return [
        f"Zo legt u {welke} vast:",
        f"  In de webeditor van GitHub of GitLab: geef de pull request (GitLab: merge request) als titel één zin die "
        f"zegt wat er verandert, en zet het label '{LABEL}' erop (ziet u geen Labels, vraag dan de reviewer het label "
        "te zetten). De CI legt de versie vast met de titel als samenvatting, schrijft de gouden bestanden in "
        "tests/golden/ en zet dat als één commit op uw branch.",
        '  Met een eigen kopie: draai `make versie WAT="wat er verandert, in één zin"` en commit kompas_data/ en '
        "tests/golden/.",
        "  Typ de versie niet zelf in de bestanden: de gouden bestanden zijn met de hand niet te maken "
        '(BIJDRAGEN.md, "Werken in de webeditor van GitHub of GitLab").',
    ]


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


def _gouden_melding(afwijkend: list[str]) -> str:
    """Every golden file that differs, one per line: the reader must be able to act on each."""
    return (
        f"de gouden bestanden in tests/golden/ passen niet bij de data ({len(afwijkend)}):\n"
        + "\n".join(f"    tests/golden/{a}" for a in afwijkend)
        + f"\n  Draai `make gouden` en commit ze. In de webeditor: zet het label '{LABEL}' op de pull request; "
        "de CI schrijft ze dan (en legt de versie opnieuw vast met de titel van de pull request)."
    )


def _versies_op(repo: Path, revisie: str) -> Optional[list[KompasVersie]]:
    with tempfile.TemporaryDirectory() as tijdelijk:
        try:
            return laad_kompas_data(basis.data_op(repo, revisie, Path(tijdelijk))).versies
        except (basis.GeenBasis, KompasDataError):
            return None


def _beschreven(versies: list[KompasVersie]) -> str:
    return "; ".join(f'{v.versie} ("{v.samenvatting}")' for v in versies)


def tegen_doel(nu: KompasData, repo: Path, basis_revisie: str, doel: basis.Doel) -> list[str]:
    """Two changes cannot both record the next version: when the target branch has recorded
    a version since this branch left it, and this branch records one too, say so and what to do."""
    op_basis, op_doel = _versies_op(repo, basis_revisie), _versies_op(repo, doel.revisie)
    if op_basis is None or op_doel is None:
        return []
    bekend = {(v.versie, v.vingerafdruk) for v in op_basis}
    eigen = [v for v in nu.versies if (v.versie, v.vingerafdruk) not in bekend]
    daar = [v for v in op_doel if (v.versie, v.vingerafdruk) not in bekend]
    if not eigen or not daar:
        return []
    zelfde = sorted({v.versie for v in eigen} & {v.versie for v in daar}, reverse=True)
    wat = (
        f"Versie {', '.join(zelfde)} is intussen ook op {doel.tak} vastgelegd, voor een andere wijziging"
        if zelfde
        else f"Op {doel.tak} is intussen een nieuwe versie vastgelegd"
    )
    return [
        f"{wat}: daar staat nu {_beschreven(daar)}; uw branch legt {_beschreven(eigen)} vast, vanaf versie "
        f"{op_basis[0].versie}. Twee wijzigingen kunnen niet dezelfde versie krijgen: uw wijziging moet "
        f"bovenop {doel.tak} opnieuw worden vastgelegd, als de versie die daarna komt.\n"
        f"  In de webeditor: zet het label '{LABEL}' op de pull request (GitLab: merge request). De CI voegt "
        f"{doel.tak} samen met uw branch, neemt daarbij wijzigingen.yaml, archief/ en tests/golden/ van "
        f"{doel.tak} over en legt uw wijziging opnieuw vast.\n"
        f"  Met een eigen kopie: `git fetch origin` en `git merge {doel.naam}`. Bij een conflict: "
        "`git checkout --theirs -- kompas_data/wijzigingen.yaml kompas_data/archief tests/golden`, en in "
        f"kompas_data/kompas.yaml de regel `versie:` van {doel.tak}; dan `git add -A kompas_data tests/golden` "
        'en `git commit --no-edit`. Draai daarna `make versie WAT="wat er verandert, in één zin"` en commit.'
    ]


def controleer(
    gegevensmap: Path,
    repo: Path,
    golden: Path,
    basis_revisie: Optional[str] = None,
    doel: Optional[basis.Doel] = None,
) -> Uitslag:
    uitslag = Uitslag()
    try:
        data = laad_kompas_data(gegevensmap)
    except KompasDataError as fout:
        uitslag.fouten += [str(f) for f in fout.fouten]
        return uitslag
    for versiefout in b.versie_fouten(data):
        uitslag.fouten.append(versiefout.bericht + (f"\n{versiefout.regels}" if versiefout.regels else ""))
        if versiefout.soort == "huidig":
            uitslag.wat_te_doen = _zo_legt_u_vast(repo, data, doel)
    uitslag.fouten += [scenarios.melding(data, u) for u in scenarios.uitkomsten(data) if not u.klopt]
    uitslag.fouten += [str(f) for f in scenarios.voorbeelden_zonder_scenario(data)]
    if not any("huidig" == f.soort for f in b.versie_fouten(data)):
        if afwijkend := gouden.afwijkingen(data, golden):
            uitslag.fouten.append(_gouden_melding(afwijkend))
    if basis_revisie:
        uitslag.fouten += _tegen_basis(data, repo, basis_revisie)
        if doel is not None:
            uitslag.fouten += tegen_doel(data, repo, basis_revisie, doel)
    k = data.kompas
    uitslag.samenvatting = (
        f"kompas_data: in orde (kompas versie {k.versie}, {len(k.vragen)} vragen, {len(data.vormen)} "
        f"vormen, {graaf.aantal_paden(k)} paden, {len(data.scenarios)} scenario's die kloppen)"
    )
    return uitslag
