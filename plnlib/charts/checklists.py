"""Charts of checklist results: section means and answer distributions."""

from __future__ import annotations

import altair as alt
import pandas as pd

from plnlib.charts.base import PALETTE, with_table
from plnlib.checklists import Checklist
from plnlib.checklists.person import missing_words
from plnlib.checklists.scoring import PersonScore, TeamSummary
from plnlib.privacy import FLOOR_MIN_GROUP

__all__ = ["SYNTHETIC_TAG", "distribution_chart", "section_chart"]


#: Added to chart titles and captions of synthetic (made-up) answers, and only to those.
SYNTHETIC_TAG = " (synthetic team)"


def _hidden_text(data: pd.DataFrame, result: TeamSummary | PersonScore) -> str:
    """Why sections are not drawn: all hidden, no score (only "Don't know"...), too few."""
    if isinstance(result, TeamSummary) and result.suppressed:
        return (
            f" Every result is hidden: fewer than {result.min_group} people answered. Collect "
            "more answers, combine them with another team's, or, only if the team agrees, lower "
            f"the smallest group shown to {FLOOR_MIN_GROUP}."
        )
    gone = data[data["Mean"].isna()]
    if gone.empty:
        return ""
    notes = gone["note"] if "note" in gone else pd.Series("", index=gone.index)
    groups: dict[str, list[str]] = {}
    for title, note in zip(gone["Section"], notes, strict=True):
        reason = note or "too few answers"
        groups.setdefault(reason, []).append(str(title))
    return "".join(f" Not shown ({reason}): {', '.join(t)}." for reason, t in groups.items())


def section_chart(
    result: TeamSummary | PersonScore,
    checklist: Checklist,
    *,
    title: str | None = None,
    synthetic: bool = False,
) -> alt.Chart:
    """Horizontal bars of section means on the checklist's scale.

    Hidden sections are left out of the bars and named in the description with the
    reason (too few answers, or every answer "Don't know" or "Not applicable").
    ``synthetic=True`` (for made-up answers only) adds "(synthetic team)" to the title
    and the table's caption; a user's own answers never say so.

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
    notes = ["note"] if "note" in result.sections else []
    data = result.sections[
        ["section", "title", "n" if "n" in result.sections else "answered", "mean", "band", *notes]
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
        desc += _hidden_text(data, result)
    tag = SYNTHETIC_TAG if synthetic else ""
    if title is None:
        title = f"{checklist.title}: section means{tag}"
        if isinstance(result, TeamSummary) and result.suppressed:
            title = f"{checklist.title}: every result hidden (fewer than {result.min_group} people)"
        elif shown.empty and "note" in data and data["note"].str.startswith("no score").any():
            title = f"{checklist.title}: no score (every answer was {missing_words(checklist)})"
    bands = [label for _, label in sorted(scale.bands)]
    chart = (
        alt.Chart(shown, title=title, description=desc)
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
        caption=f"Section means, {checklist.title}{tag}",
        columns=["Section", "n", "Mean", "Band"],
    )


def distribution_chart(
    summary: TeamSummary,
    checklist: Checklist,
    section: str | None = None,
    *,
    synthetic: bool = False,
) -> alt.Chart:
    """Stacked bars: how many people gave each answer to each item of a section.

    ``section`` defaults to the weakest section shown (the first section when none is
    shown: then the bars are empty and the title says the answers are hidden).
    ``synthetic=True`` (made-up answers only) adds "(synthetic team)" to the title.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> from plnlib.checklists.scoring import prepare_answers, team_summary
    >>> c = load_checklist("pln-design")
    >>> raw = pd.DataFrame({"respondent": list("abc"), "item": "DES-01", "value": 3})
    >>> print(distribution_chart(team_summary(prepare_answers(raw, c), c), c).to_dict()["title"])
    Answers in 'Shared vision, goals and focus': hidden (fewer than 5 people answered)
    """
    if section is None:
        weakest = summary.sections.dropna(subset=["mean"]).nsmallest(1, "mean")
        section = str((weakest if len(weakest) else summary.sections)["section"].iloc[0])
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
    title = f"Answers in '{sec.title}'{SYNTHETIC_TAG if synthetic else ''}"
    note = summary.sections.set_index("section")["note"].get(sec.id, "")
    if dist.empty and not summary.suppressed and str(note).startswith("no score"):
        title = f"Answers in '{sec.title}': no score (every answer was {missing_words(checklist)})"
        desc += f" No bars: every answer was {missing_words(checklist)}."
    elif dist.empty:
        title = f"Answers in '{sec.title}': hidden (fewer than {summary.min_group} people answered)"
        desc += f" Hidden: fewer than {summary.min_group} people answered these statements."
    chart = (
        alt.Chart(dist, title=title, description=desc)
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
