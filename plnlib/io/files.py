"""The one writer of every output file: checked first, then written whole or not at all.

:func:`check_output` looks at a path before any work is done (the ending and
the folder, with one message each); :func:`write_output` checks again, writes
the data to a temporary file in the same folder and renames it over the
target. A failure half-way (a full disk, an error while the data are made, an
interrupted run) leaves the old file as it was, or no file, and no temporary
file behind.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd

from plnlib.errors import DataError

__all__ = [
    "check_output",
    "csv_bytes",
    "require_file",
    "write_csv",
    "write_output",
    "write_text_atomic",
]

Data = bytes | str | pd.DataFrame | Callable[[], "bytes | str | pd.DataFrame"]


def require_file(path: str | Path) -> Path:
    """The path of a file to read, refused with a plain message when nothing is there.

    >>> require_file("no-such-answers.csv")
    Traceback (most recent call last):
    ...
    plnlib.errors.DataError: no-such-answers.csv: expected a file here, found nothing. ...
    """
    path = Path(path)
    if not path.exists():
        raise DataError(
            "expected a file here, found nothing",
            where=str(path),
            fix="Check the file name and folder.",
        )
    return path


def check_output(
    path: str | Path, suffixes: Sequence[str] | None = None, *, option: str = ""
) -> str:
    """Check an output path before anything is made; return its suffix (lower case).

    Raises
    ------
    DataError
        If the file name does not end in one of ``suffixes``, or its folder
        does not exist. ``option`` (say ``"--metrics"``) says where the path came from.

    Examples
    --------
    >>> check_output("report.HTML", (".html", ".md"))
    '.html'
    >>> check_output("report.txt", (".html",), option="-o/--output")
    Traceback (most recent call last):
    ...
    plnlib.errors.DataError: -o/--output: expected a file name ending in .html, found 'report.txt'. ...
    """
    path = Path(path)
    suffix = path.suffix.lower()
    allowed = [s.lower() for s in suffixes or ()]
    if allowed and suffix not in allowed:
        raise DataError(
            f"expected a file name ending in {' or '.join(allowed)}, found '{path.name}'",
            where=option,
            fix=f"Name the file like {path.stem or 'results'}{allowed[0]}.",
        )
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise DataError(
            f"expected an existing folder to write '{path.name}' into, found no folder '{folder}'",
            where=option,
            fix="Create the folder first, or choose another output path.",
        )
    return suffix


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """A table as UTF-8 CSV with a BOM (so Excel opens accents right), without the index."""
    return frame.to_csv(index=False).encode("utf-8-sig")


def _as_bytes(data: bytes | str | pd.DataFrame) -> bytes:
    if isinstance(data, bytes):
        return data
    if isinstance(data, str):
        return data.encode("utf-8")
    if isinstance(data, pd.DataFrame):
        return csv_bytes(data)
    raise TypeError(f"expected bytes, text or a DataFrame to write, found {type(data).__name__}")


def write_output(
    path: str | Path,
    data: Data,
    *,
    suffixes: Sequence[str] | None = None,
    option: str = "",
) -> Path:
    """Write ``data`` to ``path`` atomically and return the path.

    ``data`` is bytes, text (written as UTF-8), a DataFrame (written as CSV,
    see :func:`csv_bytes`) or a function returning one of them, called only
    after the path is checked. The data go to a temporary file in the same
    folder, which is renamed over ``path`` once complete: an existing file is
    replaced only by a whole new one, and a failure leaves no temporary file.

    Raises
    ------
    DataError
        From :func:`check_output`, before anything is written.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_output(folder / "a.md", "# Hello\\n", suffixes=(".md",)).read_text()
    '# Hello\\n'
    >>> sorted(p.name for p in folder.iterdir())
    ['a.md']
    """
    path = Path(path)
    check_output(path, suffixes, option=option)
    content = _as_bytes(data() if callable(data) else data)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            # keep the old file's permissions (mkstemp makes the temporary file private)
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_csv(path: str | Path, frame: pd.DataFrame, *, option: str = "") -> Path:
    """Write a DataFrame as CSV (see :func:`csv_bytes`) with :func:`write_output`."""
    return write_output(path, frame, suffixes=(".csv",), option=option)


def write_text_atomic(path: str | Path, text: str) -> Path:
    """Write UTF-8 text with :func:`write_output` (kept for the callers of plnlib 0.1)."""
    return write_output(path, text)
