"""Improvement cycles: the driver diagram, the PDSA log, readings, the action plan, commands."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest
import yaml

from plnlib.charts.cycles import driver_diagram_chart, run_chart
from plnlib.checklists.scoring import prepare_answers, team_summary
from plnlib.errors import DataError
from plnlib.io.content import load_checklist
from plnlib.io.planning import read_cycles_json
from plnlib.planning.actionplan import action_plan
from plnlib.planning.cycles import (
    diagram_from_dict,
    diagram_from_rows,
    diagram_rows,
    prepare_cycles,
    prepare_measures,
)
from plnlib.samples.checklists import team_answers
from plnlib.samples.planning import driver_diagram_data, measure_readings, pdsa_log


@pytest.fixture()
def diagram():
    return diagram_from_dict(driver_diagram_data())


def test_the_diagram_round_trips_through_its_table(diagram):
    rows = diagram_rows(diagram)
    assert rows["level"].value_counts().to_dict() == {
        "change idea": 5,
        "secondary": 4,
        "primary": 3,
        "aim": 1,
        "measure": 1,
        "target date": 1,
    }
    again = diagram_from_rows(rows)
    assert again == diagram
    assert diagram.target_date == pd.Timestamp("2027-07-16")


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d["primary_drivers"].pop(), "three to five primary drivers, found 2"),
        (
            lambda d: d["primary_drivers"].extend([{"id": f"X{i}", "text": "t"} for i in range(3)]),
            "found 6",
        ),
        (lambda d: d.pop("measure"), "the aim's measure"),
        (lambda d: d.update(target_date="next summer"), "expected a date"),
        (lambda d: d["primary_drivers"][1].update(id="P1"), "'P1' twice"),
    ],
)
def test_bad_diagrams(edit, message):
    data = driver_diagram_data()
    edit(data)
    with pytest.raises(DataError, match=message):
        diagram_from_dict(data, where="d.yaml")


def test_bad_diagram_rows(diagram):
    rows = diagram_rows(diagram)
    rows.loc[rows["level"] == "change idea", "parent"] = "P1"  # a primary, not a secondary
    with pytest.raises(DataError, match=r"d.csv, row 7, column parent.*secondary driver"):
        diagram_from_rows(rows, where="d.csv")
    with pytest.raises(DataError, match="expected a level"):
        diagram_from_rows(pd.DataFrame({"level": ["goal"], "text": ["x"]}))


def test_the_pdsa_log_statuses(diagram):
    log = prepare_cycles(pdsa_log(), diagram=diagram)
    assert log["status"].tolist() == ["done", "done", "planned"]
    assert log["act"].tolist() == ["adapt", "adopt", ""]
    partial = pdsa_log().assign(do=["x", "x", "x"], study=["", "y", ""], act=["", "", ""])
    assert prepare_cycles(partial)["status"].tolist() == ["doing", "studying", "doing"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"prediction": ["", "p", "p"]},
            r"row 2, column prediction: expected a prediction for cycle '1'",
        ),
        ({"act": ["keep", "", ""]}, "expected adopt, adapt or abandon, found 'keep'"),
        ({"change_idea": ["C9", "C4", "C1"]}, "found 'C9'"),
        ({"cycle": ["1", "1", "3"]}, "used once, found '1' again"),
        ({"start": ["soon", "", ""]}, "expected a date"),
    ],
)
def test_bad_cycles(diagram, change, message):
    with pytest.raises(DataError, match=message):
        prepare_cycles(pdsa_log().assign(**change), diagram=diagram, where="log.csv")


def test_measures_and_the_run_chart(diagram):
    m = prepare_measures(measure_readings().assign(value=lambda f: f["value"].astype(str)))
    assert m["value"].median() == 45 and m["date"].is_monotonic_increasing
    with pytest.raises(DataError, match="expected a number, found 'n/a'"):
        prepare_measures(pd.DataFrame({"date": ["2026-01-01"], "value": ["n/a"]}))
    spec = run_chart(m, prepare_cycles(pdsa_log()), measure="Home reading").to_dict()
    assert "median 45" in spec["description"] and "cycles 1, 2, 3" in spec["description"]
    assert len(spec["layer"]) == 4 and len(spec["usermeta"]["plnlib"]["table"]) == 13


def test_the_diagram_chart_places_parents_between_children(diagram):
    spec = driver_diagram_chart(diagram).to_dict()
    nodes = spec["datasets"][spec["layer"][1]["data"]["name"]]
    ys = {n["plain"].split(":")[0]: n["y"] for n in nodes}
    assert ys["S1"] == (ys["C1"] + ys["C2"]) / 2 and ys["C5"] == 4
    assert "P2 Reading is a shared, social habit" in spec["description"]


def test_action_plan_from_a_team_result():
    c = load_checklist("pln-design")
    summary = team_summary(prepare_answers(team_answers(c, seed=7), c), c)
    plan = action_plan(summary, c, sections=1, items=3)
    weakest = summary.sections.nsmallest(1, "mean")["title"].iloc[0]
    assert set(plan["section"]) == {weakest} and plan["item"].nunique() == 3
    assert (plan["who"] == "").all() and plan["action"].str.len().gt(0).all()
    assert plan["mean"].is_monotonic_increasing or plan["item"].nunique() == 3


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "plnlib.cli", *map(str, args)], capture_output=True, text=True
    )


def test_the_commands(tmp_path):
    (tmp_path / "d.yaml").write_text(yaml.safe_dump(driver_diagram_data()))
    pdsa_log().to_csv(tmp_path / "log.csv", index=False)
    measure_readings().to_csv(tmp_path / "m.csv", index=False)
    res = run(
        "cycles",
        tmp_path / "d.yaml",
        "--log",
        tmp_path / "log.csv",
        "--measures",
        tmp_path / "m.csv",
        "-o",
        tmp_path / "r.html",
    )
    assert res.returncode == 0, res.stderr
    assert "3 cycles: 1 planned, 0 doing, 0 studying, 2 done" in res.stdout
    page = (tmp_path / "r.html").read_text()
    assert "Change idea C4: Ten minutes of reading aloud every day" in page
    bad = pdsa_log().assign(prediction=["", "p", "p"])
    bad.to_csv(tmp_path / "bad.csv", index=False)
    res = run(
        "cycles", tmp_path / "d.yaml", "--log", tmp_path / "bad.csv", "-o", tmp_path / "x.html"
    )
    assert res.returncode == 2 and "prediction" in res.stderr and not (tmp_path / "x.html").exists()
    assert run("cycles", "--template", tmp_path).returncode == 0
    assert run("cycles", "--template", tmp_path).returncode == 2  # never overwrites
    template = run("cycles", tmp_path / "driver-diagram.yaml", "-o", tmp_path / "t.html")
    assert template.returncode == 0, template.stderr


def test_action_plan_command_reads_the_in_page_json(tmp_path):
    c = load_checklist("pln-design")
    answers = {item: (1 if i < 4 else 4) for i, item in enumerate(c.item_ids)}
    doc = {
        "format": "plnlib-answers",
        "checklist": "pln-design",
        "respondent": "me",
        "answers": answers,
    }
    (tmp_path / "a.json").write_text(json.dumps(doc))
    res = run(
        "action-plan",
        "pln-design",
        tmp_path / "a.json",
        "--sections",
        1,
        "-o",
        tmp_path / "plan.csv",
    )
    assert res.returncode == 0, res.stderr
    plan = pd.read_csv(tmp_path / "plan.csv", encoding="utf-8-sig")
    assert set(plan["item"]) <= set(c.item_ids[:4]) and len(plan)
    wrong = run("action-plan", "readiness", tmp_path / "a.json", "-o", tmp_path / "p.csv")
    assert wrong.returncode == 2 and "pln-design" in wrong.stderr


def test_the_pages_json_holds_diagram_cycles_and_readings(tmp_path):
    doc = {
        "format": "plnlib-cycles",
        "version": 1,
        "diagram": driver_diagram_data(),
        "cycles": pdsa_log().to_dict("records"),
        "measures": [{"date": "2026-01-05", "value": "40", "cycle": ""}],
    }
    (tmp_path / "c.json").write_text(json.dumps(doc), encoding="utf-8")
    diagram, log, measures = read_cycles_json(tmp_path / "c.json")
    assert len(diagram.primaries) == 3 and log["status"].tolist() == ["done", "done", "planned"]
    assert measures["value"].tolist() == [40.0]
    (tmp_path / "empty.json").write_text(json.dumps({**doc, "cycles": [], "measures": []}))
    assert read_cycles_json(tmp_path / "empty.json")[1:] == (None, None)
    bad = {**doc, "cycles": [{**doc["cycles"][0], "prediction": ""}]}
    (tmp_path / "bad.json").write_text(json.dumps(bad))
    with pytest.raises(DataError, match=r"bad.json: cycles, row 2, column prediction: expected a"):
        read_cycles_json(tmp_path / "bad.json")
    (tmp_path / "other.json").write_text(json.dumps({**doc, "format": "plnlib-mobilisation"}))
    with pytest.raises(DataError, match='expected a file with "format": "plnlib-cycles"'):
        read_cycles_json(tmp_path / "other.json")
    (tmp_path / "rows.json").write_text(json.dumps({**doc, "measures": {"date": 1}}))
    with pytest.raises(DataError, match="expected 'measures' to be a list of rows"):
        read_cycles_json(tmp_path / "rows.json")


def test_action_plan_reads_a_form_export_with_the_same_options_as_score(tmp_path):
    """An edited form (an item with no column) is refused, naming it; the same option
    as ``plnlib score`` goes on without it, and personal columns are left out."""
    c = load_checklist("readiness")
    rows = [["Timestamp", "Email address", *(f"[{i}] {i}" for i in c.item_ids[1:])]]
    for k in range(6):
        rows.append(
            [f"2026/03/0{k + 1}", f"p{k}@school.example", *("Agree" for _ in c.item_ids[1:])]
        )
    (tmp_path / "form.csv").write_text("\n".join(",".join(r) for r in rows) + "\n")
    args = ["action-plan", "readiness", tmp_path / "form.csv", "-o", tmp_path / "plan.csv"]
    refused = run(*args)
    assert refused.returncode == 2 and c.item_ids[0] in refused.stderr
    assert "--allow-missing-items" in refused.stderr and not (tmp_path / "plan.csv").exists()
    done = run(*args, "--allow-missing-items")
    assert done.returncode == 0, done.stderr
    assert "'Email address'" in done.stdout and "@" not in done.stdout + done.stderr
    assert (tmp_path / "plan.csv").exists()
