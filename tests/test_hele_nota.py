"""The whole note on one page and as a PDF: assembled from the site's own pages, in reading
order, with every heading; the PDF tagged, with contents, page numbers and bookmarks."""

from __future__ import annotations

import re
from html import escape, unescape
from urllib.parse import urljoin

import pytest

from macros.data import adressen
from macros.site import hele_nota, paginasoorten
from macros.site.hele_nota import Deel, omgezet

from .htmlscan import KOPPEN, artikel

NOTA = adressen.NOTA_PAD


# --- Assembling: one page's HTML in its place in the whole ----------------------------------

VOORBEELD = Deel(
    "kompas/index.md",
    "kompas/",
    "Kompas",
    1,
    '<h1 id="kompas">Kompas</h1><h2 id="vragen">Vragen</h2>'
    '<p><a href="#vragen">hier</a> <a href="vormen/peilen/#wat-is-het">Peilen</a> '
    '<a href="wijzer/">de wijzer</a> <a href="https://www.utrecht.nl/">Utrecht</a> '
    '<a href="../">home</a></p>'
    '<aside data-alleen-site><p>Klopt dit niet?<br><img src="x.png" alt=""></p></aside>'
    '<section aria-labelledby="vragen"><img src="../grafieken/a.svg" alt="A"></section>'
    "<table><tr><th>Route</th><th data-alleen-site>Wijzer</th></tr></table>"
    '<a class="headerlink" href="#kompas">¶</a><p>a &amp; b &#8217;</p>'
    '<div role="region" aria-labelledby="vragen kompas"></div>',
)
ANKERS = {"kompas/": "kompas", "kompas/vormen/peilen/": "kompas-vormen-peilen"}


def test_koppen_schuiven_op_met_de_diepte_en_ids_krijgen_de_pagina_ervoor():
    html = omgezet(VOORBEELD, ANKERS)
    assert '<h3 id="kompas--kompas">Kompas</h3><h4 id="kompas--vragen">Vragen</h4>' in html
    assert "<section><img" in html  # not a landmark: twenty "In het kort" regions would be noise
    assert "a &amp; b &#8217;" in html
    assert 'aria-labelledby="kompas--vragen kompas--kompas"' in html


def test_links_binnen_de_nota_worden_ankers_en_andere_blijven_werken():
    html = omgezet(VOORBEELD, ANKERS)
    assert '<a href="#kompas--vragen">hier</a>' in html
    assert '<a href="#kompas-vormen-peilen--wat-is-het">Peilen</a>' in html
    assert '<a href="../kompas/wijzer/">de wijzer</a>' in html  # relative to nota/
    assert '<a href="../">home</a>' in html
    assert '<a href="https://www.utrecht.nl/">Utrecht</a>' in html
    assert '<img src="../grafieken/a.svg" alt="A">' in html


def test_in_de_pdf_worden_links_buiten_de_nota_tekst():
    html = omgezet(VOORBEELD, ANKERS, buiten=None)
    assert "<a>de wijzer</a>" in html and "<a>home</a>" in html
    assert '<a href="#kompas-vormen-peilen--wat-is-het">Peilen</a>' in html
    assert '<img src="../grafieken/a.svg" alt="A">' in html  # images still come from the site


def test_alleen_voor_de_site_blijft_weg():
    html = omgezet(VOORBEELD, ANKERS)
    assert "Klopt dit niet" not in html and "x.png" not in html
    assert "Wijzer" not in html and "<th>Route</th></tr>" in html
    assert "headerlink" not in html and "¶" not in html


def test_eigen_tekst_van_de_site_blijft_weg():
    deel = Deel(
        "x.md",
        "x/",
        "X",
        0,
        '<h1 id="x">X</h1><section data-bron="site"><h2 id="k">In het kort</h2><p>Samenvatting</p></section>'
        '<p>De nota.</p><p><strong data-bron="site">Vraag 1.</strong> Vraag?</p><img data-bron="site" src="a.svg">',
    )
    html = omgezet(deel, {})
    assert "Samenvatting" not in html and "In het kort" not in html and "Vraag 1." not in html
    assert "a.svg" not in html and "<p>De nota.</p>" in html and "Vraag?" in html


def test_onderdelen_staan_waar_de_pagina_ze_plaatst_en_koppen_in_de_inhoud():
    kompas = Deel(
        "kompas/index.md",
        "kompas/",
        "Kompas",
        0,
        '<h1 id="kompas">Kompas</h1><h2 id="lees" data-nota-inhoud="">Leeswijzer</h2><p>Voor.</p>'
        "<div data-nota-onderdelen hidden></div><p>Na.</p>",
    )
    vorm = Deel("kompas/vormen/peilen.md", "kompas/vormen/peilen/", "Peilen", 1, "<h1>Peilen</h1><p>Vorm.</p>")
    daarna = Deel("implementatie.md", "implementatie/", "Implementatie", 0, "<h1>Implementatie</h1>")
    delen = [kompas, vorm, daarna]
    ankers = {d.url: d.anker for d in delen}
    secties = hele_nota.secties(delen, ankers, None)
    assert [(s.anker, s.diepte) for s in secties] == [
        ("kompas", 0),
        ("kompas-vormen-peilen", 1),
        ("kompas--vervolg", 0),
        ("implementatie", 0),
    ]
    assert "Voor." in secties[0].html and "Na." not in secties[0].html and "Na." in secties[2].html
    assert "data-nota-onderdelen" not in "".join(s.html for s in secties)
    inhoud = hele_nota.inhoudsopgave(delen)
    assert [(k.titel, k.anker) for k in inhoud[0].kinderen] == [
        ("Leeswijzer", "kompas--lees"),
        ("Peilen", "kompas-vormen-peilen"),
    ]


def test_een_niet_gesloten_weggelaten_element_is_een_fout():
    with pytest.raises(ValueError, match="wordt niet gesloten"):
        omgezet(Deel("x.md", "x/", "X", 0, "<div data-alleen-site><p>open"), {})


# --- The page on the site -------------------------------------------------------------------


def leesvolgorde(html_paginas) -> list[str]:
    """The note's pages as a reader meets them: from the voorwoord, following each page's
    "Volgende" link (mkdocs-material's footer), skipping the site's own pages."""
    volgorde, pad = [], "voorwoord/"
    while pad is not None:
        if paginasoorten.hoort_bij_nota(pad):
            volgorde.append(pad)
        volgende = re.search(r'<a href="([^"]+)" class="md-footer__link md-footer__link--next"', html_paginas[pad])
        pad = urljoin("/" + pad, volgende.group(1)).lstrip("/") if volgende else None
    return volgorde


@pytest.fixture(scope="module")
def nota(html_paginas):
    return html_paginas[NOTA]


def test_elke_pagina_van_de_nota_in_leesvolgorde(paginas_van_de_nota, nota):
    volgorde = leesvolgorde(paginas_van_de_nota)
    assert "voorwoord/" in volgorde and "bijlage/wijkplatforms/" in volgorde and len(volgorde) > 20
    secties = re.findall(r'<section class="kvz-nota-deel kvz-nota-deel--\d" id="([^"]+)">', nota)
    paginas = [s for s in secties if not s.startswith("deel-") and not s.endswith("--vervolg")]
    assert paginas == [hele_nota.anker(p) for p in volgorde]
    assert "deel-b-opgave" in secties  # the note's part B, a heading without a page of its own
    # The vormen stand in the middle of the kompas page, where the note has them.
    vormen = [i for i, s in enumerate(secties) if s.startswith("kompas-vormen-")]
    assert secties[vormen[0] - 1] == "kompas" and secties[vormen[-1] + 1] == "kompas--vervolg"


def test_elke_kop_van_elke_pagina_staat_erin_in_volgorde(paginas_van_de_nota, nota):
    positie = 0
    for pad, kop in koppen_in_notavolgorde(paginas_van_de_nota):
        gevonden = nota.find(f">{kop}</h", positie)
        assert gevonden >= 0, (pad, kop)
        positie = gevonden


def koppen(html: str) -> list[str]:
    """The headings of a page's article that belong to the note, as HTML text: not those only
    for the site, and not those of our own text (data-bron="site", or inside it)."""

    def van_de_nota(element) -> bool:
        while element is not None:
            if "data-alleen-site" in element.attrs or element.eigen:
                return False
            element = element.ouder
        return True

    return [
        escape(" ".join(kop.tekst().split()), quote=False)
        for kop in artikel(html).alle()
        if kop.tag in KOPPEN and van_de_nota(kop)
    ]


def koppen_in_notavolgorde(html_paginas) -> list[tuple[str, str]]:
    """(page, heading) in the note's order: a page that marks the place of the pages under it
    (data-nota-onderdelen) has its headings after that place after those pages."""
    uit, wacht = [], []  # wacht: (prefix of the pages under it, the page's remaining headings)
    for pad in leesvolgorde(html_paginas):
        while wacht and not pad.startswith(wacht[-1][0]):
            uit += wacht.pop()[1]
        html = html_paginas[pad]
        if "data-nota-onderdelen" in html:
            voor, na = html.split("data-nota-onderdelen", 1)
            uit += [(pad, k) for k in koppen(voor + "</article>")]
            wacht.append((pad, [(pad, k) for k in koppen('<article class="md-content__inner md-typeset">' + na)]))
        else:
            uit += [(pad, k) for k in koppen(html)]
    while wacht:
        uit += wacht.pop()[1]
    return uit


def test_ids_uniek_en_elk_anker_bestaat(nota):
    ids = re.findall(r'\sid="([^"]+)"', nota)
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1][:5]
    for anker in set(re.findall(r'href="#([^"]+)"', nota)):
        assert anker in ids, anker


def test_niets_wat_alleen_voor_de_site_is(nota):
    artikel = nota.split('<article class="md-content__inner md-typeset">', 1)[1]
    assert "data-alleen-site" not in artikel and "Klopt dit niet" not in artikel
    assert "data-kompas-route" not in artikel


def test_de_beginpagina_biedt_de_nota_en_de_pdf_aan(html_paginas, gebouwde_site):
    home = html_paginas[""]
    assert 'href="nota/"' in home
    link = re.search(
        r'<a [^>]*\bhref="(samen-stad-maken\.pdf)" download>Download de hele beleidsnota</a> '
        r"\(<span>pdf, (\d+) pagina's, ([\d,]+ [kM]B)</span>\)",
        home,
    )
    assert link, "de downloadlink met grootte staat niet op de beginpagina"
    assert (gebouwde_site / link.group(1)).is_file()
    assert int(link.group(2)) == len(pdf_lezer(gebouwde_site).pages)
    assert link.group(0).replace('href="', 'href="../') in html_paginas[NOTA]


# --- The PDF --------------------------------------------------------------------------------


def pdf_lezer(gebouwde_site):
    from pypdf import PdfReader

    return PdfReader(gebouwde_site / adressen.PDF_NAAM)


@pytest.fixture(scope="module")
def pdf(gebouwde_site):
    return pdf_lezer(gebouwde_site)


@pytest.fixture(scope="module")
def pdf_tekst(pdf) -> list[str]:
    """The text of each page, whitespace collapsed."""
    return [" ".join(p.extract_text().split()) for p in pdf.pages]


def platte_tekst(html_tekst: str) -> str:
    return " ".join(unescape(html_tekst).split())


def test_pdf_is_getagd_nederlands_en_heeft_titel(pdf, data):
    root = pdf.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712  (a pypdf BooleanObject)
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "nl"
    assert pdf.metadata.title == data.nota.titel
    assert len(pdf.pages) > 20


def test_pdf_heeft_elke_kop_in_volgorde(pdf_tekst, paginas_van_de_nota):
    """Every heading of every page of the note, in the order of the note."""
    tekst = " ".join(pdf_tekst)
    positie, aantal = 0, 0
    for pad, kop in koppen_in_notavolgorde(paginas_van_de_nota):
        gevonden = tekst.find(platte_tekst(kop), positie)
        assert gevonden >= 0, (pad, kop)
        positie, aantal = gevonden, aantal + 1
    assert aantal > 60  # the note's own headings (not "In het kort" and our other headings)


def bladwijzers(pdf) -> list[tuple[str, int]]:
    """Every bookmark as (title, page number counted from 1), in order."""

    def loop(items):
        for item in items:
            if isinstance(item, list):
                yield from loop(item)
            else:
                yield item.title, pdf.get_destination_page_number(item) + 1

    return list(loop(pdf.outline))


def test_pdf_bladwijzers_volgen_de_delen_van_de_nota(pdf, paginas_van_de_nota):
    titels = [t for t, _ in bladwijzers(pdf)]
    eerste_koppen = [platte_tekst(koppen(paginas_van_de_nota[p])[0]) for p in leesvolgorde(paginas_van_de_nota)]
    posities = [titels.index(k) for k in eerste_koppen]
    assert posities == sorted(posities)


def test_inhoudsopgave_noemt_de_juiste_paginanummers(pdf, pdf_tekst, paginas_van_de_nota):
    inhoud = pdf_tekst[1]
    # The contents are ours, so they open with the site's label.
    label = "Uitleg van deze site, geen tekst uit de nota"
    assert inhoud.startswith(label) and inhoud.removeprefix(label).lstrip().startswith("Inhoud")
    # Where each section really starts: the page its heading's bookmark points to.
    wijzers, i = bladwijzers(pdf), 0
    for pad in leesvolgorde(paginas_van_de_nota):
        kop = platte_tekst(koppen(paginas_van_de_nota[pad])[0])
        nummer = re.search(re.escape(kop) + r"[ .]+(\d+)", inhoud)
        assert nummer, kop
        while wijzers[i][0] != kop:
            i += 1
        assert int(nummer.group(1)) == wijzers[i][1], kop
        assert kop in pdf_tekst[wijzers[i][1] - 1]


def test_paginanummers_onderaan(pdf_tekst):
    # Only the number, as in the note: the footer adds no words of its own (test_nota_tekst).
    totaal = len(pdf_tekst)
    for i, tekst in enumerate(pdf_tekst[1:], start=2):
        assert f"{i} / {totaal}" in tekst


def test_grafieken_van_de_site_staan_niet_in_de_nota(pdf, data, nota):
    """The charts are ours, not figures of the note (their text would be ours in the note)."""
    from macros.uitvoer import grafieken

    alts = set()

    def loop(knoop):
        knoop = knoop.get_object()
        if "/Alt" in knoop:
            alts.add(str(knoop["/Alt"]))
        kinderen = knoop.get("/K")
        if kinderen is None:
            return
        for kind in kinderen if isinstance(kinderen, list) else [kinderen]:
            kind = kind.get_object() if hasattr(kind, "get_object") else kind
            if isinstance(kind, dict):
                loop(kind)

    loop(pdf.trailer["/Root"]["/StructTreeRoot"])
    for grafiek in grafieken.alle(data).values():
        assert grafiek.alt not in alts, grafiek.naam
    assert 'src="../grafieken/' not in nota and "kvz-grafiek" not in nota


def test_titelblad_markeert_onze_regels_en_noemt_geen_bouw(pdf_tekst):
    """The title page's lines under the title are ours and carry the label; which build made
    the site belongs on the colofon, not on the cover of the note."""
    titelblad = pdf_tekst[0]
    assert "Uitleg van deze site, geen tekst uit de nota" in titelblad
    assert "bouw" not in titelblad.lower() and "commit" not in titelblad.lower()


def test_de_vragen_van_het_stroomschema_staan_apart_onder_een_gemarkeerde_regel(nota, pdf_tekst, data):
    """The note's text has the flowchart's questions but not its arrows. In the whole note they
    follow the last vorm; they stand under a heading of their own, at the level of the vormen,
    and one marked line of ours (`data-ook-in-nota`) that says where the arrows went: to the
    page of that version on the website (a link out of the note), not run on as part of the
    last vorm."""
    boom = artikel(nota)
    lijst = next(e for e in boom.alle() if e.tag == "ol" and "kvz-vragen" in e.klassen)
    blok = lijst.ouder
    regel = next(k for k in blok.kinderen if not isinstance(k, str))
    assert regel.eigen and "data-ook-in-nota" in regel.attrs
    assert [e for e in regel.alle() if e.tag == "a"] and all(
        re.fullmatch(r"\.\./" + re.escape(adressen.VERSIES_PAD) + r"\d+\.\d+/", e.attrs["href"])
        for e in regel.alle()
        if e.tag == "a"
    ), "de regel wijst naar de pagina van de versie op de website, buiten de nota"
    broers = [k for k in blok.ouder.kinderen if not isinstance(k, str)]
    kop = broers[broers.index(blok) - 1]
    laatste_vorm = next(
        e for e in boom.alle() if e.tag == "section" and e.attrs.get("id") == f"kompas-vormen-{data.vormen[-1].id}"
    )
    vorm_kop = next(e for e in laatste_vorm.alle() if e.tag in KOPPEN)
    assert kop.tag in KOPPEN and kop.tag == vorm_kop.tag and kop.eigen and "data-ook-in-nota" in kop.attrs
    # The PDF in the same order: the last vorm, the heading, the marked line, the questions.
    tekst = " ".join(pdf_tekst)
    eerste_vraag = platte_tekst(next(e for e in lijst.alle() if e.tag == "li").tekst())
    posities = [
        tekst.index(platte_tekst(vorm_kop.tekst())),
        tekst.index(platte_tekst(kop.tekst()), tekst.index(platte_tekst(vorm_kop.tekst()))),
        tekst.index(" ".join(platte_tekst(regel.tekst()).split()[:12])),
        tekst.index(eerste_vraag),
    ]
    assert posities == sorted(posities), posities
