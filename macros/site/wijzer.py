"""Renderers for the kompaswijzer's state pages (the states: data/toestanden.py).

Each page works on its own, without JavaScript: links for the answers, the answers so far
with a "wijzig" link each, and on an outcome the full explanation and the verantwoording.
kompaswijzer.js enhances the same markup; it carries no text of the kompas itself. The
`data-kompas-*` attributes are stable hooks for the intern loket and the tests.
"""

from __future__ import annotations

from typing import Optional

from ..data import adressen, graaf, toestanden
from ..data.adressen import CONTACT, vorm_pad
from ..data.model import KompasData, Vorm
from ..data.toestanden import Toestand
from ..uitvoer import diagram
from .render import Url, md_kop, render_feedback, render_vorm_principes, render_zeggenschap_schaal, tekst

ANTWOORD_TEKST = {"ja": "Ja", "nee": "Nee", toestanden.WEET_NIET: "Weet ik (nog) niet"}


class Links:
    """Links from one state page: to other states (relative, so the same markup works in the
    site and in the embed tree) and to other pages of the site."""

    def __init__(self, toestand: Toestand, url: Url, embed: bool):
        self.diepte = len(toestand.antwoorden)
        self.url = url
        self.embed = embed
        # From the embed view, a page of the site opens outside the frame.
        self.site_attr = ' target="_blank" rel="noopener"' if embed else ""

    def toestand(self, antwoorden: tuple[str, ...]) -> str:
        return ("../" * self.diepte + "".join(f"{a}/" for a in antwoorden)) or "./"

    def site(self, pad: str, label: str) -> str:
        """A link that leaves the wijzer."""
        extra = '<span class="kvz-sr"> (opent in een nieuw venster)</span>' if self.embed else ""
        return f'<a href="{self.url(pad)}"{self.site_attr}>{label}{extra}</a>'


def _acties(toestand: Toestand, links: Links) -> str:
    if not toestand.antwoorden:
        return ""
    vorige = links.toestand(toestand.antwoorden[:-1])
    return (
        '<nav class="kvz-wijzer__acties" aria-label="Kompaswijzer">'
        f'<a class="kvz-knop kvz-knop--tweede" data-kompas-actie="vorige" href="{vorige}">Vorige</a>'
        f'<a class="kvz-knop kvz-knop--tweede" data-kompas-actie="opnieuw" href="{links.toestand(())}">'
        "Opnieuw beginnen</a></nav>"
    )


def _antwoorden_tot_nu(data: KompasData, toestand: Toestand, links: Links) -> str:
    if not toestand.stappen:
        return ""
    items = []
    for i, stap in enumerate(toestand.stappen):
        vraag = data.vraag(stap.vraag)
        wijzig = links.toestand(toestand.antwoorden[:i])
        items.append(
            f'<li data-kompas-antwoord="{stap.vraag}"><span class="kvz-wijzer__eerdere-vraag">{tekst(vraag.tekst)}</span> '
            f"<strong>{ANTWOORD_TEKST[stap.antwoord]}</strong> "
            f'<a href="{wijzig}">wijzig<span class="kvz-sr"> uw antwoord op vraag {i + 1}</span></a></li>'
        )
    return ('<section class="kvz-wijzer__tot-nu" aria-labelledby="kompas-tot-nu">'
            '<h2 id="kompas-tot-nu">Uw antwoorden tot nu toe</h2>'
            f'<ol>{"".join(items)}</ol></section>')


def _wortel(data: KompasData, toestand: Toestand, links: Links, inhoud: str) -> str:
    embed_attr = " data-kompas-embed" if links.embed else ""
    return (f'<div class="kvz-wijzer" data-kompas-wijzer data-kompas-versie="{tekst(data.kompas.versie)}" '
            f'data-kompas-toestand="{toestand.soort}" data-kompas-start="{links.toestand(())}"{embed_attr}>'
            f"{inhoud}</div>")


def render_vraag(data: KompasData, toestand: Toestand, url: Url, embed: bool = False) -> str:
    links = Links(toestand, url, embed)
    vraag = data.vraag(toestand.vraag)
    keuzes = "".join(
        f'<li><a class="kvz-knop" data-antwoord="{a}" href="{links.toestand(toestand.antwoorden + (a,))}">'
        f"{ANTWOORD_TEKST[a]}</a></li>"
        for a in toestanden.KEUZES
    )
    inhoud = (
        f'<p class="kvz-wijzer__stap">Vraag {len(toestand.stappen) + 1}</p>'
        f'<div class="kvz-wijzer__vraag" data-kompas-vraag="{vraag.id}">'
        f'<h2 class="kvz-wijzer__vraagtekst" id="kompas-vraag">{tekst(vraag.tekst)}</h2>'
        f'<ul class="kvz-wijzer__keuzes" aria-label="Kies uw antwoord">{keuzes}</ul>'
        "</div>"
        + _acties(toestand, links)
        + _antwoorden_tot_nu(data, toestand, links)
    )
    return _wortel(data, toestand, links, inhoud) + "\n"


def _vormen_lijst(data: KompasData, vorm_ids: set[str], links: Links) -> str:
    titels = [links.site(vorm_pad(v.id), tekst(v.titel)) for v in data.vormen if v.id in vorm_ids]
    if len(titels) == 1:
        return titels[0]
    return ", ".join(titels[:-1]) + " of " + titels[-1]


def _waarom(data: KompasData, toestand: Toestand, links: Links) -> str:
    """Each answer given, and where the other answer would have led."""
    items = []
    for i, stap in enumerate(toestand.stappen):
        vraag = data.vraag(stap.vraag)
        ander = "nee" if stap.antwoord == "ja" else "ja"
        tot = toestand.antwoorden[:i]
        vorm, vormen = toestanden.bereikbare_vormen(data.kompas, tot, ander)
        alternatief = links.toestand(tot + (ander,))
        if vorm is not None:
            anders = f"uitgekomen bij {_vormen_lijst(data, vormen, links)}"
        else:
            anders = f"nog uit kunnen komen bij {_vormen_lijst(data, vormen, links)}"
        items.append(
            f'<li data-kompas-waarom="{stap.vraag}">'
            f"<p>{tekst(vraag.tekst)}</p>"
            f"<p>Uw antwoord: <strong>{ANTWOORD_TEKST[stap.antwoord]}</strong>. "
            f'<a href="{links.toestand(tot)}">Wijzig<span class="kvz-sr"> uw antwoord op deze vraag</span></a></p>'
            f"<p>Met <strong>{ANTWOORD_TEKST[ander].lower()}</strong> was u {anders}. "
            f'<a href="{alternatief}">Bekijk dat pad<span class="kvz-sr"> (antwoord {ander} op deze vraag)</span></a></p>'
            '<div class="kvz-wijzer__toelichting" data-kompas-alleen-met-js hidden>'
            f'<label for="toelichting-{stap.vraag}">Toelichting bij dit antwoord (mag leeg blijven)</label>'
            f'<textarea id="toelichting-{stap.vraag}" rows="2" data-kompas-toelichting="{stap.vraag}"></textarea>'
            "</div></li>"
        )
    pad = graaf.Pad(toestand.stappen, toestand.vorm)
    schema = (
        '<figure class="kvz-diagram kvz-diagram--route">'
        '<div class="kvz-diagram__kader" role="region" aria-label="Stroomschema met uw route" tabindex="0">'
        f"{diagram.kompas_svg(data, pad)}</div>"
        "<figcaption>Uw route door het kompas is blauw en dik getekend.</figcaption></figure>"
    )
    return ('<section aria-labelledby="kompas-waarom"><h2 id="kompas-waarom">Waarom deze vorm?</h2>'
            "<p>Dit zijn uw antwoorden. Bij elk antwoord staat waar het andere antwoord heen had geleid. "
            "Het kompas opent een gesprek: deze vorm is niet de enige die kan passen.</p>"
            f'<ol class="kvz-wijzer__waarom">{"".join(items)}</ol>{schema}</section>')


def _goed_om_te_weten(data: KompasData) -> str:
    kanttekeningen = "".join(f"<li>{tekst(k)}</li>" for k in data.kompas.kanttekeningen)
    return ('<section class="kvz-kader" aria-labelledby="kompas-weten"><h2 id="kompas-weten">Goed om te weten</h2>'
            f"<p>{tekst(data.kompas.toelichting)}</p>"
            f"<ul>{kanttekeningen}</ul>"
            f'<p class="kvz-kader__motto">{tekst(data.kompas.motto)}</p></section>')


def _zeggenschap_regel(vorm: Vorm) -> str:
    return (f"{vorm.zeggenschap} ({vorm.zeggenschap_schaal} op een schaal van "
            f"0 (geen) tot 4 (volledig))")


def verantwoording_regels(data: KompasData, toestand: Toestand, vorm: Vorm) -> list[tuple[str, Optional[str]]]:
    """The verantwoording as lines of text; a line with a hook name is one the browser fills
    in (date, a toelichting, the full permalink). Plain text: the caller escapes it."""
    regels: list[tuple[str, Optional[str]]] = [
        (f"Afweging samenwerkingsvorm met het Kompas voor zeggenschap, versie {data.kompas.versie}", None),
        ("", "datum"),
        ("", None),
    ]
    for i, stap in enumerate(toestand.stappen, start=1):
        regels.append((f"{i}. {data.vraag(stap.vraag).tekst}", None))
        regels.append((f"   Antwoord: {ANTWOORD_TEKST[stap.antwoord]}", None))
        regels.append(("", f"toelichting:{stap.vraag}"))
    regels += [
        ("", None),
        (f"Uitkomst: {vorm.titel} ({'samenwerkingsvorm' if vorm.samenwerkingsvorm else 'geen samenwerkingsvorm'})", None),
        (f"Mate van zeggenschap voor Utrechters: {_zeggenschap_regel(vorm)}", None),
        (f"Eigenaar: {vorm.eigenaar}", None),
        ("Het kompas geeft richting; deze vorm is niet de enige die kan passen.", None),
        (f"Permalink: /{adressen.WIJZER_PAD}{toestand.pad}", "permalink"),
    ]
    return regels


def _verantwoording(data: KompasData, toestand: Toestand, vorm: Vorm, links: Links) -> str:
    # The permalink is always the state in the site itself, also from the embed view.
    permalink = links.url(adressen.WIJZER_PAD + toestand.pad)
    delen = []
    for regel, haak in verantwoording_regels(data, toestand, vorm):
        if haak is None:
            delen.append(tekst(regel) + "\n")
        elif haak.startswith("toelichting:"):
            delen.append(f'<span data-kompas-regel="{haak}"></span>')
        else:
            href = f' data-kompas-href="{permalink}"' if haak == "permalink" else ""
            delen.append(f'<span data-kompas-regel="{haak}"{href}>{tekst(regel)}\n</span>' if regel
                         else f'<span data-kompas-regel="{haak}"></span>')
    return (
        '<section class="kvz-verantwoording" aria-labelledby="kompas-verantwoording">'
        '<h2 id="kompas-verantwoording">Verantwoording voor de participatieparagraaf</h2>'
        "<p>Neem deze tekst over in de participatieparagraaf van uw college- of raadsvoorstel. "
        '<span data-kompas-zonder-js>Zet er de datum bij. </span>'
        "Met <strong>Afdrukken</strong> in uw browser drukt u alleen deze tekst af.</p>"
        f'<pre class="kvz-verantwoording__tekst" data-kompas-verantwoording tabindex="0" '
        f'aria-label="Tekst van de verantwoording">{"".join(delen)}</pre>'
        '<p class="kvz-verantwoording__kopieer" data-kompas-alleen-met-js hidden>'
        '<button type="button" class="kvz-knop" data-kompas-actie="kopieer">Kopieer de tekst</button> '
        '<span role="status" data-kompas-kopieer-status></span></p>'
        "<p>Uw antwoorden en toelichtingen blijven in uw browser. De site stuurt en bewaart niets.</p>"
        "</section>"
    )


def render_uitkomst(data: KompasData, toestand: Toestand, url: Url, embed: bool = False) -> str:
    links = Links(toestand, url, embed)
    vorm = data.vorm(toestand.vorm)
    soort = ("Dit is een samenwerkingsvorm." if vorm.samenwerkingsvorm else
             "Dit is geen samenwerkingsvorm, maar publieksdienstverlening of de uitvoering van een wettelijke taak.")
    instrumenten = (f"<h3>Voorbeelden van middelen of instrumenten</h3><ul>"
                    f"{''.join(f'<li>{tekst(i)}</li>' for i in vorm.instrumenten)}</ul>") if vorm.instrumenten else ""
    kern = (
        f'<section class="kvz-uitkomst" data-kompas-uitkomst="{vorm.id}" aria-labelledby="kompas-uitkomst">'
        f'<h2 id="kompas-uitkomst" tabindex="-1">Het kompas wijst naar: {tekst(vorm.titel)}</h2>'
        f'<p class="kvz-uitkomst__versie">Uitkomst van het Kompas voor zeggenschap, versie {tekst(data.kompas.versie)}. '
        f"{soort}</p>"
        f"<h3>Wat is het</h3><p>{tekst(vorm.wat_is_het)}</p>"
        f"<h3>Mate van zeggenschap voor Utrechters</h3><p>{tekst(vorm.zeggenschap)}</p>"
        f"{render_zeggenschap_schaal(vorm)}"
        f"<h3>Eigenaar</h3><p>{tekst(vorm.eigenaar)}</p>"
        f"<h3>Wanneer is dit een geschikte vorm</h3><p>{tekst(vorm.wanneer_geschikt)}</p>"
        f"<h3>Inhoudelijke voorbeelden</h3><ul>{''.join(f'<li>{tekst(v)}</li>' for v in vorm.voorbeelden)}</ul>"
        f"{instrumenten}"
        f"<h3>Houding en gedrag</h3>{render_vorm_principes(vorm, data, links.url, links.site_attr)}"
        f"<p>{links.site(vorm_pad(vorm.id), 'Alles over ' + tekst(vorm.titel))}</p>"
        "</section>"
    )
    antwoorden = [f"{i}. {data.vraag(s.vraag).tekst} {ANTWOORD_TEKST[s.antwoord]}"
                  for i, s in enumerate(toestand.stappen, start=1)]
    feedback = render_feedback(
        f"Klopt dit niet? Uitkomst {vorm.titel}",
        [f"Pagina: /{adressen.WIJZER_PAD}{toestand.pad}", f"Kompas voor zeggenschap, versie {data.kompas.versie}",
         "", "Mijn antwoorden:", *antwoorden, "", f"Uitkomst: {vorm.titel}"])
    inhoud = (kern + _waarom(data, toestand, links) + _goed_om_te_weten(data)
              + _verantwoording(data, toestand, vorm, links) + feedback + _acties(toestand, links))
    return _wortel(data, toestand, links, inhoud) + "\n"


def render_open_uitkomst(data: KompasData, toestand: Toestand, url: Url, embed: bool = False) -> str:
    links = Links(toestand, url, embed)
    vraag = data.vraag(toestand.open_vraag)
    routes = toestanden.routes(data.kompas, vraag.id)
    vormen = []
    for vorm in (v for v in data.vormen if v.id in routes):
        items = []
        for route in routes[vorm.id]:
            stappen = "".join(
                f"<li>{tekst(data.vraag(s.vraag).tekst)} <strong>{ANTWOORD_TEKST[s.antwoord]}</strong></li>"
                for s in route)
            items.append(f"<li><ol>{stappen}</ol></li>")
        aantal = len(routes[vorm.id])
        vormen.append(
            f'<li data-kompas-mogelijk="{vorm.id}"><h3>{links.site(vorm_pad(vorm.id), tekst(vorm.titel))}</h3>'
            f"<p>{tekst(vorm.zeggenschap)} {tekst(vorm.wanneer_geschikt)}</p>"
            f"<details><summary>Welke antwoorden leiden hierheen ({aantal} "
            f"{'route' if aantal == 1 else 'routes'})</summary><ul>{''.join(items)}</ul></details></li>"
        )
    terug = links.toestand(toestand.antwoorden[:-1])
    inhoud = (
        f'<section data-kompas-open="{vraag.id}" aria-labelledby="kompas-open">'
        f'<h2 id="kompas-open" tabindex="-1">U weet het antwoord op deze vraag (nog) niet</h2>'
        f'<blockquote><p>{tekst(vraag.tekst)}</p></blockquote>'
        f'<p class="kvz-uitkomst__versie">Kompas voor zeggenschap, versie {tekst(data.kompas.versie)}. '
        f"Het kompas kan nog geen vorm kiezen. Met deze vraag zijn nog {len(vormen)} vormen mogelijk.</p>"
        "<h2>Ons advies: zoek het eerst uit</h2>"
        "<p>Zoek het antwoord op deze vraag uit voordat u een vorm kiest. Doe dat samen met "
        "Utrechters. Team Samen stad maken helpt u graag: "
        f'<a href="mailto:{CONTACT}">{CONTACT}</a>. '
        f'Weet u het antwoord? <a href="{terug}">Ga terug naar de vraag</a>.</p>'
        "<h2>Deze vormen zijn nog mogelijk</h2>"
        f'<ul class="kvz-wijzer__mogelijk">{"".join(vormen)}</ul>'
        "</section>"
        + _goed_om_te_weten(data) + _acties(toestand, links) + _antwoorden_tot_nu(data, toestand, links)
    )
    return _wortel(data, toestand, links, inhoud) + "\n"


def render_toestand(data: KompasData, toestand: Toestand, url: Url, embed: bool = False) -> str:
    if toestand.soort == "vraag":
        return render_vraag(data, toestand, url, embed)
    if toestand.soort == "uitkomst":
        return render_uitkomst(data, toestand, url, embed)
    return render_open_uitkomst(data, toestand, url, embed)


def kop(data: KompasData, toestand: Toestand) -> Optional[str]:
    """The page heading (Markdown) of a state page; a question page takes its title from the
    front matter instead (see `titel_van_vraag`)."""
    if toestand.soort == "uitkomst":
        return md_kop(1, f"Uitkomst: {data.vorm(toestand.vorm).titel}")
    if toestand.soort == "open":
        return md_kop(1, "Nog geen vorm")
    return None


def titel_van_vraag(toestand: Toestand) -> str:
    """Page title for a question state (no data text in it, so it is safe as front matter)."""
    return f"Kompaswijzer, vraag {len(toestand.stappen) + 1}"
