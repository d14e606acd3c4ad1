"""notebooks/explore.ipynb runs from top to bottom on the example reports, so that it cannot rot.

Executed as Jupyter would (nbclient, an IPython kernel on this interpreter), from the
repository root. Each answer the notebook promises must be there: tables with rows, pictures.
"""
from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).parent.parent
NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"
# Cells (by tag) whose table must have rows on the example reports, and cells that draw.
TABLES = ["sites", "reasons", "chains", "capacities", "roles", "evidence", "places"]
PICTURES = ["reasons-plot", "capacities-plot", "graph-picture", "map"]


@pytest.fixture(scope="module")
def executed() -> Iterator[dict[str, nbformat.NotebookNode]]:
    """The notebook, run; its code cells by tag. The pictures it draws are removed after."""
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    # python3 is the kernel of this interpreter: jupyter_client runs a python kernel's
    # "python" as sys.executable.
    NotebookClient(notebook, timeout=900, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT)}}).execute()
    cells = {tag: cell for cell in notebook.cells for tag in cell.metadata.get("tags", [])}
    yield cells
    folder = written_page(cells).parent
    if folder.name.startswith("kg-explore-"):
        shutil.rmtree(folder)


def written_page(cells: dict[str, nbformat.NotebookNode]) -> Path:
    text = "".join(o.get("text", "") for o in cells["page"].outputs)
    return Path(text.split("interactive graph: ", 1)[1].strip())


def test_notebook_is_committed_without_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.id


def test_notebook_uses_kg_public_api_only() -> None:
    source = "\n".join(cell.source for cell in nbformat.read(NOTEBOOK, as_version=4).cells)
    assert not re.search(r"\bkg(\.\w+)*\._\w+", source)  # no private names
    assert "def " not in source and "class " not in source  # no logic of its own
    assert "rdflib" not in source and "SELECT" not in source  # named queries, kg's API


def test_notebook_runs_without_errors(executed: dict[str, nbformat.NotebookNode]) -> None:
    for tag, cell in executed.items():
        assert all(output.output_type != "error" for output in cell.outputs), tag
    build = "".join(o.get("text", "") for o in executed["build"].outputs)
    built = re.search(r"\b(\d+) reports built, 0 failed", build)
    assert built and int(built.group(1)) >= 2, build  # the bundled examples, French and English


@pytest.mark.parametrize("tag", TABLES)
def test_notebook_tables_have_rows(executed: dict[str, nbformat.NotebookNode], tag: str) -> None:
    tables = [o.data["text/html"] for o in executed[tag].outputs if "text/html" in o.get("data", {})]
    assert tables, f"{tag}: no table"
    body = tables[-1].split("<tbody>", 1)[1]
    assert body.count("<tr") >= 1, f"{tag}: an empty table"


@pytest.mark.parametrize("tag", PICTURES)
def test_notebook_draws_pictures(executed: dict[str, nbformat.NotebookNode], tag: str) -> None:
    images = [o.data["image/png"] for o in executed[tag].outputs if "image/png" in o.get("data", {})]
    assert images and len(images[0]) > 5_000, f"{tag}: no picture"


def test_notebook_writes_the_interactive_page(executed: dict[str, nbformat.NotebookNode]) -> None:
    page = written_page(executed)
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
