"""The data a fillable checklist page's scripts use comes from plnlib, generated from the YAML."""

from __future__ import annotations

import json
import re

import pytest

from plnlib.io.content import checklist_ids, load_checklist
from plnlib.web.person import CHART_DATA, chart_spec, json_for_script, page_data
from plnlib.web.worksheets import checklist_form_html


@pytest.mark.parametrize("cid", checklist_ids())
def test_page_data_and_chart_spec_come_from_the_checklist(cid):
    c = load_checklist(cid)
    data = page_data(c, {c.sections[0].chapter: "../x.html"})
    assert data["id"] == cid and data["version"] == c.version
    assert [s["id"] for s in data["sections"]] == [s.id for s in c.sections]
    assert [i["id"] for s in data["sections"] for i in s["items"]] == list(c.item_ids)
    assert data["sections"][0]["items"][0]["actions"] == list(c.items[0].actions)
    assert data["sections"][0]["link"] == "../x.html"
    assert data["scale"]["bands"] == [[low, label] for low, label in sorted(c.scale.bands)]
    assert [p["value"] for p in data["scale"]["points"]] == [int(p.value) for p in c.scale.points]
    spec = chart_spec(c)
    assert spec["data"] == {"name": CHART_DATA} and "datasets" not in spec
    enc = spec["encoding"]
    assert enc["color"]["scale"]["domain"] == [label for _, label in sorted(c.scale.bands)]
    assert enc["x"]["scale"]["domain"] == [c.scale.low, c.scale.high]
    assert enc["y"]["sort"] == [s.title for s in c.sections]
    assert {enc[k]["field"] for k in ("x", "y", "color")} == {"Mean", "Section", "Band"}


def test_the_form_embeds_the_data_and_hides_its_controls_until_the_script_runs():
    c = load_checklist("pln-design")
    page = checklist_form_html(c)
    found = re.search(
        r'<script type="application/json" class="pln-checklist-data">(.*?)</script>', page
    )
    assert json.loads(found.group(1))["id"] == "pln-design"
    assert '<div class="pln-person-tools" hidden>' in page
    assert "kept in this browser on this device only" in page
    assert page.count("<tr data-section=") == len(c.sections)


def test_json_in_a_script_tag_cannot_close_it():
    text = json_for_script({"a": "</script><script>alert(1)</script>"})
    assert "</" not in text and json.loads(text) == {"a": "</script><script>alert(1)</script>"}
