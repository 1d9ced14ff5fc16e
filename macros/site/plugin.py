"""Our MkDocs plugin (`kompas` in mkdocs.yml): the pages and files that follow from the data.

- the generated pages (`paginas.py`): one per principe, per vorm and per state of the
  kompaswijzer, added to the nav under their overview page;
- the files: `/kompas.json`, the diagram, the charts (`/grafieken/`) and the JSON Schema
  (`/kompas.schema.json`, one per data file in `/schema/`);
- the whole note on one page (`nota/`) and as a PDF: the note as adopted, so its pages are
  rendered once more from the frozen data of the note (nota_vastgesteld/, `_nota_delen`) and
  assembled in the order of the nav (hele_nota.py);
- which texts of the note the kompasteam changed since: the comparison (data/herkomst.py) the
  templates mark them with;
- an accessible name for mkdocs-material's search dialog (axe: aria-dialog-name).

State lives on the instance; MkDocs makes one per build (and keeps it during `serve`).
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from jinja2 import Environment, StrictUndefined
from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..data import adressen, betekenis, toestanden
from ..data.herkomst import Herkomst
from ..uitvoer import bouwinfo, diagram, grafieken, huisstijl, json_schema, kleuren, kompas_json, pdf, verkleinen
from . import hele_nota, herladen, macros, paginas, sjablonen
from .gegevens import laad, laad_nota

HELE_NOTA_SRC = f"{adressen.NOTA_PAD}index.md"
HELE_NOTA_PLEK = "<!-- hele-nota -->"
PDF_GROOTTE = "<span data-pdf-grootte>pdf</span>"
STIJL_MET_PALET = "assets/stylesheets/utrecht.css"
ZOEK_DIALOOG = 'class="md-search" data-md-component="search" role="dialog"'
# The gemeente's font for the theme's text: mkdocs-material reads --md-text-font (with
# `font: false` in mkdocs.yml it loads no font of its own, from no other host).
THEMA_LETTERTYPE = ":root{--md-text-font:var(--utrecht-document-font-family)}"

log = logging.getLogger("mkdocs.plugins.kompas")


class KompasPlugin(BasePlugin):
    def __init__(self):
        super().__init__()
        self.serve = False
        self.data = None
        self.nota = None  # the note as adopted (nota_vastgesteld/)
        self._grafieken: dict | None = None
        self._nota_grafieken: dict | None = None
        self.nota_bronnen: dict[str, str] = {}  # the Markdown of the note's pages, before macros
        self.files = None
        self.bouw: dict = {}
        self.gegenereerd: dict[str, paginas.GegenereerdePagina] = {}
        self.nota_delen: list[hele_nota.Deel] = []
        self.een_pdf_tegelijk = threading.Lock()

    @property
    def grafieken(self) -> dict:
        """The charts of this build's data, drawn once (the pages and the files share them)."""
        if self._grafieken is None:
            self._grafieken = grafieken.alle(self.data)
        return self._grafieken

    def on_startup(self, *, command, dirty):
        self.serve = command == "serve"

    # Before mkdocs-macros (priority 0), so that a reload below is what its define_env runs.
    @event_priority(100)
    def on_config(self, config):
        if self.serve:
            herladen.herlaad_macros()
        self.data = data = laad(config)
        self.nota = laad_nota(config, data)
        self._grafieken = self._nota_grafieken = None
        self.nota_bronnen = {}
        self._bewaak_versie(data, config)
        # Every page made from here on marks the texts of the note the kompasteam has changed.
        sjablonen.zet_herkomst(Herkomst(self.nota, betekenis.gepubliceerde_versies(data)))
        sjablonen.zet_site_url(config.get("site_url"))
        self.bouw = bouwinfo.bouw_info(Path(config["config_file_path"]).parent).als_dict()
        config["extra"]["bouw"] = self.bouw
        config["extra"]["kompas_versie"] = data.kompas.versie
        config["extra"]["contact"] = adressen.CONTACT
        # No titles here: the nav takes each page's title from its (escaped) heading, whereas a
        # title given in the nav reaches the theme's templates unescaped.
        for onderdelen in paginas.ONDERDELEN:
            _voeg_toe_aan_nav(config["nav"], onderdelen.overzicht, [p.src for p in onderdelen.paginas(data)])
        return config

    def _bewaak_versie(self, data, config) -> None:
        """A site never publishes changed meaning under an old version: `make build` and
        `make dist` stop; `make serve` (a preview while editing) warns on every page."""
        fouten = betekenis.versie_fouten(data)
        config["extra"]["kompas_waarschuwing"] = None
        if not fouten:
            return
        if self.serve:
            config["extra"]["kompas_waarschuwing"] = (
                "Voorbeeld: het kompas is inhoudelijk gewijzigd zonder nieuwe versie. Draai make versie "
                "voordat u de wijziging voorstelt; make build weigert deze gegevens."
            )
            return
        raise PluginError(
            "De site wordt niet gebouwd: de gegevens passen niet bij de vastgelegde versie.\n"
            + "\n".join(f"  - {f.bericht}" for f in fouten)
        )

    def on_files(self, files, *, config):
        self.files = files  # the note's own pass links its pages among these (on_page_context)
        data = self.data
        try:
            gegenereerd = paginas.alle(data)
        except toestanden.TeVeelToestanden as fout:
            raise PluginError(f"kompaswijzer: {fout}") from None
        self.gegenereerd = {}
        for pagina in gegenereerd:
            # A page in content/ wins: the wijzer's first question has an introduction there.
            if files.get_file_from_path(pagina.src) is None:
                self.gegenereerd[pagina.src] = pagina
                files.append(File.generated(config, pagina.src, content=pagina.voorwerk))
        bestanden = {
            "kompas.json": kompas_json.kompas_json(data, self.bouw, sjablonen.herkomst()),
            **{
                adressen.versie_json_pad(v.versie.versie): kompas_json.versie_json(v.betekenis, self.bouw)
                for v in betekenis.gepubliceerde_versies(data)
            },
            adressen.DIAGRAM_PAD: diagram.kompas_svg(data),
            **{grafiek.adres: grafiek.svg for grafiek in self.grafieken.values()},
            **{
                (naam if naam == "kompas.schema.json" else f"schema/{naam}"): inhoud
                for naam, inhoud in json_schema.schema_bestanden().items()
            },
        }
        for adres, inhoud in bestanden.items():
            files.append(File.generated(config, adres, content=inhoud))
        # The palette is defined in Python (uitvoer/kleuren.py, which says why); the site's
        # stylesheet gets it as custom properties at its top.
        stijl = files.get_file_from_path(STIJL_MET_PALET)
        if stijl is None:
            raise PluginError(f"kompas-plugin: {STIJL_MET_PALET} ontbreekt; daar komen de kleuren in")
        stijl.content_string = kleuren.css_variabelen() + stijl.content_string
        if not self.serve:
            # Without comments for visitors (uitvoer/verkleinen.py); `make serve` keeps the
            # sources readable in the browser's developer tools.
            for bestand in _eigen_stijl_en_script(files, config):
                bestand.content_string = verkleinen.verklein(bestand.src_uri, bestand.content_string)
        return files

    # Before mkdocs-macros (priority 0): the note's pages as written, for the note's own pass.
    @event_priority(100)
    def _bewaar_nota_bron(self, markdown, *, page, config, files):
        if hele_nota.hoort_bij_nota(page.file.src_uri) and page.file.src_uri not in self.gegenereerd:
            self.nota_bronnen[page.file.src_uri] = markdown
        return markdown

    # After mkdocs-macros (priority 0): text from the data never reaches the macro engine.
    @event_priority(-100)
    def _gegenereerde_markdown(self, markdown, *, page, config, files):
        pagina = self.gegenereerd.get(page.file.src_uri)
        return markdown if pagina is None else pagina.markdown(_url_vanaf(page))

    on_page_markdown = CombinedEvent(_bewaar_nota_bron, _gegenereerde_markdown)

    def on_page_content(self, html, *, page, config, files):
        if page.meta.get("bron") == "site":
            return paginas.eigen_pagina(html)
        pagina = self.gegenereerd.get(page.file.src_uri)
        if pagina is None or pagina.na_markdown is None:
            return html
        if paginas.NA_MARKDOWN not in html:
            raise PluginError(f"kompas-plugin: {page.file.src_uri} mist {paginas.NA_MARKDOWN}")
        if pagina.kop_in_html:
            # The theme's skip link goes to the first heading of the table of contents, which
            # only knows Markdown's headings; this one is in the HTML below.
            kop_id, titel = pagina.kop_in_html
            page.toc = get_toc([{"level": 1, "id": kop_id, "name": escape(titel), "children": []}])
        return html.replace(paginas.NA_MARKDOWN, pagina.na_markdown(_url_vanaf(page)), 1)

    def on_page_context(self, context, *, page, config, nav):
        # Every other page has been read and rendered by now (MkDocs renders all Markdown before
        # it fills any template): the nav is complete and the note's pages are known, so the
        # note as adopted can be rendered from them once more and assembled.
        if page.file.src_uri != HELE_NOTA_SRC:
            return context
        if HELE_NOTA_PLEK not in page.content:
            raise PluginError(f"kompas-plugin: {HELE_NOTA_SRC} mist {HELE_NOTA_PLEK}")
        with sjablonen.met_herkomst(None):  # the note as adopted: nothing in it is changed
            self.nota_delen = self._nota_delen(list(hele_nota.nav_delen(nav.items)), config, self.files)
        page.content = page.content.replace(HELE_NOTA_PLEK, hele_nota.samenstellen(self.nota_delen, page.url))
        return context

    def _nota_delen(self, site_delen: list[hele_nota.Deel], config, files) -> list[hele_nota.Deel]:
        """The note as adopted, page by page in the nav's order: each page of the note rendered
        once more, from the note's own data, whatever the kompasteam changed since. The pages
        made per record (a vorm, a principe) are the note's records, under their overview."""
        uit = []
        for deel in site_delen:
            if deel.src in self.gegenereerd:
                continue  # the site's record; the note's come after its overview below
            if deel.src in self.nota_bronnen:
                markdown = self._nota_markdown(deel.src, deel.url, config)
                html, titel, _ = self._als_html(deel.src, markdown, config, files)
                deel = hele_nota.Deel(deel.src, deel.url, titel or deel.titel, deel.diepte, html)
            uit.append(deel)
            for pagina in paginas.onderdelen_in_nota(self.nota, deel.src):
                html, titel, url = self._als_html(pagina.src, None, config, files, pagina)
                uit.append(hele_nota.Deel(pagina.src, url, titel, deel.diepte + 1, html))
        return uit

    def _nota_markdown(self, src: str, url_van_pagina: str, config) -> str:
        """A page of the note as written, its macros run on the note's data."""
        data = self.nota
        omgeving = Environment(undefined=StrictUndefined)  # as mkdocs-macros with on_undefined: strict
        waarden = {
            **macros.variabelen(data),
            **macros.macros_voor(
                data,
                self._grafieken_van_de_nota,
                lambda adres: adressen.relatieve_url(url_van_pagina, adres),
                huidig=self.data,
            ),
            "config": config,
        }
        return omgeving.from_string(self.nota_bronnen[src]).render(**waarden)

    def _grafieken_van_de_nota(self) -> dict:
        if self._nota_grafieken is None:
            self._nota_grafieken = grafieken.alle(self.nota)
        return self._nota_grafieken

    def _als_html(self, src: str, markdown, config, files, pagina=None) -> tuple[str, str, str]:
        """Markdown to HTML exactly as MkDocs renders a page (its extensions, its links), on a
        page object of its own: the site's page keeps its own content. A generated page
        (`pagina`) adds its HTML after Markdown, as on_page_content does for the site."""
        nota_pagina = Page(None, File.generated(config, src, content=""), config)
        if pagina is not None:
            markdown = pagina.markdown(_url_vanaf(nota_pagina))
        nota_pagina.markdown = markdown
        nota_pagina.render(config, files)
        html = nota_pagina.content
        if pagina is not None and pagina.na_markdown is not None:
            html = html.replace(paginas.NA_MARKDOWN, pagina.na_markdown(_url_vanaf(nota_pagina)), 1)
        return html, hele_nota.pagina_titel(nota_pagina), nota_pagina.url

    def on_post_page(self, output, *, page, config):
        if page.meta.get("kompas_embed") or page.meta.get("zoeken") is False:
            return output  # no search dialog: the embed has no header, a walker's page no search
        return _noem_zoekdialoog(output)

    def on_post_template(self, output_content, *, template_name, config):
        # Static templates (the 404 page) carry the same header and search dialog as pages.
        return _noem_zoekdialoog(output_content) if template_name == "404.html" else output_content

    def on_post_build(self, *, config):
        if not self.nota_delen:
            raise PluginError(f"kompas-plugin: {HELE_NOTA_SRC} is niet gebouwd, dus de pdf ook niet")
        site = Path(config["site_dir"])
        # The gemeente's CSS, cut down to what the built pages use (uitvoer/huisstijl.py).
        log.info(f"huisstijl: {huisstijl.schrijf(site, koppeling=THEMA_LETTERTYPE)}")
        nota = self.nota
        html = hele_nota.document(self.nota_delen, nota.nota.titel, nota.kompas.versie, self.bouw)
        if self.serve:
            # Live reload stays fast: the PDF is made after the build, in the background, and the
            # download link works a few seconds later (without the size next to it).
            threading.Thread(target=self._pdf_op_de_achtergrond, args=(html, site), daemon=True).start()
            return
        start = time.monotonic()
        try:
            gemaakt = _maak_pdf(html, site)
        except pdf.PdfFout as fout:
            raise PluginError(str(fout)) from None
        # The download links say how big the file is; only now is that known.
        for bestand in site.rglob("*.html"):
            inhoud = bestand.read_text(encoding="utf-8")
            if PDF_GROOTTE in inhoud:
                bestand.write_text(
                    inhoud.replace(PDF_GROOTTE, f"<span>{gemaakt.omschrijving()}</span>"), encoding="utf-8"
                )
        log.info(f"pdf van de nota: {gemaakt.omschrijving()}, in {time.monotonic() - start:.1f} s")

    def _pdf_op_de_achtergrond(self, html: str, site: Path) -> None:
        with self.een_pdf_tegelijk:
            try:
                gemaakt = _maak_pdf(html, site)
            # Any failure: `mkdocs serve` keeps serving the site; `make build` stops on the same error.
            except Exception as fout:  # noqa: BLE001
                log.info(f"De pdf van de nota is niet gemaakt: {fout}")
                return
        log.info(f"pdf van de nota klaar: {gemaakt.omschrijving()}")


def _eigen_stijl_en_script(files, config) -> list[File]:
    """Our own CSS and JavaScript: what mkdocs.yml adds to every page (extra_css,
    extra_javascript), as opposed to the theme's."""
    bestanden = []
    for adres in [*config["extra_css"], *(str(s) for s in config["extra_javascript"])]:
        if adres == huisstijl.STIJL_ADRES:
            continue  # the gemeente's, not ours: written after the build (on_post_build)
        bestand = files.get_file_from_path(adres)
        if bestand is None:
            raise PluginError(f"kompas-plugin: {adres} uit mkdocs.yml bestaat niet")
        bestanden.append(bestand)
    return bestanden


def _url_vanaf(page):
    return lambda doel: adressen.relatieve_url(page.url, doel)


def _maak_pdf(html: str, site: Path):
    # Images in the note are relative to its own page, so that page is the base.
    return pdf.maak(html, site / adressen.NOTA_PAD / "index.html", site / adressen.PDF_NAAM)


def _noem_zoekdialoog(html: str) -> str:
    # mkdocs-material's search dialog has no accessible name; a dialog needs one (WCAG 4.1.2).
    if ZOEK_DIALOOG not in html:
        raise PluginError(
            "kompas-plugin: de zoekdialoog van mkdocs-material is veranderd; "
            "pas ZOEK_DIALOOG aan zodat hij weer een toegankelijke naam krijgt"
        )
    return html.replace(ZOEK_DIALOOG, ZOEK_DIALOOG + ' aria-label="Zoeken op deze site"', 1)


def _voeg_toe_aan_nav(nav, overzicht: str, items: list[str]) -> None:
    """Append `items` to the nav section whose first entry is `overzicht`."""
    for entry in nav:
        children = next(iter(entry.values())) if isinstance(entry, dict) else None
        if not isinstance(children, list):
            continue
        eerste = children[0] if children else None
        if isinstance(eerste, dict):
            eerste = next(iter(eerste.values()))
        if eerste == overzicht:
            children.extend(i for i in items if i not in children)
            return
        try:
            return _voeg_toe_aan_nav(children, overzicht, items)
        except PluginError:
            continue
    raise PluginError(f"kompas-plugin: geen sectie in de nav van mkdocs.yml die begint met {overzicht!r}")
