"""kg.docs.ontology: the ontology's page documents every term of ontology/kg.ttl, and only it."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from kg.docs.ontology import load_ontology, ontology_docs, ontology_html
from kg.namespaces import OWL, RDF, RDFS, SKOS
from kg.resources import ontology_file

ONTOLOGY = Graph().parse(data=ontology_file("kg.ttl").read_text(encoding="utf-8"), format="turtle")
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, SKOS.ConceptScheme, SKOS.Concept)
TERMS = sorted({t for cls in TERM_TYPES for t in ONTOLOGY.subjects(RDF.type, cls) if isinstance(t, URIRef)})
PAGE = ontology_html()
DOM = HTMLParser(PAGE)


def article(term: URIRef) -> str:
    """The text of the section documenting ``term``."""
    found = [node for node in DOM.css("article") if node.css_first("h3") is not None
             and node.css_first("h3").text().endswith(_curie(term))]
    assert len(found) == 1, term
    return found[0].text(separator=" ")


def _curie(term: URIRef) -> str:
    for prefix, namespace in (("kg:", "https://w3id.org/kg/ontology#"), ("kgf:", "https://w3id.org/kg/factor/"),
                              ("kgm:", "https://w3id.org/kg/mode/"), ("kgu:", "https://w3id.org/kg/unit/")):
        if term.startswith(namespace):
            return prefix + term[len(namespace):]
    return str(term)


def test_ontology_docs_document_every_term() -> None:
    assert len(TERMS) > 70
    assert len(DOM.css("article")) == len(TERMS)


@pytest.mark.parametrize("term", TERMS, ids=_curie)
def test_ontology_docs_term_has_labels_and_definitions(term: URIRef) -> None:
    text = article(term)
    for prop in (RDFS.label, SKOS.prefLabel, SKOS.definition, SKOS.notation):
        for value in ONTOLOGY.objects(term, prop):
            assert " ".join(str(value).split()) in " ".join(text.split()), (term, prop)


@pytest.mark.parametrize(("term", "rows"), [
    ("https://w3id.org/kg/ontology#Site", ["subclass of org:Site", "properties to it kg:hasSite"]),
    ("https://w3id.org/kg/ontology#locatedIn", ["domain kg:City , kg:Site", "range kg:Place"]),
    ("https://w3id.org/kg/ontology#geonamesId", ["characteristics owl:FunctionalProperty", "range xsd:integer"]),
    ("https://w3id.org/kg/unit/TonnePerYear", ["notation t/yr", "close match unit:TONNE-PER-YR"]),
])
def test_ontology_docs_term_relations(term: str, rows: list[str]) -> None:
    text = " ".join(article(URIRef(term)).split())
    for row in rows:
        assert row in text


def test_ontology_docs_links_resolve() -> None:
    anchors = {node.attributes["id"] for node in DOM.css("[id]")}
    links = [node.attributes["href"] for node in DOM.css("a[href]")]
    internal = [link[1:] for link in links if link.startswith("#")]
    assert len(internal) > 100
    assert set(internal) <= anchors


def test_ontology_docs_page_stands_alone() -> None:
    assert DOM.css("script, link, img, iframe") == []
    assert PAGE == ontology_html()  # the same ontology, the same bytes


def test_ontology_docs_follow_the_ontology(tmp_path: Path) -> None:
    """A term added to the ontology is on the page: nothing is written by hand."""
    extended = tmp_path / "extended.ttl"
    extended.write_text(ontology_file("kg.ttl").read_text(encoding="utf-8") + """
kg:Warehouse a owl:Class ; rdfs:subClassOf kg:Site ;
    rdfs:label "Warehouse"@en , "Entrepôt"@fr ;
    skos:definition "A site where goods are stored."@en .
""", encoding="utf-8")
    page = ontology_html(load_ontology(extended))
    assert 'id="kg-Warehouse"' in page and "Entrepôt" in page and "A site where goods are stored." in page
    assert 'id="kg-Warehouse"' not in PAGE


def test_ontology_docs_command(tmp_path: Path) -> None:
    output = tmp_path / "ontology.html"
    result = CliRunner().invoke(ontology_docs, ["--output", str(output)])
    assert result.exit_code == 0, result.stderr
    assert output.read_text(encoding="utf-8") == PAGE
    printed = CliRunner().invoke(ontology_docs, [])
    assert printed.exit_code == 0 and printed.stdout == PAGE


def test_ontology_docs_command_bad_ontology(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("kg:Thing a owl:Class", encoding="utf-8")
    result = CliRunner().invoke(ontology_docs, ["--ontology", str(broken)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"kg: error: {broken}: cannot read the ontology")
