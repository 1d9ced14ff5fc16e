"""Our MkDocs plugin (`kompas` in mkdocs.yml): the pages and files that follow from the data.

- the pages made from the data (`paginas.py`, of the kinds in `paginasoorten.py`): one per
  principe, per vorm, per version and per state of the kompaswijzer, each kind in the nav
  under its overview page or out of the nav (`on_nav`, as mkdocs-material's blog plugin
  attaches its views);
- the files: `/kompas.json`, the diagram, the charts (`/grafieken/`) and the JSON Schema
  (`/kompas.schema.json`, one per data file in `/schema/`);
- the whole note on one page (`nota/`) and as a PDF: the note as adopted, so its pages are
  rendered once more from the frozen data of the note (nota_vastgesteld/, `_nota_delen`) and
  assembled in the order of the nav (hele_nota.py); from the build cache when nothing it
  follows from changed (`_nota_sleutel`);
- which texts of the note the kompasteam changed since: the comparison (data/herkomst.py) the
  templates mark them with;
- an accessible name for mkdocs-material's search dialog (axe: aria-dialog-name).

State lives on the instance; MkDocs makes one per build (and keeps it during `serve`).
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Literal, Optional

from markupsafe import escape
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section, StructureItem
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.templates import TemplateContext

from ..data import adressen, betekenis, herkomst, toestanden
from ..uitvoer import (
    bouwcache,
    bouwinfo,
    diagram,
    grafieken,
    huisstijl,
    json_schema,
    kleuren,
    kompas_json,
    pdf,
    verkleinen,
)
from . import gegevens, hele_nota, herladen, macros, paginas, paginasoorten, sjablonen
from .sjablonen import Url

# By module, never by name, what runs: `mkdocs serve` reloads those modules after a change
# (herladen.py), and a name taken from one would stay the old code.
if TYPE_CHECKING:
    from ..data.model import KompasData
    from ..uitvoer.grafiek_tekenen import Grafiek

HELE_NOTA = paginasoorten.adres("nota")
HELE_NOTA_PLEK = "<!-- hele-nota -->"
PDF_GROOTTE = "<span data-pdf-grootte>pdf</span>"
STIJL_MET_PALET = "assets/stylesheets/utrecht.css"
ZOEK_DIALOOG = 'class="md-search" data-md-component="search" role="dialog"'
# Our code and templates: the note as adopted is made by them (its key in the build cache).
MACROS = Path(__file__).resolve().parent.parent
# This module as this process runs it: `mkdocs serve` reloads the rest of macros/ on a change,
# never this one (herladen.py), so plugin.py on disk may be newer than the code that runs.
EIGEN_CODE = Path(__file__).read_text(encoding="utf-8")
# A page of the note whose Jinja reads MkDocs' config (as the colofon reads the build's commit).
LEEST_CONFIG = re.compile(r"\bconfig\b")
# MkDocs' settings that shape a page's HTML or what its links may point to.
MARKDOWN_INSTELLINGEN = ("markdown_extensions", "mdx_configs", "use_directory_urls", "site_url", "validation")

log = logging.getLogger("mkdocs.plugins.kompas")


class KompasConfig(Config):
    """Our options in mkdocs.yml (`plugins: - kompas:`): where the two data sets are, relative to
    mkdocs.yml. mkdocs.yml lets KOMPAS_DATA and KOMPAS_NOTA name other folders (the tests build
    the site from data sets of their own)."""

    kompas_data = config_options.Type(str, default=gegevens.KOMPAS_DATA)
    nota_vastgesteld = config_options.Type(str, default=gegevens.NOTA_VASTGESTELD)


class KompasPlugin(BasePlugin[KompasConfig]):
    # Read in on_config, before any other event of a build uses them.
    data: KompasData
    nota: KompasData  # the note as adopted (nota_vastgesteld/)
    files: Files  # this build's files, kept in on_files for the note's own pass

    def __init__(self) -> None:
        super().__init__()
        self.serve = False
        self._grafieken: dict[str, Grafiek] | None = None
        self._nota_grafieken: dict[str, Grafiek] | None = None
        self.nota_bronnen: dict[str, str] = {}  # the Markdown of the note's pages, before macros
        self.bouw: dict[str, Any] = {}
        self.gegenereerd: dict[str, paginas.GegenereerdePagina] = {}
        self.nota_uit: Optional[hele_nota.Samengesteld] = None  # the whole note, made in on_page_context
        self._pagina_teksten: Optional[dict[str, dict[str, str]]] = None  # see _gerenderd
        self._invoer: Optional[str] = None  # see _gegevens_en_code
        self.een_pdf_tegelijk = threading.Lock()

    @property
    def grafieken(self) -> dict[str, Grafiek]:
        """The charts of this build's data, drawn once (the pages and the files share them)."""
        if self._grafieken is None:
            self._grafieken = grafieken.alle(self.data)
        return self._grafieken

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serve = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.serve:
            herladen.herlaad_macros()  # `serve` keeps modules between rebuilds: ours as on disk now
        naast = Path(config.config_file_path).parent  # the folders are relative to mkdocs.yml
        self.mappen = (naast / self.config.kompas_data, naast / self.config.nota_vastgesteld)
        try:
            self.data = data = gegevens.laad(self.mappen[0])
            self.nota = gegevens.laad_nota(self.mappen[1], data)
        except gegevens.GegevensFout as fout:
            raise PluginError(str(fout)) from None
        self._grafieken = self._nota_grafieken = None
        self.nota_bronnen = {}
        self.nota_uit = None
        self._invoer = None
        self._bewaak_versie(data, config)
        # Every page made from here on marks the texts of the note the kompasteam has changed.
        sjablonen.zet_herkomst(herkomst.Herkomst(self.nota, betekenis.gepubliceerde_versies(data), huidig=data))
        sjablonen.zet_site_url(config.get("site_url"))
        self.bouw = bouwinfo.bouw_info(Path(config["config_file_path"]).parent).als_dict()
        config["extra"]["bouw"] = self.bouw
        config["extra"]["kompas_versie"] = data.kompas.versie
        config["extra"]["contact"] = adressen.CONTACT
        return config

    def _bewaak_versie(self, data: KompasData, config: MkDocsConfig) -> None:
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

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.files = files  # the note's own pass links its pages among these (on_page_context)
        data = self.data
        try:
            gegenereerd = paginas.alle(data)
        except toestanden.TeVeelToestanden as fout:
            raise PluginError(f"kompaswijzer: {fout}") from None
        self.gegenereerd = {}
        self._pagina_teksten = None
        # A page in content/ wins: the wijzer's first question has an introduction there.
        in_content = {bestand.url for bestand in files.documentation_pages()}
        for pagina in gegenereerd:
            if pagina.adres not in in_content:
                self.gegenereerd[pagina.src] = pagina
                # Out of the nav until on_nav puts the pages of a kind with a place there in
                # it: MkDocs would otherwise report them as missing from mkdocs.yml's nav.
                files.append(
                    File.generated(config, pagina.src, content=pagina.voorwerk, inclusion=InclusionLevel.NOT_IN_NAV)
                )
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

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        per_soort = [
            (soort, [_pagina(files, p.src) for p in self.gegenereerd.values() if p.soort is soort])
            for soort in paginasoorten.SOORTEN
            if soort.onder is not None
        ]
        _zet_in_menu(nav, per_soort)
        return nav

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri in self.gegenereerd:
            # Made from the data, its Markdown ready: no Jinja, so no text from the data meets it.
            return self._gerenderd(config)["markdown"][page.file.src_uri]
        if paginasoorten.hoort_bij_nota(page.url):
            self.nota_bronnen[page.file.src_uri] = markdown  # as written, for the note's own pass
        return self._jinja(markdown, page.file.src_uri, page.url, self.data, lambda: self.grafieken, config)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
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
        return html.replace(paginas.NA_MARKDOWN, self._gerenderd(config)["na_markdown"][page.file.src_uri], 1)

    def _gerenderd(self, config: MkDocsConfig) -> dict[str, dict[str, str]]:
        """What the pages made from the data render to, by source: their Markdown ("markdown")
        and, for the kompaswijzer's 110 states, the HTML that goes in after Markdown
        ("na_markdown"). Made at the first such page, all at once; from the build cache when
        everything it follows from is as in an earlier build: the pages and their addresses,
        both data sets (the marks of what the kompasteam changed compare them), our code and
        templates, the palette's values (a route's drawing), the site's address, the libraries
        and Python. Rendering them took some 0.1 s of every build."""
        if self._pagina_teksten is not None:
            return self._pagina_teksten
        adres = {src: _pagina(self.files, src).url for src in self.gegenereerd}
        met_html = {src: p.na_markdown for src, p in self.gegenereerd.items() if p.na_markdown is not None}
        self._pagina_teksten = bouwcache.waarde(
            "gegenereerd",
            lambda: bouwcache.sleutel(
                json.dumps(adres, sort_keys=True),
                json.dumps(sorted(met_html)),
                self._gegevens_en_code(),
                json.dumps(config["site_url"]),
            ),
            lambda: {
                "markdown": {src: p.markdown(_url_van(adres[src])) for src, p in self.gegenereerd.items()},
                "na_markdown": {src: maak(_url_van(adres[src])) for src, maak in met_html.items()},
            },
            lambda teksten: json.dumps(teksten, ensure_ascii=False).encode("utf-8"),
            lambda bewaard: _als_teksten(bewaard, {"markdown": set(adres), "na_markdown": set(met_html)}),
        )
        return self._pagina_teksten

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        # Every other page has been read and rendered by now (MkDocs renders all Markdown before
        # it fills any template): the nav is complete and the note's pages are known, so the
        # note as adopted can be rendered from them once more and assembled.
        if page.url != HELE_NOTA:
            return context
        inhoud = _html(page)
        if HELE_NOTA_PLEK not in inhoud:
            raise PluginError(f"kompas-plugin: {page.file.src_uri} mist {HELE_NOTA_PLEK}")
        with sjablonen.met_herkomst(None):  # the note as adopted: nothing in it is changed
            self.nota_uit = self._hele_nota(list(hele_nota.nav_delen(nav.items)), config, page.url)
        page.content = inhoud.replace(HELE_NOTA_PLEK, self.nota_uit.pagina)
        return context

    def _hele_nota(self, site_delen: list[hele_nota.Deel], config: MkDocsConfig, url: str) -> hele_nota.Samengesteld:
        """The note as adopted, assembled for its page and for the PDF: from the build cache when
        everything it follows from is as in an earlier build (`_nota_sleutel`), else rendered
        (some 0.15 s of CPU, the largest part of a warm build that was ours). A rendering that
        logged a warning is not kept: a strict build must stop on it every time, not once."""
        gemeld: list[logging.LogRecord] = []

        def render() -> hele_nota.Samengesteld:
            with _meldingen() as meldingen:
                uit = hele_nota.samengesteld(self._nota_delen(site_delen, config, self.files), url)
            gemeld.extend(meldingen)
            return uit

        return bouwcache.waarde(
            "nota",
            lambda: self._nota_sleutel(site_delen, config, url),
            render,
            hele_nota.Samengesteld.als_json,
            hele_nota.Samengesteld.uit_json,
            houden=lambda _: not gemeld,
        )

    def _nota_sleutel(self, site_delen: list[hele_nota.Deel], config: MkDocsConfig, url: str) -> Optional[str]:
        """Everything the note as adopted follows from, as one key in the build cache: the
        Markdown of its pages; the nav (their order, addresses and titles, and the headings that
        are no page, which it takes as they are); both data sets (its macros read the kompas as
        it is now too: `sinds_de_nota`); our code and templates and the palette; the build's
        files (its links resolve among them); MkDocs' Markdown settings, the engine, every
        installed library and Python. None, rendered every time, when a page of the note reads
        MkDocs' config in its Jinja: that holds this build's commit and date."""
        bronnen = {d.src: self.nota_bronnen[d.src] for d in site_delen if d.src in self.nota_bronnen}
        if any(LEEST_CONFIG.search(bron) for bron in bronnen.values()):
            return None
        zoals_ze_zijn = [d.html for d in site_delen if d.src not in bronnen and d.src not in self.gegenereerd]
        return bouwcache.sleutel(
            url,
            json.dumps(bronnen, sort_keys=True),
            json.dumps([(d.src, d.url, d.titel, d.diepte) for d in site_delen]),
            json.dumps(zoals_ze_zijn),
            self._gegevens_en_code(),
            "\n".join(sorted(f"{f.src_uri}\t{f.url}\t{f.inclusion.name}" for f in self.files)),
            json.dumps({naam: config[naam] for naam in MARKDOWN_INSTELLINGEN}, sort_keys=True, default=str),
            _motor(),
        )

    def _gegevens_en_code(self) -> str:
        """What the kompaswijzer's pages and the note as adopted both follow from, as one key,
        once per build: both data sets, our code and templates, this module as it runs (see
        EIGEN_CODE), the palette's values (read from the gemeente's tokens), every installed
        library and Python."""
        if self._invoer is None:
            self._invoer = bouwcache.sleutel(
                *(bouwcache.map_inhoud(map_) for map_ in self.mappen),
                bouwcache.map_inhoud(MACROS),
                EIGEN_CODE,
                bouwcache.code_en_waarden(kleuren),
                bouwcache.pakketten(),
            )
        return self._invoer

    def _nota_delen(self, site_delen: list[hele_nota.Deel], config: MkDocsConfig, files: Files) -> list[hele_nota.Deel]:
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
            for soort in paginasoorten.onder(deel.url):
                if not soort.in_nota:
                    continue
                for pagina in paginas.paginas_van(soort, self.nota):
                    html, titel, url = self._als_html(pagina.src, None, config, files, pagina)
                    uit.append(hele_nota.Deel(pagina.src, url, titel, deel.diepte + 1, html))
        return uit

    def _nota_markdown(self, src: str, url_van_pagina: str, config: MkDocsConfig) -> str:
        """A page of the note as written, its macros run on the note's data."""
        return self._jinja(
            self.nota_bronnen[src],
            src,
            url_van_pagina,
            self.nota,
            self._grafieken_van_de_nota,
            config,
            huidig=self.data,
        )

    def _jinja(
        self,
        bron: str,
        src: str,
        url_van_pagina: str,
        data: KompasData,
        alle_grafieken: Callable[[], dict[str, Grafiek]],
        config: MkDocsConfig,
        huidig: Optional[KompasData] = None,
    ) -> str:
        """A page from content/ with its macros run on `data` (macros.render_pagina)."""
        waarden = {
            **macros.variabelen(data),
            **macros.macros_voor(
                data, alle_grafieken, lambda adres: adressen.relatieve_url(url_van_pagina, adres), huidig=huidig
            ),
            "config": config,  # the colofon reads the build's commit and date from it
        }

        def ervoor() -> int:
            bestand = self.files.get_file_from_path(src)
            return macros.regels_ervoor(bestand.content_string, bron) if bestand is not None else 0

        try:
            return macros.render_pagina(bron, f"{Path(config.docs_dir).name}/{src}", waarden, ervoor)
        except macros.PaginaFout as fout:
            raise PluginError(str(fout)) from None

    def _grafieken_van_de_nota(self) -> dict[str, Grafiek]:
        if self._nota_grafieken is None:
            self._nota_grafieken = grafieken.alle(self.nota)
        return self._nota_grafieken

    def _als_html(
        self,
        src: str,
        markdown: Optional[str],
        config: MkDocsConfig,
        files: Files,
        pagina: Optional[paginas.GegenereerdePagina] = None,
    ) -> tuple[str, str, str]:
        """Markdown to HTML exactly as MkDocs renders a page (its extensions, its links), on a
        page object of its own: the site's page keeps its own content. A generated page
        (`pagina`) adds its HTML after Markdown, as on_page_content does for the site."""
        nota_pagina = Page(None, File.generated(config, src, content=""), config)
        if pagina is not None:
            markdown = pagina.markdown(_url_vanaf(nota_pagina))
        nota_pagina.markdown = markdown
        nota_pagina.render(config, files)
        html = _html(nota_pagina)
        if pagina is not None and pagina.na_markdown is not None:
            html = html.replace(paginas.NA_MARKDOWN, pagina.na_markdown(_url_vanaf(nota_pagina)), 1)
        return html, hele_nota.pagina_titel(nota_pagina), nota_pagina.url

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if page.meta.get("zoeken") is False:
            return output  # no search dialog: a walker's page (a task) has no search, the embed no header
        return _noem_zoekdialoog(output)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        # Static templates (the 404 page) carry the same header and search dialog as pages.
        return _noem_zoekdialoog(output_content) if template_name == "404.html" else output_content

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.nota_uit is None:
            raise PluginError(f"kompas-plugin: {HELE_NOTA} is niet gebouwd, dus de pdf ook niet")
        site = Path(config["site_dir"])
        # The gemeente's CSS, cut down to what the built pages use (uitvoer/huisstijl.py).
        log.info(f"huisstijl: {huisstijl.schrijf(site)}")
        nota = self.nota
        html = hele_nota.document(self.nota_uit.pdf, nota.nota.titel, nota.kompas.versie, self.bouw)
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


def _eigen_stijl_en_script(files: Files, config: MkDocsConfig) -> list[File]:
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


def _als_teksten(bewaard: bytes, bronnen: dict[str, set[str]]) -> Optional[dict[str, dict[str, str]]]:
    """Kept texts by part and source, for exactly these parts and `bronnen`; None for anything
    else (a damaged entry)."""
    try:
        teksten = json.loads(bewaard)
    except ValueError:
        return None
    if not isinstance(teksten, dict) or set(teksten) != set(bronnen):
        return None
    for deel, bronnen_van_deel in bronnen.items():
        per_bron = teksten[deel]
        if not isinstance(per_bron, dict) or set(per_bron) != bronnen_van_deel:
            return None
        if not all(isinstance(tekst, str) for tekst in per_bron.values()):
            return None
    return teksten


def _motor() -> str:
    """The engine this build runs on, with its version: MkDocs, or ProperDocs under MkDocs' names."""
    naam = Page.__module__.split(".")[0]
    return f"{naam} {getattr(sys.modules[naam], '__version__', '')}"


class _Verzamelaar(logging.Handler):
    """Keeps the records of warnings and worse in `gemeld`."""

    def __init__(self, gemeld: list[logging.LogRecord]) -> None:
        super().__init__(logging.WARNING)
        self.gemeld = gemeld

    def emit(self, record: logging.LogRecord) -> None:
        self.gemeld.append(record)


@contextlib.contextmanager
def _meldingen() -> Iterator[list[logging.LogRecord]]:
    """The warnings (and worse) logged inside the block: by the engine (MkDocs' own logger
    does not pass its records on), by Markdown's extensions or by us."""
    gemeld: list[logging.LogRecord] = []
    verzamelaar = _Verzamelaar(gemeld)
    loggers = {logging.getLogger(), logging.getLogger("mkdocs"), logging.getLogger(_motor().split()[0])}
    for logger in loggers:
        logger.addHandler(verzamelaar)
    try:
        yield gemeld
    finally:
        for logger in loggers:
            logger.removeHandler(verzamelaar)


def _html(page: Page) -> str:
    """A page's HTML, which MkDocs has once it rendered the page's Markdown."""
    if page.content is None:
        raise PluginError(f"kompas-plugin: {page.file.src_uri} is nog niet weergegeven")
    return page.content


def _url_vanaf(page: Page) -> Url:
    return _url_van(page.url)


def _url_van(adres: str) -> Url:
    """Links from the page at `adres` (as the templates make them: relative)."""
    return lambda doel: adressen.relatieve_url(adres, doel)


def _maak_pdf(html: str, site: Path) -> pdf.Pdf:
    # Images in the note are relative to its own page, so that page is the base.
    return pdf.maak(html, site / HELE_NOTA / "index.html", site / adressen.PDF_NAAM)


def _noem_zoekdialoog(html: str) -> str:
    # mkdocs-material's search dialog has no accessible name; a dialog needs one (WCAG 4.1.2).
    if ZOEK_DIALOOG not in html:
        raise PluginError(
            "kompas-plugin: de zoekdialoog van mkdocs-material is veranderd; "
            "pas ZOEK_DIALOOG aan zodat hij weer een toegankelijke naam krijgt"
        )
    return html.replace(ZOEK_DIALOOG, ZOEK_DIALOOG + ' aria-label="Zoeken op deze site"', 1)


def _pagina(files: Files, src: str) -> Page:
    bestand = files.get_file_from_path(src)
    if bestand is None or bestand.page is None:  # MkDocs made a page of every file in on_files
        raise PluginError(f"kompas-plugin: {src} is geen pagina van deze bouw")
    return bestand.page


def _alle(items: list[StructureItem]) -> list[StructureItem]:
    """The nav's items in reading order: each section before what it holds."""
    return [uit for item in items for uit in [item, *(_alle(item.children) if isinstance(item, Section) else [])]]


def _zet_in_menu(nav: Navigation, per_soort: list[tuple[paginasoorten.Paginasoort, list[Page]]]) -> None:
    """Put the pages of each kind in the nav after its overview page (`onder`), in the data's
    order after what mkdocs.yml lists there, as mkdocs-material's blog plugin attaches its
    views; then link every page to the previous and next one in reading order (the theme's
    footer, the whole note). The nav takes each page's title from its (escaped) heading, as
    for every page mkdocs.yml lists without a title."""
    for soort, paginas_van_soort in per_soort:
        _plaats_onder(nav, soort, [p for p in paginas_van_soort if p not in nav.pages])
    nav.pages = [item for item in _alle(nav.items) if isinstance(item, Page)]
    for vorige, pagina, volgende in zip([None, *nav.pages], nav.pages, [*nav.pages[1:], None]):
        pagina.previous_page, pagina.next_page = vorige, volgende


def _plaats_onder(nav: Navigation, soort: paginasoorten.Paginasoort, nieuw: list[Page]) -> None:
    """Append the pages `nieuw` of `soort` to the section that its overview page opens; a page
    that opens no section becomes the first page of one, under its own title."""
    overzicht = next((i for i in _alle(nav.items) if isinstance(i, Page) and i.url == soort.onder), None)
    if overzicht is None:
        raise PluginError(
            f"kompas-plugin: de pagina's van paginasoort {soort.naam!r} staan in het menu onder /{soort.onder}, "
            "maar die pagina staat niet in de nav van mkdocs.yml. Zet hem erin, of pas onder= aan in "
            "macros/site/paginasoorten.py"
        )
    sectie = overzicht.parent
    if sectie is None or sectie.children[0] is not overzicht:
        rij = sectie.children if sectie is not None else nav.items
        sectie = Section(overzicht.title or soort.naam, [overzicht])
        sectie.parent = overzicht.parent
        rij[rij.index(overzicht)] = sectie
        overzicht.parent = sectie
    for pagina in nieuw:
        pagina.parent = sectie
        pagina.file.inclusion = InclusionLevel.INCLUDED
    sectie.children.extend(nieuw)
