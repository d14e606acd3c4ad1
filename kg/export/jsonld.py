"""JSON-LD with a compact ``@context``: kg's prefixes, so that a node reads
``{"@id": "kgr:org/acme", "@type": "kg:Organization", "skos:prefLabel": ...}``.

One graph: the union of a dataset's graphs, as for Turtle. rdflib writes the expanded
document and kg compacts it with a context of prefixes only, as a JSON-LD processor would:
properties, ``@id`` and ``@type`` become compact IRIs, a single value is not wrapped in a
list, a plain string is a JSON string. rdflib cannot do it alone: it shortens an IRI only where
it splits it into namespace and local name, and ``kgr:`` IRIs hold slashes (``kgr:org/acme``).
Any JSON-LD processor expands ``kgr:org/acme`` back through the context's ``kgr`` prefix.

Keys are sorted, nodes sorted by ``@id``, values sorted and blank nodes named canonically:
the same graph gives the same bytes. Literals keep their lexical form and datatype.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.plugins.serializers.jsonld import from_rdf

from kg.export import union, write_atomic
from kg.namespaces import PREFIXES, bind_prefixes


def context(graph: Graph) -> dict[str, str]:
    """The prefixes of kg's namespaces that ``graph`` uses, sorted: the document's ``@context``."""
    used: set[str] = set()
    namespaces = sorted(((str(ns), prefix) for prefix, ns in PREFIXES.items()), key=lambda p: -len(p[0]))
    iris = {term for triple in graph for term in triple if isinstance(term, URIRef)}
    iris |= {term.datatype for _, _, term in graph if isinstance(term, Literal) and term.datatype}
    for iri in iris:
        for namespace, prefix in namespaces:
            if iri.startswith(namespace):
                used.add(prefix)
                break
    return {prefix: str(PREFIXES[prefix]) for prefix in sorted(used)}


def jsonld_bytes(data: Graph | Dataset) -> bytes:
    """The JSON-LD document of ``data`` (a dataset's graphs taken together), compacted."""
    graph = union(data) if isinstance(data, Dataset) else data
    if any(isinstance(term, BNode) for triple in graph for term in triple):
        graph = _canonical(graph)
    prefixes = context(graph)
    # Expanded first, then compacted here: given a context, rdflib 7 writes integers and
    # doubles as JSON numbers, which come back in another lexical form (the double "45.70"
    # as "45.7"); without one it keeps every literal a {"@value", "@type"} object.
    expanded = from_rdf(graph)
    nodes = expanded if isinstance(expanded, list) else expanded.get("@graph", [expanded])
    nodes = sorted((_compact(node, prefixes) for node in nodes), key=lambda node: str(node.get("@id", "")))
    document = {"@context": prefixes, "@graph": nodes}
    return (json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _canonical(graph: Graph) -> Graph:
    """The same graph, blank nodes named after what they hold (not at random by a parser)."""
    canonical = bind_prefixes(Graph())
    for triple in to_canonical_graph(graph):
        canonical.add(triple)
    return canonical


def _compact(node: dict[str, Any], prefixes: dict[str, str]) -> dict[str, Any]:
    """A node object with compact IRIs for its properties, ``@id`` and ``@type``, and its
    values sorted (a single value not in a list), as JSON-LD's compaction would write them."""
    compacted: dict[str, Any] = {}
    for key, value in node.items():
        if key == "@id":
            compacted[key] = compact_iri(value, prefixes)
        elif key == "@type":
            types = sorted(compact_iri(iri, prefixes) for iri in (value if isinstance(value, list) else [value]))
            compacted[key] = types[0] if len(types) == 1 else types
        elif key.startswith("@"):
            compacted[key] = value
        else:
            values = sorted((_compact_value(v, prefixes) for v in _as_list(value)),
                            key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
            compacted[compact_iri(key, prefixes)] = values[0] if len(values) == 1 else values
    return compacted


def _compact_value(value: Any, prefixes: dict[str, str]) -> Any:
    if not isinstance(value, dict):
        return value
    if value.keys() == {"@value"} and isinstance(value["@value"], str):
        return value["@value"]  # a plain string: no language, no datatype
    return _compact(value, prefixes)


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def compact_iri(iri: str, prefixes: dict[str, str]) -> str:
    """``kgr:org/acme`` for an IRI in the ``kgr:`` namespace; anything else as it is.

    JSON-LD reads a compact IRI whose suffix starts with ``//`` as an absolute IRI: such an
    IRI stays whole.
    """
    for prefix, namespace in sorted(prefixes.items(), key=lambda p: -len(p[1])):
        suffix = iri[len(namespace):]
        if iri.startswith(namespace) and suffix and not suffix.startswith("//"):
            return f"{prefix}:{suffix}"
    return iri


def write_jsonld(data: Graph | Dataset, path: Path | str) -> Path:
    """Write ``data`` to ``path`` as compact JSON-LD, atomically."""
    path = Path(path)
    write_atomic(path, jsonld_bytes(data))
    return path
