"""Monitoring a network over time: groups, waves, response rates, privacy checks. Pure.

A network asks its staff the same checklist every year. Starting from tidy answers
(``respondent, item, value`` plus group columns such as school, role,
``pln_member`` and a wave column), :func:`prepare_monitoring` checks the input and
:func:`monitor` computes everything a coordinator's report needs:

- section and item results for the whole network and for each group, in every wave,
  with ``n`` and suppression (groups below ``min_group`` hidden, plus complementary
  suppression so a hidden group cannot be worked out from the total);
- change between two waves for the network and for each group, with n on both sides;
- response rates against a roster of staff counts;
- :class:`SinglingOut` warnings where a combination of group columns leaves fewer
  than ``min_group`` people in a cell (the only deputy head in a school).

A *response* is one respondent in one wave: the same person may answer every year.
Means leave out "don't know" and "not applicable", as in :mod:`plnlib.scoring`.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from plnlib.checklists import Checklist
from plnlib.errors import DataError
from plnlib.privacy import DEFAULT_MIN_GROUP, check_min_group, suppression_mask
from plnlib.scoring import TeamSummary, prepare_answers, priorities, team_summary

__all__ = [
    "MARKER",
    "NETWORK",
    "Monitoring",
    "SinglingOut",
    "changes",
    "group_results",
    "is_synthetic",
    "monitor",
    "prepare_monitoring",
    "response_rates",
    "singling_out",
    "strengths",
]

#: The label of the whole-network rows in every result table.
NETWORK = "Whole network"
#: A column that marks synthetic data (value "yes" on every row); never a group column.
MARKER = "synthetic"
_RESERVED = {"respondent", "item", "value", "section", "score", "missing", MARKER}


# --------------------------------------------------------------------------- input checks


def _row(frame: pd.DataFrame, pos: int) -> str:
    if "_row" in frame.columns:
        return f"row {frame['_row'].iloc[pos]}"
    return f"row {pos + 2}"


def _group_columns(frame: pd.DataFrame, wave: str | None) -> list[str]:
    return [
        str(c)
        for c in frame.columns
        if str(c) not in _RESERVED and not str(c).startswith("_") and c != wave
    ]


def _require_column(frame: pd.DataFrame, column: str, role: str, where: str) -> None:
    if column in frame.columns:
        return
    found = _group_columns(frame, None)
    close = difflib.get_close_matches(column, found, n=1, cutoff=0.6)
    close += [c for c in found if c.casefold() == column.casefold() and c not in close]
    hint = f" Did you mean '{close[0]}'? Names are case-sensitive." if close else ""
    raise DataError(
        f"expected a {role} column '{column}', found "
        + (f"the columns {', '.join(repr(c) for c in found)}" if found else "no group columns"),
        where=where,
        fix=f"Add the column to the file or choose one of the columns found.{hint}",
    )


def _is_number(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float, np.integer, np.floating)):
        return True
    return bool(re.fullmatch(r"[+-]?\d+(\.\d+)?", str(value).strip()))


def _natural_key(value: object) -> list[int | str]:
    return [int(t) if t.isdigit() else t.casefold() for t in re.split(r"(\d+)", str(value))]


def _normalise_waves(values: pd.Series, column: str, where: str, frame: pd.DataFrame) -> pd.Series:
    """Waves as all numbers (ints when whole) or all text; DataError on a mix or a blank."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    empty = [k for k, u in enumerate(uniques) if not str(u).strip()]
    blank = (codes == -1) | np.isin(codes, empty)
    if blank.any():
        pos = int(np.flatnonzero(blank)[0])
        raise DataError(
            f"expected a wave in column '{column}' on every row, found {int(blank.sum())} "
            "empty cell(s)",
            where=f"{where}, {_row(frame, pos)}",
            fix="Fill in the wave (for example the year: 2024) for every response.",
        )
    kinds = [_is_number(u) for u in uniques]
    if any(kinds) and not all(kinds):
        numbers = [str(u) for u, k in zip(uniques, kinds, strict=True) if k]
        names = [str(u) for u, k in zip(uniques, kinds, strict=True) if not k]
        minority = names if len(names) <= len(numbers) else numbers
        first = next(i for i, u in enumerate(uniques) if str(u) == minority[0])
        pos = int(np.flatnonzero(codes == first)[0])
        raise DataError(
            f"expected the waves in column '{column}' to be all numbers (such as 2024) or all "
            f"names (such as 'Autumn 2024'), found both: numbers {', '.join(numbers[:3])} and "
            f"names {', '.join(repr(n) for n in names[:3])}",
            where=f"{where}, {_row(frame, pos)}",
            fix="Write every wave the same way, for example 2024 rather than 'Year 2024'.",
        )
    if all(kinds):
        nums = [float(str(u).strip()) if not isinstance(u, (int, float)) else u for u in uniques]
        whole = all(float(n).is_integer() for n in nums)
        mapped = [int(n) if whole else float(n) for n in nums]
    else:
        mapped = [" ".join(str(u).split()) for u in uniques]
    return pd.Series(np.asarray(mapped, dtype=object)[codes], index=values.index, dtype=object)


def prepare_monitoring(
    answers: pd.DataFrame,
    checklist: Checklist,
    *,
    by: str | Sequence[str] | None = None,
    wave: str | None = None,
    where: str = "answers",
) -> pd.DataFrame:
    """Check monitoring answers and score them (see :func:`plnlib.scoring.prepare_answers`).

    On top of the checks of ``prepare_answers`` (unknown item ids, answers off the
    scale, one answer per respondent and item), this checks that the group and
    wave columns exist and are filled in, that the waves are all numbers or all
    names (numbers become numbers, so wave 10 comes after wave 9), that nobody
    answers twice in one wave under different group values, and that there is at
    least one scored answer.

    Raises
    ------
    DataError
        Saying what was expected, what was found, where, and how to fix it.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> c = load_checklist("pln-design")
    >>> raw = pd.DataFrame({"respondent": ["a", "a"], "item": "DES-01", "value": [2, 3],
    ...                     "wave": ["2024", "2025"], "school": "North"})
    >>> prepare_monitoring(raw, c, by="school", wave="wave")[["respondent", "wave", "score"]]
      respondent  wave  score
    0          a  2024    2.0
    1          a  2025    3.0
    >>> raw["wave"] = ["2024", "Year 2025"]
    >>> prepare_monitoring(raw, c, wave="wave")
    Traceback (most recent call last):
    ...
    plnlib.errors.DataError: answers, row 3: expected the waves in column 'wave' to be all ...
    """
    if answers is None or len(answers.columns) == 0 or answers.empty:
        raise DataError(
            "expected answers (a header row and at least one response), found an empty table",
            where=where,
            fix="Export the answers again; the file holds no responses.",
        )
    columns = [by] if isinstance(by, str) else list(by or ())
    for col in columns:
        if col in _RESERVED or col == wave:
            raise DataError(
                f"expected a group column such as school or role, found '{col}', which "
                + ("is the wave column" if col == wave else "plnlib uses for the answers"),
                where=where,
                fix="Choose another column to compare groups by.",
            )
        _require_column(answers, col, "group", where)
    frame = answers.reset_index(drop=True)
    if wave is not None:
        _require_column(answers, wave, "wave", where)
        frame = frame.assign(**{wave: _normalise_waves(frame[wave], wave, where, frame)})
    for col in columns:
        blank = frame[col].isna().to_numpy()
        if blank.any():
            raise DataError(
                f"expected a value of '{col}' for every response, found {int(blank.sum())} "
                "empty cell(s)",
                where=f"{where}, {_row(frame, int(np.flatnonzero(blank)[0]))}",
                fix=f"Fill in '{col}' for every response, or leave those responses out.",
            )
    # duplicates within a respondent, wave and group are caught here; a respondent
    # whose group changes within a wave gets the clearer message of _check_one_response
    # (without a wave column every column counts, so a repeat across waves is explained there)
    key = [*columns, wave] if wave is not None else None
    prepared = prepare_answers(frame, checklist, where=where, response_key=key)
    _check_one_response(prepared, frame, wave, where)
    if not prepared["score"].notna().any():
        raise DataError(
            f"expected at least one answer on the scale ({checklist.scale.options_text()}), "
            "found only blanks, 'don't know' and 'not applicable'",
            where=where,
            fix="Check that the file holds the answers and that they use the checklist's scale.",
        )
    return prepared


def _check_one_response(
    prepared: pd.DataFrame, frame: pd.DataFrame, wave: str | None, where: str
) -> None:
    """A respondent answers once per wave: the same group values on every row of a response."""
    resp, first = _response_index(prepared, wave)
    for col in _group_columns(prepared, wave):
        values = prepared[col].to_numpy(dtype=object)
        clash = values != values[first][resp]
        if clash.any():  # NA never equals itself: keep only real clashes
            where_clash = np.flatnonzero(clash)
            both_na = pd.isna(values[where_clash]) & pd.isna(values[first][resp][where_clash])
            clash[where_clash[both_na]] = False
        if clash.any():
            pos = int(np.flatnonzero(clash)[0])
            other = int(first[resp[pos]])
            who = prepared.at[pos, "respondent"]
            in_wave = f" in wave {prepared.at[pos, wave]}" if wave else ""
            raise DataError(
                f"expected one response per respondent{' and wave' if wave else ''}, found "
                f"respondent '{who}' twice{in_wave} with different '{col}' "
                f"('{prepared.at[other, col]}' and '{prepared.at[pos, col]}')",
                where=f"{where}, {_row(frame, other)} and {_row(frame, pos)}",
                fix="Give each person their own respondent id, or remove the repeated "
                "response (a form submitted twice?)"
                + ("" if wave else "; if people answer in several waves, name the wave column")
                + ".",
            )


def _response_index(prepared: pd.DataFrame, wave: str | None) -> tuple[np.ndarray, np.ndarray]:
    """Response number of every row (respondent x wave), and the first row of each response."""
    key = pd.factorize(prepared["respondent"])[0].astype("int64")
    if wave is not None:
        w = pd.factorize(prepared[wave])[0].astype("int64")
        key = key * (int(w.max()) + 1) + w
    resp = pd.factorize(key)[0]
    first = np.empty(int(resp.max()) + 1 if len(resp) else 0, dtype="int64")
    first[resp[::-1]] = np.arange(len(resp))[::-1]
    return resp, first


def is_synthetic(frame: pd.DataFrame) -> bool:
    """Whether answers are marked synthetic (``attrs["synthetic"]`` or a ``synthetic`` column).

    Examples
    --------
    >>> is_synthetic(pd.DataFrame({"x": [1], "synthetic": ["yes"]}))
    True
    >>> is_synthetic(pd.DataFrame({"x": [1]}))
    False
    """
    if frame.attrs.get(MARKER):
        return True
    if MARKER not in frame.columns or frame.empty:
        return False
    marks = {str(m).strip().casefold() for m in pd.unique(frame[MARKER])}
    return marks <= {"yes", "true", "1"}


# --------------------------------------------------------------------------- responses


@dataclass(frozen=True)
class _Responses:
    """One row per response: keys (wave, groups), a scores matrix and section means."""

    info: pd.DataFrame
    rows: np.ndarray
    scores: np.ndarray
    section_means: np.ndarray
    item_ids: tuple[str, ...]
    section_ids: tuple[str, ...]


def _response_info(prepared: pd.DataFrame, wave: str | None) -> tuple[pd.DataFrame, np.ndarray]:
    """One row per response (respondent, wave, group columns) and each row's response.

    Waves are checked and normalised here, on one row per response (cheap), so that
    answers prepared without :func:`prepare_monitoring` are handled the same way.
    """
    resp, first = _response_index(prepared, wave)
    keep = ["respondent", *([wave] if wave else []), *_group_columns(prepared, wave)]
    info = prepared[keep].iloc[first].reset_index(drop=True)
    if wave is not None:
        rows = pd.DataFrame({"_row": first + 2})
        info[wave] = _normalise_waves(info[wave], wave, "answers", rows).to_numpy()
    return info, resp


def _responses(prepared: pd.DataFrame, checklist: Checklist, wave: str | None) -> _Responses:
    info, resp = _response_info(prepared, wave)
    cols = pd.Categorical(prepared["item"], categories=list(checklist.item_ids)).codes
    scores = np.full((len(info), len(checklist.items)), np.nan)
    values = prepared["score"].to_numpy(dtype="float64")
    ok = ~np.isnan(values)
    scores[resp[ok], cols[ok]] = values[ok]
    means = np.full((len(info), len(checklist.sections)), np.nan)
    start = 0
    for j, section in enumerate(checklist.sections):
        block = scores[:, start : start + len(section.items)]
        start += len(section.items)
        count = (~np.isnan(block)).sum(axis=1)
        total = np.nansum(block, axis=1)
        means[:, j] = np.divide(total, count, out=np.full(len(count), np.nan), where=count > 0)
    return _Responses(
        info, resp, scores, means, checklist.item_ids, tuple(s.id for s in checklist.sections)
    )


def _waves_in_order(values: pd.Series) -> list[object]:
    uniques = list(pd.unique(values))
    if all(_is_number(u) for u in uniques):
        return sorted(uniques, key=float)
    return sorted(uniques, key=_natural_key)


def _cells(values: np.ndarray, keys: dict[str, np.ndarray], ids: Sequence[str]) -> pd.DataFrame:
    """n, mean and sd of each column of ``values`` per combination of keys (long form)."""
    frame = pd.DataFrame(values, columns=list(ids))
    grouped = frame.groupby([pd.Series(v, name=k) for k, v in keys.items()], sort=False)
    stats = {"n": grouped.count(), "mean": grouped.mean(), "sd": grouped.std(ddof=1)}
    long = pd.concat({k: v.stack(future_stack=True) for k, v in stats.items()}, axis=1)
    long.index = long.index.set_names([*keys, "id"])
    return long.reset_index()


def _suppress(cells: pd.DataFrame, base: pd.Series, block: list[str], min_group: int) -> np.ndarray:
    """Hidden cells: base mask of the group, cells below the minimum, and one complement.

    Within every block (wave and id), if exactly one hidden cell has people in it
    while others are shown, the smallest shown cell is hidden too.
    """
    hidden = base.reindex(pd.MultiIndex.from_frame(cells[base.index.names])).to_numpy(
        dtype=bool, na_value=False
    ) | (cells["n"].to_numpy() < min_group)
    n = cells["n"].to_numpy()
    for _, idx in cells.groupby(block, sort=False).indices.items():
        h = hidden[idx]
        if int((h & (n[idx] > 0)).sum()) == 1 and (~h).any():
            shown = idx[~h]
            hidden[shown[np.argmin(n[shown])]] = True
    return hidden


def _base_mask(info: pd.DataFrame, by: str, wave: str | None, min_group: int) -> pd.Series:
    """Groups hidden in each wave, from the number of responses per group."""
    keys = [wave, by] if wave else [by]
    counts = info.groupby(keys, sort=False).size()
    # a fixed order, so that ties in the complementary choice never depend on row order
    ranks = _rank(pd.Series(counts.index.get_level_values(by).astype(str)))
    counts = counts.iloc[np.argsort(ranks.to_numpy(), kind="stable")]
    if not wave:
        return suppression_mask(counts, min_group)
    return pd.concat(
        [suppression_mask(part, min_group) for _, part in counts.groupby(level=0, sort=False)]
    )


def _results(
    data: _Responses,
    checklist: Checklist,
    by: str | None,
    wave: str | None,
    level: str,
    min_group: int,
) -> pd.DataFrame:
    info = data.info
    values, ids = (
        (data.section_means, data.section_ids)
        if level == "section"
        else (data.scores, data.item_ids)
    )
    w = {wave: info[wave].to_numpy()} if wave else {}
    total = _cells(values, {**w, "group": np.full(len(info), NETWORK, dtype=object)}, ids)
    total["network"] = True
    total["suppressed"] = total["n"].to_numpy() < min_group
    frames = [total]
    if by is not None:
        if (info[by].astype(str) == NETWORK).any():
            raise DataError(
                f"expected group names other than '{NETWORK}', found it in column '{by}'",
                fix=f"Rename that group: '{NETWORK}' labels the totals in every table.",
            )
        cells = _cells(values, {**w, "group": info[by].to_numpy()}, ids)
        base = _base_mask(info, by, wave, min_group)
        base.index = base.index.set_names([*([wave] if wave else []), "group"])
        cells["network"] = False
        cells = _ordered(cells, wave, ids)  # ties in the complementary choice: first in order
        cells["suppressed"] = _suppress(cells, base, [*([wave] if wave else []), "id"], min_group)
        frames.append(cells)
    out = pd.concat(frames, ignore_index=True)
    out["n"] = out["n"].astype(int)
    out.loc[out["suppressed"], ["mean", "sd"]] = np.nan
    at = out.columns.get_loc("id") + 1
    if level == "section":
        out.insert(at, "title", out["id"].map({s.id: s.title for s in checklist.sections}))
    else:
        out.insert(at, "title", out["id"].map({i.id: i.text for i in checklist.items}))
        out.insert(at, "section", out["id"].map({i.id: i.section for i in checklist.items}))
    return _ordered(out, wave, ids)


def _rank(values: pd.Series) -> pd.Series:
    """Numbers numerically, names in natural order (School 2 before School 10)."""
    order = sorted(pd.unique(values), key=_sort_key)
    return values.map({v: k for k, v in enumerate(order)})


def _ordered(out: pd.DataFrame, wave: str | None, ids: Sequence[str]) -> pd.DataFrame:
    position = {i: k for k, i in enumerate(ids)}
    ranks = pd.DataFrame(
        {
            "w": _rank(out[wave]) if wave else 0,
            "net": ~out["network"].astype(bool),
            "g": _rank(out["group"].astype(str)),
            "i": out["id"].map(position),
        }
    )
    order = np.lexsort([ranks[c].to_numpy() for c in ("i", "g", "net", "w")])
    return out.iloc[order].reset_index(drop=True)


def _sort_key(value: object) -> tuple[int, float, list[int | str]]:
    if _is_number(value):
        return (0, float(value), [])  # type: ignore[arg-type]
    return (1, 0.0, _natural_key(value))


def group_results(
    prepared: pd.DataFrame,
    checklist: Checklist,
    by: str | None = None,
    *,
    wave: str | None = None,
    level: str = "section",
    min_group: int = DEFAULT_MIN_GROUP,
) -> pd.DataFrame:
    """Section or item results for the whole network and each group, per wave.

    One row per (wave,) group and section (``level="section"``) or item
    (``level="item"``) with ``n`` (responses with a score), ``mean``, ``sd``,
    ``network`` (``True`` on the whole-network rows, labelled :data:`NETWORK`)
    and ``suppressed``. A group with fewer than ``min_group`` responses in a wave
    is hidden in that wave, so is any cell with fewer than ``min_group`` answers,
    and whenever one hidden cell could be worked out from the total and the
    others, the smallest shown cell is hidden too. Section means are the mean of
    each person's section mean, as in :func:`plnlib.scoring.breakdown`.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> c = load_checklist("pln-design")
    >>> raw = pd.DataFrame({"respondent": [f"r{i}" for i in range(13)], "item": "DES-01",
    ...     "value": [4] * 6 + [2] * 5 + [1, 1], "school": ["A"] * 6 + ["B"] * 5 + ["C"] * 2})
    >>> r = group_results(prepare_monitoring(raw, c, by="school"), c, "school")
    >>> r[r.id == "shared-vision"][["group", "n", "mean", "suppressed"]]
                group   n      mean  suppressed
    0   Whole network  13  2.769231       False
    6               A   6  4.000000       False
    12              B   5       NaN        True
    18              C   2       NaN        True
    """
    check_min_group(min_group)
    if level not in ("section", "item"):
        raise DataError(f"expected level 'section' or 'item', found {level!r}")
    data = _responses(prepared, checklist, wave)
    return _results(data, checklist, by, wave, level, min_group)


def changes(results: pd.DataFrame, *, wave: str, before: object, after: object) -> pd.DataFrame:
    """Change of every group and section (or item) between two waves, n on both sides.

    ``results`` is a :func:`group_results` table. The change is empty where
    either side is suppressed.

    Examples
    --------
    >>> res = pd.DataFrame({"wave": [1, 2], "group": NETWORK, "network": True, "id": "s",
    ...     "title": "S", "n": [8, 9], "mean": [2.0, 2.5], "sd": 0.5, "suppressed": False})
    >>> changes(res, wave="wave", before=1, after=2)[["id", "n_before", "n_after", "change"]]
      id  n_before  n_after  change
    0  s         8        9     0.5
    """
    present = set(results[wave])
    for label, w in (("before", before), ("after", after)):
        if w not in present:
            raise DataError(
                f"expected the {label} wave {w!r} in column '{wave}', found waves "
                f"{', '.join(map(str, sorted(present, key=_sort_key)))}",
                fix="Check the wave names (they must match the file exactly).",
            )
    keys = ["network", "group", "id", "title"]
    one = results[results[wave] == before][[*keys, "n", "mean", "suppressed"]]
    two = results[results[wave] == after][[*keys, "n", "mean", "suppressed"]]
    merged = one.merge(two, on=keys, how="outer", suffixes=("_before", "_after"), sort=False)
    for side in ("before", "after"):
        merged[f"n_{side}"] = merged[f"n_{side}"].fillna(0).astype(int)
        merged[f"suppressed_{side}"] = merged[f"suppressed_{side}"].fillna(True).astype(bool)
    merged["change"] = merged["mean_after"] - merged["mean_before"]
    merged["suppressed"] = merged["suppressed_before"] | merged["suppressed_after"]
    merged = merged.drop(columns=["suppressed_before", "suppressed_after"])
    order = {g: k for k, g in enumerate(pd.unique(results["group"]))}
    ids = {i: k for k, i in enumerate(pd.unique(results["id"]))}
    merged = merged.assign(_g=merged["group"].map(order), _i=merged["id"].map(ids))
    merged = merged.sort_values(["_g", "_i"], kind="stable").drop(columns=["_g", "_i"])
    return merged.reset_index(drop=True)


def _distribution(
    data: _Responses,
    checklist: Checklist,
    by: str | None,
    items: pd.DataFrame,
    wave: str | None,
    only: object,
) -> pd.DataFrame:
    """Answer counts per group, item and scale point in one wave; suppressed with the items."""
    info = data.info
    rows = np.ones(len(info), dtype=bool) if wave is None else (info[wave] == only).to_numpy()
    groups = [(NETWORK, rows)]
    if by is not None:
        values = info[by].to_numpy()
        groups += [(g, rows & (values == g)) for g in pd.unique(values[rows])]
    cells = items if wave is None else items[items[wave] == only]
    hidden = cells.set_index(["group", "id"])["suppressed"]
    scores = data.scores
    frames = []
    for group, mask in groups:
        block = scores[mask]
        n = (~np.isnan(block)).sum(axis=0)
        for point in checklist.scale.points:
            count = (block == point.value).sum(axis=0)
            frames.append(
                pd.DataFrame(
                    {
                        "group": group,
                        "network": group == NETWORK,
                        "id": data.item_ids,
                        "value": point.value,
                        "label": point.label,
                        "count": count,
                        "n": n,
                    }
                )
            )
    out = pd.concat(frames, ignore_index=True)
    out["suppressed"] = hidden.reindex(pd.MultiIndex.from_frame(out[["group", "id"]])).to_numpy(
        dtype=bool, na_value=True
    )
    out["share"] = np.where(out["n"] > 0, out["count"] / out["n"].where(out["n"] > 0, 1), np.nan)
    out.loc[out["suppressed"], ["count", "share"]] = np.nan
    out.insert(3, "section", out["id"].map({i.id: i.section for i in checklist.items}))
    ranks = _rank(out["group"].astype(str)).to_numpy()
    order = np.lexsort([out["value"].to_numpy(), ranks, ~out["network"].to_numpy()])
    return out.iloc[order].reset_index(drop=True)


# --------------------------------------------------------------------------- response rates


def _roster_columns(rosters: pd.DataFrame, where: str) -> tuple[str, str, str | None]:
    lower = {str(c).strip().casefold(): str(c) for c in rosters.columns}
    if "staff" not in lower:
        raise DataError(
            f"expected a column 'staff' (how many staff each group has), found "
            f"{', '.join(repr(str(c)) for c in rosters.columns)}",
            where=where,
            fix="Give the roster two columns: the group (for example school) and staff.",
        )
    wave = lower.get("wave")
    rest = [str(c) for c in rosters.columns if str(c) not in (lower["staff"], wave)]
    if len(rest) != 1:
        raise DataError(
            f"expected one group column besides 'staff' (and an optional 'wave'), found "
            f"{len(rest)}: {', '.join(repr(c) for c in rest) or 'none'}",
            where=where,
            fix="Keep one group column, named as in the answers (for example school).",
        )
    return rest[0], lower["staff"], wave


def response_rates(
    prepared: pd.DataFrame,
    rosters: pd.DataFrame,
    *,
    wave: str | None = None,
    min_group: int = DEFAULT_MIN_GROUP,
    where: str = "rosters",
    _info: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Responses against staff numbers, per group (and wave), with suppression.

    ``rosters`` has a group column named as in the answers (for example
    ``school``), a ``staff`` column and optionally a ``wave`` column (else the
    same staff numbers serve every wave). Returns one row per (wave,) group plus
    the whole network: ``responses``, ``staff``, ``rate`` and ``suppressed``
    (groups with fewer than ``min_group`` responses and their complement have
    their responses and rate hidden), and a ``note`` for groups missing from the
    roster or with more responses than staff.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> c = load_checklist("pln-design")
    >>> raw = pd.DataFrame({"respondent": [f"r{i}" for i in range(16)], "item": "DES-01",
    ...     "value": 3, "school": ["A"] * 6 + ["B"] * 7 + ["C"] * 3})
    >>> roster = pd.DataFrame({"school": ["A", "B", "C"], "staff": ["8", "14", "4"]})
    >>> response_rates(prepare_monitoring(raw, c, by="school"), roster).drop(columns="group_by")
               group  responses  staff  rate  suppressed note
    0  Whole network       16.0     26  0.62       False
    1              A        NaN      8   NaN        True
    2              B        7.0     14  0.50       False
    3              C        NaN      4   NaN        True
    """
    check_min_group(min_group)
    if rosters is None or rosters.empty:
        raise DataError("expected a roster with at least one row, found none", where=where)
    group, staff_col, roster_wave = _roster_columns(rosters, where)
    _require_column(prepared, group, "group (named as in the roster)", where)
    roster = rosters.reset_index(drop=True)
    staff = pd.to_numeric(roster[staff_col].astype("string").str.strip(), errors="coerce").astype(
        "float64"
    )
    bad = staff.isna() | (staff < 0) | (staff % 1 != 0)
    if bad.any():
        pos = int(np.flatnonzero(bad.to_numpy())[0])
        raise DataError(
            f"expected a whole number of staff, found {roster[staff_col].iloc[pos]!r}",
            where=f"{where}, row {pos + 2}, column '{staff_col}'",
            fix="Write the number of staff in each group as a whole number, such as 24.",
        )
    table = pd.DataFrame({"group": roster[group].astype(str).str.strip(), "staff": staff})
    use_wave = wave is not None and roster_wave is not None
    if use_wave:
        table["wave"] = _normalise_waves(roster[roster_wave], roster_wave, where, roster)
    keys = ["wave", "group"] if use_wave else ["group"]
    dup = table.duplicated(keys)
    if dup.any():
        pos = int(np.flatnonzero(dup.to_numpy())[0])
        raise DataError(
            f"expected each {' and wave '.join(keys[::-1])} once in the roster, found "
            f"'{table['group'].iloc[pos]}' again",
            where=f"{where}, row {pos + 2}",
            fix="Keep one row per group (and wave), or add the numbers up.",
        )
    info = _response_info(prepared, wave)[0] if _info is None else _info
    info = info.assign(group=info[group].astype(str).str.strip())
    wkeys = [wave] if wave else []
    counts = info.groupby([*wkeys, "group"], sort=False).size().rename("responses").reset_index()
    if wave is not None and not use_wave:
        table = pd.DataFrame({wave: pd.unique(info[wave])}).merge(table, how="cross")
    elif use_wave:
        table = table.rename(columns={"wave": wave})
    out = table.merge(counts, on=[*wkeys, "group"], how="outer")
    out["responses"] = out["responses"].fillna(0).astype(int)
    out["note"] = np.where(out["staff"].isna(), "not in the roster", "")
    over = out["staff"].notna() & (out["responses"] > out["staff"])
    out.loc[over, "note"] = "more responses than staff: check the roster"
    # the same mask as every other table: from the number of responses per group and wave
    base = _base_mask(info, "group", wave, min_group)
    keys = pd.MultiIndex.from_frame(out[[*wkeys, "group"]]) if wkeys else pd.Index(out["group"])
    out["suppressed"] = base.reindex(keys).fillna(False).to_numpy(dtype=bool)
    out["network"] = False
    net = (
        out.assign(
            _staff=out["staff"].fillna(0), _known=out["responses"].where(out["staff"].notna(), 0)
        )
        .groupby(wkeys if wkeys else np.zeros(len(out), dtype=int), sort=False)
        .agg(
            responses=("responses", "sum"),
            staff=("_staff", "sum"),
            _known=("_known", "sum"),
            _missing=("staff", lambda s: bool(s.isna().any())),
        )
        .reset_index(drop=not wkeys)
    )
    net = net.assign(
        group=NETWORK,
        network=True,
        suppressed=net["responses"] < min_group,
        note=np.where(net["_missing"], "rate over the groups in the roster", ""),
    ).drop(columns="_missing")
    out = pd.concat([net, out.assign(_known=out["responses"])], ignore_index=True)
    out["rate"] = (out["_known"] / out["staff"].where(out["staff"] > 0)).round(2)
    out["responses"] = out["responses"].astype(float)
    out.loc[out["suppressed"], ["responses", "rate"]] = np.nan
    out["staff"] = out["staff"].astype("Int64")
    out = _ordered(out.assign(id=""), wave, [""])
    out["group_by"] = np.where(out["network"], "", group)
    return out[[*wkeys, "group_by", "group", "responses", "staff", "rate", "suppressed", "note"]]


# --------------------------------------------------------------------------- singling out


@dataclass(frozen=True)
class SinglingOut:
    """A cell of one or more group columns with fewer than ``min_group`` people in it.

    Examples
    --------
    >>> w = SinglingOut(("school", "role"), ("North", "Deputy head"), 1, wave=2025)
    >>> w.message.split(":")[0]
    'In wave 2025, only 1 person has school North and role Deputy head'
    """

    columns: tuple[str, ...]
    values: tuple[str, ...]
    n: int
    wave: object | None = None
    min_group: int = DEFAULT_MIN_GROUP

    @property
    def cell(self) -> str:
        """The cell in words, such as ``school North and role Deputy head``."""
        return " and ".join(f"{c} {v}" for c, v in zip(self.columns, self.values, strict=True))

    @property
    def message(self) -> str:
        """The warning in one sentence, naming the cell (for the coordinator's eyes only)."""
        cell = self.cell
        who = "only 1 person has" if self.n == 1 else f"only {self.n} people have"
        head = f"In wave {self.wave}, {who}" if self.wave is not None else f"Only {who[5:]}"
        return (
            f"{head} {cell}: results by {' and '.join(self.columns)} would single them out "
            f"(fewer than {self.min_group}). plnlib never shows such a cell; do not publish "
            "tables that cross these columns."
        )


def _singling_out(
    info: pd.DataFrame,
    columns: Sequence[str],
    wave: str | None,
    min_group: int,
    sizes: Sequence[int],
) -> tuple[SinglingOut, ...]:
    found = []
    for size in sizes:
        for combo in itertools.combinations(columns, size):
            keys = [*([wave] if wave else []), *combo]
            counts = info.groupby(keys, sort=False, dropna=True).size()
            small = counts[(counts > 0) & (counts < min_group)]
            for key, n in small.items():
                key = key if isinstance(key, tuple) else (key,)
                found.append(
                    SinglingOut(
                        tuple(combo),
                        tuple(str(v) for v in key[len(keys) - size :]),
                        int(n),
                        key[0] if wave else None,
                        min_group,
                    )
                )
    return tuple(
        sorted(
            found,
            key=lambda w: (len(w.columns), w.columns, _sort_key(w.wave), w.values),
        )
    )


def _categorical_columns(info: pd.DataFrame, wave: str | None, limit: int = 30) -> list[str]:
    return [
        c
        for c in _group_columns(info, wave)
        if c != "respondent" and 1 < info[c].nunique(dropna=True) <= limit
    ]


def singling_out(
    prepared: pd.DataFrame,
    columns: Sequence[str] | None = None,
    *,
    wave: str | None = None,
    min_group: int = DEFAULT_MIN_GROUP,
    sizes: Sequence[int] = (1, 2),
) -> tuple[SinglingOut, ...]:
    """Cells of group columns, alone and in pairs, with fewer than ``min_group`` people.

    A school below the minimum, or the only deputy head in a school, is
    identifiable in any table that crosses those columns. Counts are of
    responses, within each wave. ``columns`` defaults to every group column
    with 2 to 30 distinct values (free text and ids are left out).

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> c = load_checklist("pln-design")
    >>> raw = pd.DataFrame({"respondent": [f"r{i}" for i in range(12)], "item": "DES-01",
    ...     "value": 3, "school": ["A"] * 6 + ["B"] * 6,
    ...     "role": ["Teacher"] * 5 + ["Deputy head"] + ["Teacher"] * 6})
    >>> [w.values for w in singling_out(prepare_monitoring(raw, c), ["school", "role"])]
    [('Deputy head',), ('A', 'Deputy head')]
    """
    check_min_group(min_group)
    info = _response_info(prepared, wave)[0]
    cols = list(columns) if columns is not None else _categorical_columns(info, wave)
    for col in cols:
        _require_column(info, col, "group", "answers")
    return _singling_out(info, cols, wave, min_group, sizes)


# --------------------------------------------------------------------------- the whole analysis


def strengths(
    summary: TeamSummary, checklist: Checklist, *, sections: int = 2, items: int = 3
) -> pd.DataFrame:
    """The strongest sections and items of a team summary (suppressed results never listed).

    Returns the columns of :func:`plnlib.scoring.priorities`: ``level``, ``id``,
    ``title``, ``mean``, ``chapter`` (``actions`` is empty).

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> c = load_checklist("pln-design")
    >>> raw = pd.DataFrame({"respondent": [f"r{i}" for i in range(5)], "item": "DES-01",
    ...                     "value": 4})
    >>> strengths(team_summary(prepare_monitoring(raw, c), c), c)[["level", "id", "mean"]]
         level             id  mean
    0  section  shared-vision   4.0
    1     item         DES-01   4.0
    """
    rows = []
    for rec in summary.sections.dropna(subset=["mean"]).nlargest(sections, "mean").itertuples():
        s = checklist.section(rec.section)
        rows.append(("section", s.id, s.title, rec.mean, s.chapter, ()))
    shown = summary.items.dropna(subset=["mean"])
    for rec in shown.nlargest(items, "mean", keep="first").itertuples():
        it = checklist.item(rec.item)
        rows.append(("item", it.id, it.text, rec.mean, it.chapter, ()))
    return pd.DataFrame(rows, columns=["level", "id", "title", "mean", "chapter", "actions"])


@dataclass(frozen=True)
class Monitoring:
    """Everything a monitoring report shows, as aggregated tables.

    ``sections`` and ``items`` are :func:`group_results` tables for every wave;
    ``distribution`` counts answers per group and item in the latest wave;
    ``summary``, ``strengths`` and ``priorities`` describe the whole network in
    the latest wave; ``changes`` compares the last two waves (``None`` with one
    wave); ``rates`` needs a roster; ``warnings`` lists :class:`SinglingOut` cells.
    """

    checklist_id: str
    by: str | None
    wave: str | None
    waves: tuple[object, ...]
    min_group: int
    synthetic: bool
    responses: pd.DataFrame
    sections: pd.DataFrame
    items: pd.DataFrame
    distribution: pd.DataFrame
    summary: TeamSummary
    strengths: pd.DataFrame
    priorities: pd.DataFrame
    changes: pd.DataFrame | None
    rates: pd.DataFrame | None
    warnings: tuple[SinglingOut, ...]

    @property
    def latest(self) -> object | None:
        """The last wave (``None`` without a wave column)."""
        return self.waves[-1] if self.waves else None

    @property
    def previous(self) -> object | None:
        """The wave before the last (``None`` with fewer than two waves)."""
        return self.waves[-2] if len(self.waves) > 1 else None


def _in_wave(data: _Responses, wave: str, which: object) -> np.ndarray:
    """Which answer rows belong to a wave (fast: compares responses, not rows)."""
    return (data.info[wave] == which).to_numpy()[data.rows]


def _response_counts(info: pd.DataFrame, wave: str | None, waves: list[object]) -> pd.DataFrame:
    if wave is None:
        return pd.DataFrame({"responses": [len(info)], "returning": [0], "new": [len(info)]})
    rows, seen = [], None
    for w in waves:
        people = set(info.loc[info[wave] == w, "respondent"])
        returning = len(people & seen) if seen is not None else 0
        rows.append({wave: w, "responses": len(people), "returning": returning})
        rows[-1]["new"] = len(people) - returning
        seen = people
    return pd.DataFrame(rows)


def monitor(
    prepared: pd.DataFrame,
    checklist: Checklist,
    *,
    by: str | None = None,
    wave: str | None = None,
    rosters: pd.DataFrame | None = None,
    min_group: int = DEFAULT_MIN_GROUP,
    synthetic: bool | None = None,
    rosters_where: str = "rosters",
) -> Monitoring:
    """Analyse monitoring answers: groups, waves, change, response rates, privacy warnings.

    Parameters
    ----------
    prepared
        Answers from :func:`prepare_monitoring` (or :func:`plnlib.scoring.prepare_answers`).
    checklist
        The checklist answered.
    by
        A group column to compare (school, role, ``pln_member``...), or ``None``.
    wave
        The wave column (for example the year), or ``None`` for a single survey.
    rosters
        Staff numbers per group (see :func:`response_rates`), or ``None``.
    min_group
        Smallest group shown (default 5, never below 3).
    synthetic
        Whether the data are synthetic; by default read from the data's marker.
    rosters_where
        The roster file's name, for messages.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> from plnlib.synthetic_monitoring import monitoring_answers
    >>> c = load_checklist("knowledge-mobilisation")
    >>> raw = monitoring_answers(c, schools=4, staff=60, waves=(2024, 2025), seed=1)
    >>> m = monitor(prepare_monitoring(raw, c, by="school", wave="wave"), c,
    ...             by="school", wave="wave")
    >>> m.waves, m.synthetic, sorted(m.changes["level"].unique())
    ((2024, 2025), True, ['item', 'section'])
    """
    check_min_group(min_group)
    for col in [c for c in (by, wave) if c is not None]:
        _require_column(prepared, col, "group" if col == by else "wave", "answers")
    if by is not None and prepared[by].isna().any():
        raise DataError(
            f"expected a value of '{by}' for every response, found empty ones",
            fix=f"Fill in '{by}' for every response, or leave those responses out.",
        )
    data = _responses(prepared, checklist, wave)
    waves = _waves_in_order(data.info[wave]) if wave else []
    sections = _results(data, checklist, by, wave, "section", min_group)
    items = _results(data, checklist, by, wave, "item", min_group)
    latest = waves[-1] if waves else None
    # the latest wave's answers, with no group columns: one respondent is one response
    base = ["respondent", "item", "section", "score", "missing"]
    now = prepared[base] if wave is None else prepared.loc[_in_wave(data, wave, latest), base]
    summary = team_summary(now, checklist, min_group=min_group)
    change = None
    if len(waves) > 1:
        change = pd.concat(
            [
                changes(frame, wave=wave, before=waves[-2], after=latest).assign(level=level)
                for level, frame in (("section", sections), ("item", items))
            ],
            ignore_index=True,
        )
    rates = None
    if rosters is not None:
        rates = response_rates(
            prepared, rosters, wave=wave, min_group=min_group, where=rosters_where, _info=data.info
        )
    columns = _categorical_columns(data.info, wave)
    if by is not None and by not in columns:
        columns.insert(0, by)
    return Monitoring(
        checklist_id=checklist.id,
        by=by,
        wave=wave,
        waves=tuple(waves),
        min_group=min_group,
        synthetic=is_synthetic(prepared) if synthetic is None else bool(synthetic),
        responses=_response_counts(data.info, wave, waves),
        sections=sections,
        items=items,
        distribution=_distribution(data, checklist, by, items, wave, latest),
        summary=summary,
        strengths=strengths(summary, checklist),
        priorities=priorities(summary, checklist, sections=2, items=4),
        changes=change,
        rates=rates,
        warnings=_singling_out(data.info, columns, wave, min_group, (1, 2)),
    )
