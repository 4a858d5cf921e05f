"""Building networks: name matching, reported problems, selection, pseudonyms."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from plnlib.errors import DataError
from plnlib.networks import Network, build_network
from plnlib.pseudonyms import pseudonym_codes


def ties(*pairs: str, **extra: list) -> pd.DataFrame:
    """'A>B' strings to a tie table."""
    src, dst = zip(*(p.split(">") for p in pairs), strict=True)
    return pd.DataFrame({"source": src, "target": dst, **extra})


PEOPLE = pd.DataFrame(
    {
        "id": ["Anna", "Ben", "Carla", "Dev"],
        "school": ["North", "North", "South", "South"],
        "role": ["head", "teacher", "teacher", "SENCo"],
        "pln_member": ["yes", "no", "Y", ""],
    }
)


def kinds(net: Network) -> dict[str, tuple[int, ...]]:
    return {i.kind: i.rows for i in net.report.issues}


def test_names_match_ignoring_case_and_spaces_and_take_the_nodes_spelling():
    net = build_network(ties(" anna>BEN ", "ben  >carla", "Carla>DEV"), PEOPLE)
    assert net.node_ids == ("Anna", "Ben", "Carla", "Dev")
    assert list(zip(net.edges["source"], net.edges["target"], strict=True)) == [
        ("Anna", "Ben"),
        ("Ben", "Carla"),
        ("Carla", "Dev"),
    ]
    assert kinds(net) == {"spelling variants": (2, 3, 4)}
    assert net.report.clean


def test_without_a_nodes_file_the_first_spelling_is_kept():
    net = build_network(ties("Anna>ben", "ANNA>Ben", "BEN>anna"))
    assert net.node_ids == ("Anna", "ben")
    assert kinds(net)["duplicate tie"] == (2, 3)


def test_unknown_names_are_added_reported_dropped_or_refused():
    frame = ties("Anna>Ben", "Anna>Zoe", "zoe>Ben")
    added = build_network(frame, PEOPLE)
    assert "Zoe" in added.node_ids and len(added.edges) == 3
    issue = added.report.issues[0]
    assert (issue.kind, issue.people, issue.rows) == ("unknown name", ("Zoe",), (3, 4))
    assert added.nodes.set_index("node").loc["Zoe"].isna().all()

    dropped = build_network(frame, PEOPLE, unknown="drop")
    assert "Zoe" not in dropped.node_ids and len(dropped.edges) == 1
    assert dropped.report.issues[0].action == "their ties were left out"

    with pytest.raises(DataError, match="Zoe") as err:
        build_network(frame, PEOPLE, unknown="error", edges_name="ties.csv")
    assert "ties.csv, rows 3, 4" in str(err.value)


def test_self_ties_are_dropped_and_reported_or_refused():
    net = build_network(ties("Anna>anna", "Anna>Ben"))
    assert len(net.edges) == 1
    assert net.report.issues[0].kind == "self-tie" and net.report.issues[0].rows == (2,)
    with pytest.raises(DataError, match="self-ties"):
        build_network(ties("Anna>anna"), self_ties="error")


def test_duplicates_merge_to_the_strongest_or_sum_or_refuse():
    frame = ties("A>B", "a>b", "B>A", weight=["2", "3", "1"])
    merged = build_network(frame)
    assert merged.edges.set_index(["source", "target"])["weight"].to_dict() == {
        ("A", "B"): 3.0,
        ("B", "A"): 1.0,
    }
    summed = build_network(frame, duplicates="sum")
    assert summed.edges["weight"].tolist() == [5.0, 1.0]
    assert summed.report.issues[0].rows == (2, 3)
    with pytest.raises(DataError, match="each tie once"):
        build_network(frame, duplicates="error")


def test_same_pair_in_two_relations_or_waves_is_not_a_duplicate():
    frame = ties("A>B", "A>B", "A>B", relation=["advice", "information", "advice"], wave=[1, 1, 2])
    net = build_network(frame)
    assert len(net.edges) == 3 and net.report.issues == ()
    assert net.relations == ("advice", "information") and net.waves == ("1", "2")


def test_blank_cells_and_zero_strength_are_left_out_and_reported():
    frame = pd.DataFrame(
        {
            "source": ["A", None, "C", "D"],
            "target": ["B", "B", "", "A"],
            "frequency": ["weekly", "1", "2", "never"],
        }
    )
    net = build_network(frame)
    assert kinds(net) == {"blank cell": (3, 4), "zero strength": (5,)}
    assert net.edges["weight"].tolist() == [3.0]


def test_a_row_column_gives_the_file_rows_in_messages():
    frame = ties("A>a", "A>B", row=[7, 9])
    assert build_network(frame).report.issues[0].rows == (7,)


@pytest.mark.parametrize(
    ("value", "message"),
    [("often", "expected a tie strength"), ("-1", "0 or more")],
)
def test_unreadable_strength_names_row_and_column(value, message):
    frame = ties("A>B", "B>C", frequency=["1", value])
    with pytest.raises(DataError, match=message) as err:
        build_network(frame, edges_name="ties.csv")
    assert err.value.where == "ties.csv, row 3, column frequency"


def test_missing_columns_and_bad_options_are_clear_errors():
    with pytest.raises(DataError, match="'source' and 'target'"):
        build_network(pd.DataFrame({"from_person": ["A"], "whom": ["B"]}))
    with pytest.raises(DataError, match="duplicates"):
        build_network(ties("A>B"), duplicates="keep")
    with pytest.raises(DataError, match="DataFrame"):
        build_network([("A", "B")])  # type: ignore[arg-type]


def test_people_file_problems_are_located():
    twice = pd.DataFrame({"id": ["Anna", " anna", "Ben"]})
    with pytest.raises(DataError, match="more than once") as err:
        build_network(ties("Anna>Ben"), twice, nodes_name="people.csv")
    assert err.value.where == "people.csv, rows 2, 3, column id"
    blank = pd.DataFrame({"id": ["Anna", None], "school": ["N", "S"]})
    with pytest.raises(DataError, match="blank"):
        build_network(ties("Anna>Ben"), blank)
    bad = pd.DataFrame({"id": ["Anna"], "pln_member": ["perhaps"]})
    with pytest.raises(DataError, match="yes or no") as err:
        build_network(ties("Anna>Ben"), bad)
    assert "row 2, column pln_member" in err.value.where


def test_id_column_is_the_one_that_names_the_people_in_the_ties():
    people = pd.DataFrame({"name": ["Anna", "Ben"], "id": ["M01", "M02"], "school": ["N", "S"]})
    net = build_network(ties("anna>ben"), people)
    assert net.node_ids == ("Anna", "Ben") and net.report.clean
    by_id = build_network(ties("M01>M02"), people)
    assert by_id.node_ids == ("M01", "M02")
    with pytest.raises(DataError, match="'person'"):
        build_network(ties("A>B"), people, id_column="person")


def test_pln_member_is_boolean_with_unknown_as_missing():
    net = build_network(ties("Anna>Ben"), PEOPLE)
    assert net.nodes["pln_member"].tolist()[:3] == [True, False, True]
    assert pd.isna(net.nodes["pln_member"].iloc[3])


def test_select_keeps_everyone_and_checks_its_arguments():
    frame = ties(
        "A>B", "B>C", "C>A", relation=["advice", "Advice", "information"], weight=[1, 3, 2]
    )
    net = build_network(frame)
    assert net.relations == ("advice", "information")  # one spelling per relation
    advice = net.select("ADVICE")
    assert len(advice.edges) == 2 and len(advice.nodes) == 3
    assert len(net.select(min_weight=2).edges) == 2
    with pytest.raises(DataError, match="relations"):
        net.select("friendship")
    with pytest.raises(DataError, match="waves"):
        net.select(wave=3)


def test_pseudonymise_replaces_names_everywhere_and_drops_identifying_columns():
    people = PEOPLE.assign(email=["a@x", "b@x", "c@x", "d@x"], name=["A", "B", "C", "D"])
    net = build_network(ties("Anna>Ben", "Ben>anna", "Carla>Carla", "Dev>Zoe"), people)
    coded = net.pseudonymise()
    assert coded.pseudonymised and coded.pseudonymise() is coded
    assert set(coded.node_ids) == {"P001", "P002", "P003", "P004", "P005"}
    text = coded.nodes.to_csv() + coded.edges.to_csv() + coded.report.to_frame().to_csv()
    for name in ("Anna", "Ben", "Carla", "Dev", "Zoe", "a@x"):
        assert name not in text
    assert {"email", "name"}.isdisjoint(coded.nodes.columns)
    assert {"school", "role", "pln_member"} <= set(coded.nodes.columns)
    # the same structure, relabelled
    assert nx.is_isomorphic(net.to_networkx(), coded.to_networkx())
    codes = pseudonym_codes(net.node_ids)
    assert [i.kind for i in coded.report.issues] == [
        "unknown name",
        "self-tie",
        "spelling variants",
    ]
    assert coded.report.issues[0].people == (codes["Zoe"],)
    assert coded.report.issues[1].people == (codes["Carla"],)
    keyed = net.pseudonymise(key="a secret")
    assert keyed.nodes["school"].tolist() != coded.nodes["school"].tolist()


def test_pseudonym_codes_are_stable_and_follow_the_people():
    first = build_network(ties("Anna>Ben", "Ben>Carla")).pseudonymise()
    again = build_network(ties("ben>carla", "anna>ben")).pseudonymise()
    assert first.edges[["source", "target"]].values.tolist() == (
        again.edges[["source", "target"]].values.tolist()
    )


def test_arcs_igraph_and_networkx_agree():
    net = build_network(ties("A>B", "B>C", "A>B", "C>A"), relation="advice")
    assert net.arcs.tolist() == [[0, 1], [1, 2], [2, 0]]
    assert net.igraph.get_edgelist() == [(0, 1), (1, 2), (2, 0)]
    assert sorted(net.to_networkx().edges) == [("A", "B"), ("B", "C"), ("C", "A")]
    assert isinstance(net.arcs, np.ndarray) and "3 people, 3 ties" in repr(net)
