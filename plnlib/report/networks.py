"""The self-contained HTML report of an advice network (``plnlib network``).

People are shown as pseudonymous codes unless ``names=True``. The page holds
its charts' scripts, so it opens offline and can be emailed; every text that
comes from the data is escaped. It is built from the shared page pieces
(:mod:`plnlib.web.blocks`, :func:`plnlib.web.page.report_page`) and stays
light at district scale: the node-link map only up to :data:`MAP_PEOPLE`
people, the school grid for the most linked schools, long tables as their
first rows with the rest behind "Show all" (or in the metrics file).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from plnlib.charts.networks import (
    MAX_ROWS,
    degree_chart,
    network_chart,
    school_matrix_chart,
    school_ties_chart,
)
from plnlib.helpers import plural
from plnlib.io.files import check_output, write_output
from plnlib.networks import Network, NetworkAnalysis, analyse
from plnlib.web.blocks import (
    ALL_ROWS_LIMIT,
    Part,
    bullets_html,
    escape,
    paragraphs_html,
    table_html,
)
from plnlib.web.page import chart_figure_html, report_page

__all__ = [
    "MAP_PEOPLE",
    "map_is_drawn",
    "network_report_charts",
    "network_report_html",
    "write_network_report",
]

#: The most people drawn in the node-link map; above this the school views stand in.
MAP_PEOPLE = 400
_PEOPLE_SHOWN = 25
_POINTS_SHOWN = 10
_SCHOOLS_SHOWN = 20
_METRICS = (
    "Every person's measures are in the metrics file (plnlib network ... --metrics FILE.csv)."
)


def _measure(value: object) -> str:
    """A measure's value: whole numbers with thousands separators, shares with three decimals."""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.3f}" if abs(value) < 1 else f"{value:,.2f}"
    return f"{int(value):,}" if isinstance(value, (int, float)) else str(value)


def _figure(chart: object) -> str:
    # the chart builders are validated against the Vega-Lite schema in the tests
    return chart_figure_html(chart.to_dict(validate=False))  # type: ignore[attr-defined]


def _glance(result: NetworkAnalysis) -> str:
    frame = result.summary.to_frame()[["measure", "value", "meaning"]]
    parts = [table_html(frame, "The whole network", formats={"value": _measure})]
    facts = []
    if result.ei is not None and not math.isnan(result.ei.index):
        facts.append(
            f"E-I index by school: {result.ei.index:+.2f} ({plural(result.ei.internal, 'tie')} inside "
            f"schools, {result.ei.external} between; -1 would mean every tie stays inside a "
            "school, +1 that every tie crosses schools)."
        )
    found = result.communities
    if not math.isnan(found.modularity):
        facts.append(
            f"Communities (Louvain method): {found.count}, modularity {found.modularity:.2f} "
            "(above about 0.3, people cluster clearly into groups)."
        )
    cores = result.people["coreness"]
    if len(cores) and cores.max() > 0:
        facts.append(
            f"Core: {plural(int((cores == cores.max()).sum()), 'person', 'people')} form the "
            f"{int(cores.max())}-core "
            f"(each tied to at least {plural(int(cores.max()), 'other')} in it)."
        )
    if result.overlap is not None:
        o = result.overlap
        facts.append(
            f"{o.first.capitalize()} and {o.second} share {plural(o.both, 'tie')} ({o.only_first} "
            f"{o.first} only, {o.only_second} {o.second} only; overlap {o.jaccard:.2f})."
        )
    if result.change is not None:
        c = result.change
        facts.append(
            f"From wave {c.before} to wave {c.after}: {plural(c.kept, 'tie')} kept, {c.gained} gained, "
            f"{c.lost} lost (stability {c.stability:.2f})."
        )
    return "".join(parts) + bullets_html(facts)


def _answers(result: NetworkAnalysis) -> str:
    out = []
    for i, answer in enumerate(result.answers, start=1):
        points = list(answer.points)
        shown = bullets_html(points[:_POINTS_SHOWN])
        if len(points) > _POINTS_SHOWN:
            listed = points[:ALL_ROWS_LIMIT]
            more = len(points) - len(listed)
            rest = paragraphs_html([f"... and {more:,} more like these."]) if more else ""
            shown += (
                f'<details class="pln-all-rows"><summary>Show {len(listed):,} of {len(points):,} '
                f"points</summary>{bullets_html(listed)}{rest}</details>"
            )
        out.append(
            f'<h3 id="q{i}">{escape(answer.question)}</h3><p>{escape(answer.answer)}</p>{shown}'
        )
    return "".join(out)


def map_is_drawn(net: Network, result: NetworkAnalysis) -> bool:
    """Whether the node-link map stays legible (and light) enough to draw."""
    shown = net.select(wave=result.wave) if result.wave else net
    return len(net.nodes) <= MAP_PEOPLE and len(shown.edges) <= MAX_ROWS


def network_report_charts(net: Network, result: NetworkAnalysis, *, names: bool) -> list[Any]:
    """The report's charts in order: the map (while legible), the school views, degrees.

    The HTML report and :func:`plnlib.report.figures.network_figures` both use this list.
    """
    charts: list[Any] = []
    if map_is_drawn(net, result):
        shown = net.select(wave=result.wave) if result.wave else net
        charts.append(
            network_chart(shown, names=names, relation=result.relation, max_people=MAP_PEOPLE)
        )
    if "school" in result.layer.nodes.columns:
        charts += [school_matrix_chart(result.layer), school_ties_chart(result.layer)]
    charts.append(degree_chart(result.layer))
    return charts


def _charts(net: Network, result: NetworkAnalysis, names: bool) -> str:
    figures = [_figure(c) for c in network_report_charts(net, result, names=names)]
    if not map_is_drawn(net, result):
        shown = net.select(wave=result.wave) if result.wave else net
        figures.insert(
            0,
            paragraphs_html(
                [
                    f"The node-link map is left out: {len(net.nodes):,} people and "
                    f"{len(shown.edges):,} ties are too many to draw legibly. The school views "
                    "below show the same ties by school."
                ]
            ),
        )
    return "".join(figures)


def _people(result: NetworkAnalysis, names: bool) -> str:
    cols = [
        c
        for c in (
            "node",
            "school",
            "role",
            "pln_member",
            "in_degree",
            "out_degree",
            "betweenness",
            "across_schools",
            "coreness",
            "community",
        )
        if c in result.people.columns
    ]
    everyone = result.people.sort_values(["in_degree", "betweenness"], ascending=False)
    everyone = everyone[cols].rename(columns={c: c.replace("_", " ") for c in cols})
    everyone = everyone.rename(columns={"node": "name" if names else "code"})
    text = (
        f"<p>The {min(_PEOPLE_SHOWN, len(everyone))} people most colleagues come to, out of "
        f"{len(result.people):,}. <em>In degree</em>: colleagues who come to them; <em>out "
        "degree</em>: colleagues they go to; <em>betweenness</em>: share of shortest paths "
        "between two others that run through them; <em>across schools</em>: Gould-Fernandez "
        "brokerage that crosses a school boundary.</p>"
    )
    table = table_html(
        everyone,
        "People most sought out",
        formats={"betweenness": "{:.4f}"},
        limit=_PEOPLE_SHOWN,
        elsewhere=_METRICS,
    )
    parts = [text, table]
    if "across_schools" in result.people.columns and "school" in result.people.columns:
        roles = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison"]
        by_school = result.people.groupby("school", sort=True)[roles].sum()
        by_school = by_school.assign(total=by_school.sum(axis=1))
        by_school = by_school.sort_values("total", ascending=False, kind="stable").reset_index()
        parts.append(
            "<p>Brokerage roles summed by school (Gould and Fernandez): coordinators link "
            "colleagues within their school, gatekeepers let outside requests in, "
            "representatives carry their school's requests out, itinerants and liaisons link "
            "people of other schools.</p>"
        )
        parts.append(
            table_html(
                by_school[["school", *roles, "total"]],
                "Brokerage roles by school, most first",
                limit=_SCHOOLS_SHOWN,
            )
        )
    return "".join(parts)


def _checks(net: Network, names: bool) -> str:
    issues = net.report.to_frame()
    if issues.empty:
        return "<p>Nothing needed handling: no unknown names, self-ties or repeated ties.</p>"
    if not names:
        issues = issues.drop(columns="people")
    cols = [c for c in ("issue", "people", "count", "rows", "action") if c in issues.columns]
    return (
        "<p>Found while reading the data, with the rows of the tie file they are on "
        "(the header is row 1). Nothing was dropped without being listed here.</p>"
        + table_html(issues[cols], "What was found and done", limit=_SCHOOLS_SHOWN)
    )


def _methods(result: NetworkAnalysis, names: bool, key_given: bool) -> str:
    people = (
        "People are shown by name, because names were asked for. Share this report only "
        "with people who may see who goes to whom."
        if names
        else "People are shown as codes (P001, P002, ...), never by name. The codes are stable: "
        "the same data give the same codes. They are made by numbering people in the order of "
        "a keyed hash of their names"
        + (
            " with your key, so only someone with that key and the names can rebuild them."
            if key_given
            else " with plnlib's public key, so someone who has the full list of names "
            "and plnlib could rebuild them: give a key of your own when sharing widely."
        )
    )
    return (
        f"<p>The analysis covers the <strong>{escape(result.relation)}</strong> relation"
        + (f" in wave {escape(result.wave)}" if result.wave else "")
        + ". A tie from A to B means A goes to B. Ties are counted, not weighted; the map's "
        "slider hides weaker ties. Measures are computed with python-igraph and checked against "
        "networkx in plnlib's tests: betweenness is directed and normalised by (n-1)(n-2); "
        "k-cores, communities (Louvain, seeded) and ego networks ignore direction; the E-I "
        "index is Krackhardt and Stern's; brokerage roles are Gould and Fernandez's, counting "
        "open two-paths.</p>"
        f"<p>{escape(people)}</p><p>This report was made on your computer by plnlib. Nothing was "
        "sent anywhere, and nothing was written except this file (and a metrics file if you "
        "asked for one).</p>"
    )


def network_report_html(
    net: Network,
    *,
    relation: str | None = None,
    wave: str | int | None = None,
    names: bool = False,
    key: str | None = None,
    synthetic: bool = False,
    title: str = "Advice network report",
    source: str = "",
    analysis: NetworkAnalysis | None = None,
) -> str:
    """Return the whole report page as HTML.

    Parameters
    ----------
    net
        The network (all relations and waves; the report picks one to analyse).
    relation, wave
        What to analyse (default: ``advice`` or the first relation, last wave).
    names
        Show names instead of codes.
    key
        Secret key for the pseudonymous codes (see :mod:`plnlib.pseudonyms`).
    synthetic
        Label the report as made from synthetic data.
    source
        The data's file name(s), shown under the title.
    analysis
        The result of :func:`plnlib.networks.analyse` on the network as shown
        (pseudonymised unless ``names``), to avoid computing it twice.

    Examples
    --------
    >>> from plnlib.samples import sample_network
    >>> page = network_report_html(sample_network(), synthetic=True)
    >>> "Synthetic data" in page and "Amira" not in page and "P001" in page
    True
    """
    shown = net if names else net.pseudonymise(key=key)
    result = analysis
    if result is None or (not names and not result.layer.pseudonymised):
        result = analyse(shown, relation=relation, wave=wave)
    facts = [
        plural(len(net.nodes), "person", "people"),
        plural(result.summary.ties, f"{result.relation} tie")
        + (f" in wave {result.wave}" if result.wave else ""),
    ]
    if source:
        facts.append(f"Data: {source}")
    parts = [
        Part("glance", "At a glance", _glance(result)),
        Part("questions", "The PLN questions", _answers(result)),
        Part("charts", "Charts", _charts(shown, result, names)),
        Part("people", "People and brokerage", _people(result, names)),
        Part("checks", "Data checks", _checks(shown, names)),
        Part("methods", "Methods and privacy", _methods(result, names, key is not None)),
    ]
    return report_page(title, parts, facts=facts, synthetic=synthetic)


def write_network_report(
    path: str | Path,
    net: Network,
    *,
    metrics: str | Path | None = None,
    analysis: NetworkAnalysis | None = None,
    **options: object,
) -> Path:
    """Write the report (``.html``) and optionally the per-person measures (``.csv``).

    ``options`` are those of :func:`network_report_html`. Both paths are
    checked before anything is made; each file is written whole or not at
    all (:func:`plnlib.io.files.write_output`). Returns the report's path.

    Raises
    ------
    DataError
        For a name that is not .html (or .csv for ``metrics``), or a folder that does not exist.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from plnlib.samples import sample_network
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "network.html"
    >>> write_network_report(out, sample_network(), synthetic=True).stat().st_size > 10_000
    True
    """
    check_output(path, (".html",), option="-o/--output")
    if metrics is not None:
        check_output(metrics, (".csv",), option="--metrics")
    names = bool(options.get("names", False))
    if analysis is None and metrics is not None:
        shown = net if names else net.pseudonymise(key=options.get("key"))  # type: ignore[arg-type]
        analysis = analyse(
            shown,
            relation=options.get("relation"),
            wave=options.get("wave"),  # type: ignore[arg-type]
        )
    page = network_report_html(net, analysis=analysis, **options)  # type: ignore[arg-type]
    table = analysis.metrics_frame() if metrics is not None and analysis is not None else None
    write_output(path, page)
    if table is not None:
        write_output(metrics, table)  # type: ignore[arg-type]
    return Path(path)
