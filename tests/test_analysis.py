"""kg.analysis: the networkx view of a graph, the analyst's helpers, GraphML, query frames."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Literal, URIRef

from kg.analysis import (
    corridor_paths,
    find_node,
    graphml_bytes,
    most_connected_places,
    query_frame,
    shared_cities,
    to_networkx,
    write_graphml,
)
from kg.errors import KgError, QueryError
from kg.namespaces import KG, KGR
from kg.sparql import load_graph

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")

HARBOUR = Path(__file__).parent / "data" / "explore" / "harbour.trig"
ID = "https://w3id.org/kg/id/"
HALVARD, NORVANNE = ID + "org/halvard-steel", ID + "org/norvanne-cables"
KENITRA, LYON = ID + "place/geonames-2544571", ID + "place/geonames-2996944"


@pytest.fixture(scope="module")
def harbour() -> Dataset:
    return load_graph(HARBOUR)


@pytest.fixture(scope="module")
def graph(harbour: Dataset) -> nx.MultiDiGraph:
    return to_networkx(harbour)


def edges(graph: nx.MultiDiGraph) -> list[tuple]:
    return sorted((u, v, k, sorted(d.items())) for u, v, k, d in graph.edges(keys=True, data=True))


@pytest.mark.parametrize(("node", "kind", "label"), [
    ("org/halvard-steel", "Organization", "Halvard Steel"),
    ("org/norvanne-cables", "Organization", "Norvanne Câbles"),
    ("person/ilse-marchetti", "Person", "Ilse Marchetti"),
    ("place/geonames-2544571", "City", "Kénitra"),
    ("place/geonames-2542007", "Country", "Maroc"),
    ("place/europe", "Region", "Europe"),
    ("product/cables-haute-tension", "Product", "câbles haute tension"),
    ("site/0000000000000a01", "Site", "câblerie"),
    ("capacity/00000000000000a6", "Capacity", "40000 t/yr câbles haute tension"),
    ("corridor/00000000000000b7", "Corridor", "rail corridor"),
    ("rationale/00000000000000b6", "SiteRationale", "energy"),
    ("membership/00000000000000a5", "Membership", "directrice générale"),
    ("listing/00000000000000b3", "Listing", "HLVD"),
    ("partnership/00000000000000b5", "Partnership", "joint venture"),
])
def test_analysis_nodes_have_a_kind_and_a_label(graph: nx.MultiDiGraph, node: str, kind: str, label: str) -> None:
    data = graph.nodes[ID + node]
    assert (data["kind"], data["label"]) == (kind, label)
    assert f"kg:{kind}" in data["classes"]


def test_analysis_concepts_go_by_their_key_whatever_the_language(graph: nx.MultiDiGraph) -> None:
    # kgm:rail is "rail"@en and "ferroviaire"@fr: its notation names it.
    assert graph.nodes["https://w3id.org/kg/mode/rail"]["label"] == "rail"
    assert graph.nodes["https://w3id.org/kg/unit/TonnePerYear"]["label"] == "t/yr"


def test_analysis_literals_are_attributes_not_nodes(graph: nx.MultiDiGraph) -> None:
    city = graph.nodes[KENITRA]
    assert city["schema:latitude"] == pytest.approx(34.26101)
    assert city["kg:geonamesId"] == 2544571
    assert city["skos:prefLabel"] == ("Kenitra", "Kénitra")  # two reports, two languages
    assert graph.nodes[ID + "capacity/00000000000000a6"]["kg:value"] == 40000
    assert all(isinstance(node, str) and (node.startswith(("https://", "_:"))) for node in graph)
    assert "Kénitra" not in graph and "34.26101" not in graph


def test_analysis_iris_the_graph_only_points_at_are_attributes(graph: nx.MultiDiGraph) -> None:
    assert "https://sws.geonames.org/2544571/" not in graph
    assert graph.nodes[KENITRA]["owl:sameAs"] == "https://sws.geonames.org/2544571/"


@pytest.mark.parametrize(("subject", "key", "obj"), [
    ("org/norvanne-cables", "kg:hasSite", "site/0000000000000a01"),
    ("site/0000000000000a01", "kg:locatedIn", "place/geonames-2544571"),
    ("corridor/0000000000000a10", "kg:corridorFrom", "place/geonames-2544571"),
    ("org/halvard-steel", "kg:partnerOf", "org/norvanne-cables"),
    ("org/norvanne-cables", "kg:partnerOf", "org/halvard-steel"),
    ("membership/00000000000000a5", "org:member", "person/ilse-marchetti"),
])
def test_analysis_triples_are_edges_keyed_by_property(graph: nx.MultiDiGraph, subject: str, key: str, obj: str) -> None:
    assert graph.has_edge(ID + subject, ID + obj, key)
    assert graph.edges[ID + subject, ID + obj, key]["predicate"] == key


def test_analysis_rdf_types_are_classes_not_edges(graph: nx.MultiDiGraph) -> None:
    assert not [k for _, _, k in graph.edges(keys=True) if k == "rdf:type"]
    assert KG.Organization not in graph


def test_analysis_fact_nodes_carry_their_evidence(graph: nx.MultiDiGraph) -> None:
    site = graph.nodes[ID + "site/0000000000000a01"]
    assert site["evidence"] == ("Norvanne Câbles investit 150 M€ dans une câblerie à Kénitra, "
                                "où elle fabriquera des câbles haute tension.",)
    assert site["reports"] == ("norvanne-kenitra.fr.txt",)
    assert site["confidence"] == pytest.approx(0.9)


@pytest.mark.parametrize(("subject", "key", "obj", "evidence", "reports"), [
    (HALVARD, "kg:headquarteredIn", ID + "place/geonames-2747891",
     ("Shares of Rotterdam-based Halvard (Euronext Amsterdam: HLVD) rose 3%.",), ("halvard-constanta.en.txt",)),
    (KENITRA, "kg:locatedIn", ID + "place/geonames-2542007", ("gazetteer: geonames",), ()),
])
def test_analysis_asserted_edges_carry_their_evidence(graph: nx.MultiDiGraph, subject: str, key: str, obj: str,
                                                      evidence: tuple, reports: tuple) -> None:
    edge = graph.edges[subject, obj, key]
    assert (edge["evidence"], edge["reports"]) == (evidence, reports)
    assert edge["fact"].startswith(ID + "assertion/")


def test_analysis_provenance_nodes_only_on_request(harbour: Dataset, graph: nx.MultiDiGraph) -> None:
    hidden = {"Report", "TextEvidence", "GazetteerEvidence", "Assertion"}
    assert not {kind for _, kind in graph.nodes(data="kind")} & hidden
    full = to_networkx(harbour, provenance=True)
    assert hidden <= {kind for _, kind in full.nodes(data="kind")}
    assert full.has_edge(NORVANNE, ID + "report/a1a1a1a1a1a1a1a1", "kg:mentionedIn")
    assert full.nodes[ID + "report/a1a1a1a1a1a1a1a1"]["label"] == "norvanne-kenitra.fr.txt"
    assert set(graph) < set(full)


def test_analysis_same_graph_same_networkx_graph(graph: nx.MultiDiGraph) -> None:
    # A new parse gives the blank node (a monetary amount) another id: not the networkx graph.
    again = to_networkx(load_graph(HARBOUR))
    assert list(again.nodes(data=True)) == list(graph.nodes(data=True))
    assert edges(again) == edges(graph)
    amount = [n for n, kind in graph.nodes(data="kind") if kind == "MonetaryAmount"]
    assert len(amount) == 1 and amount[0].startswith("_:")
    assert graph.nodes[amount[0]]["label"] == "150000000 EUR"


@pytest.mark.parametrize(("company", "expected"), [
    ("Halvard Steel", [("Constanța", "Central Asia", "rail"), ("Kénitra", "Europe", "maritime")]),
    ("norvanne câbles", [("Kénitra", "Europe", "maritime")]),  # labels ignore case
    (NORVANNE, [("Kénitra", "Europe", "maritime")]),  # or a node id
])
def test_analysis_corridor_paths_from_a_company(graph: nx.MultiDiGraph, company: str, expected: list) -> None:
    paths = corridor_paths(graph, company)
    label = lambda node: graph.nodes[node]["label"]  # noqa: E731
    assert [(label(p.city), label(p.destination), p.mode) for p in paths] == expected
    for path in paths:  # each step is an edge of the graph
        assert graph.has_edge(path.company, path.site, "kg:hasSite")
        assert graph.has_edge(path.site, path.city, "kg:locatedIn")
        assert graph.has_edge(path.corridor, path.city, "kg:corridorFrom")
        assert graph.has_edge(path.corridor, path.destination, "kg:corridorTo")


def test_analysis_corridor_paths_of_every_company(graph: nx.MultiDiGraph) -> None:
    assert [(p.company, p.mode) for p in corridor_paths(graph)] == [
        (HALVARD, "rail"), (HALVARD, "maritime"), (NORVANNE, "maritime")]


@pytest.mark.parametrize("name", ["Acme", "coil mill"])  # no such node; two nodes go by it
def test_analysis_find_node_names_the_problem(graph: nx.MultiDiGraph, name: str) -> None:
    with pytest.raises(KgError, match=name):
        find_node(graph, name)


def test_analysis_most_connected_places(graph: nx.MultiDiGraph) -> None:
    ranked = most_connected_places(graph, top=3)
    # Kénitra: two sites, its country, a corridor, an investment, two reasons.
    assert [(r.label, r.kind, r.degree) for r in ranked] == [
        ("Kénitra", "City", 7), ("Constanța", "City", 4), ("Lyon", "City", 2)]
    assert len(most_connected_places(graph, top=100)) == 10  # every city, country and region


def test_analysis_shared_cities_by_sites(graph: nx.MultiDiGraph) -> None:
    shared = shared_cities(graph)
    assert [(s.label, s.organizations) for s in shared] == [("Kénitra", (HALVARD, NORVANNE))]


def test_analysis_shared_cities_by_headquarters(harbour: Dataset) -> None:
    data = load_graph(HARBOUR)
    data.graph(URIRef(ID + "report/b2b2b2b2b2b2b2b2")).add((URIRef(HALVARD), KG.headquarteredIn, URIRef(LYON)))
    labels = [s.label for s in shared_cities(to_networkx(data))]
    assert labels == ["Kénitra", "Lyon"]


def test_analysis_graphml_reads_back(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = write_graphml(graph, tmp_path / "graph.graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    assert sorted(back.nodes) == sorted(graph.nodes)
    assert back.nodes[KENITRA]["label"] == "Kénitra"
    assert back.nodes[KENITRA]["skos:prefLabel"] == "Kenitra | Kénitra"
    assert back.nodes[KENITRA]["schema:latitude"] == pytest.approx(34.26101)
    assert sorted(d["predicate"] for *_, d in back.edges(data=True)) == sorted(k for *_, k in graph.edges(keys=True))
    ids = [key for *_, key in back.edges(keys=True)]
    assert len(ids) == len(set(ids))  # GraphML wants edge ids unique


def test_analysis_graphml_same_bytes(graph: nx.MultiDiGraph) -> None:
    assert graphml_bytes(to_networkx(load_graph(HARBOUR))) == graphml_bytes(graph)


def test_analysis_query_frame_numbers_are_numbers(harbour: Dataset) -> None:
    frame = query_frame(harbour, "capacities-by-product")
    assert list(frame.columns) == ["product", "company", "value", "unit", "city"]
    assert frame["value"].tolist() == [40000, 1200000]
    assert frame["value"].sum() == 1240000
    assert frame["unit"].tolist() == ["t/yr", "t/yr"]


@pytest.mark.parametrize("query", [
    "site-reasons",
    "SELECT ?company ?city ?factor WHERE { ?r <https://w3id.org/kg/ontology#rationaleOf> ?company ; "
    "<https://w3id.org/kg/ontology#rationaleLocation> ?city ; <https://w3id.org/kg/ontology#factor> ?factor }",
])
def test_analysis_query_frame_by_name_or_text(harbour: Dataset, query: str) -> None:
    frame = query_frame(harbour, query)
    assert len(frame) == 3
    assert {"company", "city", "factor"} <= set(frame.columns)


def test_analysis_query_frame_bindings(harbour: Dataset) -> None:
    frame = query_frame(harbour, "evidence", {"fact": "kgr:listing/00000000000000b3"})
    assert frame["anchor"].tolist() == ["Rotterdam-based Halvard (Euronext Amsterdam: HLVD)"]
    assert frame["confidence"].tolist() == [0.95]


def test_analysis_query_frame_unknown_query(harbour: Dataset) -> None:
    with pytest.raises(QueryError, match="no-such-query"):
        query_frame(harbour, "no-such-query")


def test_analysis_literal_nodes_are_never_created(harbour: Dataset) -> None:
    assert Literal("Kénitra") not in to_networkx(harbour, provenance=True)
    assert str(KGR) not in to_networkx(harbour)
