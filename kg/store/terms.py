"""RDF terms between rdflib (what kg builds and renders) and pyoxigraph (what the store keeps).

A literal typed ``xsd:string`` is an rdflib plain literal, as a parser reading a graph file
makes it: the same term whichever way the graph came in, so answers render the same.
"""
from __future__ import annotations

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
        return Literal(term.value) if datatype == XSD_STRING else Literal(term.value, datatype=URIRef(datatype))
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
