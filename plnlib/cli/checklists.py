"""Checklist commands: ``list``, ``form``, ``worksheet``, ``score``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from plnlib.checklists.answers import prepare_answers, require_column
from plnlib.checklists.form_builders import google_apps_script, word_form_blocks
from plnlib.checklists.forms import form_questions
from plnlib.checklists.scoring import breakdown
from plnlib.checklists.team import team_summary
from plnlib.cli._common import add_min_group, check_suffix
from plnlib.io.content import checklist_ids, load_checklist
from plnlib.io.files import write_output
from plnlib.io.forms import write_word_form
from plnlib.io.responses import read_responses
from plnlib.io.saved_answers import is_saved_answers_path, read_saved_answers
from plnlib.web.worksheets import worksheet_html, worksheet_markdown

__all__ = ["add_parser"]


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Add the checklist subcommands."""
    p = subparsers.add_parser("list", help="list the checklists, one id per line")
    p.set_defaults(func=_list, command_name="list")

    p = subparsers.add_parser(
        "form",
        help="make a checklist's form: a Google Forms script (.gs), a Word file for "
        "Microsoft Forms (.docx) or a question list (.csv)",
        description="FILE.gs: a Google Apps Script; paste it into a new project at "
        "script.google.com and run createForm to create the whole Google Form. "
        "FILE.docx: a Word document for Microsoft Forms' Quick Import. "
        "FILE.csv: one row per item (item_id, section, question, type, options, ...). "
        "Every question title starts with the item id, which is how the response export "
        "is matched back to the items: keep it.",
    )
    p.add_argument("id", help="checklist id (see: plnlib list)")
    p.add_argument(
        "-o", "--output", required=True, type=Path, help="FILE.gs, FILE.docx or FILE.csv"
    )
    p.set_defaults(func=_form, command_name="form")

    p = subparsers.add_parser("worksheet", help="write a printable worksheet (.html or .md)")
    p.add_argument("id", help="checklist id (see: plnlib list)")
    p.add_argument("-o", "--output", required=True, type=Path, help="FILE.html or FILE.md")
    p.set_defaults(func=_worksheet, command_name="worksheet")

    p = subparsers.add_parser(
        "score",
        help="score a team's answers per section (CSV out)",
        description="Read answers (tidy CSV, wide CSV/XLSX, a Google Forms CSV or a Microsoft "
        "Forms XLSX export) and write one row per section (and group) with n and mean. "
        "Groups below the minimum size are suppressed (empty cells).",
    )
    p.add_argument("id", help="checklist id (see: plnlib list)")
    p.add_argument(
        "responses",
        type=Path,
        nargs="+",
        help="the answers table, or .json files saved from the checklist page, or a folder of them",
    )
    p.add_argument("--by", help="a group column, e.g. school or role")
    add_min_group(p)
    p.add_argument("-o", "--output", required=True, type=Path, help="where to write the CSV")
    p.set_defaults(func=_score, command_name="score")


def _list(args: argparse.Namespace) -> int:
    for cid in checklist_ids():
        c = load_checklist(cid)
        print(f"{cid}\t{c.title} ({len(c.items)} items, scale {c.scale.name})")
    return 0


def _form(args: argparse.Namespace) -> int:
    checklist = load_checklist(args.id)
    suffix = check_suffix(args.output, (".gs", ".docx", ".csv"))
    if suffix == ".gs":
        write_output(args.output, google_apps_script(checklist))
        print(
            f"wrote a Google Apps Script for the {len(checklist.items)}-question form to "
            f"{args.output}: paste it into a new project at script.google.com and run createForm"
        )
    elif suffix == ".docx":
        write_word_form(args.output, word_form_blocks(checklist))
        print(
            f"wrote the {len(checklist.items)}-question form to {args.output}: "
            f"import it with Quick Import in Microsoft Forms"
        )
    else:
        write_output(args.output, form_questions(checklist))
        print(f"wrote {len(checklist.items)} questions to {args.output}")
    return 0


def _worksheet(args: argparse.Namespace) -> int:
    checklist = load_checklist(args.id)
    suffix = check_suffix(args.output, (".html", ".md"))
    text = worksheet_html(checklist) if suffix == ".html" else worksheet_markdown(checklist)
    write_output(args.output, text)
    print(f"wrote the {checklist.title} worksheet to {args.output}")
    return 0


def _score(args: argparse.Namespace) -> int:
    checklist = load_checklist(args.id)
    check_suffix(args.output, (".csv",))
    paths = args.responses
    where = ", ".join(p.name for p in paths)
    if len(paths) == 1 and not is_saved_answers_path(paths[0]):
        raw = read_responses(paths[0], checklist)
        note = checklist.table_version_note(set(raw["item"]), where=paths[0].name)
        if note:
            print(f"plnlib score: note: {note}", file=sys.stderr)
    else:
        raw = read_saved_answers(paths, checklist)
        for note in raw.attrs.get("notes", []):
            print(f"plnlib score: note: {note}", file=sys.stderr)
    if args.by:  # the same check, and message, as plnlib report --by
        require_column(raw, args.by, "group", where)
    answers = prepare_answers(raw, checklist, where=where)
    if args.by:
        table = breakdown(answers, checklist, args.by, min_group=args.min_group, where=where)
        out = table[[args.by, "section", "title", "n", "mean", "sd"]]
    else:
        table = team_summary(answers, checklist, min_group=args.min_group).sections
        out = table[["section", "title", "n", "mean", "sd", "alpha"]]
    # a suppressed row arrives with no number at all (not even its size): nothing to mask here
    out = out.assign(mean=out["mean"].round(3), sd=out["sd"].round(3))
    if "alpha" in out:
        out = out.assign(alpha=out["alpha"].round(3))
    write_output(args.output, out)
    hidden = int(table["suppressed"].sum())
    note = f"; {hidden} cell(s) suppressed (fewer than {args.min_group} people)" if hidden else ""
    print(f"wrote {len(out)} rows to {args.output}{note}")
    return 0
