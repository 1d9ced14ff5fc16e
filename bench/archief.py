"""What archived versions of the kompas cost: the real data with 0 and with 10 earlier
versions recorded (each by `make versie`'s own function, after a wording change of the first
question), built cold three times each; the median build time and the site's size."""

from __future__ import annotations

import datetime
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml
from gemeen import OMGEVING, PROJECT, WERK, map_grootte, mediaan

from macros.data.loader import laad_kompas_data
from macros.data.model import ARCHIEF_MAP
from macros.review import versie

KEER = 3


def data_map(archief: int) -> Path:
    gegevensmap = WERK / f"archief-{archief}"
    if gegevensmap.exists():
        shutil.rmtree(gegevensmap)
    shutil.copytree(PROJECT / "kompas_data", gegevensmap)
    for i in range(1, archief + 1):
        vorige = laad_kompas_data(gegevensmap)
        # A wording change of the first question: a new (minor) version each time. The file
        # is rewritten by PyYAML, which drops its comments; that does not matter here.
        kompas = gegevensmap / "kompas.yaml"
        inhoud = yaml.safe_load(kompas.read_text(encoding="utf-8"))
        inhoud["vragen"][0]["tekst"] = f"{vorige.kompas.vragen[0].tekst.split(' (benchmark')[0]} (benchmark {i})"
        kompas.write_text(yaml.safe_dump(inhoud, allow_unicode=True, sort_keys=False), encoding="utf-8")
        versie.leg_vast(gegevensmap, vorige, f"Benchmark {i}.", datum=datetime.date(2030, 1, i))
    return gegevensmap


def bouw(gegevensmap: Path, uit: Path) -> float:
    if uit.exists():
        shutil.rmtree(uit)
    begin = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "macros", "bouw", "--uit", str(uit)],
        cwd=PROJECT,
        check=True,
        capture_output=True,
        env={**OMGEVING, "KOMPAS_DATA": str(gegevensmap), "KOMPAS_CACHE": "uit"},
    )
    return time.perf_counter() - begin


def meet() -> dict:
    uitkomst = {}
    for archief in (0, 10):
        gegevensmap = data_map(archief)
        uit = WERK / f"site-archief-{archief}"
        tijden = [bouw(gegevensmap, uit) for _ in range(KEER)]
        versies = uit / "kompas" / "versies"
        uitkomst[archief] = {
            "tijden": tijden,
            "grootte": map_grootte(uit),
            "versies": map_grootte(versies),
            "paginas": len(list(versies.rglob("index.html"))),
            "archiefbestanden": len(list((gegevensmap / ARCHIEF_MAP).glob("*.yaml")))
            if (gegevensmap / ARCHIEF_MAP).is_dir()
            else 0,
        }
    return uitkomst


def regels(m: dict) -> list[str]:
    nul, tien = m[0], m[10]
    return [
        "## Archief: tien eerdere versies van het kompas",
        "",
        "De echte gegevens met 0 en met 10 eerdere versies (elk vastgelegd zoals `make versie` dat doet, "
        f"na een andere formulering van de eerste vraag), {KEER} keer koud gebouwd; de mediaan. Elke versie "
        "heeft één pagina en één kompas.json onder `/kompas/versies/`, de huidige ook.",
        "",
        "| eerdere versies | bouwtijd | site | waarvan /kompas/versies/ | versiepagina's |",
        "|---|---|---|---|---|",
        *(
            f"| {a} | {mediaan(r['tijden']):.2f} s | {r['grootte'] / 1e6:.2f} MB | {r['versies'] / 1e3:.0f} kB | "
            f"{r['paginas']} |"
            for a, r in ((0, nul), (10, tien))
        ),
        "",
        f"Tien eerdere versies kosten **{mediaan(tien['tijden']) - mediaan(nul['tijden']):+.2f} s** bouwtijd en "
        f"**{(tien['grootte'] - nul['grootte']) / 1e6:+.2f} MB** (per versie "
        f"{(tien['versies'] - nul['versies']) / 10 / 1e3:.0f} kB). Er komen geen pagina's van de kompaswijzer "
        "per oude versie bij.",
        "",
    ]


if __name__ == "__main__":
    WERK.mkdir(exist_ok=True)
    print("\n".join(regels(meet())))
