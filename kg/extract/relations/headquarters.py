"""``headquartered_in``: "basé à X", "dont le siège est à X", "X-based", "headquartered in X".

A nationality ("le groupe chinois") or a dateline is not a headquarters: only these cues count.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.context import Context
from kg.extract.model import Fact
from kg.extract.relations import extractor
from kg.extract.relations.base import owner, place_after

HQ_PLACES = ("City", "Country")
# What may open an apposition before "X-based": "Acme, a", "Acme, the group's", "Acme, its".
APPOSITION_POS = frozenset({"DET", "PRON", "NOUN", "PART", "ADJ"})
APPOSITION_GAP = 5


@extractor("headquartered_in")
def headquarters(ctx: Context, facts: list[Fact]) -> Iterator[Fact]:
    for sent in ctx.sents:
        for cue in ctx.find("headquarters", sent):
            place = place_after(ctx, cue.end, 4, HQ_PLACES)
            if place is None or ctx.is_hedged(cue.start):
                continue
            for org in _hq_owner(ctx, sent, cue.start, cue.end):
                yield Fact("headquartered_in", org, place.key, ctx.evidence("hq-cue", cue.start, place.end, 0.85))
        yield from _based_compounds(ctx, sent)


def _hq_owner(ctx: Context, sent, start: int, end: int) -> tuple[str, ...]:
    """The organization right before the cue ("X, qui est basé à", "X, based in") or the clause's."""
    items = ctx.org_items(sent)
    for s, e, keys in reversed(items):
        if e <= start and start - e <= 4 and not _crosses_org(ctx, e, start):
            return keys
    return owner(ctx, sent, start, end)


def _apposed(ctx: Context, end: int, start: int) -> bool:
    """Whether the tokens between a name and an "X-based" compound open an apposition to it."""
    between = ctx.doc[end:start]
    named = any(ctx.mention_at(i) is not None for i in range(end, start))  # "the group's" may stand for it
    return 2 <= len(between) <= APPOSITION_GAP and between[0].text == "," and not named \
        and all(t.pos_ in APPOSITION_POS or t.text in {"'s", "’s"} for t in between[1:])


def _crosses_org(ctx: Context, a: int, b: int) -> bool:
    return any(ctx.orgs_at(i) for i in range(a, b))


def _based_compounds(ctx: Context, sent) -> Iterator[Fact]:
    """English "Lyon-based Helvio", "the Turin-based company"."""
    if not ctx.lex.based_suffix:
        return
    for m in re.finditer(ctx.lex.based_suffix, sent.text):
        char = sent.start_char + m.start("place")
        span = ctx.doc.char_span(char, char + len(m.group("place")), alignment_mode="expand")
        if span is None:
            continue
        place = place_after(ctx, span.start, len(span), HQ_PLACES)
        if place is None:
            continue
        after = ctx.doc.char_span(sent.start_char + m.end(), sent.end_char, alignment_mode="expand")
        if after is None:
            continue
        owners = [(s, e, keys) for s, e, keys in ctx.org_items(sent)
                  # "Lyon-based Helvio", or the description the compound is part of: "the Turin-based company"
                  if (s >= after.start and s - after.start <= 3) or (s <= span.start and e >= after.start)]
        if not owners:  # "Acme, a Turin-based group", "Acme, the group's Turin-based arm": the name described
            owners = [(s, e, keys) for s, e, keys in ctx.org_items(sent) if e <= span.start and _apposed(ctx, e, span.start)]
        for s, e, keys in owners[:1]:
            for org in keys:
                yield Fact("headquartered_in", org, place.key,
                           ctx.evidence("hq-based-compound", min(s, span.start), max(e, span.end), 0.9))
