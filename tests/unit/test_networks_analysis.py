"""analyse(): every measure of one relation and wave, consistent with the single functions."""

from __future__ import annotations

import pandas as pd
import pytest

from plnlib.errors import DataError
from plnlib.networks import (
    METRIC_COLUMNS,
    analyse,
    brokerage_roles,
    build_network,
    choose_layer,
    node_metrics,
)
from plnlib.samples import sample_network


def test_analyse_the_sample_defaults_to_advice_in_the_last_wave():
    net = sample_network()
    result = analyse(net)
    assert (result.relation, result.wave) == ("advice", "2")
    layer = net.select("advice", 2)
    expected = node_metrics(layer).set_index("node")
    people = result.people.set_index("node")
    for column in ("in_degree", "out_degree", "betweenness", "coreness"):
        assert people[column].equals(expected[column])
    roles = brokerage_roles(layer).set_index("node")
    assert people["across_schools"].equals(roles["across_groups"].rename("across_schools"))
    assert result.overlap.first == "advice" and result.overlap.second == "information"
    assert (result.change.before, result.change.after) == ("1", "2")
    assert [a.answered for a in result.answers] == [True, True, True]
    assert list(result.metrics_frame().columns[:4]) == list(METRIC_COLUMNS)


def test_choose_layer_and_bad_choices():
    net = sample_network()
    assert choose_layer(net, "INFORMATION", 1) == ("information", "1")
    with pytest.raises(DataError, match="relations"):
        analyse(net, relation="friendship")
    with pytest.raises(DataError, match="waves"):
        analyse(net, wave=5)
    empty = build_network(pd.DataFrame({"source": [], "target": []}))
    with pytest.raises(DataError, match="at least one tie"):
        analyse(empty)


def test_one_relation_without_waves_has_no_overlap_or_change():
    net = build_network(pd.DataFrame({"source": ["A", "B"], "target": ["B", "C"]}), relation="tips")
    result = analyse(net)
    assert (result.relation, result.wave, result.overlap, result.change) == ("tips", "", None, None)
    assert result.ei is None and "across_schools" not in result.people


def test_betweenness_and_brokerage_are_computed_once(monkeypatch):
    from plnlib.networks import brokerage, metrics

    calls = {"betweenness": 0, "brokerage": 0}
    real_b, real_r = metrics._betweenness, brokerage._brokerage

    def counted_b(*args, **kwargs):
        calls["betweenness"] += 1
        return real_b(*args, **kwargs)

    def counted_r(*args, **kwargs):
        calls["brokerage"] += 1
        return real_r(*args, **kwargs)

    monkeypatch.setattr(metrics, "_betweenness", counted_b)
    monkeypatch.setattr(brokerage, "_brokerage", counted_r)
    result = analyse(sample_network())
    assert calls == {"betweenness": 1, "brokerage": 1}
    assert result.answers[2].details["betweenness"].max() == result.people["betweenness"].max()
