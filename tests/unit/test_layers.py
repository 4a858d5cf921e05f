"""The layering rule: core modules import no outer layer (io, charts, widgets, web, report, cli)."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[2] / "plnlib"
OUTER = (
    "plnlib.io",
    "plnlib.charts",
    "plnlib.widgets",
    "plnlib.web",
    "plnlib.report",
    "plnlib.cli",
    "plnlib.worksheets",
    "plnlib.book_ext",
)
CORE_EXEMPT = {"__init__.py", "book_ext.py", "web.py", "worksheets.py", "widgets.py"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def core_modules() -> list[Path]:
    outer_dirs = {"io", "charts", "cli", "report", "assets", "content", "samples"}
    return [
        p
        for p in PKG.rglob("*.py")
        if p.relative_to(PKG).parts[0] not in outer_dirs and p.name not in CORE_EXEMPT
    ]


def test_there_are_core_modules_to_check():
    names = {p.name for p in core_modules()}
    assert {"checklists.py", "scoring.py", "privacy.py", "forms.py"} <= names


def test_core_imports_no_outer_layer():
    offenders = {
        str(p.relative_to(PKG)): sorted(m for m in _imports(p) if m.startswith(OUTER))
        for p in core_modules()
    }
    offenders = {k: v for k, v in offenders.items() if v}
    assert not offenders, f"core modules import outer layers: {offenders}"


BANNED_CALLS = {
    "print",
    "open",
    "read_text",
    "write_text",
    "read_bytes",
    "write_bytes",
    "to_csv",
    "read_csv",
    "read_excel",
    "to_excel",
    "mkdir",
    "unlink",
}


def test_core_does_no_file_io_or_printing():
    for p in core_modules():
        for node in ast.walk(ast.parse(p.read_text())):
            if isinstance(node, ast.Call):
                f = node.func
                name = (
                    f.id
                    if isinstance(f, ast.Name)
                    else f.attr
                    if isinstance(f, ast.Attribute)
                    else ""
                )
                assert name not in BANNED_CALLS, (
                    f"{p.relative_to(PKG)}:{node.lineno} calls {name}()"
                )
