"""Shared chart helpers: palette, table alternative, the notebook renderer."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

import altair as alt
import pandas as pd

__all__ = ["PALETTE", "register_renderer", "with_table"]

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


def _plnlib_renderer(spec: dict[str, Any], **metadata: Any) -> dict[str, Any]:
    """Vega-Lite JSON for JupyterLab and the book, HTML for Colab and classic Jupyter."""
    from altair.utils.html import spec_to_html

    mime = f"application/vnd.vegalite.v{alt.SCHEMA_VERSION.split('.')[0].lstrip('v')}+json"
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
    title = spec.get("title")
    if isinstance(title, dict):
        title = title.get("text")
    text = f"Chart: {title or 'untitled'}. {spec.get('description', '')}".strip()
    return {mime: spec, "text/html": html, "text/plain": text}


def register_renderer() -> None:
    """Register and enable the ``plnlib`` altair renderer (idempotent)."""
    if "plnlib" not in alt.renderers.names():
        alt.renderers.register("plnlib", _plnlib_renderer)
    alt.renderers.enable("plnlib")
