"""Gemeente Utrecht's design system in the site: its tokens, its components' CSS, its font.

The files are vendored (vendor/, made by `make vendor`: uitvoer/vendoren.py). Two things are
made from them:

- the design tokens as values (`token`), for the palette of site, PDF, diagram and charts
  (kleuren.py): a change of the gemeente's brand is a version bump of the tokens;
- one stylesheet for the site (`schrijf`, after the build): the font, and of the tokens and
  component rules only what the built site uses (snoeien.py). The classes are read from the
  built pages and the site's scripts, not from the templates: a class a template or the Python
  composes (`utrecht-button--{{ soort }}`), or Markdown adds, is only there in the output,
  and a class the script sets is in the script. The tokens the site reads are read from the
  built stylesheets and pages.

Engine-neutral: it reads and writes a built site folder; site/plugin.py calls it.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
import posixpath
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, TypeVar

from . import bouwcache, snoeien, vendoren

VENDOR = vendoren.VENDOR
T = TypeVar("T")
# Where the site serves them; not under content/, so bench/ and the tests do not count them as
# our own CSS (the budget of issue 13 is for our code).
STIJL_ADRES = "assets/stylesheets/huisstijl.css"
LETTERTYPE_ADRES = "assets/fonts/noto-sans-variable.woff2"
# The family the tokens name first (--utrecht-document-font-family); tests/test_vendor.py checks.
FAMILIE = "Noto Sans Variable"


class HuisstijlFout(ValueError):
    """A token the site asks for that the gemeente's tokens do not have (or not as a colour)."""


@dataclass(frozen=True)
class Geschreven:
    stijl: int  # bytes of the stylesheet
    lettertype: int  # bytes of the font
    regels: int  # component rules kept
    tokens: int  # tokens kept

    def __str__(self) -> str:
        return (
            f"{STIJL_ADRES} {self.stijl / 1000:.1f} kB ({self.regels} regels van de componenten, "
            f"{self.tokens} tokens), lettertype {self.lettertype / 1000:.1f} kB"
        )


# --- The vendored files --------------------------------------------------------------------------


@functools.cache
def record(vendor: Path = VENDOR) -> dict[str, Any]:
    gelezen: dict[str, Any] = json.loads((vendor / vendoren.VERSIES).read_text(encoding="utf-8"))
    return gelezen


def bestanden(soort: str, naam: str, vendor: Path = VENDOR) -> list[Path]:
    """The vendored files called `naam` of every package of `soort`, in package order."""
    return [
        vendor / pakket / pad
        for pakket, gegevens in record(vendor)["pakketten"].items()
        if gegevens["soort"] == soort
        for pad in gegevens["bestanden"]
        if pad == naam
    ]


def _tokenbestanden(vendor: Path = VENDOR) -> list[Path]:
    return bestanden("tokens", "dist/root.css", vendor)


# --- Tokens as values --------------------------------------------------------------------------


@functools.cache
def _definities() -> dict[str, str]:
    # From the build cache: reading the 88 KB of tokens took some 0.02 s of every build.
    tokens = [p.read_text(encoding="utf-8") for p in _tokenbestanden()]
    return bouwcache.waarde(
        "tokens",
        lambda: bouwcache.sleutel(*tokens, bouwcache.code_en_versie(snoeien.__file__, "tinycss2")),
        lambda: snoeien.definities(tokens),
        lambda definities: json.dumps(definities).encode("utf-8"),
        _uit_json(lambda gelezen: {str(naam): str(waarde) for naam, waarde in gelezen.items()}),
    )


def _uit_json(lezen: Callable[[Any], T]) -> Callable[[bytes], T | None]:
    """Unpacks a build cache entry kept as JSON with `lezen`; None (made again) for anything
    that is not what `lezen` expects: a damaged entry."""

    def uitpakken(bewaard: bytes) -> T | None:
        try:
            return lezen(json.loads(bewaard))
        except (ValueError, KeyError, TypeError, AttributeError):
            return None

    return uitpakken


def token(naam: str) -> str:
    """The value of design token `naam` (`--utrecht-…`), its var() references followed."""
    definities = _definities()
    gezien = []
    waarde = f"var({naam})"
    while (m := re.fullmatch(r"var\(\s*(--[\w-]+)\s*(?:,\s*(.*))?\)", waarde.strip(), re.S)) is not None:
        verwijzing, terugval = m.group(1), m.group(2)
        if verwijzing in gezien:
            raise HuisstijlFout(f"token {naam}: kringverwijzing via {verwijzing}")
        gezien.append(verwijzing)
        if verwijzing in definities:
            waarde = definities[verwijzing]
        elif terugval is not None:
            waarde = terugval
        else:
            raise HuisstijlFout(
                f"token {naam}: {verwijzing} staat niet in de tokens van de gemeente "
                f"({', '.join(str(p.relative_to(VENDOR)) for p in _tokenbestanden())})"
            )
    return waarde.strip()


def kleur(naam: str) -> str:
    """Design token `naam` as "#rrggbb": the diagram and the charts need the value itself."""
    waarde = token(naam)
    hex_ = re.fullmatch(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})", waarde)
    if hex_:
        cijfers = hex_.group(1)
        return "#" + (cijfers if len(cijfers) == 6 else "".join(c * 2 for c in cijfers)).lower()
    hsl = re.fullmatch(r"hsl\(\s*([\d.]+)(?:deg)?[\s,]+([\d.]+)%[\s,]+([\d.]+)%\s*\)", waarde)
    if hsl:
        return _hsl_naar_hex(*(float(g) for g in hsl.groups()))
    raise HuisstijlFout(f"token {naam} is geen kleur die de site kan omzetten: {waarde!r}")


def _hsl_naar_hex(tint: float, verzadiging: float, lichtheid: float) -> str:
    """CSS Color 4's hsl() to sRGB, rounded to whole channels as browsers do (half up: 30% grey
    is 76.5, #4d4d4d; Python's round() would give 76)."""
    s, licht = verzadiging / 100, lichtheid / 100

    def kanaal(n: int) -> int:
        k = (n + tint / 30) % 12
        a = s * min(licht, 1 - licht)
        return math.floor(255 * (licht - a * max(-1, min(k - 3, 9 - k, 1))) + 0.5)

    return "#" + "".join(f"{kanaal(n):02x}" for n in (0, 8, 4))


# --- The stylesheet of the site ------------------------------------------------------------------


def lettertype_css(stijl_adres: str = STIJL_ADRES, lettertype_adres: str = LETTERTYPE_ADRES) -> str:
    """@font-face for the vendored subset, relative to the stylesheet: swap, so text shows at
    once in the fallback font (the tokens name Arial) and changes when the font is there."""
    url = posixpath.relpath(lettertype_adres, posixpath.dirname(stijl_adres))
    laag, hoog = vendoren.GEWICHTEN
    return (
        f'@font-face{{font-family:"{FAMILIE}";font-style:normal;font-weight:{laag} {hoog};'
        f'font-display:swap;src:url({url}) format("woff2")}}\n'
    )


def kop() -> str:
    """Which packages, versions and licences the stylesheet is made of: kept in the minified file."""

    def lijst(soort: str) -> str:
        pakketten = record()["pakketten"].items()
        return ", ".join(
            f"{naam.removeprefix('@utrecht/')} {g['versie']}" for naam, g in pakketten if g["soort"] == soort
        )

    return (
        "/*! Huisstijl van de gemeente Utrecht, alleen wat deze site gebruikt (macros/uitvoer/huisstijl.py). "
        f"Design tokens, eigendom van de gemeente Utrecht (LICENSE in vendor/): @utrecht/{lijst('tokens')}. "
        f"Componenten, EUPL-1.2: @utrecht/ {lijst('component')}. Lettertype, OFL-1.1: {lijst('lettertype')}. */\n"
    )


def stijl(klassen: set[str], verwijzingen: set[str]) -> tuple[str, snoeien.Gesnoeid]:
    """The site's stylesheet of the gemeente's design system, minified, for pages that use
    `klassen` and stylesheets that read `verwijzingen`; and what the pruning kept."""
    import rcssmin

    tokens = [p.read_text(encoding="utf-8") for p in _tokenbestanden()]
    componenten = [p.read_text(encoding="utf-8") for p in bestanden("component", "dist/index.css")]
    gesnoeid = snoeien.snoei(tokens, componenten, klassen, verwijzingen)
    css = lettertype_css() + gesnoeid.tekst
    tekst = kop() + rcssmin.cssmin(css, keep_bang_comments=True) + "\n"
    if not tekst.isascii():  # a vendored rule's content: "…"; @charset must come first
        tekst = '@charset "UTF-8";\n' + tekst
    return tekst, gesnoeid


def bewaarde_stijl(klassen: set[str], verwijzingen: set[str]) -> tuple[str, snoeien.Gesnoeid]:
    """`stijl`, from the build cache when the classes and tokens the site uses, the vendored
    files and what cuts and minifies them are as in an earlier build: cutting them down took
    some 0.05 s of every build."""
    return bouwcache.waarde(
        "huisstijl",
        lambda: bouwcache.sleutel(
            "\n".join(sorted(klassen)),
            "\n".join(sorted(verwijzingen)),
            bouwcache.map_inhoud(VENDOR),
            *(Path(module).read_text(encoding="utf-8") for module in (__file__, snoeien.__file__, vendoren.__file__)),
            bouwcache.pakketten(),  # tinycss2, rcssmin
        ),
        lambda: stijl(klassen, verwijzingen),
        lambda gemaakt: json.dumps({"stijl": gemaakt[0], "gesnoeid": dataclasses.asdict(gemaakt[1])}).encode("utf-8"),
        _uit_json(lambda gelezen: (str(gelezen["stijl"]), snoeien.Gesnoeid(**gelezen["gesnoeid"]))),
    )


def gebruikt(site: Path) -> tuple[set[str], set[str]]:
    """What the built site at `site` uses: the classes its pages and scripts may put on an
    element, and the tokens its pages and stylesheets read. From the build cache when those
    files are byte for byte as in an earlier build: reading the 5 MB of words in them took
    some 0.12 s of every build."""
    eigen_stijl = site / STIJL_ADRES
    bestanden = {
        b.relative_to(site).as_posix(): b.read_bytes()
        for b in sorted(site.rglob("*"))
        if b.suffix in (".html", ".js", ".css") and b != eigen_stijl and b.is_file()
    }

    def lees() -> tuple[set[str], set[str]]:
        klassen: set[str] = set()
        verwijzingen: set[str] = set()
        for naam, ruw in bestanden.items():
            tekst = ruw.decode("utf-8", errors="replace")
            if naam.endswith((".html", ".js")):
                klassen |= snoeien.klassen_in(tekst)
            if naam.endswith((".html", ".css")):
                verwijzingen |= snoeien.verwijzingen_in(tekst)
        return klassen, verwijzingen

    return bouwcache.waarde(
        "gebruikt",
        lambda: bouwcache.sleutel(
            bouwcache.bestanden_inhoud(bestanden),
            *(Path(module).read_text(encoding="utf-8") for module in (__file__, snoeien.__file__)),
            bouwcache.pakketten(),  # Python, whose re reads the words
        ),
        lees,
        lambda gelezen: json.dumps({"klassen": sorted(gelezen[0]), "verwijzingen": sorted(gelezen[1])}).encode(),
        _uit_json(lambda bewaard: (set(bewaard["klassen"]), set(bewaard["verwijzingen"]))),
    )


def schrijf(site: Path) -> Geschreven:
    """The stylesheet and the font into the built site at `site`, made for what it uses."""
    eigen_stijl = site / STIJL_ADRES
    klassen, verwijzingen = gebruikt(site)
    tekst, gesnoeid = bewaarde_stijl(klassen, verwijzingen)
    eigen_stijl.parent.mkdir(parents=True, exist_ok=True)
    eigen_stijl.write_text(tekst, encoding="utf-8")
    (lettertype,) = bestanden("lettertype", vendoren.LETTERTYPE_SUBSET)
    doel = site / LETTERTYPE_ADRES
    doel.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(lettertype, doel)
    return Geschreven(len(tekst.encode("utf-8")), doel.stat().st_size, gesnoeid.regels, len(gesnoeid.tokens))
