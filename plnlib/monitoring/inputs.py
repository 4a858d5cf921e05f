"""Input checks for monitoring data: groups, waves, one response per person and wave.

The checks of one column (:func:`require_column`), of waves (:func:`normalise_waves`)
and the response numbering (:func:`response_index`) live with the answers in
:mod:`plnlib.checklists`, and are named here too.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from plnlib.checklists.answers import (
    MARKER,
    RESERVED,
    group_columns,
    prepare_answers,
    require_column,
)
from plnlib.checklists.model import Checklist
from plnlib.checklists.responses import normalise_waves, response_index
from plnlib.errors import DataError
from plnlib.helpers import plural, row_label

__all__ = [
    "group_columns",
    "is_synthetic",
    "normalise_waves",
    "prepare_monitoring",
    "require_column",
    "response_index",
]


def prepare_monitoring(
    answers: pd.DataFrame,
    checklist: Checklist,
    *,
    by: str | Sequence[str] | None = None,
    wave: str | None = None,
    where: str = "answers",
) -> pd.DataFrame:
    """Check monitoring answers and score them (see :func:`plnlib.checklists.scoring.prepare_answers`).

    On top of the checks of ``prepare_answers`` (unknown item ids, answers off the
    scale, one answer per respondent and item), this checks that the group and
    wave columns exist and are filled in, that the waves are all numbers or all
    names (numbers become numbers, so wave 10 comes after wave 9), that nobody
    answers twice in one wave under different group values, and that there is at
    least one scored answer.

    Raises
    ------
    DataError
        Saying what was expected, what was found, where, and how to fix it.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> c = load_checklist("pln-design")
    >>> raw = pd.DataFrame({"respondent": ["a", "a"], "item": "DES-01", "value": [2, 3],
    ...                     "wave": ["2024", "2025"], "school": "North"})
    >>> prepare_monitoring(raw, c, by="school", wave="wave")[["respondent", "wave", "score"]]
      respondent  wave  score
    0          a  2024    2.0
    1          a  2025    3.0
    >>> raw["wave"] = ["2024", "Year 2025"]
    >>> prepare_monitoring(raw, c, wave="wave")
    Traceback (most recent call last):
    ...
    plnlib.errors.DataError: answers, row 3: expected the waves in column 'wave' to be all ...
    """
    if answers is None or len(answers.columns) == 0 or answers.empty:
        raise DataError(
            "expected answers (a header row and at least one response), found an empty table",
            where=where,
            fix="Export the answers again; the file holds no responses.",
        )
    columns = [by] if isinstance(by, str) else list(by or ())
    for col in columns:
        if col in RESERVED or col == wave:
            raise DataError(
                f"expected a group column such as school or role, found '{col}', which "
                + ("is the wave column" if col == wave else "plnlib uses for the answers"),
                where=where,
                fix="Choose another column to compare groups by.",
            )
        require_column(answers, col, "group", where)
    frame = answers.reset_index(drop=True)
    if wave is not None:
        require_column(answers, wave, "wave", where)
        frame = frame.assign(**{wave: normalise_waves(frame[wave], wave, where, frame)})
    for col in columns:
        blank = frame[col].isna().to_numpy()
        if blank.any():
            raise DataError(
                f"expected a value of '{col}' for every response, found "
                f"{plural(int(blank.sum()), 'empty cell')}",
                where=f"{where}, {row_label(frame, int(np.flatnonzero(blank)[0]))}",
                fix=f"Fill in '{col}' for every response, or leave those responses out.",
            )
    # duplicates within a respondent, wave and group are caught here; a respondent
    # whose group changes within a wave gets the clearer message of _check_one_response
    # (without a wave column every column counts, so a repeat across waves is explained there)
    key = [*columns, wave] if wave is not None else None
    prepared = prepare_answers(frame, checklist, where=where, response_key=key)
    _check_one_response(prepared, frame, wave, where)
    if not prepared["score"].notna().any():
        raise DataError(
            f"expected at least one answer on the scale ({checklist.scale.options_text()}), "
            "found only blanks, 'don't know' and 'not applicable'",
            where=where,
            fix="Check that the file holds the answers and that they use the checklist's scale.",
        )
    return prepared


def _check_one_response(
    prepared: pd.DataFrame, frame: pd.DataFrame, wave: str | None, where: str
) -> None:
    """A respondent answers once per wave: the same group values on every row of a response."""
    resp, first = response_index(prepared, wave)
    for col in group_columns(prepared, wave):
        values = prepared[col].to_numpy(dtype=object)
        clash = values != values[first][resp]
        if clash.any():  # NA never equals itself: keep only real clashes
            where_clash = np.flatnonzero(clash)
            both_na = pd.isna(values[where_clash]) & pd.isna(values[first][resp][where_clash])
            clash[where_clash[both_na]] = False
        if clash.any():
            pos = int(np.flatnonzero(clash)[0])
            other = int(first[resp[pos]])
            in_wave = f" in wave {prepared.at[pos, wave]}" if wave else ""
            raise DataError(
                f"expected one response per respondent{' and wave' if wave else ''}, found "
                # the rows say who; a respondent's id may be a name or an e-mail: never shown
                f"the same respondent twice{in_wave} with different '{col}' "
                f"('{prepared.at[other, col]}' and '{prepared.at[pos, col]}')",
                where=f"{where}, {row_label(frame, other)} and {row_label(frame, pos)}",
                fix="Give each person their own respondent id, or remove the repeated "
                "response (a form submitted twice?)"
                + ("" if wave else "; if people answer in several waves, name the wave column")
                + ".",
            )


def is_synthetic(frame: pd.DataFrame) -> bool:
    """Whether answers are marked synthetic (``attrs["synthetic"]`` or a ``synthetic`` column).

    Examples
    --------
    >>> is_synthetic(pd.DataFrame({"x": [1], "synthetic": ["yes"]}))
    True
    >>> is_synthetic(pd.DataFrame({"x": [1]}))
    False
    """
    if frame.attrs.get(MARKER):
        return True
    if MARKER not in frame.columns or frame.empty:
        return False
    marks = {str(m).strip().casefold() for m in pd.unique(frame[MARKER])}
    return marks <= {"yes", "true", "1"}
