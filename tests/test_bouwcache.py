"""The build cache for charts and the PDF: found by its inputs, never stale, never fatal."""

from __future__ import annotations

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
