"""One person's checklist result: section means, overall mean, completion, band. Pure.

A person's own result is never suppressed: it is theirs to see.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from plnlib.checklists.model import Checklist
from plnlib.errors import DataError

__all__ = ["PersonScore", "missing_words", "person_message", "person_score"]


def missing_words(checklist: Checklist) -> str:
    """The scale's answers that give no score, in words: '"Don't know" or "Not applicable"'.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> print(missing_words(load_checklist("pln-design")))
    "Don't know" or "Not applicable"
    """
    labels = [f'"{label}"' for _, label in checklist.scale.missing] or ['"Don\'t know"']
    return " or ".join(labels)


def _section_note(answered: int, missing: int, checklist: Checklist) -> str:
    if answered:
        return ""
    if missing:
        return f"no score: every answer was {missing_words(checklist)}"
    return "not answered"


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
    >>> p.sections["note"].tolist()[:2]
    ['', 'not answered']
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
    sections["note"] = [
        _section_note(a, d + n, checklist)
        for a, d, n in zip(
            sections["answered"], sections["dont_know"], sections["not_applicable"], strict=True
        )
    ]
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


def person_message(score: PersonScore, checklist: Checklist) -> str | None:
    """A plain sentence when answers give no score (only "Don't know" or "Not applicable").

    ``None`` when every answered section has a score.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> from plnlib.checklists.answers import prepare_answers
    >>> c = load_checklist("pln-design")
    >>> raw = pd.DataFrame({"respondent": "me", "item": ["DES-01", "DES-02"],
    ...                     "value": ["Don't know", "Not applicable"]})
    >>> print(person_message(person_score(prepare_answers(raw, c), c), c))
    Every answer you gave was "Don't know" or "Not applicable", so there is no score to show. That is worth knowing too: talk about what you would need to see or hear to answer these statements.
    """
    missing = score.dont_know + score.not_applicable
    if score.answered == 0 and missing:
        return (
            f"Every answer you gave was {missing_words(checklist)}, so there is no score to "
            "show. That is worth knowing too: talk about what you would need to see or hear to "
            "answer these statements."
        )
    empty = score.sections[score.sections["note"].str.startswith("no score")]
    if score.answered and len(empty):
        return (
            f"No score for {', '.join(empty['title'])}: every answer you gave there was "
            f"{missing_words(checklist)}."
        )
    return None
