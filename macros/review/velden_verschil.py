"""Every changed field between two loaded data sets, with its key path, old and new value.

Records are compared field by field; lists of records with a key (an `id`, a `versie`, a
`naam`) are matched by key (so a reordered list is not a change of every item), other lists
item by item. The result is a
list of `Verschil` rows that the report renders; nothing here knows about Markdown.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Iterator

VERWIJDERD, TOEGEVOEGD = object(), object()


@dataclass(frozen=True)
class Verschil:
    sleutelpad: str  # "posten[id=regie].bedragen[2]"
    oud: Any  # VERWIJDERD/TOEGEVOEGD mark a record or item that came or went
    nieuw: Any


SLEUTELS = ("id", "versie", "naam")


def sleutel_van(lijst: list) -> str | None:
    """The field that identifies the records of a list, if it has one."""
    if not lijst or not all(dataclasses.is_dataclass(x) for x in lijst):
        return None
    return next((s for s in SLEUTELS if all(hasattr(x, s) for x in lijst)), None)


def verschillen(oud: Any, nieuw: Any, sleutelpad: str = "") -> Iterator[Verschil]:
    if oud == nieuw:
        return
    if dataclasses.is_dataclass(oud) and type(oud) is type(nieuw):
        for veld in dataclasses.fields(oud):
            pad = f"{sleutelpad}.{veld.name}" if sleutelpad else veld.name
            yield from verschillen(getattr(oud, veld.name), getattr(nieuw, veld.name), pad)
        return
    if isinstance(oud, list) and isinstance(nieuw, list):
        if sleutel := sleutel_van(oud) or sleutel_van(nieuw):

            def k(x):
                return getattr(x, sleutel)

            oude, nieuwe = {k(x): x for x in oud}, {k(x): x for x in nieuw}
            for x in nieuw:
                if k(x) not in oude:
                    yield Verschil(f"{sleutelpad}[{sleutel}={k(x)}]", TOEGEVOEGD, x)
            for x in oud:
                if k(x) not in nieuwe:
                    yield Verschil(f"{sleutelpad}[{sleutel}={k(x)}]", x, VERWIJDERD)
            for x in nieuw:
                if k(x) in oude:
                    yield from verschillen(oude[k(x)], x, f"{sleutelpad}[{sleutel}={k(x)}]")
            if [k(x) for x in oud if k(x) in nieuwe] != [k(x) for x in nieuw if k(x) in oude]:
                yield Verschil(f"{sleutelpad} (volgorde)", [k(x) for x in oud], [k(x) for x in nieuw])
            return
        if all(isinstance(x, str) for x in oud + nieuw) and len(oud) != len(nieuw):
            for x in nieuw:
                if x not in oud:
                    yield Verschil(sleutelpad, TOEGEVOEGD, x)
            for x in oud:
                if x not in nieuw:
                    yield Verschil(sleutelpad, x, VERWIJDERD)
            return
        if len(oud) == len(nieuw):
            for i, (a, b) in enumerate(zip(oud, nieuw, strict=True)):
                yield from verschillen(a, b, f"{sleutelpad}[{i}]")
            return
    if isinstance(oud, dict) and isinstance(nieuw, dict):
        for sleutel in [*nieuw, *(k for k in oud if k not in nieuw)]:
            yield from verschillen(oud.get(sleutel), nieuw.get(sleutel), f"{sleutelpad}.{sleutel}")
        return
    yield Verschil(sleutelpad, oud, nieuw)
