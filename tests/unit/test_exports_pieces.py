"""The pieces of the exports: workbook cells, sheet names, hidden groups, offline pictures."""

from __future__ import annotations

import dataclasses
import datetime
import io
import zipfile

import altair as alt
import openpyxl
import pandas as pd
import pytest
from PIL import Image
from pptx import Presentation

from plnlib.errors import DataError
from plnlib.io.content import load_checklist
from plnlib.io.workbook import sheet_title, workbook_bytes, write_workbook
from plnlib.monitoring import monitor, prepare_monitoring
from plnlib.report.deck import monitoring_deck
from plnlib.report.figures import (
    Figure,
    chart_figures,
    monitoring_figures,
    render,
    save_figures,
)
from plnlib.report.redaction import hidden_groups, redact_spec
from plnlib.samples.monitoring import monitoring_answers


@pytest.fixture(scope="module")
def small():
    """Three schools, two waves: Cedar is too small and Birch is hidden with it."""
    c = load_checklist("knowledge-mobilisation")
    raw = monitoring_answers(c, schools=3, staff=40, waves=(1, 2), seed=3)
    m = monitor(prepare_monitoring(raw, c, by="school", wave="wave"), c, by="school", wave="wave")
    return m, c


def test_text_that_looks_like_a_formula_stays_text():
    frame = pd.DataFrame({"school": ['=HYPERLINK("http://x")', "+1", "Oak\x07"], "n": [5, None, 7]})
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes({"T": frame})))
    cells = [c.value for c in book["T"]["A"][1:]]
    assert cells == ['=HYPERLINK("http://x")', "+1", "Oak"]
    assert all(c.data_type == "s" for c in book["T"]["A"][1:])
    assert [c.value for c in book["T"]["B"][1:]] == [5, None, 7]
    with zipfile.ZipFile(io.BytesIO(workbook_bytes({"T": frame}))) as z:
        assert b"<f>" not in z.read("xl/worksheets/sheet1.xml")


def test_sheet_names_are_valid_and_unique():
    assert sheet_title("a/b[c]:d*e?f\\g") == "a b c d e f g"
    long = "x" * 40
    assert sheet_title(long) == "x" * 31
    assert sheet_title(long, taken=["x" * 31]) == "x" * 29 + " 2"


def test_a_workbook_needs_a_table_and_an_xlsx_name(tmp_path):
    with pytest.raises(DataError, match="at least one table"):
        workbook_bytes({})
    with pytest.raises(DataError, match=r"ending in \.xlsx"):
        write_workbook(tmp_path / "n.xls", {"T": pd.DataFrame({"a": [1]})})
    assert list(tmp_path.iterdir()) == []


def test_hidden_groups_leave_the_charts_entirely(small):
    m, c = small
    assert hidden_groups(m) == ("Cedar", "Birch")
    for figure in monitoring_figures(m, c):
        text = str(figure.spec) + figure.text_alternative()
        assert "Cedar" not in text and "Birch" not in text, figure.name
    heatmap = monitoring_figures(m, c)[2]
    assert heatmap.name == "03-statements-by-school-in-wave-2"
    columns = heatmap.spec["usermeta"]["plnlib"]["columns"]
    assert columns == ["Item", "Whole network", "Alder"]


def test_redaction_leaves_a_spec_without_hidden_groups_alone():
    spec = {"description": "Birch and Oak", "data": {"values": [{"Group": "Oak"}]}}
    assert redact_spec(spec, ()) == spec
    assert redact_spec(spec, ("Birch",))["description"] == "a hidden group and Oak"


def _bar(**extra):
    data = pd.DataFrame({"school": ["Oak", "Ash"], "mean": [3.1, 2.4]})
    chart = alt.Chart(data).mark_bar().encode(x="mean:Q", y="school:N")
    return chart.properties(title="Means by school", description="Oak 3.1, Ash 2.4", **extra)


def test_container_width_charts_render_wide_enough_for_a_slide():
    picture = render(chart_figures([_bar(width="container")])[0])
    assert picture.width >= 1600
    with Image.open(io.BytesIO(picture.png)) as image:
        assert image.size == (picture.width, picture.height)
    assert '<title id="pln-title">Means by school</title>' in picture.svg


def test_pictures_never_fetch_anything():
    spec = _bar().to_dict()
    spec.pop("datasets", None)
    spec["data"] = {"url": "https://example.org/data.csv"}
    with pytest.raises(DataError, match="renders offline"):
        render(Figure("01-x", "x", "", spec))


def test_save_figures_in_one_call(tmp_path, small):
    m, _ = small
    paths = save_figures([_bar(), _bar(width=300)], tmp_path / "figs")
    assert [p.name for p in paths] == [
        "01-means-by-school.png",
        "01-means-by-school.svg",
        "01-means-by-school.txt",
        "02-means-by-school.png",
        "02-means-by-school.svg",
        "02-means-by-school.txt",
    ]
    assert paths[2].read_text().startswith("Means by school\n\nOak 3.1, Ash 2.4")
    with pytest.raises(DataError, match="checklist"):
        save_figures(m, tmp_path / "more")
    with pytest.raises(DataError, match="expected charts"):
        save_figures(42, tmp_path / "more")
    with pytest.raises(DataError, match="existing folder"):
        save_figures(_bar(), tmp_path / "no" / "such")
    assert not (tmp_path / "more").exists()


def test_a_deck_of_real_answers_is_not_labelled_synthetic(small):
    m, c = small
    real = dataclasses.replace(m, synthetic=False)
    data = monitoring_deck(real, c, date=datetime.date(2026, 3, 5), source="answers.xlsx")
    deck = Presentation(io.BytesIO(data))
    text = " ".join(
        s.text_frame.text for slide in deck.slides for s in slide.shapes if s.has_text_frame
    )
    assert "5 March 2026" in text and "answers.xlsx (real answers)" in text
    assert "ynthetic" not in text
    assert "Cedar" not in text and "Birch" not in text
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = b"".join(z.read(n) for n in z.namelist())
    assert b"Cedar" not in parts and b"Birch" not in parts and b"Alder" in parts
