"""Results per group and wave, change between waves, and answer counts per group. Pure.

:func:`group_results` and :func:`changes` are the survey engine of
:mod:`plnlib.checklists.results`, named here for monitoring. This module adds
:func:`distribution_table`: how many people gave each answer, per group.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from plnlib.checklists.model import Checklist
from plnlib.checklists.responses import ResponseMatrix, response_info, response_matrix
from plnlib.checklists.results import (
    NETWORK,
    changes,
    group_mask,
    group_results,
    ordered_rows,
    results_table,
    waves_in_order,
)
from plnlib.helpers import rank
from plnlib.privacy import blank_suppressed

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


def distribution_table(
    data: ResponseMatrix,
    checklist: Checklist,
    by: str | None,
    items: pd.DataFrame,
    wave: str | None,
    only: object,
) -> pd.DataFrame:
    """Answer counts per group, item and scale point in one wave; suppressed with the items.

    ``items`` is the item-level :func:`group_results` table: a cell hidden there
    is hidden here too, and shows no count, share or n.

    Examples
    --------
    >>> from plnlib.checklists.answers import prepare_answers
    >>> from plnlib.io.content import load_checklist
    >>> c = load_checklist("pln-design")
    >>> raw = pd.DataFrame({"respondent": [f"r{i}" for i in range(7)], "item": "DES-01",
    ...                     "value": [4, 4, 3, 3, 3, 2, 1], "school": ["A"] * 5 + ["B"] * 2})
    >>> prepared = prepare_answers(raw, c)
    >>> data = response_matrix(prepared, c, None)
    >>> items = results_table(data, c, "school", None, "item", 5)
    >>> d = distribution_table(data, c, "school", items, None, None)
    >>> d = d[(d.id == "DES-01") & (d.value == 3)][["group", "count", "n", "suppressed"]]
    >>> d.reset_index(drop=True)
               group  count     n  suppressed
    0  Whole network      3     7       False
    1              A   <NA>  <NA>        True
    2              B   <NA>  <NA>        True
    """
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
    out = blank_suppressed(out, counts=["count", "n"], measures=["share"])
    out.insert(3, "section", out["id"].map({i.id: i.section for i in checklist.items}))
    ranks = rank(out["group"].astype(str)).to_numpy()
    order = np.lexsort([out["value"].to_numpy(), ranks, ~out["network"].to_numpy()])
    return out.iloc[order].reset_index(drop=True)
