"""Results per group and wave, with suppression, and change between waves."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from plnlib.checklists import Checklist
from plnlib.errors import DataError
from plnlib.helpers import is_number, natural_key, rank, sort_key
from plnlib.monitoring.constants import NETWORK
from plnlib.monitoring.inputs import (
    group_columns,
    normalise_waves,
    response_index,
)
from plnlib.privacy import DEFAULT_MIN_GROUP, check_min_group, suppression_mask

__all__ = [
    "ResponseMatrix",
    "changes",
    "distribution_table",
    "group_mask",
    "group_results",
    "ordered_rows",
    "response_info",
    "response_matrix",
    "results_table",
    "waves_in_order",
]


# --------------------------------------------------------------------------- responses


@dataclass(frozen=True)
class ResponseMatrix:
    """One row per response: keys (wave, groups), a scores matrix and section means."""

    info: pd.DataFrame
    rows: np.ndarray
    scores: np.ndarray
    section_means: np.ndarray
    item_ids: tuple[str, ...]
    section_ids: tuple[str, ...]


def response_info(prepared: pd.DataFrame, wave: str | None) -> tuple[pd.DataFrame, np.ndarray]:
    """One row per response (respondent, wave, group columns) and each row's response.

    Waves are checked and normalised here, on one row per response (cheap), so that
    answers prepared without :func:`prepare_monitoring` are handled the same way.
    """
    resp, first = response_index(prepared, wave)
    keep = ["respondent", *([wave] if wave else []), *group_columns(prepared, wave)]
    info = prepared[keep].iloc[first].reset_index(drop=True)
    if wave is not None:
        rows = pd.DataFrame({"_row": first + 2})
        info[wave] = normalise_waves(info[wave], wave, "answers", rows).to_numpy()
    return info, resp


def response_matrix(
    prepared: pd.DataFrame, checklist: Checklist, wave: str | None
) -> ResponseMatrix:
    info, resp = response_info(prepared, wave)
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
    return ResponseMatrix(
        info, resp, scores, means, checklist.item_ids, tuple(s.id for s in checklist.sections)
    )


def waves_in_order(values: pd.Series) -> list[object]:
    uniques = list(pd.unique(values))
    if all(is_number(u) for u in uniques):
        return sorted(uniques, key=float)
    return sorted(uniques, key=natural_key)


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


def group_mask(info: pd.DataFrame, by: str, wave: str | None, min_group: int) -> pd.Series:
    """Groups hidden in each wave, from the number of responses per group."""
    keys = [wave, by] if wave else [by]
    counts = info.groupby(keys, sort=False).size()
    # a fixed order, so that ties in the complementary choice never depend on row order
    ranks = rank(pd.Series(counts.index.get_level_values(by).astype(str)))
    counts = counts.iloc[np.argsort(ranks.to_numpy(), kind="stable")]
    if not wave:
        return suppression_mask(counts, min_group)
    return pd.concat(
        [suppression_mask(part, min_group) for _, part in counts.groupby(level=0, sort=False)]
    )


def results_table(
    data: ResponseMatrix,
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
        base = group_mask(info, by, wave, min_group)
        base.index = base.index.set_names([*([wave] if wave else []), "group"])
        cells["network"] = False
        cells = ordered_rows(cells, wave, ids)  # ties in the complementary choice: first in order
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
    return ordered_rows(out, wave, ids)


def ordered_rows(out: pd.DataFrame, wave: str | None, ids: Sequence[str]) -> pd.DataFrame:
    position = {i: k for k, i in enumerate(ids)}
    ranks = pd.DataFrame(
        {
            "w": rank(out[wave]) if wave else 0,
            "net": ~out["network"].astype(bool),
            "g": rank(out["group"].astype(str)),
            "i": out["id"].map(position),
        }
    )
    order = np.lexsort([ranks[c].to_numpy() for c in ("i", "g", "net", "w")])
    return out.iloc[order].reset_index(drop=True)


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
    each person's section mean, as in :func:`plnlib.checklists.scoring.breakdown`.

    Examples
    --------
    >>> from plnlib.monitoring import prepare_monitoring
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
    data = response_matrix(prepared, checklist, wave)
    return results_table(data, checklist, by, wave, level, min_group)


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
                f"{', '.join(map(str, sorted(present, key=sort_key)))}",
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


def distribution_table(
    data: ResponseMatrix,
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
    ranks = rank(out["group"].astype(str)).to_numpy()
    order = np.lexsort([out["value"].to_numpy(), ranks, ~out["network"].to_numpy()])
    return out.iloc[order].reset_index(drop=True)
