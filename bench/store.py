"""Stores: load about 1,000,000 triples into pyoxigraph (in memory, on disk) and rdflib, and run
kg's named queries (``queries/*.rq``) on each.

The triples are kg's own: the graphs of a built corpus (``--reports``, default 200), copied with
every instance IRI renamed until there are ``--triples`` of them (vocabulary and places stay
shared, as in a real corpus). Each query runs over the union of the report graphs
(``oxigraph-merged``: pyoxigraph with every triple loaded into its default graph instead, to
show what the union of named graphs costs); the latency
is the median of ``--runs`` runs (rdflib: one run when its first takes over 5 s). rdflib runs
through ``kg.sparql.run_query``, as ``kg query`` does; pyoxigraph through ``Store.query``.

    python bench/store.py --triples 1000000
"""
from __future__ import annotations

import argparse
import gc
import os
import select
import shutil
import signal
import tempfile
import time
from pathlib import Path

from common import corpus_nquads, machine, median, replicate, rss_mb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--reports", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=60, help="seconds a query may run")
    parser.add_argument("--engines", default=",".join(ENGINES), help=f"among {', '.join(ENGINES)}; rdflib is needed")
    args = parser.parse_args()
    print(f"machine: {machine()}")
    data = corpus_nquads(args.reports)
    per_copy = data.count(b"\n")
    copies = -(-args.triples // per_copy)
    nquads = b"".join(replicate(data, copies))
    print(f"data: {per_copy} quads from {args.reports} built reports, {copies} copies: "
          f"{copies * per_copy} quads, {len(nquads) / 2**20:.0f} MB of N-Quads")
    stores = load_all(nquads, args.engines.split(","))
    del nquads
    gc.collect()
    run_queries(stores, args.runs, args.timeout)
    print(f"machine after: {machine()}")


ENGINES = ("oxigraph-memory", "oxigraph-merged", "oxigraph-disk", "oxigraph-disk-merged", "rdflib")


def load_all(nquads: bytes, engines: list[str]) -> dict[str, object]:
    """The stores of ``engines``, each loaded with ``nquads``; loading time and memory printed.

    ``-merged``: the triples also (in memory: only) in the default graph, queried there, as
    kg's store keeps them; the others are queried over the union of the named graphs.
    """
    import pyoxigraph as ox
    from rdflib import Dataset

    folder = Path(tempfile.mkdtemp(prefix="kg-bench-store-"))
    triples = b"".join(line.rsplit(b" ", 2)[0] + b" .\n" for line in nquads.splitlines() if line)

    def on_disk(name: str, merged: bool):
        store = ox.Store(str(folder / name))
        store.bulk_load(nquads, format=ox.RdfFormat.N_QUADS)
        if merged:
            store.bulk_load(triples, format=ox.RdfFormat.N_TRIPLES)
        store.flush()
        store.optimize()
        return store

    makers = {
        "oxigraph-memory": lambda: _loaded(ox.Store(), nquads, ox.RdfFormat.N_QUADS),
        "oxigraph-merged": lambda: _loaded(ox.Store(), triples, ox.RdfFormat.N_TRIPLES),
        "oxigraph-disk": lambda: on_disk("disk", merged=False),
        "oxigraph-disk-merged": lambda: on_disk("disk-merged", merged=True),
        "rdflib": lambda: Dataset(default_union=True).parse(data=nquads.decode("utf-8"), format="nquads"),
    }
    stores: dict[str, object] = {"_folder": folder}
    quads = nquads.count(b"\n")
    for name in engines:
        gc.collect()
        before, start = rss_mb(), time.perf_counter()
        stores[name] = makers[name]()
        seconds = time.perf_counter() - start
        size = sum(p.stat().st_size for p in (folder / name.removeprefix("oxigraph-")).rglob("*") if p.is_file())
        print(f"load {name:<22}{seconds:>7.1f} s  {quads / seconds:>9.0f} quads/s  "
              f"+{rss_mb() - before:.0f} MB RSS" + (f", {size / 2**20:.0f} MB on disk" if size else ""), flush=True)
    return stores


def _loaded(store, data: bytes, fmt):
    store.bulk_load(data, format=fmt)
    return store


def run_queries(stores: dict[str, object], runs: int, timeout: float) -> None:
    from kg.resources import query_names, query_text
    from kg.sparql import run_query

    def oxigraph(name: str):
        union = not name.endswith("merged")
        return lambda q: len(list(stores[name].query(q, use_default_graph_as_union=union)))

    engines = {name: (oxigraph(name) if name.startswith("oxigraph") else lambda q: len(run_query(stores["rdflib"], q).rows))
               for name in stores if not name.startswith("_")}
    oxigraphs = [name for name in engines if name != "rdflib"]
    print(f"{'query':<24}{'rows':>7}" + "".join(f"{name.removeprefix('oxigraph-'):>14}" for name in engines)
          + "".join(f"{'rdflib/' + name.removeprefix('oxigraph-'):>20}" for name in oxigraphs))
    ratios: dict[str, list[float]] = {name: [] for name in oxigraphs}
    for name in query_names():
        text = query_text(name)
        latency, rows = {}, {}
        for engine, run in engines.items():
            latency[engine], rows[engine] = _median_latency(run, text, runs, timeout)
        for engine in oxigraphs:
            ratios[engine].append(latency["rdflib"] / latency[engine])
        same = len({n for n in rows.values() if n is not None}) <= 1
        cells = "".join(f"{latency[e]:>13.3f}s" if rows[e] is not None else f"{'>' + format(timeout, 'g') + 's':>14}" for e in engines)
        print(f"{name:<24}{str(rows['rdflib']):>7}{cells}" + "".join(f"{ratios[e][-1]:>20.1f}" for e in oxigraphs)
              + ("" if same else f"  ROWS DIFFER {rows}"), flush=True)
    print("median ratio rdflib / oxigraph (a timed-out query counts as its time limit): "
          + ", ".join(f"{engine} {median(values):.1f}x" for engine, values in ratios.items()))
    shutil.rmtree(stores["_folder"], ignore_errors=True)


def _median_latency(run, text: str, runs: int, timeout: float) -> tuple[float, int | None]:
    """Median seconds and row count of ``runs`` runs; (timeout, None) when a run is cut."""
    times, rows = [], 0
    for _ in range(runs):
        seconds, rows = _in_child(run, text, timeout)
        if rows is None:
            return timeout, None
        times.append(seconds)
        if times[0] > 5:  # a slow engine runs once: the ratio does not need three
            break
    return median(times), rows


def _in_child(run, text: str, timeout: float) -> tuple[float, int | None]:
    """Run a query in a forked copy of this process (the loaded stores are shared copy-on-write),
    so that a query can be stopped at ``timeout``: neither engine can be interrupted otherwise."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: time the query, write "seconds rows", leave at once
        os.close(read)
        start = time.perf_counter()
        rows = run(text)
        os.write(write, f"{time.perf_counter() - start} {rows}".encode())
        os._exit(0)
    os.close(write)
    try:
        if not select.select([read], [], [], timeout)[0]:
            os.kill(pid, signal.SIGKILL)
            return timeout, None
        seconds, rows = os.read(read, 100).decode().split()
        return float(seconds), int(rows)
    finally:
        os.waitpid(pid, 0)
        os.close(read)


if __name__ == "__main__":
    main()
