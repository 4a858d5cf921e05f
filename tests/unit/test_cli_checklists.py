"""The checklist commands, run as a user runs them (a subprocess), and their errors."""

from __future__ import annotations

import csv
import subprocess
import sys

import pytest

from plnlib.io.content import checklist_ids, load_checklist
from plnlib.samples.checklists import team_answers


def run(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "plnlib.cli", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
    )


def test_version_and_help():
    assert run("--version").stdout.startswith("plnlib ")
    out = run("--help").stdout
    for word in ("list", "form", "worksheet", "score"):
        assert word in out


def test_list_prints_one_id_per_line_first():
    lines = run("list").stdout.splitlines()
    assert [line.split()[0] for line in lines] == checklist_ids()


def test_form_writes_one_row_per_item(tmp_path):
    out = tmp_path / "q.csv"
    res = run("form", "readiness", "-o", out)
    assert res.returncode == 0, res.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    checklist = load_checklist("readiness")
    assert [r["item_id"] for r in rows] == list(checklist.item_ids)
    assert all(r["question"].startswith(f"[{r['item_id']}] ") and r["section"] for r in rows)


@pytest.mark.parametrize("suffix", [".html", ".md"])
def test_worksheet(tmp_path, suffix):
    out = tmp_path / f"w{suffix}"
    assert run("worksheet", "equity-wellbeing", "-o", out).returncode == 0
    text = out.read_text()
    checklist = load_checklist("equity-wellbeing")
    assert all(item.id in text for item in checklist.items)


def test_score_by_group_suppresses_small_groups(tmp_path):
    checklist = load_checklist("pln-design")
    data = team_answers(checklist, respondents=14, schools=("A", "B", "C"), missing_rate=0, seed=4)
    # A: 5, B: 5, C: 4 -> C suppressed, and one of the two smallest visible groups as its complement
    src = tmp_path / "answers.csv"
    data.to_csv(src, index=False)
    out = tmp_path / "scores.csv"
    res = run("score", "pln-design", src, "--by", "school", "-o", out)
    assert res.returncode == 0, res.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert {"section", "n", "mean", "school"} <= set(rows[0])
    assert len(rows) == 3 * len(checklist.sections)
    by_school = {r["school"]: r for r in rows if r["section"] == checklist.sections[0].id}
    assert by_school["C"]["mean"] == "" and by_school["C"]["n"] == ""  # its size is hidden too
    assert by_school["A"]["n"] in ("5", "")
    assert sorted(by_school[g]["mean"] == "" for g in "AB") == [False, True]


def test_score_whole_team(tmp_path):
    checklist = load_checklist("sustaining")
    src = tmp_path / "a.csv"
    team_answers(checklist, respondents=8, seed=1).to_csv(src, index=False)
    out = tmp_path / "s.csv"
    assert run("score", "sustaining", src, "-o", out).returncode == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert [r["section"] for r in rows] == [s.id for s in checklist.sections]
    assert all(1 <= float(r["mean"]) <= 4 for r in rows)


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["score", "nope", "{src}", "-o", "{out}"], "plnlib list"),
        (["score", "pln-design", "{missing}", "-o", "{out}"], "found nothing"),
        (["score", "pln-design", "{src}", "--by", "schol", "-o", "{out}"], "'schol'"),
        (["score", "pln-design", "{src}", "--min-group", "2", "-o", "{out}"], "at least 3"),
        (["score", "pln-design", "{bad}", "-o", "{out}"], "row 2"),
        (["form", "pln-design", "-o", "{out_txt}"], ".csv"),
        (["score", "pln-design"], "required"),
    ],
)
def test_bad_input_exit_2_one_message_no_traceback_nothing_written(tmp_path, args, needle):
    src = tmp_path / "a.csv"
    team_answers(load_checklist("pln-design"), respondents=6, seed=2).to_csv(src, index=False)
    bad = tmp_path / "bad.csv"
    bad.write_text("respondent,item,value\nx,DES-01,11\n")
    paths = {
        "src": src,
        "missing": tmp_path / "missing.csv",
        "out": tmp_path / "out.csv",
        "bad": bad,
        "out_txt": tmp_path / "out.txt",
    }
    res = run(*[a.format(**paths) for a in args])
    assert res.returncode == 2
    assert needle in res.stderr and "Traceback" not in res.stderr
    assert not (tmp_path / "out.csv").exists() and not (tmp_path / "out.txt").exists()
    assert not list(tmp_path.glob("*.part"))


@pytest.mark.parametrize(("by", "hint"), [("School", "Did you mean 'school'?"), ("campus", "")])
def test_the_same_mistake_gives_the_same_message_in_score_and_report(tmp_path, by, hint):
    """--by School on a file whose column is school: one check, one message, both commands."""
    src = tmp_path / "answers.csv"
    team_answers(load_checklist("pln-design"), respondents=12, seed=3).to_csv(src, index=False)
    score = run("score", "pln-design", src, "--by", by, "-o", tmp_path / "s.csv")
    report = run("report", "pln-design", src, "--by", by, "-o", tmp_path / "r.html")
    assert score.returncode == report.returncode == 2
    message = score.stderr.strip().removeprefix("plnlib score: ")
    assert score.stderr.startswith("plnlib score: ") and report.stderr.startswith("plnlib report: ")
    assert message == report.stderr.strip().removeprefix("plnlib report: ")
    assert f"expected a group column '{by}'" in message and "answers.csv" in message
    assert "'school'" in message  # the columns found are listed
    assert (hint in message) and ("Names are case-sensitive" in message) == bool(hint)
    assert "Traceback" not in message
    assert not (tmp_path / "s.csv").exists() and not (tmp_path / "r.html").exists()
