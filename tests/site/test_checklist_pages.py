"""Every fillable checklist page in Chromium: answers kept, saved, opened, cleared; offline."""

from __future__ import annotations

import json
from urllib.parse import urlparse

import pytest

from plnlib.checklists.scoring import person_score, prepare_answers
from plnlib.io.content import checklist_ids, load_checklist
from plnlib.io.responses import load_person_json, person_answers_frame, save_person_json
from tests.conftest import browser_path

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
IDS = checklist_ids()
# harmless page errors, each with the reason (as in test_browser.py)
ALLOWED = ("Identifier 'THEBE_JS_URL' has already been declared",)  # sphinx-thebe declares it twice


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=browser_path(), args=ARGS)
        yield b
        b.close()


def _open(browser, server, cid, *, context=None):
    """The checklist page, every request outside the test server aborted and counted."""
    context = context or browser.new_context(accept_downloads=True)
    page = context.new_page()
    outside: list[str] = []
    errors: list[str] = []

    def route(r):
        url = r.request.url
        if urlparse(url).hostname == "127.0.0.1" or url.startswith(("data:", "blob:")):
            r.continue_()
        else:
            outside.append(url)
            r.abort()

    page.route("**/*", route)
    page.on(
        "pageerror",
        lambda exc: None if any(a in str(exc) for a in ALLOWED) else errors.append(str(exc)),
    )
    page.goto(f"{server}/book/tools/checklists/{cid}.html", wait_until="networkidle")
    page.wait_for_selector("form.pln-checklist[data-ready=yes]")
    return page, outside, errors


def _choose(page, item, value):
    page.locator(f'fieldset[data-item="{item}"] input[value="{value}"]').check()


def _shown(page):
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('fieldset.pln-item')]
            .map(f => [f.dataset.item, (f.querySelector('input:checked') || {}).value || null])
            .filter(p => p[1] !== null))"""
    )


@pytest.mark.parametrize("cid", IDS)
def test_answers_survive_a_reload_and_a_new_tab(browser, server, cid):
    checklist = load_checklist(cid)
    ids = checklist.item_ids
    page, outside, errors = _open(browser, server, cid)
    assert (
        "kept in this browser on this device only" in page.locator(".pln-storage-line").inner_text()
    )
    _choose(page, ids[0], "4")
    _choose(page, ids[1], "dont_know")
    _choose(page, ids[-1], "1")
    page.reload(wait_until="networkidle")
    page.wait_for_selector("form.pln-checklist[data-ready=yes]")
    want = {ids[0]: "4", ids[1]: "dont_know", ids[-1]: "1"}
    assert _shown(page) == want
    assert "Restored 3 answers" in page.locator(".pln-status").inner_text()
    # the chart is drawn from plnlib's spec with the page's data, and the table matches
    page.wait_for_selector(".pln-person-chart svg .mark-rect path")
    assert page.locator(".pln-person-chart svg .mark-rect path").count() == 2
    other, _, _ = _open(browser, server, cid, context=page.context)
    assert _shown(other) == want
    assert not outside and not errors, (outside, errors)
    page.context.close()


@pytest.mark.parametrize("cid", IDS)
def test_saved_json_loads_and_scores_the_same_in_plnlib(browser, server, cid, tmp_path):
    checklist = load_checklist(cid)
    ids = checklist.item_ids
    page, outside, errors = _open(browser, server, cid)
    for item, value in zip(ids[:4], ["3", "2", "not_applicable", "4"], strict=True):
        _choose(page, item, value)
    page_overall = page.locator(".pln-overall").inner_text()
    with page.expect_download() as info:
        page.get_by_role("button", name="Save my answers (JSON file)").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    got_id, respondent, answers = load_person_json(path)
    assert got_id == cid and respondent == "me"
    assert {k: v for k, v in answers.items() if v is not None} == {
        ids[0]: 3,
        ids[1]: 2,
        ids[2]: "not_applicable",
        ids[3]: 4,
    }
    # byte for byte what plnlib writes for the same answers
    again = save_person_json(tmp_path / "plnlib.json", checklist, answers)
    assert path.read_text(encoding="utf-8") == again.read_text(encoding="utf-8")
    score = person_score(
        prepare_answers(person_answers_frame(respondent, answers), checklist), checklist
    )
    assert f"Overall: {score.mean:.2f} ({score.band})" in page_overall
    table = page.locator(".pln-results-table tbody tr").all_inner_texts()
    for row, (_, want) in zip(table, score.sections.iterrows(), strict=True):
        if want["answered"]:
            assert f"{want['mean']:.2f}" in row and want["band"] in row, (row, want)
    # and the CSV download is a table plnlib score reads
    with page.expect_download() as info:
        page.get_by_role("button", name="Download as CSV").click()
    assert info.value.suggested_filename == f"{cid}-answers.csv"
    assert not outside and not errors, (outside, errors)
    page.context.close()


@pytest.mark.parametrize("cid", IDS)
def test_a_plnlib_saved_file_opens_in_the_page(browser, server, cid, tmp_path):
    checklist = load_checklist(cid)
    ids = checklist.item_ids
    answers = {ids[0]: 1, ids[2]: 4, ids[-2]: "dont_know"}
    path = save_person_json(tmp_path / "mine.json", checklist, answers)
    page, outside, errors = _open(browser, server, cid)
    page.locator(".pln-open-file").set_input_files(str(path))
    page.wait_for_function("document.querySelector('.pln-status').textContent.includes('Opened')")
    assert _shown(page) == {k: str(v) for k, v in answers.items()}
    assert "3 answers shown" in page.locator(".pln-status").inner_text()
    # a file for another checklist is refused with a message, and nothing changes
    other = next(c for c in IDS if c != cid)
    wrong = save_person_json(tmp_path / "other.json", load_checklist(other), {})
    page.locator(".pln-open-file").set_input_files(str(wrong))
    page.wait_for_function(
        "document.querySelector('.pln-status').textContent.includes('Could not')"
    )
    assert f"'{other}'" in page.locator(".pln-status").inner_text()
    assert _shown(page) == {k: str(v) for k, v in answers.items()}
    assert not outside and not errors, (outside, errors)
    page.context.close()


@pytest.mark.parametrize("cid", IDS)
def test_clear_asks_first_by_keyboard(browser, server, cid):
    ids = load_checklist(cid).item_ids
    page, outside, errors = _open(browser, server, cid)
    _choose(page, ids[0], "2")
    page.locator(".pln-clear").focus()
    page.keyboard.press("Enter")
    confirm = page.get_by_role("alertdialog")
    assert confirm.is_visible() and "Clear all 1 answers" in confirm.inner_text()
    assert page.evaluate("document.activeElement.textContent") == "No, keep them"
    page.keyboard.press("Enter")  # keep them
    assert _shown(page) == {ids[0]: "2"} and not confirm.is_visible()
    assert page.evaluate("document.activeElement.className") == "pln-clear"
    page.keyboard.press("Enter")
    page.keyboard.press("Shift+Tab")  # to "Yes, clear them"
    page.keyboard.press("Enter")
    assert _shown(page) == {}
    assert "cleared" in page.locator(".pln-status").inner_text()
    page.reload(wait_until="networkidle")
    page.wait_for_selector("form.pln-checklist[data-ready=yes]")
    assert _shown(page) == {}
    assert not outside and not errors, (outside, errors)
    page.context.close()


def test_an_older_versions_answers_are_offered_back(browser, server):
    checklist = load_checklist("pln-design")
    ids = checklist.item_ids
    context = browser.new_context()
    old = {
        "format": "plnlib-answers",
        "version": 1,
        "checklist": "pln-design",
        "checklist_version": checklist.version - 1,
        "respondent": "me",
        "answers": {ids[0]: 3, ids[1]: 2, "DES-OLD": 4},
    }
    key = f"pln-answers:pln-design:v{checklist.version - 1}"
    context.add_init_script(
        f"if (!sessionStorage.getItem('seeded')) {{ localStorage.setItem({json.dumps(key)}, "
        f"{json.dumps(json.dumps(old))}); sessionStorage.setItem('seeded', '1'); }}"
    )
    page, outside, errors = _open(browser, server, "pln-design", context=context)
    offer = page.locator(".pln-restore")
    assert (
        f"version {checklist.version - 1} of this checklist: restore the 2 that still apply?"
        in (offer.inner_text())
    )
    offer.get_by_role("button", name="Restore them").click()
    assert _shown(page) == {ids[0]: "3", ids[1]: "2"}
    page.reload(wait_until="networkidle")
    page.wait_for_selector("form.pln-checklist[data-ready=yes]")
    assert _shown(page) == {ids[0]: "3", ids[1]: "2"}
    assert offer.is_hidden()
    assert not outside and not errors, (outside, errors)
    context.close()


def test_without_storage_the_page_says_so_and_still_scores(browser, server):
    context = browser.new_context()
    context.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() { throw new Error('denied'); }});"
    )
    page, outside, errors = _open(browser, server, "readiness", context=context)
    assert (
        "does not let the page keep your answers" in page.locator(".pln-storage-line").inner_text()
    )
    first = load_checklist("readiness").item_ids[0]
    _choose(page, first, "3")
    assert "Overall: 3.00" in page.locator(".pln-overall").inner_text()
    # the theme's own scripts throw on the blocked storage; ours reached data-ready above
    assert not outside and all(e == "denied" for e in errors), (outside, errors)
    context.close()


def test_print_my_results_shows_only_the_results(browser, server):
    checklist = load_checklist("pln-design")
    page, outside, errors = _open(browser, server, "pln-design")
    for n, item in enumerate(checklist.item_ids):
        _choose(page, item, str(1 + n % 4))
    page.evaluate("window.print = () => { window.printed = true; }")
    page.get_by_role("button", name="Print my results").click()
    assert page.evaluate("window.printed") is True
    page.emulate_media(media="print")
    view = page.locator("#pln-print-view")
    assert view.is_visible()
    assert page.locator("article, .bd-main").first.is_hidden()
    text = view.inner_text()
    weak = view.locator(".pln-weak-section")
    assert weak.count() == 2
    assert "Read the chapter" in text and view.locator(".pln-weak-section a").count() == 2
    assert view.locator("svg .mark-rect path").count() == len(checklist.sections)
    assert view.locator(".pln-results-table tbody tr").count() == len(checklist.sections)
    assert not outside and not errors, (outside, errors)
    page.context.close()
