"""Numbers, dates and lists written as the note writes them (Dutch notation)."""

from __future__ import annotations

MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def euro(bedrag: int) -> str:
    """Dutch notation as in the note: 5300 -> "5.300"."""
    return f"{bedrag:,}".replace(",", ".")


def datum(iso: str) -> str:
    """ "2026-11-27" -> "27 november 2026" """
    jaar, maand, dag = iso.split("-")
    return f"{int(dag)} {MAANDEN[int(maand) - 1]} {jaar}"


def getal(waarde: str) -> float:
    """ "54%" -> 54.0, "5,9" -> 5.9 (the loader only lets these shapes through)."""
    return float(waarde.rstrip("%").replace(",", "."))


def opsomming(woorden: list[str]) -> str:
    """["a", "b", "c"] -> "a, b en c" """
    return woorden[0] if len(woorden) == 1 else ", ".join(woorden[:-1]) + " en " + woorden[-1]


def bedragen_zin(jaren: list[int], bedragen: list[int]) -> str:
    """ "€ 90.000 in 2024, 2025 en 2026 en € 0 in 2027": equal amounts in a row grouped."""
    groepen: list[tuple[int, list[int]]] = []
    for jaar, bedrag in zip(jaren, bedragen):
        if groepen and groepen[-1][0] == bedrag:
            groepen[-1][1].append(jaar)
        else:
            groepen.append((bedrag, [jaar]))
    return " en ".join(f"€ {euro(b)} in {opsomming([str(j) for j in js])}" for b, js in groepen)
