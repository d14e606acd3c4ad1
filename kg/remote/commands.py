"""``kg push``: the command line of :func:`kg.remote.push` (registered in :mod:`kg.cli`)."""
from __future__ import annotations

from pathlib import Path

import click

from kg.clikit import fails_cleanly


@click.command("push")
@click.argument("source", metavar="GRAPH_OR_STORE", type=click.Path(path_type=Path))
@click.option("--endpoint", required=True, metavar="URL",
              help="The store's SPARQL query endpoint, e.g. http://127.0.0.1:8890/sparql.")
@click.option("--graph-store", required=True, metavar="URL",
              help="Its Graph Store Protocol endpoint, e.g. http://127.0.0.1:8890/sparql-graph-crud-auth.")
@click.option("--user", envvar="KG_PUSH_USER", help="User to write as (env KG_PUSH_USER).")
@click.option("--password", envvar="KG_PUSH_PASSWORD", help="Its password (env KG_PUSH_PASSWORD).")
@click.option("--timeout", type=click.FloatRange(min=1), default=120.0, show_default=True,
              help="Seconds a request may take.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing when all went well.")
@fails_cleanly
def push(source: Path, endpoint: str, graph_store: str, user: str | None, password: str | None,
         timeout: float, quiet: bool) -> None:
    """Send GRAPH_OR_STORE (a .trig / .nq file or a store folder) to a SPARQL 1.1 store, one
    named graph per report, replacing older versions, then check the counts there."""
    from kg.remote import Remote
    from kg.remote import push as push_graphs

    remote = Remote(endpoint=endpoint, graph_store=graph_store, user=user, password=password, timeout=timeout)
    result = push_graphs(source, remote)
    if not quiet:
        replaced = f", {len(result.replaced)} older version(s) dropped" if result.replaced else ""
        click.echo(f"kg: {len(result.graphs)} graph(s), {result.triples} triples pushed to {graph_store}"
                   f" and counted{replaced}", err=True)
