"""Read and write the planning tools' files: free times, mobilisation records, cycles.

Free times come as a Google Forms checkbox-grid export (one column per day,
``When are you free? [Monday]``, slots joined by ``, ``), a Microsoft Forms
export (one column per day, choices joined by ``;``), or a tidy CSV
``person,school,day,slot``. The school column is found by name, or named.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import yaml

from plnlib.errors import DataError
from plnlib.io.files import require_file
from plnlib.io.tables import read_table
from plnlib.planning.cycles import (
    CYCLES_FORMAT,
    DriverDiagram,
    diagram_from_dict,
    diagram_from_rows,
    prepare_cycles,
    prepare_measures,
)
from plnlib.planning.freetimes import tidy_from_grid
from plnlib.planning.mobilisation import MOBILISATION_FORMAT, prepare_records
from plnlib.planning.timefinder import FREE_TIMES_FORMAT, Availability, availability_from_tidy

__all__ = [
    "PERSON_COLUMNS",
    "find_person_column",
    "find_school_column",
    "read_availability",
    "read_cycles",
    "read_cycles_json",
    "read_driver_diagram",
    "read_measures",
    "read_mobilisation",
]

#: Headers (as compared: lower case, punctuation as spaces) that name each member.
PERSON_COLUMNS: tuple[str, ...] = (
    "person",
    "name",
    "your name",
    "full name",
    "member",
    "code",
    "email",
    "email address",
    "e-mail",
)


def _key(column: object) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", str(column).casefold()).split())


def find_school_column(frame: pd.DataFrame, given: str | None = None, *, where: str = "") -> str:
    """The school column: the one named ``given``, else the one whose header says school.

    Examples
    --------
    >>> find_school_column(pd.DataFrame(columns=["Timestamp", "Which school are you in?"]))
    'Which school are you in?'
    """
    columns = [str(c) for c in frame.columns]
    if given:
        match = [c for c in columns if _key(c) == _key(given)]
        if not match:
            raise DataError(
                f"expected a column named '{given}', found only {', '.join(columns[:10])}",
                where=where,
                fix="Give the school column's header exactly as in the first row (--school).",
            )
        return match[0]
    exact = [c for c in columns if _key(c) in ("school", "your school", "school name")]
    if len(exact) == 1:
        return exact[0]
    named = [c for c in columns if "school" in _key(c).split() and "[" not in c]
    if len(named) == 1:
        return named[0]
    if not named:
        raise DataError(
            "expected a column saying which school each member is in (a header with the word "
            f"'school'), found none among {', '.join(columns[:10])}",
            where=where,
            fix="Add a 'school' column, or name the column with --school.",
        )
    raise DataError(
        f"expected one school column, found several: {', '.join(named)}",
        where=where,
        fix="Name the one to use with --school.",
    )


def find_person_column(frame: pd.DataFrame, *, where: str = "") -> str | None:
    """The column naming each member (name, email or code), or None (rows are people).

    A column whose every cell says ``anonymous`` (Microsoft Forms) does not count.

    Examples
    --------
    >>> find_person_column(pd.DataFrame({"ID": [1], "Name": ["anonymous"], "Email": ["a@x"]}))
    'Email'
    """
    for wanted in PERSON_COLUMNS:
        for col in frame.columns:
            if _key(col) == wanted:
                values = frame[col].dropna().astype(str).str.strip().str.casefold()
                if len(values) and not (values == "anonymous").all():
                    return str(col)
    return None


def read_availability(
    path: str | Path,
    *,
    school: str | None = None,
    slots: tuple[str, ...] | None = None,
    sep: str | None = None,
) -> Availability:
    """Read members' free times from a form export or a tidy CSV (see the module notes).

    ``slots`` lists the grid's slots in order (a cell naming another is an
    error); ``sep`` forces the separator of choices in a cell (``", "`` or ``";"``),
    found from the cells when not given.

    Raises
    ------
    DataError
        On a missing school column, an unknown slot, a day spelled two ways, ...
    """
    path = Path(path)
    where = path.name
    if path.suffix.lower() == ".json":
        return _read_free_times_json(path, slots)
    frame = read_table(path)
    keys = {_key(c): str(c) for c in frame.columns}
    if {"person", "day", "slot"} <= set(keys):
        school_col = find_school_column(frame, school, where=where)
        tidy = frame.rename(
            columns={
                keys["person"]: "person",
                keys["day"]: "day",
                keys["slot"]: "slot",
                school_col: "school",
            }
        )
        return availability_from_tidy(tidy, slots=slots, where=where)
    school_col = find_school_column(frame, school, where=where)
    person = find_person_column(frame, where=where)
    if sep is None:
        cells = frame.drop(columns=[c for c in (school_col, person) if c]).astype("string")
        semis = cells.apply(lambda col: col.str.contains(";", regex=False).fillna(False)).to_numpy()
        sep = ";" if semis.any() else ", "
    tidy = tidy_from_grid(
        frame, person=person, school=school_col, sep=sep, slots=slots, where=where
    )
    return availability_from_tidy(tidy, slots=slots, where=where)


def _read_free_times_json(path: Path, slots: tuple[str, ...] | None) -> Availability:
    """Free times saved by the time finder's page (``"format": "plnlib-free-times"``)."""
    doc = _json(path, FREE_TIMES_FORMAT, "the time finder")
    rows = doc.get("rows")
    if not isinstance(rows, list) or not all(isinstance(r, list) and len(r) == 4 for r in rows):
        raise DataError(
            "expected 'rows' of [person, school, day, slot], found something else",
            where=path.name,
            fix="Save the file again from the time finder's page.",
        )
    tidy = pd.DataFrame(rows, columns=["person", "school", "day", "slot"]).replace("", None)
    given = tuple(doc["slots"]) if slots is None and doc.get("slots") else slots
    return availability_from_tidy(tidy, slots=given, where=path.name)


def read_mobilisation(path: str | Path) -> pd.DataFrame:
    """Read mobilisation tracker records (CSV or XLSX) and check them.

    Columns: ``innovation, school, stage, date`` and optionally ``person, role,
    evidence, lead`` (see :func:`plnlib.planning.mobilisation.prepare_records`).
    """
    path = Path(path)
    if path.suffix.lower() == ".json":
        doc = _json(path, MOBILISATION_FORMAT, "the tracker")
        rows = doc.get("records")
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows) or not rows:
            raise DataError(
                "expected 'records' (a list of records), found something else",
                where=path.name,
                fix="Save the file again from the tracker's page.",
            )
        return prepare_records(pd.DataFrame(rows), where=path.name)
    return prepare_records(read_table(path), where=path.name)


def _json(path: Path, fmt: str, tool: str) -> dict:
    require_file(path)
    try:
        doc = json.loads(path.read_text(encoding="utf-8-sig"))
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise DataError(
            f"expected JSON saved by {tool}, found text that is not JSON ({err})",
            where=path.name,
            fix="Choose the .json file you saved.",
        ) from None
    if not isinstance(doc, dict) or doc.get("format") != fmt:
        raise DataError(
            f'expected a file with "format": "{fmt}", found something else',
            where=path.name,
            fix=f"Choose the .json file you saved from {tool}.",
        )
    return doc


def read_driver_diagram(path: str | Path) -> DriverDiagram:
    """Read a driver diagram kept as YAML (``.yaml``/``.yml``) or a table (``level,id,parent,text``)."""
    path = Path(path)
    if path.suffix.lower() in (".yaml", ".yml"):
        require_file(path)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            where = f"{path.name}, line {mark.line + 1}" if mark else path.name
            raise DataError(
                f"expected YAML, found text that is not ({getattr(err, 'problem', err)})",
                where=where,
                fix="Check the indentation and the colons.",
            ) from None
        return diagram_from_dict(data, where=path.name)
    return diagram_from_rows(read_table(path), where=path.name)


def read_cycles_json(
    path: str | Path,
) -> tuple[DriverDiagram, pd.DataFrame | None, pd.DataFrame | None]:
    """The diagram, PDSA log and readings saved by the in-page tool (``"format": "plnlib-cycles"``).

    ``diagram`` is the YAML form as JSON; ``cycles`` and ``measures`` are lists
    of rows (empty or absent: None).
    """
    path = Path(path)
    doc = _json(path, CYCLES_FORMAT, "the improvement cycles page")
    diagram = diagram_from_dict(doc.get("diagram"), where=f"{path.name}: diagram")
    parts: list[pd.DataFrame | None] = []
    for key in ("cycles", "measures"):
        rows = doc.get(key) or []
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise DataError(
                f"expected '{key}' to be a list of rows, found something else",
                where=path.name,
                fix="Save the file again from the improvement cycles page.",
            )
        if not rows:
            parts.append(None)
        elif key == "cycles":
            parts.append(
                prepare_cycles(pd.DataFrame(rows), diagram=diagram, where=f"{path.name}: cycles")
            )
        else:
            parts.append(prepare_measures(pd.DataFrame(rows), where=f"{path.name}: measures"))
    return diagram, parts[0], parts[1]


def read_cycles(path: str | Path, diagram: DriverDiagram | None = None) -> pd.DataFrame:
    """Read a PDSA log (CSV or XLSX, one row per cycle) and check it."""
    path = Path(path)
    return prepare_cycles(read_table(path), diagram=diagram, where=path.name)


def read_measures(path: str | Path) -> pd.DataFrame:
    """Read the aim's measure readings (CSV or XLSX: ``date, value``, optionally ``cycle``)."""
    path = Path(path)
    return prepare_measures(read_table(path), where=path.name)
