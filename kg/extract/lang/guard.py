"""Lexicon regexes compiled with a guard on their first character: the same matches, faster.

A lexicon regex is a long case-insensitive alternation that must start a word,
``(?<!\\w)(?:plants?|factor(?:y|ies)|sites?|...)``, run over every report. Python's engine tries
each alternative in turn at every word start, and under ``re.IGNORECASE`` it cannot skip an
alternative on its first letter. A lookahead on the letters a match can start with,
``(?=[fps...])``, put in front, turns most word starts away in one step: a quarter of the
time of the lexicons over a report.

The letters are read from the regex's parse tree (``re._parser``, the parser behind
``re.compile``). The guard only ever lets through more than the regex can start with, so the
matches are the same; a regex whose first character cannot be bounded (``\\w``, ``.``, a
class with a negation, a group that changes flags, a regex that can match nothing) is
compiled as written.
"""
from __future__ import annotations

import re
from functools import cache

from re import _constants as _sre, _parser  # the parser behind re.compile (Python 3.11+)

# A leading inline flag group must stay first: "(?i)".
_GLOBAL_FLAGS = re.compile(r"^\(\?[aiLmsux]+\)")
_ZERO_WIDTH = {_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT}
_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT}
_MAX_RANGE = 128  # a class range wider than this ("[^\W\d]"-like) bounds nothing useful


class _Unbounded(Exception):
    """The first character of a match cannot be bounded by a small set."""


@cache
def compile_guarded(source: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """``re.compile(source, flags)``, with a first-character guard when one can be read."""
    try:
        first, nullable = _first_of(_parser.parse(source, flags).data)
    except Exception:  # noqa: BLE001  (_Unbounded, or a parse tree of another shape: as written)
        return re.compile(source, flags)
    if nullable or not first:
        return re.compile(source, flags)
    guard = "(?=[" + "".join(re.escape(c) for c in sorted(first)) + "])"
    head = _GLOBAL_FLAGS.match(source)
    cut = head.end() if head else 0
    return re.compile(source[:cut] + guard + source[cut:], flags)


def _first_of(items) -> tuple[set[str], bool]:
    """The characters a sequence of parsed items can start with, and whether it can be empty."""
    found: set[str] = set()
    for op, av in items:
        first, nullable = _first_of_item(op, av)
        found |= first
        if not nullable:
            return found, False
    return found, True


def _first_of_item(op, av) -> tuple[set[str], bool]:
    if op in _ZERO_WIDTH:
        return set(), True
    if op is _sre.LITERAL:
        return {chr(av)}, False
    if op is _sre.IN:
        return _class_chars(av), False
    if op is _sre.SUBPATTERN:
        _, add_flags, del_flags, pattern = av
        if add_flags or del_flags:  # "(?-i:...)": the guard is compiled with the outer flags
            raise _Unbounded
        return _first_of(pattern.data)
    if op is _sre.BRANCH:
        found, nullable = set(), False
        for alternative in av[1]:
            first, empty = _first_of(alternative.data)
            found |= first
            nullable = nullable or empty
        return found, nullable
    if op in _REPEATS:
        low, _, pattern = av
        first, nullable = _first_of(pattern.data)
        return first, nullable or low == 0
    if op is _sre.ATOMIC_GROUP:
        return _first_of(av.data)
    raise _Unbounded  # ".", a back-reference, a conditional group...


def _class_chars(items) -> set[str]:
    chars: set[str] = set()
    for op, av in items:
        if op is _sre.LITERAL:
            chars.add(chr(av))
        elif op is _sre.RANGE and av[1] - av[0] <= _MAX_RANGE:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:  # a negation, a category ("\w", "\s"), a wide range
            raise _Unbounded
    return chars
