"""Run the checklist pages' JavaScript unit tests (``node --test tests/js/``) inside pytest."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

JS_TESTS = Path(__file__).resolve().parents[1] / "js"


def test_node_unit_tests_pass():
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: run 'node --test tests/js/' where it is")
    files = sorted(str(p) for p in JS_TESTS.glob("*.test.js"))
    assert files, "no tests/js/*.test.js found"
    run = subprocess.run([node, "--test", *files], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "# fail 0" in run.stdout and "# pass 0" not in run.stdout
