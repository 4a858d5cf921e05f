"""Answers saved for version 1 of the checklists are still read by version 2.

The fixtures in tests/fixtures/old-versions were made with plnlib before the items changed
(see their README): one saved answers file per checklist, a Google Forms export and a wide table.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plnlib.checklists.scoring import person_score, prepare_answers, team_summary
from plnlib.cli import main
from plnlib.io.content import checklist_ids, load_checklist
from plnlib.io.responses import read_responses, save_person_json
from plnlib.io.saved_answers import read_saved_answers

OLD = Path(__file__).resolve().parents[1] / "fixtures" / "old-versions"
RECORD = Path(__file__).resolve().parents[2] / "plnlib" / "content" / "published-ids.json"
VERSION_1 = {cid: entry["versions"]["1"] for cid, entry in json.loads(RECORD.read_text()).items()}


@pytest.mark.parametrize("cid", checklist_ids())
def test_the_fixture_really_is_a_version_1_file(cid):
    doc = json.loads((OLD / f"{cid}-v1.json").read_text(encoding="utf-8"))
    assert doc["checklist"] == cid and doc["checklist_version"] == 1
    assert list(doc["answers"]) == VERSION_1[cid]
    assert load_checklist(cid).version > 1  # else this file tests nothing


@pytest.mark.parametrize("cid", checklist_ids())
def test_a_version_1_file_is_read_for_every_item_that_still_exists(cid):
    checklist = load_checklist(cid)
    raw = read_saved_answers([OLD / f"{cid}-v1.json"], checklist)
    assert set(raw["item"]) == set(VERSION_1[cid])  # every old answer is kept
    new = checklist.new_since(1)
    assert new and not set(new) & set(raw["item"])
    (note,) = raw.attrs["notes"]
    assert f"version 1 of '{cid}'" in note and f"now version {checklist.version}" in note
    assert all(i in note for i in new)  # the new, unanswered items are named
    score = person_score(prepare_answers(raw, checklist), checklist)
    assert score.answered == len(VERSION_1[cid]) - 1  # one "Don't know" in each fixture
    assert score.mean is not None


def test_a_current_file_gets_no_version_note(tmp_path):
    checklist = load_checklist("pln-design")
    path = save_person_json(tmp_path / "now.json", checklist, {"DES-01": 3, "DES-27": 2})
    assert read_saved_answers([path], checklist).attrs["notes"] == []


def test_old_and_new_files_score_together_as_one_team(tmp_path):
    checklist = load_checklist("pln-design")
    folder = tmp_path / "team"
    folder.mkdir()
    old = json.loads((OLD / "pln-design-v1.json").read_text(encoding="utf-8"))
    for k in range(3):
        old["respondent"] = f"old-{k}"
        (folder / f"old-{k}.json").write_text(json.dumps(old), encoding="utf-8")
    for k in range(3):
        answers = {i: 1 + (j + k) % 4 for j, i in enumerate(checklist.item_ids)}
        save_person_json(folder / f"new-{k}.json", checklist, answers, respondent=f"new-{k}")
    raw = read_saved_answers([folder], checklist)
    assert raw["respondent"].nunique() == 6
    assert sum("version 1" in n for n in raw.attrs["notes"]) == 3
    summary = team_summary(prepare_answers(raw, checklist), checklist, min_group=3)
    by_item = summary.items.set_index("item")
    assert by_item.at["DES-01", "n"] == 6 and by_item.at["DES-27", "n"] == 3


@pytest.mark.parametrize(
    ("cid", "name"),
    [
        ("pln-design", "pln-design-v1-google-forms.csv"),
        ("learning-culture", "learning-culture-v1-wide.csv"),
    ],
)
def test_a_version_1_table_is_read_and_noted(cid, name):
    checklist = load_checklist(cid)
    raw = read_responses(OLD / name, checklist)
    assert set(raw["item"]) == set(VERSION_1[cid]) and raw["respondent"].nunique() == 6
    note = checklist.table_version_note(set(raw["item"]), where=name)
    assert note.startswith(f"{name} looks like the form of version 1")
    assert all(i in note for i in checklist.new_since(1))
    # a table of the current form, or of a few items only, gets no such note
    assert checklist.table_version_note(checklist.item_ids, where=name) == ""
    assert checklist.table_version_note(VERSION_1[cid][:2], where=name) == ""


@pytest.mark.parametrize(
    ("cid", "name"),
    [
        ("pln-design", "pln-design-v1-google-forms.csv"),
        ("learning-culture", "learning-culture-v1-wide.csv"),
        ("knowledge-mobilisation", "knowledge-mobilisation-v1.json"),
    ],
)
def test_plnlib_score_reads_old_files_with_a_note_and_no_traceback(tmp_path, capsys, cid, name):
    out = tmp_path / "scores.csv"
    status = main(["score", cid, str(OLD / name), "--min-group", "3", "-o", str(out)])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    assert "Traceback" not in captured.err
    assert "version 1" in captured.err and load_checklist(cid).new_since(1)[0] in captured.err
    assert out.exists() and out.read_text(encoding="utf-8-sig").startswith("section,")
