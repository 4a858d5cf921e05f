"""Warnings where a combination of group columns singles people out."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from plnlib.helpers import sort_key
from plnlib.monitoring.groups import response_info
from plnlib.monitoring.inputs import (
    group_columns,
    require_column,
)
from plnlib.privacy import DEFAULT_MIN_GROUP, check_min_group

__all__ = ["SinglingOut", "categorical_columns", "singling_out", "singling_out_cells"]


# --------------------------------------------------------------------------- singling out


@dataclass(frozen=True)
class SinglingOut:
    """A cell of one or more group columns with fewer than ``min_group`` people in it.

    Examples
    --------
    >>> w = SinglingOut(("school", "role"), ("North", "Deputy head"), 1, wave=2025)
    >>> w.message.split(":")[0]
    'In wave 2025, only 1 person has school North and role Deputy head'
    """

    columns: tuple[str, ...]
    values: tuple[str, ...]
    n: int
    wave: object | None = None
    min_group: int = DEFAULT_MIN_GROUP

    @property
    def cell(self) -> str:
        """The cell in words, such as ``school North and role Deputy head``."""
        return " and ".join(f"{c} {v}" for c, v in zip(self.columns, self.values, strict=True))

    @property
    def message(self) -> str:
        """The warning in one sentence, naming the cell (for the coordinator's eyes only)."""
        cell = self.cell
        who = "only 1 person has" if self.n == 1 else f"only {self.n} people have"
        head = f"In wave {self.wave}, {who}" if self.wave is not None else f"Only {who[5:]}"
        return (
            f"{head} {cell}: results by {' and '.join(self.columns)} would single them out "
            f"(fewer than {self.min_group}). plnlib never shows such a cell; do not publish "
            "tables that cross these columns."
        )


def singling_out_cells(
    info: pd.DataFrame,
    columns: Sequence[str],
    wave: str | None,
    min_group: int,
    sizes: Sequence[int],
) -> tuple[SinglingOut, ...]:
    found = []
    for size in sizes:
        for combo in itertools.combinations(columns, size):
            keys = [*([wave] if wave else []), *combo]
            counts = info.groupby(keys, sort=False, dropna=True).size()
            small = counts[(counts > 0) & (counts < min_group)]
            for key, n in small.items():
                key = key if isinstance(key, tuple) else (key,)
                found.append(
                    SinglingOut(
                        tuple(combo),
                        tuple(str(v) for v in key[len(keys) - size :]),
                        int(n),
                        key[0] if wave else None,
                        min_group,
                    )
                )
    return tuple(
        sorted(
            found,
            key=lambda w: (len(w.columns), w.columns, sort_key(w.wave), w.values),
        )
    )


def categorical_columns(info: pd.DataFrame, wave: str | None, limit: int = 30) -> list[str]:
    return [
        c
        for c in group_columns(info, wave)
        if c != "respondent" and 1 < info[c].nunique(dropna=True) <= limit
    ]


def singling_out(
    prepared: pd.DataFrame,
    columns: Sequence[str] | None = None,
    *,
    wave: str | None = None,
    min_group: int = DEFAULT_MIN_GROUP,
    sizes: Sequence[int] = (1, 2),
) -> tuple[SinglingOut, ...]:
    """Cells of group columns, alone and in pairs, with fewer than ``min_group`` people.

    A school below the minimum, or the only deputy head in a school, is
    identifiable in any table that crosses those columns. Counts are of
    responses, within each wave. ``columns`` defaults to every group column
    with 2 to 30 distinct values (free text and ids are left out).

    Examples
    --------
    >>> from plnlib.monitoring import prepare_monitoring
    >>> from plnlib.io.content import load_checklist
    >>> c = load_checklist("pln-design")
    >>> raw = pd.DataFrame({"respondent": [f"r{i}" for i in range(12)], "item": "DES-01",
    ...     "value": 3, "school": ["A"] * 6 + ["B"] * 6,
    ...     "role": ["Teacher"] * 5 + ["Deputy head"] + ["Teacher"] * 6})
    >>> [w.values for w in singling_out(prepare_monitoring(raw, c), ["school", "role"])]
    [('Deputy head',), ('A', 'Deputy head')]
    """
    check_min_group(min_group)
    info = response_info(prepared, wave)[0]
    cols = list(columns) if columns is not None else categorical_columns(info, wave)
    for col in cols:
        require_column(info, col, "group", "answers")
    return singling_out_cells(info, cols, wave, min_group, sizes)
