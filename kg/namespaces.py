"""Every IRI kg writes, defined once.

kg's own vocabulary (``ontology/kg.ttl``) is mirrored here as closed namespaces, in the manner
of rdflib's ``rdflib/namespace/_FOAF.py``: ``_fail = True`` turns a misspelt term into an
``AttributeError`` instead of a silent new IRI. ``tests/test_namespaces.py`` checks that this
module and the ontology agree both ways. The standard vocabularies kg reuses are re-exported
so that the rest of kg imports every namespace from here.
"""
from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import (
    DCTERMS,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SH,
    SKOS,
    XSD,
    DefinedNamespace,
    Namespace,
)

SCHEMA = SDO  # schema.org under its https IRI, as rdflib ships it

# QUDT is not shipped by rdflib; kg only points at it from the ontology.
QUDT = Namespace("http://qudt.org/schema/qudt/")
UNIT = Namespace("http://qudt.org/vocab/unit/")

KGR = Namespace("https://w3id.org/kg/id/")  # instances: entities, facts, evidence, reports
KGSH = Namespace("https://w3id.org/kg/shapes#")  # the SHACL shapes of ontology/shapes.ttl
KG_ONTOLOGY = URIRef("https://w3id.org/kg/ontology")  # the owl:Ontology itself


class KG(DefinedNamespace):
    """kg's own classes and properties (``ontology/kg.ttl``)."""

    _fail = True
    _NS = Namespace("https://w3id.org/kg/ontology#")

    # entities
    Organization: URIRef  # a company, group, public body or other organisation
    Person: URIRef  # a human being
    Place: URIRef  # abstract superclass of City, Country and Region
    City: URIRef  # a city, town or other populated place
    Country: URIRef  # a sovereign country, with its ISO 3166-1 alpha-2 code
    Region: URIRef  # a continent or macro-region (Europe, Amérique du Nord)
    Product: URIRef  # a product or material, labelled as written
    Report: URIRef  # a source document: news article, press release, annual report

    # facts
    Statement: URIRef  # superclass of every fact node, each carrying evidence
    Assertion: URIRef  # a reified plain triple carrying the evidence of that triple
    Site: URIRef  # an industrial site of an organisation, located in a city
    Listing: URIRef  # a stock listing: ticker on an exchange
    Membership: URIRef  # a person holding a role in an organisation
    Capacity: URIRef  # a production capacity of an organisation
    Investment: URIRef  # an investment by one or more organisations
    SiteRationale: URIRef  # a reason (location factor) an organisation gives for a site
    Corridor: URIRef  # a transport corridor from a city to a place
    Partnership: URIRef  # a partnership between two or more organisations

    # evidence
    Evidence: URIRef  # where a fact comes from
    TextEvidence: URIRef  # a span of a report's text
    GazetteerEvidence: URIRef  # a gazetteer entry

    # concept schemes
    factorScheme: URIRef  # SKOS scheme of site-location factors (kgf:)
    transportModeScheme: URIRef  # SKOS scheme of transport modes (kgm:)
    capacityUnitScheme: URIRef  # SKOS scheme of capacity units (kgu:)

    # entity properties
    mentionedIn: URIRef  # a report that names the entity
    locatedIn: URIRef  # site -> city, city -> country
    geonamesId: URIRef  # GeoNames identifier of a place
    isoCode: URIRef  # ISO 3166-1 alpha-2 code of a country
    contentHash: URIRef  # sha256 hex digest of a report's text
    fileName: URIRef  # file name of a report

    # fact properties
    evidence: URIRef  # statement -> evidence supporting it
    headquarteredIn: URIRef  # organisation -> place of its headquarters
    subsidiaryOf: URIRef  # organisation -> parent organisation
    produces: URIRef  # organisation -> product
    partner: URIRef  # partnership -> partner organisation
    partnershipKind: URIRef  # kind of partnership, as written
    partnerOf: URIRef  # organisation -> partner organisation (symmetric)
    hasSite: URIRef  # organisation -> site
    siteKind: URIRef  # kind of site, as written ("usine"@fr)
    listing: URIRef  # organisation -> listing
    ticker: URIRef  # stock code of a listing, as written
    exchange: URIRef  # stock exchange of a listing
    roleTitle: URIRef  # title of the role held in a membership, as written
    capacityOf: URIRef  # capacity -> organisation
    value: URIRef  # numeric value of a capacity
    unit: URIRef  # capacity -> kgu: unit concept
    productLabel: URIRef  # what a capacity is of, as written
    product: URIRef  # capacity -> product entity
    site: URIRef  # capacity -> site
    investor: URIRef  # investment -> investing organisation
    amount: URIRef  # investment -> schema:MonetaryAmount
    investmentLocation: URIRef  # investment -> place invested in
    rationaleOf: URIRef  # site rationale -> organisation
    factor: URIRef  # site rationale -> kgf: factor concept
    rationaleLocation: URIRef  # site rationale -> city
    corridorFrom: URIRef  # corridor -> origin city
    corridorTo: URIRef  # corridor -> destination place
    transportMode: URIRef  # corridor -> kgm: mode concept

    # evidence properties
    inReport: URIRef  # text evidence -> report
    sentence: URIRef  # text of the sentence holding the span
    rule: URIRef  # name of the extractor that produced the fact
    confidence: URIRef  # confidence in [0, 1]
    source: URIRef  # name of the gazetteer


class KGF(DefinedNamespace):
    """Site-location factors (SKOS concepts); local name = factor key."""

    _fail = True
    _NS = Namespace("https://w3id.org/kg/factor/")

    cost: URIRef
    logistics: URIRef
    tax: URIRef
    geostrategic: URIRef
    legal_stability: URIRef
    export_orientation: URIRef
    market_proximity: URIRef
    supply_chain: URIRef
    raw_materials: URIRef
    trade_agreements: URIRef
    energy: URIRef
    labour: URIRef
    incentives: URIRef


class KGM(DefinedNamespace):
    """Transport modes (SKOS concepts); local name = mode key."""

    _fail = True
    _NS = Namespace("https://w3id.org/kg/mode/")

    maritime: URIRef
    rail: URIRef
    road: URIRef
    air: URIRef


class KGU(DefinedNamespace):
    """Capacity units (SKOS concepts); the unit as written is the concept's skos:notation."""

    _fail = True
    _NS = Namespace("https://w3id.org/kg/unit/")

    TonnePerYear: URIRef  # t/yr
    GigawattHourPerYear: URIRef  # GWh/yr
    UnitPerYear: URIRef  # units/yr
    Megawatt: URIRef  # MW


class NIF(DefinedNamespace):
    """The NIF Core terms kg uses for text spans."""

    _fail = True
    _NS = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")

    String: URIRef  # a span of text
    Context: URIRef  # the whole text spans are taken from
    beginIndex: URIRef  # offset of the first character of the span
    endIndex: URIRef  # offset just after the last character of the span
    anchorOf: URIRef  # the text of the span
    referenceContext: URIRef  # span -> context holding it


# Keys of kg.extract.model (FACTORS, MODES, UNITS) -> concepts, so the builder never spells an IRI.
FACTOR_CONCEPTS: dict[str, URIRef] = {key: KGF[key] for key in (
    "cost", "logistics", "tax", "geostrategic", "legal_stability", "export_orientation",
    "market_proximity", "supply_chain", "raw_materials", "trade_agreements", "energy",
    "labour", "incentives",
)}
MODE_CONCEPTS: dict[str, URIRef] = {key: KGM[key] for key in ("maritime", "rail", "road", "air")}
UNIT_CONCEPTS: dict[str, URIRef] = {
    "t/yr": KGU.TonnePerYear,
    "GWh/yr": KGU.GigawattHourPerYear,
    "units/yr": KGU.UnitPerYear,
    "MW": KGU.Megawatt,
}

PREFIXES: dict[str, Namespace | type[DefinedNamespace]] = {
    "kg": KG,
    "kgr": KGR,
    "kgf": KGF,
    "kgm": KGM,
    "kgu": KGU,
    "kgsh": KGSH,
    "org": ORG,
    "schema": SCHEMA,
    "prov": PROV,
    "nif": NIF,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "qudt": QUDT,
    "unit": UNIT,
    "sh": SH,
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind kg's prefixes (``kg:``, ``kgr:``, ``schema:``, ...) on ``graph``; returns it."""
    for prefix, namespace in PREFIXES.items():
        # replace=True: rdflib pre-binds "schema" to http://schema.org/ in some versions.
        graph.bind(prefix, str(namespace), override=True, replace=True)
    return graph


__all__ = [
    "DCTERMS", "FACTOR_CONCEPTS", "KG", "KGF", "KGM", "KGR", "KGSH", "KGU", "KG_ONTOLOGY",
    "MODE_CONCEPTS", "NIF", "ORG", "OWL", "PREFIXES", "PROV", "QUDT", "RDF", "RDFS", "SCHEMA",
    "SH", "SKOS", "UNIT", "UNIT_CONCEPTS", "XSD", "bind_prefixes",
]
