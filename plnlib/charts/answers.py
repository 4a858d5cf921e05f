"""Charts of how people answered: diverging stacked bars of each statement's answers.

Aggregated numbers only; hidden groups are left out and named in the description.
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from plnlib.charts.base import with_table
from plnlib.charts.survey import (
    check_result,
    column_words,
    group_picker,
    hidden_groups,
    shown_groups,
    wave_text,
    who,
)
from plnlib.checklists import Checklist
from plnlib.monitoring import Monitoring

__all__ = ["diverging_chart"]

# Okabe-Ito, low answers warm (vermilion, orange) and high answers cool (sky blue, blue)
_LOW = ("#D55E00", "#E69F00", "#F5C26B")
_HIGH = ("#0072B2", "#56B4E9", "#9ED0F0")
_MIDDLE = "#BBBBBB"


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
    check_result(result, checklist)
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
    groups = shown_groups(result.distribution)
    net = dist[dist["network"]]
    positive = net[net["label"].map(side_of) > 0].groupby("id")["share"].sum()
    desc = (
        f"Diverging bars of the answers to the {len(checklist.items)} statements of "
        f"{checklist.title}{wave_text(result)}: low answers ({', '.join(labels[: len(labels) // 2])}) "
        f"run left of zero, high answers right. The menu chooses the whole network or "
        f"{who(result)}."
    )
    if len(positive):
        desc += (
            f" Whole network: most positive {positive.idxmax()} ({positive.max():.0%} high "
            f"answers), least positive {positive.idxmin()} ({positive.min():.0%})."
        )
    hidden = hidden_groups(result.distribution)
    if hidden:
        desc += f" Not shown (too few answers): {', '.join(hidden)}."
    group = group_picker("group", groups, f"{column_words(result.by).capitalize()} ")
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
        title=alt.Title(f"{checklist.title}: answers{wave_text(result)}"),
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
        caption=f"Share of each answer per statement{wave_text(result)}",
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
