"""Which tokens stand in a clause that is only considered, rumoured, denied or hypothetical.

A fact whose trigger lies in such a clause is not extracted. A cue (``pourrait``, ``étudie``,
``could``, ``is weighing``, ``a renoncé``) hedges its own clause from the cue onwards; when the cue
governs the whole sentence (it is, or attaches to, the sentence's root) it hedges the sentence.
Clauses end at ``;``, ``:``, ``mais``, ``but``.
"""
from __future__ import annotations

from spacy.tokens import Span

from kg.extract.context import Context, head_verb

ROOT_DEPS = frozenset({"ROOT"})
RELATIVE = frozenset({"relcl", "acl:relcl"})


def hedged_tokens(ctx: Context) -> set[int]:
    hedged: set[int] = set()
    for sent in ctx.sents:
        for cue in ctx.find("hedges", sent) + _negations(ctx, sent):
            if _is_date(cue) or _reported_plan(ctx, cue):
                continue  # "In May, ...": a month, not a modal
            hedged.update(_scope(ctx, sent, cue))
    return hedged


def _is_date(cue: Span) -> bool:
    tok = cue[0]
    return tok.ent_type_ in {"DATE", "TIME"} or (tok.text[:1].isupper() and not tok.is_sent_start and len(cue) == 1)


def _reported_plan(ctx: Context, cue: Span) -> bool:
    """ "X said the factory would assemble 300,000 cars a year": the future of reported speech,
    not a hypothesis."""
    if cue.text.lower() not in ctx.lex.reported_future:
        return False
    verb = cue.root.head
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb.dep_ == "ccomp" and verb.head.lemma_ in ctx.lex.reporting_verbs


def _negations(ctx: Context, sent: Span) -> list[Span]:
    """Negation cues that bear on a verb (not "no" in "no longer than" and the like)."""
    cues = []
    for cue in ctx.find("negations", sent):
        head = cue.root.head
        if cue.root.pos_ in {"VERB", "AUX"} or head.pos_ in {"VERB", "AUX"} or cue.root.dep_ in {"neg", "advmod"}:
            cues.append(cue)
    return cues


def _scope(ctx: Context, sent: Span, cue: Span) -> range | list[int]:
    root = cue.root
    governs_sentence = root.dep_ in ROOT_DEPS or (root.head.dep_ in ROOT_DEPS and root.dep_ in {
        "aux", "aux:tense", "aux:pass", "neg", "advmod", "xcomp", "auxpass"})
    start, end = ctx.clause_of(cue.start)
    if root.dep_ == "mark" or root.lower_ in {"if", "si", "unless", "whether"}:
        return range(start, end)  # "If demand grows, X will build...": the condition hedges the whole
    if not governs_sentence:
        # The clause the cue belongs to: the subtree of the verb it bears on (its subject included:
        # "a second factory in X may follow"), within the cue's clause.
        verb = head_verb(root) if root.pos_ not in {"VERB", "AUX"} or root.dep_ in {"aux", "aux:tense", "aux:pass", "auxpass"} else root
        if verb.pos_ in {"AUX"} and verb.head is not verb:
            verb = verb.head
        if verb.dep_ not in ROOT_DEPS:
            return [t.i for t in verb.subtree if start <= t.i < end]
        return range(cue.start, end)
    # A cue on the main verb hedges its clause, but not a relative clause inside it: in "X, which
    # is building a plant, is expected to buy cells", the plant is a fact.
    spared = {t.i for tok in sent if tok.dep_ in RELATIVE and not (tok.left_edge.i <= cue.start <= tok.right_edge.i)
              for t in tok.subtree}
    return [i for i in range(start, end) if i not in spared]
