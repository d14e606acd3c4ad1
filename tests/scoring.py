"""Compare a graph's facts with a report's expected facts, as the evaluation guidelines do.

An expected-facts file (``tests/data/reports/NAME.expected.json``) names the report's entities
with their aliases and lists its facts as ``[subject, relation, object, qualifier]``, subject an
entity key, object an entity key, a literal, or a list of alternatives (one amount in two
currencies). A predicted fact ``(subject, relation, object, qualifier)`` from
:func:`kg.facts.facts` matches an expected one when the relation is the same and subject and
object match: a label matches an entity when, normalized (case, accents, punctuation, legal
suffixes), it equals one of its aliases; a literal matches when numbers agree within 0.5 % and
units are equal (listing codes by their digits). ``partner_of`` is unordered; qualifiers do not
decide a match; duplicate predictions count once.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.extract.model import RELATIONS

Fact = tuple[str, str, str, str]

UNORDERED = frozenset({"partner_of"})
LITERAL_OBJECTS = frozenset({"stock_code", "capacity", "investment", "site_rationale"})
LEGAL_SUFFIXES = (
    "co ltd", "company limited", "co limited", "ltd", "limited", "inc", "incorporated",
    "corp", "corporation", "sa", "sas", "sarl", "s a", "gmbh", "ag", "plc", "llc", "nv",
    "bv", "spa", "srl", "se", "co", "kk", "oyj", "ab", "as", "asa",
)
# Units as a graph may spell them, folded to the guidelines' ones (a battery plant's GW is GWh/yr).
UNITS = {
    "gwh": "gwh/yr", "gwh/a": "gwh/yr", "gwh/year": "gwh/yr", "gw": "gwh/yr", "gw/yr": "gwh/yr",
    "t": "t/yr", "t/a": "t/yr", "tpa": "t/yr", "tonnes/yr": "t/yr",
    "units": "units/yr", "vehicles/yr": "units/yr",
}
_NUMBER = re.compile(r"^\s*([-+]?\d+(?:\.\d+)?)\s*(.*?)\s*$")


def norm(text: str) -> str:
    """``text`` without case, accents, punctuation or a trailing legal form."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^\w\s]", " ", text.replace("&", " and ").replace("’", "'"))
    text = re.sub(r"\s+", " ", text).strip()
    stripped = True
    while stripped:
        stripped = False
        for suffix in LEGAL_SUFFIXES:
            if text.endswith(" " + suffix):
                text, stripped = text[: -len(suffix) - 1].strip(), True
    return text


def literal_equal(predicted: str, expected: str) -> bool:
    """Numbers within 0.5 % with the same unit; other literals equal once normalized."""
    a, b = _literal_key(predicted), _literal_key(expected)
    if len(a) == 2 and len(b) == 2:
        return a[1] == b[1] and abs(a[0] - b[0]) <= 0.005 * max(abs(b[0]), 1e-9)
    return a == b


def _literal_key(text: str) -> tuple:
    match = _NUMBER.match(text.replace(",", "."))
    if match is None:
        return (norm(text),)
    unit = match.group(2).lower()
    return (float(match.group(1)), UNITS.get(unit, unit))


def _code_key(text: str) -> str:
    # "835185.BJ" and "SZ:835185" are the listing 835185; a code without digits stays a name.
    digits = re.search(r"\d{4,}", text)
    return digits.group(0) if digits else norm(text)


@dataclass(frozen=True)
class Expected:
    """A report's expected entities (key -> normalized aliases) and facts."""

    aliases: dict[str, frozenset[str]]
    facts: tuple[tuple, ...]

    @classmethod
    def load(cls, path: Path) -> Expected:
        """Read ``NAME.expected.json``; a fact with an unknown relation or entity key is an error."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        aliases = {key: frozenset(norm(a) for a in [key, *entity["aliases"]])
                   for key, entity in data["entities"].items()}
        facts = tuple(tuple(f) + ("",) * (4 - len(f)) for f in data["facts"])
        for fact in facts:
            if fact[1] not in RELATIONS:
                raise ValueError(f"{path}: unknown relation in {fact}")
            objects = [fact[0]] if fact[1] in LITERAL_OBJECTS else [fact[0], fact[2]]
            if unknown := [key for key in objects if key not in aliases]:
                raise ValueError(f"{path}: {unknown[0]!r} in {fact} is not an entity key")
        return cls(aliases, facts)

    def names(self, value: object, label: str, relation: str = "") -> bool:
        """Whether a predicted ``label`` is the expected ``value`` (key, literal or alternatives)."""
        if isinstance(value, list):
            return any(self.names(v, label, relation) for v in value)
        if value in self.aliases:
            return norm(label) in self.aliases[value]  # type: ignore[index]
        if relation == "stock_code":
            return _code_key(label) == _code_key(str(value))
        return literal_equal(label, str(value))

    def matches(self, expected: tuple, predicted: Fact) -> bool:
        """Whether ``predicted`` states the ``expected`` fact (qualifiers aside)."""
        subject, relation, obj = expected[:3]
        if predicted[1] != relation:
            return False
        if self.names(subject, predicted[0]) and self.names(obj, predicted[2], relation):
            return True
        return (relation in UNORDERED and self.names(subject, predicted[2])
                and self.names(obj, predicted[0]))


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 of one report, with what was missed and what was spurious."""

    matched: int
    missed: tuple[tuple, ...]  # expected facts that no prediction states
    spurious: tuple[Fact, ...]  # predictions that state no expected fact

    @property
    def precision(self) -> float:
        found = self.matched + len(self.spurious)
        return self.matched / found if found else 0.0

    @property
    def recall(self) -> float:
        expected = self.matched + len(self.missed)
        return self.matched / expected if expected else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(expected: Expected, predicted: Iterable[Fact]) -> Score:
    """Match ``predicted`` against ``expected``: each prediction credits the first fact it states."""
    hits: set[int] = set()
    spurious: list[Fact] = []
    for fact in dict.fromkeys(predicted):  # a duplicate prediction counts once
        hit = next((i for i, e in enumerate(expected.facts) if expected.matches(e, fact)), None)
        if hit is None:
            spurious.append(fact)
        else:  # a second prediction of an already matched fact is a duplicate, not spurious
            hits.add(hit)
    missed = tuple(e for i, e in enumerate(expected.facts) if i not in hits)
    return Score(len(hits), missed, tuple(spurious))
