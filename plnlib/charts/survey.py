"""Pieces shared by the charts of survey results over groups and waves.

The charts themselves are in :mod:`plnlib.charts.answers` (how people answered),
:mod:`plnlib.charts.groups` (groups compared) and :mod:`plnlib.charts.waves`
(change across waves); :mod:`plnlib.charts.monitoring` names them all.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from plnlib.checklists import NETWORK, Checklist
from plnlib.errors import DataError
from plnlib.helpers import short_label
from plnlib.monitoring import Monitoring

__all__ = [
    "GREY",
    "HIDDEN",
    "check_result",
    "column_words",
    "group_picker",
    "hidden_groups",
    "latest_rows",
    "shown_groups",
    "wave_text",
    "who",
]

#: Other groups' dots.
GREY = "#9a9a9a"
#: Hidden cells of a heatmap.
HIDDEN = "#e6e6e6"

_LABELS = {"pln_member": "PLN member group", "years_in_network": "years-in-network band"}


def check_result(result: Monitoring, checklist: Checklist) -> None:
    """Refuse results of another checklist, with a message that says which to pass."""
    if result.checklist_id != checklist.id:
        raise DataError(
            f"expected results of the checklist '{checklist.id}', found results of "
            f"'{result.checklist_id}'",
            fix="Pass the checklist the answers were scored with.",
        )


def column_words(column: str | None) -> str:
    """A column name as words: school, role, PLN member group...

    Examples
    --------
    >>> column_words("pln_member"), column_words("key_stage"), column_words(None)
    ('PLN member group', 'key stage', 'group')
    """
    if column is None:
        return "group"
    column = short_label(column)  # a form's question ("Which school ...?") by its short name
    return _LABELS.get(column, column.replace("_", " "))


def who(result: Monitoring) -> str:
    """The groups in words for descriptions: each school (or role...), or the whole network."""
    return f"each {column_words(result.by)}" if result.by else "the whole network"


def wave_text(result: Monitoring) -> str:
    """Words naming the latest wave (such as: in wave 2025), or nothing without waves."""
    return f" in wave {result.latest}" if result.latest is not None else ""


def latest_rows(frame: pd.DataFrame, result: Monitoring) -> pd.DataFrame:
    """The rows of the latest wave (all rows without waves)."""
    if result.wave is None:
        return frame
    return frame[frame[result.wave] == result.latest]


def shown_groups(frame: pd.DataFrame) -> list[str]:
    """Groups with something shown, the whole network first.

    Examples
    --------
    >>> t = pd.DataFrame({"group": [NETWORK, "A", "B"], "suppressed": [False, False, True]})
    >>> shown_groups(t)
    ['Whole network', 'A']
    """
    shown = frame.loc[~frame["suppressed"], "group"].astype(str)
    return list(dict.fromkeys([NETWORK, *shown]))


def hidden_groups(frame: pd.DataFrame) -> list[str]:
    """Groups with every row hidden, to name in a description."""
    hidden = frame.groupby(frame["group"].astype(str))["suppressed"].all()
    return [g for g in hidden.index if hidden[g] and g != NETWORK]


def group_picker(name: str, options: list[str], label: str) -> alt.Parameter:
    """A menu (Vega-Lite param bound to a select) that starts on the first option."""
    return alt.param(
        name=name, value=options[0], bind=alt.binding_select(options=options, name=label)
    )
