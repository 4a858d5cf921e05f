"""Charts of a network monitored over time: answers, groups, items by groups, waves.

Every chart takes a :class:`plnlib.monitoring.Monitoring` result and carries
aggregated numbers only (never a respondent's row). Its controls are Vega-Lite
params, so they work in a static page or an emailed report with no Python
kernel: a menu chooses the group, and hovering or clicking highlights an
answer or a section. Suppressed cells are left out (or drawn as grey "hidden"
cells) and named in the description.
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from plnlib.charts.base import PALETTE, with_table
from plnlib.checklists import Checklist
from plnlib.errors import DataError
from plnlib.monitoring import NETWORK, Monitoring

__all__ = ["diverging_chart", "group_dot_chart", "heatmap_chart", "trend_chart"]

_GREY = "#9a9a9a"
_HIDDEN = "#e6e6e6"
# Okabe-Ito, low answers warm (vermilion, orange) and high answers cool (sky blue, blue)
_LOW = ("#D55E00", "#E69F00", "#F5C26B")
_HIGH = ("#0072B2", "#56B4E9", "#9ED0F0")
_MIDDLE = "#BBBBBB"


def _check(result: Monitoring, checklist: Checklist) -> None:
    if result.checklist_id != checklist.id:
        raise DataError(
            f"expected results of the checklist '{checklist.id}', found results of "
            f"'{result.checklist_id}'",
            fix="Pass the checklist the answers were scored with.",
        )


_LABELS = {"pln_member": "PLN member group", "years_in_network": "years-in-network band"}


def _label(column: str | None) -> str:
    """A column name as words: school, role, PLN member group..."""
    if column is None:
        return "group"
    return _LABELS.get(column, column.replace("_", " "))


def _who(result: Monitoring) -> str:
    return f"each {_label(result.by)}" if result.by else "the whole network"


def _wave_text(result: Monitoring) -> str:
    return f" in wave {result.latest}" if result.latest is not None else ""


def _latest(frame: pd.DataFrame, result: Monitoring) -> pd.DataFrame:
    if result.wave is None:
        return frame
    return frame[frame[result.wave] == result.latest]


def _groups(frame: pd.DataFrame) -> list[str]:
    """Groups with something shown, the whole network first."""
    shown = frame.loc[~frame["suppressed"], "group"].astype(str)
    return list(dict.fromkeys([NETWORK, *shown]))


def _hidden_groups(frame: pd.DataFrame) -> list[str]:
    hidden = frame.groupby(frame["group"].astype(str))["suppressed"].all()
    return [g for g in hidden.index if hidden[g] and g != NETWORK]


def _picker(name: str, options: list[str], label: str) -> alt.Parameter:
    return alt.param(
        name=name, value=options[0], bind=alt.binding_select(options=options, name=label)
    )


def _answer_colours(checklist: Checklist) -> tuple[list[str], list[str], list[int]]:
    """Labels, colours and side (-1 low, 0 middle, 1 high) of each scale point, low to high."""
    points = sorted(checklist.scale.points, key=lambda p: p.value)
    k = len(points)
    half = k // 2
    low = list(_LOW[:half]) if half <= len(_LOW) else [_LOW[0]] * half
    high = list(_HIGH[:half]) if half <= len(_HIGH) else [_HIGH[0]] * half
    high = high[::-1]
    middle = [_MIDDLE] if k % 2 else []
    sides = [-1] * half + [0] * (k % 2) + [1] * half
    return [p.label for p in points], low + middle + high, sides


def diverging_chart(result: Monitoring, checklist: Checklist) -> alt.LayerChart:
    """Diverging stacked bars: the share of each answer to each item, low answers left of zero.

    A menu chooses the group (the whole network first); hovering an answer
    highlights it in every bar.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> from plnlib.monitoring import monitor, prepare_monitoring
    >>> from plnlib.samples.monitoring import monitoring_answers
    >>> c = load_checklist("knowledge-mobilisation")
    >>> raw = monitoring_answers(c, schools=3, staff=40, waves=(1, 2), seed=3)
    >>> m = monitor(prepare_monitoring(raw, c, by="school", wave="wave"), c,
    ...             by="school", wave="wave")
    >>> spec = diverging_chart(m, c).to_dict()
    >>> spec["title"]["text"], [p["name"] for p in spec["params"]]
    ('Knowledge mobilisation: answers in wave 2', ['group', 'answer'])
    """
    _check(result, checklist)
    labels, colours, sides = _answer_colours(checklist)
    side_of = dict(zip(labels, sides, strict=True))
    dist = result.distribution.dropna(subset=["count"])
    dist = dist.sort_values(["group", "id", "value"], kind="stable").reset_index(drop=True)
    data = _stack(dist, dist["label"].map(side_of).to_numpy())
    items = pd.DataFrame(
        {
            "Item": list(checklist.item_ids),
            "Statement": [i.text for i in checklist.items],
            "Section": [checklist.section(i.section).title for i in checklist.items],
        }
    )
    groups = _groups(result.distribution)
    net = dist[dist["network"]]
    positive = net[net["label"].map(side_of) > 0].groupby("id")["share"].sum()
    desc = (
        f"Diverging bars of the answers to the {len(checklist.items)} statements of "
        f"{checklist.title}{_wave_text(result)}: low answers ({', '.join(labels[: len(labels) // 2])}) "
        f"run left of zero, high answers right. The menu chooses the whole network or "
        f"{_who(result)}."
    )
    if len(positive):
        desc += (
            f" Whole network: most positive {positive.idxmax()} ({positive.max():.0%} high "
            f"answers), least positive {positive.idxmin()} ({positive.min():.0%})."
        )
    hidden = _hidden_groups(result.distribution)
    if hidden:
        desc += f" Not shown (too few answers): {', '.join(hidden)}."
    group = _picker("group", groups, f"{_label(result.by).capitalize()} ")
    answer = alt.selection_point(
        name="answer", fields=["Answer"], on="pointerover", clear="pointerout"
    )
    chart = (
        alt.Chart(data)
        .transform_filter(alt.datum.Group == group)
        .transform_lookup(
            lookup="Item", from_=alt.LookupData(items, "Item", ["Statement", "Section"])
        )
        .transform_calculate(Share="datum.x1 - datum.x0")
        .mark_bar()
        .encode(
            y=alt.Y("Item:N", sort=list(checklist.item_ids), title=None),
            x=alt.X(
                "x0:Q",
                title="Share of answers (low answers left of zero)",
                axis=alt.Axis(format="%", labelExpr="format(abs(datum.value), '.0%')"),
                scale=alt.Scale(domain=[-1, 1]),
            ),
            x2="x1:Q",
            color=alt.Color(
                "Answer:N",
                sort=labels,
                scale=alt.Scale(domain=labels, range=colours),
                legend=alt.Legend(orient="bottom", title=None),
            ),
            opacity=alt.when(answer).then(alt.value(1.0)).otherwise(alt.value(0.35)),
            tooltip=[
                "Group:N",
                "Item:N",
                "Statement:N",
                "Section:N",
                "Answer:N",
                alt.Tooltip("Share:Q", format=".0%"),
                "People:Q",
            ],
        )
        .add_params(group, answer)
    )
    zero = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(color="#333").encode(x="x:Q")
    layered = alt.layer(chart, zero).properties(
        title=alt.Title(f"{checklist.title}: answers{_wave_text(result)}"),
        description=desc,
        width="container",
        height=alt.Step(22),
    )
    table = dist.pivot_table(
        index=["group", "id", "n"], columns="label", values="share", sort=False, observed=True
    )
    table = table[[c for c in labels if c in table.columns]].map(lambda v: f"{v:.0%}")
    table = table.reset_index().rename(columns={"group": "Group", "id": "Item"})
    table.columns.name = None
    return with_table(
        layered,
        table,
        caption=f"Share of each answer per statement{_wave_text(result)}",
    )


def _stack(dist: pd.DataFrame, side: np.ndarray) -> pd.DataFrame:
    """Bar ends of each answer: low answers stack leftwards from zero, high ones rightwards.

    ``dist`` is sorted by group, item and value; a middle answer (odd scales) straddles zero.
    """
    share = dist["share"].to_numpy(dtype="float64")
    keys = [dist["group"].astype(str), dist["id"]]
    neg = pd.Series(np.where(side < 0, share, 0.0))
    pos = pd.Series(np.where(side > 0, share, 0.0))
    half = pd.Series(np.where(side == 0, share / 2, 0.0)).groupby(keys).transform("sum")
    neg_total = neg.groupby(keys).transform("sum")
    neg_before = neg.groupby(keys).cumsum() - neg  # low answers further from the middle
    pos_before = pos.groupby(keys).cumsum() - pos
    x0 = np.where(
        side < 0, -(half + neg_total - neg_before), np.where(side > 0, half + pos_before, -half)
    )
    x1 = np.where(side < 0, x0 + neg, np.where(side > 0, x0 + pos, half))
    return pd.DataFrame(
        {
            "Group": keys[0].to_numpy(),
            "Item": dist["id"].to_numpy(),
            "Answer": dist["label"].to_numpy(),
            "People": dist["count"].astype(int).to_numpy(),
            "x0": np.round(x0, 4),
            "x1": np.round(x1, 4),
        }
    )


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
    _check(result, checklist)
    if result.by is None:
        raise DataError(
            "expected results compared by a group column, found none",
            fix="Call monitor(..., by='school') (or role, pln_member...) to compare groups.",
        )
    scale = checklist.scale
    rows = _latest(result.sections, result)
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
    groups = [g for g in _groups(rows) if g != NETWORK]
    by = _label(result.by)
    desc = (
        f"Dots show the mean of each {by} in each of the {len(order)} sections of "
        f"{checklist.title}{_wave_text(result)}, on a scale from {scale.low} to {scale.high}; "
        "the group chosen in the menu is drawn in colour with a line from one standard "
        "deviation below its mean to one above; black ticks mark the whole network."
    )
    spread = (
        data[~data["Network"]].groupby("Section")["Mean"].agg(["min", "max", "idxmin", "idxmax"])
    )
    if len(spread):
        spread["gap"] = spread["max"] - spread["min"]
        top = spread["gap"].idxmax()
        desc += (
            f" Widest gap between groups: {top}, from {spread.at[top, 'min']:.2f} "
            f"({data.at[spread.at[top, 'idxmin'], 'Group']}) to {spread.at[top, 'max']:.2f} "
            f"({data.at[spread.at[top, 'idxmax'], 'Group']})."
        )
    hidden = _hidden_groups(rows)
    if hidden:
        desc += f" Not shown (too few answers): {', '.join(hidden)}."
    if not groups:
        groups = [NETWORK]
    group = _picker("group", groups, f"{by.capitalize()} ")
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
        .mark_circle(size=60, color=_GREY)
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
            title=alt.Title(f"{checklist.title}: section means by {by}{_wave_text(result)}"),
            description=desc,
            width="container",
            height=alt.Step(44),
        )
    )
    table = data[["Group", "Section", "n", "Mean", "SD"]]
    return with_table(chart, table, caption=f"Section means by {by}{_wave_text(result)}")


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
    _check(result, checklist)
    scale = checklist.scale
    rows = _latest(result.items, result)
    data = pd.DataFrame(
        {
            "Group": rows["group"].astype(str),
            "Item": rows["id"],
            "Section": rows["section"].map({s.id: s.title for s in checklist.sections}),
            "n": rows["n"].astype(int),
            "Mean": rows["mean"].round(2),
            "Shown": np.where(rows["suppressed"], "hidden (too few answers)", "shown"),
        }
    )
    data.loc[rows["suppressed"].to_numpy(), "n"] = np.nan  # hidden cells do not show their n
    statements = pd.DataFrame(
        {"Item": list(checklist.item_ids), "Statement": [i.text for i in checklist.items]}
    )
    groups = list(dict.fromkeys([NETWORK, *data["Group"]]))
    by = _label(result.by)
    shown = data.dropna(subset=["Mean"])
    groups_only = shown[shown["Group"] != NETWORK]
    desc = (
        f"Heatmap of the mean of each of the {len(checklist.items)} statements (rows) for the "
        f"whole network and {_who(result)} (columns){_wave_text(result)}, darker for lower "
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
    section = _picker("section", titles, "Highlight ")
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
        .then(alt.value(_HIDDEN))
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
            title=alt.Title(f"{checklist.title}: statements by {by}{_wave_text(result)}"),
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
        chart, table, caption=f"Mean per statement (rows) and {by} (columns){_wave_text(result)}"
    )


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
    _check(result, checklist)
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
    groups = _groups(result.sections)
    desc = (
        f"Lines show the mean of each of the {len(order)} sections of {checklist.title} in "
        f"each wave from {waves[0]} to {waves[-1]}, for the whole network (the menu chooses "
        f"{_who(result)})."
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
    group = _picker("group", groups, f"{_label(result.by).capitalize()} ")
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
