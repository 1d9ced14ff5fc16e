"""The macros that pages in content/ call, each a renderer applied to the loaded data, and
the Jinja pass that runs them (`render_pagina`).

Everything they show comes from the data through the renderers in this package. The same
macros serve two passes (`macros_voor`): the site, with the kompas as the data holds it now,
and the note as adopted, with the frozen data of the note (plugin.py renders the note's pages
once more for /nota/ and the PDF).

A page's Jinja runs here, not in a macro plugin of the engine: one pass for both, the build's
own error at the page's file and line, and nothing of it tied to MkDocs (README, "Motor en
thema"). Only pages from content/ go through it: the pages made from the data never do, so
text from the data never meets a template engine.
"""

from __future__ import annotations

import traceback
from typing import Any, Callable, Optional

from jinja2 import Environment, StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError

from ..data import graaf, toestanden
from ..data.betekenis import gepubliceerde_versies
from ..data.herkomst import ANDERS_DAN_DE_NOTA, Herkomst
from ..data.model import KompasData
from ..uitvoer import json_schema, opmaak
from . import beleid, dataformaat, grafiek_figuren, kompas, principes, vormen, wijzer
from .sjablonen import Url, maak


def variabelen(data: KompasData) -> dict[str, object]:
    """The numbers the pages quote ("de 10 vragen")."""
    return {
        "kompas_versie": data.kompas.versie,
        "kompas_aantal_vragen": len(data.kompas.vragen),
        "kompas_aantal_vormen": len(data.vormen),
        "kompas_aantal_samenwerkingsvormen": sum(1 for v in data.vormen if v.samenwerkingsvorm),
        "kompas_aantal_paden": graaf.aantal_paden(data.kompas),
    }


def macros_voor(
    data: KompasData, alle_grafieken: Callable[[], dict], url: Url, huidig: Optional[KompasData] = None
) -> dict[str, Callable[..., str]]:
    """Every macro, by name, for `data` on a page whose links `url` makes. `huidig` is the
    kompas as it is now when `data` is the note as adopted (the note's own pass)."""

    def nota_tekst(record: object, veld: str, tekst: object = None) -> str:
        # One text of the note inside a page's Markdown, marked once the kompasteam changed it;
        # nothing where the data leaves an optional text out.
        if tekst is None and getattr(record, veld) is None:
            return ""
        return maak("nota_tekst.html", record=record, veld=veld, url=url, tekst=tekst).strip()

    def wijkplatform_budget(soort: str) -> str:
        budget = data.wijkplatforms.ondersteuningsbudget
        if soort not in ("per_wijkplatform", "totaal"):
            raise ValueError(f"onbekend budget {soort!r}; kies uit per_wijkplatform, totaal")
        return nota_tekst(budget, soort, opmaak.euro(getattr(budget, soort)))

    def wijzer_toestand(antwoorden: str, embed: bool = False) -> str:
        """The state after these answers, as in its address: "nee/ja"."""
        stappen = tuple(a for a in antwoorden.split("/") if a)
        toestand = toestanden.zoek_toestand(data.kompas, stappen)
        if toestand is None:
            raise ValueError(f"geen toestand van de kompaswijzer: {antwoorden!r}")
        return wijzer.render_toestand(data, toestand, url, embed)

    def in_het_kort(over: str) -> str:
        samenvattingen = {"nota": data.nota.in_het_kort, "kompas": data.kompas.in_het_kort}
        if over not in samenvattingen:
            raise ValueError(f"geen samenvatting van {over!r}; kies uit {', '.join(samenvattingen)}")
        return maak("in_het_kort.html", samenvatting=samenvattingen[over])

    def sinds_de_nota() -> str:
        # Only in the note's own pass, and only once the site shows something else than the
        # note: a later version of the kompas, or a text or amount changed without one.
        if huidig is None:
            return ""
        anders = Herkomst(data, gepubliceerde_versies(huidig)).verschillen(huidig)
        if huidig.kompas.versie == data.kompas.versie and not anders:
            return ""
        return maak(
            "sinds_de_nota.html",
            nota=data.kompas.versie,
            huidig=huidig.kompas.versie,
            anker=ANDERS_DAN_DE_NOTA,
            url=url,
        )

    return {
        "vormen_overzicht": lambda: vormen.render_vormen_overzicht(data.vormen, url),
        "kompas_vragen": lambda: kompas.render_vragen(data, url),
        "kompas_toelichting": lambda: kompas.render_kompas_toelichting(data.kompas, url),
        "sinds_de_nota": sinds_de_nota,
        "principes_overzicht": lambda: principes.render_principes_overzicht(data.principes, url),
        "doelstellingen": lambda: beleid.render_doelstellingen(data.doelstellingen, url),
        "indicatoren_tabel": lambda: beleid.render_indicatoren(data.indicatoren, url),
        "risicos": lambda: beleid.render_risicos(data.risicos, url),
        "financien_tabel": lambda: beleid.render_financien(data.financien, url),
        "wijkplatform_voorwaarden": lambda: beleid.render_wijkplatform_voorwaarden(data.wijkplatforms, url),
        "wijkplatform_budget": wijkplatform_budget,
        "wijzer_toestand": wijzer_toestand,
        "wijzer_knop": lambda: wijzer.render_knop(url),
        "wijzer_start": lambda: wijzer.render_start(url, data.kompas.lezing),
        "kompas_schema": lambda: kompas.render_kompas_schema(data, url),
        "kompas_versies": lambda: kompas.render_versies(data, url),
        "data_velden": lambda: dataformaat.render_data_velden(json_schema.dataset_schema()),
        "kompas_json_velden": lambda: dataformaat.render_kompas_json_velden(json_schema.dataset_schema()),
        "in_het_kort": in_het_kort,
        # The label of our own text ("Uitleg van deze site, …") inside a page from content/.
        "bron_label": lambda: maak("bron_label.html").strip(),
        # The note's sentence on where the principles apply, and its footnote (nota.yaml).
        "principes_toepassing": lambda: nota_tekst(data.nota, "principes_toepassing"),
        "principes_voetnoot": lambda: nota_tekst(data.nota, "principes_voetnoot"),
        "voorbeelden": lambda: vormen.render_voorbeelden(data.vormen, url),
        "indicatoren_grafiek": lambda: grafiek_figuren.render_indicatoren_grafiek(alle_grafieken(), url),
        "indicator_grafieken": lambda: grafiek_figuren.render_indicator_grafieken(data, alle_grafieken(), url),
        "financien_grafieken": lambda: grafiek_figuren.render_financien_grafieken(alle_grafieken(), url),
        "zeggenschap_schaal": lambda: grafiek_figuren.render_zeggenschap(data, alle_grafieken(), url),
        "pdf_download": lambda: maak("pdf_download.html", url=url),
    }


# No autoescape: the macros return the HTML of our autoescaped templates (sjablonen.py), and
# the rest of a page is Markdown as its author wrote it. A name that does not exist fails.
_OMGEVING = Environment(undefined=StrictUndefined)


class PaginaFout(Exception):
    """A page of content/ whose Jinja does not run; the message names its file and line."""


def render_pagina(bron: str, bestand: str, waarden: dict[str, Any], ervoor: Callable[[], int] = lambda: 0) -> str:
    """The Markdown of a page from content/ (`bestand`, as the message names it) with its
    macros run: `waarden` are the macros, the numbers of `variabelen` and MkDocs' config.
    `ervoor`: how many lines of the file come before `bron` (its front matter), asked only for
    a message, whose line is the file's."""
    try:
        return _OMGEVING.from_string(bron).render(**waarden)
    except TemplateSyntaxError as fout:
        # In the page itself, or in one of our templates that a macro renders (its own file).
        if fout.name:
            raise PaginaFout(
                f"macros/site/templates/{fout.name}:{fout.lineno}: de opmaak van een macro klopt niet: {fout.message}"
            ) from None
        regel = fout.lineno + ervoor()
        raise PaginaFout(f"{bestand}:{regel}: de opmaak van een macro klopt niet: {fout.message}") from None
    except Exception as fout:  # a macro's own error (ValueError, in Dutch) or Jinja's
        raise PaginaFout(f"{bestand}:{_regel(fout, ervoor)}: {_uitleg(fout)}") from None


def regels_ervoor(bestand: str, markdown: str) -> int:
    """The lines of a page's file before its Markdown: MkDocs takes the front matter off (and
    the blank lines after it). 0 when the Markdown is not the end of the file as it is."""
    if not bestand.endswith(markdown):
        return 0
    return bestand[: len(bestand) - len(markdown)].count("\n")


def _uitleg(fout: Exception) -> str:
    if isinstance(fout, UndefinedError):
        return f"een macro of getal met deze naam bestaat niet ({fout.message}); zie de lijst in macros/site/macros.py"
    if isinstance(fout, TemplateError):
        return f"de macro loopt vast: {fout.message}"
    return f"de macro loopt vast: {fout}"


def _regel(fout: Exception, ervoor: Callable[[], int]) -> str:
    """The file's line where `fout` came up: Jinja gives the frames of a template the
    template's own line numbers, under the name "<template>"."""
    regels = [f.lineno for f in traceback.extract_tb(fout.__traceback__) if f.filename == "<template>"]
    return str(regels[-1] + ervoor()) if regels and regels[-1] is not None else "?"
