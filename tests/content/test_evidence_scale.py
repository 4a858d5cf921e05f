"""The evidence scale is stated once (book/start/how-to-use.md) and every other mention agrees.

The scale's one home is the section "How evidence is labelled" of ``book/start/how-to-use.md``:
a numbered list of ``***Evidence: <label>.***`` lines, strongest first. The tests that judge the
notes (``tests/content/test_evidence.py``, ``tests/content/test_book.py``) and the two guides for
contributors (the root ``CONTRIBUTING.md`` and ``book/reference/contributing.md``) must agree
with it: each guide links to that page, names every label in the same order, counts them
right ("five labels") and uses no label that is off the scale.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import REPO
from tests.content import test_book, test_evidence

HOME = REPO / "book" / "start" / "how-to-use.md"
GUIDES = (REPO / "CONTRIBUTING.md", REPO / "book" / "reference" / "contributing.md")
NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")

_DEFINITION = re.compile(r"^\d+\. \*\*\*Evidence: ([^.*]+)\.\*\*\*", re.M)
_USED = re.compile(r"\*+Evidence: ([^.*]+)\.\*+")
_COUNT = re.compile(r"\b(" + "|".join(NUMBERS) + r") (?:kinds|labels|levels)\b", re.I)


def scale_of(text: str) -> tuple[str, ...]:
    """The labels defined in the section "How evidence is labelled", in order."""
    section = text.split("## How evidence is labelled", 1)[-1].split("\n## ", 1)[0]
    return tuple(_DEFINITION.findall(section))


SCALE = scale_of(HOME.read_text(encoding="utf-8"))


def disagreements(text: str, scale: tuple[str, ...]) -> list[str]:
    """How a guide's text disagrees with the scale (empty when it agrees)."""
    out = []
    if "book/start/how-to-use" not in text:
        out.append("does not link to book/start/how-to-use, where the scale is defined")
    off = sorted({label for label in _USED.findall(text) if label not in scale})
    if off:
        out.append(f"uses labels that are not on the scale: {off}")
    lowered = text.lower()
    missing = [label for label in scale if label not in lowered]
    if missing:
        out.append(f"does not name {missing}")
    else:
        first = [lowered.index(label) for label in scale]
        if first != sorted(first):
            out.append(f"names the labels in another order than the scale {list(scale)}")
    wrong = sorted(
        {m.group(0) for m in _COUNT.finditer(text) if m.group(1).lower() != NUMBERS[len(scale)]}
    )
    if wrong:
        out.append(f"counts the labels wrongly: {wrong} (the scale has {len(scale)})")
    return out


def test_the_scale_is_defined_once_in_how_to_use():
    assert len(SCALE) >= 5, f"found {SCALE} in {HOME.name}: expected the numbered definitions"
    assert len(set(SCALE)) == len(SCALE), f"a label is defined twice: {SCALE}"
    assert SCALE[1] == "reported finding", "the second-hand level sits below research finding"


def test_the_tests_judge_notes_on_the_same_scale():
    assert test_evidence.SCALE == SCALE, "tests/content/test_evidence.py: SCALE differs"
    assert test_book.KINDS == SCALE, "tests/content/test_book.py: KINDS differs"


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: str(p.relative_to(REPO)))
def test_each_contributors_guide_agrees_with_the_scale(guide):
    assert disagreements(guide.read_text(encoding="utf-8"), SCALE) == []


def test_a_guide_with_the_old_four_kinds_fails():
    old = (
        "See book/start/how-to-use. An evidence note has one of four kinds:\n"
        "- *Evidence: research finding.* A result from a published study.\n"
        "- *Evidence: case evidence.* What happened in a published case.\n"
        "- *Evidence: practitioner experience.* What network leads report.\n"
        "- *Evidence: design principle.* Follows from a framework.\n"
    )
    found = disagreements(old, SCALE)
    assert any("does not name ['reported finding']" in p for p in found), found
    assert any("four kinds" in p for p in found), found
    assert disagreements("No link. *Evidence: strong hunch.*", SCALE)[:2] == [
        "does not link to book/start/how-to-use, where the scale is defined",
        "uses labels that are not on the scale: ['strong hunch']",
    ]
    shuffled = "book/start/how-to-use: " + ", ".join(reversed(SCALE)) + "; five labels."
    assert disagreements(shuffled, SCALE) == [
        f"names the labels in another order than the scale {list(SCALE)}"
    ]
