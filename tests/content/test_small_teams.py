"""One small-group rule in every page: hidden below 5, never below 3, tests with five or more.

The tools hide any group of fewer than five people (never fewer than three, and only on
purpose). A guide that tells trainers to test a form with three made-up answers, or a
page that states another minimum, contradicts them: with fewer than five answers every
result is hidden and the trainer cannot see whether the chain works.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

BOOK = Path(__file__).resolve().parents[2] / "book"
NUMBERS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10,
    "couple": 2, "few": 3, "handful": 3, "several": 3, "some": 3,
}  # fmt: skip
TEST_ANSWERS = re.compile(r"(?:made-up|made up|dummy|fake|test)\s+(?:answers|responses)", re.I)
TESTING = re.compile(r"\b(?:test|tested|testing|try|tried|fill in the form yourself)\b", re.I)
MINIMUM = re.compile(
    r"\b(never\s+)?(?:fewer than|less than|under|below)\s+(\w+)\s+"
    r"(?:people|respondents|responses|staff|answers|members|colleagues)\b",
    re.I,
)
FLOOR = re.compile(r"\bnever\s+(?:below|fewer than|lower than|under)\s+(\w+)", re.I)


def pages() -> dict[str, str]:
    """Every page's prose: Markdown files and the notebooks' Markdown cells."""
    out = {}
    for path in sorted(BOOK.rglob("*.md")):
        if "_build" not in path.parts:
            out[str(path.relative_to(BOOK))] = path.read_text(encoding="utf-8")
    for path in sorted(BOOK.rglob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        out[str(path.relative_to(BOOK))] = "\n\n".join(
            "".join(c["source"]) for c in cells if c["cell_type"] == "markdown"
        )
    return out


def sentences(text: str) -> list[str]:
    text = re.sub(r"\*\*|`", "", text)
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n\s*\n|\n\s*[-*\d]+[.)]?\s", text)]


def count_in(words: str) -> int | None:
    """The number a phrase states (five, 5, a couple...), or None."""
    for token in re.findall(r"[\w-]+", words.lower()):
        if token.isdigit():
            return int(token)
        if token in NUMBERS:
            return NUMBERS[token]
    return None


def too_few_test_answers(text: str) -> list[str]:
    """Sentences that test with fewer than five made-up answers, or with no number at all."""
    found = []
    for sentence in sentences(text):
        for match in TEST_ANSWERS.finditer(sentence):
            before = sentence[: match.start()].split()[-4:]
            n = count_in(" ".join(before))
            if n is not None and n < 5:
                found.append(sentence)
                continue
            rest = TEST_ANSWERS.sub("", sentence)
            if n is None and TESTING.search(rest) and count_in(sentence) is None:
                found.append(sentence)
    return found


def minimum_problems(text: str) -> list[str]:
    """Sentences stating a minimum group size other than five, or a floor other than three."""
    found = []
    for sentence in sentences(text):
        for never, word, *_ in MINIMUM.findall(sentence):
            n = count_in(word)
            if n is not None and n != (3 if never else 5):
                found.append(sentence)
        for word in FLOOR.findall(sentence):
            n = count_in(word)
            if n is not None and n != 3:
                found.append(sentence)
    return found


PAGES = pages()


def test_the_book_is_read():
    assert len(PAGES) > 40 and "start/privacy.md" in PAGES


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_page_tells_trainers_to_test_with_fewer_than_five_answers(name):
    assert not too_few_test_answers(PAGES[name]), f"{name}: {too_few_test_answers(PAGES[name])}"


@pytest.mark.parametrize("name", sorted(PAGES))
def test_every_page_states_the_same_minimum(name):
    assert not minimum_problems(PAGES[name]), f"{name}: {minimum_problems(PAGES[name])}"


def test_the_privacy_page_and_the_workshop_guides_say_what_a_small_team_can_do():
    privacy = PAGES["start/privacy.md"]
    for words in ("Collect more answers", "Combine groups", "only if the team agrees"):
        assert words in privacy
    assert "each person's answers are easier to guess" in privacy
    assert "at least five made-up answers" in privacy
    for guide in ("workshop-90-minutes", "workshop-remote", "workshop-half-day", "year-long-cycle"):
        text = PAGES[f"facilitate/{guide}.md"]
        assert "lower the smallest group shown to 3" in text, guide
        assert "easier to guess" in text, guide


@pytest.mark.parametrize(
    "bad",
    [
        "Test the whole chain with three made-up answers.",
        "Test the form with a couple of made-up answers before the session.",
        "Tested the whole chain with made-up answers: form, export, notebook, chart.",
        "Fill in the form with 3 test answers and score them.",
    ],
)
def test_the_check_finds_a_test_with_too_few_answers(bad):
    assert too_few_test_answers(bad) == [bad]


@pytest.mark.parametrize(
    "good",
    [
        "Test the whole chain with at least five made-up answers.",
        "With five or more made-up answers you see real numbers.",
        "Delete the test answers from the form before you send it.",
    ],
)
def test_the_check_passes_five_or_more(good):
    assert too_few_test_answers(good) == []


@pytest.mark.parametrize(
    "bad",
    [
        "Never show results for a group of fewer than three people.",
        "Results for groups under 4 respondents are hidden.",
        "You can lower it, but never below 2.",
    ],
)
def test_the_check_finds_another_minimum(bad):
    assert minimum_problems(bad) == [bad]


def test_the_check_passes_the_rule():
    assert (
        minimum_problems("Groups of fewer than five people are hidden, never fewer than three.")
        == []
    )
