"""The command line of the store: ``kg serve``, ``kg build --store`` (registered in :mod:`kg.cli`)."""
from __future__ import annotations

import signal
import sys
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg.errors import KgError

if TYPE_CHECKING:  # kg.pipeline loads spaCy, which kg serve does not need
    from kg.pipeline import Extractor

DEFAULT_PORT = 7878


def add_store_option(func: Callable) -> Callable:
    """``--store DIR`` for ``kg build``."""
    return click.option(
        "--store", type=click.Path(path_type=Path, file_okay=False), metavar="DIR",
        help="Store folder to add the reports to (made if missing): unchanged reports are skipped, "
             "changed ones replace their previous version.")(func)


def build_store(inputs: Iterable[Path], folder: Path, *, output: Path | None, lang: str | None,
                validate: bool, shapes: Path | None,
                progress: AbstractContextManager[Callable[[Path], None]] | None = None,
                extractor: Extractor | None = None) -> int:
    """``kg build --store``: add the reports to the store, validating the graphs of this run as
    they stream in (:class:`kg.validation.StreamingValidation`), write the store to ``output``
    if given; the exit code (0 all went well, 1 a report failed or does not conform).
    ``progress`` gives the callback told of each report as it is done; ``extractor`` runs the
    extraction (default: in this process)."""
    from kg.store.build import build_into_store
    from kg.store.oxigraph import Store

    if output is not None:
        from kg.export import check_target

        check_target(output)
    validation = None
    if validate:
        from kg.validation import StreamingValidation

        validation = StreamingValidation(shapes)  # a bad shapes file fails before the first report
    with Store.open(folder) as store:
        with progress or nullcontext(None) as step:
            result = build_into_store(inputs, store, lang=lang, on_report=step, keep_graphs=False,
                                      on_graph=validation and (lambda outcome: validation.add(outcome.graph)),
                                      extractor=extractor)
        for failure in result.failures:
            click.echo(f"kg: {failure}", err=True)
        for duplicate in result.duplicates:
            click.echo(f"kg: note: {duplicate}", err=True)
        click.echo(_summary(result, folder), err=True)
        if output is not None:
            store.dump(output)
            click.echo(f"kg: the store's {len(store)} quads written to {output}", err=True)
    conforms = True
    if validation is not None and result.reports:
        report = validation.result()
        conforms = report.conforms
        if not conforms:
            click.echo(report.text, err=True)
    return 0 if conforms and not result.failures else 1


def _summary(result, folder: Path) -> str:
    parts = [f"kg: {len(result.reports)} report(s) built into {folder}"]
    if result.replaced:
        parts.append(f" ({len(result.replaced)} replacing an older version)")
    if result.skipped:
        parts.append(f", {len(result.skipped)} unchanged")
    if result.failures:
        parts.append(f", {len(result.failures)} failed")
    return "".join(parts)


@click.command("serve")
@click.option("--store", "store", type=click.Path(path_type=Path, file_okay=False), metavar="DIR",
              help="Store folder to serve (opened read-only).")
@click.option("--graph", type=click.Path(path_type=Path, dir_okay=False), metavar="FILE",
              help="Graph file to serve instead (.ttl, .trig, .nq, .nt, .jsonld, .rdf), loaded in memory.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 opens the endpoint to the network.")
@click.option("--port", type=click.IntRange(0, 65535), default=DEFAULT_PORT, show_default=True,
              help="Port to listen on (0: any free port).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
              help="Seconds a query may run before it is stopped (503).")
@click.option("--max-rows", type=click.IntRange(min=0), default=100_000, show_default=True,
              help="Rows (or triples) an answer holds at most; more are cut and the answer marked "
                   "partial (X-KG-Partial: true). 0: no cap.")
@click.option("--workers", type=click.IntRange(1, 64), default=2, show_default=True,
              help="Queries run at once, each in its own process.")
@click.option("--quiet", "-q", is_flag=True, help="No line per request on stderr.")
def serve(store: Path | None, graph: Path | None, host: str, port: int, timeout: float, max_rows: int,
          workers: int, quiet: bool) -> None:
    """Serve a store (or a graph file) as a read-only SPARQL 1.1 endpoint at /sparql, with a
    query page at / and a health route at /health. Ctrl-C stops it."""
    from kg.store.runner import QueryPool, Source
    from kg.store.server import make_server, url_of

    if (store is None) == (graph is None):
        click.echo("kg: error: give --store DIR or --graph FILE (one of them)", err=True)
        sys.exit(2)
    source = Source("store", store) if store is not None else Source("file", graph)
    try:
        pool = QueryPool(source, workers=workers, timeout=timeout, max_rows=max_rows)
    except KgError as exc:
        click.echo(f"kg: error: {exc}", err=True)
        sys.exit(2)
    with pool:
        try:
            server = make_server(pool, host, port, quiet=quiet)
        except OSError as exc:
            click.echo(f"kg: error: cannot listen on {host}:{port}: {exc.strerror or exc}", err=True)
            sys.exit(2)
        info = pool.info
        click.echo(f"kg: serving {source.path} ({info.get('reports', 0)} reports, {info.get('quads', 0)} quads) "
                   f"at {url_of(server)}; query page at /, health at /health; Ctrl-C stops", err=True)
        signal.signal(signal.SIGTERM, _interrupt)  # stop as on Ctrl-C: workers and port released
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            click.echo("kg: stopped", err=True)
        finally:
            server.server_close()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
