"""The planning tools' pages: printable sheets and the one-page plans."""

from __future__ import annotations

import subprocess
import sys

import pytest

from plnlib.errors import DataError
from plnlib.planning.cycles import diagram_from_dict
from plnlib.samples.planning import driver_diagram_data
from plnlib.web.planning import diagram_list_html
from plnlib.web.planning_sheets import SHEETS, sheet_html


@pytest.mark.parametrize("name", SHEETS)
def test_every_sheet_is_a_printable_page(name):
    page = sheet_html(name)
    assert page.startswith("<!DOCTYPE html>") and "@media print" in page
    assert "<script" not in page  # a sheet needs no scripts
    assert "CC BY 4.0" in page


def test_sheet_contents():
    tf = sheet_html("time-finder", slots=("Lunch", "Twilight"))
    assert tf.count("\u2610") == 10 and '<th scope="col">Twilight</th>' in tf
    assert "Trialling it with colleagues" in sheet_html("mobilisation")
    assert "\u2610 adopt \u2610 adapt \u2610 abandon" in sheet_html("pdsa")
    with pytest.raises(DataError, match="Expected one of the sheets"):
        sheet_html("gantt")


def test_the_diagram_list_is_the_diagram_in_words():
    text = diagram_list_html(diagram_from_dict(driver_diagram_data()))
    assert text.count("<li>Primary driver") == 3 and text.count("<li>Change idea") == 5


def test_the_sheet_command(tmp_path):
    out = tmp_path / "pdsa.html"
    res = subprocess.run(
        [sys.executable, "-m", "plnlib.cli", "planning-sheet", "pdsa", "-o", out],
        capture_output=True,
        text=True,
    )
    assert res.returncode == 0 and out.exists(), res.stderr
