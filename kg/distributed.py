"""``kg build --executor dask``: extraction spread over a Dask distributed cluster.

Workers read and extract reports (the costly part: spaCy), each loading its pipelines once;
they send back, per report, the :class:`~kg.read.Report` and its
:class:`~kg.extract.model.Extraction`: plain, picklable dataclasses. The driver turns them into
graphs **in report order**, with one :class:`~kg.graph.merge.EntityRegistry`, exactly as
:func:`kg.pipeline.build_reports` does, so the result is the same graph, byte for byte.

Why the driver, not the workers, mints IRIs: an entity's IRI and labels are not a function of
its report alone. The registry gives a later report's "Acme" the IRI of the "Acme Industries SA"
an earlier report named, fixes an entity's label the first time it is seen, and forgets a name
once two entities share it. Those decisions depend on every report before, in order; a worker
sees only its own reports, in whatever order the scheduler hands them out. Building a graph is
cheap next to extracting it, so doing it on the driver costs little.

Reports stream: at most ``window`` are being extracted or waiting to be put in order at once
(completed futures go into a reorder buffer until every earlier report has been built), so the
driver never holds the extractions of a whole corpus. With a remote ``scheduler``, the workers
must see the report files at the same paths as the driver (a shared file system), and have kg
and its spaCy pipelines installed.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from distributed import Client, Future, LocalCluster, WorkerPlugin, as_completed

from kg.errors import KgError
from kg.extract.model import Extraction
from kg.graph.build import build_graph
from kg.graph.merge import EntityRegistry
from kg.pipeline import BuildResult, Failure, _sources, add_graph, crash, new_dataset
from kg.read import SUPPORTED_LANGUAGES, Report, read_report

Outcome = tuple[Report, Extraction] | Failure
CONNECT_TIMEOUT = "20s"
WINDOW_PER_WORKER = 4  # reports in flight a worker thread: enough to hide the round trips


class PipelineLoader(WorkerPlugin):
    """Loads the spaCy pipelines on each worker when it joins, before its first report
    (``load_pipeline`` is cached: a worker process loads each language once)."""

    name = "kg-pipelines"

    def __init__(self, langs: tuple[str, ...]) -> None:
        self.langs = langs

    def setup(self, worker) -> None:
        from kg.extract import load_pipeline

        for lang in self.langs:
            load_pipeline(lang)


def read_and_extract(path: Path, lang: str | None) -> Outcome:
    """On a worker: one report read and extracted, or the one-line failure of a serial build."""
    from kg.extract import extract

    try:
        report = read_report(path, lang=lang)
        return report, extract(report.text, report.lang)
    except KgError as exc:
        return Failure(path, str(exc))
    except Exception as exc:  # a bug must not cost the other reports their graph
        return crash(path, exc)


def build_distributed(inputs: Iterable[Path | str], *, scheduler: str | Client | None = None,
                      workers: int = 2, lang: str | None = None,
                      on_report: Callable[[Path], None] | None = None) -> BuildResult:
    """Build every report found in ``inputs`` like :func:`kg.pipeline.build_reports`, with the
    extraction spread over the Dask cluster at ``scheduler`` (an address or a connected
    client), or over a local cluster of ``workers`` processes when none is given."""
    result = BuildResult(dataset=new_dataset())
    registry = EntityRegistry()
    built: dict[str, Path] = {}  # content hash -> the report built with that text
    paths = _sources(inputs, result.failures)
    with _connected(scheduler, workers) as client:
        client.register_plugin(PipelineLoader((lang,) if lang else SUPPORTED_LANGUAGES))
        for path, outcome in extract_in_order(client, paths, lang=lang):
            _add(result, registry, built, path, outcome)
            if on_report is not None:
                on_report(path)
    return result


def extract_in_order(client: Client, paths: list[Path], *, lang: str | None = None,
                     window: int | None = None) -> Iterator[tuple[Path, Outcome]]:
    """``(path, outcome)`` of each report, in the order of ``paths``, extracted on the cluster
    with at most ``window`` reports submitted and not yet yielded."""
    window = window or WINDOW_PER_WORKER * max(1, sum(client.nthreads().values()))
    todo = iter(enumerate(paths))
    running: dict[Future, int] = {}
    ready: dict[int, Outcome] = {}  # the reorder buffer: done, waiting for an earlier report
    done = as_completed()
    _submit(client, todo, running, done, window - len(ready), lang)
    following = 0
    while running:
        future = next(done)
        index = running.pop(future)
        ready[index] = _result(future, paths[index])
        while following in ready:
            yield paths[following], ready.pop(following)
            following += 1
        _submit(client, todo, running, done, window - len(ready), lang)


def _submit(client: Client, todo: Iterator[tuple[int, Path]], running: dict[Future, int],
            done: as_completed, room: int, lang: str | None) -> None:
    while len(running) < room and (item := next(todo, None)) is not None:
        index, path = item
        future = client.submit(read_and_extract, path, lang, pure=False)
        running[future] = index
        done.add(future)


def _result(future: Future, path: Path) -> Outcome:
    try:
        return future.result()
    except Exception as exc:  # the worker died (KilledWorker), or could not unpickle the task
        return crash(path, exc)
    finally:
        future.release()


def _add(result: BuildResult, registry: EntityRegistry, built: dict[str, Path], path: Path,
         outcome: Outcome) -> None:
    """What ``kg.pipeline`` does with one report once it is extracted: its graph, its failure,
    or a note that an earlier report had the same text (keep the two in step)."""
    if isinstance(outcome, Failure):
        result.failures.append(outcome)
        return
    report, extraction = outcome
    if report.content_hash in built:
        same = built[report.content_hash]
        result.duplicates.append(Failure(path, f"{path}: same text as {same}; built once"))
        return
    try:
        graph = build_graph(report, extraction, registry)
    except KgError as exc:
        result.failures.append(Failure(path, str(exc)))
    except Exception as exc:
        result.failures.append(crash(path, exc))
    else:
        add_graph(result, report, graph, built, path)


@contextmanager
def _connected(scheduler: str | Client | None, workers: int) -> Iterator[Client]:
    """A client of the given scheduler, of a connected client, or of a new local cluster."""
    if isinstance(scheduler, Client):
        yield scheduler
        return
    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise KgError(f"{scheduler}: cannot connect to the Dask scheduler ({' '.join(str(exc).split())[:160]})") from None
        with client:
            yield client
        return
    # One thread a process: spaCy holds the GIL, so threads would not run two reports at once.
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        yield client
