"""The two data sets a build reads: the kompas as the kompasteam keeps it (kompas_data/) and the
note as adopted (nota_vastgesteld/: the frozen data of the note, kompas 1.0), in the folders our
plugin's options in mkdocs.yml name (`KompasConfig` in plugin.py). A problem stops the build
with the full list of what is wrong (the plugin turns `GegevensFout` into MkDocs' error: this
module, like the rest of macros/ but plugin.py, knows nothing of the engine)."""

from __future__ import annotations

import pickle
from pathlib import Path

from .. import data as data_laag
from ..data import betekenis
from ..data.loader import KompasDataError, laad_kompas_data
from ..data.model import KompasData
from ..uitvoer import bouwcache

# The two folders beside mkdocs.yml, unless the plugin's options there name others.
KOMPAS_DATA = "kompas_data"
NOTA_VASTGESTELD = "nota_vastgesteld"


class GegevensFout(Exception):
    """A data set the build cannot use; the message says what is wrong and what to do."""


# The code that reads and checks a data set: the data layer, which reads nothing but the folder.
DATA_CODE = data_laag.CODE


def laad(map_: Path) -> KompasData:
    """The kompas for a build, or a stopped build with every problem."""
    try:
        return _gelezen(map_)
    except KompasDataError as fout:
        raise GegevensFout(str(fout)) from None


def _gelezen(map_: Path) -> KompasData:
    """The data set in `map_`, read and checked; from the build cache when the folder, the
    code that reads and checks it, the libraries and Python are as in an earlier build (reading
    the YAML took some 0.04 s per data set, every build). A data set with a problem is never
    kept: the next build reads it again and names every problem again."""
    return bouwcache.waarde(
        "gegevens",
        lambda: bouwcache.sleutel(bouwcache.map_inhoud(map_), bouwcache.map_inhoud(DATA_CODE), bouwcache.pakketten()),
        lambda: laad_kompas_data(map_),
        lambda gelezen: pickle.dumps(gelezen, protocol=pickle.HIGHEST_PROTOCOL),
        _uitgepakt,
    )


def _uitgepakt(bewaard: bytes) -> KompasData | None:
    try:
        gelezen = pickle.loads(bewaard)
    # What unpickling a damaged file can raise (the pickle module's documentation): read again.
    except (AttributeError, EOFError, ImportError, IndexError, KeyError, TypeError, ValueError, pickle.UnpicklingError):
        return None
    return gelezen if isinstance(gelezen, KompasData) else None


def laad_nota(map_: Path, data: KompasData) -> KompasData:
    """The note as adopted. It never changes: its meaning must still be the one recorded for its
    version, there and in the kompas' own list of versions (`data`)."""
    try:
        nota = _gelezen(map_)
    except KompasDataError as fout:
        raise GegevensFout(f"De nota zoals vastgesteld ({map_.name}/) is niet te lezen:\n{fout}") from None
    afdruk = betekenis.vingerafdruk(nota)
    eigen = next((v.vingerafdruk for v in nota.versies if v.versie == nota.kompas.versie), None)
    # A data set whose history starts later (a test's) has no record of the note's version.
    in_kompas = next((v.vingerafdruk for v in data.versies if v.versie == nota.kompas.versie), afdruk)
    if eigen != afdruk or in_kompas != afdruk:
        raise GegevensFout(
            f"De nota zoals vastgesteld ({map_.name}/) past niet meer bij versie {nota.kompas.versie} van het "
            "kompas: die map verandert nooit. Zet hem terug (git checkout main -- "
            f"{map_.name}/); een wijziging van het kompas hoort in kompas_data/."
        )
    return nota
