"""``site_rationale``: the reasons a report gives for a site's location, as factor keys.

A rationale cue (``motivé par``, ``le choix de``, ``because``, ``the reasons for``) opens a
passage; the factor lexicon is matched in that sentence and in the sentences that go on with
it (while they name factors and are not about something else, such as the site's power supply
stated as a fact). One fact per factor, for the organization the passage is about and the
town of its site.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from kg.extract.context import Context
from kg.extract.model import Factor, Fact
from kg.extract.relations import extractor
from kg.extract.relations.base import owner

SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})
LOOKAHEAD = 3


@extractor("site_rationale")
def rationale(ctx: Context, facts: list[Fact]) -> Iterator[Fact]:
    sents = list(ctx.sents)
    done: set[int] = set()
    for n, sent in enumerate(sents):
        cues = [c for c in ctx.find("rationale", sent) if not ctx.is_hedged(c.start)]
        if not cues or n in done:
            continue
        orgs = owner(ctx, sent, cues[0].start, cues[0].end)
        passage = [sent]
        found = _factors(ctx, sent)
        gap = 0
        for nxt in sents[n + 1:n + 1 + LOOKAHEAD + 3]:
            more = _factors(ctx, nxt)
            if not more or _about_the_site(ctx, nxt):
                gap += 1
                if (found and not _is_list(sent)) or gap > 1:
                    break
                continue
            passage.append(nxt)
            found += more
            done.add(sents.index(nxt))
        city = _site_city(ctx, passage, facts, orgs)
        if city is None:
            continue
        # Not named before the cue, the reasons' giver was resolved from a description ("the
        # company had picked the site"), which may be wrong: the site's owners give the reasons.
        if not _named_in(ctx, passage[0], orgs, cues[0].start):
            orgs = _site_owners_of(facts, city, orgs)
        for key, span in found:
            for org in orgs:
                yield Fact("site_rationale", org, Factor(key), ctx.evidence(f"rationale-{key}", span.start, span.end, 0.7),
                           qualifier=city)


def _site_owners_of(facts: list[Fact], city: str, orgs: tuple[str, ...]) -> tuple[str, ...]:
    """The reasons for a site are its owners': the organizations with a site in that town (the
    one the passage names first if it is one of them), else the passage's own organization."""
    owners = tuple(dict.fromkeys(f.subject for f in facts if f.relation == "has_site_in" and f.obj == city))
    if not owners:
        return orgs
    named = tuple(k for k in orgs if k in owners)
    return named or owners


def _named_in(ctx: Context, sent: Span, orgs: tuple[str, ...], before: int) -> bool:
    """Whether the sentence names one of the organizations itself (not through a description)
    before token ``before``."""
    return any(m.key in orgs and m.start < before for m in ctx.in_sentence(sent, "Organization"))


def _is_list(sent: Span) -> bool:
    """A sentence that announces a list ("trois raisons :", "four reasons:")."""
    return sent.text.rstrip().endswith(":")


def _factors(ctx: Context, sent: Span) -> list[tuple[str, Span]]:
    """Factor words of a sentence, not hedged, and not inside a name ("Nordkraft Energy")."""
    return [(key, m) for key in ctx.lex.factors for m in ctx.find(ctx.lex.rx_factor(key), sent)
            if not ctx.is_hedged(m.start) and ctx.mention_at(m.start) is None]


def _about_the_site(ctx: Context, sent: Span) -> bool:
    """ "Le site est par ailleurs alimenté en électricité verte": a fact about the site, not a reason."""
    for tok in sent:
        if tok.dep_ in SUBJECT_DEPS and ctx.find("site_nouns", ctx.doc[tok.i:tok.i + 1]):
            return True
    return False


def _site_city(ctx: Context, passage: list[Span], facts: list[Fact], orgs: tuple[str, ...]) -> str | None:
    """The town of the site the passage explains: a site's town it names, else the site town named
    last before it, else the organization's last site, else a town it names."""
    site_cities = [f.obj for f in facts if f.relation == "has_site_in"]
    for sent in passage:
        for m in ctx.in_sentence(sent, "City"):
            if m.key in site_cities and not ctx.is_dateline(m):
                return m.key
    for m in reversed([m for m in ctx.mentions if m.end <= passage[0].start and m.key in site_cities]):
        if not ctx.is_dateline(m):
            return m.key
    own = [f.obj for f in facts if f.relation == "has_site_in" and f.subject in orgs]
    if own:
        return own[-1]
    for sent in passage:
        for m in ctx.in_sentence(sent, "City"):
            if not ctx.is_dateline(m):
                return m.key
    return site_cities[-1] if site_cities else None
