"""``plnlib network --export/--figures/--xlsx``: every file read back by an independent reader."""

from __future__ import annotations

import csv
import io
import zipfile
from collections import Counter

import networkx as nx
import openpyxl
import pandas as pd
import pytest
from PIL import Image

from plnlib.cli import main
from plnlib.io.network_exports import export_graph, network_export_bytes
from plnlib.networks import analyse, build_network
from plnlib.samples import sample_network
from tests.conftest import REPO

NAMES = [r["id"] for r in csv.DictReader((REPO / "plnlib/samples/network_nodes.csv").open())]
READERS = {"gexf": nx.read_gexf, "graphml": nx.read_graphml}


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    """One run of the command on the shipped sample with every export, and one with names."""
    out = tmp_path_factory.mktemp("network")
    args = ["network", "sample", "--xlsx", str(out / "numbers.xlsx")]
    assert main([*args, "--export", str(out / "net.gexf"), "--figures", str(out / "figs"),
                 "-o", str(out / "report.html")]) == 0  # fmt: skip
    assert main(["network", "sample", "--export", str(out / "net.graphml"),
                 "-o", str(out / "report2.html")]) == 0  # fmt: skip
    named = out / "named"
    named.mkdir()
    assert main(["network", "sample", "--names", "--export", str(named / "net.graphml"),
                 "--xlsx", str(named / "numbers.xlsx"), "--figures", str(named / "figs"),
                 "-o", str(named / "report.html")]) == 0  # fmt: skip
    return out


@pytest.fixture(scope="module")
def expected():
    net = sample_network().pseudonymise()
    return net, analyse(net)


def _all_text(path):
    """Every byte of a file as text; for XLSX and PPTX every part of the zip, unzipped."""
    data = path.read_bytes()
    if path.suffix in (".xlsx", ".pptx"):
        with zipfile.ZipFile(path) as z:
            data = b"".join(z.read(n) for n in z.namelist())
    return data.decode("utf-8", "ignore")


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_network_files_read_back_with_networkx(shipped, expected, fmt):
    net, result = expected
    graph = READERS[fmt](shipped / f"net.{fmt}")
    assert graph.is_directed() and graph.is_multigraph()
    assert sorted(graph.nodes) == sorted(net.node_ids)
    ties = Counter(
        (u, v, d["relation"], d["wave"], float(d["strength"])) for u, v, d in graph.edges(data=True)
    )
    wanted = Counter(
        (t.source, t.target, t.relation, t.wave, float(t.weight)) for t in net.edges.itertuples()
    )
    assert ties == wanted and sum(ties.values()) == len(net.edges) > 400
    people = result.people.set_index("node")
    for node, attrs in graph.nodes(data=True):
        row = net.nodes.set_index("node").loc[node]
        assert (attrs["school"], attrs["role"]) == (row["school"], row["role"])
        assert attrs["pln_member"] == bool(row["pln_member"])
        for column in ("in_degree", "out_degree", "coreness", "community", "liaison"):
            assert attrs[column] == people.at[node, column], (node, column)
        assert attrs["betweenness"] == pytest.approx(people.at[node, "betweenness"])
        roles = people.loc[node, ["coordinator", "itinerant", "representative", "gatekeeper",
                                  "liaison"]]  # fmt: skip
        assert attrs["brokerage_role"] == (roles.idxmax() if roles.max() > 0 else "none")


def test_degrees_in_the_file_match_the_ties_in_the_file(shipped):
    """Recount each person's in-degree in the analysed layer from the file's own edges."""
    graph = nx.read_graphml(shipped / "net.graphml")
    layer = nx.DiGraph()
    layer.add_nodes_from(graph.nodes)
    layer.add_edges_from(
        (u, v)
        for u, v, d in graph.edges(data=True)
        if d["relation"] == "advice" and d["wave"] == "2"
    )
    for node, attrs in graph.nodes(data=True):
        assert attrs["in_degree"] == layer.in_degree(node)
        assert attrs["out_degree"] == layer.out_degree(node)
    between = nx.betweenness_centrality(layer, normalized=True)
    assert max(abs(between[n] - graph.nodes[n]["betweenness"]) for n in graph) < 1e-9


def test_no_name_in_any_export_unless_asked(shipped):
    files = [p for p in shipped.rglob("*") if p.is_file() and p.suffix != ".html"]
    plain = [p for p in files if "named" not in p.parts]
    assert len(plain) == 2 + 1 + 12  # gexf, graphml, workbook, four charts x (png, svg, txt)
    for path in plain:
        text = _all_text(path)
        leaks = [n for n in NAMES if n in text or n.split()[0] in text.split('"')]
        assert not leaks, f"{path.name} names {leaks[:3]}"
    named = nx.read_graphml(shipped / "named" / "net.graphml")
    assert sorted(named.nodes) == sorted(NAMES)
    assert NAMES[0] in _all_text(shipped / "named" / "numbers.xlsx")
    assert NAMES[0] in (shipped / "named" / "figs" / "01-who-goes-to-whom-wave-2.txt").read_text()


def test_workbook_holds_the_reports_numbers(shipped, expected):
    net, result = expected
    book = openpyxl.load_workbook(shipped / "numbers.xlsx")
    assert book.sheetnames == ["About", "Summary", "People", "Schools", "PLN questions",
                               "Data checks"]  # fmt: skip
    people = pd.DataFrame(book["People"].values)
    people = people.iloc[1:].set_axis(people.iloc[0], axis=1).set_index("node")
    assert len(people) == 38 and set(people.index) == set(net.node_ids)
    want = result.metrics_frame().set_index("node")
    for node in want.index:
        assert people.at[node, "in_degree"] == want.at[node, "in_degree"]
        assert people.at[node, "betweenness"] == pytest.approx(want.at[node, "betweenness"])
    summary = {r[0]: r[1] for r in book["Summary"].iter_rows(min_row=2, values_only=True)}
    assert summary["people"] == 38 and summary["ties"] == result.summary.ties
    assert summary["E-I index by school"] == pytest.approx(result.ei.index)
    schools = list(book["Schools"].iter_rows(min_row=2, values_only=True))
    assert [s[0] for s in schools] == sorted(net.nodes["school"].unique())
    about = dict(book["About"].iter_rows(min_row=2, values_only=True))
    assert "synthetic" in about["Data"] and "codes" in about["People"]


def test_figures_are_the_reports_charts_as_pictures(shipped):
    page = (shipped / "report.html").read_text(encoding="utf-8")
    figs = sorted((shipped / "figs").iterdir())
    assert len(figs) == 3 * page.count('<figure class="pln-chart"><div')
    assert [p.name for p in figs if p.suffix == ".png"] == [
        "01-who-goes-to-whom-wave-2.png",
        "02-ties-between-schools-advice-wave-2.png",
        "03-ties-inside-and-between-schools-advice-wave-2.png",
        "04-how-many-colleagues-advice-wave-2.png",
    ]
    for png in (p for p in figs if p.suffix == ".png"):
        with Image.open(png) as image:
            image.verify()
        with Image.open(png) as image:
            assert image.format == "PNG" and image.width >= 1600
        text = png.with_suffix(".txt").read_text(encoding="utf-8")
        assert text.splitlines()[0] in page  # the chart's title, as in the report


def test_a_network_without_waves_or_schools_exports_too(tmp_path):
    net = build_network(pd.DataFrame({"source": ["A", "B", "C"], "target": ["B", "C", "A"]}))
    net = net.pseudonymise()
    graph = export_graph(net, analyse(net))
    for fmt, reader in READERS.items():
        back = reader(io.BytesIO(network_export_bytes(graph, fmt)))
        assert back.number_of_nodes() == 3 and back.number_of_edges() == 3
        assert {d["wave"] for _, _, d in back.edges(data=True)} <= {"", None}
        assert all("brokerage_role" not in a for _, a in back.nodes(data=True))


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--export", "net.csv", "expected a file name ending in .gexf or .graphml"),
        ("--export", "missing/net.gexf", "expected an existing folder"),
        ("--xlsx", "numbers.csv", "expected a file name ending in .xlsx"),
        ("--figures", "missing/figs", "expected an existing folder"),
    ],
)
def test_bad_export_paths_stop_before_anything_is_written(tmp_path, capsys, option, value, message):
    code = main(
        ["network", "sample", option, str(tmp_path / value), "-o", str(tmp_path / "r.html")]
    )
    assert code == 2
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
