"""From an extraction to RDF: the one place where kg writes triples.

One report gives one graph: the report node, its entities (with every name they go by), one
node per fact (an n-ary node, or a ``kg:Assertion`` reifying a plain triple) and the evidence of
each fact. See ``docs/model.md`` for the model; IRIs come from :mod:`kg.graph.iris`.
"""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import cache

from rdflib import Graph, Literal, URIRef

from kg.extract.model import Code, Entity, Evidence, Extraction, Fact, Factor, Money, Quantity
from kg.graph.iris import fact_iri, geonames_iri, report_iri
from kg.graph.merge import EntityRegistry
from kg.namespaces import (
    DCTERMS, FACTOR_CONCEPTS, KG, MODE_CONCEPTS, NIF, ORG, OWL, RDF, RDFS, SCHEMA, SKOS,
    UNIT_CONCEPTS, XSD,
)
from kg.read import Report
from kg.resources import ontology_file

ENTITY_CLASSES = {"Organization": KG.Organization, "Person": KG.Person, "City": KG.City,
                  "Country": KG.Country, "Region": KG.Region, "Product": KG.Product}
BINARY = {"headquartered_in": KG.headquarteredIn, "located_in": KG.locatedIn,
          "subsidiary_of": KG.subsidiaryOf, "produces": KG.produces}


CONCEPT_PROPERTIES = (RDF.type, SKOS.notation, SKOS.prefLabel, SKOS.inScheme)


@cache
def ontology_graph() -> Graph:
    """kg's ontology (``ontology/kg.ttl``), parsed once."""
    return Graph().parse(data=ontology_file("kg.ttl").read_text(encoding="utf-8"), format="turtle")


def decimal_literal(value: Decimal) -> Literal:
    """An xsd:decimal written without exponent or trailing zeros: 1300000000, 3.5."""
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return Literal(text, datatype=XSD.decimal)


class GraphBuilder:
    """Writes one report's extraction into a graph."""

    def __init__(self, report: Report, extraction: Extraction, registry: EntityRegistry | None = None,
                 into: Graph | None = None) -> None:
        self.report = report
        self.x = extraction
        self.lang = extraction.lang
        # No prefixes bound here: whatever serializes the graph binds them (a dataset binds
        # them once); binding them in each report's graph costs as much as a fifth of it.
        self.g = Graph() if into is None else into
        self.report_node = report_iri(report.content_hash)
        self.identities = (registry or EntityRegistry()).identities(extraction)
        self.iris = {key: identity.iri for key, identity in self.identities.items()}
        self.concepts: set[URIRef] = set()  # the SKOS concepts the facts use (see _concepts)

    def build(self) -> Graph:
        self._report()
        for ent in self.x.entities.values():
            self._entity(ent)
        for fact in self.x.facts:
            WRITERS[fact.relation](self, fact)
        self._concepts()
        return self.g

    def _concepts(self) -> None:
        """Copy the SKOS concepts the graph uses (units, factors, modes) from the ontology, so that
        the graph is self-contained: its notations are what the facts view prints."""
        ontology = ontology_graph()
        for concept in sorted(self.concepts):
            for p, o in ontology.predicate_objects(concept):
                if p in CONCEPT_PROPERTIES:
                    self.g.add((concept, p, o))

    # nodes ---------------------------------------------------------------------------------
    def _report(self) -> None:
        g, r, rep = self.g, self.report_node, self.report
        g.add((r, RDF.type, KG.Report))
        g.add((r, DCTERMS.title, Literal(rep.title, lang=self.lang)))
        g.add((r, DCTERMS.language, Literal(rep.lang)))
        g.add((r, KG.contentHash, Literal(rep.content_hash)))
        g.add((r, KG.fileName, Literal(rep.path.name)))

    def _entity(self, ent: Entity) -> None:
        g, node, identity = self.g, self.iris[ent.key], self.identities[ent.key]
        g.add((node, RDF.type, ENTITY_CLASSES[ent.type]))
        g.add((node, RDFS.label, Literal(identity.label)))
        pref = identity.pref_labels[self.lang]
        g.add((node, SKOS.prefLabel, Literal(pref, lang=self.lang)))
        for alias in sorted((ent.aliases | {ent.name}) - {pref}):
            g.add((node, SKOS.altLabel, Literal(alias, lang=self.lang)))
        g.add((node, KG.mentionedIn, self.report_node))
        if ent.geonames_id:
            g.add((node, KG.geonamesId, Literal(ent.geonames_id, datatype=XSD.integer)))
            g.add((node, OWL.sameAs, geonames_iri(ent.geonames_id)))
            for lang, name in sorted(ent.labels.items()):
                if lang != self.lang and name != ent.name:
                    g.add((node, SKOS.altLabel, Literal(name, lang=lang)))
        if ent.type == "Country" and ent.country_code:
            g.add((node, KG.isoCode, Literal(ent.country_code)))
        if ent.type == "City" and ent.latitude is not None:
            g.add((node, SCHEMA.latitude, Literal(ent.latitude, datatype=XSD.double)))
            g.add((node, SCHEMA.longitude, Literal(ent.longitude, datatype=XSD.double)))

    def _statement(self, node: URIRef, cls: URIRef, evidence: Evidence) -> URIRef:
        self.g.add((node, RDF.type, cls))
        self._evidence(node, evidence)
        return node

    def _evidence(self, fact: URIRef, ev: Evidence) -> None:
        g = self.g
        node = fact_iri("evidence", fact, self.report.content_hash, ev.rule, ev.start, ev.end, ev.source)
        g.add((fact, KG.evidence, node))
        g.add((node, RDF.type, KG.TextEvidence if ev.is_text else KG.GazetteerEvidence))
        g.add((node, KG.rule, Literal(ev.rule)))
        g.add((node, KG.confidence, decimal_literal(Decimal(str(ev.confidence)))))
        if ev.is_text:
            g.add((node, KG.inReport, self.report_node))
            g.add((node, NIF.beginIndex, Literal(ev.start, datatype=XSD.nonNegativeInteger)))
            g.add((node, NIF.endIndex, Literal(ev.end, datatype=XSD.nonNegativeInteger)))
            g.add((node, NIF.anchorOf, Literal(ev.anchor or "")))
            g.add((node, KG.sentence, Literal(ev.sentence or "")))
        else:
            g.add((node, KG.source, Literal(ev.source or "gazetteer")))

    def _concept(self, node: URIRef, p: URIRef, concept: URIRef) -> None:
        self.g.add((node, p, concept))
        self.concepts.add(concept)

    def _text(self, value: str | None) -> Literal | None:
        return Literal(value, lang=self.lang) if value else None

    def _add_optional(self, s: URIRef, p: URIRef, o) -> None:
        if o is not None:
            self.g.add((s, p, o))

    # relations -----------------------------------------------------------------------------
    def binary(self, fact: Fact) -> None:
        s, p, o = self.iris[fact.subject], BINARY[fact.relation], self.iris[fact.obj]
        self.g.add((s, p, o))
        node = self._statement(fact_iri("assertion", s, p, o), KG.Assertion, fact.evidence)
        self.g.add((node, RDF.subject, s))
        self.g.add((node, RDF.predicate, p))
        self.g.add((node, RDF.object, o))

    def site(self, fact: Fact) -> None:
        org, city = self.iris[fact.subject], self.iris[fact.obj]
        node = self._statement(fact_iri("site", org, city), KG.Site, fact.evidence)
        self.g.add((org, KG.hasSite, node))
        self.g.add((node, KG.locatedIn, city))
        self._add_optional(node, KG.siteKind, self._text(fact.qualifier))

    def listing(self, fact: Fact) -> None:
        org = self.iris[fact.subject]
        assert isinstance(fact.obj, Code)
        node = self._statement(fact_iri("listing", org, fact.obj.value), KG.Listing, fact.evidence)
        self.g.add((org, KG.listing, node))
        self.g.add((node, KG.ticker, Literal(fact.obj.value)))
        self._add_optional(node, KG.exchange, Literal(fact.qualifier) if fact.qualifier else None)

    def role(self, fact: Fact) -> None:
        person, org = self.iris[fact.subject], self.iris[fact.obj]
        node = self._statement(fact_iri("membership", person, org, fact.qualifier), KG.Membership, fact.evidence)
        self.g.add((node, ORG.member, person))
        self.g.add((node, ORG.organization, org))
        self._add_optional(node, KG.roleTitle, self._text(fact.qualifier))

    def capacity(self, fact: Fact) -> None:
        org = self.iris[fact.subject]
        q = fact.obj
        assert isinstance(q, Quantity)
        node = self._statement(fact_iri("capacity", org, q.value, q.unit, fact.qualifier), KG.Capacity, fact.evidence)
        self.g.add((node, KG.capacityOf, org))
        self.g.add((node, KG.value, decimal_literal(q.value)))
        self._concept(node, KG.unit, UNIT_CONCEPTS[q.unit])
        self._add_optional(node, KG.productLabel, self._text(fact.qualifier))

    def investment(self, fact: Fact) -> None:
        org = self.iris[fact.subject]
        amounts = fact.obj
        assert isinstance(amounts, tuple)
        place = self.iris.get(fact.qualifier) if fact.qualifier else None
        key = tuple((m.value, m.currency) for m in amounts)
        node = self._statement(fact_iri("investment", key, place, fact.evidence.start), KG.Investment, fact.evidence)
        self.g.add((node, KG.investor, org))
        for m in amounts:
            amount = fact_iri("amount", node, m.value, m.currency)
            self.g.add((node, KG.amount, amount))
            self.g.add((amount, RDF.type, SCHEMA.MonetaryAmount))
            self.g.add((amount, SCHEMA.value, decimal_literal(m.value)))
            self.g.add((amount, SCHEMA.currency, Literal(m.currency)))
        self._add_optional(node, KG.investmentLocation, place)

    def rationale(self, fact: Fact) -> None:
        org, city = self.iris[fact.subject], self.iris[fact.qualifier]
        assert isinstance(fact.obj, Factor)
        node = self._statement(fact_iri("rationale", org, fact.obj.key, city), KG.SiteRationale, fact.evidence)
        self.g.add((node, KG.rationaleOf, org))
        self._concept(node, KG.factor, FACTOR_CONCEPTS[fact.obj.key])
        self.g.add((node, KG.rationaleLocation, city))

    def corridor(self, fact: Fact) -> None:
        city, dest = self.iris[fact.subject], self.iris[fact.obj]
        node = self._statement(fact_iri("corridor", city, dest, fact.mode), KG.Corridor, fact.evidence)
        self.g.add((node, KG.corridorFrom, city))
        self.g.add((node, KG.corridorTo, dest))
        self._concept(node, KG.transportMode, MODE_CONCEPTS[fact.mode])

    def partnership(self, fact: Fact) -> None:
        a, b = sorted((self.iris[fact.subject], self.iris[fact.obj]))
        node = self._statement(fact_iri("partnership", a, b), KG.Partnership, fact.evidence)
        self.g.add((node, KG.partner, a))
        self.g.add((node, KG.partner, b))
        self._add_optional(node, KG.partnershipKind, self._text(fact.qualifier))
        self.g.add((a, KG.partnerOf, b))
        self.g.add((b, KG.partnerOf, a))


WRITERS: dict[str, Callable[[GraphBuilder, Fact], None]] = {
    "headquartered_in": GraphBuilder.binary,
    "located_in": GraphBuilder.binary,
    "subsidiary_of": GraphBuilder.binary,
    "produces": GraphBuilder.binary,
    "has_site_in": GraphBuilder.site,
    "stock_code": GraphBuilder.listing,
    "holds_role": GraphBuilder.role,
    "capacity": GraphBuilder.capacity,
    "investment": GraphBuilder.investment,
    "site_rationale": GraphBuilder.rationale,
    "corridor_to": GraphBuilder.corridor,
    "partner_of": GraphBuilder.partnership,
}


def build_graph(report: Report, extraction: Extraction, registry: EntityRegistry | None = None,
                into: Graph | None = None) -> Graph:
    """The RDF graph of one report; with a ``registry``, entities share IRIs and labels with the
    reports built before it. ``into`` (an empty graph, e.g. a dataset's named graph) receives
    the triples instead of a new graph: a dataset's graph built in place is not copied."""
    return GraphBuilder(report, extraction, registry, into).build()
