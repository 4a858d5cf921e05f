"""The time finder: known answers, invariants (Hypothesis) and bad inputs."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plnlib.errors import DataError
from plnlib.planning.freetimes import canonical_day, split_choices, tidy_from_grid
from plnlib.planning.timefinder import (
    availability,
    availability_from_tidy,
    cannot_make,
    pair_slots,
)
from plnlib.samples.planning import SAMPLE_SLOTS, free_times_grid

GRID = pd.DataFrame(
    {
        "Name": ["Ann", "Bo", "Cy", "Di", "Ed"],
        "School": ["A", "A", "B", "C", "C"],
        "When are you free? [Monday]": ["Lunch, After school", None, "After school", "Lunch", ""],
        "When are you free? [Tuesday]": ["Lunch", "Lunch", None, None, None],
    }
)


def known():
    tidy = tidy_from_grid(GRID, person="Name", school="School", sep=", ")
    return availability_from_tidy(tidy)


def test_known_counts_and_ranking():
    table = availability(known())
    got = table[["rank", "day", "slot", "available", "schools", "missing_schools"]].values.tolist()
    assert got == [
        [1, "Monday", "Lunch", 2, 2, "B"],
        [2, "Monday", "After school", 2, 2, "C"],
        [3, "Tuesday", "Lunch", 2, 1, "B; C"],
        [4, "Tuesday", "After school", 0, 0, "A; B; C"],
    ]
    assert set(table["members"]) == {5}  # Ed ticked nothing and still counts
    assert table.loc[0, "share"] == 0.4


def test_who_cannot_make_a_time():
    assert cannot_make(known(), "Monday", "Lunch").values.tolist() == [
        ["Bo", "A"],
        ["Cy", "B"],
        ["Ed", "C"],
    ]


def test_pairs_of_schools():
    pairs = pair_slots(known()).set_index(["school_a", "school_b"])
    assert pairs.loc[("A", "B"), ["day", "slot", "available", "of", "both"]].tolist() == [
        "Monday",
        "After school",
        2,
        3,
        True,
    ]
    assert pairs.loc[("B", "C"), ["day", "slot", "both"]].tolist() == ["Monday", "Lunch", False]
    assert len(pairs) == 3


def test_microsoft_style_cells_and_known_slots():
    assert split_choices("Lunch;After school;", ";") == ["Lunch", "After school"]
    assert split_choices(None, ";") == []
    assert split_choices("8:00, 8:30, Lunch", ", ", ("8:00, 8:30", "Lunch")) == [
        "8:00, 8:30",
        "Lunch",
    ]
    assert canonical_day("weds") == "Wednesday"


def test_a_cell_naming_a_slot_not_in_the_grid():
    with pytest.raises(
        DataError, match=r"f.csv, row 2, column 'When are you free\? \[Monday\]'.*found 'Lunch'"
    ):
        tidy_from_grid(
            GRID, person="Name", school="School", sep=", ", slots=("After school",), where="f.csv"
        )


def test_a_day_spelled_two_ways_in_columns_and_rows():
    grid = GRID.assign(**{"When are you free? [Mon]": ["Lunch"] * 5})
    with pytest.raises(DataError, match="two for Monday"):
        tidy_from_grid(grid, person="Name", school="School", sep=", ")
    tidy = pd.DataFrame(
        {
            "person": ["a", "b"],
            "school": ["X", "Y"],
            "day": ["Tue", "Tuesday"],
            "slot": ["PM", "PM"],
        }
    )
    with pytest.raises(DataError, match="Tuesday spelled 'Tue' and 'Tuesday'"):
        availability_from_tidy(tidy)


def test_other_bad_tidy_rows():
    base = {"person": ["a"], "school": ["X"], "day": ["Mon"], "slot": ["PM"]}
    with pytest.raises(DataError, match=r"row 2.*empty"):
        availability_from_tidy(pd.DataFrame({**base, "school": [None]}), where="t.csv")
    with pytest.raises(DataError, match="only one"):
        availability_from_tidy(pd.DataFrame({**base, "slot": [None]}))
    with pytest.raises(DataError, match="no slot"):
        availability_from_tidy(pd.DataFrame({k: v for k, v in base.items() if k != "slot"}))
    with pytest.raises(DataError, match="expected one of the slots AM"):
        availability_from_tidy(pd.DataFrame(base), slots=("AM",))
    with pytest.raises(DataError, match="one column per day"):
        tidy_from_grid(
            pd.DataFrame({"School": ["X"], "Q": ["y"]}), person=None, school="School", sep=", "
        )


def test_nobody_free_at_all():
    tidy = pd.DataFrame({"person": ["a"], "school": ["X"], "day": [None], "slot": [None]})
    with pytest.raises(DataError, match="every answer is blank"):
        availability_from_tidy(tidy)


def test_rows_are_people_without_a_name_column():
    tidy = tidy_from_grid(GRID.drop(columns="Name"), person=None, school="School", sep=", ")
    assert tidy["person"].iloc[0] == "row 2" and tidy["person"].nunique() == 5


@st.composite
def tidy_tables(draw):
    people = draw(st.integers(1, 12))
    schools = draw(st.lists(st.sampled_from("ABCD"), min_size=people, max_size=people))
    rows = []
    for p, s in enumerate(schools):
        picks = draw(
            st.sets(
                st.tuples(st.sampled_from(["Mon", "Tue", "Wed"]), st.sampled_from(["AM", "PM"])),
                min_size=1 if p == 0 else 0,
                max_size=6,
            )
        )
        rows += [(f"p{p}", s, d, t) for d, t in picks] or [(f"p{p}", s, "", "")]
        if picks and draw(st.booleans()):  # the same answer twice
            rows.append(rows[-1])
    return pd.DataFrame(rows, columns=["person", "school", "day", "slot"]).replace("", None)


@settings(max_examples=60, deadline=None)
@given(tidy_tables())
def test_counts_never_exceed_the_members_or_schools(tidy):
    data = availability_from_tidy(tidy)
    table = availability(data)
    assert (table["available"] <= len(data.members)).all()
    assert (table["schools"] <= table["available"]).all()
    assert (table["schools"] <= len(data.schools)).all()
    assert len(table) == len(data.days) * len(data.slots)
    assert table["rank"].tolist() == list(range(1, len(table) + 1))
    # best first: schools, then members, never increase down the list
    keys = list(zip(table["schools"], table["available"], strict=True))
    assert keys == sorted(keys, reverse=True)
    for r in table.head(3).itertuples():
        assert len(cannot_make(data, r.day, r.slot)) == len(data.members) - r.available


def test_the_synthetic_grids_read_in_both_styles():
    for style, sep in (("google", ", "), ("microsoft", ";")):
        grid = free_times_grid(members=12, style=style, seed=3)
        assert grid["Name"].str.contains("synthetic").all()
        tidy = tidy_from_grid(grid, person="Name", school="School", sep=sep, slots=SAMPLE_SLOTS)
        data = availability_from_tidy(tidy, slots=SAMPLE_SLOTS)
        assert len(data.members) == 12 and data.days[0] == "Monday"
    google = availability(
        availability_from_tidy(
            tidy_from_grid(free_times_grid(seed=5), person="Name", school="School", sep=", ")
        )
    )
    ms = availability(
        availability_from_tidy(
            tidy_from_grid(
                free_times_grid(seed=5, style="microsoft"), person="Name", school="School", sep=";"
            )
        )
    )
    assert (
        google[["day", "slot", "available"]].values.tolist()
        == ms[["day", "slot", "available"]].values.tolist()
    )
