"""Build throughput: words per second of kg's build against bare spaCy, and serial against Dask.

On one generated corpus (``bench/corpus.py``), in one run, interleaved block by block so that a
change of load on a shared machine hits every method alike:

- ``spacy.pipe``: bare ``nlp.pipe`` of the same spaCy pipelines (no kg component), batch 32;
- ``spacy.call``: the same pipelines, one ``nlp(text)`` a report;
- ``kg.build``: ``build_reports`` (read + extract in ``nlp.pipe`` batches + graph), serial: what
  ``kg build -o FILE`` does before writing;
- ``kg.validate``: ``validate`` of each block's dataset (pyshacl), added to kg.build;
- ``kg.store``: ``kg build --store`` (``build_store``: build, streamed validation, one
  transaction a report into a new on-disk store), serial;
- ``kg.dask``: ``build_distributed`` on a local cluster of ``--workers`` processes, the one
  ``kg build --executor dask`` starts.

Pipeline loads and the cluster's start are timed apart, not counted in the rates.

    python bench/throughput.py --reports 1000 --blocks 4 --workers 2
"""
from __future__ import annotations

import argparse
import contextlib
import gc
import os
import resource
from pathlib import Path

from common import corpus, machine, peak_rss_mb, timed, words


def cpu_seconds() -> float:
    """CPU time of the calling process (user and system); also run on each Dask worker."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--blocks", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    print(f"machine: {machine()}")
    paths = corpus(args.reports)
    texts = {p: p.read_text(encoding="utf-8") for p in paths}
    total_words = words(paths)
    print(f"corpus: {len(paths)} reports, {total_words} words ({total_words / len(paths):.0f} a report)")
    seconds: dict[str, float] = {}
    cpu: dict[str, float] = {}  # CPU seconds of this process, and of the Dask workers (".workers")
    with contextlib.ExitStack() as cluster:  # the Dask cluster, closed before the report
        bare, extractor = _setup(seconds, paths, args.workers, cluster)
        client = extractor.client
        available = [cores_available(client)]
        for number, block in enumerate(_blocks(paths, args.blocks)):
            groups = _steps(block, texts, bare, extractor, args.batch_size)
            for group in (groups if number % 2 == 0 else groups[::-1]):
                for name, step in group:
                    before = cpu_seconds(), client.run(cpu_seconds)
                    with timed(seconds, name):
                        step()
                    after = cpu_seconds(), client.run(cpu_seconds)
                    cpu[name] = cpu.get(name, 0.0) + after[0] - before[0]
                    cpu[f"{name}.workers"] = cpu.get(f"{name}.workers", 0.0) + sum(
                        after[1][w] - before[1][w] for w in before[1])
            print(f"  block {number + 1}/{args.blocks} done", flush=True)
        available.append(cores_available(client))
    print(f"cores the {args.workers} workers got when all busy, before and after: "
          + ", ".join(f"{a:.2f}" for a in available))
    _report(seconds, cpu, total_words, len(paths), args.workers)


def spin(seconds: float) -> float:
    """Burn CPU for ``seconds`` of wall time; the CPU time this process got meanwhile."""
    import time

    cpu, wall = time.process_time(), time.perf_counter()
    while time.perf_counter() - wall < seconds:
        pass
    return time.process_time() - cpu


def cores_available(client, seconds: float = 3.0) -> float:
    """How many cores the Dask workers get at once now, all busy: other work on a shared
    machine takes its part, and no speed-up can exceed this."""
    futures = [client.submit(spin, seconds, pure=False) for _ in client.nthreads()]
    return sum(client.gather(futures)) / seconds


def _setup(seconds: dict[str, float], paths: list[Path], workers: int, cluster: contextlib.ExitStack):
    import spacy

    from kg.distributed import dask_extractor
    from kg.extract import load_pipeline
    from kg.extract.lang import lexicon
    from kg.pipeline import build_reports

    with timed(seconds, "load.kg"):
        for lang in ("fr", "en"):
            load_pipeline(lang)
        build_reports(paths[:2])  # gazetteer, language detector, ontology
    with timed(seconds, "load.spacy"):
        bare = {lang: spacy.load(lexicon(lang).model) for lang in ("fr", "en")}
        for nlp in bare.values():  # the first documents pay for lazy initialisations
            list(nlp.pipe([p.read_text(encoding="utf-8") for p in paths[:8]]))
        # A kg build holds no second set of models: the bare ones are frozen out of the garbage
        # collector's sight, as kg.extract.load_pipeline freezes kg's, so that the collections
        # of neither method walk them.
        gc.collect()
        gc.freeze()
    with timed(seconds, "load.cluster"):  # the local cluster `kg build --executor dask` starts
        extractor = cluster.enter_context(dask_extractor(None, workers, None))
        build_reports(paths[:4], extractor=extractor)  # each worker has loaded its pipelines
    return bare, extractor


def _blocks(paths: list[Path], count: int) -> list[list[Path]]:
    size = -(-len(paths) // count)
    return [paths[i:i + size] for i in range(0, len(paths), size)]


def _steps(block: list[Path], texts: dict[Path, str], bare: dict, extractor, batch_size: int):
    from kg.pipeline import build_reports
    from kg.validation import validate

    by_lang = {lang: [texts[p] for p in block if f".{lang}." in p.name] for lang in bare}
    built: dict[str, object] = {}

    def spacy_pipe() -> None:
        for lang, nlp in bare.items():
            for _ in nlp.pipe(by_lang[lang], batch_size=batch_size):
                pass

    def spacy_call() -> None:
        for lang, nlp in bare.items():
            for text in by_lang[lang]:
                nlp(text)

    def kg_build() -> None:
        built["result"] = result = build_reports(block)
        assert not result.failures, result.failures[:3]

    def kg_validate() -> None:
        validate(built.pop("result").dataset)

    def kg_store() -> None:
        import io
        import shutil
        import tempfile

        from kg.store.commands import build_store

        folder = Path(tempfile.mkdtemp(prefix="kg-bench-throughput-"))
        with contextlib.redirect_stderr(io.StringIO()):
            code = build_store(block, folder / "store", output=None, lang=None, validate=True, shapes=None)
        shutil.rmtree(folder)
        assert code == 0, code

    def kg_dask() -> None:  # build_distributed, on the cluster started once
        result = build_reports(block, extractor=extractor)
        assert not result.failures, result.failures[:3]

    # Groups run in one order or the other; kg.validate needs kg.build's dataset, so they are one group.
    return [[("spacy.pipe", spacy_pipe)], [("spacy.call", spacy_call)],
            [("kg.build", kg_build), ("kg.validate", kg_validate)], [("kg.store", kg_store)], [("kg.dask", kg_dask)]]


def _report(seconds: dict[str, float], cpu: dict[str, float], total_words: int, reports: int, workers: int) -> None:
    rate = {name: total_words / s for name, s in seconds.items() if not name.startswith("load.")}
    rate["kg.build+validate"] = total_words / (seconds["kg.build"] + seconds["kg.validate"])
    print(f"loads: kg pipelines {seconds['load.kg']:.1f} s, bare spaCy {seconds['load.spacy']:.1f} s, "
          f"Dask cluster of {workers} + its pipelines {seconds['load.cluster']:.1f} s")
    cpu["kg.build+validate"] = cpu["kg.build"] + cpu["kg.validate"]
    cpu["kg.build+validate.workers"] = 0.0
    print(f"{'method':<20}{'seconds':>9}{'words/s':>10}{'ms/report':>11}{'CPU ms/report':>15}{'workers CPU':>13}")
    for name in ("spacy.pipe", "spacy.call", "kg.build", "kg.validate", "kg.build+validate", "kg.store", "kg.dask"):
        s = seconds.get(name, total_words / rate[name])
        print(f"{name:<20}{s:>9.1f}{rate[name]:>10.0f}{1000 * s / reports:>11.1f}{1000 * cpu[name] / reports:>15.1f}"
              f"{1000 * cpu[name + '.workers'] / reports:>13.1f}")
    print("CPU ms/report: this process's CPU time (a measure the other work on a shared machine "
          "does not change); workers CPU: the Dask workers' processes")
    print(f"ratio kg.build / spacy.pipe: {rate['kg.build'] / rate['spacy.pipe']:.2f}   (goal >= 0.8)")
    print(f"ratio kg.build+validate / spacy.pipe: {rate['kg.build+validate'] / rate['spacy.pipe']:.2f}")
    print(f"ratio kg.store (build, validation, store) / spacy.pipe: {rate['kg.store'] / rate['spacy.pipe']:.2f}")
    print(f"same ratios by CPU time: kg.build / spacy.pipe {cpu['spacy.pipe'] / cpu['kg.build']:.2f}, "
          f"kg.build+validate / spacy.pipe {cpu['spacy.pipe'] / cpu['kg.build+validate']:.2f}, "
          f"kg.build / spacy.call {cpu['spacy.call'] / cpu['kg.build']:.2f}")
    print(f"ratio kg.build / spacy.call: {rate['kg.build'] / rate['spacy.call']:.2f}   "
          f"(spacy.call / spacy.pipe: {rate['spacy.call'] / rate['spacy.pipe']:.2f})")
    print(f"speed-up kg.dask ({workers} processes) / kg.build: {rate['kg.dask'] / rate['kg.build']:.2f}x   (goal >= 1.7)")
    dask_cpu = cpu["kg.dask"] + cpu["kg.dask.workers"]
    bound = cpu["kg.build"] / max(dask_cpu / os.cpu_count(), cpu["kg.dask.workers"] / workers, cpu["kg.dask"])
    print(f"  CPU per report: serial {1000 * cpu['kg.build'] / reports:.0f} ms; Dask {1000 * dask_cpu / reports:.0f} ms in all "
          f"-> speed-up bound on {os.cpu_count()} idle cores: {bound:.2f}x")
    print(f"validation / build time: {seconds['kg.validate'] / seconds['kg.build']:.2f}")
    print(f"peak RSS of the driver: {peak_rss_mb():.0f} MB")
    print(f"machine after: {machine()}")


if __name__ == "__main__":
    main()
