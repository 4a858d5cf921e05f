"""Shared helpers for the site gates: the list of built pages and one browser visit per page.

A visit opens a page with every request outside the test server aborted, waits for its
charts, and records what the gates need (blocked requests, JavaScript errors, bytes
loaded, axe-core results, sideways overflow), so the tests reuse one browser and load each
page once per mode.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.conftest import browser_path

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
AXE = Path(__file__).parent / "vendor" / "axe.min.js"

# console messages that are harmless, each with the reason
ALLOWED_ERRORS = {
    "Identifier 'THEBE_JS_URL' has already been declared": (
        "sphinx-thebe declares it twice; thebe only loads on click"
    ),
    "Got invalid theme mode": "pydata-sphinx-theme logs this before it reads the stored mode",
}

SKIP_DIRS = {"_static", "_sources", "vendor", "js", "_images"}
SITE = Path(__file__).resolve().parents[2] / "_build" / "html"


def built_pages(site: Path) -> list[str]:
    """Every HTML page of the built site, as paths relative to its root."""
    out = []
    for p in sorted(site.rglob("*.html")):
        rel = p.relative_to(site)
        if SKIP_DIRS & set(rel.parts[:-1]):
            continue
        if rel.as_posix() == "index.html":  # the redirect to book/index.html
            continue
        out.append(rel.as_posix())
    return out


def tool_pages(site: Path) -> list[str]:
    """Pages under book/tools/ that hold something to operate (a form control or a chart menu)."""
    out = []
    for rel in built_pages(site):
        if not rel.startswith("book/tools/") or rel.endswith("tools/index.html"):
            continue
        text = (site / rel).read_text(encoding="utf-8")
        if "<fieldset" in text or "pln-chart" in text or "jupyter-widgets" in text:
            out.append(rel)
    return out


# Collected once when the tests are collected; with no build yet, one entry, so the
# ``site`` fixture fails with its "run make book" message instead of no test at all.
SITE_PAGES = built_pages(SITE) if (SITE / "index.html").exists() else ["book/index.html"]
TOOL_PAGES = tool_pages(SITE) if (SITE / "index.html").exists() else ["book/tools/index.html"]


@dataclass
class Visit:
    url: str
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requested: list[str] = field(default_factory=list)
    axe: list | None = None
    axe_dark: list | None = None
    overflow: list[str] = field(default_factory=list)
    charts: tuple[int, int] = (0, 0)

    def bytes_loaded(self, site: Path) -> dict[str, int]:
        """The size on disk of every distinct file the page requested from the site."""
        sizes = {}
        for url in self.requested:
            path = urlparse(url).path.lstrip("/")
            f = site / path
            if f.is_dir():
                f = f / "index.html"
            if url.startswith("http") and f.is_file():
                sizes[path] = f.stat().st_size
        return sizes

    @property
    def unexpected_errors(self) -> list[str]:
        return [e for e in self.errors if not any(a in e for a in ALLOWED_ERRORS)]


def watch(page, visit: Visit) -> None:
    """Abort requests to other hosts; record every local request and every error.

    Routing turns Playwright's HTTP cache off, so each visit is a cold load."""

    def route(r):
        url = r.request.url
        host = urlparse(url).hostname
        if host in ("127.0.0.1", None) or url.startswith(("data:", "blob:")):
            visit.requested.append(url)
            r.continue_()
        else:
            visit.blocked.append(url)
            r.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda exc: visit.errors.append(f"pageerror: {exc}"))
    page.on(
        "console",
        lambda m: visit.errors.append(f"console.{m.type}: {m.text}") if m.type == "error" else None,
    )


WAIT_FOR_CHARTS = """() => {
  const all = document.querySelectorAll('figure.pln-chart');
  const done = document.querySelectorAll('figure.pln-chart[data-rendered="yes"]');
  return all.length === done.length;
}"""

COUNT_CHARTS = """() => [
  document.querySelectorAll('figure.pln-chart').length,
  document.querySelectorAll('figure.pln-chart .pln-chart-view svg, figure.pln-chart .pln-chart-view canvas').length
]"""

# The page must not scroll sideways (tables and code blocks may scroll inside their own
# box) and every chart must fit the width. Returns what is wrong, with the widest offenders.
OVERFLOW = """(width) => {
  const bad = [];
  const doc = document.scrollingElement.scrollWidth;
  if (doc > width + 1) {
    bad.push('document scrollWidth=' + doc);
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.right > width + 1 && r.width > 0 && bad.length < 8) {
        bad.push(el.tagName.toLowerCase() + '.' + String(el.className).trim().split(/\\s+/).join('.')
          + ' right=' + Math.round(r.right));
      }
    }
  }
  for (const svg of document.querySelectorAll('figure.pln-chart svg.marks')) {
    const r = svg.getBoundingClientRect();
    if (r.right > width + 1) bad.push('chart wider than the page: right=' + Math.round(r.right));
  }
  return bad;
}"""


_AXE_RUN = """async () => {
  const r = await axe.run(document, {resultTypes: ['violations']});
  return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5), count: v.nodes.length}));
}"""


def visit_page(context, url: str, *, axe: bool = False, phone_width: int | None = None) -> Visit:
    """Open ``url`` in a new tab of ``context`` and record what the gates check.

    With ``axe``, axe-core runs in light mode, then again after switching the page to the
    theme's dark mode (``html[data-theme=dark]``, what its colour-mode button sets); with
    ``phone_width``, the tab is then narrowed to that width and sideways overflow recorded.
    One load serves every check.
    """
    visit = Visit(url)
    page = context.new_page()
    try:
        watch(page, visit)
        page.goto(url, wait_until="load")
        with contextlib.suppress(Exception):  # the charts test reports what did not render
            page.wait_for_function(WAIT_FOR_CHARTS, timeout=15000)
        visit.charts = tuple(page.evaluate(COUNT_CHARTS))
        if axe:
            page.add_script_tag(path=str(AXE))
            visit.axe = page.evaluate(_AXE_RUN)
            # no colour transitions, so axe reads the dark colours, not a blend on the way
            page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
            page.evaluate(
                "document.documentElement.dataset.theme = 'dark';"
                "document.documentElement.dataset.mode = 'dark'"
            )
            page.wait_for_timeout(200)
            visit.axe_dark = page.evaluate(_AXE_RUN)
        if phone_width:
            page.set_viewport_size({"width": phone_width, "height": 844})
            page.wait_for_timeout(300)
            visit.overflow = page.evaluate(OVERFLOW, phone_width)
    finally:
        page.close()
    return visit


_VISITS: dict[str, Visit] = {}


def visit_once(context, server: str, path: str) -> Visit:
    """The one full visit of ``path`` (axe in both modes, then phone width), made once."""
    if path not in _VISITS:
        _VISITS[path] = visit_page(context, f"{server}/{path}", axe=True, phone_width=390)
    return _VISITS[path]


@pytest.fixture(scope="module")
def site_browser():
    """One Chromium per test module (a Playwright instance cannot outlive its module while
    test_browser.py starts its own); the visits themselves are cached across modules."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=browser_path(), args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def gate_context(site_browser):
    """The browser tab settings of the full visits: a 1280 px window, light system mode."""
    ctx = site_browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    yield ctx
    ctx.close()
