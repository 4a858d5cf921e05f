"""Planning commands: ``time-finder``, ``time-cost``, ``mobilisation``, ``cycles``."""

from __future__ import annotations

import argparse
from pathlib import Path

from plnlib.checklists.scoring import person_score, prepare_answers, team_summary
from plnlib.cli._common import add_min_group, check_suffix
from plnlib.errors import DataError
from plnlib.io.content import load_checklist
from plnlib.io.files import write_csv, write_text_atomic
from plnlib.io.networks import load_network
from plnlib.io.planning import (
    read_availability,
    read_cycles,
    read_driver_diagram,
    read_measures,
    read_mobilisation,
)
from plnlib.io.responses import load_person_json, person_answers_frame, read_responses
from plnlib.networks.metrics import node_metrics
from plnlib.planning.cycles import PDSA_COLUMNS, action_plan
from plnlib.planning.mobilisation import (
    mobilisers,
    parse_date,
    reach,
    stage_over_time,
    stalls,
)
from plnlib.planning.timecost import Timetable, time_options
from plnlib.planning.timefinder import availability, cannot_make, pair_slots
from plnlib.pseudonyms import pseudonym_codes
from plnlib.web.planning import (
    SHEETS,
    action_plan_html,
    cycles_html,
    mobilisation_html,
    sheet_html,
    time_plan_html,
)

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
    add_mobilisation_parser(subparsers)
    add_cycles_parsers(subparsers)
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
        print(f"note: {data.duplicates} member(s) gave more than one school; the last one is used.")
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


def add_mobilisation_parser(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``mobilisation`` subcommand."""
    p = subparsers.add_parser(
        "mobilisation",
        help="track innovations through schools and staff: reach, stalls, who leads (CSV or HTML)",
        description="Read tracker records (CSV or XLSX: innovation, school, stage, date, and "
        "optionally person, role, evidence, lead). Stages: engaging with it, trialling it with "
        "colleagues, refining and using it. Writes the share at each stage now (reach) as CSV, "
        "or a one-page report with a funnel, stages over time, stalls and leads. Staff appear "
        "as codes unless --names.",
    )
    p.add_argument("file", type=Path, help="the tracker records")
    p.add_argument("-o", "--output", required=True, type=Path, help="reach.csv or report.html")
    p.add_argument("--by", choices=("school", "role"), help="reach by school or by role too")
    p.add_argument(
        "--stall-days",
        type=int,
        default=60,
        help="days at engaging or trialling after which a unit counts as stalled (default 60)",
    )
    p.add_argument("--as-of", help="the date to judge stalls on (default: the latest record)")
    p.add_argument("--stalls", type=Path, metavar="FILE.csv", help="also write every stall as CSV")
    p.add_argument("--network", type=Path, help="an advice-network tie file, to link leads to it")
    p.add_argument("--nodes", type=Path, help="the network's people file (with --network)")
    p.add_argument(
        "--relation",
        help="the network's relation to use (default: advice; the latest wave is used)",
    )
    p.add_argument("--names", action="store_true", help="show staff and leads' names, not codes")
    p.set_defaults(func=_mobilisation, command_name="mobilisation")


def _mobilisation(args: argparse.Namespace) -> int:
    suffix = check_suffix(args.output, (".csv", ".html"))
    records = read_mobilisation(args.file)
    as_of = records["date"].max()
    if args.as_of:
        as_of = parse_date(args.as_of, where="--as-of")
    if not args.names and (records["level"] == "staff").any():
        codes = pseudonym_codes(records["unit"].tolist(), prefix="S")
        records = records.assign(unit=records["unit"].map(codes))
    table = reach(records, as_of=as_of)
    by_table = reach(records, by=args.by, as_of=as_of) if args.by else None
    stalled = stalls(records, days=args.stall_days, as_of=as_of)
    if args.stalls:
        check_suffix(args.stalls, (".csv",), option="--stalls")
    people = None
    if args.network:
        net = load_network(args.network, args.nodes)
        relation = args.relation or ("advice" if "advice" in net.relations else net.relations[0])
        waves = [w for w in net.waves if w]
        net = net.select(relation=relation, wave=waves[-1] if len(waves) > 1 else None)
        people = node_metrics(net)
    leads = mobilisers(records, people)
    if not args.names:
        leads = leads.assign(
            lead=leads["lead"].map(pseudonym_codes(leads["lead"].tolist(), prefix="L"))
        )
    if suffix == ".csv":
        write_csv(args.output, by_table if by_table is not None else table)
    else:
        write_text_atomic(
            args.output,
            mobilisation_html(
                table,
                by_table,
                stage_over_time(records),
                stalled,
                leads,
                stall_days=args.stall_days,
                source=args.file.name,
            ),
        )
    if args.stalls:
        write_csv(args.stalls, stalled)
    level = records["level"].iloc[0]
    print(
        f"{records['innovation'].nunique()} innovations, {records['unit'].nunique()} "
        f"{'staff' if level == 'staff' else 'schools'}, {len(records)} records up to "
        f"{as_of.date().isoformat()}."
    )
    for innovation, group in table.groupby("innovation", sort=False):
        shares = ", ".join(f"{r.share:.0%} {r.stage}" for r in group.itertuples())
        print(f"  {innovation}: {shares}")
    print(f"stalled for more than {args.stall_days} days: {len(stalled)}")
    if people is not None and "in_network" in leads:
        print(f"leads found in the network: {int(leads['in_network'].sum())} of {len(leads)}")
    print(f"wrote {args.output}")
    return 0


def add_cycles_parsers(subparsers: argparse._SubParsersAction) -> None:
    """Add ``cycles`` and ``action-plan``."""
    p = subparsers.add_parser(
        "cycles",
        help="an improvement record: driver diagram, PDSA cycles, run chart (HTML or CSV)",
        description="Read a driver diagram (YAML, or CSV with level,id,parent,text: an aim with "
        "its measure and target date, three to five primary drivers, secondary drivers, change "
        "ideas), optionally a PDSA log (one row per cycle: cycle, change_idea, question, "
        "prediction, measure, who, start, where, do, study, act, next) and the measure's "
        "readings (date, value). Writes a one-page record (.html) or the checked PDSA log "
        "with each cycle's status (.csv). --template FOLDER writes blank templates.",
    )
    p.add_argument("diagram", type=Path, nargs="?", help="the driver diagram (.yaml or .csv)")
    p.add_argument("--log", type=Path, help="the PDSA log (.csv or .xlsx)")
    p.add_argument("--measures", type=Path, help="the measure's readings (.csv or .xlsx)")
    p.add_argument("-o", "--output", type=Path, help="record.html, or cycles.csv (needs --log)")
    p.add_argument(
        "--template",
        type=Path,
        metavar="FOLDER",
        help="write blank templates (driver diagram, PDSA log, readings) into FOLDER",
    )
    p.set_defaults(func=_cycles, command_name="cycles")

    p = subparsers.add_parser(
        "action-plan",
        help="an action plan from a checklist result: the weakest sections and their actions",
        description="Score answers to a checklist (a team file, a form export, or the .json "
        "saved from the checklist's page) and write the suggested actions for the weakest "
        "sections, with empty who, by when and how-we-will-know columns (.csv or .html).",
    )
    p.add_argument("id", help="checklist id (see: plnlib list)")
    p.add_argument("answers", type=Path, help="the answers file (.csv, .xlsx or .json)")
    p.add_argument("--sections", type=int, default=2, help="how many weakest sections (default 2)")
    p.add_argument("--items", type=int, default=5, help="how many weakest items (default 5)")
    add_min_group(p)
    p.add_argument("-o", "--output", required=True, type=Path, help="plan.csv or plan.html")
    p.set_defaults(func=_action_plan, command_name="action-plan")


def _cycles(args: argparse.Namespace) -> int:
    if args.template:
        return _templates(args.template)
    if args.diagram is None or args.output is None:
        raise DataError(
            "expected a driver diagram file and -o, found "
            + ("no diagram" if args.diagram is None else "no -o"),
            where="plnlib cycles",
            fix="Run: plnlib cycles diagram.yaml --log pdsa.csv -o record.html "
            "(or plnlib cycles --template FOLDER for blank files).",
        )
    suffix = check_suffix(args.output, (".html", ".csv"))
    diagram = read_driver_diagram(args.diagram)
    log = read_cycles(args.log, diagram) if args.log else None
    measures = read_measures(args.measures) if args.measures else None
    if suffix == ".csv":
        if log is None:
            raise DataError(
                "expected a PDSA log to write as CSV, found none",
                where="--log",
                fix="Give --log pdsa.csv, or write the record as .html.",
            )
        write_csv(args.output, log.assign(start=log["start"].dt.strftime("%Y-%m-%d")))
    else:
        write_text_atomic(
            args.output, cycles_html(diagram, log, measures, source=args.diagram.name)
        )
    print(f"aim: {diagram.aim}")
    print(
        f"{len(diagram.primaries)} primary drivers, "
        f"{sum(len(p.children) for p in diagram.primaries)} secondary drivers, "
        f"{len(diagram.ideas)} change ideas"
    )
    if log is not None:
        counts = log["status"].value_counts()
        print(
            f"{len(log)} cycles: "
            + ", ".join(f"{counts.get(s, 0)} {s}" for s in ("planned", "doing", "studying", "done"))
        )
    if measures is not None:
        print(f"{len(measures)} readings, median {measures['value'].median():g}")
    print(f"wrote {args.output}")
    return 0


def _templates(folder: Path) -> int:
    if not folder.is_dir():
        raise DataError(
            "expected an existing folder, found none",
            where=str(folder),
            fix="Create the folder first.",
        )
    files = {
        "driver-diagram.yaml": TEMPLATE_YAML,
        "pdsa-log.csv": ",".join(PDSA_COLUMNS) + "\n",
        "measure.csv": "date,value,cycle\n",
    }
    for name in files:
        if (folder / name).exists():
            raise DataError(
                "expected a new file, found one already there",
                where=str(folder / name),
                fix="Move it away or choose another folder; nothing was overwritten.",
            )
    for name, text in files.items():
        write_text_atomic(folder / name, text)
    print(f"wrote {', '.join(files)} to {folder}")
    return 0


def _action_plan(args: argparse.Namespace) -> int:
    checklist = load_checklist(args.id)
    suffix = check_suffix(args.output, (".csv", ".html"))
    if args.answers.suffix.lower() == ".json":
        cid, who, answers = load_person_json(args.answers)
        if cid != checklist.id:
            raise DataError(
                f"expected answers to the '{checklist.id}' checklist, found '{cid}'",
                where=args.answers.name,
                fix=f"Run: plnlib action-plan {cid} {args.answers.name} ...",
            )
        result = person_score(
            prepare_answers(person_answers_frame(who, answers), checklist), checklist
        )
    else:
        answers = prepare_answers(
            read_responses(args.answers, checklist), checklist, where=args.answers.name
        )
        result = team_summary(answers, checklist, min_group=args.min_group)
    plan = action_plan(result, checklist, sections=args.sections, items=args.items)
    if plan.empty:
        raise DataError(
            "expected scored sections to plan from, found none (all suppressed or blank)",
            where=args.answers.name,
            fix="Collect more answers, or lower --min-group (never below 3).",
        )
    if suffix == ".csv":
        write_csv(args.output, plan)
    else:
        write_text_atomic(args.output, action_plan_html(plan, checklist.title))
    print(
        f"{plan['item'].nunique()} items, {len(plan)} suggested actions from "
        f"{plan['section'].nunique()} sections: {', '.join(dict.fromkeys(plan['section']))}"
    )
    print(f"wrote {args.output}")
    return 0


TEMPLATE_YAML = """\
# A driver diagram (The PLN Handbook). Replace the text; keep the ids unique.
aim: What we want to improve, for whom, by how much
measure: How we will know (what we count, and how)
target_date: 2027-07-16
primary_drivers:   # three to five
  - id: P1
    text: A main thing that must be in place
    secondary_drivers:
      - id: S1
        text: Something that makes P1 happen
        change_ideas:
          - id: C1
            text: A change we can test
  - id: P2
    text: Another main thing
  - id: P3
    text: A third
"""


def _sheet(args: argparse.Namespace) -> int:
    check_suffix(args.output, (".html",))
    write_text_atomic(args.output, sheet_html(args.name, slots=args.slots or ()))
    print(f"wrote the {args.name} sheet to {args.output}")
    return 0
