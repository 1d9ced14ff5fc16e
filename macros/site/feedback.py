""" "Klopt dit niet?": a mailto: link to Team Samen stad maken whose subject and body say what
the reader was looking at. The site sends nothing itself; the reader's own mail program opens."""

from __future__ import annotations

from urllib.parse import quote

from ..data.adressen import CONTACT

# What the reader is asked, below the lines that say where they were.
VRAAG = "Wat klopt er niet, of wat mist u?"


def feedback_link(onderwerp: str, regels: list[str]) -> str:
    body = "\n".join(regels + ["", VRAAG, ""])
    return f"mailto:{CONTACT}?subject={quote(onderwerp, safe='')}&body={quote(body, safe='')}"
