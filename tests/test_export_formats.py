"""kg export: each format parses back to the same graph; JSON-LD is compact; the facts as CSV."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner, Result
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg import namespaces as ns
from kg.export import FORMATS, union
from kg.export.commands import EXTRA_SUFFIXES, SUFFIXES, export, write_export
from kg.export.csv import facts_csv
from kg.export.jsonld import jsonld_bytes
from kg.facts import HEADER, facts
from kg.namespaces import KG, RDFS, SKOS, bind_prefixes
from kg.sparql import GRAPH_FORMATS, load_graph

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")

HARBOUR = Path(__file__).parent / "data" / "explore" / "harbour.trig"
REPORTS = [URIRef("https://w3id.org/kg/id/report/a1a1a1a1a1a1a1a1"),
           URIRef("https://w3id.org/kg/id/report/b2b2b2b2b2b2b2b2")]
GRAPH_SUFFIXES = sorted(FORMATS)  # .jsonld among them, written by kg.export.jsonld


@pytest.fixture(scope="module")
def harbour() -> Dataset:
    return load_graph(HARBOUR)


def run(*args: object) -> Result:
    return CliRunner().invoke(export, [str(a) for a in args])


def test_export_formats_are_those_kg_reads_and_writes() -> None:
    assert set(SUFFIXES) == set(FORMATS) | set(EXTRA_SUFFIXES)
    assert set(SUFFIXES) - {".csv", ".graphml"} == set(GRAPH_FORMATS)  # load_graph reads them back


@pytest.mark.parametrize("suffix", GRAPH_SUFFIXES)
def test_export_formats_parse_back_to_the_same_graph(harbour: Dataset, tmp_path: Path, suffix: str) -> None:
    output = tmp_path / f"graph{suffix}"
    result = run(HARBOUR, "--output", output)
    assert result.exit_code == 0, result.stderr
    back = load_graph(output)
    assert isomorphic(union(back), union(harbour))


@pytest.mark.parametrize("suffix", [".trig", ".nq"])
def test_export_formats_quads_keep_one_graph_per_report(harbour: Dataset, tmp_path: Path, suffix: str) -> None:
    output = write_export(harbour, tmp_path / f"graph{suffix}")
    back = load_graph(output)
    for report in REPORTS:
        assert len(harbour.graph(report)) > 0
        assert isomorphic(back.graph(report), harbour.graph(report))


@pytest.mark.parametrize("suffix", sorted(EXTRA_SUFFIXES))
def test_export_formats_same_graph_same_bytes(harbour: Dataset, tmp_path: Path, suffix: str) -> None:
    # A second parse names the blank node (a monetary amount) anew: the bytes must not change.
    # (The RDF formats of kg.export have tests of their own, tests/test_export.py.)
    first = write_export(harbour, tmp_path / f"first{suffix}").read_bytes()
    second = write_export(load_graph(HARBOUR), tmp_path / f"second{suffix}").read_bytes()
    assert first == second


def test_export_formats_jsonld_context_is_compact(harbour: Dataset) -> None:
    document = json.loads(jsonld_bytes(harbour))
    context = document["@context"]
    assert all(isinstance(iri, str) for iri in context.values())  # prefixes, nothing else
    assert {"kg", "kgr", "kgf", "kgm", "kgu", "skos", "schema", "xsd"} <= set(context)
    nodes = {node["@id"]: node for node in document["@graph"]}
    org = nodes["kgr:org/halvard-steel"]
    assert org["@type"] == "kg:Organization"
    assert org["rdfs:label"] == "Halvard Steel"
    assert org["skos:prefLabel"] == {"@language": "en", "@value": "Halvard Steel"}
    assert sorted(site["@id"] for site in org["kg:hasSite"]) == [
        "kgr:site/0000000000000b01", "kgr:site/0000000000000b02"]
    assert nodes["kgr:capacity/00000000000000a6"]["kg:unit"] == {"@id": "kgu:TonnePerYear"}
    # No instance or kg term is left as a full IRI.
    text = json.dumps(document["@graph"])
    assert "https://w3id.org/kg/" not in text


def test_export_formats_jsonld_keeps_literals_as_written() -> None:
    """Numbers whose lexical form is not Python's own must come back as written."""
    graph = bind_prefixes(Graph())
    place = URIRef("https://w3id.org/kg/id/place/x")
    values = [Literal("45.70", datatype=ns.XSD.double), Literal("007", datatype=ns.XSD.integer),
              Literal("120000.0", datatype=ns.XSD.decimal), Literal("true", datatype=ns.XSD.boolean),
              Literal("Saint-Nazaire", lang="fr"), Literal("plain")]
    for index, value in enumerate(values):
        graph.add((place, URIRef(f"https://w3id.org/kg/ontology#p{index}"), value))
    back = Graph().parse(data=jsonld_bytes(graph), format="json-ld")
    found = {(str(o), o.datatype, o.language) for o in back.objects()}
    assert found == {(str(o), o.datatype, o.language) for o in values}


def test_export_formats_csv_is_the_facts_view(harbour: Dataset, tmp_path: Path) -> None:
    output = tmp_path / "facts.csv"
    assert run(HARBOUR, "-o", output).exit_code == 0
    rows = list(csv.reader(io.StringIO(output.read_text(encoding="utf-8"))))
    assert tuple(rows[0]) == HEADER
    assert [tuple(row) for row in rows[1:]] == facts(harbour)
    assert ["Norvanne Câbles", "site_rationale", "logistics", "Kénitra"] in rows


def test_export_formats_csv_quotes_what_needs_it() -> None:
    graph = bind_prefixes(Graph())
    org, site, city = (URIRef(f"https://w3id.org/kg/id/{n}") for n in ("org/a", "site/s", "place/c"))
    graph.add((org, RDFS.label, Literal('Forges "du Nord", SA')))
    graph.add((city, RDFS.label, Literal("Dunkerque")))
    graph.add((org, KG.hasSite, site))
    graph.add((site, KG.locatedIn, city))
    graph.add((site, KG.siteKind, Literal("usine,\nlaminoir", lang="fr")))
    rows = list(csv.reader(io.StringIO(facts_csv(graph))))
    assert rows[1] == ['Forges "du Nord", SA', "has_site_in", "Dunkerque", "usine,\nlaminoir"]


def test_export_formats_graphml_for_gephi(harbour: Dataset, tmp_path: Path) -> None:
    output = tmp_path / "graph.graphml"
    assert run(HARBOUR, "-o", output).exit_code == 0
    back = nx.read_graphml(output, force_multigraph=True)
    labels = {data["label"] for _, data in back.nodes(data=True)}
    assert {"Halvard Steel", "Norvanne Câbles", "Kénitra", "câblerie"} <= labels
    assert {d["predicate"] for *_, d in back.edges(data=True)} >= {"kg:hasSite", "kg:corridorTo"}


def test_export_formats_several_outputs_at_once(tmp_path: Path) -> None:
    outputs = [tmp_path / name for name in ("g.ttl", "g.trig", "g.nq", "g.jsonld", "facts.csv")]
    result = run(HARBOUR, *[arg for output in outputs for arg in ("-o", output)])
    assert result.exit_code == 0, result.stderr
    assert all(output.stat().st_size > 0 for output in outputs)
    assert result.stderr.count("kg: wrote") == len(outputs)


@pytest.mark.parametrize(("output", "words"), [
    ("graph.docx", "unknown export format '.docx'"),
    ("missing-folder/graph.csv", "does not exist"),
    ("missing-folder/graph.ttl", "does not exist"),
])
def test_export_formats_bad_output_writes_nothing(tmp_path: Path, output: str, words: str) -> None:
    good = tmp_path / "good.ttl"
    result = run(HARBOUR, "-o", good, "-o", tmp_path / output)
    assert result.exit_code == 2
    assert words in result.stderr and result.stderr.startswith("kg: error:")
    assert not good.exists()  # checked before the first is written


def test_export_formats_missing_graph(tmp_path: Path) -> None:
    result = run(tmp_path / "nothing.ttl", "-o", tmp_path / "out.jsonld")
    assert result.exit_code == 2
    assert "no such file" in result.stderr


def test_export_formats_labels_survive_every_format(harbour: Dataset, tmp_path: Path) -> None:
    for suffix in GRAPH_SUFFIXES:
        back = load_graph(write_export(harbour, tmp_path / f"g{suffix}"))
        labels = set(back.objects(URIRef("https://w3id.org/kg/id/place/geonames-2544571"), SKOS.prefLabel))
        assert labels == {Literal("Kénitra", lang="fr"), Literal("Kenitra", lang="en")}, suffix
