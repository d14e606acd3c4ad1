"""kg's persistent store: an embedded Oxigraph database (RocksDB) on disk, one named graph per report.

A store is a folder holding a marker file, ``kg-store.json``, and the database in ``oxigraph/``.
What the database holds:

- each report's graph, named ``kgr:report/<hash16>`` as in a built dataset;
- the default graph: the merge of all report graphs (each triple once), kept up to date with
  them. Oxigraph's "union default graph" is a bag, not a merge: a triple stated by a hundred
  reports (an entity's type, its label) would match a hundred times, and a join of two such
  patterns ten thousand times, where rdflib, like RDF's merge, gives one. Queries run on this
  default graph, so they answer as on a graph file, and faster than over a union;
- a manifest, in the graph ``kgr:store/manifest``: one entry per report file,
  ``<graph> kg:fileName "acme-lyon.fr.txt" ; kg:contentHash "<sha256>"`` (the same two triples
  are in the report's own graph). It lives in the database, so it survives restarts and
  changes in the same transaction as the report it describes.

Adding a report is one SPARQL update, which Oxigraph applies in one RocksDB transaction (all of
it or nothing): the graph of the file's previous version goes, with its triples that no other
report states from the merge; the new graph and its triples come in; the manifest follows. A
process killed during it leaves the store as it was before that report.

Oxigraph stores typed literals by value, so literals read back out (exports, validation) pass
through :class:`kg.store.terms.Restorer`, which puts back what kg wrote.

Concurrency: a process writing a store holds an exclusive lock on its marker file, readers a
shared one (``flock``, released when a process dies). RocksDB lets one process write, and
reading while another writes is undefined behaviour in Oxigraph, so a reader waits for no
build: it fails at once with a message saying so.
"""
from __future__ import annotations

import fcntl
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import pyoxigraph as ox
from rdflib import Dataset, Graph

from kg.errors import GraphLoadError, KgError, QueryError, one_line
from kg.export import check_target, write_atomic, write_graph
from kg.namespaces import KG, KGR, PREFIXES, bind_prefixes
from kg.sparql import QueryResult, _ask_result, _init_bindings, _prepare, _Renderer
from kg.store import MARKER, is_store
from kg.store.terms import OxCache, Restorer, TermCache, to_ox

if TYPE_CHECKING:
    from kg.read import Report

DATABASE = "oxigraph"
FORMAT = {"format": "kg-store", "version": 1, "engine": "oxigraph"}
FILE_NAME, CONTENT_HASH = ox.NamedNode(str(KG.fileName)), ox.NamedNode(str(KG.contentHash))
MANIFEST = ox.NamedNode(str(KGR["store/manifest"]))
MERGE = ox.DefaultGraph()

# Graph files a store can be made from, for ``kg serve --graph`` (pyoxigraph parses them).
FILE_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS,
                ".nt": ox.RdfFormat.N_TRIPLES, ".jsonld": ox.RdfFormat.JSON_LD,
                ".rdf": ox.RdfFormat.RDF_XML, ".xml": ox.RdfFormat.RDF_XML}


@dataclass(frozen=True, order=True)
class StoredReport:
    """One entry of the manifest: a report file the store holds, and the graph of its facts."""

    file_name: str
    content_hash: str
    graph: str  # the graph's IRI, that of the report node too


class Store:
    """A kg store: report graphs in pyoxigraph, on disk (:meth:`open`) or in memory.

    ``ox`` is the pyoxigraph store underneath, for fast reads (the endpoint serializes from
    it); write through :meth:`add_report` only, which keeps graphs and manifest together.
    """

    def __init__(self, store: ox.Store, *, path: Path | None = None, lock: IO[bytes] | None = None,
                 read_only: bool = False, managed: bool = True, triples_only: bool = False) -> None:
        self.ox = store
        self.path = path
        self.read_only = read_only
        self.managed = managed  # False: loaded from a graph file, without a manifest
        self._triples_only = triples_only  # a file of triples: its data is the default graph
        self._lock = lock

    # --- opening -----------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, *, read_only: bool = False) -> Store:
        """The store in folder ``path``, created when the folder is missing or empty (unless
        ``read_only``). Raises :class:`GraphLoadError` when it is something else, or in use."""
        path = Path(path)
        if path.exists() and not path.is_dir():
            raise GraphLoadError(path, "is a file, not a store folder")
        if not is_store(path):
            _create(path, read_only)
        _check_marker(path)
        lock = _lock(path, exclusive=not read_only)
        try:
            return cls(_open_database(path, read_only), path=path, lock=lock, read_only=read_only)
        except BaseException:
            lock.close()
            raise

    @classmethod
    def in_memory(cls) -> Store:
        """An empty store in memory, gone when dropped."""
        return cls(ox.Store())

    @classmethod
    def from_file(cls, path: Path | str) -> Store:
        """A store in memory holding graph file ``path`` (its named graphs stay named)."""
        path = Path(path)
        if not path.is_file():
            raise GraphLoadError(path, "no such file" if not path.exists() else "not a file")
        fmt = FILE_FORMATS.get(path.suffix.lower())
        if fmt is None:
            raise GraphLoadError(path, f"unknown graph format {path.suffix!r}; expected one of {', '.join(FILE_FORMATS)}")
        store = ox.Store()
        try:
            store.bulk_load(path=str(path), format=fmt)
        except (SyntaxError, ValueError, OSError) as exc:
            raise GraphLoadError(path, f"invalid {path.suffix[1:]}: {one_line(exc)}") from None
        triples_only = not any(True for _ in store.named_graphs())
        store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")  # the merge
        return cls(store, path=path, read_only=True, managed=False, triples_only=triples_only)

    def close(self) -> None:
        """Release the database and the lock (the store is unusable afterwards)."""
        if self.ox is not None and self.path is not None and not self.read_only:
            # Memtables to SST files: else every read-only open replays the write-ahead log,
            # seconds for a large build (2 s for 90,000 quads here), in each endpoint worker.
            self.ox.flush()
        self.ox = None  # type: ignore[assignment]  # RocksDB closes with its last reference
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def flush(self) -> None:
        """Write RocksDB's in-memory tables to disk and free them. RocksDB fills a table of
        64 MB for each of Oxigraph's indexes before it writes one on its own: a long build
        that flushes now and then keeps its memory flat instead."""
        if self.path is not None and not self.read_only:
            self.ox.flush()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path) if self.path else 'in memory'!r})"

    # --- reports -----------------------------------------------------------------------------

    def has_report(self, file_name: str, content_hash: str) -> bool:
        """Whether the store holds the report ``file_name`` with exactly this content."""
        return self.stored_hash(file_name) == content_hash

    def stored_hash(self, file_name: str) -> str | None:
        """The content hash of the report ``file_name`` in the store, or None."""
        for quad in self.ox.quads_for_pattern(None, FILE_NAME, ox.Literal(file_name), MANIFEST):
            for hashed in self.ox.quads_for_pattern(quad.subject, CONTENT_HASH, None, MANIFEST):
                return hashed.object.value
        return None

    def reports(self) -> list[StoredReport]:
        """Every report the store holds, by file name."""
        found = []
        for quad in self.ox.quads_for_pattern(None, FILE_NAME, None, MANIFEST):
            for hashed in self.ox.quads_for_pattern(quad.subject, CONTENT_HASH, None, MANIFEST):
                found.append(StoredReport(quad.object.value, hashed.object.value, quad.subject.value))
        return sorted(found)

    def file_with(self, content_hash: str) -> str | None:
        """The file name under which the store holds a report of this content, or None."""
        for quad in self.ox.quads_for_pattern(None, CONTENT_HASH, ox.Literal(content_hash), MANIFEST):
            for named in self.ox.quads_for_pattern(quad.subject, FILE_NAME, None, MANIFEST):
                return named.object.value
        return None

    def add_report(self, report: Report, graph: Graph) -> None:
        """Put one report's graph in the store, in one transaction: the graph of the same file
        name's previous version goes, the new one comes in, the merge and the manifest follow.

        The same text under another file name is refused (KgError), as a build builds it once:
        a report's graph names one file.
        """
        from kg.graph.iris import report_iri  # imports kg.extract, hence spaCy: not in the endpoint

        name, iri = report.path.name, str(report_iri(report.content_hash))
        if self.read_only:
            raise KgError(f"{self}: opened read-only; cannot add {name}")
        holder = self.file_with(report.content_hash)
        if holder not in (None, name):
            raise KgError(f"{report.path}: same text as {holder}, already in the store; built once")
        term = OxCache()
        data = _ntriples([ox.Triple(term(s), term(p), term(o)) for s, p, o in graph])
        entry = _ntriples([ox.Triple(ox.NamedNode(iri), FILE_NAME, ox.Literal(name)),
                           ox.Triple(ox.NamedNode(iri), CONTENT_HASH, ox.Literal(report.content_hash))])
        steps = self._forget(name)
        steps.append(f"INSERT DATA {{ GRAPH <{iri}> {{ {data} }} {data} GRAPH {MANIFEST} {{ {entry} }} }}")
        try:
            self.ox.update(" ;\n".join(steps))
        except (OSError, RuntimeError, SyntaxError) as exc:
            raise KgError(f"{self}: cannot add {name}: {one_line(exc)}") from None

    def remove_report(self, file_name: str) -> bool:
        """Take the report ``file_name`` out of the store, in one transaction; whether it was there."""
        if self.read_only:
            raise KgError(f"{self}: opened read-only; cannot remove {file_name}")
        steps = self._forget(file_name)
        if steps:
            self.ox.update(" ;\n".join(steps))
        return bool(steps)

    def _forget(self, name: str) -> list[str]:
        """The update steps that take file ``name`` out of the store: its manifest entry, its
        graph, and the triples of its graph that no other report states from the merge."""
        steps = []
        for quad in list(self.ox.quads_for_pattern(None, FILE_NAME, ox.Literal(name), MANIFEST)):
            graph = quad.subject
            entry = _ntriples([q.triple for q in self.ox.quads_for_pattern(graph, None, None, MANIFEST)])
            steps.append(f"DELETE DATA {{ GRAPH {MANIFEST} {{ {entry} }} }}")
            steps.append(_unmerge(graph))
            steps.append(f"DROP SILENT GRAPH {graph}")
        return steps

    # --- reading -----------------------------------------------------------------------------

    def graph_names(self) -> list[str]:
        """The IRIs of the store's report graphs (named graphs but the manifest), sorted."""
        return sorted(g.value for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode) and g != MANIFEST)

    def quads(self) -> Iterator[ox.Quad]:
        """The store's data as Oxigraph keeps it: the report graphs (a file of triples: its
        default graph), without the merge and the manifest."""
        if self._triples_only:
            yield from self.ox.quads_for_pattern(None, None, None, MERGE)
            return
        for graph in sorted(self.ox.named_graphs(), key=str):
            if graph != MANIFEST:
                yield from self.ox.quads_for_pattern(None, None, None, graph)

    def graph_quads(self, iri: str) -> Iterator[ox.Quad]:
        """The quads of one report graph, literals as kg wrote them (for copying it elsewhere)."""
        return map(Restorer(), self.ox.quads_for_pattern(None, None, None, ox.NamedNode(iri)))

    def __len__(self) -> int:
        """The number of quads of data (the merge and the manifest not counted)."""
        where = ("{ ?s ?p ?o }" if self._triples_only
                 else f"{{ GRAPH ?g {{ ?s ?p ?o }} FILTER (?g != {MANIFEST}) }}")
        (count,), = self.ox.query(f"SELECT (COUNT(*) AS ?n) WHERE {where}")  # counted in Rust
        return int(count.value)

    def query(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> QueryResult:
        """Run a SELECT or ASK query over the merge of the store's graphs, as
        :func:`kg.sparql.run_query` does over a graph file: same prefixes, same bindings, same
        errors and the same rendering of every cell; only the engine differs.

        Bindings become pyoxigraph substitutions, which only take variables the query
        projects (``SELECT *`` projects them all).
        """
        prepared, declared = _prepare(sparql, PREFIX_GRAPH)
        kind = prepared.algebra.name
        if kind in ("ConstructQuery", "DescribeQuery"):
            raise QueryError(f"a {kind[:-5].upper()} query answers with a graph, not a table; "
                             "run it on the endpoint (kg serve)")
        answer = self._run(sparql, substitutions=_substitutions(bindings, prepared) or None)
        if isinstance(answer, ox.QueryBoolean):
            return _ask_result(bool(answer))
        render = _Renderer([declared, PREFIXES, prepared.prologue.namespace_manager.namespaces()])
        # Columns in rdflib's order, which for SELECT * is the order of first appearance.
        return _rendered(answer, render, [str(var) for var in prepared.algebra.get("PV") or ()])

    def _run(self, sparql: str, **options: Any) -> Any:
        try:
            return self.ox.query(sparql, prefixes=QUERY_PREFIXES, **options)
        except SyntaxError as exc:
            raise QueryError(f"invalid SPARQL: {one_line(exc)}") from None
        except (OSError, RuntimeError) as exc:
            raise QueryError(f"SPARQL evaluation failed: {one_line(exc)}") from None

    # --- export ------------------------------------------------------------------------------

    def dataset(self) -> Dataset:
        """The store's data as an rdflib dataset, one named graph per report, as
        :func:`kg.sparql.load_graph` gives a graph file: for validation and exports."""
        dataset = bind_prefixes(Dataset(default_union=True))
        graphs: dict[ox.NamedNode | ox.BlankNode | ox.DefaultGraph, Graph] = {}
        term = TermCache()

        def graph_of(name: ox.NamedNode | ox.BlankNode | ox.DefaultGraph) -> Graph:
            if name not in graphs:
                graphs[name] = (dataset.default_context if isinstance(name, ox.DefaultGraph)
                                else dataset.graph(term(name)))
            return graphs[name]

        # addN: one call into rdflib's store for all quads, not one per triple.
        dataset.store.addN((term(q.subject), term(q.predicate), term(q.object), graph_of(q.graph_name))
                           for q in map(Restorer(), self.quads()))
        return dataset

    def dump(self, path: Path | str) -> Path:
        """Write the store's data to a graph file, atomically, in the format of its suffix: the
        bytes :func:`kg.export.write_graph` writes for the same graphs. (Through rdflib, ~25,000
        triples a second: pyoxigraph's writers are 40 times faster but escape literals otherwise.)"""
        return write_graph(self.dataset(), check_target(path))


def _rendered(solutions: ox.QuerySolutions, render: _Renderer, order: list[str]) -> QueryResult:
    found = [v.value for v in solutions.variables]
    variables = tuple(order) if sorted(order) == sorted(found) else tuple(found)
    columns = [found.index(var) for var in variables]
    term = TermCache()
    terms = tuple(tuple(term(solution[i]) for i in columns) for solution in solutions)
    rows = tuple(tuple(render(t) for t in row) for row in terms)
    return QueryResult(variables, rows, terms)


def _substitutions(bindings: Mapping[str, Any] | None, prepared: Any) -> dict[ox.Variable, Any]:
    """``bindings`` as pyoxigraph substitutions, read as :func:`kg.sparql.run_query` reads them."""
    init = _init_bindings(bindings, prepared)
    projected = {str(var) for var in prepared.algebra.get("PV") or ()}
    for name in init:
        if name not in projected:
            raise QueryError(f"cannot bind ?{name} on a store: pyoxigraph binds only the variables a "
                             f"query selects; add ?{name} to its SELECT")
    return {ox.Variable(name): to_ox(term) for name, term in init.items()}


def _unmerge(graph: ox.NamedNode) -> str:
    """The update step that deletes from the merge the triples of ``graph`` that no other
    report graph states."""
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} FILTER NOT EXISTS {{ "
            f"GRAPH ?other {{ ?s ?p ?o }} FILTER (?other NOT IN ({MANIFEST}, {graph})) }} }}")


def _ntriples(triples: list[ox.Triple]) -> str:
    # N-Triples statements are SPARQL triples: no prefixes needed, every term is escaped.
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")


# Queries may use kg's prefixes (and rdflib's usual ones) undeclared, on a store as on a file.
PREFIX_GRAPH = bind_prefixes(Graph())
QUERY_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIX_GRAPH.namespaces() if prefix}


# --- the folder --------------------------------------------------------------------------------


def _create(path: Path, read_only: bool) -> None:
    if path.is_dir() and any(path.iterdir()):
        raise GraphLoadError(path, f"is a folder but not a kg store (no {MARKER} in it); "
                                   "give a new or empty folder to make a store")
    if read_only:
        raise GraphLoadError(path, "no kg store here; make one with kg build --store")
    if not path.parent.is_dir():
        raise GraphLoadError(path, f"the folder {path.parent} does not exist")
    path.mkdir(exist_ok=True)
    # The marker first: a folder with a marker and no database is an empty store.
    write_atomic(path / MARKER, (json.dumps(FORMAT, indent=2) + "\n").encode("utf-8"))


def _check_marker(path: Path) -> None:
    try:
        found = json.loads((path / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GraphLoadError(path, f"unreadable {MARKER}: {one_line(exc)}") from None
    if not isinstance(found, dict) or found.get("format") != FORMAT["format"]:
        raise GraphLoadError(path, f"{MARKER} does not describe a kg store")
    if found.get("version") != FORMAT["version"]:
        raise GraphLoadError(path, f"a kg store of version {found.get('version')}; this kg reads "
                                   f"version {FORMAT['version']}: rebuild the store")


def _lock(path: Path, *, exclusive: bool) -> IO[bytes]:
    handle = open(path / MARKER, "rb")
    try:
        fcntl.flock(handle, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        doing = "reads or writes it" if exclusive else "writes it (a build)"
        raise GraphLoadError(path, f"the store is in use: another kg process {doing}; "
                                   "try again when it ends") from None
    return handle


def _open_database(path: Path, read_only: bool) -> ox.Store:
    database = path / DATABASE
    try:
        if not read_only:
            return ox.Store(str(database))
        if not (database / "CURRENT").is_file():
            return ox.Store()  # made, never written: an empty store
        return ox.Store.read_only(str(database))
    except OSError as exc:
        raise GraphLoadError(path, f"cannot open the store: {one_line(exc)}") from None


__all__ = ["DATABASE", "MARKER", "QUERY_PREFIXES", "Store", "StoredReport", "is_store"]
