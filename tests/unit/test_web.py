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


def test_a_table_has_caption_scopes_numbers_right_and_hidden_rows():
    import pandas as pd

    from plnlib.web.blocks import table_html

    frame = pd.DataFrame({"School": ["<A>", "B"], "n": [12, 3], "Mean": [2.5, float("nan")]})
    out = table_html(frame, "Means & n", hidden=[False, True], formats={"n": "{:.0f}"})
    assert "<caption>Means &amp; n</caption>" in out and out.count('<th scope="col">') == 3
    assert '<th scope="row">&lt;A&gt;</th><td class="num">12</td><td class="num">2.50</td>' in out
    row = out[out.index('<th scope="row">B</th>') :]
    assert row.count('<span class="pln-hidden">hidden</span>') == 2 and "3" not in row


def test_a_long_table_shows_its_first_rows_then_all_or_says_where_the_rest_is():
    import pandas as pd

    from plnlib.web.blocks import table_html

    frame = pd.DataFrame({"person": [f"P{i:03d}" for i in range(30)], "ties": range(30)})
    short = table_html(frame, "People", limit=40)
    assert "<details" not in short and short.count("<tr>") == 31
    long = table_html(frame, "People", limit=10)
    assert "(the first 10 of 30 rows)" in long and "Show all 30 rows" in long
    assert long.count("<tr>") == 11 + 31
    huge = table_html(frame, "People", limit=10, all_limit=20, elsewhere="See people.csv.")
    assert "<details" not in huge and "See people.csv." in huge and huge.count("<tr>") == 11


def test_markdown_tables_match_the_html_cells():
    import pandas as pd

    from plnlib.web.markdown import md_document, md_table

    frame = pd.DataFrame({"Group": ["a|b", "c"], "Change": [0.25, -0.5]})
    text = md_table(frame, "Change", formats={"Change": "{:+.2f}"}, hidden=[False, True])
    assert "| a\\|b | +0.25 |" in text and "| c | hidden |" in text and "|---|---:|" in text
    doc = md_document("T <1>", [("Part", text)], synthetic=True)
    assert doc.startswith("# T &lt;1&gt;\n") and "**Synthetic data.**" in doc
