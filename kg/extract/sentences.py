"""Sentence boundaries set before parsing, so that the parser works sentence by sentence.

The statistical parsers cut sentences inside company names ("Material Group Co., Ltd.") and
run quotes together; a boundary after ``.``, ``!``, ``?`` or a closing quote, before a capital,
is right far more often in news text. Abbreviations (``Co.``, ``Ltd.``, ``M.``, ``Mr.``, ``St.``)
and initials end no sentence. spaCy's parser keeps boundaries set before it runs.
"""
from __future__ import annotations

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
    for i, tok in enumerate(doc):
        tok.is_sent_start = i == 0 or _starts_sentence(doc, i)
    return doc


def _starts_sentence(doc: Doc, i: int) -> bool:
    tok = doc[i]
    if not (tok.text[:1].isupper() or tok.text[:1] in {"«", "“", '"'} or tok.text[:1].isdigit()):
        return "\n\n" in doc[i - 1].whitespace_ or doc[i - 1].text.count("\n") >= 2
    if "\n\n" in doc[i - 1].whitespace_ or doc[i - 1].is_space and doc[i - 1].text.count("\n") >= 2:
        return True  # a new paragraph (or a heading) starts a sentence; a wrapped line does not
    j = i - 1
    while j > 0 and (doc[j].text in CLOSERS or doc[j].is_space):
        j -= 1
    prev = doc[j]
    spaced = bool(doc[i - 1].whitespace_) or doc[i - 1].is_space or doc[i - 1].text in CLOSERS
    if (prev.text not in ENDS and not (prev.text.endswith(".") and len(prev.text) > 1)) or not spaced:
        return False
    if prev.text.endswith(".") and len(prev.text) > 1:  # "Ltd." as one token
        return prev.text[:-1].lower() in LEGAL_ENDINGS and tok.lower_ in SENTENCE_OPENERS
    word = doc[j - 1] if j > 0 else None
    if prev.text == "." and word is not None and (word.lower_ in ABBREVIATIONS or (len(word.text) == 1 and word.text.isupper())):
        # "Co. Ltd" or "M. Dupont" go on; after a legal form, a determiner or pronoun starts anew
        return word.lower_ in LEGAL_ENDINGS and tok.lower_ in SENTENCE_OPENERS
    return True
