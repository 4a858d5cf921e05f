"""``plnlib network``: the report, the metrics file, privacy, and clear errors."""

from __future__ import annotations

import subprocess
import sys

import networkx as nx
import pandas as pd
import pytest

from plnlib.cli import main
from plnlib.samples import sample_path
from tests.shared_data import SHARED_NETWORKS as DATA


def run(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "plnlib.cli", *map(str, args)], capture_output=True, text=True
    )


def test_help_lists_the_command_and_its_options():
    out = run("network", "--help").stdout
    for option in ("EDGES", "--nodes FILE", "--relation R", "--names", "--metrics FILE.csv", "-o"):
        assert option in out
    assert "network" in run("--help").stdout


def test_sample_report_and_metrics_without_names(tmp_path, capsys):
    report, metrics = tmp_path / "report.html", tmp_path / "people.csv"
    assert main(["network", "sample", "--metrics", str(metrics), "-o", str(report)]) == 0
    out = capsys.readouterr().out
    assert "38 people, 128 advice ties in wave 2" in out and "synthetic" in out
    page = report.read_text(encoding="utf-8")
    assert "Synthetic data" in page and "<main" in page and 'aria-labelledby="methods"' in page
    people, _ = (sample_path("network_nodes.csv"), sample_path("network_edges.csv"))
    for name in pd.read_csv(people)["id"]:
        assert name not in page
    table = pd.read_csv(metrics, encoding="utf-8-sig")
    assert list(table.columns[:4]) == ["node", "in_degree", "out_degree", "betweenness"]
    assert len(table) == 38 and table["node"].str.fullmatch(r"P\d{3}").all()


def test_metrics_match_networkx_on_the_chosen_relation_and_wave(tmp_path):
    metrics = tmp_path / "m.csv"
    args = ["network", "sample", "--relation", "information", "--wave", "1", "--names"]
    assert main([*args, "--metrics", str(metrics), "-o", str(tmp_path / "r.html")]) == 0
    table = pd.read_csv(metrics, encoding="utf-8-sig").set_index("node")
    people, ties = (
        pd.read_csv(p, dtype=str)
        for p in (sample_path("network_nodes.csv"), sample_path("network_edges.csv"))
    )
    chosen = ties[(ties["relation"] == "information") & (ties["wave"] == "1")]
    g = nx.DiGraph()
    g.add_nodes_from(people["id"])
    g.add_edges_from(zip(chosen["source"], chosen["target"], strict=True))
    assert table["in_degree"].to_dict() == dict(g.in_degree())
    assert table["out_degree"].to_dict() == dict(g.out_degree())
    expected = nx.betweenness_centrality(g, normalized=True)
    assert table.loc[list(expected), "betweenness"].tolist() == pytest.approx(
        list(expected.values())
    )


def test_names_appear_only_when_asked(tmp_path):
    plain, named = tmp_path / "a.html", tmp_path / "b.html"
    assert main(["network", "sample", "-o", str(plain)]) == 0
    assert main(["network", "sample", "--names", "-o", str(named)]) == 0
    assert "Cara Orme" not in plain.read_text(encoding="utf-8")
    assert "Cara Orme" in named.read_text(encoding="utf-8")


def test_real_data_with_messy_names(tmp_path, capsys):
    if not DATA.is_dir():
        pytest.skip(f"the shared network data is not here ({DATA})")
    folder = DATA / "krackhardt"
    metrics = tmp_path / "k.csv"
    code = main(
        [
            "network",
            str(folder / "advice_edges_names.csv"),
            "--nodes",
            str(folder / "nodes_names.csv"),
            "--metrics",
            str(metrics),
            "-o",
            str(tmp_path / "k.html"),
        ]
    )
    assert code == 0
    assert "spelling variants: 7 rows" in capsys.readouterr().out
    table = pd.read_csv(metrics, encoding="utf-8-sig")
    assert len(table) == 21 and table["in_degree"].sum() == 190
    assert "name" not in table.columns and "id" not in table.columns  # nothing that identifies


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["network", "missing.csv", "-o", "r.html"], "expected a file here"),
        (["network", "sample", "-o", "r.txt"], "ending in .html"),
        (["network", "sample", "--metrics", "m.xlsx", "-o", "r.html"], "ending in .csv"),
        (["network", "sample", "--relation", "gossip", "-o", "r.html"], "relations"),
        (["network", "sample", "--wave", "9", "-o", "r.html"], "waves"),
    ],
)
def test_bad_input_exits_2_with_a_message_and_writes_nothing(
    tmp_path, monkeypatch, capsys, args, message
):
    monkeypatch.chdir(tmp_path)
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("plnlib network: ") and message in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_a_bad_cell_in_a_real_file_is_located_and_nothing_is_written(tmp_path):
    ties = tmp_path / "ties.csv"
    ties.write_text("source,target,frequency\nAnn,Ben,weekly\nBen,Cy,sometimes\n", encoding="utf-8")
    result = run("network", ties, "-o", tmp_path / "r.html", "--metrics", tmp_path / "m.csv")
    assert result.returncode == 2
    assert "ties.csv, row 3, column frequency" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ties.csv"]


def test_duplicates_can_be_refused(tmp_path):
    ties = tmp_path / "ties.csv"
    ties.write_text("source,target\nAnn,Ben\nann,BEN\n", encoding="utf-8")
    result = run("network", ties, "--duplicates", "error", "-o", tmp_path / "r.html")
    assert result.returncode == 2 and "each tie once" in result.stderr
    ok = run("network", ties, "-o", tmp_path / "r.html")
    assert ok.returncode == 0 and "duplicate tie: 2 rows" in ok.stdout


def test_report_escapes_text_from_the_data_and_labels_only_the_sample():
    from plnlib.networks import build_network
    from plnlib.report.networks import network_report_html

    people = pd.DataFrame(
        {
            "id": ["A", "B", "C"],
            "school": ["<script>alert(1)</script>", "North & South", "North & South"],
            "role": ["teacher", "head", "teacher"],
            "pln_member": ["yes", "no", "no"],
        }
    )
    ties = pd.DataFrame({"source": ["A", "B", "C"], "target": ["B", "C", "A"]})
    page = network_report_html(build_network(ties, people), title="Ours <b>")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<title>Ours &lt;b&gt;</title>" in page
    assert "Synthetic data" not in page
    for landmark in (
        '<header class="pln-header">',
        '<nav class="pln-contents"',
        'aria-labelledby="questions"',
    ):
        assert landmark in page


def test_report_of_a_district_leaves_out_the_map_but_keeps_the_rest():
    from plnlib.report.networks import network_report_html
    from plnlib.samples import district_network

    page = network_report_html(district_network(people=600, ties=3_000, schools=6), synthetic=True)
    assert "too many to draw" in page
    body = page[page.index("<main") :]
    assert body.count('<figure class="pln-chart"') == 3  # school grid, school dots, degrees
    assert "D00001" not in page  # the district's ids are pseudonymised too


def test_google_forms_grid_survey_as_the_trainer_runs_it(tmp_path):
    from tests.unit.test_io_networks_grid import GOOGLE, PEOPLE

    survey = tmp_path / "Advice survey (Responses).csv"
    survey.write_text(GOOGLE, encoding="utf-8")
    report, metrics = tmp_path / "r.html", tmp_path / "m.csv"
    args = ["network", survey, "--format", "roster", "--respondent", "Your name"]
    result = run(*args, "--metrics", metrics, "-o", report)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "(5 people, 8 advice ties)" in out
    assert "relations in the file: 'advice', 'ideas'" in out and "self-tie: 1 row, left out" in out
    assert "school read from column 'Which school do you work in?'" in out
    assert "@" not in out + result.stderr and "row(s)" not in out
    page = report.read_text(encoding="utf-8")
    assert not any(name.split()[1] in page for name in PEOPLE) and "sch.uk" not in page
    assert pd.read_csv(metrics, encoding="utf-8-sig")["node"].str.fullmatch(r"P\d{3}").all()
    ideas = run(*args, "--relation", "ideas", "--names", "-o", report)
    assert "(5 people, 6 ideas ties)" in ideas.stdout and "Okafor" in report.read_text("utf-8")


def test_a_grid_with_unknown_words_exits_2_and_writes_nothing(tmp_path):
    survey = tmp_path / "survey.csv"
    survey.write_text(
        '"Email address","Advice? [Ana]","Advice? [Ben]"\n'
        '"ana@x.org","","Sometimes"\n"ben@x.org","Sometimes",""\n',
        encoding="utf-8",
    )
    result = run("network", survey, "--format", "roster", "-o", tmp_path / "r.html")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "'Sometimes' (rows 2, 3)" in result.stderr and "@" not in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["survey.csv"]
