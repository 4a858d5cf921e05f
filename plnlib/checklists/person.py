"""One person's checklist result: section means, overall mean, completion, band. Pure.

A person's own result is never suppressed: it is theirs to see.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from plnlib.checklists.model import Checklist
from plnlib.errors import DataError

__all__ = ["PersonScore", "person_score"]


@dataclass(frozen=True)
class PersonScore:
    """One person's result: section means, overall mean, completion, band."""

    checklist_id: str
    sections: pd.DataFrame
    items: pd.DataFrame
    mean: float | None
    band: str | None
    completion: float
    answered: int
    dont_know: int
    not_applicable: int
    blank: int


def person_score(prepared: pd.DataFrame, checklist: Checklist) -> PersonScore:
    """Score one respondent's prepared answers.

    Items the person left out count as blank. The overall mean is the mean of
    every scored item (not of the section means).

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> c = load_checklist("pln-design")
    >>> raw = pd.DataFrame({"respondent": "me", "item": ["DES-01", "DES-02", "DES-03"],
    ...                     "value": [4, 2, "not applicable"]})
    >>> from plnlib.checklists.answers import prepare_answers
    >>> p = person_score(prepare_answers(raw, c), c)
    >>> p.mean, p.answered, p.not_applicable, p.band
    (3.0, 2, 1, 'Established')
    """
    people = prepared["respondent"].unique()
    if len(people) > 1:
        raise DataError(
            f"expected the answers of one person, found {len(people)} respondents",
            fix="Use team_summary for a team, or filter the answers to one respondent.",
        )
    rows = []
    by_item = prepared.set_index("item")
    for section in checklist.sections:
        ids = [i.id for i in section.items]
        got = by_item.loc[by_item.index.intersection(ids)]
        scored = got["score"].dropna()
        rows.append(
            {
                "section": section.id,
                "title": section.title,
                "items": len(ids),
                "answered": len(scored),
                "dont_know": int((got["missing"] == "dont_know").sum()),
                "not_applicable": int((got["missing"] == "not_applicable").sum()),
                "blank": len(ids)
                - int(got["score"].notna().sum())
                - int(got["missing"].notna().sum()),
                "mean": float(scored.mean()) if len(scored) else np.nan,
            }
        )
    sections = pd.DataFrame(rows)
    sections["band"] = [checklist.scale.band(m) for m in sections["mean"]]
    scored_all = prepared["score"].dropna()
    mean = float(scored_all.mean()) if len(scored_all) else None
    n_items = len(checklist.items)
    answered = int(sections["answered"].sum())
    dk = int(sections["dont_know"].sum())
    na = int(sections["not_applicable"].sum())
    items = (
        pd.DataFrame({"item": list(checklist.item_ids)})
        .merge(prepared[["item", "score", "missing"]], on="item", how="left")
        .assign(section=[i.section for i in checklist.items])
    )
    return PersonScore(
        checklist_id=checklist.id,
        sections=sections,
        items=items[["item", "section", "score", "missing"]],
        mean=mean,
        band=checklist.scale.band(mean),
        completion=(answered + dk + na) / n_items,
        answered=answered,
        dont_know=dk,
        not_applicable=na,
        blank=n_items - answered - dk - na,
    )
