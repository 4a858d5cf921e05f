"""Every public result type, built from the shipped samples: no suppressed row carries a number.

Privacy is applied once, in core, where each result is made (``plnlib.privacy``).
These tests build every result a user can get (team summaries, breakdowns,
changes, group results, distributions, response rates, the whole monitoring
analysis, the charts' table alternatives) from the synthetic samples, including
teams of 2, 3, 4 and 5 people and the sample network's school that is too small
to show, and check that a row marked ``suppressed`` holds no number at all.
"""

from __future__ import annotations

import numbers

import numpy as np
import pandas as pd
import pytest

from plnlib.charts.checklists import distribution_chart, section_chart
from plnlib.checklists import (
    breakdown,
    changes,
    compare_waves,
    extremes,
    group_results,
    prepare_answers,
    priorities,
    team_summary,
)
from plnlib.io.content import load_checklist
from plnlib.io.responses import read_responses
from plnlib.io.tables import read_table
from plnlib.monitoring import monitor, prepare_monitoring, response_rates, strengths
from plnlib.samples import SAMPLE_ANSWERS, SAMPLE_ROSTERS, team_answers
from plnlib.samples.monitoring import monitoring_answers

DESIGN = load_checklist("pln-design")
KMB = load_checklist("knowledge-mobilisation")

#: Columns that label a row rather than report on people: the wave, the scale point, and
#: the roster's staff numbers (not personal; without the responses they reveal nothing).
LABELS = {"wave", "value", "staff"}


def _is_number(value: object) -> bool:
    if isinstance(value, (bool, np.bool_)) or value is None or value is pd.NA:
        return False
    return isinstance(value, numbers.Number) and not (isinstance(value, float) and np.isnan(value))


def numbers_in_hidden_rows(frame: pd.DataFrame, labels: set[str] = LABELS) -> list[str]:
    """Where a suppressed row of ``frame`` still holds a number (empty if nowhere)."""
    hidden = frame[frame["suppressed"].astype(bool).to_numpy()]
    found = []
    for col in frame.columns:
        if col in labels or col == "suppressed":
            continue
        for pos, value in zip(hidden.index, hidden[col], strict=True):
            if _is_number(value):
                found.append(f"row {pos}, column {col!r}: {value!r}")
    return found


def assert_blank(frame: pd.DataFrame, *, expect_hidden: bool = True) -> None:
    assert "suppressed" in frame.columns
    if expect_hidden:
        assert frame["suppressed"].any(), "the sample should hide something here"
    found = numbers_in_hidden_rows(frame)
    assert not found, found[:5]


def test_the_checker_finds_a_number_left_in_a_hidden_row():
    t = pd.DataFrame({"group": ["A", "B"], "n": [6, 2], "mean": [3.0, np.nan]})
    t["suppressed"] = [False, True]
    assert numbers_in_hidden_rows(t) == ["row 1, column 'n': 2"]
    t["n"] = pd.array([6, None], dtype="Int64")
    assert numbers_in_hidden_rows(t) == []


# --------------------------------------------------------------------------- teams


@pytest.mark.parametrize("people", [2, 3, 4, 5, 24])
def test_team_summary_of_small_and_large_teams(people):
    prepared = prepare_answers(team_answers(DESIGN, respondents=people, seed=people), DESIGN)
    t = team_summary(prepared, DESIGN)
    for frame in (t.items, t.sections, t.distribution):
        assert_blank(frame, expect_hidden=people < 5)
    assert (t.respondents is None) == t.suppressed == (people < 5)
    if people < 5:
        assert t.items["suppressed"].all() and t.sections["suppressed"].all()


@pytest.mark.parametrize("people", [2, 3, 4])
def test_a_small_teams_section_chart_shows_no_n(people):
    """The chart's table alternative of a 3-person team: no n, no mean (as plnlib score)."""
    prepared = prepare_answers(team_answers(DESIGN, respondents=people, seed=1), DESIGN)
    t = team_summary(prepared, DESIGN)
    table = section_chart(t, DESIGN).to_dict()["usermeta"]["plnlib"]["table"]
    assert len(table) == len(DESIGN.sections)
    assert all(row["n"] is None and row["Mean"] is None for row in table)
    dist = distribution_chart(t, DESIGN, DESIGN.sections[0].id).to_dict()
    assert dist["usermeta"]["plnlib"]["table"] == []


def test_breakdown_with_a_school_too_small_to_show():
    raw = team_answers(DESIGN, respondents=30, schools=("A", "B", "C"), seed=8)
    small = sorted(raw.loc[raw["school"] == "C", "respondent"].unique())[:7]
    raw.loc[raw["respondent"].isin(small), "school"] = "A"  # C keeps 3 people
    b = breakdown(prepare_answers(raw, DESIGN), DESIGN, "school")
    assert_blank(b)
    assert b.loc[b["school"] == "C", "suppressed"].all()


@pytest.mark.parametrize("after_people", [3, 4, 5, 8])
def test_compare_waves_with_a_small_wave(after_people):
    raw = pd.concat(
        [
            team_answers(DESIGN, respondents=8, seed=2).assign(wave=2025),
            team_answers(DESIGN, respondents=after_people, seed=3).assign(wave=2026),
        ],
        ignore_index=True,
    )
    ch = compare_waves(prepare_answers(raw, DESIGN), DESIGN, before=2025, after=2026)
    assert_blank(ch, expect_hidden=after_people < 5)


def test_priorities_and_extremes_never_list_a_hidden_result():
    prepared = prepare_answers(team_answers(DESIGN, respondents=3, seed=4), DESIGN)
    t = team_summary(prepared, DESIGN)
    assert priorities(t, DESIGN).empty and strengths(t, DESIGN).empty
    big = team_summary(prepare_answers(team_answers(DESIGN, respondents=12), DESIGN), DESIGN)
    listed = extremes(big.sections, big.items, DESIGN, weakest=False)
    assert len(listed) and listed["mean"].notna().all()


# --------------------------------------------------------------------------- the monitoring sample


@pytest.fixture(scope="module")
def sample():
    """The shipped sample files (synthetic): 12 schools, three waves, Yew too small to show."""
    raw = read_responses(SAMPLE_ANSWERS, KMB)
    prepared = prepare_monitoring(raw, KMB, by="school", wave="wave", where="sample")
    return prepared, read_table(SAMPLE_ROSTERS)


@pytest.fixture(scope="module")
def analysis(sample):
    prepared, rosters = sample
    return monitor(prepared, KMB, by="school", wave="wave", rosters=rosters)


def test_group_results_and_changes(sample):
    prepared, _ = sample
    for level in ("section", "item"):
        res = group_results(prepared, KMB, "school", wave="wave", level=level)
        assert_blank(res)
        assert res.loc[res["group"] == "Yew", "suppressed"].all()  # the school too small to show
        assert_blank(changes(res, wave="wave", before=2024, after=2025))


def test_response_rates(sample):
    prepared, rosters = sample
    assert_blank(response_rates(prepared, rosters, wave="wave"))


def test_every_table_of_the_monitoring_analysis(analysis):
    m = analysis
    for name in ("sections", "items", "distribution", "changes", "rates"):
        assert_blank(getattr(m, name))
    assert_blank(m.responses, expect_hidden=False)
    for frame in (m.summary.items, m.summary.sections, m.summary.distribution):
        assert_blank(frame, expect_hidden=False)
    assert m.strengths["mean"].notna().all() and m.priorities["mean"].notna().all()


def test_a_small_wave_of_the_network_hides_its_counts():
    raw = monitoring_answers(KMB, schools=2, staff=12, waves=(1, 2), seed=5)
    keep = raw[(raw["wave"] == 1) | raw["respondent"].isin(raw["respondent"].unique()[:3])]
    m = monitor(prepare_monitoring(keep, KMB, wave="wave"), KMB, wave="wave")
    assert_blank(m.responses)
    assert_blank(m.sections)
    for frame in (m.summary.items, m.summary.sections):
        assert_blank(frame)
    assert m.summary.respondents is None
