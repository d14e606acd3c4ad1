"""How each kind of node looks, the same in every picture kg draws (HTML, PNG, map)."""
from __future__ import annotations

# Colours of Tableau's palette (matplotlib's "tab20"): distinct, readable on white.
COLORS: dict[str, str] = {
    "Organization": "#1f77b4",
    "Person": "#9467bd",
    "City": "#2ca02c",
    "Country": "#98df8a",
    "Region": "#17becf",
    "Place": "#2ca02c",
    "Product": "#ff7f0e",
    "Site": "#8c564b",
    "Capacity": "#e377c2",
    "Investment": "#bcbd22",
    "MonetaryAmount": "#dbdb8d",
    "SiteRationale": "#d62728",
    "Corridor": "#9edae5",
    "Partnership": "#aec7e8",
    "Membership": "#c5b0d5",
    "Listing": "#c49c94",
    "Concept": "#f7b6d2",
    "Assertion": "#ffbb78",
    "Report": "#7f7f7f",
    "TextEvidence": "#c7c7c7",
    "GazetteerEvidence": "#c7c7c7",
}
DEFAULT_COLOR = "#c7c7c7"

# Entities are the large nodes; facts and values are drawn smaller, between them.
ENTITY_KINDS = frozenset({"Organization", "Person", "City", "Country", "Region", "Place", "Product"})


def color_of(kind: str) -> str:
    """The colour a node of this kind is drawn in."""
    return COLORS.get(kind, DEFAULT_COLOR)


def is_entity(kind: str) -> bool:
    """Whether nodes of this kind are entities (drawn large, always labelled)."""
    return kind in ENTITY_KINDS


def legend_kinds(kinds: set[str]) -> list[str]:
    """The kinds present in a picture, in the order of :data:`COLORS` (entities first)."""
    known = [kind for kind in COLORS if kind in kinds]
    return known + sorted(kinds - set(COLORS))
