"""Gould-Fernandez brokerage roles: a hand-worked example and a brute-force count."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plnlib.networks import ROLES, brokerage_roles, build_network
from plnlib.networks import brokerage as brokerage_module
from tests.shared_data import SHARED_NETWORKS as DATA

# X = {x1, x2, x3}, Y = {y1, y2}, Z = {z1}
PEOPLE = pd.DataFrame(
    {"id": ["x1", "x2", "x3", "y1", "y2", "z1"], "school": ["X", "X", "X", "Y", "Y", "Z"]}
)
TIES = ["x1>x2", "x2>x3", "x3>y1", "y1>x1", "z1>y2", "y2>x1"]


def network(pairs: list[str], people: pd.DataFrame = PEOPLE):
    frame = pd.DataFrame([p.split(">") for p in pairs], columns=["source", "target"])
    return build_network(frame, people)


def brute_force(net, attribute: str = "school") -> dict[str, Counter]:
    """Every open two-path a -> b -> c, classified by the groups of a, b, c."""
    g = net.to_networkx()
    group = dict(zip(net.nodes["node"], net.nodes[attribute], strict=True))
    counts: dict[str, Counter] = {p: Counter() for p in g}
    for b in g:
        for a in g.predecessors(b):
            for c in g.successors(b):
                if a == c or g.has_edge(a, c):
                    continue
                ga, gb, gc = group[a], group[b], group[c]
                if pd.isna(ga) or pd.isna(gb) or pd.isna(gc):
                    continue
                if ga == gb == gc:
                    role = "coordinator"
                elif ga == gc:
                    role = "itinerant"
                elif ga == gb:
                    role = "representative"
                elif gb == gc:
                    role = "gatekeeper"
                else:
                    role = "liaison"
                counts[b][role] += 1
    return counts


def as_dict(table: pd.DataFrame) -> dict[str, dict[str, int]]:
    return {row["node"]: {r: int(row[r]) for r in ROLES if row[r]} for _, row in table.iterrows()}


def test_hand_worked_example_has_each_role_once_or_twice():
    # x1>x2>x3: x2 coordinates inside X; x2>x3>y1: x3 represents X to Y;
    # x3>y1>x1: y1 (Y) is an itinerant between two X people; y1>x1>x2 and y2>x1>x2:
    # x1 is X's gatekeeper twice; z1>y2>x1: y2 is a liaison between Z and X.
    table = brokerage_roles(network(TIES))
    assert as_dict(table) == {
        "x1": {"gatekeeper": 2},
        "x2": {"coordinator": 1},
        "x3": {"representative": 1},
        "y1": {"itinerant": 1},
        "y2": {"liaison": 1},
        "z1": {},
    }
    assert table.set_index("node").loc["x1", ["total", "across_groups"]].tolist() == [2, 2]
    assert table.set_index("node").loc["x2", ["total", "across_groups"]].tolist() == [1, 0]
    assert table["group"].tolist() == ["X", "X", "X", "Y", "Y", "Z"]


def test_a_direct_tie_closes_the_two_path():
    # with x1 > x3, x2 no longer brokers x1 > x2 > x3; x1 and x3 gain new two-paths
    table = as_dict(brokerage_roles(network([*TIES, "x1>x3"])))
    assert "coordinator" not in table["x2"]
    assert table["x1"] == {"gatekeeper": 4}  # y1 and y2 now also reach x3 through x1
    assert table["x3"] == {"representative": 2}


def test_people_without_a_group_are_left_out():
    people = PEOPLE.assign(school=["X", "X", None, "Y", "Y", "Z"])
    table = as_dict(brokerage_roles(network(TIES, people)))
    assert table["x2"] == {} and table["x3"] == {} and table["y1"] == {}
    assert table["x1"] == {"gatekeeper": 2}


@pytest.mark.parametrize(
    ("name", "relation", "attribute"),
    [
        ("krackhardt", "advice", "dept"),
        ("krackhardt", "friendship", "level"),
        ("lazega", "advice", "office"),
        ("lazega", "friendship", "practice"),
    ],
)
def test_real_networks_match_a_brute_force_count(name, relation, attribute):
    folder = DATA / name
    if not folder.is_dir():
        pytest.skip(f"the shared network data is not here ({folder})")
    net = build_network(
        pd.read_csv(folder / f"{relation}_edges.csv", dtype=str),
        pd.read_csv(folder / "nodes.csv", dtype=str),
    )
    expected = brute_force(net, attribute)
    table = brokerage_roles(net, attribute)
    assert as_dict(table) == {p: dict(c) for p, c in expected.items()}
    assert table[list(ROLES)].to_numpy().sum() > 0


def test_large_networks_are_counted_in_chunks_with_the_same_result(monkeypatch):
    folder = DATA / "lazega"
    if not folder.is_dir():
        pytest.skip(f"the shared network data is not here ({folder})")
    net = build_network(
        pd.read_csv(folder / "advice_edges.csv", dtype=str),
        pd.read_csv(folder / "nodes.csv", dtype=str),
    )
    whole = brokerage_roles(net, "office")
    monkeypatch.setattr(brokerage_module, "_CHUNK", 50)
    again = build_network(net.edges, net.nodes.rename(columns={"node": "id"}))
    assert brokerage_roles(again, "office").equals(whole)


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 7), st.integers(0, 7)), max_size=30),
    st.lists(st.sampled_from(["A", "B", "C"]), min_size=8, max_size=8),
)
def test_random_networks_match_the_brute_force_count(pairs, groups):
    names = [f"p{i}" for i in range(8)]
    net = build_network(
        pd.DataFrame([(names[a], names[b]) for a, b in pairs], columns=["source", "target"]),
        pd.DataFrame({"id": names, "school": groups}),
    )
    table = brokerage_roles(net)
    assert as_dict(table) == {p: dict(c) for p, c in brute_force(net).items()}
    assert (table["total"] == table[list(ROLES)].sum(axis=1)).all()
