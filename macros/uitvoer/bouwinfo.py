"""Which commit and date a build comes from, so "which advice was online on date X" can be
answered: shown in the footer and in /kompas.json.

The date is the commit's own date (or SOURCE_DATE_EPOCH when set), never the wall clock,
so two builds of the same commit are byte for byte the same.
"""

from __future__ import annotations

import datetime
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Optional


@dataclass(frozen=True)
class BouwInfo:
    commit: str
    datum: Optional[str]  # YYYY-MM-DD

    def als_dict(self) -> dict:
        return {"commit": self.commit, "datum": self.datum}


def _git(repo: Path, *args: str) -> Optional[str]:
    try:
        uit = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return uit.stdout.strip()


def bron_epoch(repo: Path) -> Optional[int]:
    """SOURCE_DATE_EPOCH, or the time of the last commit."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    tijd = _git(repo, "log", "-1", "--format=%ct")
    return int(tijd) if tijd else None


def bouw_info(repo: Path) -> BouwInfo:
    commit = os.environ.get("KOMPAS_COMMIT") or _git(repo, "rev-parse", "--short=12", "HEAD") or "onbekend"
    if not os.environ.get("KOMPAS_COMMIT") and commit != "onbekend":
        if _git(repo, "status", "--porcelain", "--untracked-files=no"):
            commit += "-gewijzigd"  # built from uncommitted changes: not reproducible from git
    epoch = bron_epoch(repo)
    datum = datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc).date().isoformat() if epoch else None
    return BouwInfo(commit, datum)
