"""kg.export: every format parses back to the same graph, the same bytes every run, atomic writes."""
from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg import namespaces as ns  # XSD through ns: pytest probes a test module's names, rdflib's XSD warns
from kg.errors import KgError
from kg.export import FORMATS, check_target, serialize, union, write_atomic, write_graph
from kg.namespaces import KG, KGR, RDF, SKOS, bind_prefixes
from kg.sparql import load_graph

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")

REPORTS = (KGR["report/00000000000000a1"], KGR["report/00000000000000b2"])
ORG, CITY = KGR["org/valdor-chimie"], KGR["place/geonames-3033123"]


def triples_of(report: int) -> list[tuple]:
    """Two reports naming the same company, each with a fact of its own."""
    site = KGR[f"site/{report:016x}"]
    return [
        (ORG, RDF.type, KG.Organization),
        (ORG, SKOS.prefLabel, Literal("Valdor Chimie", lang=("fr", "en")[report])),
        (ORG, KG.hasSite, site),
        (site, RDF.type, KG.Site),
        (site, KG.locatedIn, CITY),
        (site, KG.siteKind, Literal(("usine de résines", "resin plant")[report], lang=("fr", "en")[report])),
        (CITY, SKOS.prefLabel, Literal("Besançon", lang="fr")),
        (site, KG.value, Literal("120000", datatype=ns.XSD.decimal)),
        (REPORTS[report], RDF.type, KG.Report),
    ]


def dataset(reverse: bool = False) -> Dataset:
    """The two reports' graphs, their triples added in one order or the other."""
    data = bind_prefixes(Dataset())
    order = (1, 0) if reverse else (0, 1)
    for report in order:
        graph = data.graph(REPORTS[report])
        triples = triples_of(report)
        for triple in reversed(triples) if reverse else triples:
            graph.add(triple)
    return data


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_export_each_format_parses_back_to_the_same_graph(tmp_path: Path, suffix: str) -> None:
    path = write_graph(dataset(), tmp_path / f"graph{suffix}")
    loaded = load_graph(path)
    _, named = FORMATS[suffix]
    if named:
        for report in (0, 1):
            expected = Graph()
            for triple in triples_of(report):
                expected.add(triple)
            assert isomorphic(loaded.graph(REPORTS[report]), expected)
    else:
        assert isomorphic(union(loaded), union(dataset()))
    assert Literal("120000", datatype=ns.XSD.decimal).eq(next(union(loaded).objects(None, KG.value)))


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_export_same_dataset_same_bytes(suffix: str) -> None:
    fmt, named = FORMATS[suffix]
    assert serialize(dataset(), fmt, named) == serialize(dataset(reverse=True), fmt, named)


SCRIPT = """
import sys
sys.path.insert(0, {tests!r})
from test_export import dataset
from kg.export import serialize
sys.stdout.buffer.write(serialize(dataset(), {fmt!r}, True))
"""


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_export_named_graphs_in_the_same_order_in_every_process(fmt: str) -> None:
    """rdflib keeps a dataset's graphs in a set: their order follows the process's hash seed."""
    script = SCRIPT.format(tests=str(Path(__file__).parent), fmt=fmt)
    outputs = {
        subprocess.run([sys.executable, "-c", script], capture_output=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3", "4")
    }
    assert len(outputs) == 1


def test_export_line_formats_are_sorted_lines(tmp_path: Path) -> None:
    data = serialize(dataset(), "nquads", True)
    lines = data.decode("utf-8").splitlines()
    assert lines == sorted(lines) and len(lines) == len(set(lines)) == 2 * len(triples_of(0))
    assert data.endswith(b" .\n")


def test_export_trig_keeps_one_named_graph_per_report() -> None:
    text = serialize(dataset(), "trig", True).decode("utf-8")
    assert text.index("report/00000000000000a1> {") < text.index("report/00000000000000b2> {")
    assert "Besançon" in text


def test_export_replaces_the_file_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    target.write_text("an earlier graph\n", encoding="utf-8")
    write_graph(dataset(), target)
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]
    assert Graph().parse(target, format="turtle").value(ORG, KG.hasSite) is not None


def test_export_new_file_gets_the_usual_mode(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        write_graph(dataset(), tmp_path / "graph.ttl")
    finally:
        os.umask(previous)
    assert (tmp_path / "graph.ttl").stat().st_mode & 0o777 == 0o644


def test_export_failed_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    target.mkdir()  # the rename cannot replace a folder
    with pytest.raises(OSError):
        write_atomic(target, b"<a> <b> <c> .\n")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"] and target.is_dir()


@pytest.mark.parametrize(("name", "problem"), [
    ("graph.xyz", "unknown graph format '.xyz'; use one of"),
    ("graph", "unknown graph format '(no suffix)'"),
    ("missing/graph.ttl", "the folder"),
])
def test_export_bad_target_fails_in_one_line_and_writes_nothing(tmp_path: Path, name: str, problem: str) -> None:
    target = tmp_path / name
    for check in (check_target, lambda path: write_graph(dataset(), path)):
        with pytest.raises(KgError) as error:
            check(target)
        assert str(error.value).startswith(f"{target}: ") and problem in str(error.value)
        assert "\n" not in str(error.value)
    assert list(tmp_path.iterdir()) == []


def test_export_target_that_is_a_folder(tmp_path: Path) -> None:
    (tmp_path / "graph.ttl").mkdir()
    with pytest.raises(KgError, match="is a folder"):
        check_target(tmp_path / "graph.ttl")


def test_export_decimal_values_survive_turtle(tmp_path: Path) -> None:
    """Turtle writes 120000 as 120000.0 (its decimal syntax needs a point): the value is the same."""
    path = write_graph(dataset(), tmp_path / "graph.ttl")
    (value,) = set(Graph().parse(path).objects(None, KG.value))
    assert value.toPython() == Decimal("120000") and value.datatype == ns.XSD.decimal


def test_export_union_holds_every_graph() -> None:
    merged = union(dataset())
    assert len(merged) == len(set(triples_of(0)) | set(triples_of(1)))
    assert set(merged.objects(ORG, SKOS.prefLabel)) == {Literal("Valdor Chimie", lang="fr"),
                                                       Literal("Valdor Chimie", lang="en")}
    assert isinstance(next(iter(merged))[0], URIRef)
