"""``plnlib report``: a network's monitoring report (HTML or Markdown, plus a CSV of numbers)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from plnlib.checklists.answers import require_column
from plnlib.cli._common import add_min_group, check_suffix
from plnlib.cli._reading import add_reading_options, read_answers, with_label_map
from plnlib.errors import DataError
from plnlib.helpers import plural, short_label
from plnlib.io.content import load_checklist
from plnlib.io.files import write_output
from plnlib.io.tables import read_table
from plnlib.monitoring import monitor, prepare_monitoring
from plnlib.privacy import all_hidden_message, lowered_minimum_note
from plnlib.report.exports import monitoring_exports
from plnlib.report.monitoring import write_monitoring_report
from plnlib.report.monitoring_tables import monitoring_numbers

__all__ = ["add_parser"]

_FORMATS = {".html": "html", ".htm": "html", ".md": "md", ".pptx": "pptx"}
_WARNINGS_SHOWN = 5


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``report`` subcommand."""
    p = subparsers.add_parser(
        "report",
        help="write a network's monitoring report (self-contained HTML, or Markdown)",
        description="Read a network's answers to a checklist (tidy CSV, wide CSV/XLSX or a "
        "form export, with a wave column when there are several years) and write one report: "
        "summary, strengths, priorities with actions and handbook links, groups compared, "
        "response rates, change since the last wave and a methods note. The HTML file holds "
        "its charts' scripts, so it opens offline and can be emailed. Groups below the "
        "minimum size are hidden, with complementary suppression.",
    )
    p.add_argument("id", help="checklist id (see: plnlib list)")
    p.add_argument("responses", type=Path, help="the answers file")
    p.add_argument("--by", help="a group column to compare, e.g. school, role or pln_member")
    p.add_argument(
        "--by-label",
        metavar="LABEL",
        help="the group column's name in the report, e.g. school (default: a short name made "
        "from the column, so 'Which school do you work in?' is shown as 'school')",
    )
    p.add_argument(
        "--wave",
        help="the wave column, e.g. year (default: a column named 'wave' if there is one)",
    )
    p.add_argument(
        "--rosters",
        type=Path,
        help="a CSV or XLSX of staff numbers: a group column (as in the answers), 'staff' "
        "and optionally 'wave'",
    )
    add_min_group(p)
    add_reading_options(p)
    p.add_argument(
        "--format",
        choices=("html", "md", "pptx"),
        help="html, md or pptx (default: from the output file's name)",
    )
    p.add_argument("--csv", type=Path, help="also write every number of the report to this CSV")
    p.add_argument("--xlsx", type=Path, help="also write every number of the report to a workbook")
    p.add_argument("--figures", type=Path, metavar="DIR", help="also write every chart as pictures")
    p.add_argument("--title", help="the report's title")
    p.add_argument(
        "-o", "--output", required=True, type=Path, help="report.html, report.md or results.pptx"
    )
    p.set_defaults(func=_report, command_name="report")


def _format(args: argparse.Namespace) -> str:
    implied = _FORMATS.get(args.output.suffix.lower())
    if args.format is None and implied is None:
        raise DataError(
            f"expected an output file ending in .html, .md or .pptx, found '{args.output.name}'",
            where="-o/--output",
            fix="Name the report like report.html (or report.md, or results.pptx for a deck).",
        )
    if args.format is not None and implied is not None and implied != args.format:
        raise DataError(
            f"expected --format {implied} for '{args.output.name}', found --format {args.format}",
            where="--format",
            fix="Make the output file's ending match the format, or leave --format out.",
        )
    return args.format or implied or "html"


def _labelled(
    by: str, label: str | None, raw: pd.DataFrame, rosters: pd.DataFrame | None
) -> tuple[str, pd.DataFrame, pd.DataFrame | None]:
    """The group column renamed to its label (given, or :func:`short_label`), in the answers
    and the rosters, so that headings, charts and the numbers' CSV use the short name."""
    name = " ".join(label.split()) if label is not None else short_label(by)
    if not name:
        raise DataError(
            "expected a label for the group column, found an empty --by-label",
            where="--by-label",
            fix="Give a short name such as --by-label school.",
        )
    if name == by:
        return by, raw, rosters
    if name in raw.columns:
        if label is None:  # the short name is taken by another column: keep the column's own
            return by, raw, rosters
        raise DataError(
            f"expected a label that is not already a column, found a column {name!r} too",
            where="--by-label",
            fix="Choose another label, or rename that column in the file.",
        )
    if rosters is not None and by in rosters.columns:
        rosters = rosters.rename(columns={by: name})
    return name, raw.rename(columns={by: name}), rosters


def _report(args: argparse.Namespace) -> int:
    fmt = _format(args)
    check_suffix(args.output, ())  # the ending was checked with the format: the folder here
    if args.csv is not None:
        check_suffix(args.csv, (".csv",), option="--csv")
    checklist = with_label_map(load_checklist(args.id), args.labels)
    raw, where, missing = read_answers(args, checklist, args.responses, "report")
    source = where
    if missing:
        source = f"{where} (no column for {', '.join(missing)}: scored without these items)"
    note = checklist.table_version_note(set(raw["item"]), where=args.responses.name)
    if note:
        print(f"plnlib report: note: {note}", file=sys.stderr)
    wave = args.wave
    if wave is None and "wave" in raw.columns:
        wave = "wave"
    rosters = read_table(args.rosters) if args.rosters is not None else None
    by = args.by
    if by is not None:
        require_column(raw, by, "group", where)
        by, raw, rosters = _labelled(by, args.by_label, raw, rosters)
    elif args.by_label is not None:
        raise DataError(
            "expected --by-label with --by (the column it names), found --by-label alone",
            where="--by-label",
            fix="Add --by COLUMN, or leave --by-label out.",
        )
    prepared = prepare_monitoring(raw, checklist, by=by, wave=wave, where=where)
    result = monitor(
        prepared,
        checklist,
        by=by,
        wave=wave,
        rosters=rosters,
        min_group=args.min_group,
        rosters_where=args.rosters.name if args.rosters is not None else "rosters",
    )
    # everything is made and every path checked before anything is written
    exports = monitoring_exports(
        result,
        checklist,
        deck=args.output if fmt == "pptx" else None,
        figures=args.figures,
        workbook=args.xlsx,
        title=args.title,
        source=source,
    )
    if fmt != "pptx":
        write_monitoring_report(
            args.output,
            result,
            checklist,
            numbers=args.csv,
            title=args.title,
            source=source,
            fmt=fmt,
        )
    elif args.csv is not None:
        write_output(args.csv, monitoring_numbers(result), suffixes=(".csv",), option="--csv")
    waves = f", waves {', '.join(map(str, result.waves))}" if result.waves else ""
    if fmt != "pptx":
        size = args.output.stat().st_size / 1_000_000
        print(f"wrote the report to {args.output} ({size:.1f} MB{waves})")
    if args.csv is not None:
        print(f"wrote every number of the report to {args.csv}")
    for line in exports.write():
        print(line)
    if missing:
        print(
            f"scored WITHOUT {plural(len(missing), 'item')} that have no column: {', '.join(missing)}"
        )
    if result.synthetic:
        print("note: the data are marked synthetic; the report says so")
    hidden, network = result.sections["suppressed"], result.sections["network"].astype(bool)
    if hidden.all() or (args.by and hidden[~network].all()):
        everything = all_hidden_message(result.min_group, groups=not hidden.all())
        print(f"privacy: {everything}", file=sys.stderr)
    if lowered_minimum_note(result.min_group):
        print(f"privacy: {lowered_minimum_note(result.min_group)}", file=sys.stderr)
    if result.warnings:
        hold = "holds" if len(result.warnings) == 1 else "hold"
        print(
            f"privacy: {plural(len(result.warnings), 'combination')} of group values {hold} "
            f"fewer than {result.min_group} people; the report never shows them, but do not "
            "publish tables that cross these columns. For your eyes only:",
            file=sys.stderr,
        )
        for w in result.warnings[:_WARNINGS_SHOWN]:
            wave = f" in wave {w.wave}" if w.wave is not None else ""
            print(f"  - {w.cell}{wave}: {plural(w.n, 'person', 'people')}", file=sys.stderr)
        if len(result.warnings) > _WARNINGS_SHOWN:
            print(f"  ... and {len(result.warnings) - _WARNINGS_SHOWN} more", file=sys.stderr)
    return 0
