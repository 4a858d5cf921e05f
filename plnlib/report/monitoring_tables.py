"""The numbers of the monitoring report: its tables, and every number as one CSV table.

The tables show what the monitoring result holds: a suppressed row's numbers
are blanked where the result is made (:mod:`plnlib.monitoring`), and a
suppressed row is flagged ``hidden`` here so each output marks it as such.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from plnlib.monitoring import NETWORK, Monitoring
from plnlib.report.monitoring_text import latest, words
from plnlib.web.cells import Format

__all__ = [
    "ReportTable",
    "change_table",
    "group_table",
    "item_changes",
    "monitoring_numbers",
    "number_formats",
    "rates_table",
    "section_table",
]


@dataclass(frozen=True)
class ReportTable:
    """A table of the report: its rows, caption, and which rows are hidden (suppressed)."""

    frame: pd.DataFrame
    caption: str
    hidden: tuple[bool, ...] = field(default=())

    @property
    def formats(self) -> dict[str, Format]:
        """The format of each column, from its name (see :func:`number_formats`)."""
        return number_formats([str(c) for c in self.frame.columns])


def _flags(values: pd.Series) -> tuple[bool, ...]:
    return tuple(bool(v) for v in values.fillna(False))


def number_formats(columns: Sequence[str]) -> dict[str, Format]:
    """How each column's numbers read: counts whole, changes signed, rates as percentages.

    Examples
    --------
    >>> number_formats(["Section", "n", "Mean", "Change", "Rate"])
    {'n': '{:.0f}', 'Mean': '{:.2f}', 'Change': '{:+.2f}', 'Rate': '{:.0%}'}
    """
    out: dict[str, Format] = {}
    for k, column in enumerate(columns):
        if k == 0:
            continue
        if column == "Change":
            out[column] = "{:+.2f}"
        elif column == "Rate":
            out[column] = "{:.0%}"
        elif column in ("n", "Responses", "Staff") or column.startswith("n "):
            out[column] = "{:.0f}"
        else:
            out[column] = "{:.2f}"
    return out


def _when(result: Monitoring) -> str:
    return f" in wave {result.latest}" if result.latest is not None else ""


def section_table(result: Monitoring) -> ReportTable:
    """Section results of the whole network in the latest wave."""
    rows = latest(result.sections, result)
    net = rows[rows["network"]].set_index("id")
    frame = pd.DataFrame(
        {
            "Section": net["title"],
            "n": net["n"],
            "Mean": net["mean"],
            "SD": net["sd"],
            "Band": result.summary.sections.set_index("section")["band"].reindex(net.index),
        }
    ).reset_index(drop=True)
    caption = f"Section results, whole network{_when(result)}"
    return ReportTable(frame, caption, _flags(net["suppressed"]))


def group_table(result: Monitoring) -> ReportTable:
    """Section means of each group in the latest wave (one column per section)."""
    rows = latest(result.sections, result)
    rows = rows[~rows["network"]]
    wide = rows.pivot_table(
        index="group", columns="title", values="mean", aggfunc="first", dropna=False, sort=False
    )
    n = rows.groupby("group", sort=False)["n"].max()
    hidden = rows.groupby("group", sort=False)["suppressed"].all()
    frame = wide.reset_index().rename(columns={"group": words(result.by).capitalize()})
    frame.insert(1, "n", n.reindex(wide.index).to_numpy())
    frame.columns.name = None
    caption = f"Section means by {words(result.by)}{_when(result)}"
    return ReportTable(frame, caption, _flags(hidden.reindex(wide.index)))


def change_table(result: Monitoring, network: bool) -> ReportTable:
    """Change in each section from the previous wave: the whole network, or by group."""
    ch = result.changes
    rows = ch[(ch["level"] == "section") & (ch["network"] == network)]
    if network:
        frame = pd.DataFrame(
            {
                "Section": rows["title"],
                f"n {result.previous}": rows["n_before"],
                f"Mean {result.previous}": rows["mean_before"],
                f"n {result.latest}": rows["n_after"],
                f"Mean {result.latest}": rows["mean_after"],
                "Change": rows["change"],
            }
        ).reset_index(drop=True)
        caption = f"Change from wave {result.previous} to {result.latest}, whole network"
        return ReportTable(frame, caption, _flags(rows["suppressed"]))
    wide = rows.pivot_table(
        index="group", columns="title", values="change", aggfunc="first", dropna=False, sort=False
    )
    wide.columns.name = None
    frame = wide.reset_index().rename(columns={"group": words(result.by).capitalize()})
    return ReportTable(frame, f"Change in each section by {words(result.by)}")


def item_changes(result: Monitoring, k: int = 3) -> ReportTable:
    """The ``k`` statements that rose most and the ``k`` that fell most, whole network."""
    ch = result.changes
    rows = ch[(ch["level"] == "item") & ch["network"]].dropna(subset=["change"])
    pick = pd.concat([rows.nlargest(k, "change"), rows.nsmallest(k, "change")]).drop_duplicates(
        "id"
    )
    frame = pd.DataFrame(
        {
            "Statement": pick["id"] + " " + pick["title"],
            f"Mean {result.previous}": pick["mean_before"],
            f"Mean {result.latest}": pick["mean_after"],
            "Change": pick["change"],
        }
    ).reset_index(drop=True)
    return ReportTable(frame, "Statements that changed most, whole network")


def rates_table(result: Monitoring) -> ReportTable:
    """Responses against the staff on the rosters, per group, in the latest wave."""
    rates = latest(result.rates, result)
    frame = pd.DataFrame(
        {
            words(next((g for g in rates["group_by"] if g), None)).capitalize(): rates[
                "group"
            ].astype(str),
            "Responses": rates["responses"],
            "Staff": rates["staff"],
            "Rate": rates["rate"].astype("float64"),
            "Note": rates["note"],
        }
    ).reset_index(drop=True)
    return ReportTable(frame, f"Response rates{_when(result)}", _flags(rates["suppressed"]))


def monitoring_numbers(result: Monitoring) -> pd.DataFrame:
    """Every number of the report as one tidy table, as the result holds it (suppressed cells empty).

    Columns: ``table`` (``sections``, ``items``, ``changes``, ``rates``),
    the wave, ``group_by``, ``group``, ``level``, ``id``, ``title``, ``n``,
    ``mean``, ``sd``, the change columns, the rate columns and ``suppressed``.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> from plnlib.monitoring import monitor, prepare_monitoring
    >>> from plnlib.samples.monitoring import monitoring_answers
    >>> c = load_checklist("knowledge-mobilisation")
    >>> raw = monitoring_answers(c, schools=3, staff=40, waves=(1, 2), seed=3)
    >>> m = monitor(prepare_monitoring(raw, c, by="school", wave="wave"), c,
    ...             by="school", wave="wave")
    >>> t = monitoring_numbers(m)
    >>> sorted(t["table"].unique()), bool(t.loc[t["suppressed"], "mean"].isna().all())
    (['changes', 'items', 'sections'], True)
    """
    wave = result.wave or "wave"
    frames = []
    for name, frame, level in (
        ("sections", result.sections, "section"),
        ("items", result.items, "item"),
    ):
        frames.append(frame.assign(table=name, level=level))
    if result.changes is not None:
        frames.append(result.changes.assign(table="changes", **{wave: result.latest}))
    if result.rates is not None:
        frames.append(result.rates.assign(table="rates", level="group"))
    out = pd.concat(frames, ignore_index=True)
    if wave not in out.columns:
        out[wave] = pd.NA
    by = np.where(out["group"] == NETWORK, "", result.by or "")
    out["group_by"] = out["group_by"].fillna(pd.Series(by)) if "group_by" in out else by

    numbers: Sequence[str] = [
        c
        for c in (
            "n",
            "mean",
            "sd",
            "n_before",
            "mean_before",
            "n_after",
            "mean_after",
            "change",
            "responses",
            "rate",
        )
        if c in out.columns
    ]
    for col in numbers:
        out[col] = out[col].astype("float64").round(4)
    out = out.assign(synthetic=result.synthetic, min_group=result.min_group)
    columns = [
        "table",
        wave,
        "group_by",
        "group",
        "level",
        "id",
        "title",
        *numbers,
        *(["staff", "note"] if result.rates is not None else []),
        "suppressed",
        "min_group",
        "synthetic",
    ]
    return out[[c for c in columns if c in out.columns]]
