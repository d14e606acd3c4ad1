"""The named queries of queries/: each one's answer on a hand-written graph, and their form."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Dataset
from rdflib.plugins.sparql import prepareQuery

from kg.resources import query_names, query_text
from kg.sparql import format_result, load_graph, resolve_query, run_query

# rdflib 7 calls its own deprecated Dataset API when these tests serialize and update graphs.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")

DATA = Path(__file__).parent / "data" / "queries"
EXPECTED = sorted(path.stem for path in DATA.glob("*.tsv"))
# facts.rq, the facts view, is checked against the scorer's format by its own tests.
OWN_EXPECTATIONS = {"facts"}


@pytest.fixture(scope="module")
def sample() -> Dataset:
    return load_graph(DATA / "sample.trig")


@pytest.mark.parametrize("name", EXPECTED)
def test_queries_answer_as_expected(sample: Dataset, name: str) -> None:
    expected = (DATA / f"{name}.tsv").read_text(encoding="utf-8")
    assert format_result(run_query(sample, resolve_query(name)), "tsv") == expected


def test_queries_each_has_an_expected_answer() -> None:
    assert set(query_names()) - OWN_EXPECTATIONS <= set(EXPECTED)


@pytest.mark.parametrize("name", sorted(set(query_names()) - OWN_EXPECTATIONS))
def test_queries_say_what_they_answer_and_sort(name: str) -> None:
    """A leading comment names every answer variable; ORDER BY makes the answer repeatable."""
    text = query_text(name)
    comment = "".join(line for line in text.splitlines(keepends=True) if line.startswith("#"))
    assert text.startswith("# ")
    assert "ORDER BY" in text
    for variable in prepareQuery(text).algebra["PV"]:
        assert re.search(rf"\?{variable}\b", comment), f"?{variable} is not described"


@pytest.mark.parametrize(
    ("fact", "relation", "reports"),
    [
        # a kg:Assertion stated by two reports, French both
        ("headquartered_in/c2a9f8ca4109d381", "kg:headquarteredIn",
         ["orbelia-bilan.fr.txt", "orbelia-valence.fr.txt"]),
        # an n-ary fact from an English report
        ("capacity/26099c4bb3dfabc4", "kg:Capacity", ["kestrel-gdansk.en.txt"]),
        # a gazetteer fact: no report, a source
        ("located_in/41310ad4d055d638", "kg:locatedIn", [None]),
    ],
)
def test_queries_evidence_explains_one_fact(
    sample: Dataset, fact: str, relation: str, reports: list[str | None]
) -> None:
    result = run_query(sample, resolve_query("evidence"), {"fact": f"kgr:fact/{fact}"})
    rows = [dict(zip(result.variables, row)) for row in result.rows]
    assert [row["report"] for row in rows] == reports
    assert {row["relation"] for row in rows} == {relation}
    assert {row["fact"] for row in rows} == {f"kgr:fact/{fact}"}


def test_queries_evidence_offsets_point_at_the_anchor(sample: Dataset) -> None:
    """The sample's offsets are those of the reports' text: each anchor sits in its sentence."""
    result = run_query(sample, resolve_query("evidence"))
    rows = [dict(zip(result.variables, row)) for row in result.rows if row[2] is not None]
    assert rows
    for row in rows:
        assert row["anchor"] in row["sentence"]
        assert int(row["end"]) - int(row["begin"]) == len(row["anchor"])


KG = "https://w3id.org/kg/ontology#"
SECOND_CAPACITY = "https://w3id.org/kg/id/fact/capacity/9eab557ab10d8ab4"  # report C's 16 GWh/yr
KESTREL_SITE = "https://w3id.org/kg/id/fact/has_site_in/f24a6f8139c1f8b9"  # in Gdańsk


@pytest.mark.parametrize(
    ("prop", "value"),
    [
        ("value", "12.0"),  # both reports give the same figure
        ("site", f"<{KESTREL_SITE}>"),  # two plants, one capacity each
        ("unit", "<https://w3id.org/kg/unit/Megawatt>"),  # figures of different things
    ],
)
def test_queries_conflicts_need_a_real_disagreement(sample: Dataset, prop: str, value: str) -> None:
    query = resolve_query("conflicts")
    assert len(run_query(sample, query).rows) == 1
    changed = Dataset(default_union=True)
    for quad in sample.quads((None, None, None, None)):
        changed.add(quad)
    target = f"<{SECOND_CAPACITY}> <{KG}{prop}>"
    changed.update(
        f"DELETE {{ GRAPH ?g {{ {target} ?old }} }} INSERT {{ GRAPH ?g {{ {target} {value} }} }}"
        f" WHERE {{ GRAPH ?g {{ {target} ?old }} }}"
    )
    assert run_query(changed, f"ASK {{ {target} {value} }}").boolean
    assert run_query(changed, query).rows == ()
