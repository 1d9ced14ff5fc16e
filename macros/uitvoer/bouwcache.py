"""A cache for what is slow to make and follows entirely from its inputs, so that a build
after an earlier one (`make serve`, a second `make build`) does again only what changed:

- the two data sets, read and checked (site/gegevens.py);
- our templates compiled to Python (Jinja; `SjabloonCache`);
- the charts (matplotlib), the flowchart (grandalf), the minified script;
- the kompaswijzer's pages and the note as adopted, rendered (site/plugin.py);
- the gemeente's stylesheet: what the built pages use, and the rules and tokens cut down to it
  (huisstijl.py), and the tokens as values for the palette;
- the PDF of the note (WeasyPrint).

An entry is found by the sha256 of everything that goes into it (the data or HTML, the code
that makes it, the libraries' versions), so a changed input can never give an old result;
a build without the cache gives the same bytes. It lives in `.cache/bouw/` in the project
(`make clean` clears it; `KOMPAS_CACHE` points elsewhere; `KOMPAS_CACHE=uit` switches it off,
as the tests that check reproducibility do). A damaged entry is made again (each starts with
the sha256 of the rest, `_lees`), and nothing is kept that came with a problem: a data set with
errors, a note whose rendering warned.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path
from types import ModuleType
from typing import Callable, TypeVar

from jinja2.bccache import Bucket, BytecodeCache

PROJECT = Path(__file__).resolve().parent.parent.parent
T = TypeVar("T")
UIT = "uit"
KENMERK = hashlib.sha256().digest_size  # the sha256 of its content that each entry starts with


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


def code_en_waarden(module: ModuleType) -> str:
    """A module's source and the values of its constants (upper-case names), for a module that
    computes them on import from files its source does not show: kleuren.py reads the palette
    from the gemeente's tokens (vendor/), so new tokens are a new palette in the same source."""
    if module.__file__ is None:
        raise ValueError(f"{module.__name__} heeft geen bronbestand")
    waarden = sorted((naam, waarde) for naam, waarde in vars(module).items() if naam.isupper())
    return Path(module.__file__).read_text(encoding="utf-8") + repr(waarden)


def ophalen_of_maken(
    soort: str, sleutel_: str, maak: Callable[[], bytes], bruikbaar: Callable[[bytes], bool] = bool
) -> bytes:
    """The cached bytes for `sleutel_`, or `maak()`'s result, stored for next time. An entry
    that `bruikbaar` rejects (damaged) is made again."""
    basis = cachemap()
    if basis is None:
        return maak()
    bestand = basis / soort / sleutel_
    inhoud = _lees(bestand)
    if inhoud is not None and bruikbaar(inhoud):
        return inhoud
    inhoud = maak()
    _bewaar(bestand, inhoud)
    return inhoud


def waarde(
    soort: str,
    sleutel_: Callable[[], str | None],
    maak: Callable[[], T],
    inpakken: Callable[[T], bytes],
    uitpakken: Callable[[bytes], T | None],
    houden: Callable[[T], bool] = lambda _: True,
) -> T:
    """A value that is no bytes (records, texts), kept as bytes: the one kept for the key that
    `sleutel_()` makes, unpacked; else `maak()`'s, packed and kept for next time when `houden`
    says it may be (a result that came with a problem is not). An entry `uitpakken` rejects
    (None: damaged) is made again; a key of None means made every time. With the cache off
    not even the key is made, nor the value packed: a build without the cache does no more."""
    basis = cachemap()
    sleutel = sleutel_() if basis is not None else None
    if basis is None or sleutel is None:
        return maak()
    bestand = basis / soort / sleutel
    bewaard = _lees(bestand)
    uit = uitpakken(bewaard) if bewaard is not None else None
    if uit is None:
        uit = maak()
        if houden(uit):
            _bewaar(bestand, inpakken(uit))
    return uit


def map_inhoud(map_: Path) -> str:
    """Every file under `map_`, by name and content, as one sha256: a key that changes with any
    file there, also one the code that reads the folder skips. Not Python's bytecode, nor
    hidden folders (an editor's, or a cache)."""
    bestanden = []
    for waar, mappen, namen in os.walk(map_):
        mappen[:] = [m for m in mappen if m != "__pycache__" and not m.startswith(".")]
        bestanden += [Path(waar, naam) for naam in namen]
    return bestanden_inhoud({bestand.relative_to(map_).as_posix(): bestand.read_bytes() for bestand in bestanden})


def bestanden_inhoud(bestanden: dict[str, bytes]) -> str:
    """Files by name and content as one sha256, in the order of their names: each name (which
    holds no NUL) with the digest of its content, so no two sets of files give the same key."""
    h = hashlib.sha256()
    for naam in sorted(bestanden):
        h.update(naam.encode("utf-8") + b"\0" + hashlib.sha256(bestanden[naam]).digest())
    return h.hexdigest()


def pakketten() -> str:
    """Python's version and every installed distribution with its version, as the folders
    where they are installed name them (`markdown-3.7.dist-info`): for an entry that several
    libraries shape at once, so an upgrade of any of them makes it anew. Reading the folder
    names costs far less than asking each distribution its version. Only the folders installers
    write to: the folder a build starts in would make the key depend on where that is."""
    namen = [sys.version]
    for plek in sys.path:
        if Path(plek).name not in ("site-packages", "dist-packages"):
            continue
        try:
            namen += sorted(n for n in os.listdir(plek) if n.endswith((".dist-info", ".egg-info")))
        except OSError:
            continue  # a folder that is gone: nothing installed there
    return "\n".join(namen)


def _lees(bestand: Path) -> bytes | None:
    """A kept entry as `_bewaar` wrote it, or None: not there, or not what was written (cut
    off, or a byte changed on disk). Checked before anything unpacks it: a pickle with one byte
    changed can still unpack, into other data (a text nobody wrote on the site) or into a length
    that takes all memory; a JSON or SVG entry can still parse."""
    try:
        inhoud = bestand.read_bytes()
    except OSError:
        return None
    kenmerk, rest = inhoud[:KENMERK], inhoud[KENMERK:]
    return rest if hashlib.sha256(rest).digest() == kenmerk else None


def _bewaar(bestand: Path, inhoud: bytes) -> None:
    try:
        bestand.parent.mkdir(parents=True, exist_ok=True)
        # Written next to its place and renamed: a build that stops halfway leaves no half entry.
        with tempfile.NamedTemporaryFile(dir=bestand.parent, delete=False) as tijdelijk:
            tijdelijk.write(hashlib.sha256(inhoud).digest() + inhoud)
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
        inhoud = _lees(self.map / bucket.key)
        if inhoud is None:
            return  # not there yet, or damaged: Jinja compiles, dump_bytecode stores it
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
