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

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:  # pragma: no cover
    from sphinx.application import Sphinx

from plnlib.web import chart_figure_html

__all__ = ["VegaLiteRenderer", "setup"]

VEGALITE_MIMES = ("application/vnd.vegalite.v6+json", "application/vnd.vegalite.v5+json")
# Paths are relative to the built site's _static/ folder (Sphinx prefixes "_static/").
_VENDOR_SCRIPTS = (
    ("vega", "../vendor/vega.min.js"),
    ("vega-lite", "../vendor/vega-lite.min.js"),
    ("vega-embed", "../vendor/vega-embed.min.js"),
)
_LOADER = ("pln-charts", "../vendor/pln-charts.js")


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
