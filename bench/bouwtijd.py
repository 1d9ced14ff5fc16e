"""Build time: what our site costs on top of the theme (issue 24, point 9).

The measure: a warm build of the whole site (charts, PDF and compiled templates from the build
cache, as on a machine that built before) against a bare mkdocs-material site with as many
pages, same toolchain. First one unmeasured build of each (it fills the cache and the file
system's), then rounds that alternate the two, so load from elsewhere on the machine falls on
both; the median of each and their ratio (target: at most 1.25). The load average at the start
and the end goes with the figures. Besides, for context: the cold build (no build cache: a
fresh clone, CI) and the part of it the PDF takes.

`python bench/bouwtijd.py` measures and writes its section into RESULTS.md (`--alleen-warm`
skips the cold builds); `make bench` measures it too.
"""

from __future__ import annotations

import datetime
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from ci_rapport import schrijf
from gemeen import OMGEVING, PROJECT, WERK, belasting, belasting_tekst, machine, mediaan

KOP = "## Bouwtijd"
RONDES = 5
DOEL = 1.25  # our warm build at most this many times the theme's with as many pages

PDF_REGEL = re.compile(r"pdf van de nota: (?P<wat>.+?), in (?P<s>[\d.]+) s")


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


# Warm means Python's bytecode too: the first build writes __pycache__, as on any machine that
# built before (the theme's modules were compiled when they were installed). An environment that
# forbids writing it would have our modules compiled anew on every build.
WARME_PYTHON = {k: v for k, v in OMGEVING.items() if k != "PYTHONDONTWRITEBYTECODE"}


def tijd(opdracht: list[str], cwd: Path, cache: Path | None = None) -> float:
    """Wall time of one build; `cache`: the build cache it reads (KOMPAS_CACHE)."""
    omgeving = {**WARME_PYTHON, "KOMPAS_CACHE": str(cache)} if cache else WARME_PYTHON
    begin = time.perf_counter()
    subprocess.run(opdracht, check=True, capture_output=True, cwd=cwd, env=omgeving)
    return time.perf_counter() - begin


def mkdocs(site_map: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--quiet", "--strict", "--site-dir", str(site_map)]


def meet_warm(rondes: int = RONDES) -> dict:
    """Our warm build against the theme alone with as many pages: one build of each first,
    unmeasured, then `rondes` rounds that alternate them."""
    cache = WERK / "cache"
    eigen = mkdocs(WERK / "site-warm")
    begin = belasting()
    tijd(eigen, cwd=PROJECT, cache=cache)  # fills the build cache
    paginas = sum(1 for _ in (WERK / "site-warm").rglob("index.html"))
    kaal_map = evenveel_paginas(paginas)
    kaal = mkdocs(WERK / "veel-bouw")
    tijd(kaal, cwd=kaal_map)
    warm, thema = [], []
    for _ in range(rondes):
        warm.append(tijd(eigen, cwd=PROJECT, cache=cache))
        thema.append(tijd(kaal, cwd=kaal_map))
    return {
        "paginas": paginas,
        "warm": warm,
        "thema": thema,
        "verhouding": mediaan(warm) / mediaan(thema),
        "belasting": (begin, belasting()),
    }


def meet_koud(rondes: int = RONDES) -> dict:
    """Our build without the build cache (a fresh clone, CI), and the part the PDF takes. Not
    --quiet: the PDF's time is read from the build's log."""
    bouw = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(WERK / "site-koud")]
    koud, pdf, wat = [], [], ""
    begin = belasting()
    for _ in range(rondes):
        totaal, pdf_tijd, wat = tijd_en_pdf(bouw, "uit", cwd=PROJECT)
        koud.append(totaal)
        pdf.append(pdf_tijd)
    return {"koud": koud, "pdf": pdf, "pdf_wat": wat, "belasting": (begin, belasting())}


def meet(koud: bool = True) -> dict:
    WERK.mkdir(exist_ok=True)
    return {"warm": meet_warm(), "koud": meet_koud() if koud else None}


def _reeks(tijden: list[float]) -> str:
    return ", ".join(f"{t:.2f}" for t in tijden)


def regels(m: dict) -> list[str]:
    w, k = m["warm"], m["koud"]
    gehaald = "gehaald" if w["verhouding"] <= DOEL else "**niet gehaald**"
    tabel = [
        "| | mediaan | alle metingen (s) |",
        "|---|---|---|",
        "| deze site, warm (uit de bouwcache: gegevens, sjablonen, grafieken, stroomschema, kompaswijzer, nota, "
        f"huisstijl en pdf) | {mediaan(w['warm']):.2f} s | "
        f"{_reeks(w['warm'])} |",
        f"| {w['paginas']} kale pagina's (alleen het thema) | {mediaan(w['thema']):.2f} s | {_reeks(w['thema'])} |",
    ]
    if k:
        zonder_pdf = [t - p for t, p in zip(k["koud"], k["pdf"])]
        tabel += [
            f"| deze site, koud (zonder bouwcache: nieuwe clone, CI) | {mediaan(k['koud']):.2f} s | "
            f"{_reeks(k['koud'])} |",
            f"| waarvan de pdf van de nota ({k['pdf_wat']}) | {mediaan(k['pdf']):.2f} s | {_reeks(k['pdf'])} |",
            f"| deze site, koud, zonder de pdf | {mediaan(zonder_pdf):.2f} s | {_reeks(zonder_pdf)} |",
        ]
    begin, eind = w["belasting"]
    koud_belasting = (
        f" De koude bouw daarna, bij een belasting van {belasting_tekst(k['belasting'][0])} en "
        f"{belasting_tekst(k['belasting'][1])}, staat er ter vergelijking bij."
        if k
        else ""
    )
    return [
        KOP,
        "",
        f"Gemeten op {datetime.date.today().isoformat()} met `python bench/bouwtijd.py` (bij `make bench` hoort "
        f"het erbij) op {machine()}. Een warme bouw van de hele site ({w['paginas']} pagina's; `mkdocs build` "
        "met de bouwcache en de bytecode van Python van een eerdere bouw) tegenover een kale mkdocs-material-site met evenveel pagina's "
        "(elk een kop en een zin), zelfde gereedschap. Eerst van elk één bouw die niet telt, dan "
        f"{len(w['warm'])} rondes om en om; de mediaan. Belasting van de machine (load average over 1, 5 en "
        f"15 minuten, 2 cores) bij begin en eind: {belasting_tekst(begin)} en {belasting_tekst(eind)}.{koud_belasting}",
        "",
        *tabel,
        "",
        f"Verhouding warm: **{w['verhouding']:.2f}** (doel ≤ {str(DOEL).replace('.', ',')}: {gehaald}). Wat "
        "daarboven komt, kost deze site zelf: de tekst van haar pagina's (Markdown en zoekindex), de Jinja "
        "van de pagina's uit `content/` met onze macro's en het laden van onze code. Wat uit de gegevens volgt (de gegevens zelf, de kompaswijzer, de nota zoals vastgesteld, de "
        "huisstijl) komt bij een warme bouw uit de bouwcache, zolang niets veranderde waar het uit volgt.",
        "",
    ]


if __name__ == "__main__":
    uitkomst = regels(meet(koud="--alleen-warm" not in sys.argv[1:]))
    schrijf(uitkomst, KOP)
    print("\n".join(uitkomst))
