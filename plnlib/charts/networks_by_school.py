"""Charts of an advice network by school: the school-by-school grid and one dot per school.

No person is named in these charts: only counts of ties and people per school.
They stay light at any size: the grid shows at most :data:`GRID_SCHOOLS`
schools (the most linked, with the others added up in one row and column), and
the school chart has one row per school.
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from plnlib.charts.base import PALETTE, with_table
from plnlib.errors import DataError
from plnlib.networks import Network
from plnlib.networks.metrics import require_one_layer

__all__ = ["GRID_SCHOOLS", "chart_layer", "school_matrix_chart", "school_ties", "school_ties_chart"]

#: The most schools the grid shows one by one; the others share one row and column.
GRID_SCHOOLS = 20


def chart_layer(net: Network, relation: str | None = None) -> tuple[Network, str]:
    """The one relation (and last wave) a chart shows, and its label such as ``advice (wave 2)``.

    Examples
    --------
    >>> from plnlib.samples import sample_network
    >>> chart_layer(sample_network())[1]
    'advice (wave 2)'
    """
    waves = [w for w in net.waves if w]
    layer, wave_text = net, f" (wave {waves[0]})" if waves else ""
    if len(waves) > 1:
        layer, wave_text = net.select(wave=waves[-1]), f" (wave {waves[-1]})"
    if relation is not None or len(layer.relations) > 1:
        layer = layer.select(relation or layer.relations[0])
    require_one_layer(layer, "this chart")
    return layer, (layer.relations[0] if layer.relations else "ties") + wave_text


def _schools(layer: Network, school: str) -> dict[object, str]:
    if school not in layer.nodes.columns:
        raise DataError(
            f"expected the people to have a {school!r} column, found {list(layer.nodes.columns)}",
            fix="Load a nodes file with each person's school.",
        )
    return dict(
        zip(layer.nodes["node"], layer.nodes[school].fillna("(none)").astype(str), strict=True)
    )


def _counts(layer: Network, school: str) -> pd.DataFrame:
    of = _schools(layer, school)
    groups = sorted(set(of.values()), key=str.casefold)
    pairs = layer.edges.drop_duplicates(["source", "target"])
    return pd.crosstab(pairs["source"].map(of), pairs["target"].map(of)).reindex(
        index=groups, columns=groups, fill_value=0
    )


def school_ties(
    net: Network, *, relation: str | None = None, school: str = "school"
) -> pd.DataFrame:
    """One row per school: people, ties inside it, ties to and from other schools.

    Examples
    --------
    >>> from plnlib.samples import sample_network
    >>> t = school_ties(sample_network())
    >>> list(t.columns), int(t["people"].sum())
    (['school', 'people', 'ties inside', 'ties to other schools', 'ties from other schools'], 38)
    """
    layer, _ = chart_layer(net, relation)
    counts = _counts(layer, school).to_numpy()
    of = pd.Series(_schools(layer, school))
    inside = np.diag(counts)
    groups = sorted(set(of), key=str.casefold)
    return pd.DataFrame(
        {
            "school": groups,
            "people": of.value_counts().reindex(groups).to_numpy(),
            "ties inside": inside,
            "ties to other schools": counts.sum(axis=1) - inside,
            "ties from other schools": counts.sum(axis=0) - inside,
        }
    )


def school_matrix_chart(
    net: Network,
    *,
    relation: str | None = None,
    school: str = "school",
    top: int = GRID_SCHOOLS,
) -> alt.Chart:
    """Ties from each school (rows) to each school (columns), as a shaded grid.

    With more than ``top`` schools, the ``top`` schools with the most ties
    across school lines are shown one by one and the others are added up as
    "Other schools", so the grid never has more than ``(top + 1) ** 2`` cells.

    Examples
    --------
    >>> from plnlib.samples import sample_network
    >>> spec = school_matrix_chart(sample_network()).to_dict()
    >>> spec["title"], len(spec["usermeta"]["plnlib"]["table"])
    ('Ties between schools: advice (wave 2)', 5)
    """
    layer, label = chart_layer(net, relation)
    counts = _counts(layer, school)
    total_schools = len(counts)
    within = int(np.trace(counts.to_numpy()))
    total = int(counts.to_numpy().sum())
    if total_schools > top:
        across = counts.sum(axis=0) + counts.sum(axis=1) - 2 * np.diag(counts)
        keep = sorted(
            across.sort_values(ascending=False, kind="stable").index[:top], key=str.casefold
        )
        other = f"Other schools ({total_schools - top})"
        fold = {g: (g if g in keep else other) for g in counts.index}
        counts = counts.groupby(fold).sum().T.groupby(fold).sum().T
        counts = counts.reindex(index=[*keep, other], columns=[*keep, other])
        scope = (
            f"The {top} of {total_schools} schools with the most ties to and from other schools "
            f"are shown one by one; the other {total_schools - top} are added up as '{other}'. "
        )
    else:
        scope, other = "", None
    groups = list(counts.index)
    cells = counts.stack().rename("ties").reset_index()
    cells.columns = ["from_school", "to_school", "ties"]
    cells["ties"] = cells["ties"].astype(int)
    description = (
        f"Grid of {len(groups)} schools by {len(groups)} schools; each cell counts the {label} "
        f"ties from people in the row's school to people in the column's school. {scope}"
        f"{within:,} of {total:,} ties stay inside a school (the diagonal)."
    )
    # the added-up corner would wash out every other cell: the shading stops below it
    shade = cells[~((cells["from_school"] == other) & (cells["to_school"] == other))]
    shade_top = max(int(shade["ties"].max()) if len(shade) else 1, 1)
    step = 56 if len(groups) <= 8 else 30
    enc_x = alt.X(
        "to_school:N",
        sort=groups,
        title="Goes to someone in",
        axis=alt.Axis(labelAngle=-30 if step > 30 else -45),
    )
    enc_y = alt.Y("from_school:N", sort=groups, title="Person in")
    heat = (
        alt.Chart(cells)
        .mark_rect()
        .encode(
            x=enc_x,
            y=enc_y,
            color=alt.Color(
                "ties:Q",
                scale=(
                    alt.Scale(scheme="blues", domain=[0, shade_top], clamp=True)
                    if other
                    else alt.Scale(scheme="blues")
                ),
                legend=alt.Legend(title="Ties"),
            ),
            tooltip=[
                alt.Tooltip("from_school:N", title="From"),
                alt.Tooltip("to_school:N", title="To"),
                alt.Tooltip("ties:Q", title="Ties"),
            ],
        )
    )
    text = (
        alt.Chart(cells)
        .mark_text(fontSize=12 if step > 30 else 9)
        .encode(
            x=enc_x,
            y=enc_y,
            text="ties:Q",
            color=alt.condition(
                alt.datum.ties > shade_top / 2,
                alt.value("white"),
                alt.value("black"),
            ),
        )
    )
    chart = alt.layer(heat, text).properties(
        title=f"Ties between schools: {label}",
        description=description,
        width=alt.Step(step),
        height=alt.Step(36 if step > 30 else 24),
    )
    table = counts.reset_index()
    table.columns = ["from school", *[f"to {g}" for g in groups]]
    return with_table(chart, table, caption=f"Ties from each school (rows) to each school, {label}")


def school_ties_chart(
    net: Network, *, relation: str | None = None, school: str = "school"
) -> alt.Chart:
    """One dot per school: ties inside it (across) against ties with other schools (up).

    A school far to the right keeps its advice at home; high up, it trades
    advice with other schools. Dot size is the number of people.

    Examples
    --------
    >>> from plnlib.samples import sample_network
    >>> spec = school_ties_chart(sample_network()).to_dict()
    >>> spec["title"], len(spec["usermeta"]["plnlib"]["table"])
    ('Ties inside and between schools: advice (wave 2)', 5)
    """
    layer, label = chart_layer(net, relation)
    table = school_ties(layer, school=school)
    data = table.assign(
        across=table["ties to other schools"] + table["ties from other schools"]
    ).rename(columns={"ties inside": "inside"})
    busiest = data.nlargest(3, "across")
    description = (
        f"Scatter plot of {len(data)} schools in the {label} network: across, ties between "
        "people of the same school; up, ties to or from other schools; dot size, people. "
        "Most linked to other schools: "
        + ", ".join(f"{r.school} ({r.across})" for r in busiest.itertuples())
        + "."
    )
    chart = (
        alt.Chart(data)
        .mark_circle(color=PALETTE[0], opacity=0.7, stroke="#1a1a1a", strokeWidth=0.5)
        .encode(
            x=alt.X("inside:Q", title="Ties inside the school", scale=alt.Scale(zero=False)),
            y=alt.Y("across:Q", title="Ties to or from other schools", scale=alt.Scale(zero=False)),
            size=alt.Size(
                "people:Q", legend=alt.Legend(title="People"), scale=alt.Scale(range=[30, 400])
            ),
            tooltip=[
                alt.Tooltip("school:N", title="School"),
                alt.Tooltip("people:Q", title="People"),
                alt.Tooltip("inside:Q", title="Ties inside"),
                alt.Tooltip("ties to other schools:Q", title="Ties to other schools"),
                alt.Tooltip("ties from other schools:Q", title="Ties from other schools"),
            ],
        )
        .properties(
            title=f"Ties inside and between schools: {label}",
            description=description,
            width="container",
            height=300,
        )
    )
    ordered = table.sort_values(["ties to other schools", "school"], ascending=[False, True])
    return with_table(chart, ordered, caption=f"Ties of each school, {label}")
