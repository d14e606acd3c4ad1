"""Nationality adjectives → country, in French and English ("suédoises", "Swedish").

No installed or well-kept package lists demonyms in both languages (CLDR has none; the
packages built on the REST Countries data are English-only or unmaintained), so this is a
table of the countries industrial news name most, as language data. French entries give the
masculine singular, and the feminine after a bar when it is not regular ("grec|grecque"); the
other forms are derived. English entries list adjectives and irregular nouns ("Turk").
"""
from __future__ import annotations

from collections.abc import Iterator

DEMONYMS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # code: (English, French)
    "AE": (("Emirati",), ("émirati",)),
    "AR": (("Argentine", "Argentinian", "Argentinean"), ("argentin",)),
    "AT": (("Austrian",), ("autrichien",)),
    "AU": (("Australian",), ("australien",)),
    "BD": (("Bangladeshi",), ("bangladais",)),
    "BE": (("Belgian",), ("belge",)),
    "BG": (("Bulgarian",), ("bulgare",)),
    "BR": (("Brazilian",), ("brésilien",)),
    "CA": (("Canadian",), ("canadien",)),
    "CH": (("Swiss",), ("suisse",)),
    "CI": (("Ivorian",), ("ivoirien",)),
    "CL": (("Chilean",), ("chilien",)),
    "CM": (("Cameroonian",), ("camerounais",)),
    "CN": (("Chinese",), ("chinois",)),
    "CO": (("Colombian",), ("colombien",)),
    "CZ": (("Czech",), ("tchèque",)),
    "DE": (("German",), ("allemand",)),
    "DK": (("Danish", "Dane"), ("danois",)),
    "DZ": (("Algerian",), ("algérien",)),
    "EG": (("Egyptian",), ("égyptien",)),
    "ES": (("Spanish", "Spaniard"), ("espagnol",)),
    "ET": (("Ethiopian",), ("éthiopien",)),
    "FI": (("Finnish", "Finn"), ("finlandais",)),
    "FR": (("French",), ("français",)),
    "GB": (("British", "Briton"), ("britannique",)),
    "GH": (("Ghanaian",), ("ghanéen",)),
    "GR": (("Greek",), ("grec|grecque",)),
    "HK": (("Hongkonger",), ("hongkongais",)),
    "HR": (("Croatian", "Croat"), ("croate",)),
    "HU": (("Hungarian",), ("hongrois",)),
    "ID": (("Indonesian",), ("indonésien",)),
    "IE": (("Irish",), ("irlandais",)),
    "IL": (("Israeli",), ("israélien",)),
    "IN": (("Indian",), ("indien",)),
    "IQ": (("Iraqi",), ("irakien",)),
    "IR": (("Iranian",), ("iranien",)),
    "IT": (("Italian",), ("italien",)),
    "JO": (("Jordanian",), ("jordanien",)),
    "JP": (("Japanese",), ("japonais",)),
    "KE": (("Kenyan",), ("kényan", "kenyan")),
    "KR": (("South Korean", "Korean"), ("sud-coréen", "coréen")),
    "KW": (("Kuwaiti",), ("koweïtien",)),
    "KZ": (("Kazakh", "Kazakhstani"), ("kazakh", "kazakhstanais")),
    "LB": (("Lebanese",), ("libanais",)),
    "LU": (("Luxembourgish", "Luxembourger"), ("luxembourgeois",)),
    "MA": (("Moroccan",), ("marocain",)),
    "MR": (("Mauritanian",), ("mauritanien",)),
    "MX": (("Mexican",), ("mexicain",)),
    "MY": (("Malaysian",), ("malaisien", "malaysien")),
    "NG": (("Nigerian",), ("nigérian",)),
    "NL": (("Dutch",), ("néerlandais", "hollandais")),
    "NO": (("Norwegian",), ("norvégien",)),
    "NZ": (("New Zealander",), ("néo-zélandais",)),
    "OM": (("Omani",), ("omanais",)),
    "PE": (("Peruvian",), ("péruvien",)),
    "PH": (("Filipino", "Philippine"), ("philippin",)),
    "PK": (("Pakistani",), ("pakistanais",)),
    "PL": (("Polish", "Pole"), ("polonais",)),
    "PT": (("Portuguese",), ("portugais",)),
    "QA": (("Qatari",), ("qatari", "qatarien")),
    "RO": (("Romanian",), ("roumain",)),
    "RS": (("Serbian", "Serb"), ("serbe",)),
    "RU": (("Russian",), ("russe",)),
    "SA": (("Saudi", "Saudi Arabian"), ("saoudien",)),
    "SE": (("Swedish", "Swede"), ("suédois",)),
    "SG": (("Singaporean",), ("singapourien",)),
    "SI": (("Slovenian", "Slovene"), ("slovène",)),
    "SK": (("Slovak", "Slovakian"), ("slovaque",)),
    "SN": (("Senegalese",), ("sénégalais",)),
    "TH": (("Thai",), ("thaïlandais",)),
    "TN": (("Tunisian",), ("tunisien",)),
    "TR": (("Turkish", "Turk"), ("turc|turque",)),
    "TW": (("Taiwanese",), ("taïwanais",)),
    "UA": (("Ukrainian",), ("ukrainien",)),
    "US": (("American",), ("américain", "étasunien")),
    "VN": (("Vietnamese",), ("vietnamien",)),
    "ZA": (("South African",), ("sud-africain",)),
}


def french_forms(entry: str) -> Iterator[str]:
    """The four forms of a French adjective: "suédois" → suédois, suédoise, suédois, suédoises."""
    masculine, _, feminine = entry.partition("|")
    if not feminine:
        if masculine.endswith("e"):
            feminine = masculine
        elif masculine.endswith(("ien", "éen")):
            feminine = masculine + "ne"
        else:
            feminine = masculine + "e"
    yield masculine
    yield feminine
    yield masculine if masculine.endswith(("s", "x")) else masculine + "s"
    yield feminine + "s"


def english_forms(word: str) -> Iterator[str]:
    """An English demonym and its plural when it has one ("Moroccan" → "Moroccans")."""
    yield word
    if not word.endswith(("ese", "sh", "ch", "ss", "s")):
        yield word + "s"


def demonym_forms() -> Iterator[tuple[str, str, bool]]:
    """Every (form, ISO alpha-2 code, English) triple of :data:`DEMONYMS`.

    English demonyms are always capitalized; French ones are not, as adjectives ("une usine
    suédoise"), and are as nouns ("les Suédois").
    """
    for code, (english, french) in DEMONYMS.items():
        for word in english:
            for form in english_forms(word):
                yield form, code, True
        for entry in french:
            for form in french_forms(entry):
                yield form, code, False
