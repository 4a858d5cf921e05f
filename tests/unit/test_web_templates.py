"""Every template renders to the page block, a printable page, Word and Markdown."""

from __future__ import annotations

import html
import io
import re

import docx
import pytest

from plnlib.io.templates import load_template, template_ids
from plnlib.web.templates import (
    template_block_html,
    template_docx_bytes,
    template_html,
    template_markdown,
)

IDS = template_ids()


def _docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def _fold(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


@pytest.mark.parametrize("tid", IDS)
def test_the_word_file_has_every_prompt(tid):
    t = load_template(tid)
    text = " ".join(_docx_text(template_docx_bytes(t)).split())
    missing = [p for f in t.fields for p in f.prompts if p not in text]
    assert not missing, f"{tid}.docx lacks {missing}"
    assert t.heading in text and t.purpose in text
    for section in t.sections:
        assert section.title in text


@pytest.mark.parametrize("tid", IDS)
def test_the_word_file_has_real_headings_and_a_title(tid):
    t = load_template(tid)
    document = docx.Document(io.BytesIO(template_docx_bytes(t)))
    heads = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert heads[0] == t.heading and set(s.title for s in t.sections) <= set(heads)
    assert document.core_properties.title == t.title


@pytest.mark.parametrize("tid", IDS)
def test_markdown_and_html_have_every_prompt(tid):
    t = load_template(tid)
    md = template_markdown(t).replace("\\|", "|")
    block = _fold(template_block_html(t, downloads="../templates/"))
    page = _fold(template_html(t))
    for f in t.fields:
        for prompt in f.prompts:
            assert prompt in md, f"{tid}.md lacks {prompt!r}"
            assert prompt in block and prompt in page, f"{tid} HTML lacks {prompt!r}"


@pytest.mark.parametrize("tid", IDS)
def test_the_html_is_accessible_and_printable(tid):
    t = load_template(tid)
    block = template_block_html(t, downloads="../templates/")
    assert f'<h2 id="pln-template-{tid}-sheet">' in block
    assert block.count("<h3>") == len(t.sections)
    assert "@media print" in block and "@page" in block
    tables = [f for f in t.fields if f.kind == "table"]
    assert block.count("<caption>") == len(tables)
    assert block.count('<th scope="col">') == sum(len(f.columns) for f in tables)
    # the fill-in lines are drawn, not read out
    assert 'class="pln-tpl-line" aria-hidden="true"' in block or not any(
        f.kind in ("line", "text") for f in t.fields
    )
    assert f'href="../templates/{tid}.docx"' in block and f'href="../templates/{tid}.md"' in block
    page = template_html(t)
    assert f"<title>{html.escape(t.title)}</title>" in page and "<h1 " in page


def test_examples_are_marked_everywhere():
    t = load_template("stop-list")
    example = t.fields[2].examples[0]
    assert f"*Example:* {example[0]}" in template_markdown(t)
    assert f"<strong>Example:</strong> {html.escape(example[0])}" in template_block_html(t)
    assert f"Example: {example[0]}" in _docx_text(template_docx_bytes(t))


def test_the_word_file_is_a4():
    document = docx.Document(io.BytesIO(template_docx_bytes(load_template("data-plan"))))
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297


def test_a_field_left_out_of_a_render_would_be_caught():
    t = load_template("stop-list")
    md = template_markdown(t).replace(t.fields[-1].label, "")
    missing = [p for f in t.fields for p in f.prompts if p not in md]
    assert missing == [t.fields[-1].label]
