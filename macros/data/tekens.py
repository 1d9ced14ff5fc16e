"""Characters a data editor cannot see, or cannot tell apart, found before YAML reads a file.

Text pasted from Word or a web page brings characters along that look like a space or like
nothing at all. A non-breaking space after a colon makes `titel: Peilen` no key for YAML
although it looks the same; one in the indentation breaks the structure; a zero-width
character makes a text differ from what it shows; a line separator starts a line that YAML
counts and the editor does not, so every line number after it would be wrong. The reader
refuses them all with the line and column where they stand and the visible text around
them, so a policy officer can find what cannot be seen.

Word's curly quotes are visible, but YAML does not take them for quotes: `titel: “Beperkt.”`
keeps them as part of the text, and `titel: “Beperkt: nu”` fails on the colon. The lezer
and the YAML messages name them with the same words (`gekrulde_aanhalingstekens`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

# Spaces that do not break a line. YAML reads them as text, never as a space.
HARDE_SPATIES = {
    "\u00a0": "een harde spatie (onzichtbaar)",
    "\u202f": "een smalle harde spatie (onzichtbaar)",
    "\u2007": "een harde cijferspatie (onzichtbaar)",
}
# Characters without width: nothing shows where they stand.
ZONDER_BREEDTE = {
    "\u200b": "een spatie zonder breedte (onzichtbaar, U+200B)",
    "\u200c": "een onzichtbaar scheidingsteken zonder breedte (U+200C)",
    "\u200d": "een onzichtbaar verbindingsteken zonder breedte (U+200D)",
    "\u2060": "een onzichtbare woordverbinder (U+2060)",
    "\ufeff": "een onzichtbaar BOM-teken (U+FEFF)",
}
# Line breaks YAML counts and most editors do not show as one.
REGELOVERGANGEN = {
    "\u2028": "een onzichtbare regelovergang (U+2028)",
    "\u2029": "een onzichtbare alinea-overgang (U+2029)",
    "\x85": "een onzichtbare regelovergang (U+0085)",
}
# What YAML may contain at all (YAML 1.1, 5.1 "Character Set", as PyYAML's reader checks
# it), and the line breaks above, which the set allows but we do not.
_NIET_TOEGESTAAN = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|["
    + "".join(HARDE_SPATIES)
    + "".join(ZONDER_BREEDTE)
    + "".join(REGELOVERGANGEN)
    + "]"
)
_REGELEINDE = re.compile(r"\r\n|\r|\n")

# The quotes Word types instead of " and ': opening and closing, Dutch, English and French.
GEKRULD = "“”„‟‘’‚‛«»‹›"


@dataclass(frozen=True)
class Vondst:
    """One line with a character that cannot stay: where and what to do, in Dutch."""

    regel: int  # from 1
    kolom: int  # from 1, in characters, as an editor counts them
    bericht: str


def naam(teken: str) -> str:
    """What a data editor calls the character, with its code so it can be looked up."""
    for namen in (HARDE_SPATIES, ZONDER_BREEDTE, REGELOVERGANGEN):
        if teken in namen:
            return namen[teken]
    return f"een onzichtbaar stuurteken (U+{ord(teken):04X})"


def onzichtbare_tekens(tekst: str) -> list[Vondst]:
    """Every line with a character YAML cannot read or a reader cannot see, the first such
    character of the line (one message per line: a pasted paragraph may have dozens)."""
    vondsten: list[Vondst] = []
    begin_regels = [0] + [m.end() for m in _REGELEINDE.finditer(tekst)]
    gezien: set[int] = set()
    for gevonden in _NIET_TOEGESTAAN.finditer(tekst):
        index = gevonden.start()
        regel = _regel_van(begin_regels, index)
        if regel in gezien:
            continue
        gezien.add(regel)
        begin = begin_regels[regel - 1]
        eind = begin_regels[regel] if regel < len(begin_regels) else len(tekst)
        vondsten.append(_vondst(tekst[begin:eind].rstrip("\r\n"), regel, index - begin))
    return vondsten


def _regel_van(begin_regels: list[int], index: int) -> int:
    laag, hoog = 0, len(begin_regels)
    while hoog - laag > 1:
        midden = (laag + hoog) // 2
        if begin_regels[midden] <= index:
            laag = midden
        else:
            hoog = midden
    return laag + 1


def _vondst(regel_tekst: str, regel: int, positie: int) -> Vondst:
    teken = regel_tekst[positie]
    plek = f"op regel {regel}, kolom {positie + 1}"
    ervoor = regel_tekst[:positie]
    if teken in HARDE_SPATIES:
        wat = naam(teken)
        if not ervoor.strip(" -" + "".join(HARDE_SPATIES)):
            return Vondst(
                regel,
                positie + 1,
                f"{plek} staat {wat} in de inspringing. YAML telt die niet als spatie, dus de regel springt "
                "niet goed in. Haal de spaties aan het begin van de regel weg en typ ze opnieuw, als gewone spaties",
            )
        if ervoor.endswith(":"):
            return Vondst(
                regel,
                positie + 1,
                f"{plek} staat na de dubbele punt {wat} in plaats van een gewone spatie. Dan leest YAML de "
                f"sleutel ervoor niet als sleutel. Haal de spatie na {ervoor.strip()!r} weg en typ een gewone spatie",
            )
        return Vondst(
            regel,
            positie + 1,
            f"{plek} staat {wat} in de tekst{_tussen(regel_tekst, positie)}, meestal meegekomen bij kopiëren "
            "uit Word of een website. Vervang hem door een gewone spatie: haal hem weg en typ een spatie",
        )
    if teken in ZONDER_BREEDTE or teken in REGELOVERGANGEN:
        # Some editors write one at the very start of a file; lees_tekst takes that one away.
        alleen_vooraan = " Zo'n teken hoort alleen helemaal aan het begin van een bestand." if teken == "\ufeff" else ""
        return Vondst(
            regel,
            positie + 1,
            f"{plek} staat {naam(teken)}{_tussen(regel_tekst, positie)}.{alleen_vooraan} Het komt meestal mee bij kopiëren "
            "uit Word of een website; u ziet het niet, maar de tekst is daardoor anders dan hij lijkt. Haal het "
            "weg: typ de woorden eromheen opnieuw",
        )
    return Vondst(
        regel,
        positie + 1,
        f"{plek} staat {naam(teken)}{_tussen(regel_tekst, positie)}; YAML kan zo'n teken niet lezen. Het komt "
        "meestal mee bij kopiëren uit een andere toepassing. Haal het weg: typ de woorden eromheen opnieuw",
    )


def _tussen(regel_tekst: str, positie: int) -> str:
    """Where the character stands, in the visible text around it: ", tussen 'Pei' en 'len'"."""
    zichtbaar = _NIET_TOEGESTAAN.sub("", regel_tekst[:positie]).lstrip()[-12:]
    erna = _NIET_TOEGESTAAN.sub("", regel_tekst[positie + 1 :]).rstrip()[:12]
    if zichtbaar and erna:
        return f", tussen {zichtbaar!r} en {erna!r}"
    if zichtbaar:
        return f", aan het eind van de regel, na {zichtbaar!r}"
    if erna:
        return f", vóór {erna!r}"
    return ""


def gekrulde_aanhalingstekens(waarde: str, waar: str) -> Optional[str]:
    """The message for a text that begins with one of Word's curly quotes, with the straight
    quotes it should have; None when the text does not begin with one. `waar` is where it
    stands, in words ("op regel 12, kolom 9")."""
    if not waarde or waarde[0] not in GEKRULD:
        return None
    binnen = waarde[1:].rstrip()
    if binnen and binnen[-1] in GEKRULD:
        binnen = binnen[:-1]
    return (
        f"{waar} begint de tekst met een gekruld aanhalingsteken ({waarde[0]}), zoals Word dat typt. YAML kent "
        f"alleen rechte aanhalingstekens (\" en '), dus leest het gekrulde teken als een gewone letter. Zet rechte "
        f"aanhalingstekens in de plaats van de gekrulde: {rechte_aanhalingstekens(binnen)}. Hoort het gekrulde "
        f"teken echt bij de tekst, zoals bij een citaat? Zet dan de hele tekst tussen rechte aanhalingstekens: "
        f"{rechte_aanhalingstekens(waarde)}"
    )


def rechte_aanhalingstekens(tekst: str, lengte: int = 60) -> str:
    """`tekst` between straight quotes as YAML reads them, shortened for a message."""
    if len(tekst) > lengte:
        tekst = tekst[: lengte - 1].rstrip() + "…"
    if '"' not in tekst and "\\" not in tekst:
        return f'"{tekst}"'
    return "'" + tekst.replace("'", "''") + "'"
