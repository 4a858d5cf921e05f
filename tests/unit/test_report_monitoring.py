"""The monitoring report: self-contained, accessible, escaped, small; Markdown and numbers."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import numpy as np
import pandas as pd
import pytest

from plnlib.errors import DataError
from plnlib.io.content import load_chapters, load_checklist
from plnlib.monitoring import NETWORK, monitor, prepare_monitoring
from plnlib.report.monitoring import (
    HANDBOOK_URL,
    monitoring_numbers,
    monitoring_report_html,
    monitoring_report_markdown,
    write_monitoring_report,
)
from plnlib.samples.monitoring import monitoring_answers, monitoring_rosters
from tests.conftest import REPO

KMB = load_checklist("knowledge-mobilisation")
EVIL = "<script>alert(1)</script>"


def _result(**changes):
    raw = monitoring_answers(KMB, seed=8)
    raw["school"] = raw["school"].replace({"Alder": EVIL, "Birch": "Birch & <b>Co</b>"})
    rosters = monitoring_rosters(seed=8).replace({"Alder": EVIL, "Birch": "Birch & <b>Co</b>"})
    prepared = prepare_monitoring(raw, KMB, by="school", wave="wave")
    options = {"by": "school", "wave": "wave", "rosters": rosters, **changes}
    return monitor(prepared, KMB, **options)


@pytest.fixture(scope="module")
def result():
    return _result()


@pytest.fixture(scope="module")
def page(result):
    return monitoring_report_html(result, KMB, source="answers <2025>.csv")


class _Outline(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)
        if self.tags and self.tags[-1][0] == "style":
            self.styles.append(data)


@pytest.fixture(scope="module")
def outline(page):
    parser = _Outline()
    parser.feed(page)
    return parser


def test_the_page_is_self_contained(outline, page):
    for tag, attrs in outline.tags:
        for key in ("src", "href"):
            value = attrs.get(key) or ""
            if key == "href" and tag == "a":
                continue  # links to read are fine; nothing is loaded from them
            assert not value.startswith(("http:", "https:", "//")), (tag, attrs)
    assert not [a for t, a in outline.tags if t == "script" and a.get("src")]
    assert not [a for t, a in outline.tags if t == "link" and a.get("rel") == "stylesheet"]
    assert "vegaEmbed" in page  # the chart scripts are inlined


def test_charts_are_present_with_their_text_and_tables(outline, page):
    figures = [a for t, a in outline.tags if t == "figure" and a.get("class") == "pln-chart"]
    assert len(figures) == 4
    specs = [
        json.loads(s)
        for (t, a), s in zip(
            [x for x in outline.tags if x[0] == "script"], outline.scripts, strict=False
        )
        if a.get("class") == "pln-chart-spec"
    ]
    assert len(specs) == 4 and all(s["description"] for s in specs)
    assert page.count('class="pln-chart-table"') == 4


def test_headings_landmarks_and_contents(outline, page):
    tags = [t for t, _ in outline.tags]
    assert tags.count("h1") == 1 and tags.count("main") == 1 and tags.count("nav") == 1
    ids = {a["id"] for _, a in outline.tags if "id" in a}
    targets = [
        a["href"][1:] for t, a in outline.tags if t == "a" and a.get("href", "").startswith("#")
    ]
    assert targets and set(targets) <= ids
    for anchor in ("summary", "strengths", "priorities", "groups", "rates", "change", "methods"):
        assert anchor in targets
    sections = [a for t, a in outline.tags if t == "section"]
    assert all(a.get("aria-labelledby") in ids for a in sections)
    report_css = [css for css in outline.styles if "nav.pln-contents" in css]
    assert len(report_css) == 1 and "@media print" in report_css[0]
    assert "break-before: page" in report_css[0]
    # the report's styles sit in the page's <style>, before any (inlined) script
    assert page.index("nav.pln-contents") < page.index("<script")


def test_text_from_data_is_escaped(page):
    assert EVIL not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>Co</b>" not in page and "Birch &amp; &lt;b&gt;Co&lt;/b&gt;" in page
    assert "answers &lt;2025&gt;.csv" in page
    # inside the chart specs no '<' survives at all, so data cannot end the script element
    for spec in re.findall(r'class="pln-chart-spec">(.*?)</script>', page, re.S):
        assert "<" not in spec
        assert EVIL in json.dumps(json.loads(spec), ensure_ascii=False)


def test_priorities_link_to_handbook_chapters(result, page):
    links = re.findall(r'href="(https://[^"]+)"', page)
    chapters = [u for u in links if u.startswith(HANDBOOK_URL)]
    assert chapters
    paths = {c.path for c in load_chapters().values()}
    for url in chapters:
        path = url[len(HANDBOOK_URL) : -len(".html")]
        assert url.endswith(".html") and path in paths
        assert any((REPO / f"{path}{ext}").exists() for ext in (".md", ".ipynb")), path
    for action in result.priorities.iloc[-1]["actions"]:
        assert action.replace("'", "&#x27;") in page


def test_synthetic_data_are_labelled_and_small_groups_not_named(result, page):
    assert "Synthetic data." in page and "describes no real school or person" in page
    assert result.warnings  # the sample has a single deputy head
    assert "Deputy head" not in page  # the report never names a singled-out cell
    assert "Small groups." in page and "role: " in page


def test_the_report_is_under_two_megabytes(page):
    assert len(page.encode("utf-8")) < 2_000_000


def test_hidden_groups_show_no_numbers(page):
    row = re.search(r"<tr><th scope=\"row\">Yew</th>(.*?)</tr>", page)
    assert row and "hidden" in row.group(1) and not re.search(r"\d", row.group(1))


def test_markdown_report(result):
    md = monitoring_report_markdown(result, KMB, source="answers.csv")
    assert md.startswith("# Knowledge mobilisation: monitoring report")
    for heading in ("## Summary", "## Strengths", "## Priorities", "## Change since wave 2024"):
        assert heading in md
    assert EVIL not in md and "&lt;script&gt;alert\\(1\\)&lt;/script&gt;" not in md
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in md
    assert "| Yew | hidden |" in md
    assert f"]({HANDBOOK_URL}book/" in md
    assert "Synthetic data" in md


def test_numbers_table_shows_what_the_result_holds(result):
    """The CSV neither re-applies suppression nor forgets it: it is the result's numbers.

    Blanking a suppressed row's n, mean and sd is the result's job (plnlib.monitoring,
    tested there); here every number of a suppressed row is the result's own.
    """
    t = monitoring_numbers(result)
    assert {"sections", "items", "changes", "rates"} == set(t["table"])
    hidden = t[t["suppressed"]]
    assert len(hidden) and hidden[["mean", "sd"]].isna().all().all()
    cells = hidden[hidden["table"].isin(["sections", "items"])]
    assert len(cells) and cells["n"].isna().all()  # a hidden row's n is empty too
    rows = t[t["table"] == "sections"]
    assert rows["id"].tolist() == result.sections["id"].tolist()
    for col in ("n", "mean", "sd"):
        core = result.sections[col].astype("float64").round(4).to_numpy()
        assert np.array_equal(rows[col].to_numpy(), core, equal_nan=True), col
    shown = t[~t["suppressed"] & t["table"].isin(["sections", "items"])]
    assert len(shown) and (shown["n"] >= result.min_group).all()  # no small row is shown
    assert t["synthetic"].all() and (t["min_group"] == 5).all()
    net = t[(t["table"] == "sections") & (t["group"] == NETWORK) & (t["wave"] == 2025)]
    expected = result.sections[result.sections["network"] & (result.sections["wave"] == 2025)]
    assert net["mean"].round(4).tolist() == expected["mean"].round(4).tolist()


def test_one_survey_without_groups():
    raw = monitoring_answers(KMB, seed=8, waves=(2025,)).drop(columns=["wave", "synthetic"])
    m = monitor(prepare_monitoring(raw, KMB), KMB)
    page = monitoring_report_html(m, KMB)
    assert page.count('<figure class="pln-chart"><div') == 1  # the answers; no groups, no waves
    assert "Change since" not in page and "Synthetic data." not in page
    assert "real answers" in page
    md = monitoring_report_markdown(m, KMB)
    assert "## Groups compared" not in md
    numbers = monitoring_numbers(m)
    assert set(numbers["table"]) == {"sections", "items"}


def test_report_without_charts_has_no_scripts(result):
    page = monitoring_report_html(result, KMB, charts=False)
    assert "<script" not in page and '<figure class="pln-chart"><div' not in page
    assert pd.Series(["summary"]).isin(re.findall(r'id="(\w+)"', page)).all()


def test_write_monitoring_report(tmp_path, result):
    html_path = write_monitoring_report(
        tmp_path / "r.html", result, KMB, numbers=tmp_path / "n.csv", source="a.csv"
    )
    assert html_path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (tmp_path / "n.csv").read_text(encoding="utf-8-sig").startswith("table,wave")
    md = write_monitoring_report(tmp_path / "r.md", result, KMB)
    assert md.read_text(encoding="utf-8").startswith("# ")
    with pytest.raises(DataError, match=r"ending in \.html or \.htm or \.md"):
        write_monitoring_report(tmp_path / "r.pdf", result, KMB)
    with pytest.raises(DataError, match="existing folder"):
        write_monitoring_report(
            tmp_path / "none" / "r.html", result, KMB, numbers=tmp_path / "x.csv"
        )
    assert not (tmp_path / "x.csv").exists() and not (tmp_path / "r.pdf").exists()
