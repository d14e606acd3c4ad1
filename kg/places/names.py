"""A small name index shared by countries and regions: places, and their names in each language.

Places are kept as plain tuples so the index pickles with builtins only (see
:mod:`kg.places.cache`); :meth:`NameIndex.place` turns a row back into a :class:`Place`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from types import MappingProxyType

from kg.places.normalize import fold, is_acronym, strip_article
from kg.places.place import Place, PlaceKind
from kg.places.words import CommonWords, is_common_name

# geonames_id, name, kind, country_code, latitude, longitude, population, code, labels
PlaceRow = tuple[int | None, str, str, str | None, float | None, float | None, int, str | None,
                 tuple[tuple[str, str], ...]]


def place_row(place: Place) -> PlaceRow:
    return (place.geonames_id, place.name, place.kind, place.country_code, place.latitude,
            place.longitude, place.population, place.code, tuple(sorted(place.labels.items())))


def row_place(row: PlaceRow) -> Place:
    gid, name, kind, cc, lat, lon, pop, code, labels = row
    kind_: PlaceKind = kind  # type: ignore[assignment]
    return Place(gid, name, kind_, cc, lat, lon, pop, code, MappingProxyType(dict(labels)))


@dataclass
class NameIndex:
    """Rows of places and ``key -> [(row, languages)]``; ``languages`` is a string like "en fr".

    ``acronyms`` are keys written in capitals in the data ("UAE", "EAU"): they match capitals
    only. ``common`` are keys that are also common words ("Jordan", "Chad"): they match only
    text that starts with a capital.
    """

    rows: list[PlaceRow] = field(default_factory=list)
    keys: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    acronyms: set[str] = field(default_factory=set)
    common: set[str] = field(default_factory=set)

    def add_place(self, place: Place) -> int:
        self.rows.append(place_row(place))
        return len(self.rows) - 1

    def add_names(self, row: int, lang: str, names: Iterable[str],
                  common: CommonWords) -> None:
        """Index ``names`` of the place at ``row`` as names in ``lang``, with their variants."""
        for name in names:
            for variant in name_variants(name):
                self._add(row, lang, variant, common)

    def _add(self, row: int, lang: str, name: str, common: CommonWords) -> None:
        key = fold(name)
        if not key:
            return
        if is_acronym(name):
            self.acronyms.add(key)
        elif is_common_name(name, common):
            self.common.add(key)
        entries = self.keys.setdefault(key, [])
        for i, (r, langs) in enumerate(entries):
            if r == row:
                if lang not in langs.split():
                    entries[i] = (r, f"{langs} {lang}")
                return
        entries.append((row, lang))


def name_variants(name: str) -> Iterator[str]:
    """A name as ISO and CLDR write it, and as text does.

    "Korea, Republic of" → "Republic of Korea"; "Myanmar (Burma)" → "Myanmar", "Burma";
    "The Bahamas" → "Bahamas"; "Iran, République islamique d'" → "République islamique d'Iran".
    """
    name = name.strip()
    yield name
    paren = re.fullmatch(r"(.+?)\s*\((.+)\)", name)
    if paren:
        yield from name_variants(paren.group(1))
        yield from name_variants(paren.group(2))
        return
    head, comma, tail = name.partition(", ")
    if comma and "," not in tail:
        joiner = "" if tail.endswith(("'", "’")) else " "
        yield from name_variants(f"{tail}{joiner}{head}")
        return
    bare = strip_article(name)
    if bare is not None:
        yield bare
