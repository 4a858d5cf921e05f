"""The mobilisation tracker: innovations moving through schools and staff. Pure.

Records say that a school or a member of staff reached a stage with an
innovation on a date, with an evidence note and who leads it. The stages
follow the handbook's mobilisation chapter: colleagues engage with the
innovation, trial it together, then keep using and refining it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from plnlib.errors import DataError
from plnlib.privacy import (
    DEFAULT_MIN_GROUP,
    blank_suppressed,
    check_min_group,
    suppression_mask,
)

__all__ = [
    "MOBILISATION_FORMAT",
    "STAGES",
    "STAGE_LOOKUP",
    "Stage",
    "current_stages",
    "mobilisers",
    "parse_date",
    "prepare_records",
    "reach",
    "stage_of",
    "stage_over_time",
    "stalls",
]


@dataclass(frozen=True)
class Stage:
    """One stage of mobilisation: an id, a label and what it looks like in plain words."""

    id: str
    label: str
    description: str
    aliases: tuple[str, ...] = ()


#: The "format" of the in-page tracker's saved JSON.
MOBILISATION_FORMAT = "plnlib-mobilisation"

#: The stages in order (from book/connecting/mobilisation.md).
STAGES: tuple[Stage, ...] = (
    Stage(
        "engaging",
        "Engaging with it",
        "Colleagues look at the problem the innovation addresses and the evidence behind it, "
        "and raise their questions and doubts.",
        ("engage", "engaged", "engaging with it", "engagement", "1"),
    ),
    Stage(
        "trialling",
        "Trialling it with colleagues",
        "A group agrees what to try, in which classes and for how long, tries it on a small "
        "scale and meets to compare what happened.",
        ("trial", "trialing", "trialled", "trialling it with colleagues", "testing", "test", "2"),
    ),
    Stage(
        "refining",
        "Refining and using it",
        "The practice is kept in use and revisited at review points over the following terms, "
        "adapted and improved.",
        ("refine", "refined", "using", "refining and using it", "embedded", "sustaining", "3"),
    ),
)
_ORDER = {s.id: i for i, s in enumerate(STAGES)}
#: Every accepted spelling of a stage (lower case, punctuation as spaces) and its id.
STAGE_LOOKUP: dict[str, str] = {
    k: s.id for s in STAGES for k in (s.id, s.label.lower(), *s.aliases)
}


def stage_of(value: object, *, where: str = "") -> str:
    """The stage id of a cell (``"Trialling it with colleagues"``, ``"trial"``, ``2``...).

    Examples
    --------
    >>> stage_of("Trialling it with colleagues"), stage_of(" refine "), stage_of(1)
    ('trialling', 'refining', 'engaging')
    """
    key = " ".join(re.sub(r"[^\w ]", " ", str(value).casefold()).split())
    if key in STAGE_LOOKUP:
        return STAGE_LOOKUP[key]
    raise DataError(
        f"expected a stage ({', '.join(s.id for s in STAGES)}), found '{value}'",
        where=where,
        fix="Use one of the three stages of the mobilisation chapter: engaging with it, "
        "trialling it with colleagues, refining and using it.",
    )


def prepare_records(frame: pd.DataFrame, *, where: str = "") -> pd.DataFrame:
    """Check tracker records and return them tidy, oldest first.

    Columns needed: ``innovation``, ``school``, ``stage``, ``date``; optional
    ``person`` (staff-level tracking; without it each school is one unit),
    ``role``, ``evidence``, ``lead``. Dates are ISO (2026-03-01) or day first
    (01/03/2026). The result adds ``unit`` (person, or school) and ``step``
    (0, 1, 2 for the stages).

    Examples
    --------
    >>> raw = pd.DataFrame({"innovation": ["Retrieval practice"], "school": ["A"],
    ...                     "stage": ["trial"], "date": ["02/03/2026"]})
    >>> prepare_records(raw)[["unit", "stage", "step"]].values.tolist()
    [['A', 'trialling', 1]]
    >>> str(prepare_records(raw)["date"].iloc[0].date())
    '2026-03-02'
    """
    cols = {str(c).strip().casefold(): c for c in frame.columns}
    missing = [c for c in ("innovation", "school", "stage", "date") if c not in cols]
    if missing:
        raise DataError(
            f"expected columns innovation, school, stage and date, found no {', '.join(missing)}",
            where=where,
            fix="Name the columns in the first row (see the tracker's template).",
        )
    out = frame.rename(columns={v: k for k, v in cols.items()}).copy()
    for col in ("person", "role", "evidence", "lead"):
        if col not in out:
            out[col] = pd.NA
    out = out[["innovation", "school", "person", "role", "stage", "date", "evidence", "lead"]]
    text_cols = ["innovation", "school", "person", "role", "evidence", "lead"]
    out[text_cols] = out[text_cols].astype("string").apply(lambda c: c.str.strip())
    stages, dates = [], []
    for i, (stage, date) in enumerate(zip(out["stage"], out["date"], strict=True)):
        row = f"{where}, row {i + 2}" if where else f"row {i + 2}"
        for col in ("innovation", "school"):
            if pd.isna(out[col].iloc[i]) or not out[col].iloc[i]:
                raise DataError(
                    f"expected a {col} in every row, found an empty cell",
                    where=f"{row}, column {col}",
                    fix=f"Fill in the {col}, or delete the row.",
                )
        stages.append(stage_of(stage, where=f"{row}, column stage"))
        dates.append(parse_date(date, where=f"{row}, column date"))
    out["stage"] = stages
    out["date"] = dates
    out["step"] = out["stage"].map(_ORDER).astype(int)
    person = out["person"].fillna("")
    out["unit"] = person.where(person != "", out["school"])
    out["level"] = "staff" if (person != "").any() else "school"
    return out.sort_values(["date"], kind="stable").reset_index(drop=True)


def parse_date(value: object, *, where: str = "") -> pd.Timestamp:
    """A date from ISO (2026-03-01) or day-first (01/03/2026) text.

    Examples
    --------
    >>> str(parse_date("01/03/2026").date())
    '2026-03-01'
    >>> str(parse_date("2026-01-10 00:00:00").date())  # a spreadsheet's date, not 1 October
    '2026-01-10'
    """
    text = str(value).strip() if value is not None and not pd.isna(value) else ""
    try:
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
            return pd.Timestamp(text)
        # a spreadsheet's date cell read as text (2026-03-01 00:00:00): ISO, never day first
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?", text):
            return pd.Timestamp(text).normalize()
        if text:
            return pd.to_datetime(text, dayfirst=True)
    except (ValueError, OverflowError):
        pass
    raise DataError(
        f"expected a date such as 2026-03-01 or 01/03/2026, found '{text}'",
        where=where,
        fix="Type the date the stage was reached, day before month.",
    )


def current_stages(records: pd.DataFrame, *, as_of: pd.Timestamp | None = None) -> pd.DataFrame:
    """Each innovation and unit's latest record on or before ``as_of`` (default: all)."""
    rec = records if as_of is None else records[records["date"] <= as_of]
    return rec.groupby(["innovation", "unit"], sort=False).tail(1).reset_index(drop=True)


def reach(
    records: pd.DataFrame,
    *,
    by: str | None = None,
    as_of: pd.Timestamp | None = None,
    min_group: int = DEFAULT_MIN_GROUP,
) -> pd.DataFrame:
    """The share of units (staff or schools) at each stage, per innovation (and group).

    Columns: ``innovation``, ``by`` when given (``school`` or ``role``),
    ``stage``, ``label``, ``units`` and ``share``; every stage has a row, and
    the shares of one innovation (and group) add up to 1.

    With ``by`` there is also ``suppressed``. Staff are people: when the units
    are staff, a group (one innovation at one school, or in one role) of fewer
    than ``min_group`` staff is hidden, and one more group of that innovation
    when a single hidden group could be worked out from the total
    (:func:`plnlib.privacy.suppression_mask`); a hidden group's ``units`` and
    ``share`` are empty. Schools tracked as whole units are not people, and are
    never hidden. Without ``by``, each innovation's reach across the network is
    shown.

    Examples
    --------
    >>> raw = pd.DataFrame({"innovation": "X", "school": ["A", "B", "B"],
    ...     "stage": ["engaging", "engaging", "trialling"],
    ...     "date": ["2026-01-01", "2026-01-01", "2026-02-01"]})
    >>> reach(prepare_records(raw))[["stage", "units", "share"]].values.tolist()
    [['engaging', 1, 0.5], ['trialling', 1, 0.5], ['refining', 0, 0.0]]
    """
    check_min_group(min_group)
    now = current_stages(records, as_of=as_of)
    keys = ["innovation"] + ([by] if by else [])
    if by and by not in now:
        raise DataError(
            f"expected a column '{by}' to group by, found none", fix="Use school or role."
        )
    if by:
        now = now.assign(**{by: now[by].fillna("(not given)")})
    rows, totals = [], []
    for key, group in now.groupby(keys, sort=False):
        key = key if isinstance(key, tuple) else (key,)
        counts = group["stage"].value_counts()
        total = len(group)
        totals.append((key, total))
        for s in STAGES:
            n = int(counts.get(s.id, 0))
            rows.append(
                {
                    **dict(zip(keys, key, strict=True)),
                    "stage": s.id,
                    "label": s.label,
                    "units": n,
                    "share": round(n / total, 4),
                }
            )
    out = pd.DataFrame(rows, columns=[*keys, "stage", "label", "units", "share"])
    if not by:
        return out
    hidden: set[tuple] = set()
    if len(now) and (now["level"] == "staff").any():
        for innovation in dict.fromkeys(k[0] for k, _ in totals):
            sizes = {k: n for k, n in totals if k[0] == innovation}
            mask = suppression_mask(pd.Series(list(sizes.values()), dtype="float64"), min_group)
            hidden |= {k for k, h in zip(sizes, mask, strict=True) if h}
    flags = [tuple(r) in hidden for r in out[keys].itertuples(index=False)]
    out = out.assign(suppressed=flags)
    return blank_suppressed(out, counts=["units"], measures=["share"])


def stalls(records: pd.DataFrame, *, days: int, as_of: pd.Timestamp) -> pd.DataFrame:
    """Units that have stayed at engaging or trialling for more than ``days`` days.

    Staying at the last stage (refining and using it) is what the chapter
    hopes for, so it never counts as a stall. Columns: ``innovation``,
    ``unit``, ``school``, ``stage``, ``since`` and ``days``; longest first.
    """
    if days < 1:
        raise DataError(
            f"expected a stall time of at least 1 day, found {days}",
            where="--stall-days",
            fix="Give the days after which a stage counts as stalled, such as 60.",
        )
    rec = records[records["date"] <= as_of]
    rows = []
    for (innovation, unit), group in rec.groupby(["innovation", "unit"], sort=False):
        last = group.iloc[-1]
        if last["step"] == len(STAGES) - 1:
            continue
        run = group["step"].to_numpy()
        start = len(run) - 1
        while start > 0 and run[start - 1] == run[-1]:
            start -= 1
        since = group["date"].iloc[start]
        waited = int((as_of - since).days)
        if waited > days:
            rows.append(
                {
                    "innovation": innovation,
                    "unit": unit,
                    "school": last["school"],
                    "stage": last["stage"],
                    "since": since.date().isoformat(),
                    "days": waited,
                }
            )
    out = pd.DataFrame(rows, columns=["innovation", "unit", "school", "stage", "since", "days"])
    return out.sort_values("days", ascending=False, kind="stable").reset_index(drop=True)


def mobilisers(records: pd.DataFrame, people: pd.DataFrame | None = None) -> pd.DataFrame:
    """Who leads mobilisation: per lead, the innovations, units and schools they lead.

    With ``people`` (person measures of the advice network, as from
    :func:`plnlib.networks.node_metrics`), the lead's ``in_degree`` (colleagues
    who go to them for advice) and ``betweenness`` are added, matched on the
    ``node`` column ignoring case and spaces; ``in_network`` says whether a
    match was found.
    """
    rec = records.dropna(subset=["lead"])
    rec = rec[rec["lead"] != ""]
    now = current_stages(rec)
    out = (
        now.groupby("lead", sort=False)
        .agg(
            innovations=("innovation", "nunique"),
            units=("unit", "nunique"),
            schools=("school", "nunique"),
            refining=("step", lambda s: int((s == 2).sum())),
        )
        .reset_index()
        .sort_values(["units", "lead"], ascending=[False, True], kind="stable")
        .reset_index(drop=True)
    )
    if people is not None:
        key = people["node"].astype(str).str.casefold().str.split().str.join(" ")
        measures = people.assign(_key=key).drop_duplicates("_key").set_index("_key")
        lead_key = out["lead"].str.casefold().str.split().str.join(" ")
        out["in_network"] = lead_key.isin(measures.index)
        for col in ("in_degree", "betweenness"):
            if col in measures:
                out[col] = lead_key.map(measures[col])
    return out


def stage_over_time(records: pd.DataFrame, *, freq: str = "MS") -> pd.DataFrame:
    """Units at each stage at the start of every month (or ``freq``), per innovation.

    Each unit keeps its latest stage until a later record changes it.
    Columns: ``innovation``, ``date``, ``stage``, ``label``, ``units``.
    """
    rows = []
    start = records["date"].min().to_period("M").to_timestamp()
    end = records["date"].max()
    dates = [*pd.date_range(start, end, freq=freq), end]
    for innovation, group in records.groupby("innovation", sort=False):
        for when in dict.fromkeys(dates):
            now = current_stages(group, as_of=when)
            counts = now["stage"].value_counts()
            for s in STAGES:
                rows.append(
                    {
                        "innovation": innovation,
                        "date": when,
                        "stage": s.id,
                        "label": s.label,
                        "units": int(counts.get(s.id, 0)),
                    }
                )
    return pd.DataFrame(rows, columns=["innovation", "date", "stage", "label", "units"])
