"""Text from the data, safe in the Markdown of the outcome report.

The report is read as Markdown in a pull request comment and a job summary, which render
HTML too: a question containing `<!--` would hide the rest of the report, a `|` would break
a table, `**` would shout. Every piece of data text goes through `md()`; what the report
itself writes (headings, bold labels) does not.
"""

from __future__ import annotations

import difflib
import html
import re

# Characters with a meaning in (GitHub-flavoured) Markdown anywhere in a line, escaped with a
# backslash. (`-`, `+` and `1.` only start a list at the start of a line, and data text never
# stands there; `<`, `>` and `&` are HTML-escaped.)
_MARKDOWN = re.compile(r"([\\`*_{}\[\]#|~])")


def md(waarde: object) -> str:
    """Data text as literal text in Markdown: HTML escaped, Markdown escaped, on one line."""
    tekst = " ".join(str(waarde).split())
    return _MARKDOWN.sub(r"\\\1", html.escape(tekst, quote=False))


def code(waarde: object) -> str:
    """An id or answers string in a code span. Ids are checked (kleine letters, cijfers,
    koppeltekens), but a code span must never end early, whatever it is given."""
    tekst = " ".join(str(waarde).split())
    if "`" in tekst or "<" in tekst:
        return md(tekst)
    return f"`{tekst}`"


def woordverschil(oud: str, nieuw: str) -> str:
    """Word-level diff in Markdown: ~~removed~~ and **added**, every word escaped."""
    a, b = re.findall(r"\S+", oud), re.findall(r"\S+", nieuw)
    delen = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            delen.append(md(" ".join(a[i1:i2])))
        if op in ("delete", "replace"):
            delen.append(f"~~{md(' '.join(a[i1:i2]))}~~")
        if op in ("insert", "replace"):
            delen.append(f"**{md(' '.join(b[j1:j2]))}**")
    return " ".join(delen)


def waarde(w: object) -> str:
    """A value of any kind for the report: text escaped, numbers and booleans as they are."""
    if isinstance(w, bool):
        return "ja" if w else "nee"
    if w is None:
        return "(leeg)"
    if isinstance(w, int):
        return f"{w:,}".replace(",", ".")
    if isinstance(w, list):
        return "; ".join(waarde(x) for x in w) or "(lege lijst)"
    return md(w)
