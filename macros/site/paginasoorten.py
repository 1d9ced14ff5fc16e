"""Every kind of page of the site, in one registry: where its pages come from, their address,
under which page they stand in the menu, and whether they are part of the note (/nota/ and
the PDF) and of the site's search.

Read by paginas.py (which makes the pages of the kinds made from the data), the plugin (which
puts them in the menu, `on_nav`, and leaves the others out of it), hele_nota.py (which leaves
out what is not the note) and the templates (`adres("vorm", vorm.id)`). Every address of a
page is written here, once; an address that other layers need as well (kompas.json, the
review tools) is written in data/adressen.py and taken from there.

A new kind of page is one entry in SOORTEN and one template (README, "Een nieuwe soort pagina").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any, Callable, Generic, Optional, Sequence, TypeVar

from ..data import adressen
from ..data.betekenis import GepubliceerdeVersie, gepubliceerde_versies
from ..data.model import KompasData
from .kompas import render_versie_pagina
from .principes import render_principe_pagina
from .sjablonen import Url, zet_adressen
from .vormen import render_vorm_pagina
from .wijzer import KOP_ID, Pagina, alle_paginas, kop_van, pad_van, pagina_html

R = TypeVar("R")

# Where a page's own part goes in an address pattern: "kompas/vormen/{}/".
PLEK = "{}/"


def eigen_id(record: Any) -> str:
    """The part of the address of a record's page: its id, which is also its URL slug."""
    return str(record.id)


@dataclass(frozen=True)
class KopInHtml(Generic[R]):
    """The page heading is in the HTML that `render` writes, not in Markdown (a page of the
    kompaswijzer has its question in a legend). That HTML goes in after Markdown, unparsed;
    the heading's text is also the page's title (front matter) and `id` the theme's skip
    link's target."""

    id: str
    tekst: Callable[[R, KompasData], str]


@dataclass(frozen=True)
class PerRecord(Generic[R]):
    """One page per record of the data, in the data's order."""

    records: Callable[[KompasData], Sequence[R]]
    # The page's Markdown. None: the template `<kind>.md` renders it, with the record under
    # the kind's name and `data` and `url` beside it.
    render: Optional[Callable[[R, KompasData, Url], str]] = None
    sleutel: Callable[[R], str] = eigen_id  # its part of the address ("peilen", "ja/nee")
    kop_in_html: Optional[KopInHtml[R]] = None


@dataclass(frozen=True)
class Paginasoort:
    """A kind of page. `adres` is the address of its page, or with `{}` where each page's own
    part goes ("kompas/vormen/{}/"; an empty part leaves its folder out: "over/{}/" is also
    the address of over/ itself)."""

    naam: str
    adres: str
    in_nota: bool  # its pages are part of the note: /nota/ and the PDF
    # Made from the data, one page per record; None: its pages are in content/.
    maak: Optional[PerRecord[Any]] = None
    # The address of the page in the menu (mkdocs.yml's nav) that its pages stand under, in
    # the data's order after what the menu lists there; None: its pages are not in the menu.
    onder: Optional[str] = None
    zoeken: bool = True  # the site's search finds its pages
    # A task (the kompaswijzer): no menu, no table of contents and no "Vorige/Volgende" page
    # links beside it, and no search in its header, which would all lead out of the task.
    taak: bool = False
    thema_sjabloon: Optional[str] = None  # the theme's template for its pages, if not main.html

    def __post_init__(self) -> None:
        # /nota/ is assembled in the menu's order: a kind made from the data is in the note
        # only through its place in the menu.
        if self.maak is not None and self.in_nota and self.onder is None:
            raise ValueError(
                f"paginasoort {self.naam!r}: pagina's van de nota staan in het menu; zeg onder welke pagina (onder=...)"
            )
        if self.maak is None and self.onder is not None:
            raise ValueError(
                f"paginasoort {self.naam!r}: de plugin zet alleen pagina's uit de gegevens in het menu; "
                "een pagina uit content/ zet u in de nav van mkdocs.yml"
            )

    @property
    def per_pagina(self) -> bool:
        return PLEK in self.adres

    def adres_van(self, deel: str = "") -> str:
        """The address of the page whose own part is `deel` ("peilen", "ja/nee/")."""
        deel = deel.strip("/")
        if not self.per_pagina:
            if deel:
                raise ValueError(f"paginasoort {self.naam!r} heeft één pagina, op {self.adres!r}; geen {deel!r}")
            return self.adres
        return self.adres.replace(PLEK, f"{deel}/" if deel else "")

    def bevat(self, adres: str) -> bool:
        if not self.per_pagina:
            return adres == self.adres
        return adres.startswith(self.adres.split(PLEK)[0])


def _versie(versie: GepubliceerdeVersie) -> str:
    return versie.versie.versie


def _versie_pagina(versie: GepubliceerdeVersie, data: KompasData, url: Url) -> str:
    return render_versie_pagina(data, versie.versie.versie, url)


_WIJZER_KOP: KopInHtml[Pagina] = KopInHtml(KOP_ID, kop_van)

# Overview pages in content/ that pages made from the data stand under.
PRINCIPES = Paginasoort("principes", adressen.PRINCIPES_PAD, in_nota=True)
KOMPAS = Paginasoort("kompas", adressen.KOMPAS_PAD, in_nota=True)

SOORTEN: tuple[Paginasoort, ...] = (
    # --- Pages in content/ that the site's code links to or that are not the note's; every
    # other page in content/ is a page of the note.
    Paginasoort("start", "", in_nota=False),
    PRINCIPES,
    KOMPAS,
    Paginasoort("voorbeelden", "kompas/voorbeelden/", in_nota=False),
    Paginasoort("wijzigingen", adressen.WIJZIGINGEN_PAD, in_nota=False),
    Paginasoort("indicatoren", adressen.INDICATOREN_PAD, in_nota=True),
    Paginasoort("over", "over/{}/", in_nota=False),  # the pages about the site
    Paginasoort("nota", adressen.NOTA_PAD, in_nota=False),  # the whole note on one page
    # --- Pages made from the data. The note's own records (nota_vastgesteld/) stand in
    # /nota/ after their overview page, whatever the site shows now.
    Paginasoort(
        "principe",
        adressen.principe_pad("{}"),
        in_nota=True,
        onder=PRINCIPES.adres,
        maak=PerRecord(lambda data: data.principes, render_principe_pagina),
    ),
    Paginasoort(
        "vorm",
        adressen.vorm_pad("{}"),
        in_nota=True,
        onder=KOMPAS.adres,
        maak=PerRecord(lambda data: data.vormen, render_vorm_pagina),
    ),
    # Out of search: a version page repeats the kompas, and an old one would answer a search
    # with advice that no longer holds.
    Paginasoort(
        "versie",
        adressen.versie_pad("{}"),
        in_nota=False,
        zoeken=False,
        maak=PerRecord(gepubliceerde_versies, _versie_pagina, sleutel=_versie),
    ),
    # The kompaswijzer: a page per state (its first question is content/kompas/wijzer/), in
    # the site and, without the site around it, for the intern loket's iframe. Out of search:
    # they repeat the kompas page, once per combination of answers. Without the search in its
    # header a walker's first question also weighs 186 KB less.
    Paginasoort(
        "wijzer",
        f"{adressen.WIJZER_PAD}{PLEK}",
        in_nota=False,
        zoeken=False,
        taak=True,
        maak=PerRecord(alle_paginas, partial(pagina_html, embed=False), sleutel=pad_van, kop_in_html=_WIJZER_KOP),
    ),
    Paginasoort(
        "wijzer-embed",
        f"{adressen.EMBED_PAD}{PLEK}",
        in_nota=False,
        zoeken=False,
        taak=True,
        thema_sjabloon="wijzer-embed.html",
        maak=PerRecord(alle_paginas, partial(pagina_html, embed=True), sleutel=pad_van, kop_in_html=_WIJZER_KOP),
    ),
)

# Files the site makes that templates link to, by name, as pages by their kind.
BESTANDEN: dict[str, Callable[..., str]] = {
    "diagram": lambda: adressen.DIAGRAM_PAD,
    "pdf": lambda: adressen.PDF_NAAM,
    "versie-json": adressen.versie_json_pad,
}


def soort(naam: str) -> Paginasoort:
    for kandidaat in SOORTEN:
        if kandidaat.naam == naam:
            return kandidaat
    raise ValueError(f"geen paginasoort {naam!r}; kies uit {', '.join(s.naam for s in SOORTEN)}")


def adres(naam: str, deel: str = "") -> str:
    """The address of a page of kind `naam` (`adres("vorm", "peilen")`, `adres("kompas")`), or
    of a file the site makes (`adres("versie-json", "1.0")`): templates link with it."""
    if naam in BESTANDEN:
        return BESTANDEN[naam](*([deel] if deel else []))
    return soort(naam).adres_van(deel)


def soort_van(adres: str) -> Optional[Paginasoort]:
    """The kind of the page at this address: the kind with exactly this address, else the one
    whose folder holds it (the longest); None for a page of the note that no kind names."""
    for kandidaat in SOORTEN:
        if not kandidaat.per_pagina and kandidaat.bevat(adres):
            return kandidaat
    passend = [s for s in SOORTEN if s.per_pagina and s.bevat(adres)]
    return max(passend, key=lambda s: len(s.adres), default=None)


def hoort_bij_nota(adres: str) -> bool:
    """Whether the page at this address is part of the note (/nota/ and the PDF)."""
    gevonden = soort_van(adres)
    return gevonden is None or gevonden.in_nota


def onder(adres: str) -> list[Paginasoort]:
    """The kinds whose pages stand in the menu under the page at this address."""
    return [s for s in SOORTEN if s.onder == adres]


# The templates' `adres(...)`: handed over, not imported by them (sjablonen.zet_adressen says why).
zet_adressen(adres)
