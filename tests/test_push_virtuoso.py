"""``kg push`` against a real Virtuoso (Debian's virtuoso-opensource-7).

The session fixture starts one with ``.ci/virtuoso.sh`` (a fresh database in a temporary folder,
on free ports of 127.0.0.1) unless ``KG_VIRTUOSO_URL`` names a running one. Without the
``virtuoso-t`` binary the tests fail: CI installs it (``.ci/virtuoso.sh install``).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from SPARQLWrapper import JSON, SPARQLWrapper

from conftest import write_reports
from kg.graph.iris import report_iri
from kg.pipeline import build_reports
from kg.remote import GraphStoreClient, Remote, RemoteError, push
from kg.remote.commands import push as push_command
from kg.remote.push import verify
from kg.store import Store

SCRIPT = Path(__file__).resolve().parents[1] / ".ci" / "virtuoso.sh"

REPORTS = {
    "nordvik-valence.fr.txt": (
        "GRENOBLE, 4 mars 2025 — Nordvik Batteries SA, dont le siège est à Grenoble, construira "
        "une usine de cellules à Valence. Le site produira 8 GWh par an à partir de 2027. "
        "L'entreprise investira 420 millions d'euros dans ce projet. « Valence offre une "
        "main-d'œuvre qualifiée et un accès direct à l'autoroute A7 », a déclaré Claire Morel, "
        "directrice générale de Nordvik Batteries."
    ),
    "halvorsen-dundee.en.txt": (
        "ABERDEEN, Scotland — Halvorsen Marine Ltd, which is headquartered in Aberdeen, said on "
        "Tuesday it will open a cable plant in Dundee. The plant will have a capacity of 12,000 "
        "tonnes a year. The company chose Dundee for its deep-water port and its skilled "
        "workforce. Chief executive Ewan Fraser said the investment of £150 million would "
        "create 300 jobs."
    ),
}


@pytest.fixture(scope="session")
def virtuoso() -> Iterator[Remote]:
    """A running Virtuoso: the one ``KG_VIRTUOSO_URL`` names, else one started for the session."""
    url = os.environ.get("KG_VIRTUOSO_URL")
    folder = None
    if not url:
        if shutil.which("virtuoso-t") is None:
            pytest.fail("virtuoso-t is not installed: run `.ci/virtuoso.sh install` "
                        "(apt-get install virtuoso-opensource-7) or set KG_VIRTUOSO_URL")
        started = subprocess.run(["bash", str(SCRIPT), "start"], capture_output=True, text=True, timeout=300,
                                 env={**os.environ, "PYTHON": sys.executable})
        if started.returncode != 0:
            pytest.fail(f"Virtuoso did not start: {started.stderr.strip()}")
        env = dict(line.split("=", 1) for line in started.stdout.split())
        url, folder = env["KG_VIRTUOSO_URL"], env["KG_VIRTUOSO_DIR"]
    yield Remote(endpoint=f"{url}/sparql", graph_store=f"{url}/sparql-graph-crud-auth",
                 user=os.environ.get("KG_VIRTUOSO_USER", "dba"),
                 password=os.environ.get("KG_VIRTUOSO_PASSWORD", "dba"))
    if folder:
        subprocess.run(["bash", str(SCRIPT), "stop", folder], check=True, timeout=120)


def write_prefixed(folder: Path, prefix: str, texts: dict[str, str]) -> Path:
    """The reports, under file names of their own: a push replaces reports by file name."""
    return write_reports(folder, {f"{prefix}-{name}": text for name, text in texts.items()})


def build(folder: Path):
    return built(folder).dataset


def built(folder: Path):
    result = build_reports([folder])
    assert not result.failures, result.failures
    return result


def local_counts(dataset) -> dict[str, int]:
    return {str(g.identifier): len(g) for g in dataset.graphs() if len(g)
            and str(g.identifier).startswith("https://w3id.org/kg/id/report/")}


def remote_counts(remote: Remote, graphs) -> dict[str, int]:
    """Triples per named graph, asked through SPARQLWrapper (each graph named: Virtuoso's
    default graph holds its own system graphs)."""
    values = " ".join(f"<{g}>" for g in graphs)
    rows = select(remote, f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} "
                          "GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {row["g"]: int(row["n"]) for row in rows}


def select(remote: Remote, query: str) -> list[dict[str, str]]:
    client = SPARQLWrapper(remote.endpoint)
    client.setQuery(query)
    client.setReturnFormat(JSON)
    bindings = client.queryAndConvert()["results"]["bindings"]
    return [{k: v["value"] for k, v in row.items()} for row in bindings]


def test_push_virtuoso_sends_one_graph_per_report(virtuoso: Remote, tmp_path: Path) -> None:
    dataset = build(write_prefixed(tmp_path / "reports", "one", REPORTS))
    expected = local_counts(dataset)
    result = push(dataset, virtuoso)
    assert len(expected) == 2
    assert set(result.graphs) == set(expected)
    assert result.triples == sum(expected.values())
    assert remote_counts(virtuoso, expected) == expected


def test_push_virtuoso_twice_leaves_one_copy(virtuoso: Remote, tmp_path: Path) -> None:
    dataset = build(write_prefixed(tmp_path / "reports", "twice", REPORTS))
    expected = local_counts(dataset)
    push(dataset, virtuoso)
    again = push(dataset, virtuoso)
    assert again.replaced == ()
    assert remote_counts(virtuoso, expected) == expected


def test_push_virtuoso_changed_report_replaces_its_graph(virtuoso: Remote, tmp_path: Path) -> None:
    folder = write_prefixed(tmp_path / "reports", "changed", REPORTS)
    first = build(folder)
    before = local_counts(first)
    push(first, virtuoso)
    changed = dict(REPORTS)
    changed["halvorsen-dundee.en.txt"] = REPORTS["halvorsen-dundee.en.txt"].replace("12,000", "15,000")
    after_dataset = build(write_prefixed(folder, "changed", changed))
    after = local_counts(after_dataset)
    result = push(after_dataset, virtuoso)
    (old,) = set(before) - set(after)
    assert result.replaced == (old,)
    assert remote_counts(virtuoso, before | after) == after
    graphs = " ".join(f"<{g}>" for g in after)
    rows = select(virtuoso, "PREFIX kg: <https://w3id.org/kg/ontology#> SELECT ?v WHERE { "
                            f"VALUES ?g {{ {graphs} }} GRAPH ?g {{ ?c a kg:Capacity ; kg:value ?v }} }}")
    assert sorted(float(r["v"]) for r in rows) == [8.0, 15000.0]


@pytest.mark.parametrize("label, country", [("Grenoble", "France"), ("Aberdeen", "United Kingdom")])
def test_push_virtuoso_queried_back(virtuoso: Remote, tmp_path: Path, label: str, country: str) -> None:
    dataset = build(write_prefixed(tmp_path / "reports", f"back-{label}", REPORTS))
    push(dataset, virtuoso)
    graphs = " ".join(f"<{g}>" for g in local_counts(dataset))
    rows = select(virtuoso, f"""
        PREFIX kg: <https://w3id.org/kg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT DISTINCT ?org ?countryLabel WHERE {{
          VALUES ?g {{ {graphs} }}
          GRAPH ?g {{ ?o kg:headquarteredIn ?city . ?city rdfs:label "{label}" ;
                      kg:locatedIn ?country . ?o rdfs:label ?org . ?country rdfs:label ?countryLabel }}
        }}""")
    assert [r["countryLabel"] for r in rows] == [country]


def test_push_virtuoso_in_chunks(virtuoso: Remote, tmp_path: Path) -> None:
    dataset = build(write_prefixed(tmp_path / "reports", "chunks", REPORTS))
    expected = local_counts(dataset)
    result = push(dataset, virtuoso, chunk_triples=25)
    assert result.triples == sum(expected.values())
    assert remote_counts(virtuoso, expected) == expected


@pytest.mark.parametrize("kind", ["trig", "nq", "store"])
def test_push_virtuoso_from_file_or_store(virtuoso: Remote, tmp_path: Path, kind: str) -> None:
    build_result = built(write_prefixed(tmp_path / "reports", f"source-{kind}", REPORTS))
    dataset = build_result.dataset
    if kind == "store":
        source = tmp_path / "store"
        with Store.open(source) as store:
            for report in build_result.reports:
                store.add_report(report, dataset.graph(report_iri(report.content_hash)))
    else:
        source = tmp_path / f"graph.{kind}"
        source.write_bytes(dataset.serialize(format="trig" if kind == "trig" else "nquads", encoding="utf-8"))
    result = CliRunner().invoke(push_command, [str(source), "--endpoint", virtuoso.endpoint,
                                               "--graph-store", virtuoso.graph_store,
                                               "--user", virtuoso.user, "--password", virtuoso.password])
    assert result.exit_code == 0, result.output
    assert "2 graph(s)" in result.output
    assert remote_counts(virtuoso, local_counts(dataset)) == local_counts(dataset)


@pytest.mark.parametrize("change, message", [
    ({"password": "not-the-password"}, "refused the credentials of user 'dba' (HTTP 401)"),
    ({"user": None, "password": None}, "needs credentials: give --user and --password"),
    ({"endpoint": "http://127.0.0.1:9/sparql", "graph_store": "http://127.0.0.1:9/gsp"}, "cannot connect"),
])
def test_push_virtuoso_errors_are_one_line(virtuoso: Remote, tmp_path: Path, change: dict, message: str) -> None:
    trig = tmp_path / "small.trig"
    trig.write_text("<https://w3id.org/kg/id/report/errors> { <urn:x:a> <urn:x:p> \"un\" . }\n", encoding="utf-8")
    remote = Remote(**{**virtuoso.__dict__, **change})
    runner = CliRunner()
    args = [str(trig), "--endpoint", remote.endpoint, "--graph-store", remote.graph_store]
    args += ["--user", remote.user, "--password", remote.password] if remote.user else []
    result = runner.invoke(push_command, args, env={"KG_PUSH_USER": None, "KG_PUSH_PASSWORD": None})
    assert result.exit_code == 2
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize("name, content, message", [
    ("graph.ttl", "<urn:x:a> <urn:x:p> 1 .", "a .ttl file has no named graphs"),
    ("graph.nq", "<urn:x:a> <urn:x:p> .", "invalid nq"),
    ("graph.trig", "", "holds no named graph to push"),
    ("folder", None, "is a folder but not a kg store"),
    ("missing.trig", False, "no such file"),
])
def test_push_virtuoso_bad_sources_are_one_line(virtuoso: Remote, tmp_path: Path, name: str,
                                               content: str | None | bool, message: str) -> None:
    source = tmp_path / name
    if content is None:
        source.mkdir()
    elif content is not False:
        source.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(push_command, [str(source), "--endpoint", virtuoso.endpoint,
                                               "--graph-store", virtuoso.graph_store])
    assert result.exit_code == 2
    assert message in result.output and str(source) in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_push_virtuoso_count_mismatch_fails(virtuoso: Remote) -> None:
    graph = "https://w3id.org/kg/id/report/mismatch"
    client = GraphStoreClient(virtuoso)
    client.put(graph, b'<urn:x:a> <urn:x:p> "un" .\n<urn:x:a> <urn:x:p> "deux" .\n')
    verify(client, {graph: 2})
    with pytest.raises(RemoteError, match=r"count mismatch after push: <.*/mismatch> holds 2 triples, expected 3"):
        verify(client, {graph: 3})


def test_push_virtuoso_cut_answers_are_errors(virtuoso: Remote) -> None:
    graph = "https://w3id.org/kg/id/report/many-rows"
    client = GraphStoreClient(virtuoso)
    client.put(graph, "".join(f'<urn:x:s{i}> <urn:x:p> "{i}" .\n' for i in range(10_500)).encode())
    with pytest.raises(RemoteError, match="cut at 10000 rows"):
        client.select(f"SELECT ?s WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    client.delete(graph)
    assert client.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}") == [{"n": "0"}]
