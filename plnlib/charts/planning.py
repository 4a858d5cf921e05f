"""Charts of the planning tools: free-time heatmap and ranking, mobilisation, cycles.

Aggregated data only (counts per slot, per stage); every chart has a title,
a text description and a table alternative (:func:`plnlib.charts.base.with_table`).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from plnlib.charts.base import PALETTE, with_table
from plnlib.planning.cycles import Driver, DriverDiagram, diagram_rows
from plnlib.planning.mobilisation import STAGES
from plnlib.planning.timefinder import WEEKDAYS

__all__ = [
    "driver_diagram_chart",
    "funnel_chart",
    "run_chart",
    "slot_heatmap",
    "slot_ranking",
    "stage_time_chart",
]


def _best_text(table: pd.DataFrame, n: int = 3) -> str:
    top = table.sort_values("rank").head(n)
    return "; ".join(
        f"{r.day} {r.slot} ({r.available} of {r.members} members, {r.schools} of "
        f"{r.of_schools} schools)"
        for r in top.itertuples()
    )


def _week_order(values: list[str]) -> list[str]:
    seen = list(dict.fromkeys(values))
    return [d for d in WEEKDAYS if d in seen] + [d for d in seen if d not in WEEKDAYS]


def slot_heatmap(
    table: pd.DataFrame,
    *,
    days: tuple[str, ...] | None = None,
    slots: tuple[str, ...] | None = None,
    title: str = "When members are free",
) -> alt.Chart:
    """Days down, slots across; each cell shows how many members are free.

    ``table`` is :func:`plnlib.planning.timefinder.availability`'s result;
    ``days`` and ``slots`` give the order (the week's order when not given).

    Examples
    --------
    >>> from plnlib.planning import availability, availability_from_tidy
    >>> tidy = pd.DataFrame({"person": ["a", "b"], "school": ["X", "Y"],
    ...                      "day": ["Mon", "Mon"], "slot": ["PM", "PM"]})
    >>> spec = slot_heatmap(availability(availability_from_tidy(tidy))).to_dict()
    >>> spec["description"].startswith("Heatmap of 1 days by 1 slots")
    True
    """
    order = table.sort_values("rank")
    days = list(days) if days else _week_order(table["day"].tolist())
    slots = list(slots) if slots else list(dict.fromkeys(table["slot"]))
    data = table[["day", "slot", "available", "members", "schools", "of_schools"]].copy()
    desc = (
        f"Heatmap of {data['day'].nunique()} days by {data['slot'].nunique()} slots; "
        f"darker cells have more members free (out of {int(data['members'].max())}). "
        f"Best: {_best_text(order)}."
    )
    base = alt.Chart(data).encode(
        x=alt.X("slot:N", sort=slots, title="Slot", axis=alt.Axis(labelAngle=0, labelLimit=120)),
        y=alt.Y("day:N", sort=days, title=None),
    )
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color(
            "available:Q",
            title="Members free",
            scale=alt.Scale(scheme="blues", domainMin=0),
        ),
        tooltip=[
            alt.Tooltip("day:N", title="Day"),
            alt.Tooltip("slot:N", title="Slot"),
            alt.Tooltip("available:Q", title="Members free"),
            alt.Tooltip("schools:Q", title="Schools with someone free"),
        ],
    )
    labels = base.mark_text(fontSize=12).encode(
        text="available:Q",
        color=alt.condition(
            alt.datum.available > data["available"].max() / 2,
            alt.value("white"),
            alt.value("black"),
        ),
    )
    chart = alt.layer(cells, labels, title=title, description=desc).properties(
        width="container", height=alt.Step(34)
    )
    return with_table(
        chart,
        data.rename(
            columns={
                "available": "members free",
                "schools": "schools with someone free",
                "of_schools": "schools",
            }
        ),
        caption="Members and schools free at each day and slot",
    )


def slot_ranking(table: pd.DataFrame, *, top: int = 10, title: str | None = None) -> alt.Chart:
    """The best slots as bars of members free, labelled with the schools covered.

    Examples
    --------
    >>> from plnlib.planning import availability, availability_from_tidy
    >>> tidy = pd.DataFrame({"person": ["a", "b"], "school": ["X", "Y"],
    ...                      "day": ["Mon", "Tue"], "slot": ["PM", "PM"]})
    >>> spec = slot_ranking(availability(availability_from_tidy(tidy))).to_dict()
    >>> spec["title"]
    'The 2 best times to meet'
    """
    order = table.sort_values("rank").head(top).copy()
    order["time"] = order["day"] + " " + order["slot"]
    order["schools free"] = order["schools"].astype(str) + " of " + order["of_schools"].astype(str)
    desc = (
        f"Bar chart of the {len(order)} best times, ranked by the number of schools with at "
        f"least one member free, then by members free. {_best_text(order)}."
    )
    bars = (
        alt.Chart(order)
        .mark_bar(color=PALETTE[0])
        .encode(
            y=alt.Y("time:N", sort=order["time"].tolist(), title=None),
            x=alt.X(
                "available:Q",
                title="Members free",
                scale=alt.Scale(domain=[0, int(order["members"].max())]),
                axis=alt.Axis(tickMinStep=1, format="d"),
            ),
            tooltip=[
                alt.Tooltip("rank:Q", title="Rank"),
                alt.Tooltip("time:N", title="Time"),
                alt.Tooltip("available:Q", title="Members free"),
                alt.Tooltip("schools free:N", title="Schools with someone free"),
            ],
        )
    )
    text = bars.mark_text(align="left", dx=4, color="black").encode(text="schools free:N")
    chart = alt.layer(
        bars, text, title=title or f"The {len(order)} best times to meet", description=desc
    ).properties(width="container", height=alt.Step(26))
    return with_table(
        chart,
        order[["rank", "day", "slot", "available", "members", "schools", "of_schools"]].rename(
            columns={
                "available": "members free",
                "schools": "schools with someone free",
                "of_schools": "schools",
            }
        ),
        caption="The best times to meet, best first",
    )


_STAGE_COLOURS = list(PALETTE[:3])


def funnel_chart(
    reach_table: pd.DataFrame, *, title: str = "How far each innovation has spread"
) -> alt.Chart:
    """For each innovation, the staff (or schools) who have reached at least each stage.

    ``reach_table`` is :func:`plnlib.planning.mobilisation.reach` without ``by``.

    Examples
    --------
    >>> from plnlib.planning.mobilisation import prepare_records, reach
    >>> raw = pd.DataFrame({"innovation": "X", "school": ["A", "B"],
    ...     "stage": ["engaging", "refining"], "date": "2026-01-01"})
    >>> spec = funnel_chart(reach(prepare_records(raw))).to_dict()
    >>> spec["usermeta"]["plnlib"]["table"][1]
    {'innovation': 'X', 'stage': 'Trialling it with colleagues', 'reached at least': 1, 'now at': 0}
    """
    labels = [s.label for s in STAGES]
    rows = []
    for innovation, group in reach_table.groupby("innovation", sort=False):
        units = group.set_index("stage")["units"]
        for i, s in enumerate(STAGES):
            rows.append(
                {
                    "innovation": innovation,
                    "stage": s.label,
                    "reached at least": int(units.iloc[i:].sum()),
                    "now at": int(units.iloc[i]),
                }
            )
    data = pd.DataFrame(rows)
    parts = []
    for innovation, group in data.groupby("innovation", sort=False):
        counts = group["reached at least"].tolist()
        parts.append(
            f"{innovation}: {counts[0]} engaging or beyond, {counts[1]} trialling or "
            f"beyond, {counts[2]} refining and using it"
        )
    desc = (
        "Grouped bars, one group per innovation, of how many have reached at least each stage. "
        + "; ".join(parts)
        + "."
    )
    chart = (
        alt.Chart(data, title=title, description=desc)
        .mark_bar()
        .encode(
            y=alt.Y("innovation:N", title=None, axis=alt.Axis(labelLimit=220)),
            yOffset=alt.YOffset("stage:N", sort=labels),
            x=alt.X("reached at least:Q", title="Reached at least this stage"),
            color=alt.Color(
                "stage:N",
                sort=labels,
                title="Stage",
                scale=alt.Scale(domain=labels, range=_STAGE_COLOURS),
                legend=alt.Legend(orient="bottom"),
            ),
            tooltip=["innovation:N", "stage:N", "reached at least:Q", "now at:Q"],
        )
        .properties(width="container", height=alt.Step(14))
    )
    return with_table(chart, data, caption="Reached at least each stage, and now at it")


def stage_time_chart(over: pd.DataFrame, *, title: str = "Stages over time") -> alt.Chart:
    """Stacked areas of the units at each stage over time; a menu picks the innovation.

    ``over`` is :func:`plnlib.planning.mobilisation.stage_over_time`'s result.
    """
    labels = [s.label for s in STAGES]
    data = over.assign(date=over["date"].dt.strftime("%Y-%m-%d"))[
        ["innovation", "date", "label", "units"]
    ]
    data = data.rename(columns={"label": "stage"})
    innovations = list(dict.fromkeys(data["innovation"]))
    pick = alt.param(
        name="innovation",
        value=innovations[0],
        bind=alt.binding_select(options=innovations, name="Innovation: "),
    )
    last = data[data["date"] == data["date"].max()]
    desc = (
        "Stacked areas, one per stage, of how many are at each stage month by month; the "
        "menu chooses the innovation. Latest: "
        + "; ".join(
            f"{inn}: " + ", ".join(f"{r.units} {r.stage.lower()}" for r in g.itertuples())
            for inn, g in last.groupby("innovation", sort=False)
        )
        + "."
    )
    chart = (
        alt.Chart(data, title=title, description=desc)
        .mark_area()
        .encode(
            x=alt.X("date:T", title=None),
            y=alt.Y("units:Q", stack=True, title="Staff or schools"),
            color=alt.Color(
                "stage:N",
                sort=labels,
                title="Stage",
                scale=alt.Scale(domain=labels, range=_STAGE_COLOURS),
                legend=alt.Legend(orient="bottom"),
            ),
            order=alt.Order("stage_order:Q"),
            tooltip=["innovation:N", "date:T", "stage:N", "units:Q"],
        )
        .transform_filter(alt.datum.innovation == pick)
        .transform_calculate(stage_order=f"indexof({labels!r}, datum.stage)")
        .add_params(pick)
        .properties(width="container", height=220)
    )
    return with_table(
        chart,
        data[data["date"].isin(sorted(set(data["date"]))[-1:])],
        caption="The latest count at each stage, per innovation",
    )


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
