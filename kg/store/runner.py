"""Queries run in worker processes, each under a time limit that really stops it.

pyoxigraph has no query timeout in 0.5, and a query cannot be interrupted from Python: it
releases the GIL while it evaluates, so the server stays responsive, but a thread running a
runaway query (a cross product, a path over everything) goes on using a core until it ends,
hours later maybe. So each query runs in a worker process; when the deadline passes, the worker
is killed (SIGKILL) and a fresh one started in the background, and the client gets a 503 saying
which limit it hit. Measured here: two workers start in 1.5 s (a new interpreter each, then the
store opened read-only, or a graph file parsed at ~1M triples/s); a small query answers over
HTTP in 4-8 ms, most of it rdflib parsing the query for the safety checks, against 0.06 ms for
pyoxigraph alone.

A worker is ``python -m kg.store.runner``, not a ``multiprocessing`` child: ``fork`` would copy
a RocksDB handle and the server's threads, and ``spawn`` re-runs the parent's main module
(``python -m kg`` would start the command line again in every worker). Requests and answers
are pickled, length-prefixed, over the worker's stdin and stdout; the worker's own stdout is
its stderr, so nothing a library prints can corrupt the channel. A worker ends when its channel
closes, and on Linux when the server dies, even mid-query (``PR_SET_PDEATHSIG``).
"""
from __future__ import annotations

import logging
import os
import pickle
import queue
import select
import signal
import struct
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from kg.errors import GraphLoadError, KgError
from kg.store.protocol import Answer, QueryRequest

START_TIMEOUT = 120.0  # seconds for a worker to open its store (a large graph file takes a while)
_LENGTH = struct.Struct(">Q")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Source:
    """What the workers serve: a store folder (``store``) or a graph file (``file``)."""

    kind: str
    path: Path

    def open(self):
        from kg.store.oxigraph import Store

        return Store.open(self.path, read_only=True) if self.kind == "store" else Store.from_file(self.path)


def send(stream: IO[bytes], message: Any) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LENGTH.pack(len(data)) + data)
    stream.flush()


def receive(stream: IO[bytes]) -> Any:
    """The next message on ``stream``; EOFError when the other side is gone."""
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        raise EOFError("the channel closed")
    size = _LENGTH.unpack(head)[0]
    data = stream.read(size)
    if len(data) < size:
        raise EOFError("the channel closed mid-message")
    return pickle.loads(data)


class _Worker:
    """One worker process and its channel."""

    def __init__(self, source: Source, max_rows: int) -> None:
        command = [sys.executable, "-m", "kg.store.runner", source.kind, str(source.path), str(max_rows),
                   str(os.getpid())]
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def ask(self, message: Any) -> None:
        send(self.process.stdin, message)

    def wait(self, seconds: float) -> bool:
        """Whether the worker has answered within ``seconds``."""
        readable, _, _ = select.select([self.process.stdout], [], [], max(seconds, 0))
        return bool(readable)

    def answer(self) -> Any:
        return receive(self.process.stdout)

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        self.process.kill()
        self.process.wait(timeout=10)
        for stream in (self.process.stdin, self.process.stdout):
            try:
                stream.close()
            except OSError:  # a broken pipe on flush: the process is gone anyway
                pass


class QueryPool:
    """Worker processes answering :class:`QueryRequest` s, each within ``timeout`` seconds and
    ``max_rows`` rows (0: no cap). ``info`` is what the store holds (for the health route)."""

    def __init__(self, source: Source, *, workers: int = 2, timeout: float = 30.0, max_rows: int = 100_000) -> None:
        self.source, self.timeout, self.max_rows = source, timeout, max_rows
        self.size = workers
        self.info: dict[str, Any] = {}
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        # Workers are started from this one thread, which lives as long as the pool: on Linux a
        # worker is killed when the thread that started it ends (see _die_with_parent).
        self._spawns: queue.Queue[queue.Queue | None] = queue.Queue()
        threading.Thread(target=self._spawner, name="kg-worker-spawner", daemon=True).start()
        try:
            started = [self._spawn() for _ in range(workers)]  # they open the store side by side
            for worker in started:
                self._idle.put(self._ready(worker))
        except BaseException:
            self.close()
            raise

    def answer(self, request: QueryRequest) -> Answer:
        """The answer to ``request``, or a 503 when no worker is free in time or the query
        runs past the time limit (its worker is then replaced)."""
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            return Answer.error(503, f"all {self.size} query workers stayed busy for {self.timeout:g} s; "
                                     "try again", ("Retry-After", "5"))
        try:
            worker.ask(request)
            if worker.wait(self.timeout):
                found = worker.answer()
                self._idle.put(worker)
                return found
        except (EOFError, OSError, pickle.UnpicklingError) as exc:
            self._replace(worker)
            return Answer.error(500, f"the query worker died ({type(exc).__name__}); the query was not answered")
        self._replace(worker)
        return Answer.error(503, f"the query ran past the time limit of {self.timeout:g} s and was stopped; "
                                 "narrow it (LIMIT, more specific patterns) or ask for a longer --timeout",
                            ("X-KG-Timeout", f"{self.timeout:g}"))

    def alive(self) -> int:
        """How many workers are running."""
        with self._lock:
            return sum(1 for worker in self._all if worker.alive())

    def close(self) -> None:
        """Stop every worker."""
        self._spawns.put(None)
        with self._lock:
            self._closed = True
            workers, self._all = list(self._all), set()
        for worker in workers:
            worker.stop()

    def __enter__(self) -> QueryPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _spawn(self) -> _Worker:
        """A new worker process (started by the spawner thread), not yet ready."""
        reply: queue.Queue[_Worker | BaseException] = queue.Queue(maxsize=1)
        self._spawns.put(reply)
        try:
            worker = reply.get(timeout=START_TIMEOUT)
        except queue.Empty:  # the pool closed meanwhile
            raise KgError("the query pool is closed") from None
        if isinstance(worker, BaseException):
            raise worker
        with self._lock:
            self._all.add(worker)
        return worker

    def _spawner(self) -> None:
        while (reply := self._spawns.get()) is not None:
            try:
                reply.put(_Worker(self.source, self.max_rows))
            except BaseException as exc:  # handed to the thread that asked
                reply.put(exc)

    def _ready(self, worker: _Worker) -> _Worker:
        """``worker`` once it has opened the store; GraphLoadError if it could not."""
        status, payload = self._first_word(worker)
        if status != "ready":
            self._discard(worker)
            raise GraphLoadError(self.source.path, f"cannot serve it: {payload}")
        self.info = payload
        return worker

    def _first_word(self, worker: _Worker) -> tuple[str, Any]:
        if not worker.wait(START_TIMEOUT):
            return "error", f"the worker took more than {START_TIMEOUT:g} s to open it"
        try:
            return worker.answer()
        except (EOFError, OSError, pickle.UnpicklingError):
            return "error", "the worker process died while opening it"

    def _discard(self, worker: _Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.stop()

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` and start another in the background (the client need not wait)."""
        self._discard(worker)
        threading.Thread(target=self._restart, name="kg-worker-restart", daemon=True).start()

    def _restart(self) -> None:
        if self._closed:
            return
        try:
            fresh = self._ready(self._spawn())
        except KgError as exc:
            log.error("kg serve: a query worker could not restart: %s", exc)
            return
        if self._closed:
            self._discard(fresh)
        else:
            self._idle.put(fresh)


def _work(source: Source, max_rows: int, channel_in: IO[bytes], channel_out: IO[bytes]) -> None:
    """A worker's life: open the store, say what it holds, then answer requests until the
    channel closes."""
    from kg.store.protocol import answer, describe

    try:
        store = source.open()
        send(channel_out, ("ready", describe(store)))
    except Exception as exc:  # the parent reports it; a traceback here would say less
        send(channel_out, ("error", str(exc)))
        return
    while True:
        try:
            request = receive(channel_in)
        except EOFError:
            return
        send(channel_out, answer(store, request, max_rows))


def _die_with_parent(parent: int) -> None:
    """On Linux, be killed when the server dies, even in the middle of a runaway query (which
    would not notice its closed channel until it ends). Linux sends the signal when the parent
    *thread* that started the worker ends: the pool starts workers from one long-lived thread."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the closed channel still ends the worker
        return
    if os.getppid() != parent:  # the server died before the call
        os._exit(1)


def main(argv: list[str]) -> None:
    kind, path, max_rows, parent = argv
    _die_with_parent(int(parent))
    channel_out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # what anything else prints goes to stderr, not into the channel
    _work(Source(kind, Path(path)), int(max_rows), sys.stdin.buffer, channel_out)


if __name__ == "__main__":
    main(sys.argv[1:])
