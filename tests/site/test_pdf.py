"""The whole handbook as one PDF (``make pdf`` writes _build/html/pln-handbook.pdf).

Read with poppler's pdfinfo and pdftotext: enough pages, every part and every page of the
book present (titles from the built site), page numbers in the footer, no blank page.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape

import pytest
import yaml

from tests.conftest import REPO

PDF_NAME = "pln-handbook.pdf"


def _poppler(tool: str) -> str:
    exe = shutil.which(tool)
    if exe is None:
        pytest.fail(f"{tool} is missing: install poppler-utils (apt-get install poppler-utils)")
    return exe


@pytest.fixture(scope="module")
def pdf(site):
    path = site / PDF_NAME
    if not path.exists():
        pytest.fail(f"{path} is missing: run 'make pdf' (it prints the single-page build)")
    return path


@pytest.fixture(scope="module")
def pages_text(pdf):
    out = subprocess.run(
        [_poppler("pdftotext"), "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return out.split("\f")[:-1] if out.endswith("\f") else out.split("\f")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'").replace("\u00ad", "")).strip().lower()


def test_pdf_has_a_page_count_that_fits_the_book(pdf, pages_text):
    info = subprocess.run(
        [_poppler("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    assert pages == len(pages_text)
    assert pages >= 150, f"only {pages} pages: the whole book should be well over 150"
    assert re.search(r"Page size:\s+595\.\d+ x 842\.\d+", info), "expected A4 pages"


def test_pdf_opens_with_contents_and_has_page_numbers(pages_text):
    assert "Contents" in pages_text[0]
    total = len(pages_text)
    for n in (1, total // 2, total):
        assert f"page {n} of {total}" in pages_text[n - 1], f"no page number on page {n}"


def test_pdf_holds_every_part_and_every_page_of_the_book(site, pages_text):
    toc = yaml.safe_load((REPO / "_toc.yml").read_text(encoding="utf-8"))
    text = _norm(" ".join(pages_text))
    missing = [p["caption"] for p in toc["parts"] if _norm(p["caption"]) not in text]
    assert not missing, f"parts missing from the PDF: {missing}"

    def files(entries):
        for entry in entries or []:
            yield entry["file"]
            yield from files(entry.get("sections"))

    absent = []
    for part in toc["parts"]:
        for file in files(part["chapters"]):
            page = (site / f"{file}.html").read_text(encoding="utf-8")
            title = re.search(r"<h1>(.*?)<a class=\"headerlink\"", page, re.S)
            assert title, f"no title in {file}.html"
            words = _norm(unescape(re.sub(r"<[^>]+>", "", title.group(1))))
            if words not in text:
                absent.append(words)
    assert not absent, f"pages missing from the PDF: {absent}"
    # the checklists come as worksheets: an item id and its answer options
    assert "des-01" in text and "not yet in place" in text


def test_pdf_has_no_blank_page(pages_text):
    blank = [
        n
        for n, page in enumerate(pages_text, 1)
        if len(re.sub(r"The PLN Handbook|page \d+ of \d+|\s", "", page)) < 20
    ]
    assert not blank, f"blank pages: {blank}"
