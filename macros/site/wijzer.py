"""The kompaswijzer's state pages (the states: data/toestanden.py; the markup and wording:
templates/wijzer/).

Each page works on its own, without JavaScript: links for the answers, the answers so far
with a "wijzig" link each, and on an outcome the full explanation and the verantwoording.
kompaswijzer.js enhances the same markup; it carries no text of the kompas itself. The
`data-kompas-*` attributes are stable hooks for the intern loket and the tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from markupsafe import Markup

from ..data import adressen, graaf, toestanden
from ..data.betekenis import EerdereUitkomst, VerdwenenAdres, eerdere_uitkomsten, verdwenen_adressen
from ..data.model import KompasData, Lezing, Vorm, Vraag
from ..data.toestanden import Toestand
from ..uitvoer import diagram
from .feedback import feedback_link
from .sjablonen import Url, herkomst, maak, omgeving, volledig_adres

# The id of the page heading of the wijzer's start page ("# Kompaswijzer") and of every state:
# the theme's skip link ("Ga naar inhoud") points at it, also after the script swapped in
# another state.
KOP_ID = "kompaswijzer"
# The id of the question's heading where it is not the page heading (the start page, which
# has "# Kompaswijzer" and an introduction above it).
VRAAG_ID = "kompas-vraag"
# The page heading and title of an address that only earlier versions had (no text from the
# data in it, so it is safe as front matter).
VERDWENEN_TITEL = "Dit adres hoort bij een eerdere versie van het kompas"
# The page heading and title after "Weet ik (nog) niet".
OPEN_TITEL = "Nog geen vorm"


def antwoord_teksten() -> dict[str, str]:
    """The answers as the wijzer shows them (templates/wijzer/_teksten.html), for the mail."""
    # What a template sets at its top level are its module's attributes, named only at runtime.
    teksten: dict[str, str] = vars(omgeving().get_template("wijzer/_teksten.html").module)["antwoorden"]
    return teksten


def _delen() -> Any:
    """The macros of templates/wijzer/_delen.html, for the parts rendered once per build (Any: a
    template's macros are found by name when it runs)."""
    return omgeving().get_template("wijzer/_delen.html").module


class _Opname:
    """The page's `url`, noting every address asked for and the link it gave."""

    def __init__(self, url: Url):
        self.url = url
        self.links: dict[str, str] = {}

    def __call__(self, doel: str) -> str:
        self.links[doel] = self.url(doel)
        return self.links[doel]


@dataclass
class _Gemaakt:
    data: KompasData  # held: while the part is kept, no other object can take this id
    varianten: list[tuple[dict[str, str], Markup]] = field(default_factory=list)


class EenKeerPerBouw:
    """A part that many states show alike, rendered once per build instead of once per page.

    The part follows from one build's data (by identity: a build loads it once), a few plain
    values (a question's id), the comparison with the note the templates ask (`gewijzigd`) and
    the site's address, and from the links it asks the page's `url` for. Those are relative to
    the page, so the part is kept with each link it asked for and reused only on a page where
    `url` gives the same links; elsewhere it is rendered again and kept beside the first. A page
    therefore gets byte for byte the markup that rendering the part on it would give."""

    def __init__(self, maak: Callable[..., Markup]):
        self.maak = maak  # maak(url, data, *waarden)
        self._gemaakt: dict[tuple, _Gemaakt] = {}
        self._bouw: tuple = ()

    def __call__(self, url: Url, data: KompasData, *waarden: str) -> Markup:
        bouw = (herkomst(), volledig_adres(""))
        if bouw != self._bouw:
            self._gemaakt.clear()  # another build: what the last one made is of no use
            self._bouw = bouw
        gemaakt = self._gemaakt.setdefault((id(data), *waarden), _Gemaakt(data))
        for links, deel in gemaakt.varianten:
            if all(url(doel) == link for doel, link in links.items()):
                return deel
        opname = _Opname(url)
        deel = self.maak(opname, data, *waarden)
        gemaakt.varianten.append((opname.links, deel))
        return deel


def _mogelijk(data: KompasData, open_vraag: str) -> list[tuple[Vorm, list[tuple[graaf.Stap, ...]]]]:
    """With question `open_vraag` open: each vorm still possible, with the routes to it."""
    routes = toestanden.routes(data.kompas, open_vraag)
    return [(vorm, routes[vorm.id]) for vorm in data.vormen if vorm.id in routes]


# What to know beside the kompas: the same on every outcome.
_goed_om_te_weten = EenKeerPerBouw(
    lambda url, data: _delen().goed_om_te_weten(data.kompas, url, data.vormen, data.risicos)
)
# The routes to each vorm still possible: the same on every state that leaves this question open.
_routes_per_vorm = EenKeerPerBouw(
    lambda url, data, open_vraag: _delen().routes_per_vorm(
        data, data.vraag(open_vraag), _mogelijk(data, open_vraag), graaf.vraagnummers(data.kompas)
    )
)


class Links:
    """Links from one state page: to other states (relative, so the same markup works in the
    site and in the embed tree) and, through `url`, to other pages of the site."""

    def __init__(self, toestand: Toestand | VerdwenenAdres, url: Url, embed: bool):
        self.diepte = len(toestand.antwoorden)
        self.url = url
        # From the embed view, a page of the site opens outside the frame.
        self.embed = embed

    def toestand(self, antwoorden) -> str:
        return ("../" * self.diepte + "".join(f"{a}/" for a in antwoorden)) or "./"


@dataclass(frozen=True)
class Waarom:
    """One answer on the way to an outcome, and where the other answer would have led."""

    vraag: Vraag
    antwoord: str
    ander: str
    alternatief: str  # the link to the state after the other answer
    uitkomst: bool  # the other answer ends at once
    vormen: list[Vorm]  # the other vormen the other answer leads or can still lead to
    ook_hier: bool  # the other answer can lead to this outcome's vorm as well


def _gegevens(data: KompasData, toestand: Toestand, url: Url, embed: bool, eerder=()) -> dict:
    # One numbering everywhere: the kompas' own ("Vraag 7"), as on the kompas page and in the
    # diagram; the walker's progress is shown apart as "stap".
    return {
        "data": data,
        "toestand": toestand,
        "links": Links(toestand, url, embed),
        "url": url,
        "nummers": graaf.vraagnummers(data.kompas),
        "eerder": eerder,
    }


def render_knop(url: Url) -> str:
    """The "Start de kompaswijzer" button near the top of the home page and the kompas page."""
    return maak("wijzer/knop.html", url=url)


def render_start(url: Url, lezing: Lezing) -> str:
    """The start text above the first question: who the wijzer is for, and what it is (and how
    far the reading of the flowchart it follows is: `lezing`)."""
    return maak("wijzer/start.html", url=url, lezing=lezing)


def render_vraag(
    data: KompasData, toestand: Toestand, url: Url, embed: bool = False, eerder=(), paginakop: bool = False
) -> str:
    """`paginakop`: the question is the page's heading (h1, as GOV.UK's question pages have
    it). Not so on the start page, whose heading is "Kompaswijzer" (content/kompas/wijzer/)."""
    return maak(
        "wijzer/vraag.html",
        **_gegevens(data, toestand, url, embed, eerder),
        keuzes=toestanden.KEUZES,
        kop_niveau=1 if paginakop else 2,
        kop_id=KOP_ID if paginakop else VRAAG_ID,
    )


def _waarom(data: KompasData, toestand: Toestand, links: Links) -> list[Waarom]:
    """Per answer, where the other answer leads. The outcome itself is never named as an
    alternative: where the other answer can lead here too, `ook_hier` says so."""
    uit = []
    for i, stap in enumerate(toestand.stappen):
        ander = "nee" if stap.antwoord == "ja" else "ja"
        tot = toestand.antwoorden[:i]
        vorm, vormen = toestanden.bereikbare_vormen(data.kompas, tot, ander)
        # The alternatives are the other vormen: the outcome itself is no alternative to itself.
        uit.append(
            Waarom(
                data.vraag(stap.vraag),
                stap.antwoord,
                ander,
                links.toestand(tot + (ander,)),
                vorm is not None,
                [v for v in data.vormen if v.id in vormen and v.id != toestand.vorm],
                toestand.vorm in vormen,
            )
        )
    return uit


def render_uitkomst(data: KompasData, toestand: Toestand, url: Url, embed: bool = False, eerder=()) -> str:
    if toestand.vorm is None:
        raise ValueError(f"geen uitkomst van de kompaswijzer: {toestand.pad!r}")
    gegevens = _gegevens(data, toestand, url, embed, eerder)
    vorm = data.vorm(toestand.vorm)
    tekst = antwoord_teksten()
    nummers = gegevens["nummers"]
    antwoorden = [
        f"Vraag {nummers[s.vraag]}. {data.vraag(s.vraag).tekst} {tekst[s.antwoord]}" for s in toestand.stappen
    ]
    feedback = feedback_link(
        f"Klopt dit niet? Uitkomst {vorm.titel}",
        [
            f"Pagina: /{adressen.WIJZER_PAD}{toestand.pad}",
            f"Kompas voor zeggenschap, versie {data.kompas.versie}",
            "",
            "Mijn antwoorden:",
            *antwoorden,
            "",
            f"Uitkomst: {vorm.titel}",
        ],
    )
    # The diagram is our own SVG, its texts escaped where it is drawn (uitvoer/diagram.py).
    route_svg = Markup(diagram.kompas_svg(data, graaf.Pad(toestand.stappen, toestand.vorm)))
    return maak(
        "wijzer/uitkomst.html",
        **gegevens,
        kop_tekst=paginatitel(data, toestand),
        kop_id=KOP_ID,
        vorm=vorm,
        feedback=feedback,
        route_svg=route_svg,
        waarom=_waarom(data, toestand, gegevens["links"]),
        goed_om_te_weten=_goed_om_te_weten(url, data),
    )


def render_open_uitkomst(data: KompasData, toestand: Toestand, url: Url, embed: bool = False) -> str:
    open_vraag = toestand.open_vraag
    if open_vraag is None:
        raise ValueError(f"toestand {toestand.pad!r} is geen open uitkomst")
    return maak(
        "wijzer/open.html",
        **_gegevens(data, toestand, url, embed),
        mogelijk=_mogelijk(data, open_vraag),
        kop_tekst=paginatitel(data, toestand),
        kop_id=KOP_ID,
        goed_om_te_weten=_goed_om_te_weten(url, data),
        routes_per_vorm=_routes_per_vorm(url, data, open_vraag),
    )


def render_toestand(
    data: KompasData, toestand: Toestand, url: Url, embed: bool = False, eerder=(), paginakop: bool = False
) -> str:
    """`eerder`: what this walk gave in earlier versions, where that differs
    (betekenis.eerdere_uitkomsten, once per tree of pages: `alle_paginas` below). `paginakop`: a
    question is the page's heading (see `render_vraag`); on a state page of its own it is."""
    if toestand.soort == "vraag":
        return render_vraag(data, toestand, url, embed, eerder, paginakop)
    if toestand.soort == "uitkomst":
        return render_uitkomst(data, toestand, url, embed, eerder)
    return render_open_uitkomst(data, toestand, url, embed)


def render_verdwenen(data: KompasData, adres: VerdwenenAdres, url: Url, embed: bool = False) -> str:
    """The page of an address that only earlier versions had: what it gave in each, with a
    link to that place on the version's page, and the way into the current walker."""
    return maak(
        "wijzer/verdwenen.html",
        data=data,
        verdwenen=adres,
        links=Links(adres, url, embed),
        kop_tekst=VERDWENEN_TITEL,
        kop_id=KOP_ID,
    )


@dataclass(frozen=True)
class Pagina:
    """A page of the wijzer (paginasoorten.py: in the site and in the embed): a state, with
    what its walk gave in earlier versions where that differs, or an address that only
    earlier versions had."""

    plek: Toestand | VerdwenenAdres
    eerder: list[EerdereUitkomst] = field(default_factory=list)


def alle_paginas(data: KompasData) -> list[Pagina]:
    """Every state, then every address that only earlier versions had. Raises
    toestanden.TeVeelToestanden for a kompas too big to build."""
    eerder = eerdere_uitkomsten(data)
    staten = [Pagina(t, eerder.get("/".join(t.antwoorden), [])) for t in toestanden.toestanden(data.kompas)]
    return staten + [Pagina(adres) for adres in verdwenen_adressen(data)]


def pad_van(pagina: Pagina) -> str:
    """The page's part of its address: its answers ("nee/ja"; "" for the first question)."""
    return "/".join(pagina.plek.antwoorden)


def pagina_html(pagina: Pagina, data: KompasData, url: Url, embed: bool) -> str:
    if isinstance(pagina.plek, VerdwenenAdres):
        return render_verdwenen(data, pagina.plek, url, embed)
    return render_toestand(data, pagina.plek, url, embed, pagina.eerder, paginakop=True)


def kop_van(pagina: Pagina, data: KompasData) -> str:
    """The page's heading (in its HTML, below the back link, as GOV.UK has it) and title."""
    if isinstance(pagina.plek, VerdwenenAdres):
        return VERDWENEN_TITEL
    return paginatitel(data, pagina.plek)


def paginatitel(data: KompasData, toestand: Toestand) -> str:
    """The page heading and title of a state page (plain text; the templates write the heading
    below the back link, the page takes its <title> from the front matter)."""
    if toestand.vorm is not None:
        return f"Uitkomst: {data.vorm(toestand.vorm).titel}"
    if toestand.open_vraag is not None:
        return OPEN_TITEL
    return titel_van_vraag(data, toestand)


def titel_van_vraag(data: KompasData, toestand: Toestand) -> str:
    """Page title for a question state (no data text in it, so it is safe as front matter),
    with the kompas' own number of the question."""
    if toestand.vraag is None:
        raise ValueError(f"geen vraag van de kompaswijzer: {toestand.pad!r}")
    return f"Kompaswijzer, vraag {graaf.vraagnummers(data.kompas)[toestand.vraag]}"
