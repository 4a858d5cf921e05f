"""The in-page improvement cycles tool (pln-cycles-core.js) gives plnlib's answers, in Chromium.

The corpus (tests/conformance/cycles_corpus.py) is made and answered by plnlib;
the page is plnlib's own HTML (cycles_tool_html), so the script reads the same
PDSA columns and decisions. The last tests use the page by keyboard and check
that plnlib reads the file it saves.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from plnlib.io.planning import read_cycles_json
from plnlib.web.planning_cycles import cycles_tool_html
from tests.conformance.cycles_corpus import cases
from tests.conformance.tool_pages import SITE_ROOT

CASES = cases()
READY = "window.PlnCycles !== undefined && window.PlnCyclesPage !== undefined"


@pytest.fixture(scope="module")
def page(tool_page):
    return tool_page(cycles_tool_html(root=SITE_ROOT), READY)


def js_answer(page, case):
    return page.evaluate(
        """(c) => {
          const K = PlnCycles, cfg = JSON.parse(document.querySelector("script.pln-cy-data").textContent);
          try {
            const d = K.diagramFromDict(c.diagram, "driver diagram");
            const cycles = c.cycles.length ? K.prepareCycles(c.cycles, cfg, d, "PDSA log") : null;
            const m = K.prepareMeasures(c.measures, "readings");
            const run = K.runData(m, cycles);
            return {layout: K.diagramLayout(d, cfg.heads), description: K.diagramDescription(d),
                    rows: K.diagramRows(d), cycles: cycles || [], run: run,
                    run_description: K.runDescription(run, d.measure)};
          } catch (e) { if (!(e instanceof K.PlnError)) { throw e; } return {error: e.message}; }
        }""",
        case,
    )


def _same(got, want, path):
    """Equal, with numbers compared to 1e-9 (JSON from the page has no int/float difference)."""
    if isinstance(want, dict):
        assert isinstance(got, dict) and set(got) == set(want), (path, got, want)
        for k in want:
            _same(got[k], want[k], f"{path}.{k}")
    elif isinstance(want, list | tuple):
        assert isinstance(got, list) and len(got) == len(want), (path, got, want)
        for i, (g, w) in enumerate(zip(got, want, strict=True)):
            _same(g, w, f"{path}[{i}]")
    elif isinstance(want, float | int) and not isinstance(want, bool):
        assert got == pytest.approx(want, rel=1e-9), (path, got, want)
    else:
        assert got == want, (path, got, want)


def test_the_corpus_has_answers_and_every_kind_of_error():
    errors = [w["error"] for _, _, w in CASES if "error" in w]
    assert len(CASES) == 34 and len(errors) == 21
    assert any("expected a prediction for cycle '2', found none" in e for e in errors)
    assert sum(len(w.get("cycles", [])) for _, _, w in CASES) >= 20


@pytest.mark.parametrize(("name", "case", "want"), CASES, ids=[c[0] for c in CASES])
def test_the_page_gives_plnlibs_answer(page, name, case, want):
    got = js_answer(page, case)
    _same(got, want, "answer")
    assert not page.errors


def test_a_cycle_without_a_prediction_is_refused_by_keyboard_and_the_saved_file_is_read(
    page, tmp_path
):
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_function(READY)
    page.focus("#pln-cy-aim")
    page.keyboard.type("More pupils read at home")
    page.keyboard.press("Tab")
    page.keyboard.type("Share of pupils reading at home")
    page.fill("#pln-cy-target", "2027-07-01")
    for i in (1, 2, 3):
        page.fill(f"#pln-cy-P{i}", f"Driver {i}")
    page.focus("#pln-cy-add-P1")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "pln-cy-S1"
    page.keyboard.type("Books pupils want")
    page.focus("#pln-cy-add-S1")
    page.keyboard.press("Enter")
    assert "Added change idea C1 under S1" in page.inner_text(".pln-cy-status")
    page.keyboard.type("Pupils vote on new books")
    page.keyboard.press("Tab")  # the change event draws the charts
    assert "Everything checks" in page.inner_text(".pln-cy-problems")
    page.select_option("#pln-cy-f-change_idea", "C1")
    page.fill("#pln-cy-f-question", "Does voting change loans?")
    page.focus(".pln-cy-add-cycle")
    page.keyboard.press("Enter")
    status = page.inner_text(".pln-cy-status")
    assert status == (
        "PDSA log, row 2, column prediction: expected a prediction for cycle '1', found none. "
        "Write what you expect to happen before you start: the study step compares the "
        "results with it."
    )
    page.fill("#pln-cy-f-prediction", "More loans of new books")
    page.fill("#pln-cy-f-start", "2026-01-12")
    page.click(".pln-cy-add-cycle")
    assert "Added cycle 1" in page.inner_text(".pln-cy-status")
    for date, value in (("2026-01-05", "40"), ("2026-01-19", "44,5")):
        page.fill("#pln-cy-r-date", date)
        page.fill("#pln-cy-r-value", value)
        page.click(".pln-cy-add-reading")
    page.wait_for_selector(".pln-cy-figure svg[role=img]", timeout=20000)
    assert page.locator(".pln-cy-figure").count() == 2
    assert "median 42.25" in page.inner_text(".pln-cy-charts")
    doc = page.evaluate("JSON.parse(localStorage.getItem('pln-cycles'))")
    (tmp_path / "cycles.json").write_text(json.dumps(doc), encoding="utf-8")
    diagram, log, measures = read_cycles_json(tmp_path / "cycles.json")
    assert diagram.aim == "More pupils read at home" and list(diagram.ideas) == ["C1"]
    assert log["status"].tolist() == ["planned"] and measures["value"].tolist() == [40, 44.5]
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "plnlib.cli",
            "cycles",
            str(tmp_path / "cycles.json"),
            "-o",
            str(tmp_path / "record.html"),
        ],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0 and "1 cycles: 1 planned" in out.stdout, out.stderr
    assert not page.errors


def test_clear_asks_first(page):
    page.wait_for_function("localStorage.getItem('pln-cycles') !== null")
    page.focus(".pln-cy-clear")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.className") == "pln-confirm-no"
    page.keyboard.press("Escape")
    assert page.inner_text(".pln-cy-status") == "Nothing was cleared."
    assert page.evaluate("localStorage.getItem('pln-cycles')") is not None
    page.click(".pln-cy-clear")
    page.click(".pln-confirm-yes")
    assert page.evaluate("localStorage.getItem('pln-cycles')") is None
    assert page.input_value("#pln-cy-aim") == ""
