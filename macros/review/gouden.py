"""Golden files: what the kompas advises on every path, kept in the repository, so that a
change in meaning shows up in a pull request as a readable change to these files.

- `kompas-paden.md`: one line per path, its answers and its outcome;
- `uitkomsten/<antwoorden>.md`: per path what a user reads along it: the questions with
  their numbers and the answers given, the outcome's title and its first text (wat is het).

They hold only the meaning (see `data/betekenis.py`), so they change exactly when a new
version is needed; `make versie` writes them. Plain text: a diff must read as what changed.
"""

from __future__ import annotations

from pathlib import Path

from ..data import adressen, graaf
from ..data.model import ArchiefVersie, KompasData

PADEN_BESTAND = "kompas-paden.md"
UITKOMSTEN_MAP = "uitkomsten"
ANTWOORD = {"ja": "Ja", "nee": "Nee"}


def paden_tabel(kompas) -> str:
    regels = [
        f"# Alle paden door het Kompas voor zeggenschap, versie {kompas.versie}",
        "",
        "<!-- Gemaakt door `make versie` uit kompas_data/. Niet met de hand bewerken. -->",
        "",
        "| antwoorden | uitkomst | vragen en antwoorden |",
        "|---|---|---|",
    ]
    for pad in graaf.paden(kompas):
        stappen = " → ".join(f"{s.vraag}: {s.antwoord}" for s in pad.stappen)
        regels.append(f"| {pad.antwoorden} | {pad.vorm} | {stappen} |")
    return "\n".join(regels) + "\n"


def bestandsnaam(pad: graaf.Pad) -> str:
    return pad.antwoorden.replace("/", "-") + ".md"


def uitkomst_tekst(betekenis: ArchiefVersie, pad: graaf.Pad) -> str:
    nummers = graaf.vraagnummers(betekenis)
    vragen = graaf.vraag_index(betekenis)
    vorm = next(v for v in betekenis.vormen if v.id == pad.vorm)
    soort = "samenwerkingsvorm" if vorm.samenwerkingsvorm else "geen samenwerkingsvorm"
    regels = [
        f"# Route {pad.antwoorden}: {vorm.titel}",
        "",
        f"Adres: /{adressen.toestand_pad(tuple(pad.antwoorden.split('/')))}",
        "",
    ]
    for stap in pad.stappen:
        regels += [
            f"Vraag {nummers[stap.vraag]}. {vragen[stap.vraag].tekst}",
            f"Antwoord: {ANTWOORD[stap.antwoord]}",
            "",
        ]
    regels += [f"Uitkomst: {vorm.titel} ({soort})", "", f"Wat is het: {vorm.wat_is_het}", ""]
    return "\n".join(regels)


def bestanden(data: KompasData) -> dict[str, str]:
    """Every golden file by its path below tests/golden/."""
    from ..data.betekenis import betekenis

    b = betekenis(data)
    uit = {PADEN_BESTAND: paden_tabel(data.kompas)}
    for pad in graaf.paden(b):
        uit[f"{UITKOMSTEN_MAP}/{bestandsnaam(pad)}"] = uitkomst_tekst(b, pad)
    return uit


def afwijkingen(data: KompasData, gegevensmap: Path) -> list[str]:
    """The golden files in `gegevensmap` that differ from the data, are missing or are left over."""
    verwacht = bestanden(data)
    uit = []
    for naam, inhoud in verwacht.items():
        bestand = gegevensmap / naam
        if not bestand.is_file():
            uit.append(f"{naam} ontbreekt")
        elif bestand.read_text(encoding="utf-8") != inhoud:
            uit.append(f"{naam} wijkt af")
    aanwezig = {p.relative_to(gegevensmap).as_posix() for p in gegevensmap.glob(f"{UITKOMSTEN_MAP}/*.md")}
    uit += [f"{naam} hoort bij een pad dat niet meer bestaat" for naam in sorted(aanwezig - set(verwacht))]
    return uit


def schrijf(data: KompasData, gegevensmap: Path) -> list[str]:
    """Write the golden files (and remove those of paths that are gone); returns what changed."""
    veranderd = []
    (gegevensmap / UITKOMSTEN_MAP).mkdir(parents=True, exist_ok=True)
    verwacht = bestanden(data)
    for naam, inhoud in verwacht.items():
        bestand = gegevensmap / naam
        if not bestand.is_file() or bestand.read_text(encoding="utf-8") != inhoud:
            bestand.write_text(inhoud, encoding="utf-8")
            veranderd.append(naam)
    for oud in (gegevensmap / UITKOMSTEN_MAP).glob("*.md"):
        if oud.relative_to(gegevensmap).as_posix() not in verwacht:
            oud.unlink()
            veranderd.append(oud.relative_to(gegevensmap).as_posix())
    return veranderd
