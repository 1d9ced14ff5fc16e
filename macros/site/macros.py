"""The macros that pages in content/ call, each a renderer applied to the loaded data.

Everything they show comes from `kompas_data/` through the renderers in this package.
"""

from __future__ import annotations

from markupsafe import escape

from ..data import adressen, graaf, toestanden
from ..uitvoer import grafieken, json_schema, opmaak
from . import beleid, dataformaat, grafiek_figuren, kompas, principes, vormen, wijzer
from .sjablonen import maak
from .plugin import laad


def definieer(env) -> None:
    # Our plugin has loaded the data and drawn the charts for this build; without it (a build
    # tool that runs macros but no MkDocs plugins) the macros load them themselves.
    plugin = env.conf["plugins"].get("kompas")
    data = plugin.data if plugin else laad(env.conf)
    alle_grafieken = (lambda: plugin.grafieken) if plugin else (lambda: grafieken.alle(data))
    env.variables["kompas_versie"] = data.kompas.versie
    env.variables["kompas_aantal_vragen"] = len(data.kompas.vragen)
    env.variables["kompas_aantal_vormen"] = len(data.vormen)
    env.variables["kompas_aantal_samenwerkingsvormen"] = sum(1 for v in data.vormen if v.samenwerkingsvorm)
    env.variables["kompas_aantal_paden"] = graaf.aantal_paden(data.kompas)

    def url(adres: str) -> str:
        return adressen.relatieve_url(env.page.url, adres)

    @env.macro
    def vormen_overzicht() -> str:
        return vormen.render_vormen_overzicht(data.vormen, url)

    @env.macro
    def kompas_vragen() -> str:
        return kompas.render_vragen(data, url)

    @env.macro
    def kompas_toelichting() -> str:
        return kompas.render_kompas_toelichting(data.kompas)

    @env.macro
    def principes_overzicht() -> str:
        return principes.render_principes_overzicht(data.principes, url)

    @env.macro
    def doelstellingen() -> str:
        return beleid.render_doelstellingen(data.doelstellingen)

    @env.macro
    def indicatoren_tabel() -> str:
        return beleid.render_indicatoren(data.indicatoren, url)

    @env.macro
    def risicos() -> str:
        return beleid.render_risicos(data.risicos)

    @env.macro
    def financien_tabel() -> str:
        return beleid.render_financien(data.financien)

    @env.macro
    def wijkplatform_voorwaarden() -> str:
        return beleid.render_wijkplatform_voorwaarden(data.wijkplatforms)

    @env.macro
    def wijkplatform_budget(soort: str) -> str:
        budget = data.wijkplatforms.ondersteuningsbudget
        bedragen = {"per_wijkplatform": budget.per_wijkplatform, "totaal": budget.totaal}
        if soort not in bedragen:
            raise ValueError(f"onbekend budget {soort!r}; kies uit {', '.join(bedragen)}")
        return opmaak.euro(bedragen[soort])

    @env.macro
    def wijzer_toestand(antwoorden: str, embed: bool = False) -> str:
        """The state after these answers, as in its address: "nee/ja"."""
        stappen = tuple(a for a in antwoorden.split("/") if a)
        toestand = toestanden.zoek_toestand(data.kompas, stappen)
        if toestand is None:
            raise ValueError(f"geen toestand van de kompaswijzer: {antwoorden!r}")
        return wijzer.render_toestand(data, toestand, url, embed)

    @env.macro
    def wijzer_knop() -> str:
        return wijzer.render_knop(url)

    @env.macro
    def wijzer_start() -> str:
        return wijzer.render_start(url)

    @env.macro
    def kompas_schema() -> str:
        return kompas.render_kompas_schema(data, url)

    @env.macro
    def kompas_versies() -> str:
        return kompas.render_versies(data, url)

    @env.macro
    def data_velden() -> str:
        return dataformaat.render_data_velden(json_schema.dataset_schema())

    @env.macro
    def kompas_json_velden() -> str:
        return dataformaat.render_kompas_json_velden(json_schema.dataset_schema())

    @env.macro
    def in_het_kort(over: str) -> str:
        samenvattingen = {"nota": data.nota.in_het_kort, "kompas": data.kompas.in_het_kort}
        if over not in samenvattingen:
            raise ValueError(f"geen samenvatting van {over!r}; kies uit {', '.join(samenvattingen)}")
        return maak("in_het_kort.html", samenvatting=samenvattingen[over])

    @env.macro
    def bron_label() -> str:
        """The label of our own text ("Uitleg van deze site, …") inside a page from content/."""
        return maak("bron_label.html").strip()

    @env.macro
    def principes_toepassing() -> str:
        """The note's sentence on where the principles apply (nota.yaml), escaped."""
        return str(escape(data.nota.principes_toepassing or ""))

    @env.macro
    def principes_voetnoot() -> str:
        return str(escape(data.nota.principes_voetnoot or ""))

    @env.macro
    def voorbeelden() -> str:
        return vormen.render_voorbeelden(data.vormen, url)

    @env.macro
    def indicatoren_grafiek() -> str:
        return grafiek_figuren.render_indicatoren_grafiek(alle_grafieken(), url)

    @env.macro
    def indicator_grafieken() -> str:
        return grafiek_figuren.render_indicator_grafieken(data, alle_grafieken(), url)

    @env.macro
    def financien_grafieken() -> str:
        return grafiek_figuren.render_financien_grafieken(alle_grafieken(), url)

    @env.macro
    def zeggenschap_schaal() -> str:
        return grafiek_figuren.render_zeggenschap(data, alle_grafieken(), url)

    @env.macro
    def pdf_download() -> str:
        return maak("pdf_download.html", url=url)
