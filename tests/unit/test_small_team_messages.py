"""What the tools say when results are hidden, lowered or empty: one rule, plain words.

Every result of fewer than 5 people is hidden (never fewer than 3); when everything is
hidden, the message says what to do; a lowered minimum always comes with a warning;
answers that are all "Don't know" or "Not applicable" are reported as such, never as
"too few answers". All data here is made up.
"""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from plnlib.charts.checklists import distribution_chart, section_chart
from plnlib.checklists import person_message, person_score, team_messages, team_summary
from plnlib.checklists.answers import prepare_answers
from plnlib.privacy import all_hidden_message, lowered_minimum_note


def team(design, people: int, value: object = 3, items: int | None = None) -> pd.DataFrame:
    ids = list(design.item_ids)[: items or len(design.item_ids)]
    raw = pd.DataFrame(
        [{"respondent": f"p{n}", "item": i, "value": value} for n in range(people) for i in ids]
    )
    return prepare_answers(raw, design)


def test_the_all_hidden_message_says_the_three_ways_forward():
    text = all_hidden_message(5)
    assert text.startswith("Every result is hidden: fewer than 5 people answered.")
    assert "collect more answers (5 or more)" in text
    assert "combine these answers with another team's" in text
    assert "only if the team agrees, lower the smallest group shown to 3" in text
    assert "--min-group 3" in text and "Smallest group shown" in text
    assert "each person's answers are easier to guess" in text
    by_group = all_hidden_message(5, groups=True)
    assert by_group.startswith("Every group's result is hidden")
    assert "leave out --by" in by_group and "leave out --by" not in text


@pytest.mark.parametrize("minimum", [3, 4])
def test_a_lowered_minimum_always_carries_a_warning(minimum):
    note = lowered_minimum_note(minimum)
    assert note is not None and f"The smallest group shown is {minimum}, below the usual 5" in note
    assert "team's agreement" in note
    assert lowered_minimum_note(5) is None and lowered_minimum_note(8) is None


def test_a_team_of_three_sees_nothing_but_what_to_do(design):
    summary = team_summary(team(design, 3), design)
    assert summary.suppressed and summary.sections["mean"].isna().all()
    (message,) = team_messages(summary, design)
    assert message == all_hidden_message(5)
    assert set(summary.sections["note"]) == {"hidden: fewer than 5 people answered"}


def test_a_team_of_three_sees_its_result_only_when_the_minimum_is_lowered(design):
    summary = team_summary(team(design, 3), design, min_group=3)
    assert not summary.suppressed and summary.sections["mean"].notna().all()
    assert team_messages(summary, design) == [lowered_minimum_note(3)]


def test_five_people_answering_only_dont_know_are_told_so(design):
    summary = team_summary(team(design, 5, "Don't know"), design)
    assert not summary.suppressed
    assert summary.sections["note"].str.startswith("no score: every answer was").all()
    assert (summary.sections["alpha_note"] == "no scores").all()
    (message,) = team_messages(summary, design)
    assert message.startswith('Every answer was "Don\'t know" or "Not applicable"')
    assert "too few" not in message and "hidden" not in message
    no_score = 'no score (every answer was "Don\'t know" or "Not applicable")'
    assert section_chart(summary, design).to_dict()["title"] == f"PLN design: {no_score}"
    assert distribution_chart(summary, design).to_dict()["title"].endswith(no_score)


def test_one_section_of_dont_know_is_named(design):
    raw = team(design, 6)
    first = design.sections[0]
    in_first = raw["item"].isin([i.id for i in first.items])
    raw.loc[in_first, ["score", "missing"]] = [float("nan"), "not_applicable"]
    summary = team_summary(raw, design)
    assert team_messages(summary, design) == [
        f'No score for {first.title}: every answer there was "Don\'t know" or "Not applicable".'
    ]
    desc = section_chart(summary, design).to_dict()["description"]
    assert "Not shown (no score: every answer was" in desc and "too few answers" not in desc


def test_a_person_answering_only_dont_know_is_told_so(design):
    raw = pd.DataFrame({"respondent": "me", "item": list(design.item_ids), "value": "Don't know"})
    score = person_score(prepare_answers(raw, design), design)
    assert person_message(score, design).startswith(
        'Every answer you gave was "Don\'t know" or "Not applicable"'
    )
    desc = section_chart(score, design).to_dict()["description"]
    assert "too few answers" not in desc and "no score" in desc
    scored = pd.DataFrame({"respondent": "me", "item": list(design.item_ids), "value": 2})
    assert person_message(person_score(prepare_answers(scored, design), design), design) is None


def test_synthetic_is_said_only_of_made_up_answers(design):
    summary = team_summary(team(design, 6), design)
    own = section_chart(summary, design).to_dict()
    made_up = section_chart(summary, design, synthetic=True).to_dict()
    assert "synthetic" not in str(own).lower()
    assert made_up["title"].endswith("(synthetic team)")
    assert "(synthetic team)" in made_up["usermeta"]["plnlib"]["table_caption"]
    assert "synthetic" not in distribution_chart(summary, design).to_dict()["title"]
    assert (
        distribution_chart(summary, design, synthetic=True)
        .to_dict()["title"]
        .endswith("(synthetic team)")
    )


def test_a_hidden_team_s_charts_say_so_in_their_titles(design):
    summary = team_summary(team(design, 4), design)
    spec = section_chart(summary, design).to_dict()
    assert spec["title"] == "PLN design: every result hidden (fewer than 5 people)"
    assert "Every result is hidden" in spec["description"]
    assert (
        "hidden (fewer than 5 people answered)"
        in distribution_chart(summary, design).to_dict()["title"]
    )


# --- the widget ---------------------------------------------------------------------------


@pytest.fixture()
def widget(design, monkeypatch):
    import plnlib.widgets

    shown: list = []
    monkeypatch.setattr(plnlib.widgets, "display", shown.append)
    return plnlib.widgets.SelfAssessment(design), shown


def test_the_widget_says_when_every_answer_is_dont_know(widget):
    w, shown = widget
    for buttons in w.buttons.values():
        buttons.value = "dont_know"
    w.show()
    (only,) = shown  # the message, and no empty chart
    assert "Every answer you gave was" in only.value and "too few" not in only.value


def test_the_widget_lists_priorities_with_full_titles_actions_and_links(widget, design):
    w, shown = widget
    for n, buttons in enumerate(w.buttons.values()):
        buttons.value = float(1 + n % 4)
    w.show()
    listing = shown[-1].value
    weakest = [i for i in design.items if w.buttons[i.id].value == 1.0]
    assert any(i.text.replace("'", "&#x27;") in listing for i in weakest)
    longest = max(weakest, key=lambda i: len(i.text))
    assert len(longest.text) > 50  # a title pandas would have cut
    assert "Suggested actions:" in listing and "<li>" in listing
    assert "https://pln-handbook.github.io/pln-handbook/book/" in listing
    assert "..." not in listing and "…" not in listing


# --- the command line ------------------------------------------------------------------


def run(*args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "plnlib.cli", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
    )


def form_export(path, design, people: int, value: str = "Established"):
    """A Google Forms CSV export, as Forms writes it (timestamp, e-mail, school, questions)."""
    rows = [
        {
            "Timestamp": f"2026/03/0{n + 1} 10:00:00 AM GMT",
            "Email address": f"t{n}@school.example",
            "School": "Alder" if n % 2 else "Birch",
            **{f"[{i.id}] {i.text}": value for i in design.items},
        }
        for n in range(people)
    ]
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def test_score_of_a_team_of_three_says_what_to_do(tmp_path, design):
    form_export(tmp_path / "answers.csv", design, 3)
    res = run("score", "pln-design", "answers.csv", "-o", "out.csv", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert "6 cells hidden (fewer than 5 people)" in res.stdout
    assert f"plnlib score: note: {all_hidden_message(5)}" in res.stderr
    assert "school.example" not in res.stdout + res.stderr


def test_score_with_the_minimum_lowered_to_three_warns(tmp_path, design):
    form_export(tmp_path / "answers.csv", design, 3)
    res = run("score", "pln-design", "answers.csv", "--min-group", "3", "-o", "o.csv", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert "hidden" not in res.stdout
    assert lowered_minimum_note(3) in res.stderr
    assert "Shared vision" in (tmp_path / "o.csv").read_text(encoding="utf-8-sig")


def test_score_of_all_dont_know_is_not_called_too_few(tmp_path, design):
    form_export(tmp_path / "answers.csv", design, 6, "Don't know")
    res = run("score", "pln-design", "answers.csv", "-o", "out.csv", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip().splitlines()[-1] == "wrote 6 rows to out.csv"
    assert 'Every answer was "Don\'t know" or "Not applicable"' in res.stderr
    assert "fewer than" not in res.stderr


def test_score_by_school_with_small_schools_says_what_to_do(tmp_path, design):
    form_export(tmp_path / "answers.csv", design, 8)
    res = run("score", "pln-design", "answers.csv", "--by", "School", "-o", "o.csv", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert "or to protect a smaller group" in res.stdout
    assert all_hidden_message(5, groups=True) in res.stderr


def test_report_by_school_with_small_schools_says_what_to_do(tmp_path, design):
    form_export(tmp_path / "answers.csv", design, 8)
    res = run("report", "pln-design", "answers.csv", "--by", "School", "-o", "r.html", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert f"privacy: {all_hidden_message(5, groups=True)}" in res.stderr
    lowered = run(
        "report", "pln-design", "answers.csv", "--min-group", "3", "-o", "r3.html", cwd=tmp_path
    )
    assert lowered.returncode == 0, lowered.stderr
    assert f"privacy: {lowered_minimum_note(3)}" in lowered.stderr
    assert "Every" not in lowered.stderr
