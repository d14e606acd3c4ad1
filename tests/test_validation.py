"""kg.validation: the report's structure and wording, broken shapes files, datasets."""
from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef

from kg.errors import ShapesError
from kg import namespaces as ns
from kg.namespaces import KG, KGR, KGU, NIF, RDF, SKOS
from kg.validation import StreamingValidation, ValidationReport, Violation, load_shapes, validate

VALID = Path(__file__).parent / "data" / "shapes" / "valid.ttl"
SITE = KGR["fact/has_site_in/a1b2c3d4e5f60718"]
CAPACITY = KGR["fact/capacity/6789012345abcdef"]
TEXT_EV = KGR["evidence/0f1e2d3c4b5a6978"]


def _valid() -> Graph:
    return Graph().parse(VALID)


def _broken() -> Graph:
    """The valid graph with a site stripped of its place and a capacity made negative."""
    graph = _valid()
    graph.remove((SITE, KG.locatedIn, None))
    graph.set((CAPACITY, KG.value, Literal(Decimal("-5"))))
    return graph


def test_validation_valid_graph_conforms() -> None:
    report = validate(_valid())
    assert isinstance(report, ValidationReport)
    assert report.conforms is True
    assert report.violations == ()
    assert report.text == "Conforms"
    assert report.graph is not None and len(report.graph) > 0


def test_validation_broken_graph_is_a_result_not_an_exception() -> None:
    report = validate(_broken())
    assert report.conforms is False
    assert [(v.focus, v.path, v.severity, v.shape) for v in report.violations] == [
        ("kgr:fact/capacity/6789012345abcdef", "kg:value", "Violation", "kgsh:CapacityShape"),
        ("kgr:fact/has_site_in/a1b2c3d4e5f60718", "kg:locatedIn", "Violation", "kgsh:SiteShape"),
    ]
    capacity = report.violations[0]
    assert capacity.value == '"-5"^^xsd:decimal'
    assert "greater than 0" in capacity.message


def test_validation_text_has_one_line_per_violation() -> None:
    report = validate(_broken())
    lines = report.text.splitlines()
    assert lines[0] == "Does not conform: 2 violations"
    assert lines[1:] == [v.format() for v in report.violations]
    assert str(report) == report.text
    assert lines[2] == (
        "kgr:fact/has_site_in/a1b2c3d4e5f60718 kg:locatedIn: "
        "a site is located in exactly one place, and that place is a kg:City"
    )


@pytest.mark.parametrize(("violation", "line"), [
    (Violation("kgr:org/x", "skos:prefLabel", "two labels", "Violation", "kgsh:EntityShape"),
     "kgr:org/x skos:prefLabel: two labels"),
    (Violation("kgr:org/x", None, "not an organization", "Violation", "kgsh:HasSiteShape"),
     "kgr:org/x: not an organization"),
    (Violation("kgr:ev/1", None, "anchor length", "Warning", "kgsh:TextEvidenceAnchorShape"),
     "[Warning] kgr:ev/1: anchor length"),
    (Violation("kgr:m/1", "schema:currency", "ISO 4217", "Violation", "kgsh:M", '"euros"'),
     'kgr:m/1 schema:currency: ISO 4217 (value: "euros")'),
])
def test_validation_violation_format(violation: Violation, line: str) -> None:
    assert violation.format() == line
    assert str(violation) == line


def test_validation_report_is_frozen() -> None:
    report = validate(_broken())
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.conforms = True  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.violations[0].message = "fine"  # type: ignore[misc]


def test_validation_order_is_deterministic_across_parses() -> None:
    # Blank node labels differ from one parse to the next; the report must not.
    def run() -> tuple[Violation, ...]:
        graph = _broken()
        graph.set((SITE, KG.evidence, BNode()))
        return validate(graph).violations

    first, second = run(), run()
    assert first == second
    assert list(first) == sorted(first, key=lambda v: (v.focus, v.path or ""))


def test_validation_blank_node_named_by_its_holder() -> None:
    graph = _valid()
    amount = BNode()
    graph.add((KGR["fact/investment/7890123456abcdef"], KG.amount, amount))
    graph.add((amount, RDF.type, ns.SCHEMA.MonetaryAmount))
    report = validate(graph)
    focus = "[kgr:fact/investment/7890123456abcdef kg:amount]"
    assert {v.focus for v in report.violations} == {focus}


def test_validation_inverse_path_printed_with_caret() -> None:
    graph = _valid()
    graph.remove((None, KG.hasSite, SITE))
    (violation,) = validate(graph).violations
    assert violation.path == "^kg:hasSite"


def test_validation_warnings_do_not_break_conformance() -> None:
    graph = _valid()
    graph.set((TEXT_EV, NIF.anchorOf, Literal("usine de cathodes lithium")))
    report = validate(graph)
    assert report.conforms is True
    assert [v.severity for v in report.violations] == ["Warning"]
    assert report.text.splitlines()[0] == "Conforms: 1 warning"
    assert report.text.splitlines()[1].startswith("[Warning] kgr:evidence/0f1e2d3c4b5a6978: ")


def test_validation_empty_graph_conforms() -> None:
    assert validate(Graph()).conforms


def test_validation_dataset_is_validated_on_the_union(tmp_path: Path) -> None:
    # Facts in one named graph rest on entities and evidence described in another.
    valid = _valid()
    facts = {s for s in valid.subjects() if str(s).startswith(str(KGR["fact/"]))}
    dataset = Dataset()
    entities = dataset.graph(KGR["graph/entities"])
    report_graph = dataset.graph(KGR["graph/report"])
    for triple in valid:
        (report_graph if triple[0] in facts else entities).add(triple)
    assert validate(dataset).conforms
    assert dataset.default_union is False  # the caller's dataset is left as it was


def test_validation_dataset_entity_named_in_french_and_english_reports_conforms() -> None:
    dataset = Dataset()
    french, english = dataset.graph(KGR["graph/fr"]), dataset.graph(KGR["graph/en"])
    for triple in _valid():
        french.add(triple)
    english.add((KGR["org/norvalis"], SKOS.prefLabel, Literal("Norvalis", lang="en")))
    assert validate(dataset).conforms


def test_validation_dataset_violation_in_named_graph_is_reported() -> None:
    dataset = Dataset()
    graph = dataset.graph(KGR["graph/one"])
    for triple in _valid():
        graph.add(triple)
    graph.add((KGR["org/norvalis"], SKOS.prefLabel, Literal("Norvalis SA", lang="fr")))
    report = validate(dataset)
    assert not report.conforms
    found = [(v.focus, v.path) for v in report.violations]
    assert found == [("kgr:org/norvalis", "skos:prefLabel")]


def test_validation_custom_shapes_file(tmp_path: Path) -> None:
    shapes = tmp_path / "ticker.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "@prefix kg: <https://w3id.org/kg/ontology#> .\n"
        "<urn:x:TickerShape> a sh:NodeShape ; sh:targetClass kg:Listing ;\n"
        "  sh:property [ sh:path kg:ticker ; sh:pattern \"^[0-9]{6}$\" ;\n"
        "                sh:message \"a ticker here has six digits\" ] .\n",
        encoding="utf-8",
    )
    report = validate(_valid(), shapes=shapes)
    assert [(v.path, v.message, v.shape) for v in report.violations] == [
        ("kg:ticker", "a ticker here has six digits", "<urn:x:TickerShape>"),
    ]


@pytest.mark.parametrize(("content", "problem"), [
    ("@prefix sh: <http://www.w3.org/ns/shacl#> .\n<urn:x:S> a sh:NodeShape ; sh:property [ .\n",
     "not valid turtle"),
    ("", "holds no SHACL shapes"),
    ("<urn:x:a> <urn:x:b> <urn:x:c> .\n", "holds no SHACL shapes"),
    (None, "cannot read shapes file"),
])
def test_validation_broken_shapes_file_raises_shapes_error(
    tmp_path: Path, content: str | None, problem: str
) -> None:
    shapes = tmp_path / "shapes.ttl"
    if content is not None:
        shapes.write_text(content, encoding="utf-8")
    with pytest.raises(ShapesError) as error:
        validate(_valid(), shapes=shapes)
    message = str(error.value)
    assert "\n" not in message
    assert str(shapes.name) in message and problem in message


def test_validation_invalid_shacl_raises_shapes_error(tmp_path: Path) -> None:
    shapes = tmp_path / "bad-count.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "<urn:x:S> a sh:NodeShape ; sh:targetClass <urn:x:C> ;\n"
        "  sh:property [ sh:path <urn:x:p> ; sh:minCount \"many\" ] .\n",
        encoding="utf-8",
    )
    graph = Graph()
    graph.add((URIRef("urn:x:n"), RDF.type, URIRef("urn:x:C")))
    with pytest.raises(ShapesError, match="invalid SHACL"):
        validate(graph, shapes=shapes)


@pytest.mark.parametrize("shape", [
    "<urn:x:S> a sh:NodeShape ; sh:target [ a sh:SPARQLTarget ; sh:select \"SELECT ?this {\" ] ;",
    "<urn:x:S> a sh:NodeShape ; sh:targetClass <urn:x:C> ; sh:sparql [ sh:select \"SELECT\" ] ;",
])
def test_validation_invalid_sparql_in_shapes_raises_shapes_error(
    tmp_path: Path, shape: str
) -> None:
    shapes = tmp_path / "bad-sparql.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        f"{shape}\n  sh:property [ sh:path <urn:x:p> ; sh:minCount 1 ] .\n",
        encoding="utf-8",
    )
    graph = Graph()
    graph.add((URIRef("urn:x:n"), RDF.type, URIRef("urn:x:C")))
    with pytest.raises(ShapesError, match="bad-sparql.ttl: invalid SPARQL"):
        validate(graph, shapes=shapes)


def test_validation_edited_shapes_file_is_read_again(tmp_path: Path) -> None:
    shapes = tmp_path / "unit.ttl"
    template = (
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "@prefix kg: <https://w3id.org/kg/ontology#> .\n"
        "<urn:x:S> a sh:NodeShape ; sh:targetClass kg:Capacity ;\n"
        "  sh:property [ sh:path kg:unit ; sh:hasValue <{unit}> ] .\n"
    )
    shapes.write_text(template.format(unit=KGU.TonnePerYear), encoding="utf-8")
    assert validate(_valid(), shapes=shapes).conforms
    shapes.write_text(template.format(unit=KGU.Megawatt) + "# edited\n", encoding="utf-8")
    assert not validate(_valid(), shapes=shapes).conforms


def test_validation_bundled_shapes_are_cached() -> None:
    assert load_shapes() is load_shapes()


def test_validation_offsets_typed_as_plain_integers_fail() -> None:
    # The builder must type offsets xsd:nonNegativeInteger as NIF does; Literal(142) is xsd:integer.
    graph = _valid()
    graph.set((TEXT_EV, NIF.beginIndex, Literal(142)))
    report = validate(graph)
    found = [(v.path, v.value) for v in report.violations]
    assert found == [("nif:beginIndex", '"142"^^xsd:integer')]
    assert Literal(142, datatype=ns.XSD.nonNegativeInteger).datatype == ns.XSD.nonNegativeInteger


# --- validation of a build as it streams ----------------------------------------------------------


def _report_graphs() -> list[Graph]:
    """The valid graph cut in three report graphs: facts, their evidence, the rest."""
    parts: list[Graph] = [Graph(), Graph(), Graph()]
    for s, p, o in _valid():
        text = str(s)
        index = 0 if text.startswith(str(KGR["fact/"])) else 1 if text.startswith(str(KGR["evidence/"])) else 2
        parts[index].add((s, p, o))
    return parts


def _renamed(graph: Graph) -> Graph:
    """``graph`` with kg's resources moved under kgr:copy/, as another report would name its own."""
    def moved(node):
        return URIRef(str(KGR) + "copy/" + str(node)[len(str(KGR)):]) if str(node).startswith(str(KGR)) else node

    renamed = Graph()
    for s, p, o in graph:
        renamed.add((moved(s), p, moved(o)))
    return renamed


@pytest.mark.parametrize("batch", [1, 2, 64])
def test_streaming_validation_reports_what_validate_reports(batch: int) -> None:
    streaming = StreamingValidation(batch=batch)
    streaming.add(_broken())
    streaming.add(_renamed(_valid()))  # another report's entities and facts: masks nothing
    whole = validate(_broken())
    result = streaming.result()
    assert (result.conforms, result.violations, result.text) == (False, whole.violations, whole.text)


def test_streaming_validation_of_conforming_graphs_conforms() -> None:
    streaming = StreamingValidation(batch=2)
    for _ in range(3):
        streaming.add(_valid())
    assert streaming.result().text == "Conforms"


def test_streaming_validation_sees_a_batch_as_one_graph() -> None:
    # Facts whose entities are described by another report's graph of the same batch conform;
    # apart, the facts lack what their shapes require.
    together, apart = StreamingValidation(batch=3), StreamingValidation(batch=1)
    for graph in _report_graphs():
        together.add(graph)
        apart.add(graph)
    assert together.result().conforms
    assert not apart.result().conforms


def test_streaming_validation_bad_shapes_fail_at_once(tmp_path: Path) -> None:
    shapes = tmp_path / "broken.ttl"
    shapes.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\nthis is not turtle\n", encoding="utf-8")
    with pytest.raises(ShapesError, match="broken.ttl"):
        StreamingValidation(shapes)
