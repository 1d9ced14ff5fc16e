"""Characters a data editor cannot see, or cannot tell apart, found before YAML reads a file.

Text pasted from Word or a web page brings characters along that look like a space or like
nothing at all. A non-breaking space after a colon makes `titel: Peilen` no key for YAML
although it looks the same; one in the indentation breaks the structure; a zero-width
character makes a text differ from what it shows; a line separator starts a line that YAML
counts and the editor does not, so every line number after it would be wrong. The reader
refuses them all at once, each with the line and column where it stands and the visible
text around it, so a policy officer can find what cannot be seen. Where a non-breaking space
stands decides what it breaks and so what the message says: after a key's colon the key is no
key, in the indentation the line is not indented, in running text the text is not what it
looks like; the advice always gives a line YAML reads as meant, quotes and all.

Messages quote text from the data with `aangehaald`, never with Python's repr: a repr shows an
invisible character as a code (`\\xad`) that is nowhere in the file.

Word's curly quotes are visible, but YAML does not take them for quotes: `titel: “Beperkt.”`
keeps them as part of the text, and `titel: “Beperkt: nu”` fails on the colon. The lezer
and the YAML messages name them with the same words (`gekrulde_aanhalingstekens`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

import yaml

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
    # Word puts one where it may break a word; it shows only at the end of a printed line.
    "\u00ad": "een zacht afbreekstreepje (onzichtbaar)",
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
_RECHT = str.maketrans({**dict.fromkeys("“”„‟«»", '"'), **dict.fromkeys("‘’‚‛‹›", "'")})


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
    """Every character YAML cannot read or a reader cannot see, all at once: a data editor
    who fixes one and runs the check again must not find the next one only then. A run of
    the same character (two non-breaking spaces in the indentation) is one finding, at its
    first character."""
    vondsten: list[Vondst] = []
    begin_regels = [0] + [m.end() for m in _REGELEINDE.finditer(tekst)]
    for gevonden in _NIET_TOEGESTAAN.finditer(tekst):
        index = gevonden.start()
        if index > 0 and tekst[index - 1] == tekst[index]:
            continue
        regel = _regel_van(begin_regels, index)
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


# A key as our files write them (`zeggenschap`, a question id), before its colon, after the
# indentation and any list dashes. Text such as "Let op:" or "- Stadsmakers:" is no key.
_SLEUTEL_ERVOOR = re.compile(r"^[ \t]*(?:-[ \t]+)*([a-z0-9_-]+):$")
# A line as key and value, or as a list item: indentation and dashes, the key, the value.
_REGELDELEN = re.compile(r"^([ \t]*(?:-[ \t]+)*)(?:([a-z0-9_-]+):[ \t]+)?(.*?)[ \t]*$")


def delen(patroon: re.Pattern[str], regel: str) -> re.Match[str]:
    """A line split into its parts by a pattern that fits every line it is given (indentation,
    key, value). That it does not fit is a mistake in the pattern, not in the data."""
    gevonden = patroon.match(regel)
    if gevonden is None:
        raise ValueError(f"het patroon {patroon.pattern!r} past niet op de regel {regel!r}")
    return gevonden


def _vondst(regel_tekst: str, regel: int, positie: int) -> Vondst:
    teken = regel_tekst[positie]
    plek = f"op regel {regel}, kolom {positie + 1}"
    if teken in HARDE_SPATIES:
        return Vondst(regel, positie + 1, _harde_spatie(regel_tekst, positie, plek))
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


def _harde_spatie(regel_tekst: str, positie: int, plek: str) -> str:
    """A non-breaking space: what it breaks depends on where it stands, and so does the advice."""
    wat = naam(regel_tekst[positie])
    ervoor = regel_tekst[:positie]
    if not ervoor.strip(" -" + "".join(HARDE_SPATIES)):
        return (
            f"{plek} staat {wat} in de inspringing. YAML telt die niet als spatie, dus de regel springt "
            "niet goed in. Haal de spaties aan het begin van de regel weg en typ ze opnieuw, als gewone spaties"
        )
    herstel = _regel_die_yaml_leest(regel_tekst)
    if sleutel := _SLEUTEL_ERVOOR.match(ervoor):
        bericht = (
            f"{plek} staat na de dubbele punt {wat} in plaats van een gewone spatie. Dan leest YAML "
            f"{aangehaald(sleutel[1])} niet als sleutel, maar de hele regel als één tekst. Haal de spatie na "
            f"{aangehaald(sleutel[1] + ':')} weg en typ een gewone spatie"
        )
    else:
        bericht = (
            f"{plek} staat {wat} in de tekst{_tussen(regel_tekst, positie)}, meestal meegekomen bij kopiëren "
            "uit Word of een website. YAML leest hem als een letter, dus de tekst is anders dan hij lijkt (zoeken "
            "vindt hem niet). Vervang hem door een gewone spatie: haal hem weg en typ een spatie"
        )
    if herstel is None:
        return bericht
    waarom, regel = herstel
    return f"{bericht}. Zet de tekst daarna ook tussen aanhalingstekens: {waarom}. De regel wordt dan: {regel}"


def _regel_die_yaml_leest(regel_tekst: str) -> Optional[tuple[str, str]]:
    """Why the text of the line needs quotes once its spaces are ordinary ones, and the line
    with them (`zeggenschap: "Let op: beperkt."`); None when ordinary spaces are enough."""
    gewoon = "".join(" " if t in HARDE_SPATIES else "" if t in ZONDER_BREEDTE else t for t in regel_tekst)
    inspringing, sleutel, waarde = delen(_REGELDELEN, gewoon).groups()
    if not (sleutel or "-" in inspringing):
        return None  # a line of a longer text: in a block (> or |) a colon is text
    if not waarde or waarde[0] in "\"'>|{[" or leest_als_tekst(waarde):
        return None
    if re.search(r":( |$)", waarde):
        waarom = "een dubbele punt met een spatie erna leest YAML midden in een tekst als een nieuwe sleutel"
    elif " #" in waarde:
        waarom = "YAML leest alles vanaf ' #' als commentaar"
    else:
        waarom = "zonder aanhalingstekens leest YAML deze tekst niet als tekst"
    regel = f"{inspringing.strip()} {sleutel + ': ' if sleutel else ''}{rechte_aanhalingstekens(waarde)}".strip()
    return waarom, regel


def leest_als_tekst(waarde: str) -> bool:
    """Whether YAML reads `waarde`, written after a key without quotes, as exactly that text."""
    try:
        gelezen: object = yaml.safe_load(f"t: {waarde}")
        return gelezen == {"t": waarde}
    except yaml.YAMLError:
        return False


def aangehaald(tekst: object) -> str:
    """Text from the data between single quotes in a message, as a data editor sees it: on one
    line, without the characters nobody can see (Python's repr would show them as codes such as
    \\xad, which are nowhere in the file)."""
    zichtbaar = "".join(t for t in " ".join(str(tekst).split()) if t.isprintable())
    return f"'{zichtbaar}'"


def _tussen(regel_tekst: str, positie: int) -> str:
    """Where the character stands, in the visible words around it: ", tussen 'Pei' en 'len'"."""
    zichtbaar = _woorden(_zoals_te_zien(regel_tekst[:positie]).lstrip(" -"), van_achter=True)
    erna = _woorden(_zoals_te_zien(regel_tekst[positie + 1 :]).rstrip(), van_achter=False)
    if zichtbaar and erna:
        return f", tussen {aangehaald(zichtbaar)} en {aangehaald(erna)}"
    if zichtbaar:
        return f", aan het eind van de regel, na {aangehaald(zichtbaar)}"
    if erna:
        return f", vóór {aangehaald(erna)}"
    return ""


def _zoals_te_zien(tekst: str) -> str:
    """Text as an editor shows it: a non-breaking space looks like a space, the rest like nothing."""
    return _NIET_TOEGESTAAN.sub(lambda m: " " if m[0] in HARDE_SPATIES else "", tekst)


def _woorden(tekst: str, van_achter: bool, lengte: int = 20) -> str:
    """At most `lengte` characters of `tekst` next to the character, whole words only (a word
    cut in two is hard to find), unless one word is already longer."""
    if len(tekst) <= lengte:
        return tekst
    if van_achter:
        stuk, afgebroken = tekst[-lengte:], tekst[-lengte - 1] != " "
        heel = stuk.split(" ", 1)[1] if afgebroken and " " in stuk else stuk
    else:
        stuk, afgebroken = tekst[:lengte], tekst[lengte] != " "
        heel = stuk.rsplit(" ", 1)[0] if afgebroken and " " in stuk else stuk
    return heel.strip()


def gekrulde_aanhalingstekens(waarde: str, waar: str) -> Optional[str]:
    """The message for a text that begins with one of Word's curly quotes, with the straight
    quotes it should have; None when the text does not begin with one. `waar` is where it
    stands, in words ("op regel 12, kolom 9")."""
    if not waarde or waarde[0] not in GEKRULD:
        return None
    binnen = waarde[1:].rstrip()
    if binnen and binnen[-1] in GEKRULD:
        binnen = binnen[:-1]
    if any(t in GEKRULD for t in binnen):
        # The closing quote stands inside the text ("“Omgevingsvisie” van de stad"): every curly
        # quote becomes a straight one, and the whole text goes between quotes, else YAML reads
        # the text after the closing quote as a mistake.
        recht = (
            "Zet rechte aanhalingstekens in de plaats van de gekrulde, en de hele tekst tussen aanhalingstekens: "
            + rechte_aanhalingstekens(waarde.translate(_RECHT))
        )
    else:
        recht = f"Zet rechte aanhalingstekens in de plaats van de gekrulde: {rechte_aanhalingstekens(binnen)}"
    return (
        f"{waar} begint de tekst met een gekruld aanhalingsteken ({waarde[0]}), zoals Word dat typt. YAML kent "
        f"alleen rechte aanhalingstekens (\" en '), dus leest het gekrulde teken als een gewone letter. {recht}. "
        "Hoort het gekrulde teken echt bij de tekst, zoals bij een citaat? Zet dan de hele tekst tussen rechte "
        "aanhalingstekens: "
        f"{rechte_aanhalingstekens(waarde)}"
    )


def rechte_aanhalingstekens(tekst: str, lengte: int = 60) -> str:
    """`tekst` between straight quotes as YAML reads them, shortened for a message."""
    if len(tekst) > lengte:
        tekst = tekst[: lengte - 1].rstrip() + "…"
    if '"' not in tekst and "\\" not in tekst:
        return f'"{tekst}"'
    return "'" + tekst.replace("'", "''") + "'"
