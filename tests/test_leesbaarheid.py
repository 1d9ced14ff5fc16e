"""Every vorm, principle, the kompas page and the home page have an "In het kort" summary at
language level B1, measured with Flesch-Douma; the note's own text is reported beside it."""

from __future__ import annotations

import statistics

from markupsafe import escape

from macros.review import leesbaarheid


def test_samenvattingen_zijn_makkelijk_te_lezen(data):
    scores = {
        naam: (leesbaarheid.douma(kort), leesbaarheid.douma(nota))
        for naam, (kort, nota) in leesbaarheid.samenvattingen(data).items()
    }
    rapport = "\n".join(f"{naam:40} samenvatting {k:6.1f}   nota {n:6.1f}" for naam, (k, n) in scores.items())
    print("\nFlesch-Douma (hoger is makkelijker; drempel %.0f)\n%s" % (leesbaarheid.DREMPEL, rapport))
    te_moeilijk = {naam: k for naam, (k, _) in scores.items() if k < leesbaarheid.DREMPEL}
    assert not te_moeilijk, f"samenvattingen onder {leesbaarheid.DREMPEL}:\n{rapport}"
    # The summaries exist because the note is hard to read: they must be clearly easier.
    assert statistics.mean(k for k, _ in scores.values()) > statistics.mean(n for _, n in scores.values()) + 20


def test_douma_onderscheidt_makkelijk_van_moeilijk():
    makkelijk = "De gemeente luistert naar u. U mag meepraten. Dat is fijn."
    moeilijk = (
        "Het faciliteren van organisatiebrede implementatietrajecten vereist een integrale "
        "heroverweging van de bestuurlijke verantwoordelijkheidsverdeling."
    )
    assert leesbaarheid.douma(makkelijk) > 80 > 20 > leesbaarheid.douma(moeilijk)


def test_elke_samenvatting_staat_op_zijn_pagina(data, html_paginas):
    for vorm in data.vormen:
        assert escape(vorm.in_het_kort) in html_paginas[f"kompas/vormen/{vorm.id}/"]
    for principe in data.principes:
        assert escape(principe.in_het_kort) in html_paginas[f"principes/{principe.id}/"]
    assert escape(data.kompas.in_het_kort) in html_paginas["kompas/"]
    assert escape(data.nota.in_het_kort) in html_paginas[""]
    for pagina in ("", "kompas/", f"kompas/vormen/{data.vormen[0].id}/", f"principes/{data.principes[0].id}/"):
        assert 'id="in-het-kort"' in html_paginas[pagina]
