"""mkdocs-macros module: loads the kompas data once and exposes the renderers as macros.

Only wiring lives here; the data model, checks and renderers are plain Python modules in
this package and can be used and tested without MkDocs.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from . import (bouwinfo, diagram, export, grafiek_render, grafieken, hele_nota, pdf, render,  # noqa: F401
               schema, wijzer, wijzer_render)  # (used by hooks.py)
from .loader import KompasDataError, laad_kompas_data


def data_map(config) -> Path:
    """The data folder: `extra.kompas_data` in mkdocs.yml, relative to mkdocs.yml."""
    return Path(config["config_file_path"]).parent / config["extra"]["kompas_data"]


_geladen: dict = {}


def laad(config):
    """Load the data for a build, or stop the build with the full list of problems.

    The hooks and the macros all need it; it is read once per state of the files (a change
    during `mkdocs serve` gives a new state, so the next rebuild reads it again)."""
    map = data_map(config)
    staat = (str(map), tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size)
                                    for p in map.glob("*.y*ml")))) if map.is_dir() else (str(map), ())
    if staat not in _geladen:
        try:
            _geladen.clear()
            _geladen[staat] = laad_kompas_data(map)
        except KompasDataError as fout:
            raise PluginError(str(fout)) from None
    return _geladen[staat]


def define_env(env) -> None:
    data = laad(env.conf)
    env.variables["kompas_versie"] = data.kompas.versie
    env.variables["kompas_aantal_vragen"] = len(data.kompas.vragen)
    env.variables["kompas_aantal_vormen"] = len(data.vormen)
    env.variables["kompas_aantal_paden"] = render.aantal_paden(data)

    def url(pad: str) -> str:
        return render.relatieve_url(env.page.url, pad)

    @env.macro
    def vorm_pagina(vorm_id: str) -> str:
        return render.render_vorm_pagina(data.vorm(vorm_id), data, url)

    @env.macro
    def vormen_overzicht() -> str:
        return render.render_vormen_overzicht(data.vormen, url)

    @env.macro
    def kompas_vragen() -> str:
        return render.render_vragen(data, url)

    @env.macro
    def kompas_toelichting() -> str:
        return render.render_kompas_toelichting(data)

    @env.macro
    def principe_pagina(principe_id: str) -> str:
        return render.render_principe_pagina(data.principe(principe_id), data, url)

    @env.macro
    def principes_overzicht() -> str:
        return render.render_principes_overzicht(data.principes, url)

    @env.macro
    def doelstellingen() -> str:
        return render.render_doelstellingen(data.doelstellingen)

    @env.macro
    def indicatoren_tabel() -> str:
        return render.render_indicatoren(data.indicatoren, url)

    @env.macro
    def risicos() -> str:
        return render.render_risicos(data.risicos)

    @env.macro
    def financien_tabel() -> str:
        return render.render_financien(data.financien)

    @env.macro
    def wijkplatform_voorwaarden() -> str:
        return render.render_wijkplatform_voorwaarden(data.wijkplatforms)

    @env.macro
    def wijkplatform_budget(soort: str) -> str:
        budget = data.wijkplatforms.ondersteuningsbudget
        bedragen = {"per_wijkplatform": budget.per_wijkplatform, "totaal": budget.totaal}
        if soort not in bedragen:
            raise ValueError(f"onbekend budget {soort!r}; kies uit {', '.join(bedragen)}")
        return render.euro(bedragen[soort])

    @env.macro
    def wijzer_toestand(pad: str, embed: bool = False) -> str:
        antwoorden = tuple(a for a in pad.split("/") if a)
        toestand = wijzer.zoek_toestand(data.kompas, antwoorden)
        if toestand is None:
            raise ValueError(f"geen toestand van de kompaswijzer: {pad!r}")
        return wijzer_render.render_toestand(data, toestand, url, embed)

    @env.macro
    def kompas_schema() -> str:
        return render.render_kompas_schema(data, url)

    @env.macro
    def kompas_versies() -> str:
        return render.render_versies(data)

    @env.macro
    def data_velden() -> str:
        return render.render_data_velden(schema.dataset_schema())

    @env.macro
    def in_het_kort(over: str) -> str:
        samenvattingen = {"nota": data.nota.in_het_kort, "kompas": data.kompas.in_het_kort}
        if over not in samenvattingen:
            raise ValueError(f"geen samenvatting van {over!r}; kies uit {', '.join(samenvattingen)}")
        return render.render_in_het_kort(samenvattingen[over])

    @env.macro
    def voorbeelden() -> str:
        return render.render_voorbeelden(data.vormen, url)

    @env.macro
    def indicatoren_grafiek() -> str:
        return grafiek_render.render_indicatoren_grafiek(data, url)

    @env.macro
    def indicator_grafieken() -> str:
        return grafiek_render.render_indicator_grafieken(data, url)

    @env.macro
    def financien_grafieken() -> str:
        return grafiek_render.render_financien_grafieken(data, url)

    @env.macro
    def zeggenschap_schaal() -> str:
        return grafiek_render.render_zeggenschap(data, url)

    @env.macro
    def pdf_download() -> str:
        return render.render_pdf_download(url)
