"""Every changed field between two loaded records, with its place, old and new value.

Records are compared field by field; lists of records with a key (an `id`, a `naam`, a
`versie`) are matched by key (so a reordered list is not a change of every item), other lists
item by item. A place is named as `make check` names it, with the same function
(`lezer.item_pad`): "vorm 'peilen' › wat_is_het", "post 'regie' › bedragen › jaar 2027",
"vraag 4 (eerst-verhelderen) › tekst"; a list item without a key by its place counted from 1.
The result is typed rows (`Erbij`, `Eraf`, `Anders`) that the change list (wijzigingen.py)
groups per file; nothing here knows about Markdown or about the meaning of a version.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Optional, Union

from ..data.lezer import PER_ITEM_VAN, item_pad, pad_tekst, sleutel_van

Pad = tuple[str, ...]


@dataclass(frozen=True)
class Verschil:
    """One changed place in the data: ("post 'regie'", "bedragen", "jaar 2026")."""

    pad: Pad

    @property
    def plek(self) -> str:
        """The place in the data as the check writes it: "vorm 'peilen' › titel"."""
        return pad_tekst(self.pad)


@dataclass(frozen=True)
class Erbij(Verschil):
    """A record or list item that came."""

    waarde: Any


@dataclass(frozen=True)
class Eraf(Verschil):
    """A record or list item that went."""

    waarde: Any


@dataclass(frozen=True)
class Anders(Verschil):
    """A value that changed: a text, number or yes/no, a list that is only comparable as a
    whole, or the order of a list of records (its place ends in "volgorde")."""

    oud: Any
    nieuw: Any


@dataclass(frozen=True)
class Recordverschil(Verschil):
    """A record of a list matched by key, in both versions, and its changed fields (only from
    `records`: `verschillen` gives its rows instead)."""

    oud: Any
    nieuw: Any
    rijen: tuple[Verschil, ...]


Recordrij = Union[Erbij, Eraf, Recordverschil, Anders]


def verschillen(oud: Any, nieuw: Any, pad: Pad = (), wortel: Any = None) -> Iterator[Verschil]:
    """The differences between `oud` and `nieuw` at `pad`. `wortel` is the record of the whole
    file, for lists whose items stand for the items of another list in it (the amounts of a
    budget line, one per year of `jaren`)."""
    if oud == nieuw:
        return
    if dataclasses.is_dataclass(oud) and type(oud) is type(nieuw):
        for veld in dataclasses.fields(oud):
            yield from verschillen(getattr(oud, veld.name), getattr(nieuw, veld.name), (*pad, veld.name), wortel)
    elif (lijst := _lijsten(oud, nieuw, pad, wortel)) is not None:
        yield from lijst
    elif isinstance(oud, dict) and isinstance(nieuw, dict):
        for sleutel in [*nieuw, *(k for k in oud if k not in nieuw)]:
            yield from verschillen(oud.get(sleutel), nieuw.get(sleutel), (*pad, str(sleutel)), wortel)
    else:
        yield Anders(pad, oud, nieuw)


def records(oud: list, nieuw: list, pad: Pad, wortel: Any = None) -> Iterator[Recordrij]:
    """Two lists of records matched by key, one level deep: what came, what went, each record
    that changed (with its rows), and the order."""
    oude = {_sleutel(x): (i, x) for i, x in enumerate(oud)}
    nieuwe = {_sleutel(x): (i, x) for i, x in enumerate(nieuw)}
    for sleutel, (i, x) in nieuwe.items():
        if sleutel not in oude:
            yield Erbij(item_pad(pad, type(x), i, sleutel), x)
    for sleutel, (i, x) in oude.items():
        if sleutel not in nieuwe:
            yield Eraf(item_pad(pad, type(x), i, sleutel), x)
    for sleutel, (i, x) in nieuwe.items():
        plek = item_pad(pad, type(x), i, sleutel)
        if sleutel in oude and (rijen := tuple(verschillen(oude[sleutel][1], x, plek, wortel))):
            yield Recordverschil(plek, oude[sleutel][1], x, rijen)
    if _gedeeld(oude, nieuwe) != _gedeeld(nieuwe, oude):
        yield Anders((*pad, "volgorde"), list(oude), list(nieuwe))


def _lijsten(oud: Any, nieuw: Any, pad: Pad, wortel: Any) -> Optional[Iterable[Verschil]]:
    """The differences of two lists, or None when they are no two lists or only comparable as
    a whole (another length, and not all texts)."""
    if not (isinstance(oud, list) and isinstance(nieuw, list)):
        return None
    if _op_sleutel(oud) or _op_sleutel(nieuw):
        return (rij for r in records(oud, nieuw, pad, wortel) for rij in _uitgepakt(r))
    if len(oud) == len(nieuw):
        return _per_plaats(oud, nieuw, pad, wortel)
    if all(isinstance(x, str) for x in oud + nieuw):
        return _teksten(oud, nieuw, pad)
    return None


def _per_plaats(oud: list, nieuw: list, pad: Pad, wortel: Any) -> Iterator[Verschil]:
    """Two lists of the same length, item by item."""
    per_item = _per_item(pad, wortel)
    for i, (a, b) in enumerate(zip(oud, nieuw, strict=True)):
        yield from verschillen(a, b, item_pad(pad, type(b), i, _sleutel(b), per_item), wortel)


def _teksten(oud: list[str], nieuw: list[str], pad: Pad) -> Iterator[Verschil]:
    """A list of texts that grew or shrank (examples, instruments): the texts that came and went."""
    yield from (Erbij(pad, x) for x in nieuw if x not in oud)
    yield from (Eraf(pad, x) for x in oud if x not in nieuw)


def _gedeeld(deze: dict, andere: dict) -> list:
    """The keys of `deze` that `andere` has too, in the order of `deze`."""
    return [k for k in deze if k in andere]


def _uitgepakt(rij: Recordrij) -> tuple[Verschil, ...]:
    return rij.rijen if isinstance(rij, Recordverschil) else (rij,)


def _sleutel(record: Any) -> Optional[str]:
    """The id, naam or versie that names a record, if it has one."""
    if not dataclasses.is_dataclass(record):
        return None
    return sleutel_van(type(record), {f.name: getattr(record, f.name) for f in dataclasses.fields(record)})


def _op_sleutel(lijst: list) -> bool:
    """Whether the records of a list are matched by their key: every one has one."""
    return bool(lijst) and all(_sleutel(x) is not None for x in lijst)


def _per_item(pad: Pad, wortel: Any) -> tuple:
    """The items that the items of the list at `pad` stand for (the years), if any."""
    if not pad or pad[-1] not in PER_ITEM_VAN or wortel is None:
        return ()
    return tuple(getattr(wortel, PER_ITEM_VAN[pad[-1]][0], ()))
