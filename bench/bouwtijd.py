"""Build time of the whole site against a one-page mkdocs-material site, same toolchain,
alternating runs; the median of each and their ratio (target: at most 2.5)."""

from __future__ import annotations

import shutil
import sys

from gemeen import PROJECT, WERK, mediaan, tijd

RONDES = 5


def eenpagina() -> "Path":
    map = WERK / "eenpagina"
    (map / "docs").mkdir(parents=True, exist_ok=True)
    (map / "mkdocs.yml").write_text("site_name: Een pagina\ntheme:\n  name: material\n  language: nl\n"
                                    "  font: false\nplugins:\n  - search:\n      lang: nl\n", encoding="utf-8")
    (map / "docs" / "index.md").write_text("# Een pagina\n\nAlleen deze tekst.\n", encoding="utf-8")
    return map


def evenveel_paginas(aantal: int) -> "Path":
    """A material site with as many pages as ours, each a heading and a sentence: what the
    theme costs per page, without anything of ours."""
    map = WERK / "veelpaginas"
    if map.exists():
        shutil.rmtree(map)
    eenpagina_map = eenpagina()
    shutil.copytree(eenpagina_map, map, ignore=shutil.ignore_patterns("site*"))
    for i in range(1, aantal):
        (map / "docs" / f"p{i}.md").write_text(f"# Pagina {i}\n\nAlleen deze tekst.\n", encoding="utf-8")
    return map


def meet() -> dict:
    ref = eenpagina()
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--quiet"]
    site, een = [], []
    for _ in range(RONDES):
        site.append(tijd(mkdocs + ["--strict", "--site-dir", str(WERK / "site-bouw")], cwd=PROJECT))
        een.append(tijd(mkdocs + ["--site-dir", str(WERK / "eenpagina-bouw")], cwd=ref))
    paginas = sum(1 for _ in (WERK / "site-bouw").rglob("index.html"))
    veel_map = evenveel_paginas(paginas)
    veel = [tijd(mkdocs + ["--site-dir", str(WERK / "veel-bouw")], cwd=veel_map) for _ in range(RONDES)]
    return {"site": site, "een": een, "veel": veel, "paginas": paginas,
            "verhouding": mediaan(site) / mediaan(een), "verhouding_veel": mediaan(veel) / mediaan(een)}


if __name__ == "__main__":
    r = meet()
    print(f"site {mediaan(r['site']):.2f} s ({r['paginas']} pagina's), één pagina {mediaan(r['een']):.2f} s, "
          f"verhouding {r['verhouding']:.2f}; {r['paginas']} kale pagina's {mediaan(r['veel']):.2f} s")
