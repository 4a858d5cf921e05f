"""Sphinx and myst-nb glue for the handbook: charts and widgets with no CDN.

The book serves vega, vega-lite, vega-embed and the Jupyter widget manager from
its own ``vendor/`` folder (copied from ``plnlib/assets`` through
``html_extra_path``). This module

- renders altair output (the ``application/vnd.vegalite.v*+json`` mime type)
  as a figure with a caption, a text description and a table alternative, and
  loads the local vega scripts only on the pages that hold a chart;
- is a Sphinx extension (``plnlib.book_ext`` in ``_config.yml``).
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:  # pragma: no cover
    from sphinx.application import Sphinx

__all__ = ["VegaLiteRenderer", "chart_figure_html", "setup"]

VEGALITE_MIMES = ("application/vnd.vegalite.v6+json", "application/vnd.vegalite.v5+json")
# Paths are relative to the built site's _static/ folder (Sphinx prefixes "_static/").
_VENDOR_SCRIPTS = (
    ("vega", "../vendor/vega.min.js"),
    ("vega-lite", "../vendor/vega-lite.min.js"),
    ("vega-embed", "../vendor/vega-embed.min.js"),
)
_LOADER = ("pln-charts", "../vendor/pln-charts.js")


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
    head = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_cell(r.get(c)))}</td>" for c in columns) + "</tr>"
        for r in rows
    )
    caption = html.escape(str(meta.get("table_caption") or "The numbers behind this chart"))
    return (
        '<details class="pln-chart-table"><summary>Show the chart as a table</summary>'
        f'<div class="pln-table-wrap"><table><caption>{caption}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div></details>"
    )


def _cell(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


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
    payload = json.dumps(spec, sort_keys=True).replace("</", "<\\/")
    label = html.escape(f"{title}. {description}".strip(". ") or "Chart")
    caption = ""
    if title or description:
        caption = (
            "<figcaption>"
            + (f'<strong class="pln-chart-title">{html.escape(title)}</strong> ' if title else "")
            + (f'<span class="pln-chart-desc">{html.escape(description)}</span>' if description else "")
            + "</figcaption>"
        )
    return (
        f'<figure class="pln-chart">'
        f'<div class="pln-chart-view" role="img" aria-label="{label}"></div>'
        f'<script type="application/json" class="pln-chart-spec">{payload}</script>'
        f"{caption}{_table_html(meta)}</figure>"
    )


class VegaLiteRenderer:
    """myst-nb mime renderer plugin: altair charts rendered from local scripts."""

    mime_priority_overrides: ClassVar[list[tuple[str, str, int | None]]] = [
        (builder, mime, 1)
        for builder in ("html", "dirhtml", "singlehtml")
        for mime in VEGALITE_MIMES
    ]

    @staticmethod
    def handle_mime(renderer: Any, data: Any, inline: bool) -> Any:
        if inline or data.mime_type not in VEGALITE_MIMES:
            return None
        from docutils import nodes

        spec = data.content if isinstance(data.content, dict) else json.loads(data.content)
        for key, path in _VENDOR_SCRIPTS:
            renderer.add_js_file(f"plnlib-{key}", path, {"priority": 200})
        renderer.add_js_file(f"plnlib-{_LOADER[0]}", _LOADER[1], {"defer": "defer"})
        return [nodes.raw("", chart_figure_html(spec), format="html")]


_ASSETS = Path(__file__).parent / "assets"


def _add_asset_paths(app: Sphinx, config: Any) -> None:
    # The vendored scripts go to <site>/vendor/, the handbook's CSS to <site>/_static/.
    config.html_extra_path = [*config.html_extra_path, str(_ASSETS / "site")]
    config.html_static_path = [*config.html_static_path, str(_ASSETS / "static")]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the handbook's Sphinx additions."""
    app.connect("config-inited", _add_asset_paths)
    app.add_css_file("pln.css")
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
