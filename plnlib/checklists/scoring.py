"""Scoring checklists: the names of plnlib 0.1, kept here for one release. Pure.

The work is now done in topic modules, and every name below still imports from here:

- :mod:`plnlib.checklists.answers`: :func:`prepare_answers` (check and score answers);
- :mod:`plnlib.checklists.person`: :func:`person_score` and :class:`PersonScore`;
- :mod:`plnlib.checklists.team`: :func:`team_summary`, :class:`TeamSummary`,
  :func:`cronbach_alpha`;
- :mod:`plnlib.checklists.results`: the survey engine for groups, waves, change and
  the strongest or weakest results, which :func:`breakdown`, :func:`compare_waves`
  and :func:`priorities` below wrap.

:func:`breakdown`, :func:`compare_waves` and :func:`priorities` stay for one release
(until plnlib 0.3) as thin wrappers over :func:`plnlib.checklists.results.group_results`,
:func:`~plnlib.checklists.results.changes` and :func:`~plnlib.checklists.results.extremes`.
Every number of a suppressed row is empty in what they return.
"""

from __future__ import annotations

import pandas as pd

from plnlib.checklists.answers import group_columns, group_values, prepare_answers
from plnlib.checklists.model import Checklist
from plnlib.checklists.person import PersonScore, person_score
from plnlib.checklists.responses import normalise_waves, response_matrix
from plnlib.checklists.results import changes, extremes, results_table
from plnlib.checklists.team import TeamSummary, cronbach_alpha, team_summary
from plnlib.helpers import natural_key
from plnlib.privacy import DEFAULT_MIN_GROUP, check_min_group

__all__ = [
    "PersonScore",
    "TeamSummary",
    "breakdown",
    "compare_waves",
    "cronbach_alpha",
    "person_score",
    "prepare_answers",
    "priorities",
    "team_summary",
]


def breakdown(
    prepared: pd.DataFrame,
    checklist: Checklist,
    by: str,
    *,
    min_group: int = DEFAULT_MIN_GROUP,
    where: str = "answers",
) -> pd.DataFrame:
    """Section means for each group of a column (school, role, wave...).

    One row per group and section with ``n`` (responses), ``mean``, ``sd``
    and ``suppressed``: the group rows of
    :func:`plnlib.checklists.results.group_results`, with its suppression (small
    groups and cells hidden, plus complementary suppression). A suppressed row
    has no ``n``, ``mean`` or ``sd``. Kept for one release: use ``group_results``.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> c = load_checklist("pln-design")
    >>> raw = pd.DataFrame({"respondent": [f"r{i}" for i in range(13)], "item": "DES-01",
    ...     "value": [4] * 6 + [2] * 5 + [1, 1], "school": ["A"] * 6 + ["B"] * 5 + ["C"] * 2})
    >>> b = breakdown(prepare_answers(raw, c), c, "school")
    >>> b[b.section == "shared-vision"][["school", "n", "mean", "suppressed"]]
      school     n  mean  suppressed
    0      A     6   4.0       False
    1      B  <NA>   NaN        True
    2      C  <NA>   NaN        True
    """
    check_min_group(min_group)
    group_values(prepared, by, "group", where)
    # a response is a respondent with its group columns, as in team_summary
    data = response_matrix(prepared, checklist, None)
    res = results_table(data, checklist, by, None, "section", min_group)
    rows = res[~res["network"]]
    out = pd.DataFrame(
        {
            by: rows["group"].to_numpy(),
            "section": rows["id"].to_numpy(),
            "title": rows["title"].to_numpy(),
            "n": rows["n"].to_numpy(),
            "mean": rows["mean"].to_numpy(),
            "sd": rows["sd"].to_numpy(),
            "suppressed": rows["suppressed"].to_numpy(),
        }
    ).astype({"n": "Int64"})
    position = {s.id: k for k, s in enumerate(checklist.sections)}
    groups = sorted(pd.unique(out[by]), key=natural_key)
    order = out.assign(_s=out["section"].map(position), _g=out[by].map(groups.index))
    return out.loc[order.sort_values(["_s", "_g"], kind="stable").index].reset_index(drop=True)


def compare_waves(
    prepared: pd.DataFrame,
    checklist: Checklist,
    *,
    wave: str = "wave",
    before: object,
    after: object,
    min_group: int = DEFAULT_MIN_GROUP,
    where: str = "answers",
) -> pd.DataFrame:
    """Change per section and item between two waves, with n on both sides.

    Returns one row per section (``level == "section"``) and per item
    (``level == "item"``) with ``n_before``, ``mean_before``, ``n_after``,
    ``mean_after``, ``change`` and ``suppressed``: a side with fewer than
    ``min_group`` answers suppresses the row, which then shows no number. The
    whole-team rows of :func:`plnlib.checklists.results.changes`; kept for one release.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> c = load_checklist("pln-design")
    >>> raw = pd.DataFrame({"respondent": [f"p{i}" for i in range(5)] * 2, "item": "DES-01",
    ...                     "value": [2] * 5 + [3] * 5, "wave": [2025] * 5 + [2026] * 5})
    >>> ch = compare_waves(prepare_answers(raw, c), c, before=2025, after=2026)
    >>> ch[ch.id == "DES-01"][["n_before", "n_after", "change"]].to_dict("records")
    [{'n_before': 5, 'n_after': 5, 'change': 1.0}]
    """
    check_min_group(min_group)
    group_values(prepared, wave, "wave", where)
    # the waves are compared as the engine reads them (2024 and "2024" are the same wave)
    before, after = normalise_waves(pd.Series([before, after]), wave, where, pd.DataFrame())
    data = response_matrix(prepared, checklist, wave, group_columns(prepared, wave))
    frames = []
    for level in ("section", "item"):
        res = results_table(data, checklist, None, wave, level, min_group)
        ch = changes(res, wave=wave, before=before, after=after)
        frames.append(ch.drop(columns=["network", "group", "title"]).assign(level=level))
    out = pd.concat(frames, ignore_index=True)
    columns = ["level", "id", "n_before", "mean_before", "n_after", "mean_after", "change"]
    return out[[*columns, "suppressed"]]


def priorities(
    summary: TeamSummary | PersonScore,
    checklist: Checklist,
    *,
    sections: int = 2,
    items: int = 5,
) -> pd.DataFrame:
    """The weakest sections and items, with suggested actions and chapters.

    Works on a :class:`TeamSummary` or a :class:`PersonScore`. Suppressed
    results are never listed. The weakest rows of
    :func:`plnlib.checklists.results.extremes`; kept for one release.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> c = load_checklist("pln-design")
    >>> raw = pd.DataFrame({"respondent": "me", "item": ["DES-01", "DES-02"], "value": [1, 3]})
    >>> priorities(person_score(prepare_answers(raw, c), c), c, sections=1, items=1)["id"].tolist()
    ['shared-vision', 'DES-01']
    """
    if isinstance(summary, TeamSummary):
        item_means = summary.items[["item", "mean"]]
    else:
        item_means = summary.items[["item", "score"]].rename(columns={"score": "mean"})
    return extremes(
        summary.sections, item_means, checklist, weakest=True, sections=sections, items=items
    )
