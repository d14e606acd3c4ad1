"""One entity per real-world thing, whatever the names the report gives it.

Organizations go by their full legal name, a shorter name, an acronym defined in parentheses
or made of their initials, and a name with their home city in front; people by their full name
and their last name; places by any of their names in any language (the gazetteer's id decides).
Different organizations that share a word stay apart: a shorter name joins a longer one only
when what the longer one adds is a legal form or a generic word, never a place or a word
that marks a separate company ("International", "Africa").
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc

from kg.extract.lang import Lexicon
from kg.extract.mentions import Mention, fold
from kg.extract.model import Entity
from kg.places import gazetteer

GENERIC_SUFFIXES = frozenset(
    "group groupe holding holdings co company corporation corp inc ltd limited sa sas ag se nv bv plc "
    "llc gmbh spa jsc pjsc pte".split()
)
DISTINCT_WORDS = frozenset(
    "international africa afrique europe asia asie america amérique americas middle east global overseas "
    "trading services finance capital investment investments ventures foundation express".split()
)


def org_core(text: str, lex: Lexicon) -> str:
    """The folded name without legal form, leading article or possessive."""
    name = text
    for form in lex.legal_forms:
        name = re.sub(r"\s*,?\s*(?:" + form + r")$", "", name)
    name = re.sub(r"(?i)^(?:(?:the|le|la|les)\s+|l['’]\s*)", "", name)
    name = re.sub(r"['’]s$", "", name)
    return fold(name).replace(" - ", "-")


def cluster(doc: Doc, mentions: list[Mention], lex: Lexicon) -> dict[str, Entity]:
    """Assign ``mention.key`` for every typed mention and return the entities by key."""
    entities: dict[str, Entity] = {}
    _cluster_places(doc, [m for m in mentions if m.place is not None], entities)
    _cluster_people(doc, [m for m in mentions if m.type == "Person"], entities)
    _cluster_orgs(doc, [m for m in mentions if m.type == "Organization"], entities, lex)
    return entities


def _add(entities: dict[str, Entity], key: str, type_: str, doc: Doc, m: Mention, name: str) -> None:
    m.key = key
    ent = entities.get(key)
    if ent is None:
        ent = entities[key] = Entity(key=key, type=type_, name=name)
    ent.aliases.add(m.text)
    span = doc[m.start:m.end]
    ent.mentions.append((span.start_char, span.end_char))


def _cluster_places(doc: Doc, mentions: list[Mention], entities: dict[str, Entity]) -> None:
    # The plainest name first: "Varna" before "Cité X Varna Tech", "Burgas" before "BURGAS".
    mentions = sorted(mentions, key=lambda m: (m.text.isupper(), len(m.text), m.start))
    for m in mentions:
        place = m.place
        key = f"place:{place.geonames_id}" if place.geonames_id else f"place:{fold(place.name)}"
        first = key not in entities
        _add(entities, key, place.kind, doc, m, m.text)
        if first:
            ent = entities[key]
            ent.geonames_id = place.geonames_id
            ent.country_code = place.country_code
            ent.latitude, ent.longitude = place.latitude, place.longitude
            ent.labels = dict(place.labels)


def _cluster_people(doc: Doc, mentions: list[Mention], entities: dict[str, Entity]) -> None:
    full = [m for m in mentions if len(m.text.split()) > 1]
    for m in sorted(mentions, key=lambda m: -len(m.text.split())):
        target = next((f for f in full if f.key and _same_person(m.text, f.text)), None)
        if target is not None:
            _add(entities, target.key, "Person", doc, m, entities[target.key].name)
        else:
            _add(entities, f"person:{fold(m.text)}", "Person", doc, m, m.text)


def _same_person(short: str, long: str) -> bool:
    return fold(short) == fold(long) or fold(short) == fold(long.split()[-1])


def _cluster_orgs(doc: Doc, mentions: list[Mention], entities: dict[str, Entity], lex: Lexicon) -> None:
    cores = {m.start: org_core(m.text, lex) for m in mentions}
    acronyms = _defined_acronyms(doc, mentions, lex)
    names = sorted({c for c in cores.values() if c}, key=lambda c: (-len(c.split()), _first_position(c, mentions, cores)))
    canonical: dict[str, str] = {}
    for core in names:
        canonical[core] = _merge_target(core, canonical, lex, acronyms) or core
    for m in mentions:
        core = cores[m.start]
        if not core:
            continue
        target = canonical[core]
        key = f"org:{target}"
        best = _best_name(target, mentions, cores, canonical)
        _add(entities, key, "Organization", doc, m, best)


def _first_position(core: str, mentions: list[Mention], cores: dict[int, str]) -> int:
    return min(m.start for m in mentions if cores[m.start] == core)


def _best_name(target: str, mentions: list[Mention], cores: dict[int, str], canonical: dict[str, str]) -> str:
    """The longest name of the entity as written, legal form included."""
    names = [m.text for m in mentions if canonical.get(cores[m.start]) == target]
    return max(names, key=lambda t: (len(t), -names.index(t)))


def _defined_acronyms(doc: Doc, mentions: list[Mention], lex: Lexicon) -> dict[str, str]:
    """Acronyms defined next to a name: "Long Name (LN)" or "LN (Long Name)"."""
    defined: dict[str, str] = {}
    ordered = sorted(mentions, key=lambda m: m.start)
    for a, b in zip(ordered, ordered[1:]):
        between = doc[a.end:b.start].text.strip()
        if between == "(" and b.end < len(doc) and doc[b.end].text == ")":
            short, long = (b, a) if len(b.text) < len(a.text) else (a, b)
            if short.text.isupper() or len(short.text.split()) == 1:
                defined[org_core(short.text, lex)] = org_core(long.text, lex)
    return defined


def _merge_target(core: str, canonical: dict[str, str], lex: Lexicon, acronyms: dict[str, str]) -> str | None:
    """The longer name this one is a short form of, if any."""
    if core in acronyms and acronyms[core] in canonical:
        return canonical[acronyms[core]]
    words = core.split()
    candidates = []
    for longer, target in canonical.items():
        lw = longer.split()
        if len(lw) <= len(words):
            continue
        if lw[:len(words)] == words:
            rest = lw[len(words):]
            if all(w in GENERIC_SUFFIXES for w in rest):
                return target
            if not _marks_distinct(rest):
                candidates.append(target)
        elif lw[-len(words):] == words and _is_place_word(lw[:len(lw) - len(words)]):
            return target  # "Varna X Tire" is "X Tire"
        elif len(words) == 1 and _initials(lw) == words[0]:
            return target
    if len(candidates) >= 1:
        return candidates[0]  # the first-mentioned longer name
    return None


def _marks_distinct(rest: Iterable[str]) -> bool:
    return any(w in DISTINCT_WORDS or _is_place_word([w]) for w in rest)


def _is_place_word(words: list[str]) -> bool:
    if not words:
        return False
    place = gazetteer().resolve(" ".join(words))
    return place is not None


def _initials(words: list[str]) -> str:
    parts = [p for w in words for p in w.split("-") if p and p not in {"of", "and", "de", "du", "la", "et"}]
    return "".join(p[0] for p in parts)
