"""No message says "1 statements" or hedges with "(s)": counts agree with their nouns.

Every string literal in plnlib's code (docstrings aside) and in the page scripts is
read; a "(s)" in one is a message that should use ``plnlib.helpers.plural``
(or, in the page, pick the word by the count).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

PLNLIB = Path(__file__).resolve().parents[2] / "plnlib"
SCRIPTS = PLNLIB / "web" / "assets" / "site" / "js"
HEDGE = re.compile(r"(?<![.\w])[a-z]+\(s\)")  # "cell(s)", not a call such as ".test(s)"


def _literals(tree: ast.AST):
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
        ):
            yield node


def hedged_python(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.name}:{n.lineno}: {n.value!r}" for n in _literals(tree) if HEDGE.search(n.value)
    ]


def hedged_js(path: Path) -> list[str]:
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        for text in re.findall(r'"((?:[^"\\]|\\.)*)"', line):
            if HEDGE.search(text):
                out.append(f"{path.name}:{number}: {text!r}")
    return out


def test_the_check_finds_a_hedged_plural(tmp_path):
    sample = tmp_path / "m.py"
    sample.write_text('"""Doc of file(s)."""\nx = f"{n} cell(s) hidden"\n', encoding="utf-8")
    assert hedged_python(sample) == ["m.py:2: ' cell(s) hidden'"]
    page = tmp_path / "m.js"
    page.write_text('var t = n + " respondent(s) without one";\nf(s);\n', encoding="utf-8")
    assert hedged_js(page) == ["m.js:1: ' respondent(s) without one'"]


def test_no_python_message_hedges_a_plural():
    found = [h for path in sorted(PLNLIB.rglob("*.py")) for h in hedged_python(path)]
    assert not found, "use plnlib.helpers.plural instead of '(s)':\n" + "\n".join(found)


def test_no_page_script_message_hedges_a_plural():
    found = [h for path in sorted(SCRIPTS.glob("*.js")) for h in hedged_js(path)]
    assert not found, "choose the word by the count instead of '(s)':\n" + "\n".join(found)
