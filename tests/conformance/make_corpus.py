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


# ---------------------------------------------------------------- real exports (issue 11)
# Files as Google Forms, Microsoft Forms and a European Excel write them, with what the
# page must read as plnlib does: Spanish labels and headers, edited item ids, an e-mail
# column under an odd header, workbooks with several sheets, and files refused (an item
# with no column, unknown labels with a planted e-mail address, two sheets of answers).


def _export_rows(
    checklist: Checklist, people: int, labels: list[str], seed: int
) -> list[list[str]]:
    rng = random.Random(seed)
    return [[rng.choice(labels) for _ in checklist.items] for _ in range(people)]


def _export_cases(folder: Path) -> list[dict[str, Any]]:
    """Export-like files (by hand, and from plnlib's Spanish form plan), scored by plnlib."""
    from plnlib.checklists.form_builders import form_plan

    readiness, design = load_checklist("readiness"), load_checklist("pln-design")
    es = list(readiness.scale.labels_in("es").values())
    cases: list[dict[str, Any]] = []

    # 1. a Spanish Google Forms CSV made from `plnlib form readiness --language es`
    titles = [q.title for q in form_plan(readiness, language="es") if q.kind == "choice"][1:]
    rows = _export_rows(readiness, 13, [*es, es[3].upper(), "4 = De acuerdo", "no se"], 1)
    frame = pd.DataFrame(
        [
            [
                f"2026/03/{k + 1:02d} 10:00:00 a. m. GMT-3",
                f"persona{k}@escuela.example",
                ("Norte", "Sur")[k % 2],
                *r,
            ]
            for k, r in enumerate(rows)
        ],
        columns=["Marca temporal", "Dirección de correo electrónico", "Escuela", *titles],
    )
    _write_csv(frame, folder / "x01-es-google.csv", "utf-8", ",")
    cases.append(
        {
            "checklist": readiness.id,
            "files": ["x01-es-google.csv"],
            "by": "Escuela",
            "min_group": 5,
            "format": "google",
            "sizes": [7, 6],
        }
    )

    # 2. edited ids: missing zero, space, underscore, lower case, no brackets, id at the end,
    #    an id deleted (matched by the item's text); semicolons and cp1252 (European Excel)
    heads = []
    for k, item in enumerate(design.items):
        n = item.id.split("-")[1]
        heads.append(
            [
                f"[DES-{int(n)}] {item.text}",
                f"[DES {n}] {item.text}",
                f"DES_{n} {item.text}",
                f"des-{n}. {item.text}",
                f"{item.text} [DES-{n}]",
                item.text.upper(),
            ][k % 6]
        )
    rows = _export_rows(design, 7, ["1", "2", "3,0", "4", "Emerging", "Don't know", ""], 2)
    frame = pd.DataFrame([["Zürich", *r] for r in rows], columns=["École", *heads])
    _write_csv(frame, folder / "x02-edited-ids.csv", "cp1252", ";")
    cases.append(
        {
            "checklist": design.id,
            "files": ["x02-edited-ids.csv"],
            "by": None,
            "min_group": 5,
            "format": "wide_csv",
            "sizes": [7],
        }
    )

    # 3. an e-mail column under an odd header, French and Dutch identifying headers
    rows = _export_rows(design, 6, ["Not yet in place", "EMBEDDED", "established", "2"], 3)
    frame = pd.DataFrame(
        [
            [
                f"01/03/2026 10:0{k}",
                f"p{k}@ecole.example",
                "Jan",
                f"p{k}@ecole.example",
                "Brook",
                *r,
            ]
            for k, r in enumerate(rows)
        ],
        columns=[
            "Horodateur",
            "Adresse e-mail",
            "Voornaam",
            "Contacto",
            "Site",
            *(f"[{i.id}] {i.text}" for i in design.items),
        ],
    )
    _write_csv(frame, folder / "x03-odd-email.csv", "utf-8-sig", ",")
    cases.append(
        {
            "checklist": design.id,
            "files": ["x03-odd-email.csv"],
            "by": "Site",
            "min_group": 5,
            "format": "google",
            "sizes": [6],
        }
    )

    # 4. a Spanish Microsoft Forms workbook whose answers are on the second sheet
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "Notas"
    notes.append(["Encuesta de prueba"])
    notes.append(["Datos sintéticos"])
    sheet = book.create_sheet("Respuestas")
    sheet.append(
        [
            "Id",
            "Hora de inicio",
            "Hora de finalización",
            "Correo electrónico",
            "Nombre",
            "Rol",
            *(f"[{i.id}] {i.text}" for i in readiness.items),
        ]
    )
    for k, r in enumerate(_export_rows(readiness, 11, [*es[:5], "Muy de acuerdo"], 4)):
        sheet.append(
            [
                k + 1,
                "3/1/26 10:00:00",
                "3/1/26 10:07:00",
                f"persona{k}@escuela.example",
                "Ana Pérez",
                ("Docente", "Equipo directivo")[k % 2],
                *r,
            ]
        )
    book.save(folder / "x04-es-msforms.xlsx")
    cases.append(
        {
            "checklist": readiness.id,
            "files": ["x04-es-msforms.xlsx"],
            "by": "Rol",
            "min_group": 5,
            "format": "msforms",
            "sizes": [6, 5],
        }
    )

    # 5. refused: an item deleted from the form and a question that matches no item
    cols = [f"[{i.id}] {i.text}" for i in design.items]
    cols[3] = "A question somebody rewrote completely"
    del cols[10]
    frame = pd.DataFrame([["2026/03/01", *(["3"] * len(cols))]] * 5, columns=["Timestamp", *cols])
    _write_csv(frame, folder / "x05-missing-item.csv", "utf-8", ",")
    cases.append(
        {
            "checklist": design.id,
            "files": ["x05-missing-item.csv"],
            "by": None,
            "min_group": 5,
            "kind": "bad",
        }
    )

    # 6. refused: unknown labels in several rows, one cell holding an e-mail address
    rows = [["2026/03/01", "North", *(["Established"] * len(design.items))] for _ in range(6)]
    rows[1][2] = "write to me: ana.perez@escuela.example"
    rows[4][3] = "ana.perez@escuela.example"
    rows[2][2] = rows[3][5] = rows[5][2] = "Sometimes"
    frame = pd.DataFrame(
        rows, columns=["Timestamp", "School", *(f"[{i.id}] {i.text}" for i in design.items)]
    )
    _write_csv(frame, folder / "x06-bad-labels.csv", "utf-8", ",")
    cases.append(
        {
            "checklist": design.id,
            "files": ["x06-bad-labels.csv"],
            "by": None,
            "min_group": 5,
            "kind": "bad",
        }
    )

    # 7. refused: answers on two sheets of one workbook
    book = openpyxl.Workbook()
    for n, name in enumerate(("Wave 1", "Wave 2")):
        sheet = book.active if n == 0 else book.create_sheet(name)
        sheet.title = name
        sheet.append(["School", *(f"[{i.id}] {i.text}" for i in design.items)])
        for _ in range(5):
            sheet.append(["North", *([2] * len(design.items))])
    book.save(folder / "x07-two-sheets.xlsx")
    cases.append(
        {
            "checklist": design.id,
            "files": ["x07-two-sheets.xlsx"],
            "by": None,
            "min_group": 5,
            "kind": "bad",
        }
    )

    for n, case in enumerate(cases):
        case["expected"] = _score(
            case["checklist"],
            folder / case["files"][0],
            case["by"],
            case["min_group"],
            folder / f"x{n + 1:02d}-plnlib.csv",
        )
    return cases


_make_corpus_base = make_corpus


def make_corpus(folder: Path, *, cases: int = 60, seed: int = 20261201) -> list[dict[str, Any]]:
    """The random corpus, then the export-like cases (also saved in manifest.json)."""
    manifest = _make_corpus_base(folder, cases=cases, seed=seed)
    manifest += _export_cases(Path(folder))
    (Path(folder) / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    return manifest


if __name__ == "__main__":  # pragma: no cover
    out = make_corpus(Path(sys.argv[1]))
    print(f"wrote {len(out)} cases to {sys.argv[1]}")
