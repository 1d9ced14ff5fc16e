"""Files made from the data: `kompas.json`, the JSON Schema, the diagram, the charts, the PDF
of the note, the production tree (`dist`), and the build's cache and build info.

May import `macros.data`; never `site` or `review`.
"""
