"""Charts of improvement cycles: the driver diagram and the run chart of the measure.

Every chart has a title, a text description and a table alternative
(:func:`plnlib.charts.base.with_table`). The charts read *named* datasets
(``nodes``, ``links``, ``heads``, ``frame``; ``readings``, ``median``,
``marks``): the in-page tool (``pln-cycles.js``) takes the spec plnlib writes
and feeds it new data computed by its port of :func:`diagram_layout`,
:func:`run_data` and the two ``*_description`` functions.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from plnlib.charts.base import PALETTE, with_table
from plnlib.planning.cycles import Driver, DriverDiagram, diagram_rows

__all__ = [
    "DIAGRAM_HEADS",
    "diagram_description",
    "diagram_layout",
    "driver_diagram_chart",
    "run_chart",
    "run_data",
    "run_description",
]

#: The diagram's column headings, left to right.
DIAGRAM_HEADS: tuple[str, ...] = ("Aim", "Primary drivers", "Secondary drivers", "Change ideas")


def _wrap(text: str, width: int = 28) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines


def diagram_layout(diagram: DriverDiagram) -> dict[str, list[dict[str, Any]]]:
    """Where each box and link goes: ``nodes``, ``links``, ``heads`` and ``frame``.

    Leaves (change ideas, or drivers without children) take one row each, top
    to bottom; a parent sits midway between its first and last child.

    Examples
    --------
    >>> from plnlib.planning.cycles import diagram_from_dict
    >>> d = diagram_from_dict({"aim": "Aim", "measure": "M", "target_date": "2027-07-01",
    ...     "primary_drivers": [{"id": f"P{i}", "text": "D"} for i in (1, 2, 3)]})
    >>> [(n["plain"], n["y"]) for n in diagram_layout(d)["nodes"]][-1]
    ('Aim (measure: M; by 2027-07-01)', 1.0)
    """
    nodes: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    rows = [0.0]

    def place(level: int, node_id: str, text: str, kids: list[tuple[int, str, str, list]]) -> float:
        if kids:
            ys = [place(*k) for k in kids]
            y = sum(ys) / len(ys)
            links.extend({"x": level + 0.9, "y": y, "x2": level + 1, "y2": cy} for cy in ys)
        else:
            y = rows[0]
            rows[0] += 1
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
    heads = [{"column": i, "y": -0.8, "head": h} for i, h in enumerate(DIAGRAM_HEADS)]
    frame = [{"y": -1.0}, {"y": max(rows[0], 1.0)}]
    return {"nodes": nodes, "links": links, "heads": heads, "frame": frame}


def diagram_description(diagram: DriverDiagram) -> str:
    """The diagram's text alternative: the aim, each primary with its secondaries."""
    primaries = "; ".join(
        f"{p.id} {p.text}"
        + (
            f" (secondary: {', '.join(f'{s.id} {s.text}' for s in p.children)})"
            if p.children
            else ""
        )
        for p in diagram.primaries
    )
    return (
        f"Driver diagram, read from left to right. Aim: {diagram.aim}. Primary drivers: "
        f"{primaries}. {len(diagram.ideas)} change ideas; the table lists every box."
    )


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
    data = diagram_layout(diagram)
    x = alt.X("x:Q", axis=None, scale=alt.Scale(domain=[-0.1, 3.9]))
    col = alt.X("column:Q", axis=None, scale=alt.Scale(domain=[-0.1, 3.9]))
    y = alt.Y("y:Q", axis=None, scale=alt.Scale(reverse=True, nice=False, zero=False))
    links = (
        alt.Chart(alt.NamedData(name="links"))
        .mark_rule(color="#777")
        .encode(x=x, y=y, x2="x2:Q", y2="y2:Q")
    )
    boxes = (
        alt.Chart(alt.NamedData(name="nodes"))
        .mark_text(align="left", baseline="middle", dx=4, fontSize=11, lineHeight=13)
        .encode(x=col, y=y, text="text:N", tooltip=[alt.Tooltip("plain:N", title="Box")])
    )
    head = (
        alt.Chart(alt.NamedData(name="heads"))
        .mark_text(align="left", dx=4, fontWeight="bold", fontSize=12)
        .encode(x=col, y=y, text="head:N")
    )
    frame = alt.Chart(alt.NamedData(name="frame")).mark_point(opacity=0).encode(y=y)
    rows = data["frame"][1]["y"]
    chart = (
        alt.layer(
            links,
            boxes,
            head,
            frame,
            title=title or "Driver diagram",
            description=diagram_description(diagram),
        )
        .properties(width=760, height=max(200, int(40 * (rows + 1))), datasets=data)
        .configure_view(stroke=None)
    )
    return with_table(chart, diagram_rows(diagram), caption="Every box of the driver diagram")


def run_data(
    measures: pd.DataFrame, cycles: pd.DataFrame | None = None
) -> dict[str, list[dict[str, Any]]]:
    """The run chart's data: ``readings`` (date, value, cycle), ``median``, ``marks``.

    ``marks`` are the cycles with a start date (cycle, date, change_idea), in
    the log's order.
    """
    readings = [
        {"date": d.strftime("%Y-%m-%d"), "value": float(v), "cycle": c}
        for d, v, c in zip(measures["date"], measures["value"], measures["cycle"], strict=True)
    ]
    median = [{"median": float(measures["value"].median())}] if len(measures) else []
    marks: list[dict[str, Any]] = []
    if cycles is not None:
        marks = [
            {"cycle": r.cycle, "date": r.start.strftime("%Y-%m-%d"), "change_idea": r.change_idea}
            for r in cycles.itertuples()
            if not pd.isna(r.start)
        ]
    return {"readings": readings, "median": median, "marks": marks}


def run_description(data: dict[str, list[dict[str, Any]]], measure: str) -> str:
    """The run chart's text alternative, from :func:`run_data`."""
    r, marks = data["readings"], data["marks"]
    if not r:
        return f"Run chart of {measure}: no readings yet."
    return (
        f"Run chart of {measure}: {len(r)} readings from {r[0]['date']} to {r[-1]['date']}, "
        f"first {r[0]['value']:g}, last {r[-1]['value']:g}, "
        f"median {data['median'][0]['median']:g} (the horizontal line)."
        + (
            f" Dashed lines mark the start of cycles {', '.join(m['cycle'] for m in marks)}."
            if marks
            else ""
        )
    )


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
    data = run_data(measures, cycles)
    x = alt.X("date:T", title=None)
    line = (
        alt.Chart(alt.NamedData(name="readings"))
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
    mid = alt.Chart(alt.NamedData(name="median")).mark_rule(color=PALETTE[1]).encode(y="median:Q")
    rule = (
        alt.Chart(alt.NamedData(name="marks"))
        .mark_rule(strokeDash=[4, 3], color="#555")
        .encode(x=x, tooltip=["cycle:N", "change_idea:N", alt.Tooltip("date:T", title="Start")])
    )
    text = rule.mark_text(align="left", dx=3, dy=-4, baseline="bottom", color="#333").encode(
        text=alt.Text("cycle:N"), y=alt.value(0)
    )
    chart = alt.layer(
        line,
        mid,
        rule,
        text,
        title=title or f"{measure} across the cycles",
        description=run_description(data, measure),
    ).properties(width="container", height=240, datasets=data)
    table = pd.DataFrame(data["readings"], columns=["date", "value", "cycle"])
    return with_table(chart, table, caption=f"Readings of {measure}")
