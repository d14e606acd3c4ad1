"""kg.graph.iris: IRIs that depend only on what an entity is, never on the report or the run."""
from __future__ import annotations

import subprocess
import sys

import pytest

from kg.extract.model import Entity
from kg.graph.iris import digest, entity_iri, fact_iri, geonames_iri, org_name_key, report_iri, slug
from kg.namespaces import KGR


def org(name: str) -> Entity:
    return Entity(key=name, type="Organization", name=name)


@pytest.mark.parametrize("name", [
    "Acme", "Acme Co., Ltd.", "Acme Co.,Ltd.", "ACME Inc.", "Acme Corporation", "Acme, S.A.",
    "Acme SAS", "Acme S.A.R.L.", "Acme GmbH", "Acme GmbH & Co. KG", "Acme AG", "Acme plc",
    "Acme Company Limited", "Acme Pte. Ltd.", "Acme SpA", "Acme N.V.", "Acme Oyj", "the Acme",
    "L'Acme",
])
def test_graph_iris_org_legal_form_and_article_stripped(name: str) -> None:
    assert entity_iri(org(name)) == KGR["org/acme"]


@pytest.mark.parametrize(("name", "key"), [
    # A legal form is a word of its own: a name that merely ends with its letters keeps them.
    ("Ventisa", "ventisa"),
    ("Telecorp", "telecorp"),
    ("Brenag", "brenag"),
    ("Kanthas", "kanthas"),
    ("Procter & Gamble", "procter-gamble"),
    # A name that is nothing but a legal form is still a name.
    ("SA", "sa"),
    ("Société Générale d'Ingénierie, S.A.", "societe-generale-d-ingenierie"),
    ("Nordström Ståhl AB", "nordstrom-stahl"),
])
def test_graph_iris_org_name_key(name: str, key: str) -> None:
    assert org_name_key(name) == key


@pytest.mark.parametrize(("text", "expected"), [
    ("Hélène Marchetti", "helene-marchetti"),
    ("  Saint-Étienne-du-Rouvray ", "saint-etienne-du-rouvray"),
    ("Nº 5 — Rue", "no-5-rue"),
])
def test_graph_iris_slug(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_graph_iris_slug_of_a_name_without_latin_letters_is_its_own_hash() -> None:
    # Two names in other scripts must not fall on one IRI.
    assert slug("宁德时代") == digest("宁德时代") != slug("比亚迪")
    assert entity_iri(org("宁德时代")) != entity_iri(org("比亚迪"))


@pytest.mark.parametrize(("entity", "iri"), [
    (Entity("k", "Person", "Inès Marchal"), "person/ines-marchal"),
    (Entity("k", "Product", "Résines époxy"), "product/resines-epoxy"),
    (Entity("k", "City", "Besançon", geonames_id=3033123, country_code="FR"), "place/geonames-3033123"),
    (Entity("k", "Country", "France", geonames_id=3017382, country_code="FR"), "place/geonames-3017382"),
    # Places the gazetteer does not know: named within their country.
    (Entity("k", "City", "Port-Émeraude", country_code="FR"), "place/fr/port-emeraude"),
    (Entity("k", "Region", "Amérique du Nord"), "place/xx/amerique-du-nord"),
])
def test_graph_iris_entity(entity: Entity, iri: str) -> None:
    assert entity_iri(entity) == KGR[iri]


def test_graph_iris_place_is_its_geonames_id_whatever_its_name() -> None:
    french = Entity("a", "City", "Le Havre", geonames_id=3003796, country_code="FR")
    english = Entity("b", "City", "Havre", aliases={"Le Havre"}, geonames_id=3003796, country_code="FR")
    assert entity_iri(french) == entity_iri(english)
    assert geonames_iri(3003796).toPython() == "https://sws.geonames.org/3003796/"


def test_graph_iris_facts_and_reports_are_named_by_content() -> None:
    a = fact_iri("site", KGR["org/acme"], KGR["place/geonames-3033123"])
    assert a == fact_iri("site", KGR["org/acme"], KGR["place/geonames-3033123"])
    assert a != fact_iri("site", KGR["org/acme"], KGR["place/geonames-2996944"])
    assert a != fact_iri("listing", KGR["org/acme"], KGR["place/geonames-3033123"])
    assert str(a).startswith(str(KGR["site/"])) and len(str(a).rsplit("/", 1)[1]) == 16
    assert report_iri("ab" * 32) == KGR["report/abababababababab"]


def test_graph_iris_same_in_every_process() -> None:
    """No dependence on Python's per-process string hashing."""
    code = ("from kg.graph.iris import fact_iri, digest; "
            "print(fact_iri('capacity', 'org/acme', 120000, 't/yr', None), digest('Acme', 1.5))")
    outputs = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout
        for seed in ("1", "977")
    }
    assert len(outputs) == 1
    assert outputs.pop().split()[0] == str(fact_iri("capacity", "org/acme", 120000, "t/yr", None))
