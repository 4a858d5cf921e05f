"""The cost of time: what each way of freeing time gives and takes. Pure arithmetic.

From a timetable's figures (lesson length, lessons a week, staff in the
network, the cost of an hour of cover) :func:`time_options` works out, for
each option the making-time chapter describes, the hours a week it frees for
each teacher and for the network, the lesson time each class loses, and the
cover it costs. Impossible inputs raise a :class:`~plnlib.errors.DataError`
that says which figure is wrong and why.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from plnlib.errors import DataError

__all__ = ["OPTIONS", "Timetable", "time_options"]

#: The options, in the order the chapter gives them: (id, label, what it means).
OPTIONS: tuple[tuple[str, str, str], ...] = (
    (
        "shave",
        "Shave minutes from lessons",
        "Every lesson is a few minutes shorter, so the week's lessons end half a day early.",
    ),
    (
        "reallocate",
        "Reallocate meeting or planning time",
        "Time already set aside for meetings or planning goes to network work instead.",
    ),
    (
        "align",
        "Align free periods",
        "The timetable gives the colleagues who work together the same free periods.",
    ),
    (
        "cover",
        "Paid cover",
        "Another teacher, paid for the hours, teaches the lessons while staff do network work.",
    ),
)


@dataclass(frozen=True)
class Timetable:
    """A school's (or network's) timetable figures and the choices for each option.

    ``minutes_shaved`` defaults to what frees half of the average school day;
    ``reallocated_minutes`` is meeting or planning time a week given over;
    ``aligned_periods`` the free periods a week made common; ``cover_lessons``
    the lessons a week each teacher is covered for.
    """

    lesson_minutes: float
    lessons_per_week: int
    staff: int
    cover_cost_per_hour: float = 0.0
    days_per_week: int = 5
    minutes_shaved: float | None = None
    reallocated_minutes: float = 60.0
    aligned_periods: int = 1
    cover_lessons: int = 1
    free_periods_per_week: int | None = None


def _bad(what: str, where: str, fix: str) -> DataError:
    return DataError(what, where=where, fix=fix)


def _check(t: Timetable) -> None:
    if not 0 < t.lesson_minutes <= 240:
        raise _bad(
            f"expected a lesson length from 1 to 240 minutes, found {t.lesson_minutes:g}",
            "lesson minutes",
            "Give the length of one lesson in minutes, such as 50 or 60.",
        )
    if not 1 <= t.days_per_week <= 7:
        raise _bad(
            f"expected 1 to 7 school days a week, found {t.days_per_week}",
            "days per week",
            "Most schools teach on 5 days a week.",
        )
    if t.lessons_per_week < 1:
        raise _bad(
            f"expected at least 1 lesson a week, found {t.lessons_per_week}",
            "lessons a week",
            "Count the lessons a class has in one week, such as 25.",
        )
    if t.lessons_per_week * t.lesson_minutes > t.days_per_week * 24 * 60:
        raise _bad(
            f"expected lessons that fit in a week, found {t.lessons_per_week} lessons of "
            f"{t.lesson_minutes:g} minutes ({t.lessons_per_week * t.lesson_minutes / 60:g} hours), "
            f"more than {t.days_per_week} whole days",
            "lessons a week",
            "Check the two figures: lessons a week for one class, and minutes per lesson.",
        )
    if t.staff < 1:
        raise _bad(
            f"expected at least 1 member of staff, found {t.staff}",
            "staff",
            "Give the number of teachers taking part in the network.",
        )
    if t.cover_cost_per_hour < 0:
        raise _bad(
            f"expected a cover cost of 0 or more, found {t.cover_cost_per_hour:g}",
            "cover cost per hour",
            "Give what an hour of cover costs, or 0 if you do not know.",
        )
    if t.minutes_shaved is not None and not 0 < t.minutes_shaved < t.lesson_minutes:
        raise _bad(
            f"expected minutes shaved between 0 and the lesson length ({t.lesson_minutes:g}), "
            f"found {t.minutes_shaved:g}",
            "minutes shaved",
            "Shave a few minutes from each lesson, fewer than the lesson lasts.",
        )
    if t.reallocated_minutes < 0:
        raise _bad(
            f"expected 0 or more minutes of meeting or planning time, found "
            f"{t.reallocated_minutes:g}",
            "reallocated minutes",
            "Give the minutes a week you would give to network work.",
        )
    limit = t.free_periods_per_week if t.free_periods_per_week is not None else t.lessons_per_week
    if not 0 <= t.aligned_periods <= limit:
        raise _bad(
            f"expected 0 to {limit} aligned free periods a week, found {t.aligned_periods}",
            "aligned periods",
            "A teacher cannot share more free periods than they have.",
        )
    if not 0 <= t.cover_lessons <= t.lessons_per_week:
        raise _bad(
            f"expected 0 to {t.lessons_per_week} covered lessons a week, found {t.cover_lessons}",
            "cover lessons",
            "Cover at most the lessons a teacher teaches in a week.",
        )


def time_options(t: Timetable) -> pd.DataFrame:
    """One row per option: hours freed, lesson time lost and cover cost, per week.

    Columns: ``option``, ``label``, ``detail``, ``hours_per_teacher``,
    ``hours_network`` (all staff together), ``lesson_minutes_lost_per_class``,
    ``cover_cost`` and ``note``.

    Examples
    --------
    >>> t = Timetable(lesson_minutes=60, lessons_per_week=25, staff=10, cover_cost_per_hour=30)
    >>> table = time_options(t).set_index("option")
    >>> table.loc["shave", ["hours_per_teacher", "lesson_minutes_lost_per_class"]].tolist()
    [2.5, 150.0]
    >>> float(table.loc["cover", "cover_cost"])
    300.0
    """
    _check(t)
    lessons_per_day = t.lessons_per_week / t.days_per_week
    half_day = lessons_per_day / 2 * t.lesson_minutes  # minutes of lessons in half a day
    shaved = t.minutes_shaved if t.minutes_shaved is not None else half_day / t.lessons_per_week
    freed_by_shaving = shaved * t.lessons_per_week
    per_teacher = {
        "shave": freed_by_shaving / 60,
        "reallocate": t.reallocated_minutes / 60,
        "align": t.aligned_periods * t.lesson_minutes / 60,
        "cover": t.cover_lessons * t.lesson_minutes / 60,
    }
    lost = {"shave": freed_by_shaving, "reallocate": 0.0, "align": 0.0, "cover": 0.0}
    cost = {"shave": 0.0, "reallocate": 0.0, "align": 0.0}
    cost["cover"] = per_teacher["cover"] * t.staff * t.cover_cost_per_hour
    notes = {
        "shave": f"{shaved:.1f} minutes off each of {t.lessons_per_week} lessons; "
        "pupils have less lesson time, so check contracts and local rules.",
        "reallocate": "Time moved, not created: say what the meetings or planning no longer do.",
        "align": "No extra cost, but the timetable must be planned early.",
        "cover": "Lessons go ahead with another teacher.",
    }
    rows = [
        {
            "option": oid,
            "label": label,
            "detail": detail,
            "hours_per_teacher": round(per_teacher[oid], 2),
            "hours_network": round(per_teacher[oid] * t.staff, 2),
            "lesson_minutes_lost_per_class": round(lost[oid], 1),
            "cover_cost": round(cost[oid], 2),
            "note": notes[oid],
        }
        for oid, label, detail in OPTIONS
    ]
    return pd.DataFrame(rows)
