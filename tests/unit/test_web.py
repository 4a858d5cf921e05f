"""Chart figures and standalone pages."""

from __future__ import annotations

import json
import re

from plnlib.web.page import chart_figure_html, standalone_page

EVIL = "</script><!--<script>alert(1)</script>"


def test_chart_figure_keeps_data_out_of_the_markup():
    spec = {"title": EVIL, "description": "d", "data": {"values": [{"school": EVIL}]}}
    out = chart_figure_html(spec)
    payload = re.search(r'class="pln-chart-spec">(.*?)</script>', out, re.S).group(1)
    assert "<" not in payload
    assert json.loads(payload) == spec  # the escape is JSON: the spec comes back unchanged
    assert EVIL not in out and "&lt;/script&gt;" in out  # the caption is escaped too


def test_chart_figure_renders_the_table_alternative():
    spec = {"usermeta": {"plnlib": {"table": [{"a": 1.5, "b": None}], "columns": ["a", "b"]}}}
    out = chart_figure_html(spec)
    assert "<table>" in out and '<td class="num">1.50</td>' in out
    assert '<td><span class="pln-missing">–</span></td>' in out


def test_standalone_page_is_self_contained_and_takes_extra_css():
    page = standalone_page("T", "<p>x</p>", extra_css=".mine { color: red }")
    assert not re.search(r"""<(script|link|img)\b[^>]*(src|href)=["']https?://""", page)
    assert page.index(".mine") < page.index("<script")
    assert "vegaEmbed" in page and '<main id="main">' in page
