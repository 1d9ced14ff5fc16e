"""Text from the data and from messages, safe in the Markdown of the outcome report.

The report is read as Markdown in a pull request comment (GitHub), a merge request note
(GitLab) and a job summary, which render HTML too: a question containing `<!--` would hide
the rest of the report, `<details>` would fold it away, a `|` would break a table, `**` would
shout. And the forge reads more than Markdown in the text: `@gemeente-utrecht/raad` notifies
a team, `#12` puts a mention in the timeline of issue 12, a bare `https://…` or `www.…`
becomes a link. Every piece of data text goes through `md()`; an id or path through `code()`;
a message or command output of several lines through `tekstblok()`. What the report itself
writes (headings, bold labels) does not.
"""

from __future__ import annotations

import difflib
import html
import re

# Characters with a meaning in (GitHub-flavoured) Markdown anywhere in a line, escaped with a
# backslash; `$` opens math on GitHub. (`-`, `+` and `1.` only start a list at the start of a
# line, and data text never stands there; `<`, `>` and `&` are HTML-escaped.)
_MARKDOWN = re.compile(r"([\\`*_{}\[\]#|~$])")

# U+2060 WORD JOINER: invisible, and no line breaks at it. The forges find a mention ("@" and a
# name; GitLab's names may start with "_" or "."), a reference ("#" or GitLab's "!" and a
# number) and a bare URL ("://", "www.", an e-mail address) in the text *after* rendering, so a
# backslash or an HTML entity does not stop them; a character in between does. The reader sees
# the same text.
WOORDVERBINDER = "\u2060"
_VERWIJZING = re.compile(r"(?<=@)(?=\S)|(?<=[#!])(?=\d)|(?<=:)(?=//)|(?<=www)(?=\.)", re.IGNORECASE)

# What may stand in a code span as it is: ids, answers and places in the data as the check names
# them ("vorm 'peilen' › titel", "ja/nee", "/kompas/wijzer/ja/"). Anything else (a backtick would
# end the span, a `|` splits a table cell even inside one) is shown as escaped text instead.
_CODE = re.compile(r"[\w.\-/\[\]=()' ›]+")


def md(waarde: object) -> str:
    """Data text as literal text in Markdown: on one line, no mention, reference or link,
    HTML escaped, Markdown escaped."""
    tekst = _VERWIJZING.sub(WOORDVERBINDER, " ".join(str(waarde).split()))
    return _MARKDOWN.sub(r"\\\1", html.escape(tekst, quote=False))


def code(waarde: object) -> str:
    """An id, answers string or place in the data in a code span. Ids are checked (kleine
    letters, cijfers, koppeltekens), but a place can hold a name from the data (`scenario '…'`),
    and a code span must never end early, whatever it is given."""
    tekst = " ".join(str(waarde).split())
    if not _CODE.fullmatch(tekst):
        return md(tekst)
    return f"`{tekst}`"


def tekstblok(tekst: object) -> str:
    """A message or command output of several lines, shown as it is, in a fenced code block:
    inside one nothing is Markdown or HTML and the forges read no mention or link, and lines
    to copy (the YAML `make check` proposes) stay exact. The fence is longer than any run of
    backticks in the text, so no line of it can close the block early."""
    regels = str(tekst).splitlines()
    langste = max((len(reeks) for reeks in re.findall(r"`+", "\n".join(regels))), default=0)
    hek = "`" * max(3, langste + 1)
    return "\n".join([f"{hek}text", *regels, hek])


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
