"""Report text that reads well, on answers written the way Google Forms writes them.

Each test reproduces a bug the old reports had: a widest gap between a group and itself, a
form's question as a heading, a change paragraph in a one-wave report, an unexplained
negative alpha, and counts that disagree with their nouns ("1 statements", "group(s)").
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys

import pytest

from tests.unit.report_inputs import SCHOOL_QUESTION, google_forms_export

#: One school shown: Cedar Lane (3) is hidden and Birch Academy (6) with it, so that
#: Cedar Lane cannot be worked out from the total.
ONE_SHOWN = {"Alder Primary": 9, "Birch Academy": 6, "Cedar Lane": 3}
THREE_SHOWN = {"Alder Primary": 9, "Birch Academy": 7, "Cedar Lane": 6}


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "plnlib.cli", *map(str, args)], capture_output=True, text=True
    )


def report(tmp_path, schools, *extra, suffix=".md", waves=(), name="answers.csv"):
    answers = google_forms_export(tmp_path / name, schools, waves=waves)
    out = tmp_path / f"report{suffix}"
    result = run("report", "knowledge-mobilisation", answers, *extra, "-o", out)
    assert result.returncode == 0, result.stderr
    return out.read_text(encoding="utf-8"), result


def gap_sentences(page: str) -> list[tuple[str, str, str, str]]:
    return re.findall(r"from ([\d.]+) \(([^)]+)\) to ([\d.]+) \(([^)]+)\)", page)


def test_widest_gap_never_compares_a_group_with_itself(tmp_path):
    page, _ = report(tmp_path, ONE_SHOWN, "--by", SCHOOL_QUESTION, suffix=".html")
    assert "Alder Primary" in page  # the one school shown
    assert "Widest gap" not in page and gap_sentences(page) == []
    page, _ = report(tmp_path, THREE_SHOWN, "--by", SCHOOL_QUESTION, suffix=".html")
    found = gap_sentences(page)
    assert found and all(low != high and float(a) < float(b) for a, low, b, high in found)


def test_widest_gap_helper():
    import pandas as pd

    from plnlib.helpers import widest_gap

    rows = pd.DataFrame(
        {
            "title": ["Brokers", "Brokers", "Sharing", "Sharing"],
            "group": ["Alder", "Birch", "Alder", "Birch"],
            "mean": [2.5, 3.1, 2.9, 2.9],
        }
    )
    assert widest_gap(rows) == ("Brokers", 2.5, "Alder", 3.1, "Birch")
    assert widest_gap(rows[rows["title"] == "Sharing"]) is None  # no gap: nothing to say


def test_group_headings_use_a_short_name_or_the_label_given(tmp_path):
    page, _ = report(tmp_path, THREE_SHOWN, "--by", SCHOOL_QUESTION)
    headings = [line for line in page.splitlines() if line.startswith("#")]
    assert "## Groups compared by school" in headings
    assert not any("?" in h for h in headings) and "Compared by school:" in page
    page, _ = report(tmp_path, THREE_SHOWN, "--by", SCHOOL_QUESTION, "--by-label", "home school")
    assert "## Groups compared by home school" in page and SCHOOL_QUESTION not in page
    with open(tmp_path / "numbers.csv", "w", encoding="utf-8"):
        pass
    answers = tmp_path / "answers.csv"
    bad = run("report", "knowledge-mobilisation", answers, "--by", SCHOOL_QUESTION,
              "--by-label", "What is your role?", "-o", tmp_path / "r.md")  # fmt: skip
    assert bad.returncode == 2 and "already a column" in bad.stderr
    alone = run("report", "knowledge-mobilisation", answers, "--by-label", "x", "-o", "r.md")
    assert alone.returncode == 2 and "with --by" in alone.stderr


@pytest.mark.parametrize(
    ("question", "short"),
    [
        ("Which school do you work in?", "school"),
        ("¿En qué escuela trabajas?", "school"),
        ("What is your role in your school?", "school"),
        ("What is your role?", "role"),
        ("Are you a member of the PLN?", "pln_member"),
        ("Which local network hub are you in?", "local network hub"),
        ("pln_member", "pln_member"),
    ],
)
def test_short_labels(question, short):
    from plnlib.helpers import short_label

    assert short_label(question) == short


def test_a_one_wave_report_says_nothing_about_change(tmp_path):
    page, _ = report(tmp_path, THREE_SHOWN, "--by", SCHOOL_QUESTION)
    assert "Change compares the last two waves" not in page and "Since wave" not in page
    page, _ = report(tmp_path, THREE_SHOWN, "--wave", "Survey year", waves=("2024", "2025"))
    assert "Change compares the last two waves" in page and "## Change since wave 2024" in page


def test_alpha_is_explained_and_a_negative_one_is_not_shown(tmp_path):
    page, _ = report(tmp_path, THREE_SHOWN, "--by", SCHOOL_QUESTION)
    consistency = next(p for p in page.split("\n\n") if p.startswith("Consistency"))
    assert "Cronbach" in consistency and "how far people who rate one statement" in consistency
    assert "Brokers do not hang together" in consistency
    assert not re.search(r"Brokers [-−]?\d", consistency)
    assert not re.search(r"[-−]0\.\d", consistency)
    assert re.search(r"Creating knowledge 0\.\d\d", consistency)
    # the number itself stays in the score CSV, for whoever wants it
    out = tmp_path / "team.csv"
    assert (
        run("score", "knowledge-mobilisation", tmp_path / "answers.csv", "-o", out).returncode == 0
    )
    alphas = {r["section"]: r["alpha"] for r in csv.DictReader(out.open(encoding="utf-8-sig"))}
    assert float(alphas["brokers"]) < 0


def test_no_consistency_paragraph_when_too_few_answered(tmp_path):
    page, _ = report(tmp_path, {"Alder Primary": 4})
    assert "Cronbach" not in page and "Consistency" not in page


def test_counts_agree_with_their_nouns(tmp_path):
    page, result = report(tmp_path, ONE_SHOWN, "--by", SCHOOL_QUESTION)
    text = page + result.stdout + result.stderr
    assert "(s)" not in text
    assert "Results of 2 groups are hidden" in page and "school: 1 cell with fewer than" in page
    assert "1 combination of group values holds fewer than 5 people" in result.stderr
    assert "school Cedar Lane: 3 people" in result.stderr
    ties = tmp_path / "ties.csv"
    ties.write_text("source,target\nAnn,Ben\n", encoding="utf-8")
    net = run("network", ties, "-o", tmp_path / "n.html")
    assert "(2 people, 1 advice tie)" in net.stdout


def test_plural_helper():
    from plnlib.helpers import plural

    assert [plural(n, "statement") for n in (0, 1, 2)] == [
        "0 statements",
        "1 statement",
        "2 statements",
    ]
    assert plural(1, "person", "people") == "1 person" and plural(1200, "tie") == "1,200 ties"


def test_a_low_alpha_gets_a_plain_note_in_the_team_table(tmp_path):
    from plnlib.checklists import prepare_answers, team_summary
    from plnlib.io.content import load_checklist
    from plnlib.io.responses import read_responses

    checklist = load_checklist("knowledge-mobilisation")
    answers = google_forms_export(tmp_path / "answers.csv", THREE_SHOWN)
    raw = read_responses(answers, checklist)
    sections = team_summary(prepare_answers(raw, checklist), checklist).sections
    notes = dict(zip(sections["section"], sections["alpha_note"], strict=True))
    alphas = dict(zip(sections["section"], sections["alpha"], strict=True))
    assert alphas["brokers"] < 0 and "do not hang together" in notes["brokers"]
    assert (
        alphas["creating-knowledge"] >= 0.5 and "hang together" not in notes["creating-knowledge"]
    )
