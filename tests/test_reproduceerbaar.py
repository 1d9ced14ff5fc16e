"""Two builds of the same commit are byte for byte the same, and say which commit they are."""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

from .conftest import PROJECT, make_dist


def _inhoud(gegevensmap: Path) -> dict[str, tuple[int, bytes]]:
    # The generated nginx files name the folder they were built in; that is the only
    # difference two builds in different folders may have. Modes count too.
    return {
        str(p.relative_to(gegevensmap)): (
            p.stat().st_mode,
            hashlib.sha256(p.read_bytes().replace(str(gegevensmap).encode(), b"<dist>")).digest(),
        )
        for p in sorted(gegevensmap.rglob("*"))
        if p.is_file()
    }


def test_twee_bouwen_zijn_gelijk(dist, tmp_path):
    """The second build without the build cache (charts, PDF): made from scratch, it must
    give the same bytes as the first, so the cache cannot hide a difference either."""
    tweede = tmp_path / "dist"
    resultaat = make_dist(tweede, dist["instellingen"], KOMPAS_CACHE="uit")
    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr
    een, twee = _inhoud(dist["map"]), _inhoud(tweede)
    verschillend = sorted(k for k in een.keys() | twee.keys() if een.get(k) != twee.get(k))
    assert not verschillend, verschillend[:20]
    assert len(een) > 500


def test_bouw_noemt_commit_en_kompasversie(dist, data):
    commit = subprocess.run(
        ["git", "rev-parse", "--short=12", "HEAD"], cwd=PROJECT, capture_output=True, text=True
    ).stdout.strip()
    bouw = (dist["map"] / "BOUW").read_text(encoding="utf-8")
    assert f"commit: {commit}" in bouw and f"kompas: {data.kompas.versie}" in bouw
    kompas = json.loads((dist["map"] / "site" / "kompas.json").read_text(encoding="utf-8"))
    assert kompas["bouw"]["commit"].startswith(commit)
    datum = subprocess.run(
        ["git", "log", "-1", "--format=%cs"], cwd=PROJECT, capture_output=True, text=True
    ).stdout.strip()
    assert kompas["bouw"]["datum"] == datum
