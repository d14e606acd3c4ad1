"""Writing graphs to files, atomically, in the format their suffix names.

A single-graph format (Turtle, N-Triples, JSON-LD, RDF/XML) gets the union of a dataset's
graphs; a quad format (TriG, N-Quads) keeps one named graph per report. Files are written to a
temporary file beside the target and renamed over it, so a reader never sees half a graph and a
failed write leaves the old file as it was.

The same dataset always gives the same bytes, whatever ``PYTHONHASHSEED``: rdflib's Turtle
writer sorts subjects, predicates and objects, but its TriG writer emits named graphs in the
order of a set, and its N-Triples and N-Quads writers in the store's order. Named graphs are
sorted here, and line-based formats are written one statement a line in sorted order.

A graph read back is the graph written, literal for literal: rdflib's Turtle and TriG writers
abbreviate numbers in ways that change their lexical form (the decimal ``120000`` comes back as
``120000.0``, the double ``47.24878`` as ``4.724878e+01``), and the facts view prints lexical
forms. Here a number is abbreviated only when its abbreviation is its lexical form.
"""
from __future__ import annotations

import os
import secrets
import warnings
from io import BytesIO
from pathlib import Path

from rdflib import Dataset, Graph, Literal
from rdflib.plugins.serializers.trig import TrigSerializer
from rdflib.plugins.serializers.turtle import TurtleSerializer
from rdflib.term import Node

from kg.errors import KgError
from kg.namespaces import XSD, bind_prefixes

# The suffixes kg.sparql.load_graph reads back.
FORMATS: dict[str, tuple[str, bool]] = {  # suffix -> (rdflib format, keeps named graphs)
    ".ttl": ("turtle", False),
    ".nt": ("nt", False),
    ".jsonld": ("json-ld", False),
    ".rdf": ("xml", False),
    ".xml": ("xml", False),
    ".trig": ("trig", True),
    ".nq": ("nquads", True),
}
LINE_FORMATS = ("nt", "nquads")  # one statement a line: sorting the lines loses nothing
ABBREVIATED_TYPES = (XSD.integer, XSD.decimal, XSD.double, XSD.boolean)  # Turtle's bare literals


def format_for(path: Path) -> tuple[str, bool]:
    """The rdflib format of a graph file's suffix and whether it keeps named graphs."""
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise KgError(f"{path}: unknown graph format {path.suffix or '(no suffix)'!r}; use one of {known}") from None


def check_target(path: Path | str) -> Path:
    """Fail before any work when ``path`` cannot be written: an unknown suffix, a missing folder,
    a folder in its place."""
    path = Path(path)
    format_for(path)
    _folder_of(path)
    if path.is_dir():
        raise KgError(f"{path}: is a folder; give the path of a graph file to write")
    return path


def union(dataset: Dataset) -> Graph:
    """All triples of all graphs of a dataset, in one graph.

    Added in sorted order: writers that follow the store's order (RDF/XML, JSON-LD) then write
    the same bytes every run, since rdflib's memory store keeps the order triples came in.
    """
    triples = {triple for graph in dataset.graphs() for triple in graph}
    merged = bind_prefixes(Graph())
    # By their N-Triples form: terms of different kinds, or numbers of equal value, do not
    # compare in an order of their own.
    for triple in sorted(triples, key=lambda triple: tuple(term.n3() for term in triple)):
        merged.add(triple)
    return merged


def serialize(dataset: Dataset, fmt: str, named: bool) -> bytes:
    """The bytes of ``dataset`` in rdflib format ``fmt``; the same dataset gives the same bytes."""
    with warnings.catch_warnings():
        # rdflib 7's writers call its own deprecated Dataset API (contexts, default_context):
        # nothing kg's users can act on.
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"rdflib\.")
        if fmt == "trig":
            return _write(ExactTrigSerializer(dataset))
        if fmt == "turtle":
            return _write(ExactTurtleSerializer(union(dataset)))
        data = (dataset if named else union(dataset)).serialize(format=fmt, encoding="utf-8")
    if fmt in LINE_FORMATS:
        lines = sorted(line for line in data.split(b"\n") if line.strip())
        data = b"".join(line + b"\n" for line in lines)
    return data


class _ExactLiterals:
    """Turtle-family writers that abbreviate a number only when that keeps its lexical form."""

    def label(self, node: Node, position: int) -> str:
        if (isinstance(node, Literal) and node.datatype in ABBREVIATED_TYPES
                and node._literal_n3(use_plain=True) != str(node)):
            # rdflib's own method, as its writer calls it, asked for the long form.
            return node._literal_n3(use_plain=False, qname_callback=self._datatype_name)
        return super().label(node, position)  # type: ignore[misc]

    def _datatype_name(self, datatype: str) -> str | None:
        return self.get_pname(datatype, False)  # type: ignore[attr-defined]


class ExactTurtleSerializer(_ExactLiterals, TurtleSerializer):
    """rdflib's Turtle writer, numbers kept as written."""


class ExactTrigSerializer(_ExactLiterals, TrigSerializer):
    """rdflib's TriG writer, numbers kept as written, named graphs in the order of their names."""

    def __init__(self, store: Dataset) -> None:
        super().__init__(store)
        # The default graph last, as rdflib writes it; named graphs by name, not in set order.
        default = self.default_context
        self.contexts.sort(key=lambda graph: (graph.identifier == default, str(graph.identifier)))


def _write(serializer: TurtleSerializer) -> bytes:
    out = BytesIO()
    serializer.serialize(out, encoding="utf-8")
    return out.getvalue()


def write_graph(dataset: Dataset, path: Path | str) -> Path:
    """Write ``dataset`` to ``path`` in the format of its suffix, atomically."""
    path = Path(path)
    fmt, named = format_for(path)
    data = serialize(dataset, fmt, named)
    write_atomic(path, data)
    return path


def write_atomic(path: Path, data: bytes) -> None:
    """Write bytes to ``path`` through a temporary file renamed over it."""
    # Not tempfile.mkstemp: its files are private (0600) and the graph would keep that mode;
    # open() gives the temporary file the mode any new file gets (0666 less the umask).
    tmp = _folder_of(path) / f".{path.name}.{secrets.token_hex(8)}.tmp"
    try:
        with open(tmp, "xb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _folder_of(path: Path) -> Path:
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise KgError(f"{path}: the folder {directory} does not exist")
    return directory
