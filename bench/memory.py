"""Peak memory of builds of growing corpora: does it stay flat?

Each size runs in a fresh process, twice:

- ``build``: ``kg.pipeline.build_reports`` as ``kg build`` calls it, which returns one rdflib
  Dataset with every report's graph and every ``Report`` (with its text);
- ``stream``: the same steps report by report (read, extract, build the graph with one entity
  registry), each graph written out as N-Quads and dropped: what a build into a store does.

The growth per 1,000 reports, and where it goes (the dataset's triples, the reports' texts,
spaCy's string store, the entity registry) are printed for each size.

    python bench/memory.py --sizes 100,300,1000
"""
from __future__ import annotations

import argparse
import gc
import json
import subprocess
import sys
from pathlib import Path

from common import corpus, machine, peak_rss_mb, rss_mb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,300,1000")
    parser.add_argument("--one", nargs=2, metavar=("MODE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one[0], int(args.one[1]))))
        return
    print(f"machine: {machine()}")
    sizes = [int(s) for s in args.sizes.split(",")]
    corpus(max(sizes))
    rows = []
    for size in sizes:
        # The two modes of a size run side by side: memory does not care about the shared CPU.
        runs = {mode: _spawn(mode, size) for mode in ("build", "stream")}
        for mode, process in runs.items():
            out, _ = process.communicate()
            rows.append(json.loads(out.strip().splitlines()[-1]))
            print(_line(rows[-1]), flush=True)
    _summary(rows)


def _spawn(mode: str, size: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, __file__, "--one", mode, str(size)], stdout=subprocess.PIPE, text=True)


def measure(mode: str, size: int) -> dict:
    from kg.extract import load_pipeline

    paths = corpus(size)
    for lang in ("fr", "en"):
        load_pipeline(lang)
    _build_stream(paths[:2], Path("/dev/null"))  # gazetteer, detector, ontology
    gc.collect()
    base, strings = rss_mb(), _strings()
    row = {"mode": mode, "reports": size, "base_mb": base}
    if mode == "build":
        row |= _build(paths)
    else:
        row |= _build_stream(paths, Path("/dev/null"))
    row |= {"peak_mb": peak_rss_mb(), "strings_added": _strings() - strings}
    return row


def _build(paths: list[Path]) -> dict:
    from kg.pipeline import build_reports

    result = build_reports(paths)
    triples = sum(len(g) for g in result.dataset.graphs())
    text_mb = sum(len(r.text.encode()) for r in result.reports) / 2**20
    before = rss_mb()
    del result
    gc.collect()
    return {"triples": triples, "text_mb": text_mb, "freed_on_drop_mb": before - rss_mb()}


def _build_stream(paths: list[Path], out: Path) -> dict:
    from kg.extract import extract
    from kg.graph.build import build_graph
    from kg.graph.merge import EntityRegistry
    from kg.read import read_report

    registry, triples = EntityRegistry(), 0
    with out.open("wb") as sink:
        for path in paths:
            report = read_report(path)
            graph = build_graph(report, extract(report.text, report.lang), registry)
            sink.write(graph.serialize(format="nt", encoding="utf-8"))
            triples += len(graph)
    return {"triples": triples, "registry_names": len(registry._by_name)}


def _strings() -> int:
    from kg.extract import load_pipeline

    return sum(len(load_pipeline(lang).vocab.strings) for lang in ("fr", "en"))


def _line(row: dict) -> str:
    growth = row["peak_mb"] - row["base_mb"]
    extra = (f", {row['text_mb']:.1f} MB of text, ~{row['freed_on_drop_mb']:.0f} MB freed when the result is dropped"
             if row["mode"] == "build" else f", {row['registry_names']} names in the registry")
    return (f"{row['mode']:<7}{row['reports']:>6} reports: base {row['base_mb']:.0f} MB, peak {row['peak_mb']:.0f} MB, "
            f"growth {growth:.0f} MB ({1000 * growth / row['reports']:.0f} MB / 1,000 reports), "
            f"{row['triples']} triples, +{row['strings_added']} spaCy strings{extra}")


def _summary(rows: list[dict]) -> None:
    for mode in ("build", "stream"):
        mine = [r for r in rows if r["mode"] == mode]
        if len(mine) < 2:
            continue
        first, last = mine[0], mine[-1]
        slope = ((last["peak_mb"] - last["base_mb"]) - (first["peak_mb"] - first["base_mb"])) / (last["reports"] - first["reports"])
        print(f"{mode}: growth between {first['reports']} and {last['reports']} reports: {1000 * slope:.0f} MB / 1,000 reports "
              f"-> about {first['peak_mb'] + slope * (10_000 - first['reports']):.0f} MB peak at 10,000 reports if it stays linear")


if __name__ == "__main__":
    main()
