"""The in-page time finder (pln-timefinder.js) gives plnlib's answers, in Chromium.

The corpus is written by plnlib (timefinder_corpus.py); the page is built from
plnlib's own HTML (time_finder_tool_html), so the JS reads the same day names
and column names as plnlib.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.conformance.tool_pages import SITE_ROOT

sys.path.insert(0, str(Path(__file__).parent))
from timefinder_corpus import COLUMNS, GOOGLE, corpus

from plnlib.io.planning import read_availability
from plnlib.planning.timefinder import availability
from plnlib.web.planning_tools import time_finder_tool_html

CASES = corpus()


@pytest.fixture(scope="module")
def page(tool_page):
    return tool_page(time_finder_tool_html(root=SITE_ROOT), "window.PlnTimeFinder !== undefined")


def js_answer(page, case):
    return page.evaluate(
        f"""async ([text, data, name, slots, school]) => {{
            const cols = {json.dumps(COLUMNS)};
            try {{
              const opts = {{name, slots, school}};
              const r = data === null ? PlnTimeFinder.analyse(text, opts)
                : await PlnTimeFinder.analyseBytes(
                    Uint8Array.from(atob(data), c => c.charCodeAt(0)), opts,
                    document.querySelector(".pln-timefinder").dataset.vendor);
              return {{table: r.table.map(row => cols.map(c => row[c])), members: r.data.members.size}};
            }} catch (e) {{
              if (!e || e.name !== "PlnError") {{ throw e; }}
              return {{error: e.message}};
            }}
        }}""",
        [case.get("text"), case.get("data"), case["name"], case["slots"], case["school"]],
    )


def test_the_corpus_covers_answers_and_errors():
    kinds = [("error" in c["expected"]) for c in CASES]
    assert sum(kinds) >= 10 and len(kinds) - sum(kinds) >= 17
    read = {c["name"]: c["expected"] for c in CASES if "data" in c}
    assert len(read) == 9 and "École Sainte-Thérèse" in json.dumps(read, ensure_ascii=False)
    assert {n for n, w in read.items() if "error" in w} == {
        "not-any-encoding.csv",
        "header-only.xlsx",
    }


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_the_page_gives_plnlibs_answer(page, case):
    got = js_answer(page, case)
    want = case["expected"]
    if "error" in want:
        assert "error" in got, f"plnlib refused it ({want['error']}); the page did not"
        # the page says what and where as plnlib does (its advice may be worded for the page)
        assert got["error"].startswith(want["error"]), (got["error"], want["error"])
    else:
        assert got == want
    assert not page.errors


def test_the_pages_json_is_read_by_plnlib(page, tmp_path):
    doc = page.evaluate(
        "([t]) => PlnTimeFinder.toJSON(PlnTimeFinder.analyse(t, {name: 'g.csv'}))", [GOOGLE]
    )
    (tmp_path / "free-times.json").write_text(json.dumps(doc))
    (tmp_path / "g.csv").write_text(GOOGLE)
    from_json = availability(read_availability(tmp_path / "free-times.json"))
    from_csv = availability(read_availability(tmp_path / "g.csv"))
    assert from_json[COLUMNS].values.tolist() == from_csv[COLUMNS].values.tolist()


def test_the_page_works_by_keyboard_and_keeps_data_only_locally(page, tmp_path):
    (tmp_path / "g.csv").write_text(GOOGLE)
    page.set_input_files("#pln-tf-file", str(tmp_path / "g.csv"))
    page.wait_for_selector(".pln-tf-results table")
    status = page.inner_text(".pln-tf-status")
    assert status.startswith("Read g.csv")
    first = page.inner_text(".pln-tf-results tbody tr")
    assert "Monday" in first and "After school (3.30-4.30)" in first
    assert (
        page.evaluate("JSON.parse(localStorage.getItem('pln-timefinder')).format")
        == "plnlib-free-times"
    )
    page.focus(".pln-tf-forget")
    page.keyboard.press("Enter")  # asks first: "No" has the focus, Escape keeps everything
    assert page.is_visible(".pln-confirm") and page.evaluate(
        "document.activeElement.classList.contains('pln-confirm-no')"
    )
    page.keyboard.press("Escape")
    assert page.evaluate("localStorage.getItem('pln-timefinder')") is not None
    assert "Nothing was cleared" in page.inner_text(".pln-tf-status")
    page.keyboard.press("Enter")  # the focus is back on Forget
    page.focus(".pln-confirm-yes")
    page.keyboard.press("Enter")
    assert page.evaluate("localStorage.getItem('pln-timefinder')") is None
    assert "Forgotten" in page.inner_text(".pln-tf-status")
    assert page.get_attribute(".pln-tf-status", "role") == "status"
