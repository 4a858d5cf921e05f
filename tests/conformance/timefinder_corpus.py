"""The time finder's conformance corpus: inputs and what plnlib makes of them.

Each case is a file's text, the options, and plnlib's answer: the ranked table
(``day, slot, available, members, schools, of_schools, missing_schools``) or
the error's message. The in-page port must give the same for every case.
Every file here is synthetic.
"""

from __future__ import annotations

import base64
import io
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd

from plnlib.errors import DataError
from plnlib.io.planning import read_availability
from plnlib.planning.timefinder import availability
from plnlib.samples.planning import SAMPLE_SLOTS, free_times_grid

COLUMNS = [
    "day",
    "slot",
    "available",
    "members",
    "share",
    "schools",
    "of_schools",
    "missing_schools",
]

GOOGLE = (
    "Timestamp,Email Address,Your name,Which school do you teach in?,"
    "When are you free? [Monday],When are you free? [Tuesday],When are you free? [Wednesday]\n"
    '2026/11/02 8:01:12 AM GMT,a@x.org,Member A,Oak Primary,"Before school, After school (3.30-4.30)",Lunch,\n'
    '2026/11/02 8:15:40 AM GMT,b@x.org,Member B,Oak Primary,,"Lunch, After school (3.30-4.30)",Lunch\n'
    "2026/11/02 9:02:03 AM GMT,c@x.org,Member C,Elm Academy ,After school (3.30-4.30),,\n"
    "2026/11/02 9:30:00 AM GMT,d@x.org,Member D,Ash Secondary,,,\n"
    "2026/11/02 9:31:00 AM GMT,b@x.org,Member B,Oak Primary,Lunch,,\n"
)
TIDY = "person,school,day,slot\nP1,X,Mon,AM\nP2,Y,Mon,AM\nP3,Y,Tue,PM\nP4,Z,,\nP1,X,Tue,PM\n"


def _grid_csv(style: str, seed: int) -> str:
    grid = free_times_grid(members=15, seed=seed, style=style)
    return grid.to_csv(index=False)


def inputs() -> list[dict[str, Any]]:
    """The cases: name, text, options (slots, school)."""
    cases: list[dict[str, Any]] = [
        {"name": "google-messy.csv", "text": GOOGLE, "slots": None, "school": None},
        {"name": "tidy.csv", "text": TIDY, "slots": None, "school": None},
        {"name": "tidy-slots.csv", "text": TIDY, "slots": ["PM", "AM"], "school": None},
        {
            "name": "semicolon-delimited.csv",
            "text": TIDY.replace(",", ";"),
            "slots": None,
            "school": None,
        },
        {
            "name": "slot-with-comma.csv",
            "text": (
                "Name,School,Free? [Mon],Free? [Tue]\n"
                'A,X,"8:00, 8:30, Lunch",Lunch\nB,Y,Lunch,"8:00, 8:30"\n'
            ),
            "slots": ["8:00, 8:30", "Lunch"],
            "school": None,
        },
        {
            "name": "named-school.csv",
            "text": "Name,Campus,Monday,Tuesday\nA,X,AM;PM;,PM;\nB,Y,,AM;\n",
            "slots": None,
            "school": "Campus",
        },
        # bad inputs
        {
            "name": "unknown-slot.csv",
            "text": GOOGLE,
            "slots": ["Before school", "Lunch"],
            "school": None,
        },
        {
            "name": "day-two-ways.csv",
            "text": GOOGLE.replace("[Wednesday]", "[Mon]"),
            "slots": None,
            "school": None,
        },
        {
            "name": "tidy-day-two-ways.csv",
            "text": TIDY.replace("P1,X,Tue", "P1,X,Tuesday").replace("P3,Y,Tue", "P3,Y,Tue"),
            "slots": None,
            "school": None,
        },
        {"name": "no-school.csv", "text": "Name,Monday\nA,AM\n", "slots": None, "school": None},
        {
            "name": "two-schools.csv",
            "text": "Home school,School phase,Monday\nA,B,AM\n",
            "slots": None,
            "school": None,
        },
        {
            "name": "blank-school.csv",
            "text": "Name,School,Monday\nA,,AM\n",
            "slots": None,
            "school": None,
        },
        {
            "name": "all-blank.csv",
            "text": "Name,School,Monday\nA,X,\nB,Y,\n",
            "slots": None,
            "school": None,
        },
        {
            "name": "no-day-columns.csv",
            "text": "Name,School,Colour\nA,X,Red\n",
            "slots": None,
            "school": None,
        },
        {
            "name": "half-tidy.csv",
            "text": "person,school,day,slot\nA,X,Mon,\n",
            "slots": None,
            "school": None,
        },
    ]
    for seed in (1, 2, 3):
        cases.append(
            {
                "name": f"google-{seed}.csv",
                "text": _grid_csv("google", seed),
                "slots": list(SAMPLE_SLOTS) if seed == 2 else None,
                "school": None,
            }
        )
        cases.append(
            {
                "name": f"microsoft-{seed}.csv",
                "text": _grid_csv("microsoft", seed),
                "slots": None,
                "school": None,
            }
        )
    return cases


_ACCENTED = ("École Sainte-Thérèse", "Collège Saint-Rémi", "Œuvre Notre-Dame", "Lycée Wöhler")


def _file(style: str, seed: int) -> pd.DataFrame:
    grid = free_times_grid(members=12, seed=seed, style=style, schools=_ACCENTED)
    return grid


def _xlsx(frame: pd.DataFrame) -> bytes:
    out = io.BytesIO()
    frame.to_excel(out, index=False)
    return out.getvalue()


def files() -> list[dict[str, Any]]:
    """The cases read from a file's bytes: other encodings and delimiters, and XLSX."""
    tidy = pd.read_csv(io.StringIO(TIDY), dtype=str, keep_default_na=False)
    made = [
        (
            "microsoft-cp1252-semicolon.csv",
            _file("microsoft", 4).to_csv(index=False, sep=";").encode("cp1252"),
        ),
        (
            "google-cp1252-semicolon.csv",
            _file("google", 5).to_csv(index=False, sep=";").encode("cp1252"),
        ),
        (
            "google-utf8-bom-semicolon.csv",
            _file("google", 6).to_csv(index=False, sep=";").encode("utf-8-sig"),
        ),
        (
            "excel-unicode-text.txt",
            _file("google", 7).to_csv(index=False, sep="\t").encode("utf-16"),
        ),
        ("google.xlsx", _xlsx(_file("google", 8))),
        ("microsoft.xlsx", _xlsx(_file("microsoft", 9))),
        ("tidy.xlsx", _xlsx(tidy)),
        ("not-any-encoding.csv", b"Name;School;Monday\nA;Caf\x81;AM\n"),
        ("header-only.xlsx", _xlsx(pd.DataFrame(columns=["Name", "School", "Monday"]))),
    ]
    return [
        {"name": n, "data": base64.b64encode(b).decode("ascii"), "slots": None, "school": None}
        for n, b in made
    ]


def expected(case: dict[str, Any]) -> dict[str, Any]:
    """plnlib's answer to one case: {"table": rows} or {"error": message}."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / case["name"]
        if "data" in case:
            path.write_bytes(base64.b64decode(case["data"]))
        else:
            path.write_text(case["text"], encoding="utf-8")
        try:
            data = read_availability(
                path, school=case["school"], slots=tuple(case["slots"]) if case["slots"] else None
            )
        except DataError as err:
            where = err.where.replace(str(path), case["name"])  # plnlib names the whole path
            return {"error": where + ": " + err.what if where else err.what}
        table = availability(data)
        return {"table": table[COLUMNS].values.tolist(), "members": len(data.members)}


def corpus() -> list[dict[str, Any]]:
    """Every case with plnlib's answer."""
    return [{**case, "expected": expected(case)} for case in inputs() + files()]
