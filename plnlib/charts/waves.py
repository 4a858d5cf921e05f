"""Charts of change across waves: each section's mean in every wave, per group."""

from __future__ import annotations

import altair as alt
import pandas as pd

from plnlib.charts.base import PALETTE, with_table
from plnlib.charts.survey import check_result, column_words, group_picker, shown_groups, who
from plnlib.checklists import Checklist
from plnlib.errors import DataError
from plnlib.monitoring import Monitoring

__all__ = ["trend_chart"]


def trend_chart(result: Monitoring, checklist: Checklist) -> alt.LayerChart:
    """Lines of each section's mean across waves; a menu chooses the group.

    Clicking a section in the legend highlights its line (shift-click for more).

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> from plnlib.monitoring import monitor, prepare_monitoring
    >>> from plnlib.samples.monitoring import monitoring_answers
    >>> c = load_checklist("knowledge-mobilisation")
    >>> raw = monitoring_answers(c, schools=3, staff=40, waves=(1, 2), seed=3)
    >>> m = monitor(prepare_monitoring(raw, c, by="school", wave="wave"), c,
    ...             by="school", wave="wave")
    >>> trend_chart(m, c).to_dict()["description"][:44]
    'Lines show the mean of each of the 5 section'
    """
    check_result(result, checklist)
    if result.wave is None:
        raise DataError(
            "expected results with a wave column, found a single survey",
            fix="Call monitor(..., wave='wave') with answers from two or more waves.",
        )
    scale = checklist.scale
    rows = result.sections[~result.sections["suppressed"]]
    waves = [str(w) for w in result.waves]
    data = pd.DataFrame(
        {
            "Group": rows["group"].astype(str),
            "Section": rows["title"],
            "Wave": rows[result.wave].astype(str),
            "n": rows["n"].astype(int),
            "Mean": rows["mean"].round(2),
        }
    )
    order = [s.title for s in checklist.sections]
    groups = shown_groups(result.sections)
    desc = (
        f"Lines show the mean of each of the {len(order)} sections of {checklist.title} in "
        f"each wave from {waves[0]} to {waves[-1]}, for the whole network (the menu chooses "
        f"{who(result)})."
    )
    if result.changes is not None:
        net = result.changes[
            result.changes["network"] & (result.changes["level"] == "section")
        ].dropna(subset=["change"])
        if len(net):
            up, down = net.loc[net["change"].idxmax()], net.loc[net["change"].idxmin()]
            desc += (
                f" Since wave {result.previous}, the largest rise is in {up['title']} "
                f"({up['change']:+.2f}) and the smallest change or largest fall in "
                f"{down['title']} ({down['change']:+.2f})."
            )
    colours = [PALETTE[i % len(PALETTE)] for i in range(len(order))]
    shapes = ["circle", "square", "diamond", "triangle-up", "cross", "triangle-down"]
    group = group_picker("group", groups, f"{column_words(result.by).capitalize()} ")
    pick = alt.selection_point(name="section", fields=["Section"], bind="legend")
    base = (
        alt.Chart(data)
        .transform_filter(alt.datum.Group == group)
        .encode(
            x=alt.X("Wave:O", sort=waves, title="Wave", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("Mean:Q", scale=alt.Scale(domain=[scale.low, scale.high]), title="Mean score"),
            color=alt.Color(
                "Section:N",
                sort=order,
                scale=alt.Scale(domain=order, range=colours),
                legend=alt.Legend(orient="bottom", columns=2, title="Section (click to highlight)"),
            ),
            opacity=alt.when(pick).then(alt.value(1.0)).otherwise(alt.value(0.2)),
        )
    )
    lines = base.mark_line(strokeWidth=2.5).add_params(pick)
    points = base.mark_point(size=80, filled=True).encode(
        shape=alt.Shape(
            "Section:N", sort=order, scale=alt.Scale(domain=order, range=shapes), legend=None
        ),
        tooltip=["Group:N", "Section:N", "Wave:N", "n:Q", alt.Tooltip("Mean:Q", format=".2f")],
    )
    chart = (
        alt.layer(lines, points)
        .add_params(group)
        .properties(
            title=alt.Title(f"{checklist.title}: section means across waves"),
            description=desc,
            width="container",
            height=280,
        )
    )
    return with_table(
        chart,
        data[["Group", "Section", "Wave", "n", "Mean"]],
        caption="Section means per wave",
    )
