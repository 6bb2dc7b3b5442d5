"""The notebooks are thin pages: committed without outputs, narrative plus calls into the package."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from intervisie_kit.pages import PAGES
from intervisie_kit.paths import notebooks_dir

NOTEBOOKS = sorted(notebooks_dir().glob("*.ipynb"))


def cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def test_there_are_notebooks() -> None:
    assert any(p.name == "00_start.ipynb" for p in NOTEBOOKS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path: Path) -> None:
    for i, cell in enumerate(cells(path)):
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [], f"{path.name} cell {i} has outputs; clear them before committing"
            assert cell.get("execution_count") is None, f"{path.name} cell {i} has an execution count"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_code_cells_hold_no_logic(path: Path) -> None:
    for i, cell in enumerate(cells(path)):
        if cell["cell_type"] != "code":
            continue
        tree = ast.parse("".join(cell["source"]))
        for node in ast.walk(tree):
            assert not isinstance(node, ast.FunctionDef | ast.ClassDef | ast.For | ast.While | ast.If), (
                f"{path.name} cell {i}: logic belongs in intervisie_kit, not in the notebook"
            )
        imports = [n for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom)]
        for node in imports:
            module = node.module if isinstance(node, ast.ImportFrom) else node.names[0].name
            assert module and module.startswith("intervisie_kit"), f"{path.name} imports {module}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_notebook_is_a_listed_page_with_both_languages(path: Path) -> None:
    assert path.name in {p.notebook for p in PAGES}, f"{path.name} is missing from intervisie_kit.pages.PAGES"
    markdown = "".join("".join(c["source"]) for c in cells(path) if c["cell_type"] == "markdown")
    assert 'class="ik-lang-nl"' in markdown and 'class="ik-lang-en"' in markdown
