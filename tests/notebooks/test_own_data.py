"""The tool notebooks' "use your own data" instructions work exactly as written.

Each notebook says, in its synthetic-data note, which line of its first code cell to
change for the user's own files. These tests find that instruction in the notebook's
text, check the line it names is in the first code cell, write realistic files under
the names the instruction uses (a Google Forms CSV export written by hand, and the
network tools' own CSV writer) into a temporary folder, run every cell there with the
line changed, and fail if any cell raises or if an output still says "synthetic".
All data here is made up.
"""

from __future__ import annotations

import csv
import json
import random
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from plnlib.io.content import load_checklist

TOOLS = Path(__file__).resolve().parents[2] / "book" / "tools"
SCHOOLS = ("Alder Primary", "Birch High", "Cedar Academy")


def google_forms_csv(path: Path, checklist_id: str, people: int, *, dont_know: bool = False):
    """A Google Forms CSV export as Forms writes it: timestamp, e-mail, questions, labels."""
    checklist = load_checklist(checklist_id)
    labels = [p.label for p in checklist.scale.points]
    rng = random.Random(people)
    header = [
        "Timestamp",
        "Email address",
        "Which school do you work in?",
        "What is your role?",
        *[f"[{i.id}] {i.text}" for i in checklist.items],
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(header)
        for n in range(people):
            answers = [
                "Don't know" if dont_know else rng.choice([*labels, "Don't know", ""])
                for _ in checklist.items
            ]
            out.writerow(
                [
                    f"2026/03/{n + 2:02d} 9:{n:02d}:15 AM GMT",
                    f"teacher{n}@school.example",
                    SCHOOLS[n % len(SCHOOLS)],
                    "Teacher" if n % 3 else "Middle leader",
                    *answers,
                ]
            )
    return path


def instruction(notebook: dict, variable: str) -> str:
    """The assignment the notebook's text tells the user to write, e.g. my_answers = "x.csv"."""
    text = "\n".join(
        "".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "markdown"
    )
    found = re.findall(rf"`({re.escape(variable)}\s*=\s*[^`]+)`", text)
    assert found, f"the notebook's text does not say how to set {variable}"
    return found[0]


def run_as_instructed(name: str, variables: str | list[str], folder: Path) -> list[dict]:
    """Change each first-cell ``variable = None`` line as the text says; run every cell."""
    notebook = nbformat.read(TOOLS / name, as_version=4)
    first = next(c for c in notebook.cells if c.cell_type == "code")
    for variable in [variables] if isinstance(variables, str) else variables:
        wanted = instruction(notebook, variable)
        pattern = re.compile(rf"^{re.escape(variable)} = None\b.*$", re.MULTILINE)
        assert pattern.search(first.source), f"{name}: no line '{variable} = None' in cell 1"
        first.source = pattern.sub(wanted, first.source, count=1)
    NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
    ).execute()
    return [o for c in notebook.cells if c.cell_type == "code" for o in c.get("outputs", [])]


def text_of(outputs: list[dict]) -> str:
    parts = []
    for out in outputs:
        if out.get("output_type") == "stream":
            parts.append(out["text"])
        for value in out.get("data", {}).values():
            parts.append(value if isinstance(value, str) else json.dumps(value))
    return "\n".join(parts)


def file_names(assignment: str) -> list[str]:
    return re.findall(r'"([^"]+)"', assignment)


def test_the_self_assessment_runs_on_a_google_forms_export(tmp_path):
    wanted = instruction(
        nbformat.read(TOOLS / "checklist-self-assessment.ipynb", as_version=4), "my_answers"
    )
    (name,) = file_names(wanted)
    google_forms_csv(tmp_path / name, "pln-design", 9)
    outputs = run_as_instructed("checklist-self-assessment.ipynb", "my_answers", tmp_path)
    text = text_of(outputs)
    assert f"PLN design: 9 people, {len(load_checklist('pln-design').items)} statements" in text
    assert "section means" in text
    assert "synthetic" not in text.lower()
    assert "school.example" not in text  # e-mail addresses are never shown


def test_a_team_of_three_sees_what_to_do_not_an_error(tmp_path):
    (name,) = file_names(
        instruction(
            nbformat.read(TOOLS / "checklist-self-assessment.ipynb", as_version=4), "my_answers"
        )
    )
    google_forms_csv(tmp_path / name, "pln-design", 3)
    outputs = run_as_instructed("checklist-self-assessment.ipynb", "my_answers", tmp_path)
    text = text_of(outputs)
    assert "Every result is hidden: fewer than 5 people answered" in text
    assert "--min-group 3" in text and "team agrees" in text
    assert "synthetic" not in text.lower()


def test_a_team_answering_only_dont_know_is_told_so(tmp_path):
    (name,) = file_names(
        instruction(
            nbformat.read(TOOLS / "checklist-self-assessment.ipynb", as_version=4), "my_answers"
        )
    )
    google_forms_csv(tmp_path / name, "pln-design", 6, dont_know=True)
    outputs = run_as_instructed("checklist-self-assessment.ipynb", "my_answers", tmp_path)
    text = text_of(outputs)
    assert 'Every answer was "Don\'t know" or "Not applicable"' in text
    assert "too few answers" not in text


@pytest.mark.parametrize("broken", ["raw = read_responses(", "my_answers = 'x.csv'"])
def test_the_instruction_finder_fails_when_the_text_names_no_line(broken):
    notebook = {"cells": [{"cell_type": "markdown", "source": [f"Use `{broken}`."]}]}
    with pytest.raises(AssertionError):
        instruction(notebook, "my_data")


def test_map_your_network_runs_on_one_wave_of_the_users_own_files(tmp_path):
    import pandas as pd

    from plnlib.samples.networks import write_sample_files

    notebook = nbformat.read(TOOLS / "map-your-network.ipynb", as_version=4)
    wanted = instruction(notebook, "my_ties, my_people")
    ties_name, people_name = file_names(wanted)
    (tmp_path / "written").mkdir()
    people, ties = write_sample_files(tmp_path / "written")  # the tools' own CSV writer
    one = pd.read_csv(ties)
    one = one[(one["wave"] == one["wave"].max()) & (one["relation"] == "advice")]
    one.drop(columns=["wave", "relation"]).to_csv(tmp_path / ties_name, index=False)
    people.rename(tmp_path / people_name)
    outputs = run_as_instructed("map-your-network.ipynb", "my_ties, my_people", tmp_path)
    text = text_of(outputs)
    assert "One wave only: there is nothing to compare yet." in text
    assert "Saved network-report.html" in text
    assert "synthetic" not in text.lower()


def test_plan_together_runs_on_the_users_own_free_times_and_tracker(tmp_path):
    from plnlib.samples.planning import free_times_grid, mobilisation_records

    notebook = nbformat.read(TOOLS / "plan-together.ipynb", as_version=4)
    (times,) = file_names(instruction(notebook, "my_free_times"))
    (tracker,) = file_names(instruction(notebook, "my_tracker"))
    # a Google Forms checkbox-grid export and a tracker saved from a spreadsheet, as CSV
    grid = free_times_grid(members=11, schools=("Alder Primary", "Birch High"), seed=7)
    grid.to_csv(tmp_path / times, index=False)
    records = mobilisation_records(seed=7)
    records["innovation"] = "Reading aloud " + records["innovation"].astype(str)
    records.to_csv(tmp_path / tracker, index=False)
    outputs = run_as_instructed("plan-together.ipynb", ["my_free_times", "my_tracker"], tmp_path)
    text = text_of(outputs)
    assert "Alder Primary" in text and "School A" not in text  # the user's free times
    assert "Reading aloud " in text  # the user's tracker


def test_monitor_your_network_runs_on_two_years_of_form_exports(tmp_path):
    import pandas as pd

    notebook = nbformat.read(TOOLS / "monitor-your-network.ipynb", as_version=4)
    (answers,) = file_names(instruction(notebook, "my_answers"))
    (rosters,) = file_names(instruction(notebook, "my_rosters"))
    checklist = load_checklist("knowledge-mobilisation")
    labels = [p.label for p in checklist.scale.points]
    rng = random.Random(3)
    rows = []
    for year in (2024, 2025):  # two yearly Google Forms exports, a wave column added to each
        for n in range(18):
            rows.append(
                {
                    "Timestamp": f"{year}/05/{n + 1:02d} 3:15:00 PM GMT+1",
                    "Email address": f"staff{n}@school.example",
                    "school": SCHOOLS[n % 3],
                    "wave": year,
                    "role": "Teacher" if n % 4 else "Middle leader",
                    "pln_member": "yes" if n % 2 else "no",
                    **{
                        f"[{i.id}] {i.text}": rng.choice([*labels, "Don't know"])
                        for i in checklist.items
                    },
                }
            )
    pd.DataFrame(rows).to_csv(tmp_path / answers, index=False)
    pd.DataFrame(
        [{"school": s, "wave": y, "staff": 9} for s in SCHOOLS for y in (2024, 2025)]
    ).to_csv(tmp_path / rosters, index=False)
    outputs = run_as_instructed(
        "monitor-your-network.ipynb", ["my_answers", "my_rosters"], tmp_path
    )
    text = text_of(outputs)
    assert "Alder Primary" in text and "Saved monitoring-report.html" in text
    assert "synthetic" not in text.lower()
    assert "school.example" not in text
