"""Cleaning of tie and people tables for :func:`plnlib.networks.build_network` (private)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from plnlib.errors import DataError
from plnlib.helpers import column_key
from plnlib.networks.values import (
    FREQUENCY_WORDS,
    natural_sort,
    parse_strength,
    parse_yes_no,
)
from plnlib.networks.values import tidy as _tidy
from plnlib.pseudonyms import normalise_name

__all__ = [
    "FREQUENCY_WORDS",
    "Issue",
    "clean_edges",
    "clean_nodes",
    "column_key",
    "edge_endpoints",
    "natural_sort",
    "parse_strength",
    "parse_yes_no",
    "shown_name",
]


@dataclass(frozen=True)
class Issue:
    """One kind of problem found while building a network.

    Attributes
    ----------
    kind
        ``"unknown name"``, ``"self-tie"``, ``"duplicate tie"``, ``"blank cell"``,
        ``"zero strength"`` or ``"spelling variants"``.
    people
        The people concerned (names, or codes once pseudonymised).
    rows
        Rows of the edge table, counted as in a spreadsheet (header = row 1).
    action
        What was done about it, in plain words.
    """

    kind: str
    people: tuple[str, ...]
    rows: tuple[int, ...]
    action: str


_ID_CANDIDATES = ("id", "node", "name", "person", "code")
_OPTIONS = {
    "self_ties": ("drop", "error"),
    "duplicates": ("merge", "sum", "error"),
    "unknown": ("add", "drop", "error"),
}


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def shown_name(name: object) -> str:
    """A name as a message may show it: quoted, but never an e-mail address.

    Examples
    --------
    >>> shown_name("Ana"), shown_name("ana@school.org")
    ("'Ana'", 'an e-mail address')
    """
    return "an e-mail address" if _EMAIL.search(str(name)) else repr(str(name))


def _check_option(name: str, value: str) -> None:
    if value not in _OPTIONS[name]:
        raise DataError(
            f"expected {name} to be one of {list(_OPTIONS[name])}, found {value!r}",
            fix=f"Choose {' or '.join(map(repr, _OPTIONS[name]))}.",
        )


def named_column(frame: pd.DataFrame, name: str, *, what: str, where: str, fix: str) -> str:
    """The column of ``frame`` the user named (compared with :func:`column_key`), or a DataError."""
    keys = {column_key(c): c for c in frame.columns}
    if column_key(name) not in keys:
        raise DataError(
            f"expected a column {name!r} naming {what}, found columns {list(frame.columns)}",
            where=where,
            fix=fix,
        )
    return keys[column_key(name)]


def _choose_id_column(
    nodes: pd.DataFrame, id_column: str | None, endpoints: Iterable[str], where: str
) -> str:
    keys = {column_key(c): c for c in nodes.columns}
    if id_column is not None:
        return named_column(
            nodes,
            id_column,
            what="each person",
            where=where,
            fix="Give the name of the column that holds the people's names or ids.",
        )
    candidates = [keys[k] for k in _ID_CANDIDATES if k in keys] or [nodes.columns[0]]
    if len(candidates) == 1:
        return candidates[0]
    wanted = {normalise_name(e) for e in endpoints}
    if not wanted:
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
            f"expected each person once, found {shown_name(ids[repeated].iloc[0])} more than once "
            "(names are matched ignoring case and spaces)",
            where=f"{where}, rows {where_rows}, column {column}",
            fix="Keep one row per person, or tell them apart (e.g. add an initial).",
        )
    table = frame.drop(columns=[column])
    if "node" in table.columns:
        table = table.rename(columns={"node": "node_attribute"})
    table.insert(0, "node", ids.astype(object))
    for col in list(table.columns[1:]):
        if column_key(col) == "plnmember":
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
    keys = {column_key(c): c for c in columns}
    return next((keys[n] for n in names if n in keys), None)


_SOURCE_NAMES = ("source", "from", "ego", "sender")
_TARGET_NAMES = ("target", "to", "alter", "receiver", "nominee")


def edge_endpoints(edges: pd.DataFrame) -> list[str]:
    """The distinct names in the source and target columns of a tie table (blanks left out)."""
    columns = [str(c).strip() for c in edges.columns]
    found = [_find(columns, *_SOURCE_NAMES), _find(columns, *_TARGET_NAMES)]
    out: set[str] = set()
    for col in found:
        if col is not None:
            out.update(_tidy(v) for v in pd.unique(edges.iloc[:, columns.index(col)].dropna()))
    return sorted(out)


def _per_unique(values: object, func: Any) -> np.ndarray:
    """Apply ``func`` once per distinct value (blank cells as ``None``)."""
    codes, uniques = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=True)
    mapped = np.empty(len(uniques) + 1, dtype=object)
    mapped[:-1] = [func(u) for u in uniques]
    mapped[-1] = func(None)
    return mapped[codes]


def _tidy_or_blank(value: object) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else _tidy(value)


def _strengths(values: pd.Series, rows: np.ndarray, where: str, column: str) -> np.ndarray:
    codes, uniques = pd.factorize(values.astype(object), use_na_sentinel=True)
    parsed = np.ones(len(uniques) + 1)
    for i, value in enumerate(uniques):
        try:
            parsed[i] = parse_strength(value, where="")
        except DataError as err:
            row = rows[int(np.flatnonzero(codes == i)[0])]
            raise DataError(
                err.what, where=f"{where}, row {row}, column {column}", fix=err.fix
            ) from None
    return parsed[codes]


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
) -> tuple[pd.DataFrame, list[Issue], list[str]]:
    """Return the tie table, the issues found, and the people to add."""
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
    src = _per_unique(frame[src_col], _tidy_or_blank)
    dst = _per_unique(frame[dst_col], _tidy_or_blank)
    weight_col = _find(columns, "weight", "frequency", "strength", "value")
    weights = _strengths(frame[weight_col], rows, where, weight_col) if weight_col else np.ones(n)
    labels = {}
    for key, default in (("relation", relation), ("wave", "")):
        col = _find(columns, key)
        if col is None:
            labels[key] = np.full(n, default, dtype=object)
            continue
        values = _per_unique(frame[col], _tidy_or_blank)
        empty = (values == "") & (src != "") & (dst != "")
        if empty.all():  # an empty column is as good as none
            labels[key] = np.full(n, default, dtype=object)
            continue
        if empty.any():
            raise DataError(
                f"expected a {key} for every tie, found a blank cell",
                where=f"{where}, row {rows[empty][0]}, column {col}",
                fix=f"Fill in the {key}, or remove the column if there is only one.",
            )
        spelling: dict[str, str] = {}
        labels[key] = _per_unique(
            values, lambda v, sp=spelling: sp.setdefault(str(v).casefold(), str(v))
        )

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

    src_norm = _per_unique(src, normalise_name)
    dst_norm = _per_unique(dst, normalise_name)
    both = np.empty(2 * int(keep.sum()), dtype=object)
    both_norm = np.empty_like(both)
    both[0::2], both[1::2] = src[keep], dst[keep]
    both_norm[0::2], both_norm[1::2] = src_norm[keep], dst_norm[keep]
    first = pd.Series(both_norm).drop_duplicates()
    canonical: dict[str, str] = dict(known or {})
    new_people = [
        (norm, both[i])
        for i, norm in zip(first.index, first.to_numpy(), strict=True)
        if norm not in canonical
    ]
    canonical.update(new_people)
    extra = [raw for _, raw in new_people]
    if known is not None and new_people:
        names = tuple(extra)
        strangers = [norm for norm, _ in new_people]
        bad_mask = keep & (np.isin(src_norm, strangers) | np.isin(dst_norm, strangers))
        bad = tuple(int(r) for r in np.unique(rows[bad_mask]))
        if unknown == "error":
            shown = ", ".join(shown_name(v) for v in names[:5]) + (" ..." if len(names) > 5 else "")
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
            keep &= ~bad_mask
            extra = []

    loop = keep & (src_norm == dst_norm)
    if loop.any():
        people = tuple(dict.fromkeys(canonical[v] for v in src_norm[loop]))
        if self_ties == "error":
            raise DataError(
                f"expected ties between two different people, found {int(loop.sum())} "
                f"self-ties (e.g. {shown_name(people[0])})",
                where=f"{where}, rows {', '.join(map(str, rows[loop][:10]))}",
                fix="Delete those rows, or choose to drop self-ties.",
            )
        issues.append(Issue("self-tie", people, tuple(rows[loop]), "left out"))
        keep &= ~loop

    src_canon = _per_unique(src_norm, lambda v: canonical.get(v, ""))
    dst_canon = _per_unique(dst_norm, lambda v: canonical.get(v, ""))
    table = pd.DataFrame(
        {
            "source": src_canon[keep],
            "target": dst_canon[keep],
            "weight": weights[keep],
            "relation": labels["relation"][keep],
            "wave": labels["wave"][keep],
        }
    ).astype({"source": object, "target": object, "relation": object, "wave": object})
    kept_rows = rows[keep]
    group_cols = ["source", "target", "relation", "wave"]
    dup = table.duplicated(group_cols, keep=False).to_numpy()
    if dup.any():
        people = tuple(dict.fromkeys(np.concatenate([table["source"][dup], table["target"][dup]])))
        if duplicates == "error":
            first_dup = table[dup].iloc[0]
            raise DataError(
                f"expected each tie once, found {int(dup.sum())} rows repeating a tie "
                f"(e.g. {shown_name(first_dup['source'])} -> {shown_name(first_dup['target'])})",
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

    odd_src = keep & (src != src_canon)
    odd_dst = keep & (dst != dst_canon)
    if odd_src.any() or odd_dst.any():
        people = tuple(dict.fromkeys(np.concatenate([src_canon[odd_src], dst_canon[odd_dst]])))
        issues.append(
            Issue(
                "spelling variants",
                people,
                tuple(int(r) for r in np.unique(rows[odd_src | odd_dst])),
                "matched ignoring case and spaces",
            )
        )
    return table.reset_index(drop=True), issues, extra
