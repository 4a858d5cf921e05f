"""The Team results page's charts in Chromium: drawn from plnlib's specs, with a text
alternative, from the site's own vega (fetched once, and only when there is something
to draw), never a hidden group, and no request leaving the test server."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest
from test_browser import unexpected
from test_team_results import VEGA, Tab

from plnlib.io.content import load_checklist
from plnlib.samples.checklists import team_answers


@pytest.fixture(scope="module")
def browser(browser_executable):
    from playwright.sync_api import sync_playwright
    from test_browser import ARGS

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=browser_executable, args=ARGS)
        yield b
        b.close()


def _team_file(tmp_path: Path) -> Path:
    rows = ["respondent,item,value,school"]
    rows += [f"a{i},DES-01,{1 + i % 4},Big" for i in range(8)]
    rows += [f"a{i},DES-02,{4 - i % 4},Big" for i in range(8)]
    rows += [f"m{i},DES-01,{1 + i % 3},Middle" for i in range(6)]
    rows += [f"m{i},DES-02,3,Middle" for i in range(6)]
    rows += [f"s{i},DES-01,4,Tiny" for i in range(2)]
    path = tmp_path / "schools.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _drawn(p, chart: str) -> None:
    p.wait_for_selector(f'figure[data-chart="{chart}"][data-state="drawn"] svg', timeout=20000)


def test_the_charts_draw_with_their_text_alternative_and_nothing_leaves(browser, server, tmp_path):
    checklist = load_checklist("pln-design")
    path = tmp_path / "team.csv"
    team_answers(checklist, respondents=30, seed=3).to_csv(path, index=False)
    for width in (1280, 390):
        t = Tab(browser, server, width=width)
        try:
            t.open([path], checklist="pln-design")
            p = t.page
            p.locator('figure[data-chart="sections"]').scroll_into_view_if_needed()
            _drawn(p, "sections")
            view = p.locator('figure[data-chart="sections"] .pln-team-chart-view')
            assert view.get_attribute("role") == "img"
            assert view.locator("button, a, input, select, [tabindex]").count() == 0
            label = view.get_attribute("aria-label")
            assert label.startswith("Bar chart of the mean score") and "Lowest:" in label
            # the bars are the sections shown, with their bands' colours
            assert p.locator('figure[data-chart="sections"] svg .mark-rect path').count() == len(
                checklist.sections
            )
            # an item chart further down draws when it comes into view
            last = f"items-{checklist.sections[-1].id}"
            p.locator(f'figure[data-chart="{last}"]').scroll_into_view_if_needed()
            _drawn(p, last)
            assert (
                p.locator(f'figure[data-chart="{last}"] figcaption')
                .inner_text()
                .startswith("Answers in")
            )
            # charts fit a phone's width
            assert p.evaluate("document.documentElement.scrollWidth") <= width
            fetched = [Path(urlparse(u).path).name for u in t.after_load]
            assert sorted(fetched) == sorted(VEGA), fetched  # once each, from the site
            assert t.outside == []
            assert not unexpected(t.errors), t.errors
        finally:
            t.close()


def test_the_group_chart_shows_only_the_groups_shown(tab, tmp_path):
    tab.open([_team_file(tmp_path)], checklist="pln-design")
    p = tab.page
    p.select_option("#pln-team-by", "school")
    p.locator('figure[data-chart="groups"]').scroll_into_view_if_needed()
    _drawn(p, "groups")
    text = p.inner_text('figure[data-chart="groups"]') + (
        p.locator('figure[data-chart="groups"] .pln-team-chart-view').get_attribute("aria-label")
    )
    # Tiny (2) is hidden, and Middle with it (else Tiny = team - Big - Middle)
    assert "Big" in text
    assert "Tiny" not in text and "Middle" not in text
    svg_text = p.locator('figure[data-chart="groups"] svg').inner_html()
    assert "Tiny" not in svg_text and "Middle" not in svg_text
    assert tab.outside == []
    assert not unexpected(tab.errors), tab.errors


def test_a_chart_that_cannot_load_says_so_and_the_table_stays(tab, tmp_path):
    p = tab.page
    p.route("**/vendor/vega.min.js", lambda r: r.abort())
    tab.open([_team_file(tmp_path)], checklist="pln-design")
    p.locator('figure[data-chart="sections"]').scroll_into_view_if_needed()
    p.wait_for_selector(
        'figure[data-chart="sections"] .pln-team-chart-view:has-text("could not be drawn")'
    )
    assert p.is_visible("#pln-team-sections")
    assert p.get_attribute('figure[data-chart="sections"] .pln-team-chart-view', "role") is None


@pytest.fixture
def tab(browser, server):
    t = Tab(browser, server)
    yield t
    t.close()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_results_with_charts_have_no_serious_accessibility_problem(tab, tmp_path, theme):
    """axe-core on the page with results, the group table and every chart drawn."""
    from site_pages import _AXE_RUN, AXE

    tab.open([_team_file(tmp_path)], checklist="pln-design")
    p = tab.page
    p.select_option("#pln-team-by", "school")
    for fig in p.locator("figure.pln-team-figure").all():
        fig.scroll_into_view_if_needed()
    p.wait_for_function(
        "() => [...document.querySelectorAll('figure.pln-team-figure')]"
        ".every(f => f.dataset.state === 'drawn')"
    )
    if theme == "dark":
        p.evaluate("document.documentElement.dataset.theme = 'dark'")
    p.add_script_tag(path=str(AXE))
    found = p.evaluate(_AXE_RUN)
    bad = [v for v in found if v["impact"] in ("serious", "critical")]
    assert not bad, "\n".join(f"{v['impact']} {v['id']} ({v['help']}): {v['nodes']}" for v in bad)
    # the results were announced, and every chart's view names what it shows
    assert p.inner_text("#pln-team-status").startswith("Results ready")
    labels = p.eval_on_selector_all(
        ".pln-team-chart-view",
        "vs => vs.map(v => [v.getAttribute('role'), v.getAttribute('aria-label')])",
    )
    assert labels and all(r == "img" and len(a) > 40 for r, a in labels), labels
