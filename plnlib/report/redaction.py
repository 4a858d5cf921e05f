"""Keep hidden groups out of exports: no name, no number, not even a grey cell.

A group is *hidden* when every one of its section results is suppressed (too
few answers in every wave, or hidden so that a small group cannot be worked out
from the total; see :mod:`plnlib.privacy`). Its name is only a label, but an
export travels further than a report, and "the one school with three answers"
is exactly what suppression hides, so pictures, decks and workbooks leave it out
and say how many groups were left out instead.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

import pandas as pd

from plnlib.monitoring import NETWORK, Monitoring

__all__ = ["hidden_groups", "redact_frame", "redact_spec", "redact_text"]

_ONE = "a hidden group"
_MANY = re.compile(rf"{_ONE}(?:(?:,| and|, and) {_ONE})+")


def hidden_groups(result: Monitoring) -> tuple[str, ...]:
    """The groups whose section results are suppressed in every wave, in order.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> from plnlib.monitoring import monitor, prepare_monitoring
    >>> from plnlib.samples.monitoring import monitoring_answers
    >>> c = load_checklist("knowledge-mobilisation")
    >>> raw = monitoring_answers(c, schools=3, staff=40, waves=(1, 2), seed=3)
    >>> m = monitor(prepare_monitoring(raw, c, by="school", wave="wave"), c, by="school",
    ...             wave="wave")
    >>> hidden_groups(m)  # Cedar is too small; Birch is hidden with it
    ('Cedar', 'Birch')
    """
    if result.by is None:
        return ()
    rows = result.sections[~result.sections["network"]]
    hidden = rows.groupby(rows["group"].astype(str), sort=False)["suppressed"].all()
    return tuple(str(g) for g in hidden.index if hidden[g] and g != NETWORK)


def redact_text(text: str, hidden: Collection[str]) -> str:
    """Replace each hidden group's name (as a whole word) by "a hidden group".

    Examples
    --------
    >>> redact_text("Not shown (too few answers): Birch, Yew.", ["Birch", "Yew"])
    'Not shown (too few answers): 2 hidden groups.'
    >>> redact_text("Yewtree is fine; Yew is not.", ["Yew"])
    'Yewtree is fine; a hidden group is not.'
    """
    if not hidden:
        return text
    names = sorted(hidden, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")
    out = pattern.sub(_ONE, text)
    return _MANY.sub(lambda m: f"{m.group(0).count(_ONE)} hidden groups", out)


def _names_a_hidden_group(record: dict[str, Any], hidden: Collection[str]) -> bool:
    return any(isinstance(v, str) and v in hidden for v in record.values())


def redact_spec(spec: Any, hidden: Collection[str]) -> Any:
    """A copy of a Vega-Lite spec (or any JSON) with the hidden groups taken out.

    Data rows naming a hidden group are dropped, keys and list entries equal to
    a hidden name are dropped (the columns of a table alternative, a sort
    order), and free text has the names replaced (:func:`redact_text`).

    Examples
    --------
    >>> spec = {"description": "Hidden: Yew.", "datasets": {"d": [
    ...     {"Group": "Oak", "Mean": 3}, {"Group": "Yew", "Mean": None}]},
    ...     "sort": ["Oak", "Yew"], "table": [{"Item": "A", "Oak": "3", "Yew": "hidden"}]}
    >>> redact_spec(spec, {"Yew"})
    {'description': 'Hidden: a hidden group.', 'datasets': {'d': [{'Group': 'Oak', 'Mean': 3}]}, 'sort': ['Oak'], 'table': [{'Item': 'A', 'Oak': '3'}]}
    """
    if not hidden:
        return spec
    if isinstance(spec, dict):
        return {k: redact_spec(v, hidden) for k, v in spec.items() if k not in hidden}
    if isinstance(spec, list):
        return [
            redact_spec(v, hidden)
            for v in spec
            if not (isinstance(v, str) and v in hidden)
            and not (isinstance(v, dict) and _names_a_hidden_group(v, hidden))
        ]
    if isinstance(spec, str):
        return redact_text(spec, hidden)
    return spec


def redact_frame(frame: pd.DataFrame, hidden: Collection[str]) -> pd.DataFrame:
    """The rows and columns of a table that do not name a hidden group.

    Examples
    --------
    >>> t = pd.DataFrame({"group": ["Oak", "Yew"], "mean": [3.1, None]})
    >>> redact_frame(t, ["Yew"])["group"].tolist()
    ['Oak']
    """
    if not hidden or frame.empty:
        return frame
    keep_cols = [c for c in frame.columns if str(c) not in hidden]
    out = frame[keep_cols]
    names = out.select_dtypes(include=["object", "string", "category"]).astype(str)
    named = names.isin(list(hidden)).any(axis=1) if len(names.columns) else False
    return out[~named].reset_index(drop=True) if len(names.columns) else out
