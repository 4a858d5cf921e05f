"""Answer scales: scored points, "don't know" and "not applicable", bands. Pure.

The scales live in ``plnlib/content/scales.yaml``; :func:`parse_scales` turns
the parsed YAML into :class:`Scale` objects, and :meth:`Scale.parse` reads one
answer (a number, a label in any of the scale's languages or other wordings, or
a missing-answer code) on the scale, ignoring case, accents and spacing.
:meth:`Scale.with_labels` adds a user's own labels (any language).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from plnlib.checklists.columns import fold_label, shown_value
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
    #: (language, ((key, label), ...)): keys are a point's value as text ("1") or a missing code.
    languages: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    #: Other wordings read as an answer: (wording, key).
    aliases: tuple[tuple[str, str], ...] = ()

    def labels_in(self, language: str) -> dict[str, str]:
        """The option labels in a language, by key ("1", ..., "dont_know"); English is "en".

        Raises
        ------
        DataError
            For a language the scale has no labels in.
        """
        if language == "en":
            return {**{str(p.value): p.label for p in self.points}, **dict(self.missing)}
        for lang, labels in self.languages:
            if lang == language:
                return dict(labels)
        known = ", ".join(["en", *(lang for lang, _ in self.languages)])
        raise DataError(
            f"expected a language of the scale '{self.name}' ({known}), found '{language}'",
            where="--language",
            fix="Choose one of these, or make the form in English and read the answers in "
            "your language with --labels map.csv.",
        )

    def wordings(self) -> list[tuple[str, str]]:
        """Every wording read as an answer, with its key: labels, codes, translations, aliases."""
        out = [(code, code) for code, _ in self.missing]
        out += [(code.replace("_", " "), code) for code, _ in self.missing]
        out += [(label, code) for code, label in self.missing]
        out += [(p.label, str(p.value)) for p in self.points]
        out += [(label, key) for _, labels in self.languages for key, label in labels]
        return out + list(self.aliases)

    @cached_property
    def accepted(self) -> dict[str, str]:
        """Folded wording -> key, for :meth:`parse` (the first wording of a fold wins)."""
        out: dict[str, str] = {}
        for wording, key in self.wordings():
            out.setdefault(fold_label(wording), key)
        return out

    def with_labels(self, labels: Iterable[tuple[str, str]], *, where: str = "labels") -> Scale:
        """This scale reading more wordings: ``(label, key)`` pairs (a user's label map).

        Raises
        ------
        DataError
            When a label already means another answer of the scale.
        """
        added = []
        for label, key in labels:
            known = self.accepted.get(fold_label(label))
            if known is not None and known != key:
                raise DataError(
                    f"expected each label to mean one answer, found '{label}' given as "
                    f"{key}, but it already means {known} on the scale '{self.name}'",
                    where=where,
                    fix="Remove the row or give it the answer the scale already reads.",
                )
            added.append((label, key))
        return dataclasses.replace(self, aliases=self.aliases + tuple(added))

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
        key = self.accepted.get(fold_label(text))
        if key is not None:
            return key if key in MISSING_CODES else float(key)
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
            f"expected an answer on the scale '{self.name}' ({self.options_text()}), found {shown_value(raw)}",
            where=where,
            fix="Use one of the numbers or labels of the scale, or leave the cell empty.",
        )


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
        languages, aliases = _translations(spec, points, missing, here)
        scale = Scale(
            str(name), str(spec.get("title", name)), points, missing, bands, languages, aliases
        )
        _check_wordings(scale, here)
        scales[str(name)] = scale
    return scales


def _translations(
    spec: Mapping[str, Any],
    points: tuple[ScalePoint, ...],
    missing: tuple[tuple[str, str], ...],
    here: str,
) -> tuple[tuple[tuple[str, tuple[tuple[str, str], ...]], ...], tuple[tuple[str, str], ...]]:
    """The ``labels`` (by language) and ``also`` (other wordings) of every point and missing answer."""
    entries = [(str(p.value), e) for p, e in zip(points, spec["points"], strict=True)]
    entries += [(code, e) for (code, _), e in zip(missing, spec.get("missing", ()), strict=True)]
    by_language: dict[str, list[tuple[str, str]]] = {}
    aliases: list[tuple[str, str]] = []
    first_languages: set[str] | None = None
    for key, entry in entries:
        labels = entry.get("labels", {}) or {}
        also = entry.get("also", []) or []
        if not isinstance(labels, Mapping) or not isinstance(also, list):
            raise ContentError(
                f"expected 'labels' as {{language: label}} and 'also' as a list, found "
                f"{type(labels).__name__} and {type(also).__name__} for the answer {key}",
                where=here,
                fix="Write labels: {es: De acuerdo} and also: [Bastante de acuerdo].",
            )
        if first_languages is None:
            first_languages = set(labels)
        elif set(labels) != first_languages:
            raise ContentError(
                f"expected every answer to have labels in the same languages "
                f"({', '.join(sorted(first_languages)) or 'none'}), found "
                f"{', '.join(sorted(labels)) or 'none'} for the answer {key}",
                where=here,
                fix="Give every point and missing answer a label in each language.",
            )
        for lang, label in labels.items():
            if not str(label).strip():
                raise ContentError(
                    f"expected a label in '{lang}' for the answer {key}, found an empty one",
                    where=here,
                    fix="Write the label, or remove the language from every answer.",
                )
            by_language.setdefault(str(lang), []).append((key, str(label)))
        aliases += [(str(a), key) for a in also]
    languages = tuple((lang, tuple(pairs)) for lang, pairs in by_language.items())
    return languages, tuple(aliases)


def _check_wordings(scale: Scale, here: str) -> None:
    meaning: dict[str, tuple[str, str]] = {}
    for wording, key in scale.wordings():
        folded = fold_label(wording)
        if folded in meaning and meaning[folded][1] != key:
            raise ContentError(
                f"expected each wording to mean one answer, found '{wording}' for {key} and "
                f"'{meaning[folded][0]}' for {meaning[folded][1]}",
                where=here,
                fix="Remove one of the two (they read the same, ignoring case and accents).",
            )
        meaning[folded] = (wording, key)
