"""CI's preview (`make voorbeeld`, `python -m macros bouw --voorbeeld`): the built site with
every relative link opening a file, so a reviewer can unzip the artifact and click through
it from disk. The normal build keeps its folder addresses."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from macros.uitvoer.voorbeeld import maak_voorbeeld, naar_bestanden

_ADRES = re.compile(r"""\b(?:href|src|action)=["']([^"']*)["']""")


def dode_links(site: Path) -> list[tuple[str, str]]:
    """Every relative link that does not end at a file on disk, as (page, link)."""
    dood = []
    for pagina in sorted(site.rglob("*.html")):
        for adres in _ADRES.findall(pagina.read_text(encoding="utf-8")):
            pad = adres.split("#")[0].split("?")[0]
            if not pad or re.match(r"^(?:[a-z][a-z0-9+.-]*:|/)", pad, re.IGNORECASE):
                continue
            if not (pagina.parent / pad).is_file():
                dood.append((pagina.relative_to(site).as_posix(), adres))
    return dood


def test_relatieve_links_naar_een_map_gaan_naar_haar_index():
    html = (
        '<a href="../kompas/wijzer/ja/">x</a> <a href="./">y</a> <a href=\'../\'>z</a> '
        '<a href="../vormen/peilen/#wat-is-het">a</a> <form action="zoek/?q=1"></form> '
        '<a href="../.." class="md-logo">h</a> <a href=".">i</a>'
    )
    assert naar_bestanden(html) == (
        '<a href="../kompas/wijzer/ja/index.html">x</a> <a href="./index.html">y</a> '
        "<a href='../index.html'>z</a> "
        '<a href="../vormen/peilen/index.html#wat-is-het">a</a> <form action="zoek/index.html?q=1"></form> '
        '<a href="../../index.html" class="md-logo">h</a> <a href="./index.html">i</a>'
    )


def test_andere_links_blijven_zoals_ze_zijn():
    html = (
        '<a href="https://www.utrecht.nl/">a</a> <a href="/kompas/">b</a> <a href="//cdn.example/x/">c</a> '
        '<a href="#inhoud">d</a> <a href="mailto:samenstadmaken@utrecht.nl">e</a> '
        '<link href="../assets/stylesheets/utrecht.css"> <img src="../kompas/kompas.svg"> '
        '<a href="../samen-stad-maken.pdf">f</a> <a href="...">g</a> <a href="..x">h</a>'
    )
    assert naar_bestanden(html) == html


def test_het_voorbeeld_van_de_gebouwde_site_heeft_geen_dode_links(gebouwde_site, tmp_path):
    # The normal build links to folders (a web server adds index.html): from disk those are
    # dead, which is why the preview exists. Shows the check below can fail.
    assert len(dode_links(gebouwde_site)) > 100
    voorbeeld = tmp_path / "voorbeeld"
    shutil.copytree(gebouwde_site, voorbeeld)
    assert maak_voorbeeld(voorbeeld) > 100
    assert dode_links(voorbeeld) == []
    # The start page a reviewer opens first leads on to the kompaswijzer's first question.
    start = (voorbeeld / "index.html").read_text(encoding="utf-8")
    assert 'href="kompas/wijzer/index.html"' in start
