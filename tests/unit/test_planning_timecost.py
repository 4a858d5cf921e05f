"""The cost of time: known answers and impossible inputs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plnlib.errors import DataError
from plnlib.planning.timecost import Timetable, time_options


def test_known_answer_for_a_typical_secondary_week():
    t = Timetable(
        lesson_minutes=60,
        lessons_per_week=25,
        staff=10,
        cover_cost_per_hour=30,
        reallocated_minutes=45,
        aligned_periods=2,
        cover_lessons=3,
    )
    table = time_options(t).set_index("option")
    # half a day = 2.5 lessons = 150 minutes, so 6 minutes off each of 25 lessons
    assert table.loc["shave", "hours_per_teacher"] == 2.5
    assert table.loc["shave", "hours_network"] == 25.0
    assert table.loc["shave", "lesson_minutes_lost_per_class"] == 150.0
    assert "6.0 minutes" in table.loc["shave", "note"]
    assert table.loc["reallocate", "hours_per_teacher"] == 0.75
    assert table.loc["align", "hours_network"] == 20.0
    assert table.loc["cover", "hours_per_teacher"] == 3.0
    assert table.loc["cover", "cover_cost"] == 900.0  # 3 h x 10 staff x 30
    assert table["cover_cost"].drop("cover").eq(0).all()


def test_minutes_shaved_given():
    table = time_options(
        Timetable(lesson_minutes=50, lessons_per_week=30, staff=4, minutes_shaved=5)
    ).set_index("option")
    assert table.loc["shave", "hours_per_teacher"] == 2.5  # 5 x 30 = 150 minutes


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"lesson_minutes": 0}, "lesson length from 1 to 240"),
        ({"lessons_per_week": 0}, "at least 1 lesson"),
        ({"lessons_per_week": 200, "lesson_minutes": 60}, "lessons that fit in a week"),
        ({"staff": 0}, "at least 1 member of staff"),
        ({"cover_cost_per_hour": -5}, "cover cost of 0 or more"),
        ({"minutes_shaved": 60}, "minutes shaved between 0"),
        ({"reallocated_minutes": -1}, "0 or more minutes"),
        ({"aligned_periods": 5, "free_periods_per_week": 4}, "0 to 4 aligned"),
        ({"cover_lessons": 26}, "0 to 25 covered"),
        ({"days_per_week": 8}, "1 to 7 school days"),
    ],
)
def test_impossible_inputs_say_which_figure(changes, message):
    args = {"lesson_minutes": 60, "lessons_per_week": 25, "staff": 10, **changes}
    with pytest.raises(DataError, match=message) as err:
        time_options(Timetable(**args))
    assert err.value.where and err.value.fix


@given(st.integers(20, 120), st.integers(5, 40), st.integers(1, 300))
def test_shaving_always_frees_exactly_half_a_day(minutes, lessons, staff):
    table = time_options(
        Timetable(lesson_minutes=minutes, lessons_per_week=lessons, staff=staff)
    ).set_index("option")
    half_day_hours = lessons / 5 / 2 * minutes / 60
    assert table.loc["shave", "hours_per_teacher"] == pytest.approx(half_day_hours, abs=0.01)
    assert table.loc["shave", "hours_network"] == pytest.approx(
        half_day_hours * staff, abs=0.01 * staff
    )
