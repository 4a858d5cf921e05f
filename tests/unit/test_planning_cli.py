"""The planning commands run as a user runs them, on messy form exports."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import pandas as pd
import pytest

from plnlib.errors import DataError
from plnlib.io.planning import (
    find_person_column,
    find_school_column,
    read_availability,
    read_mobilisation,
)
from plnlib.samples.planning import free_times_grid

GOOGLE = """Timestamp,Email Address,Your name,Which school do you teach in?,When are you free? [Monday],When are you free? [Tuesday]
2026/11/02 8:01:12 AM GMT,a@x.org,Amira Khan,Oak Primary,"Before school, After school (3.30-4.30)",Lunch
2026/11/02 8:15:40 AM GMT,b@x.org,Ben Ode,Oak Primary,,"Lunch, After school (3.30-4.30)"
2026/11/02 9:02:03 AM GMT,c@x.org,Cara Lin,Elm Academy ,After school (3.30-4.30),
"""


def run(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "plnlib.cli", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
    )


@pytest.fixture()
def google(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(GOOGLE, encoding="utf-8-sig")
    return path


def test_google_grid_to_slots_csv(google, tmp_path):
    out = tmp_path / "slots.csv"
    res = run("time-finder", google, "-o", out, "--pairs", tmp_path / "pairs.csv")
    assert res.returncode == 0, res.stderr
    pairs = list(csv.DictReader((tmp_path / "pairs.csv").open(encoding="utf-8-sig")))
    assert [(p["school_a"], p["school_b"], p["both"]) for p in pairs] == [
        ("Oak Primary", "Elm Academy", "True")
    ]
    assert "3 members in 2 schools" in res.stdout
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert {"day", "slot", "available", "schools", "cannot_make"} <= set(rows[0])
    assert (rows[0]["day"], rows[0]["slot"], rows[0]["available"], rows[0]["schools"]) == (
        "Monday",
        "After school (3.30-4.30)",
        "2",
        "2",
    )
    # names never appear unless asked; codes do
    text = out.read_text(encoding="utf-8-sig") + res.stdout
    assert "Ben" not in text and "M00" in text
    named = run("time-finder", google, "-o", out, "--names")
    assert named.returncode == 0 and "Ben Ode (Oak Primary)" in out.read_text(encoding="utf-8-sig")


def test_microsoft_xlsx_to_plan_html(tmp_path):
    grid = free_times_grid(members=10, style="microsoft", seed=4).rename(columns={"Name": "Name"})
    grid.insert(0, "ID", range(1, 11))
    grid["Name"] = "anonymous"
    path = tmp_path / "ms.xlsx"
    grid.to_excel(path, index=False)
    res = run("time-finder", path, "-o", tmp_path / "plan.html")
    assert res.returncode == 0, res.stderr
    page = (tmp_path / "plan.html").read_text()
    assert "When can the network meet?" in page and "pair of schools" in page
    assert 'class="pln-chart"' in page and "Show the chart as a table" in page


def test_tidy_csv_and_readers(tmp_path):
    path = tmp_path / "tidy.csv"
    path.write_text("Person,School,Day,Slot\na,X,Mon,PM\nb,Y,Mon,PM\nc,Y,Tue,AM\n")
    data = read_availability(path)
    assert data.days == ("Monday", "Tuesday") and len(data.members) == 3
    assert find_school_column(pd.DataFrame(columns=["Email", "Your school"])) == "Your school"
    with pytest.raises(DataError, match="several"):
        find_school_column(pd.DataFrame(columns=["Home school", "School phase"]))
    assert find_person_column(pd.DataFrame({"Name": ["anonymous"]})) is None


@pytest.mark.parametrize(
    ("edit", "args", "message"),
    [
        (lambda t: t, ("--slots", "Before school|Lunch"), "found 'After school (3.30-4.30)'"),
        (lambda t: t.replace("[Tuesday]", "[Mon]"), (), "two for Monday"),
        (lambda t: t.replace("Which school do you teach in?", "Where"), (), "--school"),
        (lambda t: t, ("--school", "Campus"), "expected a column named 'Campus'"),
    ],
)
def test_bad_inputs_exit_2_with_one_paragraph(tmp_path, edit, args, message):
    path = tmp_path / "export.csv"
    path.write_text(edit(GOOGLE))
    res = run("time-finder", path, "-o", tmp_path / "s.csv", *args)
    assert res.returncode == 2
    assert message in res.stderr and "Traceback" not in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    assert "Amira" not in res.stderr
    assert not (tmp_path / "s.csv").exists()


def test_time_cost_prints_and_refuses_impossible_figures(tmp_path):
    res = run(
        "time-cost",
        "--lesson-minutes",
        60,
        "--lessons",
        25,
        "--staff",
        12,
        "--cover-cost",
        35,
        "-o",
        tmp_path / "cost.csv",
    )
    assert res.returncode == 0, res.stderr
    assert "Paid cover" in res.stdout and "420.00" in res.stdout
    table = pd.read_csv(tmp_path / "cost.csv", encoding="utf-8-sig").set_index("option")
    assert table.loc["shave", "hours_network"] == 30.0
    bad = run("time-cost", "--lesson-minutes", 60, "--lessons", 25, "--staff", 12, "--shave", 70)
    assert bad.returncode == 2 and "minutes shaved" in bad.stderr


def test_help_texts():
    for cmd in ("time-finder", "time-cost"):
        res = run(cmd, "--help")
        assert res.returncode == 0 and "usage" in res.stdout


def test_the_json_the_pages_save_is_read_back(tmp_path):
    doc = {
        "format": "plnlib-free-times",
        "version": 1,
        "slots": ["AM", "PM"],
        "rows": [["a", "X", "Monday", "PM"], ["b", "Y", "Monday", "PM"], ["c", "Y", "", ""]],
    }
    (tmp_path / "free.json").write_text(json.dumps(doc))
    data = read_availability(tmp_path / "free.json")
    assert data.slots == ("AM", "PM") and len(data.members) == 3
    (tmp_path / "other.json").write_text(json.dumps({"format": "plnlib-answers"}))
    with pytest.raises(DataError, match='"format": "plnlib-free-times"'):
        read_availability(tmp_path / "other.json")
    (tmp_path / "broken.json").write_text("{not json")
    with pytest.raises(DataError, match="not JSON"):
        read_availability(tmp_path / "broken.json")
    tracker = {
        "format": "plnlib-mobilisation",
        "version": 1,
        "records": [
            {"innovation": "Quiz", "school": "A", "stage": "trialling", "date": "2026-01-05"}
        ],
    }
    (tmp_path / "mob.json").write_text(json.dumps(tracker))
    assert read_mobilisation(tmp_path / "mob.json")["stage"].tolist() == ["trialling"]
    (tmp_path / "empty.json").write_text(json.dumps({**tracker, "records": []}))
    with pytest.raises(DataError, match="expected 'records'"):
        read_mobilisation(tmp_path / "empty.json")
