"""One node per real-world entity across the reports of a corpus.

Within a report, :mod:`kg.extract.entities` already gives one entity per thing. Across reports,
the same company may be "Acme Industries SA" in one and "Acme Industries" or "ACME" in another:
the :class:`EntityRegistry` remembers every name an organization or a person has gone by (folded,
legal form stripped) and gives a later report's entity the IRI of the first one that shares an
unambiguous name with it. Places are one node per GeoNames id already; products one per name.

The registry also fixes each entity's display label (``rdfs:label``, the first name it was given)
and at most one ``skos:prefLabel`` per language, so that a merged graph has one label per
entity, the other names staying as ``skos:altLabel``. Reports are registered in a fixed order
(the build sorts them), so the same corpus always gives the same IRIs and labels.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import URIRef

from kg.extract.model import Entity, Extraction
from kg.graph.iris import entity_iri, org_name_key, slug

NAMED_TYPES = ("Organization", "Person")


@dataclass
class Identity:
    """What the graph says an entity is called, fixed the first time the entity is seen."""

    iri: URIRef
    label: str
    pref_labels: dict[str, str] = field(default_factory=dict)  # language -> preferred label


class EntityRegistry:
    """IRIs and labels of the entities of a corpus, report after report."""

    def __init__(self) -> None:
        self._by_name: dict[tuple[str, str], URIRef | None] = {}  # (type, name key) -> IRI; None: ambiguous
        self._identities: dict[URIRef, Identity] = {}

    def identities(self, extraction: Extraction) -> dict[str, Identity]:
        """The identity of each entity of one report's extraction (registering new ones)."""
        found: dict[str, Identity] = {}
        for key, ent in sorted(extraction.entities.items()):
            iri = self._known(ent) or entity_iri(ent)
            identity = self._identities.setdefault(iri, Identity(iri=iri, label=ent.name))
            identity.pref_labels.setdefault(extraction.lang, ent.name)
            if ent.type in NAMED_TYPES:
                self._remember(ent, iri)
            found[key] = identity
        return found

    def _keys(self, ent: Entity) -> set[tuple[str, str]]:
        make = org_name_key if ent.type == "Organization" else slug
        return {(ent.type, make(name)) for name in {ent.name, *ent.aliases} if make(name)}

    def _known(self, ent: Entity) -> URIRef | None:
        if ent.type not in NAMED_TYPES:
            return None
        iris = {self._by_name.get(k) for k in self._keys(ent)} - {None}
        return iris.pop() if len(iris) == 1 else None

    def _remember(self, ent: Entity, iri: URIRef) -> None:
        for k in self._keys(ent):
            known = self._by_name.get(k, iri)
            # A name two different entities went by identifies neither.
            self._by_name[k] = iri if known == iri else None
