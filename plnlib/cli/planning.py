"""Planning commands: ``time-finder``, ``time-cost`` and ``planning-sheet`` live here.

:func:`add_parser` also adds ``mobilisation`` (:mod:`plnlib.cli.mobilisation`) and
``cycles`` and ``action-plan`` (:mod:`plnlib.cli.cycles`), in that order in the help.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from plnlib.cli import cycles, mobilisation
from plnlib.cli._common import check_suffix
from plnlib.helpers import plural
from plnlib.io.files import write_csv, write_text_atomic
from plnlib.io.planning import read_availability
from plnlib.planning.timecost import Timetable, time_options
from plnlib.planning.timefinder import availability, cannot_make, pair_slots
from plnlib.pseudonyms import pseudonym_codes
from plnlib.web.planning import time_plan_html
from plnlib.web.planning_sheets import SHEETS, sheet_html

__all__ = ["add_parser"]


def _slots(text: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in text.split("|") if s.strip())


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Add the planning subcommands."""
    p = subparsers.add_parser(
        "time-finder",
        help="find the best times for a network to meet (CSV or a one-page HTML plan)",
        description="Read members' free times: a Google Forms checkbox-grid export (one "
        "column per day, 'When are you free? [Monday]', slots joined by ', '), a Microsoft "
        "Forms export (one column per day, choices joined by ';'), or a tidy CSV with columns "
        "person,school,day,slot. The school column is found by its header (or --school). "
        "Writes one row per day and slot, best first (most schools with someone free, then "
        "most members free), or a one-page plan. People appear as codes unless --names.",
    )
    p.add_argument("file", type=Path, help="the form export or tidy CSV (.csv or .xlsx)")
    p.add_argument("-o", "--output", required=True, type=Path, help="slots.csv or plan.html")
    p.add_argument("--school", help="the header of the school column, if not found by name")
    p.add_argument(
        "--slots",
        type=_slots,
        help="the grid's slots in order, separated by | (e.g. 'Before school|Lunch|After "
        "school'); a cell naming another slot is then an error",
    )
    p.add_argument(
        "--pairs",
        type=Path,
        metavar="FILE.csv",
        help="also write the best time for each pair of schools as CSV",
    )
    p.add_argument("--top", type=int, default=3, help="how many best times to detail (default 3)")
    p.add_argument("--names", action="store_true", help="show people's names, not codes")
    p.set_defaults(func=_time_finder, command_name="time-finder")

    p = subparsers.add_parser(
        "time-cost",
        help="what each way of freeing time gives and costs, per week",
        description="From a timetable's figures, the hours a week each option frees (shaving "
        "minutes from lessons for a half day, reallocating meeting or planning time, "
        "aligning free periods, paid cover), the lesson time each class loses and the cover "
        "cost. Prints a table; -o also writes it as CSV.",
    )
    p.add_argument("--lesson-minutes", type=float, required=True, help="length of a lesson")
    p.add_argument("--lessons", type=int, required=True, help="lessons a week for one class")
    p.add_argument("--staff", type=int, required=True, help="teachers taking part")
    p.add_argument("--cover-cost", type=float, default=0.0, help="cost of an hour of cover")
    p.add_argument("--days", type=int, default=5, help="school days a week (default 5)")
    p.add_argument(
        "--shave", type=float, help="minutes shaved from each lesson (default: a half day)"
    )
    p.add_argument(
        "--meeting-minutes",
        type=float,
        default=60.0,
        help="meeting or planning minutes a week given to the network (default 60)",
    )
    p.add_argument("--aligned", type=int, default=1, help="free periods a week aligned (default 1)")
    p.add_argument("--free-periods", type=int, help="free periods a teacher has a week")
    p.add_argument(
        "--cover-lessons",
        type=int,
        default=1,
        help="lessons a week each teacher is covered for (default 1)",
    )
    p.add_argument("-o", "--output", type=Path, help="also write the table as CSV")
    p.set_defaults(func=_time_cost, command_name="time-cost")
    mobilisation.add_parser(subparsers)
    cycles.add_parser(subparsers)
    p = subparsers.add_parser(
        "planning-sheet",
        help="write a printable sheet of a planning tool (.html, A4 or Letter)",
        description="Sheets: time-finder (members tick when they are free), mobilisation "
        "(tracker records), pdsa (one Plan-Do-Study-Act cycle), driver-diagram (blank).",
    )
    p.add_argument("name", choices=SHEETS, help="which sheet")
    p.add_argument("--slots", type=_slots, help="time-finder: the slots, separated by |")
    p.add_argument("-o", "--output", required=True, type=Path, help="sheet.html")
    p.set_defaults(func=_sheet, command_name="planning-sheet")


def _time_finder(args: argparse.Namespace) -> int:
    suffix = check_suffix(args.output, (".csv", ".html"))
    if args.pairs:
        check_suffix(args.pairs, (".csv",), option="--pairs")
    data = read_availability(args.file, school=args.school, slots=args.slots)
    table = availability(data)
    names = list(data.members)
    label = (lambda p: p) if args.names else pseudonym_codes(names, prefix="M").__getitem__
    top = table.head(max(args.top, 0))
    cannot = {
        (r.day, r.slot): [f"{label(p)} ({s})" for p, s in cannot_make(data, r.day, r.slot).values]
        for r in top.itertuples()
    }
    if suffix == ".csv":
        out = table.assign(
            cannot_make=[
                "; ".join(cannot.get((d, s), [])) if (d, s) in cannot else ""
                for d, s in zip(table["day"], table["slot"], strict=True)
            ]
        )
        write_csv(args.output, out)
    else:
        pairs = pair_slots(data)
        write_text_atomic(
            args.output, time_plan_html(data, table, pairs, cannot, source=args.file.name)
        )
    print(
        f"{len(data.members)} members in {len(data.schools)} schools; "
        f"{len(table)} day-and-slot times."
    )
    if args.pairs:
        write_csv(args.pairs, pair_slots(data))
        print(
            f"wrote the best time for each of {len(data.schools) * (len(data.schools) - 1) // 2} "
            f"pairs of schools to {args.pairs}"
        )
    if data.duplicates:
        gave = plural(data.duplicates, "member")
        print(f"note: {gave} gave more than one school; the last one is used.")
    for r in top.itertuples():
        print(
            f"  {r.rank}. {r.day} {r.slot}: {r.available} of {r.members} members free, "
            f"{r.schools} of {r.of_schools} schools; cannot make it: "
            f"{len(cannot[(r.day, r.slot)])}"
        )
    print(f"wrote {args.output}")
    return 0


def _time_cost(args: argparse.Namespace) -> int:
    t = Timetable(
        lesson_minutes=args.lesson_minutes,
        lessons_per_week=args.lessons,
        staff=args.staff,
        cover_cost_per_hour=args.cover_cost,
        days_per_week=args.days,
        minutes_shaved=args.shave,
        reallocated_minutes=args.meeting_minutes,
        aligned_periods=args.aligned,
        cover_lessons=args.cover_lessons,
        free_periods_per_week=args.free_periods,
    )
    if args.output:
        check_suffix(args.output, (".csv",))
    table = time_options(t)
    print(f"{'option':<38}{'h/teacher':>10}{'h/network':>11}{'lost/class':>12}{'cover':>10}")
    for r in table.itertuples():
        print(
            f"{r.label:<38}{r.hours_per_teacher:>10.2f}{r.hours_network:>11.2f}"
            f"{r.lesson_minutes_lost_per_class:>9.0f} min{r.cover_cost:>10.2f}"
        )
    if args.output:
        write_csv(args.output, table)
        print(f"wrote {args.output}")
    return 0


def _sheet(args: argparse.Namespace) -> int:
    check_suffix(args.output, (".html",))
    write_text_atomic(args.output, sheet_html(args.name, slots=args.slots or ()))
    print(f"wrote the {args.name} sheet to {args.output}")
    return 0
