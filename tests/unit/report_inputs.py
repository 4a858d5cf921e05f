"""Realistic answers files for the report tests, written the way Google Forms writes them."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from plnlib.io.content import load_checklist

SCHOOL_QUESTION = "Which school do you work in?"
ROLE_QUESTION = "What is your role?"


def google_forms_export(
    path: Path,
    schools: dict[str, int],
    *,
    seed: int = 7,
    contrary: str = "brokers",
    waves: tuple[str, ...] = (),
) -> Path:
    """A Google Forms CSV: timestamp, the school and role questions, one column per statement
    titled ``[ID] text``, answers as the scale's labels. In the section ``contrary`` people
    who rate one statement high rate the next low, in turn (answers that do not hang together)."""
    checklist = load_checklist("knowledge-mobilisation")
    labels = {p.value: p.label for p in checklist.scale.points}
    rng = np.random.default_rng(seed)
    header = ["Timestamp", SCHOOL_QUESTION, ROLE_QUESTION]
    header += (["Survey year"] if waves else []) + [f"[{i.id}] {i.text}" for i in checklist.items]
    rows = []
    for wave in waves or ("",):
        for school, count in schools.items():
            for k in range(count):
                row = [f"2025/03/{5 + k % 20:02d} 10:{k % 60:02d}:00 AM GMT", school, "Teacher"]
                row += [wave] if waves else []
                for section in checklist.sections:
                    level = rng.integers(1, 5)
                    for j in range(len(section.items)):
                        if section.id == contrary:
                            value = level if j % 2 == 0 else 5 - level  # alternate: alpha < 0
                        else:
                            value = int(np.clip(level + rng.integers(-1, 2), 1, 4))
                        row.append(labels[value])
                rows.append(row)
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, quoting=csv.QUOTE_ALL).writerows([header, *rows])
    return path
