"""Every synthetic generator and shipped sample file, in one place.

Nothing here describes a real school or person: every table made or shipped
here is synthetic, and the pages, notebooks and reports made from it say so.

- :mod:`plnlib.samples.files`: the shipped files (:func:`sample_path`, :func:`is_sample`);
- :mod:`plnlib.samples.checklists`: a synthetic team's checklist answers;
- :mod:`plnlib.samples.monitoring`: a synthetic network monitored over three years;
- :mod:`plnlib.samples.networks`: synthetic advice networks, from 38 people to a district;
- :mod:`plnlib.samples.planning`: synthetic free times, mobilisation records and PDSA cycles;
- :mod:`plnlib.samples.worked`: one network's year, for the worked example.
"""

from plnlib.samples.checklists import SYNTHETIC_NOTE, team_answers
from plnlib.samples.files import SAMPLE_FILES, is_sample, sample_path
from plnlib.samples.monitoring import (
    SAMPLE_ANSWERS,
    SAMPLE_ROSTERS,
    monitoring_answers,
    monitoring_rosters,
    monitoring_sample,
)
from plnlib.samples.networks import (
    district_network,
    load_sample_network,
    sample_network,
    sample_tables,
    write_sample_files,
)
from plnlib.samples.planning import (
    SAMPLE_SLOTS,
    driver_diagram_data,
    free_times_grid,
    measure_readings,
    mobilisation_records,
    pdsa_log,
)
from plnlib.samples.worked import WORKED_SCHOOLS, WORKED_WAVES, WorkedYear, worked_year

__all__ = [
    "SAMPLE_ANSWERS",
    "SAMPLE_FILES",
    "SAMPLE_ROSTERS",
    "SAMPLE_SLOTS",
    "SYNTHETIC_NOTE",
    "WORKED_SCHOOLS",
    "WORKED_WAVES",
    "WorkedYear",
    "district_network",
    "driver_diagram_data",
    "free_times_grid",
    "is_sample",
    "load_sample_network",
    "measure_readings",
    "mobilisation_records",
    "monitoring_answers",
    "monitoring_rosters",
    "monitoring_sample",
    "pdsa_log",
    "sample_network",
    "sample_path",
    "sample_tables",
    "team_answers",
    "worked_year",
    "write_sample_files",
]
