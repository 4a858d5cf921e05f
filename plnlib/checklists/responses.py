"""One row per response: a respondent in one wave, with a scores matrix. Pure.

A *response* is one respondent in one wave (the same person may answer every
year). :func:`response_matrix` turns prepared answers into a dense responses x
items matrix of scores (NaN where not scored) and each response's section means
(the mean of the items it scored), which every result table is computed from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from plnlib.checklists.answers import group_columns
from plnlib.checklists.model import Checklist
from plnlib.errors import DataError
from plnlib.helpers import combined_key, is_number, plural, row_label

__all__ = [
    "ResponseMatrix",
    "normalise_waves",
    "response_index",
    "response_info",
    "response_matrix",
]


def normalise_waves(values: pd.Series, column: str, where: str, frame: pd.DataFrame) -> pd.Series:
    """Waves as all numbers (ints when whole) or all text; DataError on a mix or a blank.

    ``frame`` is the table the values come from, for the row named in a message.

    Examples
    --------
    >>> normalise_waves(pd.Series(["2024", " 2025 "]), "wave", "answers", pd.DataFrame()).tolist()
    [2024, 2025]
    """
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    empty = [k for k, u in enumerate(uniques) if not str(u).strip()]
    blank = (codes == -1) | np.isin(codes, empty)
    if blank.any():
        pos = int(np.flatnonzero(blank)[0])
        raise DataError(
            f"expected a wave in column '{column}' on every row, found "
            f"{plural(int(blank.sum()), 'empty cell')}",
            where=f"{where}, {row_label(frame, pos)}",
            fix="Fill in the wave (for example the year: 2024) for every response.",
        )
    kinds = [is_number(u) for u in uniques]
    if any(kinds) and not all(kinds):
        numbers = [str(u) for u, k in zip(uniques, kinds, strict=True) if k]
        names = [str(u) for u, k in zip(uniques, kinds, strict=True) if not k]
        minority = names if len(names) <= len(numbers) else numbers
        first = next(i for i, u in enumerate(uniques) if str(u) == minority[0])
        pos = int(np.flatnonzero(codes == first)[0])
        raise DataError(
            f"expected the waves in column '{column}' to be all numbers (such as 2024) or all "
            f"names (such as 'Autumn 2024'), found both: numbers {', '.join(numbers[:3])} and "
            f"names {', '.join(repr(n) for n in names[:3])}",
            where=f"{where}, {row_label(frame, pos)}",
            fix="Write every wave the same way, for example 2024 rather than 'Year 2024'.",
        )
    if all(kinds):
        nums = [float(str(u).strip()) if not isinstance(u, (int, float)) else u for u in uniques]
        whole = all(float(n).is_integer() for n in nums)
        mapped = [int(n) if whole else float(n) for n in nums]
    else:
        mapped = [" ".join(str(u).split()) for u in uniques]
    return pd.Series(np.asarray(mapped, dtype=object)[codes], index=values.index, dtype=object)


def response_index(
    prepared: pd.DataFrame, wave: str | None, keys: Sequence[str] = ()
) -> tuple[np.ndarray, np.ndarray]:
    """Response number of every row, and the first row of each response.

    A response is a respondent in one wave (with ``keys``: and one value of each
    of those columns too).

    Examples
    --------
    >>> frame = pd.DataFrame({"respondent": ["a", "a", "b", "a"], "wave": [1, 1, 1, 2]})
    >>> resp, first = response_index(frame, "wave")
    >>> resp.tolist(), first.tolist()
    ([0, 0, 1, 2], [0, 2, 3])
    """
    codes = [pd.factorize(prepared["respondent"])[0]]
    for col in [*([wave] if wave is not None else []), *(k for k in keys if k != wave)]:
        codes.append(pd.factorize(prepared[col], use_na_sentinel=False)[0])
    key = codes[0].astype("int64") if len(codes) == 1 else combined_key(codes)
    resp = pd.factorize(key)[0]
    first = np.empty(int(resp.max()) + 1 if len(resp) else 0, dtype="int64")
    first[resp[::-1]] = np.arange(len(resp))[::-1]
    return resp, first


@dataclass(frozen=True)
class ResponseMatrix:
    """One row per response: keys (wave, groups), a scores matrix and section means.

    ``info`` has one row per response; ``rows`` gives each answer row's response
    and ``item_codes`` its item's column; ``scores`` is responses x items (NaN
    where not scored); ``section_means`` is responses x sections.
    """

    info: pd.DataFrame
    rows: np.ndarray
    scores: np.ndarray
    section_means: np.ndarray
    item_ids: tuple[str, ...]
    section_ids: tuple[str, ...]
    item_codes: np.ndarray


def response_info(
    prepared: pd.DataFrame, wave: str | None, keys: Sequence[str] = ()
) -> tuple[pd.DataFrame, np.ndarray]:
    """One row per response (respondent, wave, group columns) and each row's response.

    A response is a respondent in one wave (as :func:`plnlib.monitoring.prepare_monitoring`
    checks); with no wave column, a respondent with one value of every group
    column (so the same person in two waves gives two responses), unless
    ``keys`` names the columns.

    Waves are checked and normalised here, on one row per response (cheap), so that
    answers prepared without :func:`plnlib.monitoring.prepare_monitoring` are
    handled the same way.

    Examples
    --------
    >>> frame = pd.DataFrame({"respondent": ["a", "a", "b"], "item": "X", "wave": ["1", "2", "2"],
    ...                       "school": ["N", "N", "S"]})
    >>> response_info(frame, "wave")[0]
      respondent wave school
    0          a    1      N
    1          a    2      N
    2          b    2      S
    """
    if wave is None and not keys:  # no wave named: every group column tells responses apart
        keys = group_columns(prepared)
    resp, first = response_index(prepared, wave, keys)
    keep = ["respondent", *([wave] if wave else []), *group_columns(prepared, wave)]
    info = prepared[keep].iloc[first].reset_index(drop=True)
    if wave is not None:
        rows = pd.DataFrame({"_row": first + 2})
        info[wave] = normalise_waves(info[wave], wave, "answers", rows).to_numpy()
    return info, resp


def response_matrix(
    prepared: pd.DataFrame,
    checklist: Checklist,
    wave: str | None,
    keys: Sequence[str] = (),
) -> ResponseMatrix:
    """Prepared answers as one row per response: a scores matrix and section means.

    Raises
    ------
    DataError
        If one response scores an item twice (the same person in two waves, with
        no wave column named).

    Examples
    --------
    >>> from plnlib.checklists.answers import prepare_answers
    >>> from plnlib.io.content import load_checklist
    >>> c = load_checklist("pln-design")
    >>> raw = pd.DataFrame({"respondent": ["a", "a", "b"], "item": ["DES-01", "DES-02", "DES-01"],
    ...                     "value": [4, 2, 3]})
    >>> m = response_matrix(prepare_answers(raw, c), c, None)
    >>> m.scores[:, :2].tolist(), m.section_means[:, 0].tolist()
    ([[4.0, 2.0], [3.0, nan]], [3.0, 3.0])
    """
    info, resp = response_info(prepared, wave, keys)
    cols = pd.Categorical(prepared["item"], categories=list(checklist.item_ids)).codes
    scores = np.full((len(info), len(checklist.items)), np.nan)
    values = prepared["score"].to_numpy(dtype="float64")
    ok = ~np.isnan(values)
    scores[resp[ok], cols[ok]] = values[ok]
    if np.count_nonzero(~np.isnan(scores)) < np.count_nonzero(ok):  # a cell written twice
        pair = pd.Series(resp[ok].astype("int64") * len(checklist.items) + cols[ok])
        pos = int(np.flatnonzero(ok)[int(np.flatnonzero(pair.duplicated().to_numpy())[0])])
        raise DataError(
            f"expected one answer per response and item, found one respondent answering "
            f"{prepared['item'].iloc[pos]} twice",
            where=f"answers, {row_label(prepared, pos)}",
            fix="Name the wave column if people answer in several waves, or remove the "
            "repeated response.",
        )
    means = np.full((len(info), len(checklist.sections)), np.nan)
    start = 0
    for j, section in enumerate(checklist.sections):
        block = scores[:, start : start + len(section.items)]
        start += len(section.items)
        count = (~np.isnan(block)).sum(axis=1)
        total = np.nansum(block, axis=1)
        means[:, j] = np.divide(total, count, out=np.full(len(count), np.nan), where=count > 0)
    return ResponseMatrix(
        info,
        resp,
        scores,
        means,
        checklist.item_ids,
        tuple(s.id for s in checklist.sections),
        np.asarray(cols),
    )
