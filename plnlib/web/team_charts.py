"""The Team results page's charts: Vega-Lite specs made by plnlib's chart builders.

Each spec is written into the page at build time with its data left out, as a
named data set; the page only fills in the values (``pln-team-charts.js``):

- the section means, coloured by band (:func:`plnlib.charts.checklists.section_chart`);
- per section, how many people gave each answer to each item, as stacked bars
  (:func:`plnlib.charts.checklists.distribution_chart`);
- with a group column, the section means of each group shown, one small
  section chart per group (the same section chart, faceted by group).

Hidden (suppressed) rows carry no number, so they never reach a chart: the
rows functions below are the reference the page's port is checked against
(tests/conformance).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from plnlib.charts.checklists import distribution_chart, section_chart
from plnlib.checklists import Checklist
from plnlib.checklists.answers import prepare_answers
from plnlib.checklists.team import TeamSummary, team_summary

__all__ = [
    "CHART_DATA",
    "checklist_charts",
    "distribution_rows",
    "group_rows",
    "section_rows",
]

#: The names of the charts' data sets, which the page fills.
CHART_DATA = {"sections": "sections", "items": "items", "groups": "groups"}


def _template(chart: Any, name: str) -> dict[str, Any]:
    """A chart's spec without its data (and table), reading the named data set ``name``."""
    spec = chart.to_dict() if hasattr(chart, "to_dict") else dict(chart)
    spec.pop("datasets", None)
    spec.pop("usermeta", None)
    spec["data"] = {"name": name}
    return spec


def _fit_phone(spec: dict[str, Any]) -> dict[str, Any]:
    """Title at the chart's left edge and the legend in two columns, so both fit 390 px."""
    title = spec.get("title")
    if isinstance(title, str):
        spec["title"] = {"text": title, "anchor": "start", "frame": "bounds"}
    colour = spec.get("encoding", {}).get("color")
    if colour and "legend" in colour:
        colour["legend"] = {**colour["legend"], "columns": 2}
    return spec


def _blank(checklist: Checklist) -> TeamSummary:
    blank = pd.DataFrame(
        {"respondent": "nobody", "item": list(checklist.item_ids), "value": None}, dtype=object
    )
    return team_summary(prepare_answers(blank, checklist), checklist)


def _datasets(chart: Any) -> list[dict[str, Any]]:
    """The one data set's values of an altair chart (what plnlib itself would draw)."""
    sets = chart.to_dict()["datasets"]
    (values,) = sets.values()
    return values


def section_rows(summary: TeamSummary, checklist: Checklist) -> list[dict[str, Any]]:
    """The values plnlib's section chart draws for a team (hidden sections left out).

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> c = load_checklist("pln-design")
    >>> section_rows(_blank(c), c)
    []
    """
    return _datasets(section_chart(summary, checklist))


def distribution_rows(
    summary: TeamSummary, checklist: Checklist, section: str
) -> list[dict[str, Any]]:
    """The values plnlib's answer distribution chart draws for one section."""
    return _datasets(distribution_chart(summary, checklist, section))


def group_rows(table: pd.DataFrame, checklist: Checklist, by: str) -> list[dict[str, Any]]:
    """The values of the by-group section chart: every shown group's section means.

    ``table`` is :func:`plnlib.checklists.scoring.breakdown`'s; a hidden group has no mean
    and is left out.
    """
    scale = checklist.scale
    shown = table[~table["suppressed"].astype(bool) & table["mean"].notna()]
    return [
        {
            "Group": str(row[by]),
            "section": row["section"],
            "Section": row["title"],
            "n": int(row["n"]),
            "Mean": float(np.round(row["mean"], 2)),  # as pandas rounds the section chart's
            "Band": scale.band(float(row["mean"])),
        }
        for _, row in shown.iterrows()
    ]


def _group_spec(checklist: Checklist, section_spec: dict[str, Any]) -> dict[str, Any]:
    """The section chart drawn once per group (a facet), reading :data:`CHART_DATA` ``groups``."""
    inner = {
        k: v
        for k, v in section_spec.items()
        if k not in ("$schema", "config", "data", "datasets", "title", "description", "usermeta")
    }
    inner["encoding"] = dict(inner["encoding"])
    inner["width"] = 300  # a facet cannot take the container's width: CSS scales it down on a phone
    tips = inner["encoding"].get("tooltip", [])
    inner["encoding"]["tooltip"] = [{"field": "Group", "type": "nominal"}, *tips]
    scale = checklist.scale
    return {
        "$schema": section_spec.get("$schema"),
        "config": section_spec.get("config", {}),
        "data": {"name": CHART_DATA["groups"]},
        "title": {
            "text": f"{checklist.title}: section means by group",
            "anchor": "start",
            "frame": "bounds",
        },
        "description": (
            f"Bar charts of the mean score of each section of the {checklist.title} checklist, "
            f"one chart per group shown, on a scale from {scale.low} to {scale.high}. "
            "Hidden groups are left out."
        ),
        "facet": {
            "field": "Group",
            "type": "nominal",
            "title": None,
            "header": {
                "labelAngle": 0,
                "labelAlign": "left",
                "labelOrient": "top",
                "labelFontWeight": "bold",
                "labelFontSize": 13,
            },
        },
        "columns": 1,
        "spec": inner,
    }


def checklist_charts(checklist: Checklist) -> dict[str, Any]:
    """The Team results page's chart specs for one checklist, data left out.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> c = load_checklist("pln-design")
    >>> specs = checklist_charts(c)
    >>> specs["sections"]["data"], sorted(specs["items"]) == sorted(s.id for s in c.sections)
    ({'name': 'sections'}, True)
    >>> specs["groups"]["facet"]["field"], "datasets" in specs["groups"]
    ('Group', False)
    """
    blank = _blank(checklist)
    sections = _template(
        section_chart(blank, checklist, title=f"{checklist.title}: the team's section means"),
        CHART_DATA["sections"],
    )
    # the blank team hides every section: keep only the description's general part
    sections["description"] = sections["description"].split(" Not shown")[0]
    items = {
        s.id: _fit_phone(_template(distribution_chart(blank, checklist, s.id), CHART_DATA["items"]))
        for s in checklist.sections
    }
    groups = _group_spec(checklist, sections)
    return {"sections": _fit_phone(sections), "items": items, "groups": groups}
