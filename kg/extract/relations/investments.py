"""``investment``: an amount of money an organization invests, with the town it goes to.

A money amount counts in a clause with an investment cue (``investir``, ``engage``, ``tranche``,
``commit``, ``pour into``) or as the price of a site (``a $2 billion plant``), and no cue of
revenue, debt or value. An amount given again in another
currency (``soit``, ``or about``, in parentheses) is the same investment; an initial tranche and
a total are two.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from kg.extract.context import Context
from kg.extract.model import Fact, Money
from kg.extract.relations import extractor
from kg.extract.relations.base import place_after, place_before

EQUIVALENCE_GAP = 5


@extractor("investment")
def investments(ctx: Context, facts: list[Fact]) -> Iterator[Fact]:
    pending: list[tuple[tuple[Money, ...], Span, tuple[str, ...]]] = []
    for amount, span in ctx.amounts:
        if amount.kind != "money" or amount.currency is None or ctx.is_hedged(span.start):
            continue
        money = Money(amount.value, amount.currency)
        if pending and _is_equivalent(ctx, pending[-1][1], span):
            moneys, first, orgs = pending[-1]
            pending[-1] = (moneys + (money,), first.doc[first.start:span.end], orgs)
            continue
        if not _is_investment(ctx, span):
            continue
        from kg.extract.relations.capacities import _owners
        pending.append(((money,), span, _owners(ctx, span)))
    for moneys, span, orgs in pending:
        place = _investment_place(ctx, span, facts, orgs)
        for org in orgs:
            yield Fact("investment", org, moneys, ctx.evidence("investment-amount", span.start, span.end, 0.8),
                       qualifier=place)


def _is_equivalent(ctx: Context, previous: Span, span: Span) -> bool:
    """ "1,3 milliard de dollars, soit 1,2 milliard d'euros" / "$455m (about €417m)"."""
    if span.start - previous.end > EQUIVALENCE_GAP or previous.sent != span.sent:
        return False
    between = ctx.doc[previous.end:span.start]
    return any(t.text == "(" for t in between) or bool(len(between) and ctx.find("equivalence", between))


def _is_investment(ctx: Context, span: Span) -> bool:
    start, end = ctx.clause_of(span.start)
    clause = ctx.doc[start:end]
    before = ctx.doc[max(start, span.start - 4):span.start]
    if len(before) and ctx.find("not_investment", before):
        return False
    return bool(ctx.find("investment", clause)) or _prices_a_site(ctx, span)


def _prices_a_site(ctx: Context, span: Span) -> bool:
    """ "a $7.6 billion complex", "the £4bn plant", "une usine de 320 millions d'euros": the
    amount is what the site costs."""
    after = ctx.site_nouns(ctx.doc[span.end:min(span.end + 3, span.sent.end)])
    if after and after[0].start == span.end:
        return True
    before = ctx.doc[max(span.start - 2, span.sent.start):span.start]
    return len(before) == 2 and before[1].lower_ in {"de", "d'", "d’"} and bool(ctx.find("site_nouns", before[:1]))


def _investment_place(ctx: Context, span: Span, facts: list[Fact], orgs: tuple[str, ...]) -> str | None:
    """The town of the investment: named in its sentence, else the owner's latest site."""
    sent = span.sent
    m = place_after(ctx, span.end, 25, ("City",)) or place_before(ctx, span.start, 25, ("City",))
    if m is not None and m.start >= sent.start:
        return m.key
    sites = [f.obj for f in facts if f.relation == "has_site_in" and f.subject in orgs]
    return sites[-1] if sites else None
