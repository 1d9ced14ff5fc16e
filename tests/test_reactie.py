"""The pull request comment is safe, whatever the data, the messages or git say.

CI's first step (`python -m macros ci`) writes a Markdown report that GitHub posts as a pull
request comment and GitLab as a merge request note. Here the real command runs in a git
repository on kompas 1.0 with hostile text in every place that reaches the report: data text
(a question, a vorm, an example, a scenario name, the summary in wijzigingen.yaml), an invalid
id that the error message repeats, a file name, a line YAML cannot read, a revision name and
the output of `make check`. The report is rendered by cmark-gfm (GitHub's Markdown, with its
autolink and tagfilter extensions, but raw HTML allowed, so that our escaping is tested and not
the forge's sanitiser) and by python-markdown. In the HTML: no element, attribute or comment
from the data, no mention or reference, no link, and the last section of the report visible.
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import cmarkgfm
import markdown
import pytest
from cmarkgfm.cmark import Options
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.data.loader import KompasDataError, laad_kompas_data
from macros.review.markdown import WOORDVERBINDER, code, md, tekstblok, woordverschil

from .conftest import git, kopieer_kompas10, pas_toe
from .test_kompasteam import macros

# What the review found: markup that would run, hide or fold the rest of the comment, a link,
# a mention of a team, bare URLs, an e-mail address, an issue reference, a code fence.
IMG = "<img src=x onerror=alert(1)>"
DETAILS = "<details><summary>open</summary>"
LINK = "[link](https://evil.example/a)"
TEAM = "@gemeente-utrecht/raad"
URL = "https://evil.example/b"
WWW = "www.evil.example"
MAIL = "iemand@evil.example"
ISSUE = "#12"
SCRIPT = "<script>alert(1)</script>"
COMMENTAAR = "<!--"
HEK = "````"
VIJANDIG = f"{IMG} {DETAILS} {LINK} {TEAM} {URL} {WWW} {MAIL} {ISSUE} {SCRIPT} {HEK} {COMMENTAAR}"

# A file name may hold anything but "/".
BESTANDSNAAM = f"{WWW} <details> @gemeente-utrecht {IMG} {HEK} {COMMENTAAR}.yaml"
# A revision name git accepts (no spaces), as a branch of the repository.
VIJANDIGE_TAK = "<img/src=x/onerror=alert(1)>@gemeente-utrecht/raad"

VALIDE_WIJZIGING = {
    "wijzigingen": [
        {  # a question reworded: the word diff
            "bestand": "kompas.yaml",
            "vervang": "      Is het nodig het vraagstuk eerst te verhelderen?",
            "door": f"      Is het nodig het vraagstuk {TEAM} te verhelderen? {VIJANDIG}",
        },
        {  # a vorm's name: old → new, and in every table that names the vorm
            "bestand": "vormen.yaml",
            "vervang": "    titel: Peilen\n",
            "door": f'    titel: "Peilen {DETAILS} {TEAM} {COMMENTAAR}"\n',
        },
        {  # a new question whose answer leads to that vorm: its name in the question's sentence
            "bestand": "kompas.yaml",
            "vervang": "    ja: {vorm: overheidsmiddelen}\n",
            "door": "    ja: {vraag: passende-regeling}\n",
        },
        {
            "bestand": "kompas.yaml",
            "vervang": "  - id: eigenaarschap-laten-groeien\n",
            "door": "  - id: passende-regeling\n    tekst: Is er een passende regeling?\n"
            "    ja: {vorm: overheidsmiddelen}\n    nee: {vorm: peilen}\n\n  - id: eigenaarschap-laten-groeien\n",
        },
        *[
            {
                "bestand": "scenarios.yaml",
                "vervang": "      ondersteuning-nodig: ja\n    verwacht: overheidsmiddelen\n",
                "door": "      ondersteuning-nodig: ja\n      passende-regeling: ja\n    verwacht: overheidsmiddelen\n",
            }
        ]
        * 2,
        {  # an example added
            "bestand": "vormen.yaml",
            "vervang": "      - U-festival",
            "door": f'      - U-festival\n      - "{IMG} {TEAM} {URL}"',
        },
        {  # a scenario's name: the key of its record, so it stands in a key path
            "bestand": "scenarios.yaml",
            "vervang": "  - naam: Buurtfeest\n",
            "door": f'  - naam: "Buurtfeest {DETAILS} {TEAM} {WWW} `x`"\n',
        },
    ]
}

ONGELDIGE_WIJZIGING = {
    "wijzigingen": [
        {  # an id that is no id: the message repeats it
            "bestand": "kompas.yaml",
            "vervang": "ja: {vraag: verder-onderzoeken}",
            "door": f'ja: {{vraag: "{HEK} {IMG} {TEAM} {URL} {DETAILS}"}}',
        },
        {  # a line YAML cannot read: the message quotes the character
            "bestand": "principes.yaml",
            "vervang": "principes:\n",
            "door": "principes:\n  - `kapot`\n",
        },
    ],
    # A file name with markup in it (git stores it; the loader names it as unknown).
    "nieuw": {BESTANDSNAAM: "x: 1\n"},
}

# What a forge turns into a mention, a reference or a link in text (outside code): "@" with a
# name (GitLab's may start with "_" or "."), "#" or GitLab's "!" with a number, a bare URL.
VINDT_DE_FORGE = (r"@[\w.-]", r"#\d", r"!\d", r"://", r"(?i)www\.")

TOEGESTAAN = {"h1", "h2", "p", "ul", "li", "strong", "del", "code", "pre", "table", "thead", "tbody", "tr", "th", "td"}
# The only attributes the renderers write themselves for the report's code blocks.
TOEGESTANE_ATTRIBUTEN = {("pre", "lang", "text"), ("code", "class", "language-text")}


def gfm(tekst: str) -> str:
    """As GitHub renders it (cmark-gfm with GitHub's extensions), but with raw HTML let through."""
    return cmarkgfm.github_flavored_markdown_to_html(tekst, options=Options.CMARK_OPT_UNSAFE)


def python_markdown(tekst: str) -> str:
    return markdown.markdown(tekst, extensions=["fenced_code", "tables"])


RENDERERS = {"cmark-gfm": gfm, "python-markdown": python_markdown}


class Weergave(HTMLParser):
    """What the rendered HTML holds: its elements, comments, the text outside code (where a forge
    looks for mentions and links), all text in order, and the headings with their depth."""

    LEEG = {"br", "hr", "img", "input", "meta", "link"}

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elementen: list[tuple[str, list]] = []
        self.commentaar: list[str] = []
        self.open: list[str] = []
        self.buiten_code: list[str] = []
        self.in_code: list[str] = []
        self.alles: list[str] = []
        self.koppen: list[tuple[str, int, int]] = []  # (text, depth, position in self.alles)
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elementen.append((tag, attrs))
        if tag in ("h1", "h2"):
            self.koppen.append(("", len(self.open), len(self.alles)))
        if tag not in self.LEEG:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag) :]

    def handle_data(self, data):
        self.alles.append(data)
        (self.in_code if {"code", "pre"} & set(self.open) else self.buiten_code).append(data)
        if {"h1", "h2"} & set(self.open):
            tekst, diepte, plek = self.koppen[-1]
            self.koppen[-1] = (tekst + data, diepte, plek)

    def handle_comment(self, data):
        self.commentaar.append(data)

    def handle_decl(self, decl):
        self.commentaar.append(decl)

    def handle_pi(self, data):
        self.commentaar.append(data)

    def unknown_decl(self, data):
        self.commentaar.append(data)

    @property
    def tekst(self) -> str:
        return "".join(self.alles).replace(WOORDVERBINDER, "")


def controleer_weergave(rapport: str, laatste_kop: str) -> dict[str, Weergave]:
    """Render with both renderers and check what a reader and the forge get. Returns the
    renderings for the checks of a case."""
    weergaven = {}
    for naam, render in RENDERERS.items():
        html = render(rapport)
        for rauw in ("<!--", "<img", "<script", "<details", "<summary", "<a ", "<a>"):
            assert rauw not in html, f"{naam}: {rauw!r} in de HTML:\n{html}"
        weergave = Weergave(html)
        assert not weergave.commentaar, f"{naam}: commentaar of declaratie in de HTML: {weergave.commentaar}"
        for tag, attrs in weergave.elementen:
            assert tag in TOEGESTAAN, f"{naam}: element <{tag}> in de HTML:\n{html}"
            for attr, waarde in attrs:
                assert (tag, attr, waarde) in TOEGESTANE_ATTRIBUTEN, f"{naam}: <{tag} {attr}={waarde!r}>"
        # Where the forge looks for mentions, references and bare URLs: text outside code.
        buiten_code = "".join(weergave.buiten_code)
        for patroon in VINDT_DE_FORGE:
            assert not re.search(patroon, buiten_code), f"{naam}: {patroon!r} in de tekst:\n{buiten_code}"
        # GitLab runs a quick action ("/merge", "/close") from a line of a paragraph that starts with "/".
        assert not re.search(r"(?m)^/", buiten_code), f"{naam}: een regel begint met /:\n{buiten_code}"
        # No path of the machine that made the report.
        for pad in ("/tmp/", "/home/", "/root/", "/work/"):
            assert pad not in weergave.tekst, f"{naam}: {pad} in de tekst:\n{weergave.tekst}"
        # The report's last section is there, at the top level (not folded away or commented out).
        assert weergave.koppen, f"{naam}: geen koppen:\n{html}"
        tekst, diepte, _ = weergave.koppen[-1]
        assert tekst == laatste_kop and diepte == 0, f"{naam}: laatste kop {tekst!r} op diepte {diepte}"
        weergaven[naam] = weergave
    return weergaven


def na_laatste_kop(weergave: Weergave) -> str:
    return "".join(weergave.alles[weergave.koppen[-1][2] :]).replace(WOORDVERBINDER, "")


@pytest.fixture(scope="module")
def hoofdrepo(tmp_path_factory) -> Path:
    """A project with kompas 1.0 and its golden files on main."""
    bron = tmp_path_factory.mktemp("reactie") / "bron"
    kopieer_kompas10(bron / "kompas_data")
    git(bron, "init", "-q", "-b", "main")
    assert macros(bron, "gouden").returncode == 0
    git(bron, "add", ".")
    git(bron, "commit", "-q", "-m", "kompas 1.0")
    return bron


@pytest.fixture
def kloon(hoofdrepo, tmp_path) -> Path:
    kloon = tmp_path / "kloon"
    git(tmp_path, "clone", "-q", str(hoofdrepo), str(kloon))
    git(kloon, "checkout", "-q", "-b", "wijziging")
    git(kloon, "branch", VIJANDIGE_TAK, "origin/main")
    return kloon


def ci(kloon: Path, *args: str) -> tuple[int, str]:
    """CI's first step; the report it writes for the comment must be what it prints."""
    uit = kloon / "build" / "ci" / "rapport.md"
    resultaat = macros(kloon, "ci", "--uit", str(uit), *args)
    rapport = uit.read_text(encoding="utf-8")
    assert rapport in (resultaat.stdout, resultaat.stderr)  # stderr: only when there is no base
    return resultaat.returncode, rapport


def test_geldige_wijziging_met_vijandige_tekst(kloon):
    pas_toe(kloon / "kompas_data", VALIDE_WIJZIGING, "vijandig")
    vastgelegd = macros(kloon, "versie", "--wat", f"Een wijziging: {VIJANDIG}")
    assert vastgelegd.returncode == 0, vastgelegd.stdout + vastgelegd.stderr
    git(kloon, "add", "-A")
    git(kloon, "commit", "-q", "-m", "vijandig")
    code_, rapport = ci(kloon, "--van", VIJANDIGE_TAK)
    assert code_ == 0, rapport
    weergaven = controleer_weergave(rapport, "Controle (make check)")
    for naam, weergave in weergaven.items():
        tekst = weergave.tekst
        # Every channel reached the report, and reads as the text it is.
        assert f"Vergeleken: {VIJANDIGE_TAK} met de wijziging." in tekst, naam
        for stuk in (IMG, DETAILS, TEAM, URL, WWW, MAIL, ISSUE, SCRIPT, COMMENTAAR):
            assert stuk in "".join(weergave.buiten_code).replace(WOORDVERBINDER, ""), f"{naam}: {stuk!r}"
        assert f"Buurtfeest {DETAILS} {TEAM} {WWW} `x`" in tekst, naam  # the scenario's key path
        assert f"{IMG} {TEAM} {URL}" in tekst, naam  # the example
        assert "✅ De controle van kompas_data/ is in orde." in na_laatste_kop(weergave), naam
    # The word diff still works: the old word struck through, the new ones in bold.
    regel = next(r for r in gfm(rapport).splitlines() if "is anders geformuleerd" in r)
    assert f"<del>eerst</del> <strong>@{WOORDVERBINDER}gemeente-utrecht/raad</strong> te verhelderen?" in regel
    assert "<strong>&lt;img src=x onerror=alert(1)&gt; &lt;details&gt;" in regel
    # A vorm's name in the sentence of a question's route: escaped like every data text.
    regel = next(r for r in gfm(rapport).splitlines() if "Nieuwe vraag" in r)
    assert f"nee naar Peilen &lt;details&gt;&lt;summary&gt;open&lt;/summary&gt; @{WOORDVERBINDER}gemeente" in regel


def test_ongeldige_wijziging_met_vijandige_tekst(kloon):
    pas_toe(kloon / "kompas_data", ONGELDIGE_WIJZIGING, "ongeldig")
    git(kloon, "add", "-A")
    git(kloon, "commit", "-q", "-m", "ongeldig")
    code_, rapport = ci(kloon)
    assert code_ == 1, rapport
    assert "De kompasdata in kompas_data/ is ongeldig" in rapport
    for naam, weergave in controleer_weergave(rapport, "Controle (make check)").items():
        # The messages are shown as they are (in code), with what they quote.
        tekst = weergave.tekst
        assert f"'{HEK} {IMG} {TEAM} {URL} {DETAILS}'" in tekst, naam
        assert BESTANDSNAAM in tekst, naam
        assert "principes.yaml:" in tekst, naam
        einde = na_laatste_kop(weergave)
        assert "❌ De controle van kompas_data/ vond problemen." in einde, naam
        assert f"'{HEK} {IMG} {TEAM} {URL} {DETAILS}'" in einde, naam


def test_basis_die_niet_te_lezen_is_met_vijandige_tekst(kloon):
    """The data on the base does not load: its messages and the base's name reach the report."""
    git(kloon, "checkout", "-q", "-b", f"{VIJANDIGE_TAK}-kapot", "origin/main")
    pas_toe(kloon / "kompas_data", ONGELDIGE_WIJZIGING, "kapotte basis")
    git(kloon, "add", "-A")
    git(kloon, "commit", "-q", "-m", "kapotte basis")
    git(kloon, "checkout", "-q", "wijziging")
    code_, rapport = ci(kloon, "--van", f"{VIJANDIGE_TAK}-kapot")
    assert code_ == 2, rapport
    for naam, weergave in controleer_weergave(rapport, "Controle (make check)").items():
        tekst = weergave.tekst
        assert f"De gegevens op de basis ({VIJANDIGE_TAK}-kapot) zijn niet te lezen" in tekst, naam
        assert f"'{HEK} {IMG} {TEAM} {URL} {DETAILS}'" in tekst, naam


def test_geen_basis_met_vijandige_naam(kloon):
    code_, rapport = ci(kloon, "--van", f"{VIJANDIGE_TAK}-{HEK}-bestaat-niet")
    assert code_ == 2, rapport
    for naam, weergave in controleer_weergave(rapport, "Kompas: geen vergelijking mogelijk").items():
        assert f"{VIJANDIGE_TAK}-{HEK}-bestaat-niet" in weergave.tekst, naam
        assert "bestaat niet in deze repository" in na_laatste_kop(weergave), naam


# --- The helpers themselves, on any text ------------------------------------------------------

# Text made of what Markdown, HTML and the forges react to, and some letters.
_STUKKEN = [
    *"<>&@#!:/.`*_~[]()|\\-+=\"'$ \tabc1",
    "https://",
    "www.",
    "<!--",
    "-->",
    "<img ",
    "```",
    "@a",
    "a@b.nl",
    "&#64;",
    "&lt;",
    "\n",
    "\r",
]
vijandige_tekst = st.lists(st.sampled_from(_STUKKEN), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(vijandige_tekst)
def test_md_toont_elke_tekst_als_tekst(tekst):
    """md() in a paragraph: cmark-gfm makes one paragraph with exactly that text in it, nothing
    else; no mention, reference or bare URL is left for the forge to find."""
    html = gfm(f"x {md(tekst)}")
    weergave = Weergave(html)
    assert [tag for tag, _ in weergave.elementen] == ["p"], html
    verwacht = "x " + " ".join(tekst.split())
    assert weergave.tekst.rstrip("\n") == verwacht.rstrip(), html
    for patroon in VINDT_DE_FORGE:
        assert not re.search(patroon, "".join(weergave.alles))


@settings(max_examples=300, deadline=None)
@given(vijandige_tekst)
def test_code_is_een_code_span_of_tekst(tekst):
    """code() in a table cell never ends the span or the cell early."""
    html = gfm(f"| a | b |\n|---|---|\n| {code(tekst)} | einde |\n")
    weergave = Weergave(html)
    assert {tag for tag, _ in weergave.elementen} <= {"table", "thead", "tbody", "tr", "th", "td", "code"}, html
    assert [t for t, _ in weergave.elementen].count("td") == 2 and "einde" in weergave.alles, html


@settings(max_examples=300, deadline=None)
@given(vijandige_tekst)
def test_tekstblok_houdt_elke_tekst_binnen(tekst):
    """A code block holds any text exactly, and what follows it is still a heading."""
    for naam, render in RENDERERS.items():
        html = render(f"{tekstblok(tekst)}\n\n## Einde\n")
        weergave = Weergave(html)
        assert [tag for tag, _ in weergave.elementen] == ["pre", "code", "h2"], f"{naam}: {html}"
        assert weergave.koppen[-1][0] == "Einde", naam
        if naam == "cmark-gfm":  # python-markdown turns tabs into spaces
            assert "".join(weergave.in_code) == "".join(f"{r}\n" for r in tekst.splitlines()), html


def test_woordverschil_streept_door_en_maakt_vet():
    html = gfm(woordverschil(f"Een oude zin met {TEAM}.", f"Een nieuwe zin met {TEAM} en {URL}."))
    weergave = Weergave(html)
    assert weergave.tekst == f"Een oude nieuwe zin met {TEAM}. {TEAM} en {URL}.\n"
    assert "<del>oude</del>" in html and "<strong>nieuwe</strong>" in html


def test_foutmelding_noemt_de_map_niet_het_pad(tmp_path):
    """KompasDataError names the data folder as in the repository, not where it stands on the
    machine (a runner's home, a temporary folder for the base)."""
    gegevensmap = kopieer_kompas10(tmp_path / "diep" / "kompas_data")
    (gegevensmap / "vormen.yaml").write_text("vormen: [kapot\n", encoding="utf-8")
    with pytest.raises(KompasDataError) as fout:
        laad_kompas_data(gegevensmap)
    assert str(fout.value).startswith("De kompasdata in kompas_data/ is ongeldig (1 fout):")
    assert str(tmp_path) not in str(fout.value)
    shutil.rmtree(gegevensmap)
    with pytest.raises(KompasDataError) as fout:
        laad_kompas_data(gegevensmap)
    assert "kompas_data/: deze gegevensmap bestaat niet" in str(fout.value)
    assert str(tmp_path) not in str(fout.value)
