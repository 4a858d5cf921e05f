"""``plnlib template ID -o FILE``, run as a user runs it, and its errors."""

from __future__ import annotations

import io
import subprocess
import sys

import docx
import pytest

from plnlib.io.templates import load_template


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "plnlib.cli", *map(str, args)], capture_output=True, text=True
    )


@pytest.mark.parametrize("suffix", [".docx", ".md", ".html"])
def test_template_writes_each_format(tmp_path, suffix):
    out = tmp_path / f"plan{suffix}"
    res = run("template", "action-plan", "-o", out)
    assert res.returncode == 0, res.stderr
    assert "wrote Template: action plan" in res.stdout
    if suffix == ".docx":
        document = docx.Document(io.BytesIO(out.read_bytes()))
        cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
        text = "\n".join([p.text for p in document.paragraphs] + cells)
    else:
        text = out.read_text(encoding="utf-8")
    assert "How we will know" in text and load_template("action-plan").heading in text


def test_an_unknown_template_is_a_message_not_a_traceback(tmp_path):
    res = run("template", "stop", "-o", tmp_path / "x.docx")
    assert res.returncode == 2
    assert "expected a template id" in res.stderr.lower() and "stop-list" in res.stderr
    assert "Traceback" not in res.stderr
    assert not (tmp_path / "x.docx").exists()


def test_a_wrong_suffix_names_the_option(tmp_path):
    res = run("template", "stop-list", "-o", tmp_path / "x.pdf")
    assert res.returncode == 2 and "-o/--output" in res.stderr and "x.pdf" in res.stderr
