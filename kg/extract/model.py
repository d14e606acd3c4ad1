"""What extraction hands to the graph builder: entities, facts and their evidence.

Extractors annotate a spaCy ``Doc``; :func:`kg.extract.doc_to_extraction` reads those
annotations into these plain values, and :mod:`kg.graph.build` turns them into RDF. Nothing
here knows about spaCy or rdflib, so both sides can be tested on their own.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal, Union

EntityType = Literal["Organization", "Person", "City", "Country", "Region", "Product"]

RELATIONS: tuple[str, ...] = (
    "headquartered_in", "stock_code", "has_site_in", "located_in", "corridor_to",
    "holds_role", "capacity", "produces", "investment", "site_rationale",
    "partner_of", "subsidiary_of",
)

FACTORS: tuple[str, ...] = (
    "cost", "logistics", "tax", "geostrategic", "legal_stability", "export_orientation",
    "market_proximity", "supply_chain", "raw_materials", "trade_agreements", "energy",
    "labour", "incentives",
)

MODES: tuple[str, ...] = ("maritime", "rail", "road", "air")

UNITS: tuple[str, ...] = ("t/yr", "GWh/yr", "units/yr", "MW")


@dataclass(frozen=True)
class Evidence:
    """Where a fact comes from: a span of the report's text, or a gazetteer."""

    rule: str
    confidence: float
    start: int | None = None  # character offsets of the supporting span in the report text
    end: int | None = None
    sentence: str | None = None
    anchor: str | None = None
    source: str | None = None  # a gazetteer name, for facts that do not come from the text

    @property
    def is_text(self) -> bool:
        return self.start is not None


@dataclass
class Entity:
    """One real-world entity of a report, whatever the names it goes by there."""

    key: str  # unique within one extraction
    type: EntityType
    name: str  # preferred label
    aliases: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    # places only: gazetteer identity
    geonames_id: int | None = None
    country_code: str | None = None  # ISO 3166-1 alpha-2 (of the place, or of the country itself)
    latitude: float | None = None
    longitude: float | None = None
    labels: dict[str, str] = field(default_factory=dict)  # language -> name, from the gazetteer


@dataclass(frozen=True)
class Quantity:
    value: Decimal
    unit: str  # one of UNITS


@dataclass(frozen=True)
class Money:
    value: Decimal
    currency: str  # ISO 4217


@dataclass(frozen=True)
class Code:
    """A stock listing code, as written."""

    value: str


@dataclass(frozen=True)
class Factor:
    key: str  # one of FACTORS


Object = Union[str, Quantity, tuple[Money, ...], Code, Factor]  # str: an entity key


@dataclass(frozen=True)
class Fact:
    """One fact of the facts view, with its evidence.

    ``subject`` is an entity key. ``obj`` is an entity key for relations between entities, or a
    value. ``qualifier`` is free text as written, or an entity key for ``investment`` and
    ``site_rationale`` (the place). ``mode`` is set on ``corridor_to``.
    """

    relation: str
    subject: str
    obj: Object
    evidence: Evidence
    qualifier: str | None = None
    mode: str | None = None

    def __post_init__(self) -> None:
        if self.relation not in RELATIONS:
            raise ValueError(f"unknown relation {self.relation!r}; expected one of {RELATIONS}")


@dataclass
class Extraction:
    """Everything extracted from one report."""

    lang: str
    entities: dict[str, Entity] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
