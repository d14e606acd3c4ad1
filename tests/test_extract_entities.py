"""One entity per real-world thing, whatever the names a report gives it (kg.extract.entities)."""
from __future__ import annotations

import pytest

from extract_fixtures import bug, mention, parse  # noqa: F401  (fixture)
from kg.extract import extract


def _keys(ctx, *names: str) -> list[str]:
    return [mention(ctx, name).key for name in names]


@pytest.mark.parametrize(("lang", "text", "names"), [
    # a legal form or a generic word added
    ("fr", "Kestrel Motors Inc. a ouvert une usine à Pune. Kestrel Motors emploie 2 000 personnes en Inde.",
     ("Kestrel Motors Inc.", "Kestrel Motors")),
    ("en", "Kestrel Motors Inc. opened a plant in Pune. Kestrel Motors employs 2,000 people in India.",
     ("Kestrel Motors Inc.", "Kestrel Motors")),
    ("fr", "Baltica Steel a ouvert une usine à Gdansk. Baltica Steel Group est basé à Riga.",
     ("Baltica Steel", "Baltica Steel Group")),
    ("en", "Baltica Steel opened a mill in Gdansk. Baltica Steel Group is based in Riga.",
     ("Baltica Steel", "Baltica Steel Group")),
    # an acronym, defined in parentheses or made of the initials
    ("en", "Nordkraft Energy Storage (NES) opened a plant in Gyor. NES employs 900 people.",
     ("Nordkraft Energy Storage", "NES")),
    ("fr", "La Compagnie Minière du Nord (CMN) exploite une mine. CMN exporte du cuivre.",
     ("Compagnie Minière du Nord", "CMN")),
    ("fr", "Société Tunisienne de Composites a ouvert une usine à Sfax. La STC emploie 400 personnes.",
     ("Société Tunisienne de Composites", "STC")),
    # a shorter name
    ("en", "Nordkraft Energy and Nordkraft Capital signed an agreement. Nordkraft will build a plant.",
     ("Nordkraft Energy", "Nordkraft")),
    # places by their names in several languages
    ("fr", "Kestrel Motors a ouvert une usine à Varsovie. Le site de Warsaw emploie 500 personnes.",
     ("Varsovie", "Warsaw")),
    ("en", "Kestrel Motors opened a plant in Munich. The München plant employs 500 people.", ("Munich", "München")),
    ("en", "Kestrel Motors opened a plant in Bombay. The Mumbai plant makes engines.", ("Bombay", "Mumbai")),
    ("fr", "Kestrel Motors a ouvert une usine à Bombay. L'usine de Mumbai fabrique des moteurs.", ("Bombay", "Mumbai")),
    # people by their full and last names
    bug("a last name after the full name is typed an Organization, not joined to the person",
        "en", "Jonathan Reyes, chief executive of Kestrel Motors, spoke in Pune. Reyes said the plant would open soon.",
        ("Jonathan Reyes", "Reyes")),
    bug("'Mme Dufresne' is typed an Organization, not joined to 'Marie Dufresne'",
        "fr", "Marie Dufresne dirige Atlas Câbles. Mme Dufresne a précisé que l'usine ouvrirait en mai.",
        ("Marie Dufresne", "Mme Dufresne")),
])
def test_entities_one_entity_for_several_names(parse, lang: str, text: str, names: tuple[str, ...]) -> None:
    ctx = parse(lang, text)
    keys = _keys(ctx, *names)
    assert len(set(keys)) == 1 and keys[0], keys
    assert {n for n in names} <= ctx.entities[keys[0]].aliases


@pytest.mark.parametrize(("lang", "text", "names"), [
    ("fr", "Kestrel Motors et Kestrel Motors Africa ont ouvert des bureaux.", ("Kestrel Motors", "Kestrel Motors Africa")),
    ("en", "Kestrel Motors and Kestrel Motors Africa both opened offices.", ("Kestrel Motors", "Kestrel Motors Africa")),
    ("fr", "Nordkraft Energy et Nordkraft Capital ont signé un accord.", ("Nordkraft Energy", "Nordkraft Capital")),
    ("en", "Nordkraft Energy and Nordkraft Capital signed an agreement.", ("Nordkraft Energy", "Nordkraft Capital")),
    ("en", "Kestrel Motors opened a plant in Valencia, Spain, after one in Cordoba, Argentina.", ("Valencia", "Cordoba")),
])
def test_entities_distinct_things_stay_apart(parse, lang: str, text: str, names: tuple[str, ...]) -> None:
    """Organizations that share a word, but differ by one that marks a separate company, are two."""
    keys = _keys(parse(lang, text), *names)
    assert len(set(keys)) == len(keys)


@pytest.mark.parametrize(("lang", "text", "name", "preferred"), [
    ("fr", "Kestrel Motors emploie 2 000 personnes. Kestrel Motors Inc. a ouvert une usine à Pune.",
     "Kestrel Motors", "Kestrel Motors Inc."),
    ("en", "NES employs 900 people. Nordkraft Energy Storage (NES) opened a plant in Gyor.",
     "NES", "Nordkraft Energy Storage"),
])
def test_entities_preferred_name_is_the_full_name(parse, lang: str, text: str, name: str, preferred: str) -> None:
    ctx = parse(lang, text)
    assert ctx.entities[mention(ctx, name).key].name == preferred


@pytest.mark.parametrize(("lang", "text", "name", "geonames_id"), [
    ("fr", "Helvio Composites a inauguré une usine à Sfax.", "Sfax", 2467454),
    ("en", "Nordkraft Energy is building a factory in Gyor, Hungary.", "Gyor", 3052009),
    ("fr", "Nordkraft Energy construit une usine à Győr, en Hongrie.", "Győr", 3052009),
])
def test_entities_places_carry_their_gazetteer_identity(parse, lang: str, text: str, name: str, geonames_id: int) -> None:
    ctx = parse(lang, text)
    ent = ctx.entities[mention(ctx, name).key]
    assert (ent.geonames_id, ent.type) == (geonames_id, "City")
    assert ent.latitude is not None and ent.longitude is not None


@pytest.mark.parametrize(("lang", "text", "used", "unused"), [
    ("fr", "Kestrel Motors a ouvert une usine à Pune. Nordkraft Energy n'a rien dit.", {"Kestrel Motors", "Pune", "Inde"},
     {"Nordkraft Energy"}),
    ("en", "Kestrel Motors opened a plant in Pune. Nordkraft Energy said nothing.", {"Kestrel Motors", "Pune", "India"},
     {"Nordkraft Energy"}),
])
def test_entities_extraction_keeps_the_entities_of_its_facts(lang: str, text: str, used: set[str], unused: set[str]) -> None:
    extraction = extract(text, lang)
    names = {e.name for e in extraction.entities.values()}
    assert extraction.lang == lang
    assert used <= names and not unused & names
    keys = {k for f in extraction.facts for k in (f.subject, f.obj) if isinstance(k, str)}
    assert keys <= set(extraction.entities)
