"""The endpoint's answers as bytes: SPARQL results (JSON, XML, CSV, TSV) and graphs (Turtle,
N-Triples, RDF/XML), the format chosen by the request's ``Accept`` header.

Written here rather than by pyoxigraph's own serializers because the endpoint stops reading
solutions at its row cap: pyoxigraph serializes a whole answer or nothing. The output follows
the W3C formats (*SPARQL 1.1 Query Results JSON / XML / CSV and TSV*), and the tests read it
back with pyoxigraph's parsers and SPARQLWrapper.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from kg.store.terms import XSD_STRING, OxTerm

RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


@dataclass(frozen=True)
class Format:
    """A results format: its name, its media type and the other media types that ask for it."""

    name: str
    media_type: str
    aliases: tuple[str, ...] = ()

    @property
    def content_type(self) -> str:
        return f"{self.media_type}; charset=utf-8"

    def answers(self, media_type: str) -> bool:
        return media_type == self.media_type or media_type in self.aliases


# In order of preference: the first is the answer to "*/*" or to no Accept header.
TABLE_FORMATS = (
    Format("json", "application/sparql-results+json", ("application/json",)),
    Format("xml", "application/sparql-results+xml", ("application/xml", "text/xml")),
    Format("csv", "text/csv"),
    Format("tsv", "text/tab-separated-values"),
)
GRAPH_FORMATS = (
    Format("turtle", "text/turtle", ("application/turtle", "application/x-turtle")),
    Format("ntriples", "application/n-triples", ("text/plain",)),
    Format("rdfxml", "application/rdf+xml", ("application/xml", "text/xml")),
)


def formats_for(kind: str) -> tuple[Format, ...]:
    """The formats a query form answers in: tables for SELECT and ASK, graphs for the others."""
    return TABLE_FORMATS if kind in ("SELECT", "ASK") else GRAPH_FORMATS


def negotiate(accept: str | None, offered: Sequence[Format]) -> Format | None:
    """The offered format the ``Accept`` header prefers (RFC 9110: highest q, the most specific
    range deciding each format's q; ties go to the order of ``offered``), or None if none fits."""
    ranges = _media_ranges(accept or "*/*")
    best, best_q = None, 0.0
    for fmt in offered:
        q = _quality(fmt, ranges)
        if q > best_q:
            best, best_q = fmt, q
    return best


def _media_ranges(accept: str) -> list[tuple[str, float]]:
    ranges = []
    for item in accept.split(","):
        media, *params = (part.strip() for part in item.split(";"))
        if not media:
            continue
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append((media.lower(), q))
    return ranges


def _quality(fmt: Format, ranges: list[tuple[str, float]]) -> float:
    """q of the most specific range matching ``fmt`` (exact, then ``type/*``, then ``*/*``)."""
    found: dict[int, float] = {}
    for media, q in ranges:
        if fmt.answers(media):
            specificity = 3
        elif media.endswith("/*") and fmt.media_type.startswith(media[:-1]):
            specificity = 2
        elif media == "*/*":
            specificity = 1
        else:
            continue
        found[specificity] = max(q, found.get(specificity, 0.0))
    return found[max(found)] if found else 0.0


# --- SELECT ---------------------------------------------------------------------------------


def table(fmt: Format, variables: Sequence[str], rows: Iterable[Sequence[OxTerm | None]],
          partial: bool = False) -> bytes:
    """SELECT solutions in ``fmt``; ``partial`` marks a JSON answer cut at the row cap."""
    return _TABLE_WRITERS[fmt.name](list(variables), rows, partial)


def _json(variables: list[str], rows: Iterable[Sequence[OxTerm | None]], partial: bool) -> bytes:
    bindings = [{var: _json_term(term) for var, term in zip(variables, row) if term is not None}
                for row in rows]
    document: dict[str, Any] = {"head": {"vars": variables}}
    if partial:
        # Not in the W3C format: clients that do not know it skip it. Before "results", as
        # streaming parsers (pyoxigraph's) refuse anything after the bindings.
        document["partial"] = True
    document["results"] = {"bindings": bindings}
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def _json_term(term: OxTerm) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                            "predicate": _json_term(term.predicate),
                                            "object": _json_term(term.object)}}
    value: dict[str, Any] = {"type": "literal", "value": term.value}
    if term.language:
        value["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        value["datatype"] = term.datatype.value
    return value


def _xml(variables: list[str], rows: Iterable[Sequence[OxTerm | None]], partial: bool) -> bytes:
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
    out += [f"<variable name={quoteattr(var)}/>" for var in variables]
    out.append("</head>\n<results>")
    for row in rows:
        cells = "".join(f"<binding name={quoteattr(var)}>{_xml_term(term)}</binding>"
                        for var, term in zip(variables, row) if term is not None)
        out.append(f"<result>{cells}</result>")
    out.append("</results>\n</sparql>\n")
    return "\n".join(out).encode("utf-8")


def _xml_term(term: OxTerm) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Triple):
        return (f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>"
                f"{_xml_term(term.predicate)}</predicate><object>{_xml_term(term.object)}</object></triple>")
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
    if term.datatype.value != XSD_STRING:
        return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
    return f"<literal>{escape(term.value)}</literal>"


def _csv(variables: list[str], rows: Iterable[Sequence[OxTerm | None]], partial: bool) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # the W3C CSV results format ends lines so
    writer.writerow(variables)
    writer.writerows(["" if term is None else _csv_term(term) for term in row] for row in rows)
    return out.getvalue().encode("utf-8")


def _csv_term(term: OxTerm) -> str:
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    return str(term)


def _tsv(variables: list[str], rows: Iterable[Sequence[OxTerm | None]], partial: bool) -> bytes:
    # Terms in N-Triples syntax, which escapes tabs and line breaks inside literals.
    lines = ["\t".join(f"?{var}" for var in variables)]
    lines += ["\t".join("" if term is None else str(term) for term in row) for row in rows]
    return "".join(line + "\n" for line in lines).encode("utf-8")


_TABLE_WRITERS = {"json": _json, "xml": _xml, "csv": _csv, "tsv": _tsv}


# --- ASK, CONSTRUCT, DESCRIBE ----------------------------------------------------------------

_BOOLEAN_FORMATS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                    "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
_RDF_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                "rdfxml": ox.RdfFormat.RDF_XML}


def boolean(fmt: Format, answer: ox.QueryBoolean) -> bytes:
    """An ASK answer in ``fmt`` (pyoxigraph's writers: nothing to cut)."""
    return answer.serialize(format=_BOOLEAN_FORMATS[fmt.name])


def graph(fmt: Format, triples: list[ox.Triple], prefixes: dict[str, str], partial: bool = False,
          cap: int = 0) -> bytes:
    """CONSTRUCT or DESCRIBE triples in ``fmt``; a partial answer in Turtle or N-Triples says so
    in a comment on its first line."""
    options = {"prefixes": prefixes} if fmt.name == "turtle" else {}
    body = ox.serialize(triples, format=_RDF_FORMATS[fmt.name], **options)
    if partial and fmt.name in ("turtle", "ntriples"):
        body = f"# partial answer: the first {cap} triples only (the endpoint's row cap)\n".encode() + body
    return body
