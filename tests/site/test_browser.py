"""The built pages in a real browser (Chromium or Chrome) with every third-party request blocked.

The browser is the one ``scripts/find_browser.py`` finds (fixture ``browser_executable``).
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# console messages that are harmless, each with the reason
ALLOWED = {
    "Identifier 'THEBE_JS_URL' has already been declared": "sphinx-thebe declares it twice; thebe only loads on click",
    "Got invalid theme mode": "pydata-sphinx-theme logs this before it reads the stored mode",
}


@pytest.fixture(scope="module")
def browser(browser_executable):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=browser_executable, args=ARGS)
        yield b
        b.close()


def open_page(browser, url):
    context = browser.new_context()
    page = context.new_page()
    blocked, errors = [], []

    def route(r):
        host = urlparse(r.request.url).hostname
        if host in ("127.0.0.1", None) or r.request.url.startswith(("data:", "blob:")):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
    page.on(
        "console",
        lambda m: errors.append(f"console.{m.type}: {m.text}") if m.type == "error" else None,
    )
    page.goto(url, wait_until="networkidle")
    return page, blocked, errors


def unexpected(errors):
    return [e for e in errors if not any(a in e for a in ALLOWED)]


PAGES = [
    "book/index.html",
    "book/understanding/what-is-a-pln.html",
    "book/tools/checklist-self-assessment.html",
    "book/tools/checklists/pln-design.html",
    "book/reference/glossary.html",
    "book/reference/api.html",
    "book/tools/map-your-network.html",
    "book/tools/monitor-your-network.html",
    "book/evaluating/mapping-networks.html",
]


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_with_no_third_party_request_and_no_js_error(browser, server, path):
    page, blocked, errors = open_page(browser, f"{server}/{path}")
    assert not blocked, f"requests to other hosts: {blocked}"
    assert not unexpected(errors), errors
    page.context.close()


def test_charts_render_and_keep_their_text_alternative(browser, server):
    page, blocked, errors = open_page(
        browser, f"{server}/book/tools/checklist-self-assessment.html"
    )
    figures = page.locator("figure.pln-chart")
    assert figures.count() >= 2
    page.wait_for_function(
        "document.querySelectorAll('figure.pln-chart[data-rendered=\"yes\"]').length >= 2"
    )
    for i in range(figures.count()):
        fig = figures.nth(i)
        assert fig.locator(".pln-chart-view svg, .pln-chart-view canvas").count() >= 1
        assert fig.locator("figcaption").inner_text().strip()
        assert fig.locator("details.pln-chart-table table tbody tr").count() >= 1
    assert not blocked and not unexpected(errors), (blocked, errors)
    page.context.close()


def test_self_assessment_page_has_no_dead_widget(browser, server):
    """Without a kernel the widget could not score: the page offers the live tools instead."""
    page, blocked, errors = open_page(
        browser, f"{server}/book/tools/checklist-self-assessment.html"
    )
    assert page.get_by_role("button", name="Show my scores").count() == 0
    links = page.locator("main a[href*='checklists/']")
    assert links.count() >= 7, "the page links each fillable checklist page"
    assert page.locator("main a[href*='team-results']").count() >= 1
    assert page.get_by_text("Running this notebook live").count() >= 1
    assert not blocked and not unexpected(errors), (blocked, errors)
    page.context.close()


def test_fillable_checklist_scores_by_keyboard(browser, server):
    page, blocked, errors = open_page(browser, f"{server}/book/tools/checklists/pln-design.html")
    first = page.locator("fieldset.pln-item").first
    first.locator("input[type=radio]").first.focus()
    page.keyboard.press("Space")  # choose the first option (value 1) by keyboard
    page.keyboard.press(
        "ArrowRight"
    )  # move to the next option (value 2): radios select as they move
    overall = page.locator(".pln-overall").inner_text()
    assert "Overall: 2.00" in overall, overall
    section = page.locator("[data-section-score]").first.inner_text()
    assert "Section mean: 2.00" in section
    assert not blocked and not unexpected(errors), (blocked, errors)
    page.context.close()


def _all_charts_render_and_menu_redraws(page, minimum: int):
    """Every chart on the page is drawn; the first chart's menu (an altair param) redraws it."""
    figures = page.locator("figure.pln-chart")
    assert figures.count() >= minimum
    page.wait_for_function(
        "document.querySelectorAll('figure.pln-chart[data-rendered=\"yes\"]').length"
        " === document.querySelectorAll('figure.pln-chart').length"
    )
    first = figures.first
    assert first.locator(".pln-chart-view svg").count() >= 1
    assert first.locator("figcaption").inner_text().strip()
    menu = first.locator("select")  # works with no kernel
    assert menu.count() == 1
    before = first.locator("svg.marks").inner_html()
    menu.select_option(index=1)
    page.wait_for_timeout(300)
    assert first.locator("svg.marks").inner_html() != before
    return first


def test_monitoring_notebook_charts_render_offline(browser, server):
    page, blocked, errors = open_page(browser, f"{server}/book/tools/monitor-your-network.html")
    _all_charts_render_and_menu_redraws(page, minimum=5)
    assert not blocked, f"requests to other hosts: {blocked}"
    assert not unexpected(errors), errors
    page.context.close()


def test_network_map_renders_offline_and_its_controls_work(browser, server):
    page, blocked, errors = open_page(browser, f"{server}/book/tools/map-your-network.html")
    network = _all_charts_render_and_menu_redraws(page, minimum=3)
    assert "P0" in network.locator("details.pln-chart-table").text_content()  # codes, not names
    assert not blocked, f"requests to other hosts: {blocked}"
    assert not unexpected(errors), errors
    page.context.close()
