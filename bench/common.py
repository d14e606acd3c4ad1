"""What the benchmark scripts share: the corpus cache, the machine, timing, memory, replication."""
from __future__ import annotations

import os
import platform
import re
import resource
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # noqa: E402

CACHE = Path(os.environ.get("KG_BENCH_CACHE", "/tmp/kg-bench"))


def corpus(count: int, seed: int = 7) -> list[Path]:
    """The paths of a generated corpus of ``count`` reports, written once into the cache."""
    folder = CACHE / f"corpus-{count}-{seed}"
    paths = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    if len(paths) != count:
        paths = write_corpus(folder, count, seed)
    return paths


def words(paths: list[Path]) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in paths)


def machine() -> str:
    """One line about the machine: CPU, cores, memory, Python, and how busy it was."""
    cpu = "unknown CPU"
    try:
        cpu = re.search(r"model name\s*:\s*(.*)", Path("/proc/cpuinfo").read_text()).group(1)
    except (OSError, AttributeError):
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB, Python {platform.python_version()}, "
            f"load average {load}")


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb() -> float:
    """This process's resident memory now, in MB."""
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


@contextmanager
def timed(into: dict[str, float], key: str) -> Iterator[None]:
    """Add the wall time of the block to ``into[key]``."""
    start = time.perf_counter()
    try:
        yield
    finally:
        into[key] = into.get(key, 0.0) + time.perf_counter() - start


def median(values: list[float]) -> float:
    values = sorted(values)
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


KGR = "https://w3id.org/kg/id/"


def replicate(nquads: bytes, copies: int) -> Iterator[bytes]:
    """``copies`` copies of an N-Quads document, every kg instance IRI (entities, facts,
    evidence, report graphs) renamed in each copy, so that each copy is a distinct corpus of the
    same shape. Vocabulary IRIs (kg:, SKOS concepts, GeoNames) stay shared, as in real data."""
    for copy in range(copies):
        yield renamed(nquads, copy)


_INSTANCE = re.compile(rb"<" + re.escape(KGR.encode()) + rb"([^>]*)>")


def renamed(nquads: bytes, copy: int) -> bytes:
    """N-Quads with every kg instance IRI moved under ``kgr:r<copy>/``."""
    prefix = b"<" + KGR.encode() + b"r%d/" % copy
    return _INSTANCE.sub(lambda m: prefix + m.group(1) + b">", nquads)


def corpus_nquads(reports: int) -> bytes:
    """The N-Quads of a build of ``reports`` generated reports (built once, then cached)."""
    cached = CACHE / f"built-{reports}.nq"
    if not cached.exists():
        from kg.pipeline import build_reports

        result = build_reports(corpus(reports))
        cached.write_bytes(result.dataset.serialize(format="nquads", encoding="utf-8"))
    return cached.read_bytes()


def report_graphs(nquads: bytes) -> dict[bytes, bytes]:
    """The N-Quads of each named graph, by graph IRI, in order of first appearance."""
    graphs: dict[bytes, list[bytes]] = {}
    for line in nquads.splitlines(keepends=True):
        if line.strip():
            graphs.setdefault(line.rsplit(b" ", 2)[-2], []).append(line)
    return {iri: b"".join(lines) for iri, lines in graphs.items()}
