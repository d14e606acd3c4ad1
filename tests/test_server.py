"""kg.store.server: the SPARQL 1.1 endpoint, over real HTTP on 127.0.0.1, with real clients.

An endpoint serves a store of three invented reports (``store_fixtures``) on an ephemeral
port; SPARQLWrapper and ``curl`` query it. Answers are read back with pyoxigraph's and
rdflib's parsers and compared with what the store answers in-process. A second endpoint, with
a three-second time limit, serves the same graphs from a TriG file.
"""
from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic
from SPARQLWrapper import CSV, JSON, N3, POST, POSTDIRECTLY, RDFXML, TSV, TURTLE, URLENCODED, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.export import write_graph
from kg.facts import facts
from kg.graph.iris import report_iri
from kg.resources import query_text
from kg.store import Store
from kg.store.commands import serve
from kg.store.runner import QueryPool, Source
from kg.store.server import make_server, url_of
from store_fixtures import SAMPLES, stored

pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib"),
              pytest.mark.filterwarnings("ignore::DeprecationWarning:SPARQLWrapper")]

STRICT = 3.0  # seconds
MAX_ROWS = 40  # the samples hold ~230 triples: SELECT * over them is cut, the facts view (12) is not
ALL = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
LABELS = "SELECT ?entity ?label WHERE { ?entity rdfs:label ?label } ORDER BY ?label"
CONSTRUCT = "CONSTRUCT { ?org rdfs:label ?label } WHERE { ?org a kg:Organization ; rdfs:label ?label }"
DESCRIBE = "DESCRIBE kgr:org\\/tallis-glassworks"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"  # 230^4 rows


@dataclass(frozen=True)
class Served:
    url: str
    folder: Path  # the store (or the file) served
    pool: QueryPool


def _serve(source: Source, **limits: float) -> Iterator[Served]:
    pool = QueryPool(source, workers=2, **limits)
    server = make_server(pool, "127.0.0.1", 0, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Served(url_of(server), source.path, pool)
    finally:
        server.shutdown()
        server.server_close()
        pool.close()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("served") / "store"
    stored(path)
    return path


@pytest.fixture(scope="module")
def endpoint(folder: Path) -> Iterator[Served]:
    yield from _serve(Source("store", folder), timeout=20.0, max_rows=MAX_ROWS)


@pytest.fixture(scope="module")
def strict(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The same graphs from a TriG file, with a time limit of three seconds (the first query of
    a worker parses in ~0.3 s; a loaded machine may take several times that)."""
    trig = tmp_path_factory.mktemp("file") / "served.trig"
    with Store.open(folder, read_only=True) as store:
        write_graph(store.dataset(), trig)
    yield from _serve(Source("file", trig), timeout=STRICT, max_rows=0)


def local(folder: Path, query: str) -> list[tuple[str | None, ...]]:
    """What the store answers in-process: rows of N-Triples terms."""
    with Store.open(folder, read_only=True) as store:
        found = store.ox.query(query, prefixes=_prefixes())
        return sorted(tuple(None if t is None else str(t) for t in row) for row in found)


def local_graph(folder: Path, query: str) -> Graph:
    with Store.open(folder, read_only=True) as store:
        triples = list(store.ox.query(query, prefixes=_prefixes()))
    return Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")


def _prefixes() -> dict[str, str]:
    from kg.store.oxigraph import QUERY_PREFIXES

    return QUERY_PREFIXES


def rows_of(body: bytes, fmt: ox.QueryResultsFormat) -> list[tuple[str | None, ...]]:
    solutions = ox.parse_query_results(body, format=fmt)
    return sorted(tuple(None if t is None else str(t) for t in row) for row in solutions)


@dataclass(frozen=True)
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    def text(self) -> str:
        return self.body.decode("utf-8")


def curl(*args: str) -> Response:
    """Run curl; the status, the headers (lower-case names) and the body of its answer."""
    done = subprocess.run(["curl", "-sS", "-D", "-", "--max-time", "60", *args], capture_output=True, check=True)
    head, _, body = done.stdout.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    return Response(int(lines[0].split()[1]), headers, body)


# --- SPARQLWrapper -----------------------------------------------------------------------------


def wrapper(url: str, query: str, fmt: str, method: str = "GET", request_method: str = URLENCODED) -> SPARQLWrapper:
    sparql = SPARQLWrapper(url)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    sparql.setMethod(method)
    sparql.setRequestMethod(request_method)
    return sparql


@pytest.mark.parametrize(("method", "request_method"), [("GET", URLENCODED), (POST, URLENCODED), (POST, POSTDIRECTLY)])
def test_server_sparqlwrapper_reads_the_facts_view(endpoint: Served, folder: Path, method: str,
                                                   request_method: str) -> None:
    found = wrapper(endpoint.url, query_text("facts"), JSON, method, request_method).queryAndConvert()
    variables = found["head"]["vars"]
    rows = [tuple(b.get(v, {}).get("value", "") for v in variables) for b in found["results"]["bindings"]]
    with Store.open(folder, read_only=True) as store:
        assert rows == facts(store.dataset())
    assert "partial" not in found


@pytest.mark.parametrize(("fmt", "parse"), [
    (JSON, lambda r: rows_of(json.dumps(r.convert()).encode(), ox.QueryResultsFormat.JSON)),
    (XML, lambda r: rows_of(r.convert().toxml().encode(), ox.QueryResultsFormat.XML)),
    (TSV, lambda r: rows_of(r.convert(), ox.QueryResultsFormat.TSV)),
])
def test_server_sparqlwrapper_select_formats(endpoint: Served, folder: Path, fmt: str, parse) -> None:
    assert parse(wrapper(endpoint.url, LABELS, fmt).query()) == local(folder, LABELS)


def test_server_sparqlwrapper_csv(endpoint: Served, folder: Path) -> None:
    body = wrapper(endpoint.url, LABELS, CSV).query().convert()
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
    assert rows[0] == ["entity", "label"]
    assert sorted(map(tuple, rows[1:])) == sorted((e[1:-1], label.split('"')[1]) for e, label in local(folder, LABELS))


def test_server_sparqlwrapper_ask(endpoint: Served) -> None:
    assert wrapper(endpoint.url, "ASK { ?x a kg:Person }", JSON).queryAndConvert() == {"head": {}, "boolean": True}
    assert wrapper(endpoint.url, "ASK { ?x a kg:Country }", XML).queryAndConvert().getElementsByTagName(
        "boolean")[0].firstChild.data == "false"


@pytest.mark.parametrize(("query", "fmt"), [(CONSTRUCT, TURTLE), (CONSTRUCT, N3), (DESCRIBE, RDFXML)])
def test_server_sparqlwrapper_graphs(endpoint: Served, folder: Path, query: str, fmt: str) -> None:
    converted = wrapper(endpoint.url, query, fmt).queryAndConvert()
    graph = converted if isinstance(converted, Graph) else Graph().parse(data=converted, format="turtle")
    assert len(graph) > 0 and isomorphic(graph, local_graph(folder, query))


def test_server_sparqlwrapper_bad_query_is_a_400(endpoint: Served) -> None:
    with pytest.raises(QueryBadFormed, match="invalid SPARQL at line 1"):
        wrapper(endpoint.url, "SELECT ?s WHERE { ?s ?p }", JSON).query()


def test_server_sparqlwrapper_update_is_refused(endpoint: Served, folder: Path) -> None:
    before = local(folder, ALL)
    with pytest.raises(urllib.error.HTTPError) as refused:
        wrapper(endpoint.url, "INSERT DATA { <urn:a> <urn:b> <urn:c> }", JSON, POST).query()
    assert refused.value.code == 403 and b"read-only" in refused.value.read()
    assert local(folder, ALL) == before


# --- curl: the protocol, format by format ------------------------------------------------------


@pytest.mark.parametrize(("accept", "media", "fmt"), [
    ("application/sparql-results+json", "application/sparql-results+json", ox.QueryResultsFormat.JSON),
    ("application/json", "application/sparql-results+json", ox.QueryResultsFormat.JSON),
    ("application/sparql-results+xml", "application/sparql-results+xml", ox.QueryResultsFormat.XML),
    ("text/tab-separated-values", "text/tab-separated-values", ox.QueryResultsFormat.TSV),
    ("*/*", "application/sparql-results+json", ox.QueryResultsFormat.JSON),
    ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml",
     ox.QueryResultsFormat.XML),
    ("text/*", "text/tab-separated-values", ox.QueryResultsFormat.TSV),  # csv is lossy: tsv reads back
])
@pytest.mark.parametrize("send", ["get", "form", "direct"])
def test_server_curl_select_by_accept(endpoint: Served, folder: Path, accept: str, media: str, fmt, send: str) -> None:
    if accept == "text/*":
        accept = "text/tab-separated-values, text/*;q=0.5"
    how = {"get": ["--get", "--data-urlencode", f"query={LABELS}"],
           "form": ["--data-urlencode", f"query={LABELS}"],
           "direct": ["-H", "Content-Type: application/sparql-query", "--data-binary", LABELS]}[send]
    answer = curl(endpoint.url, "-H", f"Accept: {accept}", *how)
    assert answer.status == 200 and answer.headers["content-type"] == f"{media}; charset=utf-8"
    assert rows_of(answer.body, fmt) == local(folder, LABELS)
    assert "x-kg-partial" not in answer.headers


def test_server_curl_csv_is_the_w3c_format(endpoint: Served) -> None:
    answer = curl("--get", endpoint.url, "--data-urlencode", f"query={LABELS}", "-H", "Accept: text/csv")
    assert answer.headers["content-type"] == "text/csv; charset=utf-8"
    assert answer.text().startswith("entity,label\r\n")
    assert "https://w3id.org/kg/id/org/tallis-glassworks,Tallis Glassworks\r\n" in answer.text()


@pytest.mark.parametrize("query", [CONSTRUCT, DESCRIBE])
@pytest.mark.parametrize(("accept", "media", "fmt"), [
    ("text/turtle", "text/turtle", ox.RdfFormat.TURTLE),
    ("application/n-triples", "application/n-triples", ox.RdfFormat.N_TRIPLES),
    ("application/rdf+xml", "application/rdf+xml", ox.RdfFormat.RDF_XML),
    ("*/*", "text/turtle", ox.RdfFormat.TURTLE),
])
def test_server_curl_graph_by_accept(endpoint: Served, folder: Path, query: str, accept: str, media: str, fmt) -> None:
    answer = curl(endpoint.url, "-H", f"Accept: {accept}", "--data-urlencode", f"query={query}")
    assert answer.status == 200 and answer.headers["content-type"] == f"{media}; charset=utf-8"
    graph = Graph().parse(data=ox.serialize(ox.parse(answer.body, format=fmt), format=ox.RdfFormat.N_TRIPLES),
                          format="nt")
    assert len(graph) > 0 and isomorphic(graph, local_graph(folder, query))


@pytest.mark.parametrize(("query", "accept"), [(LABELS, "image/png"), (CONSTRUCT, "application/sparql-results+json")])
def test_server_curl_unacceptable_is_a_406(endpoint: Served, query: str, accept: str) -> None:
    answer = curl("--get", endpoint.url, "--data-urlencode", f"query={query}", "-H", f"Accept: {accept}")
    assert answer.status == 406 and "ask for one of" in answer.text()


@pytest.mark.parametrize(("args", "problem"), [
    (["--get", "--data-urlencode", "query=LOAD <http://198.51.100.7/data.ttl>"], "read-only (LOAD)"),
    (["--data-urlencode", "query=DROP ALL"], "read-only (DROP)"),
    (["--data-urlencode", "update=INSERT DATA { <urn:a> <urn:b> <urn:c> }"], "read-only"),
    (["--get", "--data-urlencode", "update=CLEAR ALL"], "read-only"),
    (["-H", "Content-Type: application/sparql-update", "--data-binary", "CLEAR ALL"], "read-only"),
    (["--data-urlencode", "query=SELECT * WHERE { SERVICE <http://198.51.100.7/sparql> { ?s ?p ?o } }"],
     "SERVICE is refused"),
    (["--data-urlencode", "query=SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE SILENT <http://198.51.100.7/> "
                          "{ ?s ?p ?o } } }"], "SERVICE is refused"),
    (["--data-urlencode", "query=SELECT * FROM <http://198.51.100.7/g.ttl> WHERE { ?s ?p ?o }"],
     "FROM <http://198.51.100.7/g.ttl> is refused"),
    (["--data-urlencode", "query=SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }"],
     "FROM NAMED <file:///etc/passwd> is refused"),
    (["--get", "--data-urlencode", f"query={ALL}", "--data-urlencode", "default-graph-uri=http://198.51.100.7/g"],
     "default-graph-uri <http://198.51.100.7/g> is refused"),
])
def test_server_curl_refuses_what_would_write_or_fetch(endpoint: Served, args: list[str], problem: str) -> None:
    answer = curl(endpoint.url, *args)
    assert answer.status == 403 and problem in answer.text()


def test_server_curl_a_store_graph_may_be_named(endpoint: Served) -> None:
    iri = str(report_iri(SAMPLES[1].report().content_hash))
    query = "SELECT ?label WHERE { ?org a kg:Organization ; rdfs:label ?label }"
    for how in (["--data-urlencode", f"query={query.replace('WHERE', f'FROM <{iri}> WHERE')}"],
                ["--data-urlencode", f"query={query}", "--data-urlencode", f"default-graph-uri={iri}"]):
        answer = curl(endpoint.url, "-H", "Accept: text/csv", *how)
        assert answer.status == 200 and answer.text() == "label\r\nTallis Glassworks\r\n"


@pytest.mark.parametrize(("args", "status", "problem"), [
    (["--get", "--data-urlencode", "query=SELECT ?s WHERE { ?s ?p"], 400, "invalid SPARQL at line 1"),
    (["--get", "--data-urlencode", "query=SELECT ?s WHERE { ?s a nope:Thing }"], 400, "nope"),
    ([], 400, "no query"),
    (["--get", "--data-urlencode", "query=ASK {}", "--data-urlencode", "query=ASK {}"], 400, "2 queries"),
    (["-H", "Content-Type: text/plain", "--data-binary", "ASK {}"], 415, "application/sparql-query"),
    (["-X", "PUT", "--data-binary", "x"], 405, "PUT is not allowed"),
    (["-H", "Content-Type: application/sparql-query", "--data-binary", "@{long}"], 413, "longer than 1000000 bytes"),
])
def test_server_curl_bad_requests(endpoint: Served, tmp_path: Path, args: list[str], status: int, problem: str) -> None:
    long = tmp_path / "long.rq"
    long.write_text("ASK { " + "?s ?p ?o . " * 120_000 + "}")
    answer = curl(endpoint.url, *(arg.replace("{long}", str(long)) for arg in args))
    assert answer.status == status and problem in answer.text()
    assert answer.headers["content-type"] == "text/plain; charset=utf-8"


def test_server_curl_unknown_page_is_a_404(endpoint: Served) -> None:
    assert curl(endpoint.url.replace("/sparql", "/admin")).status == 404


@pytest.mark.parametrize(("host", "status"), [
    ("evil.example", 403), ("evil.example:80", 403), ("localhost", 200), ("127.0.0.1:9", 200), ("[::1]:80", 200),
])
def test_server_curl_host_must_be_the_loopback(endpoint: Served, host: str, status: int) -> None:
    answer = curl("--get", endpoint.url, "--data-urlencode", "query=ASK {}", "-H", f"Host: {host}")
    assert answer.status == status


# --- limits ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("query", "accept"), [(ALL, "application/sparql-results+json"),
                                               (ALL, "text/tab-separated-values"),
                                               ("CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples")])
def test_server_row_cap_marks_the_answer_partial(endpoint: Served, query: str, accept: str) -> None:
    answer = curl("--get", endpoint.url, "--data-urlencode", f"query={query}", "-H", f"Accept: {accept}")
    assert answer.status == 200
    assert answer.headers["x-kg-partial"] == "true" and answer.headers["x-kg-max-rows"] == str(MAX_ROWS)
    if accept.endswith("json"):
        document = json.loads(answer.body)
        assert document["partial"] is True and len(document["results"]["bindings"]) == MAX_ROWS
        assert len(rows_of(answer.body, ox.QueryResultsFormat.JSON)) == MAX_ROWS  # still W3C JSON
    elif accept.endswith("values"):
        assert len(rows_of(answer.body, ox.QueryResultsFormat.TSV)) == MAX_ROWS
    else:
        assert answer.text().startswith("# partial answer: the first 40 triples only")
        assert len(list(ox.parse(answer.body, format=ox.RdfFormat.N_TRIPLES))) == MAX_ROWS


def test_server_time_limit_stops_the_query_and_recovers(strict: Served) -> None:
    started = time.monotonic()
    answer = curl("--get", strict.url, "--data-urlencode", f"query={SLOW}")
    took = time.monotonic() - started
    assert answer.status == 503 and f"time limit of {STRICT:g} s" in answer.text()
    assert answer.headers["x-kg-timeout"] == f"{STRICT:g}" and STRICT <= took < STRICT + 2
    time.sleep(0.2)
    # The other worker answers at once; the killed one is replaced in the background.
    for _ in range(3):
        again = curl("--get", strict.url, "--data-urlencode", "query=ASK { ?x a kg:Organization }")
        assert again.status == 200 and json.loads(again.body)["boolean"] is True
    deadline = time.monotonic() + 30
    while strict.pool.alive() < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert strict.pool.alive() == 2


def test_server_graph_file_answers_as_the_store(strict: Served, endpoint: Served) -> None:
    for url in (strict.url, endpoint.url):
        answer = curl("--get", url, "--data-urlencode", f"query={query_text('facts')}", "-H", "Accept: text/csv")
        assert answer.status == 200
    file_rows = curl("--get", strict.url, "--data-urlencode", f"query={LABELS}").body
    store_rows = curl("--get", endpoint.url, "--data-urlencode", f"query={LABELS}").body
    assert rows_of(file_rows, ox.QueryResultsFormat.JSON) == rows_of(store_rows, ox.QueryResultsFormat.JSON)


# --- health and page ---------------------------------------------------------------------------


def test_server_health(endpoint: Served) -> None:
    answer = curl(endpoint.url.replace("/sparql", "/health"))
    document = json.loads(answer.body)
    assert answer.status == 200 and answer.headers["content-type"] == "application/json"
    assert document["status"] == "ok" and document["workers"] == document["of"] == 2
    assert document["reports"] == 3 and document["graphs"] == 3 and document["max_rows"] == MAX_ROWS


@pytest.mark.parametrize(("path", "accept"), [("/", "*/*"), ("/sparql", "text/html,application/xhtml+xml")])
def test_server_query_page(endpoint: Served, path: str, accept: str) -> None:
    answer = curl(endpoint.url.replace("/sparql", path), "-H", f"Accept: {accept}")
    assert answer.status == 200 and answer.headers["content-type"] == "text/html; charset=utf-8"
    assert "<textarea" in answer.text() and 'fetch("sparql"' in answer.text()
    assert "default-src 'none'" in answer.headers["content-security-policy"]


# --- the command -------------------------------------------------------------------------------


def test_serve_command_serves_until_interrupted(folder: Path) -> None:
    command = [sys.executable, "-c", "from kg.store.commands import serve; serve()",
               "--store", str(folder), "--port", "0", "--workers", "1", "--quiet"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stderr.readline()
        assert "kg: serving" in line and "3 reports" in line, line
        url = line.split(" at ", 1)[1].split(";")[0]
        assert url.startswith("http://127.0.0.1:") and url.endswith("/sparql")
        assert json.loads(curl(url.replace("/sparql", "/health")).body)["status"] == "ok"
        answer = curl("--get", url, "--data-urlencode", f"query={LABELS}", "-H", "Accept: text/csv")
        assert "Ysolde Marquet" in answer.text()
        workers = _workers_of(process.pid)
        assert len(workers) == 1
    finally:
        process.send_signal(signal.SIGINT)
        rest = process.stderr.read()
        assert process.wait(timeout=30) == 0
    assert "kg: stopped" in rest
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers)  # stopped with the server


def _workers_of(parent: int) -> list[int]:
    """The query worker processes that ``parent`` started."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if f"\nPPid:\t{parent}\n" in status and b"kg.store.runner" in cmdline:
            found.append(int(pid))
    return found


ORPHAN = """
import sys
from pathlib import Path
from kg.store.protocol import QueryRequest
from kg.store.runner import QueryPool, Source

pool = QueryPool(Source("store", Path(sys.argv[1])), workers=1, timeout=600)
print(*(worker.process.pid for worker in pool._all), flush=True)
pool.answer(QueryRequest(sys.argv[2]))
"""


def test_server_worker_dies_with_the_server_mid_query(folder: Path) -> None:
    """A server killed outright (SIGKILL: no cleanup) takes its workers along, even one that
    is running a runaway query and would not notice its closed channel before the query ends."""
    server = subprocess.Popen([sys.executable, "-c", ORPHAN, str(folder), SLOW], stdout=subprocess.PIPE, text=True)
    worker = int(server.stdout.readline())
    time.sleep(1.0)
    assert _state(worker) == "R"  # running the query
    server.kill()
    server.wait()
    deadline = time.monotonic() + 10
    while _state(worker) not in (None, "Z") and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _state(worker) in (None, "Z")  # gone, or dead and waiting for init to reap it


def _state(pid: int) -> str | None:
    try:
        return Path(f"/proc/{pid}/status").read_text().split("State:")[1].split()[0]
    except (OSError, IndexError):
        return None


@pytest.mark.parametrize(("args", "problem"), [
    ([], "give --store DIR or --graph FILE"),
    (["--store", "x", "--graph", "y.ttl"], "give --store DIR or --graph FILE"),
])
def test_serve_command_needs_one_source(args: list[str], problem: str) -> None:
    result = CliRunner().invoke(serve, args)
    assert result.exit_code == 2 and problem in result.output


def test_serve_command_refuses_a_folder_that_is_no_store(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x")
    result = CliRunner().invoke(serve, ["--store", str(tmp_path), "--port", "0", "--workers", "1"])
    assert result.exit_code == 2 and "not a kg store" in result.output
