"""Load a graph file, run a SPARQL query over it, and print the answer.

Queries run over the union of a dataset's graphs, so a query never needs ``GRAPH`` to see a
report's facts. Values go into a query through ``initBindings`` on a prepared query, never by
editing its text. Answers are plain strings (IRIs as prefixed names, literals as their lexical
form, decimals as plain digits) so that a table, a CSV file and a test's expected file all
show the same thing.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from pyparsing import ParseBaseException
from rdflib import XSD, BNode, Dataset, Graph, Literal, URIRef, Variable
from rdflib.plugins.sparql.algebra import translateQuery, traverse
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node
from rdflib.util import from_n3

from kg.errors import GraphLoadError, QueryError, one_line
from kg.namespaces import PREFIXES, bind_prefixes
from kg.resources import query_names, query_text

# File suffix -> rdflib parser name.
GRAPH_FORMATS: dict[str, str] = {
    ".ttl": "turtle",
    ".trig": "trig",
    ".nq": "nquads",
    ".nt": "nt",
    ".jsonld": "json-ld",
    ".rdf": "xml",
    ".xml": "xml",
}

RESULT_FORMATS: tuple[str, ...] = ("table", "csv", "tsv", "json")

Term = Node | None


@dataclass(frozen=True)
class QueryResult:
    """The answer to a SELECT or ASK query, one string (or None when unbound) a cell.

    ``terms`` keeps the RDF terms behind ``rows`` (for the JSON results format, which
    distinguishes IRIs from literals); ``boolean`` is the answer of an ASK query, whose
    ``rows`` hold that answer as a single ``"true"`` or ``"false"`` cell.
    """

    variables: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]
    terms: tuple[tuple[Term, ...], ...] = field(default=(), compare=False, repr=False)
    boolean: bool | None = None


# --- loading ---------------------------------------------------------------------------------


def load_graph(path: Path | str) -> Dataset:
    """Parse a graph file into a dataset whose default graph is the union of its graphs.

    The format follows the suffix: ``.ttl``, ``.trig``, ``.nq``, ``.nt``, ``.jsonld``,
    ``.rdf`` / ``.xml``. kg's prefixes are bound on the result, so queries and answers can
    use ``kg:``, ``kgr:``... whatever the file declared.
    """
    path = Path(path)
    if not path.exists():
        raise GraphLoadError(path, "no such file")
    if not path.is_file():
        raise GraphLoadError(path, "not a file")
    parser = GRAPH_FORMATS.get(path.suffix.lower())
    if parser is None:
        known = ", ".join(GRAPH_FORMATS)
        raise GraphLoadError(path, f"unknown graph format {path.suffix!r}; expected one of {known}")
    dataset = Dataset(default_union=True)
    try:
        with _rdflib_deprecations_ignored():
            dataset.parse(path, format=parser)
    except Exception as error:  # each rdflib parser raises its own kind (BadSyntax, SAX, JSON...)
        raise GraphLoadError(path, f"invalid {parser}: {_parse_problem(error)}") from error
    return bind_prefixes(dataset)


@contextmanager
def _rdflib_deprecations_ignored() -> Iterator[None]:
    """Silence the warnings rdflib 7 raises about its own use of its deprecated Dataset API.

    Its parsers and SPARQL evaluator still call ``ConjunctiveGraph``, ``Dataset.contexts``
    and ``default_context``: thousands of warnings a test run that kg can do nothing about.
    Warnings from kg's own code still show.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"rdflib\.")
        yield


_TURTLE_PROBLEM = re.compile(r"at line (\d+) of <[^>]*>:\s*Bad syntax \((.*?)\) at \^ in:", re.S)


def _parse_problem(error: Exception) -> str:
    """One line out of a parser's message (rdflib's Turtle errors quote the whole input)."""
    text = str(error)
    turtle = _TURTLE_PROBLEM.search(text)
    if turtle:
        text = f"line {turtle.group(1)}: {turtle.group(2)}"
    return one_line(text) or type(error).__name__


# --- queries ---------------------------------------------------------------------------------


def resolve_query(name_or_file: str) -> str:
    """The text of a query: a bundled name (``sites-by-company``) or the path of a ``.rq`` file.

    A bare name (no folder) is looked up among the bundled queries first, so a stray file in
    the working directory never shadows one; write ``./NAME.rq`` to mean the file.
    """
    bare = not any(sep in name_or_file for sep in ("/", os.sep))
    name = name_or_file.removesuffix(".rq")
    if bare and name in query_names():
        return query_text(name)
    path = Path(name_or_file)
    if path.is_file():
        return _read_query_file(path)
    if bare and not name_or_file.endswith(".rq"):
        return query_text(name)  # raises, listing the bundled queries
    raise QueryError(f"{path}: no such query file; bundled queries: {', '.join(query_names())}")


def _read_query_file(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise QueryError(f"{path}: cannot read query: {one_line(str(error))}") from error
    if not text.strip():
        raise QueryError(f"{path}: empty query file")
    return text


def run_query(
    data: Graph | Dataset, query: str, bindings: Mapping[str, Any] | None = None
) -> QueryResult:
    """Run a SELECT or ASK query over the union of ``data``'s graphs.

    ``bindings`` fix variables (``{"fact": "kgr:fact/capacity/0123"}``): rdflib terms pass
    as they are; strings that read as IRIs (``<...>``, a bound ``prefix:name``,
    ``http(s)://...``, ``urn:...``, ``file:...``) become IRIs, quoted N3
    (``'"12"^^xsd:decimal'``, ``'"Lyon"@fr'``) a literal so typed, any other value a literal.
    Raises :class:`QueryError` on a syntax error (with its line and column), on a CONSTRUCT
    or DESCRIBE query (see :func:`run_graph_query`) and on a binding the query cannot take.
    """
    graph = _union_view(data)
    prepared, declared = _prepare(query, graph)
    kind = prepared.algebra.name
    if kind in ("ConstructQuery", "DescribeQuery"):
        raise QueryError(
            f"a {kind[:-5].upper()} query answers with a graph, not a table; "
            "use kg.sparql.run_graph_query"
        )
    # Prefixes for the answer: the query's own, then kg's, then the graph's; so a kg IRI reads
    # the same whatever prefixes the graph file happened to declare.
    render = _Renderer([declared, PREFIXES, prepared.prologue.namespace_manager.namespaces()])
    return _evaluate(graph, prepared, _init_bindings(bindings, prepared), render)


def _evaluate(
    graph: Graph, prepared: Query, init: dict[str, Node], render: _Renderer
) -> QueryResult:
    """Run a prepared SELECT or ASK query and render its rows."""
    try:
        with _rdflib_deprecations_ignored():
            result = graph.query(prepared, initBindings=init)
            if result.type == "ASK":
                return _ask_result(bool(result.askAnswer))
            variables = tuple(str(v) for v in result.vars or ())
            terms = tuple(tuple(row) for row in result)  # rdflib evaluates as rows are read
    except Exception as error:  # rdflib's evaluator raises plain Python errors on odd data
        problem = one_line(f"{type(error).__name__}: {error}")
        raise QueryError(f"SPARQL evaluation failed: {problem}") from error
    rows = tuple(tuple(render(term) for term in row) for row in terms)
    return QueryResult(variables, rows, terms)


def run_graph_query(
    data: Graph | Dataset, query: str, bindings: Mapping[str, Any] | None = None
) -> Graph:
    """Run a CONSTRUCT or DESCRIBE query over the union of ``data``'s graphs: the graph built."""
    graph = _union_view(data)
    prepared, _ = _prepare(query, graph)
    if prepared.algebra.name not in ("ConstructQuery", "DescribeQuery"):
        raise QueryError("run_graph_query takes a CONSTRUCT or DESCRIBE query; use run_query")
    with _rdflib_deprecations_ignored():
        result = graph.query(prepared, initBindings=_init_bindings(bindings, prepared))
        assert result.graph is not None
        return result.graph


def _union_view(data: Graph | Dataset) -> Graph:
    """``data`` itself, or a view of the same store that reads all its graphs as one."""
    if isinstance(data, Dataset) and not data.default_union:
        return Dataset(store=data.store, default_union=True)
    return data


def _prepare(query: str, graph: Graph) -> tuple[Query, dict[str, str]]:
    """Parse and translate ``query``, and the prefixes it declares.

    The graph's prefixes are known to the query too; the query's own declarations win.
    """
    try:
        parsed = parseQuery(query)
        prepared = translateQuery(parsed, initNs=dict(graph.namespaces()))
    except ParseBaseException as error:
        near = error.line[error.col - 1 : error.col + 29].strip()
        raise QueryError(
            f"invalid SPARQL at line {error.lineno}, column {error.col}: "
            f"{one_line(error.msg)}, near {near!r}"
        ) from error
    except Exception as error:  # rdflib reports an unknown prefix and the like as plain Exception
        raise QueryError(f"invalid SPARQL: {one_line(str(error))}") from error
    declared = {
        str(decl["prefix"]) if "prefix" in decl else "": str(decl["iri"])
        for decl in parsed[0]
        if decl.name == "PrefixDecl"
    }
    return prepared, declared


def _init_bindings(bindings: Mapping[str, Any] | None, prepared: Query) -> dict[str, Node]:
    if not bindings:
        return {}
    known = _query_variables(prepared)
    # kg's prefixes, so that "kgr:fact/..." reads as an IRI even on a graph that binds none.
    namespaces = {prefix: URIRef(str(namespace)) for prefix, namespace in PREFIXES.items()}
    namespaces.update(prepared.prologue.namespace_manager.namespaces())
    init: dict[str, Node] = {}
    for name, value in bindings.items():
        var = name.lstrip("?$")
        if var not in known:
            listed = ", ".join(f"?{v}" for v in sorted(known) if not v.startswith("_"))
            raise QueryError(f"cannot bind ?{var}: the query has no such variable; it has {listed}")
        init[var] = _to_term(value, namespaces)
    return init


def _query_variables(prepared: Query) -> set[str]:
    found: set[str] = set()

    def visit(node: Any) -> None:
        if isinstance(node, Variable):
            found.add(str(node))

    traverse(prepared.algebra, visitPre=visit)
    return found


_IRI_SCHEMES = ("http://", "https://", "urn:", "file:")
_PREFIXED = re.compile(r"([A-Za-z][\w.-]*)?:([^\s<>\"]*)")


def _to_term(value: Any, namespaces: Mapping[str, URIRef]) -> Node:
    """An RDF term for a binding's value (see :func:`run_query` for the rules)."""
    if isinstance(value, Node):
        return value
    if not isinstance(value, str):
        return Literal(value)
    if value.startswith("<") and value.endswith(">"):
        return URIRef(value[1:-1])
    if value.startswith('"'):
        try:
            return from_n3(value, nsm=_namespace_graph(namespaces).namespace_manager)
        except Exception as error:  # from_n3 raises whatever its tokenizer trips on
            raise QueryError(f"cannot read binding value {value!r} as an N3 literal") from error
    if value.startswith(_IRI_SCHEMES):
        return URIRef(value)
    prefixed = _PREFIXED.fullmatch(value)
    if prefixed and (prefixed.group(1) or "") in namespaces:
        return URIRef(namespaces[prefixed.group(1) or ""] + prefixed.group(2))
    return Literal(value)


def _namespace_graph(namespaces: Mapping[str, URIRef]) -> Graph:
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in namespaces.items():
        graph.bind(prefix, namespace, override=True)
    return graph


def _ask_result(answer: bool) -> QueryResult:
    cell = "true" if answer else "false"
    return QueryResult(("ask",), ((cell,),), ((Literal(answer),),), boolean=answer)


# --- rendering terms -------------------------------------------------------------------------

# Characters that cannot appear in a prefixed name's local part even loosely read.
_LOCAL_NAME = re.compile(r"[^\s<>\"{}|^`\\]*")


class _Renderer:
    """Turns terms into display strings: ``kgr:org/acme``, ``<urn:x>``, ``_:b0``, ``12.5``.

    Prefixed names here are for reading: their local part may hold a ``/``, which Turtle
    and SPARQL would want escaped (``kgr:org\\/acme``).
    """

    def __init__(self, levels: Iterable[Mapping[str, Any] | Iterable[tuple[str, Any]]]) -> None:
        # Prefix sets in order of preference; within one, the longest namespace wins.
        self._levels: list[list[tuple[str, str]]] = []
        for level in levels:
            pairs = level.items() if isinstance(level, Mapping) else level
            by_namespace = {(str(namespace), prefix) for prefix, namespace in pairs}
            self._levels.append(sorted(by_namespace, key=lambda pair: (-len(pair[0]), pair[1])))
        self._blank: dict[BNode, str] = {}

    def __call__(self, term: Term) -> str | None:
        if term is None:
            return None
        if isinstance(term, URIRef):
            return self._iri(term)
        if isinstance(term, BNode):
            # Blank node ids change from one parse to the next; number them by first use.
            return self._blank.setdefault(term, f"_:b{len(self._blank)}")
        if isinstance(term, Literal) and term.datatype == XSD.decimal:
            return _decimal_text(term)
        return str(term)

    def _iri(self, iri: str) -> str:
        for level in self._levels:
            for namespace, prefix in level:
                local = iri[len(namespace) :]
                if iri.startswith(namespace) and _LOCAL_NAME.fullmatch(local):
                    return f"{prefix}:{local}"
        return f"<{iri}>"


def _decimal_text(literal: Literal) -> str:
    """A decimal as plain digits: ``12``, ``3.5``, never ``12.0`` nor ``1.2E+1``.

    rdflib writes ``"12"^^xsd:decimal`` to Turtle as ``12.0``; printing the value rather than
    the lexical form keeps an answer the same whichever file format the graph went through.
    """
    value = literal.toPython()
    if not isinstance(value, Decimal) or not value.is_finite():
        return str(literal)  # an ill-typed lexical form: show it as written
    if value == value.to_integral_value():
        return f"{value:.0f}"
    return f"{value.normalize():f}"


# --- formatting results ----------------------------------------------------------------------


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """``result`` as text, each line ending in a newline.

    ``table``: aligned columns under a header and a line of dashes; ``csv`` and ``tsv``: a
    header of variable names, then the rendered values (tabs and newlines escaped in TSV);
    ``json``: the SPARQL 1.1 Query Results JSON Format, with full IRIs.
    """
    formatter = _FORMATTERS.get(fmt)
    if formatter is None:
        known = ", ".join(RESULT_FORMATS)
        raise QueryError(f"unknown result format {fmt!r}; expected one of {known}")
    return formatter(result)


def _format_table(result: QueryResult) -> str:
    header = list(result.variables)
    rows = [[_flat(cell) for cell in row] for row in result.rows]
    widths = [max(map(_width, column)) for column in zip(header, *rows)]
    lines = [_aligned(header, widths), "  ".join("-" * width for width in widths)]
    lines += [_aligned(row, widths) for row in rows]
    return "".join(line.rstrip() + "\n" for line in lines)


def _flat(cell: str | None) -> str:
    return "" if cell is None else " ".join(cell.split())


def _aligned(cells: list[str], widths: list[int]) -> str:
    return "  ".join(cell + " " * (width - _width(cell)) for cell, width in zip(cells, widths))


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal: CJK characters take two, combining marks none."""
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
        for char in text
    )


def _format_csv(result: QueryResult) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result.variables)
    writer.writerows(["" if cell is None else cell for cell in row] for row in result.rows)
    return out.getvalue()


_TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _format_tsv(result: QueryResult) -> str:
    rows = [result.variables, *result.rows]
    cells = (("" if c is None else c.translate(_TSV_ESCAPES) for c in row) for row in rows)
    return "".join("\t".join(row) + "\n" for row in cells)


def _format_json(result: QueryResult) -> str:
    if result.boolean is not None:
        document: dict[str, Any] = {"head": {}, "boolean": result.boolean}
    else:
        terms = result.terms or tuple(tuple(map(_plain_literal, row)) for row in result.rows)
        bindings = [_json_binding(result.variables, *pair) for pair in zip(terms, result.rows)]
        document = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _json_binding(
    variables: tuple[str, ...], terms: tuple[Term, ...], cells: tuple[str | None, ...]
) -> dict[str, dict[str, str]]:
    """One solution: unbound variables are left out, as the JSON results format says."""
    return {
        var: _json_term(term, cell)
        for var, term, cell in zip(variables, terms, cells)
        if term is not None
    }


def _plain_literal(cell: str | None) -> Term:
    return None if cell is None else Literal(cell)


def _json_term(term: Node, cell: str | None) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        # The same label as in the other formats, without its "_:".
        return {"type": "bnode", "value": (cell or "_:")[2:]}
    value: dict[str, str] = {"type": "literal", "value": str(term)}
    if isinstance(term, Literal) and term.language:
        value["xml:lang"] = term.language
    elif isinstance(term, Literal) and term.datatype:
        value["datatype"] = str(term.datatype)
    return value


_FORMATTERS: dict[str, Callable[[QueryResult], str]] = {
    "table": _format_table,
    "csv": _format_csv,
    "tsv": _format_tsv,
    "json": _format_json,
}

__all__ = [
    "GRAPH_FORMATS", "RESULT_FORMATS", "QueryResult", "format_result", "load_graph",
    "resolve_query", "run_graph_query", "run_query",
]
