"""Network charts: content, privacy, controls that work without a kernel, determinism."""

from __future__ import annotations

import json

import altair as alt
import networkx as nx
import pandas as pd
import pytest

from plnlib.charts import PALETTE
from plnlib.charts.networks import (
    degree_chart,
    layout_positions,
    network_chart,
    school_matrix_chart,
)
from plnlib.errors import DataError
from plnlib.networks import build_network
from plnlib.samples import district_network, sample_network
from plnlib.samples.networks import sample_tables

NAMES = list(sample_tables()[0]["id"])


@pytest.fixture(scope="module")
def net():
    return sample_network()


def datasets(spec: dict) -> list[list[dict]]:
    return list(spec.get("datasets", {}).values())


def test_node_link_map_has_title_description_table_and_controls(net):
    spec = network_chart(net).to_dict()
    assert spec["title"]["text"] == "Who goes to whom (wave 2)"
    assert "38 people" in spec["description"] and "diamonds" in spec["description"]
    params = {p["name"]: p for p in spec["params"]}
    assert params["relation_shown"]["bind"]["options"] == ["advice", "information", "all relations"]
    assert params["relation_shown"]["value"] == "advice"
    assert params["min_strength"]["bind"]["input"] == "range"
    assert params["min_strength"]["bind"]["max"] == 4.0
    meta = spec["usermeta"]["plnlib"]
    assert len(meta["table"]) == 38 and meta["columns"][0] == "person"
    alt.LayerChart.from_dict(spec)  # valid vega-lite


def test_node_link_map_uses_codes_unless_names_are_asked_for(net):
    text = json.dumps(network_chart(net).to_dict())
    assert not any(name in text for name in NAMES)
    assert '"P001"' in text
    named = json.dumps(network_chart(net, names=True).to_dict())
    assert "Cara Orme" in named


def test_node_link_map_sizes_are_in_degrees_per_relation(net):
    spec = network_chart(net).to_dict()
    nodes = next(d for d in datasets(spec) if d and "in_degree" in d[0])
    frame = pd.DataFrame(nodes)
    coded = net.pseudonymise().select("information", 2)
    g = coded.to_networkx()
    shown = frame[frame["relation"] == "information"].set_index("node")["in_degree"].to_dict()
    assert shown == dict(g.in_degree())
    assert set(frame["relation"]) == {"advice", "information", "all relations"}
    ties = next(d for d in datasets(spec) if d and "x2" in d[0])
    assert len(ties) == len(net.select(wave=2).edges)


def test_school_colours_come_from_the_palette(net):
    spec = network_chart(net).to_dict()
    colour = spec["layer"][2]["encoding"]["color"]["scale"]
    assert colour["domain"] == sorted(net.nodes["school"].unique())
    assert colour["range"] == list(PALETTE[:5])


def test_layout_is_deterministic_and_in_the_unit_square(net):
    first, again = layout_positions(net), layout_positions(net)
    assert first.equals(again)
    assert first[["x", "y"]].min().min() == 0 and first[["x", "y"]].max().max() == 1
    assert json.dumps(network_chart(net).to_dict(), sort_keys=True) == json.dumps(
        network_chart(net).to_dict(), sort_keys=True
    )


def test_too_many_people_for_a_map():
    big = district_network(people=500, ties=2_000, schools=5)
    with pytest.raises(DataError, match="at most 400 people"):
        network_chart(big)


def test_school_matrix_counts_ties_between_schools(net):
    spec = school_matrix_chart(net, relation="advice").to_dict()
    layer = net.select("advice", 2)
    school = dict(zip(layer.nodes["node"], layer.nodes["school"], strict=True))
    g = layer.to_networkx()
    cells = next(d for d in datasets(spec) if d and "ties" in d[0])
    counted = {(c["from_school"], c["to_school"]): c["ties"] for c in cells}
    for a in sorted(set(school.values())):
        for b in sorted(set(school.values())):
            expected = sum(school[u] == a and school[v] == b for u, v in g.edges)
            assert counted[(a, b)] == expected
    assert "ties stay inside a school" in spec["description"]
    table = spec["usermeta"]["plnlib"]["table"]
    assert table[0]["from school"] == "Alder School" and "to Rowan School" in table[0]
    assert not any(name in json.dumps(spec) for name in NAMES)


def test_school_matrix_needs_schools():
    bare = build_network(pd.DataFrame({"source": ["A"], "target": ["B"]}))
    with pytest.raises(DataError, match="'school'"):
        school_matrix_chart(bare)


def test_degree_chart_counts_people_by_degree(net):
    spec = degree_chart(net, relation="information").to_dict()
    g = net.select("information", 2).to_networkx()
    table = pd.DataFrame(spec["usermeta"]["plnlib"]["table"]).set_index("ties")
    in_counts = pd.Series(dict(g.in_degree())).value_counts()
    out_counts = pd.Series(dict(g.out_degree())).value_counts()
    for degree, people in in_counts.items():
        assert table.loc[degree, "people: come to them"] == people
    for degree, people in out_counts.items():
        assert table.loc[degree, "people: they go to"] == people
    assert table["people: come to them"].sum() == g.number_of_nodes()
    assert spec["title"] == "How many colleagues: information (wave 2)"
    assert f"most: {max(dict(g.in_degree()).values())}" in spec["description"]


def test_charts_of_one_wave_network_without_schools():
    frame = pd.DataFrame({"source": ["A", "B", "C"], "target": ["B", "C", "A"]})
    plain = build_network(frame)
    spec = network_chart(plain).to_dict()
    assert spec["title"]["text"] == "Who goes to whom"
    assert degree_chart(plain).to_dict()["title"] == "How many colleagues: advice"
    assert nx.is_strongly_connected(plain.to_networkx())


def test_school_ties_count_each_schools_ties_inside_and_across(net):
    from plnlib.charts.networks_by_school import school_ties, school_ties_chart

    layer = net.select("advice", 2)
    school = dict(zip(layer.nodes["node"], layer.nodes["school"], strict=True))
    table = school_ties(net).set_index("school")
    for name, row in table.iterrows():
        ties = [(a, b) for a, b in layer.to_networkx().edges if name in (school[a], school[b])]
        assert row["ties inside"] == sum(school[a] == school[b] == name for a, b in ties)
        assert row["ties to other schools"] == sum(school[a] == name != school[b] for a, b in ties)
        assert row["ties from other schools"] == sum(
            school[b] == name != school[a] for a, b in ties
        )
    spec = school_ties_chart(net).to_dict()
    assert len(spec["usermeta"]["plnlib"]["table"]) == 5 and "Most linked" in spec["description"]


def test_a_large_network_gets_a_small_grid_and_binned_degrees():
    big = district_network(people=1_500, ties=9_000, schools=60)
    spec = school_matrix_chart(big, top=10).to_dict()
    cells = pd.DataFrame(next(d for d in datasets(spec) if d and "ties" in d[0]))
    assert len(cells) == 11 * 11 and cells["ties"].sum() == 9_000
    assert "Other schools (50)" in set(cells["from_school"])
    shade = spec["layer"][0]["encoding"]["color"]["scale"]
    assert shade["domain"][1] < cells["ties"].max()  # the added-up corner does not set the shade
    # one person sought out by 60 colleagues: degrees 0..60 are counted in bins of 3
    star = build_network(
        pd.DataFrame({"source": [f"T{i:02d}" for i in range(60)], "target": "Hub"})
    )
    table = pd.DataFrame(degree_chart(star).to_dict()["usermeta"]["plnlib"]["table"])
    assert len(table) == 21 and table["ties"].iloc[0] == "0–2" and table["ties"].iloc[-1] == "60–60"
    assert table["people: come to them"].tolist() == [60] + [0] * 19 + [1]
    assert table["people: they go to"].tolist() == [61] + [0] * 20
