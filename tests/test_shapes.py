"""ontology/shapes.ttl: each shape holds on a conforming graph and catches its own breakage.

``tests/data/shapes/valid.ttl`` holds one node of every class the builder emits and conforms.
Each case below breaks it with one SPARQL update and names exactly which shapes, on which
paths, must complain: a mutation that trips an unexpected shape fails the test too.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from kg import namespaces as ns
from kg.namespaces import KG, KGF, KGM, KGR, KGU, PREFIXES, RDF, SH
from kg.validation import load_shapes, validate

DATA = Path(__file__).parent / "data" / "shapes"

# SPARQL prologue: kg's prefixes, and the instance namespace as base so that <org/norvalis>
# in an update is the same node as in valid.ttl.
PROLOGUE = f"BASE <{KGR}>\n" + "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())

# Nodes of valid.ttl, relative to the base
ORG, PARENT, PARTNER = "<org/norvalis>", "<org/groupe-arvel>", "<org/brightwater-cells>"
PERSON, PRODUCT = "<person/lea-morvan>", "<product/cathodes>"
CITY, TOWN, COUNTRY = "<place/geonames-1000001>", "<place/NO/kvalhavn>", "<place/geonames-3017382>"
REPORT = "<report/5485ccb4aa42e4d9>"
TEXT_EV, GAZ_EV = "<evidence/0f1e2d3c4b5a6978>", "<evidence/1111aaaa2222bbbb>"
HQ, LOCATED = "<fact/headquartered_in/1234567890abcdef>", "<fact/located_in/234567890abcdef1>"
SUBSIDIARY = "<fact/subsidiary_of/34567890abcdef12>"
SITE, LISTING = "<fact/has_site_in/a1b2c3d4e5f60718>", "<fact/stock_code/0a1b2c3d4e5f6071>"
MEMBERSHIP, CAPACITY = "<fact/holds_role/5678901234abcdef>", "<fact/capacity/6789012345abcdef>"
INVESTMENT = "<fact/investment/7890123456abcdef>"
AMOUNT = "<fact/investment/7890123456abcdef/amount-1>"
RATIONALE = "<fact/site_rationale/890123456abcdef7>"
CORRIDOR = "<fact/corridor_to/90123456abcdef78>"
PARTNERSHIP = "<fact/partner_of/0123456abcdef789>"
SHA_UPPER = '"5485CCB4AA42E4D94BEEA811E5A9569C616A41BC43AA74B37F542EC34F480A3B"'


def _set(node: str, path: str, value: str) -> str:
    """An update replacing every value of ``node path`` by ``value``."""
    where = f"{node} {path} ?v"
    return f"DELETE {{ {where} }} INSERT {{ {node} {path} {value} }} WHERE {{ {where} }}"


def _drop(node: str, path: str) -> str:
    return f"DELETE WHERE {{ {node} {path} ?v }}"


def _add(triples: str) -> str:
    return f"INSERT DATA {{ {triples} }}"


def _then(*updates: str) -> str:
    return " ;\n".join(updates)


# (case id, update, {(shape local name, path as printed)}). Negative numbers are typed
# explicitly: rdflib's SPARQL parser cannot negate a bare decimal.
CASES = [
    # entities
    ("entity-two-preflabels", _add(f'{ORG} skos:prefLabel "Norvalis SA"@fr'),
     {("EntityShape", "skos:prefLabel")}),
    ("entity-two-preflabels-one-untagged", _add(f'{PERSON} skos:prefLabel "Lea Morvan"'),
     {("EntityShape", "skos:prefLabel")}),
    ("entity-no-preflabel", _drop(PERSON, "skos:prefLabel"),
     {("EntityShape", "skos:prefLabel")}),
    ("entity-untagged-preflabel", _set(PRODUCT, "skos:prefLabel", '"cathodes"'),
     {("EntityShape", "skos:prefLabel")}),
    ("entity-empty-altlabel", _set(ORG, "skos:altLabel", '""@fr'),
     {("EntityShape", "skos:altLabel")}),
    ("entity-mentioned-in-non-report", _add(f"{PARENT} kg:mentionedIn {CITY}"),
     {("EntityShape", "kg:mentionedIn")}),
    ("place-geonames-id-as-string", _set(CITY, "kg:geonamesId", '"1000001"'),
     {("PlaceShape", "kg:geonamesId")}),
    ("place-latitude-out-of-range", _set(CITY, "schema:latitude", "145.18"),
     {("PlaceShape", "schema:latitude")}),
    ("place-longitude-as-string", _set(CITY, "schema:longitude", '"5.72"'),
     {("PlaceShape", "schema:longitude")}),
    ("place-same-as-literal", _set(CITY, "owl:sameAs", '"geonames 1000001"'),
     {("PlaceShape", "owl:sameAs")}),
    ("city-in-a-city", _then(_set(CITY, "kg:locatedIn", TOWN), _set(LOCATED, "rdf:object", TOWN)),
     {("CityShape", "kg:locatedIn")}),
    ("city-in-two-countries", _add(f'{CITY} kg:locatedIn <place/NO/norway> . <place/NO/norway> a'
                                   ' kg:Country ; skos:prefLabel "Norvège"@fr ; kg:isoCode "NO"'),
     {("CityShape", "kg:locatedIn")}),
    ("country-alpha3-code", _set(COUNTRY, "kg:isoCode", '"FRA"'),
     {("CountryShape", "kg:isoCode")}),
    ("country-lowercase-code", _set(COUNTRY, "kg:isoCode", '"fr"'),
     {("CountryShape", "kg:isoCode")}),
    ("country-without-code", _drop(COUNTRY, "kg:isoCode"),
     {("CountryShape", "kg:isoCode")}),
    ("report-short-hash", _set(REPORT, "kg:contentHash", '"5485ccb4aa42"'),
     {("ReportShape", "kg:contentHash")}),
    ("report-uppercase-hash", _set(REPORT, "kg:contentHash", SHA_UPPER),
     {("ReportShape", "kg:contentHash")}),
    ("report-without-language", _drop(REPORT, "dcterms:language"),
     {("ReportShape", "dcterms:language")}),
    ("report-language-name", _set(REPORT, "dcterms:language", '"French"'),
     {("ReportShape", "dcterms:language")}),
    ("report-two-titles", _add(f'{REPORT} dcterms:title "Norvalis opens a cathode plant"@en'),
     {("ReportShape", "dcterms:title")}),
    ("report-file-name-iri", _set(REPORT, "kg:fileName", "<file/norvalis>"),
     {("ReportShape", "kg:fileName")}),
    # relations, targeted by predicate
    ("hq-of-a-person", _add(f"{PERSON} kg:headquarteredIn {CITY}"),
     {("HeadquarteredInShape", None)}),
    ("hq-in-a-product", _then(_set(ORG, "kg:headquarteredIn", PRODUCT),
                              _set(HQ, "rdf:object", PRODUCT)),
     {("HeadquarteredInShape", "kg:headquarteredIn")}),
    ("subsidiary-of-a-person", _then(_set(ORG, "kg:subsidiaryOf", PERSON),
                                     _set(SUBSIDIARY, "rdf:object", PERSON)),
     {("SubsidiaryOfShape", "kg:subsidiaryOf")}),
    ("subsidiary-person-subject", _add(f"{PERSON} kg:subsidiaryOf {ORG}"),
     {("SubsidiaryOfShape", None)}),
    ("produces-a-city", _add(f"{PARENT} kg:produces {CITY}"),
     {("ProducesShape", "kg:produces")}),
    ("produces-by-a-city", _add(f"{CITY} kg:produces {PRODUCT}"),
     {("ProducesShape", None)}),
    ("partner-of-a-person", _add(f"{PARENT} kg:partnerOf {PERSON}"),
     {("PartnerOfShape", "kg:partnerOf")}),
    ("partner-of-by-a-product", _add(f"{PRODUCT} kg:partnerOf {ORG}"),
     {("PartnerOfShape", None)}),
    ("has-site-a-city", _add(f"{PARENT} kg:hasSite {CITY}"),
     {("HasSiteShape", "kg:hasSite")}),
    ("has-site-by-a-person", _add(f"{PERSON} kg:hasSite {SITE}"),
     {("HasSiteShape", None), ("SiteShape", "^kg:hasSite")}),
    ("listing-a-report", _add(f"{PARENT} kg:listing {REPORT}"),
     {("ListingOfShape", "kg:listing")}),
    ("listing-of-a-product", _add(f"{PRODUCT} kg:listing {LISTING}"),
     {("ListingOfShape", None), ("ListingShape", "^kg:listing")}),
    ("located-in-by-an-organization", _add(f"{PARENT} kg:locatedIn {COUNTRY}"),
     {("LocatedInShape", None)}),
    # facts and their evidence
    ("site-stripped-of-evidence", _drop(SITE, "kg:evidence"),
     {("StatementShape", "kg:evidence")}),
    ("capacity-stripped-of-evidence", _drop(CAPACITY, "kg:evidence"),
     {("StatementShape", "kg:evidence")}),
    ("assertion-stripped-of-evidence", _drop(HQ, "kg:evidence"),
     {("StatementShape", "kg:evidence")}),
    ("partnership-stripped-of-evidence", _drop(PARTNERSHIP, "kg:evidence"),
     {("StatementShape", "kg:evidence")}),
    ("evidence-is-a-report", _set(SITE, "kg:evidence", REPORT),
     {("EvidenceShape", "rdf:type"), ("EvidenceShape", "kg:rule"),
      ("EvidenceShape", "kg:confidence")}),
    ("evidence-is-a-literal", _set(SITE, "kg:evidence", '"see page 3"'),
     {("StatementShape", "kg:evidence"), ("EvidenceShape", "rdf:type"),
      ("EvidenceShape", "kg:rule"), ("EvidenceShape", "kg:confidence")}),
    ("assertion-unknown-predicate", _set(HQ, "rdf:predicate", "kg:hasSite"),
     {("AssertionShape", "rdf:predicate"), ("AssertedTripleShape", None)}),
    ("assertion-without-subject", _drop(HQ, "rdf:subject"),
     {("AssertionShape", "rdf:subject")}),
    ("assertion-literal-object", _set(HQ, "rdf:object", '"Valmont-sur-Lac"'),
     {("AssertionShape", "rdf:object"), ("AssertedTripleShape", None)}),
    ("assertion-triple-not-asserted", _drop(ORG, "kg:produces"),
     {("AssertedTripleShape", None)}),
    ("site-without-a-place", _drop(SITE, "kg:locatedIn"),
     {("SiteShape", "kg:locatedIn")}),
    ("site-in-a-country", _set(SITE, "kg:locatedIn", COUNTRY),
     {("SiteShape", "kg:locatedIn")}),
    ("site-in-two-cities", _add(f"{SITE} kg:locatedIn {TOWN}"),
     {("SiteShape", "kg:locatedIn")}),
    ("site-of-no-organization", _drop(ORG, "kg:hasSite"),
     {("SiteShape", "^kg:hasSite")}),
    ("site-empty-kind", _set(SITE, "kg:siteKind", '""'),
     {("SiteShape", "kg:siteKind")}),
    ("listing-without-ticker", _drop(LISTING, "kg:ticker"),
     {("ListingShape", "kg:ticker")}),
    ("listing-numeric-ticker", _set(LISTING, "kg:ticker", "300750"),
     {("ListingShape", "kg:ticker")}),
    ("listing-of-no-organization", _drop(ORG, "kg:listing"),
     {("ListingShape", "^kg:listing")}),
    ("listing-empty-exchange", _set(LISTING, "kg:exchange", '""'),
     {("ListingShape", "kg:exchange")}),
    ("membership-member-is-an-organization", _set(MEMBERSHIP, "org:member", PARENT),
     {("MembershipShape", "org:member")}),
    ("membership-without-organization", _drop(MEMBERSHIP, "org:organization"),
     {("MembershipShape", "org:organization")}),
    ("membership-empty-role", _set(MEMBERSHIP, "kg:roleTitle", '""@fr'),
     {("MembershipShape", "kg:roleTitle")}),
    ("capacity-negative", _set(CAPACITY, "kg:value", '"-40000.0"^^xsd:decimal'),
     {("CapacityShape", "kg:value")}),
    ("capacity-zero", _set(CAPACITY, "kg:value", "0.0"),
     {("CapacityShape", "kg:value")}),
    ("capacity-as-string", _set(CAPACITY, "kg:value", '"40 000"'),
     {("CapacityShape", "kg:value")}),
    ("capacity-as-float", _set(CAPACITY, "kg:value", '"4.0E4"^^xsd:double'),
     {("CapacityShape", "kg:value")}),
    ("capacity-unknown-unit", _set(CAPACITY, "kg:unit", "kgu:BarrelPerDay"),
     {("CapacityShape", "kg:unit")}),
    ("capacity-unit-as-text", _set(CAPACITY, "kg:unit", '"t/yr"'),
     {("CapacityShape", "kg:unit")}),
    ("capacity-without-owner", _drop(CAPACITY, "kg:capacityOf"),
     {("CapacityShape", "kg:capacityOf")}),
    ("capacity-product-is-a-city", _set(CAPACITY, "kg:product", CITY),
     {("CapacityShape", "kg:product")}),
    ("capacity-site-is-a-city", _set(CAPACITY, "kg:site", CITY),
     {("CapacityShape", "kg:site")}),
    ("capacity-empty-product-label", _set(CAPACITY, "kg:productLabel", '""'),
     {("CapacityShape", "kg:productLabel")}),
    ("investment-without-amount", _drop(INVESTMENT, "kg:amount"),
     {("InvestmentShape", "kg:amount")}),
    ("investment-by-a-person", _set(INVESTMENT, "kg:investor", PERSON),
     {("InvestmentShape", "kg:investor")}),
    ("investment-in-a-product", _set(INVESTMENT, "kg:investmentLocation", PRODUCT),
     {("InvestmentShape", "kg:investmentLocation")}),
    ("money-bad-currency-name", _set(AMOUNT, "schema:currency", '"euros"'),
     {("MonetaryAmountShape", "schema:currency")}),
    ("money-lowercase-currency", _set(AMOUNT, "schema:currency", '"eur"'),
     {("MonetaryAmountShape", "schema:currency")}),
    ("money-currency-symbol", _set(AMOUNT, "schema:currency", '"€"'),
     {("MonetaryAmountShape", "schema:currency")}),
    ("money-negative", _set(AMOUNT, "schema:value", '"-380.0"^^xsd:decimal'),
     {("MonetaryAmountShape", "schema:value")}),
    ("money-without-value", _drop(AMOUNT, "schema:value"),
     {("MonetaryAmountShape", "schema:value")}),
    ("rationale-unknown-factor", _set(RATIONALE, "kg:factor", "kgf:weather"),
     {("SiteRationaleShape", "kg:factor")}),
    ("rationale-mode-as-factor", _set(RATIONALE, "kg:factor", "kgm:rail"),
     {("SiteRationaleShape", "kg:factor")}),
    ("rationale-in-a-country", _set(RATIONALE, "kg:rationaleLocation", COUNTRY),
     {("SiteRationaleShape", "kg:rationaleLocation")}),
    ("rationale-of-nobody", _drop(RATIONALE, "kg:rationaleOf"),
     {("SiteRationaleShape", "kg:rationaleOf")}),
    ("corridor-from-a-country", _set(CORRIDOR, "kg:corridorFrom", COUNTRY),
     {("CorridorShape", "kg:corridorFrom")}),
    ("corridor-to-nowhere", _drop(CORRIDOR, "kg:corridorTo"),
     {("CorridorShape", "kg:corridorTo")}),
    ("corridor-to-an-organization", _set(CORRIDOR, "kg:corridorTo", PARENT),
     {("CorridorShape", "kg:corridorTo")}),
    ("corridor-unknown-mode", _set(CORRIDOR, "kg:transportMode", "kgm:pipeline"),
     {("CorridorShape", "kg:transportMode")}),
    ("corridor-without-mode", _drop(CORRIDOR, "kg:transportMode"),
     {("CorridorShape", "kg:transportMode")}),
    ("partnership-of-one", f"DELETE DATA {{ {PARTNERSHIP} kg:partner {PARTNER} }}",
     {("PartnershipShape", "kg:partner")}),
    ("partnership-with-a-person", _add(f"{PARTNERSHIP} kg:partner {PERSON}"),
     {("PartnershipShape", "kg:partner")}),
    # evidence
    ("evidence-confidence-above-one", _set(TEXT_EV, "kg:confidence", "1.5"),
     {("EvidenceShape", "kg:confidence")}),
    ("evidence-confidence-negative", _set(GAZ_EV, "kg:confidence", '"-0.1"^^xsd:decimal'),
     {("EvidenceShape", "kg:confidence")}),
    ("evidence-confidence-as-float", _set(GAZ_EV, "kg:confidence", '"0.5"^^xsd:double'),
     {("EvidenceShape", "kg:confidence")}),
    ("evidence-without-rule", _drop(TEXT_EV, "kg:rule"),
     {("EvidenceShape", "kg:rule")}),
    ("evidence-untyped", _set(SITE, "kg:evidence", '[ kg:rule "site_rule" ; kg:confidence 0.5 ]'),
     {("EvidenceShape", "rdf:type")}),
    ("evidence-typed-as-a-report", _add(f"{TEXT_EV} a kg:Report"),
     {("EvidenceShape", "rdf:type"), ("ReportShape", "kg:contentHash"),
      ("ReportShape", "dcterms:language")}),
    ("text-evidence-without-report", _drop(TEXT_EV, "kg:inReport"),
     {("TextEvidenceShape", "kg:inReport")}),
    ("text-evidence-in-a-city", _set(TEXT_EV, "kg:inReport", CITY),
     {("TextEvidenceShape", "kg:inReport")}),
    ("text-evidence-negative-offset", _then(_set(TEXT_EV, "nif:beginIndex", "-1"),
                                            _set(TEXT_EV, "nif:endIndex", "16")),
     {("TextEvidenceShape", "nif:beginIndex"), ("TextEvidenceShape", "nif:endIndex")}),
    ("text-evidence-end-before-begin",
     _set(TEXT_EV, "nif:endIndex", '"120"^^xsd:nonNegativeInteger'),
     {("TextEvidenceShape", "nif:beginIndex"), ("TextEvidenceAnchorShape", None)}),
    ("text-evidence-empty-span", _set(TEXT_EV, "nif:endIndex", '"142"^^xsd:nonNegativeInteger'),
     {("TextEvidenceShape", "nif:beginIndex"), ("TextEvidenceAnchorShape", None)}),
    ("text-evidence-without-offsets", _drop(TEXT_EV, "nif:beginIndex"),
     {("TextEvidenceShape", "nif:beginIndex")}),
    ("text-evidence-without-sentence", _drop(TEXT_EV, "kg:sentence"),
     {("TextEvidenceShape", "kg:sentence")}),
    ("text-evidence-two-anchors", _add(f'{TEXT_EV} nif:anchorOf "cathodes"'),
     {("TextEvidenceShape", "nif:anchorOf"), ("TextEvidenceAnchorShape", None)}),
    ("gazetteer-evidence-without-source", _drop(GAZ_EV, "kg:source"),
     {("GazetteerEvidenceShape", "kg:source")}),
]

# The node shapes a broken graph is expected to trip, so that each is shown to catch something.
NODE_SHAPES = sorted({shape for _, _, expected in CASES for shape, _ in expected})


@pytest.fixture(scope="module")
def valid_text() -> str:
    return (DATA / "valid.ttl").read_text(encoding="utf-8")


def _graph(text: str) -> Graph:
    return Graph().parse(data=text, format="turtle")


def _broken(text: str, update: str) -> Graph:
    graph = _graph(text)
    before = set(graph)
    graph.update(PROLOGUE + update)
    assert set(graph) != before, f"the update changed nothing: {update}"
    return graph


def _local(name: str) -> str:
    return name.split(":", 1)[1]


def test_shapes_valid_graph_conforms(valid_text: str) -> None:
    report = validate(_graph(valid_text))
    assert report.conforms, report.text
    assert report.violations == ()


@pytest.mark.parametrize(("case", "update", "expected"), CASES, ids=[c[0] for c in CASES])
def test_shapes_broken_graph_fails_on_its_shape(
    valid_text: str, case: str, update: str, expected: set[tuple[str, str | None]]
) -> None:
    report = validate(_broken(valid_text, update))
    found = {(_local(v.shape), v.path) for v in report.violations}
    assert found == expected, report.text
    only_warnings = all(v.severity == "Warning" for v in report.violations)
    assert report.conforms is only_warnings


def _shape_nodes() -> dict[str, URIRef]:
    shapes = load_shapes()
    return {
        str(s).rsplit("#", 1)[1]: s
        for s in set(shapes.subjects(RDF.type, SH.NodeShape))
        if isinstance(s, URIRef)
    }


def _focus_nodes(shape: URIRef, data: Graph) -> set:
    shapes = load_shapes()
    nodes: set = set()
    for cls in shapes.objects(shape, SH.targetClass):
        nodes |= set(data.subjects(RDF.type, cls))
    for predicate in shapes.objects(shape, SH.targetSubjectsOf):
        nodes |= set(data.subjects(predicate, None))
    for predicate in shapes.objects(shape, SH.targetObjectsOf):
        nodes |= set(data.objects(None, predicate))
    return nodes


def _targets(shape: URIRef) -> set[URIRef]:
    shapes = load_shapes()
    kinds = (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)
    return {kind for kind in kinds if shapes.value(shape, kind) is not None}


TARGETED = sorted(n for n, s in _shape_nodes().items() if _targets(s))
# Shapes with a SPARQL target select only the offending nodes: a valid graph gives them none.
STATICALLY_TARGETED = sorted(n for n in TARGETED if SH.target not in _targets(_shape_nodes()[n]))


@pytest.mark.parametrize("shape", STATICALLY_TARGETED)
def test_shapes_each_shape_has_focus_nodes_in_valid_graph(valid_text: str, shape: str) -> None:
    # The valid graph conforms; this shows that it conforms *on every shape*, not by missing it.
    assert _focus_nodes(_shape_nodes()[shape], _graph(valid_text))


@pytest.mark.parametrize("shape", TARGETED)
def test_shapes_each_shape_has_a_breaking_case(shape: str) -> None:
    assert shape in NODE_SHAPES


@pytest.mark.parametrize("cls", [
    KG.Organization, KG.Person, KG.City, KG.Country, KG.Region, KG.Product, KG.Report, KG.Site,
    KG.Listing, KG.Membership, KG.Capacity, KG.Investment, ns.SCHEMA.MonetaryAmount,
    KG.SiteRationale, KG.Corridor, KG.Partnership, KG.Assertion, KG.TextEvidence,
    KG.GazetteerEvidence,
])
def test_shapes_every_emitted_class_is_targeted(cls: URIRef) -> None:
    assert (None, SH.targetClass, cls) in load_shapes()


@pytest.mark.parametrize("cls", [
    KG.Assertion, KG.Site, KG.Listing, KG.Membership, KG.Capacity, KG.Investment,
    KG.SiteRationale, KG.Corridor, KG.Partnership,
])
def test_shapes_every_fact_class_needs_evidence(cls: URIRef) -> None:
    shapes = load_shapes()
    statement_shapes = set(shapes.subjects(SH.targetClass, cls))
    evidence_paths = {
        shapes.value(p, SH.path) for s in statement_shapes for p in shapes.objects(s, SH.property)
        if shapes.value(p, SH.minCount) is not None
    }
    assert KG.evidence in evidence_paths


def test_shapes_use_only_declared_vocabulary() -> None:
    # A typo in shapes.ttl (kg:locatedln) would silently never match; every kg IRI must exist.
    namespaces = {str(KG): KG, str(KGF): KGF, str(KGM): KGM, str(KGU): KGU}
    for node in {n for triple in load_shapes() for n in triple if isinstance(n, URIRef)}:
        for base, namespace in namespaces.items():
            if str(node).startswith(base):
                assert node in namespace, node


@pytest.mark.parametrize(("path", "members"), [
    (KG.unit, set(KGU.__annotations__)),
    (KG.factor, set(KGF.__annotations__)),
    (KG.transportMode, set(KGM.__annotations__)),
])
def test_shapes_value_lists_match_the_concept_schemes(path: URIRef, members: set[str]) -> None:
    from rdflib.collection import Collection

    shapes = load_shapes()
    (prop,) = [p for p in shapes.subjects(SH.path, path) if shapes.value(p, SH["in"]) is not None]
    listed = {str(c).rsplit("/", 1)[1] for c in Collection(shapes, shapes.value(prop, SH["in"]))}
    assert listed == members
