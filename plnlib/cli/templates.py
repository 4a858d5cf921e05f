"""The ``template`` command: write a fill-in template as Word, Markdown or a printable page."""

from __future__ import annotations

import argparse
from pathlib import Path

from plnlib.cli._common import check_suffix
from plnlib.io.files import write_output, write_text_atomic
from plnlib.io.templates import load_template, template_ids
from plnlib.web.templates import template_docx_bytes, template_html, template_markdown

__all__ = ["add_parser"]


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``template`` subcommand."""
    p = subparsers.add_parser(
        "template",
        help="write a fill-in template (.docx, .md or a printable .html page)",
        description="The templates the handbook's chapters ask you to fill in: "
        + ", ".join(template_ids())
        + ". FILE.docx is a Word document to fill in on a computer, FILE.md a Markdown file "
        "to edit, FILE.html a page that prints on A4 or Letter.",
    )
    p.add_argument("id", help="template id, e.g. stop-list")
    p.add_argument(
        "-o", "--output", required=True, type=Path, help="FILE.docx, FILE.md or FILE.html"
    )
    p.set_defaults(func=_template, command_name="template")


def _template(args: argparse.Namespace) -> int:
    template = load_template(args.id)
    suffix = check_suffix(args.output, (".docx", ".md", ".html"))
    if suffix == ".docx":
        write_output(args.output, template_docx_bytes(template))
    elif suffix == ".md":
        write_text_atomic(args.output, template_markdown(template))
    else:
        write_text_atomic(args.output, template_html(template))
    print(f"wrote {template.title} to {args.output}")
    return 0
