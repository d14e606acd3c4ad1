"""RDF terms between rdflib (what kg builds and renders) and pyoxigraph (what the store keeps).

A literal typed ``xsd:string`` is an rdflib plain literal, as a parser reading a graph file
makes it: the same term whichever way the graph came in, so answers render the same. Doubles
get back the lexical form Oxigraph's storage drops (see :class:`Restorer`).
"""
from __future__ import annotations

from functools import cache

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


def to_ox(term: Node) -> OxTerm:
    """The pyoxigraph term of an rdflib term (IRI, blank node or literal)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot store {term!r}: not an IRI, a blank node or a literal")


def to_rdflib(term: OxTerm) -> Node:
    """The rdflib term of a pyoxigraph term; an RDF-star triple term as a literal of its text."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == XSD_STRING:
            return Literal(term.value)
        if datatype == XSD_DOUBLE:
            return Literal(double_text(term.value), datatype=URIRef(datatype))
        return Literal(term.value, datatype=URIRef(datatype))
    return Literal(str(term))  # kg writes no RDF-star; a query may still build a triple term


class TermCache:
    """:func:`to_rdflib` with memory: the same IRIs come back in row after row of an answer."""

    def __init__(self) -> None:
        self._seen: dict[OxTerm, Node] = {}

    def __call__(self, term: OxTerm | None) -> Node | None:
        if term is None:
            return None
        found = self._seen.get(term)
        if found is None:
            found = self._seen[term] = to_rdflib(term)
        return found


class OxCache:
    """:func:`to_ox` with memory: a report's graph names the same predicates and classes often."""

    def __init__(self) -> None:
        self._seen: dict[Node, OxTerm] = {}

    def __call__(self, term: Node) -> OxTerm:
        found = self._seen.get(term)
        if found is None:
            found = self._seen[term] = to_ox(term)
        return found


# --- what Oxigraph's storage changes, put back -------------------------------------------------
#
# Oxigraph stores typed literals by value (oxigraph issue #526): "45"^^xsd:nonNegativeInteger
# comes back as "45"^^xsd:integer, "2.0"^^xsd:double as "2"^^xsd:double. The values are the
# same, so queries answer the same; but a graph read out of the store must be the graph put in:
# the shapes ask nif:beginIndex for an xsd:nonNegativeInteger, and kg's exports keep literals
# as written. kg writes doubles from Python floats and derived integer types only where its
# shapes declare them, so both can be put back exactly.

_XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_INTEGER, XSD_DOUBLE = _XSD + "integer", _XSD + "double"
FOLDED_INTEGERS = frozenset(_XSD + name for name in (
    "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger", "long", "int",
    "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"))


def double_text(value: str) -> str:
    """A double's lexical form as rdflib writes a Python float (``2.0``, ``1e-07``)."""
    try:
        return str(Literal(float(value), datatype=URIRef(XSD_DOUBLE)))
    except ValueError:  # INF, NaN and the like stay as Oxigraph writes them
        return value


@cache
def declared_integer_types() -> dict[str, str]:
    """Property IRI -> the derived integer datatype kg's shapes give its values."""
    from kg.namespaces import SH
    from kg.validation import load_shapes

    shapes = load_shapes()
    found = {}
    for shape, datatype in shapes.subject_objects(SH.datatype):
        path = shapes.value(shape, SH.path)
        if isinstance(path, URIRef) and str(datatype) in FOLDED_INTEGERS:
            found[str(path)] = str(datatype)
    return found


class Restorer:
    """Puts back, in quads read from the store, the datatypes and lexical forms Oxigraph folded."""

    def __init__(self) -> None:
        self._integer_types = {p: ox.NamedNode(d) for p, d in declared_integer_types().items()}
        self._double = ox.NamedNode(XSD_DOUBLE)

    def __call__(self, quad: ox.Quad) -> ox.Quad:
        value = quad.object
        if not isinstance(value, ox.Literal):
            return quad
        datatype = value.datatype.value
        if datatype == XSD_INTEGER and quad.predicate.value in self._integer_types:
            value = ox.Literal(value.value, datatype=self._integer_types[quad.predicate.value])
        elif datatype == XSD_DOUBLE:
            value = ox.Literal(double_text(value.value), datatype=self._double)
        else:
            return quad
        return ox.Quad(quad.subject, quad.predicate, value, quad.graph_name)
