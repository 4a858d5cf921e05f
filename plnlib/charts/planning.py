"""Charts of the time finder: free members by day and slot, and the best times.

Aggregated data only (counts per slot); every chart has a title, a text
description and a table alternative (:func:`plnlib.charts.base.with_table`).
The mobilisation and improvement-cycle charts are in :mod:`plnlib.charts.mobilisation`
and :mod:`plnlib.charts.cycles`.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from plnlib.charts.base import PALETTE, with_table
from plnlib.planning.freetimes import WEEKDAYS

__all__ = ["slot_heatmap", "slot_ranking"]


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
