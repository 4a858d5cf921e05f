"""Saved answers files (the checklist page's "Save my answers"): read one or many, score them."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from plnlib.checklists.scoring import person_score, prepare_answers, team_summary
from plnlib.cli import main
from plnlib.errors import DataError
from plnlib.io.content import load_checklist
from plnlib.io.responses import save_person_json
from plnlib.io.saved_answers import read_saved_answers


@pytest.fixture(scope="module")
def design():
    return load_checklist("pln-design")


def _team(folder, checklist, n=6):
    folder.mkdir(exist_ok=True)
    ids = checklist.item_ids
    for k in range(n):
        answers = {i: 1 + (j + k) % 4 for j, i in enumerate(ids)}
        answers[ids[k]] = "dont_know"
        save_person_json(folder / f"colleague-{k}.json", checklist, answers, respondent="me")
    return folder


def test_one_file_gives_the_persons_scores(tmp_path, design):
    answers = {"DES-01": 4, "DES-02": 2, "DES-03": "not_applicable", "DES-04": None}
    path = save_person_json(tmp_path / "anna.json", design, answers, respondent="Anna")
    raw = read_saved_answers([path], design)
    assert set(raw["item"]) == set(answers)
    assert "Anna" not in set(raw["respondent"])  # pseudonymised
    score = person_score(prepare_answers(raw, design), design)
    assert score.mean == 3.0 and score.answered == 2 and score.not_applicable == 1


def test_a_folder_is_a_team_with_one_respondent_per_file(tmp_path, design):
    folder = _team(tmp_path / "team", design)
    raw = read_saved_answers([folder], design)
    assert raw["respondent"].nunique() == 6
    assert all(code.startswith("P") for code in raw["respondent"].unique())
    summary = team_summary(prepare_answers(raw, design), design, min_group=5)
    assert summary.sections["n"].min() >= 5 and summary.sections["mean"].notna().all()


def test_score_command_reads_a_folder_and_files_like_a_table(tmp_path, design, capsys):
    folder = _team(tmp_path / "team", design)
    # the same answers as one tidy table
    rows = []
    for k, path in enumerate(sorted(folder.glob("*.json"))):
        for item, value in json.loads(path.read_text())["answers"].items():
            rows.append({"respondent": f"r{k}", "item": item, "value": value})
    pd.DataFrame(rows).to_csv(tmp_path / "team.csv", index=False)
    assert main(["score", "pln-design", str(folder), "-o", str(tmp_path / "a.csv")]) == 0
    files = [str(p) for p in sorted(folder.glob("*.json"))]
    assert main(["score", "pln-design", *files, "-o", str(tmp_path / "b.csv")]) == 0
    assert (
        main(["score", "pln-design", str(tmp_path / "team.csv"), "-o", str(tmp_path / "c.csv")])
        == 0
    )
    a, b, c = (pd.read_csv(tmp_path / f"{x}.csv") for x in "abc")
    assert list(a.columns) == ["section", "title", "n", "mean", "sd", "alpha"]
    pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_frame_equal(a, c)
    assert "wrote 6 rows" in capsys.readouterr().out


def test_a_small_team_is_suppressed(tmp_path, design):
    folder = _team(tmp_path / "team", design, n=3)
    assert main(["score", "pln-design", str(folder), "-o", str(tmp_path / "a.csv")]) == 0
    assert pd.read_csv(tmp_path / "a.csv")["mean"].isna().all()


def test_a_file_for_another_checklist_says_so(tmp_path, design, capsys):
    other = load_checklist("readiness")
    path = save_person_json(tmp_path / "x.json", other, {other.item_ids[0]: 2})
    assert main(["score", "pln-design", str(path), "-o", str(tmp_path / "a.csv")]) == 2
    err = capsys.readouterr().err
    assert "x.json" in err and "'readiness'" in err and "plnlib score readiness" in err
    assert not (tmp_path / "a.csv").exists()


def test_bad_files_are_named_with_what_is_wrong(tmp_path, design):
    (tmp_path / "notjson.json").write_text("{oops")
    with pytest.raises(DataError, match=r"notjson.json.*not JSON"):
        read_saved_answers([tmp_path / "notjson.json"], design)
    (tmp_path / "other.json").write_text(json.dumps({"format": "something"}))
    with pytest.raises(DataError, match=r"other.json.*plnlib-answers"):
        read_saved_answers([tmp_path / "other.json"], design)
    doc = {
        "format": "plnlib-answers",
        "version": 1,
        "checklist": "pln-design",
        "checklist_version": 1,
        "respondent": "me",
        "answers": {"DES-01": 9},
    }
    (tmp_path / "value.json").write_text(json.dumps(doc))
    with pytest.raises(DataError, match=r"value.json, answer to DES-01"):
        read_saved_answers([tmp_path / "value.json"], design)
    doc["answers"] = {"DES-99": 2}
    doc["checklist_version"] = 0
    (tmp_path / "old.json").write_text(json.dumps(doc))
    with pytest.raises(DataError, match=r"old.json.*DES-99.*version 0"):
        read_saved_answers([tmp_path / "old.json"], design)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(DataError, match=r"empty.*found none"):
        read_saved_answers([empty], design)
    with pytest.raises(DataError, match=r"answers.csv"):
        read_saved_answers([tmp_path / "answers.csv"], design)


def test_duplicates_of_the_same_respondent_are_reported(tmp_path, design):
    save_person_json(tmp_path / "a.json", design, {"DES-01": 4}, respondent="Sam")
    save_person_json(tmp_path / "b.json", design, {"DES-01": 2}, respondent="sam ")
    with pytest.raises(DataError, match=r"same respondent label in both a.json and b.json"):
        read_saved_answers([tmp_path], design)
    copy = tmp_path / "copy"
    copy.mkdir()
    save_person_json(copy / "a.json", design, {"DES-01": 4, "DES-02": 1})
    save_person_json(copy / "a (1).json", design, {"DES-01": 4, "DES-02": 1})
    save_person_json(copy / "b.json", design, {"DES-01": 3, "DES-02": 1})
    raw = read_saved_answers([copy], design)
    # two people may answer alike: both are counted, and the files are named
    assert raw["respondent"].nunique() == 3
    assert raw.attrs["notes"] == [
        "a (1).json and a.json hold identical answers: if one is a copy of the other, "
        "remove it and score again (both are counted now)"
    ]


def test_the_score_command_names_identical_files(tmp_path, design, capsys):
    for name in ("a", "b"):
        save_person_json(tmp_path / f"{name}.json", design, {"DES-01": 4})
    out = tmp_path / "out.csv"
    assert main(["score", "pln-design", str(tmp_path), "--min-group", "3", "-o", str(out)]) == 0
    assert "note: a.json and b.json hold identical answers" in capsys.readouterr().err
