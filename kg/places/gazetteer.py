"""The gazetteer: from a place name in French or English text to cities, countries and regions.

Matching is by dictionary key (:func:`kg.places.normalize.fold`): case, accents, apostrophes
and dashes do not count, anything else does. Articles: names that own theirs are indexed with
it ("Le Mans", "La Haye", "Le Havre", "The Hague"); a leading "le/la/les/l'/the" before a
country or a region is dropped here ("la Suède", "l'Argentine", "the Philippines", "the
Caribbean"). Prepositions and contractions ("au Japon", "aux Philippines", "du Chili") are the
caller's to remove.

Ranking, best first: countries, then regions, then cities (city-states resolve to the country:
"Monaco", "Luxembourg", "Djibouti"); a country or region named in another
language than the text's comes after the cities (with ``lang="fr"``, "Mexico" is Mexico City,
the French "Mexique" being the country); among cities, the score is log10(population), plus
1.5 for a GeoNames main name (a town whose name it is beats a city 30 times larger that has it
as an alternate name: "Valence" is the French town, not Valencia), plus 2 when the city's
country is in ``context`` (the countries the report names: "Valence" with ``context=["ES"]``
is Valencia).
"""
from __future__ import annotations

import bisect
import math
import threading
from collections.abc import Collection, Iterable, Iterator
from dataclasses import fields

from kg.errors import KgError
from kg.places import cache
from kg.places.cities import DEFAULT_MIN_POPULATION, MAIN_NAME_BONUS, CityTable, build_city_table
from kg.places.countries import build_countries
from kg.places.demonyms import demonym_forms
from kg.places.names import NameIndex, row_place
from kg.places.normalize import fold, is_acronym, strip_article
from kg.places.place import Place, PlaceKind
from kg.places.regions import build_regions

CONTEXT_BONUS = 2.0  # in log10 of population: a city in a country the report names
_KIND_RANK = {"Country": 0, "Region": 1, "City": 2}
_OTHER_LANGUAGE_RANK = 3
Rank = tuple[int, float]  # (kind rank, score): sorted by kind rank, then by score, highest first


class UnknownPlaceError(KgError, KeyError):
    """A country code or a place the gazetteer does not know."""

    def __str__(self) -> str:  # KeyError would print the message quoted
        return str(self.args[0])


class Gazetteer:
    """Cities (GeoNames, population ≥ ``min_population``), countries and regions, by name.

    Build with :func:`gazetteer` (one per process); constructing one reads the cached index, or
    builds it (seconds) and caches it when there is none.
    """

    def __init__(self, min_population: int = DEFAULT_MIN_POPULATION, *, use_cache: bool = True):
        path = cache.cache_path(min_population)
        data = cache.load(path) if use_cache else None
        if data is None:
            data = _build(min_population)
            if use_cache:
                cache.save(path, data)
        names, self._codes, cities = data
        self._names = NameIndex(*names)
        self._cities = CityTable(*cities)
        self._places = [row_place(row) for row in self._names.rows]
        self._city_places: dict[int, Place] = {}
        self._by_id: dict[int, int] | None = None
        self._country_keys: list[str] | None = None
        self._demonyms = _demonym_table()
        self.min_population = min_population

    def lookup(self, name: str, *, context: Iterable[str] = (), lang: str | None = None,
               kinds: Collection[PlaceKind] | None = None, min_population: int = 0) -> list[Place]:
        """Every place ``name`` may stand for, best first (see the module's ranking).

        ``context``: ISO alpha-2 codes of countries named near the mention or in the report.
        ``lang``: the language of the text ("fr", "en"), when known. ``kinds``: keep only these
        kinds. ``min_population``: drop smaller cities. A name that is also a common word
        ("Nice", "Jordan") matches only when written with a capital; acronyms ("USA") only in
        capitals.
        """
        text = name.strip()
        if not text:
            return []
        ctx = {c.upper() for c in context}
        scored: dict[tuple, tuple[Rank, Place]] = {}
        for place, rank in self._named(text, lang, ctx):
            scored.setdefault((place.kind, place.code, place.geonames_id), (rank, place))
        for place, rank in self._cities_named(text, ctx, min_population):
            scored.setdefault((place.kind, place.code, place.geonames_id), (rank, place))
        ranked = sorted(scored.values(), key=lambda rp: (rp[0][0], -rp[0][1]))
        return [p for _, p in ranked if kinds is None or p.kind in kinds]

    def resolve(self, name: str, *, context: Iterable[str] = (), lang: str | None = None,
                kinds: Collection[PlaceKind] | None = None, min_population: int = 0
                ) -> Place | None:
        """The best place for ``name``, or ``None`` (arguments as :meth:`lookup`)."""
        found = self.lookup(name, context=context, lang=lang, kinds=kinds,
                            min_population=min_population)
        return found[0] if found else None

    def country(self, code: str) -> Place:
        """The country of an ISO 3166-1 alpha-2 (or alpha-3) code, any case."""
        row = self._codes["countries"].get(code.upper())
        if row is None:
            raise UnknownPlaceError(f"unknown ISO 3166-1 country code {code!r}")
        return self._places[row]

    def region(self, code: str) -> Place:
        """A region by UN M49 / CLDR code ("143" Central Asia, "EU")."""
        regions = self._codes["regions"]
        row = regions.get(code, regions.get(code.upper()))
        if row is None:
            raise UnknownPlaceError(f"unknown region code {code!r}")
        return self._places[row]

    def country_of(self, place: Place) -> Place | None:
        """The country a city is in; a country is its own; regions have none."""
        if place.kind == "Region" or place.country_code is None:
            return None
        row = self._codes["countries"].get(place.country_code)
        return self._places[row] if row is not None else None

    def by_geonames_id(self, geonames_id: int) -> Place | None:
        """The city, country or continent with this GeoNames id, if the gazetteer has it."""
        if self._by_id is None:
            self._by_id = {gid: row for row, gid in enumerate(self._cities.ids)}
        row = self._by_id.get(geonames_id)
        if row is not None:
            return self._city(row)
        return next((p for p in self._places if p.geonames_id == geonames_id), None)

    def demonym_country(self, word: str) -> Place | None:
        """The country of a nationality adjective or noun: "suédoises", "Japanese" → country.

        For context (which countries a report is about), not for facts.
        """
        word = word.strip()
        code, capitalized = self._demonyms.get(fold(word), (None, False))
        if code is None or (capitalized and not word[:1].isupper()):
            return None
        return self.country(code)

    def country_starting_with(self, stem: str) -> bool:
        """Whether some country's name (in any of its languages) starts with ``stem`` (folded):
        how nationalities no table lists are recognized ("angol" → Angola)."""
        if self._country_keys is None:
            rows = {row for row in self._codes["countries"].values()}
            self._country_keys = sorted(key for key, entries in self._names.keys.items()
                                        if any(row in rows for row, _ in entries))
        i = bisect.bisect_left(self._country_keys, stem)
        return i < len(self._country_keys) and self._country_keys[i].startswith(stem)

    def is_common_word(self, name: str) -> bool:
        """Whether a name the gazetteer knows is also a common French or English word ("Nice",
        "Orange", "Jordan"): such names match only when written with a capital."""
        key = fold(name)
        return key in self._names.common or key in self._cities.common

    def _named(self, text: str, lang: str | None, ctx: set[str]) -> Iterator[tuple[Place, Rank]]:
        """Countries and regions: the name as written, then without a leading article."""
        bare = strip_article(text)
        for form in (text,) if bare is None else (text, bare):
            key = fold(form)
            if not _may_match(form, key, self._names.acronyms, self._names.common):
                continue
            for row, langs in self._names.keys.get(key, ()):
                place = self._places[row]
                kind_rank = _KIND_RANK[place.kind]
                if lang is not None and lang not in langs.split():
                    kind_rank = _OTHER_LANGUAGE_RANK
                score = math.log10(place.population + 1) + CONTEXT_BONUS * (place.code in ctx)
                yield place, (kind_rank, score)

    def _cities_named(self, text: str, ctx: set[str],
                      min_population: int) -> Iterator[tuple[Place, Rank]]:
        key = fold(text)
        if not _may_match(text, key, set(), self._cities.common):
            return
        table = self._cities
        for entry in table.entries(key):
            row, main = divmod(entry, 2)
            population = table.populations[row]
            if population < min_population:
                continue
            score = (math.log10(population + 1) + MAIN_NAME_BONUS * main
                     + CONTEXT_BONUS * (table.countries[row] in ctx))
            yield self._city(row), (_KIND_RANK["City"], score)

    def _city(self, row: int) -> Place:
        place = self._city_places.get(row)
        if place is None:
            t = self._cities
            place = Place(t.ids[row], t.names[row], "City", t.countries[row], t.latitudes[row],
                          t.longitudes[row], t.populations[row])
            self._city_places[row] = place
        return place


def _demonym_table() -> dict[str, tuple[str, bool]]:
    """Folded demonym → (country code, whether only a capitalized form counts)."""
    table: dict[str, tuple[str, bool]] = {}
    for form, code, english in demonym_forms():
        key = fold(form)
        _, capitalized = table.get(key, (code, True))
        table[key] = (code, capitalized and english)  # a French form too: any case
    return table


def _may_match(form: str, key: str, acronyms: set[str], common: set[str]) -> bool:
    if not key:
        return False
    if key in acronyms and not is_acronym(form):
        return False
    return key not in common or form[:1].isupper()


def _build(min_population: int) -> tuple:
    """The index as builtins: (name index fields, code → row maps, city table fields)."""
    from kg.places.words import load_common_words

    common = load_common_words()
    names = NameIndex()
    codes = {"countries": build_countries(names, common), "regions": build_regions(names, common)}
    cities = build_city_table(min_population, common, names.keys)
    return _fields(names), codes, _fields(cities)


def _fields(obj: object) -> tuple:
    # dataclasses.astuple would deep-copy a million entries.
    return tuple(getattr(obj, f.name) for f in fields(obj))  # type: ignore[arg-type]


_lock = threading.Lock()
_instance: Gazetteer | None = None


def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built (or read from the disk cache) on first use."""
    global _instance
    with _lock:
        if _instance is None:
            _instance = Gazetteer()
        return _instance
