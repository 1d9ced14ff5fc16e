"""The Jinja pass of the pages in content/ (macros.render_pagina): it runs the macros, and a
page whose Jinja cannot run stops the build with a Dutch message at its file and line."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from jinja2 import TemplateSyntaxError

from macros.site.macros import PaginaFout, regels_ervoor, render_pagina

from .conftest import PROJECT


def _macro_die_faalt() -> str:
    raise ValueError("geen toestand van de kompaswijzer: 'x/y'")


WAARDEN = {"aantal": 10, "groet": lambda naam: f"<b>dag {naam}</b>", "faalt": _macro_die_faalt}


def _fout_met(waarden: dict, bron: str) -> str:
    with pytest.raises(PaginaFout) as fout:
        render_pagina(bron, "content/pagina.md", waarden)
    return str(fout.value)


def _fout(bron: str) -> str:
    return _fout_met(WAARDEN, bron)


def test_de_macros_en_getallen_komen_op_de_pagina_zoals_ze_zijn():
    bron = "# Kop\n\nHet heeft {{ aantal }} vragen.\n\n{{ groet('Utrecht') }}\n"
    assert render_pagina(bron, "content/pagina.md", WAARDEN) == (
        "# Kop\n\nHet heeft 10 vragen.\n\n<b>dag Utrecht</b>"  # no autoescape: a macro gives HTML
    )


def test_een_onbekende_naam_stopt_bij_bestand_en_regel():
    melding = _fout("# Kop\n\nregel drie\n{{ aantl }} vragen\n")
    assert melding.startswith("content/pagina.md:4: ")
    assert "bestaat niet" in melding and "'aantl' is undefined" in melding


def test_kapotte_opmaak_stopt_bij_bestand_en_regel():
    melding = _fout("# Kop\n\n{{ groet('a' }}\n")
    assert melding.startswith("content/pagina.md:3: de opmaak van een macro klopt niet")


def test_kapotte_opmaak_in_een_sjabloon_van_een_macro_noemt_dat_sjabloon():
    fout = TemplateSyntaxError("unexpected '*'", 26, name="indicatoren.html")

    def macro_met_kapot_sjabloon() -> str:
        raise fout

    melding = _fout_met({"tabel": macro_met_kapot_sjabloon}, "# Kop\n\n{{ tabel() }}\n")
    assert melding == "macros/site/templates/indicatoren.html:26: de opmaak van een macro klopt niet: unexpected '*'"


def test_een_macro_die_faalt_noemt_zijn_eigen_melding_en_de_regel():
    melding = _fout("een\ntwee\n\n{{ faalt() }}\n")
    assert melding == "content/pagina.md:4: de macro loopt vast: geen toestand van de kompaswijzer: 'x/y'"


def test_de_regel_telt_vanaf_het_begin_van_het_bestand():
    # MkDocs hands the plugin a page's Markdown without its front matter: the line is the file's.
    melding = _fout_in_bestand("---\nhide:\n  - toc\n---\n\n# Kop\n{{ aantl }}\n")
    assert melding.startswith("content/pagina.md:7: ")


def _fout_in_bestand(bestand: str) -> str:
    markdown = bestand.split("---\n", 2)[2].lstrip("\n")  # as MkDocs' meta.get_data leaves it
    with pytest.raises(PaginaFout) as fout:
        render_pagina(markdown, "content/pagina.md", WAARDEN, lambda: regels_ervoor(bestand, markdown))
    return str(fout.value)


# A page without front matter, and one with it (its Markdown starts five lines down).
PAGINAS = {"content/voorwoord.md": 3, "content/monitoring/indicatoren.md": 18}


@pytest.mark.bouw
@pytest.mark.parametrize("naam", PAGINAS)
def test_de_bouw_stopt_op_een_pagina_met_een_onbekende_macro(tmp_path, naam):
    project = tmp_path / "project"
    for map_ in ("content", "kompas_data", "nota_vastgesteld", "site_overrides"):
        shutil.copytree(PROJECT / map_, project / map_)
    shutil.copy(PROJECT / "mkdocs.yml", project)
    (project / "macros").symlink_to(PROJECT / "macros")  # mkdocs.yml watches it
    pagina = project / naam
    regels = pagina.read_text(encoding="utf-8").splitlines()
    erboven = PAGINAS[naam]
    pagina.write_text(
        "\n".join([*regels[:erboven], "{{ kompas_vragn() }}", *regels[erboven:]]) + "\n", encoding="utf-8"
    )
    resultaat = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(tmp_path / "s")],
        cwd=PROJECT,  # `-m`: our package from this checkout, as `python -m macros bouw` does
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "KOMPAS_CACHE": "uit"},
    )
    assert resultaat.returncode != 0
    melding = f"{naam}:{erboven + 1}: een macro of getal met deze naam bestaat niet ('kompas_vragn' is undefined)"
    assert melding in resultaat.stderr
