"""``capacity``: a production capacity or annual production rate, with its product.

Every quantity in tonnes, GWh, MW, or pieces a year that is not hedged (``pourrait
atteindre``), not an equivalence (``de quoi équiper``, ``enough to``) and not a total of several
operators. The product is the counted noun (``12 millions de pneus``), the complement
(``250 000 tonnes de tuyaux``), or what the sentence says is produced.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from kg.extract.context import Context
from kg.extract.model import Fact, Quantity
from kg.extract.relations import extractor
from kg.extract.relations.base import owner
from kg.extract.relations.products import GENERIC_COUNTS, noun_phrase_after

PER_YEAR_WORDS = frozenset({"par", "an", "a", "year", "per", "annum", "chaque", "année", "annually", "/", "yr",
                            "pour", "for", "of", "de", "d'", "d’"})


@extractor("capacity")
def capacities(ctx: Context, facts: list[Fact]) -> Iterator[Fact]:
    for amount, span in ctx.amounts:
        if amount.kind != "quantity" or amount.unit is None:
            continue
        if ctx.is_hedged(span.start) or _not_capacity(ctx, span):
            continue
        product = _product(ctx, amount, span)
        for org in _owners(ctx, span):
            yield Fact("capacity", org, Quantity(amount.value, amount.unit),
                       ctx.evidence("capacity-quantity", span.start, span.end, 0.8), qualifier=product)


def _not_capacity(ctx: Context, span: Span) -> bool:
    window = ctx.doc[max(span.start - 6, span.sent.start):span.start]
    return bool(len(window) and ctx.find("not_capacity", window))


def _owners(ctx: Context, span: Span) -> tuple[str, ...]:
    from kg.extract.relations.sites import _site_owners  # the same rule: partners share a plant
    return _site_owners(ctx, span.sent, span)


def _product(ctx: Context, amount, span: Span) -> str | None:
    """The product a capacity is of, as written."""
    if amount.unit == "units/yr" and amount.unit_text and amount.unit_text.lower() not in GENERIC_COUNTS:
        return amount.unit_text
    after = noun_phrase_after(ctx, span.end, skip=PER_YEAR_WORDS)
    if after:
        return after
    if amount.unit == "units/yr" and amount.unit_text:
        return amount.unit_text
    return _produced_before(ctx, span)


def _produced_before(ctx: Context, span: Span) -> str | None:
    """ "la capacité de production de X s'élève à N tonnes"."""
    sent = span.sent
    for cue in reversed(ctx.find("capacity_cues", ctx.doc[sent.start:span.start])):
        phrase = noun_phrase_after(ctx, cue.end, skip=frozenset({"de", "d'", "d’", "of", "actuelle", "annuelle", "production",
                                                                 "nominale", "installée", "totale", "maximale"}))
        if phrase:
            return phrase
    return None
