"""What a field of the data may hold, said once: the model declares it per field, the reader
(`lezer.py`) enforces it with a message for the data editor, and the JSON Schema
(`uitvoer/json_schema.py`) publishes the same rule, so loader and schema cannot drift apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional


@dataclass(frozen=True)
class Tekstsoort:
    """A kind of text: how long it may be and, for names and numbers, the form it must have.
    The limits are generous for the note's own text; they catch a paste gone wrong."""

    naam: str  # in messages: "een titel mag hoogstens …"
    maximum: int  # characters
    patroon: Optional[str] = None  # a regular expression the whole text must match
    voorbeeld: Optional[str] = None  # what a good value looks like, for the message
    vorm: Optional[str] = None  # the pattern in words, for the message
    vrije_tekst: bool = True  # running text (as opposed to an id, version or date)
    het: bool = False  # a "het" word in Dutch: "geen geldig antwoord"

    def past(self, waarde: str) -> bool:
        return self.patroon is None or re.fullmatch(self.patroon, waarde) is not None


ID = Tekstsoort(
    "id",
    60,
    r"[a-z0-9]+(?:-[a-z0-9]+)*",
    "samen-aan-zet",
    "kleine letters, cijfers en koppeltekens (de id is ook het stukje URL)",
    vrije_tekst=False,
)
VERSIE = Tekstsoort(
    "versie", 10, r"\d+\.\d+", '"1.1"', "hoofdversie.subversie, tussen aanhalingstekens", vrije_tekst=False
)
DATUM = Tekstsoort(
    "datum", 10, r"\d{4}-\d{2}-\d{2}", '"2027-03-01"', "jaar-maand-dag, tussen aanhalingstekens", vrije_tekst=False
)
VINGERAFDRUK = Tekstsoort(
    "vingerafdruk",
    71,
    r"sha256:[0-9a-f]{64}",
    '"sha256:…"',
    "sha256: en 64 tekens 0-9/a-f; `make check` zegt welke",
    vrije_tekst=False,
)
TITEL = Tekstsoort("titel", 120)  # names, headings, short labels
VRAAG = Tekstsoort("vraag", 500)  # a question of the kompas
ZIN = Tekstsoort("korte tekst", 400)  # one line: an example, an item of a list
SAMENVATTING = Tekstsoort("samenvatting", 600)  # "in het kort", B1
ALINEA = Tekstsoort("alinea", 3000)  # a paragraph of the note

ID_UITLEG = "Vaste naam: kleine letters, cijfers en koppeltekens. Ook het stukje URL; verandert niet."


def veld(
    uitleg: str,
    soort: Optional[Tekstsoort] = None,
    *,
    minimum: Optional[int] = None,
    maximum: Optional[int] = None,
    **kwargs: Any,
) -> Any:
    """A field with its explanation for data editors (shown in the schema and on the site) and
    its rules: the kind of text, or the range of a number."""
    regels = {"uitleg": uitleg}
    if soort is not None:
        regels["soort"] = soort
    if minimum is not None:
        regels["minimum"] = minimum
    if maximum is not None:
        regels["maximum"] = maximum
    return field(metadata=regels, **kwargs)


def id_veld(uitleg: str = ID_UITLEG, **kwargs: Any) -> Any:
    return veld(uitleg, ID, **kwargs)
