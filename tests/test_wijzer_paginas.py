"""The kompaswijzer's static pages: one per state, each correct without JavaScript."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from markupsafe import escape

from macros.data import adressen, betekenis, graaf, toestanden
from macros.uitvoer import huisstijl

from .conftest import PROJECT
from .htmlscan import scan


def _pagina(html_paginas, toestand, embed=False):
    basis = adressen.EMBED_PAD if embed else adressen.WIJZER_PAD
    return html_paginas[basis + toestand.pad]


def test_toestanden_van_kompas_1_0(kompas10):
    soorten = [t.soort for t in toestanden.toestanden(kompas10.kompas)]
    assert (soorten.count("vraag"), soorten.count("uitkomst"), soorten.count("open")) == (18, 19, 18)


def test_een_pagina_per_toestand(data, html_paginas):
    alle = toestanden.toestanden(data.kompas)
    # And one per address that only earlier versions had (test_verdwenen_adressen.py).
    verdwenen = betekenis.verdwenen_adressen(data)
    for embed, basis in ((False, adressen.WIJZER_PAD), (True, adressen.EMBED_PAD)):
        verwacht = {basis + t.pad for t in alle} | {adressen.toestand_pad(a.antwoorden, embed) for a in verdwenen}
        gebouwd = {p for p in html_paginas if p.startswith(basis)}
        assert gebouwd == verwacht


def test_vraagpagina_zonder_javascript(data, html_paginas):
    for toestand in (t for t in toestanden.toestanden(data.kompas) if t.soort == "vraag"):
        html = _pagina(html_paginas, toestand)
        assert html.count("data-kompas-vraag=") == 1
        assert f'data-kompas-vraag="{toestand.vraag}"' in html
        assert escape(data.vraag(toestand.vraag).tekst) in html
        hier = "/" + adressen.WIJZER_PAD + toestand.pad
        for keuze in toestanden.KEUZES:
            (href,) = re.findall(f'data-antwoord="{keuze}" [^>]*href="([^"]+)"', html)
            assert urljoin(hier, href) == hier + keuze + "/"
        # Every earlier answer is listed with a "wijzig" link back to the question it answered.
        for i, stap in enumerate(toestand.stappen):
            blok = html.split(f'data-kompas-antwoord="{stap.vraag}"')[1].split("</li>")[0]
            # (A question the kompasteam changed also links its change: only the wijzig link counts.)
            (href,) = re.findall(r'class="[^"]*\bkvz-wijzer__wijzig" href="([^"]+)"', blok)
            # The hash marks the answer given there, so going back shows it chosen.
            vorig = "/" + adressen.WIJZER_PAD + "".join(f"{a}/" for a in toestand.antwoorden[:i])
            assert urljoin(hier, href) == f"{vorig}#antwoord-{stap.antwoord}"


def test_uitkomstpagina_volgt_de_data(data, html_paginas):
    for pad in graaf.paden(data.kompas):
        toestand = toestanden.zoek_toestand(data.kompas, tuple(s.antwoord for s in pad.stappen))
        html = _pagina(html_paginas, toestand)
        vorm = data.vorm(pad.vorm)
        assert f'data-kompas-uitkomst="{vorm.id}"' in html
        assert f"versie {data.kompas.versie}" in html
        for waarde in (
            vorm.wat_is_het,
            vorm.zeggenschap,
            vorm.eigenaar,
            vorm.wanneer_geschikt,
            *vorm.voorbeelden,
            *vorm.instrumenten,
            data.kompas.toelichting,
            *data.kompas.kanttekeningen,
            # Where the principles apply, in the note's words: the note ranks none per vorm.
            data.nota.principes_toepassing,
            data.nota.principes_voetnoot,
        ):
            assert escape(waarde) in html, (pad.antwoorden, waarde)
        assert "vragen deze principes het meest" not in html


def test_waarom_noemt_waar_het_andere_antwoord_heen_leidt(data, html_paginas):
    for pad in graaf.paden(data.kompas):
        antwoorden = tuple(s.antwoord for s in pad.stappen)
        html = _pagina(html_paginas, toestanden.zoek_toestand(data.kompas, antwoorden))
        for i, stap in enumerate(pad.stappen):
            blok = html.split(f'data-kompas-waarom="{stap.vraag}"')[1].split("</li>")[0]
            ander = "nee" if stap.antwoord == "ja" else "ja"
            _, vormen = toestanden.bereikbare_vormen(data.kompas, antwoorden[:i], ander)
            # Each other vorm the other answer can lead to is linked; the outcome itself never
            # stands among the alternatives, but the line says when the other answer can lead
            # here too.
            for vorm in data.vormen:
                genoemd = vorm.id in vormen and vorm.id != pad.vorm
                assert (f"kompas/vormen/{vorm.id}/" in blok) == genoemd, (pad.antwoorden, stap, vorm.id)
            assert ("ook bij deze vorm" in blok or "ook hier" in blok or "ook alleen hier" in blok) == (
                pad.vorm in vormen
            ), (pad.antwoorden, stap)


def test_verantwoording_bevat_de_hele_afweging(data, html_paginas):
    for pad in graaf.paden(data.kompas):
        toestand = toestanden.zoek_toestand(data.kompas, tuple(s.antwoord for s in pad.stappen))
        html = _pagina(html_paginas, toestand)
        blok = html.split("data-kompas-verantwoording")[1].split("</pre>")[0]
        assert f"Kompas voor zeggenschap, versie {data.kompas.versie}" in blok
        nummers = graaf.vraagnummers(data.kompas)
        for stap in pad.stappen:
            assert f"Vraag {nummers[stap.vraag]}. {escape(data.vraag(stap.vraag).tekst)}" in blok
            assert f"Antwoord: {stap.antwoord.capitalize()}" in blok
        vorm = data.vorm(pad.vorm)
        assert f"Uitkomst: {escape(vorm.titel)}" in blok
        # The route and the outcome are the site's reading of the flowchart: the copy says so.
        uitkomst = re.search(r"Uitkomst: [^\n]*\n([^\n]*)\n", blok)
        assert uitkomst and "de lezing door deze site van het stroomschema" in uitkomst.group(1), blok
        assert f"Permalink: /kompas/wijzer/{toestand.pad}" in blok


def test_uitkomsten_citeren_de_nota_over_de_risicos_van_het_kompas(data, html_paginas):
    """The note (Risico's) promises to say that the kompas is not yet waterdicht and asks
    begeleiding: every outcome and open state quotes those words from risicos.yaml."""
    beloften = [r for r in data.risicos if r.bij_de_kompaswijzer]
    assert beloften, "geen risico met bij_de_kompaswijzer: true in risicos.yaml"
    for toestand in (t for t in toestanden.toestanden(data.kompas) if t.soort in ("uitkomst", "open")):
        for embed in (False, True):
            html = _pagina(html_paginas, toestand, embed)
            blok = html.split("data-kompas-risico")[1].split("</blockquote>")[0]
            for risico in beloften:
                assert f"<p>{escape(risico.maatregelen)}</p>" in blok, toestand.pad


def test_open_uitkomst_noemt_alle_nog_mogelijke_vormen(data, html_paginas):
    for toestand in (t for t in toestanden.toestanden(data.kompas) if t.soort == "open"):
        html = _pagina(html_paginas, toestand)
        assert f'data-kompas-open="{toestand.open_vraag}"' in html
        mogelijk = {v.id for v in data.vormen if f'data-kompas-mogelijk="{v.id}"' in html}
        assert mogelijk == set(toestanden.routes(data.kompas, toestand.open_vraag))
        assert adressen.CONTACT in html


def test_embed_paginas_hebben_geen_sitenavigatie(data, html_paginas):
    for toestand in toestanden.toestanden(data.kompas):
        html = _pagina(html_paginas, toestand, embed=True)
        assert "data-kompas-embed" in html
        assert "md-sidebar--primary" not in html
        assert 'class="kvz-footer' not in html
        # Links to the rest of the site open outside the frame.
        for link in scan(html).links:
            if "/vormen/" in link or "/principes/" in link:
                assert f'href="{link}" target="_blank"' in html


def test_toestandspaginas_staan_niet_in_de_zoekindex(gebouwde_site):
    import json

    index = json.loads((gebouwde_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locaties = {d["location"].split("#")[0] for d in index["docs"]}
    assert "kompas/wijzer/" in locaties
    assert not any(
        plek.startswith(("kompas/wijzer/", "kompas/wijzer-embed/")) and plek != "kompas/wijzer/" for plek in locaties
    )


def test_zoek_toestand_weigert_ongeldige_antwoorden(kompas10):
    kompas = kompas10.kompas
    assert toestanden.zoek_toestand(kompas, ()).vraag == kompas.start
    assert toestanden.zoek_toestand(kompas, ("misschien",)) is None
    assert toestanden.zoek_toestand(kompas, ("weet-niet", "ja")) is None
    eerste_pad = graaf.paden(kompas)[0]
    te_lang = tuple(s.antwoord for s in eerste_pad.stappen) + ("ja",)
    assert toestanden.zoek_toestand(kompas, te_lang) is None


def test_een_te_groot_kompas_stopt_met_een_duidelijke_melding(kompas10):
    data = kompas10
    from dataclasses import replace

    from macros.data.model import NaarVorm, NaarVraag, Vraag

    # A chain of questions where every nee jumps two ahead: the number of paths doubles
    # with every few questions, like a DAG with many merges.
    n = 40
    vragen = [
        Vraag(
            id=f"v{i}",
            tekst=f"Vraag {i}?",
            ja=NaarVraag(f"v{i + 1}") if i < n else NaarVorm("peilen"),
            nee=NaarVraag(f"v{i + 2}") if i + 2 <= n else NaarVorm("peilen"),
        )
        for i in range(1, n + 1)
    ]
    kompas = replace(data.kompas, start="v1", vragen=vragen)
    assert graaf.aantal_paden(kompas) > 10**6  # counted, not listed
    try:
        toestanden.toestanden(kompas)
    except toestanden.TeVeelToestanden as fout:
        assert f"meer dan {toestanden.MAX_TOESTANDEN} toestanden" in str(fout)
    else:
        raise AssertionError("een kompas met miljoenen paden moet de bouw stoppen")


def _met_uitleg(data, vraag_id, uitleg, voorbeeld):
    from dataclasses import replace

    vragen = [replace(v, uitleg=uitleg, voorbeeld=voorbeeld) if v.id == vraag_id else v for v in data.kompas.vragen]
    return replace(data, kompas=replace(data.kompas, vragen=vragen))


def test_uitleg_bij_een_vraag_is_gemarkeerd_als_tekst_van_de_site(kompas10):
    from macros.site import wijzer

    start = toestanden.zoek_toestand(kompas10.kompas, ())
    # Kompas 1.0 has no explanations: the field is optional, and nothing is shown.
    assert all(v.uitleg is None for v in kompas10.kompas.vragen)
    assert "data-kompas-uitleg" not in wijzer.render_toestand(kompas10, start, lambda a: "/" + a)
    data = _met_uitleg(kompas10, start.vraag, "Gewone woorden.", "Voorbeeld: een straat.")
    html = wijzer.render_toestand(data, start, lambda a: "/" + a)
    blok = html.split('data-bron="site"')[1].split("</div></div>")[0]
    assert "Uitleg van deze site, geen tekst uit de nota" in blok
    assert "<p>Gewone woorden.</p><p>Voorbeeld: een straat.</p>" in blok
    # Under the question, before the answers.
    assert html.index("kompas-vraag") < html.index("data-kompas-uitleg") < html.index("data-antwoord=")


def test_elke_vraag_met_uitleg_toont_die(data, html_paginas):
    for toestand in (t for t in toestanden.toestanden(data.kompas) if t.soort == "vraag"):
        vraag = data.vraag(toestand.vraag)
        if vraag.uitleg:
            html = _pagina(html_paginas, toestand)
            assert f"<p>{escape(vraag.uitleg)}</p>" in html.split("data-kompas-uitleg")[1]


def test_start_zegt_voor_wie_en_dat_het_een_hulp_bij_een_gesprek_is(html_paginas):
    html = html_paginas[adressen.WIJZER_PAD]
    start = html.split('class="kvz-eigen kvz-wijzer__start" data-bron="site"')[1].split("</div>")[0]
    assert "Uitleg van deze site" in start
    assert "medewerkers" in start and "geen oordeel" in start and "hulp bij een gesprek" in start
    assert html.index("kvz-wijzer__start") < html.index("data-kompas-vraag=")


# --- The gemeente's components ----------------------------------------------------------------

UTRECHT_KLASSE = re.compile(r"utrecht-[A-Za-z0-9_-]+")
SCRIPT = PROJECT / "content" / "assets" / "javascripts" / "kompaswijzer.js"


def test_de_wijzer_gebruikt_alleen_klassen_die_de_componenten_kennen(gebouwde_site, html_paginas):
    """Every utrecht-… class on the walker's pages (and the start button on the kompas page) and
    in its script is a class of the vendored components: a typo, or a name of another version,
    would style nothing. And huisstijl.css kept the rules of each (the pruner reads the pages and
    the script, whole class names only)."""
    componenten = "".join(p.read_text(encoding="utf-8") for p in huisstijl.bestanden("component", "dist/index.css"))
    bekend = set(re.findall(r"\.(utrecht-[A-Za-z0-9_-]+)", componenten))
    gehouden = set(
        re.findall(r"\.(utrecht-[A-Za-z0-9_-]+)", (gebouwde_site / huisstijl.STIJL_ADRES).read_text("utf-8"))
    )
    paginas = [html for pad, html in html_paginas.items() if pad.startswith((adressen.WIJZER_PAD, adressen.EMBED_PAD))]
    in_paginas = set(UTRECHT_KLASSE.findall("".join(paginas) + html_paginas["kompas/"]))
    in_script = set(UTRECHT_KLASSE.findall(SCRIPT.read_text(encoding="utf-8")))
    # Not empty by accident: the answers' links and the radio group the script builds.
    assert {"utrecht-button-link--primary-action", "utrecht-link"} <= in_paginas
    assert {
        "utrecht-form-fieldset--html-fieldset",
        "utrecht-radio-button--html-input",
        "utrecht-alert--error",
    } <= in_script
    assert not (in_paginas | in_script) - bekend, sorted((in_paginas | in_script) - bekend)
    assert not (in_paginas | in_script) - gehouden, sorted((in_paginas | in_script) - gehouden)
