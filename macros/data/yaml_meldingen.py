"""The YAML parser's errors in the words of the people who edit the data, at the right place.

libyaml says "could not find expected ':'" at the line *after* the mistake and "found
unexpected end of stream" at the end of the file for a quote opened on line 2; a policy
officer needs "op regel 2, kolom 7 ontbreekt een dubbele punt" and the place where the quote
opens. Every message of the parser, of libyaml (the C parser the lezer uses when PyYAML has
it) and of PyYAML's own Python parser, belongs to one kind (`SOORTEN`) with a Dutch message
that names line and column and says what to do. What the parser said in English never
reaches the data editor: a message no kind recognises gets the general Dutch message
(`ONBEKEND`), and tests/test_yaml_meldingen.py fails when the installed PyYAML or libyaml
has a message no kind recognises.

Where the parser stops at a list item, the message speaks of what the data editor sees: a
dash that stands further in or out than the dashes of the other items (at the dash that is
wrong, which is not always the line the parser names), or a bullet from Word, an en dash or a
dash without a space where a list item begins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

import yaml

from . import tekens
from .regelpad import LIJSTTEKENS

INSPRINGEN = (
    "klopt de inspringing niet: de regel staat verder of minder ver in dan de regels eromheen. "
    "Gebruik spaties (geen tabs), steeds twee per niveau, en zet een sleutel recht onder de sleutel ervoor"
)
# A list item begins with a dash and a space; Word's bullet, a dash of another length or a
# dash without a space is text to YAML.
_LIJSTTEKEN = re.compile(r"^(\s*)(?:([" + LIJSTTEKENS + r"])\s*|-(?=[^\s-]))(\S.*)?$")
ONBEKEND = "onbekend"


@dataclass(frozen=True)
class Melding:
    regel: Optional[int]  # from 1
    kolom: Optional[int]  # from 1
    bericht: str
    soort: str  # the kind of problem (a key of SOORTEN, or ONBEKEND)


@dataclass(frozen=True)
class _Soort:
    """A kind of parser error: the English phrases (of libyaml and of PyYAML) that say it,
    in the problem or in the context of the error, and which mark shows where it is."""

    naam: str
    probleem: Optional[str] = None  # a regular expression on the problem
    context: Optional[str] = None  # a regular expression on the context
    bij_begin: bool = False  # the mistake is where the context starts (a quote, a key)


# The first kind whose phrase is in the problem or the context wins: the specific before the
# general (an escape code in a quoted text is "code", anything else there an open quote). One
# phrase often covers both parsers: libyaml's "did not find expected key" and PyYAML's
# "expected <block end>, but found ..." are both "inspringing".
SOORTEN = (
    _Soort("tab", r"tab character|'\\t'"),
    _Soort("nesting", r"nesting", r"increasing (flow|block) level|^while parsing$"),
    _Soort(
        "richtlijn",
        r"directive|version number|incompatible YAML|digit|non-alphabetical|duplicate tag handle",
        r"directive",
        bij_begin=True,
    ),
    _Soort(
        "label",
        r"'!'|'>'|\bURI\b|tag handle|incorrect (leading|trailing) UTF-8|whitespace|expected ' '",
        r"\btag\b",
        bij_begin=True,
    ),
    _Soort("code", r"escape character|escape sequence|hexdecimal number|Unicode character escape"),
    _Soort("aanhalingsteken-open", r"end of stream", r"quoted scalar", bij_begin=True),
    _Soort("anker", r"alias|anchor|alphabetic or numeric|second occurrence", r"anchor|alias", bij_begin=True),
    _Soort("blok", r"indentation indicator|chomping|comment or (a )?line break", r"block scalar", bij_begin=True),
    _Soort("tweede-document", r"document", r"single document"),
    # Asked for before the parser reads a character; no file can cause it. The general message.
    _Soort("begin", r"stream-start"),
    _Soort("dubbele-punt-ontbreekt", r"could not find expected ':'", r"simple key", bij_begin=True),
    _Soort("dubbele-punt", r"mapping values are not allowed|unexpected ':'", r"plain scalar"),
    _Soort("lijst-hier-niet", r"sequence entries are not allowed"),
    _Soort("vraagteken", r"mapping keys are not allowed"),
    _Soort("haakjes", r"',' or '[\]}]'", r"flow (sequence|mapping|node)", bij_begin=True),
    _Soort("waarde-ontbreekt", r"node content"),
    _Soort("inspringing", r"expected key|<block end>|'-' indicator", r"block (mapping|collection|node)|a node$"),
    _Soort("beginteken", r"cannot start any token", r"next token"),
    _Soort("leesfout", r"characters are not allowed|UTF-8|UTF-16|surrogate|input error|input is too long|^invalid"),
)


def herken(probleem: Optional[str], context: Optional[str]) -> str:
    """The kind of a parser error: the first kind whose phrase is in the problem or the
    context; ONBEKEND if none."""
    for soort in SOORTEN:
        for tekst, patroon in ((probleem, soort.probleem), (context, soort.context)):
            if tekst and patroon and re.search(patroon, tekst):
                return soort.naam
    return ONBEKEND


def plek(regel: Optional[int], kolom: Optional[int]) -> str:
    if regel is None:
        return "in dit bestand"
    return f"op regel {regel}, kolom {kolom}" if kolom is not None else f"op regel {regel}"


def vertaal(fout: BaseException, tekst: str) -> Melding:
    """The Dutch message for an error the parser raised while reading `tekst`."""
    if isinstance(fout, RecursionError):  # PyYAML's Python parser on deep nesting
        return Melding(None, None, _bericht("nesting", None, None, ""), "nesting")
    if isinstance(fout, yaml.reader.ReaderError):
        regel, kolom = _reader_plek(fout, tekst)
        return Melding(regel, kolom, _bericht("leesfout", regel, kolom, _regel(tekst, regel)), "leesfout")
    regels = tekst.splitlines()
    plek_probleem = getattr(fout, "problem_mark", None)
    plek_context = getattr(fout, "context_mark", None)
    if (melding := _wat_de_parser_niet_ziet(regels, plek_probleem, plek_context)) is not None:
        return melding
    soort = herken(getattr(fout, "problem", None), getattr(fout, "context", None))
    if soort in _PER_NAAM and _PER_NAAM[soort].bij_begin:
        mark = plek_context or plek_probleem
    else:
        mark = plek_probleem or plek_context
    return _melding(soort, regels, mark)


_PER_NAAM = {soort.naam: soort for soort in SOORTEN}


def _wat_de_parser_niet_ziet(regels: list[str], plek_probleem, plek_context) -> Optional[Melding]:
    """What the parser cannot say, read from the line it stopped at: a quote from Word where a
    text begins, a list item begun with a bullet or another dash, a tab in the indentation,
    text after a closing quote."""
    for mark in (plek_probleem, plek_context):
        if (gekruld := _gekrulde_aanhalingstekens(regels, mark)) is not None:
            return gekruld
    for mark in (plek_context, plek_probleem):
        if (lijstteken := _lijstteken(regels, mark)) is not None:
            return lijstteken
    regel_tekst = _regel_tekst(regels, plek_probleem)
    if plek_probleem is not None and "\t" in regel_tekst[: plek_probleem.column + 1]:
        regel, kolom = plek_probleem.line + 1, regel_tekst.index("\t") + 1
        return Melding(regel, kolom, _bericht("tab", regel, kolom, regel_tekst), "tab")
    return _tekst_na_aanhalingsteken(regels, plek_probleem)


def _melding(soort: str, regels: list[str], mark) -> Melding:
    """The message of a kind, at `mark`; where the parser's mark is not where the mistake is
    (a colon missing a line earlier, a line that starts too far in), at the mistake."""
    regel = mark.line + 1 if mark is not None else None
    kolom = mark.column + 1 if mark is not None else None
    if soort == "dubbele-punt" and mark is not None and not _dubbele_punt_in_tekst(regels, mark):
        soort = "inspringing"
    if soort == "inspringing" and (zonder := _sleutel_zonder_dubbele_punt(regels, mark)) is not None:
        soort, (regel, kolom) = "dubbele-punt-ontbreekt", zonder
    elif soort == "inspringing" and mark is not None:
        regel_tekst = _regel_tekst(regels, mark)
        kolom = len(regel_tekst) - len(regel_tekst.lstrip(" ")) + 1  # where the line's indentation ends
        if re.match(r"-(\s|$)", regel_tekst.lstrip(" ")):
            return _streepje_springt_anders(regels, mark.line, kolom)
    regel_tekst = regels[regel - 1] if regel is not None and 0 < regel <= len(regels) else ""
    return Melding(regel, kolom, _bericht(soort, regel, kolom, regel_tekst), soort)


def _streepje_springt_anders(regels: list[str], index: int, kolom: int) -> Melding:
    """A list item whose dash stands further in or out than the dashes of the other items: the
    mistake is the dash. The parser stops at the second of two dashes that differ; when that one
    stands where our files put a list (two spaces further in than its key), the first is wrong."""
    regel = index + 1
    ander, sleutel = _streepje_erboven(regels, index)
    if ander is not None and sleutel is not None and kolom == sleutel + 2 and ander[1] != kolom:
        (regel, kolom), ander = ander, (regel, kolom)
    onder = f" (kolom {ander[1]}, zoals op regel {ander[0]})" if ander and ander[1] != kolom else ""
    return Melding(
        regel,
        kolom,
        MELDINGEN["streepje-inspringing"].format(waar=plek(regel, kolom), onder=onder),
        "streepje-inspringing",
    )


def _streepje_erboven(regels: list[str], index: int) -> tuple[Optional[tuple[int, int]], Optional[int]]:
    """Line and column of the dash of the other items of the list line `index` is meant for:
    of the dashes above it, up to the key the list belongs to, the nearest of those furthest out
    (a list inside an item stands further in). And the column of that key."""
    eigen = len(regels[index]) - len(regels[index].lstrip(" "))
    streepjes: list[tuple[int, int]] = []
    sleutel = None
    for i in range(index - 1, -1, -1):
        inhoud = regels[i].lstrip(" ")
        inspringing = len(regels[i]) - len(inhoud)
        if not inhoud.strip() or inhoud.startswith("#"):
            continue
        if re.match(r"-(\s|$)", inhoud):
            streepjes.append((i + 1, inspringing + 1))
        elif inspringing <= eigen:
            sleutel = inspringing + 1 if inhoud.rstrip().endswith(":") else None
            break
    if not streepjes:
        return None, sleutel
    verst = min(k for _, k in streepjes)
    return next(s for s in streepjes if s[1] == verst), sleutel


def _lijstteken(regels: list[str], mark) -> Optional[Melding]:
    """`• peiling`, `– peiling` or `-peiling` among the items of a list: a list item written
    wrongly, which YAML reads as text where a key should stand."""
    if mark is None or mark.line >= len(regels):
        return None
    gevonden = _LIJSTTEKEN.match(regels[mark.line])
    if gevonden is None or not _naast_een_lijst(regels, mark.line, len(gevonden[1])):
        return None
    regel, kolom = mark.line + 1, len(gevonden[1]) + 1
    return Melding(regel, kolom, lijstteken_bericht(regel, kolom, gevonden[2], gevonden[3] or ""), "lijstteken")


def lijstteken_bericht(regel: int, kolom: int, teken: Optional[str], tekst: str) -> str:
    """The message for a list item that begins with `teken` (None: a dash without a space)."""
    begin = f"met '{teken}'" if teken else "met een streepje zonder spatie erna"
    return MELDINGEN["lijstteken"].format(waar=plek(regel, kolom), begin=begin, voorbeeld=f"- {tekst}".rstrip())


def _naast_een_lijst(regels: list[str], index: int, inspringing: int) -> bool:
    """Whether the nearest line above or below (blank lines and comments aside) is an item of
    a list at the same indentation: then the line was meant as one too."""
    for stap in (-1, 1):
        i = index + stap
        while 0 <= i < len(regels) and (not regels[i].strip() or regels[i].lstrip().startswith("#")):
            i += stap
        if 0 <= i < len(regels):
            inhoud = regels[i].lstrip(" ")
            if len(regels[i]) - len(inhoud) == inspringing and re.match(r"-(\s|$)", inhoud):
                return True
    return False


def _regel_tekst(regels: list[str], mark) -> str:
    return regels[mark.line] if mark is not None and mark.line < len(regels) else ""


def _regel(tekst: str, regel: Optional[int]) -> str:
    regels = tekst.splitlines()
    return regels[regel - 1] if regel is not None and 0 < regel <= len(regels) else ""


def _reader_plek(fout: yaml.reader.ReaderError, tekst: str) -> tuple[Optional[int], Optional[int]]:
    """Line and column of a character the reader refused. PyYAML's Python reader counts
    characters; libyaml counts bytes of the UTF-8 text."""
    positie = fout.position
    if not (0 <= positie < len(tekst) and ord(tekst[positie]) == fout.character):
        positie = len(tekst.encode("utf-8")[: fout.position].decode("utf-8", errors="ignore"))
    voor = tekst[:positie]
    regel = len(re.findall(r"\r\n|\r|\n", voor)) + 1
    begin = max(voor.rfind("\n"), voor.rfind("\r")) + 1
    return regel, positie - begin + 1


_WAARDE_BEGINT = re.compile(r"^(\s*(?:-\s+)*(?:[^\s#'\"{\[][^#]*?:\s+)?(?:-\s+)?)([" + tekens.GEKRULD + "])")


def _gekrulde_aanhalingstekens(regels: list[str], mark) -> Optional[Melding]:
    """`titel: “Beperkt: nu”`: the text begins with a curly quote, which YAML reads as a letter,
    so the colon after it starts a key. The mistake is the quote, not the colon."""
    if mark is None:
        return None
    regel_tekst = _regel_tekst(regels, mark)
    gevonden = _WAARDE_BEGINT.match(regel_tekst)
    if gevonden is None or gevonden.start(2) > mark.column:
        return None
    waarde = regel_tekst[gevonden.start(2) :].rstrip()
    regel, kolom = mark.line + 1, gevonden.start(2) + 1
    bericht = tekens.gekrulde_aanhalingstekens(waarde, plek(regel, kolom))
    return Melding(regel, kolom, bericht, "gekrulde-aanhalingstekens") if bericht is not None else None


def _tekst_na_aanhalingsteken(regels: list[str], mark) -> Optional[Melding]:
    """`titel: "Peilen" in de wijk`: text after the closing quote. The parser says it expected a key."""
    if mark is None:
        return None
    regel_tekst = _regel_tekst(regels, mark)
    ervoor = regel_tekst[: mark.column].rstrip()
    if not ervoor or ervoor[-1] not in "\"'" or mark.column >= len(regel_tekst):
        return None
    if not re.match(r"^\s*(?:-\s+)*(?:[^\s#'\"][^#]*?:\s+)?([\"']).*\1$", ervoor):
        return None
    regel, kolom = mark.line + 1, mark.column + 1
    delen = tekens.delen(_SLEUTEL_EN_WAARDE, regel_tekst)
    waarde = delen[3]
    sluit = waarde.find(waarde[0], 1)
    heel = tekens.rechte_aanhalingstekens(waarde[1:sluit] + waarde[sluit + 1 :])
    return Melding(
        regel,
        kolom,
        f"{plek(regel, kolom)} staat nog tekst na het aanhalingsteken dat de tekst sluit. Zet de aanhalingstekens "
        f"om de hele tekst: {delen[2] + ': ' if delen[2] else ''}{heel}",
        "tekst-na-aanhalingsteken",
    )


_INHOUD = re.compile(r"^(\s*(?:-\s+)*)(\S.*)$")
_SLEUTEL = re.compile(r"[^\s:#'\"][^:#]*:(\s|$)")


def _sleutel_zonder_dubbele_punt(regels: list[str], mark) -> Optional[tuple[int, int]]:
    """`titel Peilen` above `samenwerkingsvorm: true`: the parser reads the two lines as one
    text and fails on the second, as if its indentation were wrong. When the line above stands
    where a key stands (a key at the same depth further up, or it is the first line under a
    key that opens a block, or of the file) and has no colon, the colon is missing there.
    Line and column of that line's key, or None."""
    if mark is None or mark.line >= len(regels):
        return None
    diepte = _diepte(regels[mark.line])
    boven = [i for i in range(mark.line - 1, -1, -1) if regels[i].strip() and not regels[i].lstrip().startswith("#")]
    if not boven or _diepte(regels[boven[0]]) != diepte or ":" in regels[boven[0]]:
        return None
    if regels[boven[0]].lstrip().startswith("-"):
        return None
    for i in boven[1:]:
        inhoud = tekens.delen(_INHOUD, regels[i])  # a line with content: `boven` has no others
        if len(inhoud[1]) == diepte:
            return (boven[0] + 1, diepte + 1) if _SLEUTEL.match(inhoud[2]) else None
        if len(inhoud[1]) < diepte:
            opent_blok = _SLEUTEL.match(inhoud[2]) and inhoud[2].rstrip().endswith(":")
            return (boven[0] + 1, diepte + 1) if opent_blok else None
    return (boven[0] + 1, diepte + 1) if diepte == 0 else None


def _diepte(regel: str) -> int:
    """Where a line's content begins, after its indentation and list dashes."""
    inhoud = _INHOUD.match(regel)
    return len(inhoud[1]) if inhoud else len(regel)


def _dubbele_punt_in_tekst(regels: list[str], mark) -> bool:
    """A colon in a text on the same line as its key (`eigenaar: Gemeente: altijd`), rather than
    a line that is indented too far and so reads as part of the text above."""
    return re.match(r"^\s*-?\s*[\w-]+: [^\"'].*: ", _regel_tekst(regels, mark) + " ") is not None


def _bericht(soort: str, regel: Optional[int], kolom: Optional[int], regel_tekst: str) -> str:
    teken = regel_tekst[kolom - 1 : kolom] if kolom else ""
    return MELDINGEN.get(soort, MELDINGEN[ONBEKEND]).format(
        waar=plek(regel, kolom),
        teken=repr(teken),
        naam=tekens.naam(teken) if teken else "een onzichtbaar teken",
        sluitteken=teken if teken in ('"', "'") else "\" of '",
        begin="een sterretje (*)" if teken == "*" else "een ampersand (&)",
        voorbeeld=_vanaf_hier_tussen_aanhalingstekens(regel_tekst, kolom),
        waarde=_waarde_tussen_aanhalingstekens(regel_tekst),
    )


_SLEUTEL_EN_WAARDE = re.compile(r"^(\s*(?:-\s+)*)(?:([^\s#'\"{\[][^#]*?):\s+)?(.*?)\s*$")


def _waarde_tussen_aanhalingstekens(regel_tekst: str) -> str:
    """The line with its value between straight quotes: `eigenaar: "Gemeente: altijd"`."""
    delen = _SLEUTEL_EN_WAARDE.match(regel_tekst)
    if delen is None or not delen[3]:
        return 'titel: "Tekst: met dubbele punt"'
    return f"{delen[1].strip()} {delen[2] + ': ' if delen[2] else ''}{tekens.rechte_aanhalingstekens(delen[3])}".strip()


def _vanaf_hier_tussen_aanhalingstekens(regel_tekst: str, kolom: Optional[int]) -> str:
    """The line with the text from the column on between straight quotes: `titel: "*Nieuw* Peilen"`."""
    if not kolom or not regel_tekst[kolom - 1 :].strip():
        return _waarde_tussen_aanhalingstekens(regel_tekst)
    return (regel_tekst[: kolom - 1] + tekens.rechte_aanhalingstekens(regel_tekst[kolom - 1 :].rstrip())).strip()


# Per kind, what the data editor reads. {waar} is "op regel 12, kolom 9"; {teken} the
# character there.
MELDINGEN = {
    "tab": "{waar} staat een tab; YAML springt in met spaties. Vervang de tab door spaties (twee per niveau)",
    "nesting": (
        "{waar} staan te veel haakjes [ of {{ in elkaar, of te veel niveaus van inspringen. Zo diep gaat geen "
        "van onze bestanden: kijk of er per ongeluk iets is geplakt"
    ),
    "richtlijn": (
        "{waar} begint een regel met een procentteken (%). YAML leest zo'n regel als een aanwijzing voor de "
        "lezer (zoals %YAML 1.1). Staat hij er per ongeluk? Haal hem weg. Hoort het % bij een tekst? Zet de "
        "tekst dan tussen aanhalingstekens"
    ),
    "label": (
        "{waar} begint een waarde met een uitroepteken (!). YAML leest dat als een aanwijzing voor het soort "
        "waarde. Zet de tekst tussen aanhalingstekens: {voorbeeld}"
    ),
    "code": (
        "{waar} staat een schuine streep (\\) met een teken erna dat YAML niet kent. Tussen dubbele "
        "aanhalingstekens begint \\ een code. Bedoelt u een gewone schuine streep? Schrijf hem dan dubbel "
        "(\\\\), of zet de tekst tussen enkele aanhalingstekens (')"
    ),
    "aanhalingsteken-open": (
        "de aanhalingstekens die {waar} openen, worden nergens gesloten; zet aan het eind van de tekst "
        "hetzelfde teken ({sluitteken})"
    ),
    "anker": (
        "{waar} begint een waarde met {begin}. YAML leest dat als een anker of een verwijzing ernaar. Zet de "
        "tekst tussen aanhalingstekens: {voorbeeld}"
    ),
    "blok": (
        "{waar} staat iets na > of | dat YAML daar niet verwacht. Na > of | mag op dezelfde regel alleen - of + "
        "staan; de tekst begint op de volgende regel, verder ingesprongen"
    ),
    "tweede-document": (
        "{waar} begint een tweede stuk YAML in dit bestand: na een regel met --- of ... (of een regel die met "
        "% begint) leest YAML een nieuw bestand. Haal die regel weg. Hoort hij bij een tekst? Zet de tekst dan "
        "tussen aanhalingstekens"
    ),
    "dubbele-punt-ontbreekt": (
        "{waar} ontbreekt een dubbele punt na de sleutel, zoals in 'titel: Peilen' (of de regel hoort bij de "
        "tekst erboven en springt niet ver genoeg in)"
    ),
    "dubbele-punt": (
        "{waar} staat een dubbele punt midden in de tekst; YAML leest die als een nieuwe sleutel. Zet de tekst "
        "tussen aanhalingstekens: {waarde}"
    ),
    "lijst-hier-niet": (
        "{waar} staat een streepje (-) van een lijst op een plek waar geen lijst kan beginnen. Zet elk punt van "
        "een lijst op een eigen regel onder de sleutel, verder ingesprongen: 'voorbeelden:' en op de regel "
        "eronder '  - Buurtfeest'. Hoort het streepje bij de tekst? Zet de tekst dan tussen aanhalingstekens"
    ),
    "vraagteken": (
        "{waar} staat een vraagteken met een spatie erna ('? '); YAML leest dat als het begin van een sleutel. "
        "Zet de tekst tussen aanhalingstekens: {voorbeeld}"
    ),
    "haakjes": (
        "de lijst of het rijtje tussen [ ] of {{ }} dat {waar} begint, wordt niet goed gesloten; controleer de "
        "komma's en het sluitteken"
    ),
    "waarde-ontbreekt": (
        "{waar} verwacht YAML een waarde, maar daar staat {teken}. Vul de waarde in, of zet de tekst tussen "
        "aanhalingstekens"
    ),
    "inspringing": "{waar} " + INSPRINGEN,
    "streepje-inspringing": (
        "{waar} springt het streepje (-) van een punt van een lijst niet even ver in als de streepjes van de andere "
        "punten{onder}. Zet het streepje recht onder de streepjes van de andere punten, met spaties (twee per niveau)"
    ),
    "lijstteken": (
        "{waar} begint een punt van een lijst {begin}. YAML leest dat als gewone tekst, niet als een punt van de "
        "lijst. Een lijstregel begint met een streepje en een spatie: {voorbeeld}"
    ),
    "beginteken": (
        "{waar} staat een teken waar YAML niet mee kan beginnen ({teken}); zet de tekst tussen aanhalingstekens: "
        "{voorbeeld}"
    ),
    "leesfout": (
        "{waar} staat {naam}; YAML kan zo'n teken niet lezen. Het komt meestal mee bij kopiëren uit een andere "
        "toepassing. Haal het weg: typ de woorden eromheen opnieuw"
    ),
    ONBEKEND: (
        "{waar} kan YAML het bestand niet verder lezen. Kijk of de regel even ver inspringt als de regels die "
        "erbij horen, of elke sleutel een dubbele punt heeft en of elk aanhalingsteken gesloten wordt"
    ),
}
