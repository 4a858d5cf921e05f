"""Options and checks that several ``plnlib`` subcommands share."""

from __future__ import annotations

import argparse
from pathlib import Path

from plnlib.io.files import check_output
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
    """Check an output path before any work (ending and folder); return its suffix.

    The same check as :func:`plnlib.io.files.check_output`, naming the option.

    Examples
    --------
    >>> check_suffix(Path("scores.CSV"), (".csv",))
    '.csv'
    >>> check_suffix(Path("scores.txt"), (".csv",), option="--csv")
    Traceback (most recent call last):
    ...
    plnlib.errors.DataError: --csv: expected a file name ending in .csv, found 'scores.txt'. ...
    """
    return check_output(path, allowed, option=option)
