"""read → extract → graph, over many reports: the library behind ``kg build``.

A build is a stream of :class:`Outcome`, one per report file, in the order of the sorted file
paths, through four stages:

1. **read** (:func:`read_all`): the file becomes a :class:`~kg.read.Report`, or a failure;
2. **triage**: a report whose text an earlier report of the build had is noted, not built
   (:func:`dedupe`); a store adds its own triage (:mod:`kg.store.build`: unchanged reports
   are skipped before the costly part);
3. **extract**, by an :data:`Extractor`: :func:`extract_locally` runs the reports through
   spaCy in batches, :class:`kg.distributed.DaskExtractor` on a Dask cluster;
4. **graph** (:func:`build_graphs`): each extraction becomes the report's graph, in report
   order, with one :class:`~kg.graph.merge.EntityRegistry` (an entity's IRI and label depend on
   every report before it, so this stage is sequential).

Consumers take the stream where they want it: :func:`build_reports` into one rdflib dataset,
:func:`kg.store.build.build_into_store` into a store, one transaction a report, without holding
the graphs. One report that cannot be read or built is recorded as a failure (its path and a
one-line reason) and the others go on.
"""
from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from rdflib import Dataset, Graph

from kg.errors import KgError
from kg.extract.model import Extraction
from kg.graph.build import build_graph
from kg.graph.iris import report_iri
from kg.graph.merge import EntityRegistry
from kg.namespaces import bind_prefixes
from kg.read import Report, iter_sources, read_report

BATCH_SIZE = 32  # reports read ahead and extracted together: what nlp.pipe batches
NEVER = 2**31 - 1  # a collection threshold that is never reached


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
class Outcome:
    """One report file on its way through a build; the stages fill it in.

    At the end exactly one of these holds: ``graph`` (built), ``failure`` (could not be read,
    extracted or built), ``duplicate`` (an earlier report had the same text: built once), or
    ``skipped`` (a store holds it unchanged).
    """

    path: Path
    report: Report | None = None
    failure: Failure | None = None
    duplicate: Failure | None = None
    skipped: bool = False
    extraction: Extraction | None = None
    graph: Graph | None = None

    @property
    def to_extract(self) -> bool:
        return (self.report is not None and self.extraction is None and self.failure is None
                and self.duplicate is None and not self.skipped)

    def fail(self, exc: Exception) -> None:
        self.failure = failure_of(self.path, exc)

    def same_text_as(self, first: Path | str) -> None:
        """Note that ``first`` (a report of the build, or a file the store holds) has this text."""
        self.duplicate = Failure(self.path, f"{self.path}: same text as {first}; built once")


# An extraction stage: outcomes in, the same outcomes out in the same order, those that are
# ``to_extract`` given their extraction or failure. It may read ahead: a batch, a cluster's window.
Extractor = Callable[[Iterable[Outcome]], Iterator[Outcome]]


@dataclass
class BuildResult:
    dataset: Dataset
    reports: list[Report] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    # Reports whose text an earlier report of the build already had: built once, not failed.
    duplicates: list[Failure] = field(default_factory=list)

    def record(self, outcome: Outcome) -> None:
        """Note a finished outcome among the reports, failures or duplicates (not its graph)."""
        if outcome.failure is not None:
            self.failures.append(outcome.failure)
        elif outcome.duplicate is not None:
            self.duplicates.append(outcome.duplicate)
        elif outcome.graph is not None:
            self.reports.append(outcome.report)


def new_dataset() -> Dataset:
    return bind_prefixes(Dataset())


def build_reports(inputs: Iterable[Path | str], *, lang: str | None = None,
                  on_report: Callable[[Path], None] | None = None,
                  extractor: Extractor | None = None) -> BuildResult:
    """Build every report found in ``inputs`` (files or folders) into one dataset, one named
    graph a report. ``extractor`` runs the extraction (default: :func:`extract_locally`)."""
    result = BuildResult(dataset=new_dataset())
    paths = sources(inputs, result.failures)
    outcomes = dedupe(read_all(paths, lang))
    extracted = (extractor or extract_locally)(outcomes)
    with young_collections_only():
        for outcome in build_graphs(extracted, EntityRegistry(), into=result.dataset):
            result.record(outcome)
            if on_report is not None:
                on_report(outcome.path)
    return result


@contextmanager
def young_collections_only() -> Iterator[None]:
    """No full collection of the cyclic garbage collector for the time of a build.

    A build's dataset grows by some 1,000 objects a report, and every full collection walks
    all of them: at 500 reports, 3 ms a report went to collections. The young generations are
    still collected, which frees what a report leaves in cycles; what reaches the oldest
    generation waits for the first full collection after the build.
    """
    young, middle, old = gc.get_threshold()
    gc.set_threshold(young, middle, NEVER)
    try:
        yield
    finally:
        gc.set_threshold(young, middle, old)


# --- the stages ----------------------------------------------------------------------------------

def read_all(paths: Iterable[Path], lang: str | None) -> Iterator[Outcome]:
    """Stage 1: each file read into a report (``lang`` forces its language), or a failure."""
    for path in paths:
        outcome = Outcome(path)
        try:
            outcome.report = read_report(path, lang=lang)
        except Exception as exc:  # noqa: BLE001  (recorded for this report alone)
            outcome.fail(exc)
        yield outcome


def dedupe(outcomes: Iterable[Outcome]) -> Iterator[Outcome]:
    """Stage 2: a report with the same text as an earlier one is noted and not built again (its
    named graph, named after the text's hash, cannot hold two file names)."""
    first: dict[str, Path] = {}  # content hash -> the first report of the build with that text
    for outcome in outcomes:
        if outcome.to_extract:
            same = first.setdefault(outcome.report.content_hash, outcome.path)
            if same != outcome.path:
                outcome.same_text_as(same)
        yield outcome


def extract_locally(outcomes: Iterable[Outcome], batch_size: int = BATCH_SIZE) -> Iterator[Outcome]:
    """Stage 3 in this process: reports extracted ``batch_size`` at a time (see
    :func:`kg.extract.extract_many`)."""
    from kg.extract import extract_many  # loads spaCy: only when a build runs

    outcomes = iter(outcomes)
    while batch := list(islice(outcomes, batch_size)):
        todo = [outcome for outcome in batch if outcome.to_extract]
        extractions = extract_many([(o.report.text, o.report.lang) for o in todo], batch_size)
        for outcome, extraction in zip(todo, extractions):
            if isinstance(extraction, Exception):
                outcome.fail(extraction)
            else:
                outcome.extraction = extraction
        yield from batch


def build_graphs(outcomes: Iterable[Outcome], registry: EntityRegistry | Callable[[], EntityRegistry],
                 into: Dataset | None = None) -> Iterator[Outcome]:
    """Stage 4: each extraction turned into its report's graph, in report order. ``registry``
    may be a function that makes it, called when the first graph is built (a store's registry
    is read from the store: not needed when every report is skipped). With ``into``, each graph
    is built in place as its report's named graph of the dataset (a copy would cost as much
    as building it)."""
    for outcome in outcomes:
        if outcome.extraction is not None and outcome.failure is None:
            if not isinstance(registry, EntityRegistry):
                registry = registry()
            named = None if into is None else into.graph(report_iri(outcome.report.content_hash))
            try:
                outcome.graph = build_graph(outcome.report, outcome.extraction, registry, named)
            except Exception as exc:  # noqa: BLE001  (recorded for this report alone)
                outcome.fail(exc)
                if named is not None:
                    into.remove_graph(named)  # a report that fails leaves nothing behind
            outcome.extraction = None  # the graph is what is kept
        yield outcome


# --- helpers -------------------------------------------------------------------------------------

def failure_of(path: Path, exc: Exception) -> Failure:
    """The one-line failure of a report: kg's own message, or that a bug stopped it."""
    if isinstance(exc, KgError):
        return Failure(path, str(exc))
    return crash(path, exc)


def crash(path: Path, exc: Exception) -> Failure:
    """The one-line failure of a report whose build hit a bug."""
    return Failure(path, f"{path}: could not be built ({type(exc).__name__}: {exc})")


def sources(inputs: Iterable[Path | str], failures: list[Failure]) -> list[Path]:
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
