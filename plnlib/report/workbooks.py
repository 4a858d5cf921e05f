"""The numbers of the monitoring and network reports as workbook sheets (one per table).

Written by :func:`plnlib.io.workbook.write_workbook`. Hidden numbers are empty
cells; a group hidden in every wave has no row at all (and is not named); people
are whatever the network holds (codes unless names were asked for).
"""

from __future__ import annotations

import pandas as pd

from plnlib.helpers import plural
from plnlib.monitoring import Monitoring
from plnlib.networks import Network, NetworkAnalysis
from plnlib.networks.brokerage import ROLES
from plnlib.report.monitoring import monitoring_numbers
from plnlib.report.redaction import hidden_groups, redact_frame
from plnlib.version import __version__

__all__ = ["monitoring_about", "monitoring_sheets", "network_about", "network_sheets"]

_MONITORING_SHEETS = {
    "sections": "Sections",
    "items": "Statements",
    "changes": "Change",
    "rates": "Response rates",
}


def monitoring_sheets(result: Monitoring) -> dict[str, pd.DataFrame]:
    """Sheet name -> table: sections, statements, change and response rates (when present)."""
    numbers = redact_frame(monitoring_numbers(result), hidden_groups(result))
    sheets = {}
    for table, name in _MONITORING_SHEETS.items():
        rows = numbers[numbers["table"] == table].drop(columns="table")
        if rows.empty:
            continue
        keep = [c for c in rows.columns if c == "suppressed" or rows[c].notna().any()]
        sheets[name] = rows[keep].reset_index(drop=True)
    return sheets


def monitoring_about(result: Monitoring, *, checklist_title: str, source: str = "") -> list:
    """The rows of the About sheet of a monitoring workbook."""
    hidden = hidden_groups(result)
    rows = [
        ("Checklist", checklist_title),
        (
            "Data",
            "synthetic data made by plnlib: no real school or person is described"
            if result.synthetic
            else "real answers",
        ),
        ("Read from", source),
        ("Waves", ", ".join(map(str, result.waves)) if result.waves else "one survey"),
        ("Compared by", result.by or "(whole network only)"),
        ("Smallest group shown", str(result.min_group)),
        (
            "Hidden numbers",
            "Empty cells: fewer answers than the smallest group shown, or hidden so that a small "
            "group cannot be worked out from the total (complementary suppression).",
        ),
    ]
    if hidden:
        rows.append(
            (
                "Groups left out",
                f"{plural(len(hidden), 'group')} hidden in every wave "
                f"{'has' if len(hidden) == 1 else 'have'} no rows here.",
            )
        )
    rows.append(("Made with", f"plnlib {__version__}"))
    return rows


def network_sheets(
    net: Network, analysis: NetworkAnalysis, *, names: bool = False
) -> dict[str, pd.DataFrame]:
    """Sheet name -> table: the network's summary, people, schools, questions and data checks.

    ``net`` and ``analysis`` are as shown (pseudonymised unless ``names``).
    """
    summary = analysis.summary.to_frame()[["measure", "value", "meaning"]]
    extra = [
        ("communities", analysis.communities.count, "Louvain communities (seeded)"),
        ("modularity", analysis.communities.modularity, "above about 0.3: clear groups"),
    ]
    if analysis.ei is not None:
        extra.append(("E-I index by school", analysis.ei.index, "-1 all inside, +1 all across"))
    summary = pd.concat(
        [summary, pd.DataFrame(extra, columns=["measure", "value", "meaning"])],
        ignore_index=True,
    )
    sheets = {"Summary": summary, "People": analysis.metrics_frame().reset_index(drop=True)}
    if analysis.ei is not None:
        schools = analysis.ei.groups.rename(columns={"group": "school"})
        if all(r in analysis.people.columns for r in ROLES):
            roles = analysis.people.groupby("school", sort=True)[list(ROLES)].sum()
            schools = schools.merge(roles.reset_index(), on="school", how="left")
        sheets["Schools"] = schools
    sheets["PLN questions"] = pd.DataFrame(
        {
            "question": [a.question for a in analysis.answers],
            "answer": [a.answer for a in analysis.answers],
            "details": ["\n".join(a.points) for a in analysis.answers],
        }
    )
    checks = net.report.to_frame()
    if not names:
        checks = checks.drop(columns="people")
    sheets["Data checks"] = checks
    return sheets


def network_about(
    analysis: NetworkAnalysis, *, names: bool, synthetic: bool, source: str = ""
) -> list:
    """The rows of the About sheet of a network workbook."""
    return [
        ("Relation", analysis.relation),
        ("Wave", analysis.wave or "(no waves)"),
        (
            "Data",
            "synthetic data made by plnlib: no real school or person is described"
            if synthetic
            else "real answers",
        ),
        ("Read from", source),
        ("People", "names (asked for)" if names else "codes (P001, ...), never names"),
        ("Made with", f"plnlib {__version__}"),
    ]
