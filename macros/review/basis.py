"""The revision a change is compared with, and the data as it was there.

A reviewer must never read "geen inhoudelijke wijziging" because the comparison silently
compared a commit with itself. So the base is found explicitly, in this order:

1. `KOMPAS_BASIS` (or `--basis`): a revision the caller names;
2. in a GitLab merge request pipeline: `CI_MERGE_REQUEST_DIFF_BASE_SHA`, the merge base;
3. in a GitHub pull request: `GITHUB_BASE_REF`, the target branch (from origin);
4. otherwise `origin/main`, else a local `main`;

and the merge base of HEAD with it. A branch that is not there is fetched from origin; a
shallow clone is deepened. When no base can be found, `GeenBasis` says so and why: the
caller stops with a non-zero exit, it does not guess.

The target branch's tip (`vind_doel`) is asked for separately: another change may have
recorded a version there since this branch left it, and two changes cannot both be 1.1.
`vind_vergelijking` gives both, for the check: the same in CI and in `make check`.
"""

from __future__ import annotations

import io
import os
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Optional


class GeenBasis(Exception):
    """No revision to compare with; the message says what was tried."""


@dataclass(frozen=True)
class Basis:
    revisie: str  # a commit id
    beschrijving: str  # for the report: "origin/main (merge-base 1a2b3c4d5e)"


def git(repo: Path, *args: str, controleer: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=controleer)


def _bestaat(repo: Path, ref: str) -> bool:
    return git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", controleer=False).returncode == 0


def _haal_tak(repo: Path, tak: str) -> None:
    """Fetch `origin/<tak>` when it is not there (forge CI checks out only the change)."""
    if _bestaat(repo, f"origin/{tak}"):
        return
    git(repo, "fetch", "--no-tags", "origin", f"+refs/heads/{tak}:refs/remotes/origin/{tak}", controleer=False)


def _ondiep(repo: Path) -> bool:
    return git(repo, "rev-parse", "--is-shallow-repository", controleer=False).stdout.strip() == "true"


def _merge_base(repo: Path, ref: str) -> Optional[str]:
    uit = git(repo, "merge-base", "HEAD", ref, controleer=False)
    if uit.returncode != 0 and _ondiep(repo):
        # A shallow clone has no common history yet: fetch it, then ask again.
        git(repo, "fetch", "--no-tags", "--unshallow", "origin", controleer=False)
        uit = git(repo, "merge-base", "HEAD", ref, controleer=False)
    return uit.stdout.strip() if uit.returncode == 0 and uit.stdout.strip() else None


def vind_basis(repo: Path, expliciet: Optional[str] = None, omgeving: Optional[Mapping[str, str]] = None) -> Basis:
    omgeving = os.environ if omgeving is None else omgeving
    expliciet = expliciet or omgeving.get("KOMPAS_BASIS")
    if expliciet:
        return _genoemde_basis(repo, expliciet)
    if sha := omgeving.get("CI_MERGE_REQUEST_DIFF_BASE_SHA"):
        return _basis_van_merge_request(repo, sha, omgeving.get("CI_MERGE_REQUEST_TARGET_BRANCH_NAME"))
    return _basis_van_tak(repo, omgeving.get("GITHUB_BASE_REF"))


def _genoemde_basis(repo: Path, expliciet: str) -> Basis:
    """1. The revision the caller names, fetched from origin when it is not here."""
    if not _bestaat(repo, expliciet):
        git(repo, "fetch", "--no-tags", "origin", expliciet, controleer=False)
    if not _bestaat(repo, expliciet):
        raise GeenBasis(f"de basis {expliciet!r} (KOMPAS_BASIS of --basis) bestaat niet in deze repository")
    return Basis(git(repo, "rev-parse", f"{expliciet}^{{commit}}").stdout.strip(), expliciet)


def _basis_van_merge_request(repo: Path, sha: str, tak: Optional[str]) -> Basis:
    """2. GitLab's merge base, with the target branch and the history it needs fetched."""
    if not _bestaat(repo, sha) and tak:
        _haal_tak(repo, tak)
        if _ondiep(repo):
            git(repo, "fetch", "--no-tags", "--unshallow", "origin", controleer=False)
    if _bestaat(repo, sha):
        return Basis(sha, f"de basis van de merge request ({sha[:10]})")
    raise GeenBasis(f"de basis van de merge request ({sha[:10]}) is niet op te halen")


def _basis_van_tak(repo: Path, tak: Optional[str]) -> Basis:
    """3 and 4. The merge base with GitHub's target branch, or with main."""
    pogingen = []
    if tak:
        kandidaten = [f"origin/{tak}"]
        _haal_tak(repo, tak)
    else:
        kandidaten = ["origin/main", "main"]
        if git(repo, "remote", controleer=False).stdout.split().count("origin"):
            _haal_tak(repo, "main")
    for ref in kandidaten:
        if not _bestaat(repo, ref):
            pogingen.append(f"{ref} bestaat niet")
            continue
        if (basis := _merge_base(repo, ref)) is not None:
            if basis == git(repo, "rev-parse", "HEAD").stdout.strip():
                # CI on main itself: the comparison is with the same commit, and says so.
                return Basis(basis, f"{ref} (dezelfde commit {basis[:10]}: dit is {ref} zelf)")
            return Basis(basis, f"{ref} (gemeenschappelijk punt {basis[:10]})")
        pogingen.append(f"{ref} heeft geen gemeenschappelijke geschiedenis met HEAD")
    raise GeenBasis(
        "er is geen basis om mee te vergelijken: " + "; ".join(pogingen) + ". Haal main op "
        "(git fetch origin main) of noem een basis met KOMPAS_BASIS=<commit>."
    )


@dataclass(frozen=True)
class Doel:
    revisie: str  # the tip of the target branch, a commit id
    naam: str  # for messages: "origin/main"
    tak: str  # the branch itself: "main"


def vind_doel(repo: Path, omgeving: Optional[Mapping[str, str]] = None) -> Optional[Doel]:
    """The branch the change goes into, as it is now: the merge request's or pull request's
    target, otherwise main. None when it is not there (a clone without origin)."""
    omgeving = os.environ if omgeving is None else omgeving
    tak = omgeving.get("CI_MERGE_REQUEST_TARGET_BRANCH_NAME") or omgeving.get("GITHUB_BASE_REF")
    if tak:
        _haal_tak(repo, tak)
        kandidaten = [(f"origin/{tak}", tak)]
    else:
        if git(repo, "remote", controleer=False).stdout.split().count("origin"):
            _haal_tak(repo, "main")
        kandidaten = [("origin/main", "main"), ("main", "main")]
    for ref, naam in kandidaten:
        if _bestaat(repo, ref):
            return Doel(git(repo, "rev-parse", f"{ref}^{{commit}}").stdout.strip(), ref, naam)
    return None


def data_op(repo: Path, revisie: str, doel: Path) -> Path:
    """kompas_data/ as it was at `revisie`, unpacked into `doel`. Raises GeenBasis when that
    revision has no kompas_data/."""
    uit = subprocess.run(["git", "archive", "--format=tar", revisie, "kompas_data"], cwd=repo, capture_output=True)
    if uit.returncode != 0:
        raise GeenBasis(
            f"kompas_data/ is niet te lezen op {revisie[:10]}: {uit.stderr.decode(errors='replace').strip()}"
        )
    with tarfile.open(fileobj=io.BytesIO(uit.stdout)) as tar:
        tar.extractall(doel, filter="data")
    return doel / "kompas_data"


def vind_vergelijking(
    repo: Path, expliciet: Optional[str] = None, omgeving: Optional[Mapping[str, str]] = None
) -> tuple[Basis, Optional[Doel]]:
    """What the check compares with, in CI and in `make check` alike: the point where this
    branch left its target (published versions stay as they were there) and the target as it
    is now (has it recorded a version of its own since?). A named revision that HEAD did not
    grow from, such as `BASIS=origin/main` after main moved on, is a target, not a base: the
    versions it recorded since are another change's, not published versions this branch
    rewrote. Raises GeenBasis, like vind_basis."""
    omgeving = os.environ if omgeving is None else omgeving
    gevonden = vind_basis(repo, expliciet, omgeving)
    naam = expliciet or omgeving.get("KOMPAS_BASIS")
    if naam:
        punt = _merge_base(repo, gevonden.revisie)
        if punt is None:
            raise GeenBasis(f"de basis {naam!r} heeft geen gemeenschappelijke geschiedenis met HEAD")
        if punt != gevonden.revisie:
            return (
                Basis(punt, f"{naam} (gemeenschappelijk punt {punt[:10]})"),
                Doel(gevonden.revisie, naam, naam.removeprefix("origin/")),
            )
    return gevonden, vind_doel(repo, omgeving)
