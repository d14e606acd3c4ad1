"""A SPARQL answer as a pandas ``DataFrame``: one column per variable, numbers as numbers.

Cells are what ``kg query`` prints (IRIs as prefixed names, literals as their text), except
numeric literals, which become ``int`` or ``float`` so that a column of capacities can be
summed, sorted and plotted. pandas is imported when a frame is made, not with kg.
"""
from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from rdflib import Dataset, Graph, Literal
from rdflib.term import Node

from kg.sparql import QueryResult, resolve_query, run_query

if TYPE_CHECKING:
    import pandas


def query_frame(data: Graph | Dataset, query: str,
                bindings: Mapping[str, Any] | None = None) -> pandas.DataFrame:
    """Run ``query`` over ``data`` and return its answer as a ``DataFrame``.

    ``query`` is the name of a bundled query (``sites-by-company``), the path of a ``.rq``
    file, or SPARQL text; ``bindings`` fix variables as in :func:`kg.sparql.run_query`.
    """
    text = query if any(space in query.strip() for space in " \n\t") else resolve_query(query)
    return result_frame(run_query(data, text, bindings))


def result_frame(result: QueryResult) -> pandas.DataFrame:
    """The rows of a SELECT answer as a ``DataFrame`` (unbound cells are ``None``)."""
    import pandas

    terms = result.terms or tuple((None,) * len(result.variables) for _ in result.rows)
    rows = [[_cell(term, cell) for term, cell in zip(term_row, row)]
            for term_row, row in zip(terms, result.rows)]
    return pandas.DataFrame(rows, columns=list(result.variables))


def _cell(term: Node | None, cell: str | None) -> Any:
    if isinstance(term, Literal) and not term.language:
        value = term.toPython()
        if isinstance(value, Decimal) and value.is_finite():
            return int(value) if value == value.to_integral_value() else float(value)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return value
    return cell
