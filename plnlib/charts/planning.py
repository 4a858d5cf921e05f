"""Charts of the planning tools: free-time heatmap and ranking, mobilisation, cycles.

Aggregated data only (counts per slot, per stage); every chart has a title,
a text description and a table alternative (:func:`plnlib.charts.base.with_table`).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from plnlib.charts.base import PALETTE, with_table
from plnlib.planning.mobilisation import STAGES
from plnlib.planning.timefinder import WEEKDAYS

__all__ = ["funnel_chart", "slot_heatmap", "slot_ranking", "stage_time_chart"]


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
