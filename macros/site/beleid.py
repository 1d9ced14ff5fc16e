"""The note's goals and how they are followed: doelstellingen, the table of indicatoren,
risico's, the budget and the conditions for wijkplatforms (templates of the same names)."""

from __future__ import annotations

from ..data.model import METING_NAMEN, METING_VELDEN, Doelstelling, Financien, IndicatorenBestand, Risico, Wijkplatforms
from .sjablonen import Url, maak

# Every renderer takes the page's `url`: a text the kompasteam changed since the note links
# its change (templates/_algemeen.html, `nota`).


def render_doelstellingen(doelstellingen: list[Doelstelling], url: Url) -> str:
    return maak("doelstellingen.html", doelstellingen=doelstellingen, url=url)


def render_indicatoren(indicatoren: IndicatorenBestand, url: Url) -> str:
    voetnootnummers = {v.id: i for i, v in enumerate(indicatoren.voetnoten, start=1)}
    return maak(
        "indicatoren.html",
        indicatoren=indicatoren,
        voetnootnummers=voetnootnummers,
        meting_namen=METING_NAMEN,
        meting_velden=METING_VELDEN,
        url=url,
    )


def render_risicos(risicos: list[Risico], url: Url) -> str:
    return maak("risicos.html", risicos=risicos, url=url)


def render_financien(financien: Financien, url: Url) -> str:
    return maak("financien.html", financien=financien, url=url)


def render_wijkplatform_voorwaarden(wijkplatforms: Wijkplatforms, url: Url) -> str:
    return maak("wijkplatform_voorwaarden.html", wijkplatforms=wijkplatforms, url=url)
