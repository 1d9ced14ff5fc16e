"""How the build scales with the size of the kompas: synthetic graphs of 10 to 80 questions,
DAG-shaped like the real one (chains that end in a vorm, with branches that merge), and a
graph whose paths explode, to show what the build does beyond its limit."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml
from gemeen import OMGEVING, PROJECT, WERK, map_grootte

from macros.data import betekenis, graaf, toestanden  # noqa: E402
from macros.data.loader import laad_kompas_data  # noqa: E402
from macros.data.model import ARCHIEF_MAP  # noqa: E402

# The vormen of the real kompas: the synthetic ones end at them, so their pages build as usual.
VORMEN = [v.id for v in laad_kompas_data(PROJECT / "kompas_data").vormen]


def synthetisch_kompas(n: int, samenvoegen_elke: int = 5) -> str:
    """Question i: ja -> the next question; nee -> a vorm, or every few questions a jump
    ahead to a later question (a merge, like "verder onderzoeken" in the real kompas).
    Everything else in kompas.yaml (texts, koers) is the real file's."""
    ja = {i: {"vraag": f"v{i + 1}"} for i in range(1, n)}
    ja[n] = {"vorm": VORMEN[0]}
    nee = {}
    for i in range(1, n + 1):
        samen = i % samenvoegen_elke == 0 and i + 3 <= n
        nee[i] = {"vraag": f"v{i + 3}"} if samen else {"vorm": VORMEN[i % len(VORMEN)]}
    # Every vorm must be reachable: give the vormen not yet used to the last plain nee's.
    gebruikt = {d["vorm"] for d in [*ja.values(), *nee.values()] if "vorm" in d}
    vrij = [i for i in range(n, 0, -1) if "vorm" in nee[i]]
    for vorm, i in zip([v for v in VORMEN if v not in gebruikt], vrij):
        nee[i] = {"vorm": vorm}
    kompas = yaml.safe_load((PROJECT / "kompas_data" / "kompas.yaml").read_text(encoding="utf-8"))
    kompas.update(
        versie="9.0",
        start="v1",
        vragen=[
            {"id": f"v{i}", "tekst": f"Synthetische vraag nummer {i}?", "ja": ja[i], "nee": nee[i]}
            for i in range(1, n + 1)
        ],
    )
    return yaml.safe_dump(kompas, allow_unicode=True, sort_keys=False)


def data_map(n: int, samenvoegen_elke: int) -> Path:
    gegevensmap = WERK / f"kompas-{n}-{samenvoegen_elke}"
    if gegevensmap.exists():
        shutil.rmtree(gegevensmap)
    shutil.copytree(PROJECT / "kompas_data", gegevensmap, ignore=shutil.ignore_patterns(ARCHIEF_MAP))
    (gegevensmap / "kompas.yaml").write_text(synthetisch_kompas(n, samenvoegen_elke), encoding="utf-8")
    # The real scenarios answer the real questions; a synthetic kompas has none of them.
    (gegevensmap / "scenarios.yaml").write_text("scenarios: []\n", encoding="utf-8")
    # One version, with this kompas' own fingerprint: the build refuses a meaning that is not
    # recorded. Written once to load the data, then with the fingerprint of what loaded.
    for afdruk in ("sha256:" + "0" * 64, None):
        if afdruk is None:
            afdruk = betekenis.vingerafdruk(laad_kompas_data(gegevensmap))
        (gegevensmap / "wijzigingen.yaml").write_text(
            f'versies:\n  - versie: "9.0"\n    datum: "2030-01-01"\n    samenvatting: Synthetisch.\n'
            f'    wijzigingen: [Synthetisch kompas voor de benchmark.]\n    vingerafdruk: "{afdruk}"\n',
            encoding="utf-8",
        )
    return gegevensmap


def meet(n: int, samenvoegen_elke: int = 5) -> dict:
    gegevensmap = data_map(n, samenvoegen_elke)
    try:
        data = laad_kompas_data(gegevensmap)
        paden = graaf.aantal_paden(data.kompas)
        try:
            aantal_toestanden = len(toestanden.toestanden(data.kompas))
        except toestanden.TeVeelToestanden:
            aantal_toestanden = None
    except Exception as fout:  # an invalid synthetic graph is a bug in this script
        raise SystemExit(f"synthetisch kompas {n} ongeldig: {fout}") from None
    uit = WERK / f"site-{n}-{samenvoegen_elke}"
    begin = time.perf_counter()
    resultaat = subprocess.run(
        [sys.executable, "-m", "macros", "bouw", "--uit", str(uit)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        env={**OMGEVING, "KOMPAS_DATA": str(gegevensmap)},
    )
    duur = time.perf_counter() - begin
    melding = next((r.strip() for r in resultaat.stderr.splitlines() if "toestanden" in r), "")
    return {
        "vragen": n,
        "samenvoegen_elke": samenvoegen_elke,
        "paden": paden,
        "toestanden": aantal_toestanden,
        "bouwtijd": duur,
        "gelukt": resultaat.returncode == 0,
        "grootte": map_grootte(uit) if resultaat.returncode == 0 else 0,
        "melding": melding,
    }


if __name__ == "__main__":
    for n in (10, 20, 40, 80):
        print(meet(n))
    print(meet(40, samenvoegen_elke=2))
