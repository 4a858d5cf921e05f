"""Answer scales: scored points, "don't know" and "not applicable", bands. Pure.

The scales live in ``plnlib/content/scales.yaml``; :func:`parse_scales` turns
the parsed YAML into :class:`Scale` objects, and :meth:`Scale.parse` reads one
answer (a number, a label, or a missing-answer code) on the scale.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from plnlib.errors import ContentError, DataError

__all__ = ["MISSING_CODES", "Scale", "ScalePoint", "parse_scales"]


#: Answers that are counted but left out of means.
MISSING_CODES: tuple[str, ...] = ("dont_know", "not_applicable")


@dataclass(frozen=True)
class ScalePoint:
    """One scored answer on a scale."""

    value: int
    label: str


@dataclass(frozen=True)
class Scale:
    """An answer scale: scored points, "don't know"/"not applicable", and bands.

    Examples
    --------
    >>> s = Scale("m4", "How far?", (ScalePoint(1, "Not yet"), ScalePoint(2, "Emerging"),
    ...           ScalePoint(3, "Established"), ScalePoint(4, "Embedded")),
    ...           missing=(("dont_know", "Don't know"), ("not_applicable", "Not applicable")),
    ...           bands=((1.0, "Not yet"), (2.5, "Established")))
    >>> s.parse("3"), s.parse("embedded"), s.parse("Don't know"), s.parse("")
    (3.0, 4.0, 'dont_know', None)
    >>> s.band(2.7)
    'Established'
    """

    name: str
    title: str
    points: tuple[ScalePoint, ...]
    missing: tuple[tuple[str, str], ...] = ()
    bands: tuple[tuple[float, str], ...] = ()

    @property
    def low(self) -> int:
        """The lowest scored value."""
        return min(p.value for p in self.points)

    @property
    def high(self) -> int:
        """The highest scored value."""
        return max(p.value for p in self.points)

    def label(self, value: float) -> str:
        """Label of a scored value (``"3"`` if the value has no label)."""
        for p in self.points:
            if p.value == value:
                return p.label
        return f"{value:g}"

    def band(self, mean: float | None) -> str | None:
        """The band a mean falls in, or ``None`` for no mean."""
        if mean is None or (isinstance(mean, float) and math.isnan(mean)):
            return None
        chosen = None
        for low, label in sorted(self.bands):
            if mean >= low - 1e-9:
                chosen = label
        return chosen

    def options_text(self) -> str:
        """All answer options, as people see them on a form."""
        scored = [f"{p.value} = {p.label}" for p in self.points]
        return "; ".join(scored + [label for _, label in self.missing])

    def parse(self, raw: Any, *, where: str = "") -> float | str | None:
        """Turn one answer into a score, a missing code, or ``None`` (blank).

        Accepts the number (``3``, ``"3"``, ``"3.0"``), the label in any case,
        ``"3 = Established"`` or ``"3 - Established"`` as forms write them, and
        the "don't know" / "not applicable" labels or codes.

        Raises
        ------
        DataError
            When the answer is none of these.
        """
        if raw is None:
            return None
        if isinstance(raw, float) and math.isnan(raw):
            return None
        if isinstance(raw, bool):
            raise self._bad(raw, where)
        if isinstance(raw, (int, float)):
            return self._check_value(float(raw), raw, where)
        text = " ".join(str(raw).split())
        if not text:
            return None
        key = _fold(text)
        for code, label in self.missing:
            if key in (_fold(code), _fold(label), _fold(code.replace("_", " "))):
                return code
        for p in self.points:
            if key == _fold(p.label):
                return float(p.value)
        head = text.split("=")[0].split(" - ")[0].split(":")[0].strip()
        try:
            number = float(head.replace(",", "."))
        except ValueError:
            raise self._bad(raw, where) from None
        return self._check_value(number, raw, where)

    def _check_value(self, number: float, raw: Any, where: str) -> float:
        if number in {float(p.value) for p in self.points}:
            return number
        raise self._bad(raw, where)

    def _bad(self, raw: Any, where: str) -> DataError:
        return DataError(
            f"expected an answer on the scale '{self.name}' ({self.options_text()}), found {raw!r}",
            where=where,
            fix="Use one of the numbers or labels of the scale, or leave the cell empty.",
        )


def _fold(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").casefold().split())


def parse_scales(data: Mapping[str, Any], *, where: str = "scales.yaml") -> dict[str, Scale]:
    """Build the named scales from parsed ``scales.yaml``.

    Examples
    --------
    >>> scales = parse_scales({"yn": {"title": "Yes?", "points": [{"value": 0, "label": "No"},
    ...                        {"value": 1, "label": "Yes"}]}})
    >>> scales["yn"].high
    1
    """
    if not isinstance(data, Mapping) or not data:
        raise ContentError(
            "expected a mapping of scale names to scales, found none",
            where=where,
            fix="See the scales already defined in plnlib/content/scales.yaml.",
        )
    scales: dict[str, Scale] = {}
    for name, spec in data.items():
        here = f"{where}, scale '{name}'"
        try:
            points = tuple(ScalePoint(int(p["value"]), str(p["label"])) for p in spec["points"])
            missing = tuple((str(m["code"]), str(m["label"])) for m in spec.get("missing", ()))
            bands = tuple((float(b["min"]), str(b["label"])) for b in spec.get("bands", ()))
        except (KeyError, TypeError, ValueError) as err:
            raise ContentError(
                f"expected 'points' as a list of {{value, label}} (and optional 'missing' "
                f"{{code, label}} and 'bands' {{min, label}}), found a problem with {err}",
                where=here,
                fix="Compare with the scale 'maturity4' in plnlib/content/scales.yaml.",
            ) from None
        if len(points) < 2 or len({p.value for p in points}) != len(points):
            raise ContentError(
                "expected at least two points with different values",
                where=here,
                fix="Give every point of the scale its own value.",
            )
        for code, _ in missing:
            if code not in MISSING_CODES:
                raise ContentError(
                    f"expected a missing-answer code in {MISSING_CODES}, found '{code}'",
                    where=here,
                    fix="Use dont_know or not_applicable.",
                )
        scales[str(name)] = Scale(str(name), str(spec.get("title", name)), points, missing, bands)
    return scales
