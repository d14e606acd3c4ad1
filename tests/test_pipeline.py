"""kg.pipeline.build_reports: good reports built, bad ones recorded, one named graph a report."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal

from conftest import BUILD_DATA, ReportFolder
from kg.export import serialize, union
from kg.graph.iris import report_iri
from kg.namespaces import DCTERMS, KG, RDF, SKOS
from kg.pipeline import BuildResult, Failure, build_reports
from kg.validation import validate

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")

FR_REPORT = BUILD_DATA / "valmont-besancon.fr.txt"
EN_REPORT = BUILD_DATA / "harwick-tampere.en.txt"


@pytest.fixture(scope="module")
def mixed(pipelines: dict, report_folder: ReportFolder) -> BuildResult:
    """The folder of good and bad reports and a missing path, built once."""
    return build_reports([report_folder.path, report_folder.missing])


def test_pipeline_builds_the_good_reports(mixed: BuildResult, report_folder: ReportFolder) -> None:
    assert [report.path for report in mixed.reports] == list(report_folder.good)
    assert [report.lang for report in mixed.reports] == ["fr", "fr", "en", "fr"]


def test_pipeline_records_each_bad_report_once_in_one_line(mixed: BuildResult, report_folder: ReportFolder) -> None:
    expected = {report_folder.missing: "no such file or folder", **report_folder.bad}
    assert sorted(f.path for f in mixed.failures) == sorted(expected)
    for failure in mixed.failures:
        assert isinstance(failure, Failure)
        assert str(failure).startswith(f"{failure.path}: ")
        assert expected[failure.path] in str(failure)
        assert "\n" not in str(failure)


@pytest.mark.parametrize(("name", "encoding", "title"), [
    ("forges-angouleme.fr.txt", "cp1252",
     "Les Forges d’Émeraude, groupe métallurgique basé à Bordeaux, ont inauguré jeudi une "
     "fonderie à Angoulême."),
    # Latin-1 bytes of French are cp1252 bytes too: either name is right, the text is the same.
    ("breval-orleans.fr.txt", "cp1252",
     "La société Céramiques Bréval, dont le siège est à Nantes, a ouvert un atelier à Orléans."),
    ("valmont-besancon.fr.txt", "utf-8",
     "Le verrier lyonnais Valmont Industries a annoncé mardi la construction d'une usine à Besançon, "
     "en France."),
], ids=["cp1252", "latin-1", "utf-8"])
def test_pipeline_decodes_legacy_encodings(mixed: BuildResult, name: str, encoding: str, title: str) -> None:
    report = next(r for r in mixed.reports if r.path.name == name)
    assert report.encoding == encoding
    assert report.title == title
    graph = mixed.dataset.graph(report_iri(report.content_hash))
    assert graph.value(report_iri(report.content_hash), DCTERMS.title) == Literal(title, lang="fr")


@pytest.mark.parametrize("city", ["Angoulême", "Orléans", "Besançon", "Tampere"],
                         ids=["cp1252", "latin-1", "utf-8-fr", "utf-8-en"])
def test_pipeline_keeps_accented_labels(mixed: BuildResult, city: str) -> None:
    labels = {str(label) for label in union(mixed.dataset).objects(None, SKOS.prefLabel)}
    assert city in labels


def test_pipeline_gives_each_report_its_named_graph(mixed: BuildResult) -> None:
    named = {graph.identifier for graph in mixed.dataset.graphs() if len(graph)}
    assert named == {report_iri(r.content_hash) for r in mixed.reports}
    for report in mixed.reports:
        graph = mixed.dataset.graph(report_iri(report.content_hash))
        node = report_iri(report.content_hash)
        assert (node, RDF.type, KG.Report) in graph
        assert graph.value(node, KG.fileName) == Literal(report.path.name)
        assert graph.value(node, KG.contentHash) == Literal(report.content_hash)


def test_pipeline_result_conforms_to_the_shapes(mixed: BuildResult) -> None:
    report = validate(mixed.dataset)
    assert report.conforms, report.text


def test_pipeline_calls_back_once_per_report_file(pipelines: dict, report_folder: ReportFolder) -> None:
    seen: list[Path] = []
    bad = next(iter(report_folder.bad))
    build_reports([EN_REPORT, bad], on_report=seen.append)
    assert seen == sorted([EN_REPORT, bad], key=Path.as_posix)


def test_pipeline_is_independent_of_the_order_of_its_inputs(pipelines: dict) -> None:
    forward = build_reports([FR_REPORT, EN_REPORT])
    backward = build_reports([EN_REPORT, FR_REPORT])
    assert [r.path for r in forward.reports] == [r.path for r in backward.reports]
    assert serialize(forward.dataset, "trig", True) == serialize(backward.dataset, "trig", True)


def test_pipeline_builds_a_file_named_twice_once(pipelines: dict) -> None:
    result = build_reports([EN_REPORT, EN_REPORT.resolve(), BUILD_DATA])
    assert sorted(r.path.name for r in result.reports) == sorted(p.name for p in BUILD_DATA.glob("*.txt"))
    assert not result.failures


def test_pipeline_builds_a_text_given_under_two_names_once(pipelines: dict, tmp_path: Path) -> None:
    for name in ("a-copy.en.txt", "b-copy.en.txt"):
        (tmp_path / name).write_bytes(EN_REPORT.read_bytes())
    result = build_reports([tmp_path])
    assert [r.path.name for r in result.reports] == ["a-copy.en.txt"]
    assert [str(d) for d in result.duplicates] == [
        f"{tmp_path / 'b-copy.en.txt'}: same text as {tmp_path / 'a-copy.en.txt'}; built once"]
    assert not result.failures
    assert validate(result.dataset).conforms  # one file name for the report's one node


@pytest.mark.parametrize(("lang", "built", "problem"), [
    ("fr", "fr", None),
    ("en", "en", None),
    ("de", None, "language 'de' is not supported"),
])
def test_pipeline_forced_language(pipelines: dict, lang: str, built: str | None, problem: str | None) -> None:
    result = build_reports([FR_REPORT], lang=lang)
    assert [r.lang for r in result.reports] == ([built] if built else [])
    assert [problem in str(f) for f in result.failures] == ([True] if problem else [])


def test_pipeline_failure_is_one_line() -> None:
    failure = Failure(Path("acme.en.txt"), "acme.en.txt: could not be built (BadSyntax: at line 3\n  near 'x')")
    assert str(failure) == "acme.en.txt: could not be built (BadSyntax: at line 3 near 'x')"


# --- extraction in batches ------------------------------------------------------------------------

TEXTS = [
    (FR_REPORT.read_text(encoding="utf-8"), "fr"),
    (EN_REPORT.read_text(encoding="utf-8"), "en"),
    ("Norvelle Textiles a ouvert un atelier de tissage à Roubaix.", "fr"),
    ("Kestrel Marine opened a boatyard in Falmouth, England.", "en"),
]


def test_extract_many_gives_what_extract_gives_text_by_text(pipelines: dict) -> None:
    from kg.extract import extract, extract_many

    assert extract_many(TEXTS, batch_size=2) == [extract(text, lang) for text, lang in TEXTS]


def test_extract_many_isolates_a_text_that_fails(pipelines: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.extract

    real = kg.extract.to_extraction

    def fragile(doc, lang):
        if "Roubaix" in doc.text:
            raise ValueError("a bug met in one text")
        return real(doc, lang)

    monkeypatch.setattr(kg.extract, "to_extraction", fragile)
    results = kg.extract.extract_many(TEXTS)
    assert [type(r).__name__ for r in results] == ["Extraction", "Extraction", "ValueError", "Extraction"]
    assert all(r.facts for r in results if not isinstance(r, Exception))


def test_pipeline_report_whose_extraction_fails_is_one_line(pipelines: dict, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.extract

    real = kg.extract.to_extraction
    monkeypatch.setattr(kg.extract, "to_extraction",
                        lambda doc, lang: real(doc, lang) if "Tampere" not in doc.text else 1 / 0)
    result = build_reports([FR_REPORT, EN_REPORT])
    assert [r.path for r in result.reports] == [FR_REPORT]
    assert [str(f) for f in result.failures] == [
        f"{EN_REPORT}: could not be built (ZeroDivisionError: division by zero)"]


def test_pipeline_report_whose_graph_fails_half_way_leaves_no_triple(pipelines: dict,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # Graphs are built in place in the dataset: one that fails after its first triples must
    # not leave them there.
    import kg.graph.build

    real = kg.graph.build.GraphBuilder.site

    def fragile(builder, fact):
        real(builder, fact)
        if "Tampere" in builder.report.text:
            raise RuntimeError("a bug met after some triples")

    monkeypatch.setattr(kg.graph.build.GraphBuilder, "site", fragile)
    monkeypatch.setitem(kg.graph.build.WRITERS, "has_site_in", fragile)
    result = build_reports([FR_REPORT, EN_REPORT])
    assert [r.path for r in result.reports] == [FR_REPORT]
    assert [str(f) for f in result.failures] == [
        f"{EN_REPORT}: could not be built (RuntimeError: a bug met after some triples)"]
    graphs = {g.identifier for g in result.dataset.graphs() if len(g)}
    assert graphs == {report_iri(result.reports[0].content_hash)}
    assert not any("Tampere" in str(o) for o in result.dataset.objects())


def test_pipeline_batches_give_the_graph_of_one_report_at_a_time(pipelines: dict) -> None:
    from functools import partial

    from kg.pipeline import extract_locally

    batched = build_reports([BUILD_DATA])
    one_by_one = build_reports([BUILD_DATA], extractor=partial(extract_locally, batch_size=1))
    assert serialize(batched.dataset, "trig", True) == serialize(one_by_one.dataset, "trig", True)


def test_loaded_pipelines_are_out_of_the_garbage_collectors_sight(pipelines: dict) -> None:
    # Full collections would walk the models' half a million objects again and again.
    import gc

    tracked = {id(obj) for obj in gc.get_objects()}
    for nlp in pipelines.values():
        assert id(nlp) not in tracked
        assert id(nlp.vocab.strings) not in tracked and id(nlp.pipeline) not in tracked
    assert gc.get_freeze_count() > 100_000


def test_amounts_are_read_once_a_report(pipelines: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    # Mentions are told from amounts, and capacities and investments read them: one reading.
    import kg.extract.mentions
    from kg.extract import extract

    real, texts = kg.extract.mentions.find_amounts, []
    monkeypatch.setattr(kg.extract.mentions, "find_amounts", lambda text, lang: texts.append(text) or real(text, lang))
    extraction = extract(EN_REPORT.read_text(encoding="utf-8"), "en")
    assert any(f.relation in {"capacity", "investment"} for f in extraction.facts)
    assert len(texts) == 1


def test_a_build_runs_without_full_garbage_collections(pipelines: dict) -> None:
    # The dataset grows with every report: full collections would walk it again and again.
    import gc

    before, seen = gc.get_threshold(), []
    result = build_reports([FR_REPORT, EN_REPORT], on_report=lambda path: seen.append(gc.get_threshold()))
    assert len(result.reports) == 2
    assert [old for _, _, old in seen] == [2**31 - 1] * 2
    assert [young for young, _, _ in seen] == [before[0]] * 2  # young generations as they were
    assert gc.get_threshold() == before
