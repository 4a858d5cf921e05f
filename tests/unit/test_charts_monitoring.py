"""Monitoring charts: valid Vega-Lite, text alternatives, params, aggregated data only."""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pytest

from plnlib.charts.answers import _stack
from plnlib.charts.base import PALETTE
from plnlib.charts.monitoring import (
    diverging_chart,
    group_dot_chart,
    heatmap_chart,
    trend_chart,
)
from plnlib.errors import DataError
from plnlib.io.content import load_checklist
from plnlib.monitoring import NETWORK, monitor, prepare_monitoring
from plnlib.samples.monitoring import monitoring_answers

KMB = load_checklist("knowledge-mobilisation")
CHARTS = (diverging_chart, group_dot_chart, heatmap_chart, trend_chart)


@pytest.fixture(scope="module")
def result():
    raw = monitoring_answers(KMB, seed=4)
    prepared = prepare_monitoring(raw, KMB, by="school", wave="wave")
    return monitor(prepared, KMB, by="school", wave="wave")


@pytest.fixture(scope="module")
def specs(result):
    # to_dict() validates against the Vega-Lite schema
    return {f.__name__: f(result, KMB).to_dict() for f in CHARTS}


def _marks(spec):
    layers = spec.get("layer", [spec])
    return [layer for layer in layers if "mark" in layer]


@pytest.mark.parametrize("name", [f.__name__ for f in CHARTS])
def test_every_chart_has_title_description_table_and_tooltips(specs, name):
    spec = specs[name]
    assert spec["title"]["text"].startswith("Knowledge mobilisation")
    assert len(spec["description"]) > 80
    meta = spec["usermeta"]["plnlib"]
    assert meta["table"] and meta["table_caption"]
    assert any("tooltip" in layer.get("encoding", {}) for layer in _marks(spec))


@pytest.mark.parametrize("name", [f.__name__ for f in CHARTS])
def test_charts_carry_aggregated_data_only(specs, name):
    text = json.dumps(specs[name])
    assert "P0" not in text  # respondent codes look like P00001
    rows = sum(len(v) for v in specs[name].get("datasets", {}).values())
    assert rows < 1000


def test_params_choose_the_group_and_highlight_a_section(specs):
    names = {k: sorted(p["name"] for p in s.get("params", [])) for k, s in specs.items()}
    inner = {
        k: sorted(p["name"] for layer in s.get("layer", []) for p in layer.get("params", []))
        for k, s in specs.items()
    }
    assert "group" in names["diverging_chart"] + inner["diverging_chart"]
    assert {"group", "section"} <= set(names["group_dot_chart"] + inner["group_dot_chart"])
    assert {"section", "row"} <= set(names["heatmap_chart"] + inner["heatmap_chart"])
    assert {"group", "section"} <= set(names["trend_chart"] + inner["trend_chart"])
    group = next(p for p in specs["trend_chart"]["params"] if p["name"] == "group")
    assert group["bind"]["input"] == "select" and group["bind"]["options"][0] == NETWORK


def test_palettes_are_colour_blind_safe(specs):
    text = json.dumps(specs["diverging_chart"]) + json.dumps(specs["trend_chart"])
    colours = {c.upper() for c in re.findall(r"#[0-9A-Fa-f]{6}", text)}
    allowed = {c.upper() for c in PALETTE} | {"#F5C26B", "#9ED0F0", "#BBBBBB", "#333333"}
    assert colours <= allowed, colours - allowed
    assert '"scheme": "viridis"' in json.dumps(specs["heatmap_chart"])


def test_hidden_groups_stay_out_of_the_charts(result, specs):
    hidden = {"Yew"}  # 5 staff, never more than 4 answers
    dot = pd.DataFrame(next(iter(specs["group_dot_chart"]["datasets"].values())))
    assert not hidden & set(dot["Group"])
    heat = pd.DataFrame(next(iter(specs["heatmap_chart"]["datasets"].values())))
    yew = heat[heat["Group"] == "Yew"]
    assert len(yew) and yew["Mean"].isna().all() and yew["n"].isna().all()
    assert "Yew" in specs["group_dot_chart"]["description"]
    options = next(p for p in specs["diverging_chart"]["params"] if p["name"] == "group")
    assert "Yew" not in options["bind"]["options"]


def test_diverging_bars_stack_from_zero_known_answer():
    dist = pd.DataFrame(
        {
            "group": NETWORK,
            "id": "X",
            "label": ["a", "b", "c", "d"],
            "count": [1, 2, 3, 4],
            "share": [0.1, 0.2, 0.3, 0.4],
        }
    )
    out = _stack(dist, np.array([-1, -1, 1, 1]))
    assert out["x0"].tolist() == pytest.approx([-0.3, -0.2, 0.0, 0.3])
    assert out["x1"].tolist() == pytest.approx([-0.2, 0.0, 0.3, 0.7])
    five = dist.iloc[[0, 1, 2, 3, 3]].assign(share=[0.1, 0.1, 0.4, 0.2, 0.2])
    out = _stack(five.reset_index(drop=True), np.array([-1, -1, 0, 1, 1]))
    # the middle answer straddles zero
    assert out["x0"].tolist() == pytest.approx([-0.4, -0.3, -0.2, 0.2, 0.4])
    assert out["x1"].tolist() == pytest.approx([-0.3, -0.2, 0.2, 0.4, 0.6])


def test_diverging_description_names_the_extremes(result, specs):
    d = result.distribution
    net = d[d["network"] & (d["value"] >= 3)].groupby("id")["share"].sum()
    assert f"most positive {net.idxmax()}" in specs["diverging_chart"]["description"]
    table = specs["diverging_chart"]["usermeta"]["plnlib"]["table"]
    assert {"Group", "Item", "n", "Not yet in place", "Embedded"} <= set(table[0])


def test_trend_description_gives_the_largest_rise(result, specs):
    ch = result.changes
    net = ch[ch["network"] & (ch["level"] == "section")]
    top = net.loc[net["change"].idxmax()]
    assert (
        f"largest rise is in {top['title']} ({top['change']:+.2f})"
        in specs["trend_chart"]["description"]
    )


def test_charts_refuse_what_they_cannot_draw(result):
    single = monitor(prepare_monitoring(monitoring_answers(KMB, seed=4, waves=(2025,)), KMB), KMB)
    with pytest.raises(DataError, match="group column"):
        group_dot_chart(single, KMB)
    with pytest.raises(DataError, match="wave column"):
        trend_chart(single, KMB)
    with pytest.raises(DataError, match="checklist 'sustaining'"):
        heatmap_chart(result, load_checklist("sustaining"))
    # without groups the diverging bars and heatmap still draw the whole network
    assert diverging_chart(single, KMB).to_dict()["title"]["text"]
    assert heatmap_chart(single, KMB).to_dict()["description"]


def test_group_names_from_data_are_data_not_markup():
    raw = monitoring_answers(KMB, schools=3, staff=60, waves=(1, 2), seed=2)
    raw["school"] = raw["school"].replace({"Alder": "<script>alert(1)</script>"})
    m = monitor(
        prepare_monitoring(raw, KMB, by="school", wave="wave"), KMB, by="school", wave="wave"
    )
    spec = heatmap_chart(m, KMB).to_dict()
    groups = pd.DataFrame(next(iter(spec["datasets"].values())))["Group"]
    assert "<script>alert(1)</script>" in set(groups)  # kept as a value; the page escapes it
