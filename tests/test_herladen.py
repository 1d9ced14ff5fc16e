"""`mkdocs serve` reloads our modules after the modules they import, found from the package."""

from __future__ import annotations

import importlib

from macros.site import herladen

MODULES = [
    "macros.data.model",
    "macros.data.lezer",
    "macros.data.loader",
    "macros.data.graaf",
    "macros.uitvoer.diagram",
    "macros.site.sjablonen",
    "macros.site.wijzer",
    "macros.site.paginasoorten",
    "macros.site.paginas",
]


def test_elke_module_na_wat_zij_importeert():
    modules = {naam: importlib.import_module(naam) for naam in MODULES}
    volgorde = herladen.volgorde(modules)
    assert sorted(volgorde) == sorted(MODULES)
    voor = volgorde.index
    assert voor("macros.data.model") < voor("macros.data.loader") and voor("macros.data.lezer") < voor(
        "macros.data.loader"
    )
    assert voor("macros.data.graaf") < voor("macros.data.loader")
    assert voor("macros.uitvoer.diagram") < voor("macros.site.wijzer")
    # The registry hands the templates its addresses when it loads: after the templates' module.
    assert voor("macros.site.sjablonen") < voor("macros.site.wijzer") < voor("macros.site.paginasoorten")
    assert voor("macros.site.paginasoorten") < voor("macros.site.paginas")


def test_herladen_laat_de_plugin_staan(monkeypatch):
    geladen = []
    monkeypatch.setattr(importlib, "reload", lambda m: geladen.append(m.__name__))
    importlib.import_module("macros.site.plugin")
    herladen.herlaad_macros()
    assert "macros.data.model" in geladen and "macros.site.sjablonen" in geladen
    assert "macros.site.plugin" not in geladen and "macros.site.herladen" not in geladen
