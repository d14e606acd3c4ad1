"""Names found in a report and what they name (kg.extract.mentions, kg.extract.kinds)."""
from __future__ import annotations

import pytest

from extract_fixtures import bug, mention, parse  # noqa: F401  (fixture)


@pytest.mark.parametrize(("lang", "text", "name"), [
    ("fr", "Helvio Composites SA a inauguré une usine à Sfax.", "Helvio Composites SA"),
    ("en", "Kestrel Motors Inc. opened a plant in Pune.", "Kestrel Motors Inc."),
    ("fr", "Valoris Batteries Co., Ltd. a ouvert un centre de recherche à Oran.", "Valoris Batteries Co., Ltd."),
    ("en", "Valoris Batteries Co., Ltd. opened a research centre in Izmir.", "Valoris Batteries Co., Ltd."),
    ("fr", "Le fabricant Nordkraft Energy AG construit une usine à Győr.", "Nordkraft Energy AG"),
    ("en", "Nordkraft Energy AG is building a factory in Gyor, Hungary.", "Nordkraft Energy AG"),
    ("fr", "Moreau Chimie GmbH a annoncé ses résultats.", "Moreau Chimie GmbH"),
    ("en", "Baltica Steel PLC operates a mill in Gdansk.", "Baltica Steel PLC"),
])
def test_mentions_organization_with_legal_form(parse, lang: str, text: str, name: str) -> None:
    """A legal form makes an organization and belongs to its name."""
    assert mention(parse(lang, text), name).type == "Organization"


@pytest.mark.parametrize(("lang", "text", "name"), [
    ("fr", "Le groupe Saint-Gobain a annoncé un investissement au Mexique.", "Saint-Gobain"),
    ("fr", "Helvio Materials et Moreau Chimie ont signé un accord.", "Helvio Materials"),
    ("en", "Siemens Energy said it will build a plant in Curitiba, Brazil.", "Siemens Energy"),
    ("en", "Gdansk Container Terminal is jointly owned by Baltica Steel and Ferrovia Logistics.",
     "Gdansk Container Terminal"),
    ("fr", "Société Tunisienne de Composites (STC) a ouvert une usine à Sfax.", "Société Tunisienne de Composites"),
    ("en", "Nordkraft Energy Storage (NES) opened a plant in Gyor.", "NES"),
    ("fr", "Sunvia Solar a ouvert une usine à Izmir.", "Sunvia Solar"),
    ("en", "Sunvia Solar opened a plant in Izmir.", "Sunvia Solar"),
    ("fr", "Verdant Harvest a ouvert une usine à Izmir.", "Verdant Harvest"),
    pytest.param(
        "en", "Verdant Harvest opened a plant in Izmir.", "Verdant Harvest"),
    pytest.param(
        "fr", "Ferrano Wheels est une filiale de Kestrel Motors.", "Ferrano Wheels"),
    pytest.param(
        "en", "Ferrano Wheels is a subsidiary of Kestrel Motors.", "Ferrano Wheels"),
    pytest.param(
        "fr", "Le groupe chinois Huayou Cobalt a confirmé une usine à Sfax.", "Huayou Cobalt"),
    pytest.param(
        "en", "The aluminium wheel maker Ferrano Wheels will open a plant in Meknes.", "Ferrano Wheels"),
    pytest.param(
        "en", "Baltic Terminal is jointly owned by Baltica Steel and Ferrovia Logistics.", "Baltic Terminal"),
])
def test_mentions_organization(parse, lang: str, text: str, name: str) -> None:
    assert mention(parse(lang, text), name).type == "Organization"


@pytest.mark.parametrize(("lang", "text", "name", "country"), [
    ("fr", "Helvio Composites a inauguré une usine à Sfax.", "Sfax", "TN"),
    ("en", "Kestrel Motors opened a plant in Pune.", "Pune", "IN"),
    ("fr", "Nordkraft Energy construit une usine à Győr, en Hongrie.", "Győr", "HU"),
    ("en", "Nordkraft Energy is building a factory in Gyor, Hungary.", "Gyor", "HU"),
    ("fr", "Ferrovia Logistics ouvrira un entrepôt dans la zone franche de Meknès.", "Meknès", "MA"),
    ("en", "Ferrovia Logistics opened a warehouse in the free zone of Meknes.", "Meknes", "MA"),
    ("fr", "Sunvia Power produit des panneaux à Querétaro.", "Querétaro", "MX"),
    ("en", "Kestrel Motors opened a plant in Cordoba, Argentina.", "Cordoba", "AR"),
    # A namesake is told apart by the country beside it.
    ("fr", "Kestrel Motors a ouvert une usine à Valence, en Espagne.", "Valence", "ES"),
    ("fr", "Kestrel Motors a ouvert une usine à Valence.", "Valence", "FR"),
    ("en", "Kestrel Motors opened a plant in Valencia, Spain.", "Valencia", "ES"),
    ("en", "Kestrel Motors opened a plant in Salto, Uruguay.", "Salto", "UY"),
    # The country beside a town the gazetteer lacks there: that town, not a namesake elsewhere.
    ("en", "Kestrel Motors opened a plant in Kendal, Indonesia, last year.", "Kendal", "ID"),
    ("fr", "Kestrel Motors a ouvert une usine à Kendal, en Indonésie.", "Kendal", "ID"),
    ("en", "Kestrel Motors opened a plant in Kendal (Indonesia).", "Kendal", "ID"),
    ("en", "Kestrel Motors opened a plant in Kendal, in Indonesia.", "Kendal", "ID"),
    ("en", "Kestrel Motors opened a plant in Kendal, on the north coast of Central Java, Indonesia.", "Kendal", "ID"),
    ("fr", "Trina Solar a ouvert une usine dans le parc industriel de Kendal, sur la côte nord de Java, en Indonésie.",
     "Kendal", "ID"),
    ("en", "Kestrel Motors opened a plant in Kendal, near the lakes, and sells its cars in Germany.", "Kendal", "GB"),
    # A list of places is no apposition.
    ("en", "Kestrel Motors has plants in Lyon, Germany and Spain.", "Lyon", "FR"),
    ("en", "Kestrel Motors has plants in Lyon, Germany, Poland and Spain.", "Lyon", "FR"),
    # A dateline names a place.
    ("fr", "SFAX, Tunisie — Helvio Composites a inauguré jeudi une usine.", "SFAX", "TN"),
    ("en", "IZMIR, Turkey — Nordkraft Energy opened a battery plant on Thursday.", "IZMIR", "TR"),
])
def test_mentions_city_with_country(parse, lang: str, text: str, name: str, country: str) -> None:
    m = mention(parse(lang, text), name)
    assert (m.type, m.place.country_code if m.place else None) == ("City", country)


@pytest.mark.parametrize(("lang", "text", "name", "kind"), [
    ("fr", "Nordkraft Energy construit une usine à Győr, en Hongrie.", "Hongrie", "Country"),
    ("en", "Nordkraft Energy is building a factory in Gyor, Hungary.", "Hungary", "Country"),
    ("fr", "Kestrel Motors se développe en Amérique du Nord.", "Amérique du Nord", "Region"),
    ("en", "Kestrel Motors is expanding in Europe and North America.", "North America", "Region"),
    ("fr", "Marie Dufresne, directrice générale d'Atlas Câbles, a signé l'accord.", "Marie Dufresne", "Person"),
    ("en", "Jonathan Reyes, chief executive of Kestrel Motors, signed the deal.", "Jonathan Reyes", "Person"),
    ("fr", "Le président de Kestrel Motors, Paul Herrera, a inauguré l'usine.", "Paul Herrera", "Person"),
    ("en", "Anna Kowalski, Baltica Steel's chief financial officer, said demand was strong.", "Anna Kowalski", "Person"),
    # A head office makes a name a company, whatever it sounds like.
    ("fr", "Ilse Varga Nordik, dont le siège est à Oslo, construira une usine à Rouen.", "Ilse Varga Nordik", "Organization"),
    ("fr", "Henrik Dal, qui a son siège à Bergen, a signé un accord avec la région.", "Henrik Dal", "Organization"),
    ("en", "Karvik Holm, which is headquartered in Bergen, signed a supply deal.", "Karvik Holm", "Organization"),
    ("en", "Marta Lindqvist, whose headquarters are in Malmo, signed a supply deal.", "Marta Lindqvist", "Organization"),
    ("en", "Corridor Resources opened a plant in Halifax.", "Corridor Resources", "Organization"),  # a company
    # "le groupe X" is a company, even one named like a town
    ("fr", "Le groupe Valence a ouvert une usine à Lyon.", "Valence", "Organization"),
    ("fr", "Le groupe Roubaix a ouvert une usine à Lyon. Roubaix n'est pas coté.", "Roubaix", "Organization"),
    # a town the gazetteer lacks, said to be one
    ("en", "Kestrel Motors opened a plant in Brixwell, a town of 4,000 people near the coast.", "Brixwell", "City"),
    ("fr", "Kestrel Motors a ouvert une usine près de Vernelay, un petit village de la Drôme.", "Vernelay", "City"),
    ("en", "Kestrel Motors opened a plant in the town of Brixwell.", "Brixwell", "City"),
    ("en", "Brixwell, the city's largest employer, opened a plant in Leeds.", "Brixwell", "Organization"),
    # a region named by a geographic word is no company
    ("fr", "Le groupe achète ses pois dans les Prairies canadiennes.", "Prairies", "Other"),
    # an organization word outweighs a geographic one; a route is no company
    ("en", "Baltic Hub, the terminal operator, opened a container terminal in Varna.", "Baltic Hub", "Organization"),
    ("en", "The Northern Transport Route links Varna to Asia.", "Northern Transport Route", "Other"),
])
def test_mentions_type(parse, lang: str, text: str, name: str, kind: str) -> None:
    assert mention(parse(lang, text), name).type == kind


@pytest.mark.parametrize(("lang", "text", "word"), [
    ("fr", "Le groupe chinois Kestrel Motors a ouvert une usine à Pune.", "chinois"),
    ("en", "The Chinese group Kestrel Motors opened a plant in Pune.", "Chinese"),
    ("fr", "Lundi, Kestrel Motors a ouvert une usine à Pune.", "Lundi"),
    ("en", "On Monday, Kestrel Motors opened a plant in Pune.", "On"),
    ("fr", "Implantée à Sfax, l'usine de Helvio Materials emploie 300 personnes.", "Implantée"),
    ("en", "Located in Pune, the Kestrel Motors plant employs 900 people.", "Located"),
    # A trade route named as such.
    ("en", "The Varna Corridor operator opened a terminal in Burgas.", "Corridor"),
    ("fr", "Le Corridor de Varna passe par Burgas, où Norvik Logistics a ouvert un entrepôt.", "Corridor"),
])
def test_mentions_not_an_organization(parse, lang: str, text: str, word: str) -> None:
    """Nationalities, days and sentence-initial verbs name no organization."""
    ctx = parse(lang, text)
    assert not [m for m in ctx.mentions if word in m.text.split() and m.type == "Organization"]


@pytest.mark.parametrize(("lang", "text", "name"), [
    ("en", "Kestrel Motors is listed on the Nasdaq under the ticker KSTM.", "Nasdaq"),
    ("fr", "Helvio Composites est coté à la Bourse de Paris sous le code HLV.", "Bourse de Paris"),
    ("fr", "Les actions de Helvio Composites sont cotées à la Bourse de Shenzhen sous le code 301234.", "Bourse"),
    ("fr", "Valoris Batteries a ouvert un centre de R&D à Oran.", "R&D"),
    ("en", "Valoris Batteries opened an R&D centre in Izmir.", "R&D"),
    ("fr", "Le groupe Ostral finance son usine de Lens par une IPO à la Bourse de Paris.", "IPO"),
])
def test_mentions_exchanges_and_words_are_no_entities(parse, lang: str, text: str, name: str) -> None:
    """An exchange or a common abbreviation is neither a place nor an organization."""
    ctx = parse(lang, text)
    assert [m.type for m in ctx.mentions if m.text == name] in ([], ["Other"])


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Kestrel Motors a ouvert une usine à Pune, Sfax et Meknès."),
    ("en", "Nordkraft Energy Storage (NES) opened a plant in Gyor, Hungary."),
])
def test_mentions_sorted_without_overlaps(parse, lang: str, text: str) -> None:
    mentions = parse(lang, text).mentions
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))
