"""The survey engine: results per group, wave and section or item, change, extremes. Pure.

One computation serves every command, report and chart:

- :func:`group_results`: ``n``, ``mean`` and ``sd`` for the whole network and
  each group, in every wave, for sections or items, with suppression;
- :func:`changes`: the change of every row between two waves, n on both sides;
- :func:`extremes`: the strongest or weakest sections and items.

Privacy is applied here, once, where the numbers are made: a group below
``min_group`` responses in a wave is hidden, so is any cell below ``min_group``
answers, and whenever one hidden cell could be worked out from the total and the
others, the smallest shown cell is hidden too (decided from the counts). Then
every number of a hidden row is blanked (``<NA>`` counts, ``NaN`` measures) and
``suppressed`` is ``True``: no table leaves this module with a hidden group's size.

The older names (:func:`plnlib.checklists.scoring.breakdown`,
:func:`~plnlib.checklists.scoring.compare_waves`,
:func:`~plnlib.checklists.scoring.priorities`, :func:`plnlib.monitoring.strengths`)
are thin wrappers over these functions, kept for one release.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from plnlib.checklists.model import Checklist
from plnlib.checklists.responses import ResponseMatrix, response_matrix
from plnlib.errors import DataError
from plnlib.helpers import is_number, natural_key, rank, sort_key
from plnlib.privacy import DEFAULT_MIN_GROUP, blank_suppressed, check_min_group, suppression_mask

__all__ = [
    "NETWORK",
    "changes",
    "extremes",
    "group_mask",
    "group_results",
    "ordered_rows",
    "results_table",
    "waves_in_order",
]

#: The label of the whole-network rows in every result table.
NETWORK = "Whole network"


def waves_in_order(values: pd.Series) -> list[object]:
    """The distinct waves in order: numbers as numbers (9 before 10), names in natural order.

    Examples
    --------
    >>> waves_in_order(pd.Series([2025, 2024, 2025], dtype=object))
    [2024, 2025]
    >>> waves_in_order(pd.Series(["Year 10", "Year 9"]))
    ['Year 9', 'Year 10']
    """
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
    """Groups hidden in each wave, from the number of responses per group.

    Examples
    --------
    >>> info = pd.DataFrame({"school": ["A"] * 6 + ["B"] * 5 + ["C"] * 2})
    >>> group_mask(info, "school", None, 5).to_dict()
    {'A': False, 'B': True, 'C': True}
    """
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


def ordered_rows(out: pd.DataFrame, wave: str | None, ids: Sequence[str]) -> pd.DataFrame:
    """Rows in reading order: by wave, the whole network first, groups in natural order, ids."""
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


def results_table(
    data: ResponseMatrix,
    checklist: Checklist,
    by: str | None,
    wave: str | None,
    level: str,
    min_group: int,
) -> pd.DataFrame:
    """The table of :func:`group_results`, from a :class:`ResponseMatrix` already built."""
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
    at = out.columns.get_loc("id") + 1
    if level == "section":
        out.insert(at, "title", out["id"].map({s.id: s.title for s in checklist.sections}))
    else:
        out.insert(at, "title", out["id"].map({i.id: i.text for i in checklist.items}))
        out.insert(at, "section", out["id"].map({i.id: i.section for i in checklist.items}))
    # decided from the counts above; now no hidden row keeps a number
    out = blank_suppressed(out, counts=["n"], measures=["mean", "sd"])
    return ordered_rows(out, wave, ids)


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
    others, the smallest shown cell is hidden too. A hidden row shows no number
    at all: its ``n``, ``mean`` and ``sd`` are empty. Section means are the mean
    of each response's section mean.

    Examples
    --------
    >>> from plnlib.checklists.answers import prepare_answers
    >>> from plnlib.io.content import load_checklist
    >>> c = load_checklist("pln-design")
    >>> raw = pd.DataFrame({"respondent": [f"r{i}" for i in range(13)], "item": "DES-01",
    ...     "value": [4] * 6 + [2] * 5 + [1, 1], "school": ["A"] * 6 + ["B"] * 5 + ["C"] * 2})
    >>> r = group_results(prepare_answers(raw, c), c, "school")
    >>> r[r.id == "shared-vision"][["group", "n", "mean", "suppressed"]]
                group     n      mean  suppressed
    0   Whole network    13  2.769231       False
    6               A     6  4.000000       False
    12              B  <NA>       NaN        True
    18              C  <NA>       NaN        True
    """
    check_min_group(min_group)
    if level not in ("section", "item"):
        raise DataError(
            f"expected level 'section' or 'item', found {level!r}",
            fix="Use level='section' for section means or level='item' for each statement.",
        )
    data = response_matrix(prepared, checklist, wave)
    return results_table(data, checklist, by, wave, level, min_group)


def changes(results: pd.DataFrame, *, wave: str, before: object, after: object) -> pd.DataFrame:
    """Change of every group and section (or item) between two waves, n on both sides.

    ``results`` is a :func:`group_results` table. A row is ``suppressed`` when
    either side is; then it shows no number (no n, no means, no change).

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
        merged[f"suppressed_{side}"] = merged[f"suppressed_{side}"].fillna(True).astype(bool)
    merged["change"] = merged["mean_after"] - merged["mean_before"]
    merged["suppressed"] = merged["suppressed_before"] | merged["suppressed_after"]
    merged = merged.drop(columns=["suppressed_before", "suppressed_after"])
    merged = blank_suppressed(
        merged,
        counts=["n_before", "n_after"],
        measures=["mean_before", "mean_after", "change"],
    )
    order = {g: k for k, g in enumerate(pd.unique(results["group"]))}
    ids = {i: k for k, i in enumerate(pd.unique(results["id"]))}
    merged = merged.assign(_g=merged["group"].map(order), _i=merged["id"].map(ids))
    merged = merged.sort_values(["_g", "_i"], kind="stable").drop(columns=["_g", "_i"])
    return merged.reset_index(drop=True)


def extremes(
    section_means: pd.DataFrame,
    item_means: pd.DataFrame,
    checklist: Checklist,
    *,
    weakest: bool,
    sections: int = 2,
    items: int = 3,
) -> pd.DataFrame:
    """The weakest (or strongest) sections and items; hidden (empty) means are never listed.

    ``section_means`` has the columns ``section`` and ``mean``; ``item_means`` has
    ``item`` and ``mean``. The weakest items are taken from the weakest sections
    (if any of their items has a mean) and carry the items' suggested actions;
    the strongest are the strongest overall, with no actions.

    Returns the columns ``level``, ``id``, ``title``, ``mean``, ``chapter``, ``actions``.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> c = load_checklist("pln-design")
    >>> sec = pd.DataFrame({"section": [s.id for s in c.sections], "mean": 3.0})
    >>> sec.loc[1, "mean"] = 1.5
    >>> its = pd.DataFrame({"item": list(c.item_ids), "mean": 3.0})
    >>> its.loc[its["item"] == c.sections[1].items[0].id, "mean"] = 1.0
    >>> extremes(sec, its, c, weakest=True, sections=1, items=1)[["level", "mean"]]
         level  mean
    0  section   1.5
    1     item   1.0
    """
    pick = "nsmallest" if weakest else "nlargest"
    shown_sections = section_means.dropna(subset=["mean"])
    sec = getattr(shown_sections, pick)(sections, "mean")
    rows = []
    for rec in sec.itertuples():
        s = checklist.section(rec.section)
        rows.append(("section", s.id, s.title, rec.mean, s.chapter, ()))
    pool = item_means.dropna(subset=["mean"])[["item", "mean"]]
    if weakest:
        chosen = set(sec["section"])
        focus = pool[pool["item"].map(lambda i: checklist.item(i).section in chosen)]
        pool = focus if len(focus) else pool
    for rec in getattr(pool, pick)(items, "mean", keep="first").itertuples():
        it = checklist.item(rec.item)
        rows.append(("item", it.id, it.text, rec.mean, it.chapter, it.actions if weakest else ()))
    return pd.DataFrame(rows, columns=["level", "id", "title", "mean", "chapter", "actions"])
