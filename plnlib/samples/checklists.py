"""Seeded generators of synthetic answers for examples, notebooks and benchmarks.

Every frame made here is synthetic: it describes no real school or person.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from plnlib.checklists import Checklist

__all__ = ["SYNTHETIC_NOTE", "team_answers"]

SYNTHETIC_NOTE = "Synthetic data made by plnlib for illustration: no real school or person."


def team_answers(
    checklist: Checklist,
    *,
    respondents: int = 24,
    schools: tuple[str, ...] = ("School A", "School B", "School C"),
    roles: tuple[str, ...] = ("Teacher", "Middle leader", "Senior leader"),
    missing_rate: float = 0.05,
    seed: int = 2026,
) -> pd.DataFrame:
    """Tidy synthetic answers of a team (``respondent, item, value, school, role``).

    Each respondent has a personal leaning and each section a difficulty, so
    sections differ and people disagree in plausible ways. A share of answers
    is "Don't know" or left blank.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> c = load_checklist("pln-design")
    >>> df = team_answers(c, respondents=6, seed=1)
    >>> len(df) == 6 * len(c.items), sorted(df.columns)
    (True, ['item', 'respondent', 'role', 'school', 'value'])
    """
    rng = np.random.default_rng(seed)
    scale = checklist.scale
    low, high = scale.low, scale.high
    centre = (low + high) / 2
    section_shift = {s.id: rng.normal(0, 0.6) for s in checklist.sections}
    rows = []
    for r in range(respondents):
        person = rng.normal(0, 0.5)
        school = schools[r % len(schools)]
        role = roles[int(rng.integers(len(roles)))] if r % 5 else roles[0]
        for item in checklist.items:
            roll = rng.random()
            if roll < missing_rate / 2:
                value: object = None
            elif roll < missing_rate:
                value = "Don't know"
            else:
                raw = centre + section_shift[item.section] + person + rng.normal(0, 0.7)
                value = int(np.clip(round(raw), low, high))
            rows.append(
                {
                    "respondent": f"S{r + 1:03d}",
                    "item": item.id,
                    "value": value,
                    "school": school,
                    "role": role,
                }
            )
    return pd.DataFrame(rows)
