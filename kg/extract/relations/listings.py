"""``stock_code``: "coté sous le code 601238", "listed in Hong Kong under 2333", "ticker GLW".

A code is a run of 3 to 6 digits (leading zeros kept) or an upper-case ticker, right after a
code cue, in a sentence that speaks of a listing. The exchange is the one named nearest before
the code ("Bourse de Paris", "Euronext Lisbon", "in Hong Kong").
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.context import Context
from kg.extract.model import Code, Fact
from kg.extract.relations import extractor
from kg.extract.relations.base import owner, place_before

DIGITS = re.compile(r"^\d{3,6}(?:\.[A-Z]{1,3})?$")
TICKER = re.compile(r"^[A-Z][A-Z0-9.]{1,11}$")  # NSE codes run long: "TATASTEEL"
TICKER_CUES = frozenset({"ticker", "symbol", "symbole", "code", "mnémonique"})


@extractor("stock_code")
def listings(ctx: Context, facts: list[Fact]) -> Iterator[Fact]:
    for sent in ctx.sents:
        if not ctx.find("listing", sent):
            continue
        for cue in ctx.find("listing_code_cue", sent):
            code = _code_after(ctx, cue)
            if code is None or ctx.is_hedged(code.start):
                continue
            exchange = _exchange_before(ctx, sent, code.start)
            for org in owner(ctx, sent, cue.start, cue.end):
                yield Fact("stock_code", org, Code(code.text), ctx.evidence("listing-code", cue.start, code.end, 0.9),
                           qualifier=exchange)


def _code_after(ctx: Context, cue: Span) -> Span | None:
    for tok in ctx.doc[cue.end:min(cue.end + 4, cue.sent.end)]:
        if DIGITS.match(tok.text) and not _is_year(tok):
            return ctx.doc[tok.i:tok.i + 1]
        if TICKER.match(tok.text) and cue.root.lower_ in TICKER_CUES and not ctx.mention_at(tok.i):
            end = tok.i + 1
            if end < cue.sent.end and re.fullmatch(r"[A-Z]", ctx.doc[end].text):
                end += 1  # a share class: "NOVO B"
            return ctx.doc[tok.i:end]
        if tok.pos_ not in {"DET", "NOUN", "ADP", "PUNCT"}:
            break
    return None


def _is_year(tok: Token) -> bool:
    return len(tok.text) == 4 and 1900 <= int(tok.text) <= 2100 and tok.nbor(-1).lower_ in {"en", "in", "since", "depuis"}


def _exchange_before(ctx: Context, sent: Span, i: int) -> str | None:
    prefix = ctx.doc[sent.start:i]
    found = list(re.finditer(ctx.lex.exchange, prefix.text))
    if found:
        return found[-1].group(0).strip()
    place = place_before(ctx, i, 6, ("City", "Country"))
    return ctx.doc[place.start:place.end].text if place is not None else None
