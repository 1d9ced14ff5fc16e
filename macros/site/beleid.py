"""The note's goals and how they are followed: doelstellingen, the table of indicatoren,
risico's, the budget and the conditions for wijkplatforms (templates of the same names)."""

from __future__ import annotations

from ..data.model import METING_NAMEN, Doelstelling, Financien, IndicatorenBestand, Risico, Wijkplatforms
from .sjablonen import Url, maak


def render_doelstellingen(doelstellingen: list[Doelstelling]) -> str:
    return maak("doelstellingen.html", doelstellingen=doelstellingen)


def render_indicatoren(indicatoren: IndicatorenBestand, url: Url) -> str:
    voetnootnummers = {v.id: i for i, v in enumerate(indicatoren.voetnoten, start=1)}
    return maak("indicatoren.html", indicatoren=indicatoren, voetnootnummers=voetnootnummers,
                meting_namen=METING_NAMEN, url=url)


def render_risicos(risicos: list[Risico]) -> str:
    return maak("risicos.html", risicos=risicos)


def render_financien(financien: Financien) -> str:
    return maak("financien.html", financien=financien)


def render_wijkplatform_voorwaarden(wijkplatforms: Wijkplatforms) -> str:
    return maak("wijkplatform_voorwaarden.html", wijkplatforms=wijkplatforms)
