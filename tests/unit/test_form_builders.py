"""Forms built for the trainer: the Apps Script runs against a recording FormApp in node,
and the Word document reads back with python-docx, both matching the checklist exactly."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from plnlib.checklists.form_builders import (
    GROUP_QUESTIONS,
    google_apps_script,
    word_form_blocks,
)
from plnlib.checklists.forms import item_id_of
from plnlib.io.content import checklist_ids, load_checklist
from plnlib.io.forms import write_word_form

STANDIN = Path(__file__).resolve().parents[1] / "js" / "formapp-standin.js"
NODE = shutil.which("node")


def _run_script(tmp_path: Path, text: str) -> dict:
    if NODE is None:
        pytest.fail("node is needed to run the generated Apps Script (install Node.js 18 or newer)")
    script = tmp_path / "make-form.gs"
    script.write_text(text, encoding="utf-8")
    done = subprocess.run(
        [NODE, str(STANDIN), str(script)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize("checklist_id", checklist_ids())
def test_apps_script_builds_the_whole_form(tmp_path, checklist_id):
    checklist = load_checklist(checklist_id)
    state = _run_script(tmp_path, google_apps_script(checklist))
    assert len(state["forms"]) == 1
    form = state["forms"][0]
    assert form["title"] == checklist.title
    assert checklist.summary in form["description"]
    assert form["collectEmail"] is False
    items = form["items"]
    # the group questions first, with short titles
    assert [i["title"] for i in items[: len(GROUP_QUESTIONS)]] == ["School", "Role"]
    assert items[1]["other"] is True
    # one section per checklist section, in order, each followed by its items
    sections = [i["title"] for i in items if i["kind"] == "section"]
    assert sections == [s.title for s in checklist.sections]
    questions = [i for i in items if i["kind"] == "choice" and item_id_of(i["title"])]
    assert [item_id_of(q["title"]) for q in questions] == list(checklist.item_ids)
    options = [p.label for p in checklist.scale.points] + [
        lab for _, lab in checklist.scale.missing
    ]
    for q, item in zip(questions, checklist.items, strict=True):
        assert q["title"] == f"[{item.id}] {item.text}"
        assert q["choices"] == options
        assert q["required"] is False
        assert q["help"] == f"Strong looks like: {item.strong}"
    assert any("Send this link" in line for line in state["log"])


def test_apps_script_uses_given_labels_and_survives_awkward_text(tmp_path):
    checklist = load_checklist("pln-design")
    labels = {"1": "Aún no", "2": "Incipiente", "dont_know": 'No sé "*/ </script>'}
    state = _run_script(tmp_path, google_apps_script(checklist, labels=labels))
    q = next(i for i in state["forms"][0]["items"] if (i["title"] or "").startswith("[DES-01]"))
    assert q["choices"][:2] == ["Aún no", "Incipiente"]
    assert q["choices"][2] == checklist.scale.points[2].label
    assert 'No sé "*/ </script>' in q["choices"]


def test_word_form_reads_back_with_every_question_and_choice(tmp_path):
    checklist = load_checklist("readiness")
    path = write_word_form(tmp_path / "form.docx", word_form_blocks(checklist))
    paragraphs = [p.text for p in docx.Document(str(path)).paragraphs]
    assert paragraphs[0] == checklist.title
    numbered = [p for p in paragraphs if p[:1].isdigit()]
    assert len(numbered) == len(checklist.items) + len(GROUP_QUESTIONS)
    assert numbered[:2] == ["1. School", "2. Role"]
    assert [item_id_of(p.split(". ", 1)[1]) for p in numbered[2:]] == list(checklist.item_ids)
    n_options = len(checklist.scale.points) + len(checklist.scale.missing)
    first_item = paragraphs.index(numbered[2])
    assert paragraphs[first_item + 1 : first_item + 1 + n_options] == [
        f"{'ABCDEFG'[i]}. {label}"
        for i, label in enumerate(
            [p.label for p in checklist.scale.points] + [lab for _, lab in checklist.scale.missing]
        )
    ]
