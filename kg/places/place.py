"""A place the gazetteer knows: a city, a country or a region."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

PlaceKind = Literal["City", "Country", "Region"]

GEONAMES_IRI = "https://sws.geonames.org/{}/"

_NO_LABELS: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True)
class Place:
    """One gazetteer entry.

    ``name`` is the canonical name: GeoNames' main name for cities (``"Geneva"``, ``"Antwerp"``,
    sometimes the local form for small towns), the common English name for countries and
    regions. ``labels`` maps a language to the preferred name in that language when the data
    says so (``{"en": "Sweden", "fr": "Suède"}``); GeoNames' city names carry no language, so
    cities have no labels and callers label them with the form the report used.
    ``country_code`` is the ISO 3166-1 alpha-2 code of a city's country or of the country itself,
    ``None`` for regions. ``code`` is the code of a country (alpha-2) or of a region (UN M49 /
    CLDR, e.g. ``"143"`` Central Asia, ``"EU"``); ``None`` for cities and for the few
    regions no standard numbers.
    """

    geonames_id: int | None
    name: str
    kind: PlaceKind
    country_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    population: int = 0
    code: str | None = None
    labels: Mapping[str, str] = field(default_factory=lambda: _NO_LABELS, compare=False, hash=False)

    @property
    def iri(self) -> str | None:
        """The GeoNames IRI (``https://sws.geonames.org/<id>/``), when GeoNames knows the place."""
        return GEONAMES_IRI.format(self.geonames_id) if self.geonames_id is not None else None

    def label(self, lang: str) -> str:
        """The name in ``lang`` when known, else the canonical name."""
        return self.labels.get(lang, self.name)
