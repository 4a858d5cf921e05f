"""The monitoring report a coordinator hands to the network (``plnlib report``).

Three outputs from one :class:`plnlib.monitoring.Monitoring` result:

- :func:`monitoring_report_html`: one self-contained page (the chart scripts
  are inlined, so it opens offline and can be emailed) with headings, a
  contents list, landmarks for screen readers and a print stylesheet;
- :func:`monitoring_report_markdown`: the same text and tables in Markdown;
- :func:`monitoring_numbers`: every number of the report as one tidy table (CSV).

Every text that comes from the data (school names, roles, file names) is escaped.
Suppressed cells are empty everywhere, with their ``n``.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from plnlib.charts.monitoring import diverging_chart, group_dot_chart, heatmap_chart, trend_chart
from plnlib.checklists import Checklist
from plnlib.errors import DataError
from plnlib.io.content import load_chapters
from plnlib.io.files import write_csv, write_text_atomic
from plnlib.monitoring import NETWORK, Monitoring
from plnlib.version import __version__
from plnlib.web.page import chart_figure_html, standalone_page

__all__ = [
    "HANDBOOK_URL",
    "chapter_url",
    "monitoring_numbers",
    "monitoring_report_html",
    "monitoring_report_markdown",
    "write_monitoring_report",
]

_NOTHING = "Nothing to show: too few people answered for any result to be shown."
#: Where the handbook is published; chapter links in reports start here.
HANDBOOK_URL = "https://pln-handbook.github.io/pln-handbook/"

_CSS = """
nav.pln-contents ol { columns: 2; padding-left: 1.2rem; }
.pln-meta { color: #444; }
.pln-hidden { color: #555; font-style: italic; }
.pln-report h3 { margin-bottom: 0.2rem; }
.pln-report td.num { text-align: right; font-variant-numeric: tabular-nums; }
.pln-note { border-left: 4px solid #0072B2; background: #eef5fb; padding: 0.5rem 1rem; }
@media print {
  nav.pln-contents, figure.pln-chart .pln-chart-view form, .vega-bindings { display: none; }
  section.pln-part { break-before: page; }
  section.pln-part:first-of-type { break-before: auto; }
  h2, h3 { break-after: avoid; }
  body { max-width: none; font-size: 11pt; }
}
"""


def chapter_url(chapter_id: str) -> tuple[str, str]:
    """The absolute URL and title of a handbook chapter.

    Examples
    --------
    >>> chapter_url("monitoring")
    ('https://pln-handbook.github.io/pln-handbook/book/evaluating/monitoring.html', 'Monitoring a network over time')
    """
    chapter = load_chapters()[chapter_id]
    return f"{HANDBOOK_URL}{chapter.path}.html", chapter.title


# --------------------------------------------------------------------------- shared text


def _num(value: object, digits: int = 2, sign: bool = False) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    return f"{float(value):+.{digits}f}" if sign else f"{float(value):.{digits}f}"


def _latest(frame: pd.DataFrame, result: Monitoring) -> pd.DataFrame:
    return frame if result.wave is None else frame[frame[result.wave] == result.latest]


def _words(column: str | None) -> str:
    return {"pln_member": "PLN membership", "years_in_network": "years in the network"}.get(
        column or "", (column or "group").replace("_", " ")
    )


def _hidden_groups(result: Monitoring) -> list[str]:
    rows = _latest(result.sections, result)
    rows = rows[~rows["network"]]
    hidden = rows.groupby(rows["group"].astype(str))["suppressed"].all()
    return [str(g) for g in hidden.index if hidden[g]]


def _facts(result: Monitoring, checklist: Checklist) -> list[str]:
    """The summary as plain sentences (escaped later by each output format)."""
    scale = checklist.scale
    facts = []
    counts = result.responses.iloc[-1]
    when = f"In wave {result.latest}, " if result.latest is not None else ""
    rate = ""
    if result.rates is not None:
        net = _latest(result.rates, result)
        net = net[net["group"] == NETWORK]
        if len(net) and not pd.isna(net["rate"].iloc[0]):
            rate = (
                f" ({net['rate'].iloc[0]:.0%} of the {int(net['staff'].iloc[0])} staff on "
                "the rosters)"
            )
    facts.append(
        f"{when}{int(counts['responses'])} people answered the {checklist.title} checklist{rate}."
    )
    sec = result.summary.sections.dropna(subset=["mean"])
    if len(sec):
        top, low = sec.loc[sec["mean"].idxmax()], sec.loc[sec["mean"].idxmin()]
        facts.append(
            f"Strongest section: {top['title']} (mean {top['mean']:.2f} on a scale from "
            f"{scale.low} to {scale.high}, {top['band']}). Weakest: {low['title']} "
            f"({low['mean']:.2f}, {low['band']})."
        )
    else:
        facts.append(f"Too few people answered to show results (fewer than {result.min_group}).")
    if result.changes is not None:
        net = result.changes[result.changes["network"] & (result.changes["level"] == "section")]
        net = net.dropna(subset=["change"])
        if len(net):
            up = int((net["change"] >= 0.05).sum())
            down = int((net["change"] <= -0.05).sum())
            big = net.loc[net["change"].abs().idxmax()]
            facts.append(
                f"Since wave {result.previous}: {up} of {len(net)} sections rose by 0.05 or more "
                f"and {down} fell by 0.05 or more; the largest change is in {big['title']} "
                f"({big['change']:+.2f})."
            )
    if result.by is not None:
        rows = _latest(result.sections, result)
        groups = rows[~rows["network"] & ~rows["suppressed"]]
        if groups["group"].nunique() > 1:
            gap = groups.groupby("title")["mean"].agg(lambda s: s.max() - s.min())
            facts.append(
                f"Compared by {_words(result.by)}: groups differ most in {gap.idxmax()} "
                f"(a gap of {gap.max():.2f} between the highest and lowest group)."
            )
        hidden = _hidden_groups(result)
        if hidden:
            facts.append(
                f"Results of {len(hidden)} group(s) are hidden: too few answers, or hidden so "
                "that a small group cannot be worked out from the total."
            )
    if result.synthetic:
        facts.append("These data are synthetic: they describe no real school or person.")
    return facts


def _warning_summary(result: Monitoring) -> list[str]:
    """Singling-out warnings by combination of columns, without naming any cell."""
    combos: dict[tuple[str, ...], list[int]] = {}
    for w in result.warnings:
        combos.setdefault(w.columns, []).append(w.n)
    return [
        f"{' and '.join(_words(c) for c in cols)}: {len(ns)} cell(s) with fewer than "
        f"{result.min_group} people"
        for cols, ns in combos.items()
    ]


def _methods(result: Monitoring, source: str) -> list[str]:
    waves = (
        "; ".join(
            f"wave {r[result.wave]}: {int(r['responses'])} responses "
            f"({int(r['returning'])} also answered the wave before, {int(r['new'])} new)"
            for _, r in result.responses.iterrows()
        )
        if result.wave
        else f"{int(result.responses['responses'].iloc[0])} responses in one survey"
    )
    return [
        f"Data: {'synthetic data made by plnlib (no real school or person)' if result.synthetic else 'real answers'}"
        + (f", read from {source}" if source else "")
        + f". {waves}.",
        "Means leave out 'don't know' and 'not applicable'. A section mean is the mean of each "
        "person's mean over the statements of the section they answered; n counts the people "
        "with at least one answer.",
        f"Privacy: results for a group with fewer than {result.min_group} responses in a wave, "
        f"and any cell with fewer than {result.min_group} answers, are hidden. When only one "
        "group would be hidden, the next smallest is hidden too (complementary suppression), "
        "so a hidden result cannot be worked out from the total and the other groups. "
        "Hidden cells are empty in the tables and grey or left out in the charts.",
        "Change compares the last two waves. People who joined or left between waves are "
        "included in the wave they answered, so a change can come from who answered as well "
        "as from practice; small changes (under about 0.2) are within the usual variation.",
        f"Made with plnlib {__version__} on your computer; nothing was sent anywhere.",
    ]


# --------------------------------------------------------------------------- tables


def _section_table(result: Monitoring) -> pd.DataFrame:
    rows = _latest(result.sections, result)
    net = rows[rows["network"]].set_index("id")
    table = pd.DataFrame(
        {
            "Section": net["title"],
            "n": net["n"].where(~net["suppressed"]),
            "Mean": net["mean"],
            "SD": net["sd"],
            "Band": result.summary.sections.set_index("section")["band"].reindex(net.index),
        }
    )
    return table.reset_index(drop=True)


def _group_table(result: Monitoring) -> pd.DataFrame:
    rows = _latest(result.sections, result)
    rows = rows[~rows["network"]]
    wide = rows.pivot_table(
        index="group", columns="title", values="mean", aggfunc="first", dropna=False, sort=False
    )
    n = rows.groupby("group", sort=False)["n"].max()
    hidden = rows.groupby("group", sort=False)["suppressed"].all()
    out = wide.reset_index().rename(columns={"group": _words(result.by).capitalize()})
    out.insert(1, "n", [None if hidden[g] else int(n[g]) for g in wide.index])
    out.columns.name = None
    return out


def _change_table(result: Monitoring, network: bool) -> pd.DataFrame:
    ch = result.changes
    rows = ch[(ch["level"] == "section") & (ch["network"] == network)]
    if network:
        return pd.DataFrame(
            {
                "Section": rows["title"],
                f"n {result.previous}": rows["n_before"].where(~rows["suppressed"]),
                f"Mean {result.previous}": rows["mean_before"],
                f"n {result.latest}": rows["n_after"].where(~rows["suppressed"]),
                f"Mean {result.latest}": rows["mean_after"],
                "Change": rows["change"],
            }
        ).reset_index(drop=True)
    wide = rows.pivot_table(
        index="group", columns="title", values="change", aggfunc="first", dropna=False, sort=False
    )
    wide.columns.name = None
    return wide.reset_index().rename(columns={"group": _words(result.by).capitalize()})


def _item_changes(result: Monitoring, k: int = 3) -> pd.DataFrame:
    ch = result.changes
    rows = ch[(ch["level"] == "item") & ch["network"]].dropna(subset=["change"])
    pick = pd.concat([rows.nlargest(k, "change"), rows.nsmallest(k, "change")]).drop_duplicates(
        "id"
    )
    return pd.DataFrame(
        {
            "Statement": pick["id"] + " " + pick["title"],
            f"Mean {result.previous}": pick["mean_before"],
            f"Mean {result.latest}": pick["mean_after"],
            "Change": pick["change"],
        }
    ).reset_index(drop=True)


def _rates_table(result: Monitoring) -> pd.DataFrame:
    rates = _latest(result.rates, result)
    return pd.DataFrame(
        {
            _words(next((g for g in rates["group_by"] if g), None)).capitalize(): rates[
                "group"
            ].astype(str),
            "Responses": rates["responses"],
            "Staff": rates["staff"],
            "Rate": rates["rate"].astype("float64"),
            "Note": rates["note"],
        }
    ).reset_index(drop=True)


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _fmt(column: str, value: object) -> str | None:
    """A cell as text; ``None`` for a hidden (suppressed or missing) number."""
    if isinstance(value, str):
        return value
    if _missing(value):
        return None
    if column == "Change":
        return _num(value, sign=True)
    if column == "Rate":
        return f"{float(value):.0%}"  # type: ignore[arg-type]
    if column in ("n", "Responses", "Staff") or column.startswith("n "):
        return _num(value, 0)
    return str(int(value)) if isinstance(value, (int, np.integer)) else _num(value)


def _numeric(frame: pd.DataFrame, column: str) -> bool:
    return not any(isinstance(v, str) for v in frame[column])


# --------------------------------------------------------------------------- HTML


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _html_table(frame: pd.DataFrame, caption: str) -> str:
    cols = [str(c) for c in frame.columns]
    numeric = [_numeric(frame, c) for c in frame.columns]
    head = "".join(f'<th scope="col">{_e(c)}</th>' for c in cols)
    body = []
    for row in frame.itertuples(index=False):
        cells = []
        for k, (col, value) in enumerate(zip(cols, row, strict=True)):
            text = _fmt(col, value)
            shown = '<span class="pln-hidden">hidden</span>' if text is None else _e(text)
            if k == 0:
                cells.append(f'<th scope="row">{shown}</th>')
            else:
                cells.append(f'<td class="num">{shown}</td>' if numeric[k] else f"<td>{shown}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f'<div class="pln-table-wrap"><table><caption>{_e(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def _figure(chart_spec: dict) -> str:
    return chart_figure_html(chart_spec)


def _chart(
    make: Callable[[Monitoring, Checklist], object], result: Monitoring, c: Checklist
) -> str:
    # the chart builders are validated against the Vega-Lite schema in the tests; skipping
    # validation here saves about a second on a large report
    return _figure(make(result, c).to_dict(validate=False))  # type: ignore[attr-defined]


def _items_html(frame: pd.DataFrame, with_actions: bool) -> str:
    if frame.empty:
        return f"<p>{_e(_NOTHING)}</p>"
    parts = []
    for rec in frame.itertuples():
        url, chapter = chapter_url(rec.chapter)
        label = "Section" if rec.level == "section" else rec.id
        actions = ""
        if with_actions and rec.actions:
            actions = "<ul>" + "".join(f"<li>{_e(a)}</li>" for a in rec.actions) + "</ul>"
        parts.append(
            f"<li><strong>{_e(label)}</strong> {_e(rec.title)} (mean {_num(rec.mean)}). "
            f'Read: <a href="{_e(url)}">{_e(chapter)}</a>{actions}</li>'
        )
    return "<ul>" + "".join(parts) + "</ul>"


def _part(anchor: str, title: str, body: str) -> str:
    return (
        f'<section class="pln-part" aria-labelledby="{anchor}">'
        f'<h2 id="{anchor}">{_e(title)}</h2>{body}</section>'
    )


def _parts(
    result: Monitoring, checklist: Checklist, source: str, charts: bool
) -> list[tuple[str, str, str]]:
    when = f" in wave {result.latest}" if result.latest is not None else ""
    parts = [
        (
            "summary",
            "Summary",
            "<ul>" + "".join(f"<li>{_e(f)}</li>" for f in _facts(result, checklist)) + "</ul>",
        )
    ]
    parts.append(
        (
            "strengths",
            "Strengths",
            f"<p>The strongest sections and statements for the whole network{_e(when)}.</p>"
            + _items_html(result.strengths, False)
            + _html_table(_section_table(result), f"Section results, whole network{when}"),
        )
    )
    parts.append(
        (
            "priorities",
            "Priorities and suggested actions",
            "<p>The weakest sections and the statements within them, with actions to try and "
            "the handbook chapter to read.</p>" + _items_html(result.priorities, True),
        )
    )
    answers = "<p>How people answered each statement. Low answers run left of zero.</p>" + (
        _chart(diverging_chart, result, checklist) if charts else ""
    )
    parts.append(("answers", "Answers to each statement", answers))
    if result.by is not None:
        body = f"<p>Results by {_e(_words(result.by))}{_e(when)}.</p>"
        if charts:
            body += _chart(group_dot_chart, result, checklist) + _chart(
                heatmap_chart, result, checklist
            )
        body += _html_table(_group_table(result), f"Section means by {_words(result.by)}{when}")
        parts.append(("groups", f"Groups compared by {_words(result.by)}", body))
    if result.rates is not None:
        parts.append(
            (
                "rates",
                "Response rates",
                "<p>Responses against the staff numbers on the rosters. A low rate means the "
                "results may not speak for everyone.</p>"
                + _html_table(_rates_table(result), f"Response rates{when}"),
            )
        )
    if result.changes is not None:
        body = _chart(trend_chart, result, checklist) if charts else ""
        body += _html_table(
            _change_table(result, True),
            f"Change from wave {result.previous} to {result.latest}, whole network",
        )
        body += _html_table(_item_changes(result), "Statements that changed most, whole network")
        if result.by is not None:
            body += _html_table(
                _change_table(result, False), f"Change in each section by {_words(result.by)}"
            )
        parts.append(("change", f"Change since wave {result.previous}", body))
    privacy = _warning_summary(result)
    methods = "".join(f"<p>{_e(p)}</p>" for p in _methods(result, source))
    if privacy:
        methods += (
            '<div class="pln-note" role="note"><p><strong>Small groups.</strong> Some combinations '
            "of the columns in the data hold fewer people than the minimum. This report never "
            "shows them, but tables that cross these columns would single people out, so do not "
            "make them:</p><ul>" + "".join(f"<li>{_e(p)}</li>" for p in privacy) + "</ul></div>"
        )
    parts.append(("methods", "How these results were made", methods))
    return parts


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
    parts = _parts(result, checklist, source, charts)
    nav = (
        '<nav class="pln-contents" aria-labelledby="contents"><h2 id="contents">Contents</h2><ol>'
        + "".join(f'<li><a href="#{a}">{_e(t)}</a></li>' for a, t, _ in parts)
        + "</ol></nav>"
    )
    meta = (
        f'<p class="pln-meta">Checklist: {_e(checklist.title)} · '
        + (f"Waves: {_e(', '.join(map(str, result.waves)))} · " if result.waves else "")
        + (f"Compared by: {_e(_words(result.by))} · " if result.by else "")
        + f"Smallest group shown: {result.min_group}</p>"
    )
    banner = (
        '<p class="pln-synthetic" role="note"><strong>Synthetic data.</strong> This report was '
        "made from synthetic data: it describes no real school or person.</p>"
        if result.synthetic
        else ""
    )
    body = (
        f'<div class="pln-report"><h1>{_e(title)}</h1>{meta}{banner}{nav}'
        + "".join(_part(a, t, b) for a, t, b in parts)
        + "</div>"
    )
    return standalone_page(title, body, charts=charts, extra_css=_CSS)


# --------------------------------------------------------------------------- Markdown


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|])")


def _md(value: object) -> str:
    """Text from data, safe in Markdown: HTML escaped and Markdown punctuation backslashed."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(" ".join(str(value).split()), quote=False))


def _md_table(frame: pd.DataFrame, caption: str) -> str:
    cols = [str(c) for c in frame.columns]
    lines = [f"*{_md(caption)}*", "", "| " + " | ".join(_md(c) for c in cols) + " |"]
    align = ["---:" if k and _numeric(frame, c) else "---" for k, c in enumerate(frame.columns)]
    lines.append("|" + "|".join(align) + "|")
    for row in frame.itertuples(index=False):
        cells = [_fmt(c, v) for c, v in zip(cols, row, strict=True)]
        lines.append("| " + " | ".join("hidden" if x is None else _md(x) for x in cells) + " |")
    return "\n".join(lines) + "\n"


def _md_items(frame: pd.DataFrame, with_actions: bool) -> str:
    if frame.empty:
        return _NOTHING + "\n"
    out = []
    for rec in frame.itertuples():
        url, chapter = chapter_url(rec.chapter)
        label = "Section" if rec.level == "section" else rec.id
        out.append(
            f"- **{_md(label)}** {_md(rec.title)} (mean {_num(rec.mean)}). "
            f"Read: [{_md(chapter)}]({url})"
        )
        if with_actions:
            out.extend(f"    - {_md(a)}" for a in rec.actions)
    return "\n".join(out) + "\n"


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
    when = f" in wave {result.latest}" if result.latest is not None else ""
    out = [f"# {_md(title)}", ""]
    if result.synthetic:
        out += ["> **Synthetic data.** This report describes no real school or person.", ""]
    out += ["## Summary", ""] + [f"- {_md(f)}" for f in _facts(result, checklist)] + [""]
    out += ["## Strengths", "", _md_items(result.strengths, False)]
    out += [_md_table(_section_table(result), f"Section results, whole network{when}")]
    out += ["## Priorities and suggested actions", "", _md_items(result.priorities, True)]
    if result.by is not None:
        out += [f"## Groups compared by {_md(_words(result.by))}", ""]
        out += [_md_table(_group_table(result), f"Section means by {_words(result.by)}{when}")]
    if result.rates is not None:
        out += ["## Response rates", "", _md_table(_rates_table(result), f"Response rates{when}")]
    if result.changes is not None:
        out += [f"## Change since wave {_md(result.previous)}", ""]
        out += [
            _md_table(
                _change_table(result, True),
                f"Change from wave {result.previous} to {result.latest}",
            )
        ]
        out += [_md_table(_item_changes(result), "Statements that changed most")]
        if result.by is not None:
            out += [_md_table(_change_table(result, False), f"Change by {_words(result.by)}")]
    out += ["## How these results were made", ""] + [
        f"{_md(p)}\n" for p in _methods(result, source)
    ]
    privacy = _warning_summary(result)
    if privacy:
        out += ["**Small groups.** Do not make tables that cross these columns:", ""]
        out += [f"- {_md(p)}" for p in privacy] + [""]
    out += ["The charts are in the HTML version of this report (`--format html`).", ""]
    return "\n".join(out)


# --------------------------------------------------------------------------- numbers


def monitoring_numbers(result: Monitoring) -> pd.DataFrame:
    """Every number of the report as one tidy table; suppressed cells are empty.

    Columns: ``table`` (``sections``, ``items``, ``changes``, ``rates``),
    the wave, ``group_by``, ``group``, ``level``, ``id``, ``title``, ``n``,
    ``mean``, ``sd``, the change columns, the rate columns and ``suppressed``.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> from plnlib.monitoring import monitor, prepare_monitoring
    >>> from plnlib.samples.monitoring import monitoring_answers
    >>> c = load_checklist("knowledge-mobilisation")
    >>> raw = monitoring_answers(c, schools=3, staff=40, waves=(1, 2), seed=3)
    >>> m = monitor(prepare_monitoring(raw, c, by="school", wave="wave"), c,
    ...             by="school", wave="wave")
    >>> t = monitoring_numbers(m)
    >>> sorted(t["table"].unique()), bool(t.loc[t["suppressed"], "mean"].isna().all())
    (['changes', 'items', 'sections'], True)
    """
    wave = result.wave or "wave"
    frames = []
    for name, frame, level in (
        ("sections", result.sections, "section"),
        ("items", result.items, "item"),
    ):
        frames.append(frame.assign(table=name, level=level))
    if result.changes is not None:
        frames.append(result.changes.assign(table="changes", **{wave: result.latest}))
    if result.rates is not None:
        frames.append(result.rates.assign(table="rates", level="group"))
    out = pd.concat(frames, ignore_index=True)
    if wave not in out.columns:
        out[wave] = pd.NA
    by = np.where(out["group"] == NETWORK, "", result.by or "")
    out["group_by"] = out["group_by"].fillna(pd.Series(by)) if "group_by" in out else by
    hide = out["suppressed"].fillna(False).astype(bool)
    numbers: Sequence[str] = [
        c
        for c in (
            "n",
            "mean",
            "sd",
            "n_before",
            "mean_before",
            "n_after",
            "mean_after",
            "change",
            "responses",
            "rate",
        )
        if c in out.columns
    ]
    for col in numbers:
        out[col] = out[col].astype("float64").round(4)
        out.loc[hide, col] = np.nan
    out = out.assign(synthetic=result.synthetic, min_group=result.min_group)
    columns = [
        "table",
        wave,
        "group_by",
        "group",
        "level",
        "id",
        "title",
        *numbers,
        *(["staff", "note"] if result.rates is not None else []),
        "suppressed",
        "min_group",
        "synthetic",
    ]
    return out[[c for c in columns if c in out.columns]]


def write_monitoring_report(
    path: str | Path,
    result: Monitoring,
    checklist: Checklist,
    *,
    numbers: str | Path | None = None,
    title: str | None = None,
    source: str = "",
) -> Path:
    """Write the report (``.html`` or ``.md``, from the file name) and optionally the numbers.

    Everything is made before anything is written, and each file is written
    whole or not at all. Returns the report's path.

    Raises
    ------
    DataError
        For a file name that is not .html or .md (or .csv for ``numbers``), or a
        folder that does not exist.
    """
    path = Path(path)
    kind = path.suffix.lower()
    if kind not in (".html", ".htm", ".md"):
        raise DataError(
            f"expected a report file ending in .html or .md, found '{path.name}'",
            fix="Name the report like monitoring-report.html.",
        )
    if numbers is not None and Path(numbers).suffix.lower() != ".csv":
        raise DataError(
            f"expected a numbers file ending in .csv, found '{Path(numbers).name}'",
            fix="Name it like numbers.csv.",
        )
    for target in (path, *([Path(numbers)] if numbers is not None else [])):
        if not target.parent.is_dir():
            raise DataError(
                "expected an existing folder to write into, found none",
                where=str(target.parent),
                fix="Create the folder first, or choose another path.",
            )
    if kind == ".md":
        text = monitoring_report_markdown(result, checklist, title=title, source=source)
    else:
        text = monitoring_report_html(result, checklist, title=title, source=source)
    table = monitoring_numbers(result) if numbers is not None else None
    write_text_atomic(path, text)
    if table is not None:
        write_csv(numbers, table)  # type: ignore[arg-type]
    return path
