"""kg.graph.build: the triples of each of the 12 relations, from a hand-made extraction (no spaCy).

One report, written in French and in English, states one fact of each relation about an invented
chemicals company; each test checks one relation's triples in both languages, then the whole
graph is validated against the bundled shapes.
"""
from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.extract.model import RELATIONS, Code, Entity, Evidence, Extraction, Fact, Factor, Money, Quantity
from kg.graph.build import build_graph, decimal_literal
from kg.graph.iris import report_iri
from kg.graph.merge import EntityRegistry
from kg import namespaces as ns  # SCHEMA, XSD: imported by name, pytest's probing makes them warn
from kg.namespaces import DCTERMS, KG, KGF, KGM, KGR, KGU, NIF, ORG, OWL, RDF, RDFS, SKOS
from kg.read import Report
from kg.validation import validate

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")

SENTENCES = {
    "fr": (
        "Valdor Chimie S.A., filiale du groupe Tessier, a son siège à Lyon.",
        "Elle est cotée sur Euronext Paris sous le code VDC.",
        "Sa directrice générale, Inès Marchal, a annoncé une usine de résines à Besançon, qui "
        "produira 120 000 tonnes par an.",
        "Le chantier coûtera 85 millions d'euros, soit 92 millions de dollars.",
        "Valdor Chimie a choisi Besançon pour sa desserte ferroviaire vers Le Havre, et s'associe "
        "à Norrland Kemi AB au sein d'une coentreprise.",
    ),
    "en": (
        "Valdor Chimie S.A., a unit of the Tessier group, is headquartered in Lyon.",
        "It is listed on Euronext Paris under the code VDC.",
        "Its chief executive, Inès Marchal, announced a resin plant in Besançon that will make "
        "120,000 tonnes a year.",
        "The project will cost €85 million, or $92 million.",
        "Valdor Chimie chose Besançon for its rail link to Le Havre, and teams up with Norrland "
        "Kemi AB in a joint venture.",
    ),
}
# relation -> the span that states it, per language (None: the fact comes from the gazetteer)
ANCHORS = {
    "headquartered_in": {"fr": "a son siège à Lyon", "en": "is headquartered in Lyon"},
    "stock_code": {"fr": "code VDC", "en": "code VDC"},
    "has_site_in": {"fr": "une usine de résines à Besançon", "en": "a resin plant in Besançon"},
    "located_in": None,
    "corridor_to": {"fr": "desserte ferroviaire vers Le Havre", "en": "rail link to Le Havre"},
    "holds_role": {"fr": "directrice générale, Inès Marchal", "en": "chief executive, Inès Marchal"},
    "capacity": {"fr": "120 000 tonnes par an", "en": "120,000 tonnes a year"},
    "produces": {"fr": "usine de résines", "en": "resin plant"},
    "investment": {"fr": "85 millions d'euros, soit 92 millions de dollars", "en": "€85 million, or $92 million"},
    "site_rationale": {"fr": "choisi Besançon pour sa desserte ferroviaire", "en": "chose Besançon for its rail link"},
    "partner_of": {"fr": "s'associe à Norrland Kemi AB", "en": "teams up with Norrland Kemi AB"},
    "subsidiary_of": {"fr": "filiale du groupe Tessier", "en": "a unit of the Tessier group"},
}
WORDS = {  # qualifiers and names as each report writes them
    "fr": {"site": "usine", "role": "directrice générale", "product": "résines", "partnership": "coentreprise"},
    "en": {"site": "plant", "role": "chief executive", "product": "resin", "partnership": "joint venture"},
}
CONFIDENCE = 0.85

VALDOR, TESSIER, NORRLAND = KGR["org/valdor-chimie"], KGR["org/tessier"], KGR["org/norrland-kemi"]
MARCHAL = KGR["person/ines-marchal"]
LYON, BESANCON, LE_HAVRE = KGR["place/geonames-2996944"], KGR["place/geonames-3033123"], KGR["place/geonames-3003796"]
FRANCE = KGR["place/geonames-3017382"]


def report_of(lang: str) -> Report:
    text = " ".join(SENTENCES[lang])
    return Report(path=Path(f"valdor-besancon.{lang}.txt"), name=f"valdor-besancon.{lang}", text=text,
                  lang=lang, title=SENTENCES[lang][0], content_hash=hashlib.sha256(text.encode()).hexdigest(),
                  media_type="text/plain", encoding="utf-8")


def evidence(lang: str, relation: str) -> Evidence:
    """The evidence of ``relation``: its anchor's offsets in the report's text, and its sentence."""
    anchors = ANCHORS[relation]
    if anchors is None:
        return Evidence(rule="gazetteer", confidence=1.0, source="geonames")
    offset = 0
    for sentence in SENTENCES[lang]:
        if anchors[lang] in sentence:
            start = offset + sentence.index(anchors[lang])
            return Evidence(rule=f"test_{relation}", confidence=CONFIDENCE, start=start,
                            end=start + len(anchors[lang]), sentence=sentence, anchor=anchors[lang])
        offset += len(sentence) + 1
    raise AssertionError(f"{anchors[lang]!r} is in no sentence")


def entities(lang: str) -> dict[str, Entity]:
    def city(key: str, name: str, gid: int, lat: float, lon: float) -> Entity:
        return Entity(key, "City", name, {name}, geonames_id=gid, country_code="FR", latitude=lat, longitude=lon)

    return {e.key: e for e in (
        Entity("valdor", "Organization", "Valdor Chimie S.A.", {"Valdor Chimie"}),
        Entity("tessier", "Organization", "Tessier"),
        Entity("norrland", "Organization", "Norrland Kemi AB"),
        Entity("marchal", "Person", "Inès Marchal"),
        Entity("product", "Product", WORDS[lang]["product"]),
        city("lyon", "Lyon", 2996944, 45.74906, 4.84789),
        city("besancon", "Besançon", 3033123, 47.24878, 6.01815),
        city("le-havre", "Le Havre", 3003796, 49.49346, 0.10785),
        Entity("france", "Country", "France", geonames_id=3017382, country_code="FR",
               labels={"fr": "France", "en": "France", "de": "Frankreich"}),
    )}


def extraction(lang: str) -> Extraction:
    words = WORDS[lang]
    amounts = (Money(Decimal("8.5E+7"), "EUR"), Money(Decimal("92000000.00"), "USD"))
    facts = {  # relation -> (subject, object, qualifier, mode)
        "headquartered_in": ("valdor", "lyon", None, None),
        "stock_code": ("valdor", Code("VDC"), "Euronext Paris", None),
        "has_site_in": ("valdor", "besancon", words["site"], None),
        "located_in": ("besancon", "france", None, None),
        "corridor_to": ("besancon", "le-havre", None, "rail"),
        "holds_role": ("marchal", "valdor", words["role"], None),
        "capacity": ("valdor", Quantity(Decimal("1.2E+5"), "t/yr"), words["product"], None),
        "produces": ("valdor", "product", None, None),
        "investment": ("valdor", amounts, "besancon", None),
        "site_rationale": ("valdor", Factor("logistics"), "besancon", None),
        "partner_of": ("valdor", "norrland", words["partnership"], None),
        "subsidiary_of": ("valdor", "tessier", None, None),
    }
    return Extraction(lang=lang, entities=entities(lang), facts=[
        Fact(relation, s, o, evidence(lang, relation), qualifier=q, mode=m)
        for relation, (s, o, q, m) in facts.items()
    ])


@pytest.fixture(scope="module", params=["fr", "en"])
def built(request: pytest.FixtureRequest) -> tuple[str, Graph]:
    lang = request.param
    return lang, build_graph(report_of(lang), extraction(lang))


def only(graph: Graph, cls: URIRef) -> URIRef:
    """The one node of class ``cls``."""
    nodes = list(graph.subjects(RDF.type, cls))
    assert len(nodes) == 1, nodes
    return nodes[0]


def assertion(graph: Graph, s: URIRef, p: URIRef, o: URIRef) -> URIRef:
    """The kg:Assertion reifying ``s p o``, once the triple itself is checked."""
    assert (s, p, o) in graph
    nodes = [n for n in graph.subjects(RDF.subject, s)
             if (n, RDF.predicate, p) in graph and (n, RDF.object, o) in graph]
    assert len(nodes) == 1 and (nodes[0], RDF.type, KG.Assertion) in graph
    return nodes[0]


def assert_text_evidence(graph: Graph, fact: URIRef, lang: str, relation: str) -> None:
    expected, report = evidence(lang, relation), report_of(lang)
    (node,) = graph.objects(fact, KG.evidence)
    assert (node, RDF.type, KG.TextEvidence) in graph
    begin, end = graph.value(node, NIF.beginIndex), graph.value(node, NIF.endIndex)
    assert (begin, end) == (Literal(expected.start, datatype=ns.XSD.nonNegativeInteger),
                            Literal(expected.end, datatype=ns.XSD.nonNegativeInteger))
    assert report.text[begin.toPython():end.toPython()] == str(graph.value(node, NIF.anchorOf)) == expected.anchor
    assert str(graph.value(node, KG.sentence)) == expected.sentence
    assert graph.value(node, KG.rule) == Literal(f"test_{relation}")
    assert str(graph.value(node, KG.confidence)) == "0.85"
    assert graph.value(node, KG.inReport) == report_iri(report.content_hash)


# --- the 12 relations -------------------------------------------------------------------------


def test_graph_build_headquartered_in(built: tuple[str, Graph]) -> None:
    lang, g = built
    assert_text_evidence(g, assertion(g, VALDOR, KG.headquarteredIn, LYON), lang, "headquartered_in")


def test_graph_build_stock_code(built: tuple[str, Graph]) -> None:
    lang, g = built
    listing = only(g, KG.Listing)
    assert (VALDOR, KG.listing, listing) in g
    assert g.value(listing, KG.ticker) == Literal("VDC")
    assert g.value(listing, KG.exchange) == Literal("Euronext Paris")
    assert_text_evidence(g, listing, lang, "stock_code")


def test_graph_build_has_site_in(built: tuple[str, Graph]) -> None:
    lang, g = built
    site = only(g, KG.Site)
    assert (VALDOR, KG.hasSite, site) in g
    assert g.value(site, KG.locatedIn) == BESANCON
    assert g.value(site, KG.siteKind) == Literal(WORDS[lang]["site"], lang=lang)
    assert_text_evidence(g, site, lang, "has_site_in")


def test_graph_build_located_in_from_the_gazetteer(built: tuple[str, Graph]) -> None:
    _, g = built
    node = assertion(g, BESANCON, KG.locatedIn, FRANCE)
    (ev,) = g.objects(node, KG.evidence)
    assert (ev, RDF.type, KG.GazetteerEvidence) in g
    assert g.value(ev, KG.source) == Literal("geonames")
    assert str(g.value(ev, KG.confidence)) == "1"
    assert g.value(ev, NIF.beginIndex) is None and g.value(ev, KG.inReport) is None


def test_graph_build_corridor_to(built: tuple[str, Graph]) -> None:
    lang, g = built
    corridor = only(g, KG.Corridor)
    assert g.value(corridor, KG.corridorFrom) == BESANCON
    assert g.value(corridor, KG.corridorTo) == LE_HAVRE
    assert g.value(corridor, KG.transportMode) == KGM.rail
    assert g.value(KGM.rail, SKOS.notation) == Literal("rail")  # the concept travels with the graph
    assert_text_evidence(g, corridor, lang, "corridor_to")


def test_graph_build_holds_role(built: tuple[str, Graph]) -> None:
    lang, g = built
    membership = only(g, KG.Membership)
    assert g.value(membership, ORG.member) == MARCHAL
    assert g.value(membership, ORG.organization) == VALDOR
    assert g.value(membership, KG.roleTitle) == Literal(WORDS[lang]["role"], lang=lang)
    assert (MARCHAL, RDF.type, KG.Person) in g
    assert_text_evidence(g, membership, lang, "holds_role")


def test_graph_build_capacity(built: tuple[str, Graph]) -> None:
    lang, g = built
    capacity = only(g, KG.Capacity)
    assert g.value(capacity, KG.capacityOf) == VALDOR
    value = g.value(capacity, KG.value)
    assert (str(value), value.datatype) == ("120000", ns.XSD.decimal)  # not 1.2E+5
    assert g.value(capacity, KG.unit) == KGU.TonnePerYear
    assert g.value(KGU.TonnePerYear, SKOS.notation) == Literal("t/yr")
    assert g.value(capacity, KG.productLabel) == Literal(WORDS[lang]["product"], lang=lang)
    assert_text_evidence(g, capacity, lang, "capacity")


def test_graph_build_produces(built: tuple[str, Graph]) -> None:
    lang, g = built
    product = KGR[f"product/{'resines' if lang == 'fr' else 'resin'}"]
    assert (product, RDF.type, KG.Product) in g
    assert g.value(product, SKOS.prefLabel) == Literal(WORDS[lang]["product"], lang=lang)
    assert_text_evidence(g, assertion(g, VALDOR, KG.produces, product), lang, "produces")


def test_graph_build_investment(built: tuple[str, Graph]) -> None:
    lang, g = built
    investment = only(g, KG.Investment)
    assert g.value(investment, KG.investor) == VALDOR
    assert g.value(investment, KG.investmentLocation) == BESANCON
    values = {a: g.value(a, ns.SCHEMA.value) for a in g.objects(investment, KG.amount)}
    amounts = {(str(v), v.datatype, str(g.value(a, ns.SCHEMA.currency))) for a, v in values.items()}
    assert amounts == {("85000000", ns.XSD.decimal, "EUR"), ("92000000", ns.XSD.decimal, "USD")}
    for amount in g.objects(investment, KG.amount):
        assert (amount, RDF.type, ns.SCHEMA.MonetaryAmount) in g
    assert_text_evidence(g, investment, lang, "investment")


def test_graph_build_site_rationale(built: tuple[str, Graph]) -> None:
    lang, g = built
    rationale = only(g, KG.SiteRationale)
    assert g.value(rationale, KG.rationaleOf) == VALDOR
    assert g.value(rationale, KG.factor) == KGF.logistics
    assert g.value(rationale, KG.rationaleLocation) == BESANCON
    assert g.value(KGF.logistics, SKOS.notation) == Literal("logistics")
    assert_text_evidence(g, rationale, lang, "site_rationale")


def test_graph_build_partner_of(built: tuple[str, Graph]) -> None:
    lang, g = built
    partnership = only(g, KG.Partnership)
    assert set(g.objects(partnership, KG.partner)) == {VALDOR, NORRLAND}
    assert g.value(partnership, KG.partnershipKind) == Literal(WORDS[lang]["partnership"], lang=lang)
    assert (VALDOR, KG.partnerOf, NORRLAND) in g and (NORRLAND, KG.partnerOf, VALDOR) in g
    assert_text_evidence(g, partnership, lang, "partner_of")


def test_graph_build_subsidiary_of(built: tuple[str, Graph]) -> None:
    lang, g = built
    assert_text_evidence(g, assertion(g, VALDOR, KG.subsidiaryOf, TESSIER), lang, "subsidiary_of")


def test_graph_build_covers_every_relation() -> None:
    assert set(ANCHORS) == set(RELATIONS)
    assert sorted(f.relation for f in extraction("fr").facts) == sorted(RELATIONS)


# --- entities, the report, the whole graph ----------------------------------------------------


def test_graph_build_entities_and_their_labels(built: tuple[str, Graph]) -> None:
    lang, g = built
    assert g.value(VALDOR, RDFS.label) == Literal("Valdor Chimie S.A.")
    assert g.value(VALDOR, SKOS.prefLabel) == Literal("Valdor Chimie S.A.", lang=lang)
    assert set(g.objects(VALDOR, SKOS.altLabel)) == {Literal("Valdor Chimie", lang=lang)}
    assert (BESANCON, RDF.type, KG.City) in g
    assert g.value(BESANCON, ns.SCHEMA.latitude) == Literal(47.24878, datatype=ns.XSD.double)
    assert g.value(BESANCON, OWL.sameAs) == URIRef("https://sws.geonames.org/3033123/")
    assert g.value(FRANCE, KG.isoCode) == Literal("FR")
    # The gazetteer's names in other languages, tagged with their own language.
    assert Literal("Frankreich", lang="de") in set(g.objects(FRANCE, SKOS.altLabel))
    report = report_iri(report_of(lang).content_hash)
    assert {g.value(e, KG.mentionedIn) for e in (VALDOR, MARCHAL, LYON)} == {report}


def test_graph_build_report_node(built: tuple[str, Graph]) -> None:
    lang, g = built
    report = report_of(lang)
    node = report_iri(report.content_hash)
    assert (node, RDF.type, KG.Report) in g
    assert g.value(node, DCTERMS.title) == Literal(SENTENCES[lang][0], lang=lang)
    assert g.value(node, DCTERMS.language) == Literal(lang)
    assert g.value(node, KG.contentHash) == Literal(report.content_hash)
    assert g.value(node, KG.fileName) == Literal(f"valdor-besancon.{lang}.txt")


def test_graph_build_text_literals_carry_the_report_language(built: tuple[str, Graph]) -> None:
    lang, g = built
    concepts = set(g.subjects(SKOS.inScheme, None))  # copied from the ontology with their own labels
    for p in (SKOS.prefLabel, KG.siteKind, KG.roleTitle, KG.productLabel, KG.partnershipKind, DCTERMS.title):
        for s, literal in g.subject_objects(p):
            if s not in concepts:
                assert literal.language == lang, (s, p, literal)


def test_graph_build_conforms_to_the_bundled_shapes(built: tuple[str, Graph]) -> None:
    report = validate(built[1])
    assert report.conforms and report.violations == (), report.text


def test_graph_build_is_deterministic(built: tuple[str, Graph]) -> None:
    lang, g = built
    again = build_graph(report_of(lang), extraction(lang))
    assert isomorphic(g, again)
    assert g.serialize(format="turtle") == again.serialize(format="turtle")


def test_graph_build_shares_entities_across_reports() -> None:
    """With one registry, "Valdor Chimie S.A." in French and "Valdor Chimie" in English are one
    node, with a preferred label in each language."""
    registry = EntityRegistry()
    fr, en = extraction("fr"), extraction("en")
    en.entities["valdor"] = Entity("valdor", "Organization", "Valdor Chimie")
    union = build_graph(report_of("fr"), fr, registry) + build_graph(report_of("en"), en, registry)
    assert set(union.objects(VALDOR, SKOS.prefLabel)) == {Literal("Valdor Chimie S.A.", lang="fr"),
                                                         Literal("Valdor Chimie", lang="en")}
    assert set(union.objects(VALDOR, RDFS.label)) == {Literal("Valdor Chimie S.A.")}
    assert validate(union).conforms


@pytest.mark.parametrize(("value", "lexical"), [
    (Decimal("1.2E+5"), "120000"),
    (Decimal("1300000000"), "1300000000"),
    (Decimal("92000000.00"), "92000000"),
    (Decimal("3.50"), "3.5"),
    (Decimal("0.85"), "0.85"),
    (Decimal("1E-7"), "0.0000001"),
])
def test_graph_build_decimals_are_plain_digits(value: Decimal, lexical: str) -> None:
    literal = decimal_literal(value)
    assert (str(literal), literal.datatype) == (lexical, ns.XSD.decimal)
    assert literal.toPython() == value
