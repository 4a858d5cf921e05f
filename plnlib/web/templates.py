"""Fill-in templates as a printable page block, a standalone page, Word and Markdown.

Everything is generated from the template's YAML (:mod:`plnlib.templates`): no prompt is
typed twice. This module is also a small Sphinx extension, set up by
:mod:`plnlib.web.sphinx`: the ``{pln-template} ID`` directive puts the printable template
into a book page, and at the end of an HTML build every template is written to
``<site>/templates/<id>.docx``, ``.md`` and ``.html``.
"""

from __future__ import annotations

import html
import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from plnlib.errors import PlnError
from plnlib.io.templates import TEMPLATES_DIR, load_template, template_ids
from plnlib.templates import Field, Template
from plnlib.web.page import standalone_page

if TYPE_CHECKING:  # pragma: no cover
    from sphinx.application import Sphinx

__all__ = [
    "TemplateDirective",
    "setup",
    "template_block_html",
    "template_docx_bytes",
    "template_html",
    "template_markdown",
]

_CSS = """
.pln-tpl-sheet { font-size: 0.95rem; }
.pln-tpl-sheet .pln-tpl-purpose { font-style: italic; }
.pln-tpl-field { margin: 0 0 0.7rem; break-inside: avoid; }
.pln-tpl-label { font-weight: 600; margin: 0; }
.pln-tpl-prompt { margin: 0; color: #333; font-size: 0.9em; }
.pln-tpl-line { border-bottom: 1px solid #666; height: 1.7em; }
.pln-tpl-inline { display: flex; gap: 0.5rem; align-items: flex-end; }
.pln-tpl-inline .pln-tpl-label { flex: 0 1 auto; }
.pln-tpl-inline .pln-tpl-line { flex: 1 1 8rem; }
.pln-tpl-example { font-style: italic; color: #444; }
.pln-tpl-example strong { font-style: normal; }
.pln-tpl-options { list-style: none; padding: 0; margin: 0.2rem 0 0; display: flex;
                   flex-wrap: wrap; gap: 0.3rem 1.4rem; }
.pln-tpl-wrap { overflow-x: auto; }
.pln-tpl-sheet > h1, .pln-tpl-sheet > h2 { font-weight: 700; }
.pln-tpl-sheet table { width: 100%; border-collapse: collapse; margin: 0.3rem 0 0.8rem;
                       table-layout: fixed; min-width: 28rem; }
.pln-tpl-sheet table.pln-tpl-tall tbody td { height: 5em; }
.pln-tpl-sheet caption { text-align: left; font-weight: 600; padding-bottom: 0.2rem; }
.pln-tpl-sheet th, .pln-tpl-sheet td { border: 1px solid #555; padding: 0.3rem;
                                       vertical-align: top; text-align: left; }
.pln-tpl-sheet tbody td { height: 2.4em; }
.pln-tpl-sheet tbody th { font-weight: normal; }
.pln-tpl-card { border: 1px dashed #555; padding: 0.4rem 0.8rem; margin-bottom: 0.8rem;
                break-inside: avoid; }
.pln-tpl-foot { font-size: 0.85em; color: #333; }
@media print {
  /* no fixed paper size: the same margins and relative widths fit A4 and US Letter */
  @page { margin: 12mm; }
  .pln-tpl-screen { display: none !important; }
  /* on a book page, print the sheet alone: not the page's title, lead or navigation */
  section:has(> .pln-tpl) > :not(.pln-tpl), body:has(.pln-tpl) .prev-next-area,
  body:has(.pln-tpl) .bd-footer, body:has(.pln-tpl) .bd-footer-content,
  body:has(.pln-tpl) #jb-print-docs-body { display: none !important; }
  .pln-tpl-sheet > h1, .pln-tpl-sheet > h2 { font-size: 16pt; margin: 0 0 0.3em; }
  .pln-tpl-sheet section > h2, .pln-tpl-sheet section > h3 { font-size: 12pt;
                                                             margin: 0.7em 0 0.3em; }
  .pln-tpl-sheet { font-size: 10pt; }
  .pln-tpl-sheet tr { break-inside: avoid; }
  .pln-tpl-field:has(table) { break-inside: auto; }
  .pln-tpl-line { height: 1.45em; }
  .pln-tpl-field { margin-bottom: 0.35rem; }
  .pln-tpl-sheet p { margin-bottom: 0.15rem; }
  .pln-tpl-sheet tbody td { height: 2em; }
  .pln-tpl-wrap { overflow: visible; }
  .pln-tpl-sheet table { min-width: 0; }
}
"""


def _e(text: str) -> str:
    return html.escape(text)


def _lines(n: int) -> str:
    return '<div class="pln-tpl-line" aria-hidden="true"></div>' * n


def _field_html(field: Field, level: int) -> str:
    prompt = f'<p class="pln-tpl-prompt">{_e(field.prompt)}</p>' if field.prompt else ""
    example = (
        f'<p class="pln-tpl-example"><strong>Example:</strong> {_e(field.example)}</p>'
        if field.example
        else ""
    )
    if field.kind == "line":
        return (
            f'<div class="pln-tpl-field"><div class="pln-tpl-inline">'
            f'<p class="pln-tpl-label">{_e(field.label)}:</p>{_lines(1)}</div>'
            f"{prompt}{example}</div>"
        )
    if field.kind == "text":
        return (
            f'<div class="pln-tpl-field"><p class="pln-tpl-label">{_e(field.label)}</p>'
            f"{prompt}{example}{_lines(field.lines)}</div>"
        )
    if field.kind == "choice":
        options = "".join(
            f'<li><span aria-hidden="true">\u2610</span> {_e(o)}</li>' for o in field.options
        )
        return (
            f'<div class="pln-tpl-field"><p class="pln-tpl-label">{_e(field.label)}</p>'
            f'{prompt}<ul class="pln-tpl-options" aria-label="Tick one">{options}</ul></div>'
        )
    head = "".join(f'<th scope="col">{_e(c)}</th>' for c in field.columns)
    body = []
    for row in field.examples:
        cells = "".join(f"<td>{_e(c)}</td>" for c in row[1:])
        body.append(
            f'<tr class="pln-tpl-example"><td><strong>Example:</strong> {_e(row[0])}</td>'
            f"{cells}</tr>"
        )
    empty = "<td></td>" * (len(field.columns) - 1)
    body += [f'<tr><th scope="row">{_e(r)}</th>{empty}</tr>' for r in field.rows]
    body += [f"<tr><td></td>{empty}</tr>"] * field.blank_rows
    n = len(field.columns)
    first = 30 if field.rows and n > 2 else 100 / n
    widths = [first] + [(100 - first) / (n - 1)] * (n - 1) if n > 1 else [100]
    cols = "".join(f'<col style="width:{w:.1f}%">' for w in widths)
    tall = ' class="pln-tpl-tall"' if field.rows and len(field.rows) + field.blank_rows <= 3 else ""
    return (
        f'<div class="pln-tpl-field">{prompt}<div class="pln-tpl-wrap"><table{tall}>'
        f"<caption>{_e(field.label)}</caption><colgroup>{cols}</colgroup>"
        f"<thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table></div></div>"
    )


def _sheet_html(template: Template, level: int) -> str:
    h, h2 = f"h{level}", f"h{level + 1}"
    cards = template.id == "scenario-cards"
    parts = [
        f'<{h} id="pln-template-{template.id}-sheet">{_e(template.heading)}</{h}>',
        f'<p class="pln-tpl-purpose">{_e(template.purpose)}</p>',
    ]
    for section in template.sections:
        intro = f"<p>{_e(section.intro)}</p>" if section.intro else ""
        fields = "".join(_field_html(f, level + 2) for f in section.fields)
        css = ' class="pln-tpl-card"' if cards and section.id.startswith("card") else ""
        parts.append(f"<section{css}><{h2}>{_e(section.title)}</{h2}>{intro}{fields}</section>")
    foot = f"{_e(template.note)} " if template.note else ""
    parts.append(
        f'<p class="pln-tpl-foot">{foot}From The PLN Handbook (CC BY 4.0): template '
        f"{_e(template.id)}, version {template.version}.</p>"
    )
    return (
        f'<article class="pln-tpl-sheet" aria-labelledby="pln-template-{template.id}-sheet">'
        + "".join(parts)
        + "</article>"
    )


def _about_html(template: Template) -> str:
    rows = [
        ("When to use it", template.when),
        ("Who fills it in", template.who),
        ("Time", f"about {template.time_minutes} minutes"),
    ]
    return (
        '<dl class="pln-tpl-about">'
        + "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in rows)
        + "</dl>"
    )


def template_block_html(template: Template, *, downloads: str = "") -> str:
    """The printable template for a book page (its sheet starts at ``<h2>``).

    ``downloads`` is the folder URL of the downloads (``../../templates/``); when given,
    links to the Word, Markdown and printable files come first.

    Examples
    --------
    >>> from plnlib.io.templates import load_template
    >>> out = template_block_html(load_template("stop-list"), downloads="../../templates/")
    >>> '<h2 id="pln-template-stop-list-sheet">Stop list</h2>' in out
    True
    >>> 'href="../../templates/stop-list.docx"' in out
    True
    """
    links = ""
    if downloads:
        base = _e(downloads + template.id)
        links = (
            '<p class="pln-tpl-downloads pln-tpl-screen">Download to fill in on a computer: '
            f'<a href="{base}.docx" download>Word document (.docx)</a> \u00b7 '
            f'<a href="{base}.md" download>Markdown (.md)</a> \u00b7 '
            f'<a href="{base}.html">printable page on its own</a>. '
            "Or print this page: the template prints on A4 or Letter.</p>"
        )
    return (
        f'<div class="pln-tpl" id="pln-template-{template.id}"><style>{_CSS}</style>'
        f'{links}<div class="pln-tpl-screen">{_about_html(template)}</div>'
        f"{_sheet_html(template, 2)}</div>"
    )


def template_html(template: Template) -> str:
    """A self-contained printable page of the template (A4 and US Letter).

    Examples
    --------
    >>> from plnlib.io.templates import load_template
    >>> page = template_html(load_template("action-plan"))
    >>> "<title>Template: action plan</title>" in page and "<h1" in page
    True
    """
    body = f'<div class="pln-tpl"><style>{_CSS}</style>{_sheet_html(template, 1)}</div>'
    return standalone_page(template.title, body, charts=False)


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def template_markdown(template: Template) -> str:
    """The template as Markdown, to edit in a text editor, a wiki or a shared document.

    Examples
    --------
    >>> from plnlib.io.templates import load_template
    >>> template_markdown(load_template("data-plan")).splitlines()[0]
    '# Data plan'
    """
    out = [f"# {template.heading}", "", template.purpose, ""]
    out += [
        f"**When to use it:** {template.when}  ",
        f"**Who fills it in:** {template.who}  ",
        f"**Time:** about {template.time_minutes} minutes",
        "",
    ]
    blank = "_" * 40
    for section in template.sections:
        out += [f"## {section.title}", ""]
        if section.intro:
            out += [section.intro, ""]
        for f in section.fields:
            if f.kind == "table":
                if f.prompt:
                    out += [f"*{f.prompt}*", ""]
                out += [f"**{f.label}**", ""]
                out.append("| " + " | ".join(_md(c) for c in f.columns) + " |")
                out.append("|" + "---|" * len(f.columns))
                for row in f.examples:
                    cells = [f"*Example:* {_md(row[0])}", *(_md(c) for c in row[1:])]
                    out.append("| " + " | ".join(cells) + " |")
                pad = " |" * (len(f.columns) - 1)
                out += [f"| {_md(r)} |{pad}" for r in f.rows]
                out += [f"|  |{pad}"] * f.blank_rows
                out.append("")
                continue
            label = f"**{f.label}**" + (": " + blank if f.kind == "line" else "")
            out += [label, ""]
            if f.prompt:
                out += [f"*{f.prompt}*", ""]
            if f.example:
                out += [f"*Example: {f.example}*", ""]
            if f.kind == "choice":
                out += [f"- [ ] {o}" for o in f.options] + [""]
            elif f.kind == "text":
                out += [line for _ in range(f.lines) for line in (blank * 2, "")]
    if template.note:
        out += [template.note, ""]
    out.append(
        f"From The PLN Handbook (CC BY 4.0): template `{template.id}`, version {template.version}."
    )
    return "\n".join(out) + "\n"


def template_docx_bytes(template: Template) -> bytes:
    """The template as a Word document to fill in on a computer, as bytes.

    Lines become boxes to type in, tables stay tables, examples are in italics and start
    with "Example:".

    Examples
    --------
    >>> from plnlib.io.templates import load_template
    >>> template_docx_bytes(load_template("stop-list"))[:2]
    b'PK'
    """
    import docx
    from docx.shared import Mm, Pt

    document = docx.Document()
    for part in document.sections:
        part.page_width, part.page_height = Mm(210), Mm(297)
        part.left_margin = part.right_margin = part.top_margin = part.bottom_margin = Mm(15)
    document.styles["Normal"].font.size = Pt(10.5)
    document.core_properties.title = template.title
    document.add_heading(template.heading, level=1)
    document.add_paragraph(template.purpose).runs[0].italic = True
    for key, value in (
        ("When to use it", template.when),
        ("Who fills it in", template.who),
        ("Time", f"about {template.time_minutes} minutes"),
    ):
        p = document.add_paragraph()
        p.add_run(f"{key}: ").bold = True
        p.add_run(value)

    def box(rows: int) -> None:
        cell = document.add_table(rows=1, cols=1, style="Table Grid").cell(0, 0)
        for _ in range(rows - 1):
            cell.add_paragraph("")

    for section in template.sections:
        document.add_heading(section.title, level=2)
        if section.intro:
            document.add_paragraph(section.intro)
        for f in section.fields:
            p = document.add_paragraph()
            p.add_run(f.label).bold = True
            if f.prompt:
                document.add_paragraph().add_run(f.prompt).italic = True
            if f.example:
                document.add_paragraph().add_run(f"Example: {f.example}").italic = True
            if f.kind in ("line", "text"):
                box(1 if f.kind == "line" else f.lines)
            elif f.kind == "choice":
                for option in f.options:
                    document.add_paragraph(f"\u2610 {option}")
            else:
                rows = [[f"Example: {r[0]}", *r[1:]] for r in f.examples]
                rows += [[r] + [""] * (len(f.columns) - 1) for r in f.rows]
                rows += [[""] * len(f.columns) for _ in range(f.blank_rows)]
                table = document.add_table(rows=1 + len(rows), cols=len(f.columns))
                table.style = "Table Grid"
                for i, name in enumerate(f.columns):
                    table.cell(0, i).paragraphs[0].add_run(name).bold = True
                for r, cells in enumerate(rows, 1):
                    for i, text in enumerate(cells):
                        run = table.cell(r, i).paragraphs[0].add_run(text)
                        run.italic = r <= len(f.examples)
    foot = f"{template.note} " if template.note else ""
    document.add_paragraph(
        f"{foot}From The PLN Handbook (CC BY 4.0): template {template.id}, "
        f"version {template.version}."
    )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


class TemplateDirective(SphinxDirective):
    """``{pln-template} ID``: the printable template, links to its downloads and chapters."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        try:
            template = load_template(self.arguments[0])
        except PlnError as err:
            raise self.error(str(err)) from None
        # re-read the page when the template's YAML or its renderer changes
        self.env.note_dependency(str(TEMPLATES_DIR / f"{template.id}.yaml"))
        self.env.note_dependency(__file__)
        root = "../" * self.env.docname.count("/")
        serves = nodes.paragraph(classes=["pln-tpl-chapters"])
        serves += nodes.Text("Where the book asks for it: ")
        for n, page in enumerate(template.chapters):
            if n:
                serves += nodes.Text("; ")
            ref = addnodes.pending_xref(
                "",
                refdomain="std",
                reftype="doc",
                reftarget=f"/{page}",
                refexplicit=False,
                refdoc=self.env.docname,
            )
            ref += nodes.inline("", page, classes=["xref", "std", "std-doc"])
            serves += ref
        serves += nodes.Text(".")
        block = template_block_html(template, downloads=f"{root}templates/")
        return [serves, nodes.raw("", block, format="html")]


def _write_templates(app: Sphinx, exception: Exception | None) -> None:
    """Write every template to ``<site>/templates/<id>.docx``, ``.md`` and ``.html``."""
    if exception is not None or app.builder is None or app.builder.format != "html":
        return
    folder = Path(app.outdir) / "templates"
    folder.mkdir(exist_ok=True)
    for tid in template_ids():
        template = load_template(tid)
        # plain writes (as for the worksheets): the site's files keep the usual permissions
        (folder / f"{tid}.docx").write_bytes(template_docx_bytes(template))
        (folder / f"{tid}.md").write_text(template_markdown(template), encoding="utf-8")
        (folder / f"{tid}.html").write_text(template_html(template), encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the ``{pln-template}`` directive and the downloads."""
    app.add_directive("pln-template", TemplateDirective)
    app.connect("build-finished", _write_templates)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
