"""Improvement commands: ``cycles`` (driver diagram, PDSA log, run chart) and ``action-plan``."""

from __future__ import annotations

import argparse
from pathlib import Path

from plnlib.checklists.scoring import person_score, prepare_answers, team_summary
from plnlib.cli._common import add_min_group, check_suffix
from plnlib.cli._reading import add_reading_options, read_answers, with_label_map
from plnlib.errors import DataError
from plnlib.helpers import plural
from plnlib.io.content import load_checklist
from plnlib.io.files import write_csv, write_text_atomic
from plnlib.io.planning import read_cycles, read_cycles_json, read_driver_diagram, read_measures
from plnlib.io.responses import load_person_json, person_answers_frame
from plnlib.planning.actionplan import action_plan
from plnlib.planning.cycles import PDSA_COLUMNS
from plnlib.web.planning import action_plan_html, cycles_html

__all__ = ["add_parser"]


def add_parser(subparsers: argparse._SubParsersAction) -> None:
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
    p.add_argument(
        "diagram",
        type=Path,
        nargs="?",
        help="the driver diagram (.yaml or .csv), or the .json saved from the tool's page "
        "(diagram, cycles and readings in one file)",
    )
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
    add_reading_options(p)
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
    if args.diagram.suffix.lower() == ".json":
        diagram, log, measures = read_cycles_json(args.diagram)
        log = read_cycles(args.log, diagram) if args.log else log
        measures = read_measures(args.measures) if args.measures else measures
    else:
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
    checklist = with_label_map(load_checklist(args.id), args.labels)
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
        raw, where, _ = read_answers(args, checklist, args.answers, "action-plan")
        answers = prepare_answers(raw, checklist, where=where)
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
        f"{plural(plan['item'].nunique(), 'item')}, {plural(len(plan), 'suggested action')} "
        f"from {plural(plan['section'].nunique(), 'section')}: "
        f"{', '.join(dict.fromkeys(plan['section']))}"
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
