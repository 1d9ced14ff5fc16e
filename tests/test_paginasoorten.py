"""The registry of page kinds (macros/site/paginasoorten.py): every address belongs to one
kind, what it names exists, and the plugin puts a kind's pages in the menu where it says."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import ChoiceLoader, DictLoader
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section, get_navigation
from mkdocs.structure.pages import Page

from macros.data import adressen
from macros.site import paginas, paginasoorten, plugin, sjablonen
from macros.site.paginasoorten import Paginasoort, PerRecord, adres, hoort_bij_nota, soort_van

CONTENT = Path(__file__).resolve().parent.parent / "content"


def test_adres_van_een_pagina_en_van_een_bestand():
    assert adres("vorm", "peilen") == "kompas/vormen/peilen/" == adressen.vorm_pad("peilen")
    assert adres("wijzer") == adressen.WIJZER_PAD
    assert adres("wijzer", "ja/nee/") == adres("wijzer", "ja/nee") == adressen.toestand_pad(("ja", "nee"))
    assert adres("over") == "over/"
    assert adres("versie-json", "1.0") == adressen.versie_json_pad("1.0")
    assert adres("pdf") == adressen.PDF_NAAM
    with pytest.raises(ValueError, match="geen paginasoort 'vormen'; kies uit"):
        adres("vormen", "peilen")
    with pytest.raises(ValueError, match="heeft één pagina"):
        adres("kompas", "peilen")


@pytest.mark.parametrize(
    "url, in_nota",
    [
        ("", False),  # the home page
        ("voorwoord/", True),
        ("kompas/", True),
        ("kompas/vormen/peilen/", True),
        ("principes/", True),
        ("principes/lef-tonen/", True),
        ("kompas/wijzer/", False),
        ("kompas/wijzer/ja/nee/", False),
        ("kompas/wijzer-embed/ja/", False),
        ("kompas/voorbeelden/", False),
        ("kompas/wijzigingen/", False),
        ("kompas/versies/1.0/", False),
        ("over/", False),
        ("over/privacy/", False),
        ("nota/", False),
    ],
)
def test_wat_bij_de_nota_hoort(url, in_nota):
    assert hoort_bij_nota(url) is in_nota


def test_elke_gemaakte_pagina_hoort_bij_haar_eigen_soort(data):
    gemaakt = paginas.alle(data)
    assert {p.soort.naam for p in gemaakt} == {s.naam for s in paginasoorten.SOORTEN if s.maak is not None}
    for pagina in gemaakt:
        assert soort_van(pagina.adres) is pagina.soort, pagina.adres
    assert len({p.adres for p in gemaakt}) == len(gemaakt)


def _in_content(url: str) -> bool:
    """Whether content/ has the page at this address ("" is the home page)."""
    if not url:
        return (CONTENT / "index.md").is_file()
    return (CONTENT / url / "index.md").is_file() or (CONTENT / f"{url.rstrip('/')}.md").is_file()


def test_wat_het_register_noemt_staat_in_content():
    namen = [s.naam for s in paginasoorten.SOORTEN]
    assert len(namen) == len(set(namen))
    for soort in paginasoorten.SOORTEN:
        if soort.maak is None:
            assert _in_content(soort.adres_van()), soort.naam
        if soort.onder is not None:
            assert _in_content(soort.onder), (soort.naam, soort.onder)


def test_een_soort_in_de_nota_staat_in_het_menu():
    with pytest.raises(ValueError, match="zeg onder welke pagina"):
        Paginasoort("risico", "risicos/{}/", in_nota=True, maak=PerRecord(lambda data: data.risicos))


def test_een_soort_zonder_eigen_functie_rendert_haar_sjabloon(data, monkeypatch):
    """A kind with only a template: `<kind>.md`, with the record under the kind's name."""
    omgeving = sjablonen.omgeving()
    sjabloon = "# {{ ding.titel | md_kop(1) }}\n\n<a href=\"{{ url(adres('principes')) }}\">{{ data.nota.titel }}</a>\n"
    monkeypatch.setattr(omgeving, "loader", ChoiceLoader([DictLoader({"ding.md": sjabloon}), omgeving.loader]))
    soort = Paginasoort("ding", "x/{}/", in_nota=False, maak=PerRecord(lambda data: data.principes))
    principe = data.principes[0]
    pagina = paginas.pagina(soort, data, principe)
    assert pagina.adres == f"x/{principe.id}/" and pagina.src == f"x/{principe.id}.md" and pagina.voorwerk == ""
    assert pagina.markdown(lambda doel: "/" + doel).startswith(f'# # {principe.titel}\n\n<a href="/principes/">')


# --- The menu: the plugin's on_nav, on MkDocs' own nav objects --------------------------------


def _site(tmp_path: Path, nav: list, gemaakt: list[str]) -> tuple[Navigation, Files]:
    """A nav as MkDocs builds it from mkdocs.yml, with pages made out of it (as on_files does)."""
    (tmp_path / "docs").mkdir()
    config = MkDocsConfig()
    config.load_dict(
        {"site_name": "test", "docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "uit"), "nav": nav}
    )
    assert config.validate() == ([], [])
    bronnen = [next(iter(regel.values())) for regel in _regels(nav)]
    files = Files(
        [File(src, config.docs_dir, config.site_dir, True) for src in bronnen]
        + [File(src, config.docs_dir, config.site_dir, True, inclusion=InclusionLevel.NOT_IN_NAV) for src in gemaakt]
    )
    return get_navigation(files, config), files


def _regels(nav: list) -> list[dict]:
    uit: list[dict] = []
    for regel in nav:
        waarde = next(iter(regel.values()))
        uit += _regels(waarde) if isinstance(waarde, list) else [regel]
    return uit


def _pagina(files: Files, src: str) -> Page:
    bestand = files.get_file_from_path(src)
    assert bestand is not None and bestand.page is not None
    return bestand.page


NAV = [
    {"Home": "index.md"},
    {"Deel": [{"Overzicht": "deel/index.md"}, {"Ander": "deel/ander.md"}]},
    {"Los": "los.md"},
    {"Slot": "slot.md"},
]


def test_pagina_s_komen_achter_de_sectie_die_hun_overzicht_opent(tmp_path):
    nav, files = _site(tmp_path, NAV, ["deel/a.md", "deel/b.md"])
    soort = Paginasoort("ding", "deel/{}/", in_nota=True, onder="deel/", maak=PerRecord(lambda data: []))
    nieuw = [_pagina(files, "deel/a.md"), _pagina(files, "deel/b.md")]
    plugin._zet_in_menu(nav, [(soort, nieuw)])
    sectie = nav.items[1]
    assert isinstance(sectie, Section) and [p.url for p in sectie.children] == [
        "deel/",
        "deel/ander/",
        "deel/a/",
        "deel/b/",
    ]
    assert all(p.parent is sectie and p.file.inclusion is InclusionLevel.INCLUDED for p in nieuw)
    assert [p.url for p in nav.pages] == ["", "deel/", "deel/ander/", "deel/a/", "deel/b/", "los/", "slot/"]
    # The theme's "Vorige/Volgende" follow the reading order.
    assert nieuw[0].previous_page.url == "deel/ander/" and nieuw[1].next_page.url == "los/"
    assert _pagina(files, "los.md").previous_page is nieuw[1]


def test_een_overzicht_zonder_sectie_krijgt_er_een(tmp_path):
    nav, files = _site(tmp_path, NAV, ["los/a.md"])
    soort = Paginasoort("ding", "los/{}/", in_nota=True, onder="los/", maak=PerRecord(lambda data: []))
    plugin._zet_in_menu(nav, [(soort, [_pagina(files, "los/a.md")])])
    sectie = nav.items[2]
    assert isinstance(sectie, Section) and sectie.title == "Los" and sectie.parent is None
    assert [p.url for p in sectie.children] == ["los/", "los/a/"]
    assert all(p.parent is sectie for p in sectie.children)
    assert [p.url for p in nav.pages] == ["", "deel/", "deel/ander/", "los/", "los/a/", "slot/"]


def test_een_overzicht_dat_niet_in_het_menu_staat_is_een_fout(tmp_path):
    nav, files = _site(tmp_path, NAV, ["weg/a.md"])
    soort = Paginasoort("ding", "weg/{}/", in_nota=True, onder="weg/", maak=PerRecord(lambda data: []))
    with pytest.raises(PluginError, match="onder /weg/, maar die pagina staat niet in de nav van mkdocs.yml"):
        plugin._zet_in_menu(nav, [(soort, [_pagina(files, "weg/a.md")])])
