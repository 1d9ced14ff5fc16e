"""`make bench`: run every benchmark and write bench/RESULTS.md (date, machine, figures)."""

from __future__ import annotations

import datetime
from pathlib import Path

import archief
import bouwtijd
import ci_rapport
import gewicht
import lighthouse
import schaal
import vooruit
from gemeen import WERK, machine, nginx_dist

RESULTATEN = Path(__file__).resolve().parent / "RESULTS.md"


def kb(n: int) -> str:
    return f"{n / 1024:.1f} KB"


def ok(goed: bool) -> str:
    return "gehaald" if goed else "**niet gehaald**"


def main() -> None:
    WERK.mkdir(exist_ok=True)
    regels = [
        "# Benchmarks",
        "",
        f"Gemeten op {datetime.date.today().isoformat()} met `make bench`.",
        "",
        f"Machine: {machine()}",
        "",
    ]

    regels += bouwtijd.regels(bouwtijd.meet())

    regels += [
        "## Schaal: grotere kompassen",
        "",
        "Synthetische kompassen als het echte: vragen in een keten, nee naar een vorm, en om de "
        "zoveel vragen een sprong verder (samenvoegen, zoals bij 'verder onderzoeken'). Elke "
        "toestand van de kompaswijzer is een pagina, plus dezelfde pagina zonder menu voor het "
        "intern loket.",
        "",
        "| vragen | samenvoegen om de | paden | toestanden | bouwtijd | site | uitkomst |",
        "|---|---|---|---|---|---|---|",
    ]
    metingen = [schaal.meet(n) for n in (10, 20, 30, 40, 80)] + [schaal.meet(40, samenvoegen_elke=2)]
    for m in metingen:
        uitkomst = "gebouwd" if m["gelukt"] else "gestopt: " + m["melding"].split("kompaswijzer: ")[-1].split(";")[0]
        regels.append(
            f"| {m['vragen']} | {m['samenvoegen_elke']} | {m['paden']} | {m['toestanden'] or '> grens'} | "
            f"{m['bouwtijd']:.1f} s | {m['grootte'] / 1e6:.1f} MB | {uitkomst} |"
        )
    from macros.data.toestanden import MAX_TOESTANDEN

    regels += [
        "",
        f"De grens staat op {MAX_TOESTANDEN} toestanden (`MAX_TOESTANDEN` in `macros/data/toestanden.py`). "
        "Daarboven stopt de bouw binnen een seconde met een melding die zegt wat er aan de hand is; "
        "het aantal paden wordt geteld, niet opgesomd, dus ook een kompas met miljoenen paden "
        "houdt de bouw niet op. Kompas 1.0 heeft 55 toestanden.",
        "",
    ]

    regels += archief.regels(archief.meet())
    regels += ci_rapport.regels(ci_rapport.meet())

    with nginx_dist(WERK / "dist-bench") as basis:
        g = gewicht.meet(basis + "kompas/wijzer/")
        regels += [
            "## Gewicht van de eerste vraag van de kompaswijzer",
            "",
            "Alles wat een browser laadt (zonder cache) via nginx met de productieconfiguratie.",
            "",
            "| bestand | onverpakt | over de draad | codering |",
            "|---|---|---|---|",
        ]
        regels += [f"| `{r['url']}` | {kb(r['onverpakt'])} | {kb(r['draad'])} | {r['codering']} |" for r in g["rijen"]]
        regels += [
            "",
            f"Samen: **{kb(g['onverpakt'])}** onverpakt (doel ≤ 450 KB: {ok(g['onverpakt'] <= 450 * 1024)}), "
            f"**{kb(g['draad'])}** over de draad (doel ≤ 130 KB: {ok(g['draad'] <= 130 * 1024)}).",
            "",
            f"Waarvan eigen JavaScript en CSS ({', '.join('`' + e['url'] + '`' for e in g['eigen'])}; elke pagina "
            f"laadt dezelfde): **{kb(g['eigen_onverpakt'])}** onverpakt (doel ≤ 30 KB: "
            f"{ok(g['eigen_onverpakt'] <= 30 * 1024)}), {kb(g['eigen_draad'])} over de draad. De bronnen houden "
            "hun commentaar; de bouw laat het weg (`macros/uitvoer/verkleinen.py`).",
            "",
        ]
        lh = lighthouse.meet(basis)
        stap = vooruit.meet(basis)
    regels += lighthouse.regels(lh)
    regels += vooruit.regels(stap)
    RESULTATEN.write_text("\n".join(regels), encoding="utf-8")
    print(RESULTATEN.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
