"""E-I index (hand-worked), communities and modularity, core and periphery (networkx)."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plnlib.errors import DataError
from plnlib.networks import build_network, communities, core_periphery, ei_index, modularity
from tests.shared_data import real_network


def test_ei_index_hand_worked():
    # X = {A, B}, Y = {C, D}, E has no school. Ties: A>B (in X), A>C (X to Y), C>D (in Y), E>A.
    net = build_network(
        pd.DataFrame({"source": ["A", "A", "C", "E"], "target": ["B", "C", "D", "A"]}),
        pd.DataFrame({"id": list("ABCDE"), "school": ["X", "X", "Y", "Y", None]}),
    )
    r = ei_index(net)
    assert (r.internal, r.external) == (2, 1)  # E's tie is not counted
    assert r.index == pytest.approx((1 - 2) / 3)
    groups = r.groups.set_index("group")
    assert groups.loc["X"].tolist()[:3] == [2, 1, 1] and groups.loc["X", "ei_index"] == 0.0
    people = r.people.set_index("node")
    assert people["internal"].tolist() == [1, 1, 1, 1, 0]
    assert people["external"].tolist() == [1, 0, 1, 0, 0]
    assert people["ei_index"].tolist()[:4] == [0.0, -1.0, 0.0, -1.0]
    assert np.isnan(people.loc["E", "ei_index"])


def test_ei_index_extremes_and_other_attributes():
    inside = build_network(
        pd.DataFrame({"source": ["A", "C"], "target": ["B", "D"]}),
        pd.DataFrame({"id": list("ABCD"), "dept": ["1", "1", "2", "2"]}),
    )
    assert ei_index(inside, "dept").index == -1.0
    across = build_network(
        pd.DataFrame({"source": ["A", "B"], "target": ["C", "D"]}),
        pd.DataFrame({"id": list("ABCD"), "dept": ["1", "1", "2", "2"]}),
    )
    assert ei_index(across, "dept").index == 1.0
    with pytest.raises(DataError, match="'school'"):
        ei_index(across)


def test_ei_index_on_lazega_offices_counts_every_tie():
    net = real_network("lazega")
    r = ei_index(net, "office")
    office = dict(zip(net.nodes["node"], net.nodes["office"], strict=True))
    g = net.to_networkx()
    internal = sum(office[a] == office[b] for a, b in g.edges)
    assert (r.internal, r.external) == (internal, g.number_of_edges() - internal)
    assert r.groups["people"].sum() == 71
    # each tie across offices counts for both offices
    assert r.groups["external"].sum() == 2 * r.external


def test_modularity_matches_networkx():
    net = real_network("krackhardt")
    dept = dict(zip(net.nodes["node"], net.nodes["dept"], strict=True))
    parts = [{p for p, d in dept.items() if d == x} for x in sorted(set(dept.values()))]
    expected = nx.community.modularity(net.to_networkx().to_undirected(), parts)
    assert modularity(net, dept) == pytest.approx(expected, rel=1e-12)
    with pytest.raises(DataError, match="community for every person"):
        modularity(net, {"M01": 1})


@pytest.mark.parametrize(
    ("name", "relation"), [("krackhardt", "advice"), ("lazega", "advice"), ("lazega", "friendship")]
)
def test_communities_modularity_matches_networkx_and_is_as_good_as_louvain(name, relation):
    net = real_network(name, relation)
    found = communities(net, seed=1)
    undirected = net.to_networkx().to_undirected()
    parts = found.membership.groupby("community")["node"].apply(set).tolist()
    assert found.modularity == pytest.approx(nx.community.modularity(undirected, parts), rel=1e-12)
    best_nx = max(
        nx.community.modularity(undirected, nx.community.louvain_communities(undirected, seed=s))
        for s in range(3)
    )
    assert found.modularity >= best_nx - 0.03
    assert found.count == len(parts)
    assert communities(net, seed=1).membership.equals(found.membership)  # seeded


def test_communities_find_two_obvious_groups():
    a = [("A1", "A2"), ("A2", "A3"), ("A3", "A1"), ("A1", "A3")]
    b = [("B1", "B2"), ("B2", "B3"), ("B3", "B1"), ("B2", "B1")]
    frame = pd.DataFrame(a + b + [("A1", "B1")], columns=["source", "target"])
    found = communities(build_network(frame)).membership.set_index("node")["community"]
    assert found["A1"] == found["A2"] == found["A3"] != found["B1"] == found["B2"] == found["B3"]
    assert sorted(found.unique()) == [1, 2]


def test_core_periphery_is_the_main_k_core():
    net = real_network("lazega", "friendship")
    table = core_periphery(net).set_index("node")
    undirected = net.to_networkx().to_undirected()
    core = nx.k_core(undirected)
    assert set(table.index[table["core"]]) == set(core.nodes)
    assert table["coreness"].to_dict() == nx.core_number(undirected)
    assert not table.loc["L44", "core"]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), min_size=1, max_size=30),
    st.lists(st.sampled_from(["X", "Y", "Z"]), min_size=10, max_size=10),
)
def test_ei_index_is_between_minus_one_and_one_and_matches_a_count(pairs, schools):
    names = [f"p{i}" for i in range(10)]
    net = build_network(
        pd.DataFrame([(names[a], names[b]) for a, b in pairs], columns=["source", "target"]),
        pd.DataFrame({"id": names, "school": schools}),
    )
    r = ei_index(net)
    g = net.to_networkx()
    school = dict(zip(names, schools, strict=True))
    internal = sum(school[a] == school[b] for a, b in g.edges)
    assert r.internal == internal and r.external == g.number_of_edges() - internal
    if g.number_of_edges():
        assert -1 <= r.index <= 1
    assert (r.people["internal"] + r.people["external"]).sum() == 2 * g.number_of_edges()
