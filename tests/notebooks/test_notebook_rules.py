"""Rules for the tool notebooks: thin imports, charts stored once, no saved errors."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parents[2] / "book" / "tools"
NOTEBOOKS = sorted(TOOLS.glob("*.ipynb"))
VEGALITE = "application/vnd.vegalite.v"


def code_cells(path: Path) -> list[dict]:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return [c for c in notebook["cells"] if c["cell_type"] == "code"]


def source(cell: dict) -> str:
    text = "".join(cell["source"])
    # IPython magics and shell lines are not Python
    return "\n".join(
        "" if line.lstrip().startswith(("%", "!")) else line for line in text.split("\n")
    )


def plnlib_imports(cell: dict) -> list[str]:
    """The plnlib module paths a cell imports from."""
    found = []
    for node in ast.walk(ast.parse(source(cell))):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] == "plnlib"]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "plnlib":
            found.append(node.module)
    return found


def import_problems(cells: list[dict]) -> list[str]:
    problems = []
    paths: set[str] = set()
    for number, cell in enumerate(cells, start=1):
        here = plnlib_imports(cell)
        paths.update(here)
        if here and number != 1:
            problems.append(f"code cell {number} imports from {sorted(set(here))}")
    if len(paths) > 2:
        problems.append(f"imports from {len(paths)} plnlib paths, at most 2: {sorted(paths)}")
    return problems


def double_charts(cells: list[dict]) -> list[str]:
    return [
        f"code cell {number}: a chart stored twice ({', '.join(sorted(output['data']))})"
        for number, cell in enumerate(cells, start=1)
        for output in cell.get("outputs", [])
        if any(k.startswith(VEGALITE) for k in output.get("data", {}))
        and "text/html" in output["data"]
    ]


def test_there_are_tool_notebooks():
    assert len(NOTEBOOKS) >= 3


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_plnlib_is_imported_from_at_most_two_paths_in_the_first_code_cell(path):
    cells = code_cells(path)
    assert plnlib_imports(cells[0]), f"{path.name}: the first code cell imports nothing from plnlib"
    assert not import_problems(cells), f"{path.name}: {import_problems(cells)}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_chart_is_stored_once_as_vega_lite(path):
    cells = code_cells(path)
    assert not double_charts(cells), f"{path.name}: {double_charts(cells)}"


def _cell(code: str, outputs: list | None = None) -> dict:
    return {"cell_type": "code", "source": code.splitlines(True), "outputs": outputs or []}


def test_the_import_rule_fails_on_a_late_import_and_on_a_third_path():
    top = _cell("%xmode Minimal\nfrom plnlib import load_checklist\nfrom plnlib.charts import x\n")
    assert import_problems([top, _cell("y = 1")]) == []
    late = _cell("from plnlib.widgets import SelfAssessment\nSelfAssessment(c)")
    assert import_problems([top, late]) == [
        "code cell 2 imports from ['plnlib.widgets']",
        "imports from 3 plnlib paths, at most 2: ['plnlib', 'plnlib.charts', 'plnlib.widgets']",
    ]
    assert import_problems([_cell("import plnlib.io.tables, plnlib\nimport plnlib.samples")]) == [
        "imports from 3 plnlib paths, at most 2: ['plnlib', 'plnlib.io.tables', 'plnlib.samples']"
    ]


def test_the_chart_rule_fails_on_a_chart_with_an_html_copy():
    once = {"data": {"application/vnd.vegalite.v6+json": {}, "text/plain": "Chart"}}
    twice = {"data": {**once["data"], "text/html": "<div>"}}
    table = {"data": {"text/html": "<table>", "text/plain": "t"}}
    assert double_charts([_cell("c", [once, table])]) == []
    assert double_charts([_cell("c", [twice])]) == [
        "code cell 1: a chart stored twice (application/vnd.vegalite.v6+json, text/html, text/plain)"
    ]
