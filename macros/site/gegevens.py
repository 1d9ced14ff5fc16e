"""The two data sets a build reads, where our plugin's options in mkdocs.yml say: the kompas as
the kompasteam keeps it (`kompas_data`, kompas_data/) and the note as adopted
(`nota_vastgesteld`, nota_vastgesteld/: the frozen data of the note, kompas 1.0), each relative
to mkdocs.yml. A problem stops the build with the full list of what is wrong."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ..data import betekenis
from ..data.loader import KompasDataError, laad_kompas_data
from ..data.model import KompasData


class KompasConfig(Config):
    """Our plugin's options in mkdocs.yml (`plugins: - kompas:`): where the two data sets are,
    relative to mkdocs.yml. mkdocs.yml lets KOMPAS_DATA and KOMPAS_NOTA name other folders (the
    tests build the site from data sets of their own)."""

    kompas_data = c.Type(str, default="kompas_data")
    nota_vastgesteld = c.Type(str, default="nota_vastgesteld")


def standaard_opties() -> KompasConfig:
    """The options as their defaults: for a build tool that runs the macros but not our plugin."""
    opties = KompasConfig()
    opties.load_dict({})
    opties.validate()
    return opties


def _map(config: MkDocsConfig, map_: str) -> Path:
    return Path(config.config_file_path).parent / map_


def laad(config: MkDocsConfig, opties: KompasConfig) -> KompasData:
    """The kompas for a build, or a stopped build with every problem."""
    try:
        return laad_kompas_data(_map(config, opties.kompas_data))
    except KompasDataError as fout:
        raise PluginError(str(fout)) from None


def laad_nota(config: MkDocsConfig, opties: KompasConfig, data: KompasData) -> KompasData:
    """The note as adopted. It never changes: its meaning must still be the one recorded for its
    version, there and in the kompas' own list of versions (`data`)."""
    map_ = _map(config, opties.nota_vastgesteld)
    try:
        nota = laad_kompas_data(map_)
    except KompasDataError as fout:
        raise PluginError(f"De nota zoals vastgesteld ({map_.name}/) is niet te lezen:\n{fout}") from None
    afdruk = betekenis.vingerafdruk(nota)
    eigen = next((v.vingerafdruk for v in nota.versies if v.versie == nota.kompas.versie), None)
    # A data set whose history starts later (a test's) has no record of the note's version.
    in_kompas = next((v.vingerafdruk for v in data.versies if v.versie == nota.kompas.versie), afdruk)
    if eigen != afdruk or in_kompas != afdruk:
        raise PluginError(
            f"De nota zoals vastgesteld ({map_.name}/) past niet meer bij versie {nota.kompas.versie} van het "
            "kompas: die map verandert nooit. Zet hem terug (git checkout main -- "
            f"{map_.name}/); een wijziging van het kompas hoort in kompas_data/."
        )
    return nota
