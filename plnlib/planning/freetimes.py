"""Members' free times as forms give them: day names, chosen slots, the per-day grid.

A form export has one column per day whose cells list the chosen slots (a
Google Forms checkbox grid, slots joined by ``", "``; Microsoft Forms, choices
joined by ``";"``). :func:`tidy_from_grid` turns it into the tidy table
(``person,school,day,slot``) that :mod:`plnlib.planning.timefinder` checks and
counts. Pure functions, no I/O.
"""

from __future__ import annotations

import re

import pandas as pd

from plnlib.errors import DataError

__all__ = [
    "DAY_ALIASES",
    "WEEKDAYS",
    "canonical_day",
    "split_choices",
    "tidy_from_grid",
]

#: The days of the week in order; other day names ("Week A Monday") keep their own spelling.
WEEKDAYS: tuple[str, ...] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
#: Spellings of the weekdays (lower case) and the full name each stands for.
DAY_ALIASES: dict[str, str] = {
    **{d.lower(): d for d in WEEKDAYS},
    **{d[:3].lower(): d for d in WEEKDAYS},
    "tues": "Tuesday",
    "weds": "Wednesday",
    "thur": "Thursday",  # codespell:ignore thur
    "thurs": "Thursday",
}


def canonical_day(text: object) -> str:
    """A weekday's full name from any common spelling; other text trimmed as it is.

    Examples
    --------
    >>> canonical_day(" mon. "), canonical_day("THURS"), canonical_day("Week A Monday")
    ('Monday', 'Thursday', 'Week A Monday')
    """
    value = " ".join(str(text).split())
    return DAY_ALIASES.get(value.lower().rstrip("."), value)


def split_choices(
    cell: object, sep: str, slots: tuple[str, ...] | None = None, *, where: str = ""
) -> list[str]:
    """The slots chosen in one form cell (``"Lunch, After school"``).

    When the grid's slots are known, a slot whose own name contains the
    separator is put back together, and a piece that names no slot is an error.

    Examples
    --------
    >>> split_choices("Lunch, After school", ", ")
    ['Lunch', 'After school']
    >>> split_choices("Lunch;After school;", ";")
    ['Lunch', 'After school']
    >>> split_choices("8:00, 8:30, Lunch", ", ", ("8:00, 8:30", "Lunch"))
    ['8:00, 8:30', 'Lunch']
    """
    if cell is None or (isinstance(cell, float) and pd.isna(cell)) or cell is pd.NA:
        return []
    text = str(cell).strip()
    if not text:
        return []
    pieces = [p.strip() for p in text.split(sep.strip() or sep)]
    pieces = [p for p in pieces if p]
    if slots is None:
        return pieces
    known = {s.casefold(): s for s in slots}
    out: list[str] = []
    i = 0
    while i < len(pieces):
        for j in range(len(pieces), i, -1):  # longest run of pieces that names a slot
            name = (
                (sep.strip() + " ").join(pieces[i:j])
                if sep.strip() == ","
                else sep.join(pieces[i:j])
            )
            if name.casefold() in known:
                out.append(known[name.casefold()])
                i = j
                break
        else:
            raise DataError(
                f"expected one of the grid's slots ({', '.join(slots)}), found '{pieces[i]}'",
                where=where,
                fix="Check the slot names you gave (--slots) against the form, or correct the cell.",
            )
    return out


def _day_of_column(column: str) -> str | None:
    match = re.search(r"\[([^\[\]]+)\]\s*$", column)
    if match:
        return canonical_day(match.group(1))
    words = re.findall(r"[A-Za-z]+", column)
    days = {canonical_day(w) for w in words if canonical_day(w) in WEEKDAYS}
    return days.pop() if len(days) == 1 else None


def tidy_from_grid(
    frame: pd.DataFrame,
    *,
    person: str | None,
    school: str,
    sep: str,
    slots: tuple[str, ...] | None = None,
    where: str = "",
) -> pd.DataFrame:
    """Turn a form export (one column per day) into the tidy ``person,school,day,slot`` table.

    A day column is one whose header ends in ``[Day]`` (Google Forms grid) or
    names exactly one weekday (Microsoft Forms). Without a ``person`` column
    each row is a person (``row 2``, ``row 3``, ...). A member who ticked
    nothing keeps one row with empty day and slot, so they still count.

    Examples
    --------
    >>> raw = pd.DataFrame({"Name": ["Ann", "Bo"], "School": ["A", "B"],
    ...     "When are you free? [Monday]": ["Lunch, After school", None],
    ...     "When are you free? [Tuesday]": ["Lunch", "Lunch"]})
    >>> tidy_from_grid(raw, person="Name", school="School", sep=", ").values.tolist()
    [['Ann', 'A', 'Monday', 'Lunch'], ['Ann', 'A', 'Monday', 'After school'], ['Ann', 'A', 'Tuesday', 'Lunch'], ['Bo', 'B', 'Tuesday', 'Lunch']]
    """
    day_cols: dict[str, str] = {}
    for col in frame.columns:
        if col in (person, school):
            continue
        day = _day_of_column(str(col))
        if day is None:
            continue
        if day in day_cols:
            raise DataError(
                f"expected one column per day, found two for {day}: '{day_cols[day]}' and '{col}'",
                where=where,
                fix="A day may be spelled two ways (Mon and Monday); merge or delete one column.",
            )
        day_cols[day] = str(col)
    if not day_cols:
        raise DataError(
            "expected one column per day, headed like 'When are you free? [Monday]' or naming a "
            f"weekday, found none among {', '.join(map(str, frame.columns[:8]))}",
            where=where,
            fix="Export the form's answers again, or give a tidy CSV with columns "
            "person,school,day,slot.",
        )
    rows: list[tuple[str, str, str, str]] = []
    for i, (_, rec) in enumerate(frame.iterrows()):
        line = i + 2
        who = rec[person] if person else f"row {line}"
        who = f"row {line}" if who is None or pd.isna(who) or not str(who).strip() else str(who)
        sch = rec[school]
        if sch is None or pd.isna(sch) or not str(sch).strip():
            raise DataError(
                "expected a school in every row, found an empty cell",
                where=f"{where}, row {line}, column '{school}'" if where else f"row {line}",
                fix="Fill in the school, or delete the row if it is a test answer.",
            )
        chosen = []
        for day, col in day_cols.items():
            cell_where = f"{where}, row {line}, column '{col}'" if where else f"row {line}"
            chosen += [(day, s) for s in split_choices(rec[col], sep, slots, where=cell_where)]
        if not chosen:
            rows.append((who.strip(), str(sch).strip(), "", ""))
        rows += [(who.strip(), str(sch).strip(), d, s) for d, s in chosen]
    return pd.DataFrame(rows, columns=["person", "school", "day", "slot"])
