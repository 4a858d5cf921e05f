"""An action plan from a checklist result: the weakest items and their suggested actions. Pure.

The plan is the starting point of improvement cycles: the team chooses a few
actions, fills in who, by when and how they will know, and tests them as change
ideas (:mod:`plnlib.planning.cycles`).
"""

from __future__ import annotations

import pandas as pd

from plnlib.checklists import Checklist
from plnlib.checklists.scoring import PersonScore, TeamSummary, priorities

__all__ = ["action_plan"]


def action_plan(
    result: TeamSummary | PersonScore, checklist: Checklist, *, sections: int = 2, items: int = 5
) -> pd.DataFrame:
    """An action plan from a checklist result: the weakest sections' weakest items and actions.

    One row per suggested action, with empty ``who``, ``by_when`` and
    ``how_we_will_know`` for the team to fill in. Suppressed results are
    never used.
    """
    pri = priorities(result, checklist, sections=sections, items=items)
    titles = {s.id: s.title for s in checklist.sections}
    rows = []
    for r in pri[pri["level"] == "item"].itertuples():
        section = titles[checklist.item(r.id).section]
        for action in r.actions or ("(agree an action)",):
            rows.append(
                {
                    "section": section,
                    "item": r.id,
                    "statement": r.title,
                    "mean": round(float(r.mean), 2),
                    "action": action,
                    "chapter": r.chapter,
                    "who": "",
                    "by_when": "",
                    "how_we_will_know": "",
                }
            )
    return pd.DataFrame(
        rows,
        columns=[
            "section",
            "item",
            "statement",
            "mean",
            "action",
            "chapter",
            "who",
            "by_when",
            "how_we_will_know",
        ],
    )
