"""How names become index keys: case, accents, apostrophes and dashes do not count.

``fold("Liège") == fold("LIEGE") == "liege"``; ``fold("Saint-Étienne") ==
fold("Saint Etienne")``. Everything else does: ``"Valence"`` and ``"Valencia"`` stay apart.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters NFKD does not decompose, spelled the way an ASCII keyboard would.
_LETTERS = str.maketrans({
    "ø": "o", "ł": "l", "đ": "d", "ð": "d", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th",
    "’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'",
    "-": " ", "‐": " ", "‑": " ", "‒": " ", "–": " ", "—": " ",
})
_SPACES = re.compile(r"\s+")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Latin letters, digits and punctuation; any other character marks a non-Latin script.
_NOT_LATIN = re.compile(r"[^\u0000-\u024f\u1e00-\u1eff\u2000-\u206f]")

# Articles that may precede a name in text but are not part of it ("la Suède", "the
# Philippines"). Names that own their article ("Le Mans", "The Hague") are indexed with it.
_ARTICLE = re.compile(r"^(?:l['’ʼ]\s*|(?:le|la|les|the)\s+)", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)  # the same names are looked up report after report
def fold(name: str) -> str:
    """The index key of a name: lower case, no accents, one kind of apostrophe, dashes as spaces."""
    decomposed = unicodedata.normalize("NFKD", name.casefold().translate(_LETTERS))
    return _SPACES.sub(" ", _COMBINING.sub("", decomposed)).strip()


def strip_article(name: str) -> str | None:
    """``name`` without a leading French or English definite article, or ``None`` if it has none."""
    match = _ARTICLE.match(name)
    if match is None or match.end() == len(name):
        return None
    return name[match.end():]


def is_latin(name: str) -> bool:
    """Whether every letter of ``name`` is Latin (reports are in French or English)."""
    return _NOT_LATIN.search(name) is None


def is_acronym(name: str) -> bool:
    """Whether ``name`` is written like a code: 2 to 4 capitals ("UAE", "GVA", "EAU")."""
    letters = [ch for ch in name if ch.isalpha()]
    return 2 <= len(letters) <= 4 and len(letters) == len(name.replace(".", "")) and name.isupper()

