"""``kg export``: a graph file in the other formats, the facts view as CSV, GraphML.

:func:`write_export` is the library behind the command: the format follows the suffix.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg.errors import KgError
from kg.clikit import fails_cleanly

if TYPE_CHECKING:  # rdflib loads when a graph is exported, not with kg's CLI
    from rdflib import Dataset

# The RDF formats of kg.export.FORMATS (tests check that the two agree), and the others.
GRAPH_SUFFIXES = (".nq", ".nt", ".rdf", ".trig", ".ttl", ".xml")
EXTRA_SUFFIXES: dict[str, str] = {
    ".jsonld": "JSON-LD with a compact @context",
    ".csv": "the facts view (subject, relation, object, qualifier)",
    ".graphml": "the networkx view, for Gephi and Cytoscape",
}
SUFFIXES = tuple(sorted((*GRAPH_SUFFIXES, *EXTRA_SUFFIXES)))


def check_export_target(path: Path | str) -> Path:
    """Fail before any work when ``path`` cannot be written or its suffix names no format."""
    path = Path(path)
    if path.suffix.lower() in EXTRA_SUFFIXES:
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            raise KgError(f"{path}: the folder {folder} does not exist")
        if path.is_dir():
            raise KgError(f"{path}: is a folder; give the path of a file to write")
        return path
    if path.suffix.lower() not in GRAPH_SUFFIXES:
        known = ", ".join(SUFFIXES)
        raise KgError(f"{path}: unknown export format {path.suffix or '(no suffix)'!r}; use one of {known}")
    from kg.export import check_target

    return check_target(path)


def write_export(data: Dataset, path: Path | str) -> Path:
    """Write ``data`` to ``path`` in the format its suffix names (see :data:`SUFFIXES`)."""
    path = check_export_target(path)
    suffix = path.suffix.lower()
    if suffix == ".jsonld":
        from kg.export.jsonld import write_jsonld

        return write_jsonld(data, path)
    if suffix == ".csv":
        from kg.export.csv import write_facts_csv

        return write_facts_csv(data, path)
    if suffix == ".graphml":
        from kg.analysis.networkx import to_networkx, write_graphml

        return write_graphml(to_networkx(data), path)
    from kg.export import write_graph

    return write_graph(data, path)


@click.command("export")
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--output", "-o", "outputs", multiple=True, required=True,
              type=click.Path(path_type=Path, dir_okay=False),
              help="File to write; its suffix picks the format: .ttl, .trig, .nq, .nt, .rdf, .xml "
                   "(the graph), .jsonld (JSON-LD, compact @context), .csv (the facts view), "
                   ".graphml (for Gephi and Cytoscape). Repeat the option to write several.")
@fails_cleanly
def export(graph: Path, outputs: tuple[Path, ...]) -> None:
    """Write GRAPH in other formats.

    GRAPH is a graph file kg wrote (or any RDF file kg reads), or a store folder. Named graphs
    (one per report) are kept in .trig and .nq files; the other formats get their union. Every
    output is checked before the first is written, and each is written whole or not at all.
    """
    from kg.store import load_dataset

    for output in outputs:
        check_export_target(output)
    data = load_dataset(graph)
    for output in outputs:
        write_export(data, output)
        click.echo(f"kg: wrote {output}", err=True)
