"""The whole monitoring analysis in one call: :func:`monitor`."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from plnlib.checklists.answers import group_values, require_column
from plnlib.checklists.model import Checklist
from plnlib.checklists.responses import ResponseMatrix, response_matrix
from plnlib.checklists.results import changes, extremes, results_table, waves_in_order
from plnlib.checklists.scoring import priorities
from plnlib.checklists.team import TeamSummary, team_summary
from plnlib.monitoring.groups import distribution_table
from plnlib.monitoring.inputs import is_synthetic
from plnlib.monitoring.rates import response_rates
from plnlib.monitoring.singling import (
    SinglingOut,
    categorical_columns,
    singling_out_cells,
)
from plnlib.privacy import DEFAULT_MIN_GROUP, blank_suppressed, check_min_group

__all__ = ["Monitoring", "monitor", "strengths"]


# --------------------------------------------------------------------------- the whole analysis


def strengths(
    summary: TeamSummary, checklist: Checklist, *, sections: int = 2, items: int = 3
) -> pd.DataFrame:
    """The strongest sections and items of a team summary (suppressed results never listed).

    The strongest rows of :func:`plnlib.checklists.results.extremes`. Returns the columns of :func:`plnlib.checklists.scoring.priorities`: ``level``, ``id``,
    ``title``, ``mean``, ``chapter`` (``actions`` is empty).

    Examples
    --------
    >>> from plnlib.monitoring import prepare_monitoring
    >>> from plnlib.io.content import load_checklist
    >>> c = load_checklist("pln-design")
    >>> raw = pd.DataFrame({"respondent": [f"r{i}" for i in range(5)], "item": "DES-01",
    ...                     "value": 4})
    >>> strengths(team_summary(prepare_monitoring(raw, c), c), c)[["level", "id", "mean"]]
         level             id  mean
    0  section  shared-vision   4.0
    1     item         DES-01   4.0
    """
    return extremes(
        summary.sections, summary.items, checklist, weakest=False, sections=sections, items=items
    )


@dataclass(frozen=True)
class Monitoring:
    """Everything a monitoring report shows, as aggregated tables.

    ``sections`` and ``items`` are :func:`group_results` tables for every wave;
    ``distribution`` counts answers per group and item in the latest wave;
    ``summary``, ``strengths`` and ``priorities`` describe the whole network in
    the latest wave; ``changes`` compares the last two waves (``None`` with one
    wave); ``rates`` needs a roster; ``warnings`` lists :class:`SinglingOut` cells.
    """

    checklist_id: str
    by: str | None
    wave: str | None
    waves: tuple[object, ...]
    min_group: int
    synthetic: bool
    responses: pd.DataFrame
    sections: pd.DataFrame
    items: pd.DataFrame
    distribution: pd.DataFrame
    summary: TeamSummary
    strengths: pd.DataFrame
    priorities: pd.DataFrame
    changes: pd.DataFrame | None
    rates: pd.DataFrame | None
    warnings: tuple[SinglingOut, ...]

    @property
    def latest(self) -> object | None:
        """The last wave (``None`` without a wave column)."""
        return self.waves[-1] if self.waves else None

    @property
    def previous(self) -> object | None:
        """The wave before the last (``None`` with fewer than two waves)."""
        return self.waves[-2] if len(self.waves) > 1 else None


def _in_wave(data: ResponseMatrix, wave: str, which: object) -> np.ndarray:
    """Which answer rows belong to a wave (fast: compares responses, not rows)."""
    return (data.info[wave] == which).to_numpy()[data.rows]


def _response_counts(
    info: pd.DataFrame, wave: str | None, waves: list[object], min_group: int
) -> pd.DataFrame:
    """Responses per wave, returning and new; a wave below ``min_group`` shows no count."""
    if wave is None:
        rows = [{"responses": len(info), "returning": 0, "new": len(info)}]
    else:
        rows, seen = [], None
        for w in waves:
            people = set(info.loc[info[wave] == w, "respondent"])
            returning = len(people & seen) if seen is not None else 0
            rows.append({wave: w, "responses": len(people), "returning": returning})
            rows[-1]["new"] = len(people) - returning
            seen = people
    out = pd.DataFrame(rows)
    out["suppressed"] = out["responses"] < min_group
    return blank_suppressed(out, counts=["responses", "returning", "new"])


def monitor(
    prepared: pd.DataFrame,
    checklist: Checklist,
    *,
    by: str | None = None,
    wave: str | None = None,
    rosters: pd.DataFrame | None = None,
    min_group: int = DEFAULT_MIN_GROUP,
    synthetic: bool | None = None,
    rosters_where: str = "rosters",
) -> Monitoring:
    """Analyse monitoring answers: groups, waves, change, response rates, privacy warnings.

    Parameters
    ----------
    prepared
        Answers from :func:`prepare_monitoring` (or :func:`plnlib.checklists.scoring.prepare_answers`).
    checklist
        The checklist answered.
    by
        A group column to compare (school, role, ``pln_member``...), or ``None``.
    wave
        The wave column (for example the year), or ``None`` for a single survey.
    rosters
        Staff numbers per group (see :func:`response_rates`), or ``None``.
    min_group
        Smallest group shown (default 5, never below 3).
    synthetic
        Whether the data are synthetic; by default read from the data's marker.
    rosters_where
        The roster file's name, for messages.

    Examples
    --------
    >>> from plnlib.monitoring import prepare_monitoring
    >>> from plnlib.io.content import load_checklist
    >>> from plnlib.samples.monitoring import monitoring_answers
    >>> c = load_checklist("knowledge-mobilisation")
    >>> raw = monitoring_answers(c, schools=4, staff=60, waves=(2024, 2025), seed=1)
    >>> m = monitor(prepare_monitoring(raw, c, by="school", wave="wave"), c,
    ...             by="school", wave="wave")
    >>> m.waves, m.synthetic, sorted(m.changes["level"].unique())
    ((2024, 2025), True, ['item', 'section'])
    """
    check_min_group(min_group)
    if by is not None:
        group_values(prepared, by, "group", "answers")
    if wave is not None:
        require_column(prepared, wave, "wave", "answers")
    data = response_matrix(prepared, checklist, wave)
    waves = waves_in_order(data.info[wave]) if wave else []
    sections = results_table(data, checklist, by, wave, "section", min_group)
    items = results_table(data, checklist, by, wave, "item", min_group)
    latest = waves[-1] if waves else None
    # the latest wave's answers, with no group columns: one respondent is one response
    # (with no wave named, the group columns tell a person's responses apart, as in sections)
    base = ["respondent", "item", "section", "score", "missing"]
    now = prepared if wave is None else prepared.loc[_in_wave(data, wave, latest), base]
    summary = team_summary(now, checklist, min_group=min_group)
    change = None
    if len(waves) > 1:
        change = pd.concat(
            [
                changes(frame, wave=wave, before=waves[-2], after=latest).assign(level=level)
                for level, frame in (("section", sections), ("item", items))
            ],
            ignore_index=True,
        )
    rates = None
    if rosters is not None:
        rates = response_rates(
            prepared, rosters, wave=wave, min_group=min_group, where=rosters_where, _info=data.info
        )
    columns = categorical_columns(data.info, wave)
    if by is not None and by not in columns:
        columns.insert(0, by)
    return Monitoring(
        checklist_id=checklist.id,
        by=by,
        wave=wave,
        waves=tuple(waves),
        min_group=min_group,
        synthetic=is_synthetic(prepared) if synthetic is None else bool(synthetic),
        responses=_response_counts(data.info, wave, waves, min_group),
        sections=sections,
        items=items,
        distribution=distribution_table(data, checklist, by, items, wave, latest),
        summary=summary,
        strengths=strengths(summary, checklist),
        priorities=priorities(summary, checklist, sections=2, items=4),
        changes=change,
        rates=rates,
        warnings=singling_out_cells(data.info, columns, wave, min_group, (1, 2)),
    )
