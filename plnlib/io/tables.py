"""Read a user's table (CSV or XLSX) whatever its encoding and delimiter.

Spreadsheet exports arrive as UTF-8 (with or without a byte-order mark),
UTF-16 (Excel's "Unicode text"), or Windows-1252, separated by commas,
semicolons (European Excel) or tabs. :func:`read_table` detects all of these.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from plnlib.errors import DataError
from plnlib.io.files import require_file

__all__ = ["decode_text", "read_sheets", "read_table", "sniff_delimiter"]

_EXCEL_SUFFIXES = {".xlsx", ".xlsm"}


def decode_text(raw: bytes, *, where: str = "") -> str:
    """Decode bytes from UTF-8 (BOM or not), UTF-16 (with a BOM) or cp1252.

    Examples
    --------
    >>> decode_text("caf\\u00e9".encode("utf-8-sig"))
    'café'
    >>> decode_text("caf\\u00e9".encode("utf-16"))
    'café'
    >>> decode_text("caf\\u00e9".encode("cp1252"))
    'café'
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if raw[:200].count(b"\x00") > 20:  # UTF-16 without a BOM
        try:
            return raw.decode("utf-16-le")
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError as err:
        raise DataError(
            "expected text in UTF-8, UTF-16 or Windows-1252, found bytes that are none of these "
            f"(byte {err.start})",
            where=where,
            fix="Save the file again as 'CSV UTF-8' from your spreadsheet program.",
        ) from None


def sniff_delimiter(text: str) -> str:
    """Return the most likely delimiter of CSV text: comma, semicolon or tab.

    Examples
    --------
    >>> sniff_delimiter("a;b;c\\n1;2;3\\n")
    ';'
    >>> sniff_delimiter("a,b\\n1,2\\n")
    ','
    """
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        header = text.splitlines()[0] if text else ""
        counts = {d: header.count(d) for d in (",", ";", "\t")}
        return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def read_sheets(path: str | Path) -> dict[str, pd.DataFrame | None]:
    """Every sheet of an ``.xlsx`` workbook, in order, as strings (``None`` for an empty sheet).

    Raises
    ------
    DataError
        If the file is missing or not a workbook.
    """
    path = Path(path)
    require_file(path)
    try:
        frames = pd.read_excel(path, sheet_name=None, dtype=str)
    except Exception as err:  # openpyxl raises assorted errors on broken files
        raise DataError(
            f"expected an Excel workbook, found a file that is not one ({type(err).__name__})",
            where=str(path),
            fix="Open it in your spreadsheet program and save it again as .xlsx or CSV.",
        ) from None
    out: dict[str, pd.DataFrame | None] = {}
    for name, frame in frames.items():
        if len(frame.columns) == 0:
            out[str(name)] = None
            continue
        frame.columns = [str(c).strip() for c in frame.columns]
        out[str(name)] = frame
    return out


def read_table(path: str | Path, *, sheet: str | int = 0) -> pd.DataFrame:
    """Read a CSV or XLSX file into a DataFrame of strings (empty cells are NA).

    Column names are stripped of surrounding spaces. Every cell stays text so
    that nothing is silently converted; callers parse what they need.

    Raises
    ------
    DataError
        If the file is missing, empty, or not a table.
    """
    path = Path(path)
    where = str(path)
    require_file(path)
    if path.suffix.lower() in _EXCEL_SUFFIXES:
        try:
            frame = pd.read_excel(path, sheet_name=sheet, dtype=str)
        except (ValueError, KeyError, OSError) as err:
            raise DataError(
                f"expected an Excel workbook, could not read it ({err})",
                where=where,
                fix="Open it in your spreadsheet program and save it again as .xlsx or CSV.",
            ) from None
        except Exception as err:  # openpyxl raises assorted errors on broken files
            raise DataError(
                f"expected an Excel workbook, found a file that is not one ({type(err).__name__})",
                where=where,
                fix="Open it in your spreadsheet program and save it again as .xlsx or CSV.",
            ) from None
    elif path.suffix.lower() == ".xls":
        raise DataError(
            "expected .xlsx or .csv, found an old-style .xls workbook",
            where=where,
            fix="Open it in your spreadsheet program and save it as .xlsx or CSV.",
        )
    else:
        text = decode_text(path.read_bytes(), where=where)
        if not text.strip():
            raise DataError(
                "expected a header row and data, found an empty file",
                where=where,
                fix="Export the data again; the file has no content.",
            )
        try:
            frame = pd.read_csv(
                io.StringIO(text),
                sep=sniff_delimiter(text),
                dtype=str,
                keep_default_na=False,
                na_values=[""],
                skipinitialspace=False,
            )
        except (pd.errors.ParserError, csv.Error) as err:
            raise DataError(
                f"expected a table with the same number of cells in every row ({err})",
                where=where,
                fix="Check for stray delimiters or line breaks inside cells.",
            ) from None
    frame.columns = [str(c).strip() for c in frame.columns]
    if frame.empty:
        raise DataError(
            "expected at least one row under the header, found none",
            where=where,
            fix="Check that you exported the answers, not only the questions.",
        )
    return frame
