"""Small-group suppression in the planning tools: staff reach by school or role.

Staff are people: a group of fewer than the minimum (5 by default, never below 3)
is hidden, with complementary suppression; schools tracked as whole units are
not people and are never hidden. The time finder's counts are not suppressed
(see book/tools/time-finder.md for why).
"""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plnlib.errors import DataError
from plnlib.planning.mobilisation import prepare_records, reach


def _staff(sizes: dict[str, int], innovation: str = "Quiz") -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "innovation": innovation,
                "school": school,
                "person": f"{school}{k}",
                "role": "Teacher" if k % 2 else "TA",
                "stage": "engaging" if k % 3 else "trialling",
                "date": "2026-01-05",
            }
            for school, n in sizes.items()
            for k in range(n)
        ]
    )


def test_a_small_school_is_hidden_and_one_more_to_protect_it():
    rec = prepare_records(_staff({"A": 12, "B": 7, "C": 2}))
    table = reach(rec, by="school")
    hidden = table.groupby("school")["suppressed"].all().to_dict()
    assert hidden == {"A": False, "B": True, "C": True}
    assert table.loc[table["school"] == "A", "units"].sum() == 12
    assert table.loc[table["school"] != "A", ["units", "share"]].isna().all().all()


def test_the_minimum_can_be_lowered_to_three_not_below():
    rec = prepare_records(_staff({"A": 6, "B": 3, "C": 4}))
    assert not reach(rec, by="school", min_group=3)["suppressed"].any()
    assert reach(rec, by="school")["suppressed"].sum() == 6  # B and C, three stages each
    with pytest.raises(DataError, match="at least 3, found 2"):
        reach(rec, by="school", min_group=2)


def test_schools_as_units_are_never_hidden():
    raw = _staff({"A": 1, "B": 1, "C": 1}).drop(columns="person")
    table = reach(prepare_records(raw), by="school")
    assert not table["suppressed"].any() and table["units"].sum() == 3


def test_the_network_reach_is_shown():
    rec = prepare_records(_staff({"A": 2, "B": 2}))
    assert reach(rec)["units"].sum() == 4


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.sampled_from("ABCDEF"), st.integers(1, 9), min_size=1), st.integers(3, 6))
def test_no_hidden_group_can_be_worked_out(sizes, minimum):
    table = reach(prepare_records(_staff(sizes)), by="school", min_group=minimum)
    groups = table.groupby("school").agg(hidden=("suppressed", "all"), units=("units", "sum"))
    shown = groups[~groups["hidden"]]
    assert (shown["units"] >= minimum).all()
    small = {s for s, n in sizes.items() if n < minimum}
    assert small <= set(groups.index[groups["hidden"]])
    if len(small) == 1 and len(sizes) > 1:  # one hidden alone would follow from the total
        assert groups["hidden"].sum() >= 2


def test_the_command_hides_small_groups(tmp_path):
    _staff({"A": 8, "B": 2, "C": 6}).to_csv(tmp_path / "t.csv", index=False)
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "plnlib.cli",
            "mobilisation",
            str(tmp_path / "t.csv"),
            "--by",
            "school",
            "-o",
            str(tmp_path / "reach.csv"),
        ],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    got = pd.read_csv(tmp_path / "reach.csv")
    assert got.groupby("school")["suppressed"].all().to_dict() == {"A": False, "B": True, "C": True}
    assert got.loc[got["suppressed"], "units"].isna().all()
    low = subprocess.run(
        [
            sys.executable,
            "-m",
            "plnlib.cli",
            "mobilisation",
            str(tmp_path / "t.csv"),
            "--by",
            "school",
            "--min-group",
            "2",
            "-o",
            str(tmp_path / "r2.csv"),
        ],
        capture_output=True,
        text=True,
    )
    assert low.returncode != 0 and "at least 3, found 2" in low.stderr + low.stdout
    assert "Traceback" not in low.stderr
