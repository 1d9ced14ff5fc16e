"""The site's addresses that the intern loket, `kompas.json` and links in council papers depend
on, and the team's contact address.

Here, because other layers than the site need them: `kompas.json` and the diagram name them,
the outcome report lists walker addresses that change. Every kind of page takes its address
from here or writes it in its own entry (site/paginasoorten.py); templates link through that
registry. The ids in the data are the URL slugs, so an address changes only when an id does.
"""

from __future__ import annotations

# Team Samen stad maken: one address for help and feedback (the note names it beside the kompas).
CONTACT = "samenstadmaken@utrecht.nl"

WIJZER_PAD = "kompas/wijzer/"
EMBED_PAD = "kompas/wijzer-embed/"
KOMPAS_PAD = "kompas/"
PRINCIPES_PAD = "principes/"
INDICATOREN_PAD = "monitoring/indicatoren/"
NOTA_PAD = "nota/"  # the whole note on one page
PDF_NAAM = "samen-stad-maken.pdf"  # the whole note as a PDF, at the site's root
DIAGRAM_PAD = "kompas/kompas.svg"
GRAFIEKEN_PAD = "grafieken/"
# Every version of the kompas keeps a page and a kompas.json here, the current one too, so
# a verantwoording can link to the exact route it took and the link keeps that meaning.
VERSIES_PAD = "kompas/versies/"
WIJZIGINGEN_PAD = "kompas/wijzigingen/"


def vorm_pad(vorm_id: str) -> str:
    return f"kompas/vormen/{vorm_id}/"


def principe_pad(principe_id: str) -> str:
    return f"principes/{principe_id}/"


def versie_pad(versie: str) -> str:
    return f"{VERSIES_PAD}{versie}/"


def versie_json_pad(versie: str) -> str:
    return f"{versie_pad(versie)}kompas.json"


def pad_anker(antwoorden: str) -> str:
    """The anchor of a route on a version page: "ja/nee/ja" -> "pad-ja-nee-ja"."""
    return "pad-" + antwoorden.replace("/", "-")


def vraag_anker(vraag_id: str) -> str:
    """The anchor of a question on the kompas page and on a version page: "vraag-<id>"."""
    return f"vraag-{vraag_id}"


def toestand_pad(antwoorden: tuple[str, ...] | list[str], embed: bool = False) -> str:
    """A state of the kompaswijzer: "kompas/wijzer/nee/ja/" (the answers as segments)."""
    return (EMBED_PAD if embed else WIJZER_PAD) + "".join(f"{a}/" for a in antwoorden)


def relatieve_url(pagina_url: str, doel_pad: str) -> str:
    """Link from a page (MkDocs `page.url`, e.g. "kompas/vormen/peilen/") to a site path.
    Pages are directories (use_directory_urls), so going up once per segment is enough."""
    diepte = len([d for d in pagina_url.split("/") if d])
    return ("../" * diepte + doel_pad) or "./"
