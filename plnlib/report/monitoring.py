"""The monitoring report a coordinator hands to the network (``plnlib report``).

Three outputs from one :class:`plnlib.monitoring.Monitoring` result:

- :func:`monitoring_report_html`: one self-contained page (the chart scripts
  are inlined, so it opens offline and can be emailed) with headings, a
  contents list, landmarks for screen readers and a print stylesheet;
- :func:`monitoring_report_markdown`: the same text and tables in Markdown;
- :func:`monitoring_numbers`: every number of the report as one tidy table (CSV).

Both pages are built from the shared pieces (:mod:`plnlib.web.blocks`,
:mod:`plnlib.web.markdown`), the words come from
:mod:`plnlib.report.monitoring_text` and the tables from
:mod:`plnlib.report.monitoring_tables`. Every text from the data is escaped.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from plnlib.charts.monitoring import diverging_chart, group_dot_chart, heatmap_chart, trend_chart
from plnlib.checklists import Checklist
from plnlib.io.files import check_output, write_output
from plnlib.monitoring import Monitoring
from plnlib.report.monitoring_tables import (
    ReportTable,
    change_table,
    group_table,
    item_changes,
    monitoring_numbers,
    rates_table,
    section_table,
)
from plnlib.report.monitoring_text import (
    HANDBOOK_URL,
    NOTHING,
    chapter_url,
    facts,
    methods,
    privacy_warnings,
    words,
)
from plnlib.web.blocks import (
    Part,
    bullets_html,
    escape,
    link_html,
    note_html,
    paragraphs_html,
    table_html,
)
from plnlib.web.markdown import md_bullets, md_document, md_escape, md_link, md_note, md_table
from plnlib.web.page import chart_figure_html, report_page

__all__ = [
    "HANDBOOK_URL",
    "REPORT_SUFFIXES",
    "chapter_url",
    "monitoring_numbers",
    "monitoring_report_html",
    "monitoring_report_markdown",
    "write_monitoring_report",
]

#: The endings :func:`write_monitoring_report` understands.
REPORT_SUFFIXES = (".html", ".htm", ".md")
_SMALL_GROUPS = (
    "Small groups.",
    "Some combinations of the columns in the data hold fewer people than the minimum. This "
    "report never shows them, but tables that cross these columns would single people out, "
    "so do not make them:",
)
_MISSING = "hidden"


def _table(t: ReportTable) -> str:
    return table_html(t.frame, t.caption, formats=t.formats, hidden=t.hidden, missing=_MISSING)


def _md_table(t: ReportTable) -> str:
    return md_table(t.frame, t.caption, formats=t.formats, hidden=t.hidden, missing=_MISSING)


def _chart(
    make: Callable[[Monitoring, Checklist], object], result: Monitoring, c: Checklist
) -> str:
    # the chart builders are validated against the Vega-Lite schema in the tests; skipping
    # validation here saves about a second on a large report
    return chart_figure_html(make(result, c).to_dict(validate=False))  # type: ignore[attr-defined]


def _mean(value: object) -> str:
    return "" if pd.isna(value) else f"{float(value):.2f}"  # type: ignore[arg-type]


def _items_html(frame: pd.DataFrame, with_actions: bool) -> str:
    if frame.empty:
        return paragraphs_html([NOTHING])
    items = []
    for rec in frame.itertuples():
        url, chapter = chapter_url(rec.chapter)
        label = "Section" if rec.level == "section" else rec.id
        actions = bullets_html(rec.actions) if with_actions else ""
        items.append(
            f"<strong>{escape(label)}</strong> {escape(rec.title)} (mean {_mean(rec.mean)}). "
            f"Read: {link_html(url, chapter)}{actions}"
        )
    return bullets_html(items, trusted=True)


def _md_items(frame: pd.DataFrame, with_actions: bool) -> str:
    if frame.empty:
        return NOTHING + "\n"
    out = []
    for rec in frame.itertuples():
        url, chapter = chapter_url(rec.chapter)
        label = "Section" if rec.level == "section" else rec.id
        out.append(
            f"- **{md_escape(label)}** {md_escape(rec.title)} (mean {_mean(rec.mean)}). "
            f"Read: {md_link(url, chapter)}\n"
        )
        if with_actions:
            out.append(md_bullets(rec.actions, indent=4))
    return "".join(out)


def _when(result: Monitoring) -> str:
    return f" in wave {result.latest}" if result.latest is not None else ""


def _parts(result: Monitoring, checklist: Checklist, source: str, charts: bool) -> list[Part]:
    when = _when(result)
    by = words(result.by)
    parts = [Part("summary", "Summary", bullets_html(facts(result, checklist)))]
    parts.append(
        Part(
            "strengths",
            "Strengths",
            paragraphs_html([f"The strongest sections and statements for the whole network{when}."])
            + _items_html(result.strengths, False)
            + _table(section_table(result)),
        )
    )
    parts.append(
        Part(
            "priorities",
            "Priorities and suggested actions",
            paragraphs_html(
                [
                    "The weakest sections and the statements within them, with actions to try "
                    "and the handbook chapter to read."
                ]
            )
            + _items_html(result.priorities, True),
        )
    )
    answers = paragraphs_html(["How people answered each statement. Low answers run left of zero."])
    parts.append(
        Part(
            "answers",
            "Answers to each statement",
            answers + (_chart(diverging_chart, result, checklist) if charts else ""),
        )
    )
    if result.by is not None:
        body = paragraphs_html([f"Results by {by}{when}."])
        if charts:
            body += _chart(group_dot_chart, result, checklist)
            body += _chart(heatmap_chart, result, checklist)
        parts.append(Part("groups", f"Groups compared by {by}", body + _table(group_table(result))))
    if result.rates is not None:
        text = (
            "Responses against the staff numbers on the rosters. A low rate means the results "
            "may not speak for everyone."
        )
        parts.append(
            Part("rates", "Response rates", paragraphs_html([text]) + _table(rates_table(result)))
        )
    if result.changes is not None:
        body = _chart(trend_chart, result, checklist) if charts else ""
        tables = [change_table(result, True), item_changes(result)]
        if result.by is not None:
            tables.append(change_table(result, False))
        body += "".join(_table(t) for t in tables)
        parts.append(Part("change", f"Change since wave {result.previous}", body))
    body = paragraphs_html(methods(result, source))
    warnings = privacy_warnings(result)
    if warnings:
        body += note_html(*_SMALL_GROUPS, warnings)
    parts.append(Part("methods", "How these results were made", body))
    return parts


def _facts_line(result: Monitoring, checklist: Checklist) -> list[str]:
    line = [f"Checklist: {checklist.title}"]
    if result.waves:
        line.append(f"Waves: {', '.join(map(str, result.waves))}")
    if result.by:
        line.append(f"Compared by: {words(result.by)}")
    return [*line, f"Smallest group shown: {result.min_group}"]


def monitoring_report_html(
    result: Monitoring,
    checklist: Checklist,
    *,
    title: str | None = None,
    source: str = "",
    charts: bool = True,
) -> str:
    """Return the whole report as one self-contained HTML page.

    Parameters
    ----------
    result, checklist
        The analysis (:func:`plnlib.monitoring.monitor`) and its checklist.
    title
        The page title (default: the checklist's title and "monitoring report").
    source
        The answers file's name, shown in the methods note.
    charts
        Leave the charts out (and their scripts) with ``False``.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> from plnlib.monitoring import monitor, prepare_monitoring
    >>> from plnlib.samples.monitoring import monitoring_answers
    >>> c = load_checklist("knowledge-mobilisation")
    >>> raw = monitoring_answers(c, schools=3, staff=40, waves=(1, 2), seed=3)
    >>> m = monitor(prepare_monitoring(raw, c, by="school", wave="wave"), c,
    ...             by="school", wave="wave")
    >>> page = monitoring_report_html(m, c, charts=False)
    >>> '<nav class="pln-contents"' in page and "synthetic" in page
    True
    """
    title = title or f"{checklist.title}: monitoring report"
    return report_page(
        title,
        _parts(result, checklist, source, charts),
        facts=_facts_line(result, checklist),
        synthetic=result.synthetic,
        charts=charts,
    )


def monitoring_report_markdown(
    result: Monitoring, checklist: Checklist, *, title: str | None = None, source: str = ""
) -> str:
    """Return the report as Markdown: the same sections and tables, without the charts.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> from plnlib.monitoring import monitor, prepare_monitoring
    >>> from plnlib.samples.monitoring import monitoring_answers
    >>> c = load_checklist("knowledge-mobilisation")
    >>> raw = monitoring_answers(c, schools=3, staff=40, waves=(1, 2), seed=3)
    >>> m = monitor(prepare_monitoring(raw, c, by="school", wave="wave"), c, wave="wave")
    >>> monitoring_report_markdown(m, c).splitlines()[0]
    '# Knowledge mobilisation: monitoring report'
    """
    title = title or f"{checklist.title}: monitoring report"
    parts = [("Summary", md_bullets(facts(result, checklist)))]
    strong = f"The strongest sections and statements for the whole network{_when(result)}.\n\n"
    parts.append(
        (
            "Strengths",
            strong + _md_items(result.strengths, False) + "\n" + _md_table(section_table(result)),
        )
    )
    parts.append(("Priorities and suggested actions", _md_items(result.priorities, True)))
    if result.by is not None:
        parts.append((f"Groups compared by {words(result.by)}", _md_table(group_table(result))))
    if result.rates is not None:
        parts.append(("Response rates", _md_table(rates_table(result))))
    if result.changes is not None:
        tables = [change_table(result, True), item_changes(result)]
        if result.by is not None:
            tables.append(change_table(result, False))
        parts.append(
            (f"Change since wave {result.previous}", "\n".join(_md_table(t) for t in tables))
        )
    body = "\n".join(f"{md_escape(p)}\n" for p in methods(result, source))
    warnings = privacy_warnings(result)
    if warnings:
        body += "\n" + md_note(*_SMALL_GROUPS, warnings)
    parts.append(("How these results were made", body))
    return md_document(
        title,
        parts,
        synthetic=result.synthetic,
        end="The charts are in the HTML version of this report (`--format html`).",
    )


def write_monitoring_report(
    path: str | Path,
    result: Monitoring,
    checklist: Checklist,
    *,
    numbers: str | Path | None = None,
    title: str | None = None,
    source: str = "",
    fmt: str | None = None,
) -> Path:
    """Write the report (``.html`` or ``.md``, from the file name or ``fmt``) and optionally the numbers.

    Both paths are checked before anything is made, and each file is written
    whole or not at all (:func:`plnlib.io.files.write_output`). Returns the report's path.

    Raises
    ------
    DataError
        For a file name that is not .html or .md (or .csv for ``numbers``), or a
        folder that does not exist.
    """
    path = Path(path)
    suffix = check_output(path, REPORT_SUFFIXES if fmt is None else None, option="-o/--output")
    if numbers is not None:
        check_output(numbers, (".csv",), option="--csv")
    if (fmt or suffix.lstrip(".")) == "md":
        text = monitoring_report_markdown(result, checklist, title=title, source=source)
    else:
        text = monitoring_report_html(result, checklist, title=title, source=source)
    table = monitoring_numbers(result) if numbers is not None else None
    write_output(path, text)
    if table is not None:
        write_output(numbers, table)  # type: ignore[arg-type]
    return path
