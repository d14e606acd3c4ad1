"""The facts view: the graph's facts as (subject, relation, object, qualifier) rows.

Computed by the bundled SPARQL query ``queries/facts.rq`` over the graph, never from the
extractor's output: what the view prints is what the graph says.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import Dataset, Graph

from kg.resources import query_text

if TYPE_CHECKING:
    from kg.store import Store

HEADER = ("subject", "relation", "object", "qualifier")


def facts(data: Graph | Dataset | Store) -> list[tuple[str, str, str, str]]:
    """The facts of a graph or a store, sorted."""
    from kg.store import run_query  # rdflib on a graph, pyoxigraph on a store

    result = run_query(data, query_text("facts"))
    return [tuple(cell or "" for cell in row) for row in result.rows]  # type: ignore[misc]


def facts_tsv(data: Graph | Dataset) -> str:
    """The facts view as tab-separated text, header first."""
    lines = ["\t".join(HEADER)]
    lines += ["\t".join(_clean(c) for c in row) for row in facts(data)]
    return "\n".join(lines) + "\n"


def _clean(cell: str) -> str:
    return " ".join(cell.replace("\t", " ").split())
