"""Tables as one Excel workbook (XLSX): one sheet per table, written with openpyxl.

The first sheet, ``About``, says what the workbook holds (and that sample data
are synthetic). Empty cells are hidden or missing numbers. Text that Excel
would run as a formula (``=``, ``+``, ``-``, ``@`` at the start) is stored as
text, so a school name can never become a formula.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from plnlib.errors import DataError
from plnlib.io.files import write_output

__all__ = ["check_workbook_path", "sheet_title", "workbook_bytes", "write_workbook"]

_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_MAX_WIDTH = 60


def check_workbook_path(path: str | Path, *, option: str = "--xlsx") -> Path:
    """The path if it ends in ``.xlsx``, else a DataError naming the option."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise DataError(
            f"expected a file name ending in .xlsx, found '{path.name}'",
            where=option,
            fix="Name the workbook like numbers.xlsx.",
        )
    return path


def sheet_title(name: str, taken: Sequence[str] = ()) -> str:
    """A valid, unique Excel sheet name (at most 31 characters, no ``[]:*?/\\``).

    Examples
    --------
    >>> sheet_title("Change by school: sections")
    'Change by school sections'
    >>> sheet_title("People", taken=["People"])
    'People 2'
    """
    base = " ".join(_BAD_SHEET_CHARS.sub(" ", str(name)).split())[:31].strip("' ") or "Sheet"
    title, k = base, 2
    lowered = {t.casefold() for t in taken}
    while title.casefold() in lowered:
        suffix = f" {k}"
        title, k = base[: 31 - len(suffix)] + suffix, k + 1
    return title


def _cell(value: object) -> object:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return None if math.isnan(float(value)) else float(value)
    if isinstance(value, (tuple, list)):
        return "; ".join(str(v) for v in value)
    return str(value)


def _fill(sheet: object, frame: pd.DataFrame) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    header = [str(c) for c in frame.columns]
    sheet.append(header)  # type: ignore[attr-defined]
    for cell in sheet[1]:  # type: ignore[index]
        cell.font = Font(bold=True)
    widths = [len(h) for h in header]
    for r, row in enumerate(frame.itertuples(index=False), start=2):
        for c, raw in enumerate(row, start=1):
            value = _cell(raw)
            cell = sheet.cell(row=r, column=c)  # type: ignore[attr-defined]
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)
                cell.value = value
                cell.data_type = "s"  # never a formula
            else:
                cell.value = value
            if isinstance(value, float):
                cell.number_format = "0.00##"
            widths[c - 1] = max(widths[c - 1], len(str(value)) if value is not None else 0)
    for c, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(c)].width = min(width + 2, _MAX_WIDTH)  # type: ignore[attr-defined]
    sheet.freeze_panes = "A2"  # type: ignore[attr-defined]
    if len(frame.columns):
        sheet.auto_filter.ref = sheet.dimensions  # type: ignore[attr-defined]


def workbook_bytes(
    sheets: Mapping[str, pd.DataFrame],
    *,
    about: Sequence[tuple[str, str]] = (),
    title: str = "",
) -> bytes:
    """The tables as XLSX bytes: an ``About`` sheet (when given), then one sheet per table.

    Examples
    --------
    >>> import io, openpyxl, pandas as pd
    >>> data = workbook_bytes({"Sections": pd.DataFrame({"section": ["A"], "mean": [3.25]})},
    ...                       about=[("Data", "synthetic")])
    >>> book = openpyxl.load_workbook(io.BytesIO(data))
    >>> book.sheetnames, book["Sections"]["B2"].value
    (['About', 'Sections'], 3.25)
    """
    from openpyxl import Workbook

    if not sheets:
        raise DataError(
            "expected at least one table for the workbook, found none",
            fix="Give the tables to write.",
        )
    book = Workbook()
    first = book.active
    taken: list[str] = []
    if about:
        first.title = "About"
        taken.append("About")
        _fill(first, pd.DataFrame(list(about), columns=["What", "Details"]))
    else:
        book.remove(first)
    for name, frame in sheets.items():
        sheet = book.create_sheet(sheet_title(name, taken))
        taken.append(sheet.title)
        _fill(sheet, frame)
    book.properties.creator = "plnlib"
    book.properties.lastModifiedBy = "plnlib"
    book.properties.title = title or None
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_workbook(
    path: str | Path,
    sheets: Mapping[str, pd.DataFrame],
    *,
    about: Sequence[tuple[str, str]] = (),
    title: str = "",
) -> Path:
    """Write the tables to an ``.xlsx`` file, all at once (see :func:`workbook_bytes`)."""
    path = check_workbook_path(path)
    return write_output(path, workbook_bytes(sheets, about=about, title=title))
