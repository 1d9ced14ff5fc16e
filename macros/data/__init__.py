"""The kompas as data: the typed model, the loader that checks it, the graph, the states of
the kompaswijzer, the meaning and fingerprint of a version, and the site's addresses.

Imports nothing else from `macros`: every other layer builds on this one.
"""
