"""How a table cell reads, the same in HTML and Markdown.

:func:`cell_text` turns one value into text (``None`` for a missing value);
:func:`numeric_columns` tells which columns hold numbers (right-aligned).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["Format", "cell_text", "is_missing", "numeric_columns"]

#: A column's format: a ``str.format`` pattern such as ``"{:+.2f}"``, or a function.
Format = str | Callable[[Any], str]


def is_missing(value: object) -> bool:
    """True for None, NA and NaN.

    Examples
    --------
    >>> is_missing(float("nan")), is_missing(0), is_missing("")
    (True, False, False)
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, (float, np.floating)) and math.isnan(value)


def cell_text(value: object, fmt: Format | None = None) -> str | None:
    """One cell as text, ``None`` when the value is missing.

    Without a format: text as it is, ``yes``/``no`` for booleans, whole
    numbers as they are, other numbers with two decimals.

    Examples
    --------
    >>> cell_text(0.5), cell_text(3), cell_text(True), cell_text(0.25, "{:.0%}")
    ('0.50', '3', 'yes', '25%')
    >>> cell_text(float("nan")) is None
    True
    """
    if is_missing(value):
        return None
    if isinstance(value, str):
        return value
    if fmt is not None:
        return fmt(value) if callable(fmt) else fmt.format(value)
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else "no"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        return f"{float(value):.2f}"
    return str(value)


def numeric_columns(frame: pd.DataFrame) -> list[bool]:
    """For each column: does it hold numbers only (missing values aside)?

    Examples
    --------
    >>> numeric_columns(pd.DataFrame({"a": ["x"], "b": [1.5], "c": [True]}))
    [False, True, False]
    """
    out = []
    for column in frame.columns:
        values = [v for v in frame[column] if not is_missing(v)]
        out.append(
            bool(values)
            and all(
                isinstance(v, (int, float, np.integer, np.floating))
                and not isinstance(v, (bool, np.bool_))
                for v in values
            )
        )
    return out
