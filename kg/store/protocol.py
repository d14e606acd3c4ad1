"""One SPARQL Protocol request answered on a store: check, negotiate, run, serialize.

This is what the endpoint's worker processes do (:mod:`kg.store.runner`); the HTTP side
(:mod:`kg.store.server`) only turns requests into :class:`QueryRequest` and :class:`Answer`
into responses. Both are plain values, so they cross a process boundary as they are.

Status codes: 400 a query that is not SPARQL (or fails to evaluate on its own terms), 403 a
query the endpoint refuses (:mod:`kg.store.safety`), 406 no result format the client accepts,
500 a store error. A result cut at the row cap is a 200 with ``X-KG-Partial: true``.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import islice
from typing import Any

import pyoxigraph as ox

from kg.errors import QueryError, one_line
from kg.namespaces import KG, PREFIXES, RDF
from kg.store import results
from kg.store.oxigraph import PREFIX_GRAPH, QUERY_PREFIXES, Store
from kg.store.safety import Refused, check_graphs, check_query

PARTIAL_HEADER = "X-KG-Partial"
TEXT = "text/plain; charset=utf-8"


@dataclass(frozen=True)
class QueryRequest:
    """A query and what came with it: the ``Accept`` header, the protocol's dataset parameters."""

    query: str
    accept: str = ""
    default_graphs: tuple[str, ...] = ()  # default-graph-uri
    named_graphs: tuple[str, ...] = ()  # named-graph-uri


@dataclass(frozen=True)
class Answer:
    """An HTTP answer: status, content type, body and any further headers."""

    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()

    @classmethod
    def error(cls, status: int, message: str, *headers: tuple[str, str]) -> Answer:
        """A plain-text error: one line that says what was wrong."""
        return cls(status, TEXT, f"{message}\n".encode("utf-8"), headers)


def answer(store: Store, request: QueryRequest, max_rows: int = 0) -> Answer:
    """The answer to ``request`` on ``store``; at most ``max_rows`` rows or triples (0: all)."""
    has_graph = _graph_test(store)
    try:
        checked = check_query(request.query, PREFIX_GRAPH, has_graph)
        check_graphs(request.default_graphs, has_graph, "default-graph-uri")
        check_graphs(request.named_graphs, has_graph, "named-graph-uri")
    except Refused as exc:
        return Answer.error(403, str(exc))
    except QueryError as exc:
        return Answer.error(400, str(exc))
    offered = results.formats_for(checked.kind)
    fmt = results.negotiate(request.accept, offered)
    if fmt is None:
        media = ", ".join(f.media_type for f in offered)
        return Answer.error(406, f"no format of Accept: {request.accept} answers a {checked.kind} query; "
                                 f"ask for one of {media}")
    try:
        found = store.ox.query(request.query, prefixes=QUERY_PREFIXES, **_dataset(request))
        return _serialized(found, fmt, max_rows)
    except SyntaxError as exc:
        return Answer.error(400, f"invalid SPARQL: {one_line(exc)}")
    except (OSError, RuntimeError) as exc:
        return Answer.error(500, f"the query failed on the store: {one_line(exc)}")


def describe(store: Store) -> dict[str, Any]:
    """What the health route tells about the store: its reports and quads."""
    reports = len(store.reports()) if store.managed else sum(
        1 for _ in store.ox.quads_for_pattern(None, _RDF_TYPE, _REPORT, None))
    return {"reports": reports, "quads": len(store), "graphs": len(store.graph_names())}


_RDF_TYPE, _REPORT = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(KG.Report))
TURTLE_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def _graph_test(store: Store):
    def has_graph(iri: str) -> bool:
        try:
            return store.ox.contains_named_graph(ox.NamedNode(iri))
        except ValueError:  # not even an IRI
            return False

    return has_graph


def _dataset(request: QueryRequest) -> dict[str, Any]:
    """pyoxigraph's dataset options: the protocol's parameters override the query's FROM
    clauses (SPARQL 1.1 Protocol, 2.1.4); with neither, the default graph is the store's merge
    of its report graphs."""
    if not (request.default_graphs or request.named_graphs):
        return {}
    return {"default_graph": [ox.NamedNode(iri) for iri in request.default_graphs],
            "named_graphs": [ox.NamedNode(iri) for iri in request.named_graphs]}


def _serialized(found: Any, fmt: results.Format, max_rows: int) -> Answer:
    if isinstance(found, ox.QueryBoolean):
        return Answer(200, fmt.content_type, results.boolean(fmt, found))
    items, partial = _capped(found, max_rows)
    headers = ((PARTIAL_HEADER, "true"), ("X-KG-Max-Rows", str(max_rows))) if partial else ()
    if isinstance(found, ox.QuerySolutions):
        variables = [v.value for v in found.variables]
        return Answer(200, fmt.content_type, results.table(fmt, variables, items, partial), headers)
    body = results.graph(fmt, items, TURTLE_PREFIXES, partial, max_rows)
    return Answer(200, fmt.content_type, body, headers)


def _capped(found: Any, max_rows: int) -> tuple[list[Any], bool]:
    """At most ``max_rows`` solutions or triples, and whether there were more."""
    if not max_rows:
        return list(found), False
    items = list(islice(found, max_rows + 1))
    return items[:max_rows], len(items) > max_rows
