"""The project's Python package: the macros that pages in content/ call, such as
`{{ vormen_overzicht() }}`, and everything behind them. The data model, checks, renderers,
outputs and review tools are plain Python in the subpackages:

    data/     the kompas as data: model, loader, graph, walker states, addresses
    uitvoer/  files made from the data: kompas.json, JSON Schema, diagram, charts, PDF, dist
    site/     the pages: renderers, templates, the macros and their Jinja pass, our MkDocs plugin
    review/   tools for reviewing a change to the data: outcome report, golden files

Nothing is imported here at import time, so `python -m macros` (the command line) starts
without MkDocs.
"""
