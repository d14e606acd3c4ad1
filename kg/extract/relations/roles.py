"""``holds_role``: a person and the title they hold in an organization.

Three shapes: an apposition after the name ("X, directeur général d'Acme"; "X, Acme's chief
executive"), one before it ("le président du groupe, X"), and a title right before the name
("chief executive X"). The organization is the one the title phrase names, else the one its
possessive or description stands for, else the one in focus. Titles of state (ministers,
heads of state) are not roles in an organization.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from kg.extract.context import Context
from kg.extract.mentions import Mention
from kg.extract.model import Fact
from kg.extract.relations import extractor

LEADING = frozenset({"a", "an", "the", "le", "la", "l'", "l’", "un", "une", "its", "son", "sa", "their", "leur"})
PHRASE_END = frozenset({",", ".", ";", ":", "(", ")", "«", "»", '"', "“", "”", "—", "–"})
ORG_PREPOSITIONS = frozenset({"de", "d'", "d’", "du", "des", "of", "at", "chez", "within", "for"})


@extractor("holds_role")
def roles(ctx: Context, facts: list[Fact]) -> Iterator[Fact]:
    for sent in ctx.sents:
        people = ctx.in_sentence(sent, "Person")
        cues = [c for c in ctx.find("roles", sent)]
        excluded = {i for c in ctx.find("role_exclusions", sent) for i in range(c.start, c.end)}
        for person in people:
            found = _role_after(ctx, sent, person, cues) or _role_before(ctx, sent, person, cues)
            if found is None:
                continue
            role, orgs = found
            if any(i in excluded for i in range(role.start, role.end)) or not orgs:
                continue
            title = _title(ctx, role)
            for org in orgs:
                yield Fact("holds_role", person.key, org,
                           ctx.evidence("role-apposition", min(person.start, role.start), max(person.end, role.end), 0.8),
                           qualifier=title)


def _role_after(ctx: Context, sent: Span, person: Mention, cues: list[Span]):
    """ "X, directeur général d'Acme" / "X, Acme's founder and chairman"."""
    i = person.end
    if i >= sent.end or ctx.doc[i].text != ",":
        return None
    end = _phrase_end(ctx, sent, i + 1)
    phrase = ctx.doc[i + 1:end]
    if not any(phrase.start <= c.start < phrase.end and c.start - phrase.start <= 6 for c in cues):
        return None
    return phrase, _orgs_of_phrase(ctx, sent, phrase)


def _role_before(ctx: Context, sent: Span, person: Mention, cues: list[Span]):
    """ "le président du groupe, X" / "chief executive X"."""
    for c in cues:
        if c.end == person.start:
            return c, _orgs_of_phrase(ctx, sent, c)
    j = person.start - 1
    if j <= sent.start or ctx.doc[j].text != ",":
        return None
    start = j
    while start > sent.start and ctx.doc[start - 1].text not in PHRASE_END and j - start < 12:
        start -= 1
    phrase = ctx.doc[start:j]
    cue = next((c for c in cues if phrase.start <= c.start < phrase.end), None)
    if cue is None:
        return None
    role = ctx.doc[cue.start:j]
    return role, _orgs_of_phrase(ctx, sent, role)


def _phrase_end(ctx: Context, sent: Span, start: int) -> int:
    end = start
    while end < sent.end and ctx.doc[end].text not in PHRASE_END:
        m = ctx.mention_at(end)
        if m is not None and ctx.entities[m.key].type == "Person":
            break
        if ctx.doc[end].lower_ in {"et", "and"} and end + 1 < sent.end:
            nxt = ctx.mention_at(end + 1)
            if nxt is not None and ctx.entities[nxt.key].type == "Person":
                break
        end += 1
    return end


def _orgs_of_phrase(ctx: Context, sent: Span, phrase: Span) -> tuple[str, ...]:
    """The organization a title phrase names, or stands for, or the one in focus."""
    named = [(ctx.by_token[i].confidence, i, ctx.by_token[i].key) for i in range(phrase.start, phrase.end)
             if i in ctx.by_token and ctx.entities[ctx.by_token[i].key].type == "Organization"]
    if named:
        return (max(named)[2],)
    places = [i for i in range(phrase.start, phrase.end) if i in ctx.by_token]
    if places:
        return ()  # "Hungary's foreign minister": a title of a country, not of an organization
    for i in range(phrase.start, phrase.end):
        keys = ctx.orgs_at(i)
        if keys:
            return keys
    for i in range(phrase.start - 1, max(phrase.start - 4, sent.start) - 1, -1):
        if ctx.doc[i].text in PHRASE_END:
            break
        keys = ctx.orgs_at(i)
        if keys:
            return keys
    return (ctx.main_org,) if ctx.main_org else ()


def _title(ctx: Context, role: Span) -> str:
    """The title as written, without article, possessor or the organization's name."""
    toks = list(role)
    while toks and (toks[0].lower_ in LEADING or ctx.orgs_at(toks[0].i) or toks[0].text in {"'s", "’s"}):
        toks = toks[1:]
    cut = len(toks)
    for k, tok in enumerate(toks):
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if tok.lower_ in ORG_PREPOSITIONS and nxt is not None and (ctx.orgs_at(nxt.i) or nxt.lower_ in LEADING
                                                                   and k + 2 < len(toks) and ctx.orgs_at(toks[k + 2].i)):
            cut = k
            break
    toks = toks[:cut] or toks
    return ctx.doc[toks[0].i:toks[-1].i + 1].text if toks else role.text
