"""One node per entity across the reports of a build: look-alike names stay apart, one town
written three ways in three reports is one node (tests/data/merge: reports of our own)."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Literal

from kg.export import union
from kg.namespaces import KG, OWL
from kg.pipeline import build_reports
from kg.validation import validate

DATA = Path(__file__).parent / "data" / "merge"


@pytest.fixture(scope="module")
def built():
    result = build_reports([DATA])
    assert not result.failures, result.failures
    return result.dataset


@pytest.fixture(scope="module")
def merged(built):
    return union(built)


def _named(dataset, cls, label: str):
    return {s for s in dataset.subjects(RDF.type, cls) if (s, RDFS.label, Literal(label)) in dataset
            or any(str(o) == label for o in dataset.objects(s, None) if isinstance(o, Literal))}


def test_graph_merge_one_town_written_three_ways(merged) -> None:
    towns = {s for s in merged.subjects(RDF.type, KG.City)
             if {str(o) for o in merged.objects(s, None)} & {"Tanger", "Tangier", "Tánger"}}
    assert len(towns) == 1
    (town,) = towns
    assert any("geonames.org" in str(o) for o in merged.objects(town, OWL.sameAs))
    assert len(set(merged.objects(town, RDFS.label))) == 1


@pytest.mark.parametrize(("name", "other"), [
    ("Phoenix Group", "China Phoenix"),
])
def test_graph_merge_look_alike_names_stay_apart(merged, name: str, other: str) -> None:
    first, second = _named(merged, KG.Organization, name), _named(merged, KG.Organization, other)
    assert first and second and not first & second


def test_graph_merge_same_company_across_reports_and_legal_forms(merged) -> None:
    phoenix = {s for s in merged.subjects(RDF.type, KG.Organization)
               if {str(o) for o in merged.objects(s, None)} & {"Phoenix Group", "Phoenix Group SA"}}
    assert len(phoenix) == 1
    (node,) = phoenix
    reports = set(merged.objects(node, KG.mentionedIn))
    assert len(reports) == 2  # the two French reports


def test_graph_merge_validates(built) -> None:
    assert validate(built).conforms


def test_graph_merge_each_report_keeps_its_own_graph(built) -> None:
    graphs = [g for g in built.graphs() if len(g)]
    assert len(graphs) == 3
