"""The colours of the site, the PDF, the diagram and the charts: defined once, here.

They are gemeente Utrecht's: each entry of the palette names the design token a designer of the
gemeente would use for that role, read from the vendored tokens (`@utrecht/design-tokens`,
vendor/; huisstijl.py), so a change of the gemeente's brand is a version bump of the tokens
(`make vendor`). Where the tokens have no colour for a role, the colour is ours and the comment
says why.

Python is the source, not a stylesheet, because the diagram and the charts are drawn in
Python and need the values themselves (an SVG opened on its own has no stylesheet, and
matplotlib takes no CSS). The stylesheets get the same values as custom properties
(`--kvz-<naam>`): the build writes `css_variabelen()` at the top of the site's utrecht.css
(site/plugin.py) and of the PDF's stylesheet (pdf.py), and the CSS uses only `var(--kvz-…)`.

Contrast against white, checked by tests/test_kleuren.py: text at least 4.5:1, lines and
marks that carry meaning at least 3:1 (WCAG 1.4.3, 1.4.11).
"""

from __future__ import annotations

from .huisstijl import kleur

# The role of each colour, and the gemeente's token for it.
TOKENS: dict[str, str] = {
    # Utrecht red (basis rood): brand accent only, never for something you can click. The
    # tokens have no role "brand accent"; this is the red of their footer and table headers.
    "rood": "--utrecht-color-red-40",
    # Links (7.4:1).
    "link": "--utrecht-link-color",
    # Darker than a link, for the theme's dark primary and a hovered button of ours: the
    # gemeente's pressed primary button.
    "link-donker": "--utrecht-button-primary-action-active-background-color",
    # The theme's accent, for what the pointer is on: the gemeente's blue for a hovered link.
    "hover": "--utrecht-link-hover-color",
    # The gemeente's focus ring, on whatever has keyboard focus (the components draw the same
    # from the same tokens): a black dotted outline, a white ring under it so it shows on dark
    # ground too, and yellow behind a focused link.
    "focus": "--utrecht-focus-outline-color",
    "focus-rand": "--utrecht-focus-inverse-outline-color",
    "focus-vlak": "--utrecht-focus-background-color",
    # Body text: the document's colour (black, 21:1).
    "tekst": "--utrecht-document-color",
    # Secondary text (captions, footer, chart ticks): the palette's grey 30 (8.5:1). The only
    # token for secondary text, --utrecht-figure-caption-color (#727272), has 4.8:1 on white
    # but 4.3:1 on the light panels (vlak) where our captions also stand.
    "tekst-zacht": "--utrecht-color-grey-30",
    # Lines that carry meaning: the diagram's arrows and their Ja/Nee labels, the charts'
    # axes. Lighter than text so the reader's route (link blue, thick) stands out, and still
    # 4.5:1, enough for the labels as text: the brand's secondary grey (4.6:1).
    "lijn": "--utrecht-color-secondary-grey",
    # Lines that only separate (between blocks, the charts' grid): as between a table's rows.
    "rand": "--utrecht-table-row-border-block-end-color",
    # Stronger separating lines (table borders in the PDF, the frame of the verantwoording,
    # hatching on a light fill, the wijzer's answer rows): the palette's grey 80, which the
    # tokens use for a rule between columns.
    "rand-sterk": "--utrecht-color-grey-80",
    # Light panels behind quotes, boxes and the diagram's vormen: the gemeente's surface.
    "vlak": "--utrecht-surface-background-color",
    # Errors in the wijzer's form: the colour of a form field's error message.
    "fout": "--utrecht-form-field-error-message-color",
    "wit": "--utrecht-document-background-color",
    "zwart": "--utrecht-color-black",
}

PALET: dict[str, str] = {naam: kleur(token) for naam, token in TOKENS.items()}

# Only in the charts: the budget's posts (each also hatched, WCAG 1.4.1: not by colour alone),
# the years light to dark, and the kinds of vorm in the zeggenschap chart.
# The posts: link blue, then the brand's secondary brown and purple and the palette's dark
# green (all at least 3:1, tests/test_kleuren.py); the brand's secondary green (3.0:1) and
# orange (2.8:1) are too light against white for a bar.
REEKSEN = [
    (PALET["link"], ""),
    (kleur("--utrecht-color-secondary-brown"), "//"),
    (kleur("--utrecht-color-green-40"), "\\\\"),
    (kleur("--utrecht-color-secondary-purple"), ".."),
    (PALET["tekst-zacht"], "xx"),
]
# The years: the gemeente's blues, light to dark (every bar also says its year and amount).
JAAR_TINTEN = [
    kleur("--utrecht-color-blue-80"),
    kleur("--utrecht-color-blue-60"),
    PALET["link"],
    kleur("--utrecht-color-blue-20"),
]
# Ours: a blue and a grey between the tokens' steps. The kinds of vorm must differ from each
# other and from the link blue of the vormen the kompas steers towards; the tokens' blue 60 is
# too close to that blue, and their greys (40, 80) are either as dark as the text or too faint
# on white for a bar.
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
