"""Helpers shared by the relation extractors: whose is a trigger, which place does it name."""
from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.context import Context
from kg.extract.mentions import Mention

SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj", "agent", "obl:agent"})
LOCATIVE = frozenset({"à", "a", "au", "aux", "en", "in", "at", "near", "de", "d'", "d’", "of", "sur", "on", "dans", "près"})
PLACE_TYPES = ("City", "Country", "Region")


def owner(ctx: Context, sent: Span, start: int, end: int, prefer_main: bool = False) -> tuple[str, ...]:
    """The organization(s) a trigger at tokens ``start:end`` belongs to.

    The subject of the verb that governs the trigger first (through the dependency tree), then
    the nearest organization named before it in its clause, then after it, then the sentence's
    or the report's organization in focus. ``prefer_main``: when no subject says whose it is, it
    is the report's organization (a definite "the plant" is the report's company's plant).
    """
    keys = _subject_of_governing_verb(ctx, ctx.doc[start:end].root)
    if keys:
        return keys
    if prefer_main and ctx.main_org:
        return (ctx.main_org,)
    all_items = ctx.org_items(sent)
    items = _confident_first(ctx, all_items)
    c_start, c_end = ctx.clause_of(start)
    before = [k for s, e, k in items if c_start <= s and e <= start]
    if before:
        return before[-1]
    after = [k for s, e, k in all_items if s >= end and s < c_end]
    if after:
        return after[0]
    keys = _subject_of_governing_verb(ctx, sent.root)
    if keys:
        return keys
    before = [k for s, e, k in items if e <= start]
    if before:
        return before[-1]
    return (ctx.main_org,) if ctx.main_org else ()


def _confident_first(ctx: Context, items):
    """Drop names only guessed to be organizations (capitalized words nothing else vouches for)
    when the sentence also names organizations that NER, a legal form or a description vouch for."""
    sure = [it for it in items if _confidence(ctx, it) >= 0.7]
    return sure or items


def _confidence(ctx: Context, item) -> float:
    m = ctx.mention_at(item[0])
    return m.confidence if m is not None and m.start == item[0] else 0.8  # a resolved description


def subject_owner(ctx: Context, start: int, end: int) -> tuple[str, ...]:
    """The organization(s) that are the subject of the verb governing tokens ``start:end``, if any."""
    return _subject_of_governing_verb(ctx, ctx.doc[start:end].root)


def _subject_of_governing_verb(ctx: Context, tok: Token) -> tuple[str, ...]:
    for _ in range(6):
        if tok.pos_ in {"VERB", "AUX"} or tok.dep_ == "ROOT":
            for child in tok.children:
                if child.dep_ in SUBJECT_DEPS:
                    keys = _orgs_in_subtree_head(ctx, child)
                    if keys:
                        return keys
            if tok.dep_ not in {"xcomp", "conj", "advcl", "ccomp", "acl", "acl:relcl", "relcl"}:
                return ()
        if tok.head is tok:
            return ()
        tok = tok.head
    return ()


def _orgs_in_subtree_head(ctx: Context, tok: Token) -> tuple[str, ...]:
    """Organizations named by a subject: its own tokens, then a coordinated or apposed name."""
    m = ctx.mention_at(tok.i)
    if m is not None and ctx.entities[m.key].type == "Person":
        return ()  # "X, chief executive of Y, said the plant...": the plant is not Y's for that
    keys = list(ctx.orgs_at(tok.i))
    for child in tok.children:
        if child.dep_ in {"conj", "appos", "flat:name", "compound", "nmod"}:
            for k in ctx.orgs_at(child.i):
                if k not in keys:
                    keys.append(k)
    if not keys:
        for t in tok.subtree:
            keys.extend(k for k in ctx.orgs_at(t.i) if k not in keys)
            if keys:
                break
    return tuple(keys)


def place_after(ctx: Context, start: int, limit: int, types: tuple[str, ...] = PLACE_TYPES,
                stop: int | None = None) -> Mention | None:
    """The first place of ``types`` named within ``limit`` tokens after ``start`` (in its sentence)."""
    sent = ctx.doc[min(start, len(ctx.doc) - 1)].sent
    end = min(start + limit, sent.end, stop if stop is not None else sent.end)
    for i in range(start, end):
        m = ctx.mention_at(i)
        if m is not None and ctx.entities[m.key].type in types and not ctx.is_dateline(m):
            return m
    return None


def place_before(ctx: Context, end: int, limit: int, types: tuple[str, ...] = PLACE_TYPES) -> Mention | None:
    sent = ctx.doc[max(end - 1, 0)].sent
    for i in range(end - 1, max(end - limit, sent.start) - 1, -1):
        m = ctx.mention_at(i)
        if m is not None and ctx.entities[m.key].type in types and not ctx.is_dateline(m):
            return m
    return None


def entity_type(ctx: Context, key: str) -> str:
    return ctx.entities[key].type
