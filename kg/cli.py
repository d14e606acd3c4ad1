"""``kg``: the command line. Thin wrappers around the library; errors are one line, never a traceback.

Exit codes follow pySHACL's: 0 when all went well (the graph conforms), 1 when something did
not (a report failed, a graph has violations), 2 when the command could not run.
"""
from __future__ import annotations

import re
import sys
from contextlib import nullcontext
from pathlib import Path

import click

from kg import __version__
from kg.clikit import fails_cleanly
from kg.errors import QueryError
from kg.store.commands import add_store_option

QUERY_FORMATS = ("table", "csv", "tsv", "json")


def shapes_option(func):
    return click.option("--shapes", type=click.Path(path_type=Path, dir_okay=False),
                        help="SHACL shapes file (default: the bundled ontology/shapes.ttl).")(func)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """Knowledge graphs of industrial sites from French and English reports."""


DEFAULT_STORE = Path("kg.store")


def executor_options(func):
    """``--executor``, ``--scheduler``, ``--workers``: where ``kg build`` runs the extraction."""
    func = click.option("--workers", type=click.IntRange(1, 256), metavar="N",
                        help="Worker processes of the local Dask cluster (default: 2).")(func)
    func = click.option("--scheduler", metavar="ADDRESS",
                        help="Address of the Dask scheduler to use (tcp://host:8786) instead of "
                             "a local cluster; its workers need kg and its spaCy pipelines.")(func)
    return click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                        help="Where the extraction runs: in this process, or on a Dask cluster "
                             "(a local one unless --scheduler is given). The graph is the same.")(func)


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="REPORTS...", type=click.Path(path_type=Path))
@click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False),
              help="Graph file to write; its suffix picks the format (.ttl, .trig, .nq, .nt, .jsonld, .rdf, .xml). "
                   "With --store, the whole store is written there after the build.")
@click.option("--lang", type=click.Choice(["fr", "en"]), help="Force the reports' language (default: detected).")
@click.option("--no-validate", is_flag=True, help="Do not validate the graph against the shapes.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@add_store_option
@executor_options
@shapes_option
@fails_cleanly
def build(inputs: tuple[Path, ...], output: Path | None, lang: str | None, no_validate: bool, quiet: bool,
          store: Path | None, executor: str, scheduler: str | None, workers: int | None,
          shapes: Path | None) -> None:
    """Build REPORTS into a store, or into one graph file.

    REPORTS are files or folders of .txt, .md and .html reports in French or English. Each
    report becomes a named graph (kept apart in .trig and .nq files). With neither --output nor
    --store, the reports go into the store folder ./kg.store. A report that cannot be read or
    built gets one line on stderr and the others go on. Exit 0 when every report was built and
    the graph conforms to the shapes, 1 when not, 2 when the command could not run.
    """
    if executor != "dask" and (scheduler or workers):
        raise click.UsageError("--scheduler and --workers are options of --executor dask")
    if store is None and output is None:
        store = DEFAULT_STORE
    if output is not None:
        from kg.export import check_target

        check_target(output)  # before a cluster starts or a report is read
    with _extractor(executor, scheduler, workers or 2, lang) as extractor:
        if store is not None:
            from kg.store.commands import build_store

            sys.exit(build_store(inputs, store, output=output, lang=lang, validate=not no_validate,
                                 shapes=shapes, progress=_progress(quiet), extractor=extractor))
        sys.exit(_build_file(inputs, output, lang, not no_validate, shapes, _progress(quiet), extractor))


def _extractor(executor: str, scheduler: str | None, workers: int, lang: str | None):
    """The extraction stage of the build: None (in this process), or one on a Dask cluster."""
    if executor == "local":
        return nullcontext(None)
    from kg.distributed import dask_extractor

    return dask_extractor(scheduler, workers, lang)


def _build_file(inputs: tuple[Path, ...], output: Path, lang: str | None, validate: bool,
                shapes: Path | None, progress: _progress, extractor) -> int:
    """``kg build -o FILE``: the reports built into one dataset, written, then validated (the
    output was checked by ``build``)."""
    from kg.export import write_graph
    from kg.pipeline import build_reports

    # What can fail without reading a report fails before the first one is read.
    if shapes is not None and validate:
        from kg.validation import load_shapes

        load_shapes(shapes)  # parsed once: validate() below gets it from the cache
    with progress as step:
        result = build_reports(inputs, lang=lang, on_report=step, extractor=extractor)
    for failure in result.failures:
        click.echo(f"kg: {failure}", err=True)
    for duplicate in result.duplicates:
        click.echo(f"kg: note: {duplicate}", err=True)
    if not result.reports:
        # An empty graph must not replace the graph a previous build wrote there.
        click.echo(f"kg: no report could be built; {output} not written", err=True)
        return 1
    write_graph(result.dataset, output)
    click.echo(f"kg: {len(result.reports)} report(s) built into {output}"
               + (f", {len(result.failures)} failed" if result.failures else ""), err=True)
    conforms = True
    if validate:
        from kg.validation import validate as validate_graph

        report = validate_graph(result.dataset, shapes=shapes)
        conforms = report.conforms
        if not conforms:
            click.echo(report.text, err=True)
    return 0 if conforms and not result.failures else 1


class _progress:
    """A progress bar on stderr for long runs; silent when asked or when stderr is not a terminal."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet or not sys.stderr.isatty()
        self.bar = None

    def __enter__(self):
        if not self.quiet:
            from tqdm import tqdm

            self.bar = tqdm(unit=" report", file=sys.stderr, leave=False)
        return self.step

    def step(self, path: Path) -> None:
        if self.bar is not None:
            self.bar.set_postfix_str(path.name, refresh=False)
            self.bar.update(1)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.close()


@main.command("validate")
@click.argument("graph", type=click.Path(path_type=Path))
@shapes_option
@fails_cleanly
def validate_cmd(graph: Path, shapes: Path | None) -> None:
    """Validate GRAPH against the SHACL shapes.

    Prints "Conforms", or a summary and one line per violation. Exit 0 when GRAPH conforms,
    1 when it does not, 2 when GRAPH or the shapes cannot be read.
    """
    from kg.store import load_dataset
    from kg.validation import validate

    report = validate(load_dataset(graph), shapes=shapes)
    click.echo(report.text)
    sys.exit(0 if report.conforms else 1)


@main.command()
@click.argument("query")
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(QUERY_FORMATS), default="table", show_default=True,
              help="table: aligned columns; csv, tsv: a header then rows; json: SPARQL JSON results.")
@fails_cleanly
def query(query: str, graph: Path, fmt: str) -> None:
    """Run QUERY on GRAPH and print the answer.

    QUERY is the name of a bundled query (see `kg queries`) or the path of a .rq file.
    """
    from kg.sparql import format_result, resolve_query
    from kg.store import open_graph, run_query

    text = resolve_query(query)
    data = open_graph(graph)
    try:
        result = run_query(data, text)
    except QueryError as exc:  # a syntax error: say in which query
        raise QueryError(f"{query}: {exc}") from None
    click.echo(format_result(result, fmt), nl=False)


@main.command()
@fails_cleanly
def queries() -> None:
    """List the bundled queries and what each answers."""
    from kg.resources import query_names, query_text

    for name in query_names():
        click.echo(f"{name:<24}{_summary(query_text(name))}".rstrip())


def _summary(query: str) -> str:
    """The first sentence of a query's leading comment, which may run over several lines."""
    lines = []
    for line in query.splitlines():
        if not line.startswith("#") or line.startswith("# ?"):  # "# ?var": the variables
            break
        lines.append(line[1:].strip())
    return re.split(r"(?<=[.?!])\s", " ".join(lines), maxsplit=1)[0]


@main.command()
@click.argument("graph", type=click.Path(path_type=Path))
@fails_cleanly
def facts(graph: Path) -> None:
    """Print the facts view of GRAPH.

    Tab-separated, under a header: subject, relation, object, qualifier; one fact a line.
    """
    from kg.facts import facts_tsv
    from kg.store import open_graph

    click.echo(facts_tsv(open_graph(graph)), nl=False)


# Commands that live beside the part of kg they drive.
from kg.docs.ontology import ontology_docs  # noqa: E402
from kg.export.commands import export  # noqa: E402
from kg.remote.commands import push  # noqa: E402
from kg.store.commands import serve  # noqa: E402
from kg.viz.commands import viz  # noqa: E402

main.add_command(export)
main.add_command(serve)
main.add_command(push)
main.add_command(viz)
main.add_command(ontology_docs)


if __name__ == "__main__":
    main()
