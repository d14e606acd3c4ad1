"""read → extract → graph, over many reports: the library behind ``kg build``.

Each report is read, extracted and turned into its own named graph; one report that cannot be
read or built is recorded as a failure (its path and a one-line reason) and the others go on.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from kg.errors import KgError
from kg.graph.build import build_graph
from kg.graph.merge import EntityRegistry
from kg.graph.iris import report_iri
from kg.namespaces import bind_prefixes
from kg.read import Report, iter_sources, read_report


@dataclass(frozen=True)
class Failure:
    """A report that could not be built: its path and one line naming it and the problem."""

    path: Path
    message: str

    def __post_init__(self) -> None:
        # An exception's message may span lines (a parser quoting its input): the CLI prints
        # one line per failed report.
        object.__setattr__(self, "message", " ".join(self.message.split()))

    def __str__(self) -> str:
        return self.message


@dataclass
class BuildResult:
    dataset: Dataset
    reports: list[Report] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    # Reports whose text an earlier report of the build already had: built once, not failed.
    duplicates: list[Failure] = field(default_factory=list)


def new_dataset() -> Dataset:
    return bind_prefixes(Dataset())


def build_reports(inputs: Iterable[Path | str], *, lang: str | None = None,
                  on_report: Callable[[Path], None] | None = None) -> BuildResult:
    """Build every report found in ``inputs`` (files or folders) into one dataset."""
    result = BuildResult(dataset=new_dataset())
    registry = EntityRegistry()
    built: dict[str, Path] = {}  # content hash -> the report built with that text
    for path in _sources(inputs, result.failures):
        _add_report(result, path, lang, registry, built)
        if on_report is not None:
            on_report(path)
    return result


def _add_report(result: BuildResult, path: Path, lang: str | None, registry: EntityRegistry,
                built: dict[str, Path]) -> None:
    """Read, extract and build one report into ``result``'s dataset, or record why not."""
    from kg.extract import extract  # loads spaCy: only when a build runs

    try:
        report = read_report(path, lang=lang)
        if report.content_hash in built:
            # The same text under another name: its named graph cannot hold two file names.
            same = built[report.content_hash]
            result.duplicates.append(Failure(path, f"{path}: same text as {same}; built once"))
            return
        graph = build_graph(report, extract(report.text, report.lang), registry)
    except KgError as exc:
        result.failures.append(Failure(path, str(exc)))
    except Exception as exc:  # a bug must not cost the other reports their graph
        result.failures.append(crash(path, exc))
    else:
        add_graph(result, report, graph, built, path)


def crash(path: Path, exc: Exception) -> Failure:
    """The one-line failure of a report whose build hit a bug."""
    return Failure(path, f"{path}: could not be built ({type(exc).__name__}: {exc})")


def add_graph(result: BuildResult, report: Report, graph, built: dict[str, Path], path: Path) -> None:
    """Put one report's graph into the result as its own named graph."""
    named = result.dataset.graph(report_iri(report.content_hash))
    for triple in graph:
        named.add(triple)
    result.reports.append(report)
    built[report.content_hash] = path


def _sources(inputs: Iterable[Path | str], failures: list[Failure]) -> list[Path]:
    """The report files of every input, sorted; an input that cannot be walked is a failure.

    Sorted, so that the first report to name an entity (which fixes its IRI and label, see
    :mod:`kg.graph.merge`) does not depend on the order of the arguments or of a shell's glob.
    """
    paths: dict[Path, Path] = {}  # resolved -> as found: a file named twice is built once
    for given in inputs:
        try:
            for path in iter_sources([Path(given)]):
                paths.setdefault(path.resolve(), path)
        except KgError as exc:
            failures.append(Failure(Path(given), str(exc)))
    return sorted(paths.values(), key=lambda path: path.as_posix())
