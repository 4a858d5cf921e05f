"""Checklists as printable worksheets (HTML and Markdown) and as fillable book pages.

Everything here is generated from the checklist YAML: item text is never typed twice.
"""

from __future__ import annotations

import html

from plnlib.checklists import Checklist, Item
from plnlib.web.page import standalone_page
from plnlib.web.person import (
    json_for_script,
    page_data,
    person_controls_html,
    person_css,
    person_results_html,
)

__all__ = ["changes_html", "checklist_form_html", "worksheet_html", "worksheet_markdown"]

_PRINT_CSS = """
.pln-ws table { width: 100%; border-collapse: collapse; margin-bottom: 1rem; }
.pln-ws th, .pln-ws td { border: 1px solid #555; padding: 0.35rem; vertical-align: top; }
.pln-ws th[scope="row"] { text-align: left; font-weight: normal; width: 52%; }
.pln-ws th.pln-box { font-size: 0.75em; font-weight: 600; width: 8%; text-align: center; }
.pln-ws td.pln-box { text-align: center; font-size: 1.3em; }
.pln-ws .pln-id { font-family: ui-monospace, monospace; font-size: 0.85em; white-space: nowrap; }
.pln-ws .pln-strong { color: #333; font-size: 0.9em; }
@media screen and (max-width: 40rem) {
  /* on a phone each statement is a block with its boxes in a row below it, each box
     labelled with its answer; print keeps the table (the rules above and below) */
  .pln-ws table, .pln-ws tbody, .pln-ws tr { display: block; width: 100%; }
  .pln-ws thead { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap; }
  .pln-ws tr { display: flex; flex-wrap: wrap; border: 1px solid #555; margin-bottom: 0.5rem; }
  .pln-ws th[scope="row"] { display: block; flex: 1 1 100%; width: auto; border: 0;
    border-bottom: 1px solid #555; }
  .pln-ws td.pln-box { display: flex; flex-direction: column; justify-content: space-between;
    flex: 1 1 0; min-width: 3.2rem; border: 0; border-left: 1px solid #555; font-size: 1.1em; }
  .pln-ws td.pln-box:first-of-type { border-left: 0; }
  .pln-ws td.pln-box::before { content: attr(data-label); display: block; font-size: 0.62rem;
    line-height: 1.2; font-weight: 600; hyphens: manual; overflow-wrap: normal; }
}
@media print {
  /* no fixed paper size: the same margins and relative widths fit A4 and US Letter */
  @page { margin: 12mm; }
  .pln-ws table { page-break-inside: auto; break-inside: auto; }
  .pln-ws tr { break-inside: avoid; }
  .pln-ws th, .pln-ws td { font-size: 10pt; }
}
"""


def _abbr(label: str) -> str:
    return html.escape(label)


def worksheet_html(checklist: Checklist) -> str:
    """A self-contained printable worksheet (A4 and US Letter) of a checklist.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> page = worksheet_html(load_checklist("pln-design"))
    >>> "<title>PLN design" in page and "DES-01" in page
    True
    """
    scale = checklist.scale
    heads = [p.label for p in scale.points] + [label for _, label in scale.missing]
    head_html = "".join(f'<th scope="col" class="pln-box">{_abbr(h)}</th>' for h in heads)
    parts = [
        f"<header><h1>{html.escape(checklist.title)}</h1>",
        f"<p>{html.escape(checklist.summary)}</p>",
        f"<p><strong>Who fills it in:</strong> {html.escape(checklist.audience)}."
        + (
            f" <strong>Time:</strong> about {checklist.time_minutes} minutes."
            if checklist.time_minutes
            else ""
        )
        + "</p>",
        f"<p><strong>How to answer:</strong> {html.escape(scale.title)} Tick one box per row. "
        "Use \u201cDon't know\u201d or \u201cNot applicable\u201d when they fit; they are not "
        "counted in the scores.</p>",
        "<p>Name or code (optional): ______________________ Date: ____________</p></header>",
    ]
    for section in checklist.sections:
        rows = "".join(
            f'<tr><th scope="row"><span class="pln-id">{item.id}</span> {html.escape(item.text)}'
            f'<div class="pln-strong">Strong looks like: {html.escape(item.strong)}</div></th>'
            + "".join(f'<td class="pln-box" data-label="{_abbr(h)}">\u2610</td>' for h in heads)
            + "</tr>"
            for item in section.items
        )
        parts.append(
            f'<section><h2>{html.escape(section.title)}</h2><table><caption class="visually-hidden">'
            f"{html.escape(section.title)}: one row per statement</caption>"
            f'<thead><tr><th scope="col">Statement</th>{head_html}</tr></thead>'
            f"<tbody>{rows}</tbody></table></section>"
        )
    parts.append(
        "<footer><p>From The PLN Handbook (CC BY 4.0). Checklist "
        f'<span class="pln-id">{checklist.id}</span>, version {checklist.version}.</p></footer>'
    )
    body = f'<div class="pln-ws"><style>{_PRINT_CSS}</style>{"".join(parts)}</div>'
    return standalone_page(f"{checklist.title} \u2013 worksheet", body, charts=False)


def worksheet_markdown(checklist: Checklist) -> str:
    """The worksheet as Markdown (for editing in a word processor or a wiki).

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> md = worksheet_markdown(load_checklist("pln-design"))
    >>> md.splitlines()[0]
    '# PLN design'
    """
    scale = checklist.scale
    heads = [p.label for p in scale.points] + [label for _, label in scale.missing]
    lines = [
        f"# {checklist.title}",
        "",
        checklist.summary,
        "",
        f"Who fills it in: {checklist.audience}.",
        "",
    ]
    lines += [f"How to answer: {scale.title} Tick one box per row.", ""]
    for section in checklist.sections:
        lines += [f"## {section.title}", ""]
        lines.append("| Statement | " + " | ".join(heads) + " |")
        lines.append("|---" * (len(heads) + 1) + "|")
        for item in section.items:
            cells = " | ".join("\u2610" for _ in heads)
            text = _md_escape(f"**{item.id}** {item.text}")
            lines.append(f"| {text} | {cells} |")
        lines.append("")
    lines.append(
        f"From The PLN Handbook (CC BY 4.0). Checklist `{checklist.id}`, version {checklist.version}."
    )
    return "\n".join(lines) + "\n"


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|")


def _item_fieldset(checklist: Checklist, item: Item) -> str:
    scale = checklist.scale
    options = [(str(p.value), p.label) for p in scale.points] + list(scale.missing)
    radios = "".join(
        f'<label><input type="radio" name="{item.id}" value="{html.escape(value)}"> '
        f"{html.escape(label)}</label>"
        for value, label in options
    )
    return (
        f'<fieldset class="pln-item" data-item="{item.id}" data-section="{item.section}">'
        f'<legend><span class="pln-id">{item.id}</span> {html.escape(item.text)}</legend>'
        f'<div class="pln-options">{radios}</div>'
        f"<details><summary>What strong looks like, and what to do</summary>"
        f"<p>{html.escape(item.strong)}</p><ul>"
        + "".join(f"<li>{html.escape(a)}</li>" for a in item.actions)
        + "</ul></details></fieldset>"
    )


def changes_html(checklist: Checklist) -> str:
    """The checklist's record of changes (its ``changes:`` entries), newest first; "" if none.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> "RDY-13" in changes_html(load_checklist("readiness"))
    True
    """
    if not checklist.changes:
        return ""
    entries = []
    for change in reversed(checklist.changes):
        lists = []
        for label, ids in (("New statements", change.new), ("Reworded", change.reworded)):
            if ids:
                lists.append(
                    f"<li>{label}: "
                    + ", ".join(f'<span class="pln-id">{html.escape(i)}</span>' for i in ids)
                    + "</li>"
                )
        entries.append(
            f"<li><strong>Version {change.version}</strong> "
            f'(<time datetime="{html.escape(change.date)}">{html.escape(change.date)}</time>): '
            f"{html.escape(change.summary)}"
            + (f"<ul>{''.join(lists)}</ul>" if lists else "")
            + "</li>"
        )
    return (
        '<section class="pln-changes" id="changes-to-this-checklist">'
        "<h2>Changes to this checklist</h2>"
        f"<p>This is version {checklist.version}. Saved answers and form exports carry the "
        "item ids, which are never reused or renumbered, so older answers still open "
        "for every statement that remains.</p>"
        f"<ul>{''.join(entries)}</ul></section>"
    )


def checklist_form_html(
    checklist: Checklist, *, chapter_links: dict[str, str] | None = None
) -> str:
    """A fillable checklist for a book page.

    The answers stay in the reader's browser: ``pln-checklist.js`` keeps them in
    the browser's storage, shows the section means, chart and bands as they
    answer (from the chart spec and scale data written here), and saves and opens
    the JSON file that :func:`plnlib.io.responses.load_person_json` reads.
    Nothing is sent anywhere. The controls stay hidden until the script runs.
    """
    links = chapter_links or {}
    sections = []
    for section in checklist.sections:
        link = links.get(section.chapter)
        more = f' <a href="{html.escape(link)}">Read the chapter</a>' if link else ""
        sections.append(
            f'<section class="pln-section" data-section="{section.id}">'
            f"<h2>{html.escape(section.title)}</h2>"
            f'<p class="pln-section-score" aria-live="polite" data-section-score="{section.id}">'
            f"Answer the statements to see this section's mean.{more}</p>"
            + "".join(_item_fieldset(checklist, item) for item in section.items)
            + "</section>"
        )
    scale = checklist.scale
    bands = ";".join(f"{low}:{label}" for low, label in sorted(scale.bands))
    data = page_data(checklist, links)
    return (
        f'<form class="pln-checklist" data-checklist="{checklist.id}" '
        f'data-version="{checklist.version}" data-bands="{html.escape(bands)}" '
        f'data-low="{scale.low}" data-high="{scale.high}" onsubmit="return false">'
        f"<style>{person_css()}</style>"
        f'<script type="application/json" class="pln-checklist-data">{json_for_script(data)}</script>'
        f"{person_controls_html()}"
        '<p class="pln-overall" aria-live="polite">Overall: no answers yet.</p>'
        + "".join(sections)
        + person_results_html(checklist)
        + '<p class="pln-note">Saving writes a file on your own device; nothing is sent '
        "anywhere.</p></form>"
    )
