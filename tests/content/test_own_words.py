"""The handbook is written in its own words, and every activity has its own name.

A run of nine or more consecutive words shared with one of the source texts in
../shared/sources/ counts as lifted (words are lowercased and punctuation is dropped; MyST
roles and citations are removed first). The only runs allowed are proper names listed in
``NAMES`` below, such as the six design elements, which must be quoted exactly.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import REPO

BOOK = REPO / "book"
PAGES = sorted(BOOK.rglob("*.md"))
# ../shared/sources beside the checkout (as tests/shared_data.py expects), or the nearest
# one further up, for a git worktree kept in a subfolder.
SOURCES = next(
    (d / "shared" / "sources" for d in REPO.parents if (d / "shared" / "sources").is_dir()),
    REPO.parent / "shared" / "sources",
)
RUN = 9

# Names that are quoted exactly and may run to nine words or more.
NAMES = (
    "shared vision goals and focus membership and citizenship form of collaborative activities "
    "collective leadership from the middle sustainability and resources knowledge circulation "
    "innovation and improvement",
    "special issue of the journal of professional capital and community",
    # Huffman's five dimensions of a professional learning community
    "shared and supportive leadership shared values and vision collective learning and "
    "application shared personal practice and supportive conditions",
    "school improvement networks and collaborative inquiry fostering systematic change in "
    "challenging contexts",
)

# Pages being rewritten on another branch at the same time (issue 13, the pages helper).
# Their runs are expected here until that branch is merged; then empty this set.
REWRITTEN_ELSEWHERE: set[str] = set()


def words(text: str) -> list[str]:
    text = re.sub(r"[’‘']", "", text.lower())
    return re.findall(r"[a-z0-9]+", text)


def prose(markdown: str) -> str:
    """Page text without citations and with roles reduced to the words a reader sees."""
    markdown = re.sub(r"\{footcite:[pt]\}`[^`]*`", " ", markdown)
    markdown = re.sub(r"\{(doc|term|ref|download)\}`([^`<]*)(<[^>]*>)?`", r"\2", markdown)
    return markdown


def grams(seq: list[str], n: int = RUN) -> set[tuple[str, ...]]:
    return {tuple(seq[i : i + n]) for i in range(len(seq) - n + 1)}


def lifted_runs(page_words: list[str], source: set[tuple[str, ...]], n: int = RUN) -> list[str]:
    """Maximal runs of ``n`` or more words of the page that also occur in the sources."""
    allowed = set()
    for name in NAMES:
        allowed |= grams(words(name), n)
    runs, i = [], 0
    while i <= len(page_words) - n:
        gram = tuple(page_words[i : i + n])
        if gram in source and gram not in allowed:
            j = i
            while j + n <= len(page_words) and tuple(page_words[j : j + n]) in source:
                j += 1
            runs.append(" ".join(page_words[i : j + n - 1]))
            i = j + n - 1
        else:
            i += 1
    return runs


def _source_grams() -> set[tuple[str, ...]]:
    if not SOURCES.is_dir():
        pytest.skip(f"the shared source texts are not here ({SOURCES})")
    out: set[tuple[str, ...]] = set()
    for f in sorted(SOURCES.glob("*.txt")):
        out |= grams(words(f.read_text()))
    return out


def _param(page: Path):
    name = str(page.relative_to(REPO))
    if name in REWRITTEN_ELSEWHERE:
        reason = "page rewritten on the pages branch; empty REWRITTEN_ELSEWHERE on merge"
        return pytest.param(page, id=name, marks=pytest.mark.xfail(reason=reason))
    return pytest.param(page, id=name)


@pytest.mark.parametrize("page", [_param(p) for p in PAGES])
def test_no_runs_lifted_from_the_sources(page):
    runs = lifted_runs(words(prose(page.read_text())), _source_grams())
    assert not runs, (
        f"{page.relative_to(REPO)} shares {len(runs)} run(s) of {RUN}+ words with "
        f"../shared/sources; say it in our own words: {runs}"
    )


def test_the_run_finder_finds_a_lifted_run():
    source = grams(words("one two three four five six seven eight nine ten"))
    page = words("We said: one two three four five six seven eight nine ten, and more.")
    assert lifted_runs(page, source) == ["one two three four five six seven eight nine ten"]
    assert lifted_runs(words("one two three four five six seven eight"), source) == []


def activity_titles() -> dict[str, list[str]]:
    """The bold title of each page's "Try this" activity, by normalised title."""
    titles: dict[str, list[str]] = {}
    for page in PAGES:
        section = re.search(r"^## Try this\n(.*?)(?=^## |\Z)", page.read_text(), re.M | re.S)
        if not section:
            continue
        title = re.search(r"\*\*([^*]+)\*\*", section.group(1))
        assert title, f"{page.relative_to(REPO)}: the activity needs a bold title"
        key = " ".join(words(title.group(1)))
        titles.setdefault(key, []).append(str(page.relative_to(REPO)))
    return titles


def test_every_activity_has_its_own_title():
    titles = activity_titles()
    assert len(titles) >= 20
    shared = {t: pages for t, pages in titles.items() if len(pages) > 1}
    assert not shared, f"activities share a title (give each its own name): {shared}"
