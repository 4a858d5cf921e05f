"""Find the table of answers in a file: a CSV, or the right sheet of a workbook.

A workbook may hold notes, a copy of the questions or a pivot table next to the
answers. :func:`read_answer_sheet` reads every sheet and keeps the one whose
columns hold the answers (question columns of the checklist, or
``respondent``/``item``/``value``); the user may name it instead. Every message
names the sheets that were looked at and what each had.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from plnlib.checklists import Checklist
from plnlib.checklists.columns import match_text, normalise_item_id
from plnlib.errors import DataError
from plnlib.io.tables import read_sheets, read_table

__all__ = ["answer_columns", "read_answer_sheet"]

_EXCEL = {".xlsx", ".xlsm"}


def answer_columns(frame: pd.DataFrame | None, checklist: Checklist) -> int:
    """How many columns of a table hold answers to the checklist (3 for a tidy table).

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> c = load_checklist("pln-design")
    >>> answer_columns(pd.DataFrame(columns=["Timestamp", "[DES-01] x", "DES 2"]), c)
    2
    """
    if frame is None:
        return 0
    lower = {str(c).strip().lower() for c in frame.columns}
    if {"respondent", "item", "value"} <= lower:
        return 3
    ids = set(checklist.item_ids)
    prefixes = sorted({i.split("-")[0] for i in ids})
    texts = {i.id: i.text for i in checklist.items}
    count = 0
    for c in frame.columns:
        found = normalise_item_id(c, prefixes)
        if found in ids or (found is None and match_text(c, texts)[0] is not None):
            count += 1
    return count


def _what(frame: pd.DataFrame | None, count: int) -> str:
    if frame is None:
        return "empty"
    if count:
        return f"{count} answer column{'s' if count > 1 else ''}"
    shown = ", ".join(f"'{c}'" for c in list(frame.columns)[:3])
    more = ", ..." if len(frame.columns) > 3 else ""
    return f"no answer columns: {shown}{more}"


def read_answer_sheet(
    path: Path, checklist: Checklist, *, sheet: str | None = None
) -> tuple[pd.DataFrame, str, str]:
    """The table of answers in a file, the place to name in messages, and a note on the sheet.

    Raises
    ------
    DataError
        When ``sheet`` is given for a CSV file or is not in the workbook, when no
        sheet holds answers, or when several do (naming every sheet).
    """
    is_excel = path.suffix.lower() in _EXCEL
    if not is_excel:
        if sheet is not None:
            raise DataError(
                f"expected a workbook (.xlsx) with --sheet, found '{path.name}'",
                where="--sheet",
                fix="Leave --sheet out for a CSV file: it has one table.",
            )
        return read_table(path), path.name, ""
    sheets = read_sheets(path)
    names = list(sheets)
    if len(names) == 1 and sheet in (None, names[0]):
        return read_table(path), path.name, ""
    if sheet is not None:
        if sheet not in sheets:
            raise DataError(
                f"expected a sheet named '{sheet}', found the sheets "
                + ", ".join(f"'{n}'" for n in names),
                where=path.name,
                fix="Give --sheet one of these names (as the workbook spells them).",
            )
        frame = sheets[sheet]
        if frame is None or frame.empty:
            raise DataError(
                f"expected a header row and answers on the sheet '{sheet}', found it empty",
                where=path.name,
                fix="Choose the sheet that holds the answers.",
            )
        where = f"{path.name}, sheet '{sheet}'" if len(names) > 1 else path.name
        return frame, where, f"read the sheet '{sheet}' (chosen with --sheet)"
    counts = {n: answer_columns(f, checklist) for n, f in sheets.items()}
    holding = [n for n in names if counts[n]]
    looked = ", ".join(f"'{n}' ({_what(sheets[n], counts[n])})" for n in names)
    if len(holding) == 1:
        name = holding[0]
        frame = sheets[name]
        if frame is None or frame.empty:
            raise DataError(
                f"expected at least one row under the header of the sheet '{name}', found none",
                where=path.name,
                fix="Check that you exported the answers, not only the questions.",
            )
        note = f"read the sheet '{name}' of {path.name}; looked at {looked}"
        return frame, f"{path.name}, sheet '{name}'", note
    if not holding:
        raise DataError(
            f"expected a sheet with the answers (question columns starting with an item id of "
            f"'{checklist.id}' such as '[{checklist.item_ids[0]}] ...', or respondent/item/value), "
            f"found none in the {len(names)} sheet{'s' if len(names) > 1 else ''}: {looked}",
            where=path.name,
            fix="Check that you exported the answers; if a sheet holds them under other "
            "headers, rename its question columns to start with the item ids.",
        )
    raise DataError(
        f"expected the answers on one sheet, found answers on {len(holding)} sheets: {looked}",
        where=path.name,
        fix=f"Choose one with --sheet, for example --sheet '{holding[0]}'.",
    )
