"""Reference implementations: the loop versions the survey engine replaced.

Slow and plain on purpose, so that the vectorised engine in
:mod:`plnlib.checklists.results` can be checked against them. They return every
number, suppressed or not (the engine blanks a suppressed row's numbers), so a
test can compare the numbers of visible rows and work out what must be hidden.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from plnlib.privacy import suppression_mask


def breakdown_reference(prepared: pd.DataFrame, checklist, by: str, min_group: int = 5):
    """plnlib 0.1's ``breakdown``: per section, each group's respondents' section means.

    One row per group and section with ``n``, ``mean`` and ``sd`` (never blanked)
    and ``suppressed`` (primary and complementary suppression per section).
    """
    groups = prepared[by]
    rows = []
    for section in checklist.sections:
        sub = prepared[prepared["section"] == section.id]
        per_person = (
            sub.groupby([groups.loc[sub.index], sub["respondent"]])["score"].mean().dropna()
        )
        all_groups = pd.Index(sorted(groups.unique(), key=str))
        counts = per_person.groupby(level=0).size().reindex(all_groups, fill_value=0)
        mask = suppression_mask(counts, min_group)
        for g in all_groups:
            vals = (
                per_person.loc[g]
                if g in per_person.index.get_level_values(0)
                else pd.Series([], dtype=float)
            )
            rows.append(
                {
                    by: g,
                    "section": section.id,
                    "n": int(counts[g]),
                    "mean": float(vals.mean()) if len(vals) else np.nan,
                    "sd": float(vals.std(ddof=1)) if len(vals) > 1 else np.nan,
                    "suppressed": bool(mask[g]),
                }
            )
    return pd.DataFrame(rows)
