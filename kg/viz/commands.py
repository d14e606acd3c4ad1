"""``kg viz``: draw a graph file as an interactive page, a static picture or a map.

:func:`write_picture` is the library behind the command: the format follows the suffix
unless given.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg.errors import KgError
from kg.clikit import fails_cleanly

if TYPE_CHECKING:  # networkx, rdflib and matplotlib load when a picture is drawn, not with kg's CLI
    import networkx as nx

PICTURE_FORMATS = ("html", "png", "svg", "pdf")


def output_format(path: Path, fmt: str | None, as_map: bool = False) -> str:
    """The format to draw ``path`` in: ``fmt``, else its suffix; raises on one kg cannot draw."""
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt == "htm":
        fmt = "html"
    if fmt not in PICTURE_FORMATS:
        raise KgError(f"{path}: cannot draw {fmt or '(no suffix)'!r}; use --format or a suffix among "
                      f"{', '.join('.' + f for f in PICTURE_FORMATS)}")
    if as_map and fmt == "html":
        raise KgError(f"{path}: a map is drawn as png, svg or pdf, not html")
    return fmt


def write_picture(graph: nx.MultiDiGraph, path: Path | str, *, fmt: str | None = None,
                  as_map: bool = False, title: str | None = None) -> Path:
    """Draw ``graph`` (a :func:`kg.analysis.to_networkx` graph) to ``path``.

    ``fmt``: ``html`` (interactive), ``png``, ``svg`` or ``pdf``; by default the suffix says.
    ``as_map``: the sites and headquarters on a map rather than the graph.
    """
    path = Path(path)
    fmt = output_format(path, fmt, as_map)
    if as_map:
        from kg.viz.map import draw_map

        return draw_map(graph, path, title=title or "Sites and headquarters", fmt=fmt)
    if fmt == "html":
        from kg.viz.html import write_graph_html

        return write_graph_html(graph, path, title=title or path.stem)
    from kg.viz.png import draw_graph

    return draw_graph(graph, path, title=title or path.stem, fmt=fmt)


@click.command("viz")
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--output", "-o", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="File to write: .html (interactive, works offline), .png, .svg or .pdf (static).")
@click.option("--format", "fmt", type=click.Choice(PICTURE_FORMATS),
              help="Format to draw in (default: the output's suffix).")
@click.option("--map", "as_map", is_flag=True,
              help="Draw the companies' sites and headquarters on a map (png, svg or pdf).")
@click.option("--provenance", is_flag=True,
              help="Draw reports, evidence and reified assertions too (they are hover text otherwise).")
@click.option("--title", help="Title of the picture (default: the output file's name).")
@fails_cleanly
def viz(graph: Path, output: Path, fmt: str | None, as_map: bool, provenance: bool,
        title: str | None) -> None:
    """Draw GRAPH as a picture.

    By default an interactive HTML page: node types as colours, labels on the nodes, what the
    graph says of a node or an edge and the sentences behind it on hover. With --map, the
    sites and headquarters of each company on a map, from the places' coordinates.
    """
    from kg.analysis.networkx import to_networkx
    from kg.sparql import load_graph

    # What can fail without reading the graph fails first.
    output_format(output, fmt, as_map)
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        raise KgError(f"{output}: the folder {folder} does not exist")
    write_picture(to_networkx(load_graph(graph), provenance=provenance), output, fmt=fmt,
                  as_map=as_map, title=title)
    click.echo(f"kg: drew {output}", err=True)
