"""Charts of the mobilisation tracker: how far each innovation has spread, and when.

Aggregated data only (counts per stage); every chart has a title, a text
description and a table alternative (:func:`plnlib.charts.base.with_table`).
The charts read named datasets (``funnel``, ``over``): the in-page tracker
(``pln-mobilisation.js``) feeds plnlib's specs the data of its port of
:func:`funnel_data`, :func:`funnel_description`, :func:`over_data` and
:func:`over_description`.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from plnlib.charts.base import PALETTE, with_table
from plnlib.planning.mobilisation import STAGES

__all__ = [
    "funnel_chart",
    "funnel_data",
    "funnel_description",
    "over_data",
    "over_description",
    "stage_time_chart",
]


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
    data = pd.DataFrame(funnel_data(reach_table))
    labels = [s.label for s in STAGES]
    desc = funnel_description(data.to_dict("records"))
    chart = (
        alt.Chart(alt.NamedData(name="funnel"), title=title, description=desc)
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
        .properties(datasets={"funnel": data.to_dict("records")})
    )
    return with_table(chart, data, caption="Reached at least each stage, and now at it")


def stage_time_chart(over: pd.DataFrame, *, title: str = "Stages over time") -> alt.Chart:
    """Stacked areas of the units at each stage over time; a menu picks the innovation.

    ``over`` is :func:`plnlib.planning.mobilisation.stage_over_time`'s result.
    """
    labels = [s.label for s in STAGES]
    rows = over_data(over)
    data = pd.DataFrame(rows, columns=["innovation", "date", "stage", "units"])
    innovations = list(dict.fromkeys(data["innovation"]))
    pick = alt.param(
        name="innovation",
        value=innovations[0] if innovations else "",
        bind=alt.binding_select(options=innovations, name="Innovation: "),
    )
    desc = over_description(rows)
    chart = (
        alt.Chart(alt.NamedData(name="over"), title=title, description=desc)
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
        .properties(width="container", height=220, datasets={"over": rows})
    )
    return with_table(
        chart,
        data[data["date"].isin(sorted(set(data["date"]))[-1:])],
        caption="The latest count at each stage, per innovation",
    )


def funnel_data(reach_table: pd.DataFrame) -> list[dict[str, object]]:
    """For each innovation and stage: how many have reached at least it, and are now at it."""
    rows: list[dict[str, object]] = []
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
    return rows


def funnel_description(rows: list[dict[str, object]]) -> str:
    """The funnel's text alternative, from :func:`funnel_data`."""
    parts = []
    counts: dict[object, list[object]] = {}
    for r in rows:
        counts.setdefault(r["innovation"], []).append(r["reached at least"])
    for innovation, c in counts.items():
        parts.append(
            f"{innovation}: {c[0]} engaging or beyond, {c[1]} trialling or "
            f"beyond, {c[2]} refining and using it"
        )
    return (
        "Grouped bars, one group per innovation, of how many have reached at least each stage. "
        + "; ".join(parts)
        + "."
    )


def over_data(over: pd.DataFrame) -> list[dict[str, object]]:
    """:func:`~plnlib.planning.mobilisation.stage_over_time` as the chart's rows."""
    return [
        {
            "innovation": r.innovation,
            "date": r.date.strftime("%Y-%m-%d"),
            "stage": r.label,
            "units": int(r.units),
        }
        for r in over.itertuples()
    ]


def over_description(rows: list[dict[str, object]]) -> str:
    """The over-time chart's text alternative: the latest count at each stage."""
    last = max((str(r["date"]) for r in rows), default="")
    latest: dict[object, list[str]] = {}
    for r in rows:
        if r["date"] == last:
            latest.setdefault(r["innovation"], []).append(f"{r['units']} {str(r['stage']).lower()}")
    return (
        "Stacked areas, one per stage, of how many are at each stage month by month; the "
        "menu chooses the innovation. Latest: "
        + "; ".join(f"{inn}: " + ", ".join(parts) for inn, parts in latest.items())
        + "."
    )
