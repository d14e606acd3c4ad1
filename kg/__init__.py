"""kg: knowledge graphs of industrial sites from French and English reports.

read → extract → graph → validate → query → export. Importing kg does no work: the spaCy
pipelines and the gazetteer load when first needed.
"""
from __future__ import annotations

__version__ = "0.1.0"
