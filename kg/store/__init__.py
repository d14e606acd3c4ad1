"""kg's persistent store (embedded Oxigraph) and its SPARQL 1.1 endpoint.

:class:`Store` keeps one named graph per report on disk, adds reports incrementally and in one
transaction each, and answers queries with pyoxigraph. :func:`build_into_store` builds reports
into it; :func:`open_graph` lets a command take a store folder wherever it takes a graph file.
The endpoint (``kg serve``) is in :mod:`kg.store.server`.

Importing this package does no work: pyoxigraph, rdflib and the pipeline load when first used,
so that ``kg``'s command line starts fast.
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

MARKER = "kg-store.json"  # the file that makes a folder a store

if TYPE_CHECKING:
    from rdflib import Dataset, Graph

    from kg.sparql import QueryResult
    from kg.store.build import StoreBuildResult, build_into_store
    from kg.store.oxigraph import Store, StoredReport


def is_store(path: Path | str) -> bool:
    """Whether ``path`` is a kg store folder (it holds the marker file)."""
    return (Path(path) / MARKER).is_file()


def open_graph(source: Path | str | Store) -> Dataset | Store:
    """What a command reads: a store folder opened read-only, or a graph file parsed by rdflib
    (:func:`kg.sparql.load_graph`). A store passes through."""
    from kg.store.oxigraph import Store

    if isinstance(source, Store):
        return source
    path = Path(source)
    if path.is_dir():
        if not is_store(path):
            from kg.errors import GraphLoadError

            raise GraphLoadError(path, f"is a folder but not a kg store (no {MARKER} in it); "
                                       "give a graph file or a store folder")
        return Store.open(path, read_only=True)
    from kg.sparql import load_graph

    return load_graph(path)


def as_dataset(data: Dataset | Graph | Store) -> Dataset | Graph:
    """An rdflib graph of ``data``: a store's quads copied out (for validation and exports)."""
    from kg.store.oxigraph import Store

    return data.dataset() if isinstance(data, Store) else data


def load_dataset(source: Path | str) -> Dataset | Graph:
    """The rdflib graph of a graph file or of a store folder (its quads copied out, the store
    closed again, so that its lock does not outlive the copy)."""
    data = open_graph(source)
    copy = as_dataset(data)
    if copy is not data:
        data.close()
    return copy


def run_query(data: Dataset | Graph | Store, query: str,
              bindings: Mapping[str, Any] | None = None) -> QueryResult:
    """:func:`kg.sparql.run_query` on a graph, :meth:`Store.query` on a store: the same answer."""
    from kg.store.oxigraph import Store

    if isinstance(data, Store):
        return data.query(query, bindings)
    from kg.sparql import run_query as run_on_graph

    return run_on_graph(data, query, bindings)


_LAZY = {"Store": "kg.store.oxigraph", "StoredReport": "kg.store.oxigraph",
         "build_into_store": "kg.store.build", "StoreBuildResult": "kg.store.build"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'kg.store' has no attribute {name!r}")


__all__ = [
    "MARKER", "Store", "StoreBuildResult", "StoredReport", "as_dataset", "build_into_store",
    "is_store", "load_dataset", "open_graph", "run_query",
]
