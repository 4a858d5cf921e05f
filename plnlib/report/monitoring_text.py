"""The words of the monitoring report: the summary, the methods note, privacy notes, links.

Plain sentences made from a :class:`plnlib.monitoring.Monitoring` result; each
output format (:mod:`plnlib.report.monitoring`) escapes them itself.
"""

from __future__ import annotations

import pandas as pd

from plnlib.checklists import Checklist
from plnlib.checklists.team import ALPHA_MEANINGFUL
from plnlib.helpers import plural, short_label, widest_gap
from plnlib.io.content import load_chapters
from plnlib.monitoring import NETWORK, Monitoring
from plnlib.version import __version__

__all__ = [
    "HANDBOOK_URL",
    "NOTHING",
    "chapter_url",
    "consistency",
    "facts",
    "hidden_groups",
    "latest",
    "methods",
    "privacy_warnings",
    "words",
]

#: What a list of strengths or priorities says when every result is hidden.
NOTHING = "Nothing to show: too few people answered for any result to be shown."
#: Where the handbook is published; chapter links in reports start here.
HANDBOOK_URL = "https://pln-handbook.github.io/pln-handbook/"


def chapter_url(chapter_id: str) -> tuple[str, str]:
    """The absolute URL and title of a handbook chapter.

    Examples
    --------
    >>> chapter_url("monitoring")
    ('https://pln-handbook.github.io/pln-handbook/book/evaluating/monitoring.html', 'Monitoring a network over time')
    """
    chapter = load_chapters()[chapter_id]
    return f"{HANDBOOK_URL}{chapter.path}.html", chapter.title


def latest(frame: pd.DataFrame, result: Monitoring) -> pd.DataFrame:
    """The rows of the latest wave (all rows without waves)."""
    return frame if result.wave is None else frame[frame[result.wave] == result.latest]


def words(column: str | None) -> str:
    """A group column in words: ``pln_member`` -> ``PLN membership``; a form's question
    ("Which school do you work in?") by its short name (``school``, see
    :func:`plnlib.helpers.short_label`).

    Examples
    --------
    >>> words("pln_member"), words("Which school do you work in?"), words(None)
    ('PLN membership', 'school', 'group')
    """
    if column is None:
        return "group"
    short = short_label(column)
    return {"pln_member": "PLN membership", "years_in_network": "years in the network"}.get(
        short, short.replace("_", " ")
    )


def hidden_groups(result: Monitoring) -> list[str]:
    """The groups whose every section is hidden in the latest wave."""
    rows = latest(result.sections, result)
    rows = rows[~rows["network"]]
    hidden = rows.groupby(rows["group"].astype(str))["suppressed"].all()
    return [str(g) for g in hidden.index if hidden[g]]


def facts(result: Monitoring, checklist: Checklist) -> list[str]:
    """The summary as plain sentences (escaped later by each output format)."""
    scale = checklist.scale
    out = []
    counts = result.responses.iloc[-1]
    when = f"In wave {result.latest}, " if result.latest is not None else ""
    rate = ""
    if result.rates is not None:
        net = latest(result.rates, result)
        net = net[net["group"] == NETWORK]
        if len(net) and not pd.isna(net["rate"].iloc[0]):
            rate = (
                f" ({net['rate'].iloc[0]:.0%} of the {int(net['staff'].iloc[0])} staff on "
                "the rosters)"
            )
    if pd.isna(counts["responses"]):  # fewer than the minimum: even the count is hidden
        hidden = f"{when}fewer than {result.min_group} people answered the {checklist.title} "
        out.append(hidden[0].upper() + hidden[1:] + "checklist, so no result is shown.")
    else:
        out.append(
            f"{when}{plural(int(counts['responses']), 'person', 'people')} answered the "
            f"{checklist.title} checklist{rate}."
        )
    sec = result.summary.sections.dropna(subset=["mean"])
    if len(sec):
        top, low = sec.loc[sec["mean"].idxmax()], sec.loc[sec["mean"].idxmin()]
        out.append(
            f"Strongest section: {top['title']} (mean {top['mean']:.2f} on a scale from "
            f"{scale.low} to {scale.high}, {top['band']}). Weakest: {low['title']} "
            f"({low['mean']:.2f}, {low['band']})."
        )
    elif not pd.isna(counts["responses"]):  # else the first sentence said so
        out.append(f"Too few people answered to show results (fewer than {result.min_group}).")
    if result.changes is not None:
        net = result.changes[result.changes["network"] & (result.changes["level"] == "section")]
        net = net.dropna(subset=["change"])
        if len(net):
            up = int((net["change"] >= 0.05).sum())
            down = int((net["change"] <= -0.05).sum())
            big = net.loc[net["change"].abs().idxmax()]
            out.append(
                f"Since wave {result.previous}: {up} of {plural(len(net), 'section')} rose by "
                f"0.05 or more and {down} fell by 0.05 or more; the largest change is in "
                f"{big['title']} ({big['change']:+.2f})."
            )
    if result.by is not None:
        rows = latest(result.sections, result)
        gap = widest_gap(rows[~rows["network"] & ~rows["suppressed"]])
        if gap is not None:
            title, low, low_group, high, high_group = gap
            out.append(
                f"Compared by {words(result.by)}: groups differ most in {title}, from "
                f"{low:.2f} ({low_group}) to {high:.2f} ({high_group})."
            )
        hidden = hidden_groups(result)
        if hidden:
            are = "is" if len(hidden) == 1 else "are"
            out.append(
                f"Results of {plural(len(hidden), 'group')} {are} hidden: too few answers, or "
                "hidden so that a small group cannot be worked out from the total."
            )
    if result.synthetic:
        out.append("These data are synthetic: they describe no real school or person.")
    return out


def privacy_warnings(result: Monitoring) -> list[str]:
    """Singling-out warnings by combination of columns, without naming any cell."""
    combos: dict[tuple[str, ...], list[int]] = {}
    for w in result.warnings:
        combos.setdefault(w.columns, []).append(w.n)
    return [
        f"{' and '.join(words(c) for c in cols)}: {plural(len(ns), 'cell')} with fewer than "
        f"{result.min_group} people"
        for cols, ns in combos.items()
    ]


def methods(result: Monitoring, source: str) -> list[str]:
    """The methods note, one paragraph per string."""

    def count(value: object, noun: str) -> str:
        hidden = pd.isna(value)  # type: ignore[call-overload]
        return f"fewer than {result.min_group} {noun}s" if hidden else plural(int(value), noun)  # type: ignore[call-overload]

    waves = (
        "; ".join(
            f"wave {r[result.wave]}: {count(r['responses'], 'response')}"
            + (
                ""
                if pd.isna(r["returning"])
                else f" ({int(r['returning'])} also answered the wave before, {int(r['new'])} new)"
            )
            for _, r in result.responses.iterrows()
        )
        if result.wave
        else f"{count(result.responses['responses'].iloc[0], 'response')} in one survey"
    )
    paragraphs = [
        f"Data: {'synthetic data made by plnlib (no real school or person)' if result.synthetic else 'real answers'}"
        + (f", read from {source}" if source else "")
        + f". {waves[0].upper() + waves[1:]}.",
        "Means leave out 'don't know' and 'not applicable'. A section mean is the mean of each "
        "person's mean over the statements of the section they answered; n counts the people "
        "with at least one answer.",
        f"Privacy: results for a group with fewer than {result.min_group} responses in a wave, "
        f"and any cell with fewer than {result.min_group} answers, are hidden. When only one "
        "group would be hidden, the next smallest is hidden too (complementary suppression), "
        "so a hidden result cannot be worked out from the total and the other groups. "
        "Hidden cells are empty in the tables and grey or left out in the charts.",
    ]
    if result.changes is not None:  # a one-wave report has no change to explain
        paragraphs.append(
            "Change compares the last two waves. People who joined or left between waves are "
            "included in the wave they answered, so a change can come from who answered as "
            "well as from practice; small changes (under about 0.2) are within the usual "
            "variation."
        )
    paragraphs += consistency(result)
    paragraphs.append(
        f"Made with plnlib {__version__} on your computer; nothing was sent anywhere."
    )
    return paragraphs


def consistency(result: Monitoring) -> list[str]:
    """Cronbach's alpha in plain words, for the sections where it means something.

    Alpha is quoted only for a section of two or more statements with at least
    the minimum group of complete answers, and only when it is at least
    :data:`ALPHA_MEANINGFUL`; a lower (or negative) alpha gets a plain note instead of
    the number. Returns no paragraph when no section has anything to say.
    """
    sections = result.summary.sections
    quoted, loose = [], []
    for row in sections.itertuples():
        alpha = row.alpha
        if pd.isna(alpha) or row.suppressed:
            continue
        if alpha >= ALPHA_MEANINGFUL:
            quoted.append(f"{row.title} {alpha:.2f}")
        else:
            loose.append(str(row.title))
    if not quoted and not loose:
        return []
    text = (
        "Consistency: Cronbach's alpha, a number up to 1, says how far people who rate one "
        "statement of a section high also rate its other statements high; 0.7 or more means "
        "the section's statements measure much the same thing, so its mean is a fair summary."
    )
    when = f" in wave {result.latest}" if result.latest is not None else ""
    if quoted:
        text += f" Whole network{when}: " + "; ".join(quoted) + "."
    if loose:
        text += (
            f" The answers to {', '.join(loose)} do not hang together (people who rate one "
            "statement high often rate another low), so read "
            + ("its" if len(loose) == 1 else "their")
            + " statements one by one rather than the section mean."
        )
    return [text]
