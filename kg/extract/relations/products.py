"""``produces``: the products and materials an organization makes.

From a production verb's object (``fabriquera des composants``, ``will make battery cells``), a
plant's complement (``usine de pneumatiques``), a maker's description (``le fabricant de jantes
en aluminium X``, ``the electric-vehicle maker``) and a capacity's product. Coordinated
adjectives are distributed (``electric and plug-in hybrid vehicles`` → two products); generic
counts (``véhicules``, ``units``) are not products.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.context import Context
from kg.extract.model import Fact
from kg.extract.relations import extractor
from kg.extract.relations.base import subject_owner

GENERIC_COUNTS = frozenset(
    "véhicules vehicles voitures cars unités units pièces pieces teu conteneurs containers tonnes tons "
    "exemplaires emplois jobs personnes people salariés workers modèles models produits products".split()
)
DETERMINERS = frozenset({"des", "de", "d'", "d’", "du", "les", "la", "le", "l'", "l’", "the", "a", "an", "its", "ses", "son", "sa", "leurs", "their", "some"})
# Verbs whose capacity counts what a plant takes in: "traiter", "transformer", "process".
PROCESSING_LEMMAS = frozenset({"transformer", "traiter", "raffiner", "recycler", "broyer", "manutentionner",
                               "process", "convert", "refine", "recycle", "crush", "handle"})
PROCESS_WINDOW = 4  # tokens before a capacity where its verb stands
PHRASE_WORDS = frozenset({"de", "d'", "d’", "en", "à", "base", "of"})
STOP_POS = frozenset({"VERB", "AUX", "PUNCT", "NUM", "PRON", "SCONJ", "CCONJ", "ADV"})
NOT_PRODUCTS = re.compile(r"(?i)^(?:production|capacit|site|usine|plant|factory|projet|project|investissement|investment|"
                          r"tonnes?|ligne|line|an|year|année|phase|emplois?|jobs?|travail|work|terrain|plot)")


@extractor("produces")
def products(ctx: Context, facts: list[Fact]) -> Iterator[Fact]:
    for sent in ctx.sents:
        for cue in ctx.find("production_verbs", sent):
            if cue.root.pos_ in {"VERB", "AUX"} and not ctx.is_hedged(cue.start):
                after = cue.end
                while after < sent.end and ctx.doc[after].pos_ == "ADV":  # "fabrique déjà de l'insuline"
                    after += 1
                phrase = noun_phrase_after(ctx, after)
                yield from _facts(ctx, sent, cue.start, cue.end, phrase, "production-object")
        for cue in ctx.find("site_nouns", sent):
            if cue.end < sent.end and ctx.doc[cue.end].lower_ in {"de", "d'", "d’"} and not ctx.is_hedged(cue.start):
                phrase = noun_phrase_after(ctx, cue.end + 1, allow_bare=True)
                if phrase and _is_product(phrase, ctx):
                    from kg.extract.relations.sites import _site_owners
                    for org in _site_owners(ctx, sent, cue):
                        for name in split_coordination(phrase):
                            yield _product_fact(ctx, org, name, ctx.evidence("plant-of", cue.start, cue.end, 0.65))
        for cue in ctx.find("maker_nouns", sent):
            yield from _maker(ctx, sent, cue)
    for fact in list(facts):
        if fact.relation == "capacity" and fact.qualifier and _is_product(fact.qualifier, ctx) \
                and not _processed(ctx, fact):
            for name in split_coordination(fact.qualifier):
                yield _product_fact(ctx, fact.subject, name, fact.evidence)


def _processed(ctx: Context, fact: Fact) -> bool:
    """ "transformera 125 000 tonnes de pois par an", "will process 2 Mt of ore a year": what a
    plant takes in, not what it makes."""
    ev = fact.evidence
    span = ctx.doc.char_span(ev.start, ev.end, alignment_mode="expand") if ev.start is not None else None
    if span is None:
        return False
    window = ctx.doc[max(span.start - PROCESS_WINDOW, span.sent.start):span.end]
    return any(t.lemma_.lower() in PROCESSING_LEMMAS for t in window)


def _maker(ctx: Context, sent, cue) -> Iterator:
    """ "le fabricant (chinois) de X Y" → Y produces X; "the X maker" → the maker produces X."""
    i = cue.end
    while i < sent.end and ctx.doc[i].pos_ == "ADJ":
        i += 1
    if i < sent.end and ctx.doc[i].lower_ in {"de", "d'", "d’", "of"}:
        phrase = noun_phrase_after(ctx, i + 1, allow_bare=True)
        yield from _facts(ctx, sent, cue.start, cue.end, phrase, "maker-of")
    elif cue.start > sent.start:
        j = cue.start
        while j > sent.start and (ctx.doc[j - 1].pos_ in {"NOUN", "ADJ", "PROPN"} or ctx.doc[j - 1].text == "-") \
                and not ctx.orgs_at(j - 1) and ctx.mention_at(j - 1) is None:
            j -= 1
        if j < cue.start and ctx.doc[j].lower_ not in DETERMINERS:
            yield from _facts(ctx, sent, cue.start, cue.end, ctx.doc[j:cue.start].text, "compound-maker")


def _facts(ctx: Context, sent, start: int, end: int, phrase: str | None, rule: str) -> Iterator[Fact]:
    if not phrase or not _is_product(phrase, ctx):
        return
    for org in _maker_of(ctx, sent, start, end):
        for name in split_coordination(phrase):
            yield _product_fact(ctx, org, name, ctx.evidence(rule, start, end, 0.65))


def _maker_of(ctx: Context, sent, start: int, end: int) -> tuple[str, ...]:
    """Who makes it: the organization the trigger names or stands for ("le fabricant de X"), the
    subject of its verb, or, when that subject is a site or a description, its owner. A verb with
    no such subject says nothing of who makes what ("factories making appliances")."""
    keys = ctx.orgs_at(start) or subject_owner(ctx, start, end)
    if keys:
        return keys
    root = ctx.doc[start:end].root
    subjects = [c for c in root.children if c.dep_ in {"nsubj", "nsubj:pass", "nsubjpass"}]
    if any(ctx.find("site_nouns", ctx.doc[c.i:c.i + 1]) for c in subjects):
        from kg.extract.relations.sites import _site_owners
        return _site_owners(ctx, sent, ctx.doc[start:end])
    if root.dep_ in {"acl", "acl:relcl", "relcl"} and ctx.find("site_nouns", ctx.doc[root.head.i:root.head.i + 1]):
        return subject_owner(ctx, root.head.i, root.head.i + 1)  # "X ouvrira une usine qui fabriquera Y"
    if root.dep_ == "amod" and root.i == root.head.i + 1 and ctx.find("site_nouns", ctx.doc[root.head.i:root.i]):
        # "L'usine produit de l'insuline": the parser took the verb for an adjective of the plant
        from kg.extract.relations.sites import _site_owners
        return _site_owners(ctx, sent, ctx.doc[root.head.i:root.i])
    return ()


def _product_fact(ctx: Context, org: str, name: str, evidence) -> Fact:
    key = ctx.product_key(name)
    return Fact("produces", org, key, evidence)


def _is_product(phrase: str, ctx: Context | None = None) -> bool:
    words = phrase.lower().split()
    if ctx is not None and words and ctx.lex.rx("site_nouns").fullmatch(words[-1]):
        return False  # "cell factory": a plant, not what it makes
    return bool(words) and not NOT_PRODUCTS.match(phrase) and not (len(words) == 1 and words[0] in GENERIC_COUNTS) \
        and not any(ch.isdigit() for ch in words[0])


def split_coordination(phrase: str) -> list[str]:
    """ "electric and plug-in hybrid vehicles" → both; "cells and modules" → both; "A, B et C" → three."""
    if "," in phrase:
        head, _, last = phrase.rpartition(",")
        items = [p.strip() for p in head.split(",")] + split_coordination(last.strip())
        return [i for i in items if i]
    m = re.match(r"^(.+?)\s+(?:and|et|&)\s+(.+)$", phrase)
    if not m:
        return [phrase]
    left, right = m.group(1), m.group(2)
    right_words = right.split()
    if len(left.split()) == 1 and len(right_words) >= 2 and left.lower() not in GENERIC_COUNTS \
            and not re.match(r"(?i)^(?:de|des|d'|du|en)\b", right):
        head = right_words[-1]
        if left[0].islower() and left.endswith(("ic", "al", "ed", "ique", "ain", "en")) or left.lower() in {"electric", "électriques", "électrique", "hybrid"}:
            return [f"{left} {head}", right]
    if re.match(r"(?i)^(?:de|des|d'|du)\s", right):
        if re.search(r"(?i)\s(?:de|des|d['’]|du)\s?", left):
            return [phrase]  # "composants de châssis et de moteur": one product
        return [left, re.sub(r"(?i)^(?:de|des|d'|du)\s+", "", right)]  # "insuline et des stylos": two
    return [left, right]


def noun_phrase_after(ctx: Context, start: int, skip: frozenset[str] = frozenset(), allow_bare: bool = False) -> str | None:
    """The noun phrase starting at ``start`` (after determiners), up to a verb, a preposition
    that does not build a compound noun, punctuation or a name."""
    doc = ctx.doc
    sent_end = doc[min(start, len(doc) - 1)].sent.end
    i = start
    while i < sent_end and (doc[i].lower_ in DETERMINERS or doc[i].lower_ in skip):
        i += 1
    if i >= sent_end or doc[i].pos_ not in {"NOUN", "PROPN", "ADJ", "X"} or doc[i].like_num:
        return None
    if ctx.mention_at(i) is not None and ctx.entities[ctx.mention_at(i).key].type != "Other":
        return None
    end = i + 1
    while end < sent_end and end - i < 9:
        tok = doc[end]
        if (tok.pos_ in {"NOUN", "ADJ", "PROPN", "X"} or _participle(tok)) and ctx.mention_at(end) is None:
            end += 1
        elif tok.text == "-" or (tok.lower_ in PHRASE_WORDS and end + 1 < sent_end and doc[end + 1].pos_ in {"NOUN", "ADJ", "PROPN"}
                                  and ctx.mention_at(end + 1) is None):
            end += 2 if tok.text != "-" else 1
        elif tok.lower_ in {"et", "and"} and end + 1 < sent_end and _continues(doc, end + 1, sent_end):
            end += 1
            while doc[end].lower_ in {"des", "du", "d'", "d’"}:  # "de l'insuline et des stylos"
                end += 1
        elif tok.text == "," and _list_goes_on(doc, end + 1, sent_end):
            end += 1  # "rond à béton, fil machine et tubes": a list of products
        else:
            break
    if not any(t.pos_ in {"NOUN", "PROPN"} for t in doc[i:end]):
        return None  # "nominale", "annuelle": an adjective alone names nothing
    phrase = doc[i:end].text.strip(" -")
    return phrase or None


def _participle(tok) -> bool:
    """ "aluminium coulé": a past participle used as an adjective, with nothing depending on it."""
    return "Part" in tok.morph.get("VerbForm") and tok.dep_ in {"amod", "acl"} and not list(tok.children)


def _list_goes_on(doc, i: int, sent_end: int) -> bool:
    """After a comma: another noun, and an "et"/"and" later before the phrase ends."""
    if i >= sent_end or doc[i].pos_ != "NOUN":
        return False
    for tok in doc[i:min(i + 6, sent_end)]:
        if tok.lower_ in {"et", "and"}:
            return True
        if tok.pos_ in {"VERB", "AUX", "PUNCT"} and tok.text != ",":
            return False
    return False


def _continues(doc, i: int, sent_end: int) -> bool:
    """After "et"/"and": another noun of the same phrase ("cells and modules", "et de moteur")."""
    j = i
    while j < sent_end and doc[j].lower_ in {"de", "d'", "d’", "des", "du", "plug-in"}:
        j += 1
    return j < sent_end and doc[j].pos_ in {"NOUN", "ADJ"} and not doc[j].like_num
