"""Words and signs around numbers, in French and English: scales, currencies, units, cues.

Plain constants, read by :mod:`kg.extract.numbers`. Word keys are lower-case; keys of the
``*_ABBREVIATIONS`` and ``*_CODES`` tables are case-sensitive (``Mt`` is a megatonne, ``MT`` a
metric ton, ``m`` a metre unless money is around). ISO 4217 names come from pycountry; only
colloquial words, symbols and the ambiguous cases are listed here.
"""
from __future__ import annotations

from decimal import Decimal

THOUSAND = Decimal(10) ** 3
MILLION = Decimal(10) ** 6
BILLION = Decimal(10) ** 9
TRILLION = Decimal(10) ** 12

# --- number words -------------------------------------------------------------------------

# Words text2num understands, used only to find where a number written in words starts and
# ends; text2num computes the value.
NUMBER_WORDS: dict[str, frozenset[str]] = {
    "fr": frozenset("""
        un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze
        seize vingt vingts trente quarante cinquante soixante cent cents mille million millions
        milliard milliards
    """.split()),
    "en": frozenset("""
        one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
        sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
        hundred thousand million millions billion billions trillion
    """.split()),
}

# Never a number on their own: "un"/"one" are mostly articles and pronouns, and a bare scale
# word ("des millions de", "thousands of") has no value.
NOT_ALONE = frozenset("""
    un une one hundred thousand million millions billion billions trillion cents milliard
    milliards
""".split())

# "une dizaine de", "a dozen": approximate numbers written as nouns.
APPROXIMATE_NOUNS: dict[str, int] = {
    "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1000,
    "dozen": 12,
}

# Scale words after a number written in digits ("1,3 milliard", "2.5 billion"). French
# "billion" is 10^12, as in the long scale French uses.
SCALE_WORDS: dict[str, dict[str, Decimal]] = {
    "fr": {"mille": THOUSAND, "millier": THOUSAND, "milliers": THOUSAND, "million": MILLION,
           "millions": MILLION, "milliard": BILLION, "milliards": BILLION,
           "billion": TRILLION, "billions": TRILLION},
    "en": {"thousand": THOUSAND, "million": MILLION, "millions": MILLION, "billion": BILLION,
           "billions": BILLION, "trillion": TRILLION, "lakh": Decimal(10) ** 5,
           "lakhs": Decimal(10) ** 5, "crore": Decimal(10) ** 7, "crores": Decimal(10) ** 7},
}

# Scale abbreviations that mean nothing else after a number ("20.7bn", "1,2 Md", "300 mn").
SCALE_ABBREVIATIONS: dict[str, Decimal] = {
    "mn": MILLION, "Mn": MILLION, "mln": MILLION, "Mln": MILLION, "mio": MILLION,
    "Mio": MILLION, "bn": BILLION, "Bn": BILLION, "BN": BILLION, "bln": BILLION,
    "Md": BILLION, "Mds": BILLION, "Mrd": BILLION, "Mrds": BILLION, "md": BILLION,
    "mds": BILLION, "tn": TRILLION, "trn": TRILLION,
}

# One-letter scales: only next to money ("$38m", "5 M€", "€3k"), since "38 m" is a distance.
SCALE_LETTERS: dict[str, Decimal] = {
    "k": THOUSAND, "K": THOUSAND, "m": MILLION, "M": MILLION, "b": BILLION, "B": BILLION,
}

# --- money --------------------------------------------------------------------------------

# Signs written before or after the number; a value of None means "money, currency unknown".
CURRENCY_SYMBOLS: dict[str, str | None] = {
    "US$": "USD", "US $": "USD", "$US": "USD", "$ US": "USD", "USD$": "USD", "$": "USD",
    "€": "EUR", "£": "GBP", "¥": "JPY", "JP¥": "JPY", "CN¥": "CNY", "RMB¥": "CNY", "元": "CNY",
    "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY", "₦": "NGN", "₸": "KZT", "₪": "ILS",
    "₱": "PHP", "฿": "THB", "R$": "BRL", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD",
    "$CA": "CAD", "$CAN": "CAD", "HK$": "HKD", "S$": "SGD", "SG$": "SGD", "NZ$": "NZD",
    "MX$": "MXN", "E£": "EGP", "£E": "EGP",
}

# Signs only written before the number ("RM5 million", "Rs 500 crore").
CURRENCY_PREFIXES: dict[str, str] = {"RM": "MYR", "Rs": "INR", "Rs.": "INR"}

# Signs only written after the number, with the scale some of them carry: Moroccan press
# writes "500 MDH" (millions of dirhams) and "1,2 MMDH" (billions of dirhams).
CURRENCY_SUFFIXES: dict[str, tuple[str, Decimal]] = {
    "DH": ("MAD", Decimal(1)), "Dh": ("MAD", Decimal(1)), "DHS": ("MAD", Decimal(1)),
    "Dhs": ("MAD", Decimal(1)), "dh": ("MAD", Decimal(1)), "dhs": ("MAD", Decimal(1)),
    "MDH": ("MAD", MILLION), "MDHS": ("MAD", MILLION), "MDhs": ("MAD", MILLION),
    "Mdh": ("MAD", MILLION), "MMDH": ("MAD", BILLION), "MMDHS": ("MAD", BILLION),
    "MMdh": ("MAD", BILLION), "Ft": ("HUF", Decimal(1)), "zł": ("PLN", Decimal(1)),
    "Kč": ("CZK", Decimal(1)), "U.S. dollars": ("USD", Decimal(1)),
    "U.S. dollar": ("USD", Decimal(1)),
}

# Codes written as currencies besides ISO 4217's.
EXTRA_CURRENCY_CODES: dict[str, str] = {"RMB": "CNY", "CNH": "CNY"}

# ISO 4217 codes never read as currencies next to a number: English words, company names, or
# funds and metals rather than money.
CURRENCY_CODE_BLOCKLIST = frozenset("""
    ALL TOP CUP BOB PEN SOS MOP AMD ANG GEL BAM CHE CHW CLF COU MXV UYI UYW BOV USN VED XAG XAU
    XPD XPT XBA XBB XBC XBD XDR XSU XTS XUA XXX XAD
""".split())

# pycountry names that are common words ("or", "argent" are gold and money in French).
CURRENCY_NAME_BLOCKLIST = frozenset("""
    or argent silver gold sucre gourde sol som sum tala kina pula loti vatu dobra leone lari
""".split())

# Everyday currency words (singular and plural, French and English). None: money, but the
# word alone does not say which currency (pesos, francs, dinars ...).
CURRENCY_WORDS: dict[str, str | None] = {
    "dollar": "USD", "dollars": "USD", "dollar us": "USD", "dollars us": "USD",
    "dollar américain": "USD", "dollars américains": "USD", "us dollar": "USD",
    "us dollars": "USD", "american dollars": "USD", "dollars des états-unis": "USD",
    "euro": "EUR", "euros": "EUR", "yuan": "CNY", "yuans": "CNY", "renminbi": "CNY",
    "yuan renminbi": "CNY", "yuans renminbi": "CNY", "rmb": "CNY", "yen": "JPY", "yens": "JPY",
    "pound": "GBP", "pounds": "GBP", "pound sterling": "GBP", "pounds sterling": "GBP",
    "sterling": "GBP", "livre sterling": "GBP", "livres sterling": "GBP", "british pounds": "GBP",
    "dirham": "MAD", "dirhams": "MAD", "tenge": "KZT", "tenges": "KZT", "forint": "HUF",
    "forints": "HUF", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB",
    "roupie": "INR", "roupies": "INR", "rupee": "INR", "rupees": "INR", "rand": "ZAR",
    "rands": "ZAR", "real": "BRL", "reais": "BRL", "réais": "BRL", "réaux": "BRL", "won": "KRW",
    "zloty": "PLN", "zlotys": "PLN", "zlotyś": "PLN", "złoty": "PLN", "złotys": "PLN",
    "lira": "TRY", "liras": "TRY", "turkish lira": "TRY", "livre turque": "TRY",
    "livres turques": "TRY", "riyal": "SAR", "riyals": "SAR", "ringgit": "MYR", "baht": "THB",
    "rupiah": "IDR", "naira": "NGN", "shekel": "ILS", "shekels": "ILS", "hryvnia": "UAH",
    "hryvnias": "UAH", "francs suisses": "CHF", "swiss francs": "CHF", "cedi": "GHS",
    "cedis": "GHS", "kwacha": "ZMW", "dong": "VND",
    "peso": None, "pesos": None, "franc": None, "francs": None, "franc cfa": None,
    "francs cfa": None, "cfa francs": None, "dinar": None, "dinars": None, "rial": None,
    "rials": None, "krona": None, "kronor": None, "krone": None, "kroner": None,
    "couronne": None, "couronnes": None, "shilling": None, "shillings": None, "livre": None,
    "livres": None,
}

# --- units --------------------------------------------------------------------------------

# unit key -> (normalized capacity unit or None, factor to that unit, per year by itself).
# A None unit is a measure that is never a capacity (a distance, an area, a duration ...).
UnitSpec = tuple[str | None, Decimal, bool]

_ONE = Decimal(1)
_T: UnitSpec = ("t/yr", _ONE, False)
_GWH: UnitSpec = ("GWh/yr", _ONE, False)
_MW: UnitSpec = ("MW", _ONE, False)
_OTHER: UnitSpec = (None, _ONE, False)

# Case-sensitive abbreviations, glued ("3,5GWh", "100-MW") or after a space.
UNIT_ABBREVIATIONS: dict[str, UnitSpec] = {
    "t": _T, "MT": _T, "kt": ("t/yr", THOUSAND, False), "Kt": ("t/yr", THOUSAND, False),
    "Mt": ("t/yr", MILLION, False), "Gt": ("t/yr", BILLION, False),
    "kg": _OTHER, "tpa": ("t/yr", _ONE, True),  # kilograms weigh products, not plants
    "tpy": ("t/yr", _ONE, True), "TPA": ("t/yr", _ONE, True), "ktpa": ("t/yr", THOUSAND, True),
    "Mtpa": ("t/yr", MILLION, True), "mtpa": ("t/yr", MILLION, True),
    "MTPA": ("t/yr", MILLION, True),
    "GWh": _GWH, "Gwh": _GWH, "GWH": _GWH, "GW": _GWH, "TWh": ("GWh/yr", THOUSAND, False),
    "MWh": ("MWh", _ONE, False),  # GWh/yr only when said to be per year (see numbers.py)
    "MW": _MW, "MWe": _MW, "MWc": _MW, "MWp": _MW, "MWac": _MW,
    "GWc": ("MW", THOUSAND, False), "GWp": ("MW", THOUSAND, False),  # solar peak power
    "kW": ("MW", Decimal("0.001"), False),
    "kWh": _OTHER, "kV": _OTHER, "km": _OTHER, "km²": _OTHER, "km2": _OTHER, "m": _OTHER,
    "m²": _OTHER, "m2": _OTHER, "m³": _OTHER, "m3": _OTHER, "cm": _OTHER, "mm": _OTHER,
    "ha": _OTHER, "ft": _OTHER, "sq ft": _OTHER, "sq m": _OTHER, "mi": _OTHER, "mph": _OTHER,
    "lb": _OTHER, "lbs": _OTHER, "°C": _OTHER, "°F": _OTHER,
    "bpd": _OTHER, "km/h": _OTHER,
}

# Unit words, matched without case or accents.
UNIT_WORDS: dict[str, UnitSpec] = {
    **{w: _T for w in ("tonne", "tonnes", "ton", "tons", "tonnes métriques", "tonne métrique",
                       "metric tons", "metric ton", "metric tonnes", "metric tonne")},
    **{w: ("t/yr", THOUSAND, False) for w in ("kilotonne", "kilotonnes", "kilotons",
                                              "kilotonnes métriques")},
    **{w: ("t/yr", MILLION, False) for w in ("mégatonne", "mégatonnes", "megatonne",
                                             "megatonnes", "megatons")},
    **{w: _OTHER for w in ("kilo", "kilos", "kilogramme", "kilogrammes", "kilogram",
                           "kilograms")},
    **{w: _GWH for w in ("gigawattheure", "gigawattheures", "gigawatt-heure", "gigawatt-heures",
                         "gigawatts-heure", "gigawatt heure", "gigawatt heures", "gigawatt-hour",
                         "gigawatt-hours", "gigawatt hour", "gigawatt hours", "gigawatt",
                         "gigawatts")},
    **{w: ("GWh/yr", THOUSAND, False) for w in ("térawattheure", "térawattheures",
                                                "terawatt-hours", "terawatt hours")},
    **{w: _MW for w in ("mégawatt", "mégawatts", "megawatt", "megawatts")},
    **{w: ("MWh", _ONE, False) for w in ("mégawattheure", "mégawattheures", "megawatt-hours",
                                         "megawatt hours", "mégawatt-heures")},
    **{w: _OTHER for w in """
        an ans année années mois semaine semaines jour jours heure heures minute minutes
        seconde secondes year years month months week weeks day days hour hours
        kilomètre kilomètres kilometre kilometres kilometer kilometers mètre mètres metre
        metres meter meters mile miles hectare hectares acre acres litre litres liter liters
        gallon gallons baril barils barrel barrels degré degrés degree degrees foot feet
        kilowatt kilowatts kilowattheure kilowattheures kilowatt-hours volt volts kilovolts
        pieds pouce pouces inch inches
    """.split()},
    **{w: _OTHER for w in ("mètres carrés", "mètre carré", "kilomètres carrés", "mètres cubes",
                           "square metres", "square meters", "square feet", "square kilometres",
                           "square kilometers", "square miles", "cubic metres", "cubic meters",
                           "sq. ft", "sq. m")},
}

PERCENT_WORDS = ("%", "pour cent", "pourcent", "pour-cent", "percent", "per cent", "pct",
                 "points de pourcentage", "point de pourcentage", "percentage points",
                 "percentage point")

# --- cues around a number -------------------------------------------------------------------

# After the amount: a rate per year ("57 500 tonnes par an", "100,000 TEU a year").
PER_YEAR_AFTER = (
    "par an", "par année", "chaque année", "tous les ans", "annuellement", "annuel", "annuelle",
    "annuels", "annuelles", "a year", "per year", "each year", "every year", "per annum",
    "p.a.", "annually", "yearly", "annual", "a yr", "per yr",
)
# "/an", "/year" glued to the unit ("t/an", "GWh/yr").
PER_YEAR_SLASH = ("an", "année", "yr", "year", "y", "a")
# Words before a cue that make it a duration or a date instead ("within a year").
PER_YEAR_NOT_AFTER = frozenset("within in for over than after less more nearly almost half".split())
PER_YEAR_NOT_BEFORE = ("ago", "later", "earlier", "before", "after", "from", "plus tard",
                       "auparavant", "dernier", "prochain")
# Before the amount: "capacité de production annuelle de", "annual capacity of". Cues that
# mostly close a phrase ("par an", "per annum") are left out: they belong to the amount before.
PER_YEAR_BEFORE = (
    "annuel", "annuelle", "annuels", "annuelles", "chaque année", "tous les ans", "annual",
    "yearly", "each year", "every year",
)

# Hedges before the amount, with the bound they set ("max", "min") if any.
APPROXIMATE_BEFORE: dict[str, str | None] = {
    "environ": None, "près de": None, "pres de": None, "quelque": None, "autour de": None,
    "de l'ordre de": None, "de l’ordre de": None, "approximativement": None, "presque": None,
    "quasiment": None, "un peu plus de": "min", "un peu moins de": "max", "plus de": "min",
    "au moins": "min", "pas moins de": "min", "moins de": "max", "jusqu'à": "max",
    "jusqu’à": "max", "au plus": "max", "au maximum": "max", "au minimum": "min",
    "some": None, "about": None, "around": None, "roughly": None, "approximately": None,
    "approx.": None, "nearly": None, "almost": None, "close to": None, "an estimated": None,
    "estimated": None, "circa": None, "c.": None, "~": None, "≈": None, "up to": "max",
    "more than": "min", "over": "min", "at least": "min", "in excess of": "min",
    "upwards of": "min", "less than": "max", "under": "max", "at most": "max",
    "no more than": "max", "no less than": "min",
}

# Ranges: "entre 2 et 3 milliards", "2 à 3 GWh", "from 2 to 3 GWh", "2-3 GW". "et"/"and"
# join a range only after "entre"/"between" ("de 500 MDH et 1,2 MMDH" is two amounts).
RANGE_INTRODUCERS = ("entre", "between")
RANGE_JOINERS_NEED_INTRO = ("et", "and")
RANGE_JOINERS = ("à", "to", "-", "–", "—")

# Words after a number that make it a date ("12 mars 2024"), never a count.
MONTHS = frozenset("""
    janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre
    décembre decembre january february march april may june july august september october
    november december jan feb mar apr jun jul aug sep sept oct nov dec janv févr fév avr juil
""".split())

# Words before a number that make it a label ("n° 3", "phase 2", "line 4"), never a count.
LABELS_BEFORE = (
    "n°", "nº", "no.", "no", "#", "numéro", "number", "phase", "tranche", "ligne", "line",
    "article", "art.", "chapitre", "chapter", "page", "section", "modèle", "model", "version",
    "type", "série", "series", "niveau", "level", "lot", "étape", "stage", "route", "zone",
    "hall", "bâtiment", "building", "unité", "unit", "block", "bloc", "gate", "quai", "pier",
    "terminal", "ilot", "îlot", "top", "rang", "rank", "classé", "ranked",
)

# Words that end the noun phrase after a count ("1 250 personnes à Sfax"): articles,
# prepositions, pronouns, auxiliaries and the participles that typically follow a number.
NOUN_PHRASE_BREAKS = frozenset("""
    de d' d’ du des le la les l' l’ un une à au aux en dans sur sous par pour avec sans chez
    entre vers ou ni mais qui que qu' qu’ dont où ce cet cette ces son sa ses leur leurs notre
    nos votre vos il elle ils elles on y ne n' n’ pas plus moins très est sont était étaient
    sera seront serait a ont avait avaient aura auront été être avoir fait soit contre depuis
    pendant après avant selon lors afin comme ainsi aussi déjà encore chaque environ près
    jusqu' jusqu’ s' s’ c' c’ produits produites produit fabriqués fabriquées assemblés
    assemblées vendus vendues livrés livrées destinés destinées prévus prévues installés
    installées exportés exportées supplémentaires
    of the a an to in on at by for with from into per or nor but that which who whom whose
    this these those its their his her our it they is are was were be been being will would
    shall should can could may might must has have had do does did not more less than each
    every over under about as such so up out also already yet still last next between through
    across against after before during since until while when where there here annually
    yearly produced made built manufactured assembled sold delivered shipped exported planned
    expected installed created employed hired supplied additional
""".split())

# Nouns of people: a number of them is a head count, never a production rate, even "par an".
PEOPLE_NOUNS = frozenset("""
    personne personnes salarié salariés salariée salariées employé employés employée employées
    emploi emplois poste postes collaborateur collaborateurs collaboratrices travailleur
    travailleurs ouvrier ouvriers ingénieur ingénieurs technicien techniciens cadre cadres
    chercheur chercheurs étudiant étudiants stagiaire stagiaires habitant habitants visiteur
    visiteurs recrutements embauches
    people person persons employee employees job jobs worker workers staff engineer engineers
    technician technicians researcher researchers student students resident residents visitor
    visitors position positions hire hires member members
""".split())
