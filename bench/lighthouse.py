"""Lighthouse 12 (npm lighthouse@12.2.3, mobile preset) on four pages served by nginx with
the production configuration. Targets: performance at least 0.95; accessibility, best
practices and SEO 1.00."""

from __future__ import annotations

import json
import os
import subprocess

from gemeen import PROJECT, WERK, nginx_dist

from macros.data import graaf  # noqa: E402
from macros.data.loader import laad_kompas_data  # noqa: E402

VERSIE = "12.2.3"
# The wijzer's first question and an outcome (the first route of the kompas, from the data).
PAGINAS = {
    "home": "",
    "principe": "principes/open-en-eerlijk/",
    "wijzer": "kompas/wijzer/",
    "uitkomst": "kompas/wijzer/" + graaf.paden(laad_kompas_data(PROJECT / "kompas_data").kompas)[0].antwoorden + "/",
}
CATEGORIEEN = ("performance", "accessibility", "best-practices", "seo")


def installeer() -> str:
    binair = WERK / "node_modules" / ".bin" / "lighthouse"
    if not binair.exists():
        # --prefix: without it npm installs into the nearest folder with a package.json above
        # WERK, the project's own (the gemeente's design system), and writes lighthouse in it.
        subprocess.run(
            [
                "npm",
                "install",
                "--prefix",
                str(WERK),
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
                f"lighthouse@{VERSIE}",
            ],
            cwd=WERK,
            check=True,
        )
    return str(binair)


def meet(basis: str) -> dict:
    lighthouse = installeer()
    uitkomst = {}
    for naam, pad in PAGINAS.items():
        rapport = WERK / f"lighthouse-{naam}.json"
        subprocess.run(
            [
                lighthouse,
                basis + pad,
                "--output=json",
                f"--output-path={rapport}",
                "--quiet",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run",
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
        )
        gegevens = json.loads(rapport.read_text(encoding="utf-8"))
        uitkomst[naam] = {c: gegevens["categories"][c]["score"] for c in CATEGORIEEN}
        uitkomst[naam]["onvoldoende"] = sorted(
            f"{a['id']} ({a['score']})"
            for a in gegevens["audits"].values()
            if a.get("score") is not None
            and a["score"] < 1
            and a.get("scoreDisplayMode") in ("binary", "numeric")
            and any(
                a["id"] == r["id"]
                for c in CATEGORIEEN
                for r in gegevens["categories"][c]["auditRefs"]
                if r.get("weight", 0) > 0
            )
        )
    return uitkomst


if __name__ == "__main__":
    with nginx_dist(WERK / "dist-lighthouse") as basis:
        for naam, scores in meet(basis).items():
            print(naam, scores)
