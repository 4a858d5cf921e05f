"""Small helpers shared by the core modules: sorting, row labels, keys. Pure.

Each was once written in several modules; this is now its one home.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

__all__ = [
    "column_key",
    "combined_key",
    "is_number",
    "natural_key",
    "plural",
    "rank",
    "row_label",
    "short_label",
    "sort_key",
    "widest_gap",
]


def is_number(value: object) -> bool:
    """True for a number, or text that is a plain number ("2024", "-1.5"); never for a bool.

    Examples
    --------
    >>> is_number(3), is_number(" 2024 "), is_number("Year 1"), is_number(True)
    (True, True, False, False)
    """
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float, np.integer, np.floating)):
        return True
    return bool(re.fullmatch(r"[+-]?\d+(\.\d+)?", str(value).strip()))


def natural_key(value: object) -> list[int | str]:
    """A sort key that puts "School 2" before "School 10" and ignores case.

    Examples
    --------
    >>> sorted(["School 10", "school 2", "School 1"], key=natural_key)
    ['School 1', 'school 2', 'School 10']
    """
    return [int(t) if t.isdigit() else t.casefold() for t in re.split(r"(\d+)", str(value))]


def sort_key(value: object) -> tuple[int, float, list[int | str]]:
    """Numbers first, in number order, then names in natural order.

    Examples
    --------
    >>> sorted(["B", 10, "A 2", 9.5], key=sort_key)
    [9.5, 10, 'A 2', 'B']
    """
    if is_number(value):
        return (0, float(value), [])  # type: ignore[arg-type]
    return (1, 0.0, natural_key(value))


def rank(values: pd.Series) -> pd.Series:
    """Each value's position in :func:`sort_key` order (0 for the first).

    Examples
    --------
    >>> rank(pd.Series(["School 10", "School 2", "School 2"])).tolist()
    [1, 0, 0]
    """
    order = sorted(pd.unique(values), key=sort_key)
    return values.map({v: k for k, v in enumerate(order)})


def row_label(frame: pd.DataFrame, pos: int) -> str:
    """Where row ``pos`` of a table came from in the user's file, for messages.

    Uses the ``_row`` and ``_column`` columns that the readers add; without them,
    the spreadsheet row (``pos + 2``: one header row, counting from 1).

    Examples
    --------
    >>> row_label(pd.DataFrame({"x": [1, 2]}), 1)
    'row 3'
    >>> row_label(pd.DataFrame({"_row": [7], "_column": ["DES-01"]}), 0)
    "row 7, column 'DES-01'"
    """
    parts = [f"row {frame['_row'].iloc[pos]}" if "_row" in frame.columns else f"row {pos + 2}"]
    if "_column" in frame.columns and pd.notna(frame["_column"].iloc[pos]):
        parts.append(f"column '{frame['_column'].iloc[pos]}'")
    return ", ".join(parts)


def combined_key(codes: list[np.ndarray]) -> np.ndarray:
    """One int64 per row that is equal exactly when all the code columns are equal.

    Examples
    --------
    >>> combined_key([np.array([0, 0, 1]), np.array([2, 2, 2])]).tolist()
    [7, 7, 11]
    """
    key = np.zeros(len(codes[0]), dtype=np.int64)
    for c in codes:
        c = np.asarray(c, dtype=np.int64) + 1  # -1 (missing) becomes 0
        width = int(c.max()) + 1 if len(c) else 1
        if int(key.max(initial=0)) >= (2**62) // width:  # would overflow: renumber first
            key = pd.factorize(key)[0].astype(np.int64)
        key = key * width + c
    return key


def column_key(column: object) -> str:
    """A column name compared ignoring case, spaces and punctuation ("PLN member" = "pln_member").

    Examples
    --------
    >>> column_key("PLN member") == column_key("pln_member") == "plnmember"
    True
    >>> column_key(" E-mail ")
    'email'
    """
    return "".join(ch for ch in str(column).casefold() if ch.isalnum())


def plural(count: int, one: str, many: str | None = None) -> str:
    """A count and its noun, agreeing: ``1 statement``, ``2 statements``, ``0 people``.

    Examples
    --------
    >>> plural(1, "statement"), plural(3, "statement"), plural(2, "person", "people")
    ('1 statement', '3 statements', '2 people')
    >>> plural(1, "group(s)")
    Traceback (most recent call last):
    ...
    ValueError: plural() takes the singular noun, not 'group(s)'
    """
    if one.endswith("(s)"):
        raise ValueError(f"plural() takes the singular noun, not {one!r}")
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


_ROLE_WORDS = r"role|rol|cargo|fonction|funktion|rolle|functie|fun[cç][aã]o|job title|position"  # codespell:ignore fonction,funktion
#: Words in a question that name its group column, with the short name they give.
_GROUP_WORDS = (
    (r"school|escuela|colegio|[ée]cole|schule|escola", "school"),
    (_ROLE_WORDS, "role"),
    (r"phase|etapa", "phase"),
    (r"key stage", "key stage"),
    (r"year group", "year group"),
    (r"subject|department|asignatura|departamento", "subject"),
    (r"pln|network member|member of the network", "pln_member"),
    (r"years? (in|with) the network", "years_in_network"),
    (r"trust|district|local authority|region|cluster", "area"),
    (r"wave|year|a[ñn]o", "year"),
)
_QUESTION_START = re.compile(
    r"^(in )?(which|what|who|where|are you|do you|is your|what is your|what's your|your)\b\s*",
    re.IGNORECASE,
)
_QUESTION_VERB = re.compile(r"\s+\b(do|are|is|does|did|have|were|was|you)\b.*$", re.IGNORECASE)


def short_label(column: object) -> str:
    """A short name for a group column, for headings: the column itself when short, else
    a known word it holds (school, role, phase...), the text in its brackets, or a short form.

    A form's question ("Which school do you work in?") is a poor heading; this
    gives "school". Callers let the user give their own label instead.

    Examples
    --------
    >>> short_label("school"), short_label("Which school do you work in?")
    ('school', 'school')
    >>> short_label("Are you a PLN member?"), short_label("Your team colour? [pick one]")
    ('pln_member', 'pick one')
    >>> short_label("Which local network hub are you in?")
    'local network hub'
    """
    text = " ".join(str(column).split())
    if len(text) <= 24 and not text.endswith("?"):
        return text
    for pattern, name in _GROUP_WORDS:
        if re.search(rf"\b({pattern})\b", text, re.IGNORECASE):
            return name
    inside = re.search(r"\[([^\[\]]{1,40})\]", text)
    if inside:
        return inside[1].strip()
    short = _QUESTION_VERB.sub("", _QUESTION_START.sub("", text.rstrip(" ?:¿"))).strip()
    words = (short or text).split()
    return " ".join(words[:4]).rstrip(" ?:,") or text


def widest_gap(
    rows: pd.DataFrame, *, section: str = "title", group: str = "group", mean: str = "mean"
) -> tuple[str, float, str, float, str] | None:
    """The section whose groups differ most: (section, low mean, its group, high mean, its
    group), comparing two different groups; None when no section has two groups with a gap.

    Pass the shown rows only (hidden groups and the whole network left out).

    Examples
    --------
    >>> rows = pd.DataFrame({"title": ["A", "A", "B"], "group": ["X", "Y", "X"],
    ...                      "mean": [2.0, 2.5, 2.9]})
    >>> widest_gap(rows)
    ('A', 2.0, 'X', 2.5, 'Y')
    >>> widest_gap(rows[rows["group"] == "X"]) is None
    True
    """
    best: tuple[float, str, float, str, float, str] | None = None
    for title, part in rows.dropna(subset=[mean]).groupby(section, sort=False):
        if part[group].nunique() < 2:
            continue
        low, high = part.loc[part[mean].idxmin()], part.loc[part[mean].idxmax()]
        gap = float(high[mean]) - float(low[mean])
        if gap > 0 and (best is None or gap > best[0]):
            best = (
                gap,
                str(title),
                float(low[mean]),
                str(low[group]),
                float(high[mean]),
                str(high[group]),
            )
    return None if best is None else best[1:]
