"""Scoring checklists for one person, a team, groups and waves. Pure functions.

Everything starts from *prepared answers* (:func:`prepare_answers`): one row per
respondent and item with the columns ``respondent``, ``item``, ``section``,
``score`` (a number, or NaN) and ``missing`` ("dont_know", "not_applicable" or
empty), plus any group columns (school, role, wave...). "Don't know" and "not
applicable" are counted but left out of every mean.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from plnlib.checklists.model import MISSING_CODES, Checklist
from plnlib.errors import DataError
from plnlib.helpers import combined_key, row_label
from plnlib.privacy import DEFAULT_MIN_GROUP, check_min_group, suppression_mask

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

_BASE = ["respondent", "item", "section", "score", "missing"]


def prepare_answers(
    answers: pd.DataFrame,
    checklist: Checklist,
    *,
    where: str = "answers",
    response_key: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Check tidy answers against a checklist and score them.

    Parameters
    ----------
    answers
        Columns ``respondent``, ``item``, ``value`` and any group columns.
        Optional ``_row`` / ``_column`` columns name where each answer came
        from in the user's file (used in error messages).
    checklist
        The checklist the answers belong to.
    where
        The file name, for messages.
    response_key
        The columns that, with the respondent, make one response (for example
        ``["wave"]``): a respondent may answer an item once per response.
        By default every group column counts.

    Raises
    ------
    DataError
        For a missing column, an unknown item id, an answer not on the scale,
        or the same respondent answering an item twice.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> c = load_checklist("pln-design")
    >>> raw = pd.DataFrame({"respondent": ["a", "a"], "item": ["DES-01", "DES-02"],
    ...                     "value": ["3", "Don't know"]})
    >>> prepare_answers(raw, c)[["item", "score", "missing"]]
         item  score    missing
    0  DES-01    3.0        NaN
    1  DES-02    NaN  dont_know
    """
    needed = ["respondent", "item", "value"]
    absent = [c for c in needed if c not in answers.columns]
    if absent:
        raise DataError(
            f"expected the columns {needed}, found {list(answers.columns)} (missing {absent})",
            where=where,
            fix="Name the columns respondent, item and value, or give one column per item id.",
        )
    frame = answers.reset_index(drop=True)
    if frame.empty:
        raise DataError(
            "expected at least one answer, found none",
            where=where,
            fix="Check that the file holds the answers, not only the questions.",
        )
    respondents = frame["respondent"]
    if respondents.isna().any():
        row = row_label(frame, int(np.flatnonzero(respondents.isna().to_numpy())[0]))
        raise DataError(
            "expected a respondent id on every row, found an empty one",
            where=f"{where}, {row}",
            fix="Give every respondent an id (any code; do not use names).",
        )
    # work on the distinct ids only: a large file repeats a few dozen of them
    item_codes, item_uniques = pd.factorize(frame["item"], use_na_sentinel=True)
    clean_items = np.array([str(u).strip() for u in item_uniques] + [""], dtype=object)
    items_arr = clean_items[item_codes]
    known = set(checklist.item_ids)
    bad_unique = [u for u in clean_items[:-1] if u not in known]
    if bad_unique or (item_codes == -1).any():
        unknown_mask = ~np.isin(items_arr, list(known))
        first = int(np.flatnonzero(unknown_mask)[0])
        bad = sorted(set(bad_unique))
        raise DataError(
            f"expected item ids of the checklist '{checklist.id}' ({checklist.item_ids[0]} to "
            f"{checklist.item_ids[-1]}), found unknown {', '.join(bad) or 'empty ids'}",
            where=f"{where}, {row_label(frame, first)}",
            fix=f"Check the ids against 'plnlib form {checklist.id}', or choose the right checklist.",
        )
    scale = checklist.scale
    values = frame["value"]
    # parse each distinct answer once: forms give a handful of distinct values for thousands of rows
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    parsed_uniques: list[float | str | None] = []
    for pos_u, raw in enumerate(uniques):
        try:
            parsed_uniques.append(scale.parse(raw))
        except DataError:
            first = int(np.flatnonzero(codes == pos_u)[0])
            scale.parse(raw, where=f"{where}, {row_label(frame, first)}")  # raises with the row
            raise
    score_of = np.array(
        [np.nan if (p is None or isinstance(p, str)) else p for p in parsed_uniques] + [np.nan],
        dtype="float64",
    )
    # "don't know" / "not applicable" as a categorical: codes -1 (not missing), 0, 1
    missing_code_of = np.array(
        [MISSING_CODES.index(p) if isinstance(p, str) else -1 for p in parsed_uniques] + [-1],
        dtype=np.int8,
    )
    scores = score_of[codes]  # code -1 (blank) picks the trailing NaN
    missing = pd.Categorical.from_codes(missing_code_of[codes], categories=list(MISSING_CODES))
    resp_codes, resp_uniques = pd.factorize(respondents)
    section_of = {i.id: i.section for i in checklist.items}
    out = pd.DataFrame(
        {
            "respondent": np.array([str(u).strip() for u in resp_uniques], dtype=object)[
                resp_codes
            ],
            "item": items_arr,
            "section": np.array([section_of[u] for u in clean_items[:-1]] + [""], dtype=object)[
                item_codes
            ],
            "score": np.asarray(scores, dtype="float64"),
            "missing": missing,
        }
    )
    key_codes = [resp_codes, item_codes]
    for col in frame.columns:
        if col not in needed and not col.startswith("_"):
            out[col] = frame[col].to_numpy()
            if response_key is None or col in response_key:
                key_codes.append(pd.factorize(frame[col], use_na_sentinel=False)[0])
    # the same person may answer again in another wave (or any other group column)
    dupes = pd.Series(combined_key(key_codes)).duplicated(keep="first")
    if dupes.any():
        pos = int(np.flatnonzero(dupes.to_numpy())[0])
        raise DataError(
            f"expected one answer per respondent and item, found respondent "
            f"'{out.at[pos, 'respondent']}' answering {out.at[pos, 'item']} twice",
            where=f"{where}, {row_label(frame, pos)}",
            fix="Remove the duplicate row or response (a form submitted twice?).",
        )
    return out


# --------------------------------------------------------------------------- one person


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


# --------------------------------------------------------------------------- a team


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
    """A team's results: per item and per section, with suppression applied."""

    checklist_id: str
    respondents: int
    min_group: int
    suppressed: bool
    items: pd.DataFrame
    sections: pd.DataFrame
    distribution: pd.DataFrame


def _disagree(scores: np.ndarray, low: int, high: int) -> bool:
    """Answers spread to both ends: at least a fifth in the bottom half and in the top half."""
    if len(scores) < 2:
        return False
    mid = (low + high) / 2
    share_low = float((scores < mid).mean())
    share_high = float((scores > mid).mean())
    return (
        share_low >= 0.2
        and share_high >= 0.2
        and float(np.std(scores, ddof=1)) >= 0.25 * (high - low)
    )


def _answer_matrix(prepared: pd.DataFrame, checklist: Checklist) -> tuple[np.ndarray, np.ndarray]:
    """Scores as a dense (responses x items) matrix, NaN where not scored, and item codes per row.

    A response is a respondent together with any group columns (so a person answering in
    two waves gives two responses).
    """
    keys = [c for c in prepared.columns if c not in ("item", "section", "score", "missing")]
    if keys == ["respondent"]:
        rows, _ = pd.factorize(prepared["respondent"])
    else:
        rows = prepared.groupby(keys, sort=False, dropna=False).ngroup().to_numpy()
    cols = pd.Categorical(prepared["item"], categories=list(checklist.item_ids)).codes
    matrix = np.full((int(rows.max()) + 1 if len(rows) else 0, len(checklist.items)), np.nan)
    scores = prepared["score"].to_numpy(dtype="float64")
    scored = ~np.isnan(scores)
    matrix[rows[scored], cols[scored]] = scores[scored]
    return matrix, cols


def team_summary(
    prepared: pd.DataFrame, checklist: Checklist, *, min_group: int = DEFAULT_MIN_GROUP
) -> TeamSummary:
    """Summarise a team's answers per item and section.

    Items: ``n``, ``mean``, ``sd``, ``min``, ``max``, ``spread`` (max - min),
    "don't know" and "not applicable" counts, and ``disagree`` (answers at both
    ends of the scale). Sections: ``n`` respondents with a section mean,
    ``mean`` and ``sd`` of those means, Cronbach's ``alpha`` where at least
    ``min_group`` people answered every item of the section (else a plain note).
    Fewer than ``min_group`` respondents in all, or on an item, suppresses it.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> c = load_checklist("pln-design")
    >>> raw = pd.DataFrame({"respondent": list("abcde"), "item": "DES-01",
    ...                     "value": [1, 2, 2, 3, 4]})
    >>> t = team_summary(prepare_answers(raw, c), c)
    >>> row = t.items.set_index("item").loc["DES-01"]
    >>> int(row["n"]), float(row["mean"]), float(row["spread"])
    (5, 2.4, 3.0)
    """
    check_min_group(min_group)
    scale = checklist.scale
    n_resp = int(prepared["respondent"].nunique())
    suppressed = n_resp < min_group
    matrix, cols = _answer_matrix(prepared, checklist)
    n_items = len(checklist.items)
    is_dk = (prepared["missing"] == "dont_know").to_numpy(dtype=bool, na_value=False)
    is_na = (prepared["missing"] == "not_applicable").to_numpy(dtype=bool, na_value=False)
    dk = np.bincount(cols, weights=is_dk, minlength=n_items)
    na = np.bincount(cols, weights=is_na, minlength=n_items)
    counts_by_point = {p.value: np.sum(matrix == p.value, axis=0) for p in scale.points}

    item_rows = []
    for j, item in enumerate(checklist.items):
        col = matrix[:, j]
        col = col[~np.isnan(col)]
        n = len(col)
        hide = suppressed or n < min_group
        shown = not hide and n > 0
        item_rows.append(
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
    items = pd.DataFrame(item_rows)

    dist_rows = []
    for j, row in enumerate(item_rows):
        for point in scale.points:
            c = int(counts_by_point[point.value][j])
            dist_rows.append(
                {
                    "item": row["item"],
                    "section": row["section"],
                    "value": point.value,
                    "label": point.label,
                    "count": np.nan if row["suppressed"] else c,
                    "share": np.nan if row["suppressed"] or row["n"] == 0 else c / row["n"],
                }
            )
    distribution = pd.DataFrame(dist_rows)

    section_rows = []
    start = 0
    for section in checklist.sections:
        block = matrix[:, start : start + len(section.items)]
        start += len(section.items)
        answered = ~np.isnan(block)
        has_any = answered.any(axis=1)
        per_person = np.nansum(block[has_any], axis=1) / answered[has_any].sum(axis=1)
        n = len(per_person)
        hide = suppressed or n < min_group
        complete = block[answered.all(axis=1)]
        if len(section.items) < 2:
            alpha, note = np.nan, "one item only: no alpha"
        elif hide or len(complete) < max(min_group, 3):
            alpha, note = np.nan, "not enough answers"
        else:
            alpha = cronbach_alpha(pd.DataFrame(complete))
            note = f"{len(complete)} complete answers" if not np.isnan(alpha) else "no variation"
        mean = np.nan if hide or n == 0 else float(per_person.mean())
        section_rows.append(
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
            }
        )
    sections = pd.DataFrame(section_rows)
    return TeamSummary(checklist.id, n_resp, min_group, suppressed, items, sections, distribution)


# --------------------------------------------------------------------------- groups and waves


def _group_values(prepared: pd.DataFrame, by: str, where: str) -> pd.Series:
    if by not in prepared.columns:
        extra = [c for c in prepared.columns if c not in _BASE]
        raise DataError(
            f"expected a group column '{by}', found {extra or 'no group columns'}",
            where=where,
            fix="Check the column name (it is case-sensitive) or add the column to the file.",
        )
    values = prepared[by]
    if values.isna().any():
        raise DataError(
            f"expected a value of '{by}' for every respondent, found "
            f"{int(values.isna().groupby(prepared['respondent']).any().sum())} respondent(s) without one",
            where=where,
            fix=f"Fill in '{by}' for every respondent, or leave them out.",
        )
    return values


def breakdown(
    prepared: pd.DataFrame,
    checklist: Checklist,
    by: str,
    *,
    min_group: int = DEFAULT_MIN_GROUP,
    where: str = "answers",
) -> pd.DataFrame:
    """Section means for each group of a column (school, role, wave...).

    One row per group and section with ``n`` (respondents), ``mean``, ``sd``
    and ``suppressed``. Groups below ``min_group`` are suppressed, plus
    complementary suppression: per section, a single hidden group would be
    recoverable from the total, so the next smallest is hidden too.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> c = load_checklist("pln-design")
    >>> raw = pd.DataFrame({"respondent": [f"r{i}" for i in range(13)], "item": "DES-01",
    ...     "value": [4] * 6 + [2] * 5 + [1, 1], "school": ["A"] * 6 + ["B"] * 5 + ["C"] * 2})
    >>> b = breakdown(prepare_answers(raw, c), c, "school")
    >>> b[b.section == "shared-vision"][["school", "n", "mean", "suppressed"]].to_string(index=False)
    'school  n  mean  suppressed\\n     A  6   4.0       False\\n     B  5   NaN        True\\n     C  2   NaN        True'
    """
    check_min_group(min_group)
    groups = _group_values(prepared, by, where)
    rows = []
    for section in checklist.sections:
        sub = prepared[prepared["section"] == section.id]
        per_person = (
            sub.groupby([groups.loc[sub.index], sub["respondent"]])["score"].mean().dropna()
        )
        counts = per_person.groupby(level=0).size()
        all_groups = pd.Index(sorted(groups.unique(), key=str))
        counts = counts.reindex(all_groups, fill_value=0)
        mask = suppression_mask(counts, min_group)
        for g in all_groups:
            vals = (
                per_person.loc[g]
                if g in per_person.index.get_level_values(0)
                else pd.Series([], dtype=float)
            )
            hide = bool(mask[g])
            rows.append(
                {
                    by: g,
                    "section": section.id,
                    "title": section.title,
                    "n": int(counts[g]),
                    "mean": np.nan if hide or len(vals) == 0 else float(vals.mean()),
                    "sd": np.nan if hide or len(vals) < 2 else float(vals.std(ddof=1)),
                    "suppressed": hide,
                }
            )
    return pd.DataFrame(rows)


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
    ``mean_after`` and ``change``; a side with fewer than ``min_group``
    answers is suppressed and so is the change.
    """
    values = _group_values(prepared, wave, where)
    present = set(values.unique())
    for label, w in (("before", before), ("after", after)):
        if w not in present:
            raise DataError(
                f"expected the {label} wave {w!r} in column '{wave}', found waves "
                f"{sorted(map(str, present))}",
                where=where,
                fix="Check the wave names (they must match the file exactly).",
            )
    one = team_summary(prepared[values == before], checklist, min_group=min_group)
    two = team_summary(prepared[values == after], checklist, min_group=min_group)
    frames = []
    for level, a, b, key in (
        ("section", one.sections, two.sections, "section"),
        ("item", one.items, two.items, "item"),
    ):
        merged = a[[key, "n", "mean"]].merge(
            b[[key, "n", "mean"]], on=key, suffixes=("_before", "_after")
        )
        merged["change"] = merged["mean_after"] - merged["mean_before"]
        merged.insert(0, "level", level)
        merged = merged.rename(columns={key: "id"})
        frames.append(merged)
    return pd.concat(frames, ignore_index=True)


def priorities(
    summary: TeamSummary | PersonScore,
    checklist: Checklist,
    *,
    sections: int = 2,
    items: int = 5,
) -> pd.DataFrame:
    """The weakest sections and items, with suggested actions and chapters.

    Works on a :class:`TeamSummary` or a :class:`PersonScore`. Suppressed
    results are never listed.
    """
    rows = []
    sec = summary.sections.dropna(subset=["mean"]).nsmallest(sections, "mean")
    for rec in sec.itertuples():
        s = checklist.section(rec.section)
        rows.append(
            {
                "level": "section",
                "id": s.id,
                "title": s.title,
                "mean": rec.mean,
                "chapter": s.chapter,
                "actions": (),
            }
        )
    if isinstance(summary, TeamSummary):
        item_means = summary.items.dropna(subset=["mean"])[["item", "mean"]]
    else:
        item_means = summary.items.dropna(subset=["score"]).rename(columns={"score": "mean"})
    chosen = set(sec["section"])
    pool = item_means[item_means["item"].map(lambda i: checklist.item(i).section in chosen)]
    pool = pool if len(pool) else item_means
    for rec in pool.nsmallest(items, "mean", keep="first").itertuples():
        it = checklist.item(rec.item)
        rows.append(
            {
                "level": "item",
                "id": it.id,
                "title": it.text,
                "mean": rec.mean,
                "chapter": it.chapter,
                "actions": it.actions,
            }
        )
    return pd.DataFrame(rows, columns=["level", "id", "title", "mean", "chapter", "actions"])
