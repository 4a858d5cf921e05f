"""Checklist statements ask one thing each, about practice people can see.

A statement that joins two verb phrases with "and" or "or" is usually two questions a person
could answer differently ("we check the evidence and use it to plan"). The check below flags
such statements; one that really asks a single thing goes in ``ONE_QUESTION`` with the reason.
An entry that no longer matches anything fails too, so the list stays short and true.
"""

from __future__ import annotations

import re

import pytest

from plnlib.io import content

#: Verbs (and clause openers) that, after "and" or "or", usually start a second question.
_SECOND = """use uses share shares decide decides adapt adapts test tests ask asks take takes speak
speaks leave leaves examine examines win wins can could is are was were has have keep keeps check
checks help helps plan plans lead leads make makes bring brings give gives compare compares record
records review reviews adjust adjusts explain explains describe describes follow follows learn
learns try tries act acts meet meets work works talk talks attend attends refine refines change
changes agree agrees support supports link links carry carries invite invites see sees hear hears
know knows say says teach teaches build builds find finds feel feels to that this it we they being
been""".split()  # noqa: SIM905 (a word list reads best as text)
_JOINED = re.compile(
    r"\b(?:and|or)\s+(?:then\s+|also\s+|still\s+)?(?:" + "|".join(_SECOND) + r")\b", re.I
)

#: Reviewed statements that the check flags but that ask one thing (id: reason).
ONE_QUESTION = {
    "DES-04": "one act: the yearly review ends in a decision; 'keep, sharpen or change' lists "
    "its possible outcomes",
    "DES-10": "names the four steps of one inquiry cycle, which is rated as a whole",
    "DES-16": "'run meetings and keep the work moving' describes the facilitator's role; the "
    "item asks whether time is set aside for it",
    "CUL-14": "'watched, or been watched' are alternatives: either counts",
    "CUL-16": "'plan or teach' are alternatives: either counts",
}

#: "could", "might", or an "if" clause with "would", "were" or "tomorrow": a what-if question.
_HYPOTHETICAL = re.compile(r"\b(could|might)\b|\bif\b[^.]*\b(would|were|tomorrow)\b", re.I)
_INNER = re.compile(r"\b(trust|trusting|trusted|feel|feels|voice is heard|enough to)\b", re.I)
#: The readiness check asks one person about their own goals and willingness, by design.
_PERSONAL = {"readiness"}


def joined_phrases(text: str) -> list[str]:
    """The "and/or + verb" joins in a statement (empty when it asks one thing)."""
    return [m.group(0) for m in _JOINED.finditer(text)]


def _items():
    return [
        (cid, item) for cid in content.checklist_ids() for item in content.load_checklist(cid).items
    ]


def test_the_check_finds_double_barrelled_statements_and_passes_single_ones():
    # statements of version 1 that asked two things (now split), and ones that ask one
    double = [
        "We check whether practices developed in the network improve pupils' learning, and use "
        "what we find to plan the next cycle.",
        "Network leaders keep district or ministry contacts informed and win their backing for "
        "the network's priorities.",
        "I am willing to try new practices with my classes and to share what did not work as "
        "well as what did.",
        "Each network cycle sets out what members will learn, and we check afterwards whether "
        "they learnt it.",
    ]
    single = [
        "People who broker knowledge are given time for doing it.",
        "Our network has named the groups of pupils whose learning or wellbeing it most wants "
        "to improve.",
        "Roles in our collaborative work, such as chairing, planning and reporting, move around "
        "among colleagues.",
    ]
    assert all(joined_phrases(t) for t in double)
    assert not any(joined_phrases(t) for t in single)


def test_no_statement_asks_two_things_unless_reviewed():
    flagged = {item.id: joined_phrases(item.text) for _, item in _items()}
    flagged = {k: v for k, v in flagged.items() if v}
    unreviewed = {k: v for k, v in flagged.items() if k not in ONE_QUESTION}
    assert not unreviewed, (
        f"these statements may ask two things: {unreviewed}. Split each into two items (the "
        "second half gets the next unused id), or, if it really asks one thing, add it to "
        "ONE_QUESTION with the reason"
    )
    stale = sorted(set(ONE_QUESTION) - set(flagged))
    assert not stale, f"ONE_QUESTION entries that no longer match a statement: {stale}"
    assert all(len(reason) > 20 for reason in ONE_QUESTION.values())


def test_in_place_statements_describe_what_is_in_place_not_what_might_happen():
    in_place = [
        (cid, item)
        for cid, item in _items()
        if content.load_checklist(cid).scale.name == "maturity4"
    ]
    assert in_place
    hypothetical = [
        f"{item.id}: {item.text}" for _, item in in_place if _HYPOTHETICAL.search(item.text)
    ]
    assert not hypothetical, f"rate what is in place now, not what might happen: {hypothetical}"
    assert _HYPOTHETICAL.search("If our lead person left tomorrow, others could keep it running.")
    assert _HYPOTHETICAL.search("If asked, most of us would describe it in similar words.")
    assert not _HYPOTHETICAL.search("We agreed what participants would stop doing.")


def test_team_statements_ask_about_behaviour_not_inner_states():
    inner = [
        f"{item.id}: {item.text}"
        for cid, item in _items()
        if cid not in _PERSONAL and _INNER.search(item.text)
    ]
    assert not inner, f"ask what people do or say, which others can see: {inner}"
    assert _INNER.search("Colleagues trust each other enough to admit when they are unsure.")


@pytest.mark.parametrize(
    ("item_id", "must_not"),
    [
        ("DES-21", r"left tomorrow"),
        ("DES-22", r"could"),
        ("CUL-05", r"if asked|would"),
        ("CUL-19", r"trust"),
        ("KMB-15", r"trusting"),
        ("EQW-07", r"voice is heard"),
    ],
)
def test_the_six_rewritten_statements_stay_observable(item_id, must_not):
    cid = next(c for c in content.checklist_ids() if item_id in content.load_checklist(c).item_ids)
    text = content.load_checklist(cid).item(item_id).text
    assert not re.search(must_not, text, re.I), text


def test_the_book_takes_item_counts_from_the_yaml():
    """A count typed into prose goes stale when items are split: pages use {pln-items}`ID`."""
    from tests.conftest import REPO

    typed = [
        f"{path.relative_to(REPO)}: {m.group(0)}"
        for path in sorted((REPO / "book").rglob("*.md"))
        for m in re.finditer(r"\b\d+ (?:items|statements|questions)\b", path.read_text("utf-8"))
    ]
    assert not typed, f"write {{pln-items}}`checklist-id` instead of a number: {typed}"
    assert re.search(r"\b\d+ (?:items|statements)\b", "The checklist has 26 items.")
