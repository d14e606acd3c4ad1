"""Which language a report is written in: French or English, or a clear "neither".

lingua compares the text with a handful of languages besides French and English, so that a
German or Spanish report is recognised as such instead of being read as bad English. Short
texts (a headline, a few words around company names) are too uncertain to reject: they get the
likelier of French and English, or the page's declared language when it has one.
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from kg.errors import ReadError

SUPPORTED_LANGUAGES: tuple[str, ...] = ("fr", "en")

# Languages a report could plausibly be in besides the supported ones: the main languages of
# industrial news. Each Latin-script language adds ~0.15 s to the detector's first use (its
# models load then); scripts of their own (Cyrillic, Han, Arabic, ...) are told apart cheaply.
_CANDIDATES: tuple[Language, ...] = (
    Language.FRENCH, Language.ENGLISH, Language.GERMAN, Language.SPANISH, Language.ITALIAN,
    Language.PORTUGUESE, Language.DUTCH, Language.POLISH, Language.TURKISH, Language.RUSSIAN,
    Language.CHINESE, Language.JAPANESE, Language.KOREAN, Language.ARABIC,
)

# Below this many words, company and place names weigh as much as the prose around them
# ("Bosch invests in Dresden, says Stefan Hartung" looks German to lingua).
MIN_WORDS_TO_REJECT = 12
# How sure lingua must be of an unsupported language before kg refuses the text.
MIN_CONFIDENCE_TO_REJECT = 0.9
DEFAULT_LANGUAGE = "en"
# Characters lingua reads: its confidence no longer changes after a few hundred (a thousand,
# some 150 words of prose, leave it certain), and its cost grows with the text: 2,000
# characters cost as much as a tenth of what kg adds to spaCy for a whole report.
SAMPLE_CHARS = 1000

# A word: a run of letters, or one Chinese or Japanese character (these scripts use no spaces).
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(rf"[{_CJK}]|[^\W\d_{_CJK}]+")


@cache
def _detector() -> LanguageDetector:
    """The detector, built on first use (models load lazily, ~1–2 s on the first text)."""
    return LanguageDetectorBuilder.from_languages(*_CANDIDATES).build()


def detect_language(text: str, *, source: Path | str = "<text>", hint: str | None = None) -> str:
    """The language of ``text``, ``"fr"`` or ``"en"``.

    ``hint`` (e.g. an HTML page's ``lang``) decides when the text is too short to tell. A text
    that is clearly in another language raises :class:`~kg.errors.ReadError` naming ``source``;
    a text with no words at all gets :data:`DEFAULT_LANGUAGE`.
    """
    text = text[:SAMPLE_CHARS]
    scores = {v.language.iso_code_639_1.name.lower(): v.value
              for v in _detector().compute_language_confidence_values(text)}
    short = len(_WORD.findall(text)) < MIN_WORDS_TO_REJECT
    hint = primary_subtag(hint)
    if short and hint in SUPPORTED_LANGUAGES:
        return hint
    top = max(scores, key=scores.__getitem__, default=DEFAULT_LANGUAGE)
    if top not in SUPPORTED_LANGUAGES and not short and scores[top] >= MIN_CONFIDENCE_TO_REJECT:
        raise ReadError(source, f"the text is in {_name(top)} ({top}); kg reads "
                                f"{', '.join(SUPPORTED_LANGUAGES)} only (force a language if "
                                "the detection is wrong)")
    # max() keeps the first of equal scores, so a text without words gets the default.
    supported = sorted(SUPPORTED_LANGUAGES, key=lambda code: code != DEFAULT_LANGUAGE)
    return max(supported, key=lambda code: scores.get(code, 0.0))


def supported_language(tag: str, *, source: Path | str = "<text>") -> str:
    """``tag`` (``"fr"``, ``"FR"``, ``"en-GB"``) as a supported language code, or ReadError."""
    code = primary_subtag(tag)
    if code not in SUPPORTED_LANGUAGES:
        raise ReadError(source, f"language {tag!r} is not supported; kg reads "
                                f"{', '.join(SUPPORTED_LANGUAGES)}")
    return code


def primary_subtag(tag: str | None) -> str | None:
    """The primary language subtag of a BCP 47 tag, lower-cased: ``"fr-FR"`` → ``"fr"``."""
    if not tag:
        return None
    return re.split(r"[-_]", tag.strip(), maxsplit=1)[0].lower() or None


def _name(code: str) -> str:
    return next(lang.name.capitalize() for lang in _CANDIDATES
                if lang.iso_code_639_1.name.lower() == code)
