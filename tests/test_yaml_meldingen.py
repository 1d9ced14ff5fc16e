"""Every message of the YAML parser reaches the kompasteam in Dutch, with line and column.

The parser is libyaml when PyYAML has it (the lezer's choice) and PyYAML's own Python parser
otherwise; their English differs. The lists of what they can say come from the installed
software itself: PyYAML's source (reader, scanner, parser, composer) and the strings of the
installed libyaml. A message that no kind in `yaml_meldingen.SOORTEN` recognises fails here,
so an upgrade that adds one cannot pass English, or our vaguest message, to a data editor.
Broken files made by hypothesis check the same from the other side: whatever the parser
says, the data editor reads one of our messages.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.data import lezer, regelpad, tekens, yaml_meldingen
from macros.data.lezer import Fout, lees_bestand, pad_van_regel
from macros.data.model import Kompas, VormenBestand

from .conftest import KOMPAS_10, PROJECT

LADERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])

# What the parsers put in place of %s, read from their source: scan_anchor names an anchor or
# an alias, the tag scanners a tag or a %TAG directive, parse_node a block or flow node.
INVULLINGEN = {
    "while scanning an %s": ("anchor", "alias"),
    "while scanning a %s": ("tag", "directive"),
    "while parsing a %s": ("tag", "directive"),
    "while parsing a %s node": ("block", "flow"),
}

# libyaml 0.2.5 (the version PyYAML's wheels build against), src/reader.c, scanner.c,
# parser.c: every problem and context given to yaml_parser_set_*_error. Kept as a list so the
# test holds when the installed PyYAML has no libyaml at all. (libyaml's composer, loader.c,
# is not used: PyYAML composes the nodes itself, see PYYAML_C_COMPOSER.)
LIBYAML_025 = (
    "block sequence entries are not allowed in this context",
    "control characters are not allowed",
    "could not find expected ':'",
    "could not find expected directive name",
    "did not find URI escaped octet",
    "did not find expected '!'",
    "did not find expected ',' or ']'",
    "did not find expected ',' or '}'",
    "did not find expected '-' indicator",
    "did not find expected <document start>",
    "did not find expected <stream-start>",
    "did not find expected alphabetic or numeric character",
    "did not find expected comment or line break",
    "did not find expected digit or '.' character",
    "did not find expected hexdecimal number",
    "did not find expected key",
    "did not find expected node content",
    "did not find expected tag URI",
    "did not find expected version number",
    "did not find expected whitespace",
    "did not find expected whitespace or line break",
    "did not find the expected '>'",
    "expected low surrogate area",
    "found a tab character that violates indentation",
    "found a tab character where an indentation space is expected",
    "found an incorrect leading UTF-8 octet",
    "found an incorrect trailing UTF-8 octet",
    "found an indentation indicator equal to 0",
    "found character that cannot start any token",
    "found duplicate %TAG directive",
    "found duplicate %YAML directive",
    "found extremely long version number",
    "found incompatible YAML document",
    "found invalid Unicode character escape code",
    "found undefined tag handle",
    "found unexpected ':'",
    "found unexpected document indicator",
    "found unexpected end of stream",
    "found unexpected non-alphabetical character",
    "found unknown directive name",
    "found unknown escape character",
    "incomplete UTF-16 character",
    "incomplete UTF-16 surrogate pair",
    "incomplete UTF-8 octet sequence",
    "input error",
    "input is too long",
    "invalid Unicode character",
    "invalid leading UTF-8 octet",
    "invalid length of a UTF-8 sequence",
    "invalid trailing UTF-8 octet",
    "mapping keys are not allowed in this context",
    "mapping values are not allowed in this context",
    "unexpected low surrogate area",
    "while parsing a %TAG directive",
    "while parsing a block collection",
    "while parsing a block mapping",
    "while parsing a block node",
    "while parsing a flow mapping",
    "while parsing a flow node",
    "while parsing a flow sequence",
    "while parsing a node",
    "while parsing a quoted scalar",
    "while parsing a tag",
    "while parsing a tag directive",
    "while scanning a %TAG directive",
    "while scanning a %YAML directive",
    "while scanning a block scalar",
    "while scanning a directive",
    "while scanning a plain scalar",
    "while scanning a quoted scalar",
    "while scanning a simple key",
    "while scanning a tag",
    "while scanning a tag directive",
    "while scanning an alias",
    "while scanning an anchor",
    "while scanning for the next token",
    # libyaml after 0.2.5 (src/parser.c): a limit on nesting.
    "while parsing",
    "Maximum nesting level reached, set with yaml_set_max_nest_level())",
)
# PyYAML's composer for libyaml (yaml/_yaml.pyx) says these itself.
PYYAML_C_COMPOSER = (
    "found undefined alias",
    "found duplicate anchor; first occurrence",
    "second occurrence",
    "expected a single document in the stream",
    "but found another document",
)
# What else the installed libyaml holds that looks like a message but is none of the parser's.
GEEN_MELDING_VAN_DE_LEZER = {
    "invalid vtable found for imported type",  # Cython, when the module is imported
}


def pyyaml_meldingen() -> list[str]:
    """Every problem and context PyYAML's Python reader, scanner, parser and composer can
    raise, from their installed source."""
    bron = Path(yaml.__file__).parent
    meldingen: list[str] = []
    for module in ("reader", "scanner", "parser", "composer"):
        for knoop in ast.walk(ast.parse((bron / f"{module}.py").read_text(encoding="utf-8"))):
            if not (isinstance(knoop, ast.Call) and getattr(knoop.func, "id", "").endswith("Error")):
                continue
            # MarkedYAMLError(context, context_mark, problem, problem_mark); ReaderError(..., reason)
            plekken = (4,) if knoop.func.id == "ReaderError" else (0, 2)
            for plek in plekken:
                if plek < len(knoop.args) and (tekst := _tekst_van(knoop.args[plek])) is not None:
                    meldingen.append(tekst)
    return meldingen


def _tekst_van(knoop: ast.expr):
    """The string of an argument: a constant, or the constant left of a % (a formatted message)."""
    if isinstance(knoop, ast.Constant) and isinstance(knoop.value, str):
        return knoop.value
    if isinstance(knoop, ast.BinOp) and isinstance(knoop.op, ast.Mod):
        return _tekst_van(knoop.left)
    return None


def ingevuld(melding: str) -> list[str]:
    """The message as the parser says it: placeholders filled in as the parser fills them."""
    if "%s" in melding:
        return [melding % naam for naam in INVULLINGEN.get(melding, ("x",))]
    return [melding.replace("%r", "'x'").replace("%d", "2")]


def libyaml_meldingen() -> list[str]:
    """The strings of the installed libyaml that read as its messages (problems and contexts)."""
    if not hasattr(yaml, "CSafeLoader"):
        return []
    import yaml._yaml as c_yaml

    inhoud = Path(c_yaml.__file__).read_bytes()
    woorden = re.compile(
        rb"^(while |did not find |could not find |found |mapping |block sequence |control |invalid |"
        rb"incomplete |input |unexpected |expected low|exceeded |Maximum |second occurrence)"
    )
    gevonden = {m.group().decode() for m in re.finditer(rb"[\x20-\x7e]{6,}", inhoud) if woorden.match(m.group())}
    return sorted(gevonden - GEEN_MELDING_VAN_DE_LEZER)


def test_de_lijsten_zijn_niet_leeg():
    # The extraction itself is tested: an empty list would make the tests below pass on nothing.
    assert len(pyyaml_meldingen()) > 40
    assert "mapping values are not allowed here" in pyyaml_meldingen()
    if hasattr(yaml, "CSafeLoader"):
        assert "did not find expected key" in libyaml_meldingen()


@pytest.mark.parametrize("melding", sorted(set(pyyaml_meldingen())))
def test_elke_melding_van_pyyaml_heeft_een_soort(melding):
    for tekst in ingevuld(melding):
        # Alone as the problem and alone as the context: each says enough to choose a message.
        assert yaml_meldingen.herken(tekst, None) != yaml_meldingen.ONBEKEND or (
            yaml_meldingen.herken(None, tekst) != yaml_meldingen.ONBEKEND
        ), tekst


@pytest.mark.parametrize("melding", sorted({*LIBYAML_025, *PYYAML_C_COMPOSER, *libyaml_meldingen()}))
def test_elke_melding_van_libyaml_heeft_een_soort(melding):
    assert yaml_meldingen.herken(melding, None) != yaml_meldingen.ONBEKEND or (
        yaml_meldingen.herken(None, melding) != yaml_meldingen.ONBEKEND
    ), melding


def test_de_lijst_van_libyaml_staat_in_de_geinstalleerde_libyaml():
    # Our list is libyaml's own words: the installed library holds them (a message may end
    # another one, "expected low surrogate area" in "unexpected ...", so as part of its bytes).
    if not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML zonder libyaml")
    import yaml._yaml as c_yaml

    inhoud = Path(c_yaml.__file__).read_bytes()
    na_025 = {"Maximum nesting level reached, set with yaml_set_max_nest_level())"}
    assert [m for m in LIBYAML_025 if m not in na_025 and m.encode() not in inhoud] == []


def test_een_onbekende_melding_wordt_nooit_doorgegeven():
    # A message no kind knows gets our general message: its place, in Dutch, none of its words.
    fout = yaml.scanner.ScannerError(
        "while frobnicating a widget", None, "found a gremlin", yaml.Mark("x", 0, 3, 4, None, None)
    )
    melding = yaml_meldingen.vertaal(fout, "a: 1\nb: 2\nc: 3\nd: 4\n")
    assert melding.soort == yaml_meldingen.ONBEKEND
    assert (melding.regel, melding.kolom) == (4, 5)
    assert melding.bericht.startswith("op regel 4, kolom 5 kan YAML het bestand niet verder lezen")
    assert not re.search(r"frobnicat|widget|gremlin|found|while", melding.bericht)


# Words of the parsers' messages that Dutch does not use: none may reach a data editor.
ENGELS = re.compile(
    r"\b(found|expected|while|scanning|parsing|allowed|mapping|sequence|scalar|token|stream|indicator|"
    r"character|context|could|directive|anchor|alias|document start|block end|octet|escape|not)\b"
)


def _hoort_bij_ons(melding: yaml_meldingen.Melding, tekst: str) -> None:
    assert melding.soort != yaml_meldingen.ONBEKEND, melding
    assert not ENGELS.search(melding.bericht.replace("%YAML 1.1", "")), melding.bericht
    regels = tekst.splitlines() or [""]
    if melding.regel is not None:
        assert 1 <= melding.regel <= len(regels) + 1 and melding.kolom >= 1, melding
        assert f"regel {melding.regel}, kolom {melding.kolom}" in melding.bericht, melding


VORMEN = (KOMPAS_10 / "vormen.yaml").read_text(encoding="utf-8").split("\n  - id: overheidsparticipatie")[0] + "\n"
# Characters that change what YAML reads, and the ones Word brings along.
TEKENS = ":-#'\"[]{},&*!|>%@`?\t \n\\" + tekens.GEKRULD + "aZ09\u00a0\u200b\ufeff\u2028\x0b"


@st.composite
def kapotte_yaml(draw) -> str:
    """The first vormen of kompas 1.0 with a few characters inserted, removed or replaced, most
    often where YAML looks: the start of a line, the end of its indentation, after a colon."""
    tekst = VORMEN
    for _ in range(draw(st.integers(1, 3))):
        regels = tekst.split("\n")
        nummer = draw(st.integers(0, len(regels) - 1))
        regel = regels[nummer]
        inspringing = len(regel) - len(regel.lstrip())
        na_dubbele_punt = regel.find(": ") + 2 if ": " in regel else len(regel)
        kolom = draw(st.sampled_from((0, inspringing, na_dubbele_punt, len(regel))) | st.integers(0, len(regel)))
        plek = sum(len(r) + 1 for r in regels[:nummer]) + kolom
        keuze = draw(st.sampled_from(("erbij", "eraf", "anders")))
        teken = draw(st.sampled_from(TEKENS))
        lengte = draw(st.integers(1, 3))
        if keuze == "erbij":
            tekst = tekst[:plek] + teken * lengte + tekst[plek:]
        elif keuze == "eraf":
            tekst = tekst[:plek] + tekst[plek + lengte :]
        else:
            tekst = tekst[:plek] + teken + tekst[plek + 1 :]
    return tekst


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(kapotte_yaml())
def test_wat_de_parser_ook_zegt_de_melding_is_van_ons(tekst):
    for lader in LADERS:
        try:
            yaml.compose(tekst, Loader=lader)
        except (yaml.YAMLError, RecursionError) as fout:
            _hoort_bij_ons(yaml_meldingen.vertaal(fout, tekst), tekst)


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(kapotte_yaml())
def test_wat_de_lezer_ook_vindt_het_noemt_bestand_regel_en_kolom(tmp_path, tekst):
    pad = tmp_path / "vormen.yaml"
    pad.write_text(tekst, encoding="utf-8")
    fouten: list[Fout] = []
    lees_bestand(pad, "vormen.yaml", VormenBestand, fouten)
    for fout in fouten:
        assert fout.bestand == "vormen.yaml" and fout.regel and fout.kolom, fout
        assert not ENGELS.search(fout.bericht.replace("%YAML 1.1", "")), fout
        if in_woorden := re.search(r"regel (\d+), kolom (\d+)", fout.bericht):
            assert (int(in_woorden[1]), int(in_woorden[2])) == (fout.regel, fout.kolom), fout


@pytest.mark.parametrize("lader", LADERS, ids=lambda lader: lader.__name__)
@pytest.mark.parametrize(
    "tekst, soort, plek, woorden",
    [
        ("titel: “Beperkt: nu”\n", "gekrulde-aanhalingstekens", (1, 8), 'in de plaats van de gekrulde: "Beperkt: nu"'),
        ("a:\n  - b: ‘Beperkt: nu’\n", "gekrulde-aanhalingstekens", (2, 8), 'de gekrulde: "Beperkt: nu"'),
        ('titel: "Peilen" in de wijk\n', "tekst-na-aanhalingsteken", (1, 17), "na het aanhalingsteken"),
        ("a:\n\tb: c\n", "tab", (2, 1), "Vervang de tab door spaties"),
        ('a: "open\nb: c\n', "aanhalingsteken-open", (1, 4), 'hetzelfde teken (")'),
        ("a:\n  b: c\n d: e\n", "inspringing", (3, 2), "klopt de inspringing niet"),
        ("eigenaar: Gemeente: altijd\n", "dubbele-punt", (1, 19), "dubbele punt midden in de tekst"),
        ("voorbeelden: - Buurtfeest\n", "lijst-hier-niet", (1, 14), "eigen regel onder de sleutel"),
        ("a: [b, c\nd: e\n", "haakjes", (1, 4), "wordt niet goed gesloten"),
        ("a: @b\n", "beginteken", (1, 4), "('@')"),
        ("a: &b c\nd: &b e\n", "anker", (1, 4), "een ampersand (&)"),
        ("a: *b\n", "anker", (1, 4), "een sterretje (*)"),
        ("a: !<b\n", "label", (1, 4), "uitroepteken (!)"),
        ('a: "\\q"\n', "code", (1, None), "schuine streep"),
        ("a: >x\n  t\n", "blok", (1, 4), "Na > of |"),
        ("a: 1\n---\nb: 2\n", "tweede-document", (2, 1), "Haal die regel weg"),
        ("a: ? b\n", "vraagteken", (1, 4), "vraagteken"),
        ("a: ]\n", "waarde-ontbreekt", (1, 4), "']'"),
        ("a:\n  titel Peilen\n  b: c\n", "dubbele-punt-ontbreekt", (2, 3), "ontbreekt een dubbele punt"),
        ("titel Peilen\nb: c\n", "dubbele-punt-ontbreekt", (1, 1), "ontbreekt een dubbele punt"),
        ("a:\n  t: Tekst\n    meer\n    b: c\n", "inspringing", (4, 5), "klopt de inspringing niet"),
    ],
)
def test_melding_per_soort(lader, tekst, soort, plek, woorden):
    with pytest.raises(yaml.YAMLError) as fout:
        yaml.compose(tekst, Loader=lader)
    melding = yaml_meldingen.vertaal(fout.value, tekst)
    assert melding.soort == soort, melding
    regel, kolom = plek
    assert melding.regel == regel and (kolom is None or melding.kolom == kolom), melding
    assert woorden in melding.bericht, melding.bericht
    _hoort_bij_ons(melding, tekst)


def test_te_diep_genest():
    tekst = "a: " + "[" * 20000
    for lader in LADERS:
        with pytest.raises((yaml.YAMLError, RecursionError)) as fout:
            yaml.compose(tekst, Loader=lader)
        melding = yaml_meldingen.vertaal(fout.value, tekst)
        assert melding.soort == "nesting" and "te veel haakjes" in melding.bericht


def test_een_teken_dat_de_reader_weigert():
    # The lezer refuses such characters before the parser sees them (tekens.py); the reader's
    # own error gets a Dutch message too, at the character, whichever reader counted.
    tekst = "a: b\nc: d\x07e\n"
    for lader in LADERS:
        with pytest.raises(yaml.reader.ReaderError) as fout:
            yaml.compose(tekst, Loader=lader)
        melding = yaml_meldingen.vertaal(fout.value, tekst)
        assert (melding.soort, melding.regel, melding.kolom) == ("leesfout", 2, 5), melding
        assert "onzichtbaar stuurteken (U+0007)" in melding.bericht


@pytest.mark.parametrize(
    "tekst, plek, woorden",
    [
        ("titel:\u00a0Peilen\n", (1, 7), "staat na de dubbele punt een harde spatie (onzichtbaar)"),
        ("a:\n \u00a0b: c\n", (2, 2), "een harde spatie (onzichtbaar) in de inspringing"),
        ("- \u00a0Peilen\n", (1, 3), "een harde spatie (onzichtbaar) in de inspringing"),
        ("titel: Pei\u00a0len\n", (1, 11), "een harde spatie (onzichtbaar) in de tekst, tussen 'titel: Pei' en 'len'"),
        ("titel: Pei\u200blen\n", (1, 11), "een spatie zonder breedte (onzichtbaar, U+200B)"),
        ("titel: Pei\u200clen\n", (1, 11), "(U+200C)"),
        ("titel: Pei\u200dlen\n", (1, 11), "(U+200D)"),
        ("titel: Pei\u2060len\n", (1, 11), "(U+2060)"),
        (
            "a: b\n\ufeffc: d\n",
            (2, 1),
            "BOM-teken (U+FEFF), vóór 'c: d'. Zo'n teken hoort alleen helemaal aan het begin",
        ),
        ("titel: Pei\u2028len\n", (1, 11), "een onzichtbare regelovergang (U+2028)"),
        (
            "titel: gs\u00advisie met\n",
            (1, 10),
            "een zacht afbreekstreepje (onzichtbaar), tussen 'titel: gs' en 'visie met'",
        ),
        ("tekst: Vraag:\u00a0is dat zo\n", (1, 14), "in de tekst, tussen 'tekst: Vraag:' en 'is dat zo'"),
        ("titel: Pei\x0blen\n", (1, 11), "een onzichtbaar stuurteken (U+000B)"),
    ],
)
def test_onzichtbare_tekens(tekst, plek, woorden):
    (vondst,) = tekens.onzichtbare_tekens(tekst)
    assert (vondst.regel, vondst.kolom) == plek
    assert woorden in vondst.bericht, vondst.bericht
    assert vondst.bericht.startswith(f"op regel {plek[0]}, kolom {plek[1]} ")


def test_de_letters_eromheen_zoals_de_editor_ze_toont():
    # The other invisible characters of the line as an editor shows them: a space, nothing.
    eerste, tweede = tekens.onzichtbare_tekens("titel: Pei\u00a0len\u00adtje\n")
    assert "tussen 'titel: Pei' en 'lentje'" in eerste.bericht
    assert "tussen 'titel: Pei len' en 'tje'" in tweede.bericht


def test_elk_onzichtbaar_teken_tegelijk_en_gewone_tekst_is_goed():
    # Every one at once, also two on one line: fixing one must not reveal the next only then.
    # A run of the same character (two non-breaking spaces in the indentation) is one finding.
    assert tekens.onzichtbare_tekens("titel: Peilen – “met” ‘quotes’ en é, ß, €\n") == []
    vondsten = tekens.onzichtbare_tekens("a: x\u00a0y\u00a0z\r\nb: \u200bq\r\n  \u00a0\u00a0c: d\n")
    assert [(v.regel, v.kolom) for v in vondsten] == [(1, 5), (1, 7), (2, 4), (3, 3)]


def test_alle_onzichtbare_tekens_van_een_bestand_in_een_keer(tmp_path):
    tekst = (KOMPAS_10 / "vormen.yaml").read_text(encoding="utf-8")
    tekst = tekst.replace("titel: Peilen", "titel: Pei\u00adlen\u200b").replace(
        "eigenaar: Gemeente", "eigenaar:\u00a0Gemeente"
    )
    fouten = _lees(tmp_path, tekst)
    assert [(f.pad, f.kolom) for f in fouten] == [
        ("vorm 'burgerparticipatie' › eigenaar", 14),
        ("vorm 'peilen' › titel", 15),
        ("vorm 'peilen' › titel", 19),
        ("vorm 'peilen' › eigenaar", 14),
        ("vorm 'gemeente-aan-zet' › eigenaar", 14),
    ]
    assert fouten[-1].bericht.endswith(lezer.NA_ONZICHTBARE_TEKENS)
    assert not any(lezer.NA_ONZICHTBARE_TEKENS in f.bericht for f in fouten[:-1])


def _lees(tmp_path, tekst: str) -> list[Fout]:
    pad = tmp_path / "vormen.yaml"
    pad.write_bytes(tekst.encode("utf-8"))
    fouten: list[Fout] = []
    lees_bestand(pad, "vormen.yaml", VormenBestand, fouten)
    return fouten


def test_een_bom_vooraan_is_goed(tmp_path):
    # Some Windows editors write one at the start of every file; only elsewhere is it a problem.
    assert _lees(tmp_path, "\ufeff" + (KOMPAS_10 / "vormen.yaml").read_text(encoding="utf-8")) == []
    (fout,) = _lees(tmp_path, "\ufeff\ufeff" + (KOMPAS_10 / "vormen.yaml").read_text(encoding="utf-8"))
    assert (fout.regel, fout.kolom) == (1, 1) and "BOM-teken" in fout.bericht


def test_een_onzichtbaar_teken_als_code_tussen_aanhalingstekens(tmp_path):
    tekst = (KOMPAS_10 / "vormen.yaml").read_text(encoding="utf-8").replace("titel: Peilen", 'titel: "Pei\\u200Blen"')
    (fout,) = _lees(tmp_path, tekst)
    assert fout.pad == "vorm 'peilen' › titel"
    assert "een spatie zonder breedte (onzichtbaar, U+200B), geschreven als code" in fout.bericht


def test_gekrulde_aanhalingstekens_binnen_rechte_zijn_tekst(tmp_path):
    # A quotation that begins with Word's quote, between straight quotes: the data editor chose it.
    tekst = (KOMPAS_10 / "vormen.yaml").read_text(encoding="utf-8")
    assert _lees(tmp_path, tekst.replace("zeggenschap: Beperkt.", "zeggenschap: '“Beperkt”, zei ze.'")) == []


def _tabel_van_bijdragen() -> str:
    tekst = (PROJECT / "BIJDRAGEN.md").read_text(encoding="utf-8")
    tabel = tekst[tekst.index("## Wat de controles zeggen") :].split("\n## ")[0]
    return tabel.replace("\\|", "|")


def _kern(melding: str) -> str:
    """The first words of a message after its place: what BIJDRAGEN.md quotes."""
    melding = re.sub(r"^op regel \d+, kolom \d+ ", "", melding)
    return " ".join(re.split(r"[;.:,]", melding)[0].split()[:6])


@pytest.mark.parametrize("soort", sorted(yaml_meldingen.MELDINGEN))
def test_elke_melding_van_de_parser_staat_in_bijdragen(soort):
    # The kompasteam looks a message up in BIJDRAGEN.md, "Wat de controles zeggen".
    delen = [d.strip(" ;,.") for d in re.split(r"\{[a-z]+\}", yaml_meldingen.MELDINGEN[soort])]
    assert _kern(next(d for d in delen if len(d.split()) >= 3)) in _tabel_van_bijdragen()


@pytest.mark.parametrize(
    "tekst",
    [
        "t:\u00a0x\n",
        " \u00a0t: x\n",
        "t: a\u00a0b\n",
        "t: a:\u00a0b\n",
        "t: a\u200bb\n",
        "t: a\u00adb\n",
        "t: a\ufeffb\n",
        "t: a\x07b\n",
    ],
)
def test_elke_melding_over_onzichtbare_tekens_staat_in_bijdragen(tekst):
    (vondst,) = tekens.onzichtbare_tekens(tekst)
    assert _kern(vondst.bericht) in _tabel_van_bijdragen(), _kern(vondst.bericht)


@pytest.mark.parametrize(
    "tekst, woorden, niet",
    [
        # After a key's colon: the key is no key. With a colon in the text, the quoted line at once.
        ("titel:\u00a0Peilen\n", "Dan leest YAML 'titel' niet als sleutel", "De regel wordt dan"),
        ("a:\u00a0Let op: x\n", 'De regel wordt dan: a: "Let op: x"', "in de tekst"),
        # In running text: not about keys; a colon before it needs quotes only on the key's line.
        ("a: Let op:\u00a0x\n", "in de tekst, tussen 'a: Let op:' en 'x'", "niet als sleutel"),
        ("a: Let op:\u00a0x\n", 'De regel wordt dan: a: "Let op: x"', "niet als sleutel"),
        (
            "  - Stadsmakers:\u00a0een voorbeeld\n",
            'De regel wordt dan: - "Stadsmakers: een voorbeeld"',
            "sleutel ervoor",
        ),
        ("a: >-\n  Vraag:\u00a0is dat zo?\n", "Vervang hem door een gewone spatie", "De regel wordt dan"),
        ("a: een\u00a0# twee\n", "YAML leest alles vanaf ' #' als commentaar", "niet als sleutel"),
        ("  \u00a0a: b\n", "in de inspringing", "sleutel"),
    ],
)
def test_een_harde_spatie_heet_naar_waar_hij_staat(tekst, woorden, niet):
    (vondst,) = tekens.onzichtbare_tekens(tekst)
    assert woorden in vondst.bericht and niet not in vondst.bericht, vondst.bericht


VORMEN_10 = (KOMPAS_10 / "vormen.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "vervang, door, voor, na, vanaf",
    [
        # What the data editor does is: replace the line (from its indentation, or from the
        # column the message names) by what the message proposes.
        (
            "zeggenschap: Beperkt.",
            "zeggenschap: Let op:\u00a0beperkt.",
            "De regel wordt dan: ",
            ". De controle",
            "inspringing",
        ),
        (
            "zeggenschap: Beperkt.",
            "zeggenschap:\u00a0Let op: beperkt.",
            "De regel wordt dan: ",
            ". De controle",
            "inspringing",
        ),
        (
            "- omgevingsvisie\n",
            "- Stadsmakers:\u00a0een voorbeeld\n",
            "De regel wordt dan: ",
            ". De controle",
            "inspringing",
        ),
        ("- omgevingsvisie\n", "- “Omgevingsvisie” van de stad\n", "tussen aanhalingstekens: ", ". Hoort", "kolom"),
        ("zeggenschap: Beperkt.", "zeggenschap: “Beperkt.”", "in de plaats van de gekrulde: ", ". Hoort", "kolom"),
        ("zeggenschap: Beperkt.", "zeggenschap: “Beperkt: nu”", "in de plaats van de gekrulde: ", ". Hoort", "kolom"),
        ("- omgevingsvisie\n", "• omgevingsvisie\n", "een spatie: ", ". De controle", "kolom"),
        ("- omgevingsvisie\n", "–omgevingsvisie\n", "een spatie: ", ". De controle", "kolom"),
        ("- omgevingsvisie\n", "-omgevingsvisie\n", "een spatie: ", ". De controle", "kolom"),
        ("- Zoekgebieden duurzame energie\n", "• Zoekgebieden duurzame energie\n", "een spatie: ", None, "kolom"),
        ("zeggenschap: Beperkt.", "zeggenschap: Beperkt: nu", "aanhalingstekens: ", ". De controle", "inspringing"),
    ],
)
def test_het_advies_geeft_in_een_keer_een_bestand_dat_yaml_leest(tmp_path, vervang, door, voor, na, vanaf):
    # Following the advice never leads straight to the next message.
    assert vervang in VORMEN_10
    (fout,) = _lees(tmp_path, VORMEN_10.replace(vervang, door, 1))
    voorstel = fout.bericht.split(voor, 1)[1]
    voorstel = voorstel.rsplit(na, 1)[0] if na else voorstel
    regels = VORMEN_10.replace(vervang, door, 1).split("\n")
    regel = regels[fout.regel - 1]
    begin = fout.kolom - 1 if vanaf == "kolom" else len(regel) - len(regel.lstrip(" "))
    regels[fout.regel - 1] = regel[:begin] + voorstel
    assert _lees(tmp_path, "\n".join(regels)) == [], voorstel


@pytest.mark.parametrize("plek", ["eerste", "midden", "laatste"])
def test_een_streepje_dat_te_weinig_inspringt_wordt_aangewezen(tmp_path, plek):
    # The message points at the line that is wrong, speaks of its dash, and two spaces more fix it.
    punten = VORMEN_10.split("    voorbeelden:\n", 6)[6].split("    instrumenten:")[0].splitlines()
    fout_regel = {"eerste": punten[0], "midden": punten[3], "laatste": punten[-1]}[plek]
    tekst = VORMEN_10.replace(fout_regel + "\n", fout_regel[2:] + "\n", 1)
    (fout,) = _lees(tmp_path, tekst)
    regels = tekst.split("\n")
    assert regels[fout.regel - 1] == fout_regel[2:] and fout.kolom == 5, fout
    assert "springt het streepje (-) van" in fout.bericht and "sleutel" not in fout.bericht, fout.bericht
    nummer = {"eerste": 1, "midden": 4, "laatste": len(punten)}[plek]
    assert fout.pad == f"vorm 'peilen' › voorbeelden › nr. {nummer}"
    regels[fout.regel - 1] = "  " + regels[fout.regel - 1]
    assert _lees(tmp_path, "\n".join(regels)) == []


def test_waar_een_regel_staat_lees_je_uit_de_regels_erboven():
    regels = [
        "versie: '1.0'",
        "vragen:",
        "- id: eerste",  # a list at the indentation of its key
        "  tekst: >-",
        "    Een vraag: met een dubbele punt",
        "  ja: {vorm: peilen}",
        "",
        "  # commentaar",
        "- id: tweede",
        "  tekst Een sleutel zonder dubbele punt",
        "  nee:",
        "    vorm: peilen",
        "koers:",
        "  richtingen:",
        "    - id: meer",
        "      naar:",
        "        - a",
        "        • b",
        "    -id: x",
    ]
    verwacht = {
        1: "versie",
        3: "vraag 1 (eerste) › id",
        5: "vraag 1 (eerste) › tekst",
        8: "vraag 1 (eerste) › ja",
        10: "vraag 2 (tweede) › tekst",
        12: "vraag 2 (tweede) › nee › vorm",
        17: "koers › richting 'meer' › naar › nr. 1",
        18: "koers › richting 'meer' › naar › nr. 2",
        19: "koers › richting 'x' › id",
    }
    assert {r: pad_van_regel(regels, r, Kompas) for r in verwacht} == verwacht
    assert regelpad.stappen(regels, 12) == [regelpad.Sleutel("koers")]


def test_een_eerste_streepje_dat_te_ver_inspringt_wordt_aangewezen(tmp_path):
    # The parser stops at the second item, which stands where our files put a list; the first
    # is the one to move.
    tekst = VORMEN_10.replace("      - Zoekgebieden duurzame energie\n", "        - Zoekgebieden duurzame energie\n", 1)
    (fout,) = _lees(tmp_path, tekst)
    assert tekst.split("\n")[fout.regel - 1] == "        - Zoekgebieden duurzame energie" and fout.kolom == 9
    assert "(kolom 7, zoals op regel" in fout.bericht and fout.pad == "vorm 'peilen' › voorbeelden › nr. 1"
