"""Pushing kg's graphs to a SPARQL 1.1 store, one named graph per report, and checking them.

Each named graph is sent with a Graph Store Protocol ``PUT`` (``?graph=<report graph IRI>``),
which replaces whatever the remote graph held: pushing twice leaves one copy. ``INSERT DATA``
is not used: Virtuoso refuses it past about 1,000 triples a request. A graph larger than one
request's worth goes as a PUT of its first chunk and POSTs of the others.

A changed report gets a new content hash, hence a new graph IRI; the graph of its previous
version would stay behind on the remote store. So before pushing, the remote store is asked for
report graphs that describe a report of the same file name (``kg:fileName``) under another IRI:
those are older versions, dropped once the new ones are in (never before, so a failed push
loses nothing).

Afterwards every pushed graph is counted on the remote store (one ``GROUP BY`` query per batch
of graphs, each graph named: Virtuoso's default graph holds its own system graphs) and a count
that differs from what was sent is an error.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from kg.errors import GraphLoadError
from kg.namespaces import KG
from kg.remote.gsp import GraphStoreClient, Remote, RemoteError
from kg.remote.sources import NamedGraph, opened

CHUNK_TRIPLES = 50_000  # triples a request; a report's graph is a few hundred to a few thousand
BATCH = 100  # graphs (or file names) a verification query names: keeps queries short and answers
#              far below Virtuoso's 10,000-row limit

_REPORTS = f"GRAPH ?g {{ ?report a <{KG.Report}> ; <{KG.fileName}> ?name }}"  # a report graph, its file


@dataclass(frozen=True)
class PushResult:
    """What a push did: the graphs sent, their triples, the older report versions dropped."""

    graphs: tuple[str, ...]
    triples: int
    replaced: tuple[str, ...]


def push(source: Path | str | Dataset, remote: Remote, *, chunk_triples: int = CHUNK_TRIPLES,
         on_graph: Callable[[str], None] | None = None) -> PushResult:
    """Push every named graph of ``source`` (a .trig / .nq file, a store folder, or a built
    dataset) to ``remote``, drop older versions of the same reports, and check the counts.

    Raises :class:`~kg.remote.gsp.RemoteError` when the store cannot be reached, refuses a
    request, or does not hold afterwards what was sent.
    """
    with opened(source) as (store, graphs):
        if not graphs:
            name = Path("<dataset>") if isinstance(source, Dataset) else Path(source)
            raise GraphLoadError(name, "holds no named graph to push")
        client = GraphStoreClient(remote)
        try:
            stale = older_versions(client, store, {g.iri for g in graphs})
            sent = {graph.iri: upload(client, graph, chunk_triples, on_graph) for graph in graphs}
            for iri in stale:  # only once the new versions are in: a failed push loses nothing
                client.delete(iri)
            verify(client, sent | {iri: 0 for iri in stale})
        finally:
            client.close()
    return PushResult(tuple(sent), sum(sent.values()), tuple(stale))


def upload(client: GraphStoreClient, graph: NamedGraph, chunk_triples: int,
           on_graph: Callable[[str], None] | None = None) -> int:
    """Replace the remote graph with ``graph``, in as few requests as the chunk size allows;
    the number of triples sent."""
    total = 0
    for body, count in graph.bodies(chunk_triples):
        (client.post if total else client.put)(graph.iri, body)
        total += count
    if on_graph is not None:
        on_graph(graph.iri)
    return total


def older_versions(client: GraphStoreClient, store: ox.Store, pushed: set[str]) -> list[str]:
    """Remote report graphs that are not being pushed but hold a report of a file being pushed."""
    local = store.query(f"SELECT ?g ?name WHERE {{ {_REPORTS} }}")
    names = sorted({row["name"].value for row in local if row["g"].value in pushed})
    stale: set[str] = set()
    for batch in _batches(names, BATCH):
        # Terms written by pyoxigraph (N-Triples syntax, escaped): no value is pasted as text.
        values = " ".join(str(ox.Literal(name)) for name in batch)
        rows = client.select(f"SELECT ?g ?name WHERE {{ VALUES ?name {{ {values} }} {_REPORTS} }}")
        stale.update(row["g"] for row in rows if row["g"] not in pushed)
    return sorted(stale)


def verify(client: GraphStoreClient, expected: dict[str, int]) -> None:
    """Count the triples of each graph on the remote store; fail on the first difference."""
    wrong: list[str] = []
    for batch in _batches(sorted(expected), BATCH):
        values = " ".join(str(ox.NamedNode(iri)) for iri in batch)
        rows = client.select(f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} "
                             "GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        found = {row["g"]: int(row["n"]) for row in rows}
        wrong.extend(f"<{iri}> holds {found.get(iri, 0)} triples, expected {expected[iri]}"
                     for iri in batch if found.get(iri, 0) != expected[iri])
    if wrong:
        more = f" (and {len(wrong) - 1} more graphs)" if len(wrong) > 1 else ""
        raise RemoteError(f"{client.remote.endpoint}: count mismatch after push: {wrong[0]}{more}")


def _batches(items: Iterable[str], size: int) -> Iterator[list[str]]:
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start:start + size]
