"""Shared fixtures and helpers of the ``test_extract_*`` modules.

The spaCy pipelines load once per test session (``parse``); a parsed text is kept, so a sentence
used by several tests is parsed once. Facts are read back as :class:`Row` values whose subject
and object are the folded names an entity goes by (any of its aliases matches) or the literal as
the facts view writes it (``20000 t/yr``, ``1200000000 EUR``, ``301234``, ``cost``), so that a
test names what the report says, not kg's keys.

Test modules import the fixtures they use by name (``from extract_fixtures import parse``).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import pytest

from kg.extract import load_pipeline
from kg.extract.context import Context
from kg.extract.model import Code, Factor, Fact, Money, Quantity

LANGS = ("fr", "en")

Parse = Callable[[str, str], Context]


def bug(reason: str, *values: object) -> object:
    """A parametrized case that kg gets wrong today: it must pass once the extractor is fixed."""
    return pytest.param(*values, marks=pytest.mark.xfail(strict=True, reason=reason))


@pytest.fixture(scope="session")
def parse() -> Parse:
    """``parse(lang, text)``: the :class:`Context` kg's pipeline leaves on the parsed doc."""
    pipelines = {lang: load_pipeline(lang) for lang in LANGS}
    done: dict[tuple[str, str], Context] = {}

    def run(lang: str, text: str) -> Context:
        if (lang, text) not in done:
            done[(lang, text)] = pipelines[lang](text)._.kg
        return done[(lang, text)]

    return run


def fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes, single spaces, no final full stop."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"\s+", " ", text).strip().rstrip(".")


@dataclass(frozen=True)
class Row:
    """One fact as the facts view would show it, with every name its entities go by."""

    relation: str
    subject: frozenset[str]  # folded names of the subject
    obj: frozenset[str]  # folded names of the object entity, or its literal(s) as written
    qualifier: str | None  # as written, or the folded names of a place joined by "|"
    mode: str | None
    text: str  # readable form, for failure messages

    def has(self, subject: str | None = None, obj: str | None = None) -> bool:
        return (subject is None or fold(subject) in {fold(s) for s in self.subject}) \
            and (obj is None or fold(obj) in {fold(o) for o in self.obj})

    def at(self, place: str) -> bool:
        """Whether the qualifier is the place ``place`` (for investments and rationales)."""
        return fold(place) in (self.qualifier or "").split("|")


def number(value: Decimal) -> str:
    """A decimal as the facts view writes it: plain digits, no exponent, no trailing zeros."""
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _names(ctx: Context, value: object) -> frozenset[str]:
    if isinstance(value, str) and value in ctx.entities:
        ent = ctx.entities[value]
        return frozenset(fold(n) for n in {ent.name, *ent.aliases, *ent.labels.values()})
    if isinstance(value, Quantity):
        return frozenset({f"{number(value.value)} {value.unit}"})
    if isinstance(value, tuple):
        return frozenset(f"{number(m.value)} {m.currency}" for m in value if isinstance(m, Money))
    if isinstance(value, Code):
        return frozenset({value.value})
    if isinstance(value, Factor):
        return frozenset({value.key})
    return frozenset({fold(str(value))})


def _label(ctx: Context, value: object) -> str:
    if isinstance(value, str):
        return ctx.entities[value].name if value in ctx.entities else value
    return " / ".join(sorted(_names(ctx, value)))


def row(ctx: Context, fact: Fact) -> Row:
    qualifier = fact.qualifier
    if isinstance(qualifier, str) and qualifier in ctx.entities:
        qualifier = "|".join(sorted(_names(ctx, qualifier)))
    text = f"{_label(ctx, fact.subject)} -{fact.relation}-> {_label(ctx, fact.obj)}"
    if fact.qualifier:
        text += f" [{_label(ctx, fact.qualifier)}]"
    return Row(fact.relation, _names(ctx, fact.subject), _names(ctx, fact.obj), qualifier, fact.mode, text)


def rows(ctx: Context, relation: str | None = None) -> list[Row]:
    """The facts of a parsed text (of one relation, if given)."""
    return [row(ctx, f) for f in ctx.facts if relation is None or f.relation == relation]


def find(ctx: Context, relation: str, subject: str | None = None, obj: str | None = None) -> list[Row]:
    """The facts of ``relation`` whose subject and object go by the names given."""
    return [r for r in rows(ctx, relation) if r.has(subject, obj)]


def shown(ctx: Context) -> str:
    """Every fact of a parsed text, one a line: the message of a failed assertion."""
    return "facts:\n  " + "\n  ".join(r.text for r in rows(ctx)) if ctx.facts else "no facts"


def mention(ctx: Context, text: str):
    """The mention whose text is ``text``; fails listing the mentions found otherwise."""
    found = [m for m in ctx.mentions if m.text == text]
    assert found, f"no mention {text!r} in {[(m.text, m.type) for m in ctx.mentions]}"
    return found[0]


def pairs(ctx: Context, relation: str) -> set[frozenset[str]]:
    """Unordered (subject, object) entity names of a relation between entities (``partner_of``)."""
    return {frozenset({ctx.entities[f.subject].name, ctx.entities[f.obj].name})
            for f in ctx.facts if f.relation == relation}
