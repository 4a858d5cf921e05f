"""Read roster survey exports and adjacency matrices as tie tables (see :mod:`plnlib.io.networks`).

- **roster, names**: one row per respondent, then columns naming the
  colleagues chosen (``Colleague 1``, ``Colleague 2``, ... or one cell with
  several names separated by ``;``);
- **roster, frequencies**: one row per respondent and one column per
  colleague, holding how often they go to them;
- **matrix**: a square table, people down the first column and across the header.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from plnlib.errors import DataError
from plnlib.io.networks_grid import is_grid
from plnlib.io.tables import read_table
from plnlib.networks.clean import column_key, named_column, parse_strength
from plnlib.pseudonyms import normalise_name

__all__ = [
    "SOURCE_COLUMNS",
    "TARGET_COLUMNS",
    "detect_format",
    "is_blank",
    "matrix_ties",
    "read_matrix",
    "read_roster",
    "roster_ties",
]

#: Column names (in matching form) of an edge list's first and second person.
SOURCE_COLUMNS = {"source", "from", "ego", "sender"}
TARGET_COLUMNS = {"target", "to", "alter", "receiver", "nominee"}
_NOT_PEOPLE = {
    "timestamp",
    "time",
    "date",
    "email",
    "emailaddress",
    "school",
    "role",
    "plnmember",
    "wave",
    "relation",
    "year",
    "age",
    "gender",
    "department",
    "subject",
    "phase",
}
_SPLIT = re.compile(r"[;\n,]")


def is_blank(value: object) -> bool:
    """True for an empty cell (None, NaN or only spaces)."""
    return (
        value is None or (not isinstance(value, str) and pd.isna(value)) or not str(value).strip()
    )


def _people_in(values: pd.Series) -> list[str]:
    out: list[str] = []
    for value in values.dropna():
        out.extend(part.strip() for part in _SPLIT.split(str(value)) if part.strip())
    return out


def _is_strength(value: object) -> bool:
    if is_blank(value):
        return True
    try:
        parse_strength(value, where="")
    except DataError:
        return False
    return True


def _respondent_column(frame: pd.DataFrame, respondent: str | None, where: str) -> str:
    keys = {column_key(c): c for c in frame.columns}
    if respondent is not None:
        return named_column(
            frame,
            respondent,
            what="each respondent",
            where=where,
            fix="Give the name of the column that holds the respondents' names.",
        )
    for key in ("respondent", "yourname", "name", "id", "person", "node"):
        if key in keys:
            return keys[key]
    return str(frame.columns[0])


def _frequency_columns(frame: pd.DataFrame, respondent: str) -> list[str]:
    return [
        c
        for c in frame.columns
        if c != respondent
        and column_key(c) not in _NOT_PEOPLE
        and not str(c).startswith("Unnamed")
        and all(_is_strength(v) for v in frame[c])
    ]


def _name_columns(frame: pd.DataFrame, respondent: str, known: set[str]) -> list[str]:
    picked = []
    for c in frame.columns:
        if c == respondent or column_key(c) in _NOT_PEOPLE:
            continue
        names = _people_in(frame[c])
        if names and sum(normalise_name(n) in known for n in names) >= 0.5 * len(names):
            picked.append(c)
    return picked


def detect_format(frame: pd.DataFrame, *, known: set[str] | None = None) -> str:
    """Guess the format of a tie table: ``edges``, ``matrix``, ``roster-grid`` (a Google
    Forms grid, see :mod:`plnlib.io.networks_grid`), ``roster-frequency`` or ``roster-names``.

    Examples
    --------
    >>> import pandas as pd
    >>> detect_format(pd.DataFrame({"source": ["A"], "target": ["B"]}))
    'edges'
    >>> detect_format(pd.DataFrame({"": ["A", "B"], "A": ["0", "1"], "B": ["1", "0"]}))
    'matrix'
    >>> detect_format(pd.DataFrame({"name": ["A", "B"], "Colleague 1": ["B", "A"]}))
    'roster-names'
    """
    keys = {column_key(c) for c in frame.columns}
    if keys & SOURCE_COLUMNS and keys & TARGET_COLUMNS:
        return "edges"
    if is_grid(frame):
        return "roster-grid"
    first = frame.columns[0]
    rows = {normalise_name(v) for v in frame[first].dropna()}
    header = {normalise_name(c) for c in frame.columns[1:]}
    if rows and rows == header and len(frame) == len(frame.columns) - 1:
        return "matrix"
    respondent = _respondent_column(frame, None, "")
    people = {normalise_name(v) for v in frame[respondent].dropna()} | (known or set())
    freq = _frequency_columns(frame, respondent)
    if freq and sum(normalise_name(c) in people for c in freq) >= 0.5 * len(freq):
        return "roster-frequency"
    return "roster-names"


def read_roster(
    path: str | Path,
    *,
    respondent: str | None = None,
    relation: str = "advice",
    kind: str = "auto",
    known: set[str] | None = None,
) -> pd.DataFrame:
    """Read a roster survey export (one row per respondent) as a tie table.

    Parameters
    ----------
    respondent
        The column naming the respondent (default: ``respondent``, ``name``,
        ``id``, ... or the first column).
    kind
        ``"names"`` (columns naming colleagues chosen), ``"frequency"`` (one
        column per colleague holding how often), or ``"auto"``.
    known
        Names (in matching form) known from a nodes file, to help find the
        colleague columns.

    Raises
    ------
    DataError
        If no colleague columns can be found, or a frequency cannot be read.
    """
    frame = read_table(path)
    return roster_ties(frame, str(path), respondent, relation, kind, known or set())


def roster_ties(
    frame: pd.DataFrame,
    where: str,
    respondent: str | None,
    relation: str,
    kind: str,
    known: set[str],
) -> pd.DataFrame:
    who = _respondent_column(frame, respondent, where)
    people = {normalise_name(v) for v in frame[who].dropna()} | known
    if kind == "auto":
        kind = "frequency" if detect_format(frame, known=known) == "roster-frequency" else "names"
    if kind not in ("names", "frequency"):
        raise DataError(
            f"expected a roster kind of 'names', 'frequency' or 'auto', found {kind!r}",
            where=where,
        )
    rows = []
    if kind == "frequency":
        columns = _frequency_columns(frame, who)
        for i, record in enumerate(frame.to_dict("records")):
            for col in columns:
                value = record[col]
                strength = parse_strength(value, where=f"{where}, row {i + 2}, column {col}")
                if not is_blank(value) and strength > 0:
                    rows.append((record[who], col, strength, i + 2))
    else:
        columns = _name_columns(frame, who, people)
        for i, record in enumerate(frame.to_dict("records")):
            for col in columns:
                if not is_blank(record[col]):
                    rows.extend(
                        (record[who], name, 1.0, i + 2)
                        for name in _people_in(pd.Series([record[col]]))
                    )
    if not columns:
        raise DataError(
            "expected columns naming the colleagues each respondent chose (or one column per "
            f"colleague holding a frequency), found none among {list(frame.columns)}",
            where=where,
            fix="Check that the colleague columns hold names that match the respondents' "
            "names, or give a nodes file listing everyone.",
        )
    ties = pd.DataFrame(rows, columns=["source", "target", "weight", "row"])
    # a colleague who also answered is written as they write their own name
    spelling = {normalise_name(v): " ".join(str(v).split()) for v in frame[who].dropna()}
    ties["target"] = [spelling.get(normalise_name(t), t) for t in ties["target"]]
    ties["relation"] = relation
    return ties


def read_matrix(path: str | Path, *, relation: str = "advice") -> pd.DataFrame:
    """Read a square adjacency matrix (people down and across) as a tie table.

    Cell (row *a*, column *b*) is the tie *a -> b*: 0 or blank for none, a
    positive number (or a frequency word) for its strength.

    Raises
    ------
    DataError
        If the table is not square, its row and column names differ, or a cell
        is not a number.
    """
    frame = read_table(path)
    return matrix_ties(frame, str(path), relation)


def matrix_ties(frame: pd.DataFrame, where: str, relation: str) -> pd.DataFrame:
    labels = [str(v).strip() for v in frame.iloc[:, 0]]
    header = [str(c).strip() for c in frame.columns[1:]]
    if len(labels) != len(header):
        raise DataError(
            f"expected a square matrix, found {len(labels)} rows and {len(header)} columns of people",
            where=where,
            fix="Put the same people down the first column and across the header row.",
        )
    down, across = {normalise_name(v) for v in labels}, {normalise_name(c) for c in header}
    if down != across:
        odd = sorted(down ^ across)[:5]
        raise DataError(
            f"expected the same people down and across, found names on one side only: {odd}",
            where=where,
            fix="Make the header row and the first column list the same people.",
        )
    rows = []
    for i, label in enumerate(labels):
        for j, col in enumerate(header):
            value = frame.iat[i, j + 1]
            strength = parse_strength(value, where=f"{where}, row {i + 2}, column {col}")
            if not is_blank(value) and strength > 0:
                rows.append((label, col, strength, i + 2))
    ties = pd.DataFrame(rows, columns=["source", "target", "weight", "row"])
    ties["relation"] = relation
    return ties
