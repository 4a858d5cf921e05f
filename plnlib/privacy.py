"""Small-group suppression, so that no result can be traced to a few people.

Staff survey data is personal data. A result for a group of fewer than
``min_group`` people (5 by default, never below 3) is suppressed, and so is one
more group whenever a single hidden group could be recovered from the total
and the visible groups (complementary suppression).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from plnlib.errors import DataError

__all__ = ["DEFAULT_MIN_GROUP", "FLOOR_MIN_GROUP", "check_min_group", "suppression_mask"]

DEFAULT_MIN_GROUP = 5
FLOOR_MIN_GROUP = 3


def check_min_group(min_group: int) -> int:
    """Return ``min_group`` if allowed, else raise :class:`DataError`.

    Examples
    --------
    >>> check_min_group(5)
    5
    >>> check_min_group(2)
    Traceback (most recent call last):
    ...
    plnlib.errors.DataError: Expected a minimum group size of at least 3, found 2. ...
    """
    if isinstance(min_group, bool) or not isinstance(min_group, int):
        raise DataError(
            f"expected a whole number for the minimum group size, found {min_group!r}",
            fix=f"Use {DEFAULT_MIN_GROUP} (the default) or any whole number from {FLOOR_MIN_GROUP} up.",
        )
    if min_group < FLOOR_MIN_GROUP:
        raise DataError(
            f"expected a minimum group size of at least {FLOOR_MIN_GROUP}, found {min_group}",
            fix=f"Groups this small would identify people; use {FLOOR_MIN_GROUP} or more "
            f"(the default is {DEFAULT_MIN_GROUP}).",
        )
    return min_group


def suppression_mask(counts: Mapping[object, int] | pd.Series, min_group: int) -> pd.Series:
    """Which groups to hide: ``True`` for a suppressed group.

    Primary suppression hides every group with fewer than ``min_group``
    people. If that hides exactly one group while others are shown, the
    hidden one could be worked out from the total, so the smallest visible
    group is hidden too (complementary suppression).

    Examples
    --------
    >>> suppression_mask({"A": 12, "B": 7, "C": 2}, 5).to_dict()
    {'A': False, 'B': True, 'C': True}
    >>> suppression_mask({"A": 12, "B": 7}, 5).to_dict()
    {'A': False, 'B': False}
    """
    check_min_group(min_group)
    series = pd.Series(counts, dtype="float64") if not isinstance(counts, pd.Series) else counts
    series = series.astype("float64").fillna(0)
    mask = series < min_group
    # groups with nobody in them reveal nothing and do not count as hidden
    hidden = mask & (series > 0)
    if int(hidden.sum()) == 1:
        visible = series[~mask]
        if len(visible) > 0:
            mask.loc[visible.idxmin()] = True
    return mask.astype(bool)
