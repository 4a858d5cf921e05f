"""Planning tools, pure: the time finder, the cost of time, mobilisation, improvement cycles."""

from plnlib.planning.freetimes import WEEKDAYS, tidy_from_grid
from plnlib.planning.timecost import OPTIONS, Timetable, time_options
from plnlib.planning.timefinder import (
    Availability,
    availability,
    availability_from_tidy,
    cannot_make,
    pair_slots,
)

__all__ = [
    "OPTIONS",
    "WEEKDAYS",
    "Availability",
    "Timetable",
    "availability",
    "availability_from_tidy",
    "cannot_make",
    "pair_slots",
    "tidy_from_grid",
    "time_options",
]
