"""Build time of the whole site against a one-page mkdocs-material site, same toolchain,
alternating runs; the median of each and their ratio (target: at most 2.5)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from gemeen import OMGEVING, PROJECT, WERK, mediaan, tijd

RONDES = 5


def eenpagina() -> Path:
    gegevensmap = WERK / "eenpagina"
    (gegevensmap / "docs").mkdir(parents=True, exist_ok=True)
    (gegevensmap / "mkdocs.yml").write_text(
        "site_name: Een pagina\ntheme:\n  name: material\n  language: nl\n"
        "  font: false\nplugins:\n  - search:\n      lang: nl\n",
        encoding="utf-8",
    )
    (gegevensmap / "docs" / "index.md").write_text("# Een pagina\n\nAlleen deze tekst.\n", encoding="utf-8")
    return gegevensmap


def evenveel_paginas(aantal: int) -> Path:
    """A material site with as many pages as ours, each a heading and a sentence: what the
    theme costs per page, without anything of ours."""
    gegevensmap = WERK / "veelpaginas"
    if gegevensmap.exists():
        shutil.rmtree(gegevensmap)
    eenpagina_map = eenpagina()
    shutil.copytree(eenpagina_map, gegevensmap, ignore=shutil.ignore_patterns("site*"))
    for i in range(1, aantal):
        (gegevensmap / "docs" / f"p{i}.md").write_text(f"# Pagina {i}\n\nAlleen deze tekst.\n", encoding="utf-8")
    return gegevensmap


PDF_REGEL = re.compile(r"pdf van de nota: (?P<wat>.+?), in (?P<s>[\d.]+) s")


def tijd_en_pdf(opdracht: list[str], cache: str, **kwargs) -> tuple[float, float, str]:
    """The build's wall time, and the part of it the PDF took (the build logs it)."""
    begin = time.perf_counter()
    uit = subprocess.run(
        opdracht, check=True, capture_output=True, text=True, env={**OMGEVING, "KOMPAS_CACHE": cache}, **kwargs
    )
    totaal = time.perf_counter() - begin
    pdf = PDF_REGEL.search(uit.stderr + uit.stdout)
    if pdf is None:
        raise RuntimeError("de bouw meldt geen pdf; is macros/site/plugin.py veranderd?")
    return totaal, float(pdf["s"]), pdf["wat"]


def meet() -> dict:
    ref = eenpagina()
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--quiet"]
    # Not --quiet: the PDF step's time is read from the build's log. Cold: without the build
    # cache (a fresh clone, CI); warm: charts and PDF from the cache (the same data again).
    bouw = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(WERK / "site-bouw")]
    cache = str(WERK / "cache")
    shutil.rmtree(cache, ignore_errors=True)
    site, pdf, warm, een = [], [], [], []
    for _ in range(RONDES):
        totaal, pdf_tijd, pdf_wat = tijd_en_pdf(bouw, "uit", cwd=PROJECT)
        site.append(totaal)
        pdf.append(pdf_tijd)
        warm.append(tijd_en_pdf(bouw, cache, cwd=PROJECT)[0])
        een.append(tijd(mkdocs + ["--site-dir", str(WERK / "eenpagina-bouw")], cwd=ref))
    paginas = sum(1 for _ in (WERK / "site-bouw").rglob("index.html"))
    veel_map = evenveel_paginas(paginas)
    veel = [tijd(mkdocs + ["--site-dir", str(WERK / "veel-bouw")], cwd=veel_map) for _ in range(RONDES)]
    zonder_pdf = [t - p for t, p in zip(site, pdf)]
    return {
        "site": site,
        "pdf": pdf,
        "pdf_wat": pdf_wat,
        "zonder_pdf": zonder_pdf,
        "warm": warm,
        "verhouding_warm": mediaan(warm) / mediaan(een),
        "een": een,
        "veel": veel,
        "paginas": paginas,
        "verhouding": mediaan(site) / mediaan(een),
        "verhouding_zonder_pdf": mediaan(zonder_pdf) / mediaan(een),
        "verhouding_veel": mediaan(veel) / mediaan(een),
    }


if __name__ == "__main__":
    r = meet()
    print(
        f"site {mediaan(r['site']):.2f} s ({r['paginas']} pagina's), één pagina {mediaan(r['een']):.2f} s, "
        f"verhouding {r['verhouding']:.2f} (zonder de pdf {r['verhouding_zonder_pdf']:.2f}, "
        f"warm {r['verhouding_warm']:.2f}); "
        f"{r['paginas']} kale pagina's {mediaan(r['veel']):.2f} s"
    )
