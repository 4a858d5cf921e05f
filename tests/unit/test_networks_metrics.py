"""Whole-network and per-person measures, each checked against networkx."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plnlib.errors import DataError
from plnlib.networks import (
    betweenness,
    build_network,
    coreness,
    node_metrics,
    summary,
)
from plnlib.networks.metrics import require_one_layer
from plnlib.samples import district_network
from tests.shared_data import real_network


def check_against_networkx(net) -> None:
    g = net.to_networkx()
    s = summary(net)
    assert s.people == g.number_of_nodes() and s.ties == g.number_of_edges()
    assert s.density == pytest.approx(nx.density(g), rel=1e-12)
    if s.ties:
        assert s.reciprocity == pytest.approx(nx.overall_reciprocity(g), rel=1e-12)
    assert s.weak_components == nx.number_weakly_connected_components(g)
    assert s.strong_components == nx.number_strongly_connected_components(g)
    assert s.largest_component == max(len(c) for c in nx.weakly_connected_components(g))
    assert sorted(s.isolates) == sorted(nx.isolates(g))
    people = node_metrics(net).set_index("node")
    assert people["in_degree"].to_dict() == dict(g.in_degree())
    assert people["out_degree"].to_dict() == dict(g.out_degree())
    expected = nx.betweenness_centrality(g, normalized=True)
    assert np.allclose(
        people.loc[list(expected), "betweenness"], list(expected.values()), atol=1e-12
    )
    assert people["coreness"].to_dict() == nx.core_number(g.to_undirected())
    sizes = {p: len(c) for c in nx.weakly_connected_components(g) for p in c}
    biggest = people.loc[people["component"] == 1].index
    assert len(biggest) == max(sizes.values())


def test_krackhardt_advice_matches_networkx_and_known_size():
    net = real_network("krackhardt")
    s = summary(net)
    assert (s.people, s.ties) == (21, 190)  # as documented with the data
    assert s.density == pytest.approx(190 / (21 * 20))
    check_against_networkx(net)


def test_krackhardt_friendship_and_reports_to_match_networkx():
    check_against_networkx(real_network("krackhardt", "friendship"))
    reports = real_network("krackhardt", "reports_to")
    check_against_networkx(reports)
    assert summary(reports).ties == 20  # everyone but the CEO reports to one person


def test_lazega_advice_and_friendship_match_networkx():
    advice = real_network("lazega")
    assert (summary(advice).people, summary(advice).ties) == (71, 892)
    check_against_networkx(advice)
    friends = real_network("lazega", "friendship")
    assert {"L44", "L47"} <= set(summary(friends).isolates)  # no friendship ties at all
    check_against_networkx(friends)


def test_hand_worked_small_network():
    # A <-> B, B -> C, C -> D; E alone
    net = build_network(
        pd.DataFrame({"source": ["A", "B", "B", "C"], "target": ["B", "A", "C", "D"]}),
        pd.DataFrame({"id": list("ABCDE")}),
    )
    s = summary(net)
    assert (s.ties, s.mutual_pairs, s.isolates) == (4, 1, ("E",))
    assert s.density == pytest.approx(4 / 20) and s.reciprocity == pytest.approx(0.5)
    assert (s.weak_components, s.strong_components, s.largest_component) == (2, 4, 4)
    # B lies on A->C, A->D; C lies on A->D, B->D: 2 paths each of (5-1)(5-2) = 12
    assert betweenness(net).tolist() == pytest.approx([0, 2 / 12, 2 / 12, 0, 0])
    assert coreness(net).tolist() == [1, 1, 1, 1, 0]
    assert node_metrics(net)["component"].tolist() == [1, 1, 1, 1, 2]


def test_empty_and_tiny_networks_do_not_break():
    one_tie = build_network(pd.DataFrame({"source": ["A"], "target": ["B"]}))
    s = summary(one_tie)
    assert (s.density, s.reciprocity) == (0.5, 0.0)
    assert betweenness(one_tie).tolist() == [0.0, 0.0]
    alone = build_network(
        pd.DataFrame({"source": ["A"], "target": ["B"], "relation": ["x"]}).iloc[:0],
        pd.DataFrame({"id": ["A", "B", "C"]}),
    )
    s = summary(alone)
    assert s.ties == 0 and np.isnan(s.reciprocity) and s.isolates == ("A", "B", "C")


def test_measures_refuse_mixed_relations_or_waves():
    net = build_network(
        pd.DataFrame({"source": ["A", "A"], "target": ["B", "C"], "wave": ["1", "2"]})
    )
    with pytest.raises(DataError, match="one wave"):
        summary(net)
    with pytest.raises(DataError, match=r"net.select\(wave='1'\)"):
        require_one_layer(net)
    assert summary(net.select(wave=2)).ties == 1


def test_summary_table_is_readable():
    frame = summary(real_network("krackhardt")).to_frame()
    assert frame.loc[frame["measure"] == "people", "value"].item() == 21
    assert list(frame.columns) == ["measure", "value", "meaning"]


def test_parallel_betweenness_equals_the_single_process_result():
    net = district_network(people=400, ties=3_000, schools=8, seed=3)
    serial = betweenness(net, workers=1)
    again = build_network(net.edges, net.nodes.rename(columns={"node": "id"}))
    shared = betweenness(again, workers=2)
    assert np.allclose(serial, shared, rtol=1e-12, atol=1e-15)
    expected = nx.betweenness_centrality(net.to_networkx(), normalized=True)
    assert np.allclose(serial, [expected[p] for p in net.node_ids], atol=1e-12)
    with pytest.raises(DataError, match="workers"):
        betweenness(net, workers=0)


@st.composite
def digraphs(draw):
    n = draw(st.integers(min_value=1, max_value=12))
    names = [f"p{i}" for i in range(n)]
    pairs = draw(
        st.lists(
            st.tuples(st.sampled_from(names), st.sampled_from(names)),
            max_size=40,
        )
    )
    edges = pd.DataFrame(pairs, columns=["source", "target"])
    return build_network(edges, pd.DataFrame({"id": names}))


@settings(max_examples=60, deadline=None)
@given(digraphs())
def test_every_measure_matches_networkx_on_random_networks(net):
    check_against_networkx(net)


@settings(max_examples=40, deadline=None)
@given(digraphs())
def test_degree_sums_equal_ties_and_betweenness_is_a_share(net):
    people = node_metrics(net)
    assert people["in_degree"].sum() == people["out_degree"].sum() == summary(net).ties
    assert ((people["betweenness"] >= 0) & (people["betweenness"] <= 1 + 1e-12)).all()
