"""Reading answers for ``plnlib score`` and ``plnlib report``: the shared options and notes.

Options: ``--sheet`` (the workbook sheet), ``--labels map.csv`` (answer labels in
another language), ``--allow-missing-items`` (score although items have no
column; the output says which). The notes say which columns were dropped (by
header only: never their content), which were matched by their text, which look
like questions but match no item, and which items are missing.
"""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from plnlib.checklists import Checklist
from plnlib.helpers import plural
from plnlib.io.label_maps import read_label_map
from plnlib.io.responses import read_responses

__all__ = ["add_reading_options", "read_answers", "with_label_map"]


def add_reading_options(parser: argparse.ArgumentParser) -> None:
    """``--sheet``, ``--labels`` and ``--allow-missing-items``."""
    parser.add_argument(
        "--sheet", help="the workbook sheet with the answers (default: found by its columns)"
    )
    parser.add_argument(
        "--labels",
        type=Path,
        metavar="MAP.csv",
        help="a CSV with columns label,value (or label,code) for answer labels in another language",
    )
    parser.add_argument(
        "--allow-missing-items",
        action="store_true",
        help="score even when some items have no column (the output says which are missing)",
    )


def with_label_map(checklist: Checklist, path: Path | None) -> Checklist:
    """The checklist whose scale also reads the labels of a label map file."""
    if path is None:
        return checklist
    scale = checklist.scale.with_labels(read_label_map(path, checklist.scale), where=path.name)
    return dataclasses.replace(checklist, scale=scale)


def read_answers(
    args: argparse.Namespace,
    checklist: Checklist,
    path: Path,
    command: str,
    reader: Callable[..., pd.DataFrame] = read_responses,
) -> tuple[pd.DataFrame, str, list[str]]:
    """The tidy answers of ``path``, the place to name in messages, and the missing items.

    Prints a note per sheet chosen, column dropped, matched by text or unmatched.
    """
    raw = reader(path, checklist, sheet=args.sheet, allow_missing_items=args.allow_missing_items)
    info = raw.attrs.get("reading", {})
    for line in reading_notes(info):
        print(f"note: {line}")
    return raw, str(info.get("where", path.name)), list(info.get("missing", []))


def reading_notes(info: dict) -> list[str]:
    """The notes to print about how a file was read (see the module's description)."""
    lines = []
    if info.get("sheet"):
        lines.append(info["sheet"])
    if info.get("dropped"):
        names = ", ".join(f"'{c}'" for c in info["dropped"])
        lines.append(f"left out personal data (never read or shown): {names}")
    for column, item in info.get("by_text", {}).items():
        lines.append(f"the column '{column}' has no item id: read as {item} from its text")
    if info.get("unmatched"):
        names = ", ".join(f"'{c}'" for c in info["unmatched"])
        lines.append(f"columns that look like questions but match no item (not scored): {names}")
    if info.get("missing"):
        lines.append(
            f"no column for {', '.join(info['missing'])}: scored without these "
            f"{plural(len(info['missing']), 'item')} (--allow-missing-items)"
        )
    return lines
