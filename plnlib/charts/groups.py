"""Charts of groups compared: section means per group with spread, statements by group.

Every group is drawn from the results' shown rows; a hidden cell carries no
number (the results have none) and is drawn grey or left out, and named in the
description.
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from plnlib.charts.base import PALETTE, with_table
from plnlib.charts.survey import (
    GREY,
    HIDDEN,
    check_result,
    column_words,
    group_picker,
    hidden_groups,
    latest_rows,
    shown_groups,
    wave_text,
    who,
)
from plnlib.checklists import NETWORK, Checklist
from plnlib.errors import DataError
from plnlib.helpers import widest_gap
from plnlib.monitoring import Monitoring

__all__ = ["group_dot_chart", "heatmap_chart"]


def group_dot_chart(result: Monitoring, checklist: Checklist) -> alt.LayerChart:
    """Dots of each group's section means with their spread (mean ± one standard deviation).

    Every group is a grey dot; the group chosen in the menu is drawn larger, in
    colour, with its spread; a black tick marks the whole network. Clicking a
    section highlights it.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> from plnlib.monitoring import monitor, prepare_monitoring
    >>> from plnlib.samples.monitoring import monitoring_answers
    >>> c = load_checklist("knowledge-mobilisation")
    >>> raw = monitoring_answers(c, schools=3, staff=40, waves=(1, 2), seed=3)
    >>> m = monitor(prepare_monitoring(raw, c, by="school", wave="wave"), c,
    ...             by="school", wave="wave")
    >>> spec = group_dot_chart(m, c).to_dict()
    >>> sorted(p["name"] for p in spec["params"])
    ['group', 'section']
    """
    check_result(result, checklist)
    if result.by is None:
        raise DataError(
            "expected results compared by a group column, found none",
            fix="Call monitor(..., by='school') (or role, pln_member...) to compare groups.",
        )
    scale = checklist.scale
    rows = latest_rows(result.sections, result)
    shown = rows[~rows["suppressed"]]
    data = pd.DataFrame(
        {
            "Group": shown["group"].astype(str),
            "Section": shown["title"],
            "n": shown["n"].astype(int),
            "Mean": shown["mean"].round(2),
            "SD": shown["sd"].round(2),
            "Network": shown["network"],
        }
    )
    data["Low"] = (data["Mean"] - data["SD"].fillna(0)).clip(scale.low, scale.high).round(2)
    data["High"] = (data["Mean"] + data["SD"].fillna(0)).clip(scale.low, scale.high).round(2)
    order = [s.title for s in checklist.sections]
    groups = [g for g in shown_groups(rows) if g != NETWORK]
    by = column_words(result.by)
    desc = (
        f"Dots show the mean of each {by} in each of the {len(order)} sections of "
        f"{checklist.title}{wave_text(result)}, on a scale from {scale.low} to {scale.high}; "
        "the group chosen in the menu is drawn in colour with a line from one standard "
        "deviation below its mean to one above; black ticks mark the whole network."
    )
    gap = widest_gap(data[~data["Network"]], section="Section", group="Group", mean="Mean")
    if gap is not None:  # two different groups, or nothing said
        top, low, low_group, high, high_group = gap
        desc += f" Widest gap between groups: {top}, from {low:.2f} ({low_group}) to {high:.2f} ({high_group})."
    hidden = hidden_groups(rows)
    if hidden:
        desc += f" Not shown (too few answers): {', '.join(hidden)}."
    if not groups:
        groups = [NETWORK]
    group = group_picker("group", groups, f"{by.capitalize()} ")
    section = alt.selection_point(name="section", fields=["Section"], on="click", clear="dblclick")
    base = alt.Chart(data).encode(
        y=alt.Y("Section:N", sort=order, title=None, axis=alt.Axis(labelLimit=260)),
        tooltip=[
            "Group:N",
            "Section:N",
            "n:Q",
            alt.Tooltip("Mean:Q", format=".2f"),
            alt.Tooltip("SD:Q", format=".2f", title="Standard deviation"),
        ],
    )
    x = alt.X("Mean:Q", scale=alt.Scale(domain=[scale.low, scale.high]), title="Mean score")
    fade = alt.when(section).then(alt.value(1.0)).otherwise(alt.value(0.25))
    others = (
        base.transform_filter(~alt.datum.Network)
        .mark_circle(size=60, color=GREY)
        .encode(x=x, opacity=fade)
        .add_params(section)
    )
    chosen = base.transform_filter(alt.datum.Group == group)
    rule = chosen.mark_rule(strokeWidth=3, color=PALETTE[1]).encode(x="Low:Q", x2="High:Q")
    dot = chosen.mark_point(size=160, filled=True, color=PALETTE[1], shape="diamond").encode(x=x)
    network = (
        base.transform_filter(alt.datum.Network)
        .mark_tick(color="#000000", thickness=3, size=22)
        .encode(x=x)
    )
    chart = (
        alt.layer(others, rule, dot, network)
        .add_params(group)
        .properties(
            title=alt.Title(f"{checklist.title}: section means by {by}{wave_text(result)}"),
            description=desc,
            width="container",
            height=alt.Step(44),
        )
    )
    table = data[["Group", "Section", "n", "Mean", "SD"]]
    return with_table(chart, table, caption=f"Section means by {by}{wave_text(result)}")


def heatmap_chart(result: Monitoring, checklist: Checklist) -> alt.LayerChart:
    """Items (rows) by groups (columns), coloured by the mean; hidden cells in grey.

    A menu highlights one section's rows; hovering a row outlines it.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> from plnlib.monitoring import monitor, prepare_monitoring
    >>> from plnlib.samples.monitoring import monitoring_answers
    >>> c = load_checklist("knowledge-mobilisation")
    >>> raw = monitoring_answers(c, schools=3, staff=40, waves=(1, 2), seed=3)
    >>> m = monitor(prepare_monitoring(raw, c, by="school", wave="wave"), c,
    ...             by="school", wave="wave")
    >>> heatmap_chart(m, c).to_dict()["title"]["text"]
    'Knowledge mobilisation: statements by school in wave 2'
    """
    check_result(result, checklist)
    scale = checklist.scale
    rows = latest_rows(result.items, result)
    data = pd.DataFrame(
        {
            "Group": rows["group"].astype(str),
            "Item": rows["id"],
            "Section": rows["section"].map({s.id: s.title for s in checklist.sections}),
            "n": rows["n"],  # empty for a hidden cell: the results carry no hidden number
            "Mean": rows["mean"].round(2),
            "Shown": np.where(rows["suppressed"], "hidden (too few answers)", "shown"),
        }
    )
    statements = pd.DataFrame(
        {"Item": list(checklist.item_ids), "Statement": [i.text for i in checklist.items]}
    )
    groups = list(dict.fromkeys([NETWORK, *data["Group"]]))
    by = column_words(result.by)
    shown = data.dropna(subset=["Mean"])
    groups_only = shown[shown["Group"] != NETWORK]
    desc = (
        f"Heatmap of the mean of each of the {len(checklist.items)} statements (rows) for the "
        f"whole network and {who(result)} (columns){wave_text(result)}, darker for lower "
        f"means on a scale from {scale.low} to {scale.high}. Grey cells are hidden because too "
        "few people answered, or so that a small group cannot be worked out from the others."
    )
    pool = groups_only if len(groups_only) else shown
    if len(pool):
        lo, hi = pool.loc[pool["Mean"].idxmin()], pool.loc[pool["Mean"].idxmax()]
        desc += (
            f" Lowest: {lo['Item']} for {lo['Group']} ({lo['Mean']:.2f}); highest: "
            f"{hi['Item']} for {hi['Group']} ({hi['Mean']:.2f})."
        )
    titles = ["All sections", *[s.title for s in checklist.sections]]
    section = group_picker("section", titles, "Highlight ")
    hover = alt.selection_point(name="row", fields=["Item"], on="pointerover", clear="pointerout")
    base = (
        alt.Chart(data)
        .transform_lookup(lookup="Item", from_=alt.LookupData(statements, "Item", ["Statement"]))
        .encode(
            x=alt.X(
                "Group:N", sort=groups, title=None, axis=alt.Axis(labelAngle=-40, orient="top")
            ),
            y=alt.Y("Item:N", sort=list(checklist.item_ids), title=None),
        )
    )
    in_section = (section == "All sections") | (alt.datum.Section == section)
    cells = base.mark_rect(stroke="#ffffff", strokeWidth=1, invalid="show").encode(
        color=alt.when(alt.datum.Shown != "shown")
        .then(alt.value(HIDDEN))
        .otherwise(
            alt.Color(
                "Mean:Q",
                scale=alt.Scale(scheme="viridis", domain=[scale.low, scale.high]),
                legend=alt.Legend(title="Mean", orient="bottom"),
            )
        ),
        opacity=alt.when(in_section).then(alt.value(1.0)).otherwise(alt.value(0.2)),
        strokeWidth=alt.when(hover).then(alt.value(2)).otherwise(alt.value(0.5)),
        tooltip=[
            "Group:N",
            "Item:N",
            "Statement:N",
            "Section:N",
            alt.Tooltip("Mean:Q", format=".2f"),
            "n:Q",
            "Shown:N",
        ],
    )
    labels = (
        base.transform_filter(alt.datum.Shown == "shown")
        .mark_text(fontSize=10)
        .encode(
            text=alt.Text("Mean:Q", format=".1f"),
            color=alt.when(alt.datum.Mean < (scale.low + scale.high) / 2)
            .then(alt.value("#ffffff"))
            .otherwise(alt.value("#000000")),
            opacity=alt.when(in_section).then(alt.value(1.0)).otherwise(alt.value(0.2)),
        )
    )
    chart = (
        alt.layer(cells.add_params(hover), labels)
        .add_params(section)
        .properties(
            title=alt.Title(f"{checklist.title}: statements by {by}{wave_text(result)}"),
            description=desc,
            width="container",
            height=alt.Step(20),
        )
    )
    table = data.assign(Mean=data["Mean"].map(lambda v: "hidden" if pd.isna(v) else f"{v:.2f}"))
    table = table.pivot(index="Item", columns="Group", values="Mean")
    table = table.reindex(index=list(checklist.item_ids), columns=groups).reset_index()
    table.columns.name = None
    return with_table(
        chart, table, caption=f"Mean per statement (rows) and {by} (columns){wave_text(result)}"
    )
