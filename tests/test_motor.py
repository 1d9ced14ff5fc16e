"""The site builds the same on ProperDocs, the maintained continuation of MkDocs 1.x by its
original maintainers (README, "Motor en thema"): every file of a ProperDocs build is the
MkDocs build's, byte for byte, but the generator tag of an HTML page. So the day MkDocs 1.6
can no longer be installed, the switch is one word (`python -m macros bouw --motor properdocs`).
"""

from __future__ import annotations

import re

import pytest

from .conftest import bouw_site

GENERATOR = re.compile(rb'\s*<meta name="generator" content="[^"]*">')


def _zonder_generator(inhoud: bytes, naam: str) -> bytes:
    return GENERATOR.sub(b"", inhoud) if naam.endswith(".html") else inhoud


@pytest.mark.bouw
def test_properdocs_bouwt_dezelfde_site_als_mkdocs(gebouwde_site, tmp_path):
    resultaat = bouw_site(tmp_path / "site", motor="properdocs")
    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr
    ander = tmp_path / "site"
    bestanden = {p.relative_to(gebouwde_site) for p in gebouwde_site.rglob("*") if p.is_file()}
    assert bestanden == {p.relative_to(ander) for p in ander.rglob("*") if p.is_file()}
    verschillend = []
    generatoren = set()
    for pad in sorted(bestanden):
        een, twee = (gebouwde_site / pad).read_bytes(), (ander / pad).read_bytes()
        if pad.suffix == ".html":
            generatoren |= {m.group().strip() for m in GENERATOR.finditer(twee)}
        if _zonder_generator(een, pad.name) != _zonder_generator(twee, pad.name):
            verschillend.append(str(pad))
    assert not verschillend, verschillend[:20]
    # It was ProperDocs that built it (the tag says so), not MkDocs under another name.
    assert any(b"ProperDocs" in g for g in generatoren), generatoren
