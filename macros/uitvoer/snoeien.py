"""Vendored CSS cut down to what the site uses: component rules and design tokens (issue 25).

The gemeente's stylesheets are written for every site that might use them: the design tokens
alone are 88 KB of custom properties, and each component's sheet has rules for every variant.
A visitor downloads only what this site uses:

- a component rule stays when one of its selectors can match: every class that selector
  requires is among the classes the site uses. Classes inside a functional pseudo-class
  (`:not(.x)`, `:has(.x)`, `:is(.x)`) are not required: under `:not()` the selector matches
  without them, so counting them would drop rules that apply. Of a selector list only the
  selectors that can match are written;
- a design token (a custom property in a token sheet's `:root`) stays when something kept
  reads it with `var()`: a kept rule, a kept token (transitively, `--a: var(--b)`), or the
  site's own CSS, pages and script (`verwijzingen`);
- an at-rule with rules inside (`@media`, `@supports`, …) stays with the rules inside it that
  stay; `@keyframes` and `@property` stay when a kept rule names them; `@font-face` stays when
  its family is named in a kept rule or a kept token; `@charset` goes (the result is written
  as UTF-8 by the caller); `@import` is refused: the result is one file, an import would load
  another. An at-rule this module does not know stays as it is.

Engine-neutral: text in, text out. `huisstijl.py` says which files and which classes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import tinycss2
from tinycss2 import ast

# At-rules whose block holds rules: kept when a rule inside is.
MET_REGELS = {"media", "supports", "container", "layer", "document", "scope", "starting-style"}
_VAR_NAAM = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")
# Words that can be class names, in a page, a script or a stylesheet.
_WOORD = re.compile(r"-?[A-Za-z_][A-Za-z0-9_-]*")


class SnoeiFout(ValueError):
    """A vendored stylesheet this step cannot cut down safely."""


def klassen_in(tekst: str) -> set[str]:
    """Every word in `tekst` that could be a class name: what a page or a script may put on an
    element, whether it stands in a class attribute or in a string of the script
    (classList.add('…')). More words than classes, which only keeps more."""
    return set(_WOORD.findall(tekst))


def verwijzingen_in(tekst: str) -> set[str]:
    """The custom properties `tekst` reads with var(): a stylesheet, or a page's style attributes."""
    return set(_VAR_NAAM.findall(tekst))


@dataclass(frozen=True)
class Gesnoeid:
    tekst: str  # one stylesheet, not minified: the tokens first, then the components' rules
    tokens: list[str]  # the tokens kept
    regels: int  # the component rules kept (inside at-rules too)


def snoei(
    tokens: Sequence[str], componenten: Sequence[str], klassen: set[str], verwijzingen: Iterable[str] = ()
) -> Gesnoeid:
    """The token sheets' custom properties and the component sheets' rules the site uses, as one
    stylesheet (the tokens first, then the components in the order given)."""
    gekozen = [deel for css in componenten for deel in _kies(_lees(css), klassen)]
    token_waarden = definities(tokens)
    # Every value a custom property may get: a token, or a declaration in a chosen rule.
    gezet: dict[str, list[str]] = {naam: [waarde] for naam, waarde in token_waarden.items()}
    for regel in _regels_in(gekozen):
        for naam, waarde in regel.eigen_eigenschappen():
            gezet.setdefault(naam, []).append(waarde)
    gelezen = _Gelezen(verwijzingen=set(verwijzingen))
    for deel in gekozen:
        deel.lees(gelezen)
    op_naam = list(_op_naam(gekozen))
    while True:  # a kept @keyframes may read custom properties, which may name another
        nodig = _sluiting(gezet, gelezen.verwijzingen)
        namen = gelezen.namen | {n for naam in nodig for w in gezet.get(naam, []) for n in _namen(_lees_waarde(w))}
        nieuw = [d for d in op_naam if not d.behouden and d.houden(nodig, namen)]
        if not nieuw:
            break
        for deel in nieuw:
            deel.behouden = True
            gelezen.verwijzingen |= verwijzingen_in(deel.tekst(nodig))
    regels = [tekst for deel in gekozen if (tekst := deel.tekst(nodig))]
    gehouden = {naam: waarde for naam, waarde in token_waarden.items() if naam in nodig}
    if gehouden:
        regels.insert(0, ":root{" + "".join(f"{naam}:{waarde};" for naam, waarde in gehouden.items()) + "}")
    aantal = sum(deel.aantal(nodig) for deel in gekozen)
    return Gesnoeid("".join(regel + "\n" for regel in regels), list(gehouden), aantal)


# --- Choosing rules ----------------------------------------------------------------------------


@dataclass
class _Gelezen:
    verwijzingen: set[str] = field(default_factory=set)  # custom properties read with var()
    namen: set[str] = field(default_factory=set)  # idents and strings, lower case (animation, font)


@dataclass
class _Regel:
    """A component rule with the selectors of it that can match. Of its declarations, those of
    custom properties stay only when something kept reads them: `.x-knop { --_x-pressed: …}`
    is for `.x-knop--pressed`, and dead weight when the site has no pressed buttons."""

    selectoren: list[str]
    declaraties: list

    def eigen_eigenschappen(self) -> Iterable[tuple[str, str]]:
        for d in self.declaraties:
            if d.name.startswith("--"):
                yield d.name, _tekst(d.value)

    def lees(self, gelezen: _Gelezen) -> None:
        for d in self.declaraties:
            if not d.name.startswith("--"):
                gelezen.verwijzingen |= verwijzingen_in(_tekst(d.value))
                gelezen.namen |= _namen(d.value)

    def tekst(self, nodig: set[str]) -> str:
        gehouden = [d for d in self.declaraties if not d.name.startswith("--") or d.name in nodig]
        if not gehouden:
            return ""
        return ",".join(self.selectoren) + "{" + ";".join(_declaratie(d) for d in gehouden) + "}"

    def aantal(self, nodig: set[str]) -> int:
        return 1 if self.tekst(nodig) else 0


@dataclass
class _Blok:
    """An at-rule with rules inside (`@media`): what stays of them."""

    kop: str
    delen: list

    def lees(self, gelezen: _Gelezen) -> None:
        for deel in self.delen:
            deel.lees(gelezen)

    def tekst(self, nodig: set[str]) -> str:
        binnen = "".join(deel.tekst(nodig) for deel in self.delen)
        return f"{self.kop}{{{binnen}}}" if binnen else ""

    def aantal(self, nodig: set[str]) -> int:
        return sum(deel.aantal(nodig) for deel in self.delen)


@dataclass
class _OpNaam:
    """`@keyframes`, `@property`, `@font-face`: kept when something kept names them."""

    regel: ast.AtRule
    behouden: bool = False

    @property
    def soort(self) -> str:
        soort: str = self.regel.lower_at_keyword
        return soort.removeprefix("-webkit-")

    def naam(self) -> str:
        if self.soort == "font-face":
            for declaratie in tinycss2.parse_blocks_contents(self.regel.content or [], True, True):
                if isinstance(declaratie, ast.Declaration) and declaratie.lower_name == "font-family":
                    return _tekst(declaratie.value).strip().strip("'\"").lower()
            return ""
        naam = _tekst(self.regel.prelude).strip()
        return naam if self.soort == "property" else naam.lower()

    def houden(self, nodig: set[str], namen: set[str]) -> bool:
        naam = self.naam()
        if self.soort == "property":
            return naam in nodig
        if self.soort == "font-face":
            # A family is named as a string ("Noto Sans") or as words (Noto Sans).
            return bool(naam) and (naam in namen or set(naam.split()) <= namen)
        return naam in namen

    def lees(self, gelezen: _Gelezen) -> None:
        pass  # only once kept (snoei)

    def tekst(self, nodig: set[str]) -> str:
        if not self.behouden:
            return ""
        return f"@{self.regel.at_keyword}{_tekst(self.regel.prelude)}{{{_tekst(self.regel.content or [])}}}"

    def aantal(self, nodig: set[str]) -> int:
        return 1 if self.behouden else 0


@dataclass
class _AlsHet:
    """A statement (`@layer a, b;`) or an at-rule this module does not know: as it is."""

    inhoud: str

    def lees(self, gelezen: _Gelezen) -> None:
        gelezen.verwijzingen |= verwijzingen_in(self.inhoud)

    def tekst(self, nodig: set[str]) -> str:
        return self.inhoud

    def aantal(self, nodig: set[str]) -> int:
        return 0


def _kies(knopen: list, klassen: set[str]) -> list:
    uit: list = []
    for knoop in knopen:
        if isinstance(knoop, ast.QualifiedRule):
            selectoren = [s for s in _selectoren(knoop.prelude) if _vereiste_klassen(s) <= klassen]
            if selectoren:
                uit.append(_Regel([_tekst(s).strip() for s in selectoren], _declaraties(knoop)))
        elif isinstance(knoop, ast.AtRule):
            deel = _at_regel(knoop, klassen)
            if deel is not None:
                uit.append(deel)
        elif isinstance(knoop, ast.ParseError):
            raise SnoeiFout(f"CSS die niet te lezen is, regel {knoop.source_line}: {knoop.message}")
    return uit


def _at_regel(regel: ast.AtRule, klassen: set[str]):
    naam = regel.lower_at_keyword
    kop = "@" + regel.at_keyword + _tekst(regel.prelude)
    if naam == "import":
        raise SnoeiFout(f"{kop.strip()}: het resultaat is één bestand; neem het bestand zelf op")
    if naam == "charset":
        return None
    if regel.content is None:
        return _AlsHet(kop + ";")
    if naam in MET_REGELS:
        return _Blok(kop, _kies(tinycss2.parse_rule_list(regel.content, True, True), klassen))
    if naam.removeprefix("-webkit-") in {"keyframes", "property", "font-face"}:
        return _OpNaam(regel)
    return _AlsHet(kop + "{" + _tekst(regel.content) + "}")


def _declaraties(regel: ast.QualifiedRule) -> list:
    """The declarations of a rule. A declaration the browser would drop (a stray `;;`) goes; a
    nested rule is refused: this module keeps or drops declarations, it cannot judge those."""
    uit = []
    for knoop in tinycss2.parse_blocks_contents(regel.content, skip_comments=True, skip_whitespace=True):
        if isinstance(knoop, ast.Declaration):
            uit.append(knoop)
        elif not isinstance(knoop, ast.ParseError):
            raise SnoeiFout(
                f"geneste CSS in {_tekst(regel.prelude).strip()} (regel {knoop.source_line}): "
                "macros/uitvoer/snoeien.py kan die niet bijknippen"
            )
    return uit


def _declaratie(d: ast.Declaration) -> str:
    return f"{d.name}:{_tekst(d.value).strip()}" + ("!important" if d.important else "")


def _regels_in(delen: list) -> Iterable[_Regel]:
    for deel in delen:
        if isinstance(deel, _Regel):
            yield deel
        elif isinstance(deel, _Blok):
            yield from _regels_in(deel.delen)


def _op_naam(delen: list) -> Iterable[_OpNaam]:
    for deel in delen:
        if isinstance(deel, _OpNaam):
            yield deel
        elif isinstance(deel, _Blok):
            yield from _op_naam(deel.delen)


def _selectoren(prelude: list) -> list[list]:
    """A selector list split at its top-level commas."""
    selectoren: list[list] = [[]]
    for token in prelude:
        if isinstance(token, ast.LiteralToken) and token.value == ",":
            selectoren.append([])
        else:
            selectoren[-1].append(token)
    return [s for s in selectoren if _tekst(s).strip()]


def _vereiste_klassen(selector: list) -> set[str]:
    """The classes `selector` needs on elements to match: `.x` at its top level. Inside a
    function (`:not(.x)`) tinycss2 gives a block, which this leaves alone."""
    klassen = set()
    for vorige, token in zip(selector, selector[1:]):
        if isinstance(vorige, ast.LiteralToken) and vorige.value == "." and isinstance(token, ast.IdentToken):
            klassen.add(token.value)
    return klassen


# --- Design tokens ------------------------------------------------------------------------------


def definities(tokens: Sequence[str]) -> dict[str, str]:
    """The custom properties of the token sheets' `:root` rules, in order, the last one winning."""
    definities: dict[str, str] = {}
    for css in tokens:
        for knoop in _lees(css):
            if not isinstance(knoop, ast.QualifiedRule) or _tekst(knoop.prelude).strip() != ":root":
                raise SnoeiFout("een tokenbestand bevat alleen :root { --naam: waarde; }")
            for declaratie in tinycss2.parse_blocks_contents(knoop.content, True, True):
                if isinstance(declaratie, ast.Declaration) and declaratie.name.startswith("--"):
                    definities[declaratie.name] = _tekst(declaratie.value).strip()
    return definities


def _sluiting(gezet: dict[str, list[str]], verwijzingen: set[str]) -> set[str]:
    """The custom properties `verwijzingen` read, and those their values read, and so on."""
    nodig: set[str] = set()
    te_doen = list(verwijzingen)
    while te_doen:
        naam = te_doen.pop()
        if naam in nodig:
            continue
        nodig.add(naam)
        for waarde in gezet.get(naam, []):
            te_doen += [n for n in verwijzingen_in(waarde) if n not in nodig]
    return nodig


# --- Text ---------------------------------------------------------------------------------------


# tinycss2 has no type information: its nodes are Any, and these three say what comes back.
def _lees(css: str) -> list[Any]:
    knopen: list[Any] = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return knopen


def _tekst(knopen: list[Any]) -> str:
    tekst: str = tinycss2.serialize(knopen)
    return tekst


def _lees_waarde(waarde: str) -> list[Any]:
    knopen: list[Any] = tinycss2.parse_component_value_list(waarde, skip_comments=True)
    return knopen


def _namen(knopen: list) -> set[str]:
    """Idents and strings in `knopen`, nested ones too, lower case: the names a declaration
    gives (an animation, a font family)."""
    namen = set()
    for knoop in knopen:
        if isinstance(knoop, ast.IdentToken | ast.StringToken):
            namen.add(knoop.value.lower())
        elif isinstance(knoop, ast.FunctionBlock):
            namen |= _namen(knoop.arguments)
        elif isinstance(knoop, ast.ParenthesesBlock | ast.SquareBracketsBlock | ast.CurlyBracketsBlock):
            namen |= _namen(knoop.content)
    return namen
