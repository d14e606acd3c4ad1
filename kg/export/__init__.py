"""Writing graphs to files, atomically, in the format their suffix names.

A single-graph format (Turtle, N-Triples, JSON-LD, RDF/XML) gets the union of a dataset's
graphs; a quad format (TriG, N-Quads) keeps one named graph per report. Files are written to a
temporary file beside the target and renamed over it, so a reader never sees half a graph and a
failed write leaves the old file as it was.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph

from kg.errors import KgError
from kg.namespaces import bind_prefixes

FORMATS: dict[str, tuple[str, bool]] = {  # suffix -> (rdflib format, keeps named graphs)
    ".ttl": ("turtle", False),
    ".turtle": ("turtle", False),
    ".nt": ("nt", False),
    ".jsonld": ("json-ld", False),
    ".json": ("json-ld", False),
    ".rdf": ("xml", False),
    ".xml": ("xml", False),
    ".trig": ("trig", True),
    ".nq": ("nquads", True),
}


def format_for(path: Path) -> tuple[str, bool]:
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise KgError(f"{path}: unknown graph format {path.suffix or '(no suffix)'!r}; use one of {known}") from None


def union(dataset: Dataset) -> Graph:
    """All triples of all graphs of a dataset, in one graph."""
    merged = bind_prefixes(Graph())
    for graph in dataset.graphs():
        for triple in graph:
            merged.add(triple)
    return merged


def serialize(dataset: Dataset, fmt: str, named: bool) -> bytes:
    if named:
        return dataset.serialize(format=fmt, encoding="utf-8")
    return union(dataset).serialize(format=fmt, encoding="utf-8")


def write_graph(dataset: Dataset, path: Path | str) -> Path:
    """Write ``dataset`` to ``path`` in the format of its suffix, atomically."""
    path = Path(path)
    fmt, named = format_for(path)
    data = serialize(dataset, fmt, named)
    write_atomic(path, data)
    return path


def write_atomic(path: Path, data: bytes) -> None:
    """Write bytes to ``path`` through a temporary file renamed over it."""
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise KgError(f"{path}: the folder {directory} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
