"""Cleaning of tie and people tables for :func:`plnlib.networks.build_network` (private)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from plnlib.errors import DataError
from plnlib.pseudonyms import normalise_name

__all__ = [
    "FREQUENCY_WORDS",
    "clean_edges",
    "clean_nodes",
    "edge_endpoints",
    "natural_sort",
    "parse_strength",
    "parse_yes_no",
]

#: Words a survey may use for how often two people talk, on a 0-4 scale
#: (0 = never, which means no tie). Matched ignoring case and spaces.
FREQUENCY_WORDS: Mapping[str, float] = {
    "never": 0,
    "not at all": 0,
    "no": 0,
    "false": 0,
    "rarely": 1,
    "yearly": 1,
    "once a year": 1,
    "a few times a year": 1,
    "termly": 1,
    "once a term": 1,
    "yes": 1,
    "true": 1,
    "x": 1,
    "monthly": 2,
    "once a month": 2,
    "a few times a month": 2,
    "weekly": 3,
    "once a week": 3,
    "a few times a week": 3,
    "several times a week": 3,
    "daily": 4,
    "every day": 4,
    "almost every day": 4,
}

_YES = {"yes", "y", "true", "t", "1", "member", "pln", "x"}
_NO = {"no", "n", "false", "f", "0", "not a member", "non-member", "nonmember"}
_ID_CANDIDATES = ("id", "node", "name", "person", "code")
_OPTIONS = {
    "self_ties": ("drop", "error"),
    "duplicates": ("merge", "sum", "error"),
    "unknown": ("add", "drop", "error"),
}


def natural_sort(values: Iterable[Any]) -> list[str]:
    """Sort strings with their numbers in number order ("2" before "10").

    Examples
    --------
    >>> natural_sort(["10", "2", "b", "a"])
    ['2', '10', 'a', 'b']
    """

    def key(text: str) -> tuple[tuple[int, int, str], ...]:
        parts = re.split(r"(\d+)", text)
        return tuple((0, int(p), "") if p.isdigit() else (1, 0, p.casefold()) for p in parts if p)

    return sorted((str(v) for v in values), key=key)


def _tidy(value: object) -> str:
    return " ".join(str(value).split())


def parse_strength(value: object, *, where: str) -> float:
    """Read a tie strength: a number, or a frequency word (see ``FREQUENCY_WORDS``).

    Blank means 1 (the tie is there, strength not given).

    Examples
    --------
    >>> parse_strength("3", where="t"), parse_strength(" Weekly ", where="t"), parse_strength(None, where="t")
    (3.0, 3.0, 1.0)
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return 1.0
    text = _tidy(value).casefold()
    if not text:
        return 1.0
    if text in FREQUENCY_WORDS:
        return float(FREQUENCY_WORDS[text])
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        raise DataError(
            f"expected a tie strength (a number, or a word such as 'weekly'), found {value!r}",
            where=where,
            fix="Use numbers (0 = never, higher = more often) or one of: "
            + ", ".join(sorted(set(FREQUENCY_WORDS))[:12])
            + ", ...",
        ) from None
    if not np.isfinite(number) or number < 0:
        raise DataError(
            f"expected a tie strength of 0 or more, found {value!r}",
            where=where,
            fix="Use 0 for no tie and positive numbers for ties.",
        )
    return number


def parse_yes_no(value: object, *, where: str) -> bool | None:
    """Read yes/no (``yes``, ``y``, ``true``, ``1``, ``no``, ...); blank is unknown.

    Examples
    --------
    >>> parse_yes_no("Yes", where="t"), parse_yes_no("0", where="t"), parse_yes_no("", where="t")
    (True, False, None)
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = _tidy(value).casefold()
    if not text:
        return None
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise DataError(
        f"expected yes or no, found {value!r}",
        where=where,
        fix="Write yes or no (or 1 and 0) for each person; leave blank if not known.",
    )


def _check_option(name: str, value: str) -> None:
    if value not in _OPTIONS[name]:
        raise DataError(
            f"expected {name} to be one of {list(_OPTIONS[name])}, found {value!r}",
            fix=f"Choose {' or '.join(map(repr, _OPTIONS[name]))}.",
        )


def _column_key(column: object) -> str:
    return "".join(ch for ch in str(column).casefold() if ch.isalnum())


def _choose_id_column(
    nodes: pd.DataFrame, id_column: str | None, endpoints: Iterable[str], where: str
) -> str:
    keys = {_column_key(c): c for c in nodes.columns}
    if id_column is not None:
        if _column_key(id_column) not in keys:
            raise DataError(
                f"expected a column {id_column!r} naming each person, found columns "
                f"{list(nodes.columns)}",
                where=where,
                fix="Give the name of the column that holds the people's names or ids.",
            )
        return keys[_column_key(id_column)]
    candidates = [keys[k] for k in _ID_CANDIDATES if k in keys] or [nodes.columns[0]]
    wanted = {normalise_name(e) for e in endpoints}
    if not wanted or len(candidates) == 1:
        return candidates[0]
    scores = [
        len(wanted & {normalise_name(v) for v in nodes[c].dropna()}) for c in candidates
    ]  # the column that names the most people in the ties
    return candidates[int(np.argmax(scores))]


def clean_nodes(
    nodes: pd.DataFrame | None,
    *,
    id_column: str | None,
    endpoints: Iterable[str] = (),
    where: str,
) -> tuple[pd.DataFrame, dict[str, str] | None]:
    """Return the people table (``node`` first) and a map from matching form to id."""
    if nodes is None:
        return pd.DataFrame({"node": pd.Series([], dtype=object)}), None
    if not isinstance(nodes, pd.DataFrame) or nodes.shape[1] == 0:
        raise DataError(
            "expected a table of people with at least an id column, found none",
            where=where,
            fix="Give a table with one row per person and a column 'id'.",
        )
    frame = nodes.copy()
    frame.columns = [str(c).strip() for c in frame.columns]
    filled = ~frame.isna().all(axis=1).to_numpy()
    rows = np.flatnonzero(filled).astype(np.int64) + 2
    frame = frame[filled].reset_index(drop=True)
    column = _choose_id_column(frame, id_column, endpoints, where)
    ids = frame[column].map(lambda v: "" if pd.isna(v) else _tidy(v))
    blank = (ids == "").to_numpy()
    if blank.any():
        raise DataError(
            "expected every person to have an id, found a blank one",
            where=f"{where}, row {rows[blank][0]}, column {column}",
            fix="Fill in the id, or delete the row if it is not a person.",
        )
    norm = ids.map(normalise_name)
    repeated = norm.duplicated(keep=False).to_numpy()
    if repeated.any():
        first = norm[repeated].iloc[0]
        where_rows = ", ".join(str(r) for r in rows[(norm == first).to_numpy()])
        raise DataError(
            f"expected each person once, found {ids[repeated].iloc[0]!r} more than once "
            "(names are matched ignoring case and spaces)",
            where=f"{where}, rows {where_rows}, column {column}",
            fix="Keep one row per person, or tell them apart (e.g. add an initial).",
        )
    table = frame.drop(columns=[column])
    if "node" in table.columns:
        table = table.rename(columns={"node": "node_attribute"})
    table.insert(0, "node", ids.astype(object))
    for col in list(table.columns[1:]):
        if _column_key(col) == "plnmember":
            values = [
                parse_yes_no(v, where=f"{where}, row {r}, column {col}")
                for v, r in zip(table[col], rows, strict=True)
            ]
            table = table.drop(columns=[col])
            table["pln_member"] = pd.array(values, dtype="boolean")
        elif table[col].dtype == object or pd.api.types.is_string_dtype(table[col]):
            table[col] = table[col].map(lambda v: v if pd.isna(v) else _tidy(v))
    return table.reset_index(drop=True), dict(zip(norm, ids, strict=True))


def _find(columns: list[str], *names: str) -> str | None:
    keys = {_column_key(c): c for c in columns}
    return next((keys[n] for n in names if n in keys), None)


_SOURCE_NAMES = ("source", "from", "ego", "sender")
_TARGET_NAMES = ("target", "to", "alter", "receiver", "nominee")


def edge_endpoints(edges: pd.DataFrame) -> list[str]:
    """The names in the source and target columns of a tie table (blank cells left out)."""
    columns = [str(c).strip() for c in edges.columns]
    found = [_find(columns, *_SOURCE_NAMES), _find(columns, *_TARGET_NAMES)]
    out: list[str] = []
    for col in found:
        if col is not None:
            out.extend(_tidy(v) for v in edges.iloc[:, columns.index(col)].dropna())
    return out


def clean_edges(
    edges: pd.DataFrame,
    known: dict[str, str] | None,
    *,
    relation: str,
    self_ties: str,
    duplicates: str,
    unknown: str,
    where: str,
    nodes_where: str,
) -> tuple[pd.DataFrame, list[Any], list[str]]:
    """Return the tie table, the issues found, and the people to add."""
    from plnlib.networks.graph import Issue

    for name, value in (("self_ties", self_ties), ("duplicates", duplicates), ("unknown", unknown)):
        _check_option(name, value)
    if not isinstance(edges, pd.DataFrame):
        raise DataError(f"expected a table of ties, found {type(edges).__name__}", where=where)
    columns = [str(c).strip() for c in edges.columns]
    src_col = _find(columns, *_SOURCE_NAMES)
    dst_col = _find(columns, *_TARGET_NAMES)
    if src_col is None or dst_col is None:
        raise DataError(
            f"expected columns 'source' and 'target' (who goes to whom), found {columns}",
            where=where,
            fix="Name the first two columns source and target.",
        )
    frame = edges.copy()
    frame.columns = columns
    n = len(frame)
    rows = np.arange(n, dtype=np.int64) + 2
    row_col = _find(columns, "row")
    if row_col is not None:  # the rows of the file the ties were read from
        given = pd.to_numeric(frame[row_col], errors="coerce")
        if given.notna().all():
            rows = given.to_numpy(dtype=np.int64)
    issues: list[Any] = []

    def tidy_col(col: str) -> np.ndarray:
        return np.array(["" if pd.isna(v) else _tidy(v) for v in frame[col]], dtype=object)

    src, dst = tidy_col(src_col), tidy_col(dst_col)
    weight_col = _find(columns, "weight", "frequency", "strength", "value")
    weights = np.ones(n)
    if weight_col is not None:
        weights = np.array(
            [
                parse_strength(v, where=f"{where}, row {r}, column {weight_col}")
                for v, r in zip(frame[weight_col], rows, strict=True)
            ],
            dtype=float,
        )
    labels = {}
    for key, default in (("relation", relation), ("wave", "")):
        col = _find(columns, key)
        if col is None:
            labels[key] = np.full(n, default, dtype=object)
            continue
        values = tidy_col(col)
        empty = (values == "") & (src != "") & (dst != "")
        if empty.any():
            raise DataError(
                f"expected a {key} for every tie, found a blank cell",
                where=f"{where}, row {rows[empty][0]}, column {col}",
                fix=f"Fill in the {key}, or remove the column if there is only one.",
            )
        spelling: dict[str, str] = {}
        labels[key] = np.array([spelling.setdefault(v.casefold(), v) for v in values], dtype=object)

    keep = np.ones(n, dtype=bool)
    blank = (src == "") | (dst == "")
    if blank.any():
        issues.append(
            Issue("blank cell", (), tuple(rows[blank]), "left out: a tie needs both people")
        )
        keep &= ~blank
    zero = keep & (weights == 0)
    if zero.any():
        issues.append(
            Issue("zero strength", (), tuple(rows[zero]), "left out: strength 0 means no tie")
        )
        keep &= ~zero

    src_norm = np.array([normalise_name(v) for v in src], dtype=object)
    dst_norm = np.array([normalise_name(v) for v in dst], dtype=object)
    canonical: dict[str, str] = dict(known or {})
    extra: list[str] = []
    missing_rows: dict[str, list[int]] = {}
    for i in np.flatnonzero(keep):
        for raw, norm in ((src[i], src_norm[i]), (dst[i], dst_norm[i])):
            if norm not in canonical:
                canonical[norm] = raw
                if known is not None:
                    missing_rows.setdefault(raw, []).append(int(rows[i]))
                extra.append(raw)
            elif known is not None and canonical[norm] in missing_rows:
                missing_rows[canonical[norm]].append(int(rows[i]))
    if missing_rows:
        names = tuple(missing_rows)
        bad = tuple(sorted({r for rs in missing_rows.values() for r in rs}))
        if unknown == "error":
            shown = ", ".join(repr(v) for v in names[:5]) + (" ..." if len(names) > 5 else "")
            raise DataError(
                f"expected every person in the ties to be in {nodes_where}, found "
                f"{len(names)} who are not: {shown}",
                where=f"{where}, rows {', '.join(map(str, bad[:10]))}",
                fix=f"Add them to {nodes_where}, correct the spelling, or choose to add or "
                "drop unknown names.",
            )
        action = (
            "added as people without attributes" if unknown == "add" else "their ties were left out"
        )
        issues.insert(0, Issue("unknown name", names, bad, action))
        if unknown == "drop":
            gone = {normalise_name(v) for v in names}
            keep &= ~(np.isin(src_norm, list(gone)) | np.isin(dst_norm, list(gone)))
            extra = []

    loop = keep & (src_norm == dst_norm)
    if loop.any():
        people = tuple(dict.fromkeys(canonical[v] for v in src_norm[loop]))
        if self_ties == "error":
            raise DataError(
                f"expected ties between two different people, found {int(loop.sum())} "
                f"self-ties (e.g. {people[0]!r})",
                where=f"{where}, rows {', '.join(map(str, rows[loop][:10]))}",
                fix="Delete those rows, or choose to drop self-ties.",
            )
        issues.append(Issue("self-tie", people, tuple(rows[loop]), "left out"))
        keep &= ~loop

    table = pd.DataFrame(
        {
            "source": [canonical[v] for v in src_norm[keep]],
            "target": [canonical[v] for v in dst_norm[keep]],
            "weight": weights[keep],
            "relation": labels["relation"][keep],
            "wave": labels["wave"][keep],
        }
    )
    table["source"] = table["source"].astype(object)
    table["target"] = table["target"].astype(object)
    kept_rows = rows[keep]
    group_cols = ["source", "target", "relation", "wave"]
    dup = table.duplicated(group_cols, keep=False).to_numpy()
    if dup.any():
        people = tuple(dict.fromkeys(np.concatenate([table["source"][dup], table["target"][dup]])))
        if duplicates == "error":
            first = table[dup].iloc[0]
            raise DataError(
                f"expected each tie once, found {int(dup.sum())} rows repeating a tie "
                f"(e.g. {first['source']!r} -> {first['target']!r})",
                where=f"{where}, rows {', '.join(map(str, kept_rows[dup][:10]))}",
                fix="Delete the repeated rows, or choose to merge or sum duplicate ties.",
            )
        how = "max" if duplicates == "merge" else "sum"
        action = (
            "kept once, with the strongest weight"
            if how == "max"
            else "kept once, with the weights added"
        )
        issues.append(Issue("duplicate tie", people, tuple(kept_rows[dup]), action))
        table = table.groupby(group_cols, sort=False, as_index=False)["weight"].agg(how)
        table = table[["source", "target", "weight", "relation", "wave"]]

    variants: dict[str, list[int]] = {}
    for i in np.flatnonzero(keep):
        for raw, norm in ((src[i], src_norm[i]), (dst[i], dst_norm[i])):
            if raw != canonical[norm]:
                variants.setdefault(canonical[norm], []).append(int(rows[i]))
    if variants:
        issues.append(
            Issue(
                "spelling variants",
                tuple(variants),
                tuple(sorted({r for rs in variants.values() for r in rs})),
                "matched ignoring case and spaces",
            )
        )
    return table.reset_index(drop=True), issues, extra
