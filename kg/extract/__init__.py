"""Extraction: spaCy pipelines whose kg components annotate the Doc with entities and facts.

``kg_mentions`` finds and types the names and clusters them into entities, ``kg_coref`` resolves
descriptions and pronouns, ``kg_modality`` marks hedged clauses and ``kg_relations`` runs the
relation extractors; each writes to ``doc._.kg`` (a :class:`~kg.extract.context.Context`).
:func:`extract` runs a report's text through the pipeline of its language and returns an
:class:`~kg.extract.model.Extraction`; RDF is built from that, in :mod:`kg.graph`.
"""
from __future__ import annotations

import gc
import re
from collections.abc import Sequence
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import ModelError
from kg.extract.context import Context
from kg.extract.coref import resolve_references
from kg.extract.entities import cluster
from kg.extract.lang import lexicon
from kg.extract.mentions import find_mentions, text_of
from kg.extract.modality import hedged_tokens
from kg.extract.model import Extraction
from kg.extract.relations import extract_facts
from kg.extract.sentences import kg_sentences  # noqa: F401  (registers the component)

__all__ = ["extract", "extract_many", "load_pipeline"]

if not Doc.has_extension("kg"):
    Doc.set_extension("kg", default=None)

BATCH_SIZE = 32  # texts a language that nlp.pipe runs together
KG_COMPONENTS = ("kg_mentions", "kg_coref", "kg_modality", "kg_relations")


@Language.factory("kg_mentions", assigns=["doc._.kg"], requires=["doc.ents", "token.dep", "token.pos"])
def make_mentions(nlp: Language, name: str):
    lex = lexicon(nlp.lang)

    def kg_mentions(doc: Doc) -> Doc:
        dateline = _dateline(doc, lex)
        mentions = find_mentions(doc, lex, dateline)
        entities = cluster(doc, mentions, lex)
        doc._.kg = Context(doc=doc, lex=lex, mentions=mentions, entities=entities, dateline=dateline)
        return doc

    return kg_mentions


@Language.factory("kg_coref", assigns=["doc._.kg"], requires=["doc._.kg"])
def make_coref(nlp: Language, name: str):
    def kg_coref(doc: Doc) -> Doc:
        doc._.kg.references = resolve_references(doc._.kg)
        return doc

    return kg_coref


@Language.factory("kg_modality", assigns=["doc._.kg"], requires=["doc._.kg"])
def make_modality(nlp: Language, name: str):
    def kg_modality(doc: Doc) -> Doc:
        doc._.kg.hedged = hedged_tokens(doc._.kg)
        return doc

    return kg_modality


@Language.factory("kg_relations", assigns=["doc._.kg"], requires=["doc._.kg"])
def make_relations(nlp: Language, name: str):
    def kg_relations(doc: Doc) -> Doc:
        ctx = doc._.kg
        ctx.facts = extract_facts(ctx)
        return doc

    return kg_relations


def _dateline(doc: Doc, lex) -> tuple[int, int] | None:
    """Token span of the dateline a wire report opens with ("AKTAU, Kazakhstan —")."""
    m = re.match(lex.dateline, text_of(doc))
    if not m:
        return None
    span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
    return (span.start, span.end) if span is not None else None


@cache
def load_pipeline(lang: str) -> Language:
    """The spaCy pipeline of a language with kg's components added (loaded once per process)."""
    lex = lexicon(lang)
    try:
        nlp = spacy.load(lex.model)
    except OSError as exc:
        raise ModelError(f"the spaCy pipeline {lex.model!r} for {lang!r} is not installed "
                         f"(pip install the package of the same name): {exc}") from None
    nlp.add_pipe("kg_sentences", before="parser")
    for name in KG_COMPONENTS:
        nlp.add_pipe(name)
    # A pipeline is half a million Python objects that live as long as the process: out of the
    # cyclic garbage collector's sight (frozen), its full collections no longer walk them all,
    # which cost a build 1.3 ms a report. What is garbage now is collected first, not frozen.
    gc.collect()
    gc.freeze()
    return nlp


def extract(text: str, lang: str) -> Extraction:
    """Entities and facts of one report's text."""
    return to_extraction(load_pipeline(lang)(text), lang)


def extract_many(texts: Sequence[tuple[str, str]], batch_size: int = BATCH_SIZE) -> list[Extraction | Exception]:
    """Extractions of ``(text, lang)`` pairs, in order; a text whose extraction raised gives
    its exception in its place, so that one bad text never costs the others theirs.

    Texts of one language go through ``nlp.pipe`` together: spaCy's models run on batches
    faster than on one text at a time. When a batch raises, its texts are extracted again one
    by one, to find the one that failed.
    """
    results: list[Extraction | Exception | None] = [None] * len(texts)
    by_lang: dict[str, list[int]] = {}
    for index, (_, lang) in enumerate(texts):
        by_lang.setdefault(lang, []).append(index)
    for lang, indices in by_lang.items():
        try:
            nlp = load_pipeline(lang)
            docs = nlp.pipe((texts[i][0] for i in indices), batch_size=batch_size)
            for index, doc in zip(indices, docs):
                results[index] = to_extraction(doc, lang)
        except Exception:  # noqa: BLE001  (isolated below, text by text)
            for index in indices:
                try:
                    results[index] = extract(texts[index][0], lang)
                except Exception as exc:  # noqa: BLE001  (the caller reports it for its text)
                    results[index] = exc
    return results  # type: ignore[return-value]  (every slot is filled)


def to_extraction(doc: Doc, lang: str) -> Extraction:
    """The extraction the kg components left on ``doc``, which lets go of it: the doc and its
    context point at each other, and such a cycle would wait for the cyclic garbage collector,
    holding the doc's arrays, instead of going when the last reference does."""
    ctx: Context = doc._.kg
    doc._.kg = None
    used = _used_entities(ctx)
    return Extraction(lang=lang, entities={k: v for k, v in ctx.entities.items() if k in used}, facts=list(ctx.facts))


def _used_entities(ctx: Context) -> set[str]:
    used: set[str] = set()
    for f in ctx.facts:
        for value in (f.subject, f.obj, f.qualifier):
            if isinstance(value, str) and value in ctx.entities:
                used.add(value)
    return used
