"""The planning tools' one-page results: the meeting plan, mobilisation, cycles, action plan.

The printable blank sheets are in :mod:`plnlib.web.planning_sheets`; the tools that
run in the book's pages in :mod:`plnlib.web.planning_tools`.
"""

from __future__ import annotations

import html

import pandas as pd

from plnlib.charts.cycles import driver_diagram_chart, run_chart
from plnlib.charts.mobilisation import funnel_chart, stage_time_chart
from plnlib.charts.planning import slot_heatmap, slot_ranking
from plnlib.planning.cycles import Driver, DriverDiagram
from plnlib.planning.mobilisation import STAGES
from plnlib.planning.timefinder import Availability
from plnlib.privacy import DEFAULT_MIN_GROUP
from plnlib.web.page import chart_figure_html, standalone_page

__all__ = [
    "action_plan_html",
    "cycles_html",
    "diagram_list_html",
    "mobilisation_html",
    "table_html",
    "time_plan_html",
]


def table_html(frame: pd.DataFrame, caption: str) -> str:
    """A plain accessible HTML table (header cells scoped, caption given).

    Examples
    --------
    >>> "<th scope=\\"col\\">a</th>" in table_html(pd.DataFrame({"a": [1]}), "One")
    True
    """
    head = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in frame.columns)
    body = "".join(
        "<tr>"
        + "".join(f"<td>{html.escape('' if pd.isna(v) else str(v))}</td>" for v in row)
        + "</tr>"
        for row in frame.itertuples(index=False)
    )
    return (
        f'<div class="pln-table-wrap"><table><caption>{html.escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def time_plan_html(
    data: Availability,
    table: pd.DataFrame,
    pairs: pd.DataFrame,
    cannot: dict[tuple[str, str], list[str]],
    *,
    source: str = "",
    synthetic: bool = False,
) -> str:
    """A one-page plan: the best times, who cannot make them, each pair's best time, charts.

    ``cannot`` maps each top (day, slot) to the people (codes unless the caller
    passed names) who are not free then.
    """
    top = table.sort_values("rank").head(len(cannot) or 3)
    items = []
    for r in top.itertuples():
        who = cannot.get((r.day, r.slot), [])
        missing = (
            f" Schools with nobody free: {html.escape(r.missing_schools)}."
            if r.missing_schools
            else ""
        )
        items.append(
            f"<li><strong>{html.escape(r.day)}, {html.escape(r.slot)}</strong>: "
            f"{r.available} of {r.members} members free, {r.schools} of {r.of_schools} "
            f"schools.{missing} Cannot make it: "
            f"{html.escape(', '.join(who)) if who else 'everyone can'}.</li>"
        )
    note = (
        '<p class="pln-synthetic">The data on this page are synthetic: made up to show the tool.</p>'
        if synthetic
        else ""
    )
    body = (
        "<h1>When can the network meet?</h1>"
        + note
        + f"<p>From {html.escape(source) if source else 'the answers given'}: "
        f"{len(data.members)} members in {len(data.schools)} schools, {len(data.days)} days and "
        f"{len(data.slots)} slots. Times are ranked by the schools with at least one member "
        "free, then by the members free.</p>"
        "<h2>The best times</h2><ol>"
        + "".join(items)
        + "</ol>"
        + chart_figure_html(slot_ranking(table).to_dict())
        + chart_figure_html(slot_heatmap(table, days=data.days, slots=data.slots).to_dict())
        + "<h2>The best time for each pair of schools</h2>"
        + table_html(
            pairs.assign(both=pairs["both"].map({True: "yes", False: "no"})).rename(
                columns={
                    "school_a": "school",
                    "school_b": "with school",
                    "available": "members free",
                    "of": "members of the two",
                    "both": "both schools",
                }
            ),
            "Each pair of schools and the time that suits the two best",
        )
        + "<p>Made with plnlib time-finder (The PLN Handbook). People appear as codes unless "
        "names were asked for.</p>"
    )
    return standalone_page("When can the network meet?", body)


def mobilisation_html(
    reach_table: pd.DataFrame,
    by_table: pd.DataFrame | None,
    over: pd.DataFrame,
    stalled: pd.DataFrame,
    leads: pd.DataFrame,
    *,
    stall_days: int,
    source: str = "",
    synthetic: bool = False,
    min_group: int = DEFAULT_MIN_GROUP,
) -> str:
    """A one-page mobilisation report: reach, the funnel, stages over time, stalls, leads."""
    note = (
        '<p class="pln-synthetic">The data on this page are synthetic: made up to show the tool.</p>'
        if synthetic
        else ""
    )
    stages = "".join(
        f"<li><strong>{html.escape(s.label)}</strong>: {html.escape(s.description)}</li>"
        for s in STAGES
    )
    body = (
        "<h1>Mobilisation: how far each innovation has spread</h1>"
        + note
        + f"<p>From {html.escape(source) if source else 'the records given'}. The stages, from "
        f"the handbook's mobilisation chapter:</p><ol>{stages}</ol>"
        + chart_figure_html(funnel_chart(reach_table).to_dict())
        + chart_figure_html(stage_time_chart(over).to_dict())
        + "<h2>Reach</h2>"
        + table_html(reach_table.drop(columns="stage"), "Staff or schools at each stage now")
        + (_by_group_html(by_table, min_group) if by_table is not None else "")
        + f"<h2>Stalled for more than {stall_days} days</h2>"
        + (
            table_html(
                stalled.head(25), "Still engaging or trialling after the stall time, longest first"
            )
            + (
                f"<p>{len(stalled) - 25} more not shown (write them all with --stalls FILE.csv).</p>"
                if len(stalled) > 25
                else ""
            )
            if len(stalled)
            else "<p>Nothing has stalled.</p>"
        )
        + "<h2>Who mobilises</h2>"
        + table_html(leads, "Leads, the innovations and people or schools they lead")
        + "<p>Made with plnlib mobilisation (The PLN Handbook).</p>"
    )
    return standalone_page("Mobilisation tracker", body)


def _by_group_html(by_table: pd.DataFrame, min_group: int) -> str:
    """Reach by school or role; a hidden group's numbers are empty and it says why."""
    shown = by_table.drop(columns="stage")
    note = ""
    if "suppressed" in shown:
        if shown["suppressed"].any():
            note = (
                f"<p>A group of fewer than {min_group} staff is hidden, and one more where the "
                "hidden one could be worked out from the total: staff are people, and a few "
                "of them could be recognised.</p>"
            )
        shown = shown.assign(suppressed=shown["suppressed"].map({True: "hidden", False: ""}))
        shown = shown.rename(columns={"suppressed": "note"})
    return note + table_html(shown, "At each stage now, by group")


def diagram_list_html(diagram: DriverDiagram) -> str:
    """The driver diagram as nested lists: what a screen reader or a printout reads."""

    def ideas(s: Driver) -> str:
        if not s.ideas:
            return ""
        return (
            "<ul>"
            + "".join(
                f"<li>Change idea {html.escape(c.id)}: {html.escape(c.text)}</li>" for c in s.ideas
            )
            + "</ul>"
        )

    primaries = "".join(
        f"<li>Primary driver {html.escape(p.id)}: {html.escape(p.text)}"
        + (
            "<ul>"
            + "".join(
                f"<li>Secondary driver {html.escape(s.id)}: {html.escape(s.text)}{ideas(s)}</li>"
                for s in p.children
            )
            + "</ul>"
            if p.children
            else ""
        )
        + "</li>"
        for p in diagram.primaries
    )
    return (
        f'<div class="pln-driver-list"><p><strong>Aim:</strong> {html.escape(diagram.aim)}<br>'
        f"<strong>Measure:</strong> {html.escape(diagram.measure)}<br>"
        f"<strong>By:</strong> {diagram.target_date.date().isoformat()}</p><ul>{primaries}</ul></div>"
    )


def cycles_html(
    diagram: DriverDiagram,
    cycles: pd.DataFrame | None = None,
    measures: pd.DataFrame | None = None,
    *,
    source: str = "",
    synthetic: bool = False,
) -> str:
    """A one-page improvement record: the driver diagram, the PDSA log, the run chart."""
    note = (
        '<p class="pln-synthetic">The data on this page are synthetic: made up to show the tool.</p>'
        if synthetic
        else ""
    )
    parts = [
        "<h1>Improvement cycles</h1>",
        note,
        f"<p>From {html.escape(source) if source else 'the files given'}.</p>",
        "<h2>Driver diagram</h2>",
        chart_figure_html(driver_diagram_chart(diagram).to_dict()),
        diagram_list_html(diagram),
    ]
    if cycles is not None:
        parts.append("<h2>Plan-Do-Study-Act cycles</h2>")
        shown = cycles.assign(start=cycles["start"].dt.strftime("%Y-%m-%d").fillna(""))
        for idea, group in shown.groupby("change_idea", sort=False):
            text = diagram.ideas[idea].text if idea in diagram.ideas else ""
            parts.append(f"<h3>Change idea {html.escape(idea)}: {html.escape(text)}</h3>")
            parts.append(table_html(group.drop(columns="change_idea"), f"Cycles testing {idea}"))
    if measures is not None:
        parts.append("<h2>The measure across the cycles</h2>")
        parts.append(
            chart_figure_html(run_chart(measures, cycles, measure=diagram.measure).to_dict())
        )
    parts.append("<p>Made with plnlib cycles (The PLN Handbook).</p>")
    return standalone_page("Improvement cycles", "".join(parts))


def action_plan_html(plan: pd.DataFrame, title: str) -> str:
    """A printable action plan: the suggested actions with empty who / by when / how we know."""
    body = (
        f"<h1>Action plan: {html.escape(title)}</h1>"
        "<p>The weakest sections of the checklist result and the actions the checklist "
        "suggests for them. Choose the few you will do, then fill in who, by when and how "
        "you will know it worked.</p>"
        + table_html(
            plan.drop(columns=["chapter"]).rename(
                columns={"by_when": "by when", "how_we_will_know": "how we will know"}
            ),
            "Suggested actions for the weakest items",
        )
        + "<p>From The PLN Handbook (CC BY 4.0).</p>"
    )
    css = ".pln-table-wrap td { min-width: 5rem; } @media print { td { height: 2.5rem; } }"
    return standalone_page(f"Action plan: {title}", body, charts=False, extra_css=css)
