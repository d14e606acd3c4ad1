"""Sentence boundaries set before parsing, so that the parser works sentence by sentence.

The statistical parsers cut sentences inside company names ("Material Group Co., Ltd.") and
run quotes together; a boundary after ``.``, ``!``, ``?`` or a closing quote, before a capital,
is right far more often in news text. Abbreviations (``Co.``, ``Ltd.``, ``M.``, ``Mr.``, ``St.``)
and initials end no sentence. spaCy's parser keeps boundaries set before it runs.
"""
from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

ABBREVIATIONS = frozenset(
    "co ltd inc corp cie sa nv bv plc jr sr st mr mrs ms dr prof m mme mm no nos vs etc gen gov "
    "sen rep dept fig env approx av apr jan feb mar jun jul aug sep sept oct nov dec".split()
)
ENDS = frozenset({".", "!", "?", "…"})
LEGAL_ENDINGS = frozenset({"ltd", "inc", "corp", "co", "sa", "nv", "bv", "plc", "cie"})
SENTENCE_OPENERS = frozenset(
    "the a an this these it its they he she we in on at le la les l' un une ce cette ces il elle ils elles on "
    "en dans au".split()
)
CLOSERS = frozenset({"»", "”", '"', "’", ")"})


@Language.component("kg_sentences")
def kg_sentences(doc: Doc) -> Doc:
    tokens = _Tokens(doc)
    starts = [1 if i == 0 or _starts_sentence(tokens, i) else -1 for i in range(len(doc))]
    # All at once: setting Token.is_sent_start checks the whole doc for a parse each time.
    doc.from_array([SENT_START], numpy.array(starts, dtype="int64").astype("uint64"))
    return doc


class _Tokens:
    """What the rules read of each token, read once: a Token is made anew on every ``doc[i]``."""

    def __init__(self, doc: Doc) -> None:
        self.text, self.ws, self.space = [], [], []
        for t in doc:  # one pass: one Token object a word
            self.text.append(t.text)
            self.ws.append(t.whitespace_)
            self.space.append(t.is_space)
        self.lower = [text.lower() for text in self.text]


def _starts_sentence(doc: _Tokens, i: int) -> bool:
    text, ws, space = doc.text, doc.ws, doc.space
    first = text[i][:1]
    if not (first.isupper() or first in {"«", "“", '"'} or first.isdigit()):
        return "\n\n" in ws[i - 1] or text[i - 1].count("\n") >= 2
    if "\n\n" in ws[i - 1] or space[i - 1] and text[i - 1].count("\n") >= 2:
        return True  # a new paragraph (or a heading) starts a sentence; a wrapped line does not
    j = i - 1
    while j > 0 and (text[j] in CLOSERS or space[j]):
        j -= 1
    prev = text[j]
    spaced = bool(ws[i - 1]) or space[i - 1] or text[i - 1] in CLOSERS
    if (prev not in ENDS and not (prev.endswith(".") and len(prev) > 1)) or not spaced:
        return False
    if prev.endswith(".") and len(prev) > 1:  # "Ltd." as one token
        return prev[:-1].lower() in LEGAL_ENDINGS and doc.lower[i] in SENTENCE_OPENERS
    word = j - 1 if j > 0 else None
    if prev == "." and word is not None and (doc.lower[word] in ABBREVIATIONS
                                             or (len(text[word]) == 1 and text[word].isupper())):
        # "Co. Ltd" or "M. Dupont" go on; after a legal form, a determiner or pronoun starts anew
        return doc.lower[word] in LEGAL_ENDINGS and doc.lower[i] in SENTENCE_OPENERS
    return True
