"""What every relation extractor needs to know about a parsed report.

A :class:`Context` holds the doc, its typed mentions clustered into entities, the descriptions
and pronouns resolved to the organizations they stand for (``le groupe``, ``the company``,
``les deux partenaires``), which tokens stand in a hedged or negated clause, and the helpers
that make evidence. Relation extractors read it; they never parse text themselves.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from kg.extract.lang import Lexicon
from kg.extract.lang.guard import compile_guarded
from kg.extract.mentions import Mention, amounts_of, fold, text_of
from kg.extract.numbers import Amount
from kg.places import gazetteer
from kg.extract.model import Entity, Evidence

CLAUSE_BREAKS = frozenset({";", ":", "mais", "but", "while", "whereas", "tandis", "alors", "puis", "then"})


@dataclass
class Reference:
    """A description or pronoun that stands for one or more organizations."""

    start: int
    end: int
    keys: tuple[str, ...]
    plural: bool = False


@dataclass
class Context:
    doc: Doc
    lex: Lexicon
    mentions: list[Mention]
    entities: dict[str, Entity]
    references: list[Reference] = field(default_factory=list)
    hedged: set[int] = field(default_factory=set)  # token indices in a hedged or negated clause
    dateline: tuple[int, int] | None = None  # token span of the dateline
    facts: list = field(default_factory=list)

    # lookup --------------------------------------------------------------------------------
    @cached_property
    def by_token(self) -> dict[int, Mention]:
        return {i: m for m in self.mentions if m.key for i in range(m.start, m.end)}

    @cached_property
    def ref_by_token(self) -> dict[int, Reference]:
        return {i: r for r in self.references for i in range(r.start, r.end)}

    def mention_at(self, i: int) -> Mention | None:
        return self.by_token.get(i)

    @cached_property
    def sents(self) -> list[Span]:
        """The sentences, computed once (``Doc.sents`` walks every token each time)."""
        return list(self.doc.sents)

    @cached_property
    def _mentions_by_sentence(self) -> dict[int, list[Mention]]:
        by: dict[int, list[Mention]] = {}
        starts = [s.start for s in self.sents]
        for m in self.mentions:
            if m.key:
                by.setdefault(starts[bisect.bisect_right(starts, m.start) - 1], []).append(m)
        return by

    def in_sentence(self, sent: Span, *types: str) -> list[Mention]:
        return [m for m in self._mentions_by_sentence.get(sent.start, ())
                if not types or self.entities[m.key].type in types]

    def orgs_at(self, i: int) -> tuple[str, ...]:
        """The organizations the token at ``i`` names or stands for."""
        m = self.by_token.get(i)
        if m is not None and self.entities[m.key].type == "Organization":
            return (m.key,)
        r = self.ref_by_token.get(i)
        return r.keys if r is not None else ()

    def org_items(self, sent: Span) -> list[tuple[int, int, tuple[str, ...]]]:
        """(start, end, keys) of every organization named or referred to in the sentence, in order."""
        items = [(m.start, m.end, (m.key,)) for m in self.in_sentence(sent, "Organization")]
        items += [(r.start, r.end, r.keys) for r in self.references if sent.start <= r.start < sent.end]
        return sorted(items)

    def is_dateline(self, m: Mention) -> bool:
        return self.dateline is not None and self.dateline[0] <= m.start < self.dateline[1]

    def site_nouns(self, span: Span) -> list[Span]:
        """The site nouns of ``span`` ("usine", "plant", "complex"), less a one-word match the
        tagger reads as an adjective ("a complex deal", "une tâche complexe")."""
        return [c for c in self.find("site_nouns", span) if len(c) > 1 or c.root.pos_ != "ADJ"]

    @cached_property
    def _landmarks(self) -> frozenset[int]:
        return frozenset(tokens.end for _, _, tokens in self._doc_matches(self.lex.rx("distance")))

    def is_landmark(self, m: Mention) -> bool:
        """Whether ``m`` is the landmark of a distance ("à 37 km de X", "25 miles west of X"):
        named to say how far a place is, it is not where the place is."""
        return m.start in self._landmarks

    @cached_property
    def main_org(self) -> str | None:
        """The organization the report is about: the most often named, the first on ties."""
        counts = Counter(m.key for m in self.mentions if m.key and self.entities[m.key].type == "Organization")
        counts.update(k for r in self.references for k in r.keys)
        if not counts:
            return None
        first = {m.key: m.start for m in reversed(self.mentions) if m.key}
        return max(counts, key=lambda k: (counts[k], -first.get(k, 0)))

    @cached_property
    def amounts(self) -> list[tuple[Amount, Span]]:
        """Every amount of money and quantity of the text, with its token span."""
        found = []
        for amount in amounts_of(self.doc, self.lex.lang):
            span = self.doc.char_span(amount.start, amount.end, alignment_mode="expand")
            if span is not None and len(span):
                found.append((amount, span))
        return found

    def product_key(self, name: str) -> str:
        """The key of the product named ``name``, made on first use."""
        key = f"product:{fold(name)}"
        if key not in self.entities:
            self.entities[key] = Entity(key=key, type="Product", name=name, aliases={name})
        return key

    def country_key(self, code: str) -> str:
        """The key of a country by ISO code: the one the report names, else one from the gazetteer."""
        for key, ent in self.entities.items():
            if ent.type == "Country" and ent.country_code == code:
                return key
        place = gazetteer().country(code)
        key = f"place:{place.geonames_id}"
        self.entities[key] = Entity(key=key, type="Country", name=place.labels.get(self.lex.lang) or place.name,
                                    geonames_id=place.geonames_id, country_code=code, labels=dict(place.labels),
                                    latitude=place.latitude, longitude=place.longitude)
        return key

    # modality ------------------------------------------------------------------------------
    def is_hedged(self, *tokens: int) -> bool:
        return any(i in self.hedged for i in tokens)

    # evidence ------------------------------------------------------------------------------
    def evidence(self, rule: str, start: int, end: int, confidence: float) -> Evidence:
        """Evidence for tokens ``start:end``: their sentence, character offsets and text."""
        span = self.doc[start:end]
        sent = self.doc[start].sent
        # Slices of the text joined once: Span.text joins the span's tokens on every call.
        text = self.text
        return Evidence(rule=rule, confidence=round(confidence, 3), start=span.start_char, end=span.end_char,
                        sentence=text[sent.start_char:sent.end_char].strip(), anchor=text[span.start_char:span.end_char])

    def sentence_evidence(self, rule: str, sent: Span, confidence: float) -> Evidence:
        return self.evidence(rule, sent.start, sent.end, confidence)

    # text matching -------------------------------------------------------------------------
    def find(self, pattern: str | re.Pattern[str], span: Span) -> list[Span]:
        """Every match of a lexicon regex inside ``span``, as token spans."""
        rx = self.lex.rx(pattern) if isinstance(pattern, str) and hasattr(self.lex, pattern) else pattern
        if isinstance(rx, str):
            rx = compile_guarded(rx, re.IGNORECASE)
        if (span.start, span.end) in self._sentence_bounds:
            # Extractors ask for a score of patterns in every sentence: each pattern runs once
            # over the whole text, and a sentence takes the matches that lie inside it.
            matches = self._doc_matches(rx)
            first = bisect.bisect_left(matches, (span.start_char,))
            found = []
            for start, end, tokens in matches[first:]:
                if start >= span.end_char:
                    break
                if end <= span.end_char:
                    found.append(tokens)
            return found
        return self._scan(rx, span.start_char, span.end_char)

    def _scan(self, rx: re.Pattern[str], start: int, end: int) -> list[Span]:
        """The matches of ``rx`` in the text between two character offsets, as token spans."""
        found = []
        for m in rx.finditer(self.text[start:end]):  # a slice: ^, $ and lookarounds see only it
            s = self.doc.char_span(start + m.start(), start + m.end(), alignment_mode="expand")
            if s is not None and len(s):
                found.append(s)
        return found

    @cached_property
    def text(self) -> str:
        return text_of(self.doc)

    @cached_property
    def _sentence_bounds(self) -> frozenset[tuple[int, int]]:
        return frozenset((sent.start, sent.end) for sent in self.sents)

    @cached_property
    def _matches(self) -> dict[re.Pattern[str], list[tuple[int, int, Span]]]:
        return {}

    def _doc_matches(self, rx: re.Pattern[str]) -> list[tuple[int, int, Span]]:
        """(start, end, tokens) of every match of ``rx`` in the text, by start, found once."""
        if rx not in self._matches:
            self._matches[rx] = [(s.start_char, s.end_char, s) for s in self._scan(rx, 0, len(self.text))]
        return self._matches[rx]

    def clause_of(self, i: int) -> tuple[int, int]:
        """Token bounds of the clause around ``i``: the sentence cut at ; : mais/but."""
        sent = self.doc[i].sent
        start, end = sent.start, sent.end
        for j in range(i - 1, sent.start - 1, -1):
            if self.doc[j].lower_ in CLAUSE_BREAKS:
                start = j + 1
                break
        for j in range(i + 1, sent.end):
            if self.doc[j].lower_ in CLAUSE_BREAKS:
                end = j
                break
        return start, end


def token_distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Tokens between two spans (0 when they touch or overlap)."""
    if a[1] <= b[0]:
        return b[0] - a[1]
    if b[1] <= a[0]:
        return a[0] - b[1]
    return 0


def head_verb(tok: Token) -> Token:
    """The verb that governs a token (itself if it is one)."""
    seen = 0
    while tok.pos_ not in {"VERB", "AUX"} and tok.head is not tok and seen < 20:
        tok, seen = tok.head, seen + 1
    return tok
