"""The network report at a scale where every view must change form (120 schools, 2,400 people)."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from plnlib.charts.networks import MAX_ROWS
from plnlib.charts.networks_by_school import GRID_SCHOOLS
from plnlib.cli import main
from plnlib.networks import analyse
from plnlib.report.monitoring import monitoring_report_html
from plnlib.report.networks import MAP_PEOPLE, network_report_html, write_network_report
from plnlib.samples import district_network, sample_network
from tests.unit.test_report_monitoring import KMB, _result


@pytest.fixture(scope="module")
def district():
    net = district_network(people=2_400, ties=12_000, schools=120)
    shown = net.pseudonymise()
    return net, shown, analyse(shown)


@pytest.fixture(scope="module")
def page(district):
    _, shown, result = district
    return network_report_html(shown, analysis=result, synthetic=True)


def _specs(page: str) -> list[dict]:
    return [json.loads(s) for s in re.findall(r'class="pln-chart-spec">(.*?)</script>', page, re.S)]


def test_every_chart_holds_at_most_the_row_limit(page):
    specs = _specs(page)
    assert len(specs) == 3  # grid, schools, degrees: no map for 2,400 people
    for spec in specs:
        data = [*spec.get("datasets", {}).values(), spec.get("data", {}).get("values", [])]
        assert all(len(rows) <= MAX_ROWS for rows in data), spec["title"]
    assert "too many to draw legibly" in page and f"{2_400:,} people" in page


def test_the_school_grid_shows_the_most_linked_schools_and_adds_up_the_rest(district, page):
    _, _, result = district
    grid = next(s for s in _specs(page) if str(s["title"]).startswith("Ties between schools"))
    cells = pd.DataFrame(next(iter(grid["datasets"].values())))
    assert cells["from_school"].nunique() == GRID_SCHOOLS + 1
    assert f"Other schools ({120 - GRID_SCHOOLS})" in set(cells["to_school"])
    assert cells["ties"].sum() == result.summary.ties  # nothing lost by adding up
    school = result.layer.nodes.set_index("node")["school"]
    edges = result.layer.edges
    across = pd.concat([edges["source"], edges["target"]])[
        list(school[edges["source"]].to_numpy() != school[edges["target"]].to_numpy()) * 2
    ]
    top = school[across].value_counts().nlargest(1).index[0]
    assert top in set(cells["from_school"])  # the most linked school has its own row


def test_one_dot_per_school_and_binned_degrees(page):
    specs = {
        str(s["title"] if isinstance(s["title"], str) else s["title"]["text"]): s
        for s in _specs(page)
    }
    schools = next(s for t, s in specs.items() if t.startswith("Ties inside and between"))
    assert len(schools["usermeta"]["plnlib"]["table"]) == 120
    degrees = next(s for t, s in specs.items() if t.startswith("How many colleagues"))
    assert len(degrees["usermeta"]["plnlib"]["table"]) <= 41


def test_long_tables_show_their_first_rows_and_the_rest_behind_show_all(page):
    assert "People most sought out (the first 25 of 2,400 rows)" in page
    assert "--metrics FILE.csv" in page  # 2,400 people: the rest is in the metrics file
    assert "Brokerage roles by school, most first (the first 20 of 120 rows)" in page
    assert "Show all 120 rows" in page
    # a chart's own table is long too: its first rows, then all of them
    assert re.search(r"Ties of each school, advice \(wave 1\) \(the first 50 of 120 rows\)", page)
    assert len(page.encode("utf-8")) < 5_000_000


def test_the_cli_writes_the_report_and_metrics_at_this_scale(tmp_path, district, capsys):
    net, _, _ = district
    nodes = net.nodes.rename(columns={"node": "id"})
    nodes.to_csv(tmp_path / "people.csv", index=False)
    net.edges.to_csv(tmp_path / "ties.csv", index=False)
    report, metrics = tmp_path / "r.html", tmp_path / "m.csv"
    args = [str(tmp_path / "ties.csv"), "--nodes", str(tmp_path / "people.csv")]
    assert main(["network", *args, "--metrics", str(metrics), "-o", str(report)]) == 0
    assert "wrote" in capsys.readouterr().out
    assert report.stat().st_size < 5_000_000
    assert len(pd.read_csv(metrics, encoding="utf-8-sig")) == 2_400


def test_the_small_sample_keeps_its_map_and_full_tables(tmp_path):
    out = write_network_report(
        tmp_path / "n.html", sample_network(), metrics=tmp_path / "m.csv", synthetic=True
    )
    page = out.read_text(encoding="utf-8")
    assert len(_specs(page)) == 4 and len(sample_network().nodes) <= MAP_PEOPLE
    assert "Show all 38 rows" in page  # the people table: 25 shown, all 38 behind the button
    assert len(pd.read_csv(tmp_path / "m.csv", encoding="utf-8-sig")) == 38


def test_both_reports_are_made_of_the_same_pieces(page):
    other = monitoring_report_html(_result(), KMB)
    style = re.compile(r"<style>(.*?)</style>", re.S)
    assert style.search(page).group(1) == style.search(other).group(1)  # one stylesheet
    for piece in (
        '<header class="pln-header"><h1>',
        '<p class="pln-synthetic" role="note"><strong>Synthetic data.</strong>',
        '<nav class="pln-contents" aria-labelledby="pln-contents">',
        '<section class="pln-part" aria-labelledby="',
        '<div class="pln-table-wrap"><table><caption>',
        '<th scope="col">',
        '<td class="num">',
        '<figure class="pln-chart">',
    ):
        assert piece in page and piece in other, piece


def test_a_failed_write_keeps_the_old_report(tmp_path, monkeypatch):
    from plnlib.io import files

    old = tmp_path / "n.html"
    old.write_text("old", encoding="utf-8")

    def refuse(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(files.os, "replace", refuse)
    with pytest.raises(OSError):
        write_network_report(old, sample_network())
    assert old.read_text(encoding="utf-8") == "old" and [p.name for p in tmp_path.iterdir()] == [
        "n.html"
    ]
