"""Reading cell values: tie strengths, yes/no, natural order (private helpers)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from plnlib.errors import DataError

__all__ = ["FREQUENCY_WORDS", "natural_sort", "parse_strength", "parse_yes_no", "tidy"]

#: Words a survey may use for how often two people talk, on a 0-4 scale
#: (0 = never, which means no tie). Matched ignoring case and spaces.
FREQUENCY_WORDS: Mapping[str, float] = {
    "never": 0,
    "not at all": 0,
    "no": 0,
    "false": 0,
    "rarely": 1,
    "yearly": 1,
    "once a year": 1,
    "a few times a year": 1,
    "termly": 1,
    "once a term": 1,
    "yes": 1,
    "true": 1,
    "x": 1,
    "monthly": 2,
    "once a month": 2,
    "a few times a month": 2,
    "weekly": 3,
    "once a week": 3,
    "a few times a week": 3,
    "several times a week": 3,
    "daily": 4,
    "every day": 4,
    "almost every day": 4,
}

_YES = {"yes", "y", "true", "t", "1", "member", "pln", "x"}
_NO = {"no", "n", "false", "f", "0", "not a member", "non-member", "nonmember"}


def natural_sort(values: Iterable[Any]) -> list[str]:
    """Sort strings with their numbers in number order ("2" before "10").

    Examples
    --------
    >>> natural_sort(["10", "2", "b", "a"])
    ['2', '10', 'a', 'b']
    """

    def key(text: str) -> tuple[tuple[int, int, str], ...]:
        parts = re.split(r"(\d+)", text)
        return tuple((0, int(p), "") if p.isdigit() else (1, 0, p.casefold()) for p in parts if p)

    return sorted((str(v) for v in values), key=key)


def tidy(value: object) -> str:
    return " ".join(str(value).split())


def parse_strength(value: object, *, where: str) -> float:
    """Read a tie strength: a number, or a frequency word (see ``FREQUENCY_WORDS``).

    Blank means 1 (the tie is there, strength not given).

    Examples
    --------
    >>> parse_strength("3", where="t"), parse_strength(" Weekly ", where="t"), parse_strength(None, where="t")
    (3.0, 3.0, 1.0)
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return 1.0
    text = tidy(value).casefold()
    if not text:
        return 1.0
    if text in FREQUENCY_WORDS:
        return float(FREQUENCY_WORDS[text])
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        raise DataError(
            f"expected a tie strength (a number, or a word such as 'weekly'), found {value!r}",
            where=where,
            fix="Use numbers (0 = never, higher = more often) or one of: "
            + ", ".join(sorted(set(FREQUENCY_WORDS))[:12])
            + ", ...",
        ) from None
    if not np.isfinite(number) or number < 0:
        raise DataError(
            f"expected a tie strength of 0 or more, found {value!r}",
            where=where,
            fix="Use 0 for no tie and positive numbers for ties.",
        )
    return number


def parse_yes_no(value: object, *, where: str) -> bool | None:
    """Read yes/no (``yes``, ``y``, ``true``, ``1``, ``no``, ...); blank is unknown.

    Examples
    --------
    >>> parse_yes_no("Yes", where="t"), parse_yes_no("0", where="t"), parse_yes_no("", where="t")
    (True, False, None)
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = tidy(value).casefold()
    if not text:
        return None
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise DataError(
        f"expected yes or no, found {value!r}",
        where=where,
        fix="Write yes or no (or 1 and 0) for each person; leave blank if not known.",
    )
