"""Which column of a form export is which: items, the respondent, personal data, groups. Pure.

Form exports arrive edited and in many languages. :func:`plan_columns` decides,
for every column header (and, for personal data, the column's values):

- **items**, by id first, tolerating the usual edits (``[DES-1]``, ``[DES 03]``,
  ``DES_03``, ``des-03``, brackets removed, the id at the end as Google Forms
  writes ``Question [DES-01]``), then by the item's text when the id is gone
  (compared ignoring case, spaces, punctuation and accents: an exact match, or a
  clear best match; never a guess between two items);
- **personal data** to drop: e-mail addresses, names, respondent numbers and
  timestamps, by header in English, Spanish, French, German, Dutch and
  Portuguese, and any column whose values are mostly e-mail addresses whatever
  its header;
- **questions that match no item** (an id-like header, or answers on the scale)
  and **items with no column**, so that nothing is lost without a word.

The word lists and patterns here are the only copy: the in-page tools get them
from :mod:`plnlib.web.tools`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from plnlib.checklists.personal_columns import IDENTIFYING_HEADERS, RESPONDENT_HEADERS

__all__ = [
    "EMAIL_PATTERN",
    "IDENTIFYING_HEADERS",
    "ID_PATTERNS",
    "POINT_PATTERN",
    "QUESTION_WORDS",
    "RESPONDENT_HEADERS",
    "TEXT_MATCH",
    "ColumnPlan",
    "fold_label",
    "fold_text",
    "identifying_kind",
    "looks_like_email",
    "match_text",
    "normalise_item_id",
    "plan_columns",
    "shown_value",
]

#: Item ids in a header: in brackets anywhere, or unbracketed at the start.
#: Group 1 is the three-letter prefix, group 2 the number (any case, any separator).
ID_PATTERNS: tuple[str, ...] = (
    r"\[\s*([A-Za-z]{3})\s*[-_.:]?\s*([0-9]{1,3})\s*\]",
    r"^\s*\(?([A-Za-z]{3})\s*[-_.:]?\s*([0-9]{1,3})(?![0-9A-Za-z])",
)
_ID_RES = tuple(re.compile(p) for p in ID_PATTERNS)

#: A whole cell that is an e-mail address.
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
_EMAIL_RE = re.compile(EMAIL_PATTERN)
_EMAIL_INSIDE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")

#: Matching a header to an item's text: the smallest word overlap (Dice), and the lead the
#: best item needs over the second best.
TEXT_MATCH = {"min_score": 0.8, "min_lead": 0.1}


def _no_accents(text: str) -> str:
    return "".join(
        ch
        for ch in unicodedata.normalize("NFD", text)
        if not unicodedata.category(ch).startswith("M")
    )


def fold_label(text: object) -> str:
    """An answer label compared ignoring case, accents and spacing.

    Examples
    --------
    >>> fold_label("  NO  Sé ") == fold_label("no se")
    True
    >>> fold_label("Don\\u2019t know")
    "don't know"
    """
    return " ".join(_no_accents(str(text).replace("\u2019", "'").casefold()).split())


def fold_text(text: object) -> str:
    """A header or question compared ignoring case, accents, punctuation and spacing.

    Examples
    --------
    >>> fold_text("Dirección de correo electrónico")
    'direccion de correo electronico'
    >>> fold_text("  E-Mail-Adresse: ")
    'e mail adresse'
    """
    plain = _no_accents(str(text).casefold())
    return " ".join("".join(ch if ch.isalnum() else " " for ch in plain).split())


_FOLDED_HEADERS = {
    kind: {
        "exact": frozenset(fold_text(h) for h in rules["exact"]),
        "contains": tuple(fold_text(w) for w in rules["contains"]),
    }
    for kind, rules in IDENTIFYING_HEADERS.items()
}


def identifying_kind(header: object) -> str | None:
    """The kind of personal data a header names ("e-mail", "name", ...), or ``None``.

    Examples
    --------
    >>> identifying_kind("Marca temporal"), identifying_kind("E-Mail-Adresse")
    ('time', 'e-mail')
    >>> identifying_kind("Your name"), identifying_kind("School")
    ('name', None)
    """
    folded = fold_text(header)
    words = folded.split()
    for kind, rules in _FOLDED_HEADERS.items():
        if folded in rules["exact"]:
            return kind
        if len(words) <= 6 and any(f" {w} " in f" {folded} " for w in rules["contains"]):
            return kind
    return None


def looks_like_email(value: object) -> bool:
    """True for a cell that is an e-mail address.

    >>> looks_like_email(" ana.perez@escuela.example "), looks_like_email("Agree")
    (True, False)
    """
    return bool(_EMAIL_RE.match(str(value).strip()))


def shown_value(value: object) -> str:
    """A cell as a message may show it: its repr, or a note where it holds an e-mail address.

    >>> shown_value("Agre"), shown_value("ana@school.example")
    ("'Agre'", 'an e-mail address (not shown)')
    """
    if isinstance(value, str) and _EMAIL_INSIDE.search(value):
        return "an e-mail address (not shown)"
    return repr(value)


def normalise_item_id(header: object, prefixes: Sequence[str] = ()) -> str | None:
    """The item id in a header, written as the checklist writes it (``DES-01``), or ``None``.

    An id in brackets counts anywhere; an id without brackets only at the start and
    only with one of ``prefixes`` (so that "Age 12" is not read as an id).

    Examples
    --------
    >>> [normalise_item_id(h, ["DES"]) for h in ["[DES-1] Text", "[des 03]", "DES_03 x", "Text [DES-04]"]]
    ['DES-01', 'DES-03', 'DES-03', 'DES-04']
    >>> normalise_item_id("Age 12", ["DES"]), normalise_item_id("Age 12")
    (None, None)
    """
    text = str(header)
    match = _ID_RES[0].search(text)
    if match is None:
        match = _ID_RES[1].search(text)
        if match is None or match.group(1).upper() not in prefixes:
            return None
    return f"{match.group(1).upper()}-{int(match.group(2)):02d}"


def _words(text: str) -> set[str]:
    return set(fold_text(text).split())


def match_text(header: object, texts: Mapping[str, str]) -> tuple[str | None, list[str]]:
    """The item whose text a header is (exactly after folding, or clearly the closest).

    Returns ``(item_id or None, close)``: ``close`` names the items that came near
    when no single one was clear.

    Examples
    --------
    >>> texts = {"A-01": "Members know the goal.", "A-02": "Members meet every month."}
    >>> match_text("members know the GOAL", texts), match_text("School", texts)
    (('A-01', []), (None, []))
    """
    folded = fold_text(header)
    if not folded:
        return None, []
    exact = [i for i, t in texts.items() if fold_text(t) == folded]
    if len(exact) == 1:
        return exact[0], []
    if len(exact) > 1:
        return None, exact
    words = set(folded.split())
    scored = []
    for item_id, text in texts.items():
        other = _words(text)
        if words and other:
            scored.append((2 * len(words & other) / (len(words) + len(other)), item_id))
    scored.sort(key=lambda s: -s[0])
    good = [s for s in scored if s[0] >= TEXT_MATCH["min_score"]]
    if not good:
        return None, []
    if len(scored) > 1 and scored[0][0] - scored[1][0] < TEXT_MATCH["min_lead"]:
        return None, [i for s, i in scored if s >= scored[0][0] - TEXT_MATCH["min_lead"]]
    return good[0][1], []


#: A header of this many words or more is a sentence: perhaps a question.
QUESTION_WORDS = 5
#: A whole number as a cell holds it ("3", "3,0", "3.00").
POINT_PATTERN = r"^\s*([0-9]+)(?:[.,]0+)?\s*$"
_POINT_RE = re.compile(POINT_PATTERN)


def _is_point(value: object, points: Sequence[int]) -> bool:
    match = _POINT_RE.match(str(value))
    return bool(match) and int(match.group(1)) in points


@dataclass
class ColumnPlan:
    """What each column of a wide table is. Columns are given by their position."""

    items: dict[int, str] = field(default_factory=dict)
    by_text: list[int] = field(default_factory=list)
    respondent: int | None = None
    dropped: list[tuple[int, str]] = field(default_factory=list)
    unmatched: list[int] = field(default_factory=list)
    groups: list[int] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    duplicates: dict[str, list[int]] = field(default_factory=dict)


def _mostly(values: Sequence[object], test: Callable[[object], bool]) -> bool:
    filled = [v for v in values if v is not None and str(v).strip() != ""]
    return bool(filled) and sum(1 for v in filled if test(v)) * 2 > len(filled)


def plan_columns(
    headers: Sequence[str],
    values: Sequence[Sequence[object]],
    item_texts: Mapping[str, str],
    is_label: Callable[[object], bool],
    points: Sequence[int] = (),
) -> ColumnPlan:
    """Decide what every column of a wide table is (see the module's description).

    ``values[k]`` are the cells of column ``k``; ``item_texts`` maps the checklist's
    item ids (in order) to their text; ``is_label`` tells an answer label of the scale.
    A column that matches no item looks like a question when its cells are mostly
    labels, or when its header is a sentence (:data:`QUESTION_WORDS` words or more) and
    its cells are mostly labels or numbers on the scale (``points``).

    Examples
    --------
    >>> plan = plan_columns(["Marca temporal", "Correo", "Escuela", "[DES 1] x", "Members meet."],
    ...                     [["t"], ["a@b.example"], ["N"], ["4"], ["3"]],
    ...                     {"DES-01": "Members know.", "DES-02": "Members meet."}, lambda v: False)
    >>> plan.items, plan.by_text, plan.dropped, plan.groups, plan.missing
    ({3: 'DES-01', 4: 'DES-02'}, [4], [(0, 'time'), (1, 'e-mail')], [2], [])
    """
    plan = ColumnPlan()
    prefixes = sorted({i.split("-")[0] for i in item_texts})
    folded = [fold_text(h) for h in headers]
    rest: list[int] = []
    for k, header in enumerate(headers):
        item = normalise_item_id(header, prefixes)
        if item is not None:
            if item in item_texts:
                plan.items[k] = item
            else:
                plan.unmatched.append(k)
            continue
        kind = identifying_kind(header)
        if kind is not None:
            plan.dropped.append((k, kind))
        elif plan.respondent is None and folded[k] in RESPONDENT_HEADERS:
            if _mostly(values[k], looks_like_email):
                plan.dropped.append((k, "e-mail"))
            else:
                plan.respondent = k
        elif _mostly(values[k], looks_like_email):
            plan.dropped.append((k, "e-mail"))
        else:
            rest.append(k)
    for k in rest:
        item, _ = match_text(headers[k], item_texts)
        if item is not None:
            plan.items[k] = item
            plan.by_text.append(k)
        elif _mostly(values[k], is_label) or (
            len(folded[k].split()) >= QUESTION_WORDS
            and _mostly(values[k], lambda v: is_label(v) or _is_point(v, points))
        ):
            plan.unmatched.append(k)
        else:
            plan.groups.append(k)
    seen: dict[str, list[int]] = {}
    for k, item in plan.items.items():
        seen.setdefault(item, []).append(k)
    plan.duplicates = {i: ks for i, ks in seen.items() if len(ks) > 1}
    plan.missing = [i for i in item_texts if i not in seen]
    plan.unmatched.sort()
    plan.dropped.sort()
    return plan
