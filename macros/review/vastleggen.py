"""CI's version job: `make versie` for a pull request (GitLab: merge request), so that the
forge's web editor is enough to change the meaning of the kompas.

The kompasteam gives the pull request a title that says what changes and puts the label
`versie vastleggen` on it; the job (`.ci/versie`, started by the workflows) calls this. It

1. checks the title: it becomes the summary of the version, so a forge's default title
   ("Update kompas.yaml") or the text to replace is refused, with what to write instead;
2. when the target branch has recorded a version since this branch left it, merges the
   target branch first. The files `make versie` writes (wijzigingen.yaml, archief/,
   tests/golden/) are taken from the target, and a conflict in kompas.yaml that is only
   its `versie:` line is settled the same way: the version is recorded again on top;
3. records the version against the version before it (`versie.leg_vast`, the same function
   as `make versie`), this branch's own earlier record replaced, and commits the result.

A conflict in anything else is a real one between two changes of the content: it stops,
names every file and says what to do. Pushing is the workflow's business (each forge does
it its own way); this module only works in a git repository.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..data.loader import KompasDataError, laad_kompas_data
from ..data.model import KompasData
from . import basis, controle, versie
from .markdown import code

# Written by `make versie`; on a merge the target's copy is kept and the version recorded again.
GEMAAKT = ("kompas_data/wijzigingen.yaml", "kompas_data/archief", "tests/golden")
KOMPAS_YAML = "kompas_data/kompas.yaml"
_VERSIE_REGEL = re.compile(r"^versie: .*$", re.M)


class Weigering(Exception):
    """The version cannot be recorded by CI; the message says why and what to do."""


@dataclass(frozen=True)
class Uitkomst:
    bericht: str  # Dutch, for the pull request comment and the job log
    versie: Optional[str]  # the version recorded, None when none was needed
    samengevoegd: bool  # the target branch was merged first
    commits: int  # how many commits were made


# The one example sentence of BIJDRAGEN.md, the same in every message.
VOORBEELD = versie.VOORBEELD
# The pull request's title becomes the summary: `make versie`'s check, in the words of the forge.
UIT_DE_TITEL = versie.Bron(
    naam='de titel van de pull request ("{zin}")',
    leeg="de pull request heeft geen titel",
    herstel=(
        f'verander de titel in één zin voor wie het kompas gebruikt, zoals "{versie.VOORBEELD}", en zet het label '
        "opnieuw"
    ),
)


def samenvatting_uit_titel(titel: str) -> str:
    """The pull request's title as the summary of the version, or a refusal that says why."""
    try:
        return versie.samenvatting(titel, UIT_DE_TITEL)
    except versie.VersieWeigering as fout:
        raise Weigering(str(fout)) from fout


def _git(repo: Path, *args: str, controleer: bool = True) -> subprocess.CompletedProcess:
    return basis.git(repo, *args, controleer=controleer)


def _data_op(repo: Path, revisie: str) -> KompasData:
    with tempfile.TemporaryDirectory() as tijdelijk:
        try:
            return laad_kompas_data(basis.data_op(repo, revisie, Path(tijdelijk)))
        except KompasDataError as fout:
            raise Weigering(f"de gegevens op {revisie[:10]} zijn niet te lezen: {fout}") from fout


def versies_sinds(repo: Path, van: str, tot: str) -> list[str]:
    """The versions recorded at `tot` that `van` does not have (same number and fingerprint)."""
    bekend = {(v.versie, v.vingerafdruk) for v in _data_op(repo, van).versies}
    return [v.versie for v in _data_op(repo, tot).versies if (v.versie, v.vingerafdruk) not in bekend]


def _gemaakt(pad: str) -> bool:
    return any(pad == g or pad.startswith(g + "/") for g in GEMAAKT)


def _versieregel(tekst: str) -> Optional[str]:
    gevonden = _VERSIE_REGEL.search(tekst)
    return gevonden.group(0) if gevonden else None


def _kompas_zonder_versieconflict(repo: Path, doel: str) -> bool:
    """Settle a conflict in kompas.yaml when both sides set another `versie:`: merge the three
    versions again with the target's version line in each. True when that merged cleanly."""
    kanten = {}
    for stap, naam in ((1, "basis"), (2, "hier"), (3, "daar")):
        uit = _git(repo, "show", f":{stap}:{KOMPAS_YAML}", controleer=False)
        if uit.returncode != 0:
            return False  # added or deleted on one side: not a version line
        kanten[naam] = uit.stdout
    regel = _versieregel(kanten["daar"])
    if regel is None:
        return False
    with tempfile.TemporaryDirectory() as tijdelijk:
        paden = {}
        for naam, tekst in kanten.items():
            paden[naam] = Path(tijdelijk) / naam
            paden[naam].write_text(_VERSIE_REGEL.sub(regel, tekst, count=1), encoding="utf-8")
        samen = subprocess.run(
            ["git", "merge-file", "-p", str(paden["hier"]), str(paden["basis"]), str(paden["daar"])],
            capture_output=True,
            text=True,
        )
    if samen.returncode != 0:
        return False
    (repo / KOMPAS_YAML).write_text(samen.stdout, encoding="utf-8")
    _git(repo, "add", "--", KOMPAS_YAML)
    return True


def conflict_melding(conflicten: list[str], doel_naam: str) -> str:
    """What to do about a real conflict, file by file, as the forge's 'Resolve conflicts' page
    lists them: the content is the member's choice; what `make versie` writes is the target's,
    because the label writes it again on top (a merge of both sides would be neither version)."""
    kiezen = [c for c in conflicten if not _gemaakt(c)]
    van_doel = [c for c in conflicten if _gemaakt(c)]
    delen = [
        f"uw branch en {doel_naam} veranderen allebei dezelfde tekst. Welke tekst blijft, kan de CI niet voor u "
        "kiezen. Open de pull request (GitLab: merge request) en klik op 'Resolve conflicts'. Daar "
        + ("staat 1 bestand" if len(conflicten) == 1 else f"staan {len(conflicten)} bestanden")
        + " met een conflict.",
        "Kies per plek welke tekst blijft"
        + (f" (bij de regel `versie:` die van {doel_naam})" if KOMPAS_YAML in kiezen else "")
        + ", in:\n\n"
        + "\n".join(f"- {code(c)}" for c in kiezen),
    ]
    if van_doel:
        delen.append(
            f"Kies overal de tekst van {doel_naam}, in:\n\n"
            + "\n".join(f"- {code(c)}" for c in van_doel)
            + "\n\nDie bestanden schrijft de CI opnieuw, met uw wijziging, als u daarna het label zet."
        )
    delen += [
        f"Bij GitHub staat de tekst van {doel_naam} tussen `=======` en `>>>>>>> {doel_naam}`, die van uw branch "
        "erboven; haal weg wat niet blijft, met de regels `<<<<<<<`, `=======` en `>>>>>>>`, en klik op "
        "'Mark as resolved'. Als elk bestand klaar is: 'Commit merge'. Bij GitLab is 'Use ours' de tekst van uw "
        f"branch en 'Use theirs' die van {doel_naam}; daarna 'Commit to source branch'. Met een eigen kopie: "
        f"`git merge origin/{doel_naam}` en dezelfde keuzes.",
        f"Zet daarna het label '{controle.LABEL}' opnieuw: de CI legt uw wijziging dan vast bovenop {doel_naam}.",
    ]
    return "\n\n".join(delen)


def voeg_doel_samen(repo: Path, doel: str, doel_naam: str) -> None:
    """Merge the target branch into HEAD, keeping the target's generated files."""
    _git(repo, "merge", "--no-ff", "--no-commit", doel, controleer=False)
    conflicten = _git(repo, "diff", "--name-only", "--diff-filter=U").stdout.split("\n")
    conflicten = [c for c in conflicten if c]
    inhoud = [c for c in conflicten if not _gemaakt(c)]
    if KOMPAS_YAML in inhoud and _kompas_zonder_versieconflict(repo, doel):
        inhoud.remove(KOMPAS_YAML)
    if inhoud:
        _git(repo, "merge", "--abort", controleer=False)
        raise Weigering(conflict_melding(conflicten, doel_naam))
    # Exactly the target's generated files: its versions stand, this branch's are recorded again.
    _git(repo, "rm", "-r", "-q", "--cached", "--ignore-unmatch", "--", *GEMAAKT)
    for pad in GEMAAKT:
        doelpad = repo / pad
        if doelpad.is_dir():
            shutil.rmtree(doelpad)
        elif doelpad.exists():
            doelpad.unlink()
    bestaand = [p for p in GEMAAKT if _git(repo, "cat-file", "-e", f"{doel}:{p}", controleer=False).returncode == 0]
    if bestaand:
        _git(repo, "checkout", doel, "--", *bestaand)
    _git(
        repo,
        "commit",
        "-q",
        "--no-verify",
        "-m",
        f"{doel_naam} samengevoegd: de versie van deze wijziging komt bovenop die van {doel_naam}",
    )


def leg_vast(repo: Path, gegevensmap: Path, golden: Path, titel: str, doel: str, doel_naam: str) -> Uitkomst:
    """The version job: record this branch's change as a new version on top of `doel`."""
    wat = samenvatting_uit_titel(titel)
    if _git(repo, "status", "--porcelain", "--untracked-files=no").stdout.strip():
        raise Weigering("de werkmap heeft wijzigingen die niet gecommit zijn; de CI begint altijd schoon")
    punt = _git(repo, "merge-base", "HEAD", doel, controleer=False).stdout.strip()
    if not punt:
        raise Weigering(f"uw branch heeft geen gemeenschappelijke geschiedenis met {doel_naam}")
    begin = _git(repo, "rev-parse", "HEAD").stdout.strip()
    samengevoegd = bool(versies_sinds(repo, punt, doel))
    if samengevoegd:
        voeg_doel_samen(repo, doel, doel_naam)
        punt = _git(repo, "rev-parse", doel).stdout.strip()
    # The version before this change: where the branch left the target, or the target itself.
    vorige = _data_op(repo, punt)
    try:
        uitslag = versie.leg_vast(gegevensmap, vorige, wat, golden=golden)
    except KompasDataError as fout:
        raise Weigering(f"eerst moeten de fouten in de gegevens weg; de controle noemt ze allemaal.\n{fout}") from fout
    except versie.VersieWeigering as fout:
        raise Weigering(str(fout)) from fout
    paden = [str(p.resolve().relative_to(repo.resolve())) for p in (gegevensmap, golden)]
    _git(repo, "add", "-A", "--", *paden)
    if _git(repo, "diff", "--cached", "--quiet", controleer=False).returncode != 0:
        onderwerp = (
            f"Versie {uitslag.versie.versie} vastgelegd: {wat}" if uitslag.versie else "Gouden bestanden bijgewerkt"
        )
        _git(repo, "commit", "-q", "--no-verify", "-m", onderwerp)
    commits = int(_git(repo, "rev-list", "--count", f"{begin}..HEAD").stdout.strip())
    return Uitkomst(
        bericht=_bericht(uitslag.versie, vorige.versies[0].versie, samengevoegd, doel_naam, commits),
        versie=uitslag.versie.versie if uitslag.versie else None,
        samengevoegd=samengevoegd,
        commits=commits,
    )


def _bericht(nieuw, vorige: str, samengevoegd: bool, doel_naam: str, commits: int) -> str:
    """What the job did, as paragraphs of Markdown for the comment."""
    delen = []
    if samengevoegd:
        delen.append(
            f"Op {doel_naam} was intussen een nieuwe versie vastgelegd. De CI heeft {doel_naam} met uw branch "
            "samengevoegd en uw wijziging daarbovenop vastgelegd."
        )
    if nieuw is not None:
        delen.append(
            f"Versie {nieuw.versie} is vastgelegd, na versie {vorige}. De samenvatting is de titel van de pull "
            f'request: "{nieuw.samenvatting}"'
        )
    else:
        delen.append(
            f"Geen inhoudelijke wijziging tegenover versie {vorige}: een nieuwe versie is niet nodig. De gouden "
            "bestanden zijn bijgewerkt als dat nodig was."
        )
    if commits:
        delen.append(f"{commits} {'commit' if commits == 1 else 'commits'} gemaakt.")
    else:
        delen.append("Er was niets te veranderen: geen commit.")
    return "\n\n".join(delen)
