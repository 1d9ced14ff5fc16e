"""Renderers escape everything from the data and link correctly from any page."""

from __future__ import annotations

import contextlib
import dataclasses
import inspect
import re
from dataclasses import replace
from html import escape, unescape
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment, TemplateSyntaxError

from macros.data import adressen, toestanden
from macros.data.betekenis import gepubliceerde_versies
from macros.data.herkomst import Herkomst
from macros.data.model import VASTGESTELD
from macros.data.velden import is_vrije_tekst
from macros.site import (
    beleid,
    dataformaat,
    grafiek_figuren,
    kompas,
    paginas,
    paginasoorten,
    principes,
    sjablonen,
    vormen,
    wijzer,
)
from macros.site.sjablonen import RegelsAaneen, markdown_kop
from macros.uitvoer import grafieken, opmaak
from macros.uitvoer.kompas_json import kompas_dict

VIJANDIG = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&"


def vijandig(waarde):
    """The same data with hostile markup in every text a reader sees."""
    if dataclasses.is_dataclass(waarde):
        velden = {}
        for veld in dataclasses.fields(waarde):
            oud = getattr(waarde, veld.name)
            # Every field the model declares as running text (velden.is_vrije_tekst): a new
            # text field is covered without touching this test.
            if is_vrije_tekst(veld) and isinstance(oud, str):
                velden[veld.name] = VIJANDIG + oud
            elif is_vrije_tekst(veld) and isinstance(oud, list) and all(isinstance(x, str) for x in oud):
                velden[veld.name] = [VIJANDIG + x for x in oud]
            else:
                velden[veld.name] = vijandig(oud)
        return replace(waarde, **velden)
    if isinstance(waarde, list):
        return [vijandig(x) for x in waarde]
    return waarde


def geen_markup_uit_de_data(html: str, toont_data: bool = True) -> None:
    # The wijzer's own JSON block of wording is ours, not from the data.
    html = re.sub(r'<script type="application/json" data-kompas-teksten>[^<]*</script>', "", html)
    # Our own markup may hold an <img> (the flowchart); the data's never arrives as markup.
    assert "<script" not in html and "<img src=x" not in html
    if toont_data:  # and it does arrive, as text
        assert "&lt;script&gt;alert" in html and "&lt;img src=x onerror=alert" in html


NOTA_TEKST = Path(__file__).resolve().parent / "fixtures" / "nota" / "beleidsnota-samen-stad-maken.txt"


def url(adres: str) -> str:
    return "/" + adres


@contextlib.contextmanager
def als_kompasteam(nota, boos, ja: bool):
    """Render as the site does after the kompasteam changed every text: each goes through the
    marked path (`algemeen.nota`: data-bron="kompasteam" and its label), compared with `nota`."""
    if not ja:
        yield
        return
    with sjablonen.met_herkomst(Herkomst(nota, gepubliceerde_versies(boos))):
        yield


# The hostile prefix makes every chart label so long that matplotlib gives up its layout; this
# test is about escaping, not about the charts' looks.
@pytest.mark.filterwarnings("ignore:constrained_layout not applied:UserWarning")
@pytest.mark.parametrize("gewijzigd", [False, True], ids=["de-nota", "van-het-kompasteam"])
def test_alle_paginadelen_escapen_de_data(data, gewijzigd):
    boos = vijandig(data)
    assert boos.vormen[0].titel.startswith(VIJANDIG)
    with als_kompasteam(data, boos, gewijzigd):
        delen = alle_paginadelen(boos)
    for naam, html in delen.items():
        try:
            geen_markup_uit_de_data(html, toont_data=naam not in ZONDER_DATA)
        except AssertionError:
            raise AssertionError(f"{naam}: tekst uit de data is als markup in de pagina gekomen") from None
    # The charts themselves (SVG files): the data's text as text in them too.
    for naam, grafiek in _grafieken(boos).items():
        assert "<script" not in grafiek.svg and "&lt;script&gt;alert" in grafiek.svg + grafiek.alt, naam
    gemarkeerd = sorted(naam for naam, html in delen.items() if 'data-bron="kompasteam"' in html)
    assert gemarkeerd == (sorted(set(delen) - ONGEMARKEERD) if gewijzigd else []), gemarkeerd


# Parts that show no text of the note as such: the site's own summary, the table of routes and
# the overview of vormen (our reading, marked as ours), the changelog (the kompasteam's records),
# the walker's start (ours), and the charts with their tables (the site's own figures, each
# marked as a whole).
ONGEMARKEERD = {
    "in het kort",
    "kompas.render_kompas_schema",
    "vormen.render_vormen_overzicht",
    "kompas.render_versies",
    "wijzer.render_knop",
    "wijzer.render_start",
    *(f"grafiek_figuren.{naam}" for naam in vars(grafiek_figuren) if naam.startswith("render_")),
}


# What a renderer's parameter gets, by the parameter's name: a renderer with a parameter named
# otherwise fails test_elke_renderer_krijgt_vijandige_data until it is given here.
def _argument(naam: str, boos):
    enkelvoud = {"vorm": "vormen", "principe": "principes"}
    if naam == "url":
        return url
    if naam == "data":
        return boos
    if naam in enkelvoud:
        return getattr(boos, enkelvoud[naam])[0]
    if naam == "versie":
        return boos.kompas.versie
    if naam == "lezing":  # as the kompasteam fixes it, so that its name and date show
        return replace(boos.kompas.lezing, status=VASTGESTELD, datum="2027-03-01", door=VIJANDIG + "het kompasteam")
    if naam == "alle":  # the charts, drawn from the hostile data (their captions and tables too)
        return _grafieken(boos)
    if naam == "kompas":
        return boos.kompas
    if hasattr(boos, naam):
        return getattr(boos, naam)
    raise LookupError(naam)


_GETEKEND: dict[int, dict] = {}


def _grafieken(boos) -> dict:
    if id(boos) not in _GETEKEND:
        _GETEKEND.clear()
        _GETEKEND[id(boos)] = grafieken.alle(boos)
    return _GETEKEND[id(boos)]


# Parameters of renderers that are filled elsewhere: a walker state (the test of the walker
# below) and an old address (test_verdwenen_adressen.py), both with this hostile data; the JSON
# Schema holds the model's own words (its code), nothing from the data.
ELDERS = {"toestand", "adres", "schema"}
RENDER_MODULES = (beleid, kompas, principes, vormen, wijzer, grafiek_figuren, dataformaat)


def renderers():
    """Every render_* function of the site's modules, found, not listed."""
    return {
        f"{module.__name__.rsplit('.', 1)[-1]}.{naam}": functie
        for module in RENDER_MODULES
        for naam, functie in vars(module).items()
        if naam.startswith("render_") and inspect.isfunction(functie) and functie.__module__ == module.__name__
    }


# Renderers that show no text of the data: the button that starts the walker, and the overview
# chart's figure (counts in its alt text; the chart is an image file, checked below).
ZONDER_DATA = {"wijzer.render_knop", "grafiek_figuren.render_indicatoren_grafiek"}


def alle_paginadelen(boos) -> dict[str, str]:
    delen = {"in het kort": sjablonen.maak("in_het_kort.html", samenvatting=boos.nota.in_het_kort)}
    for naam, functie in renderers().items():
        parameters = [p for p in inspect.signature(functie).parameters.values() if p.default is p.empty]
        if any(p.name in ELDERS for p in parameters):
            continue
        delen[naam] = functie(*(_argument(p.name, boos) for p in parameters))
    return delen


def test_elke_renderer_krijgt_vijandige_data(data):
    boos = vijandig(data)
    for naam, functie in renderers().items():
        for parameter in inspect.signature(functie).parameters.values():
            if parameter.default is parameter.empty and parameter.name not in ELDERS:
                try:
                    _argument(parameter.name, boos)
                except LookupError:
                    raise AssertionError(f"{naam}: zeg in _argument wat parameter {parameter.name!r} krijgt") from None
    # Found, not listed: the pages of the kompas, the vormen, the principes and the policy.
    assert {"vormen.render_vorm_pagina", "kompas.render_versies", "beleid.render_risicos"} <= set(renderers())


def test_elke_paginasoort_uit_de_gegevens_escapet_de_data(data):
    """Every kind of page made from the data (paginasoorten.py), found, not listed: a new kind
    with only a template is covered as soon as it is registered."""
    boos = vijandig(data)
    for soort in paginasoorten.SOORTEN:
        if soort.maak is None:
            continue
        records = soort.maak.records(boos)
        assert records, soort.naam
        pagina = paginas.pagina(soort, boos, records[0])
        html = pagina.markdown(url) + (pagina.na_markdown(url) if pagina.na_markdown else "")
        try:
            geen_markup_uit_de_data(html)
        except AssertionError:
            raise AssertionError(
                f"paginasoort {soort.naam}: tekst uit de data is als markup in de pagina gekomen"
            ) from None


@pytest.mark.parametrize("gewijzigd", [False, True], ids=["de-nota", "van-het-kompasteam"])
def test_elke_toestand_van_de_wijzer_escapet_de_data(data, gewijzigd):
    boos = vijandig(data)
    gezien = set()
    for toestand in toestanden.toestanden(boos.kompas):
        if toestand.soort in gezien:
            continue  # one of each kind is enough: they share the templates
        gezien.add(toestand.soort)
        for embed in (False, True):
            with als_kompasteam(data, boos, gewijzigd):
                html = wijzer.render_toestand(boos, toestand, url, embed)
            geen_markup_uit_de_data(html)
            assert ('data-bron="kompasteam"' in html) == gewijzigd
    assert gezien == {"vraag", "uitkomst", "open"}


def test_een_kop_uit_de_data_maakt_geen_opmaak_of_html():
    kop = markdown_kop("Peilen *nu* <b>[link](x)</b> #1", 1)
    assert kop.startswith("# ")
    assert "<b>" not in kop and "\\*nu\\*" in kop and "\\[link\\]" in kop and "\\#1" in kop


def test_een_kop_met_aanhalingstekens_blijft_tekst_in_markdown():
    import markdown

    # The HTML escapes of quotes contain "#" and "&"; they must reach the page as entities.
    html = markdown.markdown(markdown_kop("Zeg \"ja\" & 'nee' <b> *x* #1", 2))
    assert html == "<h2>Zeg &#34;ja&#34; &amp; &#39;nee&#39; &lt;b&gt; *x* #1</h2>"


def test_de_kop_van_een_vormpagina_is_veilig(data):
    vorm = replace(data.vormen[0], titel="Peilen *nu* <script>")
    eerste_regel = vormen.render_vorm_pagina(vorm, data, url).splitlines()[0]
    assert eerste_regel == "# Peilen \\*nu\\* &lt;script&gt;"


def _omgeving(sjablonen_tekst: dict[str, str]) -> Environment:
    return Environment(loader=DictLoader(sjablonen_tekst), autoescape=True, extensions=[RegelsAaneen])


def test_regelovergangen_tussen_tags_vallen_weg_in_html_sjablonen():
    omgeving = _omgeving(
        {"a.html": "<ul>\n  <li>{{ x }}</li>\n\n  <li>b</li>\n</ul>\n", "a.md": "# {{ x }}\n\n<p>b</p>\n"}
    )
    assert omgeving.get_template("a.html").render(x="a") == "<ul><li>a</li><li>b</li></ul>"
    assert omgeving.get_template("a.md").render(x="a") == "# a\n\n<p>b</p>"


@pytest.mark.parametrize("bron", ["<p>twee\n  woorden</p>", "<p>{{ x }}\n  woorden</p>", '<a href="x"\n  class="y">'])
def test_een_regelovergang_in_tekst_is_een_fout(bron):
    with pytest.raises(TemplateSyntaxError, match="regelovergang"):
        _omgeving({"a.html": bron}).get_template("a.html")


def test_een_fout_van_jinja_in_een_html_sjabloon_noemt_de_regel_van_het_bestand():
    bron = "<table>\n  <tr>\n\n    <td>{{ x }}</td>\n    <td>{{ [1, *y] }}</td>\n  </tr>\n</table>\n"
    with pytest.raises(TemplateSyntaxError) as fout:
        _omgeving({"a.html": bron}).get_template("a.html")
    assert fout.value.lineno == 5


def test_commentaar_mag_over_regels_lopen():
    omgeving = _omgeving({"a.html": "{#- Waarom dit zo is,\n    in gewone zinnen. -#}\n<p>a</p>\n"})
    assert omgeving.get_template("a.html").render() == "<p>a</p>"


def test_elk_sjabloon_is_geldig():
    omgeving = sjablonen.omgeving()
    namen = omgeving.list_templates()
    assert "vorm.md" in namen and "wijzer/uitkomst.html" in namen
    for naam in namen:
        omgeving.get_template(naam)  # compiles, and obeys RegelsAaneen


def test_elk_sjabloon_gaat_mee_in_het_pakket():
    # A non-editable install has only the package data that pyproject.toml names.
    import fnmatch
    import tomllib
    from pathlib import Path

    pyproject = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    patronen = pyproject["tool"]["setuptools"]["package-data"]["macros.site"]
    for naam in sjablonen.omgeving().list_templates():
        assert any(fnmatch.fnmatch(f"templates/{naam}", p) and naam.count("/") == p.count("/") - 1 for p in patronen), (
            naam
        )


def test_relatieve_url():
    assert adressen.relatieve_url("", "kompas/") == "kompas/"
    assert adressen.relatieve_url("", "") == "./"
    assert adressen.relatieve_url("kompas/vormen/peilen/", "principes/lef-tonen/") == "../../../principes/lef-tonen/"
    assert adressen.relatieve_url("principes/", "principes/") == "../principes/"


def test_euro_in_nederlandse_notatie():
    assert opmaak.euro(5300) == "5.300"
    assert opmaak.euro(499060) == "499.060"
    assert opmaak.euro(0) == "0"


def test_schaal_markeert_precies_de_eigen_stap(data):
    for vorm in data.vormen:
        html = vormen.render_vorm_pagina(vorm, data, url)
        (schaal,) = re.findall(r'<div class="kvz-schaal__balk".*?</div>', html)
        stappen = re.findall(r'<span class="kvz-schaal__stap( kvz-schaal__stap--actief)?">', schaal)
        assert [i for i, actief in enumerate(stappen) if actief] == [vorm.zeggenschap_schaal]
        assert f"<dd>{vorm.zeggenschap_schaal} op een schaal van 0 (geen) tot 4" in html
        # The scale and the eigenaar are our reading of the note's words: marked as ours.
        (lezing,) = re.findall(r'<div class="kvz-eigen kvz-lezing" data-bron="site">.*?</dl>', html, re.S)
        assert "Zeggenschap op onze schaal" in lezing and f"<dd>{vorm.eigenaar}</dd>" in lezing


def test_vragenlijst_noemt_elke_vraag_en_elk_doel(data):
    html = kompas.render_vragen(data, url)
    for vraag in data.kompas.vragen:
        assert f'id="vraag-{vraag.id}"' in html
        assert str(sjablonen.omgeving().from_string("{{ t }}").render(t=vraag.tekst)) in html
    for vorm in data.vormen:
        assert f'href="/kompas/vormen/{vorm.id}/"' in html


def test_financien_tabel_toont_alle_bedragen(data):
    html = beleid.render_financien(data.financien, url)
    for post in data.financien.posten:
        for bedrag in post.bedragen:
            assert re.search(rf"<td [^>]*>{re.escape(opmaak.euro(bedrag))}</td>", html)
    for bedrag in data.financien.totaal.bedragen:
        assert re.search(rf"<td [^>]*>{re.escape(opmaak.euro(bedrag))}\*</td>", html)


def test_kompas_json_heeft_de_gedocumenteerde_vorm(data):
    from macros.data.model import Vorm, Vraag
    from macros.site import dataformaat
    from macros.uitvoer import json_schema
    from macros.uitvoer.kompas_json import VELDEN

    bouw = {"commit": "abc", "datum": "2026-11-27"}
    k = kompas_dict(data, bouw)
    assert list(k) == list(VELDEN) and k["bouw"] == bouw
    assert "bouw" not in kompas_dict(data)
    # "Elke vraag heeft de velden van Vraag, elke vorm die van Vorm, en bron" (Voor ontwikkelaars).
    for vraag in k["vragen"]:
        assert list(vraag) == [f.name for f in dataclasses.fields(Vraag)] + ["bron"]
        assert list(vraag["bron"]) == [f.name for f in dataclasses.fields(Vraag)]
        for doel in (vraag["ja"], vraag["nee"]):
            assert len(doel) == 1 and set(doel) <= {"vraag", "vorm"}
    for vorm in k["vormen"]:
        assert list(vorm) == [f.name for f in dataclasses.fields(Vorm)] + ["bron"]
        assert set(vorm["bron"].values()) <= {"nota", "site", "kompasteam"}
    tabel = dataformaat.render_kompas_json_velden(json_schema.dataset_schema())
    assert re.findall(r'<th [^>]*scope="row"><code>(\w+)</code></th>', tabel) == list(VELDEN)
    assert re.search(r'<a [^>]*href="#data-vraag">Vraag</a>', tabel) and re.search(
        r'<a [^>]*href="#data-vorm">Vorm</a>', tabel
    )


def test_citaat_staat_na_de_alinea_waar_de_nota_het_afdrukt(kompas10):
    principe = next(p for p in kompas10.principes if p.citaten and len(p.alineas) >= 2)
    citaat = principe.citaten[0]

    def volgorde(na_alinea):
        p = replace(principe, citaten=[replace(citaat, na_alinea=na_alinea)])
        html = principes.render_principe_pagina(p, kompas10, url)
        plekken = [html.index(str(sjablonen.omgeving().from_string("{{ t }}").render(t=a))) for a in p.alineas]
        return sum(plek < html.index("kvz-citaat") for plek in plekken)

    assert volgorde(1) == 1  # after the first paragraph, as the note prints it
    assert volgorde(None) == len(principe.alineas)  # without na_alinea: after the last


def test_voorbeelden_en_instrumenten_als_de_zin_van_de_nota(kompas10):
    """The note writes a vorm's examples and instruments as one sentence with commas; the vorm
    page has that sentence, word for word as in the note (tests/fixtures/nota/), not a list."""
    nota = re.sub(r"(\w)- (\w)", r"\1\2", " ".join(NOTA_TEKST.read_text(encoding="utf-8").split()))
    for vorm in kompas10.vormen:
        pagina = vormen.render_vorm_pagina(vorm, kompas10, url)
        alineas = [unescape(a) for a in re.findall(r"<p>([^<]*)</p>", pagina)]
        for items in (vorm.voorbeelden, vorm.instrumenten):
            # The note ends one instrument sentence without a full stop (Overheidsparticipatie).
            zinnen = [a for a in alineas if all(i in a for i in items) and a.rstrip(".") in nota]
            assert not items or zinnen, (vorm.id, items)
            assert not any(f"<li>{escape(i)}</li>" in pagina for i in items), vorm.id
    # voorbeelden_zin: the note's sentence where joining the list would not give it.
    zin = "Publieksdienstverlening zoals handhaving, uitgifte paspoorten, schoolinspecties."
    vorm = kompas10.vormen[-1]
    assert f"<p>{zin}</p>" in vormen.render_vorm_pagina(replace(vorm, voorbeelden_zin=zin), kompas10, url)


def test_sterretje_zegt_alleen_bij_een_nieuwe_indicator_dat_die_nieuw_is(kompas10):
    """The note's line under the table ("* nieuwe indicator, dus nog geen nulmeting …") is read
    at a star; at an indicator with a 0-meting the star only means: not known yet."""
    indicatoren = kompas10.indicatoren
    html = beleid.render_indicatoren(indicatoren, url)
    rijen = re.findall(r"<tr[ >].*?</tr>", html, re.DOTALL)[1:]  # the first is the header
    alle = [i for groep in indicatoren.groepen for i in groep.indicatoren]
    assert len(rijen) == len(alle)
    nieuw = f"({indicatoren.toelichting_nieuw})"
    gezien = set()
    for indicator, rij in zip(alle, rijen, strict=True):
        sterren = sum(1 for m in indicator.metingen if m is None or not m.waarde)
        verwacht, ander = (nieuw, "(nog niet bekend)") if indicator.nieuw else ("(nog niet bekend)", nieuw)
        assert rij.count(verwacht) == sterren and ander not in rij, indicator.id
        if sterren:
            gezien.add(indicator.nieuw)
    assert gezien == {True, False}, "de vaste data heeft sterren bij nieuwe en bij bestaande indicatoren"
