"""Improvement cycles: a driver diagram and a Plan-Do-Study-Act log. Pure.

A driver diagram names an aim (with its measure and target date), the three to
five primary drivers that would bring it about, secondary drivers under each,
and change ideas to test. Each change idea is tested in PDSA cycles: plan
(question, prediction, measure, who, when, where), do (what happened), study
(results against the prediction) and act (adopt, adapt or abandon, and the
next cycle). The action plan drawn from a checklist result is in
:mod:`plnlib.planning.actionplan`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from plnlib.errors import DataError
from plnlib.planning.mobilisation import parse_date

__all__ = [
    "ACTS",
    "CYCLES_FORMAT",
    "PDSA_COLUMNS",
    "ChangeIdea",
    "Driver",
    "DriverDiagram",
    "diagram_from_dict",
    "diagram_from_rows",
    "diagram_rows",
    "prepare_cycles",
    "prepare_measures",
]

#: The ``format`` of the JSON the in-page tool saves (diagram, cycles, readings in one file).
CYCLES_FORMAT = "plnlib-cycles"
#: The decisions a cycle can end with.
ACTS: tuple[str, ...] = ("adopt", "adapt", "abandon")
#: The columns of a PDSA log, in order (plan, do, study, act).
PDSA_COLUMNS: tuple[str, ...] = (
    "cycle",
    "change_idea",
    "question",
    "prediction",
    "measure",
    "who",
    "start",
    "where",
    "do",
    "study",
    "act",
    "next",
)


@dataclass(frozen=True)
class ChangeIdea:
    """Something to try, tested in PDSA cycles."""

    id: str
    text: str


@dataclass(frozen=True)
class Driver:
    """A primary driver (with secondary drivers under it) or a secondary one (with ideas)."""

    id: str
    text: str
    children: tuple[Driver, ...] = ()
    ideas: tuple[ChangeIdea, ...] = ()


@dataclass(frozen=True)
class DriverDiagram:
    """An aim with its measure and target date, and its primary drivers."""

    aim: str
    measure: str
    target_date: pd.Timestamp
    primaries: tuple[Driver, ...]

    @property
    def ideas(self) -> dict[str, ChangeIdea]:
        """Every change idea by id."""
        return {i.id: i for p in self.primaries for s in p.children for i in s.ideas}


def _text(value: object, what: str, where: str) -> str:
    text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    text = " ".join(text.split())
    if not text:
        raise DataError(
            f"expected {what}, found nothing", where=where, fix=f"Write {what} in a few words."
        )
    return text


def _check_primaries(primaries: Sequence[Driver], where: str) -> None:
    if not 3 <= len(primaries) <= 5:
        raise DataError(
            f"expected three to five primary drivers, found {len(primaries)}",
            where=where,
            fix="Keep the few things that matter most: merge drivers that overlap, or add the "
            "ones the team agrees are missing.",
        )
    seen: set[str] = set()
    for p in primaries:
        for node in (p, *p.children, *(i for s in p.children for i in s.ideas)):
            if node.id in seen:
                raise DataError(
                    f"expected each id once, found '{node.id}' twice",
                    where=where,
                    fix="Give every driver and change idea its own id.",
                )
            seen.add(node.id)


def diagram_from_dict(data: Mapping[str, Any], *, where: str = "") -> DriverDiagram:
    """A driver diagram from its YAML form (see the tool page for the layout).

    Examples
    --------
    >>> d = diagram_from_dict({"aim": "More pupils read for pleasure", "measure": "Survey",
    ...     "target_date": "2027-07-01", "primary_drivers": [
    ...     {"id": f"P{i}", "text": f"Driver {i}", "secondary_drivers": [
    ...         {"id": f"S{i}", "text": "Sub", "change_ideas": [{"id": f"C{i}", "text": "Try"}]}]}
    ...     for i in (1, 2, 3)]})
    >>> len(d.primaries), sorted(d.ideas)
    (3, ['C1', 'C2', 'C3'])
    """
    if not isinstance(data, Mapping):
        raise DataError(
            "expected a driver diagram (aim, measure, target_date, primary_drivers), "
            "found something else",
            where=where,
            fix="Start from the template.",
        )
    aim = _text(data.get("aim"), "an aim", f"{where}: aim")
    measure = _text(data.get("measure"), "the aim's measure", f"{where}: measure")
    target = parse_date(data.get("target_date"), where=f"{where}: target_date")
    primaries = []
    for i, p in enumerate(data.get("primary_drivers") or []):
        here = f"{where}: primary driver {i + 1}"
        children = []
        for j, s in enumerate(p.get("secondary_drivers") or []):
            there = f"{here}, secondary driver {j + 1}"
            ideas = tuple(
                ChangeIdea(
                    _text(c.get("id"), "an id", there), _text(c.get("text"), "a change idea", there)
                )
                for c in (s.get("change_ideas") or [])
            )
            children.append(
                Driver(
                    _text(s.get("id"), "an id", there),
                    _text(s.get("text"), "a secondary driver", there),
                    ideas=ideas,
                )
            )
        primaries.append(
            Driver(
                _text(p.get("id"), "an id", here),
                _text(p.get("text"), "a primary driver", here),
                tuple(children),
            )
        )
    _check_primaries(primaries, where)
    return DriverDiagram(aim, measure, target, tuple(primaries))


_LEVELS = {
    "aim": "aim",
    "measure": "measure",
    "target date": "target_date",
    "target_date": "target_date",
    "primary": "primary",
    "primary driver": "primary",
    "secondary": "secondary",
    "secondary driver": "secondary",
    "change idea": "idea",
    "idea": "idea",
    "change": "idea",
}


def diagram_from_rows(frame: pd.DataFrame, *, where: str = "") -> DriverDiagram:
    """A driver diagram from a table: ``level, id, parent, text`` (one row per box).

    Levels: ``aim``, ``measure``, ``target date``, ``primary``, ``secondary``,
    ``change idea``; a secondary's parent is a primary's id, a change idea's
    parent a secondary's id.
    """
    cols = {str(c).strip().casefold(): c for c in frame.columns}
    if not {"level", "text"} <= set(cols):
        raise DataError(
            "expected columns level, id, parent and text, found "
            + ", ".join(map(str, frame.columns)),
            where=where,
            fix="Start from the template (plnlib cycles --template).",
        )
    get = lambda r, c: r[cols[c]] if c in cols and not pd.isna(r[cols[c]]) else ""  # noqa: E731
    data: dict[str, Any] = {"primary_drivers": []}
    by_id: dict[str, dict[str, Any]] = {}
    for i, (_, r) in enumerate(frame.iterrows()):
        row = f"{where}, row {i + 2}" if where else f"row {i + 2}"
        level = _LEVELS.get(" ".join(str(get(r, "level")).casefold().split()))
        if level is None:
            raise DataError(
                f"expected a level (aim, measure, target date, primary, secondary, "
                f"change idea), found '{get(r, 'level')}'",
                where=f"{row}, column level",
                fix="Use one of the levels of the template.",
            )
        text, rid, parent = (
            str(get(r, "text")),
            str(get(r, "id")).strip(),
            str(get(r, "parent")).strip(),
        )
        if level in ("aim", "measure", "target_date"):
            data[level] = text
            continue
        node: dict[str, Any] = {
            "id": rid,
            "text": text,
            "secondary_drivers": [],
            "change_ideas": [],
        }
        if level == "primary":
            data["primary_drivers"].append(node)
        else:
            want = "primary" if level == "secondary" else "secondary"
            up = by_id.get(parent)
            if up is None or up["_level"] != want:
                raise DataError(
                    f"expected the id of a {want} driver above this row as parent, "
                    f"found '{parent}'",
                    where=f"{row}, column parent",
                    fix=f"Put the {want} driver first and give its id as parent.",
                )
            up["secondary_drivers" if level == "secondary" else "change_ideas"].append(node)
        node["_level"] = level
        by_id[rid] = node
    return diagram_from_dict(data, where=where)


def diagram_rows(diagram: DriverDiagram) -> pd.DataFrame:
    """The diagram as a table (``level, id, parent, text``): the CSV form and a text alternative."""
    rows = [
        ("aim", "", "", diagram.aim),
        ("measure", "", "", diagram.measure),
        ("target date", "", "", diagram.target_date.date().isoformat()),
    ]
    for p in diagram.primaries:
        rows.append(("primary", p.id, "", p.text))
        for s in p.children:
            rows.append(("secondary", s.id, p.id, s.text))
            rows += [("change idea", c.id, s.id, c.text) for c in s.ideas]
    return pd.DataFrame(rows, columns=["level", "id", "parent", "text"])


def prepare_cycles(
    frame: pd.DataFrame, *, diagram: DriverDiagram | None = None, where: str = ""
) -> pd.DataFrame:
    """Check a PDSA log (one row per cycle) and add each cycle's ``status``.

    Every cycle needs a question and a prediction: without a prediction there
    is nothing to study the results against. ``act`` is adopt, adapt, abandon
    or empty (not decided yet); ``change_idea`` must be in the diagram when one
    is given. ``status`` is planned, doing, studying or done.

    Examples
    --------
    >>> log = pd.DataFrame({"cycle": ["1"], "change_idea": ["C1"], "question": ["Does it help?"],
    ...     "prediction": ["Yes"], "start": ["2026-01-12"], "do": ["Tried it"], "act": ["Adapt"]})
    >>> prepare_cycles(log)[["cycle", "act", "status"]].values.tolist()
    [['1', 'adapt', 'done']]
    """
    cols = {"_".join(str(c).strip().casefold().split()): c for c in frame.columns}
    missing = [c for c in ("cycle", "change_idea", "question", "prediction") if c not in cols]
    if missing:
        raise DataError(
            f"expected the PDSA log's columns ({', '.join(PDSA_COLUMNS)}), found no "
            + ", ".join(missing),
            where=where,
            fix="Start from the template (plnlib cycles --template).",
        )
    out = frame.rename(columns={v: k for k, v in cols.items()})
    for c in PDSA_COLUMNS:
        if c not in out:
            out[c] = pd.NA
    out = out[list(PDSA_COLUMNS)].astype("string").apply(lambda c: c.str.strip()).fillna("")
    ideas = diagram.ideas if diagram is not None else None
    seen: set[str] = set()
    starts, acts, status = [], [], []
    for i, r in enumerate(out.itertuples(index=False)):
        row = f"{where}, row {i + 2}" if where else f"row {i + 2}"
        name = f"cycle '{r.cycle}'" if r.cycle else "this cycle"
        if not r.cycle or r.cycle in seen:
            raise DataError(
                f"expected a cycle id used once, found '{r.cycle}'" + (" again" if r.cycle else ""),
                where=f"{row}, column cycle",
                fix="Number the cycles 1, 2, 3 ...",
            )
        seen.add(r.cycle)
        if not r.question:
            raise DataError(
                f"expected the question {name} asks, found nothing",
                where=f"{row}, column question",
                fix="Write what you want to learn.",
            )
        if not r.prediction:
            raise DataError(
                f"expected a prediction for {name}, found none",
                where=f"{row}, column prediction",
                fix="Write what you expect to happen before you start: the study "
                "step compares the results with it.",
            )
        if ideas is not None and r.change_idea not in ideas:
            raise DataError(
                f"expected a change idea of the driver diagram ({', '.join(ideas)}), "
                f"found '{r.change_idea}'",
                where=f"{row}, column change_idea",
                fix="Use the change idea's id from the diagram.",
            )
        act = r.act.casefold()
        if act and act not in ACTS:
            raise DataError(
                f"expected adopt, adapt or abandon, found '{r.act}'",
                where=f"{row}, column act",
                fix="Leave it empty until you decide.",
            )
        acts.append(act)
        starts.append(parse_date(r.start, where=f"{row}, column start") if r.start else pd.NaT)
        status.append("done" if act else "studying" if r.study else "doing" if r.do else "planned")
    return out.assign(act=acts, start=starts, status=status)


def prepare_measures(frame: pd.DataFrame, *, where: str = "") -> pd.DataFrame:
    """Check measure readings (``date, value``, optionally ``cycle``), oldest first."""
    cols = {str(c).strip().casefold(): c for c in frame.columns}
    if not {"date", "value"} <= set(cols):
        raise DataError(
            "expected columns date and value, found " + ", ".join(map(str, frame.columns)),
            where=where,
            fix="One row per reading of the measure: its date and value.",
        )
    rows = []
    for i, (_, r) in enumerate(frame.iterrows()):
        row = f"{where}, row {i + 2}" if where else f"row {i + 2}"
        raw = r[cols["value"]]
        text = (
            "" if raw is None or (not isinstance(raw, str) and pd.isna(raw)) else str(raw).strip()
        )
        value = pd.to_numeric(text.replace(",", "."), errors="coerce") if text else float("nan")
        if pd.isna(value):
            raise DataError(
                f"expected a number, found '{text}'",
                where=f"{row}, column value",
                fix="Type the reading as a number.",
            )
        cycle = r[cols["cycle"]] if "cycle" in cols and not pd.isna(r[cols["cycle"]]) else ""
        rows.append(
            {
                "date": parse_date(r[cols["date"]], where=f"{row}, column date"),
                "value": float(value),
                "cycle": str(cycle).strip(),
            }
        )
    return (
        pd.DataFrame(rows, columns=["date", "value", "cycle"])
        .sort_values("date", kind="stable")
        .reset_index(drop=True)
    )
