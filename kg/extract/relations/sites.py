"""``has_site_in``: an organization runs, builds or has decided to build a site in a town.

A site noun (``usine``, ``plant``, ``terminal``, ``centre de R&D``) or a production verb
(``has assembled buses at X``) with a town in its clause. The owner is named in the site's own
noun phrase (``l'usine N``, ``son usine``, ``X's plant``) or is the subject of the verb that
governs it; partners of a joint venture named in the sentence share its site. A site named
again without its town (``the hub``) is the one named before. Former sites (``l'ancienne
usine N``), hedged or abandoned plans and places only named in passing give no fact.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from kg.extract.context import Context
from kg.extract.mentions import Mention
from kg.extract.model import Fact
from kg.extract.relations import extractor
from kg.extract.relations.base import owner
from kg.extract.relations.partners import _partners, partners_in, ventures_in

LOCATIVE_BEFORE = frozenset({"à", "a", "au", "en", "in", "at", "near", "près", "dans"})
CHOICE_LEMMAS = frozenset({"choose", "select", "pick", "choisir", "retenir", "sélectionner", "préférer"})
STOP_KIND = frozenset({"à", "au", "in", "at", "dans", "sur", "on", "near", "près", ",", "(", "qui", "which", "that", "where", "où"})
CITY = ("City",)
DEFINITE = frozenset({"the", "l'", "l’", "le", "la", "cette", "ce", "this"})
LOCATIVE_CLITICS = frozenset({"y", "there"})
NEW_CLAUSE_SUBJECT = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})


@extractor("has_site_in")
def sites(ctx: Context, facts: list[Fact]) -> Iterator[Fact]:
    named: list[tuple[str, str]] = []  # (head noun, city key) of the sites named so far
    for sent in ctx.sents:
        for cue in ctx.site_nouns(sent):
            if ctx.is_hedged(cue.start):
                continue
            city = _site_city(ctx, sent, cue, named)
            if city is None or ctx.is_hedged(city.start):
                continue
            kind = _site_kind(ctx, cue, city)
            named.append((cue.root.lemma_.lower(), city.key))
            for org in _site_owners(ctx, sent, cue):
                yield Fact("has_site_in", org, city.key, ctx.evidence("site-noun", *_bounds(cue, city), 0.8),
                           qualifier=kind)
        yield from _production_sites(ctx, sent)
    yield from _capacity_sites(ctx, facts)


def _bounds(cue: Span, city) -> tuple[int, int]:
    return min(cue.start, city.start), max(cue.end, city.end)


def _after_former(ctx: Context, cue: Span) -> bool:
    window = ctx.doc[max(cue.start - 2, cue.sent.start):cue.start]
    return bool(ctx.find("former", window)) if len(window) else False


def _site_city(ctx: Context, sent: Span, cue: Span, named) -> Mention | object | None:
    c_start, c_end = ctx.clause_of(cue.start)
    for i in range(cue.end, min(cue.end + 14, c_end)):
        if ctx.doc[i].dep_ in NEW_CLAUSE_SUBJECT and ctx.doc[i].head.i != cue.root.head.i:
            break  # "..., and it has assembled buses at X": a new clause, a new place
        m = ctx.mention_at(i)
        if _a_town_here(ctx, m):
            return m
        if m is not None and ctx.entities[m.key].type in ("Country", "Region"):
            break  # "un projet d'usine en Espagne": a country, not a town
    clitic = any(t.lower_ in LOCATIVE_CLITICS for t in ctx.doc[max(cue.start - 5, sent.start):cue.start])
    definite = cue.start > sent.start and ctx.doc[cue.start - 1].lower_ in DEFINITE
    if definite and named and not clitic:
        # "the site", a site named before: a town earlier in the sentence ("a press conference in
        # Bergen ... links to the site") is not where it is
        return _earlier_site(cue, named)
    for i in range(cue.start - 1, max(c_start, cue.start - 25) - 1, -1):
        m = ctx.mention_at(i)
        if _a_town_here(ctx, m):
            if _anchored(ctx, m):
                return m
            break  # the nearest town before the site is not where it is: no other one is
    if clitic:
        return _last_city_before(ctx, cue.start)
    return _earlier_site(cue, named) if definite else None


def _earlier_site(cue: Span, named: list[tuple[str, str]]) -> _Ref | None:
    """The town of the last site named with the same noun ("the hub" after "a hub in X")."""
    earlier = [city for noun, city in named if noun == cue.root.lemma_.lower()]
    return _Ref(earlier[-1], cue.start, cue.end) if earlier else None


def _a_town_here(ctx: Context, m: Mention | None) -> bool:
    """Whether ``m`` is a town that may be where something is: not the dateline's, nor the
    landmark of a distance ("à 37 km de X")."""
    return m is not None and ctx.entities[m.key].type in CITY and not ctx.is_dateline(m) and not ctx.is_landmark(m)


class _Ref:
    """A town named earlier, standing in for a site's town named again without it."""

    def __init__(self, key: str, start: int, end: int) -> None:
        self.key, self.start, self.end = key, start, end


def _anchored(ctx: Context, m: Mention) -> bool:
    """A town before the site noun counts when it is where ("à X", "in X"), the subject, or chosen."""
    prev = ctx.doc[m.start - 1] if m.start > 0 else None
    if prev is not None and prev.lower_ in LOCATIVE_BEFORE:
        return True
    nxt = ctx.doc[m.end] if m.end < len(ctx.doc) else None
    if nxt is not None and ctx.find("site_nouns", ctx.doc[m.end:m.end + 2]):
        return True  # "the Varna Gateway dry port", "the Pune plant": the town names the site
    root = ctx.doc[m.start:m.end].root
    return root.dep_ in {"nsubj", "nsubj:pass", "nsubjpass"} or (root.dep_ in {"obj", "dobj"} and root.head.lemma_ in CHOICE_LEMMAS)


def _last_city_before(ctx: Context, i: int, exclude: set[str] = frozenset()) -> Mention | None:
    """The town named last before token ``i`` (what "y", "there" stand for), not a seat."""
    for j in range(i - 1, max(i - 120, 0) - 1, -1):
        m = ctx.mention_at(j)
        if _a_town_here(ctx, m) and m.key not in exclude:
            return m
    return None


def _site_owners(ctx: Context, sent: Span, cue: Span) -> tuple[str, ...]:
    explicit = () if _after_former(ctx, cue) else _owner_in_noun_phrase(ctx, cue)
    if explicit:
        return explicit
    definite = cue.start > sent.start and ctx.doc[cue.start - 1].lower_ in DEFINITE
    keys = owner(ctx, sent, cue.start, cue.end, prefer_main=definite)
    # "its partner X will open a plant": X's plant; "A and B will build a plant in a joint
    # venture": both partners'.
    partners = [p for c in ctx.find("partnership", sent) if not ctx.is_hedged(c.start) and not _possessed(ctx, c)
                for p in _partners(ctx, sent, c)]
    venture = _named_venture(ctx, sent, keys, partners)
    if venture:
        return venture
    if any(k in partners for k in keys) and len(set(partners)) >= 2:
        return tuple(dict.fromkeys(partners))
    return keys


def _possessed(ctx: Context, cue: Span) -> bool:
    """ "its partner", "son partenaire": a title before a name, not a partnership of its own."""
    return cue.start > 0 and ctx.doc[cue.start - 1].lower_ in ctx.lex.possessives


def _named_venture(ctx: Context, sent: Span, keys: tuple[str, ...], partners) -> tuple[str, ...]:
    """A joint venture with a name of its own ("A and B formed a joint venture, X, which will
    build...") owns the site its partners or itself are said to have, not its partners."""
    ventures = sorted(ventures_in(ctx, sent))
    if len(ventures) == 1 and keys and set(keys) <= {*partners, *ventures}:
        return (ventures[0],)
    return ()


def _owner_in_noun_phrase(ctx: Context, cue: Span) -> tuple[str, ...]:
    """ "l'usine N", "son usine", "N's plant", "the N plant"."""
    nxt = cue.end
    if nxt < len(ctx.doc) and ctx.orgs_at(nxt) and ctx.mention_at(nxt) is not None:
        return ctx.orgs_at(nxt)
    for i in range(cue.start - 1, max(cue.start - 4, cue.sent.start) - 1, -1):
        tok = ctx.doc[i]
        if tok.lower_ in ctx.lex.possessives or tok.text in {"'s", "’s"} or ctx.mention_at(i) is not None:
            keys = ctx.orgs_at(i) or (ctx.orgs_at(i - 1) if tok.text in {"'s", "’s"} else ())
            return keys
        if tok.is_punct or tok.pos_ in {"VERB", "AUX", "ADP"}:
            break
    return ()


def _site_kind(ctx: Context, cue: Span, city) -> str:
    """The site noun as written, with its complement ("usine de pneumatiques"), without the town."""
    end = cue.end
    limit = min(cue.end + 7, cue.sent.end, city.start if city.start > cue.start else cue.sent.end)
    while end < limit and ctx.doc[end].lower_ not in STOP_KIND and not ctx.mention_at(end):
        end += 1
    while end > cue.end and ctx.doc[end - 1].lower_ in {"de", "d'", "d’", "of", "du", "des", "en", "et", "and"}:
        end -= 1
    return ctx.doc[cue.start:end].text


def _capacity_sites(ctx: Context, facts: list[Fact]) -> Iterator[Fact]:
    """A capacity stated for a town ("at X, is designed for 14 GWh a year", "y disposera d'une
    capacité de 40 000 véhicules par an") places a site there."""
    for amount, span in ctx.amounts:
        if amount.kind != "quantity" or amount.unit is None or ctx.is_hedged(span.start):
            continue
        sent = span.sent
        seats = {f.obj for f in facts if f.relation == "headquartered_in"}
        city = None
        for m in ctx.in_sentence(sent, "City"):
            if m.start < span.start and ctx.doc[m.start - 1].lower_ in LOCATIVE_BEFORE and not ctx.is_dateline(m) \
                    and m.key not in seats:
                city = m
        if city is None and any(t.lower_ in LOCATIVE_CLITICS for t in ctx.doc[sent.start:span.start]):
            city = _last_city_before(ctx, sent.start, exclude=seats)
        if city is None:
            continue
        for org in _site_owners(ctx, sent, span):
            yield Fact("has_site_in", org, city.key, ctx.evidence("capacity-site", min(city.start, span.start),
                                                                  max(city.end, span.end), 0.6))


def _production_sites(ctx: Context, sent: Span) -> Iterator[Fact]:
    """ "has assembled buses at X", "produit des jantes à X": a production verb and a town."""
    for cue in ctx.find("production_verbs", sent):
        if cue.root.pos_ not in {"VERB", "AUX"} or ctx.is_hedged(cue.start):
            continue
        for i in range(cue.end, min(cue.end + 8, sent.end)):
            m = ctx.mention_at(i)
            if m is not None and ctx.entities[m.key].type in CITY and ctx.doc[i - 1].lower_ in LOCATIVE_BEFORE:
                keys = owner(ctx, sent, cue.start, cue.end)
                for org in _named_venture(ctx, sent, keys, partners_in(ctx, sent)) or keys:
                    yield Fact("has_site_in", org, m.key, ctx.evidence("production-verb", cue.start, m.end, 0.6),
                               qualifier=ctx.doc[cue.start:m.start - 1].text)
                break
