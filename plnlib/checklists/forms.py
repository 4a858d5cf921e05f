"""Questions for Google Forms and Microsoft Forms, made from a checklist. Pure.

Each question title starts with the item id in brackets (``[DES-01] ...``), so
that the response export of either tool can be matched back to the items
(:func:`item_id_of`), whatever the form's order or wording edits.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from plnlib.checklists.model import Checklist

__all__ = ["ITEM_ID_PATTERN", "form_questions", "item_id_of"]

#: An item id at the start of a column header: "DES-01", "[DES-01] Members...", "DES-01. ..."
ITEM_ID_PATTERN = re.compile(r"^\s*\[?\s*([A-Z]{3}-\d{2})\b\s*\]?")


def item_id_of(header: object) -> str | None:
    """The item id a column header starts with, exactly as ``plnlib form`` writes it, or ``None``.

    Reading answers tolerates edited ids:
    :func:`plnlib.checklists.columns.normalise_item_id`.

    Examples
    --------
    >>> item_id_of("[DES-01] Members can say what the network is for.")
    'DES-01'
    >>> item_id_of("DES-02"), item_id_of("Timestamp")
    ('DES-02', None)
    """
    match = ITEM_ID_PATTERN.match(str(header))
    return match.group(1) if match else None


def form_questions(
    checklist: Checklist, *, labels: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """One row per item, ready to paste into a form.

    Columns: ``item_id``, ``section``, ``question`` (the title to paste,
    starting with the id in brackets), ``type``, ``options`` (one per line in
    the form; separated by `` | `` here; ``labels`` maps "1"... and the missing
    codes to labels in another language), ``required``, ``help``.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> q = form_questions(load_checklist("pln-design"))
    >>> q.loc[0, "question"].startswith("[DES-01] ")
    True
    """
    labels = labels or {}
    options = " | ".join(
        [labels.get(str(p.value), p.label) for p in checklist.scale.points]
        + [labels.get(code, label) for code, label in checklist.scale.missing]
    )
    rows = [
        {
            "item_id": item.id,
            "section": section.title,
            "question": f"[{item.id}] {item.text}",
            "type": "Multiple choice",
            "options": options,
            "required": "no",
            "help": f"Strong looks like: {item.strong}",
        }
        for section in checklist.sections
        for item in section.items
    ]
    return pd.DataFrame(rows)
