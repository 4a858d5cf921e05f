"""Write files all at once: a temporary file in the same folder, then a rename.

A failure half-way leaves the old file (or nothing), never a half-written one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd

from plnlib.errors import DataError

__all__ = ["write_bytes_atomic", "write_csv", "write_text_atomic"]


def write_bytes_atomic(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically and return the path."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise DataError(
            "expected an existing folder to write into, found none",
            where=str(folder),
            fix="Create the folder first, or choose another output path.",
        )
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_text_atomic(path: str | Path, text: str) -> Path:
    """Write UTF-8 text atomically."""
    return write_bytes_atomic(path, text.encode("utf-8"))


def write_csv(path: str | Path, frame: pd.DataFrame) -> Path:
    """Write a DataFrame as UTF-8 CSV with a BOM (so Excel opens accents right)."""
    return write_bytes_atomic(path, frame.to_csv(index=False).encode("utf-8-sig"))
