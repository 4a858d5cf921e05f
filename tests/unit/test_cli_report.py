"""``plnlib report``: run as a user runs it, and every bad input ends with exit 2 and a message."""

from __future__ import annotations

import csv
import re
import subprocess
import sys

import pytest

from plnlib.cli import main
from tests.conftest import REPO

SAMPLES = REPO / "plnlib" / "samples"
ANSWERS = SAMPLES / "monitoring_answers.csv"
ROSTERS = SAMPLES / "monitoring_rosters.csv"


def run(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "plnlib.cli", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
    )


def test_html_report_with_rosters_and_numbers(tmp_path):
    out, numbers = tmp_path / "report.html", tmp_path / "numbers.csv"
    res = run(
        "report",
        "knowledge-mobilisation",
        ANSWERS,
        "--by",
        "school",
        "--rosters",
        ROSTERS,
        "--csv",
        numbers,
        "-o",
        out,
    )
    assert res.returncode == 0, res.stderr
    assert "wrote the report" in res.stdout and "synthetic" in res.stdout
    assert "Deputy head" in res.stderr  # the coordinator is told, on their own screen only
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and len(page.encode()) < 2_000_000
    assert page.count('<figure class="pln-chart"><div') == 4 and "Synthetic data." in page
    rows = list(csv.DictReader(numbers.open(encoding="utf-8-sig")))
    assert {"table", "wave", "group", "id", "n", "mean", "suppressed"} <= set(rows[0])
    yew = [r for r in rows if r["group"] == "Yew" and r["table"] == "sections"]
    assert yew and all(r["n"] == "" and r["mean"] == "" and r["sd"] == "" for r in yew)
    # the HTML marks every number of a hidden row as hidden, its n included
    row = re.search(r'<tr><th scope="row">Yew</th>(.*?)</tr>', page)
    assert row and "hidden" in row.group(1) and not re.search(r"\d", row.group(1))


def test_markdown_report_and_wave_found_by_name(tmp_path, capsys):
    out = tmp_path / "report.md"
    assert main(["report", "knowledge-mobilisation", str(ANSWERS), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Knowledge mobilisation: monitoring report")
    assert "## Change since wave 2024" in text  # the 'wave' column is used without --wave
    assert "wrote the report" in capsys.readouterr().out


def test_help_lists_report():
    assert "report" in run("--help").stdout


def test_bad_input_as_a_subprocess_has_no_traceback(tmp_path):
    bad = tmp_path / "answers.csv"
    bad.write_text("respondent,wave,school,KMB-01\nr1,2024,North,7\n", encoding="utf-8")
    out = tmp_path / "report.html"
    res = run("report", "knowledge-mobilisation", bad, "--allow-missing-items", "-o", out)
    assert res.returncode == 2
    assert "Traceback" not in res.stderr and "other answer: '7' (KMB-01: row 2)" in res.stderr
    assert not out.exists()


def _wide(rows: list[str]) -> str:
    head = "respondent,wave,school,role,KMB-01,KMB-02"
    return "\n".join([head, *rows]) + "\n"


GOOD = ["r1,2024,North,Teacher,3,2", "r2,2024,North,Teacher,2,2", "r1,2025,North,Teacher,4,3"]


@pytest.mark.parametrize(
    ("content", "extra", "message"),
    [
        (_wide(["r1,2024,North,Teacher,3,KMB"]), [], "other answer: 'KMB'"),
        (
            "respondent,wave,school,KMB-01,KMB-77\nr1,2024,North,3,2\n",
            [],
            "KMB-77",
        ),
        (_wide(GOOD), ["--by", "campus"], "expected a group column 'campus'"),
        ("", [], "empty file"),
        ("respondent,wave,school,KMB-01\n", [], "at least one row"),
        (
            _wide([*GOOD, "r2,2024,South,Teacher,1,1"]),
            ["--by", "school"],
            "the same respondent twice in wave 2024 with different 'school'",
        ),
        (
            _wide([*GOOD, "r3,second,North,Teacher,1,1"]),
            [],
            "all numbers.*found both",
        ),
        (_wide(GOOD), ["--min-group", "2"], "at least 3"),
        (_wide(GOOD), ["--wave", "year"], "expected a wave column 'year'"),
        (_wide(GOOD), ["--rosters", "missing.csv"], "expected a file here"),
        (_wide(GOOD), ["--format", "md"], "expected --format html"),
        (_wide(GOOD), ["--csv", "numbers.txt"], "ending in .csv"),
    ],
)
def test_each_bad_input_exits_2_with_one_paragraph_and_writes_nothing(
    tmp_path, capsys, monkeypatch, content, extra, message
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "answers.csv").write_text(content, encoding="utf-8")
    # the wide files hold two items: score them without the others, except where an
    # unknown item id is the point (then the missing items are refused, naming it)
    allow = [] if "KMB-77" in content else ["--allow-missing-items"]
    status = main(
        ["report", "knowledge-mobilisation", "answers.csv", *extra, *allow, "-o", "report.html"]
    )
    err = capsys.readouterr().err
    assert status == 2
    assert err.startswith("plnlib report: ") and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1  # one paragraph
    assert re.search(message, err), err
    assert not (tmp_path / "report.html").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["answers.csv"]  # nothing half-written


def test_missing_output_folder_writes_nothing(tmp_path, capsys):
    numbers = tmp_path / "numbers.csv"
    status = main(
        [
            "report",
            "knowledge-mobilisation",
            str(ANSWERS),
            "--csv",
            str(numbers),
            "-o",
            str(tmp_path / "no" / "report.html"),
        ]
    )
    assert status == 2 and "existing folder" in capsys.readouterr().err
    assert not numbers.exists()


def test_bad_roster_exits_2(tmp_path, capsys):
    roster = tmp_path / "rosters.csv"
    roster.write_text("school,staff\nAlder,lots\n", encoding="utf-8")
    out = tmp_path / "report.html"
    status = main(
        ["report", "knowledge-mobilisation", str(ANSWERS), "--rosters", str(roster), "-o", str(out)]
    )
    err = capsys.readouterr().err
    assert status == 2 and "rosters.csv, row 2, column 'staff'" in err and not out.exists()


def test_a_failed_write_keeps_the_old_report_and_leaves_no_temporary_file(
    tmp_path, capsys, monkeypatch
):
    from plnlib.io import files

    out = tmp_path / "report.html"
    out.write_text("last year's report", encoding="utf-8")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(files.os, "replace", refuse)
    status = main(["report", "knowledge-mobilisation", str(ANSWERS), "-o", str(out)])
    err = capsys.readouterr().err
    assert status == 2 and "could not read or write" in err and "Traceback" not in err
    assert out.read_text(encoding="utf-8") == "last year's report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_the_command_writes_what_write_monitoring_report_writes(tmp_path):
    from plnlib.io.content import load_checklist
    from plnlib.io.responses import read_responses
    from plnlib.monitoring import monitor, prepare_monitoring
    from plnlib.report.monitoring import write_monitoring_report

    c = load_checklist("knowledge-mobilisation")
    raw = read_responses(ANSWERS, c)
    result = monitor(prepare_monitoring(raw, c, wave="wave", where=ANSWERS.name), c, wave="wave")
    by_hand = write_monitoring_report(tmp_path / "a.md", result, c, source=ANSWERS.name)
    assert (
        main(["report", "knowledge-mobilisation", str(ANSWERS), "-o", str(tmp_path / "b.md")]) == 0
    )
    assert (tmp_path / "b.md").read_text(encoding="utf-8") == by_hand.read_text(encoding="utf-8")
