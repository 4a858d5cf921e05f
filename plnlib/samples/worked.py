"""One synthetic network followed through a school year: the data of the handbook's worked example.

The network is the five invented schools of the advice-network sample (Alder, Birch, Cedar,
Hazel and Rowan School, see :mod:`plnlib.samples.networks`). Everything here reuses the other
seeded generators, so the same data come out every time:

- the readiness check answered by the network's members (:func:`plnlib.samples.team_answers`);
- the design checklist answered by the schools' staff in the autumn and again in the summer
  (:func:`plnlib.samples.monitoring_answers`, with its rosters);
- the members' free times as a Google Forms export (:func:`plnlib.samples.free_times_grid`);
- the advice network in two waves (:func:`plnlib.samples.load_sample_network`);
- the driver diagram, the PDSA log and the measure's readings of the planning samples.

No real school or person is described: every table made here is synthetic.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from plnlib.checklists import Checklist
from plnlib.networks import Network
from plnlib.samples.checklists import team_answers
from plnlib.samples.monitoring import SCHOOLS as _TREE_NAMES
from plnlib.samples.monitoring import monitoring_answers, monitoring_rosters
from plnlib.samples.networks import load_sample_network
from plnlib.samples.planning import driver_diagram_data, free_times_grid, measure_readings, pdsa_log

__all__ = ["WORKED_SCHOOLS", "WORKED_WAVES", "WorkedYear", "worked_year"]

#: The five invented schools of the worked example (those of the advice-network sample).
WORKED_SCHOOLS: tuple[str, ...] = (
    "Alder School",
    "Birch School",
    "Cedar School",
    "Hazel School",
    "Rowan School",
)
#: The two survey waves: the autumn baseline (2025) and the summer (2026) of one school year.
WORKED_WAVES: tuple[int, int] = (2025, 2026)
_SEED = 2025
# The monitoring generator gives its last two schools a late start and a tiny staff; the
# worked example asks it for seven schools and keeps the first five, which have neither.
# With this staff and seed every school has more staff than people in the advice-network
# sample and more than five answers in each wave, so school results can be shown.
_GENERATED = 7
_STAFF = 110
_SURVEY_SEED = 2035


@dataclass(frozen=True)
class WorkedYear:
    """The synthetic data of one network's school year (see :func:`worked_year`)."""

    schools: tuple[str, ...]
    waves: tuple[int, int]
    members: int
    readiness: pd.DataFrame
    design: pd.DataFrame
    rosters: pd.DataFrame
    free_times: pd.DataFrame
    network: Network
    diagram: dict[str, object]
    pdsa: pd.DataFrame
    measures: pd.DataFrame


def _rename(frame: pd.DataFrame) -> pd.DataFrame:
    names = dict(zip(_TREE_NAMES[: len(WORKED_SCHOOLS)], WORKED_SCHOOLS, strict=True))
    kept = frame[frame["school"].isin(names)]
    return kept.assign(school=kept["school"].map(names)).reset_index(drop=True)


def worked_year(readiness: Checklist, design: Checklist) -> WorkedYear:
    """Every table of the worked example, for the given readiness and design checklists.

    The members are the advice network's PLN members (their number sets how many answer the
    readiness check and the time finder); the design checklist is answered by the staff of
    the five schools in both waves, with the rosters of staff numbers.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> year = worked_year(load_checklist("readiness"), load_checklist("pln-design"))
    >>> sorted(year.design["school"].unique()) == list(WORKED_SCHOOLS)
    True
    >>> year.readiness["respondent"].nunique() == year.members == len(year.free_times)
    True
    >>> sorted(year.design["wave"].unique().tolist()) == list(WORKED_WAVES)
    True
    """
    network = load_sample_network()
    members = int(network.nodes["pln_member"].sum())
    options = {"schools": _GENERATED, "waves": WORKED_WAVES, "staff": _STAFF, "seed": _SURVEY_SEED}
    return WorkedYear(
        schools=WORKED_SCHOOLS,
        waves=WORKED_WAVES,
        members=members,
        readiness=team_answers(
            readiness,
            respondents=members,
            schools=WORKED_SCHOOLS,
            roles=("Teacher", "Middle leader"),
            seed=_SEED,
        ),
        design=_rename(monitoring_answers(design, **options)),  # type: ignore[arg-type]
        rosters=_rename(monitoring_rosters(**options)),  # type: ignore[arg-type]
        free_times=free_times_grid(members=members, schools=WORKED_SCHOOLS, seed=_SEED),
        network=network,
        diagram=driver_diagram_data(),
        pdsa=pdsa_log(),
        measures=measure_readings(),
    )
