"""Checklist commands: ``list``, ``form``, ``worksheet``, ``score``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from plnlib.checklists.answers import prepare_answers, require_column
from plnlib.checklists.form_builders import google_apps_script, word_form_blocks
from plnlib.checklists.forms import form_questions
from plnlib.checklists.scoring import breakdown
from plnlib.checklists.team import (
    SCORE_BY_COLUMNS,
    SCORE_COLUMNS,
    SCORE_DIGITS,
    SCORE_MEASURES,
    team_messages,
    team_summary,
)
from plnlib.cli._common import add_min_group, check_suffix
from plnlib.cli._reading import add_reading_options, read_answers, with_label_map
from plnlib.helpers import plural
from plnlib.io.content import checklist_ids, load_checklist
from plnlib.io.files import write_output
from plnlib.io.forms import write_word_form
from plnlib.io.responses import read_responses
from plnlib.io.saved_answers import is_saved_answers_path, read_saved_answers
from plnlib.privacy import all_hidden_message, lowered_minimum_note
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
    p.add_argument(
        "--language",
        default="en",
        help="the language of the answer options and the school and role questions: "
        "en (default) or es (Spanish); the items stay in English",
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
    add_reading_options(p)
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
    lang = args.language
    labels = checklist.scale.labels_in(lang)
    if suffix == ".gs":
        write_output(args.output, google_apps_script(checklist, labels=labels, language=lang))
        print(
            f"wrote a Google Apps Script for the {len(checklist.items)}-question form to "
            f"{args.output}: paste it into a new project at script.google.com and run createForm"
        )
    elif suffix == ".docx":
        write_word_form(args.output, word_form_blocks(checklist, labels=labels, language=lang))
        print(
            f"wrote the {len(checklist.items)}-question form to {args.output}: "
            f"import it with Quick Import in Microsoft Forms"
        )
    else:
        write_output(args.output, form_questions(checklist, labels=labels))
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
    checklist = with_label_map(load_checklist(args.id), args.labels)
    check_suffix(args.output, (".csv",))
    paths = args.responses
    where = ", ".join(p.name for p in paths)
    missing: list[str] = []
    if len(paths) == 1 and not is_saved_answers_path(paths[0]):
        raw, where, missing = read_answers(args, checklist, paths[0], "score", read_responses)
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
        out = table[[args.by, *SCORE_BY_COLUMNS]]
        everything = bool(table["suppressed"].all())
        notes = [all_hidden_message(args.min_group, groups=True)] if everything else []
        notes += [lowered_minimum_note(args.min_group) or ""]
    else:
        summary = team_summary(answers, checklist, min_group=args.min_group)
        table, notes = summary.sections, team_messages(summary, checklist)
        out = table[list(SCORE_COLUMNS)]
    # a suppressed row arrives with no number at all (not even its size): nothing to mask here
    measures = [c for c in SCORE_MEASURES if c in out]
    out = out.assign(**{c: out[c].round(SCORE_DIGITS) for c in measures})
    write_output(args.output, out)
    # sections with no score (only "Don't know"...) are explained by the notes, not counted here
    empty = table["note"].str.startswith(("no score", "not answered")) if "note" in table else False
    hidden = int((table["suppressed"] & ~empty).sum())
    why = f"fewer than {args.min_group} people" + (
        ", or to protect a smaller group" if args.by else ""
    )
    note = f"; {plural(hidden, 'cell')} hidden ({why})" if hidden else ""
    print(f"wrote {len(out)} rows to {args.output}{note}")
    for line in filter(None, notes):  # everything hidden, no scores, a lowered minimum
        print(f"plnlib score: note: {line}", file=sys.stderr)
    if missing:
        print(
            f"scored WITHOUT {plural(len(missing), 'item')} that have no column: {', '.join(missing)}; "
            "the section means leave them out"
        )
    return 0
