"""The kompas as data: the typed model, the loader that checks it, the graph, the states of
the kompaswijzer, the meaning and fingerprint of a version, and the site's addresses.

Imports nothing else from `macros`: every other layer builds on this one.
"""

from pathlib import Path

# This layer's own code: what a data set read and checked, and the charts drawn from it, follow
# from beside the YAML (the build cache's keys: site/gegevens.py, uitvoer/grafieken.py).
CODE = Path(__file__).resolve().parent
