from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plnlib.errors import DataError
from plnlib.privacy import check_min_group, suppression_mask


def test_primary_and_complementary_suppression():
    mask = suppression_mask({"A": 20, "B": 9, "C": 6, "D": 3}, 5)
    # D is hidden; alone it could be recovered from the total, so the smallest other (C) goes too
    assert mask.to_dict() == {"A": False, "B": False, "C": True, "D": True}


def test_two_small_groups_need_no_extra():
    assert suppression_mask({"A": 20, "B": 2, "C": 4}, 5).to_dict() == {
        "A": False,
        "B": True,
        "C": True,
    }


def test_min_group_floor():
    with pytest.raises(DataError):
        check_min_group(2)
    with pytest.raises(DataError):
        check_min_group("5")  # type: ignore[arg-type]
    assert check_min_group(3) == 3


@given(
    counts=st.lists(st.integers(min_value=0, max_value=40), min_size=1, max_size=8),
    min_group=st.integers(min_value=3, max_value=10),
)
def test_suppression_never_reveals_a_small_group(counts, min_group):
    mask = suppression_mask({f"g{i}": c for i, c in enumerate(counts)}, min_group)
    series = dict(enumerate(counts))
    hidden = [i for i, c in series.items() if mask[f"g{i}"] and c > 0]
    # every group below the minimum is hidden
    assert all(mask[f"g{i}"] for i, c in series.items() if c < min_group)
    # a hidden group is never alone (it could be recovered from the total) unless nothing is visible
    visible = [i for i in series if not mask[f"g{i}"]]
    assert len(hidden) != 1 or not visible
