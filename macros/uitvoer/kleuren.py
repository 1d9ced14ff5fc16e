"""The colours of the site, the PDF, the diagram and the charts: defined once, here.

Python is the source, not a stylesheet, because the diagram and the charts are drawn in
Python and need the values themselves (an SVG opened on its own has no stylesheet, and
matplotlib takes no CSS). The stylesheets get the same values as custom properties
(`--kvz-<naam>`): the build writes `css_variabelen()` at the top of the site's utrecht.css
(site/plugin.py) and of the PDF's stylesheet (pdf.py), and the CSS uses only `var(--kvz-…)`.

Contrast against white, checked by tests/test_kleuren.py: text at least 4.5:1, lines and
marks that carry meaning at least 3:1 (WCAG 1.4.3, 1.4.11).
"""

from __future__ import annotations

PALET: dict[str, str] = {
    # Utrecht red: brand accent only, never for something you can click.
    "rood": "#cc0000",
    # Utrecht link blue (7.4:1), and darker for a hovered button.
    "link": "#24578f",
    "link-donker": "#1b4470",
    # Utrecht focus blue: the outline of whatever has keyboard focus.
    "focus": "#2964a3",
    # Body text: near-black, 17:1.
    "tekst": "#1a1a1a",
    # Secondary text (captions, footer, chart ticks): 8.5:1.
    "tekst-zacht": "#4d4d4d",
    # Lines that carry meaning: the diagram's arrows and their Ja/Nee labels, the charts'
    # axes. Lighter than text so the reader's route (link blue, thick) stands out, and still
    # 4.5:1, enough for the labels as text. (The diagram drew #4d4d4d, the charts #767676.)
    "lijn": "#767676",
    # Lines that only separate (between blocks, the charts' grid) and stronger ones (table
    # borders in the PDF, the frame of the verantwoording, hatching on a light fill).
    "rand": "#d9d9d9",
    "rand-sterk": "#bfbfbf",
    # Light panels behind quotes, boxes and the diagram's vormen.
    "vlak": "#f3f3f3",
    # Errors in the wijzer's form (GOV.UK's error pattern).
    "fout": "#b30000",
    "wit": "#ffffff",
    "zwart": "#000000",
}

# Only in the charts: the budget's posts (each also hatched, WCAG 1.4.1: not by colour alone),
# the years light to dark, and the kinds of vorm in the zeggenschap chart.
REEKSEN = [(PALET["link"], ""), ("#a34f00", "//"), ("#2e6b30", "\\\\"), ("#6b3d8f", ".."), (PALET["tekst-zacht"], "xx")]
JAAR_TINTEN = ["#9cbde0", "#5f8fc4", PALET["link"], "#12304f"]
VORM_SAMEN = "#7aa0c8"
VORM_GEEN = "#a6a6a6"


def css_variabelen() -> str:
    """The palette as CSS custom properties, for the top of a stylesheet."""
    regels = "".join(f"  --kvz-{naam}: {waarde};\n" for naam, waarde in PALET.items())
    return f"/* Generated from macros/uitvoer/kleuren.py: the colours are defined there. */\n:root {{\n{regels}}}\n\n"


def relatieve_helderheid(kleur: str) -> float:
    """WCAG 2 relative luminance of "#rrggbb"."""

    def kanaal(hex_: str) -> float:
        c = int(hex_, 16) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (kanaal(kleur[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(voor: str, achter: str = "#ffffff") -> float:
    licht, donker = sorted((relatieve_helderheid(voor), relatieve_helderheid(achter)), reverse=True)
    return (licht + 0.05) / (donker + 0.05)
