"""Which names are also frequent French or English words ("Nice", "Orange", "Of").

GeoNames lists many such alternate names: codes, nicknames, truncations ("Tour" for Tours,
"Name" for Namur, "Seul" for Seoul). A word list cannot tell a word from a place name that is
frequent because it is a place ("londres" is as frequent in French as "port"), so the
thresholds differ by language: English exonyms are GeoNames' main names, which are never
dropped, so an English alternate name as frequent as "port" is almost always noise; French
exonyms are alternate names and frequent (Londres, Genève, Varsovie), so only the very
frequent French words count (seul, bon, sur, tour, manger). Frequencies come from wordfreq.
"""
from __future__ import annotations

from collections.abc import Container, Mapping

from kg.places.normalize import fold

# Zipf frequency (log10 of occurrences per billion words) from which a word is common.
COMMON_ZIPF = {"en": 4.5, "fr": 5.0}
# A name that starts with an article is in that article's language: "Le Cap" is judged as French
# ("cap" is not a very frequent French word), "The Hollow" as English.
_ARTICLES = {"le": "fr", "la": "fr", "les": "fr", "l": "fr", "the": "en"}

CommonWords = Mapping[str, Container[str]]  # language → folded common words


def load_common_words() -> dict[str, frozenset[str]]:
    """The common French and English words, folded (:func:`fold`: "sûr" → "sur") since names
    are matched folded; loads wordfreq's lists (~0.5 s)."""
    from wordfreq import get_frequency_dict

    return {
        lang: frozenset(fold(w) for w, freq in get_frequency_dict(lang).items()
                        if freq >= 10 ** (zipf - 9))
        for lang, zipf in COMMON_ZIPF.items()
    }


def is_common_name(name: str, common: CommonWords) -> bool:
    """Whether a name is made only of common words of one language ("Gold", "White House",
    "Old Town"), accents aside ("Seúl" is "seul")."""
    words = fold(name).replace("'", " ").replace(".", " ").split()
    langs: tuple[str, ...] = tuple(common)
    if len(words) > 1 and words[0] in _ARTICLES:
        langs, words = (_ARTICLES[words[0]],), words[1:]
    return bool(words) and any(all(w in common[lang] for w in words) for lang in langs)
