"""Options and checks that several ``plnlib`` subcommands share."""

from __future__ import annotations

import argparse
from pathlib import Path

from plnlib.errors import DataError
from plnlib.privacy import DEFAULT_MIN_GROUP, FLOOR_MIN_GROUP

__all__ = ["add_min_group", "check_suffix"]


def add_min_group(parser: argparse.ArgumentParser) -> None:
    """The ``--min-group N`` option (small-group suppression)."""
    parser.add_argument(
        "--min-group",
        type=int,
        default=DEFAULT_MIN_GROUP,
        help=f"smallest group shown (default {DEFAULT_MIN_GROUP}, never below {FLOOR_MIN_GROUP})",
    )


def check_suffix(path: Path, allowed: tuple[str, ...], *, option: str = "-o/--output") -> str:
    """The file's suffix if it is one of ``allowed``, else a DataError naming the option.

    Examples
    --------
    >>> check_suffix(Path("scores.CSV"), (".csv",))
    '.csv'
    >>> check_suffix(Path("scores.txt"), (".csv",), option="--csv")
    Traceback (most recent call last):
    ...
    plnlib.errors.DataError: --csv: expected a file name ending in .csv, found 'scores.txt'. ...
    """
    suffix = path.suffix.lower()
    if suffix not in allowed:
        raise DataError(
            f"expected a file name ending in {' or '.join(allowed)}, found '{path.name}'",
            where=option,
            fix=f"Name the file like results{allowed[0]}.",
        )
    return suffix
