"""Relation extractors: a registry of functions from a :class:`Context` to facts.

Each module of this package registers its extractors by relation name with :func:`extractor`,
the way spaCy registers its pipeline components; :func:`extract_facts` runs them all, those of
``ORDER`` first and in that order, since later ones read the facts of earlier ones
(``produces`` reads capacities, ``located_in`` is given for the towns other facts name).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from kg.extract.context import Context
from kg.extract.model import Fact

Extractor = Callable[[Context, list[Fact]], Iterable[Fact]]
EXTRACTORS: dict[str, Extractor] = {}
ORDER = ("headquartered_in", "stock_code", "holds_role", "partner_of", "subsidiary_of", "has_site_in",
         "capacity", "produces", "investment", "site_rationale", "corridor_to", "located_in")


def extractor(name: str) -> Callable[[Extractor], Extractor]:
    """Register a relation extractor under ``name`` (a facts-view relation or a group of them)."""

    def register(func: Extractor) -> Extractor:
        if name in EXTRACTORS:
            raise ValueError(f"a relation extractor named {name!r} is already registered")
        EXTRACTORS[name] = func
        return func

    return register


def extract_facts(ctx: Context) -> list[Fact]:
    """Run every registered extractor; duplicates (same relation, subject, object) keep the first."""
    _load_builtins()
    facts: list[Fact] = []
    seen: set[tuple] = set()
    names = [n for n in ORDER if n in EXTRACTORS] + sorted(n for n in EXTRACTORS if n not in ORDER)
    for name in names:
        for fact in EXTRACTORS[name](ctx, facts):
            key = (fact.relation, fact.subject, fact.obj, fact.qualifier if fact.relation == "investment" else None)
            if key not in seen:
                seen.add(key)
                facts.append(fact)
    return facts


def _load_builtins() -> None:
    # Imported for their registrations, in the order their facts are needed.
    from kg.extract.relations import (  # noqa: F401
        headquarters, listings, roles, partners, sites, capacities, products, investments,
        rationale, corridors, places,
    )
