"""``kg build --executor dask``: extraction spread over a Dask distributed cluster.

:class:`DaskExtractor` is the extraction stage of :mod:`kg.pipeline` run on a cluster. The
driver reads the report files (cheap next to extraction) and sends their texts, a few reports
a task, to the workers, so the workers need no access to the files; each worker loads its
spaCy pipelines once (:class:`PipelineLoader`) and sends back plain, picklable
:class:`~kg.extract.model.Extraction` dataclasses. The driver turns them into graphs **in
report order**, with one :class:`~kg.graph.merge.EntityRegistry`, exactly as a serial build
does, so the result is the same graph, byte for byte.

Why the driver, not the workers, mints IRIs: an entity's IRI and labels are not a function of
its report alone. The registry gives a later report's "Acme" the IRI of the "Acme Industries SA"
an earlier report named, fixes an entity's label the first time it is seen, and forgets a name
once two entities share it. Those decisions depend on every report before, in order; a worker
sees only its own reports, in whatever order the scheduler hands them out.

Workers keep the memory they free: Dask's nanny starts each worker with
``MALLOC_TRIM_THRESHOLD_=65536``, which gives memory back to the operating system early (good
for a worker whose tables come and go) but also pins glibc's mmap threshold at 128 KiB, so every
array spaCy allocates above that is mapped and unmapped anew, batch after batch: about 6,500
page faults and 15 ms of a worker's CPU a report (of 90). A kg worker holds a steady working
set (its pipelines and one batch), so :class:`PipelineLoader` gives glibc back the ceilings its own
adaptive thresholds reach (:func:`keep_freed_memory`); on a local cluster the workers' sampling
profiler, which nobody can read without a dashboard, is off too.

Reports stream: at most ``window`` tasks are being extracted or waiting to be put in order at
once (completed tasks wait in a reorder buffer until every earlier report has gone on), so the
driver never holds the extractions of a whole corpus.
"""
from __future__ import annotations

import ctypes
import pickle
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path

import dask
from distributed import Client, Future, LocalCluster, WorkerPlugin, as_completed

from kg.errors import KgError, one_line
from kg.extract.model import Extraction
from kg.pipeline import BuildResult, Outcome, build_reports
from kg.read import SUPPORTED_LANGUAGES

CONNECT_TIMEOUT = "20s"
REPORTS_PER_TASK = 16  # enough for nlp.pipe to batch (8 a language), few enough to keep workers busy
WINDOW_PER_WORKER = 2  # tasks in flight a worker thread: one running, one waiting
# glibc's mallopt parameters, and the ceilings its adaptive thresholds grow to on 64-bit systems
# (DEFAULT_MMAP_THRESHOLD_MAX; the trim threshold follows at twice the mmap threshold).
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
MMAP_THRESHOLD_MAX = 32 * 1024 * 1024


class PipelineLoader(WorkerPlugin):
    """Loads the spaCy pipelines on each worker when it joins, before its first report
    (``load_pipeline`` is cached: a worker process loads each language once)."""

    name = "kg-pipelines"

    def __init__(self, langs: tuple[str, ...]) -> None:
        self.langs = langs

    def setup(self, worker) -> None:
        from kg.extract import load_pipeline

        keep_freed_memory()
        for lang in self.langs:
            load_pipeline(lang)


def keep_freed_memory() -> bool:
    """Lets this process's allocator keep freed memory for reuse, up to glibc's own adaptive
    ceilings (see the module's docstring), whatever ``MALLOC_TRIM_THRESHOLD_`` says; False
    where the C library is not glibc (no ``mallopt``) and nothing changed."""
    try:
        libc = ctypes.CDLL(None)  # the symbols the process has loaded, the C library's among them
    except (OSError, TypeError):  # TypeError: Windows has no such handle
        return False
    if not hasattr(libc, "mallopt"):
        return False
    return bool(libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_MAX)
                and libc.mallopt(M_TRIM_THRESHOLD, 2 * MMAP_THRESHOLD_MAX))


def extract_texts(texts: list[tuple[str, str]]) -> list[Extraction | Exception]:
    """On a worker: the extractions of ``(text, lang)`` pairs, or in its place the exception
    of a text that failed (made picklable, so that it reaches the driver)."""
    from kg.extract import extract_many

    return [_portable(result) for result in extract_many(texts)]


def _portable(result: Extraction | Exception) -> Extraction | Exception:
    if not isinstance(result, Exception):
        return result
    try:
        pickle.loads(pickle.dumps(result))
        return result
    except Exception:  # noqa: BLE001  (an exception whose arguments do not pickle)
        return RuntimeError(f"{type(result).__name__}: {result}")


class DaskExtractor:
    """The extraction stage of a build (a :data:`kg.pipeline.Extractor`) on the cluster of
    ``client``: outcomes go out in batches of ``per_task``, come back in order."""

    def __init__(self, client: Client, *, per_task: int = REPORTS_PER_TASK, window: int | None = None) -> None:
        self.client = client
        self.per_task = per_task
        self.window = window or WINDOW_PER_WORKER * max(1, sum(client.nthreads().values()))

    def __call__(self, outcomes: Iterable[Outcome]) -> Iterator[Outcome]:
        todo = iter(outcomes)
        running: dict[Future, int] = {}
        ready: dict[int, list[Outcome]] = {}  # the reorder buffer: done, waiting for an earlier batch
        batches: dict[int, tuple[list[Outcome], list[Outcome]]] = {}  # running: (batch, its reports to extract)
        done = as_completed()
        submitted = following = 0
        while True:
            while len(running) + len(ready) < self.window and (batch := list(islice(todo, self.per_task))):
                extract = [o for o in batch if o.to_extract]
                if extract:
                    texts = [(o.report.text, o.report.lang) for o in extract]
                    future = self.client.submit(extract_texts, texts, pure=False)
                    running[future] = submitted
                    batches[submitted] = (batch, extract)
                    done.add(future)
                else:
                    ready[submitted] = batch
                submitted += 1
            if following in ready:
                yield from ready.pop(following)
                following += 1
                continue
            if not running:
                return
            future = next(done)
            index = running.pop(future)
            ready[index] = _fill(*batches.pop(index), future)


def _fill(batch: list[Outcome], extract: list[Outcome], future: Future) -> list[Outcome]:
    """The batch, its outcomes ``extract`` given the extractions (or failures) ``future`` holds."""
    try:
        results: list[Extraction | Exception] = future.result()
    except Exception as exc:  # noqa: BLE001  (the worker died, KilledWorker: the batch's reports fail)
        results = [exc] * len(extract)
    finally:
        future.release()
    for outcome, result in zip(extract, results):
        if isinstance(result, Exception):
            outcome.fail(result)
        else:
            outcome.extraction = result
    return batch


def build_distributed(inputs: Iterable[Path | str], *, scheduler: str | Client | None = None,
                      workers: int = 2, lang: str | None = None,
                      on_report: Callable[[Path], None] | None = None) -> BuildResult:
    """Build every report found in ``inputs`` like :func:`kg.pipeline.build_reports`, with the
    extraction spread over the Dask cluster at ``scheduler`` (an address or a connected
    client), or over a local cluster of ``workers`` processes when none is given."""
    with dask_extractor(scheduler, workers, lang) as extractor:
        return build_reports(inputs, lang=lang, on_report=on_report, extractor=extractor)


@contextmanager
def dask_extractor(scheduler: str | Client | None, workers: int, lang: str | None) -> Iterator[DaskExtractor]:
    """An extraction stage on the cluster at ``scheduler`` (or a local one of ``workers``
    processes), its workers loading the pipelines of ``lang`` (or of every language)."""
    with _connected(scheduler, workers) as client:
        client.register_plugin(PipelineLoader((lang,) if lang else SUPPORTED_LANGUAGES))
        yield DaskExtractor(client)


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
            raise KgError(f"{scheduler}: cannot connect to the Dask scheduler ({one_line(exc, 160)})") from None
        with client:
            yield client
        return
    # One thread a process: spaCy holds the GIL, so threads would not run two reports at once.
    # The workers take the configuration as it is when they start.
    with dask.config.set({"distributed.worker.profile.enabled": False}):
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, Client(cluster) as client:
        yield client
