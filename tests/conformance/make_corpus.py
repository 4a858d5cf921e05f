"""The conformance corpus: random teams written in every file format, scored by plnlib.

``python -m tests.conformance.make_corpus DIR`` (or :func:`make_corpus`) writes
answer files in DIR and a ``manifest.json`` listing, for each case, its files,
the checklist, the group column, the minimum group size and what
``plnlib score ID FILE [--by COLUMN]`` gives: the CSV it writes (read back as
rows of values) or the message it stops with. The page's JavaScript is run on
every case (tests/conformance/run_corpus.js) and must give the same.

Covered: group sizes 2..7 around the default threshold 5 and the floor 3,
complementary suppression, whole teams below the threshold, all-"don't know"
items, blank answers, "not applicable", labels, numbers and "3 = Label"
answers; Google Forms CSV, Microsoft Forms XLSX, tidy and wide CSV and XLSX,
saved answers JSON files (several at once); UTF-8 with and without BOM,
UTF-16, cp1252 with accents; comma, semicolon and tab; and bad files.
All data is synthetic.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import random
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd

from plnlib.checklists import Checklist
from plnlib.cli import main as plnlib_main
from plnlib.io.content import checklist_ids, load_checklist
from plnlib.io.responses import load_person_json, person_answers_frame, save_person_json

FORMATS = ("google", "msforms", "tidy_csv", "wide_csv", "tidy_xlsx", "wide_xlsx", "json")
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1252")
DELIMITERS = (",", ";", "\t")
SCHOOLS = ("École du Nord", "Saint-Étienne", "Hillside", "Café Lane", "Brook", "Meadow", "Zürich")
ROLES = ("teacher", "leader", "support")


def _answer(rng: random.Random, checklist: Checklist, style: str, all_dk: bool) -> Any:
    scale = checklist.scale
    if all_dk:
        return "Don't know"
    roll = rng.random()
    if roll < 0.08:
        return None
    if roll < 0.14:
        return rng.choice(["Don't know", "don't know", "dont_know", "Don\u2019t know"])
    if roll < 0.18:
        return rng.choice(["Not applicable", "not applicable"])
    point = rng.choice(scale.points)
    if style == "numbers":
        return str(point.value)
    if style == "labels":
        return rng.choice([point.label, point.label.upper(), point.label.lower()])
    return f"{point.value} = {point.label}"  # "mixed": as some forms write them


def _team(rng: random.Random, checklist: Checklist, sizes: list[int], style: str):
    """People with a school and a role, and their answers (item id -> raw answer)."""
    dk_item = rng.choice(checklist.item_ids) if rng.random() < 0.4 else None
    people = []
    for g, size in enumerate(sizes):
        for _ in range(size):
            pid = f"P{len(people) + 1:03d}"
            answers = {i: _answer(rng, checklist, style, i == dk_item) for i in checklist.item_ids}
            people.append(
                {"id": pid, "school": SCHOOLS[g], "role": rng.choice(ROLES), "answers": answers}
            )
    rng.shuffle(people)
    return people


def _wide_frame(checklist: Checklist, people, layout: str) -> pd.DataFrame:
    rows = []
    for n, p in enumerate(people):
        if layout == "google":
            row = {"Timestamp": f"2026/03/{n % 28 + 1:02d} 10:{n % 60:02d}:00 AM GMT"}
            row["Email Address"] = f"person{n}@example.org"
            row["School"] = p["school"]
            row["Role"] = p["role"]
            for item in checklist.items:
                row[f"[{item.id}] {item.text}"] = p["answers"][item.id]
        elif layout == "msforms":
            row = {
                "ID": n + 1,
                "Start time": "3/1/26 10:00:00",
                "Completion time": "3/1/26 10:07:00",
                "Email": "anonymous",
                "Name": "",
                "School": p["school"],
                "Role": p["role"],
            }
            for item in checklist.items:
                row[f"[{item.id}] {item.text}"] = p["answers"][item.id]
        else:
            row = {"respondent": p["id"], "school": p["school"], "role": p["role"]}
            row.update(p["answers"])
        rows.append(row)
    return pd.DataFrame(rows)


def _tidy_frame(people) -> pd.DataFrame:
    rows = [
        {"respondent": p["id"], "item": i, "value": v, "school": p["school"], "role": p["role"]}
        for p in people
        for i, v in p["answers"].items()
    ]
    return pd.DataFrame(rows)


def _write_csv(frame: pd.DataFrame, path: Path, encoding: str, delimiter: str) -> None:
    text = frame.to_csv(index=False, sep=delimiter, lineterminator="\r\n")
    path.write_bytes(text.encode(encoding))


def _cell(value: Any) -> Any:
    text = str(value)
    return int(text) if text.isdigit() else value


def _write_xlsx(frame: pd.DataFrame, path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(list(frame.columns))
    for row in frame.itertuples(index=False):
        # numbers as number cells, as a spreadsheet saves typed numbers
        sheet.append([None if v is None or v == "" else _cell(v) for v in row])
    book.save(path)


def _score(
    checklist_id: str, path: Path, by: str | None, min_group: int, out: Path
) -> dict[str, Any]:
    """What ``plnlib score`` gives: the rows of its CSV, or its message."""
    argv = ["score", checklist_id, str(path), "-o", str(out), "--min-group", str(min_group)]
    if by:
        argv += ["--by", by]
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = plnlib_main(argv)
    if code != 0:
        # plnlib names the path it was given; the page knows only the file's name
        text = err.getvalue().strip().removeprefix("plnlib score: ")
        return {"error": text.replace(f"{path.parent}/", "")}
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    return {"columns": rows[0], "rows": rows[1:]}


def _bad_cases(folder: Path) -> list[dict[str, Any]]:
    """Files plnlib refuses, with the message it gives."""
    c = load_checklist("pln-design")
    ids = c.item_ids
    bad: dict[str, str] = {
        "bad-answer.csv": "respondent,item,value\na," + ids[0] + ",3\nb," + ids[1] + ",seven\n",
        "no-items.csv": "Name,Favourite colour\nAnn,blue\n",
        "twice.csv": f"respondent,item,value\na,{ids[0]},3\na,{ids[0]},2\n",
        "unknown-item.csv": "respondent,item,value\na,XYZ-99,3\n",
        "empty.csv": "\n\n",
        "header-only.csv": "respondent,item,value\n",
        "no-respondent.csv": f"respondent,item,value\n,{ids[0]},3\n",
        "bad-wide.csv": f"school,{ids[0]},{ids[1]}\nA,2,Sometimes\n",
        "no-group.csv": f"respondent,item,value,school\na,{ids[0]},3,\nb,{ids[0]},2,A\n",
    }
    cases = []
    for name, text in bad.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        by = "school" if name == "no-group.csv" else None
        cases.append({"checklist": c.id, "files": [name], "by": by, "min_group": 5, "kind": "bad"})
    return cases


#: Cases fixed by hand on top of the random ones: (format, group sizes, group column, min group).
EDGES = (
    ("tidy_csv", [4], None, 5),  # the whole team below the threshold
    ("wide_csv", [5, 4], "school", 5),  # one group hidden: its neighbour hidden too
    ("google", [2, 7, 7], "School", 3),  # below the floor-level threshold
    ("tidy_xlsx", [5, 5, 5], "school", 5),  # every group exactly at the threshold
)


def make_corpus(folder: Path, *, cases: int = 60, seed: int = 20261201) -> list[dict[str, Any]]:
    """Write the corpus into ``folder`` and return its manifest (also saved as manifest.json)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    ids = checklist_ids()
    manifest: list[dict[str, Any]] = []
    for n in range(cases + len(EDGES)):
        checklist = load_checklist(ids[n % len(ids)])
        fmt = FORMATS[n % len(FORMATS)]
        groups = rng.choice([1, 2, 2, 3, 3, 4])
        sizes = [rng.randint(2, 7) for _ in range(groups)]
        style = ("numbers", "labels", "mixed")[(n // len(FORMATS)) % 3]
        min_group = rng.choice([5, 5, 5, 3, 4, 6])
        by_pick = rng.choice([None, "school", "school", "role"])
        if n >= cases:
            fmt, sizes, by_pick, min_group = EDGES[n - cases]
        people = _team(rng, checklist, sizes, style)
        enc = ENCODINGS[n % len(ENCODINGS)]
        delim = DELIMITERS[(n // 2) % len(DELIMITERS)]
        if fmt == "google":
            enc, delim = ("utf-8", ",") if n % 2 else (enc, delim)
        stem = f"case{n:03d}-{fmt}"
        case: dict[str, Any] = {
            "checklist": checklist.id,
            "format": fmt,
            "min_group": min_group,
            "sizes": sizes,
            "style": style,
        }
        form = fmt in ("google", "msforms")
        case["by"] = by_pick.capitalize() if by_pick and form else by_pick
        if fmt == "json":
            case["by"] = None
            files = []
            for p in people:
                name = f"{stem}-{p['id']}.json"
                answers = {i: checklist.scale.parse(v) for i, v in p["answers"].items()}
                save_person_json(folder / name, checklist, answers, respondent=p["id"])
                files.append(name)
            # the reference: the same answers through plnlib's own JSON reader, as a tidy file
            frames = []
            for name in files:
                _, who, got = load_person_json(folder / name)
                frames.append(person_answers_frame(who, got))
            reference = folder / f"{stem}-reference.csv"
            pd.concat(frames, ignore_index=True).to_csv(reference, index=False)
            case["files"] = files
            scored_from = reference
        else:
            if fmt.startswith("tidy"):
                frame = _tidy_frame(people)
            else:
                frame = _wide_frame(checklist, people, fmt if fmt in ("google", "msforms") else "")
            if fmt.endswith("xlsx") or fmt == "msforms":
                name = f"{stem}.xlsx"
                _write_xlsx(frame, folder / name)
            else:
                name = f"{stem}.csv"
                _write_csv(frame, folder / name, enc, delim)
                case["encoding"], case["delimiter"] = enc, delim
            case["files"] = [name]
            scored_from = folder / name
        case["expected"] = _score(
            checklist.id, scored_from, case["by"], min_group, folder / f"{stem}-plnlib.csv"
        )
        manifest.append(case)
    for case in _bad_cases(folder):
        case["expected"] = _score(
            case["checklist"],
            folder / case["files"][0],
            case["by"],
            case["min_group"],
            folder / "bad-plnlib.csv",
        )
        manifest.append(case)
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    return manifest


if __name__ == "__main__":  # pragma: no cover
    out = make_corpus(Path(sys.argv[1]))
    print(f"wrote {len(out)} cases to {sys.argv[1]}")
