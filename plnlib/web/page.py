"""Whole pages and chart figures, shared by the book and the standalone reports.

- :func:`chart_figure_html`: one chart as a ``<figure>`` with its spec, caption and
  table (a long table shows its first rows, then "Show all");
- :func:`report_page`: every report's page: header, synthetic-data banner, contents
  and parts, built from :mod:`plnlib.web.blocks`;
- :func:`standalone_page`: a whole self-contained HTML page (scripts and styles
  inlined, so it renders with no network access and can be emailed), with the one
  stylesheet of every report, print styles included.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from plnlib.web.blocks import Part, contents_html, header_html, section_html, table_html

__all__ = ["CHART_TABLE_ROWS", "chart_figure_html", "report_page", "standalone_page"]

#: Rows of a chart's table shown before "Show all".
CHART_TABLE_ROWS = 50

_ASSETS = Path(__file__).parent / "assets"
_SCRIPTS = (
    "vendor/vega.min.js",
    "vendor/vega-lite.min.js",
    "vendor/vega-embed.min.js",
    "js/pln-charts.js",
)


def _text(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("text", "")
    if isinstance(value, list):
        value = " ".join(str(v) for v in value)
    return str(value or "")


def _table_html(meta: dict[str, Any]) -> str:
    rows = meta.get("table") or []
    if not rows:
        return ""
    columns = list(meta.get("columns") or rows[0].keys())
    frame = pd.DataFrame(rows, columns=columns)
    caption = str(meta.get("table_caption") or "The numbers behind this chart")
    table = table_html(frame, caption, limit=CHART_TABLE_ROWS, row_header=False)
    return (
        '<details class="pln-chart-table"><summary>Show the chart as a table</summary>'
        f"{table}</details>"
    )


def chart_figure_html(spec: dict[str, Any]) -> str:
    """Return the HTML of a chart figure that ``pln-charts.js`` renders in the page.

    The figure holds the vega-lite spec as JSON, a visible caption (the chart's
    title and description, its text alternative) and, when the spec's
    ``usermeta.plnlib`` carries one, a table of the numbers behind the chart.

    Examples
    --------
    >>> out = chart_figure_html({"title": "Scores", "description": "Bars of section means.",
    ...                          "mark": "bar"})
    >>> 'class="pln-chart"' in out and "Bars of section means." in out
    True
    """
    title = _text(spec.get("title"))
    description = _text(spec.get("description"))
    meta = (spec.get("usermeta") or {}).get("plnlib") or {}
    # no "<" at all inside the script element: data can neither end it nor open a comment
    payload = json.dumps(spec, sort_keys=True).replace("<", "\\u003c")
    label = html.escape(f"{title}. {description}".strip(". ") or "Chart")
    caption = ""
    if title or description:
        caption = (
            "<figcaption>"
            + (f'<strong class="pln-chart-title">{html.escape(title)}</strong> ' if title else "")
            + (
                f'<span class="pln-chart-desc">{html.escape(description)}</span>'
                if description
                else ""
            )
            + "</figcaption>"
        )
    return (
        f'<figure class="pln-chart">'
        f'<div class="pln-chart-view" role="img" aria-label="{label}"></div>'
        f'<script type="application/json" class="pln-chart-spec">{payload}</script>'
        f"{caption}{_table_html(meta)}</figure>"
    )


@lru_cache(maxsize=1)
def _inline_assets() -> tuple[str, str]:
    site = _ASSETS / "site"
    scripts = "\n".join(
        "<script>"
        + (site / name).read_text(encoding="utf-8").replace("</script", "<\\/script")
        + "</script>"
        for name in _SCRIPTS
    )
    css = (_ASSETS / "static" / "pln.css").read_text(encoding="utf-8")
    return scripts, css


_PAGE_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5;
       max-width: 60rem; margin: 0 auto; padding: 1rem; color: #1a1a1a; }
a { color: #1f5f8b; }
.pln-skip { position: absolute; left: -999px; }
.pln-skip:focus { left: 1rem; top: 1rem; background: #fff; padding: 0.5rem; }
.pln-synthetic { background: #fff4d6; border-left: 4px solid #E69F00; padding: 0.5rem 1rem; }
.pln-meta { color: #444; }
.pln-more { color: #444; font-size: 0.9rem; }
nav.pln-contents ol { columns: 2; padding-left: 1.2rem; }
@media (max-width: 40rem) { nav.pln-contents ol { columns: 1; } }
.pln-part h3 { margin-bottom: 0.2rem; }
.pln-table-wrap { max-width: 100%; overflow-x: auto; }
figure.pln-chart .pln-chart-view { display: block; max-width: 100%; overflow-x: auto; }
.pln-table-wrap caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
details.pln-all-rows { margin: 0.3rem 0 1rem; }
.pln-note { border-left: 4px solid #0072B2; background: #eef5fb; padding: 0.5rem 1rem; }
@media print {
  .pln-skip, .vega-actions, nav.pln-contents, .vega-bindings,
  details.pln-chart-table summary, details.pln-all-rows { display: none; }
  details.pln-chart-table > * { display: block; }
  figure.pln-chart, table { page-break-inside: avoid; }
  section.pln-part { break-before: page; }
  section.pln-part:first-of-type { break-before: auto; }
  h2, h3 { break-after: avoid; }
  body { max-width: none; font-size: 11pt; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.8em; }
  @page { margin: 15mm; }
}
"""


def standalone_page(
    title: str, body_html: str, *, lang: str = "en", charts: bool = True, extra_css: str = ""
) -> str:
    """Return a complete, self-contained HTML page.

    ``body_html`` is trusted HTML made by plnlib (escape user text before
    passing it). With ``charts=True`` the vega scripts are inlined so every
    ``<figure class="pln-chart">`` renders offline. ``extra_css`` is added
    after the page's own styles.

    Examples
    --------
    >>> page = standalone_page("Report <1>", "<p>Hello</p>", charts=False)
    >>> "<title>Report &lt;1&gt;</title>" in page and '<main id="main">' in page
    True
    """
    scripts, css = _inline_assets()
    return (
        f'<!DOCTYPE html>\n<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_PAGE_CSS}\n{css}\n{extra_css}</style>\n"
        f"{scripts if charts else ''}\n</head>\n<body>\n"
        '<a class="pln-skip" href="#main">Skip to the report</a>\n'
        f'<main id="main">\n{body_html}\n</main>\n</body>\n</html>\n'
    )


def report_page(
    title: str,
    parts: Sequence[Part],
    *,
    facts: Sequence[str] = (),
    synthetic: bool = False,
    charts: bool = True,
    lang: str = "en",
) -> str:
    """A whole report: header (title, facts, synthetic banner), contents, then each part.

    Every report of plnlib is this page; ``parts`` bodies are trusted HTML
    made from :mod:`plnlib.web.blocks` and :func:`chart_figure_html`.

    Examples
    --------
    >>> page = report_page("R", [Part("one", "One", "<p>x</p>")], synthetic=True, charts=False)
    >>> '<a href="#one">One</a>' in page and "Synthetic data." in page
    True
    """
    body = (
        header_html(title, facts, synthetic=synthetic)
        + contents_html(parts)
        + "".join(section_html(p) for p in parts)
    )
    return standalone_page(title, f'<div class="pln-report">{body}</div>', charts=charts, lang=lang)
