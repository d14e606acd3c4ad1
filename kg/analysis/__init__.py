"""Analysing a built graph: networkx views, the helpers an analyst needs, tables for pandas.

``to_networkx`` turns the RDF graph into a typed ``MultiDiGraph`` (:mod:`kg.analysis.networkx`);
``query_frame`` runs a named query into a pandas ``DataFrame`` (:mod:`kg.analysis.frames`).
"""
from __future__ import annotations

from kg.analysis.frames import query_frame
from kg.analysis.networkx import (
    KINDS,
    CorridorPath,
    RankedNode,
    SharedCity,
    corridor_paths,
    curie,
    find_node,
    graphml_bytes,
    most_connected_places,
    shared_cities,
    to_networkx,
    write_graphml,
)

__all__ = [
    "KINDS", "CorridorPath", "RankedNode", "SharedCity", "corridor_paths", "curie", "find_node",
    "graphml_bytes", "most_connected_places", "query_frame", "shared_cities", "to_networkx",
    "write_graphml",
]
