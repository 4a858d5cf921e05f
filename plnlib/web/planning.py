"""The planning tools as pages: a one-page meeting plan and printable sheets."""

from __future__ import annotations

import html

import pandas as pd

from plnlib.charts.planning import funnel_chart, slot_heatmap, slot_ranking, stage_time_chart
from plnlib.planning.mobilisation import STAGES
from plnlib.planning.timefinder import Availability
from plnlib.web.page import chart_figure_html, standalone_page

__all__ = ["mobilisation_html", "table_html", "time_plan_html"]


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
        + (
            table_html(by_table.drop(columns="stage"), "At each stage now, by group")
            if by_table is not None
            else ""
        )
        + f"<h2>Stalled for more than {stall_days} days</h2>"
        + (
            table_html(stalled, "Still engaging or trialling after the stall time")
            if len(stalled)
            else "<p>Nothing has stalled.</p>"
        )
        + "<h2>Who mobilises</h2>"
        + table_html(leads, "Leads, the innovations and people or schools they lead")
        + "<p>Made with plnlib mobilisation (The PLN Handbook).</p>"
    )
    return standalone_page("Mobilisation tracker", body)
