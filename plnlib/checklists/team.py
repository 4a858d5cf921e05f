"""A team's checklist results per item and section, with suppression. Pure.

Items: ``n``, ``mean``, ``sd``, ``min``, ``max``, ``spread``, "don't know" and
"not applicable" counts, and ``disagree``; sections: ``n``, ``mean``, ``sd``,
``band``, Cronbach's ``alpha`` and a plain ``note`` when a section shows no number
(hidden, or no score because every answer was "Don't know" or "Not applicable");
the answer ``distribution`` per item. A team below ``min_group`` people, or an item
or section below ``min_group`` answers, is suppressed: every number of that row is
empty (see :mod:`plnlib.privacy`). :func:`team_messages` says the same in sentences.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from plnlib.checklists.model import Checklist
from plnlib.checklists.person import missing_words
from plnlib.checklists.responses import response_matrix
from plnlib.privacy import (
    DEFAULT_MIN_GROUP,
    all_hidden_message,
    blank_suppressed,
    check_min_group,
    lowered_minimum_note,
)

__all__ = [
    "ALPHA_MEANINGFUL",
    "ALPHA_MIN_COMPLETE",
    "ALPHA_NOTES",
    "DISAGREE_SD_OF_RANGE",
    "DISAGREE_SHARE",
    "SCORE_BY_COLUMNS",
    "SCORE_COLUMNS",
    "SCORE_DIGITS",
    "SCORE_MEASURES",
    "SECTION_NOTES",
    "TeamSummary",
    "cronbach_alpha",
    "team_messages",
    "team_summary",
]

#: An item's answers disagree when at least this share of them is below the
#: middle of the scale and at least this share above it...
DISAGREE_SHARE = 0.2
#: ...and their standard deviation is at least this fraction of the scale's range.
DISAGREE_SD_OF_RANGE = 0.25
#: The least Cronbach's alpha worth quoting as a sign that a section's statements
#: hang together; below it (or negative) a plain note is shown instead of the number.
ALPHA_MEANINGFUL = 0.5
#: Cronbach's alpha needs at least this many complete answers (and ``min_group``).
ALPHA_MIN_COMPLETE = 3
#: The note beside a section's alpha; ``{n}`` is the number of complete answers.
ALPHA_NOTES = {
    "one_item": "one item only: no alpha",
    "too_few": "not enough answers",
    "no_variation": "no variation",
    "complete": "{n} complete answers",
    "no_scores": "no scores",
    "low": "; below {threshold}: the statements do not hang together, so read them one by one",
}
#: The note on a section that shows no score (``{min_group}``, ``{missing}`` filled in).
SECTION_NOTES = {
    "hidden": "hidden: fewer than {min_group} people answered",
    "no_score": "no score: every answer was {missing}",
    "not_answered": "not answered",
    "too_few": "hidden: fewer than {min_group} people gave a score",
}
#: The columns of ``plnlib score ID FILE`` (one row per section).
SCORE_COLUMNS = ("section", "title", "n", "mean", "sd", "alpha")
#: The columns of ``plnlib score ID FILE --by COLUMN``, after the group column.
SCORE_BY_COLUMNS = ("section", "title", "n", "mean", "sd")
#: The columns of the score CSV that are measures, rounded to :data:`SCORE_DIGITS`.
SCORE_MEASURES = ("mean", "sd", "alpha")
#: The decimals ``plnlib score`` rounds its measures to.
SCORE_DIGITS = 3


def cronbach_alpha(matrix: pd.DataFrame) -> float:
    """Cronbach's alpha of a respondents x items matrix with no gaps.

    Examples
    --------
    >>> m = pd.DataFrame({"a": [1, 2, 3, 4], "b": [1, 2, 3, 4], "c": [2, 2, 3, 3]})
    >>> round(cronbach_alpha(m), 3)
    0.931
    """
    k = matrix.shape[1]
    if k < 2 or matrix.shape[0] < 2:
        return float("nan")
    item_var = matrix.var(axis=0, ddof=1).sum()
    total_var = matrix.sum(axis=1).var(ddof=1)
    if total_var == 0:
        return float("nan")
    return float(k / (k - 1) * (1 - item_var / total_var))


@dataclass(frozen=True)
class TeamSummary:
    """A team's results: per item and per section, with suppression applied.

    ``respondents`` is ``None`` when the whole team is suppressed (its size is
    hidden too); every number of a suppressed row of ``items``, ``sections`` and
    ``distribution`` is empty.
    """

    checklist_id: str
    respondents: int | None
    min_group: int
    suppressed: bool
    items: pd.DataFrame
    sections: pd.DataFrame
    distribution: pd.DataFrame


def _disagree(scores: np.ndarray, low: int, high: int) -> bool:
    """Answers spread to both ends: :data:`DISAGREE_SHARE` below the middle and above it,
    and a standard deviation of at least :data:`DISAGREE_SD_OF_RANGE` of the range."""
    if len(scores) < 2:
        return False
    mid = (low + high) / 2
    share_low = float((scores < mid).mean())
    share_high = float((scores > mid).mean())
    return (
        share_low >= DISAGREE_SHARE
        and share_high >= DISAGREE_SHARE
        and float(np.std(scores, ddof=1)) >= DISAGREE_SD_OF_RANGE * (high - low)
    )


def _item_table(matrix, checklist, suppressed, min_group, dk, na) -> pd.DataFrame:
    scale = checklist.scale
    rows = []
    for j, item in enumerate(checklist.items):
        col = matrix[:, j]
        col = col[~np.isnan(col)]
        n = len(col)
        hide = suppressed or n < min_group
        shown = not hide and n > 0
        rows.append(
            {
                "item": item.id,
                "section": item.section,
                "text": item.text,
                "n": n,
                "mean": float(col.mean()) if shown else np.nan,
                "sd": float(np.std(col, ddof=1)) if shown and n > 1 else np.nan,
                "min": float(col.min()) if shown else np.nan,
                "max": float(col.max()) if shown else np.nan,
                "spread": float(col.max() - col.min()) if shown else np.nan,
                "dont_know": int(dk[j]),
                "not_applicable": int(na[j]),
                "disagree": False if hide else _disagree(col, scale.low, scale.high),
                "suppressed": hide,
            }
        )
    return pd.DataFrame(rows)


def _section_table(matrix, means, items, checklist, suppressed, min_group) -> pd.DataFrame:
    scale = checklist.scale
    rows = []
    start = 0
    for j, section in enumerate(checklist.sections):
        block = matrix[:, start : start + len(section.items)]
        start += len(section.items)
        per_person = means[:, j][~np.isnan(means[:, j])]
        n = len(per_person)
        hide = suppressed or n < min_group
        complete = block[(~np.isnan(block)).all(axis=1)]
        in_section = items["section"] == section.id
        missing = int(items.loc[in_section, ["dont_know", "not_applicable"]].to_numpy().sum())
        if suppressed:
            shown = SECTION_NOTES["hidden"].format(min_group=min_group)
        elif n == 0 and missing:
            shown = SECTION_NOTES["no_score"].format(missing=missing_words(checklist))
        elif n == 0:
            shown = SECTION_NOTES["not_answered"]
        elif n < min_group:
            shown = SECTION_NOTES["too_few"].format(min_group=min_group)
        else:
            shown = ""
        if len(section.items) < 2:
            alpha, note = np.nan, ALPHA_NOTES["one_item"]
        elif shown.startswith("no score"):
            alpha, note = np.nan, ALPHA_NOTES["no_scores"]
        elif hide or len(complete) < max(min_group, ALPHA_MIN_COMPLETE):
            alpha, note = np.nan, ALPHA_NOTES["too_few"]
        else:
            alpha = cronbach_alpha(pd.DataFrame(complete))
            note = (
                ALPHA_NOTES["complete"].format(n=len(complete))
                if not np.isnan(alpha)
                else ALPHA_NOTES["no_variation"]
            )
            if alpha < ALPHA_MEANINGFUL:  # a low or negative alpha says the items diverge
                note += ALPHA_NOTES["low"].format(threshold=ALPHA_MEANINGFUL)
        mean = np.nan if hide or n == 0 else float(per_person.mean())
        rows.append(
            {
                "section": section.id,
                "title": section.title,
                "n": n,
                "mean": mean,
                "sd": np.nan if hide or n < 2 else float(np.std(per_person, ddof=1)),
                "band": None if hide else scale.band(mean),
                "alpha": alpha,
                "alpha_note": note,
                "disagreeing_items": int(
                    items.loc[items["section"] == section.id, "disagree"].sum()
                ),
                "suppressed": hide,
                "note": shown,
            }
        )
    return pd.DataFrame(rows)


def team_messages(summary: TeamSummary, checklist: Checklist) -> list[str]:
    """Plain sentences about what a team's result hides and why (empty when nothing to say).

    Everything hidden (with what to do), sections with no score because every answer
    was "Don't know" or "Not applicable", and a warning when the minimum was lowered.

    Examples
    --------
    >>> from plnlib.checklists.answers import prepare_answers
    >>> from plnlib.io.content import load_checklist
    >>> c = load_checklist("pln-design")
    >>> raw = pd.DataFrame({"respondent": list("abcde"), "item": "DES-01", "value": "Don't know"})
    >>> print(team_messages(team_summary(prepare_answers(raw, c), c), c)[0])
    Every answer was "Don't know" or "Not applicable": there is no score to show. That is a result too: talk together about what the team would need to see or hear to answer these statements.
    """
    out = []
    if summary.suppressed:
        out.append(all_hidden_message(summary.min_group))
    else:
        notes = summary.sections["note"]
        empty = summary.sections.loc[notes.str.startswith("no score"), "title"].tolist()
        if empty and len(empty) == int((notes != "not answered").sum()):
            out.append(
                f"Every answer was {missing_words(checklist)}: there is no score to show. That "
                "is a result too: talk together about what the team would need to see or hear "
                "to answer these statements."
            )
        elif empty:
            out.append(
                f"No score for {', '.join(empty)}: every answer there was "
                f"{missing_words(checklist)}."
            )
    lowered = lowered_minimum_note(summary.min_group)
    if lowered:
        out.append(lowered)
    return out


def team_summary(
    prepared: pd.DataFrame, checklist: Checklist, *, min_group: int = DEFAULT_MIN_GROUP
) -> TeamSummary:
    """Summarise a team's answers per item and section.

    Items: ``n``, ``mean``, ``sd``, ``min``, ``max``, ``spread`` (max - min),
    "don't know" and "not applicable" counts, and ``disagree`` (answers at both
    ends of the scale). Sections: ``n`` respondents with a section mean,
    ``mean`` and ``sd`` of those means, Cronbach's ``alpha`` where at least
    ``min_group`` people answered every item of the section (else a plain note).
    Fewer than ``min_group`` respondents in all, or on an item, suppresses it,
    and a suppressed row shows no number at all (not even its ``n``).

    Examples
    --------
    >>> from plnlib.checklists.answers import prepare_answers
    >>> from plnlib.io.content import load_checklist
    >>> c = load_checklist("pln-design")
    >>> raw = pd.DataFrame({"respondent": list("abcde"), "item": "DES-01",
    ...                     "value": [1, 2, 2, 3, 4]})
    >>> t = team_summary(prepare_answers(raw, c), c)
    >>> row = t.items.set_index("item").loc["DES-01"]
    >>> int(row["n"]), float(row["mean"]), float(row["spread"])
    (5, 2.4, 3.0)
    >>> t3 = team_summary(prepare_answers(raw.head(3), c), c)
    >>> t3.respondents, t3.items.loc[0, ["n", "mean"]].isna().all()
    (None, np.True_)
    """
    check_min_group(min_group)
    n_resp = int(prepared["respondent"].nunique())
    suppressed = n_resp < min_group
    # a response is a respondent with its group columns (a person in two waves: two responses)
    data = response_matrix(prepared, checklist, None)
    matrix = data.scores
    cols = data.item_codes
    n_items = len(checklist.items)
    is_dk = (prepared["missing"] == "dont_know").to_numpy(dtype=bool, na_value=False)
    is_na = (prepared["missing"] == "not_applicable").to_numpy(dtype=bool, na_value=False)
    dk = np.bincount(cols, weights=is_dk, minlength=n_items)
    na = np.bincount(cols, weights=is_na, minlength=n_items)
    items = _item_table(matrix, checklist, suppressed, min_group, dk, na)
    sections = _section_table(matrix, data.section_means, items, checklist, suppressed, min_group)
    scale = checklist.scale
    n_scored = items["n"].to_numpy()
    dist = pd.DataFrame(
        {
            "item": np.repeat(items["item"].to_numpy(), len(scale.points)),
            "section": np.repeat(items["section"].to_numpy(), len(scale.points)),
            "value": np.tile([p.value for p in scale.points], n_items),
            "label": np.tile([p.label for p in scale.points], n_items),
            "count": np.stack([np.sum(matrix == p.value, axis=0) for p in scale.points], axis=1)
            .reshape(-1)
            .astype("int64"),
            "suppressed": np.repeat(items["suppressed"].to_numpy(), len(scale.points)),
        }
    )
    n_rep = np.repeat(n_scored, len(scale.points))
    dist["share"] = np.where(n_rep > 0, dist["count"] / np.where(n_rep > 0, n_rep, 1), np.nan)
    distribution = blank_suppressed(
        dist[["item", "section", "value", "label", "count", "share", "suppressed"]],
        counts=["count"],
        measures=["share"],
    )
    items = blank_suppressed(
        items,
        counts=["n", "dont_know", "not_applicable"],
        measures=["mean", "sd", "min", "max", "spread"],
    )
    sections = blank_suppressed(
        sections, counts=["n", "disagreeing_items"], measures=["mean", "sd", "alpha"]
    )
    return TeamSummary(
        checklist.id,
        None if suppressed else n_resp,
        min_group,
        suppressed,
        items,
        sections,
        distribution,
    )
