"""Ego networks, overlap of two relations, change between waves."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plnlib.errors import DataError
from plnlib.networks import build_network, ego_metrics, ego_network, relation_overlap, wave_change
from tests.shared_data import SHARED_NETWORKS as DATA


def krackhardt_layers():
    folder = DATA / "krackhardt"
    if not folder.is_dir():
        pytest.skip(f"the shared network data is not here ({folder})")
    frames = [
        pd.read_csv(folder / f"{r}_edges.csv", dtype=str).assign(relation=r)
        for r in ("advice", "friendship")
    ]
    return build_network(pd.concat(frames), pd.read_csv(folder / "nodes.csv", dtype=str))


def test_ego_metrics_match_networkx_clustering_on_real_data():
    net = krackhardt_layers().select("friendship")
    table = ego_metrics(net).set_index("node")
    undirected = net.to_networkx().to_undirected()
    clustering = nx.clustering(undirected)
    for person in undirected:
        alters = set(undirected[person])
        among = undirected.subgraph(alters).number_of_edges()
        assert table.loc[person, "alters"] == len(alters)
        assert table.loc[person, "ties_among_alters"] == among
        if len(alters) > 1:
            assert table.loc[person, "ego_density"] == pytest.approx(clustering[person])
        else:
            assert np.isnan(table.loc[person, "ego_density"])


def test_ego_network_holds_the_person_their_alters_and_ties_among_them():
    frame = pd.DataFrame({"source": ["A", "B", "C", "D", "E"], "target": ["B", "C", "A", "E", "A"]})
    net = build_network(frame)
    ego = ego_network(net, "a")  # matched ignoring case
    assert set(ego.node_ids) == {"A", "B", "C", "E"}
    assert sorted(zip(ego.edges["source"], ego.edges["target"], strict=True)) == [
        ("A", "B"),
        ("B", "C"),
        ("C", "A"),
        ("E", "A"),
    ]
    expected = nx.ego_graph(net.to_networkx(), "A", undirected=True)
    assert set(expected.nodes) == set(ego.node_ids)
    with pytest.raises(DataError, match="'Q'"):
        ego_network(net, "Q")


def test_overlap_of_advice_and_friendship_matches_set_counts():
    net = krackhardt_layers()
    r = relation_overlap(net, "advice", "friendship")
    advice = set(net.select("advice").to_networkx().edges)
    friends = set(net.select("friendship").to_networkx().edges)
    assert (r.both, r.only_first, r.only_second) == (
        len(advice & friends),
        len(advice - friends),
        len(friends - advice),
    )
    assert r.jaccard == pytest.approx(len(advice & friends) / len(advice | friends))
    assert r.to_frame()["count"].sum() == len(advice | friends)
    with pytest.raises(DataError, match="relations"):
        relation_overlap(net, "advice", "reports_to")


def test_wave_change_hand_worked():
    frame = pd.DataFrame(
        {
            "source": ["A", "B", "C", "A", "B", "D"],
            "target": ["B", "C", "A", "B", "A", "A"],
            "wave": ["1", "1", "1", "2", "2", "2"],
        }
    )
    r = wave_change(build_network(frame), 1, 2)
    # kept A>B; lost B>C, C>A; gained B>A, D>A
    assert (r.kept, r.gained, r.lost) == (1, 2, 2)
    assert r.stability == pytest.approx(1 / 5)
    people = r.people.set_index("node")
    assert people.loc["A"].tolist() == [1, 2, 1, 2, 1]
    assert people.loc["C", ["ties_gained", "ties_lost"]].tolist() == [0, 2]
    assert people.loc["D", ["in_degree_after", "ties_gained"]].tolist() == [0, 1]


def test_wave_change_of_one_relation_among_several():
    frame = pd.DataFrame(
        {
            "source": ["A", "A", "A"],
            "target": ["B", "B", "C"],
            "relation": ["advice", "advice", "information"],
            "wave": ["1", "2", "2"],
        }
    )
    net = build_network(frame)
    with pytest.raises(DataError, match="one relation"):
        wave_change(net, 1, 2)
    r = wave_change(net, 1, 2, relation="advice")
    assert (r.kept, r.gained, r.lost, r.stability) == (1, 0, 0, 1.0)


@settings(max_examples=40, deadline=None)
@given(
    st.sets(st.tuples(st.integers(0, 6), st.integers(0, 6))),
    st.sets(st.tuples(st.integers(0, 6), st.integers(0, 6))),
)
def test_change_counts_add_up(first, second):
    first = {(a, b) for a, b in first if a != b}
    second = {(a, b) for a, b in second if a != b}
    rows = [(f"p{a}", f"p{b}", "1") for a, b in first] + [
        (f"p{a}", f"p{b}", "2") for a, b in second
    ]
    frame = pd.DataFrame(rows, columns=["source", "target", "wave"])
    net = build_network(frame, pd.DataFrame({"id": [f"p{i}" for i in range(7)]}))
    if not first or not second:
        return
    r = wave_change(net, 1, 2)
    assert (r.kept, r.gained, r.lost) == (
        len(first & second),
        len(second - first),
        len(first - second),
    )
    assert r.people["ties_gained"].sum() == 2 * r.gained
    assert r.people["in_degree_change"].sum() == len(second) - len(first)
