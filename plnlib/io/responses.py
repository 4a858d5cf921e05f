"""Read checklist answers in any of the formats trainers meet; save one person's answers.

Formats read by :func:`read_responses` (CSV in any common encoding and
delimiter, or XLSX, the answers on any sheet):

- tidy: columns ``respondent``, ``item``, ``value`` plus any group columns;
- wide: one row per respondent, one column per item;
- a Google Forms CSV export (a ``Timestamp`` column, question titles as headers);
- a Microsoft Forms XLSX export (``ID``, ``Start time``, ``Completion time``,
  ``Email``, ``Name``, ... then the questions); in any language.

Question columns are matched to items by the id in their title (``[DES-01] ...``,
as ``plnlib form`` writes them, tolerating the usual edits) or else by the item's
text (:func:`plnlib.checklists.columns.plan_columns`). Items with no column stop the
reading unless ``allow_missing_items``. E-mail addresses, names, respondent numbers
and timestamps are dropped on reading, by header in several languages and by
content: they are never needed for scoring. What was dropped, matched by text,
left unmatched or missing is in ``frame.attrs["reading"]``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from plnlib.checklists import Checklist
from plnlib.checklists.columns import (
    ColumnPlan,
    fold_label,
    identifying_kind,
    looks_like_email,
    normalise_item_id,
    plan_columns,
)
from plnlib.errors import DataError
from plnlib.io.answer_sheets import read_answer_sheet
from plnlib.io.files import write_output
from plnlib.pseudonyms import pseudonym_codes

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
#: Columns of form exports that identify people or only describe the submission (English;
#: every language: :data:`plnlib.checklists.columns.IDENTIFYING_HEADERS`).
DROPPED_COLUMNS = frozenset(
    {
        "timestamp",
        "start time",
        "completion time",
        "last modified time",
        "email",
        "email address",
        "name",
    }
)
RESPONDENT_COLUMNS = ("respondent", "id", "respondent id")


def read_responses(
    path: str | Path,
    checklist: Checklist,
    *,
    sheet: str | None = None,
    allow_missing_items: bool = False,
) -> pd.DataFrame:
    """Read answers from a file into tidy form for :func:`plnlib.checklists.scoring.prepare_answers`.

    Returns columns ``respondent``, ``item``, ``value``, ``_row`` and
    ``_column`` (where each answer came from) and any group columns. In a
    workbook the sheet holding the answers is found by its columns, or named by
    ``sheet``.

    Raises
    ------
    DataError
        When the file cannot be read, no column matches the checklist, or items
        have no column (unless ``allow_missing_items``).
    """
    path = Path(path)
    frame, where, note = read_answer_sheet(path, checklist, sheet=sheet)
    out = responses_from_frame(
        frame, checklist, where=where, allow_missing_items=allow_missing_items
    )
    out.attrs["reading"]["where"] = where
    if note:
        out.attrs["reading"]["sheet"] = note
    return out


def _reading(layout: str, headers: list[str], plan: ColumnPlan | None = None) -> dict[str, Any]:
    if plan is None:
        return {"layout": layout, "dropped": [], "by_text": {}, "unmatched": [], "missing": []}
    return {
        "layout": layout,
        "dropped": [headers[k] for k, _ in plan.dropped],
        "by_text": {headers[k]: plan.items[k] for k in plan.by_text},
        "unmatched": [headers[k] for k in plan.unmatched],
        "missing": list(plan.missing),
    }


def _tidy(frame: pd.DataFrame, checklist: Checklist, lower: Mapping[str, str]) -> pd.DataFrame:
    tidy = frame.rename(columns={lower[k]: k for k in ("respondent", "item", "value")})
    special = {"respondent", "item", "value"}
    dropped = [
        c
        for c in tidy.columns
        if c not in special and (identifying_kind(c) is not None or _mostly_emails(tidy[c]))
    ]
    tidy = tidy.drop(columns=dropped).copy()
    prefixes = sorted({i.split("-")[0] for i in checklist.item_ids})
    known = set(checklist.item_ids)

    def item(value: object) -> object:
        fixed = normalise_item_id(value, prefixes) if isinstance(value, str) else None
        return fixed if fixed in known else value

    tidy["item"] = tidy["item"].map(item)
    if _mostly_emails(tidy["respondent"]):
        codes = pseudonym_codes(tidy["respondent"].dropna().astype(str).str.strip())
        tidy["respondent"] = tidy["respondent"].map(
            lambda v: codes[str(v).strip()] if pd.notna(v) else v
        )
    tidy["_row"] = range(2, len(tidy) + 2)
    tidy.attrs["reading"] = _reading("tidy", [])
    tidy.attrs["reading"]["dropped"] = dropped
    return tidy


def _mostly_emails(values: pd.Series) -> bool:
    filled = [v for v in values.dropna() if str(v).strip()]
    return bool(filled) and sum(looks_like_email(v) for v in filled) * 2 > len(filled)


def _quoted(names: list[str]) -> str:
    return ", ".join(f"'{n}'" for n in names)


def responses_from_frame(
    frame: pd.DataFrame,
    checklist: Checklist,
    *,
    where: str = "answers",
    allow_missing_items: bool = False,
) -> pd.DataFrame:
    """Turn a table in any supported layout into tidy answers (see :func:`read_responses`).

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> c = load_checklist("pln-design")
    >>> wide = pd.DataFrame({"Marca temporal": ["2026/01/05 10:00"], "School": ["North"],
    ...                      "[DES-1] Anything": ["Emerging"], "des 02": ["4"]})
    >>> out = responses_from_frame(wide, c, allow_missing_items=True)
    >>> out[["respondent", "item", "value", "School"]]
      respondent    item     value School
    0      R0001  DES-01  Emerging  North
    1      R0001  DES-02         4  North
    >>> out.attrs["reading"]["dropped"], len(out.attrs["reading"]["missing"]) == len(c.items) - 2
    (['Marca temporal'], True)
    """
    lower = {str(c).strip().lower(): c for c in frame.columns}
    if {"respondent", "item", "value"} <= set(lower):
        return _tidy(frame, checklist, lower)
    headers = [str(c) for c in frame.columns]
    accepted = checklist.scale.accepted
    plan = plan_columns(
        headers,
        [[None if pd.isna(v) else v for v in frame.iloc[:, k]] for k in range(len(headers))],
        {i.id: i.text for i in checklist.items},
        lambda v: fold_label(v) in accepted,
        [p.value for p in checklist.scale.points],
    )
    unmatched = (
        f"; the columns that look like questions but match no item are "
        f"{_quoted([headers[k] for k in plan.unmatched])}"
        if plan.unmatched
        else ""
    )
    if not plan.items:
        shown = ", ".join(repr(h) for h in headers[:6])
        raise DataError(
            f"expected columns respondent/item/value, or question columns starting with an item id "
            f"of '{checklist.id}' such as '[{checklist.item_ids[0]}] ...', found {shown}{unmatched}",
            where=where,
            fix=f"Make the form from 'plnlib form {checklist.id}' so each question starts with its id, "
            "or rename the columns to the item ids.",
        )
    if plan.duplicates:
        dup = sorted(plan.duplicates)
        cols = [headers[k] for i in dup for k in plan.duplicates[i]]
        raise DataError(
            f"expected each item once, found several columns for {', '.join(dup)} "
            f"({_quoted(cols)})",
            where=where,
            fix="Delete the repeated question columns.",
        )
    # a form of an older version of the checklist lacks just the items added since: it is
    # read, and the callers' version note names those items (Checklist.table_version_note)
    older_form = bool(checklist.table_version_note(set(plan.items.values()), where=where))
    if plan.missing and not allow_missing_items and not older_form:
        n = len(checklist.items)
        raise DataError(
            f"expected a column for every item of '{checklist.id}', found none for "
            f"{', '.join(plan.missing)} ({len(plan.missing)} of {n} items){unmatched}",
            where=where,
            fix=f"Start each question title with its id in brackets ('[{plan.missing[0]}] ...'), "
            "or score without these items (plnlib: --allow-missing-items; the results then "
            "say which are missing).",
        )
    work = frame.copy()
    item_cols = {headers[k]: i for k, i in plan.items.items()}
    rest = [headers[k] for k in plan.groups]
    if plan.respondent is None:
        work["respondent"] = [f"R{n:04d}" for n in range(1, len(work) + 1)]
    else:
        work["respondent"] = work[headers[plan.respondent]].astype("string").str.strip()
    work["_row"] = range(2, len(work) + 2)
    long = work.melt(
        id_vars=["respondent", "_row", *rest],
        value_vars=list(item_cols),
        var_name="_column",
        value_name="value",
    )
    long["item"] = long["_column"].map(item_cols)
    order = ["respondent", "item", "value", "_row", "_column", *rest]
    out = long[order].sort_values(["_row", "item"], kind="stable").reset_index(drop=True)
    layout = (
        "google"
        if plan.respondent is None and any(identifying_kind(h) == "time" for h in headers)
        else "msforms"
        if {"start time", "completion time"} <= set(lower)
        else "wide"
    )
    out.attrs["reading"] = _reading(layout, headers, plan)
    return out


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
