"""Planning tools, pure: the time finder, the cost of time, mobilisation, improvement cycles."""

from plnlib.planning.actionplan import action_plan
from plnlib.planning.cycles import (
    DriverDiagram,
    diagram_from_dict,
    diagram_from_rows,
    prepare_cycles,
    prepare_measures,
)
from plnlib.planning.freetimes import WEEKDAYS, tidy_from_grid
from plnlib.planning.mobilisation import (
    STAGES,
    mobilisers,
    prepare_records,
    reach,
    stage_over_time,
    stalls,
)
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
    "STAGES",
    "WEEKDAYS",
    "Availability",
    "DriverDiagram",
    "Timetable",
    "action_plan",
    "availability",
    "availability_from_tidy",
    "cannot_make",
    "diagram_from_dict",
    "diagram_from_rows",
    "mobilisers",
    "pair_slots",
    "prepare_cycles",
    "prepare_measures",
    "prepare_records",
    "reach",
    "stage_over_time",
    "stalls",
    "tidy_from_grid",
    "time_options",
]
