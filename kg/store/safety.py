"""What the endpoint refuses to run, decided on the parsed query, never on its text.

The endpoint is read-only and fetches nothing: pyoxigraph would run a ``SERVICE`` pattern by
calling the URL it names (from the machine serving), and an update (``INSERT``, ``DROP``,
``LOAD <url>``...) would change or fetch. So a request is parsed with rdflib's SPARQL parser and
translated to its algebra: an update is refused whole, a query whose algebra holds a
``SERVICE`` anywhere (in a subquery, an ``OPTIONAL``, a ``FILTER EXISTS``...) is refused, and
so is a ``FROM`` / ``FROM NAMED`` (or a protocol graph parameter) naming a graph the store does
not hold: the endpoint reads only its own graphs. Looking at the algebra, not the text, means a
"SERVICE" inside a string or a comment refuses nothing, and no spelling slips through.

A query rdflib cannot parse is refused as invalid even if pyoxigraph would take it: unchecked
means unsafe. Parsing costs 2-100 ms a query (kg's bundled queries), paid in the endpoint's
worker, under its time limit.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from rdflib import Graph
from rdflib.plugins.sparql.algebra import traverse
from rdflib.plugins.sparql.parser import parseUpdate

from kg.errors import KgError, QueryError
from kg.sparql import _prepare

KINDS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}


class Refused(KgError):
    """A request the endpoint will not run (HTTP 403): an update, a SERVICE, a foreign graph."""


@dataclass(frozen=True)
class CheckedQuery:
    """A query found safe: its form (``SELECT``, ``ASK``, ``CONSTRUCT``, ``DESCRIBE``) and the
    graphs its ``FROM`` and ``FROM NAMED`` clauses name."""

    kind: str
    from_graphs: tuple[str, ...] = ()
    from_named: tuple[str, ...] = ()


def check_query(text: str, prefixes: Graph, has_graph: Callable[[str], bool]) -> CheckedQuery:
    """Parse ``text`` and refuse what the endpoint must not run.

    ``prefixes``: a graph whose bound prefixes the query may use undeclared; ``has_graph``:
    whether the store holds a named graph of that IRI. Raises :class:`Refused` (an update, a
    ``SERVICE``, a foreign graph) or :class:`kg.errors.QueryError` (not SPARQL).
    """
    try:
        prepared, _ = _prepare(text, prefixes)
    except QueryError:
        _refuse_update(text)
        raise
    algebra = prepared.algebra
    if _holds_service(algebra):
        raise Refused("SERVICE is refused: this endpoint queries only its own store and "
                      "fetches nothing from elsewhere")
    clauses = algebra.get("datasetClause") or []
    checked = CheckedQuery(
        kind=KINDS.get(algebra.name, algebra.name),
        from_graphs=tuple(str(c["default"]) for c in clauses if "default" in c),
        from_named=tuple(str(c["named"]) for c in clauses if "named" in c),
    )
    check_graphs(checked.from_graphs, has_graph, "FROM")
    check_graphs(checked.from_named, has_graph, "FROM NAMED")
    return checked


def check_graphs(iris: Iterable[str], has_graph: Callable[[str], bool], clause: str) -> None:
    """Refuse a graph IRI the store does not hold: the endpoint never loads one from its URL."""
    for iri in iris:
        if not has_graph(iri):
            raise Refused(f"{clause} <{iri}> is refused: no graph of this store has that name, "
                          "and this endpoint fetches nothing from elsewhere")


def _refuse_update(text: str) -> None:
    """Raise :class:`Refused` when ``text`` parses as a SPARQL Update (naming its operations)."""
    try:
        request = parseUpdate(text)
    except Exception:  # not an update either: the caller's syntax error stands
        return
    operations = sorted({_operation_name(op.name) for op in request.request if op is not None})
    raise Refused(f"updates are refused: this endpoint is read-only ({', '.join(operations) or 'UPDATE'})")


def _operation_name(name: str) -> str:
    """rdflib's ``InsertData`` -> ``INSERT DATA``, ``Load`` -> ``LOAD``."""
    words, word = [], ""
    for char in name:
        if char.isupper() and word:
            words.append(word)
            word = ""
        word += char
    return " ".join(words + [word]).upper()


def _holds_service(algebra: Any) -> bool:
    found = []

    def visit(node: Any) -> None:
        if getattr(node, "name", None) == "ServiceGraphPattern":
            found.append(node)

    traverse(algebra, visitPre=visit)
    return bool(found)
