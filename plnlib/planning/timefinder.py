"""The time finder: when can a network's members meet? Pure functions, no I/O.

Members' free times arrive as a tidy table (one row per person, day and slot
they are free), or as a form export turned into one by
:func:`plnlib.planning.freetimes.tidy_from_grid`. :func:`availability_from_tidy`
checks the table; :func:`availability` counts, for every day and slot, the
members and the schools with at least one member free, and ranks the slots:
most schools first, then most members, then the order of the week.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pandas as pd

from plnlib.errors import DataError
from plnlib.planning.freetimes import WEEKDAYS, canonical_day

__all__ = [
    "FREE_TIMES_FORMAT",
    "Availability",
    "availability",
    "availability_from_tidy",
    "cannot_make",
    "pair_slots",
]

#: The "format" of a time finder's saved JSON (rows of person, school, day, slot).
FREE_TIMES_FORMAT = "plnlib-free-times"


@dataclass(frozen=True)
class Availability:
    """Who is free when: the checked tidy table and the week's days and slots in order.

    ``free`` has one row per person, day and slot they are free (empty day and
    slot for a member free at no time); ``members`` maps each person to a school;
    ``duplicates`` counts people who gave more than one school (the last is used).
    Someone who answered twice keeps every time they gave.
    """

    free: pd.DataFrame
    days: tuple[str, ...]
    slots: tuple[str, ...]
    members: dict[str, str]
    duplicates: int = 0

    @property
    def schools(self) -> tuple[str, ...]:
        """The schools, in order of first appearance."""
        return tuple(dict.fromkeys(self.members.values()))


def _order(values: list[str], given: tuple[str, ...] | None) -> tuple[str, ...]:
    seen = tuple(dict.fromkeys(v for v in values if v))
    if given is not None:
        return tuple(given)
    weekdays = [d for d in WEEKDAYS if d in seen]
    return tuple(weekdays + [v for v in seen if v not in WEEKDAYS])


def availability_from_tidy(
    tidy: pd.DataFrame,
    *,
    slots: tuple[str, ...] | None = None,
    days: tuple[str, ...] | None = None,
    where: str = "",
) -> Availability:
    """Check a tidy ``person,school,day,slot`` table and return an :class:`Availability`.

    Day names are made canonical (``Mon`` -> ``Monday``); a file that spells
    one day two ways is refused, because one of them is usually a typing slip
    that would split a day's counts. A person answering twice keeps the school
    of their last row.
    """
    missing = [c for c in ("person", "school", "day", "slot") if c not in tidy.columns]
    if missing:
        raise DataError(
            f"expected columns person, school, day and slot, found no {', '.join(missing)}",
            where=where,
            fix="Name the columns in the first row exactly so, or give a form export.",
        )
    frame = tidy[["person", "school", "day", "slot"]].astype("string").fillna("")
    frame = frame.apply(lambda col: col.str.strip())
    spellings: dict[str, set[str]] = {}
    for raw in frame["day"]:
        if raw:
            spellings.setdefault(canonical_day(raw), set()).add(raw)
    for day, names in spellings.items():
        if len(names) > 1:
            raise DataError(
                f"expected each day spelled one way, found {day} spelled "
                + " and ".join(f"'{n}'" for n in sorted(names)),
                where=where,
                fix="Use one spelling for each day throughout the file.",
            )
    frame["day"] = frame["day"].map(lambda d: canonical_day(d) if d else "")
    if (frame["person"] == "").any():
        line = int((frame["person"] == "").to_numpy().argmax()) + 2
        raise DataError(
            "expected a person (name or code) in every row, found an empty cell",
            where=f"{where}, row {line}" if where else f"row {line}",
            fix="Fill in the person, or delete the row.",
        )
    if (frame["school"] == "").any():
        line = int((frame["school"] == "").to_numpy().argmax()) + 2
        raise DataError(
            "expected a school in every row, found an empty cell",
            where=f"{where}, row {line}" if where else f"row {line}",
            fix="Fill in the school, or delete the row.",
        )
    half = (frame["day"] == "") != (frame["slot"] == "")
    if half.any():
        line = int(half.to_numpy().argmax()) + 2
        raise DataError(
            "expected a day and a slot together (or both empty for someone free at no time), "
            "found only one",
            where=f"{where}, row {line}" if where else f"row {line}",
            fix="Fill in the missing day or slot.",
        )
    if slots is not None:
        known = {s.casefold(): s for s in slots}
        bad = frame[(frame["slot"] != "") & ~frame["slot"].str.casefold().isin(known)]
        if len(bad):
            line = int(bad.index[0]) + 2
            raise DataError(
                f"expected one of the slots {', '.join(slots)}, found '{bad['slot'].iloc[0]}'",
                where=f"{where}, row {line}, column slot" if where else f"row {line}",
                fix="Correct the slot, or add it to the list of slots (--slots).",
            )
        frame["slot"] = frame["slot"].map(lambda s: known.get(s.casefold(), s))
    members = dict(zip(frame["person"], frame["school"], strict=True))
    n_people = frame.groupby("person")["school"].nunique()
    frame["school"] = frame["person"].map(members)
    free = frame[frame["day"] != ""].drop_duplicates().reset_index(drop=True)
    if free.empty:
        raise DataError(
            "expected at least one day and slot someone is free, found none (every answer "
            "is blank)",
            where=where,
            fix="Check that the export holds the answers, or that people answered the question.",
        )
    return Availability(
        free=free,
        days=_order(frame["day"].tolist(), days),
        slots=_order(frame["slot"].tolist(), slots),
        members=members,
        duplicates=int((n_people > 1).sum()),
    )


def availability(data: Availability) -> pd.DataFrame:
    """Count, for every day and slot, the members and schools free; best first.

    Columns: ``rank`` (1 is best), ``day``, ``slot``, ``available`` (members
    free), ``members``, ``share`` (available / members), ``schools`` (schools
    with at least one member free), ``of_schools``, ``missing_schools``
    (schools with nobody free, in order). Ties keep the order of the week.

    Examples
    --------
    >>> tidy = pd.DataFrame({"person": ["a", "a", "b", "c"], "school": ["X", "X", "Y", "Y"],
    ...     "day": ["Mon", "Tue", "Mon", "Tue"], "slot": ["PM", "PM", "PM", "PM"]})
    >>> table = availability(availability_from_tidy(tidy))
    >>> table[["day", "slot", "available", "schools"]].values.tolist()
    [['Monday', 'PM', 2, 2], ['Tuesday', 'PM', 2, 2]]
    """
    members = len(data.members)
    schools = data.schools
    rows = []
    by_cell = {k: g for k, g in data.free.groupby(["day", "slot"], sort=False)}
    for d_i, day in enumerate(data.days):
        for s_i, slot in enumerate(data.slots):
            group = by_cell.get((day, slot))
            people = set(group["person"]) if group is not None else set()
            present = {data.members[p] for p in people}
            rows.append(
                {
                    "day": day,
                    "slot": slot,
                    "available": len(people),
                    "members": members,
                    "share": round(len(people) / members, 4) if members else 0.0,
                    "schools": len(present),
                    "of_schools": len(schools),
                    "missing_schools": "; ".join(s for s in schools if s not in present),
                    "_order": d_i * 1000 + s_i,
                }
            )
    table = pd.DataFrame(rows)
    if table.empty:
        raise DataError(
            "expected at least one day and slot, found none",
            where="",
            fix="Check that the file lists the times people are free.",
        )
    table = table.sort_values(
        ["schools", "available", "_order"], ascending=[False, False, True], kind="stable"
    ).drop(columns="_order")
    table.insert(0, "rank", range(1, len(table) + 1))
    return table.reset_index(drop=True)


def cannot_make(data: Availability, day: str, slot: str) -> pd.DataFrame:
    """The members not free at one day and slot: ``person`` and ``school``, in member order.

    Examples
    --------
    >>> tidy = pd.DataFrame({"person": ["a", "b"], "school": ["X", "Y"],
    ...                      "day": ["Mon", "Tue"], "slot": ["PM", "PM"]})
    >>> cannot_make(availability_from_tidy(tidy), "Monday", "PM").values.tolist()
    [['b', 'Y']]
    """
    free = data.free
    here = set(free.loc[(free["day"] == day) & (free["slot"] == slot), "person"])
    rows = [(p, s) for p, s in data.members.items() if p not in here]
    return pd.DataFrame(rows, columns=["person", "school"])


def pair_slots(data: Availability, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The best day and slot for each pair of schools meeting on their own.

    Best means both schools have someone free, then the most members of the two
    free. Columns: ``school_a``, ``school_b``, ``day``, ``slot``, ``available``
    (members of the two free), ``of`` (members of the two), ``both`` (whether
    both schools have someone free at that time).

    Examples
    --------
    >>> tidy = pd.DataFrame({"person": ["a", "b", "c"], "school": ["X", "Y", "Z"],
    ...     "day": ["Mon", "Mon", "Tue"], "slot": ["PM", "PM", "PM"]})
    >>> pair_slots(availability_from_tidy(tidy))[["school_a", "school_b", "day", "both"]].values.tolist()
    [['X', 'Y', 'Monday', True], ['X', 'Z', 'Monday', False], ['Y', 'Z', 'Monday', False]]
    """
    free = data.free
    size = pd.Series(list(data.members.values())).value_counts()
    counts = (
        free.groupby(["day", "slot", "school"], sort=False)["person"].nunique().to_dict()
        if len(free)
        else {}
    )
    rows = []
    for a, b in itertools.combinations(data.schools, 2):
        best: tuple[int, int, int] | None = None
        pick = ("", "")
        for d_i, day in enumerate(data.days):
            for s_i, slot in enumerate(data.slots):
                na = counts.get((day, slot, a), 0)
                nb = counts.get((day, slot, b), 0)
                key = (int(na > 0 and nb > 0), na + nb, -(d_i * 1000 + s_i))
                if best is None or key > best:
                    best, pick = key, (day, slot)
        if best is None:  # no days or slots at all
            continue
        rows.append(
            {
                "school_a": a,
                "school_b": b,
                "day": pick[0],
                "slot": pick[1],
                "available": best[1],
                "of": int(size.get(a, 0) + size.get(b, 0)),
                "both": bool(best[0]),
            }
        )
    return pd.DataFrame(
        rows, columns=["school_a", "school_b", "day", "slot", "available", "of", "both"]
    )
