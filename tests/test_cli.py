"""kg's command line: build, validate, query, queries, facts; exit codes and one-line errors.

Most commands run in-process (click's runner, spaCy loaded once a session); the determinism
test runs ``kg build`` in two separate programs with different hash seeds.
"""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from rdflib import Graph, Literal

from conftest import BUILD_DATA, ReportFolder
from kg.extract.model import RELATIONS
from kg.namespaces import DCTERMS, KG, RDF
from kg.resources import query_names, query_text

# rdflib 7 calls its own deprecated Dataset API when graphs are parsed and serialized.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")

Cli = Callable[..., Result]


def error_line(result: Result) -> str:
    """The one line a failed command printed, after checking it was one line and no traceback."""
    assert isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


# --- kg build ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def mixed_build(kg_cli: Cli, report_folder: ReportFolder, tmp_path_factory: pytest.TempPathFactory
                ) -> tuple[Result, Path]:
    """``kg build`` of the folder of good and bad reports and of a missing path."""
    output = tmp_path_factory.mktemp("mixed") / "graph.ttl"
    return kg_cli("build", report_folder.path, report_folder.missing, "--output", output), output


def test_cli_build_builds_good_reports_and_names_each_bad_one(
        mixed_build: tuple[Result, Path], report_folder: ReportFolder) -> None:
    result, output = mixed_build
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit) and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    bad = {**report_folder.bad, report_folder.missing: "no such file"}
    for path, problem in bad.items():
        naming = [line for line in lines if path.name in line]
        assert len(naming) == 1, (path.name, lines)
        assert naming[0].startswith(f"kg: {path}: ") and problem in naming[0]
    assert f"kg: 4 report(s) built into {output}, 3 failed" in lines
    names = {str(name) for name in Graph().parse(output).objects(None, KG.fileName)}
    assert names == {path.name for path in report_folder.good}


@pytest.mark.parametrize("label", [
    "Angoulême",  # cp1252 (with ’ œ € elsewhere in the text)
    "Orléans",  # Latin-1
    "Besançon",  # UTF-8, French
    "Tampere",  # UTF-8, English
], ids=["cp1252", "latin-1", "utf-8-fr", "utf-8-en"])
def test_cli_build_decodes_each_encoding(mixed_build: tuple[Result, Path], label: str) -> None:
    graph = Graph().parse(mixed_build[1])
    assert label in {str(o) for o in graph.objects() if isinstance(o, Literal)}


def test_cli_build_keeps_report_titles_intact(mixed_build: tuple[Result, Path]) -> None:
    graph = Graph().parse(mixed_build[1])
    titles = {str(title) for title in graph.objects(None, DCTERMS.title)}
    assert ("Les Forges d’Émeraude, groupe métallurgique basé à Bordeaux, ont inauguré jeudi une "
            "fonderie à Angoulême.") in titles
    assert "La société Céramiques Bréval, dont le siège est à Nantes, a ouvert un atelier à Orléans." in titles


def test_cli_build_leaves_no_temporary_file(mixed_build: tuple[Result, Path]) -> None:
    output = mixed_build[1]
    assert [p.name for p in output.parent.iterdir()] == [output.name]


@pytest.mark.parametrize(("output", "problem"), [
    ("graph.xyz", "unknown graph format '.xyz'"),
    ("graph", "unknown graph format '(no suffix)'"),
    ("no-such-folder/graph.ttl", "the folder"),
])
def test_cli_build_fails_before_any_work_on_a_bad_output(
        kg_cli: Cli, tmp_path: Path, output: str, problem: str) -> None:
    target = tmp_path / output
    if target.parent.is_dir():
        target.write_text("an earlier graph\n", encoding="utf-8")
    result = kg_cli("build", BUILD_DATA, "--output", target)
    assert result.exit_code == 2
    line = error_line(result)
    assert line.startswith("kg: error: ") and problem in line
    if target.parent.is_dir():
        assert target.read_text(encoding="utf-8") == "an earlier graph\n"
        assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_cli_build_missing_shapes_fail_before_any_work(kg_cli: Cli, tmp_path: Path) -> None:
    result = kg_cli("build", BUILD_DATA, "--output", tmp_path / "g.ttl", "--shapes", tmp_path / "none.ttl")
    assert result.exit_code == 2
    assert "none.ttl: cannot read shapes file" in error_line(result)
    assert list(tmp_path.iterdir()) == []


def test_cli_build_of_no_report_keeps_the_earlier_graph(
        kg_cli: Cli, report_folder: ReportFolder, tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    target.write_text("an earlier graph\n", encoding="utf-8")
    empty = next(path for path, problem in report_folder.bad.items() if problem == "empty")
    result = kg_cli("build", empty, report_folder.missing, "--output", target)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 3 and lines[-1] == f"kg: no report could be built; {target} not written"
    assert target.read_text(encoding="utf-8") == "an earlier graph\n"


def test_cli_build_notes_a_text_given_twice(kg_cli: Cli, tmp_path: Path) -> None:
    reports = [tmp_path / "one.en.txt", tmp_path / "two.en.txt"]
    for path in reports:
        path.write_bytes((BUILD_DATA / "harwick-tampere.en.txt").read_bytes())
    result = kg_cli("build", *reports, "--output", tmp_path / "graph.ttl")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == f"kg: note: {reports[1]}: same text as {reports[0]}; built once"


def test_cli_build_without_output_builds_into_the_default_store(kg_cli: Cli, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = kg_cli("build", BUILD_DATA / "harwick-tampere.en.txt")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == ["kg: 1 report(s) built into kg.store"]
    facts = kg_cli("facts", "kg.store")
    assert facts.exit_code == 0 and "Tampere" in facts.stdout


# Runs ``kg build`` once per output file in one process, so that spaCy loads once a process.
TWO_BUILDS = """
import sys
from kg.cli import main

for output in sys.argv[2:]:
    try:
        main(["build", sys.argv[1], "--output", output], prog_name="kg")
    except SystemExit as exit:
        print(output, exit.code)
"""


def test_cli_build_is_byte_identical_across_processes(report_folder: ReportFolder, tmp_path: Path) -> None:
    """Two programs with different hash seeds (set and dict order differ) write the same bytes."""
    written = {}
    for seed in ("1", "4242"):
        outputs = [tmp_path / f"seed-{seed}.ttl", tmp_path / f"seed-{seed}.trig"]
        done = subprocess.run([sys.executable, "-c", TWO_BUILDS, report_folder.path, *outputs],
                              capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": seed})
        assert done.stdout.split() == [str(outputs[0]), "1", str(outputs[1]), "1"], done.stderr
        assert "Traceback" not in done.stderr  # the folder's bad reports: one line each
        assert len(done.stderr.splitlines()) == 2 * (len(report_folder.bad) + 1)
        written[seed] = [output.read_bytes() for output in outputs]
    assert written["1"] == written["4242"]
    assert all("Besançon".encode() in data for data in written["1"])


# --- kg validate ------------------------------------------------------------------------------


def _first_site(graph: Graph):
    return sorted(graph.subjects(RDF.type, KG.Site))[0]


def _without_evidence(graph: Graph) -> Graph:
    graph.remove((_first_site(graph), KG.evidence, None))
    return graph


def _without_place(graph: Graph) -> Graph:
    graph.remove((_first_site(graph), KG.locatedIn, None))
    return graph


@pytest.mark.parametrize(("change", "exit_code", "first_line", "shape"), [
    (None, 0, "Conforms", None),
    (_without_evidence, 1, "Does not conform: 1 violation", "a fact has at least one kg:evidence"),
    (_without_place, 1, "Does not conform: 1 violation", "a site is located in exactly one place"),
])
def test_cli_validate_exit_code_says_whether_the_graph_conforms(
        kg_cli: Cli, built_graph: Path, tmp_path: Path, change, exit_code: int, first_line: str,
        shape: str | None) -> None:
    graph = Graph().parse(built_graph)
    if change is not None:
        graph = change(graph)
    path = tmp_path / "graph.ttl"
    graph.serialize(path, format="turtle")
    result = kg_cli("validate", path)
    assert result.exit_code == exit_code
    lines = result.stdout.splitlines()
    assert lines[0] == first_line
    if shape is not None:
        assert len(lines) == 2 and shape in lines[1]


@pytest.mark.parametrize(("name", "content", "problem"), [
    ("missing.ttl", None, "no such file"),
    ("broken.ttl", b"@prefix kg: <https://w3id.org/kg/ontology#> .\nkg:a kg:b \n", "invalid turtle"),
    ("binary.ttl", bytes(range(256)), "invalid turtle"),
    ("graph.csv", b"a,b\n", "unknown graph format"),
])
def test_cli_validate_unreadable_graph_exits_2(
        kg_cli: Cli, tmp_path: Path, name: str, content: bytes | None, problem: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = kg_cli("validate", path)
    assert result.exit_code == 2
    line = error_line(result)
    assert line.startswith(f"kg: error: {path}: ") and problem in line


def test_cli_validate_missing_shapes_exits_2(kg_cli: Cli, built_graph: Path, tmp_path: Path) -> None:
    result = kg_cli("validate", built_graph, "--shapes", tmp_path / "none.ttl")
    assert result.exit_code == 2
    assert "cannot read shapes file" in error_line(result)


# --- kg query, kg queries ---------------------------------------------------------------------

SITES = """PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?company ?city WHERE {
  ?org kg:hasSite/kg:locatedIn ?place . ?org rdfs:label ?company . ?place rdfs:label ?city
} ORDER BY ?company ?city
"""


@pytest.fixture(scope="module")
def sites_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("queries") / "sites.rq"
    path.write_text(SITES, encoding="utf-8")
    return path


def _rows(fmt: str, text: str) -> list[list[str]]:
    """The rows of a query answer, header first, read back from its format."""
    if fmt == "json":
        document = json.loads(text)
        names = document["head"]["vars"]
        return [names] + [[b[n]["value"] for n in names] for b in document["results"]["bindings"]]
    if fmt == "table":
        lines = text.splitlines()
        assert set(lines[1]) <= {"-", " "}
        return [line.split("  ")[:1] + [line.split()[-1]] for line in [lines[0], *lines[2:]]]
    return list(csv.reader(io.StringIO(text), delimiter="," if fmt == "csv" else "\t"))


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_cli_query_from_a_file_in_each_format(kg_cli: Cli, built_graph: Path, sites_file: Path, fmt: str) -> None:
    result = kg_cli("query", sites_file, built_graph, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    rows = _rows(fmt, result.stdout)
    assert [cell.strip() for cell in rows[0]] == ["company", "city"]
    assert ["Valmont Industries", "Besançon"] in [[c.strip() for c in row] for row in rows[1:]]
    assert len(rows) >= 3


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_cli_query_by_name_answers_as_its_file(kg_cli: Cli, built_graph: Path, tmp_path: Path, fmt: str) -> None:
    copy = tmp_path / "copy.rq"
    copy.write_text(query_text("sites-by-company"), encoding="utf-8")
    by_name = kg_cli("query", "sites-by-company", built_graph, "--format", fmt)
    by_file = kg_cli("query", copy, built_graph, "--format", fmt)
    assert by_name.exit_code == by_file.exit_code == 0
    assert by_name.stdout == by_file.stdout
    assert "Besançon" in by_name.stdout


@pytest.mark.parametrize(("query", "content", "problem"), [
    ("no-such-query", None, "no-such-query"),
    ("broken.rq", "SELECT ?x WHERE { ?x ", "broken.rq"),
])
def test_cli_query_errors_are_one_line(
        kg_cli: Cli, built_graph: Path, tmp_path: Path, query: str, content: str | None, problem: str) -> None:
    if content is not None:
        (tmp_path / query).write_text(content, encoding="utf-8")
        query = str(tmp_path / query)
    result = kg_cli("query", query, built_graph)
    assert result.exit_code == 2
    line = error_line(result)
    assert line.startswith("kg: error: ") and problem in line


def test_cli_queries_lists_each_bundled_query_with_what_it_answers(kg_cli: Cli) -> None:
    result = kg_cli("queries")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == query_names()
    for line in lines:
        description = line.split(maxsplit=1)[1]
        assert description[0].isupper() and description[-1] in ".?", line


# --- kg facts -----------------------------------------------------------------------------------


def test_cli_facts_is_a_tsv_with_header(kg_cli: Cli, built_graph: Path) -> None:
    result = kg_cli("facts", built_graph)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "subject\trelation\tobject\tqualifier"
    rows = [line.split("\t") for line in lines[1:]]
    assert rows and all(len(row) == 4 and row[0] and row[2] for row in rows)
    assert {row[1] for row in rows} <= set(RELATIONS)
    assert rows == sorted(rows, key=lambda row: (row[1], row[0], row[2], row[3]))
    sites = {(row[0], row[2]) for row in rows if row[1] == "has_site_in"}
    assert ("Valmont Industries", "Besançon") in sites
    assert any(company.startswith("Harwick Composites") and city == "Tampere" for company, city in sites)


def test_cli_facts_are_the_same_whatever_the_graph_format(kg_cli: Cli, tmp_path: Path) -> None:
    """The facts view prints numbers as the graph file wrote them: the same in every format."""
    views = []
    for suffix in (".ttl", ".trig", ".nq", ".jsonld"):
        output = tmp_path / f"graph{suffix}"
        assert kg_cli("build", BUILD_DATA, "--output", output, "--no-validate").exit_code == 0
        views.append(kg_cli("facts", output).stdout)
    assert views[0] == views[1] == views[2] == views[3]
    assert "\t15000 t/yr\t" in views[0]


def test_cli_facts_of_a_missing_graph_is_one_line(kg_cli: Cli, tmp_path: Path) -> None:
    result = kg_cli("facts", tmp_path / "none.ttl")
    assert result.exit_code == 2
    assert error_line(result) == f"kg: error: {tmp_path / 'none.ttl'}: no such file"


def test_cli_error_in_a_real_process_is_one_line(kg_process: Callable, tmp_path: Path) -> None:
    done = kg_process("validate", tmp_path / "none.ttl")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"kg: error: {tmp_path / 'none.ttl'}: no such file\n"


def test_cli_version(kg_cli: Cli) -> None:
    from kg import __version__

    result = kg_cli("--version")
    assert result.exit_code == 0 and __version__ in result.stdout
