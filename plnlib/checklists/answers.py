"""Answers checked against a checklist and scored; the group and wave columns checked. Pure.

Everything starts from *prepared answers* (:func:`prepare_answers`): one row per
respondent and item with the columns ``respondent``, ``item``, ``section``,
``score`` (a number, or NaN) and ``missing`` ("dont_know", "not_applicable" or
empty), plus any group columns (school, role, wave...). "Don't know" and "not
applicable" are counted but left out of every mean.

:func:`require_column` is the one check of a named group or wave column: every
command and function that takes ``by=`` or ``wave=`` gives the same message for
the same mistake.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

import numpy as np
import pandas as pd

from plnlib.checklists.columns import shown_value
from plnlib.checklists.model import MISSING_CODES, Checklist, Scale
from plnlib.errors import DataError
from plnlib.helpers import combined_key, plural, row_label

__all__ = [
    "MARKER",
    "RESERVED",
    "group_columns",
    "group_values",
    "prepare_answers",
    "require_column",
    "unknown_answers_error",
]

#: A column that marks synthetic data (value "yes" on every row); never a group column.
MARKER = "synthetic"
#: Columns of (prepared) answers that are never group columns.
RESERVED = frozenset({"respondent", "item", "value", "section", "score", "missing", MARKER})


def group_columns(frame: pd.DataFrame, wave: str | None = None) -> list[str]:
    """The columns of an answers table that can group people (not the wave, not the answers).

    Examples
    --------
    >>> group_columns(pd.DataFrame(columns=["respondent", "item", "school", "wave", "_row"]), "wave")
    ['school']
    """
    return [
        str(c)
        for c in frame.columns
        if str(c) not in RESERVED and not str(c).startswith("_") and c != wave
    ]


def require_column(
    frame: pd.DataFrame, column: str, role: str = "group", where: str = "answers"
) -> None:
    """Check that a group or wave column named by the user is there; else a helpful DataError.

    The message lists the columns found and names a close match, so that
    ``--by School`` on a file whose column is ``school`` says what to type.

    Examples
    --------
    >>> frame = pd.DataFrame(columns=["respondent", "item", "value", "school"])
    >>> require_column(frame, "school")
    >>> require_column(frame, "School", where="answers.csv")
    Traceback (most recent call last):
    ...
    plnlib.errors.DataError: answers.csv: expected a group column 'School', found the columns 'school'. ...
    """
    if column in frame.columns:
        return
    found = group_columns(frame, None)
    close = difflib.get_close_matches(column, found, n=1, cutoff=0.6)
    close += [c for c in found if c.casefold() == column.casefold() and c not in close]
    hint = f" Did you mean '{close[0]}'? Names are case-sensitive." if close else ""
    raise DataError(
        f"expected a {role} column '{column}', found "
        + (f"the columns {', '.join(repr(c) for c in found)}" if found else "no group columns"),
        where=where,
        fix=f"Add the column to the file or choose one of the columns found.{hint}",
    )


def group_values(
    prepared: pd.DataFrame, column: str, role: str = "group", where: str = "answers"
) -> pd.Series:
    """The values of a group or wave column, checked: the column is there and never empty.

    Examples
    --------
    >>> frame = pd.DataFrame({"respondent": ["a", "b"], "school": ["North", None]})
    >>> group_values(frame, "school")
    Traceback (most recent call last):
    ...
    plnlib.errors.DataError: answers: expected a value of 'school' for every respondent, found 1 respondent without one. ...
    """
    require_column(prepared, column, role, where)
    values = prepared[column]
    if values.isna().any():
        raise DataError(
            f"expected a value of '{column}' for every respondent, found "
            f"{plural(int(values.isna().groupby(prepared['respondent']).any().sum()), 'respondent')} "
            "without one",
            where=where,
            fix=f"Fill in '{column}' for every respondent, or leave them out.",
        )
    return values


def prepare_answers(
    answers: pd.DataFrame,
    checklist: Checklist,
    *,
    where: str = "answers",
    response_key: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Check tidy answers against a checklist and score them.

    Parameters
    ----------
    answers
        Columns ``respondent``, ``item``, ``value`` and any group columns.
        Optional ``_row`` / ``_column`` columns name where each answer came
        from in the user's file (used in error messages).
    checklist
        The checklist the answers belong to.
    where
        The file name, for messages.
    response_key
        The columns that, with the respondent, make one response (for example
        ``["wave"]``): a respondent may answer an item once per response.
        By default every group column counts.

    Raises
    ------
    DataError
        For a missing column, an unknown item id, an answer not on the scale,
        or the same respondent answering an item twice.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> c = load_checklist("pln-design")
    >>> raw = pd.DataFrame({"respondent": ["a", "a"], "item": ["DES-01", "DES-02"],
    ...                     "value": ["3", "Don't know"]})
    >>> prepare_answers(raw, c)[["item", "score", "missing"]]
         item  score    missing
    0  DES-01    3.0        NaN
    1  DES-02    NaN  dont_know
    """
    needed = ["respondent", "item", "value"]
    absent = [c for c in needed if c not in answers.columns]
    if absent:
        raise DataError(
            f"expected the columns {needed}, found {list(answers.columns)} (missing {absent})",
            where=where,
            fix="Name the columns respondent, item and value, or give one column per item id.",
        )
    frame = answers.reset_index(drop=True)
    if frame.empty:
        raise DataError(
            "expected at least one answer, found none",
            where=where,
            fix="Check that the file holds the answers, not only the questions.",
        )
    respondents = frame["respondent"]
    if respondents.isna().any():
        row = row_label(frame, int(np.flatnonzero(respondents.isna().to_numpy())[0]))
        raise DataError(
            "expected a respondent id on every row, found an empty one",
            where=f"{where}, {row}",
            fix="Give every respondent an id (any code; do not use names).",
        )
    # work on the distinct ids only: a large file repeats a few dozen of them
    item_codes, item_uniques = pd.factorize(frame["item"], use_na_sentinel=True)
    clean_items = np.array([str(u).strip() for u in item_uniques] + [""], dtype=object)
    items_arr = clean_items[item_codes]
    known = set(checklist.item_ids)
    bad_unique = [u for u in clean_items[:-1] if u not in known]
    if bad_unique or (item_codes == -1).any():
        unknown_mask = ~np.isin(items_arr, list(known))
        first = int(np.flatnonzero(unknown_mask)[0])
        bad = sorted(set(bad_unique))
        raise DataError(
            f"expected item ids of the checklist '{checklist.id}' ({checklist.id_range}), "
            f"found unknown {', '.join(bad) or 'empty ids'}",
            where=f"{where}, {row_label(frame, first)}",
            fix=f"Check the ids against 'plnlib form {checklist.id}', or choose the right checklist.",
        )
    scale = checklist.scale
    values = frame["value"]
    # parse each distinct answer once: forms give a handful of distinct values for thousands of rows
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    parsed_uniques: list[float | str | None] = []
    bad_answers: list[int] = []
    for pos_u, raw in enumerate(uniques):
        try:
            parsed_uniques.append(scale.parse(raw))
        except DataError:
            parsed_uniques.append(None)
            bad_answers.append(pos_u)
    if bad_answers:
        raise unknown_answers_error(frame, codes, uniques, bad_answers, scale, where)
    score_of = np.array(
        [np.nan if (p is None or isinstance(p, str)) else p for p in parsed_uniques] + [np.nan],
        dtype="float64",
    )
    # "don't know" / "not applicable" as a categorical: codes -1 (not missing), 0, 1
    missing_code_of = np.array(
        [MISSING_CODES.index(p) if isinstance(p, str) else -1 for p in parsed_uniques] + [-1],
        dtype=np.int8,
    )
    scores = score_of[codes]  # code -1 (blank) picks the trailing NaN
    missing = pd.Categorical.from_codes(missing_code_of[codes], categories=list(MISSING_CODES))
    resp_codes, resp_uniques = pd.factorize(respondents)
    section_of = {i.id: i.section for i in checklist.items}
    out = pd.DataFrame(
        {
            "respondent": np.array([str(u).strip() for u in resp_uniques], dtype=object)[
                resp_codes
            ],
            "item": items_arr,
            "section": np.array([section_of[u] for u in clean_items[:-1]] + [""], dtype=object)[
                item_codes
            ],
            "score": np.asarray(scores, dtype="float64"),
            "missing": missing,
        }
    )
    key_codes = [resp_codes, item_codes]
    for col in frame.columns:
        if col not in needed and not col.startswith("_"):
            out[col] = frame[col].to_numpy()
            if response_key is None or col in response_key:
                key_codes.append(pd.factorize(frame[col], use_na_sentinel=False)[0])
    # the same person may answer again in another wave (or any other group column)
    keys = pd.Series(combined_key(key_codes))
    dupes = keys.duplicated(keep="first")
    if dupes.any():
        pos = int(np.flatnonzero(dupes.to_numpy())[0])
        before = int(np.flatnonzero((keys == keys.iloc[pos]).to_numpy())[0])
        raise DataError(
            f"expected one answer per respondent and item, found one respondent answering "
            f"{out.at[pos, 'item']} twice ({row_label(frame, before)} and {row_label(frame, pos)})",
            where=where,
            fix="Remove the duplicate row or response (a form submitted twice?).",
        )
    return out


def _places(places: dict[str, list[str]]) -> str:
    """ "DES-01: rows 3, 5; DES-02: row 4" (or "rows 3, 5" with no columns)."""

    def rows(found: list[str]) -> str:
        return ("row " if len(found) == 1 else "rows ") + ", ".join(found)

    return "; ".join(f"{c}: {rows(r)}" if c else rows(r) for c, r in sorted(places.items()))


def unknown_answers_error(
    frame: pd.DataFrame,
    codes: np.ndarray,
    uniques: Sequence[object],
    bad: Sequence[int],
    scale: Scale,
    where: str,
) -> DataError:
    """One message for every answer not on the scale: each distinct answer once, with all its rows.

    In a wide file each place is the item's column and the rows ("DES-02: rows 4, 6").
    Answers that hold an e-mail address are never shown, only counted.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> c = load_checklist("pln-design")
    >>> raw = pd.DataFrame({"respondent": ["a", "b", "a"], "item": ["DES-01", "DES-01", "DES-02"],
    ...                     "value": ["Often", "ana@x.example", "Often"], "_row": [2, 3, 2],
    ...                     "_column": ["[DES-01] ...", "[DES-01] ...", "[DES-02] ..."]})
    >>> prepare_answers(raw, c, where="f.csv")
    Traceback (most recent call last):
    ...
    plnlib.errors.DataError: f.csv: expected answers on the scale 'maturity4' (...), found 2 other answers: 'Often' (DES-01: row 2; DES-02: row 2), an e-mail address (not shown) (DES-01: row 3). ...
    """
    parts: dict[str, dict[str, list[str]]] = {}
    has_rows = "_row" in frame.columns
    has_columns = "_column" in frame.columns
    for pos_u in bad:
        places = parts.setdefault(shown_value(uniques[pos_u]), {})
        for k in np.flatnonzero(codes == pos_u):
            row = str(frame["_row"].iloc[k]) if has_rows else str(int(k) + 2)
            column = (
                str(frame["item"].iloc[k]).strip()
                if has_columns and pd.notna(frame["_column"].iloc[k])
                else ""
            )
            places.setdefault(column, []).append(row)
    listed = ", ".join(f"{shown} ({_places(places)})" for shown, places in parts.items())
    return DataError(
        f"expected answers on the scale '{scale.name}' ({scale.options_text()}), found "
        f"{len(parts)} other answer{'s' if len(parts) > 1 else ''}: {listed}",
        where=where,
        fix="Use one of the numbers or labels of the scale, or leave the cell empty; for "
        "labels in another language give a label map (plnlib: --labels map.csv).",
    )
