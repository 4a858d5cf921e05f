"""Read checklist answers in any of the formats trainers meet; save one person's answers.

Formats read by :func:`read_responses` (CSV in any common encoding and
delimiter, or XLSX):

- tidy: columns ``respondent``, ``item``, ``value`` plus any group columns;
- wide: one row per respondent, item ids as column headers;
- a Google Forms CSV export (a ``Timestamp`` column, question titles as headers);
- a Microsoft Forms XLSX export (``ID``, ``Start time``, ``Completion time``,
  ``Email``, ``Name``, ... then the questions).

Question headers are matched to items by the id they start with (``[DES-01] ...``),
as ``plnlib form`` writes them. Answers may be labels or numbers. E-mail
addresses and names in form exports are dropped on reading: they are never
needed for scoring.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from plnlib.checklists import Checklist
from plnlib.checklists.forms import item_id_of
from plnlib.errors import DataError
from plnlib.io.files import write_output
from plnlib.io.tables import read_table

__all__ = [
    "ANSWERS_FORMAT",
    "DROPPED_COLUMNS",
    "RESPONDENT_COLUMNS",
    "load_person_json",
    "person_answers_frame",
    "read_responses",
    "responses_from_frame",
    "save_person_json",
]

ANSWERS_FORMAT = "plnlib-answers"
#: Columns of form exports that identify people or only describe the submission.
_DROPPED = {
    "timestamp",
    "start time",
    "completion time",
    "last modified time",
    "email",
    "email address",
    "name",
}
_RESPONDENT = ("respondent", "id", "respondent id")
#: The same two rules, public for the in-page tools (plnlib.web.tools).
DROPPED_COLUMNS = frozenset(_DROPPED)
RESPONDENT_COLUMNS = _RESPONDENT


def read_responses(path: str | Path, checklist: Checklist) -> pd.DataFrame:
    """Read answers from a file into tidy form for :func:`plnlib.checklists.scoring.prepare_answers`.

    Returns columns ``respondent``, ``item``, ``value``, ``_row`` and
    ``_column`` (where each answer came from) and any group columns.

    Raises
    ------
    DataError
        When the file cannot be read or no column matches the checklist.
    """
    path = Path(path)
    return responses_from_frame(read_table(path), checklist, where=path.name)


def responses_from_frame(
    frame: pd.DataFrame, checklist: Checklist, *, where: str = "answers"
) -> pd.DataFrame:
    """Turn a table in any supported layout into tidy answers (see :func:`read_responses`).

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> c = load_checklist("pln-design")
    >>> wide = pd.DataFrame({"Timestamp": ["2026/01/05 10:00"], "School": ["North"],
    ...                      "[DES-01] Anything": ["Emerging"], "DES-02": ["4"]})
    >>> responses_from_frame(wide, c)[["respondent", "item", "value", "School"]]
      respondent    item     value School
    0      R0001  DES-01  Emerging  North
    1      R0001  DES-02         4  North
    """
    lower = {str(c).strip().lower(): c for c in frame.columns}
    if {"respondent", "item", "value"} <= set(lower):
        tidy = frame.rename(columns={lower[k]: k for k in ("respondent", "item", "value")}).copy()
        tidy["_row"] = range(2, len(tidy) + 2)
        return tidy
    item_cols = {c: item_id_of(c) for c in frame.columns}
    item_cols = {c: i for c, i in item_cols.items() if i is not None}
    if not item_cols:
        shown = ", ".join(repr(str(c)) for c in list(frame.columns)[:6])
        raise DataError(
            f"expected columns respondent/item/value, or question columns starting with an item id "
            f"of '{checklist.id}' such as '[{checklist.item_ids[0]}] ...', found {shown}",
            where=where,
            fix=f"Make the form from 'plnlib form {checklist.id}' so each question starts with its id, "
            "or rename the columns to the item ids.",
        )
    ids = list(item_cols.values())
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        raise DataError(
            f"expected each item once, found several columns for {', '.join(dup)}",
            where=where,
            fix="Delete the repeated question columns.",
        )
    resp_col = next((lower[k] for k in _RESPONDENT if k in lower), None)
    rest = [
        c
        for c in frame.columns
        if c not in item_cols and c != resp_col and str(c).strip().lower() not in _DROPPED
    ]
    work = frame.copy()
    if resp_col is None:
        work["respondent"] = [f"R{n:04d}" for n in range(1, len(work) + 1)]
    else:
        work["respondent"] = work[resp_col].astype("string").str.strip()
    work["_row"] = range(2, len(work) + 2)
    long = work.melt(
        id_vars=["respondent", "_row", *rest],
        value_vars=list(item_cols),
        var_name="_column",
        value_name="value",
    )
    long["item"] = long["_column"].map(item_cols)
    order = ["respondent", "item", "value", "_row", "_column", *rest]
    return long[order].sort_values(["_row", "item"], kind="stable").reset_index(drop=True)


def save_person_json(
    path: str | Path,
    checklist: Checklist,
    answers: Mapping[str, Any],
    *,
    respondent: str = "me",
) -> Path:
    """Save one person's answers as JSON (they load back exactly).

    ``answers`` maps item ids to a scale value, "dont_know", "not_applicable"
    or ``None`` (not answered). Unknown items or values raise :class:`DataError`
    before anything is written.
    """
    clean: dict[str, Any] = {}
    for item_id, value in answers.items():
        checklist.item(item_id)
        parsed = checklist.scale.parse(value, where=f"answer to {item_id}")
        clean[item_id] = int(parsed) if isinstance(parsed, float) else parsed
    doc = {
        "format": ANSWERS_FORMAT,
        "version": 1,
        "checklist": checklist.id,
        "checklist_version": checklist.version,
        "respondent": respondent,
        "answers": clean,
    }
    return write_output(path, json.dumps(doc, indent=2, ensure_ascii=False) + "\n")


def load_person_json(path: str | Path) -> tuple[str, str, dict[str, Any]]:
    """Load answers saved by :func:`save_person_json`.

    Returns ``(checklist_id, respondent, answers)``.
    """
    path = Path(path)
    try:
        doc = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise DataError("expected a saved answers file, found nothing", where=str(path)) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise DataError(
            f"expected JSON saved by plnlib, found text that is not JSON ({err})",
            where=path.name,
            fix="Choose the .json file you saved from the checklist.",
        ) from None
    if not isinstance(doc, dict) or doc.get("format") != ANSWERS_FORMAT:
        raise DataError(
            f'expected a file with "format": "{ANSWERS_FORMAT}", found something else',
            where=path.name,
            fix="Choose the .json file you saved from the checklist.",
        )
    answers = doc.get("answers")
    if not isinstance(answers, dict):
        raise DataError("expected an 'answers' object, found none", where=path.name)
    return str(doc["checklist"]), str(doc.get("respondent", "me")), dict(answers)


def person_answers_frame(respondent: str, answers: Mapping[str, Any]) -> pd.DataFrame:
    """Tidy answers of one person (for :func:`plnlib.checklists.scoring.prepare_answers`)."""
    return pd.DataFrame(
        {"respondent": respondent, "item": list(answers), "value": list(answers.values())},
        dtype=object,
    )
