"""MkDocs hooks: pages and files that follow from the kompas data.

- one page per principe (`principes/<id>/`) and per vorm (`kompas/vormen/<id>/`), added to
  the nav under their overview page, so a new vorm in the YAML gets its page without a new
  Markdown file;
- one page per state of the kompaswijzer (`kompas/wijzer/<answers>/`), and the same states
  without site navigation for an iframe in the intern loket (`kompas/wijzer-embed/...`);
- the charts of the indicators, the budget and the zeggenschap scale (`/grafieken/`);
- `/kompas.json`, the machine-readable kompas, and the data's JSON Schema
  (`/kompas.schema.json`, one per data file in `/schema/`);
- the whole note on one page (`nota/`) and as a PDF, assembled from the rendered pages;
- an accessible name for mkdocs-material's search dialog (axe: aria-dialog-name).
"""

from __future__ import annotations

import importlib
import logging
import sys
import threading
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

import macros

# Overview page in mkdocs.yml's nav -> the generated pages that belong under it.
PRINCIPES_OVERZICHT = "principes/index.md"
VORMEN_OVERZICHT = "kompas/index.md"

_serve = False


def on_startup(command, dirty):
    global _serve
    _serve = command == "serve"


# Before mkdocs-macros (priority 0), so that a reload below is what its define_env runs.
@event_priority(100)
def on_config(config):
    if _serve:
        _herlaad_macros()
    data = macros.laad(config)
    config["extra"]["bouw"] = macros.bouwinfo.bouw_info(Path(config["config_file_path"]).parent).als_dict()
    config["extra"]["kompas_versie"] = data.kompas.versie
    config["extra"]["contact"] = macros.render.CONTACT
    # No titles here: the nav takes each page's title from its (escaped) heading, whereas a
    # title given in the nav reaches the theme's templates unescaped.
    _voeg_toe_aan_nav(config["nav"], PRINCIPES_OVERZICHT, [f"principes/{p.id}.md" for p in data.principes])
    _voeg_toe_aan_nav(config["nav"], VORMEN_OVERZICHT, [f"kompas/vormen/{v.id}.md" for v in data.vormen])
    return config


def on_files(files, config):
    global _data
    data = _data = macros.laad(config)
    for p in data.principes:
        files.append(File.generated(config, f"principes/{p.id}.md",
                                    content=f'{{{{ principe_pagina("{p.id}") }}}}\n'))
    for v in data.vormen:
        files.append(File.generated(config, f"kompas/vormen/{v.id}.md",
                                    content=f'{{{{ vorm_pagina("{v.id}") }}}}\n'))
    try:
        toestanden = macros.wijzer.toestanden(data.kompas)
    except macros.wijzer.TeVeelToestanden as fout:
        raise PluginError(f"kompaswijzer: {fout}") from None
    for toestand in toestanden:
        for embed in (False, True):
            src = f"{macros.wijzer.EMBED_PAD if embed else macros.wijzer.WIJZER_PAD}{toestand.pad}index.md"
            # The first question's page may come from content/, with an introduction.
            if files.get_file_from_path(src) is None:
                files.append(File.generated(config, src, content=_wijzer_markdown(toestand, embed)))
    files.append(File.generated(config, "kompas.json", content=macros.export.kompas_json(data, config["extra"]["bouw"])))
    files.append(File.generated(config, "kompas/kompas.svg", content=macros.diagram.kompas_svg(data)))
    for grafiek in macros.grafieken.alle(data).values():
        files.append(File.generated(config, grafiek.pad, content=grafiek.svg))
    for naam, inhoud in macros.schema.schema_bestanden().items():
        pad = naam if naam == "kompas.schema.json" else f"schema/{naam}"
        files.append(File.generated(config, pad, content=inhoud))
    return files


WIJZER_PLEK = "<!-- kompaswijzer -->"
_data = None


def _wijzer_markdown(toestand, embed: bool) -> str:
    # State pages stay out of search: they repeat the kompas page, once per combination.
    voorwerk = ["---", "search:", "  exclude: true", "hide:", "  - toc", "render_macros: false",
                f'kompas_toestand: "{toestand.pad}"']
    if embed:
        voorwerk += ["template: wijzer-embed.html", "kompas_embed: true"]
    if toestand.soort == "vraag":
        voorwerk.append(f"title: {macros.wijzer_render.titel_van_vraag(toestand)}")
    voorwerk.append("---")
    kop = macros.wijzer_render.kop(_data, toestand)
    return "\n".join(voorwerk) + "\n\n" + (kop + "\n\n" if kop else "") + WIJZER_PLEK + "\n"


def on_page_content(html, page, config, files):
    # The walker of a generated state page is rendered here, after Markdown: it is HTML
    # already, and 110 pages of it through the Markdown parser cost most of the build.
    pad = page.meta.get("kompas_toestand")
    if pad is None:
        return html
    toestand = macros.wijzer.zoek_toestand(_data.kompas, tuple(a for a in pad.split("/") if a))
    walker = macros.wijzer_render.render_toestand(
        _data, toestand, lambda doel: macros.render.relatieve_url(page.url, doel), bool(page.meta.get("kompas_embed")))
    if WIJZER_PLEK not in html:
        raise PluginError(f"hooks.py: {page.file.src_uri} mist {WIJZER_PLEK}")
    return html.replace(WIJZER_PLEK, walker, 1)


# --- The whole note on one page, and as a PDF ----------------------------------------------

HELE_NOTA_SRC = f"{macros.hele_nota.PAD}index.md"
HELE_NOTA_PLEK = "<!-- hele-nota -->"
PDF_GROOTTE = "<span data-pdf-grootte>pdf</span>"
_nota_delen: list = []
log = logging.getLogger("mkdocs.hooks.nota")


def on_page_context(context, page, config, nav):
    # Every other page has been rendered by now (MkDocs renders all Markdown before it fills
    # any template), so the note can be assembled from their HTML.
    if page.file.src_uri != HELE_NOTA_SRC:
        return context
    if HELE_NOTA_PLEK not in page.content:
        raise PluginError(f"hooks.py: {HELE_NOTA_SRC} mist {HELE_NOTA_PLEK}")
    _nota_delen[:] = macros.hele_nota.nav_delen(nav.items)
    page.content = page.content.replace(HELE_NOTA_PLEK, macros.hele_nota.samenstellen(_nota_delen, page.url))
    return context


def on_post_build(config):
    if not _nota_delen:
        raise PluginError(f"hooks.py: {HELE_NOTA_SRC} is niet gebouwd, dus de pdf ook niet")
    site = Path(config["site_dir"])
    bouw = config["extra"]["bouw"]
    html = macros.pdf.document(
        _nota_delen, _data.nota.titel,
        f"Beleidsnota over samenwerken met Utrechters, met het Kompas voor zeggenschap (versie {_data.kompas.versie})",
        f"Gemaakt uit de website op {bouw['datum']} (bouw {bouw['commit']}). "
        f"Vragen of opmerkingen: {macros.render.CONTACT}.")
    if _serve:
        # Live reload stays fast: the PDF is made after the build, in the background, and the
        # download link works a few seconds later (without the size next to it).
        threading.Thread(target=_pdf_op_de_achtergrond, args=(html, site), daemon=True).start()
        return
    start = time.monotonic()
    try:
        pdf = _maak_pdf(html, site)
    except macros.pdf.PdfFout as fout:
        raise PluginError(str(fout)) from None
    # The download links say how big the file is; only now is that known.
    for pagina in site.rglob("*.html"):
        inhoud = pagina.read_text(encoding="utf-8")
        if PDF_GROOTTE in inhoud:
            pagina.write_text(inhoud.replace(PDF_GROOTTE, f"<span>{pdf.omschrijving()}</span>"), encoding="utf-8")
    log.info(f"pdf van de nota: {pdf.omschrijving()}, in {time.monotonic() - start:.1f} s")


def _maak_pdf(html: str, site: Path):
    # Images in the note are relative to its own page, so that page is the base.
    return macros.pdf.maak(html, site / macros.hele_nota.PAD / "index.html", site / macros.hele_nota.PDF_NAAM)


_een_pdf_tegelijk = threading.Lock()


def _pdf_op_de_achtergrond(html: str, site: Path) -> None:
    with _een_pdf_tegelijk:
        try:
            pdf = _maak_pdf(html, site)
        # Any failure: `mkdocs serve` keeps serving the site; `make build` stops on the same error.
        except Exception as fout:  # noqa: BLE001
            log.info(f"De pdf van de nota is niet gemaakt: {fout}")
            return
    log.info(f"pdf van de nota klaar: {pdf.omschrijving()}")


ZOEK_DIALOOG = 'class="md-search" data-md-component="search" role="dialog"'


def on_post_page(output, page, config):
    if page.meta.get("kompas_embed"):
        return output  # the embed view has no header, so no search dialog
    return _noem_zoekdialoog(output)


def on_post_template(output_content, template_name, config):
    # Static templates (the 404 page) carry the same header and search dialog as pages.
    return _noem_zoekdialoog(output_content) if template_name == "404.html" else output_content


def _noem_zoekdialoog(html: str) -> str:
    # mkdocs-material's search dialog has no accessible name; a dialog needs one (WCAG 4.1.2).
    if ZOEK_DIALOOG not in html:
        raise PluginError("hooks.py: de zoekdialoog van mkdocs-material is veranderd; "
                          "pas ZOEK_DIALOOG aan zodat hij weer een toegankelijke naam krijgt")
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
    raise PluginError(f"hooks.py: geen sectie in de nav van mkdocs.yml die begint met {overzicht!r}")


def _herlaad_macros() -> None:
    # `mkdocs serve` keeps imported modules between rebuilds; reload ours (leaves first) so
    # a change in macros/ shows up on the next rebuild like a change in the data does.
    for naam in ("model", "yaml_bouwer", "graaf", "loader", "render", "export", "wijzer", "versies",
                 "schema", "diagram", "wijzer_render", "bouwinfo", "verschil", "dist"):
        if f"macros.{naam}" in sys.modules:
            importlib.reload(sys.modules[f"macros.{naam}"])
    importlib.reload(macros)
