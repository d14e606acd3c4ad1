"""kg/namespaces.py and ontology/kg.ttl describe the same vocabulary, term for term."""
from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

import pytest
from rdflib import Graph, URIRef

from kg import namespaces as ns
from kg.extract import model
from kg.namespaces import (
    FACTOR_CONCEPTS, KG, KGF, KGM, KGU, MODE_CONCEPTS, NIF, OWL, PREFIXES, RDF, RDFS, SKOS,
    UNIT_CONCEPTS, bind_prefixes,
)
from kg.resources import ontology_file

if TYPE_CHECKING:  # imported names of DefinedNamespace type make pytest's collection warn
    from rdflib.namespace import DefinedNamespace

NAMESPACES = [KG, KGF, KGM, KGU]
DECLARING_TYPES = (
    OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, SKOS.Concept, SKOS.ConceptScheme,
)


@cache
def _ontology() -> Graph:
    return Graph().parse(data=ontology_file("kg.ttl").read_text(encoding="utf-8"), format="turtle")


def _terms(namespace: type[DefinedNamespace]) -> set[URIRef]:
    return {namespace[name] for name in namespace.__annotations__}


def _declared(namespace: type[DefinedNamespace]) -> set[URIRef]:
    base = str(namespace)
    return {
        s for t in DECLARING_TYPES for s in _ontology().subjects(RDF.type, t)
        if isinstance(s, URIRef) and str(s).startswith(base)
    }


ALL_TERMS = sorted(t for ns in NAMESPACES for t in _terms(ns))


@pytest.mark.parametrize("namespace", NAMESPACES, ids=lambda ns: ns.__name__)
def test_namespaces_agree_with_ontology_both_ways(namespace: type[DefinedNamespace]) -> None:
    assert _terms(namespace) - _declared(namespace) == set(), "in kg/namespaces.py, not in kg.ttl"
    assert _declared(namespace) - _terms(namespace) == set(), "in kg.ttl, not in kg/namespaces.py"


def test_namespaces_ontology_uses_only_declared_terms() -> None:
    # A misspelt kg: IRI anywhere in kg.ttl (as a domain, a range, a concept) is caught here.
    for node in {n for triple in _ontology() for n in triple if isinstance(n, URIRef)}:
        for namespace in NAMESPACES:
            if str(node).startswith(str(namespace)):
                assert node in namespace, node


@pytest.mark.parametrize(("namespace", "name"), [
    (KG, "Sitte"), (KG, "located_in"), (KGF, "costs"), (KGF, "weather"), (KGM, "sea"),
    (KGU, "TonnesPerYear"), (NIF, "beginIdx"),
])
def test_namespaces_misspelt_term_raises(namespace: type[DefinedNamespace], name: str) -> None:
    with pytest.raises(AttributeError):
        getattr(namespace, name)


@pytest.mark.parametrize("term", ALL_TERMS, ids=str)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_namespaces_term_has_label_and_definition(term: URIRef, lang: str) -> None:
    graph = _ontology()
    labels = [*graph.objects(term, RDFS.label), *graph.objects(term, SKOS.prefLabel)]
    definitions = [*graph.objects(term, SKOS.definition), *graph.objects(term, RDFS.comment)]
    assert any(label.language == lang and str(label).strip() for label in labels)
    assert any(d.language == lang and str(d).strip() for d in definitions)


@pytest.mark.parametrize("prop", sorted(
    s for t in (OWL.ObjectProperty, OWL.DatatypeProperty) for s in _ontology().subjects(RDF.type, t)
), ids=str)
def test_namespaces_property_has_domain_and_range(prop: URIRef) -> None:
    assert _ontology().value(prop, RDFS.domain) is not None
    assert _ontology().value(prop, RDFS.range) is not None


@pytest.mark.parametrize("cls", sorted(
    c for c in _ontology().subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)
), ids=str)
def test_namespaces_class_relates_to_a_standard_vocabulary_or_kg(cls: URIRef) -> None:
    # Every class is placed: under another kg class or a standard one, or matched to one.
    graph = _ontology()
    assert [*graph.objects(cls, RDFS.subClassOf), *graph.objects(cls, SKOS.closeMatch)]


@pytest.mark.parametrize(("concepts", "keys"), [
    (FACTOR_CONCEPTS, model.FACTORS),
    (MODE_CONCEPTS, model.MODES),
    (UNIT_CONCEPTS, model.UNITS),
])
def test_namespaces_concepts_cover_extraction_keys(
    concepts: dict[str, URIRef], keys: tuple[str, ...]
) -> None:
    assert set(concepts) == set(keys)
    for key, concept in concepts.items():
        assert str(_ontology().value(concept, SKOS.notation)) == key
        assert (concept, RDF.type, SKOS.Concept) in _ontology()


@pytest.mark.parametrize(("namespace", "scheme"), [
    (KGF, KG.factorScheme), (KGM, KG.transportModeScheme), (KGU, KG.capacityUnitScheme),
])
def test_namespaces_concepts_belong_to_their_scheme(
    namespace: type[DefinedNamespace], scheme: URIRef
) -> None:
    graph = _ontology()
    assert set(graph.subjects(SKOS.inScheme, scheme)) == _terms(namespace)
    assert set(graph.objects(scheme, SKOS.hasTopConcept)) == _terms(namespace)


@pytest.mark.parametrize("factor", sorted(KGF.__annotations__))
def test_namespaces_factor_local_name_is_its_key(factor: str) -> None:
    assert str(KGF[factor]).endswith("/" + factor)


def test_namespaces_bind_prefixes_binds_every_prefix() -> None:
    graph = bind_prefixes(Graph())
    bound = {prefix: str(ns) for prefix, ns in graph.namespaces()}
    for prefix, namespace in PREFIXES.items():
        assert bound[prefix] == str(namespace)
    assert bound["schema"] == "https://schema.org/"
    assert graph.namespace_manager.normalizeUri(ns.SCHEMA.City) == "schema:City"
    assert graph.namespace_manager.normalizeUri(KG.Site) == "kg:Site"


def test_namespaces_turtle_uses_kg_prefixes() -> None:
    graph = bind_prefixes(Graph())
    graph.add((KGF.energy, RDF.type, SKOS.Concept))
    text = graph.serialize(format="turtle")
    assert "kgf:energy a skos:Concept" in text
