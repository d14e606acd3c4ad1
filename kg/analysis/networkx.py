"""The graph as a networkx ``MultiDiGraph``: for paths, rankings, layouts, Gephi and Cytoscape.

How RDF maps onto it:

- **nodes** are the resources the graph describes (the subjects of its triples, every ``kgr:``
  instance, every blank node), keyed by their IRI (``_:id`` for a blank node). Each has a
  ``label``, a ``kind`` (the kg class that says best what it is: ``Organization``, ``City``,
  ``Site``...) and its ``classes`` (prefixed names, from ``rdf:type``);
- **literals** are node attributes named by their property (``"schema:latitude": 34.26``); a
  property with several values gives a tuple. Decimals become ``int`` or ``float``;
- **other triples** are edges keyed by the property's prefixed name (``kg:hasSite``), with
  ``predicate`` (that name) and ``label`` (its local name) attributes. An IRI the graph only
  points at (``owl:sameAs`` a GeoNames page) is an attribute, not a node;
- **evidence** is folded in: a fact node (``kg:Site``, ``kg:Capacity``...) and the edge of a
  plain triple a ``kg:Assertion`` reifies carry ``evidence`` (the supporting sentences),
  ``reports`` (the reports' file names) and ``confidence`` (the highest). Reports, evidence
  nodes and assertions themselves are left out unless ``provenance=True``.

Nodes and edges are added in sorted order, so the same graph gives the same networkx graph,
the same layout for a given seed and the same GraphML bytes.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import BNode, Dataset, Graph, Literal
from rdflib.compare import to_canonical_graph
from rdflib.term import Node

from kg.errors import KgError
from kg.namespaces import KGR, PREFIXES, RDF

# The kg classes that name what a node is, most specific first: a node's kind is the first of
# these among its classes.
KINDS: tuple[str, ...] = (
    "Organization", "Person", "City", "Country", "Region", "Place", "Product",
    "Site", "Capacity", "Investment", "SiteRationale", "Corridor", "Partnership", "Membership",
    "Listing", "Assertion", "TextEvidence", "GazetteerEvidence", "Evidence", "Report", "Statement",
)
PLACE_KINDS = frozenset({"City", "Country", "Region", "Place"})
PROVENANCE_KINDS = frozenset({"Report", "Evidence", "TextEvidence", "GazetteerEvidence", "Assertion"})

# Properties whose value names a node that has no label of its own, in order of preference.
NAMING = ("rdfs:label", "skos:prefLabel", "kg:siteKind", "kg:ticker", "kg:roleTitle",
          "kg:partnershipKind", "skos:notation", "kg:fileName", "nif:anchorOf")

_NAMESPACES = sorted(((str(ns), prefix) for prefix, ns in PREFIXES.items()), key=lambda p: -len(p[0]))


def curie(iri: str) -> str:
    """``kg:hasSite`` for ``https://w3id.org/kg/ontology#hasSite``; the IRI itself when no kg
    prefix fits. Local parts may hold a ``/`` (``kgr:org/acme``): these names are for reading."""
    for namespace, prefix in _NAMESPACES:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def to_networkx(data: Graph | Dataset, *, provenance: bool = False) -> nx.MultiDiGraph:
    """The RDF graph ``data`` (a dataset's graphs taken together) as a typed ``MultiDiGraph``.

    See the module's documentation for the mapping. ``provenance=True`` keeps reports,
    evidence and ``kg:Assertion`` nodes (and ``kg:mentionedIn``, ``kg:evidence`` edges).
    """
    triples = sorted(_canonical(data), key=lambda t: tuple(term.n3() for term in t))
    subjects = {s for s, _, _ in triples}
    graph = nx.MultiDiGraph()
    edges: list[tuple[Node, Node, Node]] = []
    for s, p, o in triples:
        node = graph.nodes[_id(s)] if _id(s) in graph else _add_node(graph, s)
        if p == RDF.type:
            node["classes"] = (*node["classes"], curie(str(o)))
        elif isinstance(o, Literal) or not _is_node(o, subjects):
            _add_value(node, curie(str(p)), _python(o))
        else:
            edges.append((s, p, o))
    for s, p, o in edges:
        if _id(o) not in graph:
            _add_node(graph, o)
        key = curie(str(p))
        graph.add_edge(_id(s), _id(o), key=key, predicate=key, label=_local(key))
    _finish_nodes(graph)
    _fold_evidence(graph)
    if not provenance:
        graph.remove_nodes_from([n for n, kind in graph.nodes(data="kind") if kind in PROVENANCE_KINDS])
    return graph


def _canonical(data: Graph | Dataset) -> set[tuple[Node, Node, Node]]:
    """The triples of ``data``'s graphs, blank nodes named after what they hold.

    A parser gives blank nodes new random ids each time; their canonical names (rdflib's
    hashing of their surroundings) keep node ids and the order of nodes the same every run.
    """
    triples = set(_triples(data))
    if not any(isinstance(term, BNode) for triple in triples for term in triple):
        return triples
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return set(to_canonical_graph(graph))


def _triples(data: Graph | Dataset) -> Iterator[tuple[Node, Node, Node]]:
    if isinstance(data, Dataset):
        for graph in data.graphs():
            yield from graph
    else:
        yield from data


def _id(term: Node) -> str:
    return f"_:{term}" if isinstance(term, BNode) else str(term)


def _is_node(term: Node, subjects: set[Node]) -> bool:
    return isinstance(term, BNode) or term in subjects or str(term).startswith(str(KGR))


def _add_node(graph: nx.MultiDiGraph, term: Node) -> dict[str, Any]:
    graph.add_node(_id(term), classes=())
    return graph.nodes[_id(term)]


def _python(term: Node) -> Any:
    """A literal's Python value (a decimal as int or float); an IRI as its string."""
    if not isinstance(term, Literal):
        return str(term)
    value = term.toPython()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (bool, int, float)):
        return value
    return str(term)


def _add_value(node: dict[str, Any], key: str, value: Any) -> None:
    """One more value of a property: a scalar, then a sorted tuple of distinct values."""
    if key not in node:
        node[key] = value
        return
    values = set(node[key]) if isinstance(node[key], tuple) else {node[key]}
    values.add(value)
    node[key] = value if len(values) == 1 else tuple(sorted(values, key=str))


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1].rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _kind(classes: Iterable[str]) -> str:
    local = {c[3:] for c in classes if c.startswith("kg:")}
    for kind in KINDS:
        if kind in local:
            return kind
    others = sorted(_local(c) for c in classes)
    return others[0] if others else "Resource"


def _finish_nodes(graph: nx.MultiDiGraph) -> None:
    """Kinds first (labels of fact nodes read their neighbours' kinds), then labels."""
    for _, node in graph.nodes(data=True):
        node["classes"] = tuple(sorted(set(node["classes"])))
        node["kind"] = _kind(node["classes"])
    for node_id, node in graph.nodes(data=True):
        node["label"] = _label(graph, node_id, node)


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, tuple) else value


def _target_label(graph: nx.MultiDiGraph, node_id: str, key: str) -> str | None:
    targets = sorted(v for _, v, k in graph.out_edges(node_id, keys=True) if k == key)
    if not targets:
        return None
    target = graph.nodes[targets[0]]
    return _name(target) or _local(targets[0])


def _name(node: dict[str, Any]) -> str | None:
    # A SKOS concept (a factor, a mode, a unit) goes by its key, whatever the language.
    naming = ("skos:notation", *NAMING) if node["kind"] == "Concept" else NAMING
    for key in naming:
        if key in node:
            return str(_first(node[key]))
    return None


def _label(graph: nx.MultiDiGraph, node_id: str, node: dict[str, Any]) -> str:
    """What to call a node: its label, else a few words built from what the fact says."""
    kind = node["kind"]
    if kind == "Capacity" and "kg:value" in node:
        unit = _target_label(graph, node_id, "kg:unit") or ""
        return " ".join(str(part) for part in (_first(node["kg:value"]), unit, node.get("kg:productLabel", "")) if part)
    if "schema:value" in node and "schema:currency" in node:  # a schema:MonetaryAmount
        return f"{_first(node['schema:value'])} {_first(node['schema:currency'])}"
    if kind == "SiteRationale":
        return _target_label(graph, node_id, "kg:factor") or "reason"
    if kind == "Corridor":
        return f"{_target_label(graph, node_id, 'kg:transportMode') or 'transport'} corridor"
    if kind == "Assertion":
        return _local(str(_first(node.get("rdf:predicate", "assertion"))))
    return _name(node) or (kind.lower() if kind != "Resource" else _local(node_id))


# --- evidence --------------------------------------------------------------------------------


def _fold_evidence(graph: nx.MultiDiGraph) -> None:
    """Copy each fact's evidence onto the fact node, and onto the edge of an asserted triple."""
    for fact, evidence in _evidence_by_fact(graph).items():
        summary = _summary(graph, evidence)
        graph.nodes[fact].update(summary)
        node = graph.nodes[fact]
        if node["kind"] == "Assertion":
            triple = _reified(graph, fact)
            if triple is not None:
                s, key, o = triple
                if not graph.has_edge(s, o, key):
                    graph.add_edge(s, o, key=key, predicate=key, label=_local(key))
                graph.edges[s, o, key].update(summary, fact=fact)


def _evidence_by_fact(graph: nx.MultiDiGraph) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for fact, evidence, key in graph.edges(keys=True):
        if key == "kg:evidence":
            found[fact].append(evidence)
    return found


def _summary(graph: nx.MultiDiGraph, evidence: list[str]) -> dict[str, Any]:
    texts, reports, confidences = set(), set(), []
    for node_id in evidence:
        ev = graph.nodes[node_id]
        text = ev.get("kg:sentence") or ev.get("nif:anchorOf")
        texts.add(str(_first(text)) if text else f"gazetteer: {_first(ev.get('kg:source', 'unknown'))}")
        for _, report in graph.out_edges(node_id):
            if graph.nodes[report]["kind"] == "Report":
                reports.add(graph.nodes[report]["label"])
        if isinstance(ev.get("kg:confidence"), (int, float)):
            confidences.append(ev["kg:confidence"])
    summary: dict[str, Any] = {"evidence": tuple(sorted(texts)), "reports": tuple(sorted(reports))}
    if confidences:
        summary["confidence"] = max(confidences)
    return summary


def _reified(graph: nx.MultiDiGraph, fact: str) -> tuple[str, str, str] | None:
    """The (subject, property, object) a kg:Assertion reifies, if the graph holds all three."""
    parts = {key: v for _, v, key in graph.out_edges(fact, keys=True)
             if key in ("rdf:subject", "rdf:predicate", "rdf:object")}
    # The property is an attribute, or a node when the graph also holds the ontology.
    predicate = parts.get("rdf:predicate", graph.nodes[fact].get("rdf:predicate"))
    if "rdf:subject" not in parts or "rdf:object" not in parts or not isinstance(predicate, str):
        return None
    return parts["rdf:subject"], curie(predicate), parts["rdf:object"]


# --- helpers an analyst needs ----------------------------------------------------------------


@dataclass(frozen=True)
class CorridorPath:
    """A company reaching a corridor: company → site → city → corridor → destination."""

    company: str
    site: str
    city: str
    corridor: str
    destination: str
    mode: str | None  # the transport mode's key (maritime, rail...), when the graph says

    @property
    def nodes(self) -> tuple[str, ...]:
        """The path's node ids, company first."""
        return (self.company, self.site, self.city, self.corridor, self.destination)


@dataclass(frozen=True)
class RankedNode:
    """A node and how many distinct neighbours it has."""

    node: str
    label: str
    kind: str
    degree: int


@dataclass(frozen=True)
class SharedCity:
    """A city where two or more organizations have a site or their headquarters."""

    city: str
    label: str
    organizations: tuple[str, ...]  # node ids, sorted by label


def find_node(graph: nx.MultiDiGraph, name: str) -> str:
    """The node ``name`` is the id of, else the one labelled ``name`` (ignoring case).

    Raises :class:`KgError` when no node or several nodes go by that name.
    """
    if name in graph:
        return name
    found = sorted(n for n, label in graph.nodes(data="label") if str(label).casefold() == name.casefold())
    if len(found) != 1:
        problem = "no node" if not found else f"{len(found)} nodes ({', '.join(found)})"
        raise KgError(f"{name!r}: {problem} with that id or label; give a node id")
    return found[0]


def _out(graph: nx.MultiDiGraph, node: str, key: str) -> list[str]:
    return sorted({v for _, v, k in graph.out_edges(node, keys=True) if k == key})


def _in(graph: nx.MultiDiGraph, node: str, key: str) -> list[str]:
    return sorted({u for u, _, k in graph.in_edges(node, keys=True) if k == key})


def _of_kind(graph: nx.MultiDiGraph, kinds: Iterable[str]) -> list[str]:
    wanted = set(kinds)
    return sorted(n for n, kind in graph.nodes(data="kind") if kind in wanted)


def corridor_paths(graph: nx.MultiDiGraph, company: str | None = None) -> list[CorridorPath]:
    """Every way a company reaches a corridor: through a site in a city a corridor starts from.

    ``company`` is a node id or a label (see :func:`find_node`); ``None`` for every
    organization. Sorted by company, city and destination labels.
    """
    companies = [find_node(graph, company)] if company else _of_kind(graph, ["Organization"])
    paths = []
    for org in companies:
        for site in _out(graph, org, "kg:hasSite"):
            for city in _out(graph, site, "kg:locatedIn"):
                for corridor in _in(graph, city, "kg:corridorFrom"):
                    mode = _target_label(graph, corridor, "kg:transportMode")
                    for destination in _out(graph, corridor, "kg:corridorTo"):
                        paths.append(CorridorPath(org, site, city, corridor, destination, mode))
    label = lambda node: graph.nodes[node]["label"]  # noqa: E731
    return sorted(paths, key=lambda p: (label(p.company), label(p.city), label(p.destination), p.nodes))


def most_connected_places(graph: nx.MultiDiGraph, top: int = 10) -> list[RankedNode]:
    """The places with the most distinct neighbours (sites, headquarters, corridors, reasons,
    investments, the cities of a country), reports and evidence aside; ties by label."""
    ranked = []
    for place in _of_kind(graph, PLACE_KINDS):
        neighbours = set(graph.successors(place)) | set(graph.predecessors(place))
        degree = sum(1 for n in neighbours if graph.nodes[n]["kind"] not in PROVENANCE_KINDS)
        node = graph.nodes[place]
        ranked.append(RankedNode(place, node["label"], node["kind"], degree))
    ranked.sort(key=lambda r: (-r.degree, r.label, r.node))
    return ranked[:top]


def shared_cities(graph: nx.MultiDiGraph) -> list[SharedCity]:
    """The cities where two or more organizations have a site or their headquarters, the
    busiest first."""
    orgs_by_city: dict[str, set[str]] = defaultdict(set)
    for org in _of_kind(graph, ["Organization"]):
        for site in _out(graph, org, "kg:hasSite"):
            for city in _out(graph, site, "kg:locatedIn"):
                orgs_by_city[city].add(org)
        for city in _out(graph, org, "kg:headquarteredIn"):
            orgs_by_city[city].add(org)
    label = lambda node: graph.nodes[node]["label"]  # noqa: E731
    shared = [SharedCity(city, label(city), tuple(sorted(orgs, key=lambda o: (label(o), o))))
              for city, orgs in orgs_by_city.items() if len(orgs) > 1]
    return sorted(shared, key=lambda s: (-len(s.organizations), s.label, s.city))


# --- GraphML -----------------------------------------------------------------------------------


def graphml_bytes(graph: nx.MultiDiGraph) -> bytes:
    """``graph`` as GraphML, for Gephi and Cytoscape.

    GraphML values are scalars: tuples are written joined by `` | ``. Edges get ids of their
    own (``e0``, ``e1``...), since GraphML wants them unique and a property is no id; the
    property stays in the ``predicate`` and ``label`` attributes Gephi shows.
    """
    flat = nx.MultiDiGraph()
    for node, data in sorted(graph.nodes(data=True)):
        flat.add_node(node, **_scalars(data))
    edges = sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2])))
    for index, (u, v, _, data) in enumerate(edges):
        flat.add_edge(u, v, key=f"e{index}", **_scalars(data))
    out = BytesIO()
    nx.write_graphml(flat, out, encoding="utf-8", prettyprint=True, infer_numeric_types=True)
    return out.getvalue()


def _scalars(data: dict[str, Any]) -> dict[str, Any]:
    flat = {}
    for key, value in data.items():
        if isinstance(value, tuple):
            value = " | ".join(str(v) for v in value)
        if value is not None:
            flat[key] = value
    return flat


def write_graphml(graph: nx.MultiDiGraph, path: Path | str) -> Path:
    """Write ``graph`` to ``path`` as GraphML (see :func:`graphml_bytes`), atomically."""
    from kg.export import write_atomic

    path = Path(path)
    write_atomic(path, graphml_bytes(graph))
    return path


__all__ = [
    "KINDS", "CorridorPath", "RankedNode", "SharedCity", "corridor_paths", "curie", "find_node",
    "graphml_bytes", "most_connected_places", "shared_cities", "to_networkx", "write_graphml",
]
