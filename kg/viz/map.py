"""A map of the sites: where each company has its sites and headquarters, from the places'
coordinates (``schema:latitude``, ``schema:longitude``, which the gazetteer gives cities).

Drawn with matplotlib over the countries of Natural Earth, shipped with kg
(``kg/viz/data/countries-110m.json``, TopoJSON), so that it needs no network and no tile
server. The projection is plain longitude / latitude, stretched by the cosine of the middle
latitude so that shapes look right where the sites are.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import KgError
from kg.viz.png import picture_format, save_figure

Ring = list[tuple[float, float]]
# Qualitative colours (matplotlib's "tab10"), one per company, in the order of their labels.
COMPANY_COLORS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                  "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf")
MARGIN = 6.0  # degrees around the outermost places
MIN_SPAN = 24.0  # degrees: a single town still shows its region
MAX_RATIO = 2.0  # a map at most twice as wide as high


@dataclass(frozen=True)
class Placed:
    """A company's site or headquarters at a place with coordinates."""

    company: str  # the company's label
    place: str  # the place's label
    longitude: float
    latitude: float
    role: str  # "site" or "headquarters"


def placed(graph: nx.MultiDiGraph) -> list[Placed]:
    """Every site and headquarters of every organization whose place has coordinates."""
    found = set()
    for org, kind in sorted(graph.nodes(data="kind")):
        if kind != "Organization":
            continue
        company = graph.nodes[org]["label"]
        for _, target, key in graph.out_edges(org, keys=True):
            places = [target] if key == "kg:headquarteredIn" else []
            if key == "kg:hasSite":
                places = [v for _, v, k in graph.out_edges(target, keys=True) if k == "kg:locatedIn"]
            for place in places:
                where = coordinates(graph.nodes[place])
                if where is not None:
                    role = "headquarters" if key == "kg:headquarteredIn" else "site"
                    found.add(Placed(company, graph.nodes[place]["label"], *where, role))
    return sorted(found, key=lambda p: (p.company, p.role, p.place, p.longitude, p.latitude))


def coordinates(node: dict[str, Any]) -> tuple[float, float] | None:
    """(longitude, latitude) of a place node, or None when the graph gives none."""
    lon, lat = node.get("schema:longitude"), node.get("schema:latitude")
    lon, lat = (v[0] if isinstance(v, tuple) else v for v in (lon, lat))
    if isinstance(lon, (int, float)) and isinstance(lat, (int, float)):
        return float(lon), float(lat)
    return None


@cache
def countries() -> tuple[Ring, ...]:
    """The outer and inner rings of every country, as (longitude, latitude) points."""
    topology = json.loads((files("kg.viz") / "data" / "countries-110m.json").read_text(encoding="utf-8"))
    arcs = _arcs(topology)
    rings: list[Ring] = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs", [])
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        for polygon in polygons if geometry["type"] in ("Polygon", "MultiPolygon") else []:
            for indexes in polygon:
                rings.extend(_across_antimeridian(_ring(arcs, indexes)))
    return tuple(rings)


def _arcs(topology: dict[str, Any]) -> list[Ring]:
    """TopoJSON's quantized, delta-encoded arcs as absolute (longitude, latitude) points."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def _ring(arcs: list[Ring], indexes: list[int]) -> Ring:
    """One ring from its arcs: index ~i is arc i reversed; arcs share their end points."""
    ring: Ring = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points[1:] if ring else points)
    return ring


def _across_antimeridian(ring: Ring) -> list[Ring]:
    """A ring that jumps from 180° to -180° (Russia, Fiji) made continuous, and its copy a
    turn of the globe away, so that neither is filled across the whole map. A ring that goes
    round the pole (Antarctica) stays as it is."""
    shift, lons = 0.0, [ring[0][0]]
    for (before, _), (after, _) in zip(ring, ring[1:]):
        shift += 360 if before - after > 180 else -360 if after - before > 180 else 0
        lons.append(after + shift)
    if shift or max(lons) - min(lons) <= 360 and -180 <= min(lons) and max(lons) <= 180:
        return [ring]
    continuous = [(lon, lat) for lon, (_, lat) in zip(lons, ring)]
    turn = -360 if max(lons) > 180 else 360
    return [continuous, [(lon + turn, lat) for lon, lat in continuous]]


def extent(points: list[Placed]) -> tuple[float, float, float, float]:
    """(west, east, south, north) around the points, with a margin, within the world, and
    at most twice as wide as high (places along a parallel would make a thin strip)."""
    lons, lats = [p.longitude for p in points], [p.latitude for p in points]
    west, east = _span(min(lons), max(lons), MIN_SPAN, -180, 180)
    middle = math.radians((min(lats) + max(lats)) / 2)
    south, north = _span(min(lats), max(lats), max(MIN_SPAN, (east - west) * math.cos(middle) / MAX_RATIO), -60, 80)
    return west, east, south, north


def _span(low: float, high: float, least: float, floor: float, ceiling: float) -> tuple[float, float]:
    """An interval around [low, high] with a margin, ``least`` wide, within [floor, ceiling]."""
    width = min(max(high - low + 2 * MARGIN, least), ceiling - floor)
    start = min(max((low + high - width) / 2, floor), ceiling - width)
    return start, start + width


def draw_map(graph: nx.MultiDiGraph, path: Path | str, *, title: str = "Sites and headquarters",
             fmt: str | None = None) -> Path:
    """Draw the sites and headquarters of ``graph`` on a map, to ``path`` (PNG, SVG or PDF).

    Raises :class:`KgError` when no site or headquarters has coordinates.
    """
    from matplotlib.figure import Figure

    path = Path(path)
    fmt = picture_format(path, fmt)
    points = placed(graph)
    if not points:
        raise KgError("no site or headquarters in the graph has coordinates: nothing to map")
    west, east, south, north = extent(points)
    ratio = (east - west) * math.cos(math.radians((south + north) / 2)) / (north - south)
    rows = math.ceil(len({p.company for p in points}) / 4)  # of the legend, under the map
    figure = Figure(figsize=(11, 11 / ratio + 1.0 + 0.25 * rows), dpi=100, layout="constrained")
    axes = figure.add_subplot()
    _draw_map(axes, points, (west, east, south, north))
    axes.set_title(title)
    figure.legend(loc="outside lower center", fontsize=8, frameon=False,
                  ncols=min(len({p.company for p in points}), 4),
                  title="● site   ★ headquarters   - - from headquarters to site", title_fontsize=8)
    return save_figure(figure, path, fmt)


def _draw_map(axes, points: list[Placed], bounds: tuple[float, float, float, float]) -> None:
    from matplotlib.collections import PolyCollection

    west, east, south, north = bounds
    axes.add_collection(PolyCollection(countries(), facecolors="#f0f0eb", edgecolors="#b5b5b0", linewidths=0.5))
    axes.set_xlim(west, east)
    axes.set_ylim(south, north)
    axes.set_aspect(1 / math.cos(math.radians((south + north) / 2)))
    axes.set_facecolor("#dfeaf2")  # the sea
    axes.tick_params(labelsize=7, colors="#777777")
    companies = sorted({p.company for p in points})
    colors = {c: COMPANY_COLORS[i % len(COMPANY_COLORS)] for i, c in enumerate(companies)}
    for company in companies:
        _draw_company(axes, [p for p in points if p.company == company], colors[company])
    labelled: set[tuple[str, float, float]] = set()
    for p in points:  # one label per place, however many companies are there
        if (p.place, p.longitude, p.latitude) not in labelled:
            labelled.add((p.place, p.longitude, p.latitude))
            axes.annotate(p.place, (p.longitude, p.latitude), xytext=(5, 4), textcoords="offset points",
                          fontsize=8, color="#333333")


def _draw_company(axes, points: list[Placed], color: str) -> None:
    sites = [p for p in points if p.role == "site"]
    heads = [p for p in points if p.role == "headquarters"]
    for head in heads:  # a thin line from the headquarters to each site
        for site in sites:
            axes.plot([head.longitude, site.longitude], [head.latitude, site.latitude],
                      color=color, linewidth=0.8, linestyle="--", alpha=0.6)
    # One legend entry a company: its sites, else its headquarters.
    if sites:
        axes.scatter([p.longitude for p in sites], [p.latitude for p in sites], s=60, color=color,
                     edgecolors="white", linewidths=0.8, zorder=3, label=points[0].company)
    if heads:
        axes.scatter([p.longitude for p in heads], [p.latitude for p in heads], s=140, marker="*",
                     color=color, edgecolors="white", linewidths=0.6, zorder=3,
                     label=None if sites else points[0].company)
