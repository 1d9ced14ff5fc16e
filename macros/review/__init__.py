"""Tools for reviewing a change to kompas_data/: the outcome report, the golden files, the
readability of our summaries.

May import `macros.data` and `macros.uitvoer`; never `site`.
"""
