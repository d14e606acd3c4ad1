"""Peak memory of builds of growing corpora: does it stay flat?

Each size runs in a fresh process, once per mode:

- ``store``: ``kg build --store`` (:func:`kg.store.commands.build_store`, validation on) into a
  new on-disk store: reports stream through the build and into the store, one at a time;
- ``build``: ``kg build -o FILE`` without the writing (:func:`kg.pipeline.build_reports`), which
  returns one rdflib Dataset holding every report's graph, for the file to be written from.

The growth per 1,000 reports, and where it goes (the dataset's triples, the reports' texts,
spaCy's string store, the entity registry) are printed for each size. Modes run side by side.

    python bench/memory.py --sizes 1000,3000,10000 --modes store
"""
from __future__ import annotations

import argparse
import gc
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from common import corpus, machine, peak_rss_mb, rss_mb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,300,1000")
    parser.add_argument("--modes", default="store,build")
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
        runs = {mode: _spawn(mode, size) for mode in args.modes.split(",")}
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
    with tempfile.TemporaryDirectory(prefix="kg-bench-memory-") as folder:
        _build_store(paths[:2], Path(folder) / "warm")  # gazetteer, detector, ontology, shapes
        gc.collect()
        base, strings = rss_mb(), _strings()
        row = {"mode": mode, "reports": size, "base_mb": base}
        if mode == "build":
            row |= _build(paths)
        else:
            row |= _build_store(paths, Path(folder) / "store")
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


def _build_store(paths: list[Path], folder: Path) -> dict:
    import contextlib
    import io

    from kg.store.commands import build_store
    from kg.store.oxigraph import Store

    with contextlib.redirect_stderr(io.StringIO()):
        code = build_store(paths, folder, output=None, lang=None, validate=True, shapes=None)
    assert code == 0, f"build_store exited {code}"
    with Store.open(folder, read_only=True) as store:
        quads = len(store)
    return {"triples": quads}


def _strings() -> int:
    from kg.extract import load_pipeline

    return sum(len(load_pipeline(lang).vocab.strings) for lang in ("fr", "en"))


def _line(row: dict) -> str:
    growth = row["peak_mb"] - row["base_mb"]
    extra = (f", {row['text_mb']:.1f} MB of text, ~{row['freed_on_drop_mb']:.0f} MB freed when the result is dropped"
             if row["mode"] == "build" else "")
    return (f"{row['mode']:<7}{row['reports']:>6} reports: base {row['base_mb']:.0f} MB, peak {row['peak_mb']:.0f} MB, "
            f"growth {growth:.0f} MB ({1000 * growth / row['reports']:.0f} MB / 1,000 reports), "
            f"{row['triples']} triples, +{row['strings_added']} spaCy strings{extra}")


def _summary(rows: list[dict]) -> None:
    for mode in ("store", "build"):
        mine = [r for r in rows if r["mode"] == mode]
        if len(mine) < 2:
            continue
        first, last = mine[0], mine[-1]
        slope = ((last["peak_mb"] - last["base_mb"]) - (first["peak_mb"] - first["base_mb"])) / (last["reports"] - first["reports"])
        print(f"{mode}: growth between {first['reports']} and {last['reports']} reports: {1000 * slope:.0f} MB / 1,000 reports "
              f"-> about {first['peak_mb'] + slope * (10_000 - first['reports']):.0f} MB peak at 10,000 reports if it stays linear")


if __name__ == "__main__":
    main()
