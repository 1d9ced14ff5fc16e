"""The pages: renderers from data to HTML, the generated pages, the whole note on one page,
the macros for content/ and our MkDocs plugin.

May import `macros.data` and `macros.uitvoer`; never `review`.
"""
