"""A cache for what is slow to make and follows entirely from its inputs: the charts
(matplotlib), the PDF of the note (WeasyPrint), the flowchart (grandalf), the minified script
and our templates compiled to Python (Jinja; `SjabloonCache`).

An entry is found by the sha256 of everything that goes into it (the data or HTML, the code
that makes it, the library's version), so a changed input can never give an old result;
a build without the cache gives the same bytes. It lives in `.cache/bouw/` in the project
(`make clean` clears it; `KOMPAS_CACHE` points elsewhere; `KOMPAS_CACHE=uit` switches it off,
as the tests that check reproducibility do). A damaged entry is made again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from importlib.metadata import version
from pathlib import Path
from typing import Callable

from jinja2.bccache import Bucket, BytecodeCache

PROJECT = Path(__file__).resolve().parent.parent.parent
UIT = "uit"


def cachemap() -> Path | None:
    waarde = os.environ.get("KOMPAS_CACHE", str(PROJECT / ".cache" / "bouw"))
    return None if waarde == UIT else Path(waarde)


def sleutel(*delen: str | bytes) -> str:
    h = hashlib.sha256()
    for deel in delen:
        h.update(deel if isinstance(deel, bytes) else deel.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def code_en_versie(module_bestand: str, bibliotheek: str) -> str:
    """The source of the module that makes the entry and the version of the library it uses."""
    return Path(module_bestand).read_text(encoding="utf-8") + version(bibliotheek)


def ophalen_of_maken(
    soort: str, sleutel_: str, maak: Callable[[], bytes], bruikbaar: Callable[[bytes], bool] = bool
) -> bytes:
    """The cached bytes for `sleutel_`, or `maak()`'s result, stored for next time. An entry
    that `bruikbaar` rejects (damaged) is made again."""
    basis = cachemap()
    if basis is None:
        return maak()
    bestand = basis / soort / sleutel_
    try:
        inhoud = bestand.read_bytes()
        if bruikbaar(inhoud):
            return inhoud
    except OSError:
        pass
    inhoud = maak()
    _bewaar(bestand, inhoud)
    return inhoud


def _bewaar(bestand: Path, inhoud: bytes) -> None:
    try:
        bestand.parent.mkdir(parents=True, exist_ok=True)
        # Written next to its place and renamed: a build that stops halfway leaves no half entry.
        with tempfile.NamedTemporaryFile(dir=bestand.parent, delete=False) as tijdelijk:
            tijdelijk.write(inhoud)
        os.replace(tijdelijk.name, bestand)
    except OSError:
        pass  # a read-only checkout builds fine, only slower


class SjabloonCache(BytecodeCache):
    """Jinja's templates compiled to Python, kept between builds: compiling ours took some 0.2 s
    of every build. Jinja finds an entry by the template's name and checks it against the
    template's source; `code` joins that check (what turns a source into Python: the
    environment's settings, extensions and filters, Jinja's version), so a changed template or
    setting is compiled anew."""

    def __init__(self, map_: Path, code: str):
        self.map = map_
        self.code = code

    def get_source_checksum(self, source: str) -> str:
        return sleutel(self.code, source)

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            inhoud = (self.map / bucket.key).read_bytes()
        except OSError:
            return  # not there yet: Jinja compiles, dump_bytecode stores it
        try:
            bucket.bytecode_from_string(inhoud)
        # What unpickling a damaged file can raise (the pickle module's documentation).
        except (
            AttributeError,
            EOFError,
            ImportError,
            IndexError,
            KeyError,
            TypeError,
            ValueError,
            pickle.UnpicklingError,
        ):
            bucket.reset()  # damaged: compiled again, and stored over it

    def dump_bytecode(self, bucket: Bucket) -> None:
        _bewaar(self.map / bucket.key, bucket.bytecode_to_string())


def sjabloon_cache(code: str) -> SjabloonCache | None:
    """The cache for compiled templates (`code`: see SjabloonCache), or None when the build cache
    is off."""
    basis = cachemap()
    return None if basis is None else SjabloonCache(basis / "sjablonen", code)
