"""Validate a built graph against kg's SHACL shapes (``ontology/shapes.ttl``).

A graph that does not conform is a result, not an exception: :func:`validate` returns a
:class:`ValidationReport` listing every result as a :class:`Violation`, in a fixed order, with
prefixed names so that a line reads like the Turtle it is about. Only an unusable shapes file
raises (:class:`kg.errors.ShapesError`).

pySHACL runs without inference: RDFS inference is the slow part and the shapes target every
concrete class the builder asserts, so it is not needed. Results of severity ``sh:Warning`` or
``sh:Info`` are reported but do not make a graph non-conforming.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyshacl
from pyparsing import ParseBaseException
from pyshacl.errors import ReportableRuntimeError
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import NamespaceManager
from rdflib.term import Node

from kg.errors import ShapesError, one_line
from kg.namespaces import RDF, SH, bind_prefixes
from kg.resources import ontology_file

_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}
_PATH_SUFFIXES = ((SH.zeroOrMorePath, "*"), (SH.oneOrMorePath, "+"), (SH.zeroOrOnePath, "?"))


@dataclass(frozen=True)
class Violation:
    """One SHACL result: which node, which property, what is wrong.

    Nodes are written as prefixed names (``kgr:org/acme``, ``kg:locatedIn``) where a kg prefix
    fits, ``<...>`` otherwise. ``severity`` is ``Violation``, ``Warning`` or ``Info``; ``shape``
    names the node shape whose constraint failed; ``value`` is the offending value, if any.
    """

    focus: str
    path: str | None
    message: str
    severity: str
    shape: str
    value: str | None = None

    def format(self) -> str:
        """One readable line: ``focus path: message (value ...)``, severity when not a violation."""
        tag = "" if self.severity == "Violation" else f"[{self.severity}] "
        where = f"{self.focus} {self.path}" if self.path else self.focus
        value = f" (value: {self.value})" if self.value is not None else ""
        return f"{tag}{where}: {self.message}{value}"

    def __str__(self) -> str:
        return self.format()


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of :func:`validate`.

    ``text`` is a summary line followed by one line per violation; ``graph`` is pySHACL's
    validation report graph (``sh:ValidationReport``), for those who want to export it.
    """

    conforms: bool
    violations: tuple[Violation, ...]
    text: str
    graph: Graph | None = field(default=None, compare=False, repr=False)

    def __str__(self) -> str:
        return self.text


def validate(data: Graph | Dataset, shapes: Path | None = None) -> ValidationReport:
    """Validate ``data`` against kg's shapes, or against the shapes file ``shapes``.

    A :class:`~rdflib.Dataset` is validated on the union of its graphs, so that a fact in one
    named graph may rest on entities described in another. Raises
    :class:`~kg.errors.ShapesError` when the shapes file is missing, unparsable or holds no
    shapes.
    """
    shapes_graph = load_shapes(shapes)
    view = _union_view(data)
    conforms, report_graph, _ = _run_pyshacl(view, shapes_graph, shapes)
    names = _Names.for_data(view)
    violations = tuple(sorted(_violations(report_graph, shapes_graph, names), key=_sort_key))
    return ValidationReport(conforms, violations, _report_text(conforms, violations), report_graph)


class StreamingValidation:
    """Validation of a build that streams its reports into a store: the graphs are validated
    ``batch`` reports at a time, as they are built, so that validation holds at most one batch
    of graphs, not the corpus.

    Each batch is validated on the union of its graphs, as :func:`validate` validates a whole
    dataset: every constraint that one report's graph can break is checked (each report's
    graph describes every entity it names). What a batch cannot see is a conflict between
    reports of different batches (two reports giving a city two countries): ``kg validate`` on
    the store validates the union of every report, and finds those.
    """

    def __init__(self, shapes: Path | None = None, batch: int = 64) -> None:
        self.shapes = shapes
        self.batch = batch
        self.shapes_graph = load_shapes(shapes)  # a bad shapes file fails before the first report
        self._pending = Graph()
        self._count = 0
        self._conforms = True
        self._violations: set[Violation] = set()

    def add(self, graph: Graph) -> None:
        """Validate ``graph`` with the next batch (now, when the batch is full)."""
        self._pending.addN((s, p, o, self._pending) for s, p, o in graph)
        self._count += 1
        if self._count >= self.batch:
            self._flush()

    def result(self) -> ValidationReport:
        """The report of every graph added, as :func:`validate` words it (no report graph)."""
        self._flush()
        violations = tuple(sorted(self._violations, key=_sort_key))
        return ValidationReport(self._conforms, violations, _report_text(self._conforms, violations))

    def _flush(self) -> None:
        if not self._count:
            return
        data, self._pending, self._count = self._pending, Graph(), 0
        conforms, report_graph, _ = _run_pyshacl(data, self.shapes_graph, self.shapes)
        self._conforms &= conforms
        self._violations.update(_violations(report_graph, self.shapes_graph, _Names.for_data(data)))


def load_shapes(shapes: Path | None = None) -> Graph:
    """The parsed shapes graph: kg's bundled shapes, or those of the file ``shapes``.

    Parsed graphs are cached (a file is re-read when it changes); treat the result as read-only.
    """
    if shapes is None:
        return _bundled_shapes()
    path = Path(shapes)
    try:
        stat = path.stat()
    except OSError as error:
        raise ShapesError(f"{path}: cannot read shapes file: {error.strerror}") from None
    return _shapes_file(str(path.resolve()), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=1)
def _bundled_shapes() -> Graph:
    source = ontology_file("shapes.ttl")
    try:
        text = source.read_text(encoding="utf-8")
    except OSError as error:
        raise ShapesError(f"{source}: cannot read bundled shapes: {error.strerror}") from None
    return _parse_shapes(text, str(source))


@lru_cache(maxsize=8)
def _shapes_file(path: str, mtime_ns: int, size: int) -> Graph:
    # mtime and size are part of the cache key only, so that an edited file is parsed again.
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ShapesError(f"{path}: cannot read shapes file: {one_line(error, 300)}") from None
    return _parse_shapes(text, path)


def _parse_shapes(text: str, name: str) -> Graph:
    fmt = "json-ld" if name.endswith((".jsonld", ".json")) else "turtle"
    try:
        graph = Graph().parse(data=text, format=fmt)
    except Exception as error:  # rdflib raises many unrelated types for bad syntax
        raise ShapesError(f"{name}: not valid {fmt}: {one_line(error, 300)}") from None
    if not any(graph.subjects(SH.property, None)) and not any(graph.subjects(SH.path, None)):
        raise ShapesError(f"{name}: holds no SHACL shapes (no sh:property, no sh:path)")
    return graph


def _run_pyshacl(data: Graph, shapes_graph: Graph, shapes: Path | None) -> tuple[bool, Graph, str]:
    # advanced: SHACL-AF, for the SPARQL targets of shapes.ttl. In place: no copy of the data
    # graph, which is safe as long as no sh:rule could write to it.
    in_place = (None, SH.rule, None) not in shapes_graph
    try:
        return pyshacl.validate(
            data, shacl_graph=shapes_graph, inference="none", advanced=True, inplace=in_place,
            allow_warnings=True, allow_infos=True,
        )
    except ReportableRuntimeError as error:  # ShapeLoadError, ConstraintLoadError, ...
        raise ShapesError(f"{shapes or 'shapes.ttl'}: invalid SHACL: {one_line(error, 300)}") from None
    except ParseBaseException as error:  # the SPARQL of an sh:select
        raise ShapesError(f"{shapes or 'shapes.ttl'}: invalid SPARQL: {one_line(error, 300)}") from None


def _union_view(data: Graph | Dataset) -> Graph:
    """The graph to validate: a multi-graph store is seen as the union of its graphs.

    Copied into one plain graph: pySHACL would switch ``default_union`` on the caller's own
    Dataset, and rdflib's union view warns (DeprecationWarning) on every triple lookup, which
    costs more than the copy.
    """
    if not data.context_aware:  # a plain Graph
        return data
    union = Graph()
    union.addN((s, p, o, union) for s, p, o, _ in data.quads((None, None, None, None)))
    return union


@dataclass(frozen=True)
class _Names:
    """How nodes are written: prefixed names, and blank nodes by the triple that points at them."""

    manager: NamespaceManager
    prefixes: tuple[tuple[str, str], ...]  # (namespace, prefix), longest namespace first
    data: Graph

    @classmethod
    def for_data(cls, data: Graph) -> _Names:
        manager = bind_prefixes(Graph()).namespace_manager
        pairs = sorted((str(ns), p) for p, ns in manager.namespaces() if p)
        return cls(manager, tuple(sorted(pairs, key=lambda pair: -len(pair[0]))), data)


def _violations(report: Graph, shapes: Graph, names: _Names) -> Iterator[Violation]:
    for result in report.objects(None, SH.result):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        value = report.value(result, SH.value)
        if value == focus:  # SPARQL constraints report the focus node itself as the value
            value = None
        yield Violation(
            focus=_name(focus, names),
            path=None if path is None else _path_name(report, path, names),
            message=_message(report, result),
            severity=_local_name(report.value(result, SH.resultSeverity)) or "Violation",
            shape=_shape_name(report.value(result, SH.sourceShape), shapes, names),
            value=None if value is None else _name(value, names),
        )


def _message(report: Graph, result: Node) -> str:
    messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
    if messages:
        return messages[0]
    component = _local_name(report.value(result, SH.sourceConstraintComponent))
    return f"fails {component or 'a constraint'}"


def _name(node: Node | None, names: _Names) -> str:
    if node is None:
        return "?"
    if isinstance(node, URIRef):
        return _curie(node, names)
    if isinstance(node, Literal):
        return node.n3(names.manager)
    return _blank_name(node, names)


def _blank_name(node: Node, names: _Names) -> str:
    """``[kgr:... kg:amount]``: a blank node named by a subject and predicate pointing at it.

    Blank node labels change from one parse to the next; the triple that holds the node does
    not, so the line stays readable and the order of violations stays the same.
    """
    holders = sorted(
        (_curie(s, names), _curie(p, names))
        for s, p in names.data.subject_predicates(node)
        if isinstance(s, URIRef)
    )
    return f"[{holders[0][0]} {holders[0][1]}]" if holders else f"_:{node}"


def _curie(iri: Node, names: _Names) -> str:
    # Longest namespace wins, and the local part may hold "/": kgr:org/acme reads better than
    # the full IRI, even though Turtle would want kgr:org\/acme.
    text = str(iri)
    for namespace, prefix in names.prefixes:
        if text.startswith(namespace) and len(text) > len(namespace):
            return f"{prefix}:{text[len(namespace):]}"
    return f"<{text}>"


def _path_name(graph: Graph, path: Node, names: _Names) -> str:
    """A SHACL property path in SPARQL syntax: ``kg:locatedIn``, ``^kg:hasSite``, ``a/b``."""
    if isinstance(path, URIRef):
        return _curie(path, names)
    inverse = graph.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + _path_name(graph, inverse, names)
    alternatives = graph.value(path, SH.alternativePath)
    if alternatives is not None:
        options = (_path_name(graph, p, names) for p in Collection(graph, alternatives))
        return "(" + "|".join(options) + ")"
    for predicate, suffix in _PATH_SUFFIXES:
        inner = graph.value(path, predicate)
        if inner is not None:
            return _path_name(graph, inner, names) + suffix
    if graph.value(path, RDF.first) is not None:  # a sequence path is an RDF list
        return "/".join(_path_name(graph, p, names) for p in Collection(graph, path))
    return "?"


def _shape_name(shape: Node | None, shapes: Graph, names: _Names) -> str:
    """The shape's name; for an anonymous property shape, the node shape that holds it."""
    if isinstance(shape, BNode):
        owners = sorted(s for s in shapes.subjects(SH.property, shape) if isinstance(s, URIRef))
        return _name(owners[0], names) if owners else "_:anonymous"
    return _name(shape, names)


def _local_name(node: Node | None) -> str | None:
    if node is None:
        return None
    text = str(node)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _sort_key(v: Violation) -> tuple[int, str, str, str, str, str]:
    return (_SEVERITY_ORDER.get(v.severity, 3), v.focus, v.path or "", v.message, v.shape,
            v.value or "")


def _report_text(conforms: bool, violations: tuple[Violation, ...]) -> str:
    counts: dict[str, int] = {}
    for v in violations:
        counts[v.severity] = counts.get(v.severity, 0) + 1
    tally = ", ".join(f"{n} {s.lower()}{'s' if n > 1 else ''}" for s, n in counts.items())
    head = ("Conforms" if conforms else "Does not conform") + (f": {tally}" if tally else "")
    return "\n".join([head, *(v.format() for v in violations)])
