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


def test_chart_and_widget_pages_point_at_local_scripts(site):
    page = (site / "book/tools/checklist-self-assessment.html").read_text(encoding="utf-8")
    assert 'class="pln-chart"' in page
    for script in ("vendor/vega.min.js", "js/pln-charts.js", "vendor/html-manager-embed.js"):
        assert script in page, script
    assert "application/vnd.jupyter.widget-state+json" in page


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
