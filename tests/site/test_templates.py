"""The built site has every template's downloads, and each template page links to them."""

from __future__ import annotations

import io
import re

import docx
import pytest

from plnlib.io.templates import load_template, template_ids


@pytest.mark.parametrize("tid", template_ids())
def test_the_downloads_exist_and_the_page_links_to_them(site, tid):
    folder = site / "templates"
    for suffix in (".docx", ".md", ".html"):
        assert (folder / f"{tid}{suffix}").stat().st_size > 500, f"{tid}{suffix}"
    page = (site / "book" / "templates" / f"{tid}.html").read_text(encoding="utf-8")
    for suffix in (".docx", ".md", ".html"):
        assert f'href="../../templates/{tid}{suffix}"' in page
    t = load_template(tid)
    assert re.search(rf"<h1>{re.escape(t.title)}<a", page), "page title"
    assert f'id="pln-template-{tid}-sheet"' in page
    # the chapters it serves are linked by title, not by path
    assert 'class="pln-tpl-chapters"' in page and "book/" not in page.split(
        'class="pln-tpl-chapters"'
    )[1].split("</p>")[0].replace('href="../', "")


@pytest.mark.parametrize("tid", template_ids())
def test_the_downloaded_word_file_opens_with_its_heading(site, tid):
    document = docx.Document(io.BytesIO((site / "templates" / f"{tid}.docx").read_bytes()))
    assert document.paragraphs[0].text == load_template(tid).heading


def test_the_chapters_link_to_their_templates(site):
    page = (site / "book" / "connecting" / "making-time.html").read_text(encoding="utf-8")
    assert 'href="../templates/stop-list.html"' in page
