"""Checks of the handbook's prose: citations, evidence notes, glossary use, links to tools, spelling."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

BOOK = REPO / "book"
TOC = (REPO / "_toc.yml").read_text()
PAGES = sorted(BOOK.rglob("*.md"))
CHAPTER_DIRS = ("understanding", "design", "connecting", "sustaining", "evaluating", "cases")
CHAPTERS = [p for p in PAGES if p.relative_to(BOOK).parts[0] in CHAPTER_DIRS]
KINDS = (
    "research finding",
    "reported finding",
    "case evidence",
    "practitioner experience",
    "design principle",
)


def rel(p: Path) -> str:
    return str(p.relative_to(REPO))


def test_every_page_is_in_the_toc():
    assert "root: book/index\n" in TOC
    for p in PAGES:
        if p == BOOK / "index.md":
            continue
        assert f"file: {p.relative_to(REPO).with_suffix('')}\n" in TOC, (
            f"{rel(p)} is not in _toc.yml"
        )


@pytest.mark.parametrize("page", CHAPTERS, ids=rel)
def test_chapter_cites_its_sources(page):
    text = page.read_text()
    assert re.search(r"\{footcite:[pt]\}`[^`]+`", text), f"{rel(page)} cites nothing"
    assert "```{footbibliography}" in text, f"{rel(page)} has no References list"
    assert "{cite:" not in text, "use {footcite:p} or {footcite:t}, not {cite:...}"


@pytest.mark.parametrize("page", CHAPTERS, ids=rel)
def test_every_guideline_has_an_evidence_note(page):
    text = page.read_text()
    match = re.search(
        r"^## (Practical guidelines|Lessons for your network)\n(.*?)(?=^## )", text, re.M | re.S
    )
    assert match, f"{rel(page)} has no 'Practical guidelines' section"
    items = re.split(r"^\d+\. ", match.group(2), flags=re.M)[1:]
    assert len(items) >= 3, f"{rel(page)}: expected a numbered list of guidelines"
    for n, item in enumerate(items, 1):
        kinds = re.findall(r"\*Evidence: ([a-z ]+)\.\*", item)
        assert kinds and kinds[0] in KINDS, (
            f"{rel(page)}, guideline {n}: add '*Evidence: <kind>.*' ({KINDS})"
        )


def test_every_bibliography_entry_is_complete():
    bib = (BOOK / "references.bib").read_text()
    entries = re.findall(r"^@(\w+)\{([^,]+),(.*?)^\}", bib, re.M | re.S)
    assert len(entries) >= 20
    keys = [k for _, k, _ in entries]
    assert len(keys) == len(set(keys)), "duplicate bib keys"
    for kind, key, body in entries:
        fields = set(re.findall(r"^\s*(\w+)\s*=", body, re.M))
        assert fields & {"author", "editor"}, f"{key}: no author or editor"
        assert {"title", "year"} <= fields, f"{key}: needs title and year"
        venue = {"journal", "publisher", "howpublished", "booktitle", "institution"}
        assert fields & venue, f"{key}: needs a venue ({sorted(venue)})"
        if kind == "article":
            assert "doi" in fields or "url" in fields, f"{key}: journal articles need their DOI"


def _glossary_terms() -> list[str]:
    text = (BOOK / "reference" / "glossary.md").read_text()
    block = re.search(r"```\{glossary\}\n(.*?)```", text, re.S)
    assert block, "the glossary page needs a {glossary} block"
    return [line.strip() for line in block.group(1).splitlines() if line and not line[0].isspace()]


def test_every_glossary_term_is_used_somewhere():
    terms = _glossary_terms()
    assert len(terms) >= 20
    used = set()
    for p in PAGES:
        if p.name == "glossary.md":
            continue
        for m in re.finditer(r"\{term\}`([^`]+)`", p.read_text()):
            target = re.search(r"<([^>]+)>$", m.group(1))
            used.add((target.group(1) if target else m.group(1)).strip().lower())
    unused = [t for t in terms if t.lower() not in used]
    assert not unused, f"glossary terms never linked with {{term}}: {unused}"


def test_every_tool_page_is_linked_from_a_chapter():
    tools = [
        p
        for p in (BOOK / "tools").rglob("*")
        if p.suffix in (".md", ".ipynb") and p.name != "index.md"
    ]
    linking = "\n".join(p.read_text() for p in PAGES if p.relative_to(BOOK).parts[0] != "tools")
    missing = [rel(t) for t in tools if f"/{t.relative_to(REPO).with_suffix('')}" not in linking]
    assert not missing, f"tool pages no chapter links to: {missing}"


def test_codespell_finds_no_misspelling():
    exe = shutil.which("codespell") or str(Path(sys.executable).parent / "codespell")
    res = subprocess.run(
        [exe, "book", "plnlib/content", "README.md", "CONTRIBUTING.md"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert res.returncode == 0, res.stdout + res.stderr
