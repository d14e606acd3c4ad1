"""An interactive picture of the graph: one self-contained HTML page drawn by vis-network.

Types are colours, nodes carry their labels, and hovering a node or an edge shows what the
graph says of it and the sentences behind it. The page needs no network: vis-network's script
and stylesheet are copied into it from the files the ``pyvis`` package ships, and the graph
travels as a JSON payload that the page reads with ``textContent`` (never as HTML).

The same graph gives the same page: nodes and edges in sorted order, a fixed layout seed.
"""
from __future__ import annotations

import html
import importlib.util
import json
import re
from pathlib import Path
from typing import Any

import networkx as nx

from kg.analysis.networkx import curie
from kg.errors import KgError
from kg.viz.style import color_of, is_entity, legend_kinds

LAYOUT_SEED = 7
MAX_VALUE_CHARS = 160  # a hover line longer than this is cut
# Attributes every node has, or that the hover text shows in a section of its own.
_SHOWN_APART = {"label", "kind", "classes", "evidence", "reports", "confidence", "fact"}


def vis_network_assets() -> tuple[str, str]:
    """vis-network's script and stylesheet, as text, from the ``pyvis`` package's files."""
    spec = importlib.util.find_spec("pyvis")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise KgError("kg viz needs the pyvis package, which ships vis-network: pip install pyvis")
    lib = Path(next(iter(spec.submodule_search_locations))) / "templates" / "lib"
    folders = sorted(lib.glob("vis-*/vis-network.min.js"), key=lambda p: _version(p.parent.name))
    if not folders:
        raise KgError(f"{lib}: no vis-network script in the pyvis package; reinstall pyvis")
    folder = folders[-1].parent
    return ((folder / "vis-network.min.js").read_text(encoding="utf-8"),
            (folder / "vis-network.css").read_text(encoding="utf-8"))


def _version(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in name.removeprefix("vis-").split(".") if part.isdigit())


def payload(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """What the page draws: nodes, edges and the legend, as plain JSON-ready values."""
    nodes = [_node(node_id, data) for node_id, data in sorted(graph.nodes(data=True))]
    ordered = sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2])))
    edges = [_edge(index, u, v, data) for index, (u, v, _, data) in enumerate(ordered)]
    kinds = legend_kinds({data["kind"] for _, data in graph.nodes(data=True)})
    return {"nodes": nodes, "edges": edges,
            "legend": [{"kind": kind, "color": color_of(kind)} for kind in kinds]}


def _node(node_id: str, data: dict[str, Any]) -> dict[str, Any]:
    entity = is_entity(data["kind"])
    return {
        "id": node_id,
        "label": data["label"],
        "kind": data["kind"],
        "color": color_of(data["kind"]),
        "shape": "dot" if entity else "diamond",
        "size": 16 if entity else 7,
        "font": {"size": 14 if entity else 10},
        "title": _hover_node(node_id, data),
    }


def _edge(index: int, u: str, v: str, data: dict[str, Any]) -> dict[str, Any]:
    lines = [data["predicate"]] + _evidence_lines(data)
    return {"id": f"e{index}", "from": u, "to": v, "label": data.get("label", ""),
            "title": "\n".join(lines)}


def _hover_node(node_id: str, data: dict[str, Any]) -> str:
    lines = [data["label"], f"{data['kind']} · {curie(node_id)}"]
    for key in sorted(set(data) - _SHOWN_APART):
        lines.append(f"{key}: {_short(data[key])}")
    return "\n".join(lines + _evidence_lines(data))


def _evidence_lines(data: dict[str, Any]) -> list[str]:
    if not data.get("evidence"):
        return []
    header = "evidence"
    if data.get("reports"):
        header += f" ({', '.join(data['reports'])})"
    if "confidence" in data:
        header += f", confidence {data['confidence']}"
    return ["", header + ":"] + [f"– {_short(sentence)}" for sentence in data["evidence"]]


def _short(value: Any) -> str:
    text = " | ".join(map(str, value)) if isinstance(value, tuple) else str(value)
    return text if len(text) <= MAX_VALUE_CHARS else text[: MAX_VALUE_CHARS - 1] + "…"


def graph_html(graph: nx.MultiDiGraph, title: str = "kg graph") -> str:
    """The page drawing ``graph`` (a :func:`kg.analysis.to_networkx` graph), as text."""
    script, stylesheet = vis_network_assets()
    data = json.dumps(payload(graph), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # In a <script> element only "</" can end it early; JSON allows "<\/" for the same text.
    data = data.replace("</", "<\\/")
    values = {"TITLE": html.escape(title), "STYLE": stylesheet, "SEED": str(LAYOUT_SEED),
              "DATA": data, "VIS": script}
    # One pass: a marker that a label or the script happens to hold is left alone.
    return re.sub(r"@@([A-Z]+)@@", lambda match: values[match.group(1)], _PAGE)


def write_graph_html(graph: nx.MultiDiGraph, path: Path | str, title: str | None = None) -> Path:
    """Write the page drawing ``graph`` to ``path``, atomically."""
    from kg.export import write_atomic

    path = Path(path)
    write_atomic(path, graph_html(graph, title or path.stem).encode("utf-8"))
    return path


# The page. Markers @@...@@ are replaced in graph_html (the CSS and JS hold braces of their own).
_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>@@TITLE@@</title>
<style>@@STYLE@@</style>
<style>
  html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; }
  body { display: flex; flex-direction: column; }
  header { display: flex; flex-wrap: wrap; gap: .4rem 1rem; align-items: center;
           padding: .4rem .8rem; border-bottom: 1px solid #ddd; }
  h1 { font-size: 1.1rem; margin: 0; }
  #legend { display: flex; flex-wrap: wrap; gap: .3rem .8rem; font-size: .8rem; }
  #legend span::before { content: ""; display: inline-block; width: .8em; height: .8em;
           border-radius: 50%; margin-right: .3em; background: var(--c); vertical-align: -1px; }
  #graph { flex: 1; min-height: 400px; }
  .kg-hover { white-space: pre-wrap; max-width: 32rem; font: .8rem system-ui, sans-serif; }
  details { font-size: .8rem; padding: 0 .8rem .4rem; max-height: 30vh; overflow: auto; }
</style>
</head>
<body>
<header>
  <h1>@@TITLE@@</h1>
  <label>Find <input id="find" list="names" placeholder="a name"></label>
  <datalist id="names"></datalist>
  <div id="legend" aria-label="node types"></div>
</header>
<div id="graph" role="img" aria-label="the graph"></div>
<details><summary>Nodes</summary><ul id="nodes"></ul></details>
<script type="application/json" id="kg-data">@@DATA@@</script>
<script>@@VIS@@</script>
<script>
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  function hover(text) {  // hover text as text, never as HTML
    var div = document.createElement("div");
    div.className = "kg-hover";
    div.textContent = text;
    return div;
  }
  function item(parent, tag, text, color) {
    var el = document.createElement(tag);
    el.textContent = text;
    if (color) { el.style.setProperty("--c", color); }
    parent.appendChild(el);
    return el;
  }
  var legend = document.getElementById("legend");
  data.legend.forEach(function (k) { item(legend, "span", k.kind, k.color); });
  var names = document.getElementById("names"), list = document.getElementById("nodes");
  var byLabel = {};
  data.nodes.forEach(function (n) {
    n.title = hover(n.title);
    item(list, "li", n.label + " (" + n.kind + ")");
    if (!(n.label in byLabel)) { byLabel[n.label] = n.id; item(names, "option", n.label); }
  });
  data.edges.forEach(function (e) { e.title = hover(e.title); });
  var nodes = new vis.DataSet(data.nodes), edges = new vis.DataSet(data.edges);
  var network = new vis.Network(document.getElementById("graph"), {nodes: nodes, edges: edges}, {
    layout: {randomSeed: @@SEED@@, improvedLayout: data.nodes.length < 150},
    physics: {solver: "forceAtlas2Based", stabilization: {iterations: 400}},
    interaction: {hover: true, tooltipDelay: 150},
    edges: {arrows: {to: {enabled: true, scaleFactor: 0.5}}, color: {color: "#999", highlight: "#333"},
            font: {size: 9, color: "#666", strokeWidth: 0}, smooth: false},
    nodes: {borderWidth: 1}
  });
  if (!data.nodes.length) { window.kgReady = true; }
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({physics: false});
    network.fit();
    window.kgReady = true;
  });
  document.getElementById("find").addEventListener("change", function (event) {
    var id = byLabel[event.target.value];
    if (id !== undefined) { network.selectNodes([id]); network.focus(id, {scale: 1.2}); }
  });
  window.kgNetwork = network;
})();
</script>
</body>
</html>
"""
