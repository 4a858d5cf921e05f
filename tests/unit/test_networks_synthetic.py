"""The seeded generators: the 38-person sample (and its CSV files) and the district."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from plnlib.errors import DataError
from plnlib.networks import (
    brokers_without_formal_role,
    pln_members_central,
    schools_linked_through_one_person,
)
from plnlib.samples import district_network, sample_network
from plnlib.samples.networks import sample_tables

SAMPLES = Path(__file__).resolve().parents[2] / "plnlib" / "samples"


def test_sample_shape():
    people, ties = sample_tables()
    assert len(people) == 38 and people["id"].is_unique
    assert people["school"].nunique() == 5
    assert (people["pln_member"] == "yes").sum() == 10
    assert sorted(ties["relation"].unique()) == ["advice", "information"]
    assert sorted(ties["wave"].unique()) == ["1", "2"]
    assert set(ties["frequency"].unique()) <= {"1", "2", "3", "4"}
    assert not (ties["source"] == ties["target"]).any()
    assert not ties.duplicated(["source", "target", "relation", "wave"]).any()


def test_sample_is_the_same_every_time_and_differs_by_seed():
    assert sample_tables()[1].equals(sample_tables()[1])
    assert not sample_tables(seed=1)[1].equals(sample_tables()[1])


def test_shipped_csv_files_match_the_generator():
    people, ties = sample_tables()
    on_disk_people = pd.read_csv(SAMPLES / "network_nodes.csv", dtype=str)
    on_disk_ties = pd.read_csv(SAMPLES / "network_edges.csv", dtype=str)
    pd.testing.assert_frame_equal(on_disk_people, people.astype(str), check_dtype=False)
    pd.testing.assert_frame_equal(on_disk_ties, ties.astype(str), check_dtype=False)
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    assert "network_edges.csv" in readme and "synthetic" in readme.lower()


def test_sample_tells_the_stories_it_was_made_for():
    advice = sample_network().select("advice", 1)
    central = pln_members_central(advice).details.set_index("school")
    assert not central.loc["Hazel School", "central"].any()  # members at the edge of Hazel
    links = schools_linked_through_one_person(advice)
    assert any(p.startswith("All of Rowan School's ties") for p in links.points)
    brokers = brokers_without_formal_role(advice).details
    assert (~brokers["formal_role"]).sum() >= 2
    later = sample_network().select("advice", 2)
    assert (
        pln_members_central(later).details.set_index("school").loc["Hazel School", "central"].any()
    )


def test_district_has_the_sizes_asked_for():
    net = district_network(people=500, ties=4_000, schools=10, layers=True, seed=11)
    assert len(net.nodes) == 500 and net.nodes["school"].nunique() == 10
    for relation, wave in (("advice", "1"), ("advice", "2"), ("information", "2")):
        layer = net.select(relation, wave)
        assert len(layer.edges) == 4_000
        assert not layer.edges.duplicated(["source", "target"]).any()
    assert net.report.issues == ()
    same_school = (
        net.select("advice", 1).edges["source"].map(net.nodes.set_index("node")["school"])
        == net.select("advice", 1).edges["target"].map(net.nodes.set_index("node")["school"])
    ).mean()
    assert 0.75 < same_school < 0.95  # most ties stay inside a school
    assert district_network(people=500, ties=4_000, schools=10, seed=11).edges.equals(
        district_network(people=500, ties=4_000, schools=10, seed=11).edges
    )


def test_district_refuses_impossible_sizes():
    with pytest.raises(DataError, match="two people per school"):
        district_network(people=10, ties=5, schools=6)
    with pytest.raises(DataError, match="room for the ties"):
        district_network(people=10, ties=100, schools=2)
