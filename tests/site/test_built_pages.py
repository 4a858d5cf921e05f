"""Static checks of the built site: no third-party scripts, summaries as meta descriptions."""

from __future__ import annotations

import re

import pytest

from tests.conftest import REPO

# tags that make the browser fetch something (a canonical link or an <a> fetches nothing)
EXTERNAL = re.compile(
    r"""<(?:script|img|iframe|source|video|audio)\b[^>]*\bsrc=["'](?:https?:)?//"""
    r"""|<link\b(?![^>]*rel=["']canonical)[^>]*\bhref=["'](?:https?:)?//""",
    re.I,
)


def pages(site):
    return sorted(
        p for p in site.rglob("*.html") if "_static" not in p.parts and "_sources" not in p.parts
    )


def test_no_page_loads_anything_from_another_host(site):
    offenders = {}
    for page in pages(site):
        for match in EXTERNAL.finditer(page.read_text(encoding="utf-8")):
            tag = page.read_text(encoding="utf-8")[match.start() : match.start() + 200]
            offenders.setdefault(str(page.relative_to(site)), []).append(tag.split(">")[0])
    assert not offenders, offenders


def test_vendored_scripts_are_served_by_the_site(site):
    for name in (
        "vendor/vega.min.js",
        "vendor/vega-lite.min.js",
        "vendor/vega-embed.min.js",
        "vendor/html-manager-embed.js",
        "js/pln-charts.js",
        "js/pln-checklist.js",
    ):
        assert (site / name).stat().st_size > 1000, name


def test_chart_pages_point_at_local_scripts(site):
    page = (site / "book/tools/checklist-self-assessment.html").read_text(encoding="utf-8")
    assert 'class="pln-chart"' in page
    for script in ("vendor/vega.min.js", "js/pln-charts.js"):
        assert script in page, script


def test_widget_manager_only_on_pages_that_show_a_widget(site):
    """The 1.9 MB widget manager and the widget state come only with a widget view."""
    for page in pages(site):
        text = page.read_text(encoding="utf-8")
        shows = "application/vnd.jupyter.widget-view+json" in text
        loads = "vendor/html-manager-embed.js" in text
        state = "application/vnd.jupyter.widget-state+json" in text
        rel = page.relative_to(site)
        assert shows == loads, f"{rel}: shows a widget {shows}, loads the manager {loads}"
        assert state == shows, f"{rel}: widget state without a widget view"
    # the self-assessment notebook saves widget state but removes the widget's output
    page = (site / "book/tools/checklist-self-assessment.html").read_text(encoding="utf-8")
    assert "html-manager" not in page


def test_no_page_loads_the_themes_fontawesome_script(site):
    """The theme's CSS draws its icons from the webfonts; its 1.5 MB script is left out."""
    for page in pages(site):
        text = page.read_text(encoding="utf-8")
        assert "scripts/fontawesome.js" not in text, page.relative_to(site)
    css = (site / "_static/styles/pydata-sphinx-theme.css").read_text(encoding="utf-8")
    assert "fa-solid-900.woff2" in css and "fa-brands-400.woff2" in css
    assert (site / "_static/vendor/fontawesome/webfonts/fa-solid-900.woff2").is_file()


@pytest.mark.parametrize(
    "md", sorted((REPO / "book").rglob("*.md")), ids=lambda p: str(p.relative_to(REPO))
)
def test_every_page_has_summary_lead_and_meta_description(site, md):
    rel = md.relative_to(REPO).with_suffix(".html")
    built = site / rel
    if not built.exists():
        pytest.fail(f"{rel} was not built: is it in _toc.yml?")
    html = built.read_text(encoding="utf-8")
    assert '<meta name="description"' in html, (
        f"{md.name}: add a 'summary:' line to the front matter"
    )
    assert 'class="pln-summary"' in html


def test_printable_worksheets_are_published_and_linked(site):
    from plnlib.io.content import checklist_ids, load_checklist

    for cid in checklist_ids():
        sheet = (site / "worksheets" / f"{cid}.html").read_text(encoding="utf-8")
        assert all(item.id in sheet for item in load_checklist(cid).items)
        assert (site / "worksheets" / f"{cid}.md").exists()
        page = (site / "book" / "tools" / "checklists" / f"{cid}.html").read_text(encoding="utf-8")
        assert f'href="../../../worksheets/{cid}.html"' in page
