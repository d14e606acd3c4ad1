"""Numbers, quantities and money in French and English text (kg.extract.numbers)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from kg.extract.numbers import Amount, find_amounts, parse_number


def _amount(text: str, lang: str, span: str) -> Amount:
    """The amount whose span is ``span``; fails listing what was found otherwise."""
    found = find_amounts(text, lang)
    matching = [a for a in found if a.text == span]
    assert matching, f"no amount {span!r} in {[a.text for a in found]}"
    return matching[0]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("48 300", "fr", "48300"),
    ("48\u202f300", "fr", "48300"),
    ("48\u00a0300", "fr", "48300"),
    ("2.750.000", "fr", "2750000"),
    ("4,25", "fr", "4.25"),
    ("1,300", "fr", "1.3"),
    ("1,300", "en", "1300"),
    ("6,000", "en", "6000"),
    ("2,750,000", "en", "2750000"),
    ("8.61", "en", "8.61"),
    ("1 450", "en", "1450"),
    ("1.234,5", "fr", "1234.5"),
    ("1,234.5", "en", "1234.5"),
    ("0,75", "fr", "0.75"),
    ("trois", "fr", "3"),
    ("dix-sept", "fr", "17"),
    ("quatre-vingt-dix", "fr", "90"),
    ("vingt et un", "fr", "21"),
    ("deux cent mille", "fr", "200000"),
    ("seven", "en", "7"),
    ("twenty-four", "en", "24"),
    ("one hundred and five", "en", "105"),
    ("a hundred", "en", "100"),
    ("a dozen", "en", "12"),
    ("une douzaine", "fr", "12"),
    ("2,4 milliards", "fr", "2400000000"),
    ("2.4 billion", "en", "2400000000"),
    ("2,4 billions", "fr", "2400000000000"),  # French billion is 10^12
    ("6.8bn", "en", "6800000000"),
])
def test_numbers_parse_number(text: str, lang: str, expected: str) -> None:
    assert parse_number(text, lang) == Decimal(expected)


@pytest.mark.parametrize(("text", "lang"), [
    ("€", "en"), ("", "fr"), ("usine", "fr"), ("millions", "fr"), ("one", "en"), ("3 apples", "en"),
])
def test_numbers_parse_number_rejects(text: str, lang: str) -> None:
    assert parse_number(text, lang) is None


@pytest.mark.parametrize(("lang", "text", "span", "value", "currency"), [
    ("fr", "Valeo engage 2,4 milliards de dollars en Slovaquie.", "2,4 milliards de dollars",
     "2400000000", "USD"),
    ("en", "Valeo commits $2.4 billion in Slovakia.", "$2.4 billion", "2400000000", "USD"),
    ("fr", "Un budget de trois milliards d'euros est prévu.", "trois milliards d'euros",
     "3000000000", "EUR"),
    ("en", "A budget of three billion euros is planned.", "three billion euros", "3000000000",
     "EUR"),
    ("en", "Nokian will spend €6.8bn on the line.", "€6.8bn", "6800000000", "EUR"),
    ("en", "The port gets $41m from the fund.", "$41m", "41000000", "USD"),
    ("en", "They put in 15.2bn tenge.", "15.2bn tenge", "15200000000", "KZT"),
    ("en", "It will cost 2,500bn forints.", "2,500bn forints", "2500000000000", "HUF"),
    ("en", "Financing of USD 7m was agreed.", "USD 7m", "7000000", "USD"),
    ("fr", "Un prêt de 7 millions USD a été signé.", "7 millions USD", "7000000", "USD"),
    ("fr", "Un prêt de 7 M€ a été signé.", "7 M€", "7000000", "EUR"),
    ("fr", "Le projet coûte 1,8 Md€.", "1,8 Md€", "1800000000", "EUR"),
    ("fr", "Le projet coûte 2,2 Mds d'euros.", "2,2 Mds d'euros", "2200000000", "EUR"),
    ("fr", "Renault y consacre 650 MDH.", "650 MDH", "650000000", "MAD"),
    ("fr", "Renault y consacre 1,1 MMDH.", "1,1 MMDH", "1100000000", "MAD"),
    ("fr", "soit 900 millions de dirhams", "900 millions de dirhams", "900000000", "MAD"),
    ("fr", "soit 6,2 milliards de livres égyptiennes", "6,2 milliards de livres égyptiennes",
     "6200000000", "EGP"),
    ("en", "about 6.2 billion Egyptian pounds", "6.2 billion Egyptian pounds", "6200000000",
     "EGP"),
    ("fr", "pour 75 millions de francs suisses", "75 millions de francs suisses", "75000000",
     "CHF"),
    ("en", "for 75 million Swiss francs", "75 million Swiss francs", "75000000", "CHF"),
    ("fr", "8 milliards de yuans", "8 milliards de yuans", "8000000000", "CNY"),
    ("en", "8 billion yuan", "8 billion yuan", "8000000000", "CNY"),
    ("en", "RMB 8 billion", "RMB 8 billion", "8000000000", "CNY"),
    ("en", "¥40bn", "¥40bn", "40000000000", "JPY"),
    ("en", "£620m", "£620m", "620000000", "GBP"),
    ("en", "US$3.1 billion", "US$3.1 billion", "3100000000", "USD"),
    ("en", "3.1 billion U.S. dollars", "3.1 billion U.S. dollars", "3100000000", "USD"),
    ("fr", "300 millions de dollars américains", "300 millions de dollars américains",
     "300000000", "USD"),
    ("fr", "4 milliards de roubles", "4 milliards de roubles", "4000000000", "RUB"),
    ("en", "Rs 700 crore", "Rs 700 crore", "7000000000", "INR"),
    ("en", "2 billion rand", "2 billion rand", "2000000000", "ZAR"),
    ("fr", "12 milliards de reais", "12 milliards de reais", "12000000000", "BRL"),
    ("fr", "900 millions de couronnes suédoises", "900 millions de couronnes suédoises",
     "900000000", "SEK"),
    ("fr", "45 millions de dinars tunisiens", "45 millions de dinars tunisiens", "45000000",
     "TND"),
    ("en", "450 million Canadian dollars", "450 million Canadian dollars", "450000000", "CAD"),
    ("fr", "2 500 €", "2 500 €", "2500", "EUR"),
    ("en", "€2,500", "€2,500", "2500", "EUR"),
])
def test_numbers_money(lang: str, text: str, span: str, value: str, currency: str) -> None:
    amount = _amount(text, lang, span)
    assert (amount.kind, amount.value, amount.currency) == ("money", Decimal(value), currency)


@pytest.mark.parametrize(("lang", "text", "span"), [
    ("fr", "5 millions de pesos", "5 millions de pesos"),
    ("en", "5 million pesos", "5 million pesos"),
    ("fr", "10 milliards de francs CFA", "10 milliards de francs CFA"),
])
def test_numbers_money_of_unknown_currency(lang: str, text: str, span: str) -> None:
    amount = _amount(text, lang, span)
    assert (amount.kind, amount.currency) == ("money", None)


@pytest.mark.parametrize(("lang", "text", "span", "value", "unit", "unit_text", "per_year"), [
    ("fr", "L'usine produira 62 400 tonnes par an de cuivre.", "62 400 tonnes", "62400",
     "t/yr", "tonnes", True),
    ("en", "The plant will make 62,400 tonnes of copper a year.", "62,400 tonnes", "62400",
     "t/yr", "tonnes", True),
    ("fr", "une capacité de production annuelle de 8 000 tonnes d'anodes", "8 000 tonnes",
     "8000", "t/yr", "tonnes", True),
    ("en", "an annual capacity of 8,000 tons of anodes", "8,000 tons", "8000", "t/yr", "tons",
     True),
    ("fr", "un site de 40 000 tonnes métriques", "40 000 tonnes métriques", "40000", "t/yr",
     "tonnes métriques", False),
    ("en", "a 40,000 metric ton smelter", "40,000 metric ton", "40000", "t/yr", "metric ton",
     False),
    ("fr", "2,5 millions de tonnes par an", "2,5 millions de tonnes", "2500000", "t/yr",
     "tonnes", True),
    ("en", "2.5 million tonnes a year", "2.5 million tonnes", "2500000", "t/yr", "tonnes",
     True),
    ("en", "close to 4m tonnes a year", "4m tonnes", "4000000", "t/yr", "tonnes", True),
    ("fr", "350 kt de lithium", "350 kt", "350000", "t/yr", "kt", False),
    ("en", "a 6 Mtpa mine", "6 Mtpa", "6000000", "t/yr", "Mtpa", True),
    ("fr", "900 t/an de silicium", "900 t/an", "900", "t/yr", "t", True),
    ("fr", "une gigafactory de 4,5 GWh", "4,5 GWh", "4.5", "GWh/yr", "GWh", False),
    ("en", "a 4.5 GWh gigafactory", "4.5 GWh", "4.5", "GWh/yr", "GWh", False),
    ("fr", "16 GW de cellules", "16 GW", "16", "GWh/yr", "GW", False),
    ("en", "16 gigawatts of cells a year", "16 gigawatts", "16", "GWh/yr", "gigawatts", True),
    ("fr", "24 gigawattheures par an", "24 gigawattheures", "24", "GWh/yr", "gigawattheures",
     True),
    ("fr", "1,2 TWh par an", "1,2 TWh", "1200", "GWh/yr", "TWh", True),
    ("en", "800 MWh a year", "800 MWh", "0.8", "GWh/yr", "MWh", True),
    ("fr", "un parc de 320 MW", "320 MW", "320", "MW", "MW", False),
    ("en", "a 320-megawatt wind farm", "320-megawatt", "320", "MW", "megawatt", False),
    ("fr", "une centrale de 60 mégawatts", "60 mégawatts", "60", "MW", "mégawatts", False),
    ("fr", "une ferme solaire de 2 GWc", "2 GWc", "2000", "MW", "GWc", False),
    ("fr", "Il y assemblera 240 000 véhicules par an.", "240 000 véhicules", "240000",
     "units/yr", "véhicules", True),
    ("en", "It will assemble 240,000 vehicles per year.", "240,000 vehicles", "240000",
     "units/yr", "vehicles", True),
    ("fr", "18 millions de pneus tourisme chaque année", "18 millions de pneus tourisme",
     "18000000", "units/yr", "pneus tourisme", True),
    ("en", "18 million passenger tyres annually", "18 million passenger tyres", "18000000",
     "units/yr", "passenger tyres", True),
    ("en", "90,000 battery-electric and hybrid buses a year",
     "90,000 battery-electric and hybrid buses", "90000", "units/yr",
     "battery-electric and hybrid buses", True),
    ("fr", "7 millions de composants par an", "7 millions de composants", "7000000",
     "units/yr", "composants", True),
    ("en", "a yearly capacity of 60,000 TEU", "60,000 TEU", "60000", "units/yr", "TEU", True),
    ("fr", "une capacité annuelle de 90 000 moteurs", "90 000 moteurs", "90000", "units/yr",
     "moteurs", True),
    ("fr", "300 000 scooters dans son usine de Nantes par an", "300 000 scooters", "300000",
     "units/yr", "scooters", True),
])
def test_numbers_capacity(lang: str, text: str, span: str, value: str, unit: str,
                          unit_text: str, per_year: bool) -> None:
    amount = _amount(text, lang, span)
    assert amount.kind == "quantity"
    assert (amount.value, amount.unit, amount.unit_text, amount.per_year) == (
        Decimal(value), unit, unit_text, per_year)


@pytest.mark.parametrize(("lang", "text", "span", "value", "unit_text", "per_year"), [
    ("fr", "Le site emploie 1 480 personnes.", "1 480 personnes", "1480", "personnes", False),
    ("en", "The site employs 1,480 people.", "1,480 people", "1480", "people", False),
    ("fr", "créer 600 emplois par an", "600 emplois", "600", "emplois", True),  # not units/yr
    ("en", "create 600 jobs a year", "600 jobs", "600", "jobs", True),
    ("fr", "onze lignes de montage", "onze lignes", "11", "lignes", False),
    ("en", "eleven assembly lines", "eleven assembly lines", "11", "assembly lines", False),
    ("fr", "Elle a livré 40 000 véhicules.", "40 000 véhicules", "40000", "véhicules", False),
    ("en", "It delivered 40,000 vehicles.", "40,000 vehicles", "40000", "vehicles", False),
    ("fr", "une centaine d'ingénieurs", "une centaine d'ingénieurs", "100", "ingénieurs", False),
    ("en", "a hundred engineers", "a hundred engineers", "100", "engineers", False),
    ("fr", "les deux groupes réfléchissent", "deux groupes", "2", "groupes", False),
    ("en", "the two firms signed a deal", "two firms", "2", "firms", False),
    ("fr", "2 millions", "2 millions", "2000000", None, False),
])
def test_numbers_count(lang: str, text: str, span: str, value: str, unit_text: str | None,
                       per_year: bool) -> None:
    amount = _amount(text, lang, span)
    assert (amount.kind, amount.unit) == ("count", None)
    assert (amount.value, amount.unit_text, amount.per_year) == (Decimal(value), unit_text,
                                                                 per_year)


@pytest.mark.parametrize(("lang", "text", "span", "value"), [
    ("fr", "une part de 45 %", "45 %", "45"),
    ("fr", "une part de 45\u00a0%", "45\u00a0%", "45"),
    ("en", "a 45% stake", "45%", "45"),
    ("fr", "12,5 pour cent du capital", "12,5 pour cent", "12.5"),
    ("en", "12.5 per cent of the shares", "12.5 per cent", "12.5"),
    ("en", "up 3 percentage points", "3 percentage points", "3"),
    ("fr", "cinquante pour cent", "cinquante pour cent", "50"),
])
def test_numbers_percent(lang: str, text: str, span: str, value: str) -> None:
    amount = _amount(text, lang, span)
    assert (amount.kind, amount.value, amount.unit, amount.currency) == (
        "percent", Decimal(value), None, None)


@pytest.mark.parametrize(("lang", "text", "span", "unit_text"), [
    ("fr", "à 42 km du port", "42 km", "km"),
    ("en", "42 km from the port", "42 km", "km"),
    ("fr", "un terrain de 180 000 m²", "180 000 m²", "m²"),
    ("en", "a 180,000 m2 site", "180,000 m2", "m2"),
    ("en", "on 75,000 square metres", "75,000 square metres", "square metres"),
    ("fr", "sur 60 hectares", "60 hectares", "hectares"),
    ("en", "a 160-hectare plot", "160-hectare", "hectare"),
    ("fr", "un contrat de 25 ans", "25 ans", "ans"),
    ("en", "a 25-year concession", "25-year", "year"),
    ("en", "another 15 years", "15 years", "years"),
    ("fr", "des jantes de 19 pouces", "19 pouces", "pouces"),
])
def test_numbers_other_quantities_are_not_capacities(lang: str, text: str, span: str,
                                                      unit_text: str) -> None:
    amount = _amount(text, lang, span)
    assert (amount.kind, amount.unit, amount.currency, amount.unit_text) == (
        "quantity", None, None, unit_text)


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "En 2026, la production démarrera."),
    ("en", "In 2026, production will start."),
    ("fr", "le rapport 2025 de la société"),
    ("en", "the company's 2025 report"),
    ("fr", "la décision n° 2025-037 du conseil"),
    ("en", "resolution 2025-037 of the board"),
    ("fr", "coté à Shenzhen (code 300750)"),
    ("en", "listed in Shanghai under 601127"),
    ("en", "its shares (688567.SH) rose"),
    ("fr", "le 14 mars 2025"),
    ("en", "on March 14, 2025"),
    ("fr", "le 1er janvier"),
    ("fr", "la 3e usine du groupe"),
    ("en", "the 2nd plant and the 21st line"),
    ("en", "Q3 2024 and H1 2025 results"),
    ("en", "the A350 programme and 5G networks"),
    ("fr", "à 14h30 au 12/03/2024"),
    ("fr", "Tél. : +33 1 45 67 89 10"),
    ("fr", "la phase 2 et la ligne 4"),
    ("en", "phase 2 of line 4"),
    ("fr", "une des usines, un site neuf"),
    ("en", "one of the plants"),
    ("fr", "des millions de voitures"),
    ("en", "thousands of cars"),
    ("fr", "Trois-Rivières et Sept-Îles"),
])
def test_numbers_leaves_years_codes_and_labels_alone(lang: str, text: str) -> None:
    assert find_amounts(text, lang) == []


@pytest.mark.parametrize(("lang", "text", "span", "approximate", "bound"), [
    ("fr", "environ 420 millions d'euros", "420 millions d'euros", True, None),
    ("en", "about €420 million", "€420 million", True, None),
    ("fr", "près de 2,1 milliards de dollars", "2,1 milliards de dollars", True, None),
    ("en", "roughly $2.1bn", "$2.1bn", True, None),
    ("fr", "quelque 800 salariés", "800 salariés", True, None),
    ("en", "some 800 workers", "800 workers", True, None),
    ("fr", "jusqu'à 30 GWh", "30 GWh", True, "max"),
    ("fr", "jusqu’à 30 GWh", "30 GWh", True, "max"),
    ("en", "up to 30 GWh", "30 GWh", True, "max"),
    ("fr", "plus de 5 000 emplois", "5 000 emplois", True, "min"),
    ("en", "more than 5,000 jobs", "5,000 jobs", True, "min"),
    ("fr", "une vingtaine de fournisseurs", "une vingtaine de fournisseurs", True, None),
    ("en", "exactly 300 MW", "300 MW", False, None),
])
def test_numbers_hedges(lang: str, text: str, span: str, approximate: bool,
                        bound: str | None) -> None:
    amount = _amount(text, lang, span)
    assert (amount.approximate, amount.bound) == (approximate, bound)


@pytest.mark.parametrize(("lang", "text", "values", "kind", "currency", "unit"), [
    ("fr", "entre 2 et 3 milliards de dollars", ["2000000000", "3000000000"], "money", "USD",
     None),
    ("en", "between 2 and 3 billion dollars", ["2000000000", "3000000000"], "money", "USD",
     None),
    ("fr", "entre deux et trois milliards d'euros", ["2000000000", "3000000000"], "money",
     "EUR", None),
    ("en", "from $4 to $5 billion", ["4000000000", "5000000000"], "money", "USD", None),
    ("fr", "de 20 000 à 30 000 tonnes par an", ["20000", "30000"], "quantity", None, "t/yr"),
    ("en", "a 4-6 GWh line", ["4", "6"], "quantity", None, "GWh/yr"),
    ("fr", "entre 300 et 400 salariés", ["300", "400"], "count", None, None),
])
def test_numbers_ranges(lang: str, text: str, values: list[str], kind: str,
                        currency: str | None, unit: str | None) -> None:
    found = find_amounts(text, lang)
    assert [a.value for a in found] == [Decimal(v) for v in values]
    assert {(a.kind, a.currency, a.unit) for a in found} == {(kind, currency, unit)}


@pytest.mark.parametrize(("lang", "text", "values"), [
    ("fr", "un apport de 650 MDH et 1,1 MMDH", ["650000000", "1100000000"]),
    ("en", "a $1.5-billion plant and a $900m one", ["1500000000", "900000000"]),
    ("fr", "5 millions USD 300 tonnes", ["5000000", "300"]),
])
def test_numbers_amounts_side_by_side(lang: str, text: str, values: list[str]) -> None:
    assert [a.value for a in find_amounts(text, lang)] == [Decimal(v) for v in values]


@pytest.mark.parametrize(("lang", "text", "span", "kind", "unit"), [
    ("en", "a 5m wall", "5m", "quantity", None),
    ("en", "5m tonnes of ore", "5m tonnes", "quantity", "t/yr"),
    ("fr", "un mur de 5 m", "5 m", "quantity", None),
    ("en", "$5 m in grants", "$5 m", "money", None),
])
def test_numbers_one_letter_scales_need_money_or_a_unit(lang: str, text: str, span: str,
                                                         kind: str, unit: str | None) -> None:
    amount = _amount(text, lang, span)
    assert (amount.kind, amount.unit) == (kind, unit)


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "un an plus tard, 300 voitures"),
    ("fr", "400 t par an et 25 GWh"),
    ("en", "400 t per annum and 25 GWh"),
    ("en", "400 tonnes of annual output and 25 GWh"),
    ("en", "within a year 300 cars were sold"),
    ("en", "300 cars a year ago"),
    ("fr", "3 000 tonnes l'an dernier"),
    ("fr", "la société annuelle, 400 tonnes"),  # a comma ends the cue's reach
])
def test_numbers_per_year_needs_a_rate(lang: str, text: str) -> None:
    assert find_amounts(text, lang)[-1].per_year is False


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Le constructeur Kiro investira 1,75 milliard d'euros (environ 1,9 milliard de "
           "dollars) dans une usine de 300 000 m² à 18 km de Valence, qui emploiera 2 200 "
           "personnes en 2028 et produira 210 000 véhicules par an ainsi que 9,5 GWh de "
           "batteries ; la part de l'État est de 15 %. Code 2025-114, action 002594."),
    ("en", "Carmaker Kiro will invest €1.75bn (about $1.9 billion) in a 300,000 sq m plant "
           "18 km from Valencia that will employ 2,200 people by 2028 and build 210,000 "
           "vehicles a year plus 9.5 GWh of batteries; the state holds 15%. Ref 2025-114, "
           "stock 002594."),
])
def test_numbers_offsets_sorted_and_disjoint(lang: str, text: str) -> None:
    found = find_amounts(text, lang)
    assert len(found) == 8
    assert all(text[a.start:a.end] == a.text for a in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    assert [a.kind for a in found] == ["money", "money", "quantity", "quantity", "count",
                                       "quantity", "quantity", "percent"]


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("fr", "1,3 milliard d'euros", "1300000000"),
    ("en", "€7.91bn", "7910000000"),
    ("fr", "3,5 GWh", "3.5"),
    ("en", "0.1 billion dollars", "100000000"),
])
def test_numbers_values_are_exact_decimals(lang: str, text: str, value: str) -> None:
    (amount,) = find_amounts(text, lang)
    assert isinstance(amount.value, Decimal)
    assert str(amount.value) == value


def test_numbers_unknown_language_is_an_error() -> None:
    with pytest.raises(ValueError, match="'de'"):
        find_amounts("3 Millionen Euro", "de")
