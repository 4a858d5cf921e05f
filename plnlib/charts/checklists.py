"""Charts of checklist results: section means and answer distributions."""

from __future__ import annotations

import altair as alt
import pandas as pd

from plnlib.charts.base import PALETTE, with_table
from plnlib.checklists import Checklist
from plnlib.checklists.scoring import PersonScore, TeamSummary

__all__ = ["distribution_chart", "section_chart"]


def section_chart(
    result: TeamSummary | PersonScore, checklist: Checklist, *, title: str | None = None
) -> alt.Chart:
    """Horizontal bars of section means on the checklist's scale.

    Suppressed sections are left out of the bars and named in the description.

    Examples
    --------
    >>> import pandas as pd
    >>> from plnlib.io.content import load_checklist
    >>> from plnlib.checklists.scoring import person_score, prepare_answers
    >>> c = load_checklist("pln-design")
    >>> raw = pd.DataFrame({"respondent": "me", "item": list(c.item_ids), "value": 3})
    >>> spec = section_chart(person_score(prepare_answers(raw, c), c), c).to_dict()
    >>> spec["title"], spec["description"][:40]
    ('PLN design: section means', 'Bar chart of the mean score of each of 6')
    """
    scale = checklist.scale
    data = result.sections[
        ["section", "title", "n" if "n" in result.sections else "answered", "mean", "band"]
    ]
    data = data.rename(
        columns={"answered": "n", "title": "Section", "mean": "Mean", "band": "Band"}
    )
    shown = data.dropna(subset=["Mean"]).copy()
    shown["Mean"] = shown["Mean"].round(2)
    hidden = data.loc[data["Mean"].isna(), "Section"].tolist()
    order = [s.title for s in checklist.sections]
    weakest = shown.nsmallest(1, "Mean")
    strongest = shown.nlargest(1, "Mean")
    desc = (
        f"Bar chart of the mean score of each of {len(order)} sections of the {checklist.title} "
        f"checklist on a scale from {scale.low} ({scale.label(scale.low)}) to {scale.high} "
        f"({scale.label(scale.high)})."
    )
    if len(shown):
        desc += (
            f" Highest: {strongest['Section'].iloc[0]} ({strongest['Mean'].iloc[0]:.2f})."
            f" Lowest: {weakest['Section'].iloc[0]} ({weakest['Mean'].iloc[0]:.2f})."
        )
    if hidden:
        desc += f" Not shown (too few answers): {', '.join(hidden)}."
    bands = [label for _, label in sorted(scale.bands)]
    chart = (
        alt.Chart(shown, title=title or f"{checklist.title}: section means", description=desc)
        .mark_bar()
        .encode(
            y=alt.Y("Section:N", sort=order, title=None, axis=alt.Axis(labelLimit=260)),
            x=alt.X(
                "Mean:Q",
                scale=alt.Scale(domain=[scale.low, scale.high], zero=False, nice=False),
                title=f"Mean score ({scale.low} = {scale.label(scale.low)}, "
                f"{scale.high} = {scale.label(scale.high)})",
                axis=alt.Axis(tickMinStep=0.5),
            ),
            # bars start at the bottom of the scale, not at zero (which is off the scale)
            x2=alt.datum(scale.low),
            color=alt.Color(
                "Band:N",
                scale=alt.Scale(domain=bands, range=list(PALETTE[: len(bands)])),
                legend=alt.Legend(title="Band", orient="bottom"),
            ),
            tooltip=["Section:N", alt.Tooltip("Mean:Q", format=".2f"), "Band:N", "n:Q"],
        )
        .properties(width="container", height=alt.Step(28))
    )
    table = data.assign(Mean=data["Mean"].round(2))
    return with_table(
        chart,
        table,
        caption=f"Section means, {checklist.title}",
        columns=["Section", "n", "Mean", "Band"],
    )


def distribution_chart(summary: TeamSummary, checklist: Checklist, section: str) -> alt.Chart:
    """Stacked bars: how many people gave each answer to each item of a section."""
    sec = checklist.section(section)
    dist = summary.distribution[summary.distribution["section"] == sec.id].dropna(subset=["count"])
    dist = pd.DataFrame(
        {
            "Item": dist["item"],
            "Answer": dist["label"],
            "value": dist["value"],
            "People": dist["count"].astype(int),
        }
    )
    labels = [p.label for p in checklist.scale.points]
    desc = (
        f"Stacked bars of the answers to the {len(sec.items)} items of '{sec.title}': "
        f"how many people chose each answer from {labels[0]} to {labels[-1]}."
    )
    chart = (
        alt.Chart(dist, title=f"Answers in '{sec.title}'", description=desc)
        .mark_bar()
        .encode(
            y=alt.Y("Item:N", title=None),
            x=alt.X(
                "People:Q", stack="normalize", title="Share of answers", axis=alt.Axis(format="%")
            ),
            color=alt.Color(
                "Answer:N",
                sort=labels,
                scale=alt.Scale(domain=labels, range=list(PALETTE[: len(labels)])),
                legend=alt.Legend(orient="bottom"),
            ),
            order=alt.Order("value:Q"),
            tooltip=["Item:N", "Answer:N", "People:Q"],
        )
        .properties(width="container", height=alt.Step(24))
    )
    return with_table(
        chart, dist, caption=f"Answers per item, {sec.title}", columns=["Item", "Answer", "People"]
    )
