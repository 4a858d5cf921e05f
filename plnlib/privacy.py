"""Small-group suppression, so that no result can be traced to a few people.

Staff survey data is personal data. A result for a group of fewer than
``min_group`` people (5 by default, never below 3) is suppressed, and so is one
more group whenever a single hidden group could be recovered from the total
and the visible groups (complementary suppression).

Privacy is applied once, where a result is made: the result functions decide
what to hide from the counts (:func:`suppression_mask`), then
:func:`blank_suppressed` empties every number of a hidden row, so that no
table, chart, report or file can show a hidden group's size or scores.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from plnlib.errors import DataError

__all__ = [
    "DEFAULT_MIN_GROUP",
    "FLOOR_MIN_GROUP",
    "all_hidden_message",
    "blank_suppressed",
    "check_min_group",
    "lowered_minimum_note",
    "suppression_mask",
]

DEFAULT_MIN_GROUP = 5
FLOOR_MIN_GROUP = 3


def all_hidden_message(min_group: int, *, groups: bool = False) -> str:
    """What to say when every result is hidden, and the three ways forward.

    ``groups=True`` when results were asked for by group (each group too small, or
    hidden to protect a smaller one).

    Examples
    --------
    >>> print(all_hidden_message(5))  # doctest: +NORMALIZE_WHITESPACE
    Every result is hidden: fewer than 5 people answered. A result for so few people could show
    how each of them answered. To see results: collect more answers (5 or more); or combine
    these answers with another team's; or, only if the team agrees, lower the smallest group
    shown to 3 (--min-group 3 on the command line, min_group=3 in Python, "Smallest group shown"
    on the Team results page). With 3 people, each person's answers are easier to guess.
    """
    if groups:
        who = (
            f"Every group's result is hidden: each group has fewer than {min_group} people, or "
            "is hidden so that a smaller group's result cannot be worked out from it."
        )
        combine = "combine small groups (for example two small schools), or leave out --by"
    else:
        who = f"Every result is hidden: fewer than {min_group} people answered."
        combine = "combine these answers with another team's"
    return (
        f"{who} A result for so few people could show how each of them "
        f"answered. To see results: collect more answers ({min_group} or more); or {combine}; "
        f"or, only if the team agrees, lower the smallest group shown to {FLOOR_MIN_GROUP} "
        f"(--min-group {FLOOR_MIN_GROUP} on the command line, min_group={FLOOR_MIN_GROUP} in "
        f'Python, "Smallest group shown" on the Team results page). With {FLOOR_MIN_GROUP} '
        "people, each person's answers are easier to guess."
    )


def lowered_minimum_note(min_group: int) -> str | None:
    """The warning shown whenever the smallest group shown is below the default, else ``None``.

    Examples
    --------
    >>> lowered_minimum_note(5) is None
    True
    >>> print(lowered_minimum_note(3))  # doctest: +NORMALIZE_WHITESPACE
    The smallest group shown is 3, below the usual 5. With 3 people, each person's answers are
    easier to guess: anyone who knows how two of them answered can work out the third. Use it
    only with the team's agreement, and share these results only with the team.
    """
    if min_group >= DEFAULT_MIN_GROUP:
        return None
    known = min_group - 1
    return (
        f"The smallest group shown is {min_group}, below the usual {DEFAULT_MIN_GROUP}. With "
        f"{min_group} people, each person's answers are easier to guess: anyone who knows how "
        f"{_words(known)} of them answered can work out the {_ordinal(min_group)}. Use it only "
        "with the team's agreement, and share these results only with the team."
    )


def _words(n: int) -> str:
    return {1: "one", 2: "two", 3: "three"}.get(n, str(n))


def _ordinal(n: int) -> str:
    return {2: "second", 3: "third", 4: "fourth"}.get(n, f"{n}th")


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


def blank_suppressed(
    frame: pd.DataFrame,
    *,
    counts: Sequence[str] = (),
    measures: Sequence[str] = (),
    hidden: np.ndarray | pd.Series | None = None,
) -> pd.DataFrame:
    """A copy of ``frame`` with every number of a suppressed row blanked.

    ``counts`` become whole numbers that may be empty (``<NA>``); ``measures``
    (means, shares, rates, changes...) become floats, ``NaN`` where hidden. The
    rows hidden are ``frame["suppressed"]`` unless ``hidden`` is given. Call it
    after the suppression has been decided from the counts.

    Examples
    --------
    >>> t = pd.DataFrame({"group": ["A", "B"], "n": [12, 2], "mean": [3.1, 2.0],
    ...                   "suppressed": [False, True]})
    >>> blank_suppressed(t, counts=["n"], measures=["mean"])
      group     n  mean  suppressed
    0     A    12   3.1       False
    1     B  <NA>   NaN        True
    """
    mask = frame["suppressed"] if hidden is None else hidden
    hide = np.asarray(mask, dtype=bool)
    out = frame.copy()
    for col in counts:
        values = out[col]
        if not pd.api.types.is_integer_dtype(values):  # floats, or numbers as objects
            values = pd.to_numeric(values, errors="coerce").astype("Float64").round()
        out[col] = values.astype("Int64").mask(hide)
    for col in measures:
        values = out[col]
        if not pd.api.types.is_float_dtype(values):
            values = pd.to_numeric(values, errors="coerce").astype("float64")
        out[col] = values.mask(hide)
    return out
