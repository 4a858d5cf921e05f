"""Charts as pictures: PNG (for slides) and SVG, each with a text file of its text alternative.

The charts are exactly the report's (:mod:`plnlib.report.monitoring`,
:mod:`plnlib.report.networks`), rendered offline by vl-convert (no browser, no
network: external data is refused). Charts with menus or sliders are drawn in
their first state (the whole network, all ties). A hidden group is left out of
every picture and text (:mod:`plnlib.report.redaction`).

In a notebook, one call saves every chart::

    from plnlib.report.figures import save_figures
    save_figures(result, "figures", checklist)   # a Monitoring result
    save_figures(network, "figures")             # a Network (codes unless names=True)
    save_figures([chart1, chart2], "figures")    # any altair charts
"""

from __future__ import annotations

import copy
import html
import re
import struct
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plnlib.charts.monitoring import diverging_chart, group_dot_chart, heatmap_chart, trend_chart
from plnlib.checklists import Checklist
from plnlib.errors import DataError
from plnlib.io.files import write_output
from plnlib.monitoring import Monitoring
from plnlib.networks import Network, NetworkAnalysis, analyse
from plnlib.report.networks import network_report_charts
from plnlib.report.redaction import hidden_groups, redact_spec

__all__ = [
    "FULL_WIDTH",
    "MAP_LIMIT",
    "MIN_PNG_WIDTH",
    "Figure",
    "Picture",
    "chart_figures",
    "check_figures_folder",
    "figure_files",
    "monitoring_figures",
    "network_figures",
    "render",
    "save_figures",
    "write_figures",
]

#: Width in CSS pixels given to charts that fill their container on a page.
FULL_WIDTH = 800
#: PNGs are at least this many pixels wide (sharp on a full-width 16:9 slide).
MIN_PNG_WIDTH = 1600
#: Above this many people the network report leaves the node-link map out, and so do we.
MAP_LIMIT = 400


@dataclass(frozen=True)
class Figure:
    """One chart ready to render: its file name stem, title, text alternative and spec."""

    name: str
    title: str
    description: str
    spec: dict[str, Any]

    def table_text(self) -> str:
        """The chart's table alternative as plain text (empty when it has none)."""
        meta = self.spec.get("usermeta", {}).get("plnlib", {})
        rows, columns = meta.get("table"), meta.get("columns")
        if not rows or not columns:
            return ""
        lines = [f"Table: {meta.get('table_caption', 'the numbers of the chart')}"]
        lines.append(" | ".join(str(c) for c in columns))
        for row in rows:
            lines.append(" | ".join("" if row.get(c) is None else str(row.get(c)) for c in columns))
        return "\n".join(lines)

    def text_alternative(self) -> str:
        """Title, description and table: what a reader who cannot see the chart needs."""
        parts = [self.title, self.description, self.table_text()]
        if _has_controls(self.spec):
            parts.insert(
                2,
                "This picture shows the chart as it first opens (the first choice of each "
                "menu or slider); the HTML report has the controls.",
            )
        return "\n\n".join(p for p in parts if p) + "\n"


def _has_controls(spec: object) -> bool:
    """Whether a spec has a menu, slider or other bound control."""
    if isinstance(spec, dict):
        params = spec.get("params", [])
        if any(isinstance(p, dict) and "bind" in p and p["bind"] != "legend" for p in params):
            return True
        return any(_has_controls(v) for k, v in spec.items() if k not in ("datasets", "data"))
    if isinstance(spec, list):
        return any(_has_controls(v) for v in spec)
    return False


@dataclass(frozen=True)
class Picture:
    """A rendered figure: PNG bytes (with their pixel size) and SVG text."""

    figure: Figure
    png: bytes
    svg: str
    width: int
    height: int


def _title(spec: dict[str, Any]) -> str:
    title = spec.get("title", "")
    if isinstance(title, dict):
        title = title.get("text", "")
    if isinstance(title, list):
        title = " ".join(map(str, title))
    return str(title)


def _slug(text: str, prefix: str = "", limit: int = 60) -> str:
    """``Who goes to whom (wave 2)`` -> ``who-goes-to-whom-wave-2`` (``prefix`` left out)."""
    text = text[len(prefix) :] if prefix and text.startswith(prefix) else text
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].rstrip("-") or "chart"


def _container_to_fixed(spec: Any) -> Any:
    if isinstance(spec, dict):
        return {
            k: FULL_WIDTH if k == "width" and v == "container" else _container_to_fixed(v)
            for k, v in spec.items()
        }
    if isinstance(spec, list):
        return [_container_to_fixed(v) for v in spec]
    return spec


def chart_figures(
    charts: Iterable[Any], *, hidden: Sequence[str] = (), prefix: str = ""
) -> list[Figure]:
    """Figures from altair charts or Vega-Lite dicts, numbered in order (``01-...``).

    ``hidden`` names groups to leave out; ``prefix`` is left out of the file names
    (the checklist's title, which every monitoring chart's title starts with).
    """
    figures = []
    for i, chart in enumerate(charts, start=1):
        spec = chart if isinstance(chart, dict) else chart.to_dict(validate=False)
        spec = _container_to_fixed(redact_spec(copy.deepcopy(spec), hidden))
        title = _title(spec)
        figures.append(
            Figure(
                name=f"{i:02d}-{_slug(title, prefix)}",
                title=title,
                description=str(spec.get("description", "")),
                spec=spec,
            )
        )
    return figures


def monitoring_figures(result: Monitoring, checklist: Checklist) -> list[Figure]:
    """The monitoring report's charts, in its order, with hidden groups left out."""
    charts = [diverging_chart(result, checklist)]
    if result.by is not None:
        charts += [group_dot_chart(result, checklist), heatmap_chart(result, checklist)]
    if result.changes is not None:
        charts.append(trend_chart(result, checklist))
    return chart_figures(charts, hidden=hidden_groups(result), prefix=f"{checklist.title}: ")


def network_figures(
    net: Network,
    analysis: NetworkAnalysis | None = None,
    *,
    names: bool = False,
    key: str | None = None,
) -> list[Figure]:
    """The network report's charts (:func:`plnlib.report.networks.network_report_charts`).

    People are codes unless ``names=True`` (as in the report).
    """
    shown = net if names else net.pseudonymise(key=key)
    result = analysis
    if result is None or result.layer.pseudonymised != shown.pseudonymised:
        result = analyse(shown)
    charts = network_report_charts(shown, result, names=names)
    return chart_figures(charts)


def _vl_version(spec: dict[str, Any]) -> str:
    import vl_convert as vlc

    known = list(vlc.get_vegalite_versions())
    found = re.search(r"/v(\d+)\.(\d+)", str(spec.get("$schema", "")))
    wanted = f"{found.group(1)}.{found.group(2)}" if found else known[-1]
    same_major = [v for v in known if found and v.split(".")[0] == found.group(1)]
    if wanted in known:
        return wanted
    return same_major[-1] if same_major else known[-1]


def _png_size(png: bytes) -> tuple[int, int]:
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise DataError("expected a PNG from vl-convert, found something else", where="render")
    width, height = struct.unpack(">II", png[16:24])
    return int(width), int(height)


def _accessible_svg(svg: str, figure: Figure) -> str:
    """Give the SVG a title and description (read by screen readers and shown as tooltips)."""
    head = re.match(r"<svg\b[^>]*>", svg)
    if head is None:
        return svg
    opening = head.group(0)[:-1] + ' role="img" aria-labelledby="pln-title pln-desc">'
    return (
        opening
        + f'<title id="pln-title">{html.escape(figure.title)}</title>'
        + f'<desc id="pln-desc">{html.escape(figure.description)}</desc>'
        + svg[head.end() :]
    )


def render(figure: Figure, *, min_width: int = MIN_PNG_WIDTH) -> Picture:
    """Render one figure offline: SVG, and a PNG at least ``min_width`` pixels wide."""
    import vl_convert as vlc

    version = _vl_version(figure.spec)
    try:
        svg = vlc.vegalite_to_svg(figure.spec, vl_version=version, allowed_base_urls=[])
        size = re.match(r'<svg\b[^>]*\bwidth="([\d.]+)"', svg)
        css_width = float(size.group(1)) if size else FULL_WIDTH
        scale = max(2.0, round(min_width / css_width + 0.05, 1))
        png = vlc.vegalite_to_png(
            figure.spec, vl_version=version, scale=scale, allowed_base_urls=[]
        )
    except ValueError as err:
        raise DataError(
            f"expected a chart that renders offline, found an error: {str(err)[:300]}",
            where=figure.name,
            fix="Charts must carry their data inline (no links to files or websites).",
        ) from err
    width, height = _png_size(png)
    return Picture(figure, png, _accessible_svg(svg, figure), width, height)


def figure_files(pictures: Iterable[Picture]) -> dict[str, bytes]:
    """File name -> bytes: ``NN-what.png``, ``NN-what.svg`` and ``NN-what.txt`` per chart."""
    files: dict[str, bytes] = {}
    for pic in pictures:
        name = pic.figure.name
        files[f"{name}.png"] = pic.png
        files[f"{name}.svg"] = pic.svg.encode("utf-8")
        files[f"{name}.txt"] = pic.figure.text_alternative().encode("utf-8")
    return files


def check_figures_folder(folder: str | Path, *, option: str = "--figures") -> Path:
    """The folder if it exists or can be made in an existing folder, else a DataError."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise DataError(
            f"expected a folder for the pictures, found a file '{folder.name}'",
            where=option,
            fix="Give the name of a folder (it is created if it does not exist yet).",
        )
    parent = folder.parent if str(folder.parent) else Path(".")
    if not folder.exists() and not parent.is_dir():
        raise DataError(
            "expected an existing folder to make the pictures' folder in, found none",
            where=f"{option} {folder}",
            fix="Create the folder first, or choose another one.",
        )
    return folder


def write_figures(folder: str | Path, pictures: Sequence[Picture]) -> list[Path]:
    """Write every picture's PNG, SVG and text into ``folder`` (made if missing)."""
    folder = check_figures_folder(folder)
    files = figure_files(pictures)  # everything is made before anything is written
    folder.mkdir(exist_ok=True)
    return [write_output(folder / name, data) for name, data in files.items()]


def save_figures(
    charts_or_report: Any,
    folder: str | Path,
    checklist: Checklist | None = None,
    *,
    names: bool = False,
    key: str | None = None,
) -> list[Path]:
    """Save charts as PNG, SVG and text alternative in one call (for notebooks).

    ``charts_or_report`` is a :class:`~plnlib.monitoring.Monitoring` result
    (give its ``checklist``), a :class:`~plnlib.networks.Network` (people as
    codes unless ``names=True``), a :class:`~plnlib.networks.NetworkAnalysis`,
    an altair chart or Vega-Lite dict, or a list of them. Returns the files written.
    """
    what = charts_or_report
    if isinstance(what, Monitoring):
        if checklist is None:
            raise DataError(
                "expected the checklist of the monitoring result, found none",
                where="save_figures",
                fix="Call save_figures(result, folder, checklist).",
            )
        figures = monitoring_figures(what, checklist)
    elif isinstance(what, Network):
        figures = network_figures(what, names=names, key=key)
    elif isinstance(what, NetworkAnalysis):
        figures = network_figures(what.layer, what, names=names, key=key)
    elif isinstance(what, (list, tuple)):
        figures = chart_figures(what)
    elif isinstance(what, dict) or hasattr(what, "to_dict"):
        figures = chart_figures([what])
    else:
        raise DataError(
            f"expected charts, a Monitoring result or a Network, found {type(what).__name__}",
            where="save_figures",
            fix="Pass an altair chart (or a list of them), a monitor(...) result or a network.",
        )
    return write_figures(folder, [render(f) for f in figures])
