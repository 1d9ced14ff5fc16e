"""PyYAML's parser errors in the words of the people who edit the data, at the right line.

libyaml says "could not find expected ':'" at the line *after* the mistake and "found
unexpected end of stream" at the end of the file for a quote opened on line 2; a policy
officer needs "regel 2: er ontbreekt een dubbele punt" and the line where the quote opens.
Each translation names the line and what to do; anything not recognised keeps PyYAML's own
words, with the line.
"""

from __future__ import annotations

import re
from typing import Optional

import yaml

INSPRINGEN = (
    "klopt de inspringing niet: de regel staat verder of minder ver in dan de regels eromheen. "
    "Gebruik spaties (geen tabs), steeds twee per niveau, en zet een sleutel recht onder de sleutel ervoor"
)


def _regel(mark) -> Optional[int]:
    return mark.line + 1 if mark is not None else None


def vertaal(fout: yaml.MarkedYAMLError, tekst: str) -> tuple[Optional[int], str]:
    """(line, Dutch message) for a parser error in `tekst`."""
    probleem = fout.problem or ""
    context = fout.context or ""
    regels = tekst.splitlines()
    plek, begin = fout.problem_mark, fout.context_mark

    def regel_tekst(mark) -> str:
        return regels[mark.line] if mark is not None and mark.line < len(regels) else ""

    if "tab" in probleem or (plek is not None and "\t" in regel_tekst(plek)[: plek.column + 1]):
        regel = _regel(plek)
        return regel, f"op regel {regel} staat een tab; YAML springt in met spaties. Vervang de tab door spaties"
    if "quoted scalar" in context and begin is not None:
        regel = _regel(begin)
        return regel, (
            f"de aanhalingstekens die op regel {regel} openen, worden nergens gesloten; zet aan het eind "
            "van de tekst hetzelfde teken (\" of ')"
        )
    if "could not find expected ':'" in probleem and begin is not None:
        regel = _regel(begin)
        return regel, (
            f"op regel {regel} ontbreekt een dubbele punt na de sleutel, zoals in 'titel: Peilen' "
            "(of de regel hoort bij de tekst erboven en springt niet ver genoeg in)"
        )
    if "mapping values are not allowed" in probleem:
        regel = _regel(plek)
        if re.match(r"^\s*-?\s*[\w-]+: [^\"'].*: ", regel_tekst(plek)):
            return regel, (
                f"op regel {regel} staat een dubbele punt midden in de tekst; YAML leest die als een nieuwe "
                'sleutel. Zet de tekst tussen aanhalingstekens: titel: "Tekst: met dubbele punt"'
            )
        return regel, f"op regel {regel} {INSPRINGEN}"
    if any(
        t in probleem
        for t in (
            "expected '-' indicator",
            "did not find expected key",
            "expected <block end>",
            "did not find expected node content",
        )
    ):
        regel = _regel(plek)
        return regel, f"op regel {regel} {INSPRINGEN}"
    if "flow sequence" in context or "flow mapping" in context:
        regel = _regel(begin or plek)
        return regel, (
            f"de lijst of het rijtje tussen [ ] of {{ }} op regel {regel} wordt niet goed gesloten; "
            "controleer de komma's en het sluitteken"
        )
    if "found character that cannot start any token" in probleem:
        regel = _regel(plek)
        teken = regel_tekst(plek)[plek.column : plek.column + 1] if plek is not None else ""
        return regel, (
            f"op regel {regel} staat een teken waar YAML niet mee kan beginnen ({teken!r}); zet de tekst "
            "tussen aanhalingstekens"
        )
    regel = _regel(plek or begin)
    return regel, f"geen geldige YAML op regel {regel}: {probleem or context}"
