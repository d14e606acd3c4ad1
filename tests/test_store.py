"""kg.store: the persistent store (pyoxigraph on RocksDB) and builds into it.

Graphs come from hand-made extractions of invented reports (``store_fixtures``), so that what
is tested is the store: incremental adds, replacement of a changed report and nothing else,
a transaction killed half-way, answers equal to rdflib's on the same data, exports byte for
byte. The builds at the end run the real pipeline (spaCy) on tiny invented reports.
"""
from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from conftest import write_reports
from kg.errors import GraphLoadError, KgError, QueryError
from kg.export import write_graph
from kg.facts import facts
from kg.graph.build import build_graph
from kg.graph.iris import report_iri
from kg import namespaces as ns  # XSD: imported by name, pytest's probing makes it warn
from kg.namespaces import KG, KGR, NIF, RDFS
from kg.resources import query_names, query_text
from kg.sparql import load_graph, run_query
from kg.store import MARKER, Store, StoredReport, as_dataset, open_graph
from kg.store import run_query as run_any
from kg.store.build import build_into_store, registry_of
from kg.store.oxigraph import DATABASE
from store_fixtures import SAMPLES, Sample, as_dataset as dataset_of, built_graphs, graph_quads, stored

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")
TESTS = Path(__file__).parent


def all_quads(store: Store) -> set[str]:
    """Every quad of a store, the manifest's included, as N-Quads lines."""
    return {str(quad) for quad in store.ox.quads_for_pattern(None, None, None, None)}


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Dataset]:
    """A store of the three samples (treat as read-only), and the same graphs as a dataset."""
    folder = tmp_path_factory.mktemp("three") / "store"
    return folder, stored(folder)


# --- the folder ------------------------------------------------------------------------------


def test_store_open_makes_a_marked_folder(tmp_path: Path) -> None:
    with Store.open(tmp_path / "new") as store:
        assert len(store) == 0 and store.reports() == []
    assert (tmp_path / "new" / MARKER).is_file() and (tmp_path / "new" / DATABASE / "CURRENT").is_file()


def test_store_reports_survive_a_restart(three: tuple[Path, Dataset]) -> None:
    folder, _ = three
    with Store.open(folder, read_only=True) as store:
        assert store.reports() == sorted(
            StoredReport(s.file_name, s.report().content_hash, str(report_iri(s.report().content_hash)))
            for s in SAMPLES)
        assert len(store) == sum(len(graph) for _, graph in built_graphs())


@pytest.mark.parametrize(("make", "problem"), [
    (lambda p: p.write_text("x"), "is a file, not a store folder"),
    (lambda p: (p.mkdir(), (p / "notes.txt").write_text("x")), "is a folder but not a kg store"),
    (lambda p: (p.mkdir(), (p / MARKER).write_text("{}")), "does not describe a kg store"),
    (lambda p: (p.mkdir(), (p / MARKER).write_text('{"format": "kg-store", "version": 99}')),
     "a kg store of version 99"),
])
def test_store_open_refuses_what_is_not_a_store(tmp_path: Path, make, problem: str) -> None:
    make(tmp_path / "thing")
    with pytest.raises(GraphLoadError, match=problem):
        Store.open(tmp_path / "thing")


def test_store_read_only_needs_a_store(tmp_path: Path) -> None:
    with pytest.raises(GraphLoadError, match="no kg store here"):
        Store.open(tmp_path / "missing", read_only=True)


@pytest.mark.parametrize(("first", "second", "problem"), [
    (False, True, "another kg process writes it"),
    (True, False, "another kg process reads or writes it"),
    (False, False, "another kg process reads or writes it"),
])
def test_store_lock_keeps_writers_and_readers_apart(three: tuple[Path, Dataset], tmp_path: Path,
                                                     first: bool, second: bool, problem: str) -> None:
    folder = tmp_path / "locked"
    stored(folder, SAMPLES[:1])
    with Store.open(folder, read_only=first):
        with pytest.raises(GraphLoadError, match=problem):
            Store.open(folder, read_only=second)
    with Store.open(folder, read_only=True), Store.open(folder, read_only=True) as again:
        assert len(again.reports()) == 1  # readers share


def test_store_read_only_refuses_to_add(three: tuple[Path, Dataset]) -> None:
    report, graph = built_graphs()[0]
    with Store.open(three[0], read_only=True) as store, pytest.raises(KgError, match="read-only"):
        store.add_report(report, graph)


# --- incremental, replace on change ----------------------------------------------------------


@pytest.mark.parametrize(("file_name", "changed", "held"), [
    ("brenmoor-vernclose.fr.txt", False, True),
    ("brenmoor-vernclose.fr.txt", True, False),
    ("other-name.fr.txt", False, False),
])
def test_store_has_report_by_name_and_content(three: tuple[Path, Dataset], file_name: str, changed: bool,
                                              held: bool) -> None:
    sample = SAMPLES[0].changed(" Nouveau.") if changed else SAMPLES[0]
    with Store.open(three[0], read_only=True) as store:
        assert store.has_report(file_name, sample.report().content_hash) is held


def test_store_changed_report_replaces_its_own_facts_only(tmp_path: Path) -> None:
    stored(tmp_path / "s")
    new = SAMPLES[0].changed(" Une deuxième ligne ouvrira en 2027.")
    old_iri, new_iri = (str(report_iri(s.report().content_hash)) for s in (SAMPLES[0], new))
    with Store.open(tmp_path / "s") as store:
        others = {s.file_name: graph_quads(store, str(report_iri(s.report().content_hash))) for s in SAMPLES[1:]}
        store.add_report(new.report(), build_graph(new.report(), new.extraction(), registry_of(store)))
        assert old_iri not in store.graph_names() and new_iri in store.graph_names()
        assert store.has_report(new.file_name, new.report().content_hash)
        assert not store.has_report(new.file_name, SAMPLES[0].report().content_hash)
        assert len(store.reports()) == 3
        for sample in SAMPLES[1:]:
            assert graph_quads(store, str(report_iri(sample.report().content_hash))) == others[sample.file_name]
        text = store.query("SELECT ?text WHERE { ?e kg:sentence ?text }")
        assert not any("2027" in row[0] for row in text.rows)  # evidence of the old version only
        assert store.query(f"ASK {{ <{old_iri}> ?p ?o }}").boolean is False


def test_store_refuses_the_same_text_under_another_name(tmp_path: Path) -> None:
    """A report's graph names one file (the shapes say so): a copy is not stored twice."""
    copy = Sample("copy-of-brenmoor.fr.txt", *[getattr(SAMPLES[0], f) for f in
                  ("lang", "company", "town", "product", "tonnes", "person")])
    stored(tmp_path / "s", SAMPLES[:1])
    with Store.open(tmp_path / "s") as store:
        before = all_quads(store)
        with pytest.raises(KgError, match=f"same text as {SAMPLES[0].file_name}, already in the store"):
            store.add_report(copy.report(), build_graph(copy.report(), copy.extraction()))
        assert all_quads(store) == before and store.file_with(copy.report().content_hash) == SAMPLES[0].file_name


def test_store_remove_report_leaves_the_others(tmp_path: Path) -> None:
    stored(tmp_path / "s")
    with Store.open(tmp_path / "s") as store:
        kept = {s.file_name: graph_quads(store, str(report_iri(s.report().content_hash))) for s in SAMPLES[1:]}
        assert store.remove_report(SAMPLES[0].file_name) and not store.remove_report("never-there.txt")
        assert [r.file_name for r in store.reports()] == sorted(kept)
        assert {r.file_name: graph_quads(store, r.graph) for r in store.reports()} == kept
        assert store.query("ASK { ?x rdfs:label \"Brenmoor Céramiques\" }").boolean is False
    expected = stored(tmp_path / "fresh", SAMPLES[1:])
    with Store.open(tmp_path / "s", read_only=True) as store:
        merged = store.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }").rows
    assert sorted(merged) == sorted(run_query(expected, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }").rows)


def test_store_adding_the_same_report_twice_changes_nothing(tmp_path: Path) -> None:
    stored(tmp_path / "s")
    with Store.open(tmp_path / "s") as store:
        before = all_quads(store)
        report, graph = built_graphs()[1]
        store.add_report(report, graph)
        assert all_quads(store) == before


# --- a build killed half-way -----------------------------------------------------------------

CHILD = """
import sys
sys.path.insert(0, sys.argv[2])
from pathlib import Path
from rdflib import Literal
from kg.graph.build import build_graph
from kg.namespaces import KG, KGR, RDF
from kg.store import Store
from store_fixtures import Sample

sample = Sample("harrowgate-lindenfall.en.txt", "en", "Harrowgate Polymers", "Lindenfall", "resin", 5000,
                "Mireille Osk")
graph = build_graph(sample.report(), sample.extraction())
for i in range(int(sys.argv[3])):  # a large report: its transaction takes seconds
    node = KGR[f"bulk/{i}"]
    graph.add((node, RDF.type, KG.Statement))
    graph.add((node, KG.rule, Literal(f"bulk rule {i}")))
with Store.open(Path(sys.argv[1])) as store:
    print("adding", flush=True)
    store.add_report(sample.report(), graph)
    print("added", flush=True)
"""
BIG = Sample("harrowgate-lindenfall.en.txt", "en", "Harrowgate Polymers", "Lindenfall", "resin", 5000,
             "Mireille Osk")


def test_store_killed_add_leaves_the_store_as_before(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    stored(folder, SAMPLES[:2])
    with Store.open(folder, read_only=True) as store:
        before = all_quads(store)
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(folder), str(TESTS), "100000"],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "adding"
    # Measured here: the 200,000 triples are converted in ~1.5 s, the transaction commits ~3 s later.
    time.sleep(2.0)
    child.send_signal(signal.SIGKILL)
    rest = child.stdout.read()
    child.wait()
    assert "added" not in rest, "the report was added before the kill: make it larger"
    for read_only in (True, False):  # a reader first, then a writer (which recovers the database)
        with Store.open(folder, read_only=read_only) as store:
            assert all_quads(store) == before
            assert not store.has_report(BIG.file_name, BIG.report().content_hash)
    completed = subprocess.run([sys.executable, "-c", CHILD, str(folder), str(TESTS), "10"],
                               capture_output=True, text=True, check=True)
    assert completed.stdout.split() == ["adding", "added"]
    with Store.open(folder, read_only=True) as store:
        assert store.has_report(BIG.file_name, BIG.report().content_hash)
        assert len(store.reports()) == 3 and before < all_quads(store)


# --- queries: the same answers as rdflib -----------------------------------------------------


@pytest.mark.parametrize("name", query_names())
def test_store_query_answers_as_rdflib_on_the_file(three: tuple[Path, Dataset], tmp_path: Path, name: str) -> None:
    folder, dataset = three
    write_graph(dataset, tmp_path / "built.trig")
    expected = run_query(load_graph(tmp_path / "built.trig"), query_text(name))
    with Store.open(folder, read_only=True) as store:
        found = store.query(query_text(name))
    assert found.variables == expected.variables
    assert sorted(found.rows, key=repr) == sorted(expected.rows, key=repr)


def test_store_facts_view_equals_the_files(three: tuple[Path, Dataset], tmp_path: Path) -> None:
    folder, dataset = three
    write_graph(dataset, tmp_path / "built.ttl")
    with Store.open(folder, read_only=True) as store:
        rows = [tuple(cell or "" for cell in row) for row in store.query(query_text("facts")).rows]
    assert rows == facts(load_graph(tmp_path / "built.ttl"))
    assert len(rows) == 12


@pytest.mark.parametrize(("query", "bindings", "expected"), [
    ("SELECT ?org ?label WHERE { ?org a kg:Organization ; rdfs:label ?label }",
     {"org": "kgr:org/tallis-glassworks"}, (("kgr:org/tallis-glassworks", "Tallis Glassworks"),)),
    ("SELECT ?label ?org WHERE { ?org rdfs:label ?label }", {"label": "Quenneville Acier"},
     (("Quenneville Acier", "kgr:org/quenneville-acier"),)),
    ("SELECT ?kind WHERE { ?site kg:siteKind ?kind }", {"kind": '"usine"@fr'}, (("usine",), ("usine",))),
])
def test_store_query_takes_bindings_as_run_query_does(three: tuple[Path, Dataset], query: str, bindings: dict,
                                                      expected: tuple) -> None:
    folder, dataset = three
    with Store.open(folder, read_only=True) as store:
        assert store.query(query, bindings).rows == expected == run_query(dataset, query, bindings).rows


@pytest.mark.parametrize(("query", "problem"), [
    ("SELEC ?s WHERE { ?s ?p ?o }", "invalid SPARQL at line 1, column 1"),
    ("SELECT ?s WHERE { ?s a nope:Thing }", "Unknown namespace prefix : nope"),
    ("CONSTRUCT WHERE { ?s ?p ?o }", "a CONSTRUCT query answers with a graph"),
    ("SELECT ?s WHERE { ?s ?p ?o }", r"cannot bind \?o on a store: .* add \?o to its SELECT"),
    ("SELECT ?s WHERE { ?s ?p ?o }", r"cannot bind \?x: the query has no such variable"),
])
def test_store_query_errors_are_run_querys(three: tuple[Path, Dataset], query: str, problem: str) -> None:
    bindings = {"o": "x"} if "?o" in problem else {"x": "y"} if "?x" in problem else None
    with Store.open(three[0], read_only=True) as store, pytest.raises(QueryError, match=problem):
        store.query(query, bindings)


def test_store_query_select_star_columns_as_rdflib(three: tuple[Path, Dataset]) -> None:
    """rdflib orders SELECT * columns its own way (not even the same from one run to the next):
    the store follows it."""
    query = "SELECT * WHERE { ?org a kg:Organization ; rdfs:label ?label ; kg:hasSite ?site }"
    with Store.open(three[0], read_only=True) as store:
        found, expected = store.query(query), run_query(three[1], query)
    assert found.variables == expected.variables
    assert sorted(found.rows) == sorted(expected.rows)


def test_store_query_ask_and_from(three: tuple[Path, Dataset]) -> None:
    iri = str(report_iri(SAMPLES[1].report().content_hash))
    with Store.open(three[0], read_only=True) as store:
        assert store.query("ASK { ?s a kg:Organization }").rows == (("true",),)
        labels = store.query(f"SELECT ?l FROM <{iri}> WHERE {{ ?o a kg:Organization ; rdfs:label ?l }}")
        assert labels.rows == (("Tallis Glassworks",),)


def test_store_run_query_dispatches(three: tuple[Path, Dataset]) -> None:
    folder, dataset = three
    query = "SELECT ?l WHERE { ?p a kg:Person ; rdfs:label ?l } ORDER BY ?l"
    with Store.open(folder, read_only=True) as store:
        assert run_any(store, query).rows == run_any(dataset, query).rows == (
            ("Anselme Pradier",), ("Corwin Aldane",), ("Ysolde Marquet",))


# --- exports ---------------------------------------------------------------------------------


def odd_literals() -> Graph:
    """Literals whose escaping differs between writers, if any does."""
    graph = Graph()
    node = KGR["org/odd"]
    for i, text in enumerate(['quote " and \\ backslash', "line\nbreak\tand tab\r", "accents é ü ß 東京 🚀",
                              "control \x01 \x7f char", "trailing space "]):
        graph.add((node, URIRef(f"https://w3id.org/kg/ontology#p{i}"), Literal(text)))
    graph.add((node, RDFS.label, Literal("Odd", lang="en")))
    graph.add((node, KG.geonamesId, Literal(12, datatype=ns.XSD.integer)))
    for i, value in enumerate([2.0, 45.74906, -0.10785, 1e-07, 1e20]):  # kg's doubles: Python floats
        graph.add((node, URIRef(f"https://schema.org/latitude{i}"), Literal(value, datatype=ns.XSD.double)))
    graph.add((node, NIF.beginIndex, Literal(7, datatype=ns.XSD.nonNegativeInteger)))
    return graph


@pytest.mark.parametrize("suffix", [".nq", ".nt", ".trig", ".ttl"])
def test_store_dump_writes_the_bytes_write_graph_writes(tmp_path: Path, suffix: str) -> None:
    graphs = built_graphs()
    graphs.append((Sample("odd.en.txt", "en", "Odd", "Nowhere", "oddities", 1, "Nobody").report(), odd_literals()))
    with Store.open(tmp_path / "s") as store:
        for report, graph in graphs:
            store.add_report(report, graph)
        store.dump(tmp_path / f"store{suffix}")
    write_graph(dataset_of(graphs), tmp_path / f"built{suffix}")
    assert (tmp_path / f"store{suffix}").read_bytes() == (tmp_path / f"built{suffix}").read_bytes()


def test_store_dataset_is_the_built_dataset(three: tuple[Path, Dataset]) -> None:
    folder, dataset = three
    with Store.open(folder, read_only=True) as store:
        exported = store.dataset()
    names = sorted(str(g.identifier) for g in exported.graphs() if len(g))
    assert names == sorted(str(g.identifier) for g in dataset.graphs() if len(g))
    for name in names:
        assert isomorphic(exported.graph(URIRef(name)), dataset.graph(URIRef(name)))


def test_store_from_file_serves_a_graph_file(three: tuple[Path, Dataset], tmp_path: Path) -> None:
    folder, dataset = three
    write_graph(dataset, tmp_path / "built.trig")
    in_memory = Store.from_file(tmp_path / "built.trig")
    with Store.open(folder, read_only=True) as store:
        assert in_memory.graph_names() == store.graph_names()
        assert in_memory.query(query_text("facts")) == store.query(query_text("facts"))


# --- open_graph: what commands read ----------------------------------------------------------


def test_open_graph_takes_a_store_folder_or_a_file(three: tuple[Path, Dataset], tmp_path: Path) -> None:
    folder, dataset = three
    write_graph(dataset, tmp_path / "built.ttl")
    opened = open_graph(folder)
    assert isinstance(opened, Store) and opened.read_only
    opened.close()
    assert isinstance(open_graph(tmp_path / "built.ttl"), Dataset)
    (tmp_path / "plain").mkdir()
    with pytest.raises(GraphLoadError, match="not a kg store"):
        open_graph(tmp_path / "plain")


def test_as_dataset_of_a_store_validates_like_the_file(three: tuple[Path, Dataset]) -> None:
    from kg.validation import validate

    with Store.open(three[0], read_only=True) as store:
        report = validate(as_dataset(store))
    assert report.conforms and report == validate(three[1])


# --- the registry: entities already stored keep their IRI and label ----------------------------


@pytest.mark.parametrize(("first", "later"), [
    ("Brenmoor Céramiques S.A.", "Brenmoor Céramiques"),
    ("Tallis Glassworks Ltd", "Tallis Glassworks"),
])
def test_store_registry_gives_later_reports_the_stored_iri(tmp_path: Path, first: str, later: str) -> None:
    one = Sample("one.en.txt", "en", first, "Vernclose", "tiles", 100, "Ada Brisk")
    two = Sample("two.en.txt", "en", later, "Ostrevaux", "tiles", 200, "Ada Brisk")
    serial = built_graphs((one, two))  # one build, one registry in memory
    stored(tmp_path / "s", (one,))
    with Store.open(tmp_path / "s") as store:
        incremental = build_graph(two.report(), two.extraction(), registry_of(store))
    assert isomorphic(incremental, serial[1][1])


# --- builds with the real pipeline -------------------------------------------------------------

REPORTS = {
    "corvane-lusigny.fr.txt": "Corvane Matériaux a inauguré une usine de plâtre à Lusigny. Le site "
                              "produira 30 000 tonnes de plâtre par an.\n",
    "pellwick-harbury.en.txt": "Pellwick Engineering opened a pump factory in Harbury. The plant will "
                               "make 4,000 pumps a year.\n",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_reports(tmp_path_factory.mktemp("corpus"), REPORTS)


def test_store_build_is_incremental(pipelines: dict, corpus: Path, tmp_path: Path) -> None:
    store_folder = tmp_path / "s"
    with Store.open(store_folder) as store:
        first = build_into_store([corpus], store)
        assert [r.path.name for r in first.reports] == sorted(REPORTS) and not first.failures
        snapshot = all_quads(store)
        again = build_into_store([corpus], store)
        assert again.reports == [] and [r.path.name for r in again.skipped] == sorted(REPORTS)
        assert all_quads(store) == snapshot


def test_store_build_replaces_a_changed_report_only(pipelines: dict, corpus: Path, tmp_path: Path) -> None:
    folder = write_reports(tmp_path / "corpus", REPORTS)
    with Store.open(tmp_path / "s") as store:
        build_into_store([folder], store)
        kept = {r.file_name: graph_quads(store, r.graph) for r in store.reports()}
        (folder / "pellwick-harbury.en.txt").write_text(REPORTS["pellwick-harbury.en.txt"]
                                                        + "Pellwick Engineering is based in Corby.\n")
        result = build_into_store([folder], store)
        assert [r.path.name for r in result.replaced] == ["pellwick-harbury.en.txt"]
        assert [r.path.name for r in result.skipped] == ["corvane-lusigny.fr.txt"]
        entries = {r.file_name: r for r in store.reports()}
        assert graph_quads(store, entries["corvane-lusigny.fr.txt"].graph) == kept["corvane-lusigny.fr.txt"]
        assert graph_quads(store, entries["pellwick-harbury.en.txt"].graph) != kept["pellwick-harbury.en.txt"]
        assert len(store.graph_names()) == 2


def test_store_build_builds_a_copy_once(pipelines: dict, corpus: Path, tmp_path: Path) -> None:
    copies = tmp_path / "copies"
    copies.mkdir()
    (copies / "zz-copy.fr.txt").write_text(REPORTS["corvane-lusigny.fr.txt"], encoding="utf-8")
    with Store.open(tmp_path / "s") as store:
        first = build_into_store([corpus, copies], store)
        assert [str(d) for d in first.duplicates] == [
            f"{copies / 'zz-copy.fr.txt'}: same text as {corpus / 'corvane-lusigny.fr.txt'}; built once"]
        again = build_into_store([copies], store)  # now against the store
        assert [str(d) for d in again.duplicates] == [
            f"{copies / 'zz-copy.fr.txt'}: same text as corvane-lusigny.fr.txt; built once"]
        assert len(store.reports()) == 2 and not first.failures and not again.failures


def test_store_build_refuses_two_files_of_one_name(pipelines: dict, corpus: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "pellwick-harbury.en.txt").write_text("Pellwick Engineering opened an office in Dunmere.\n")
    with Store.open(tmp_path / "s") as store:
        result = build_into_store([corpus, other], store)
    assert len(result.reports) == 2 and len(result.failures) == 1
    assert "a store keeps one report per file name" in result.failures[0].message


def test_store_build_command_writes_validates_and_says_what_it_did(pipelines: dict, corpus: Path, tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from kg.store.commands import build_store

    folder, output = tmp_path / "s", tmp_path / "all.trig"
    assert build_store([corpus], folder, output=output, lang=None, validate=True, shapes=None) == 0
    said = capsys.readouterr().err
    assert f"kg: 2 report(s) built into {folder}\n" in said and "quads written to" in said
    with Store.open(folder, read_only=True) as store:
        rows = [tuple(cell or "" for cell in row) for row in store.query(query_text("facts")).rows]
    assert rows and rows == facts(load_graph(output))
    assert build_store([corpus], folder, output=None, lang=None, validate=True, shapes=None) == 0
    assert f"kg: 0 report(s) built into {folder}, 2 unchanged\n" in capsys.readouterr().err


def test_store_build_can_hold_no_graph(pipelines: dict, corpus: Path, tmp_path: Path) -> None:
    seen: list[str] = []
    with Store.open(tmp_path / "s") as store:
        result = build_into_store([corpus], store, keep_graphs=False,
                                  on_graph=lambda outcome: seen.append(outcome.report.path.name))
        assert len(store.graph_names()) == 2
    assert seen == sorted(REPORTS) and [r.path.name for r in result.reports] == sorted(REPORTS)
    assert len(result.dataset) == 0 and not any(len(g) for g in result.dataset.graphs())


def test_store_build_command_validates_as_it_streams(pipelines: dict, corpus: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    from kg.store.commands import build_store

    shapes = tmp_path / "tickers.ttl"  # every organization must have a ticker: none of these has one
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n@prefix kg: <https://w3id.org/kg/ontology#> .\n"
        "[] a sh:NodeShape ; sh:targetClass kg:Organization ;\n"
        "  sh:property [ sh:path kg:tickerSymbol ; sh:minCount 1 ; sh:message \"a company has a ticker\" ] .\n",
        encoding="utf-8")
    assert build_store([corpus], tmp_path / "s", output=None, lang=None, validate=True, shapes=shapes) == 1
    said = capsys.readouterr().err.splitlines()
    assert said[1] == "Does not conform: 2 violations"
    assert [line.split()[0] for line in said[2:]] == ["kgr:org/corvane-materiaux", "kgr:org/pellwick-engineering"]
    assert all(line.endswith("kg:tickerSymbol: a company has a ticker") for line in said[2:])


def test_store_build_that_flushes_as_it_goes_stores_the_same_quads(pipelines: dict, corpus: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.store.build

    flushes: list[int] = []
    with Store.open(tmp_path / "once") as store:
        build_into_store([corpus], store)
        expected = all_quads(store)
    monkeypatch.setattr(kg.store.build, "FLUSH_EVERY", 1)
    monkeypatch.setattr(Store, "flush", lambda self, real=Store.flush: (flushes.append(1), real(self)))
    with Store.open(tmp_path / "flushed") as store:
        build_into_store([corpus], store)
        assert all_quads(store) == expected
    assert len(flushes) == len(REPORTS)


@pytest.mark.parametrize("suffix", [".trig", ".nq", ".jsonld", ".csv"])
def test_export_of_a_store_writes_what_the_export_of_its_file_writes(three: tuple[Path, Dataset], tmp_path: Path,
                                                                      suffix: str) -> None:
    from click.testing import CliRunner

    from kg.cli import main

    folder, dataset = three
    write_graph(dataset, tmp_path / "built.trig")
    runner = CliRunner()
    from_store = runner.invoke(main, ["export", str(folder), "-o", str(tmp_path / f"store{suffix}")])
    from_file = runner.invoke(main, ["export", str(tmp_path / "built.trig"), "-o", str(tmp_path / f"file{suffix}")])
    assert from_store.exit_code == from_file.exit_code == 0, from_store.output
    assert (tmp_path / f"store{suffix}").read_bytes() == (tmp_path / f"file{suffix}").read_bytes()
    with Store.open(folder) as store:  # the export let go of the store's lock
        assert len(store) > 0
