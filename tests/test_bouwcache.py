"""The build cache (macros/uitvoer/bouwcache.py): charts, the PDF, compiled templates, the data
sets, the note as adopted, the kompaswijzer's pages and the gemeente's stylesheet, each found by
everything it follows from: never stale, never fatal, and nothing kept that came with a problem."""

from __future__ import annotations

import dataclasses
import inspect
import logging
import shutil
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Callable, cast

import pytest
from jinja2 import DictLoader, Environment
from jinja2.bccache import bc_magic
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel

from macros.data.adressen import relatieve_url
from macros.site import gegevens, hele_nota, paginasoorten, plugin
from macros.site.hele_nota import Deel
from macros.site.paginas import GegenereerdePagina
from macros.site.plugin import KompasPlugin
from macros.uitvoer import bouwcache, grafieken, huisstijl, kleuren, pdf


def test_zelfde_invoer_uit_de_cache_andere_invoer_opnieuw(tmp_path, monkeypatch):
    monkeypatch.setenv("KOMPAS_CACHE", str(tmp_path))
    gemaakt = []

    def maak(waarde):
        def f():
            gemaakt.append(waarde)
            return waarde

        return f

    a = bouwcache.sleutel("data a", "code")
    assert bouwcache.ophalen_of_maken("soort", a, maak(b"A")) == b"A"
    assert bouwcache.ophalen_of_maken("soort", a, maak(b"X")) == b"A"  # from the cache
    b = bouwcache.sleutel("data b", "code")
    assert b != a and bouwcache.sleutel("data a", "andere code") != a
    assert bouwcache.ophalen_of_maken("soort", b, maak(b"B")) == b"B"
    assert gemaakt == [b"A", b"B"]


def test_beschadigd_wordt_opnieuw_gemaakt(tmp_path, monkeypatch):
    monkeypatch.setenv("KOMPAS_CACHE", str(tmp_path))
    s = bouwcache.sleutel("x")
    (tmp_path / "soort").mkdir()
    (tmp_path / "soort" / s).write_bytes(b"half")
    assert bouwcache.ophalen_of_maken("soort", s, lambda: b"heel", lambda b: b == b"heel") == b"heel"
    assert bouwcache._lees(tmp_path / "soort" / s) == b"heel"  # kept whole


def test_uit_schrijft_niets(tmp_path, monkeypatch):
    monkeypatch.setenv("KOMPAS_CACHE", "uit")
    monkeypatch.chdir(tmp_path)
    assert bouwcache.ophalen_of_maken("soort", bouwcache.sleutel("x"), lambda: b"vers") == b"vers"
    assert bouwcache.cachemap() is None and not any(tmp_path.iterdir())


def test_alleen_lezen_is_geen_fout(tmp_path, monkeypatch):
    bestand = tmp_path / "geen-map"
    bestand.write_text("een bestand, geen map")
    monkeypatch.setenv("KOMPAS_CACHE", str(bestand))
    assert bouwcache.ophalen_of_maken("soort", bouwcache.sleutel("x"), lambda: b"vers") == b"vers"


def _waarde(sleutel, maak, houden=lambda _: True, uitpakken=lambda b: b.decode()):
    return bouwcache.waarde("soort", sleutel, maak, str.encode, uitpakken, houden)


def test_een_waarde_uit_de_cache_en_wat_niet_bewaard_mag_worden_opnieuw(tmp_path, monkeypatch):
    monkeypatch.setenv("KOMPAS_CACHE", str(tmp_path))
    assert _waarde(lambda: "a", lambda: "A") == "A"
    assert _waarde(lambda: "a", lambda: pytest.fail("opnieuw gemaakt")) == "A"
    # Not kept: a result with a problem (houden), a value without a key (None).
    assert _waarde(lambda: "b", lambda: "B", houden=lambda _: False) == "B"
    assert _waarde(lambda: "b", lambda: "B2") == "B2"
    assert _waarde(lambda: None, lambda: "C") == "C" and _waarde(lambda: None, lambda: "C2") == "C2"
    # A damaged entry (uitpakken: None) is made again, and kept whole.
    assert _waarde(lambda: "a", lambda: "A2", uitpakken=lambda b: None) == "A2"
    assert _waarde(lambda: "a", lambda: pytest.fail("opnieuw gemaakt")) == "A2"


def test_zonder_cache_maakt_een_waarde_geen_sleutel_en_pakt_niets_in(monkeypatch):
    # A build without the cache does no more than one before the cache: no key, no packing.
    monkeypatch.setenv("KOMPAS_CACHE", "uit")
    gemaakt = bouwcache.waarde(
        "soort", lambda: pytest.fail("een sleutel"), lambda: "vers", lambda _: pytest.fail("ingepakt"), bytes.decode
    )
    assert gemaakt == "vers"


def _omgeving(cache, bronnen: dict[str, str]) -> Environment:
    return Environment(loader=DictLoader(bronnen), bytecode_cache=cache)


def _compileert(monkeypatch, omgeving: Environment) -> list[str]:
    """The names of the templates `omgeving` compiles from here on."""
    gecompileerd: list[str] = []
    origineel = omgeving.compile

    def compileer(source, name=None, *args, **kwargs):
        gecompileerd.append(name)
        return origineel(source, name, *args, **kwargs)

    monkeypatch.setattr(omgeving, "compile", compileer)
    return gecompileerd


def test_een_sjabloon_wordt_een_keer_gecompileerd(tmp_path, monkeypatch):
    cache = bouwcache.SjabloonCache(tmp_path, "instellingen")
    _omgeving(cache, {"a.html": "{{ x }}!"}).get_template("a.html")
    tweede = _omgeving(cache, {"a.html": "{{ x }}!"})  # the next build
    gecompileerd = _compileert(monkeypatch, tweede)
    assert tweede.get_template("a.html").render(x="ja") == "ja!" and gecompileerd == []


@pytest.mark.parametrize("wijziging", ["bron", "code", "beschadigd"])
def test_een_ander_of_beschadigd_sjabloon_wordt_opnieuw_gecompileerd(tmp_path, monkeypatch, wijziging):
    _omgeving(bouwcache.SjabloonCache(tmp_path, "instellingen"), {"a.html": "{{ x }}!"}).get_template("a.html")
    bron, code = (
        ("{{ x }}?" if wijziging == "bron" else "{{ x }}!"),
        ("andere" if wijziging == "code" else "instellingen"),
    )
    if wijziging == "beschadigd":
        for bestand in tmp_path.iterdir():  # cut off after Jinja's header
            bestand.write_bytes(bc_magic)
    tweede = _omgeving(bouwcache.SjabloonCache(tmp_path, code), {"a.html": bron})
    gecompileerd = _compileert(monkeypatch, tweede)
    assert tweede.get_template("a.html").render(x="ja") == bron.replace("{{ x }}", "ja")
    assert gecompileerd == ["a.html"]


def test_sjablonen_zonder_bouwcache(monkeypatch):
    monkeypatch.setenv("KOMPAS_CACHE", "uit")
    assert bouwcache.sjabloon_cache("instellingen") is None


def test_map_inhoud_volgt_elk_bestand_maar_niet_bytecode_of_verborgen_mappen(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.py").write_text("a = 1")
    eerst = bouwcache.map_inhoud(tmp_path)
    for weg in ("__pycache__", ".cache"):
        (tmp_path / "sub" / weg).mkdir()
        (tmp_path / "sub" / weg / "b").write_text("niet de code")
    assert bouwcache.map_inhoud(tmp_path) == eerst
    (tmp_path / "sub" / "a.py").write_text("a = 2")
    assert bouwcache.map_inhoud(tmp_path) != eerst
    (tmp_path / "sub" / "a.py").write_text("a = 1")
    (tmp_path / "sub" / "a.py").rename(tmp_path / "sub" / "c.py")  # the same bytes, another name
    assert bouwcache.map_inhoud(tmp_path) != eerst


def test_bestanden_inhoud_verwart_geen_twee_verzamelingen_bestanden():
    # A file whose content looks like the next file's name and content is still one file.
    assert bouwcache.bestanden_inhoud({"a": b"1\0b\0" + b"2"}) != bouwcache.bestanden_inhoud({"a": b"1", "b": b"2"})
    assert bouwcache.bestanden_inhoud({"a": b"1", "b": b"2"}) == bouwcache.bestanden_inhoud({"b": b"2", "a": b"1"})


def test_pakketten_noemen_elke_geinstalleerde_versie():
    namen = bouwcache.pakketten()
    assert f"jinja2-{version('jinja2')}.dist-info" in namen.lower()
    assert f"markdown-{version('markdown')}.dist-info" in namen.lower()


# --- The note as adopted, kept whole (plugin._hele_nota) --------------------------------------


@dataclass
class _Bestand:
    """What the key reads of a file of the build."""

    src_uri: str
    url: str
    inclusion: InclusionLevel = InclusionLevel.INCLUDED


DELEN = [
    Deel("", "deel/b-opgave/", "B. Opgave", 0, "<h1>B. Opgave</h1>"),
    Deel("kompas/index.md", "kompas/", "Kompas", 1, "<h1>Kompas</h1><p>zoals de site hem nu toont</p>"),
]
INSTELLINGEN = {
    "markdown_extensions": ["toc", "tables"],
    "mdx_configs": {"toc": {"permalink": False}},
    "use_directory_urls": True,
    "site_url": None,
    "validation": {"links": {"anchors": 30}},
}


@dataclass
class _Rendering:
    """Stands in for rendering the note's pages (plugin._nota_delen), and counts."""

    keer: int = 0

    def __call__(self, site_delen: list[Deel], config, files) -> list[Deel]:
        self.keer += 1
        html = f"<h1>Kompas</h1><p>zoals de nota hem vaststelde, {self.keer}e keer</p>"
        return [site_delen[0], Deel("kompas/index.md", "kompas/", "Kompas", 1, html)]


def _plugin_met_eigen_mappen(tmp_path: Path, monkeypatch) -> KompasPlugin:
    """Our plugin with a cache, two data sets and "our code" of its own, in `tmp_path`."""
    monkeypatch.setenv("KOMPAS_CACHE", str(tmp_path / "cache"))
    for map_ in ("kompas_data", "nota_vastgesteld", "macros"):
        (tmp_path / map_).mkdir()
        (tmp_path / map_ / "a.yaml").write_text("a: 1\n")
    monkeypatch.setattr(plugin, "MACROS", tmp_path / "macros")
    kompas = KompasPlugin()
    kompas.mappen = (tmp_path / "kompas_data", tmp_path / "nota_vastgesteld")
    return kompas


@pytest.fixture
def nota_plugin(tmp_path, monkeypatch):
    """Our plugin as on_page_context finds it for the note: two data sets, our code, the
    note's page as written, the build's files; the note's rendering counted, not done."""
    kompas = _plugin_met_eigen_mappen(tmp_path, monkeypatch)
    kompas.nota_bronnen = {"kompas/index.md": "# Kompas\n\n{{ kompas_vragen() }}\n"}
    kompas.gegenereerd = {}
    kompas.files = cast(Files, [_Bestand("kompas/index.md", "kompas/"), _Bestand("index.md", "")])
    monkeypatch.setattr(kompas, "_nota_delen", _Rendering())
    return kompas


def _hele_nota(kompas: KompasPlugin, delen=DELEN, instellingen=INSTELLINGEN, url="nota/"):
    """The note, in a build of its own: what on_config forgets of the previous build, forgotten."""
    kompas._invoer = None
    return kompas._hele_nota(list(delen), cast(MkDocsConfig, instellingen), url)


def test_de_nota_komt_de_tweede_keer_uit_de_cache(nota_plugin):
    eerste = _hele_nota(nota_plugin)
    assert "1e keer" in eerste.pagina and "1e keer" in eerste.pdf
    assert _hele_nota(nota_plugin) == eerste and nota_plugin._nota_delen.keer == 1


def _schrijf(pad: Path) -> dict:
    pad.write_text("a: 2\n")
    return {}


def _met(monkeypatch: pytest.MonkeyPatch, waar: object, naam: str, waarde: object) -> dict:
    monkeypatch.setattr(waar, naam, waarde)
    return {}


def _met_item(monkeypatch: pytest.MonkeyPatch, woordenboek: dict, sleutel: str, waarde: object) -> dict:
    monkeypatch.setitem(woordenboek, sleutel, waarde)
    return {}


def _ander_bestand(kompas: KompasPlugin, bestand: _Bestand, vervang: bool) -> dict:
    lijst = cast(list, kompas.files)
    if vervang:
        lijst[0] = bestand
    else:
        lijst.append(bestand)
    return {}


def _andere_bron(kompas: KompasPlugin) -> dict:
    kompas.nota_bronnen["kompas/index.md"] = "# Kompas\n"
    return {}


def _instelling(naam: str, waarde: object) -> dict:
    return {"instellingen": {**INSTELLINGEN, naam: waarde}}


# Everything the note as adopted follows from, each changed on its own (the arguments of
# _hele_nota that differ, if any): a change of any of it renders the note again.
WIJZIGINGEN: dict[str, Callable[[KompasPlugin, pytest.MonkeyPatch], dict]] = {
    "de Markdown van een pagina van de nota": lambda k, m: _andere_bron(k),
    "de volgorde in het menu": lambda k, m: {"delen": DELEN[::-1]},
    "een titel in het menu": lambda k, m: {"delen": [DELEN[0], dataclasses.replace(DELEN[1], titel="Het kompas")]},
    "de diepte in het menu": lambda k, m: {"delen": [DELEN[0], dataclasses.replace(DELEN[1], diepte=2)]},
    "een kop in het menu die geen pagina is": lambda k, m: {
        "delen": [dataclasses.replace(DELEN[0], html="<h1>C. Opgave</h1>"), DELEN[1]]
    },
    "de gegevens van het kompas nu": lambda k, m: _schrijf(k.mappen[0] / "a.yaml"),
    "de gegevens van de nota": lambda k, m: _schrijf(k.mappen[1] / "a.yaml"),
    "een nieuw bestand in de gegevens": lambda k, m: _schrijf(k.mappen[0] / "b.yaml"),
    "onze code of een sjabloon": lambda k, m: _schrijf(plugin.MACROS / "a.yaml"),
    "het adres van een bestand van de bouw": lambda k, m: _ander_bestand(k, _Bestand("kompas/index.md", "k/"), True),
    "een bestand van de bouw erbij": lambda k, m: _ander_bestand(k, _Bestand("nieuw.md", "nieuw/"), False),
    "een bestand van de bouw uitgesloten": lambda k, m: _ander_bestand(
        k, _Bestand("kompas/index.md", "kompas/", InclusionLevel.EXCLUDED), True
    ),
    "een instelling van Markdown": lambda k, m: _instelling("mdx_configs", {"toc": {"permalink": True}}),
    "een extensie van Markdown": lambda k, m: _instelling("markdown_extensions", ["toc", "tables", "abbr"]),
    "het adres van de site": lambda k, m: _instelling("site_url", "https://example.org/"),
    "de controle van links": lambda k, m: _instelling("validation", {"links": {"anchors": 20}}),
    "het adres van de pagina": lambda k, m: {"url": "hele-nota/"},
    "een bibliotheek": lambda k, m: _met(m, bouwcache, "pakketten", lambda: "markdown-9.9.dist-info"),
    "de motor": lambda k, m: _met(m, plugin, "_motor", lambda: "properdocs 1.6.7"),
    "het palet": lambda k, m: _met_item(m, kleuren.PALET, "link", "#000000"),
}


@pytest.mark.parametrize("wijziging", WIJZIGINGEN)
def test_elke_wijziging_van_wat_de_nota_maakt_rendert_haar_opnieuw(nota_plugin, monkeypatch, wijziging):
    _hele_nota(nota_plugin)
    anders = WIJZIGINGEN[wijziging](nota_plugin, monkeypatch)
    assert "2e keer" in _hele_nota(nota_plugin, **anders).pagina
    assert nota_plugin._nota_delen.keer == 2


def test_de_site_zelf_maakt_de_nota_niet_anders(nota_plugin):
    # The site's own rendering of a page of the note (the kompas as it is now) is not an input:
    # the note is rendered from its own data.
    _hele_nota(nota_plugin)
    site_nu = [DELEN[0], dataclasses.replace(DELEN[1], html="<p>een latere versie van het kompas</p>")]
    assert "1e keer" in _hele_nota(nota_plugin, delen=site_nu).pagina


def test_een_pagina_die_de_config_leest_wordt_elke_bouw_gerenderd(nota_plugin):
    # MkDocs' config holds this build's commit and date: no key follows it.
    nota_plugin.nota_bronnen["kompas/index.md"] = "Gebouwd uit {{ config.extra.bouw.commit }}"
    _hele_nota(nota_plugin)
    assert "2e keer" in _hele_nota(nota_plugin).pagina


@pytest.mark.parametrize("logger", ["mkdocs.structure.pages", "MARKDOWN", "mkdocs.plugins.kompas"])
def test_een_nota_met_een_waarschuwing_wordt_niet_bewaard(nota_plugin, monkeypatch, logger):
    # A strict build stops on a warning, a broken link in the note say: every build, not only
    # the one that rendered it.
    nota_delen = nota_plugin._nota_delen

    def met_waarschuwing(*args):
        logging.getLogger(logger).warning("een link naar een pagina die er niet is")
        return nota_delen(*args)

    monkeypatch.setattr(nota_plugin, "_nota_delen", met_waarschuwing)
    _hele_nota(nota_plugin)
    assert "2e keer" in _hele_nota(nota_plugin).pagina


def test_een_beschadigde_nota_wordt_opnieuw_gerenderd(nota_plugin, tmp_path):
    _hele_nota(nota_plugin)
    (bewaard,) = (tmp_path / "cache" / "nota").iterdir()
    bewaard.write_bytes(b'{"pagina": "half')
    assert "2e keer" in _hele_nota(nota_plugin).pagina
    gelezen = bouwcache._lees(bewaard)
    assert gelezen is not None and hele_nota.Samengesteld.uit_json(gelezen) is not None  # and kept whole again


def test_zonder_bouwcache_wordt_de_nota_elke_bouw_gerenderd(nota_plugin, monkeypatch):
    monkeypatch.setenv("KOMPAS_CACHE", "uit")
    _hele_nota(nota_plugin)
    assert "2e keer" in _hele_nota(nota_plugin).pagina


# --- The palette and the gemeente's stylesheet --------------------------------------------------


def test_code_en_waarden_volgt_de_waarden_die_de_module_bij_het_laden_leest(tmp_path):
    # kleuren.py reads its colours from the gemeente's tokens: new tokens, same source.
    bron = tmp_path / "palet.py"
    bron.write_text('PALET = {"link": lees_token()}\n')
    module = ModuleType("palet")
    module.__file__ = str(bron)
    module.PALET = {"link": "#24578f"}
    eerst = bouwcache.code_en_waarden(module)
    module.PALET = {"link": "#000000"}
    assert bouwcache.code_en_waarden(module) != eerst
    assert kleuren.PALET["link"] in bouwcache.code_en_waarden(kleuren)


class _Teller:
    """Stands in for a function that is slow to run, and counts."""

    def __init__(self, functie: Callable) -> None:
        self.functie, self.keer = functie, 0

    def __call__(self, *args):
        self.keer += 1
        return self.functie(*args)


def test_de_huisstijl_uit_de_cache_is_dezelfde_en_andere_klassen_snoeien_opnieuw(tmp_path, monkeypatch):
    monkeypatch.setenv("KOMPAS_CACHE", str(tmp_path))
    klassen = {"utrecht-button", "utrecht-button--primary-action"}
    vers = huisstijl.stijl(klassen, {"--utrecht-link-color"})
    snoeien = _Teller(huisstijl.stijl)
    monkeypatch.setattr(huisstijl, "stijl", snoeien)
    assert huisstijl.bewaarde_stijl(klassen, {"--utrecht-link-color"}) == vers
    assert huisstijl.bewaarde_stijl(klassen, {"--utrecht-link-color"}) == vers and snoeien.keer == 1
    huisstijl.bewaarde_stijl(klassen | {"utrecht-table"}, {"--utrecht-link-color"})
    huisstijl.bewaarde_stijl(klassen, {"--utrecht-document-color"})
    assert snoeien.keer == 3


def test_een_ander_bestand_van_de_gemeente_snoeit_opnieuw(tmp_path, monkeypatch):
    monkeypatch.setenv("KOMPAS_CACHE", str(tmp_path / "cache"))
    vendor = tmp_path / "vendor"
    shutil.copytree(huisstijl.VENDOR, vendor)
    monkeypatch.setattr(huisstijl, "VENDOR", vendor)
    snoeien = _Teller(lambda *args: ("css", huisstijl.snoeien.Gesnoeid("", [], 0)))
    monkeypatch.setattr(huisstijl, "stijl", snoeien)
    huisstijl.bewaarde_stijl({"utrecht-button"}, set())
    (tokens,) = vendor.glob("@utrecht/design-tokens/dist/root.css")
    tokens.write_text(tokens.read_text() + ":root{--utrecht-nieuw:1px}")
    huisstijl.bewaarde_stijl({"utrecht-button"}, set())
    assert snoeien.keer == 2


def test_de_tokens_uit_de_cache_zijn_dezelfde(tmp_path, monkeypatch):
    monkeypatch.setenv("KOMPAS_CACHE", str(tmp_path))
    lezen = huisstijl._definities.__wrapped__
    vers = lezen()
    monkeypatch.setattr(huisstijl.snoeien, "definities", lambda tokens: pytest.fail("de tokens opnieuw gelezen"))
    assert lezen() == vers and list(lezen()) == list(vers)  # in their order: the last one wins


# --- The data sets (site/gegevens.py) -----------------------------------------------------------

FIXTURE = Path(__file__).parent / "fixtures" / "kompas-1.0"


def test_de_gegevens_uit_de_cache_zijn_dezelfde_en_een_wijziging_wordt_gelezen(tmp_path, monkeypatch):
    monkeypatch.setenv("KOMPAS_CACHE", str(tmp_path / "cache"))
    kopie = tmp_path / "kompas_data"
    shutil.copytree(FIXTURE, kopie)
    vers = gegevens.laad(kopie)
    lezen = _Teller(gegevens.laad_kompas_data)
    monkeypatch.setattr(gegevens, "laad_kompas_data", lezen)
    assert gegevens.laad(kopie) == vers and repr(gegevens.laad(kopie)) == repr(vers) and lezen.keer == 0
    kompas = kopie / "kompas.yaml"
    kompas.write_text(kompas.read_text(encoding="utf-8") + "# een regel erbij\n", encoding="utf-8")
    gegevens.laad(kopie)
    assert lezen.keer == 1


def test_andere_code_leest_de_gegevens_opnieuw(tmp_path, monkeypatch):
    monkeypatch.setenv("KOMPAS_CACHE", str(tmp_path / "cache"))
    code = tmp_path / "data"
    shutil.copytree(gegevens.DATA_CODE, code, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(gegevens, "DATA_CODE", code)
    gegevens.laad(FIXTURE)
    lezen = _Teller(gegevens.laad_kompas_data)
    monkeypatch.setattr(gegevens, "laad_kompas_data", lezen)
    (code / "lezer.py").write_text((code / "lezer.py").read_text(encoding="utf-8") + "\n# anders\n")
    gegevens.laad(FIXTURE)
    assert lezen.keer == 1


def test_gegevens_met_een_fout_worden_niet_bewaard(tmp_path, monkeypatch):
    # Every build names every problem, not only the first one that read them.
    monkeypatch.setenv("KOMPAS_CACHE", str(tmp_path / "cache"))
    kopie = tmp_path / "kompas_data"
    shutil.copytree(FIXTURE, kopie)
    (kopie / "vormen.yaml").write_text("vormen: [\n")
    for _ in range(2):
        with pytest.raises(gegevens.GegevensFout, match="vormen.yaml"):
            gegevens.laad(kopie)
    assert not (tmp_path / "cache" / "gegevens").exists()


def test_beschadigde_gegevens_worden_opnieuw_gelezen(tmp_path, monkeypatch):
    monkeypatch.setenv("KOMPAS_CACHE", str(tmp_path / "cache"))
    vers = gegevens.laad(FIXTURE)
    (bewaard,) = (tmp_path / "cache" / "gegevens").iterdir()
    bewaard.write_bytes(bewaard.read_bytes()[:100])
    assert gegevens.laad(FIXTURE) == vers


def test_gegevens_die_na_bewaren_veranderden_worden_opnieuw_gelezen(tmp_path, monkeypatch):
    # A kept entry with one byte changed (a bad disk, a copy gone wrong) may still unpickle, into
    # other data: the site would show a text nobody wrote. It is made again, as a cut-off one.
    monkeypatch.setenv("KOMPAS_CACHE", str(tmp_path / "cache"))
    vers = gegevens.laad(FIXTURE)
    (bewaard,) = (tmp_path / "cache" / "gegevens").iterdir()
    assert b"Peilen" in bewaard.read_bytes()
    bewaard.write_bytes(bewaard.read_bytes().replace(b"Peilen", b"Pielen"))
    assert gegevens.laad(FIXTURE).vorm("peilen").titel == "Peilen"
    assert gegevens.laad(FIXTURE) == vers


@pytest.mark.parametrize("wijzig", [lambda b: b[:-1], lambda b: b[:-3] + b"x" + b[-2:]], ids=["afgebroken", "anders"])
def test_een_bewaarde_waarde_die_niet_meer_is_wat_er_bewaard_werd_wordt_opnieuw_gemaakt(tmp_path, monkeypatch, wijzig):
    monkeypatch.setenv("KOMPAS_CACHE", str(tmp_path))
    assert _waarde(lambda: "a", lambda: "ABCDEF") == "ABCDEF"
    (bestand,) = (tmp_path / "soort").iterdir()
    bestand.write_bytes(wijzig(bestand.read_bytes()))
    assert _waarde(lambda: "a", lambda: "ABCDEF") == "ABCDEF"


def _gebouwd(site: Path) -> None:
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text('<p class="utrecht-button" style="color: var(--utrecht-x)">')
    (site / "app.js").write_text("el.classList.add('utrecht-alert')")
    (site / "stijl.css").write_text("p { color: var(--utrecht-y) } .niet-gelezen {}")


def test_wat_de_site_gebruikt_uit_de_cache_en_een_gewijzigde_pagina_opnieuw(tmp_path, monkeypatch):
    monkeypatch.setenv("KOMPAS_CACHE", str(tmp_path / "cache"))
    site = tmp_path / "site"
    _gebouwd(site)
    klassen, verwijzingen = huisstijl.gebruikt(site)
    assert {"utrecht-button", "utrecht-alert"} <= klassen and "niet-gelezen" not in klassen
    assert verwijzingen == {"--utrecht-x", "--utrecht-y"}
    lezen = _Teller(huisstijl.snoeien.klassen_in)
    monkeypatch.setattr(huisstijl.snoeien, "klassen_in", lezen)
    assert huisstijl.gebruikt(site) == (klassen, verwijzingen) and lezen.keer == 0
    (site / "a" / "index.html").write_text('<p class="utrecht-table">')
    assert "utrecht-table" in huisstijl.gebruikt(site)[0] and lezen.keer == 2  # the page and the script
    (site / "app.js").rename(site / "a" / "app.js")  # the same bytes in another place
    huisstijl.gebruikt(site)
    assert lezen.keer == 4


# --- The pages made from the data (plugin._gerenderd) ---------------------------------------------


class _Pagina:
    """What rendering the generated pages needs of a page of the build: its address."""

    def __init__(self, url: str) -> None:
        self.url = url


class _Paginas:
    def __init__(self, adressen: dict[str, str]) -> None:
        self.adressen = adressen

    def get_file_from_path(self, src: str):
        return SimpleNamespace(page=_Pagina(self.adressen[src])) if src in self.adressen else None


@dataclass
class _Renderer:
    """Stands in for a renderer of the pages made from the data (a vorm's template, a state of
    the kompaswijzer: wijzer.render_toestand), and counts."""

    wat: str
    keer: int = 0

    def __call__(self, url) -> str:
        self.keer += 1
        return f'<a href="{url("kompas/")}">{self.wat}</a> {self.keer}'


WIJZER = {"kompas/wijzer/ja.md": "kompas/wijzer/ja/", "kompas/wijzer/ja/nee.md": "kompas/wijzer/ja/nee/"}
VORM = "kompas/vormen/peilen.md"


@pytest.fixture
def wijzer_plugin(tmp_path, monkeypatch):
    """Our plugin as on_page_markdown finds it: two data sets, our code, the pages made from the
    data (a vorm's, and the walker's with HTML after Markdown)."""
    kompas = _plugin_met_eigen_mappen(tmp_path, monkeypatch)
    _nieuwe_bouw(kompas, WIJZER, _Renderer("peilen"), _Renderer("toestand"))
    return kompas


def _renderers(kompas: KompasPlugin) -> tuple[_Renderer, _Renderer]:
    vorm = kompas.gegenereerd[VORM].markdown
    toestand = kompas.gegenereerd["kompas/wijzer/ja.md"].na_markdown
    assert isinstance(vorm, _Renderer) and isinstance(toestand, _Renderer)
    return vorm, toestand


def _nieuwe_bouw(kompas: KompasPlugin, adressen: dict[str, str], vorm: _Renderer, toestand: _Renderer) -> None:
    """What on_files sets for a build: the generated pages, the build's files."""
    kompas.gegenereerd = {
        VORM: GegenereerdePagina(paginasoorten.soort("vorm"), "kompas/vormen/peilen/", "", vorm),
        **{
            src: GegenereerdePagina(paginasoorten.soort("wijzer"), adres, "", lambda url: "<!-- hier -->\n", toestand)
            for src, adres in adressen.items()
        },
    }
    kompas.files = cast(Files, _Paginas({**adressen, VORM: "kompas/vormen/peilen/"}))
    kompas._pagina_teksten = kompas._invoer = None  # on_files and on_config forget the previous build


def _gerenderd(kompas: KompasPlugin, site_url=None) -> dict[str, dict[str, str]]:
    return kompas._gerenderd(cast(MkDocsConfig, {"site_url": site_url}))


def test_de_paginas_uit_de_gegevens_komen_de_tweede_bouw_uit_de_cache(wijzer_plugin):
    vorm, toestand = _renderers(wijzer_plugin)
    eerste = _gerenderd(wijzer_plugin)
    # Each page's links are relative to that page, as when it was rendered on its own.
    assert eerste["na_markdown"] == {
        "kompas/wijzer/ja.md": f'<a href="{relatieve_url("kompas/wijzer/ja/", "kompas/")}">toestand</a> 1',
        "kompas/wijzer/ja/nee.md": f'<a href="{relatieve_url("kompas/wijzer/ja/nee/", "kompas/")}">toestand</a> 2',
    }
    assert eerste["markdown"] == {
        VORM: f'<a href="{relatieve_url("kompas/vormen/peilen/", "kompas/")}">peilen</a> 1',
        **dict.fromkeys(WIJZER, "<!-- hier -->\n"),
    }
    assert _gerenderd(wijzer_plugin) is _gerenderd(wijzer_plugin)  # once per build
    _nieuwe_bouw(wijzer_plugin, WIJZER, vorm, toestand)
    assert _gerenderd(wijzer_plugin) == eerste and (vorm.keer, toestand.keer) == (1, 2)


# Everything the pages made from the data follow from, each changed on its own (the arguments
# that differ, if any): a change of any of it renders the pages again.
WIJZER_WIJZIGINGEN: dict[str, Callable[[KompasPlugin, pytest.MonkeyPatch], dict]] = {
    "de gegevens van het kompas nu": lambda k, m: _schrijf(k.mappen[0] / "a.yaml"),
    "de gegevens van de nota": lambda k, m: _schrijf(k.mappen[1] / "a.yaml"),
    "onze code of een sjabloon": lambda k, m: _schrijf(plugin.MACROS / "a.yaml"),
    "het palet": lambda k, m: _met_item(m, kleuren.PALET, "link", "#000000"),
    "het adres van de site": lambda k, m: {"site_url": "https://example.org/"},
    "een bibliotheek": lambda k, m: _met(m, bouwcache, "pakketten", lambda: "jinja2-9.9.dist-info"),
    "het adres van een pagina": lambda k, m: {"adressen": {**WIJZER, "kompas/wijzer/ja.md": "wijzer/ja/"}},
    "een pagina erbij": lambda k, m: {"adressen": {**WIJZER, "kompas/wijzer/nee.md": "kompas/wijzer/nee/"}},
}


@pytest.mark.parametrize("wijziging", WIJZER_WIJZIGINGEN)
def test_elke_wijziging_van_wat_de_paginas_maakt_rendert_ze_opnieuw(wijzer_plugin, monkeypatch, wijziging):
    vorm, toestand = _renderers(wijzer_plugin)
    _gerenderd(wijzer_plugin)
    anders = WIJZER_WIJZIGINGEN[wijziging](wijzer_plugin, monkeypatch)
    _nieuwe_bouw(wijzer_plugin, anders.pop("adressen", WIJZER), vorm, toestand)
    teksten = _gerenderd(wijzer_plugin, **anders)
    assert vorm.keer == 2 and toestand.keer == 2 + len(teksten["na_markdown"])


@pytest.mark.parametrize(
    "bewaard",
    [None, b'{"markdown": {}, "na_markdown": {}}', b'{"markdown": {"kompas/vormen/peilen.md": "<a'],
    ids=["zonder bouwcache", "andere paginas", "beschadigd"],
)
def test_zonder_cache_of_beschadigd_worden_de_paginas_opnieuw_gerenderd(wijzer_plugin, monkeypatch, tmp_path, bewaard):
    vorm, toestand = _renderers(wijzer_plugin)
    _gerenderd(wijzer_plugin)
    if bewaard is None:
        monkeypatch.setenv("KOMPAS_CACHE", "uit")
    else:
        (bestand,) = (tmp_path / "cache" / "gegenereerd").iterdir()
        bestand.write_bytes(bewaard)
    _nieuwe_bouw(wijzer_plugin, WIJZER, vorm, toestand)
    assert _gerenderd(wijzer_plugin)["na_markdown"]["kompas/wijzer/ja.md"].endswith(" 3") and vorm.keer == 2


# --- `mkdocs serve`: the code that runs is the code in the key ---------------------------------


def test_de_plugin_houdt_geen_code_vast_die_serve_herlaadt():
    # `mkdocs serve` reloads our modules after a change but keeps the plugin's own (herladen.py):
    # a function or class the plugin took from one of them by name stays the old one. It would
    # render with the old code what the build cache keeps under the new code's key.
    vastgehouden = sorted(
        f"{naam} uit {waarde.__module__}"
        for naam, waarde in vars(plugin).items()
        if (inspect.isfunction(waarde) or inspect.isclass(waarde))
        and waarde.__module__.startswith("macros.")
        and waarde.__module__ != plugin.__name__
    )
    assert vastgehouden == []


def test_de_plugin_die_serve_niet_herlaadde_bewaart_niet_onder_de_sleutel_van_nieuwe_code(wijzer_plugin, monkeypatch):
    # plugin.py edited while `mkdocs serve` runs: the old plugin keeps running, macros/ on disk
    # holds the new one. A serve started again (to see the change) must not find the old
    # plugin's pages under the new code's key.
    (plugin.MACROS / "site").mkdir()
    (plugin.MACROS / "site" / "plugin.py").write_text("# de plugin na de wijziging\n")
    vorm, toestand = _renderers(wijzer_plugin)
    _gerenderd(wijzer_plugin)  # the old plugin, still running
    monkeypatch.setattr(plugin, "EIGEN_CODE", "# de plugin na de wijziging\n", raising=False)  # started again
    _nieuwe_bouw(wijzer_plugin, WIJZER, vorm, toestand)
    _gerenderd(wijzer_plugin)
    assert vorm.keer == 2


# --- The charts (uitvoer/grafieken.py) ---------------------------------------------------------


def test_andere_code_van_het_model_tekent_de_grafieken_opnieuw(tmp_path, monkeypatch):
    # The charts read more of the data layer than repr(data) shows: the measurements' names
    # (model_tabellen.METING_NAMEN, in every chart's text alternative) and the records'
    # properties (an indicator's `metingen`). A change there is a change of the charts.
    monkeypatch.setenv("KOMPAS_CACHE", str(tmp_path / "cache"))
    code = tmp_path / "data"
    shutil.copytree(gegevens.DATA_CODE, code, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(grafieken, "DATA_CODE", code, raising=False)
    data = gegevens.laad_kompas_data(FIXTURE)
    tekenen = _Teller(grafieken._teken_alle)
    monkeypatch.setattr(grafieken, "_teken_alle", tekenen)
    grafieken.alle(data)
    grafieken.alle(data)
    assert tekenen.keer == 1
    tabellen = code / "model_tabellen.py"
    tabellen.write_text(tabellen.read_text(encoding="utf-8").replace('"0-meting"', '"Nulmeting"'), encoding="utf-8")
    grafieken.alle(data)
    assert tekenen.keer == 2


# --- The PDF (uitvoer/pdf.py) -------------------------------------------------------------------


def test_een_andere_bibliotheek_onder_weasyprint_maakt_de_pdf_opnieuw(tmp_path, monkeypatch):
    # WeasyPrint writes the PDF with pydyf and puts the fonts in with fontTools: a new version
    # of either gives other bytes under the same WeasyPrint version.
    monkeypatch.setenv("KOMPAS_CACHE", str(tmp_path / "cache"))
    opmaken = _Teller(lambda html, basis: b"1\n%PDF-1.7\n%%EOF\n")
    monkeypatch.setattr(pdf, "_opmaken", opmaken)
    html = "<h1>Samen stad maken</h1>"
    pdf.maak(html, tmp_path / "index.html", tmp_path / "nota.pdf")
    pdf.maak(html, tmp_path / "index.html", tmp_path / "nota.pdf")
    assert opmaken.keer == 1
    monkeypatch.setattr(bouwcache, "pakketten", lambda: "pydyf-9.9.dist-info")
    pdf.maak(html, tmp_path / "index.html", tmp_path / "nota.pdf")
    assert opmaken.keer == 2
