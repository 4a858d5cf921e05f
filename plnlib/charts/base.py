"""Shared chart helpers: palette, table alternative, the notebook renderers."""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Sequence
from typing import Any

import altair as alt
import pandas as pd

__all__ = [
    "PALETTE",
    "VEGALITE_MIME",
    "register_renderer",
    "use_html_renderer",
    "with_table",
]

#: Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
PALETTE: tuple[str, ...] = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
)


def with_table(
    chart: alt.TopLevelMixin,
    table: pd.DataFrame,
    *,
    caption: str,
    columns: Sequence[str] | None = None,
) -> alt.TopLevelMixin:
    """Attach a table alternative (aggregated numbers) to a chart's ``usermeta``.

    Examples
    --------
    >>> import altair as alt, pandas as pd
    >>> df = pd.DataFrame({"section": ["A"], "mean": [3.25]})
    >>> c = with_table(alt.Chart(df).mark_bar(), df, caption="Section means")
    >>> c.to_dict()["usermeta"]["plnlib"]["table"]
    [{'section': 'A', 'mean': 3.25}]
    """
    cols = list(columns) if columns is not None else [str(c) for c in table.columns]
    records = json.loads(table[cols].to_json(orient="records", force_ascii=False))
    meta = {"plnlib": {"table": records, "columns": cols, "table_caption": caption}}
    return chart.properties(usermeta=meta)


#: The Vega-Lite mime type altair's specs are written for (v6 with altair 6).
VEGALITE_MIME = f"application/vnd.vegalite.v{alt.SCHEMA_VERSION.split('.')[0].lstrip('v')}+json"


def _text(spec: dict[str, Any]) -> str:
    title = spec.get("title")
    if isinstance(title, dict):
        title = title.get("text")
    if isinstance(title, list):
        title = " ".join(map(str, title))
    return f"Chart: {title or 'untitled'}. {spec.get('description', '')}".strip()


def _plnlib_renderer(spec: dict[str, Any], **metadata: Any) -> dict[str, Any]:
    """The chart stored once: the Vega-Lite spec (JupyterLab, VS Code, the book) and a text."""
    return {VEGALITE_MIME: spec, "text/plain": _text(spec)}


def _plnlib_html_renderer(spec: dict[str, Any], **metadata: Any) -> dict[str, Any]:
    """The Vega-Lite spec plus an HTML page drawing it, for Colab and classic Jupyter."""
    from altair.utils.html import spec_to_html

    digest = hashlib.sha1(json.dumps(spec, sort_keys=True).encode()).hexdigest()[:16]
    html = spec_to_html(
        spec,
        mode="vega-lite",
        vega_version=alt.VEGA_VERSION,
        vegaembed_version=alt.VEGAEMBED_VERSION,
        vegalite_version=alt.VEGALITE_VERSION,
        output_div=f"pln-chart-{digest}",
        template="universal",
        fullhtml=False,
    )
    return {**_plnlib_renderer(spec), "text/html": html}


def register_renderer(*, html: bool | None = None) -> None:
    """Register plnlib's altair renderers and enable one (idempotent).

    ``plnlib`` (the default) stores each chart once, as its Vega-Lite spec: JupyterLab,
    VS Code and the book draw it. ``html=True`` enables ``plnlib-html``, which adds an
    HTML copy for front ends that do not draw Vega-Lite themselves (Colab, classic
    Jupyter Notebook); it loads the vega scripts from a CDN and doubles a notebook's
    size. ``html=None`` picks ``plnlib-html`` in Colab, ``plnlib`` elsewhere.

    Examples
    --------
    >>> import altair as alt
    >>> register_renderer()
    >>> alt.renderers.active
    'plnlib'
    >>> bundle = alt.Chart(alt.Data(values=[{"a": 1}])).mark_bar().encode(x="a:Q")._repr_mimebundle_()
    >>> sorted(bundle[0] if isinstance(bundle, tuple) else bundle)
    ['application/vnd.vegalite.v6+json', 'text/plain']
    """
    names = alt.renderers.names()
    if "plnlib" not in names:
        alt.renderers.register("plnlib", _plnlib_renderer)
    if "plnlib-html" not in names:
        alt.renderers.register("plnlib-html", _plnlib_html_renderer)
    if html is None:
        html = "google.colab" in sys.modules
    alt.renderers.enable("plnlib-html" if html else "plnlib")


def use_html_renderer() -> None:
    """Show charts in Colab or classic Jupyter Notebook too: ``register_renderer(html=True)``."""
    register_renderer(html=True)
