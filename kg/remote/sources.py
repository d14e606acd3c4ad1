"""What ``kg push`` sends: the named graphs of a graph file, a store, or a built dataset.

Every source is opened as a pyoxigraph store (a file is bulk-loaded into one in memory, a kg
store folder is opened read-only through :mod:`kg.store`, which takes its reader's lock; an
rdflib dataset is copied in through N-Quads), so that there is
one way to list graphs and to cut them into N-Triples bodies: pyoxigraph parses and serializes
about 40 times faster than rdflib. Only named graphs are pushed: kg gives each report its own,
and a triples-only file (Turtle, N-Triples) has lost which report a triple came from.
"""
from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from kg.errors import GraphLoadError

QUAD_FORMATS = {".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS}
TRIPLE_SUFFIXES = (".ttl", ".turtle", ".nt", ".jsonld", ".json", ".rdf", ".xml")


@dataclass(frozen=True)
class NamedGraph:
    """One named graph of a source, to be cut into N-Triples bodies."""

    store: ox.Store
    iri: str

    def bodies(self, size: int) -> Iterator[tuple[bytes, int]]:
        """The graph as N-Triples bodies of at most ``size`` triples each, with their counts."""
        quads = self.store.quads_for_pattern(None, None, None, ox.NamedNode(self.iri))
        while chunk := [quad.triple for quad in islice(quads, size)]:
            yield ox.serialize(chunk, format=ox.RdfFormat.N_TRIPLES), len(chunk)


@contextmanager
def opened(source: Path | str | Dataset) -> Iterator[tuple[ox.Store, list[NamedGraph]]]:
    """A pyoxigraph store holding ``source`` (a .trig / .nq file, a kg store folder kept open
    read-only until the block ends, or a dataset) and its graphs to push, sorted by IRI."""
    if isinstance(source, Dataset):
        store = _copy(source)
        yield store, named_graphs(store)
    elif Path(source).is_dir():
        from kg.store import Store, is_store

        if not is_store(source):
            raise GraphLoadError(Path(source), "is a folder but not a kg store; push a .trig or .nq file, or a store")
        with Store.open(source, read_only=True) as kept:
            # Its report graphs only: the store's manifest graph is its own business.
            yield kept.ox, [NamedGraph(kept.ox, iri) for iri in kept.graph_names()]
    else:
        store = _load_file(Path(source))
        yield store, named_graphs(store)


def named_graphs(store: ox.Store) -> list[NamedGraph]:
    """The named graphs of a store, sorted by IRI (blank-node graph names are skipped)."""
    iris = sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
    return [NamedGraph(store, iri) for iri in iris]


def _copy(dataset: Dataset) -> ox.Store:
    with warnings.catch_warnings():  # rdflib's N-Quads writer uses its own deprecated API
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"rdflib\.")
        quads = dataset.serialize(format="nquads", encoding="utf-8")
    store = ox.Store()
    store.bulk_load(quads, format=ox.RdfFormat.N_QUADS)
    return store


def _load_file(path: Path) -> ox.Store:
    if not path.exists():
        raise GraphLoadError(path, "no such file or store folder")
    suffix = path.suffix.lower()
    if suffix in TRIPLE_SUFFIXES:
        raise GraphLoadError(path, f"a {suffix} file has no named graphs, so no graph per report: "
                                   "build to .trig or .nq, or push the store")
    if suffix not in QUAD_FORMATS:
        raise GraphLoadError(path, f"unknown graph format {suffix!r}; push a .trig or .nq file, or a store folder")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=QUAD_FORMATS[suffix])
    except (SyntaxError, ValueError, OSError) as exc:
        raise GraphLoadError(path, f"invalid {suffix[1:]}: {' '.join(str(exc).split())[:200]}") from None
    return store
