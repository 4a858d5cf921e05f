"""Charts of advice networks: a node-link map, a school-by-school tie matrix, degrees.

People are shown as pseudonymous codes unless ``names=True``. The node-link
map carries its own controls (a relation menu and a tie-strength slider as
Vega-Lite params), so filtering works in a static page with no Python kernel.
"""

from __future__ import annotations

import math
import random

import altair as alt
import numpy as np
import pandas as pd

from plnlib.charts.base import PALETTE, with_table
from plnlib.charts.networks_by_school import chart_layer, school_matrix_chart, school_ties_chart
from plnlib.errors import DataError
from plnlib.networks import Network, summary
from plnlib.networks.graph import seeded_igraph

__all__ = [
    "MAX_ROWS",
    "degree_chart",
    "layout_positions",
    "network_chart",
    "school_matrix_chart",
    "school_ties_chart",
]

#: The most rows a chart of this module puts in a page (altair's own limit is 5,000).
MAX_ROWS = 5_000
#: Degrees above this are counted in bins, so the bar chart stays about 30 bars wide.
_DEGREE_BARS = 40

_ALL = "all relations"
_GREY = "#8a8a8a"
_PLN_SHAPES = {"PLN member": "diamond", "not in the PLN": "circle", "not known": "circle"}


def _prepare(net: Network, names: bool) -> Network:
    return net if names else net.pseudonymise()


def _last_wave(net: Network) -> tuple[Network, str]:
    waves = [w for w in net.waves if w]
    if len(waves) > 1:
        return net.select(wave=waves[-1]), f" (wave {waves[-1]})"
    return net, f" (wave {waves[0]})" if waves else ""


def layout_positions(net: Network, *, seed: int = 1) -> pd.DataFrame:
    """Node positions from igraph's Fruchterman-Reingold layout, scaled to 0-1.

    Direction is ignored; the start positions are seeded, so the same
    network always gets the same picture.

    Examples
    --------
    >>> import pandas as pd
    >>> from plnlib.networks import build_network
    >>> pos = layout_positions(build_network(pd.DataFrame({"source": ["A", "B"], "target": ["B", "C"]})))
    >>> list(pos.columns), bool(pos[["x", "y"]].stack().between(0, 1).all())
    (['node', 'x', 'y'], True)
    """
    n = len(net.nodes)
    graph = net.undirected
    rng = random.Random(seed)
    start = [[rng.uniform(-1, 1), rng.uniform(-1, 1)] for _ in range(n)]
    with seeded_igraph(seed):
        coords = (
            np.asarray(
                graph.layout_fruchterman_reingold(seed=start, niter=500, grid="nogrid").coords
            )
            if n > 1
            else np.full((n, 2), 0.5)
        )
    low, high = coords.min(axis=0), coords.max(axis=0)
    span = np.where(high - low > 0, high - low, 1.0)
    scaled = np.round((coords - low) / span, 3) if n > 1 else coords
    return pd.DataFrame(
        {"node": net.nodes["node"].to_numpy(dtype=object), "x": scaled[:, 0], "y": scaled[:, 1]}
    )


def _school_colours(values: pd.Series) -> alt.Scale:
    present = {str(v) for v in values}
    schools = sorted(present - {"(none)"}, key=str.casefold)
    colours = [PALETTE[i % len(PALETTE)] for i in range(len(schools))]
    if "(none)" in present:
        return alt.Scale(domain=[*schools, "(none)"], range=[*colours, _GREY])
    return alt.Scale(domain=schools, range=colours)


def network_chart(
    net: Network,
    *,
    names: bool = False,
    relation: str | None = None,
    school: str = "school",
    max_people: int = 400,
    seed: int = 1,
) -> alt.LayerChart:
    """A node-link map: colour by school, size by in-degree, PLN members as diamonds.

    A menu chooses the relation (or all) and a slider the weakest tie shown;
    both work in a static page. With several waves, the last one is drawn.

    Raises
    ------
    DataError
        If the network has more than ``max_people`` people (use the school
        matrix instead).

    Examples
    --------
    >>> from plnlib.samples import sample_network
    >>> spec = network_chart(sample_network()).to_dict()
    >>> spec["title"]["text"], sorted(p["name"] for p in spec["params"])
    ('Who goes to whom (wave 2)', ['min_strength', 'relation_shown'])
    """
    if len(net.nodes) > max_people:
        raise DataError(
            f"expected at most {max_people} people for a node-link map, found {len(net.nodes)}",
            fix="Show the school-by-school matrix instead, or select one school's people.",
        )
    shown, wave_text = _last_wave(_prepare(net, names))
    relations = list(shown.relations)
    if len(shown.edges) > MAX_ROWS or len(shown.nodes) * (len(relations) + 1) > MAX_ROWS:
        raise DataError(
            f"expected at most {MAX_ROWS:,} ties for a node-link map, found {len(shown.edges):,}",
            fix="Show the school-by-school matrix instead, or select one relation or school.",
        )
    default = relation if relation in relations else (relations[0] if relations else _ALL)
    pos = layout_positions(shown, seed=seed).set_index("node")
    people = shown.nodes.set_index("node")
    base = pd.DataFrame({"node": shown.nodes["node"].to_numpy(dtype=object)})
    base["school"] = (
        people[school].fillna("(none)").astype(str).to_numpy()
        if school in people.columns
        else "(none)"
    )
    base["role"] = people["role"].fillna("").astype(str).to_numpy() if "role" in people else ""
    member = people["pln_member"].fillna(False).astype(bool) if "pln_member" in people else None
    base["pln"] = (
        np.where(member.to_numpy(), "PLN member", "not in the PLN")
        if member is not None
        else "not known"
    )
    base["x"], base["y"] = (
        pos.loc[base["node"], "x"].to_numpy(),
        pos.loc[base["node"], "y"].to_numpy(),
    )
    layers = []
    for rel in [*relations, _ALL]:
        ties = shown.edges if rel == _ALL else shown.edges[shown.edges["relation"] == rel]
        pairs = ties.drop_duplicates(["source", "target"])
        frame = base.copy()
        frame["relation"] = rel
        frame["in_degree"] = frame["node"].map(pairs["target"].value_counts()).fillna(0).astype(int)
        frame["out_degree"] = (
            frame["node"].map(pairs["source"].value_counts()).fillna(0).astype(int)
        )
        layers.append(frame)
    nodes = pd.concat(layers, ignore_index=True)
    edges = shown.edges[["source", "target", "relation", "weight"]].copy()
    edges["x"] = pos.loc[edges["source"], "x"].to_numpy()
    edges["y"] = pos.loc[edges["source"], "y"].to_numpy()
    edges["x2"] = pos.loc[edges["target"], "x"].to_numpy()
    edges["y2"] = pos.loc[edges["target"], "y"].to_numpy()
    edges["ax"] = (edges["x"] + 0.8 * (edges["x2"] - edges["x"])).round(4)
    edges["ay"] = (edges["y"] + 0.8 * (edges["y2"] - edges["y"])).round(4)
    # triangle points up at angle 0; vega angles run clockwise and y grows upwards here
    edges["angle"] = np.round(
        (90 - np.degrees(np.arctan2(edges["y2"] - edges["y"], edges["x2"] - edges["x"]))) % 360, 1
    )
    top = max(float(edges["weight"].max()) if len(edges) else 1.0, 1.0)
    choose = alt.param(
        name="relation_shown",
        value=default,
        bind=alt.binding_select(options=[*relations, _ALL], name="Relation "),
    )
    strength = alt.param(
        name="min_strength",
        value=float(edges["weight"].min()) if len(edges) else 1.0,
        bind=alt.binding_range(
            min=float(edges["weight"].min()) if len(edges) else 0.0,
            max=top,
            step=1.0 if float(top).is_integer() else top / 10,
            name="Weakest tie shown ",
        ),
    )
    keep_tie = f"(relation_shown == '{_ALL}' || datum.relation == relation_shown) && datum.weight >= min_strength"
    x = alt.X("x:Q", axis=None, scale=alt.Scale(domain=[-0.03, 1.03]))
    y = alt.Y("y:Q", axis=None, scale=alt.Scale(domain=[-0.03, 1.03]))
    tie_tips = [
        alt.Tooltip("source:N", title="From"),
        alt.Tooltip("target:N", title="To"),
        alt.Tooltip("relation:N", title="Relation"),
        alt.Tooltip("weight:Q", title="Strength"),
    ]
    lines = (
        alt.Chart(edges)
        .transform_filter(keep_tie)
        .mark_rule(color=_GREY, opacity=0.45)
        .encode(x=x, y=y, x2="x2:Q", y2="y2:Q", tooltip=tie_tips)
    )
    arrows = (
        alt.Chart(edges)
        .transform_filter(keep_tie)
        .mark_point(shape="triangle", filled=True, size=30, color="#555555", opacity=0.7)
        .encode(
            x=alt.X("ax:Q", axis=None, scale=alt.Scale(domain=[-0.03, 1.03])),
            y=alt.Y("ay:Q", axis=None, scale=alt.Scale(domain=[-0.03, 1.03])),
            angle=alt.Angle("angle:Q", scale=None),
            tooltip=tie_tips,
        )
    )
    dots = (
        alt.Chart(nodes)
        .transform_filter("datum.relation == relation_shown")
        .mark_point(filled=True, opacity=0.95, stroke="#1a1a1a", strokeWidth=0.8)
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "school:N",
                scale=_school_colours(base["school"]),
                legend=alt.Legend(title="School", orient="right"),
            ),
            size=alt.Size(
                "in_degree:Q",
                scale=alt.Scale(range=[40, 700]),
                legend=alt.Legend(title="Colleagues who come to them"),
            ),
            shape=alt.Shape(
                "pln:N",
                scale=alt.Scale(
                    domain=[v for v in _PLN_SHAPES if v in set(base["pln"])],
                    range=[_PLN_SHAPES[v] for v in _PLN_SHAPES if v in set(base["pln"])],
                ),
                legend=alt.Legend(title="PLN"),
            ),
            tooltip=[
                alt.Tooltip("node:N", title="Person"),
                alt.Tooltip("school:N", title="School"),
                alt.Tooltip("role:N", title="Role"),
                alt.Tooltip("pln:N", title="PLN"),
                alt.Tooltip("in_degree:Q", title="Colleagues who come to them"),
                alt.Tooltip("out_degree:Q", title="Colleagues they go to"),
            ],
        )
    )
    first = nodes[nodes["relation"] == default]
    top_people = first.nlargest(3, "in_degree")
    description = (
        f"Node-link map of {len(base)} people (shown as {'names' if names else 'codes'}) and "
        f"their {', '.join(relations) or 'no'} ties{wave_text}. Each dot is a person, coloured "
        "by school; bigger dots are people more colleagues come to; PLN members are diamonds. "
        "A line with an arrowhead runs from a person to the colleague they go to. "
        f"In the {default} relation the most sought-out are "
        + ", ".join(f"{r.node} ({r.school}, {r.in_degree})" for r in top_people.itertuples())
        + ". Use the menu to choose a relation and the slider to hide weaker ties."
    )
    chart = (
        alt.layer(lines, arrows, dots)
        .add_params(choose, strength)
        .properties(
            title=alt.Title(
                f"Who goes to whom{wave_text}", subtitle="Arrows point to the colleague sought out"
            ),
            description=description,
            width=430,
            height=400,
        )
        .configure_view(stroke=None)
    )
    table = first.sort_values(["in_degree", "node"], ascending=[False, True])[
        ["node", "school", "pln", "in_degree", "out_degree"]
    ].rename(
        columns={
            "node": "person",
            "pln": "PLN",
            "in_degree": "colleagues who come to them",
            "out_degree": "colleagues they go to",
        }
    )
    return with_table(chart, table, caption=f"People in the {default} network{wave_text}")


def degree_chart(net: Network, *, relation: str | None = None) -> alt.Chart:
    """How many people have each in-degree and each out-degree (two bar charts side by side).

    Examples
    --------
    >>> from plnlib.samples import sample_network
    >>> spec = degree_chart(sample_network(), relation="advice").to_dict()
    >>> spec["title"], spec["usermeta"]["plnlib"]["columns"]
    ('How many colleagues: advice (wave 2)', ['ties', 'people: come to them', 'people: they go to'])
    """
    layer, label = chart_layer(net, relation)
    n = len(layer.nodes)
    arcs = layer.arcs
    indeg = np.bincount(arcs[:, 1], minlength=n)
    outdeg = np.bincount(arcs[:, 0], minlength=n)
    top = int(max(indeg.max(initial=0), outdeg.max(initial=0)))
    width = 1 if top <= _DEGREE_BARS else math.ceil((top + 1) / 30)
    bins = np.arange(0, top + 1, width)
    table = pd.DataFrame(
        {"ties": bins if width == 1 else [f"{b}–{min(b + width - 1, top)}" for b in bins]}
    )
    table["people: come to them"] = np.bincount(indeg // width, minlength=len(bins))
    table["people: they go to"] = np.bincount(outdeg // width, minlength=len(bins))
    order = ["colleagues who come to them (in-degree)", "colleagues they go to (out-degree)"]
    long = table.melt("ties", var_name="measure", value_name="people")
    long["measure"] = long["measure"].map(
        {
            "people: come to them": "colleagues who come to them (in-degree)",
            "people: they go to": "colleagues they go to (out-degree)",
        }
    )
    facts = summary(layer)
    description = (
        f"Two bar charts of {n} people in the {label} network: how many people have each number "
        f"of colleagues coming to them (in-degree, most: {int(indeg.max(initial=0))}) and going "
        f"to (out-degree, most: {int(outdeg.max(initial=0))}). Mean: "
        f"{(facts.ties / n if n else math.nan):.1f} ties per person."
    )
    chart = (
        alt.Chart(long)
        .mark_bar()
        .encode(
            x=alt.X(
                "ties:O",
                title="Number of colleagues",
                **({} if width == 1 else {"sort": list(table["ties"])}),
            ),
            y=alt.Y("people:Q", title="People"),
            color=alt.Color(
                "measure:N", sort=order, scale=alt.Scale(range=list(PALETTE[:2])), legend=None
            ),
            column=alt.Column(
                "measure:N",
                sort=order,
                title=None,
                header=alt.Header(labelFontSize=12, labelLimit=300),
                spacing=24,
            ),
            tooltip=[
                alt.Tooltip("measure:N", title="Measure"),
                alt.Tooltip("ties:O", title="Colleagues"),
                alt.Tooltip("people:Q", title="People"),
            ],
        )
        .properties(
            title=f"How many colleagues: {label}",
            description=description,
            width=max(220, 16 * len(bins)),
            height=160,
        )
    )
    return with_table(chart, table, caption=f"People by number of colleagues, {label}")
