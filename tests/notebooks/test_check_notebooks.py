"""scripts/check_notebooks.py refuses a notebook saved with an error; make lint runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "check_notebooks.py"


def notebook(tmp_path: Path, outputs: list, count: int | None = 1) -> Path:
    cell = {
        "cell_type": "code",
        "execution_count": count,
        "metadata": {},
        "source": "1/0",
        "outputs": outputs,
    }
    nb = {
        "cells": [cell],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path = tmp_path / "nb.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


def check(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), str(path)], capture_output=True, text=True)


def test_a_saved_error_output_is_refused(tmp_path):
    error = {"output_type": "error", "ename": "ZeroDivisionError", "evalue": "", "traceback": []}
    res = check(notebook(tmp_path, [error]))
    assert res.returncode == 1
    assert "cell 1: error output (ZeroDivisionError)" in res.stdout


def test_a_clean_notebook_passes(tmp_path):
    res = check(notebook(tmp_path, [{"output_type": "stream", "name": "stdout", "text": "1"}]))
    assert res.returncode == 0, res.stdout


def test_the_shipped_notebooks_are_clean_and_make_lint_checks_them():
    res = subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, sorted((ROOT / "book" / "tools").glob("*.ipynb")))],
        capture_output=True,
        text=True,
    )
    assert res.returncode == 0, res.stdout
    lint = subprocess.run(["make", "-n", "lint"], capture_output=True, text=True, cwd=ROOT)
    assert "scripts/check_notebooks.py book/tools/*.ipynb" in lint.stdout
