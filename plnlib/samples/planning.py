"""Synthetic data for the planning tools: free times as a form export, mobilisation records.

Every frame made here is synthetic: it describes no real school or person.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["SAMPLE_SLOTS", "free_times_grid"]

#: The slots of the synthetic form's grid, in order.
SAMPLE_SLOTS: tuple[str, ...] = ("Before school", "Lunch", "After school", "Twilight")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def free_times_grid(
    *,
    members: int = 18,
    schools: tuple[str, ...] = ("School A", "School B", "School C", "School D"),
    seed: int = 2026,
    style: str = "google",
) -> pd.DataFrame:
    """A synthetic form export of members' free times, one column per day.

    ``style="google"`` gives a Google Forms checkbox grid (``Question [Monday]``,
    slots joined by ``, ``); ``"microsoft"`` a Microsoft Forms export (columns
    named after the day, choices joined by ``;``, a trailing ``;``).
    Each school has its own habits (one prefers after school, one lunch).

    Examples
    --------
    >>> grid = free_times_grid(members=4, seed=1)
    >>> list(grid.columns[:3])
    ['Timestamp', 'Name', 'School']
    >>> len(grid)
    4
    """
    rng = np.random.default_rng(seed)
    base = np.array([0.25, 0.35, 0.55, 0.2])
    rows = []
    for i in range(members):
        school = schools[i % len(schools)]
        lean = base.copy()
        lean[(i % len(schools)) % len(SAMPLE_SLOTS)] += 0.25
        row: dict[str, object] = {
            "Timestamp": f"2026/09/{7 + i // 6:02d} {8 + i % 9}:{(7 * i) % 60:02d}:00",
            "Name": f"Member {i + 1:02d} (synthetic)",
            "School": school,
        }
        for d_i, day in enumerate(_DAYS):
            busy_day = 0.15 if d_i == 4 else 0.0  # Fridays are harder
            chosen = [
                s for s, p in zip(SAMPLE_SLOTS, lean, strict=True) if rng.random() < p - busy_day
            ]
            if style == "google":
                row[f"When are you free for network meetings? [{day}]"] = ", ".join(chosen) or None
            else:
                row[day] = "".join(f"{s};" for s in chosen) or None
        rows.append(row)
    return pd.DataFrame(rows)
