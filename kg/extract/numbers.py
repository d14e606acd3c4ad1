"""Numbers, quantities and money in French and English text, with their character offsets.

:func:`find_amounts` reads plain text (no spaCy) and returns every amount worth a relation:
money with its ISO 4217 code, capacities in one of the graph's units (``t/yr``, ``GWh/yr``,
``MW``, ``units/yr``), percentages, and counts of things ("1 250 personnes"). Values are exact
``Decimal`` numbers, scales applied ("1,3 milliard" → 1300000000).

What it leaves out, on purpose: a number alone ("en 2026", "le 12", the stock code "601238",
"2025-037", "A320", "1er", "3e"), so the stock-code and date readers see those untouched. A year
or a code becomes an amount only with a unit, a currency or a scale ("2000 tonnes", "$2026").
Distances, areas, durations ("35 km", "200 000 m²", "3 ans") are quantities with no ``unit``, so
that nothing takes them for a capacity.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from text_to_num import text2num

from kg.extract.lang import units as lex

__all__ = ["KINDS", "LANGS", "Amount", "find_amounts", "parse_number"]

LANGS: tuple[str, ...] = ("fr", "en")
KINDS: tuple[str, ...] = ("money", "quantity", "percent", "count")


@dataclass(frozen=True)
class Amount:
    """A number in a text, what it counts, and where it is (``text[start:end]``)."""

    start: int
    end: int
    text: str  # the span as written, e.g. "1,3 milliard de dollars"
    value: Decimal  # normalized: scale and unit factor applied, e.g. 1300000000
    kind: str  # one of KINDS
    currency: str | None = None  # ISO 4217 code for money; None when the word is ambiguous
    unit: str | None = None  # "t/yr", "GWh/yr", "MW" or "units/yr"; None if not a capacity
    unit_text: str | None = None  # the unit or the counted noun phrase, as written
    per_year: bool = False  # a rate per year is said ("par an", "annual capacity of")
    approximate: bool = False  # hedged ("environ", "up to", "plus de") or one end of a range
    bound: str | None = None  # "max" for "up to"/"jusqu'à", "min" for "more than"/"plus de"


def find_amounts(text: str, lang: str) -> list[Amount]:
    """Every amount of ``text`` (French ``"fr"`` or English ``"en"``), sorted, not overlapping."""
    tables = _tables(_checked(lang))
    amounts: list[Amount] = []
    pos = 0
    while (match := tables.core.search(text, pos)) is not None:
        readings = _read_at(text, match, tables, amounts[-1].end if amounts else 0)
        if not readings:
            # Past the whole number in digits; past the first word of a run of number words,
            # whose rest may be a number of its own ("deux" | "et trois milliards").
            pos = match.end() if match.group("dig") else match.start() + len(
                match.group().split()[0])
            continue
        amounts.extend(_amount(text, r) for r in readings)
        pos = readings[-1].end
    return amounts


def parse_number(text: str, lang: str) -> Decimal | None:
    """The value of a number written in digits or words, with an optional scale, else None.

    ``"48 200"`` → 48200, ``"1,3"`` (fr) → 1.3, ``"1,300"`` (en) → 1300, ``"quatorze"`` → 14,
    ``"a dozen"`` → 12, ``"1,3 milliard"`` → 1300000000, ``"€"`` → None.
    """
    tables = _tables(_checked(lang))
    text = " ".join(text.split())
    match = tables.core.match(text)
    core = _core(text, match, tables) if match else None
    if core is None:
        return None
    reading = _Reading(0, core[1], core[0], scale=core[2] or Decimal(1),
                       scaled=core[2] is not None, approx_noun=core[3])
    end = _read_scale(text, reading, tables, letters=True)
    return _tidy(reading.number * reading.scale) if end == len(text) else None


# --- reading one amount ---------------------------------------------------------------------

@dataclass
class _Reading:
    """An amount being read: the number first, then what follows and precedes it."""

    start: int
    end: int
    number: Decimal
    scaled: bool = False  # a scale word was read ("millions"): "de"/"of" may follow
    approx_noun: bool = False  # "une centaine", "a dozen"
    scale: Decimal = Decimal(1)
    factor: Decimal = Decimal(1)  # unit or currency factor ("kt" → 1000, "MDH" → 10^6)
    kind: str | None = None
    currency: str | None = None
    unit: str | None = None
    unit_text: str | None = None
    people: bool = False  # the counted noun is people: a head count, never a production rate
    currency_after: bool = False  # "5 millions USD", not "USD 5"
    per_year: bool = False
    approximate: bool = False
    bound: str | None = None
    digits: str = ""  # the number as written, when in digits (years and codes are told by it)
    floor: int = 0  # the end of the amount before: cues before it are that amount's


def _read_at(text: str, match: re.Match[str], t: _Tables, floor: int) -> list[_Reading]:
    """The amount(s) starting with the number ``match``: none, one, or two for a range.

    ``floor`` is the end of the previous amount: a currency sign or a cue that closely follows
    it is that amount's ("5 millions USD 300 tonnes", "400 t per annum and 20 GWh").
    """
    core = _core(text, match, t)
    if core is None or _glued_before(text, match, t):
        return []
    first = _reading(text, match, core, t, floor)
    if first.unit_text is None and (first.kind in (None, "count") or first.kind == "money"
                                    and not first.scaled and not first.currency_after):
        second = _range_end(text, first, t)
        if second is not None:
            return [first, second]
    if first.kind is None or _not_an_amount(text, first, t):
        return []
    return [first]


def _reading(text: str, match: re.Match[str], core: tuple, t: _Tables,
             floor: int) -> _Reading:
    """Read the number at ``match``, its currency before, and its scale and unit after."""
    value, end, scale, approx_noun = core
    r = _Reading(match.start(), end, value, scale=scale or Decimal(1),
                 scaled=scale is not None, approx_noun=approx_noun, approximate=approx_noun,
                 digits=match.group("dig") or "", floor=floor)
    prefix = t.prefix.search(text, max(floor, r.start - 8), r.start)
    if prefix is not None and (sign := prefix.group("p")) in t.prefixes:
        r.start, r.kind, r.currency = prefix.start(), "money", t.prefixes[sign]
    core_end = end
    r.end = _read_scale(text, r, t, letters=r.kind == "money")
    if r.kind != "money":
        _read_unit(text, r, t)
    if r.digits and r.end == core_end and _glued_after(text, core_end):
        r.kind = None  # "1er", "3e", "A320", "601238.SH", "2025-037": not an amount
        return r
    if r.kind is None and r.scaled:
        r.kind = "count"
    _read_cues(text, r, t)
    _decide_unit(r)
    return r


def _read_scale(text: str, r: _Reading, t: _Tables, *, letters: bool) -> int:
    """Read a scale after the number ("milliard", "bn", "Md", "m" next to money); its end."""
    pos = r.end
    if r.approx_noun and (de := t.connector.match(text, pos)):  # "une centaine de millions"
        if (m := t.scale_word.match(text, de.end())) is not None:
            r.scale, r.scaled, r.end = t.scale_words[m.group(1).lower()], True, m.end()
            return r.end
    if r.scaled:
        return pos
    if (m := t.scale_word.match(text, pos)) is not None:
        r.scale = t.scale_words[m.group(1).lower()]
    elif (m := t.scale_abbr.match(text, pos)) is not None:
        r.scale = lex.SCALE_ABBREVIATIONS[m.group(1)]
    elif (m := t.scale_letter.match(text, pos)) is not None and (
            letters or _letter_is_scale(text, m.end(), t)):
        r.scale = lex.SCALE_LETTERS[m.group(1)]
    else:
        return pos
    r.scaled, r.end = True, m.end()
    return r.end


def _letter_is_scale(text: str, pos: int, t: _Tables) -> bool:
    """Whether "m", "k", "bn" ... just before ``pos`` is a scale: "5 M€", "5m tonnes",
    "1.5m cars a year", as opposed to "5 m deep"."""
    if _currency_after(text, pos, t) is not None:
        return True
    if (unit := _unit_after(text, pos, t)) is not None:
        return unit[0][0] is not None
    span = _noun_phrase(text, pos, t)
    return span is not None and _per_year_after(text, span[1], t)


def _read_unit(text: str, r: _Reading, t: _Tables) -> None:
    """Read what the number counts: a currency, a percent, a unit or a noun phrase."""
    starts = [(r.end, text[r.end:r.end + 1].isspace())]
    if (r.scaled or r.approx_noun) and (de := t.connector.match(text, r.end)):
        starts.append((de.end(), True))  # "millions de dollars", "une centaine de salariés"
    for pos, spaced in starts:
        # Words must stand apart from the digits: "1st plant" is no count of "st plant".
        if (found := _currency_after(text, pos, t, words=spaced)) is not None:
            r.kind, r.currency, r.factor, r.end = "money", found[0], found[1], found[2]
            r.currency_after = True
        elif (m := t.percent.match(text, pos)) is not None:
            r.kind, r.end = "percent", m.end()
        elif (found := _unit_after(text, pos, t, words=spaced)) is not None:
            (r.unit, r.factor, r.per_year), r.unit_text, r.end = found
            r.kind = "quantity"
        elif spaced and (span := _noun_phrase(text, pos, t)) is not None:
            r.kind, r.unit_text, r.end = "count", text[span[0]:span[1]], span[1]
            r.people = any(_fold(w) in lex.PEOPLE_NOUNS for w in r.unit_text.split())
        else:
            continue
        return


def _read_cues(text: str, r: _Reading, t: _Tables) -> None:
    """Read the words around the amount: per year, and hedges ("environ", "up to")."""
    if (m := t.slash_year.match(text, r.end)) is not None:
        r.per_year, r.end = True, m.end()
    r.per_year = r.per_year or _per_year_after(text, r.end, t) or _per_year_before(text, r, t)
    if (m := t.approx.search(text, max(0, r.start - 24), r.start)) is not None:
        r.approximate = True
        r.bound = t.hedges[_fold_key(m.group("a"))]


def _decide_unit(r: _Reading) -> None:
    """The graph unit: MWh counts as GWh/yr only as a rate; pieces a year are units/yr."""
    if r.unit == "MWh":
        r.unit, r.factor = ("GWh/yr", Decimal("0.001")) if r.per_year else (None, Decimal(1))
    if r.kind == "count" and r.unit_text and r.per_year and not r.people:
        r.kind, r.unit = "quantity", "units/yr"


def _range_end(text: str, first: _Reading, t: _Tables) -> _Reading | None:
    """The second number of a range ("entre 2 et 3 milliards"); ``first`` takes its unit."""
    join = t.range_join.match(text, first.end)
    if join is None:
        return None
    intro = t.range_intro.search(text, max(0, first.start - 10), first.start)
    if join.group(1).lower() in lex.RANGE_JOINERS_NEED_INTRO and intro is None:
        return None
    sign = t.sign_ahead.match(text, join.end())  # "from $2 to $3 billion"
    match = t.core_here.match(text, sign.end())  # the number after "-" is no code here
    core = _core(text, match, t) if match else None
    if core is None:
        return None
    second = _reading(text, match, core, t, join.end())
    if second.kind is None or second.kind == "count" and second.unit_text is None:
        return None
    if first.kind == "money" and (second.kind, second.currency) != ("money", first.currency):
        return None
    if not first.scaled:
        first.scale = second.scale  # "entre 2 et 3 milliards", "from $2 to $3 billion"
    for name in ("kind", "currency", "unit", "unit_text", "factor", "per_year", "people"):
        setattr(first, name, getattr(second, name))
    if intro is not None or join.group(1) in ("-", "–", "—"):
        first.approximate = second.approximate = True
    return second


def _not_an_amount(text: str, r: _Reading, t: _Tables) -> bool:
    """Years, codes and labels ("en 2026", "601238", "ligne 3") are not amounts on their own."""
    if r.kind in ("money", "percent", "quantity") or r.scaled:
        return False
    digits = r.digits
    if digits.isdigit() and (len(digits) >= 5 or len(digits) > 1 and digits[0] == "0"
                             or len(digits) == 4 and 1800 <= int(digits) <= 2199):
        return True
    return t.label.search(text, max(0, r.start - 12), r.start) is not None


def _amount(text: str, r: _Reading) -> Amount:
    value = _tidy(r.number * r.scale * r.factor)
    return Amount(r.start, r.end, text[r.start:r.end], value, r.kind or "count",
                  currency=r.currency, unit=r.unit, unit_text=r.unit_text, per_year=r.per_year,
                  approximate=r.approximate, bound=r.bound)


# --- numbers ---------------------------------------------------------------------------------

def _core(text: str, match: re.Match[str], t: _Tables) -> tuple | None:
    """(number, end, scale or None, approximate noun) of the number ``match`` found, or None.

    A number in words keeps its last scale apart ("trois milliards" → 3, 10^9), so that the
    first number of a range can take it ("entre deux et trois milliards").
    """
    if match.group("dig"):
        value = _digits_value(match.group("dig"), t.lang)
        return None if value is None else (value, match.end(), None, False)
    if match.group("apx"):
        value = Decimal(lex.APPROXIMATE_NOUNS[match.group("apx").lower()])
        return value, match.end(), None, True
    found = _words_value(match.group("wrd"), t.lang)
    if found is None or text.startswith("-", match.start() + found[1]):
        return None  # "Sept-Îles", "Trois-Rivières": place names, not numbers
    value, length, last = found
    if last not in lex.NOT_ALONE:
        return value, match.start() + length, None, False
    scale = t.scale_words.get(last, Decimal(1))
    return value / scale, match.start() + length, scale, False


def _digits_value(digits: str, lang: str) -> Decimal | None:
    """"57 500", "1.500.000", "3,5" (fr) / "3,000", "7.34" (en) as a Decimal."""
    s = re.sub(r"[\s'’]", "", digits)
    if "," in s and "." in s:
        decimal = "," if s.rfind(",") > s.rfind(".") else "."
        s = s.replace("." if decimal == "," else ",", "").replace(decimal, ".")
    elif "," in s or "." in s:
        sep = "," if "," in s else "."
        grouped = re.fullmatch(rf"\d{{1,3}}(?:{re.escape(sep)}\d{{3}})+", s) is not None
        if s.count(sep) > 1 and not grouped:
            return None
        # French writes decimals with a comma and may group thousands with dots; English
        # the other way round. Two separators or more are always thousands.
        thousands = grouped and (s.count(sep) > 1 or (sep == ",") == (lang == "en"))
        s = s.replace(sep, "") if thousands else s.replace(",", ".")
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def _words_value(words: str, lang: str) -> tuple[Decimal, int, str] | None:
    """(value, length, last word) of the longest leading part text2num can read."""
    tokens = list(re.finditer(r"[^\W\d_]+", words))
    names = [m.group().lower() for m in tokens]
    if names[0] in _SCALES:
        return None
    for k in range(len(tokens), 0, -1):
        if names[k - 1] in ("et", "and") or k == 1 and names[0] in lex.NOT_ALONE:
            continue
        piece = " ".join(words[:tokens[k - 1].end()].split())
        if names[0] in ("a", "an"):
            piece = "one" + piece[len(names[0]):]
        try:
            value = text2num(piece.lower(), lang)
        except ValueError:
            continue
        return Decimal(value), tokens[k - 1].end(), names[k - 1]
    return None


_SCALES = lex.NOT_ALONE - {"un", "une", "one"}  # "millions de", "hundreds of": no number


def _tidy(value: Decimal) -> Decimal:
    """``Decimal("1300000000.0")`` → ``Decimal("1300000000")``; no exponent notation."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


# --- what follows and precedes a number -------------------------------------------------------

def _currency_after(text: str, pos: int, t: _Tables,
                    words: bool = True) -> tuple[str | None, Decimal, int] | None:
    """(ISO code, factor, end) of a currency sign, code or (if ``words``) name at ``pos``."""
    if (m := t.currency_sign.match(text, pos)) is not None:
        sign = m.group(1)
        if sign in lex.CURRENCY_SUFFIXES:
            code, factor = lex.CURRENCY_SUFFIXES[sign]
            return code, factor, m.end()
        if sign in lex.CURRENCY_SYMBOLS:
            return lex.CURRENCY_SYMBOLS[sign], Decimal(1), m.end()
        if sign in t.codes:
            return t.codes[sign], Decimal(1), m.end()
    if words and (found := _lookup(text, pos, t.currency_words, 4)) is not None:
        return found[0], Decimal(1), found[1]
    return None


def _unit_after(text: str, pos: int, t: _Tables,
                words: bool = True) -> tuple[lex.UnitSpec, str, int] | None:
    """(unit spec, unit as written, end) of a unit at ``pos``: "t", "GWh", "tonnes", "km"."""
    if (m := t.unit_abbr.match(text, pos)) is not None:
        return lex.UNIT_ABBREVIATIONS[m.group(1)], m.group(1), m.end()
    hyphen = text.startswith("-", pos)  # "a 100-megawatt plant", "a 10-year lease"
    start = pos + 1 if hyphen else pos
    if (words or hyphen) and (found := _lookup(text, start, t.unit_words, 3)) is not None:
        spec, end = found
        return spec, text[_skip_space(text, start):end], end
    return None


def _noun_phrase(text: str, pos: int, t: _Tables) -> tuple[int, int] | None:
    """Span of the noun phrase a number counts ("pneus haute performance"), or None."""
    words = _words(text, pos, 6)
    first = words[0][0] if words else ""
    if not (first[:1].islower() or _ACRONYM.fullmatch(first)) \
            or _fold(first) in lex.MONTHS or first in ("et", "and"):
        return None
    taken = []
    for i, word in enumerate(words):
        folded = _fold(word[0])
        if folded in t.breaks or folded in t.number_words or i and _not_in_phrase(folded, t):
            break
        taken.append(word)
        if t.lang == "en" and _ENGLISH_PLURAL.search(word[0]):
            break  # the head noun ends an English noun phrase: "hybrid vehicles" | "signed"
    while taken and taken[-1][0].lower() in ("et", "and"):
        taken.pop()
    return (taken[0][1], taken[-1][2]) if taken else None


def _not_in_phrase(word: str, t: _Tables) -> bool:
    """A word that ends the noun phrase after its first word: a verb or an adverb by its
    ending ("personnes et sortent", "groupes réfléchissaient", "TEU once", "eventually")."""
    if t.lang == "fr":
        return word.endswith(("ent", "ait", "ront", "ra")) and len(word) > 4
    return word.endswith("ly") or word in _ENGLISH_ADVERBS


def _per_year_after(text: str, end: int, t: _Tables) -> bool:
    """Whether a per-year cue follows the amount closely ("… de cathodes par an")."""
    for m in t.per_year_after.finditer(text, end, min(len(text), end + 90)):
        gap = text[end:m.start()]
        if not _close(gap, 7, t):
            return False
        before = _WORDS.findall(gap.lower())[-1:]
        after = " ".join(_WORDS.findall(text[m.end():m.end() + 16].lower()))
        if before and before[0] in lex.PER_YEAR_NOT_AFTER \
                or after.startswith(lex.PER_YEAR_NOT_BEFORE):
            continue
        return True
    return False


def _per_year_before(text: str, r: _Reading, t: _Tables) -> bool:
    """Whether a per-year cue leads to the amount ("annual capacity of", "production annuelle")."""
    last = None
    for last in t.per_year_before.finditer(text, max(r.floor, r.start - 70), r.start):
        pass
    if last is None or r.floor and _close(text[r.floor:last.start()], 7, t):
        return False
    return _close(text[last.end():r.start], 6, t)


def _close(gap: str, words: int, t: _Tables) -> bool:
    """Whether ``gap`` is at most ``words`` words, with no number or punctuation in it."""
    return not t.stop.search(gap) and len(gap.split()) <= words


def _glued_before(text: str, match: re.Match[str], t: _Tables) -> bool:
    """A number glued to letters before it ("A320", "Q3") is a name, unless money ("RM5")."""
    start = match.start()
    if not match.group("dig") or start == 0 or not text[start - 1].isalpha():
        return False
    return t.prefix.search(text, max(0, start - 8), start) is None


def _glued_after(text: str, end: int) -> bool:
    """Whether the characters after a number make it a code, an ordinal or a date."""
    following = text[end:end + 2]
    if not following:
        return False
    if following[0].isalpha():
        return True  # "1er", "3e", "2nd", "4x4" (units and scales were tried first)
    if len(following) < 2:
        return False
    sign, then = following
    return sign in "-/:" and then.isdigit() or sign == "." and then.isalpha()


def _words(text: str, pos: int, n: int) -> list[tuple[str, int, int]]:
    """Up to ``n`` words from ``pos``, separated by spaces only: (word, start, end)."""
    words = []
    while len(words) < n and (m := _WORD.match(text, pos)) is not None:
        words.append((m.group(1), m.start(1), m.end(1)))
        pos = m.end()
    return words


def _lookup(text: str, pos: int, table: dict, n: int) -> tuple[object, int] | None:
    """(value, end) of the longest run of up to ``n`` words at ``pos`` that ``table`` knows."""
    words = _words(text, pos, n)
    for k in range(len(words), 0, -1):
        key = _fold_key(" ".join(w[0] for w in words[:k]))
        if key in table:
            return table[key], words[k - 1][2]
    return None


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _fold(word: str) -> str:
    """Lower case, straight apostrophes: how words are compared with the lexicons."""
    return word.lower().replace("’", "'")


def _fold_key(phrase: str) -> str:
    """Lower case, no accents or hyphens, single spaces: "Livres Égyptiennes" → "livres
    egyptiennes", "Hong-Kong" → "hong kong"."""
    phrase = unicodedata.normalize("NFKD", _fold(phrase))
    phrase = "".join(c for c in phrase if not unicodedata.combining(c)).replace("-", " ")
    return " ".join(phrase.split()).replace("' ", "'")


def _checked(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"language {lang!r} is not supported; expected one of {LANGS}")
    return lang


# --- compiled tables, built once per language on first use -------------------------------------

_SP = r"[ \t\u00a0\u202f\u2009\u2007]"
_DIGITS_AFTER_SPACE = r"(?<![\d.,/\-\u2212])"  # not the tail of a code or decimal ("2025-037")
_DIGITS = (r"(?:\d{1,3}(?:[ \u00a0\u202f\u2009\u2007.,'’]\d{3})+(?!\d)"
           r"(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?!\d)")
_WORD = re.compile(rf"{_SP}*([^\W\d_]+(?:[-‑][^\W\d_]+)*['’]?)")
_WORDS = re.compile(r"[^\W\d_]+")
_ENGLISH_PLURAL = re.compile(r"[^\W\d_]{2,}(?<![sui])s\Z")  # "vehicles", not "glass", "bus"
_ENGLISH_ADVERBS = frozenset("once now then today soon later here there".split())
_ACRONYM = re.compile(r"[A-Z]{2,}s?")  # "TEU", "EVs": counted things in capitals
_NOT_LETTER = r"(?![^\W\d_])"


def _alternatives(words) -> str:
    """A regex alternation of ``words``, longest first so that "US$" wins over "$"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _cue(words, group: str | None = None) -> str:
    """One of ``words``, standing as words of their own ("par an", not "parant")."""
    name = f"?P<{group}>" if group else "?:"
    return rf"(?<![^\W\d_])({name}{_alternatives(words)}){_NOT_LETTER}"


@dataclass(frozen=True)
class _Tables:
    lang: str
    core: re.Pattern[str]
    core_here: re.Pattern[str]  # the same, without looking at the character before
    number_words: frozenset[str]
    prefix: re.Pattern[str]
    prefixes: dict[str, str | None]
    sign_ahead: re.Pattern[str]
    scale_word: re.Pattern[str]
    scale_words: dict[str, Decimal]
    scale_abbr: re.Pattern[str]
    scale_letter: re.Pattern[str]
    connector: re.Pattern[str]
    currency_sign: re.Pattern[str]
    currency_words: dict[str, str | None]
    codes: dict[str, str]
    percent: re.Pattern[str]
    unit_abbr: re.Pattern[str]
    unit_words: dict[str, lex.UnitSpec]
    breaks: frozenset[str]
    slash_year: re.Pattern[str]
    per_year_after: re.Pattern[str]
    per_year_before: re.Pattern[str]
    approx: re.Pattern[str]
    hedges: dict[str, str | None]
    stop: re.Pattern[str]
    range_join: re.Pattern[str]
    range_intro: re.Pattern[str]
    label: re.Pattern[str]


@cache
def _tables(lang: str) -> _Tables:
    codes = _currency_codes()
    prefixes = {**codes, **lex.CURRENCY_SYMBOLS, **lex.CURRENCY_PREFIXES}
    suffixes = [*lex.CURRENCY_SUFFIXES, *lex.CURRENCY_SYMBOLS, *codes]
    scale_words = {**lex.SCALE_WORDS[lang]}
    slash = rf"{_SP}?/{_SP}?(?:{_alternatives(lex.PER_YEAR_SLASH)}){_NOT_LETTER}"
    joiners = lex.RANGE_JOINERS + lex.RANGE_JOINERS_NEED_INTRO
    return _Tables(
        lang=lang,
        core=_core_pattern(lang, _DIGITS_AFTER_SPACE + _DIGITS),
        core_here=_core_pattern(lang, _DIGITS),
        number_words=lex.NUMBER_WORDS[lang],
        prefix=re.compile(rf"(?<![^\W\d_])(?P<p>{_alternatives(prefixes)}){_SP}?\Z"),
        prefixes=prefixes,
        sign_ahead=re.compile(rf"(?:{_alternatives(prefixes)})?{_SP}?"),
        scale_word=re.compile(rf"(?:{_SP}+|-)({_alternatives(scale_words)}){_NOT_LETTER}",
                              re.I),  # "1,3 milliard", "a $1.5-billion plant"
        scale_words=scale_words,
        scale_abbr=re.compile(rf"{_SP}?({_alternatives(lex.SCALE_ABBREVIATIONS)}){_NOT_LETTER}"),
        scale_letter=re.compile(rf"{_SP}?([kKmMbB]){_NOT_LETTER}"),
        connector=re.compile(rf"{_SP}+(?:de{_SP}+|d['’]|of{_SP}+)", re.I),
        currency_sign=re.compile(rf"{_SP}?({_alternatives(suffixes)})(?![^\W_])"),
        currency_words=_currency_words(),
        codes=codes,
        percent=re.compile(rf"{_SP}?(?:{_alternatives(lex.PERCENT_WORDS)})(?![^\W_])", re.I),
        unit_abbr=re.compile(rf"(?:{_SP}?|-)({_alternatives(lex.UNIT_ABBREVIATIONS)})(?![^\W_])"),
        unit_words={_fold_key(k): v for k, v in lex.UNIT_WORDS.items()},
        breaks=frozenset(_fold(w) for w in lex.NOUN_PHRASE_BREAKS),
        slash_year=re.compile(slash, re.I),
        per_year_after=re.compile(_cue(lex.PER_YEAR_AFTER) + "|" + slash, re.I),
        per_year_before=re.compile(_cue(lex.PER_YEAR_BEFORE), re.I),
        approx=re.compile(rf"{_cue(lex.APPROXIMATE_BEFORE, 'a')}{_SP}*\Z", re.I),
        hedges={_fold_key(k): v for k, v in lex.APPROXIMATE_BEFORE.items()},
        stop=re.compile(r"[.;:!?()\[\]\n\d,]"),
        range_join=re.compile(rf"{_SP}*({_alternatives(joiners)}){_SP}*", re.I),
        range_intro=re.compile(rf"{_cue(lex.RANGE_INTRODUCERS)}{_SP}*\Z", re.I),
        label=re.compile(rf"(?<![^\W\d_])(?:{_alternatives(lex.LABELS_BEFORE)}){_SP}*\Z", re.I),
    )


def _core_pattern(lang: str, digits: str) -> re.Pattern[str]:
    """Where a number starts: digits, "une centaine"/"a dozen", or a run of number words."""
    word = rf"(?:{_alternatives(lex.NUMBER_WORDS[lang])})"
    joiner = {"fr": rf"(?:{_SP}+et{_SP}+|-et-|[{_SP[1:-1]}-]+)",
              "en": rf"(?:{_SP}+and{_SP}+|[{_SP[1:-1]}-]+)"}[lang]
    article = rf"(?:an?{_SP}+(?=(?:hundred|thousand|million|billion|trillion)\b))?" \
        if lang == "en" else ""
    nouns = _alternatives(lex.APPROXIMATE_NOUNS)
    return re.compile(
        rf"(?P<dig>{digits})"
        rf"|\b(?:une?|an?){_SP}+(?P<apx>{nouns})\b"
        rf"|(?P<wrd>\b{article}{word}(?:{joiner}{word})*\b)", re.I)


@cache
def _currency_codes() -> dict[str, str]:
    """ISO 4217 codes that may stand next to a number, and the few extra codes in use."""
    import pycountry

    codes = {c.alpha_3: c.alpha_3 for c in pycountry.currencies
             if c.alpha_3 not in lex.CURRENCY_CODE_BLOCKLIST}
    return {**codes, **lex.EXTRA_CURRENCY_CODES}


@cache
def _currency_words() -> dict[str, str | None]:
    """Currency names (pycountry, English and French, singular and plural) → ISO code.

    A name shared by two currencies ("franc CFA") maps to None: money, currency unknown.
    The colloquial table of the lexicon has the last word ("dollars" is USD).
    """
    import gettext

    import pycountry

    french = gettext.translation("iso4217", pycountry.LOCALES_DIR, languages=["fr"],
                                 fallback=True)
    names: dict[str, str | None] = {}
    for currency in pycountry.currencies:
        if currency.alpha_3 in lex.CURRENCY_CODE_BLOCKLIST:
            continue
        for name, plural in ((currency.name, _english_plural),
                             (french.gettext(currency.name), _french_plural)):
            name = _fold_key(re.sub(r"\s*\(.*?\)", "", name))
            if name in lex.CURRENCY_NAME_BLOCKLIST:
                continue
            for form in (name, plural(name)):
                names[form] = currency.alpha_3 if names.get(form, currency.alpha_3) == \
                    currency.alpha_3 else None
    return {**names, **{_fold_key(k): v for k, v in lex.CURRENCY_WORDS.items()}}


def _english_plural(name: str) -> str:
    """"egyptian pound" → "egyptian pounds"."""
    return name if name.endswith("s") else name + "s"


def _french_plural(name: str) -> str:
    """"livre egyptienne" → "livres egyptiennes"; words after "de" stay ("dollars de hong kong")."""
    words = name.split()
    for i, word in enumerate(words):
        if word in ("de", "des", "du") or "'" in word:
            break
        words[i] = word if word[-1] in "sxz" else word + "s"
    return " ".join(words)
