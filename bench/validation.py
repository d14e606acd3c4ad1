"""SHACL validation against the rest of the build, from 100 reports up, and faster paths.

1. The build's stages on a sample of generated reports: read, extract (spaCy and kg's
   components), graph; milliseconds a report.
2. pyshacl (``kg.validation.validate``, the validator of record) on the union of N report
   graphs, as ``kg build`` validates: N from ``--sizes`` (the graphs of a built corpus, copied
   with renamed IRIs past its size); milliseconds a report, and its ratio to extraction.
3. Per-report validation: pyshacl on each report's graph alone, in batches of 64 reports as
   ``kg build --store`` validates (``StreamingValidation``), and pyrudof (a Rust validator)
   when installed, per report and on the union.
4. Agreement with pyshacl on the union: on the generated graphs, on the graphs of the test
   reports (``tests/data/reports``), and, for pyrudof, on the shape tests' graphs
   (``tests/data/shapes/valid.ttl`` and each breaking case of ``tests/test_shapes.py``).

Costs are CPU time of this one-threaded process (wall time is printed beside pyshacl's): the
machine these ran on was shared, and wall times taken minutes apart do not compare.

    python bench/validation.py --sizes 100,300,1000,3000
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from common import corpus, corpus_nquads, machine, renamed, report_graphs

ROOT = Path(__file__).resolve().parents[1]
BASE = 200  # reports actually built; larger sizes are copies of their graphs
# Costs are this process's CPU time: on a machine shared with other work, wall time measured at
# different moments cannot be compared, and every step here runs in one thread.
CLOCK = time.process_time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,300,1000,3000")
    parser.add_argument("--sample", type=int, default=100, help="reports whose build stages are timed")
    args = parser.parse_args()
    print(f"machine: {machine()}")
    stages = build_stages(corpus(BASE)[: args.sample])
    graphs = report_graphs(corpus_nquads(BASE))
    triples = sum(g.count(b"\n") for g in graphs.values()) / len(graphs)
    print(f"graphs: {len(graphs)} built reports, {triples:.0f} triples a report")
    union_by_size(graphs, [int(s) for s in args.sizes.split(",")], stages["extract"])
    per_report(graphs, stages["extract"])
    agreement(graphs)
    print(f"machine after: {machine()}")


def build_stages(paths: list[Path]) -> dict[str, float]:
    """Milliseconds a report of each stage of the build, on ``paths``."""
    from kg.extract import extract, load_pipeline
    from kg.graph.build import build_graph
    from kg.graph.merge import EntityRegistry
    from kg.read import read_report

    for lang in ("fr", "en"):
        load_pipeline(lang)
    build_graph(report := read_report(paths[0]), extract(report.text, report.lang))  # gazetteer, detector
    registry, spent = EntityRegistry(), {"read": 0.0, "extract": 0.0, "graph": 0.0}
    for path in paths:
        t0 = CLOCK()
        report = read_report(path)
        t1 = CLOCK()
        extraction = extract(report.text, report.lang)
        t2 = CLOCK()
        build_graph(report, extraction, registry)
        t3 = CLOCK()
        for stage, seconds in (("read", t1 - t0), ("extract", t2 - t1), ("graph", t3 - t2)):
            spent[stage] += seconds
    ms = {stage: 1000 * s / len(paths) for stage, s in spent.items()}
    print(f"build stages on {len(paths)} reports (CPU): " + ", ".join(f"{k} {v:.1f} ms" for k, v in ms.items()) + " a report")
    return ms


def dataset_of(graphs: dict[bytes, bytes], size: int):
    """An rdflib dataset of ``size`` report graphs (copies with renamed IRIs past the built ones)."""
    from rdflib import Dataset

    bodies = list(graphs.values())
    parts = []
    for i in range(size):
        copy, index = divmod(i, len(bodies))
        parts.append(bodies[index] if copy == 0 else renamed(bodies[index], copy))
    dataset = Dataset()
    dataset.parse(data=b"".join(parts).decode("utf-8"), format="nquads")
    return dataset


def union_by_size(graphs: dict[bytes, bytes], sizes: list[int], extract_ms: float) -> None:
    from kg.validation import validate

    print(f"{'reports':>8}{'triples':>10}{'pyshacl s':>11}{'wall s':>8}{'ms/report':>11}{'/ extraction':>14}")
    for size in sizes:
        dataset = dataset_of(graphs, size)
        triples = len(dataset)
        start, wall = CLOCK(), time.perf_counter()
        report = validate(dataset)
        seconds, wall = CLOCK() - start, time.perf_counter() - wall
        ms = 1000 * seconds / size
        print(f"{size:>8}{triples:>10}{seconds:>11.1f}{wall:>8.1f}{ms:>11.1f}{ms / extract_ms:>14.2f}"
              f"   ({'conforms' if report.conforms else f'{len(report.violations)} results'})", flush=True)
        del dataset


def per_report(graphs: dict[bytes, bytes], extract_ms: float) -> None:
    from kg.validation import validate

    bodies = [_graph(body) for body in graphs.values()]
    start = CLOCK()
    for graph in bodies:
        validate(graph)
    ms = 1000 * (CLOCK() - start) / len(bodies)
    print(f"pyshacl, each report's graph alone: {ms:.1f} ms/report ({ms / extract_ms:.2f} of extraction)")
    from kg.validation import StreamingValidation

    streaming = StreamingValidation()  # what kg build --store does: batches of 64 reports
    start = CLOCK()
    for graph in bodies:
        streaming.add(graph)
    streaming.result()
    ms = 1000 * (CLOCK() - start) / len(bodies)
    print(f"pyshacl, batches of {streaming.batch} reports as they stream (kg build --store): {ms:.1f} ms/report "
          f"({ms / extract_ms:.2f} of extraction)")
    rudof = _rudof()
    if rudof is None:
        print("pyrudof: not installed")
        return
    texts = [g.serialize(format="nt") for g in bodies]
    start = CLOCK()
    for text in texts:
        rudof(text)
    ms = 1000 * (CLOCK() - start) / len(texts)
    start = CLOCK()
    rudof("".join(texts))
    union_ms = 1000 * (CLOCK() - start) / len(texts)
    print(f"pyrudof: each report alone {ms:.1f} ms/report, union {union_ms:.1f} ms/report "
          f"({ms / extract_ms:.3f} / {union_ms / extract_ms:.3f} of extraction)")


def _graph(nquads: bytes):
    """One report's N-Quads as a plain graph."""
    from rdflib import Dataset, Graph

    dataset, graph = Dataset(), Graph()
    dataset.parse(data=nquads.decode("utf-8"), format="nquads")
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def agreement(graphs: dict[bytes, bytes]) -> None:
    """Does each path report what pyshacl on the union reports?"""
    from kg.pipeline import build_reports

    generated = dataset_of(graphs, len(graphs))
    tests = build_reports([ROOT / "tests" / "data" / "reports"]).dataset
    for name, dataset in (("generated graphs", generated), ("test reports' graphs", tests)):
        union, alone = _pyshacl_union_and_alone(dataset)
        print(f"{name}: pyshacl on the union {len(union)} results, per report {len(alone)}; "
              f"{'same results' if union == alone else f'DIFFER: {sorted(union ^ alone)[:3]}'}")
        _rudof_agreement(name, dataset)
    _rudof_shape_cases()


def _pyshacl_union_and_alone(dataset) -> tuple[set, set]:
    from kg.validation import validate

    union = {_key(v) for v in validate(dataset).violations}
    alone = {_key(v) for g in dataset.graphs() if len(g) for v in validate(g).violations}
    return union, alone


def _key(violation) -> tuple:
    return (violation.focus, violation.path, violation.severity, violation.value)


def _rudof():
    """A function validating N-Triples text with pyrudof, or None when it is not installed."""
    try:
        import pyrudof
    except ImportError:
        return None
    rudof = pyrudof.Rudof(pyrudof.RudofConfig())
    shapes = (ROOT / "ontology" / "shapes.ttl").read_text(encoding="utf-8")

    rudof.read_shacl(shapes)

    def run(ntriples: str):
        rudof.reset_data()  # the shapes, parsed once, stay
        rudof.read_data(ntriples, format=pyrudof.RDFFormat.NTriples)
        return rudof.validate_shacl()

    return run


def _rudof_agreement(name: str, dataset) -> None:
    from kg.validation import validate

    rudof = _rudof()
    if rudof is None:
        return
    union = _union_nt(dataset)
    found = rudof(union)
    expected = validate(dataset)
    print(f"  pyrudof on the {name}: conforms={found.conforms} with {len(_focus_rudof(found))} nodes in "
          f"violation; pyshacl: conforms={expected.conforms} with {len(_focus_pyshacl(expected))}")


def _union_nt(dataset) -> str:
    from rdflib import Graph

    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union.serialize(format="nt")


def _rudof_shape_cases() -> None:
    """pyrudof against pyshacl on the shape tests: the valid graph, then each breaking case."""
    rudof = _rudof()
    if rudof is None:
        return
    sys.path.insert(0, str(ROOT / "tests"))
    import test_shapes

    from kg.validation import validate

    valid = (ROOT / "tests" / "data" / "shapes" / "valid.ttl").read_text(encoding="utf-8")
    cases = [("valid", test_shapes._graph(valid))]
    cases += [(case, test_shapes._broken(valid, update)) for case, update, _ in test_shapes.CASES]
    verdicts = exact = 0
    for case, graph in cases:
        found, expected = rudof(graph.serialize(format="nt")), validate(graph)
        verdicts += found.conforms == expected.conforms
        exact += _focus_rudof(found) == _focus_pyshacl(expected)
    print(f"pyrudof vs pyshacl on the {len(cases)} shape-test graphs: same verdict on {verdicts}, "
          f"same nodes in violation on {exact}")


def _focus_rudof(report) -> set[str]:
    return {v.focus_node for v in report.violations if v.severity == "Violation"}


def _focus_pyshacl(report) -> set[str]:
    from kg.namespaces import SH

    graph = report.graph
    return {str(graph.value(r, SH.focusNode)) for r in graph.subjects(SH.resultSeverity, SH.Violation)}


if __name__ == "__main__":
    main()
