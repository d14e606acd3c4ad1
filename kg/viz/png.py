"""A static picture of the graph (PNG, SVG or PDF) drawn with matplotlib.

The interactive page (:mod:`kg.viz.html`) is for exploring; this one is for a report or a
slide. Entities are large labelled dots, facts small diamonds between them, colours as in the
page. The layout is networkx's spring layout with a fixed seed: the same graph, the same picture.
"""
from __future__ import annotations

from io import BytesIO
from pathlib import Path

import networkx as nx

from kg.errors import KgError
from kg.viz.style import color_of, is_entity, legend_kinds

LAYOUT_SEED = 7
PICTURE_FORMATS = ("png", "svg", "pdf")


def layout(graph: nx.MultiDiGraph, seed: int = LAYOUT_SEED) -> dict[str, tuple[float, float]]:
    """Positions of the nodes: a spring layout of the graph's undirected skeleton, seeded."""
    skeleton = nx.Graph()
    skeleton.add_nodes_from(sorted(graph.nodes))
    skeleton.add_edges_from(sorted((u, v) for u, v in graph.edges() if u != v))
    positions = nx.spring_layout(skeleton, seed=seed, k=1.6 / max(len(skeleton), 1) ** 0.5)
    return {node: (float(x), float(y)) for node, (x, y) in positions.items()}


def draw_graph(graph: nx.MultiDiGraph, path: Path | str, *, title: str = "kg graph",
               fmt: str | None = None) -> Path:
    """Draw ``graph`` (a :func:`kg.analysis.to_networkx` graph) to ``path``.

    ``fmt`` is ``png``, ``svg`` or ``pdf``; by default the suffix of ``path`` says which.
    """
    from matplotlib.figure import Figure  # no pyplot: no global state, no display needed

    path = Path(path)
    fmt = picture_format(path, fmt)
    size = min(8 + len(graph) / 12, 30)
    figure = Figure(figsize=(size * 1.3, size), dpi=100, layout="constrained")
    axes = figure.add_subplot()
    axes.set_axis_off()
    axes.set_title(title)
    if len(graph):
        _draw(graph, axes)
    return save_figure(figure, path, fmt)


def picture_format(path: Path, fmt: str | None) -> str:
    """``fmt``, else the suffix of ``path``: one of :data:`PICTURE_FORMATS`, or KgError."""
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in PICTURE_FORMATS:
        known = ", ".join(PICTURE_FORMATS)
        raise KgError(f"{path}: cannot draw a picture as {fmt or '(no suffix)'!r}; use one of {known}")
    return fmt


def save_figure(figure, path: Path, fmt: str) -> Path:
    """Write a matplotlib figure to ``path``, atomically; the same figure, the same bytes."""
    import matplotlib

    from kg.export import write_atomic

    out = BytesIO()
    # No date in the file, and SVG ids from a fixed salt rather than a random one.
    metadata = {"svg": {"Date": None}, "pdf": {"CreationDate": None}}.get(fmt, {})
    with matplotlib.rc_context({"svg.hashsalt": "kg"}):
        figure.savefig(out, format=fmt, metadata=metadata)
    write_atomic(path, out.getvalue())
    return path


def _draw(graph: nx.MultiDiGraph, axes) -> None:
    positions = layout(graph)
    simple = nx.DiGraph(graph)  # one arrow per pair of nodes is enough in a picture
    nx.draw_networkx_edges(simple, positions, ax=axes, edge_color="#aaaaaa", width=0.7,
                           arrowsize=7, node_size=60)
    for kind in legend_kinds({kind for _, kind in graph.nodes(data="kind")}):
        members = sorted(n for n, k in graph.nodes(data="kind") if k == kind)
        entity = is_entity(kind)
        nx.draw_networkx_nodes(graph, positions, nodelist=members, ax=axes, label=kind,
                               node_color=color_of(kind), node_shape="o" if entity else "D",
                               node_size=260 if entity else 45, edgecolors="#555555", linewidths=0.5)
    labels = {n: _short(label) for n, label in graph.nodes(data="label")}
    entities = {n: labels[n] for n, kind in graph.nodes(data="kind") if is_entity(kind)}
    others = {n: text for n, text in labels.items() if n not in entities}
    nx.draw_networkx_labels(graph, positions, labels=entities, ax=axes, font_size=9)
    nx.draw_networkx_labels(graph, positions, labels=others, ax=axes, font_size=6, font_color="#555555")
    axes.legend(loc="upper left", fontsize=8, markerscale=0.6, frameon=False, ncols=2)


def _short(text: str, limit: int = 32) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
