"""kg.viz: the interactive page (tested in headless Chromium), the static picture, the map, kg viz.

Chromium is driven through the Chrome DevTools Protocol over a websocket (websocket-client):
the page must load with no console error, no failed request and no uncaught exception, its
network must hold the graph's labels, and its screenshot must show the nodes' colours. A
page that loads a script from the network fails these checks (the machine has no internet,
and a page kg writes must not need it), which the control pages below prove.
"""
from __future__ import annotations

import base64
import json
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any
from urllib.request import urlopen

import networkx as nx
import pytest
import websocket
from click.testing import CliRunner, Result
from PIL import Image, ImageStat
from rdflib import Dataset, Literal, URIRef

from kg.analysis import to_networkx
from kg.errors import KgError
from kg.namespaces import RDFS
from kg.sparql import load_graph
from kg.viz.commands import viz
from kg.viz.html import graph_html, payload, write_graph_html
from kg.viz.map import _across_antimeridian, countries, draw_map, placed
from kg.viz.png import draw_graph
from kg.viz.style import color_of

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")

HARBOUR = Path(__file__).parent / "data" / "explore" / "harbour.trig"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--mute-audio", "--hide-scrollbars", "--window-size=1200,800",
    "--remote-debugging-port=0",
)
LABELS = ["Halvard Steel", "Norvanne Câbles", "Kénitra", "Constanța", "Ilse Marchetti", "câblerie"]


class Browser:
    """Headless Chromium, one tab, driven by the DevTools protocol."""

    def __init__(self, profile: Path) -> None:
        self.process = subprocess.Popen([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port = self._port(profile / "DevToolsActivePort")
        with urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as response:
            page = next(t for t in json.load(response) if t["type"] == "page")
        self.socket = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30, suppress_origin=True)
        self.calls = 0
        self.events: list[dict[str, Any]] = []
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable")

    def _port(self, active_port: Path, timeout: float = 30) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if active_port.exists() and active_port.read_text().strip():
                return int(active_port.read_text().split()[0])
            if self.process.poll() is not None:
                raise RuntimeError(f"{CHROMIUM} exited with {self.process.returncode}")
            time.sleep(0.05)
        raise TimeoutError("Chromium did not open its DevTools port")

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.calls += 1
        self.socket.send(json.dumps({"id": self.calls, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.calls:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def _wait_event(self, name: str, deadline: float) -> None:
        while not any(event.get("method") == name for event in self.events):
            self.socket.settimeout(max(deadline - time.monotonic(), 0.01))
            self.events.append(json.loads(self.socket.recv()))

    def open(self, path: Path, timeout: float = 60) -> None:
        """Load a file and wait until it says it is drawn (``window.kgReady``)."""
        self.events.clear()
        deadline = time.monotonic() + timeout
        self.call("Page.navigate", url=path.resolve().as_uri())
        self._wait_event("Page.loadEventFired", deadline)
        while not self.evaluate("window.kgReady === true"):
            assert time.monotonic() < deadline, f"{path.name} never said it was drawn"
            time.sleep(0.1)

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def errors(self) -> list[str]:
        """Console errors, failed requests and uncaught exceptions since the page was opened."""
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                details = params["exceptionDetails"]
                found.append(details.get("exception", {}).get("description") or details.get("text", ""))
            elif method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert"):
                found.append(" ".join(str(arg.get("value", arg.get("description"))) for arg in params["args"]))
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                found.append(params["entry"]["text"])
        return found

    def screenshot(self) -> Image.Image:
        data = self.call("Page.captureScreenshot", format="png")["data"]
        return Image.open(BytesIO(base64.b64decode(data))).convert("RGB")

    def close(self) -> None:
        self.socket.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    chromium = Browser(tmp_path_factory.mktemp("chromium-profile"))
    yield chromium
    chromium.close()


@pytest.fixture(scope="module")
def harbour() -> Dataset:
    return load_graph(HARBOUR)


@pytest.fixture(scope="module")
def graph(harbour: Dataset) -> nx.MultiDiGraph:
    return to_networkx(harbour)


@pytest.fixture(scope="module")
def page(graph: nx.MultiDiGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_graph_html(graph, tmp_path_factory.mktemp("page") / "harbour.html", title="Harbour")


def pixels_of(image: Image.Image, hex_color: str, tolerance: int = 12) -> int:
    """How many pixels of ``image`` are within ``tolerance`` of a colour."""
    target = tuple(int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    return sum(count for count, rgb in image.getcolors(maxcolors=1 << 20)
               if all(abs(a - b) <= tolerance for a, b in zip(rgb, target)))


def not_blank(image: Image.Image) -> bool:
    return ImageStat.Stat(image.convert("L")).stddev[0] > 8 and len(image.getcolors(maxcolors=1 << 20)) > 50


# --- the page in Chromium --------------------------------------------------------------------


def test_viz_page_loads_without_errors(browser: Browser, page: Path) -> None:
    browser.open(page)
    assert browser.errors() == []
    assert browser.evaluate("document.title") == "Harbour"


def test_viz_page_draws_every_node_with_its_label(browser: Browser, page: Path, graph: nx.MultiDiGraph) -> None:
    browser.open(page)
    drawn = browser.evaluate("kgNetwork.body.data.nodes.get().map(n => n.label)")
    assert sorted(drawn) == sorted(label for _, label in graph.nodes(data="label"))
    positions = browser.evaluate("Object.keys(kgNetwork.getPositions()).length")
    assert positions == graph.number_of_nodes()
    listed = browser.evaluate("document.getElementById('nodes').textContent")
    for label in LABELS:
        assert label in drawn and label in listed


def test_viz_page_hover_shows_the_evidence(browser: Browser, page: Path) -> None:
    browser.open(page)
    site = json.dumps("https://w3id.org/kg/id/site/0000000000000a01")
    x, y = browser.evaluate(f"""(function () {{
        var dom = kgNetwork.canvasToDOM(kgNetwork.getPositions([{site}])[{site}]);
        var box = document.getElementById("graph").getBoundingClientRect();
        return [dom.x + box.left, dom.y + box.top]; }})()""")
    for dx in (0, 1):  # the tooltip opens once the pointer rests on the node
        browser.call("Input.dispatchMouseEvent", type="mouseMoved", x=x + dx, y=y)
        time.sleep(0.5)
    hover = browser.evaluate("document.querySelector('.vis-tooltip').textContent")
    assert "câblerie" in hover and "norvanne-kenitra.fr.txt" in hover
    assert "Norvanne Câbles investit 150 M€ dans une câblerie à Kénitra" in hover
    assert browser.evaluate("getComputedStyle(document.querySelector('.vis-tooltip')).visibility") == "visible"


def test_viz_page_screenshot_shows_the_nodes(browser: Browser, page: Path, tmp_path: Path) -> None:
    browser.open(page)
    image = browser.screenshot()
    image.save(tmp_path / "harbour.png")  # kept for a look when the test fails
    assert not_blank(image)
    # Node colours on the canvas: organizations, cities, sites.
    for kind in ("Organization", "City", "Region"):
        assert pixels_of(image, color_of(kind)) > 100, kind


def free_port() -> int:
    """A local port nothing listens on: a request to it is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize(("body", "words"), [
    ('<script src="http://127.0.0.1:{port}/vis-network.min.js"></script>', "ERR_CONNECTION_REFUSED"),
    ("<script>drawTheGraph();</script>", "drawTheGraph is not defined"),
    ("<script>console.error('no graph');</script>", "no graph"),
])
def test_viz_page_checks_catch_a_broken_page(browser: Browser, tmp_path: Path, body: str, words: str) -> None:
    """The control pages: a script from the network, a script error, a console error."""
    broken = tmp_path / "broken.html"
    body = body.replace("{port}", str(free_port()))
    broken.write_text(f"<!DOCTYPE html><html><body>{body}<script>window.kgReady = true;</script></body></html>")
    browser.open(broken)
    assert any(words in error for error in browser.errors()), browser.errors()
    assert not not_blank(browser.screenshot())


def test_viz_page_with_no_nodes_loads(browser: Browser, tmp_path: Path) -> None:
    empty = write_graph_html(nx.MultiDiGraph(), tmp_path / "empty.html")
    browser.open(empty)
    assert browser.errors() == []


# --- the page's text -------------------------------------------------------------------------


def test_viz_page_needs_no_network(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert " src=" not in text and "<link" not in text and "@import" not in text
    assert "vis.Network" in text and len(text) > 300_000  # vis-network is inside


def test_viz_page_same_graph_same_bytes(graph: nx.MultiDiGraph) -> None:
    assert graph_html(to_networkx(load_graph(HARBOUR)), "t") == graph_html(graph, "t")


def test_viz_page_labels_are_data_not_markup(harbour: Dataset) -> None:
    data = load_graph(HARBOUR)
    evil = "</script><script>alert(1)</script><b>@@VIS@@"
    data.graph(URIRef("https://w3id.org/kg/id/report/b2b2b2b2b2b2b2b2")).add(
        (URIRef("https://w3id.org/kg/id/org/halvard-steel"), RDFS.label, Literal(evil)))
    text = graph_html(to_networkx(data), title="<i>t</i>")
    assert "</script><script>alert(1)" not in text and "<i>t</i>" not in text
    assert text.count("vis.Network(") == 1  # the marker in the label was not replaced
    labels = [node["label"] for node in payload(to_networkx(data))["nodes"]]
    assert evil in labels


# --- the static picture and the map ----------------------------------------------------------


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_viz_picture_formats(graph: nx.MultiDiGraph, tmp_path: Path, suffix: str) -> None:
    path = draw_graph(graph, tmp_path / f"graph{suffix}")
    magic = {".png": b"\x89PNG", ".svg": b"<?xml", ".pdf": b"%PDF"}[suffix]
    assert path.read_bytes().startswith(magic)
    assert draw_graph(graph, tmp_path / f"again{suffix}").read_bytes() == path.read_bytes()


def test_viz_picture_shows_the_nodes(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    image = Image.open(draw_graph(graph, tmp_path / "graph.png")).convert("RGB")
    assert not_blank(image)
    assert pixels_of(image, color_of("Organization")) > 200
    svg = draw_graph(graph, tmp_path / "graph.svg").read_text(encoding="utf-8")
    for label in LABELS:
        assert label in svg


def test_viz_picture_unknown_format(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    with pytest.raises(KgError, match="graph.gif"):
        draw_graph(graph, tmp_path / "graph.gif")


def test_viz_map_places_sites_and_headquarters(graph: nx.MultiDiGraph) -> None:
    assert [(p.company, p.place, p.role) for p in placed(graph)] == [
        ("Halvard Steel", "Rotterdam", "headquarters"),
        ("Halvard Steel", "Constanța", "site"),
        ("Halvard Steel", "Kénitra", "site"),
        ("Norvanne Câbles", "Lyon", "headquarters"),
        ("Norvanne Câbles", "Kénitra", "site"),
    ]


def test_viz_map_is_drawn(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = draw_map(graph, tmp_path / "map.png")
    image = Image.open(path).convert("RGB")
    assert not_blank(image)
    assert pixels_of(image, "#dfeaf2") > 10_000  # the sea
    assert pixels_of(image, "#f0f0eb") > 10_000  # the land
    assert draw_map(graph, tmp_path / "again.png").read_bytes() == path.read_bytes()
    svg = draw_map(graph, tmp_path / "map.svg").read_text(encoding="utf-8")
    for text in ("Kénitra", "Constanța", "Rotterdam", "Lyon", "Halvard Steel", "Norvanne Câbles"):
        assert text in svg


def test_viz_map_without_coordinates(tmp_path: Path) -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("o", kind="Organization", label="Acme")
    with pytest.raises(KgError, match="nothing to map"):
        draw_map(graph, tmp_path / "map.png")


def test_viz_map_countries_do_not_wrap_across_the_map() -> None:
    rings = countries()
    assert len(rings) > 250
    for ring in rings:
        if min(lat for _, lat in ring) > -60:  # Antarctica goes round the pole
            assert all(abs(a[0] - b[0]) < 180 for a, b in zip(ring, ring[1:]))


def test_viz_map_ring_across_the_antimeridian_is_split() -> None:
    ring = [(170.0, 60.0), (179.0, 60.0), (-179.0, 61.0), (-170.0, 60.0), (170.0, 60.0)]
    east, west = _across_antimeridian(ring)
    assert [lon for lon, _ in east] == [170.0, 179.0, 181.0, 190.0, 170.0]
    assert [lon for lon, _ in west] == [-190.0, -181.0, -179.0, -170.0, -190.0]
    assert _across_antimeridian([(0.0, 0.0), (1.0, 1.0), (0.0, 0.0)]) == [[(0.0, 0.0), (1.0, 1.0), (0.0, 0.0)]]


# --- kg viz --------------------------------------------------------------------------------


def run(*args: object) -> Result:
    return CliRunner().invoke(viz, [str(a) for a in args])


@pytest.mark.parametrize(("args", "magic"), [
    (["-o", "graph.html"], b"<!DOCTYPE html>"),
    (["-o", "graph.png"], b"\x89PNG"),
    (["-o", "picture", "--format", "png"], b"\x89PNG"),
    (["-o", "sites.svg", "--map"], b"<?xml"),
    (["-o", "full.html", "--provenance"], b"<!DOCTYPE html>"),
])
def test_viz_command_draws(tmp_path: Path, args: list[str], magic: bytes) -> None:
    result = run(HARBOUR, *[tmp_path / a if i == 1 else a for i, a in enumerate(args)])
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / args[1]).read_bytes().startswith(magic)


def test_viz_command_provenance_draws_the_reports(tmp_path: Path) -> None:
    assert run(HARBOUR, "-o", tmp_path / "full.html", "--provenance").exit_code == 0
    assert "norvanne-kenitra.fr.txt" in (tmp_path / "full.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("args", "words"), [
    (["-o", "graph.txt"], "cannot draw 'txt'"),
    (["-o", "map.html", "--map"], "a map is drawn as png, svg or pdf"),
    (["-o", "no-folder/graph.html"], "does not exist"),
])
def test_viz_command_refuses(tmp_path: Path, args: list[str], words: str) -> None:
    result = run(HARBOUR, *[tmp_path / a if i == 1 else a for i, a in enumerate(args)])
    assert result.exit_code == 2
    assert words in result.stderr
    assert not (tmp_path / args[1]).exists()
