"""Charts of improvement cycles: the driver diagram and the run chart of the measure.

Every chart has a title, a text description and a table alternative
(:func:`plnlib.charts.base.with_table`).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from plnlib.charts.base import PALETTE, with_table
from plnlib.planning.cycles import Driver, DriverDiagram, diagram_rows

__all__ = ["driver_diagram_chart", "run_chart"]


def _wrap(text: str, width: int = 28) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines


def driver_diagram_chart(diagram: DriverDiagram, *, title: str | None = None) -> alt.Chart:
    """The driver diagram left to right: aim, primary drivers, secondary drivers, change ideas.

    Examples
    --------
    >>> from plnlib.planning.cycles import diagram_from_dict
    >>> d = diagram_from_dict({"aim": "Aim", "measure": "M", "target_date": "2027-07-01",
    ...     "primary_drivers": [{"id": f"P{i}", "text": "D"} for i in (1, 2, 3)]})
    >>> driver_diagram_chart(d).to_dict()["description"][:45]
    'Driver diagram, read from left to right. Aim:'
    """
    nodes: list[dict[str, object]] = []
    edges: list[dict[str, object]] = []
    next_y = [0.0]

    def place(level: int, node_id: str, text: str, kids: list[tuple[int, str, str, list]]) -> float:
        if kids:
            ys = [place(*k) for k in kids]
            y = sum(ys) / len(ys)
            edges.extend({"x": level + 0.9, "y": y, "x2": level + 1, "y2": cy} for cy in ys)
        else:
            y = next_y[0]
            next_y[0] += 1
        label = f"{node_id}: {text}" if node_id else text
        nodes.append({"column": level, "y": y, "text": _wrap(label), "plain": label})
        return y

    def tree(p: Driver) -> tuple[int, str, str, list]:
        return (
            1,
            p.id,
            p.text,
            [(2, s.id, s.text, [(3, c.id, c.text, []) for c in s.ideas]) for s in p.children],
        )

    place(
        0,
        "",
        f"{diagram.aim} (measure: {diagram.measure}; by {diagram.target_date.date()})",
        [tree(p) for p in diagram.primaries],
    )
    heads = ["Aim", "Primary drivers", "Secondary drivers", "Change ideas"]
    data = pd.DataFrame(nodes)
    lines = pd.DataFrame(edges, columns=["x", "y", "x2", "y2"])
    desc = (
        f"Driver diagram, read from left to right. Aim: {diagram.aim}. Primary drivers: "
        + "; ".join(
            f"{p.id} {p.text}"
            + (
                f" (secondary: {', '.join(f'{s.id} {s.text}' for s in p.children)})"
                if p.children
                else ""
            )
            for p in diagram.primaries
        )
        + f". {len(diagram.ideas)} change ideas; the table lists every box."
    )
    x = alt.X("x:Q", axis=None, scale=alt.Scale(domain=[-0.1, 3.9]))
    y = alt.Y("y:Q", axis=None, scale=alt.Scale(reverse=True, domain=[-1, max(next_y[0], 1)]))
    links = alt.Chart(lines).mark_rule(color="#777").encode(x=x, y=y, x2="x2:Q", y2="y2:Q")
    boxes = (
        alt.Chart(data)
        .mark_text(align="left", baseline="middle", dx=4, fontSize=11, lineHeight=13)
        .encode(
            x=alt.X("column:Q", axis=None, scale=alt.Scale(domain=[-0.1, 3.9])),
            y=alt.Y(
                "y:Q", axis=None, scale=alt.Scale(reverse=True, domain=[-1, max(next_y[0], 1)])
            ),
            text="text:N",
            tooltip=[alt.Tooltip("plain:N", title="Box")],
        )
    )
    head = (
        alt.Chart(pd.DataFrame({"column": range(4), "y": -0.8, "head": heads}))
        .mark_text(align="left", dx=4, fontWeight="bold", fontSize=12)
        .encode(
            x=alt.X("column:Q", axis=None, scale=alt.Scale(domain=[-0.1, 3.9])),
            y=alt.Y(
                "y:Q", axis=None, scale=alt.Scale(reverse=True, domain=[-1, max(next_y[0], 1)])
            ),
            text="head:N",
        )
    )
    chart = (
        alt.layer(links, boxes, head, title=title or "Driver diagram", description=desc)
        .properties(width=760, height=max(200, int(40 * (next_y[0] + 1))))
        .configure_view(stroke=None)
    )
    return with_table(chart, diagram_rows(diagram), caption="Every box of the driver diagram")


def run_chart(
    measures: pd.DataFrame,
    cycles: pd.DataFrame | None = None,
    *,
    measure: str = "Measure",
    title: str | None = None,
) -> alt.Chart:
    """The measure over time with its median, and each PDSA cycle's start marked.

    ``measures`` is :func:`plnlib.planning.cycles.prepare_measures`'s result;
    ``cycles`` (from :func:`~plnlib.planning.cycles.prepare_cycles`) adds a
    dashed line at each cycle's start, labelled with the cycle id.
    """
    data = measures.assign(date=measures["date"].dt.strftime("%Y-%m-%d"))
    median = float(measures["value"].median())
    marks = pd.DataFrame(columns=["cycle", "date", "change_idea"])
    if cycles is not None:
        marks = cycles.dropna(subset=["start"]).assign(
            date=lambda f: f["start"].dt.strftime("%Y-%m-%d")
        )[["cycle", "date", "change_idea"]]
    desc = (
        f"Run chart of {measure}: {len(data)} readings from {data['date'].iloc[0]} to "
        f"{data['date'].iloc[-1]}, first {data['value'].iloc[0]:g}, last {data['value'].iloc[-1]:g}, "
        f"median {median:g} (the horizontal line)."
        + (
            f" Dashed lines mark the start of cycles {', '.join(marks['cycle'])}."
            if len(marks)
            else ""
        )
    )
    x = alt.X("date:T", title=None)
    line = (
        alt.Chart(data)
        .mark_line(point=True, color=PALETTE[0])
        .encode(
            x=x,
            y=alt.Y("value:Q", title=measure if len(measure) <= 40 else measure[:38] + "…"),
            tooltip=[
                alt.Tooltip("date:T", title="Date"),
                alt.Tooltip("value:Q", title=measure),
                "cycle:N",
            ],
        )
    )
    mid = (
        alt.Chart(pd.DataFrame({"median": [median]}))
        .mark_rule(color=PALETTE[1])
        .encode(y="median:Q")
    )
    layers = [line, mid]
    if len(marks):
        rule = (
            alt.Chart(marks)
            .mark_rule(strokeDash=[4, 3], color="#555")
            .encode(x=x, tooltip=["cycle:N", "change_idea:N", alt.Tooltip("date:T", title="Start")])
        )
        text = rule.mark_text(align="left", dx=3, dy=-4, baseline="bottom", color="#333").encode(
            text=alt.Text("cycle:N"), y=alt.value(0)
        )
        layers += [rule, text]
    chart = alt.layer(
        *layers, title=title or f"{measure} across the cycles", description=desc
    ).properties(width="container", height=240)
    return with_table(chart, data[["date", "value", "cycle"]], caption=f"Readings of {measure}")
