"""kg.sparql: loading graph files, resolving and running queries, formatting answers."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.errors import GraphLoadError, QueryError
from kg.resources import query_text
from kg.sparql import (
    QueryResult,
    format_result,
    load_graph,
    resolve_query,
    run_graph_query,
    run_query,
)

# rdflib 7 calls its own deprecated Dataset API when these tests serialize and update graphs.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")

DATA = Path(__file__).parent / "data" / "queries"
SAMPLE = DATA / "sample.trig"
KGR = "https://w3id.org/kg/id/"
EX = "http://example.org/"

PREFIXES = """PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
HEADQUARTERS = PREFIXES + """SELECT ?org ?city WHERE {
  ?org kg:headquarteredIn ?hq . ?hq skos:prefLabel ?city
} ORDER BY ?org"""


@pytest.fixture(scope="module")
def sample() -> Dataset:
    return load_graph(SAMPLE)


@pytest.fixture(scope="module")
def sample_files(tmp_path_factory: pytest.TempPathFactory, sample: Dataset) -> dict[str, Path]:
    """The sample graph written in every format kg reads (triple formats get the union)."""
    folder = tmp_path_factory.mktemp("formats")
    union = _union(sample)
    files = {}
    for suffix, fmt, graph in [
        (".trig", "trig", sample), (".nq", "nquads", sample), (".jsonld", "json-ld", sample),
        (".ttl", "turtle", union), (".nt", "nt", union), (".rdf", "xml", union),
        (".xml", "xml", union),
    ]:
        files[suffix] = folder / f"sample{suffix}"
        graph.serialize(files[suffix], format=fmt, encoding="utf-8")
    return files


def _union(dataset: Dataset) -> Graph:
    graph = Graph()
    for triple in dataset.triples((None, None, None)):
        graph.add(triple)
    return graph


# --- load_graph ------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".trig", ".nq", ".jsonld", ".ttl", ".nt", ".rdf", ".xml"])
def test_sparql_load_graph_reads_each_format(
    sample: Dataset, sample_files: dict[str, Path], suffix: str
) -> None:
    loaded = load_graph(sample_files[suffix])
    assert isomorphic(_union(loaded), _union(sample))


@pytest.mark.parametrize("suffix", [".trig", ".nq", ".jsonld"])
def test_sparql_load_graph_keeps_named_graphs(sample_files: dict[str, Path], suffix: str) -> None:
    loaded = load_graph(sample_files[suffix])
    names = {str(graph.identifier) for graph in loaded.graphs() if len(graph)}
    assert {KGR + "report/8d0d2300e84c2af8", KGR + "report/44e9987034986188"} <= names


@pytest.mark.parametrize("suffix", [".trig", ".nq", ".jsonld", ".ttl", ".nt", ".rdf"])
def test_sparql_queries_read_every_format_alike(sample_files: dict[str, Path], suffix: str) -> None:
    """Queries see the union of the graphs, so a quad file and its flattened triples agree."""
    expected = (DATA / "sites-by-company.tsv").read_text(encoding="utf-8")
    result = run_query(load_graph(sample_files[suffix]), resolve_query("sites-by-company"))
    assert format_result(result, "tsv") == expected


def test_sparql_load_graph_binds_kg_prefixes(sample_files: dict[str, Path]) -> None:
    """N-Triples declare no prefix; kg's are bound all the same, for queries and answers."""
    prefixes = dict(load_graph(sample_files[".nt"]).namespaces())
    assert str(prefixes["kgr"]) == KGR
    assert str(prefixes["kg"]) == "https://w3id.org/kg/ontology#"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("bad.ttl", "@prefix ex: <http://example.org/> .\nex:a ex:p ex:b\nex:c ex:p ex:d .\n"),
        ("bad.trig", "@prefix ex: <http://example.org/> .\nex:g { ex:a ex:p ex:b .\n"),
        ("bad.nt", "<http://example.org/a> <http://example.org/p> .\n"),
        ("bad.nq", "<http://example.org/a> <http://example.org/p> \"x\" <g> <h> .\n"),
        ("bad.jsonld", '{"@id": "http://example.org/a", '),
        ("bad.rdf", "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><oops>"),
    ],
)
def test_sparql_load_graph_bad_syntax_is_one_line(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GraphLoadError) as caught:
        load_graph(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: invalid ")
    assert "\n" not in message
    assert caught.value.path == path


def test_sparql_load_graph_turtle_error_gives_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.ttl"
    path.write_text("@prefix ex: <http://example.org/> .\nex:a ex:p ex:b\nex:c ex:p ex:d .\n")
    with pytest.raises(GraphLoadError, match=r"invalid turtle: line \d: expected '\.'"):
        load_graph(path)


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("missing.ttl", "no such file"),
        ("graph.csv", "unknown graph format '.csv'"),
        ("", "not a file"),  # the folder itself
    ],
)
def test_sparql_load_graph_names_the_file(tmp_path: Path, name: str, problem: str) -> None:
    if name.endswith(".csv"):
        (tmp_path / name).write_text("a,b\n")
    path = tmp_path / name
    with pytest.raises(GraphLoadError, match=problem) as caught:
        load_graph(path)
    assert str(caught.value).startswith(str(path))


# --- resolve_query ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["sites-by-company", "sites-by-company.rq"])
def test_sparql_resolve_query_by_name(name: str) -> None:
    assert resolve_query(name) == query_text("sites-by-company")


def test_sparql_resolve_query_by_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.rq"
    path.write_text("SELECT ?s WHERE { ?s ?p ?o }\n", encoding="utf-8")
    assert resolve_query(str(path)) == "SELECT ?s WHERE { ?s ?p ?o }\n"


def test_sparql_resolve_query_bundled_name_wins_over_stray_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "chains.rq").write_text("ASK {}\n")
    assert resolve_query("chains.rq") == query_text("chains")
    assert resolve_query("./chains.rq") == "ASK {}\n"


@pytest.mark.parametrize("name", ["no-such-query", "no-such-query.rq"])
def test_sparql_resolve_query_unknown_name_lists_known(name: str) -> None:
    with pytest.raises(QueryError, match="no-such-query") as caught:
        resolve_query(name)
    assert "sites-by-company" in str(caught.value) and "evidence" in str(caught.value)


@pytest.mark.parametrize(("text", "problem"), [(None, "no such query file"), ("  \n", "empty")])
def test_sparql_resolve_query_bad_file(tmp_path: Path, text: str | None, problem: str) -> None:
    path = tmp_path / "q.rq"
    if text is not None:
        path.write_text(text)
    with pytest.raises(QueryError, match=problem):
        resolve_query(str(path))


# --- run_query -------------------------------------------------------------------------------


def test_sparql_run_query_renders_prefixed_names_and_lexical_forms(sample: Dataset) -> None:
    result = run_query(sample, HEADQUARTERS)
    assert result == QueryResult(
        ("org", "city"),
        (("kgr:org/kestrel-anode-materials", "Perth"), ("kgr:org/orbelia-energie", "Grenoble")),
    )


def test_sparql_run_query_keeps_terms(sample: Dataset) -> None:
    result = run_query(sample, HEADQUARTERS)
    assert result.terms[1] == (URIRef(KGR + "org/orbelia-energie"), Literal("Grenoble", lang="fr"))


def test_sparql_run_query_iri_without_prefix_in_angle_brackets() -> None:
    graph = Graph(bind_namespaces="none")
    graph.add((URIRef("urn:isbn:0451450523"), URIRef("urn:x:p"), Literal(1)))
    result = run_query(graph, "SELECT ?s ?o WHERE { ?s ?p ?o }")
    assert result.rows == (("<urn:isbn:0451450523>", "1"),)


def test_sparql_run_query_query_prefix_wins(tmp_path: Path) -> None:
    """The query's own prefix names the answer, then kg's, then whatever the file declared."""
    path = tmp_path / "g.ttl"
    path.write_text(
        "@prefix site: <https://w3id.org/kg/id/fact/has_site_in/> .\n"
        "site:ab12 a <https://w3id.org/kg/ontology#Site> .\n"
    )
    graph = load_graph(path)
    query = "SELECT ?s WHERE { ?s a kg:Site }"
    assert run_query(graph, query).rows == (("kgr:fact/has_site_in/ab12",),)
    own = "PREFIX s: <https://w3id.org/kg/id/fact/has_site_in/>\n" + query
    assert run_query(graph, own).rows == (("s:ab12",),)


def test_sparql_run_query_numbers_blank_nodes_by_first_use() -> None:
    graph = Graph()
    first, second = BNode(), BNode()
    graph.add((first, URIRef(EX + "rank"), Literal(1)))
    graph.add((second, URIRef(EX + "rank"), Literal(2)))
    query = f"SELECT ?x ?y WHERE {{ ?x <{EX}rank> ?r . ?y <{EX}rank> ?r }} ORDER BY ?r"
    result = run_query(graph, query)
    assert result.rows == (("_:b0", "_:b0"), ("_:b1", "_:b1"))


def test_sparql_run_query_over_union_of_named_graphs(sample_files: dict[str, Path]) -> None:
    """A dataset built without default_union is queried over all its graphs all the same."""
    dataset = Dataset()
    dataset.parse(sample_files[".nq"], format="nquads")
    assert not dataset.default_union
    assert len(run_query(dataset, HEADQUARTERS).rows) == 2


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("kgr:org/orbelia-energie", "Grenoble"),  # prefixed name, slashes and all
        (f"<{KGR}org/orbelia-energie>", "Grenoble"),
        (f"{KGR}org/kestrel-anode-materials", "Perth"),
        (URIRef(KGR + "org/kestrel-anode-materials"), "Perth"),
        ("Orbelia Énergie", None),  # a plain string is a literal: no organisation is one
    ],
)
def test_sparql_run_query_bindings(sample: Dataset, value: object, expected: str | None) -> None:
    result = run_query(sample, HEADQUARTERS, {"org": value})
    assert [row[1] for row in result.rows] == ([expected] if expected else [])


def test_sparql_run_query_binds_kg_names_on_any_graph(sample: Dataset) -> None:
    """kg's prefixes read binding values even when neither the graph nor the query binds them."""
    graph = Graph(bind_namespaces="none")
    for triple in sample.triples((None, None, None)):
        graph.add(triple)
    query = "SELECT ?o WHERE { ?s <https://w3id.org/kg/ontology#ticker> ?o }"
    result = run_query(graph, query, {"s": "kgr:fact/stock_code/75dab2903a8f2368"})
    assert result.rows == (("KAM",),)


@pytest.mark.parametrize(
    ("name", "value", "rows"),
    [
        ("fr", '"Grenoble"@fr', 1),  # an N3 literal, language tag and all
        ("en", "Grenoble", 0),  # a plain literal is not the French label
        ("n", 3014728, 1),  # a Python value becomes a typed literal
        ("d", Decimal("0.9"), 3),
    ],
)
def test_sparql_run_query_binds_literals(
    sample: Dataset, name: str, value: object, rows: int
) -> None:
    queries = {
        "fr": "SELECT ?city WHERE { ?city skos:prefLabel ?label }",
        "en": "SELECT ?city WHERE { ?city skos:prefLabel ?label }",
        "n": "SELECT ?city WHERE { ?city kg:geonamesId ?label }",
        "d": "SELECT ?e WHERE { ?e kg:rule 'headquarters' ; kg:confidence ?label }",
    }
    result = run_query(sample, PREFIXES + queries[name], {"?label": value})
    assert len(result.rows) == rows


def test_sparql_run_query_unknown_binding_names_variables(sample: Dataset) -> None:
    with pytest.raises(QueryError, match=r"cannot bind \?company: .* \?city, \?hq, \?org"):
        run_query(sample, HEADQUARTERS, {"company": "x"})


def test_sparql_run_query_binding_is_not_text_substitution(sample: Dataset) -> None:
    """A value that would break out of the query if pasted in is only a literal."""
    sneaky = '" } UNION { ?org ?p ?city } #'
    assert run_query(sample, HEADQUARTERS, {"city": sneaky}).rows == ()


@pytest.mark.parametrize(
    ("query", "pattern"),
    [
        ("SELECT ?s\nWHERE { ?s ?p }", r"invalid SPARQL at line 2, column \d+: .*near"),
        ("SELEC ?s WHERE { ?s ?p ?o }", r"invalid SPARQL at line 1, column 1: "),
        ("SELECT ?s WHERE { ?s nope:p ?o }", r"invalid SPARQL: Unknown namespace prefix : nope"),
    ],
)
def test_sparql_run_query_syntax_error_is_one_line(
    sample: Dataset, query: str, pattern: str
) -> None:
    with pytest.raises(QueryError, match=pattern) as caught:
        run_query(sample, query)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(("city", "answer"), [("Grenoble", "true"), ("Lyon", "false")])
def test_sparql_run_query_ask_is_one_row(sample: Dataset, city: str, answer: str) -> None:
    query = PREFIXES + (
        "ASK { ?org kg:headquarteredIn/skos:prefLabel ?name FILTER (STR(?name) = ?city) }"
    )
    result = run_query(sample, query, {"city": city})
    assert result.variables == ("ask",)
    assert result.rows == ((answer,),)
    assert result.boolean is (answer == "true")


def test_sparql_run_query_refuses_construct(sample: Dataset) -> None:
    query = PREFIXES + (
        "CONSTRUCT { ?org kg:headquarteredIn ?hq } WHERE { ?org kg:headquarteredIn ?hq }"
    )
    with pytest.raises(QueryError, match="CONSTRUCT query answers with a graph.*run_graph_query"):
        run_query(sample, query)
    built = run_graph_query(sample, query)
    assert len(built) == 2


def test_sparql_run_graph_query_refuses_select(sample: Dataset) -> None:
    with pytest.raises(QueryError, match="CONSTRUCT or DESCRIBE"):
        run_graph_query(sample, HEADQUARTERS)


# --- format_result ---------------------------------------------------------------------------

RESULT = QueryResult(
    ("company", "city", "note"),
    (
        ("Orbelia Énergie", "Valence", None),
        ("宁德时代", "Ningde", 'a "quoted", comma\tand tab'),
    ),
    (
        (Literal("Orbelia Énergie", lang="fr"), URIRef(EX + "valence"), None),
        (Literal("宁德时代"), Literal("Ningde"), Literal('a "quoted", comma\tand tab')),
    ),
)


def test_sparql_format_table_aligns_columns() -> None:
    assert format_result(RESULT, "table") == (
        "company          city     note\n"
        "---------------  -------  -------------------------\n"
        "Orbelia Énergie  Valence\n"
        '宁德时代         Ningde   a "quoted", comma and tab\n'
    )


def test_sparql_format_table_of_nothing_has_a_header() -> None:
    assert format_result(QueryResult(("a", "bb"), ()), "table") == "a  bb\n-  --\n"


def test_sparql_format_csv_quotes() -> None:
    assert format_result(RESULT, "csv") == (
        "company,city,note\n"
        "Orbelia Énergie,Valence,\n"
        '宁德时代,Ningde,"a ""quoted"", comma\tand tab"\n'
    )


def test_sparql_format_tsv_escapes_tabs_and_newlines() -> None:
    result = QueryResult(("a", "b"), (("x\ty", "line\nbreak \\ back"), (None, "z")))
    assert format_result(result, "tsv") == "a\tb\nx\\ty\tline\\nbreak \\\\ back\n\tz\n"


def test_sparql_format_json_follows_sparql_results() -> None:
    document = json.loads(format_result(RESULT, "json"))
    assert document["head"] == {"vars": ["company", "city", "note"]}
    first, second = document["results"]["bindings"]
    assert first == {
        "company": {"type": "literal", "value": "Orbelia Énergie", "xml:lang": "fr"},
        "city": {"type": "uri", "value": EX + "valence"},
    }
    assert second["note"] == {"type": "literal", "value": 'a "quoted", comma\tand tab'}


def test_sparql_format_json_blank_nodes_keep_their_labels(sample: Dataset) -> None:
    query = "SELECT ?m WHERE { ?m <https://schema.org/value> ?v } ORDER BY ?v"
    result = run_query(sample, query)
    document = json.loads(format_result(result, "json"))
    values = [b["m"] for b in document["results"]["bindings"]]
    assert values == [{"type": "bnode", "value": "b0"}, {"type": "bnode", "value": "b1"}]


def test_sparql_format_json_from_a_run(sample: Dataset) -> None:
    query = PREFIXES + (
        "SELECT ?hq ?id WHERE { ?org kg:headquarteredIn ?hq . ?hq kg:geonamesId ?id } ORDER BY ?id"
    )
    document = json.loads(format_result(run_query(sample, query), "json"))
    first = document["results"]["bindings"][0]
    assert first["hq"] == {"type": "uri", "value": KGR + "place/geonames-2063523"}
    assert first["id"] == {
        "type": "literal",
        "value": "2063523",
        "datatype": "http://www.w3.org/2001/XMLSchema#integer",
    }


def test_sparql_format_json_ask() -> None:
    result = QueryResult(("ask",), (("false",),), boolean=False)
    assert json.loads(format_result(result, "json")) == {"head": {}, "boolean": False}


def test_sparql_format_unknown_lists_formats() -> None:
    expected = "unknown result format 'xlsx'; expected one of table, csv, tsv, json"
    with pytest.raises(QueryError, match=expected):
        format_result(RESULT, "xlsx")


def test_sparql_format_is_deterministic(sample_files: dict[str, Path]) -> None:
    """Two loads of two formats print the same bytes (blank node numbering included)."""
    query = "SELECT ?m ?v WHERE { ?m <https://schema.org/value> ?v } ORDER BY ?v"
    outputs = {
        format_result(run_query(load_graph(sample_files[suffix]), query), fmt)
        for suffix in (".trig", ".nq")
        for fmt in ("table",)
    }
    assert outputs == {"m     v\n----  ---------\n_:b0  500000000\n_:b1  540000000\n"}
