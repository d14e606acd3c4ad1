"""Pictures of a built graph: an interactive page, a static drawing, a map of the sites.

- :mod:`kg.viz.html`: one self-contained HTML page (vis-network), types as colours, evidence
  on hover; works with no network;
- :mod:`kg.viz.png`: the same graph drawn by matplotlib (PNG, SVG, PDF);
- :mod:`kg.viz.map`: the companies' sites and headquarters on a map, from the places'
  coordinates;
- :mod:`kg.viz.commands`: ``kg viz``, and :func:`kg.viz.commands.write_picture` behind it.

Each draws a :func:`kg.analysis.to_networkx` graph, so colours and labels agree everywhere.
"""
