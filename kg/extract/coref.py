"""Descriptions and pronouns resolved to the organizations they stand for.

Reports name a company once and then call it ``le groupe``, ``la société``, ``le fabricant
chinois``, ``the carmaker``, ``il``, ``its``. kg follows the discourse focus: the organization a
sentence is about (its subject, else the first one it names) stays in focus until another takes
its place, and a description refers to the organization in focus. Plural descriptions (``les deux
partenaires``, ``the two companies``, ``they``) refer to the last group of organizations named
together.
"""
from __future__ import annotations

from spacy.tokens import Span

from kg.extract.context import Context, Reference

SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj"})
APPOSITION_ARTICLES = frozenset({"the", "a", "an", "le", "la", "l'", "l’", "un", "une"})


def resolve_references(ctx: Context) -> list[Reference]:
    refs: list[Reference] = []
    previous_subject: str | None = None
    group: tuple[str, ...] = ()
    introduced = _introduced_as(ctx)
    for sent in ctx.sents:
        named = ctx.in_sentence(sent, "Organization")
        for start, end, plural in _reference_spans(ctx, sent):
            if _touches_name(ctx, start, end):
                continue
            pronoun = end - start == 1 and ctx.doc[start].lower_ in ctx.lex.pronouns
            nearest = [m for m in named if m.end <= start and not _oblique(ctx, m)]
            if pronoun and nearest:
                keys = (nearest[-1].key,)  # "X ... ; elle est cotée": a pronoun takes the nearest name
            elif not plural and introduced.get((ctx.doc[end - 1].lemma_.lower(), start)):
                keys = (introduced[(ctx.doc[end - 1].lemma_.lower(), start)],)
            else:
                keys = group if plural else _antecedent(ctx, named, refs, sent, start, previous_subject)
            if keys:
                refs.append(Reference(start, end, tuple(keys), plural))
        previous_subject = _subject_org(ctx, sent, named, refs)
        together = _named_together(ctx, sent)
        if len(together) >= 2:
            group = together
    return refs


class _Introductions(dict):
    """Description nouns an apposition gave an organization ("Norvik, the company set up by...",
    "Acme, a Turin-based group"): a later "the company" is that organization, if only one was
    introduced so. Looked up by (noun, position): only introductions made before count."""

    def get(self, key, default=None):
        noun, position = key
        found = {k for (n, at), k in self.items() if n == noun and at < position}
        return found.pop() if len(found) == 1 else default

    def __getitem__(self, key):
        return self.get(key)


def _introduced_as(ctx: Context) -> _Introductions:
    intro = _Introductions()
    doc = ctx.doc
    for m in ctx.mentions:
        if not m.key or ctx.entities[m.key].type != "Organization":
            continue
        i = m.end
        if i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ in APPOSITION_ARTICLES:
            for tok in doc[i + 2:min(i + 6, len(doc))]:
                if tok.pos_ == "NOUN":
                    intro[(tok.lemma_.lower(), tok.i)] = m.key
                    break
                if tok.is_punct:
                    break
    return intro


def _antecedent(ctx: Context, named, refs: list[Reference], sent: Span, start: int,
                previous_subject: str | None) -> tuple[str, ...]:
    """A singular description's organization: a subject named before it in its sentence, else the
    subject of the sentence before, else the organization the report is about."""
    for m in named:
        if m.end <= start and _is_subject(ctx, m.start, m.end):
            return (m.key,)
    for r in refs:
        if sent.start <= r.start and r.end <= start and not r.plural and _is_subject(ctx, r.start, r.end):
            return r.keys
    if previous_subject:
        return (previous_subject,)
    return (ctx.main_org,) if ctx.main_org else ()


def _oblique(ctx: Context, m) -> bool:
    """A name in a prepositional phrase ("filiale du groupe X", "a unit of X") is no antecedent
    for a subject pronoun."""
    before = [t for t in ctx.doc[max(m.start - 2, 0):m.start]]
    return any(t.pos_ == "ADP" for t in before)


def _is_subject(ctx: Context, start: int, end: int) -> bool:
    return any(t.dep_ in SUBJECT_DEPS or (t.head.dep_ in SUBJECT_DEPS and t.dep_ in {"appos", "flat:name", "compound"})
               for t in ctx.doc[start:end])


def _subject_org(ctx: Context, sent: Span, named, refs: list[Reference]) -> str | None:
    for m in named:
        if _is_subject(ctx, m.start, m.end):
            return m.key
    for r in refs:
        if sent.start <= r.start < sent.end and not r.plural and _is_subject(ctx, r.start, r.end):
            return r.keys[0]
    return None


def _reference_spans(ctx: Context, sent: Span) -> list[tuple[int, int, bool]]:
    found = [(s.start, s.end, False) for s in ctx.find("descriptions", sent)]
    found += [(s.start, s.end, True) for s in ctx.find("plural_descriptions", sent)]
    for tok in sent:
        if tok.lower_ in ctx.lex.pronouns and tok.dep_ in SUBJECT_DEPS:
            found.append((tok.i, tok.i + 1, False))
        elif tok.lower_ in ctx.lex.plural_pronouns and tok.dep_ in SUBJECT_DEPS:
            found.append((tok.i, tok.i + 1, True))
        elif tok.lower_ in ctx.lex.possessives and tok.i + 1 < sent.end and not tok.nbor(1).is_punct:
            found.append((tok.i, tok.i + 1, tok.lower_ in {"their", "leur", "leurs"}))
    found.sort()
    kept: list[tuple[int, int, bool]] = []
    for item in found:
        if kept and item[0] < kept[-1][1]:
            continue
        kept.append(item)
    return kept


def _touches_name(ctx: Context, start: int, end: int) -> bool:
    """A description right before a name is the name's determiner phrase: "le groupe X"."""
    for i in range(end, min(end + 3, len(ctx.doc))):
        m = ctx.mention_at(i)
        if m is not None and ctx.entities[m.key].type == "Organization":
            return all(not ctx.doc[j].is_punct for j in range(end, i))
    return False


def _named_together(ctx: Context, sent: Span) -> tuple[str, ...]:
    """The organizations a sentence brings together: the partners of a partnership it states,
    else organizations coordinated by "et", "and", "avec", "with"."""
    from kg.extract.relations.partners import partners_in

    found = partners_in(ctx, sent)
    if len(found) >= 2:
        return tuple(found)
    named = ctx.in_sentence(sent, "Organization")
    keys: list[str] = []
    for a, b in zip(named, named[1:]):
        between = {t.lower_ for t in ctx.doc[a.end:b.start]}
        if between & {"et", "and", "avec", "with", "&"} and b.start - a.end <= 8:
            for k in (a.key, b.key):
                if k not in keys:
                    keys.append(k)
    return tuple(keys)
