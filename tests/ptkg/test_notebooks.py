"""The notebooks of notebooks/: stored without outputs, and run from the first cell to the
last without an error (with nbclient, on the ``python3`` kernel of this interpreter)."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


def test_notebooks_exist_and_the_readme_names_each() -> None:
    names = [p.name for p in NOTEBOOKS]
    assert "researcher.ipynb" in names
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert set(re.findall(r"notebooks/([\w-]+\.ipynb)", readme)) == set(names)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebooks_are_stored_without_outputs(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


@pytest.mark.slow  # the notebook builds the corpus with the full pipeline
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebooks_run_without_error(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=300,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()  # raises CellExecutionError, naming the cell, on any error
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    printed = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    # The question the notebook answers, and the sources it quotes.
    assert "On 20 Jun 2026, Claude Fable 5 was" in printed
    assert "According to:" in printed
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) == 3  # the three charts
