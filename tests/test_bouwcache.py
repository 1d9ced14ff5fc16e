"""The build cache for charts, the PDF and compiled templates: found by its inputs, never stale, never fatal."""

from __future__ import annotations

import pytest
from jinja2 import DictLoader, Environment
from jinja2.bccache import bc_magic

from macros.uitvoer import bouwcache


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
    assert (tmp_path / "soort" / s).read_bytes() == b"heel"


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
