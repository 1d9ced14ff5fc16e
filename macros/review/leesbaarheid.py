"""Readability of Dutch text with the Flesch-Douma formula (textstat, language "nl").

Douma: 206.84 - 0.93 x (words per sentence) - 77 x (syllables per word). Above 60 counts as
"redelijk makkelijk", the range of language level B1; the note's own text scores far lower,
which is why the site adds a summary instead of rewriting the policy.
"""

from __future__ import annotations

from ..data.model import KompasData

DREMPEL = 60.0


def douma(tekst: str) -> float:
    import textstat  # a test dependency: only the tests use this module (test_leesbaarheid.py, test_wijzer_uitkomst.py)

    textstat.set_lang("nl")
    return float(textstat.flesch_reading_ease(tekst))


def samenvattingen(data: KompasData) -> dict[str, tuple[str, str]]:
    """Each summary with the note's own text it summarises: name -> (summary, note text)."""
    uit = {
        "home": (data.nota.in_het_kort, " ".join(p for pr in data.principes for p in pr.alineas)),
        "kompas": (data.kompas.in_het_kort, data.kompas.toelichting + " " + " ".join(data.kompas.kanttekeningen)),
    }
    for vorm in data.vormen:
        uit[f"vorm {vorm.id}"] = (vorm.in_het_kort, f"{vorm.wat_is_het} {vorm.wanneer_geschikt}")
    for principe in data.principes:
        uit[f"principe {principe.id}"] = (principe.in_het_kort, " ".join(principe.alineas))
    return uit
