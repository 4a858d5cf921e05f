"""Each template has a page titled "Template: <name>", and every chapter it serves links to it."""

from __future__ import annotations

import pytest

from plnlib.io.templates import load_template, template_ids
from tests.conftest import REPO

BOOK = REPO / "book"


@pytest.mark.parametrize("tid", template_ids())
def test_the_template_page_is_titled_and_uses_the_directive(tid):
    page = BOOK / "templates" / f"{tid}.md"
    assert page.exists(), f"add book/templates/{tid}.md"
    text = page.read_text(encoding="utf-8")
    assert f"\n# {load_template(tid).title}\n" in text
    assert f"```{{pln-template}} {tid}\n```" in text
    assert f"/book/templates/{tid}`" in (BOOK / "templates" / "index.md").read_text()


@pytest.mark.parametrize("tid", template_ids())
def test_every_chapter_that_names_the_template_links_to_it(tid):
    for chapter in load_template(tid).chapters:
        text = (REPO / f"{chapter}.md").read_text(encoding="utf-8")
        assert f"</book/templates/{tid}>`" in text, f"{chapter}.md: link to Template: {tid}"
