"""What a field of the data may hold, said once: the model declares it per field, the reader
(`lezer.py`) enforces it with a message for the data editor, and the JSON Schema
(`uitvoer/json_schema.py`) publishes the same rule, so loader and schema cannot drift apart.
"""

from __future__ import annotations

import re
from dataclasses import Field, dataclass, field, fields
from typing import Any, ClassVar, Optional, Protocol


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


@dataclass(frozen=True)
class Keuze:
    """A value that is exactly one of several records, told apart by their keys in the YAML
    (`model.Doel`: {vraag: …} or {vorm: …}). The model declares it once (`model.KEUZES`): the
    reader builds the record whose key stands there, the JSON Schema describes the records as
    one object with exactly one of their keys."""

    naam: str  # the definition's name in the JSON Schema: "Doel"
    uitleg: str  # its description there
    melding: str  # what the reader says when none of the keys or more than one stands there


# Where the text of a field comes from: the three sources of text the site names (README,
# "Drie bronnen van tekst"). A record class says its usual source once (`BRON`, a class
# attribute); a field that differs says its own (`veld(..., bron=SITE)`). The pages (which mark
# and label each source), kompas.json and the JSON Schema all read it from here (`bron_van`).
NOTA = "nota"  # the note's words as adopted; a later version of the kompasteam may change them
SITE = "site"  # the site's own words or its reading of the note (summaries, routes, the scale)
KOMPASTEAM = "kompasteam"  # the kompasteam's own records: its versions and scenarios
BRONNEN = (NOTA, SITE, KOMPASTEAM)


class Record(Protocol):
    """A record of the model: an instance of one of its dataclasses, whose fields can be listed."""

    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]


def veld(
    uitleg: str,
    soort: Optional[Tekstsoort] = None,
    *,
    minimum: Optional[int] = None,
    maximum: Optional[int] = None,
    bron: Optional[str] = None,
    naam: Optional[str] = None,
    **kwargs: Any,
) -> Any:
    """A field with its explanation for data editors (shown in the schema and on the site) and
    its rules: the kind of text, or the range of a number, and where its text comes from when
    that is not its record's usual source (`bron`). `naam` is how a reader calls the field
    ("de kop boven de instrumenten") where its name with spaces ("wat is het") would not do."""
    regels: dict[str, Any] = {"uitleg": uitleg}
    if soort is not None:
        regels["soort"] = soort
    if minimum is not None:
        regels["minimum"] = minimum
    if maximum is not None:
        regels["maximum"] = maximum
    if naam is not None:
        regels["naam"] = naam
    if bron is not None:
        if bron not in BRONNEN:
            raise ValueError(f"onbekende bron {bron!r}; kies uit {', '.join(BRONNEN)}")
        regels["bron"] = bron
    return field(metadata=regels, **kwargs)


def id_veld(uitleg: str = ID_UITLEG, **kwargs: Any) -> Any:
    # An id is the site's name for a record (and part of its address), never the note's text.
    return veld(uitleg, ID, bron=SITE, **kwargs)


def is_vrije_tekst(veld_: Any) -> bool:
    """A field of running text a reader sees (or a list of such texts): not an id, version or
    date. Everything such a field holds is escaped wherever it lands; the tests give every such
    field hostile markup (tests/test_render.py), so a new text field is covered by declaring it."""
    soort = veld_.metadata.get("soort")
    return isinstance(soort, Tekstsoort) and soort.vrije_tekst


def bron_van(soort: type, naam: str) -> str:
    """Where the text of field `naam` of record class `soort` comes from."""
    veld_ = next((f for f in fields(soort) if f.name == naam), None)
    if veld_ is None:
        raise KeyError(f"{soort.__name__} heeft geen veld {naam!r}")
    bron: Optional[str] = veld_.metadata.get("bron") or getattr(soort, "BRON", None)
    if bron is None:
        raise TypeError(
            f"{soort.__name__} zegt niet waar zijn tekst vandaan komt: zet BRON: ClassVar[str] in de klasse"
        )
    return bron


def naam_van(soort: type, naam: str) -> str:
    """How a reader calls field `naam` of record class `soort`: "wat is het", "bedragen"."""
    veld_ = next(f for f in fields(soort) if f.name == naam)
    return veld_.metadata.get("naam") or naam.replace("_", " ")
