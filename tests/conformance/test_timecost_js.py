"""The in-page cost of time (pln-timecost.js) gives plnlib's answers, in Chromium."""

from __future__ import annotations

import dataclasses
import random

import pytest

from plnlib.errors import DataError
from plnlib.planning.timecost import Timetable, time_options
from plnlib.web.planning_tools import time_cost_tool_html
from tests.conformance.tool_pages import SITE_ROOT

NUMBERS = {
    "hours_per_teacher": 0.01,
    "hours_network": 0.01,
    "lesson_minutes_lost_per_class": 0.1,
    "cover_cost": 0.01,
}


def _cases():
    rng = random.Random(12)
    cases = []
    for _ in range(25):
        lessons = rng.randint(10, 40)
        cases.append(
            Timetable(
                lesson_minutes=rng.choice([35, 45, 50, 55, 60, 65, 100]),
                lessons_per_week=lessons,
                staff=rng.randint(1, 400),
                cover_cost_per_hour=rng.choice([0, 22.5, 35, 41.75]),
                days_per_week=rng.choice([4, 5, 6]),
                minutes_shaved=rng.choice([None, None, 3, 5.5]),
                reallocated_minutes=rng.choice([0, 45, 90]),
                aligned_periods=rng.randint(0, 4),
                cover_lessons=rng.randint(0, min(6, lessons)),
                free_periods_per_week=rng.choice([None, 4, 6]),
            )
        )
    base = Timetable(lesson_minutes=60, lessons_per_week=25, staff=10)
    for change in (
        {"lesson_minutes": 0},
        {"lesson_minutes": 300},
        {"lessons_per_week": 0},
        {"lessons_per_week": 200},
        {"staff": 0},
        {"cover_cost_per_hour": -5},
        {"minutes_shaved": 60},
        {"reallocated_minutes": -1},
        {"aligned_periods": 5, "free_periods_per_week": 4},
        {"cover_lessons": 26},
        {"days_per_week": 8},
    ):
        cases.append(dataclasses.replace(base, **change))
    out = []
    for t in cases:
        try:
            want = {"rows": time_options(t)[["option", *NUMBERS]].to_dict("records")}
        except DataError as err:
            want = {"error": f"{err.where}: {err.what}"}
        out.append((dataclasses.asdict(t), want))
    return out


CASES = _cases()


@pytest.fixture(scope="module")
def page(tool_page):
    return tool_page(time_cost_tool_html(root=SITE_ROOT), "window.PlnTimeCost !== undefined")


def test_the_corpus_has_answers_and_errors():
    assert sum("error" in w for _, w in CASES) == 11 and len(CASES) == 36


@pytest.mark.parametrize(("inputs", "want"), CASES)
def test_the_page_gives_plnlibs_answer(page, inputs, want):
    got = page.evaluate(
        """(t) => { try { return {rows: PlnTimeCost.options(t)}; }
                    catch (e) { if (!(e instanceof PlnTimeCost.PlnError)) { throw e; } return {error: e.message}; } }""",
        inputs,
    )
    if "error" in want:
        assert "error" in got and got["error"].startswith(want["error"]), (got, want)
        return
    assert [r["option"] for r in got["rows"]] == [r["option"] for r in want["rows"]]
    for g, w in zip(got["rows"], want["rows"], strict=True):
        for col, tol in NUMBERS.items():
            assert g[col] == pytest.approx(w[col], abs=tol + 1e-9), (col, g, w)


def test_the_form_updates_as_you_type(page):
    page.fill("#pln-tc-staff", "12")
    page.fill("#pln-tc-cover_cost_per_hour", "35")
    assert "420.00" in page.inner_text(".pln-tc-results")
    page.fill("#pln-tc-minutes_shaved", "70")
    assert "minutes shaved: expected minutes shaved" in page.inner_text(".pln-tc-status")
