"""``plnlib report ... -o results.pptx --figures DIR --xlsx FILE`` on the shipped sample.

Every file is read back by an independent reader (python-pptx and a zip listing,
PIL and an XML parser, openpyxl), and no hidden group appears anywhere in them.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile

import openpyxl
import pytest
from PIL import Image
from pptx import Presentation

from plnlib.cli import main
from plnlib.io.content import load_checklist
from plnlib.io.responses import read_responses
from plnlib.io.tables import read_table
from plnlib.monitoring import monitor, prepare_monitoring
from plnlib.report.figures import monitoring_figures
from plnlib.report.monitoring import monitoring_numbers
from plnlib.report.redaction import hidden_groups
from tests.conftest import REPO

SAMPLES = REPO / "plnlib" / "samples"
ANSWERS, ROSTERS = SAMPLES / "monitoring_answers.csv", SAMPLES / "monitoring_rosters.csv"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def checklist():
    return load_checklist("knowledge-mobilisation")


@pytest.fixture(scope="module")
def result(checklist):
    raw = read_responses(ANSWERS, checklist)
    prepared = prepare_monitoring(raw, checklist, by="school", wave="wave", where=ANSWERS.name)
    return monitor(prepared, checklist, by="school", wave="wave", rosters=read_table(ROSTERS))


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    out = tmp_path_factory.mktemp("monitoring")
    code = main(["report", "knowledge-mobilisation", str(ANSWERS), "--by", "school",
                 "--rosters", str(ROSTERS), "--figures", str(out / "figures"),
                 "--xlsx", str(out / "numbers.xlsx"), "-o", str(out / "results.pptx")])  # fmt: skip
    assert code == 0
    return out


def _all_text(path):
    data = path.read_bytes()
    if path.suffix in (".xlsx", ".pptx"):
        with zipfile.ZipFile(path) as z:
            data = b"".join(z.read(n) for n in z.namelist())
    return data.decode("utf-8", "ignore")


def test_the_sample_has_hidden_groups(result):
    # Yew is always too small and Birch is hidden with it (samples/README.md)
    assert hidden_groups(result) == ("Birch", "Yew")


def test_no_hidden_group_appears_in_any_export(shipped, result):
    files = [p for p in shipped.rglob("*") if p.is_file()]
    assert len(files) == 1 + 1 + 3 * 4  # deck, workbook, four charts x (png, svg, txt)
    for path in files:
        text = _all_text(path)
        for group in hidden_groups(result):
            assert not re.search(rf"\b{group}\b", text), f"{path.name} names {group}"
    # the search finds a school that is shown
    heatmap = shipped / "figures" / "03-statements-by-school-in-wave-2025.svg"
    for path in (shipped / "numbers.xlsx", shipped / "results.pptx", heatmap):
        assert re.search(r"\bOak\b", _all_text(path)), path.name


def test_the_deck_has_the_slides_a_workshop_needs(shipped, result, checklist):
    path = shipped / "results.pptx"
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
    slides = [n for n in names if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]
    media = [n for n in names if n.startswith("ppt/media/") and n.endswith(".png")]
    notes = [n for n in names if re.fullmatch(r"ppt/notesSlides/notesSlide\d+\.xml", n)]
    weakest = int((result.priorities["level"] == "section").sum())
    assert len(slides) == 1 + 4 + 1 + weakest + 1 and len(media) == 4 and len(notes) == 4
    deck = Presentation(str(path))
    titles = [s.shapes.title.text for s in deck.slides]
    figures = monitoring_figures(result, checklist)
    assert titles[1:5] == [f.title for f in figures]
    assert titles[5] == "Strongest sections" and titles[-1] == "Methods and privacy"
    first = deck.slides[0].placeholders[1].text
    latest = int(result.responses["responses"].iloc[-1])
    assert checklist.title in first and f"{latest} responses in wave 2025" in first
    assert "Synthetic data" in first
    assert re.search(r"\d{1,2} [A-Z][a-z]+ 20\d\d", first)  # the date
    for slide in deck.slides:  # a slide copied into another deck still says so
        assert "Synthetic data" in " ".join(
            s.text_frame.text for s in slide.shapes if s.has_text_frame
        )
    for slide, figure in zip(list(deck.slides)[1:5], figures, strict=True):
        picture = next(s for s in slide.shapes if s.shape_type == 13)
        assert picture._element.nvPicPr.cNvPr.get("descr") == figure.description
        assert slide.notes_slide.notes_text_frame.text.strip() == (
            figure.text_alternative().strip()
        )
        assert picture.left >= 0 and picture.left + picture.width <= deck.slide_width
        assert picture.top + picture.height <= deck.slide_height


def test_strongest_and_weakest_sections_with_their_actions(shipped, result):
    deck = Presentation(str(shipped / "results.pptx"))
    text = {s.shapes.title.text: " ".join(sh.text_frame.text for sh in s.shapes if sh.has_text_frame)
            for s in deck.slides}  # fmt: skip
    strong = result.strengths[result.strengths["level"] == "section"]
    for rec in strong.itertuples():
        assert f"{rec.title}: mean {rec.mean:.2f}" in text["Strongest sections"]
    weak = result.priorities[result.priorities["level"] == "section"]
    assert len(weak) >= 1
    actions = [a for a in result.priorities["actions"] for a in a]
    found = " ".join(text[f"To work on: {t}"] for t in weak["title"])
    assert actions and all(a in found for a in actions)
    methods = text["Methods and privacy"]
    assert "fewer than 5" in methods and "2 groups are hidden" in methods
    assert "synthetic" in methods


def test_pictures_parse_and_are_sharp_enough_for_a_slide(shipped, result, checklist):
    folder = shipped / "figures"
    figures = monitoring_figures(result, checklist)
    assert [p.stem for p in sorted(folder.glob("*.png"))] == [f.name for f in figures]
    assert figures[0].name == "01-answers-in-wave-2025"
    assert figures[1].name == "02-section-means-by-school-in-wave-2025"
    for figure in figures:
        with Image.open(folder / f"{figure.name}.png") as image:
            image.verify()
        with Image.open(folder / f"{figure.name}.png") as image:
            assert image.width >= 1600 and image.height > 300
        root = ET.parse(folder / f"{figure.name}.svg").getroot()
        assert root.tag == f"{SVG}svg" and root.find(f"{SVG}title").text == figure.title
        assert len(root.findall(f".//{SVG}text")) > 5
        text = (folder / f"{figure.name}.txt").read_text(encoding="utf-8")
        assert text.startswith(figure.title) and figure.description in text


def test_workbook_sheets_match_the_numbers_without_hidden_groups(shipped, result):
    book = openpyxl.load_workbook(shipped / "numbers.xlsx")
    assert book.sheetnames == ["About", "Sections", "Statements", "Change", "Response rates"]
    numbers = monitoring_numbers(result)
    hidden = set(hidden_groups(result))
    for sheet, table in (("Sections", "sections"), ("Statements", "items"), ("Change", "changes")):
        rows = list(book[sheet].iter_rows(values_only=True))
        header, body = rows[0], rows[1:]
        want = numbers[(numbers["table"] == table) & ~numbers["group"].isin(hidden)]
        assert len(body) == len(want) > 0
        col = header.index("group")
        assert hidden.isdisjoint(r[col] for r in body)
    rows = list(book["Sections"].iter_rows(values_only=True))
    h = rows[0]
    net = {
        r[h.index("title")]: r[h.index("mean")]
        for r in rows[1:]
        if r[h.index("group")] == "Whole network" and r[h.index("wave")] == 2025
    }
    for rec in result.summary.sections.itertuples():
        assert net[rec.title] == pytest.approx(rec.mean, abs=1e-4)
    hidden_rows = [r for r in rows[1:] if r[h.index("suppressed")]]
    assert all(r[h.index("mean")] is None for r in hidden_rows)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "results.ppt"], "expected an output file ending in .html, .md or .pptx"),
        (["--format", "pptx", "-o", "r.html"], "expected --format html"),
        (["--xlsx", "n.csv", "-o", "results.pptx"], "expected a file name ending in .xlsx"),
        (["--figures", "missing/figs", "-o", "results.pptx"], "expected an existing folder"),
    ],
)
def test_bad_export_options_stop_before_anything_is_written(tmp_path, capsys, args, message):
    args = [a if a.startswith("-") or a == "pptx" else str(tmp_path / a) for a in args]
    code = main(["report", "knowledge-mobilisation", str(ANSWERS), "--by", "school", *args])
    assert code == 2
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
