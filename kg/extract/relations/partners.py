"""``partner_of`` and ``subsidiary_of``: joint ventures, consortia, alliances; parents and arms.

Partners are the organizations a partnership cue brings together in its sentence, less the
joint venture's own name (``X, la coentreprise formée par A et B``), less a parent named in an
apposition (``A, the subsidiary of P``) and less the owner of a site named in passing
(``l'usine N``). A company owned by one organization is its subsidiary; owned by several, it is
their joint venture and they are partners.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import combinations

from spacy.tokens import Span

from kg.extract.context import Context
from kg.extract.model import Fact
from kg.extract.relations import extractor
from kg.extract.relations.base import owner

WINDOW = 30  # tokens around a cue where its partners are named (within its clause)
CREATED_BY = re.compile(r"(?i)\b(?:set\s+up|formed|created|established|founded|form[ée]e?s?|cr[ée][ée]e?s?|constitu[ée]e?s?|fond[ée]e?s?)\s+(?:by|par)\b")
JV_NOUNS = ("coentreprise", "co-entreprise", "joint venture", "joint-venture", "société commune", "company set up")
# Words that introduce a venture's name after its noun: "a joint venture called X".
# Words before a partner's name: "built with X, a joint venture" makes X a partner, not the venture.
COMITATIVE = frozenset({"with", "avec", "and", "et", "&"})
NAMING_WORDS = frozenset({"called", "named", "dubbed", "appelée", "appelé", "baptisée", "baptisé", "dénommée",
                          "dénommé", "nommée", "nommé"})


@extractor("partner_of")
def partnerships(ctx: Context, facts: list[Fact]) -> Iterator[Fact]:
    for sent in ctx.sents:
        for cue in _cues(ctx, sent):
            if ctx.is_hedged(cue.start):
                continue
            partners = _partners(ctx, sent, cue)
            if len(partners) < 2 or len(partners) > 4:
                continue
            kind = cue.text if not ctx.lex.rx("owned_by").fullmatch(cue.text) else "co-ownership"
            for a, b in combinations(partners, 2):
                yield Fact("partner_of", a, b, ctx.evidence("partnership-cue", cue.start, cue.end, 0.75), qualifier=kind)


def partners_in(ctx: Context, sent: Span) -> list[str]:
    """The partners of the partnerships a sentence states (not hedged), in order."""
    found: list[str] = []
    for cue in _cues(ctx, sent):
        if not ctx.is_hedged(cue.start):
            found.extend(k for k in _partners(ctx, sent, cue) if k not in found)
    return found


def _cues(ctx: Context, sent: Span) -> list[Span]:
    """Partnership cues, less "jointly" in "jointly owned by" (an ownership cue of its own)."""
    owned = ctx.find("owned_by", sent)
    return [c for c in ctx.find("partnership", sent) if not any(o.start <= c.start < o.end for o in owned)] + owned


def _partners(ctx: Context, sent: Span, cue: Span) -> list[str]:
    excluded = _joint_venture_names(ctx, sent, cue) | _parents(ctx, sent) | _site_owners(ctx, sent)
    keys: list[str] = []
    c_start, c_end = (sent.start, sent.end) if ctx.lex.rx("owned_by").fullmatch(cue.text) else ctx.clause_of(cue.start)
    for s, e, ks in ctx.org_items(sent):
        if s < c_start or e > c_end or e <= cue.start - WINDOW or s >= cue.end + WINDOW:
            continue
        for k in ks:
            if k not in excluded and k not in keys:
                keys.append(k)
    return keys


def ventures_in(ctx: Context, sent: Span) -> set[str]:
    """The joint ventures a sentence names as such (not hedged): "X, a joint venture of A and B",
    "A and B formed a joint venture, X"."""
    return {k for cue in _cues(ctx, sent) if not ctx.is_hedged(cue.start) for k in _joint_venture_names(ctx, sent, cue)}


def _joint_venture_names(ctx: Context, sent: Span, cue: Span) -> set[str]:
    """The venture itself: the name just before a JV noun or apposed right after it, or the
    subject of "owned by"."""
    names: set[str] = set()
    is_owned = bool(ctx.lex.rx("owned_by").fullmatch(cue.text))
    created = bool(ctx.find(CREATED_BY, ctx.doc[max(cue.start - 4, sent.start):cue.start])) if cue.start > sent.start else False
    is_venture = any(n in cue.text.lower() for n in JV_NOUNS + ("consortium",))
    if not is_owned and not created and not is_venture:
        return names
    for s, e, ks in ctx.org_items(sent):
        if e <= cue.start and cue.start - e <= 8 and len(ks) == 1:
            between = ctx.doc[e:cue.start]
            apposed = len(between) > 0 and between[0].text == "," and not any(
                t.pos_ in {"VERB", "AUX", "ADP", "PRON"} for t in between[1:]) and ctx.doc[s - 1].lower_ not in COMITATIVE
            if (is_owned and cue.start - e <= 3) or apposed or created:
                names.update(ks)  # "X, la coentreprise de A et B", "X, the carmaker jointly owned by A and B"
        elif is_venture and s >= cue.end and len(ks) == 1 and _names_the_venture(ctx.doc[cue.end:s]):
            names.update(ks)  # "a joint venture, X, which...", "the joint venture of A and B, called X"
    return names


def _names_the_venture(between: Span) -> bool:
    """What may stand between a venture's noun and its name: a comma, or words ending with a
    naming word ("called", "baptisée")."""
    words = [t.lower_ for t in between]
    named = bool(words) and (words[-1] in NAMING_WORDS or words[-2:] == ["known", "as"])
    return words in ([","], ["("]) or (len(words) <= 12 and named)


def _parents(ctx: Context, sent: Span) -> set[str]:
    return {p for cue in ctx.find("subsidiary", sent) for p in _org_after(ctx, sent, cue.end, 8)}


def _site_owners(ctx: Context, sent: Span) -> set[str]:
    owners: set[str] = set()
    for cue in ctx.find("site_nouns", sent):
        owners.update(_org_after(ctx, sent, cue.end, 1))
    return owners


def _org_after(ctx: Context, sent: Span, start: int, limit: int) -> tuple[str, ...]:
    for i in range(start, min(start + limit, sent.end)):
        keys = ctx.orgs_at(i)
        if keys:
            return keys
    return ()


@extractor("subsidiary_of")
def subsidiaries(ctx: Context, facts: list[Fact]) -> Iterator[Fact]:
    for sent in ctx.sents:
        for cue in ctx.find("subsidiary", sent):
            parents = _org_after(ctx, sent, cue.end, 8)
            children = [k for k in _child_before(ctx, sent, cue) if k not in parents]
            yield from _subsidiary_facts(ctx, cue, children, parents, "subsidiary-of")
        for cue in ctx.find("subsidiary_possessive", sent):
            children = _org_after(ctx, sent, cue.end, 4)
            # "its listed arm, X": the parent is whom "its" stands for
            possessor = ctx.orgs_at(cue.start) or owner(ctx, sent, cue.start, cue.end)
            parents = tuple(k for k in possessor if k not in children)
            yield from _subsidiary_facts(ctx, cue, children, parents, "possessive-subsidiary")
        for cue in ctx.find("owned_by", sent):
            parents = _org_after(ctx, sent, cue.end, 6)
            others = [k for s, e, ks in ctx.org_items(sent) if s > cue.end for k in ks if k not in parents]
            if len(parents) == 1 and not others:
                yield from _subsidiary_facts(ctx, cue, _org_before(ctx, sent, cue.start), parents, "owned-by")


def _child_before(ctx: Context, sent: Span, cue: Span) -> tuple[str, ...]:
    """The subsidiary in "X est une filiale de P" / "X, the subsidiary of P": the name right before
    the cue's phrase, else the subject of its verb (a possessive "sa part" is no name)."""
    named = [m for m in ctx.in_sentence(sent, "Organization") if m.end <= cue.start]
    if named and cue.start - named[-1].end <= 20:
        return (named[-1].key,)
    return owner(ctx, sent, cue.start, cue.end)


def _org_before(ctx: Context, sent: Span, start: int) -> tuple[str, ...]:
    before = [ks for s, e, ks in ctx.org_items(sent) if e <= start]
    return before[-1] if before else ()


def _subsidiary_facts(ctx: Context, cue: Span, children, parents, rule: str) -> Iterator[Fact]:
    if ctx.is_hedged(cue.start) or len(parents) != 1:
        return
    for child in children:
        if child != parents[0]:
            yield Fact("subsidiary_of", child, parents[0], ctx.evidence(rule, cue.start, cue.end, 0.8))
