"""kg: knowledge graphs of industrial sites from French and English reports.

read → extract → graph → validate → query → export. Importing kg does no work: the spaCy
pipelines and the gazetteer load when first needed.
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__", "to_networkx"]


def __getattr__(name: str):
    """``kg.to_networkx``, imported on first use: importing kg loads neither rdflib nor networkx."""
    if name == "to_networkx":
        from kg.analysis.networkx import to_networkx

        return to_networkx
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
