"""A user's own answer labels, for exports in a language the scales do not carry.

A label map is a small CSV (or XLSX) with two columns: ``label`` and ``value``
(a number on the scale) or ``label`` and ``code`` (``dont_know``,
``not_applicable``), for example::

    label,value
    Helemaal mee oneens,1
    Weet ik niet,dont_know

:func:`read_label_map` checks it against the scale and gives ``(label, key)``
pairs for :meth:`plnlib.checklists.scales.Scale.with_labels`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from plnlib.checklists.columns import fold_label
from plnlib.checklists.model import MISSING_CODES, Scale
from plnlib.errors import DataError
from plnlib.io.tables import read_table

__all__ = ["read_label_map"]


def read_label_map(path: str | Path, scale: Scale) -> list[tuple[str, str]]:
    """The ``(label, key)`` pairs of a label map file, checked against the scale.

    Raises
    ------
    DataError
        Naming the file and row: not two columns ``label`` and ``value``/``code``,
        an empty label, a value not on the scale, one label given two answers.
    """
    path = Path(path)
    where = path.name
    frame = read_table(path)
    lower = {str(c).strip().casefold(): c for c in frame.columns}
    target = next((lower[k] for k in ("value", "code") if k in lower), None)
    if "label" not in lower or target is None:
        raise DataError(
            "expected two columns, 'label' and 'value' (or 'label' and 'code'), found "
            + ", ".join(f"'{c}'" for c in frame.columns),
            where=where,
            fix="Write a header row 'label,value', then one label and its number per row "
            "(or dont_know / not_applicable).",
        )
    points = {str(p.value) for p in scale.points}
    seen: dict[str, tuple[str, int]] = {}
    pairs: list[tuple[str, str]] = []
    for pos, (label, raw) in enumerate(zip(frame[lower["label"]], frame[target], strict=True)):
        row = pos + 2
        if pd.isna(label) or not str(label).strip():
            raise DataError(
                "expected a label, found an empty cell",
                where=f"{where}, row {row}",
                fix="Fill in the label as the form shows it, or delete the row.",
            )
        text = " ".join(str(label).split())
        key = "" if pd.isna(raw) else str(raw).strip()
        if key.endswith(".0") and key[:-2].isdigit():
            key = key[:-2]
        if key.replace(" ", "_").casefold() in MISSING_CODES:
            key = key.replace(" ", "_").casefold()
        if key not in points and key not in MISSING_CODES:
            allowed = ", ".join([*sorted(points, key=int), *(c for c, _ in scale.missing)])
            raise DataError(
                f"expected a value of the scale '{scale.name}' ({allowed}) for the label "
                f"'{text}', found '{key}'"
                if key
                else f"expected a value of the scale '{scale.name}' ({allowed}) for the label "
                f"'{text}', found an empty cell",
                where=f"{where}, row {row}",
                fix="Give the number of the answer on the scale, or dont_know / not_applicable.",
            )
        folded = fold_label(text)
        if folded in seen and seen[folded][0] != key:
            raise DataError(
                f"expected each label once, found '{text}' as {seen[folded][0]} in row "
                f"{seen[folded][1]} and as {key} in row {row}",
                where=where,
                fix="Keep one of the two rows.",
            )
        seen[folded] = (key, row)
        pairs.append((text, key))
    return pairs
