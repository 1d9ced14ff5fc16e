"""Numbers and dates written as the note writes them (Dutch notation)."""

from __future__ import annotations

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")


def euro(bedrag: int) -> str:
    """Dutch notation as in the note: 5300 -> "5.300"."""
    return f"{bedrag:,}".replace(",", ".")


def datum(iso: str) -> str:
    """ "2026-11-27" -> "27 november 2026" """
    jaar, maand, dag = iso.split("-")
    return f"{int(dag)} {MAANDEN[int(maand) - 1]} {jaar}"
