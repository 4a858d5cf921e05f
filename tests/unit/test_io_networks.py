"""Reading network files: edge lists, rosters, matrices, people; the real data sets."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from plnlib.errors import DataError
from plnlib.io.networks import (
    detect_format,
    load_network,
    read_edge_list,
    read_matrix,
    read_roster,
    read_ties,
    write_metrics_csv,
    write_report,
)
from plnlib.networks import summary
from plnlib.samples import is_sample, load_sample_network, sample_path
from tests.shared_data import SHARED_NETWORKS as DATA


def data(*parts: str) -> Path:
    path = DATA.joinpath(*parts)
    if not DATA.is_dir():
        pytest.skip(f"the shared network data is not here ({DATA})")
    return path


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def pairs(net) -> set[tuple[str, str]]:
    return set(zip(net.edges["source"], net.edges["target"], strict=True))


def test_edge_list_with_semicolons_bom_and_frequency_words(tmp_path):
    path = write(
        tmp_path / "ties.csv",
        "Source;Target;Frequency;Relation\nAnn;Ben;weekly;advice\nBen;Ann;2;advice\n",
        "utf-8-sig",
    )
    net = load_network(path)
    assert pairs(net) == {("Ann", "Ben"), ("Ben", "Ann")}
    assert net.edges["weight"].tolist() == [3.0, 2.0]
    assert read_edge_list(path)["row"].tolist() == [2, 3]


def test_edge_list_from_excel(tmp_path):
    path = tmp_path / "ties.xlsx"
    pd.DataFrame({"source": ["Ann", "Ben"], "target": ["Ben", "Cy"], "wave": [1, 2]}).to_excel(
        path, index=False
    )
    net = load_network(path)
    assert net.waves == ("1", "2") and len(net.edges) == 2


def test_problems_name_the_file_row_and_column(tmp_path):
    path = write(tmp_path / "ties.csv", "source,target,weight\nAnn,Ben,1\nBen,Cy,lots\n")
    with pytest.raises(DataError) as err:
        load_network(path)
    assert err.value.where == "ties.csv, row 3, column weight"
    people = write(tmp_path / "people.csv", "id,school\nAnn,North\nBen,South\n")
    with pytest.raises(DataError, match=r"people\.csv") as err:
        load_network(
            write(tmp_path / "t2.csv", "source,target\nAnn,Ben\nAnn,Zed\n"), people, unknown="error"
        )
    assert "'Zed'" in str(err.value) and "t2.csv, rows 3" in str(err.value)
    with pytest.raises(DataError, match="'source' and 'target'"):
        read_edge_list(people)


def test_roster_with_columns_naming_colleagues(tmp_path):
    path = write(
        tmp_path / "roster.csv",
        "Timestamp,Your name,School,Colleague 1,Colleague 2\n"
        "2024-01-01,Ann,North,ben,Cy\n"
        "2024-01-02,Ben,North,Ann; Di,\n"
        "2024-01-03,Cy,South,,\n",
    )
    assert detect_format(pd.read_csv(path, dtype=str)) == "roster-names"
    ties = read_roster(path)
    assert ties[["source", "target", "row"]].values.tolist() == [
        ["Ann", "Ben", 2],  # spelt as the respondent spells their own name
        ["Ann", "Cy", 2],
        ["Ben", "Ann", 3],
        ["Ben", "Di", 3],
    ]
    net = load_network(path)
    assert pairs(net) == {("Ann", "Ben"), ("Ann", "Cy"), ("Ben", "Ann"), ("Ben", "Di")}
    assert set(net.node_ids) == {"Ann", "Ben", "Cy", "Di"}


def test_roster_with_one_column_per_colleague(tmp_path):
    path = write(
        tmp_path / "roster.csv",
        "Name,Ann,Ben,Cy,School\nAnn,,weekly,never,North\nBen,Daily,,1,North\nCy,0,,,South\n",
    )
    assert detect_format(pd.read_csv(path, dtype=str)) == "roster-frequency"
    net = load_network(path, relation="information")
    assert net.edges.set_index(["source", "target"])["weight"].to_dict() == {
        ("Ann", "Ben"): 3.0,
        ("Ben", "Ann"): 4.0,
        ("Ben", "Cy"): 1.0,
    }
    assert net.relations == ("information",)


def test_roster_without_colleague_columns_is_refused(tmp_path):
    path = write(tmp_path / "roster.csv", "Name,School\nAnn,North\nBen,South\n")
    with pytest.raises(DataError, match="naming the colleagues"):
        read_ties(path)


def test_square_matrix(tmp_path):
    path = write(tmp_path / "m.csv", ",Ann,Ben,Cy\nAnn,1,1,0\nben,0,,2\nCy,1,0,0\n")
    assert detect_format(pd.read_csv(path, dtype=str)) == "matrix"
    net = load_network(path)
    assert pairs(net) == {("Ann", "Ben"), ("Ben", "Cy"), ("Cy", "Ann")}
    assert net.report.issues[0].kind == "self-tie" and net.report.issues[0].rows == (2,)
    assert read_matrix(path)["weight"].tolist() == [1.0, 1.0, 2.0, 1.0]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (",Ann,Ben\nAnn,0,1\nBen,1,0\nCy,0,0\n", "square"),
        (",Ann,Ben\nAnn,0,1\nBob,1,0\n", "same people down and across"),
        (",Ann,Ben\nAnn,0,lots\nBen,1,0\n", "tie strength"),
    ],
)
def test_bad_matrices_are_refused(tmp_path, text, message):
    with pytest.raises(DataError, match=message):
        read_ties(write(tmp_path / "m.csv", text), format="matrix")


def test_unknown_format_is_refused(tmp_path):
    with pytest.raises(DataError, match="format"):
        read_ties(write(tmp_path / "t.csv", "source,target\nA,B\n"), format="json")


def test_krackhardt_names_with_stray_spaces_and_capitals_match_the_ids():
    by_name = load_network(
        data("krackhardt", "advice_edges_names.csv"), data("krackhardt", "nodes_names.csv")
    )
    by_id = load_network(data("krackhardt", "advice_edges.csv"), data("krackhardt", "nodes.csv"))
    assert summary(by_name).ties == summary(by_id).ties == 190
    assert not any(i.kind == "unknown name" for i in by_name.report.issues)
    variants = [i for i in by_name.report.issues if i.kind == "spelling variants"]
    assert variants and "Anna" in variants[0].people and 2 in variants[0].rows
    name_of = dict(zip(by_name.nodes["id"], by_name.nodes["node"], strict=True))  # M01 -> Anna
    relabelled = nx.relabel_nodes(by_id.to_networkx(), name_of)
    assert set(relabelled.edges) == set(by_name.to_networkx().edges)


def test_lazega_friendship_needs_the_nodes_file_for_two_lawyers():
    without = load_network(data("lazega", "friendship_edges.csv"))
    with_nodes = load_network(data("lazega", "friendship_edges.csv"), data("lazega", "nodes.csv"))
    assert len(without.nodes) == 69 and len(with_nodes.nodes) == 71
    assert {"L44", "L47"} <= set(summary(with_nodes).isolates)
    assert with_nodes.nodes.set_index("node").loc["L01", "office"] == "Boston"


def test_sample_files_are_found_and_marked():
    nodes, edges = (sample_path("network_nodes.csv"), sample_path("network_edges.csv"))
    assert nodes.is_file() and edges.is_file()
    assert is_sample(edges) and not is_sample(nodes.parent / "other.csv")
    net = load_sample_network()
    assert len(net.nodes) == 38 and net.relations == ("advice", "information")


def test_writers_write_whole_files_and_leave_no_temporary_files(tmp_path):
    out = write_metrics_csv(tmp_path / "m.csv", pd.DataFrame({"node": ["P001"], "in_degree": [2]}))
    assert pd.read_csv(out, encoding="utf-8-sig").to_dict("list") == {
        "node": ["P001"],
        "in_degree": [2],
    }
    write_report(tmp_path / "r.html", "<p>é</p>")
    assert (tmp_path / "r.html").read_text(encoding="utf-8") == "<p>é</p>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.csv", "r.html"]
    with pytest.raises(DataError, match="existing folder"):
        write_report(tmp_path / "missing" / "r.html", "x")
