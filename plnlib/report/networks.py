"""The self-contained HTML report of an advice network (``plnlib network``).

People are shown as pseudonymous codes unless ``names=True``. The page holds
its charts' scripts, so it opens offline and can be emailed; every text that
comes from the data is escaped.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from plnlib.charts.networks import degree_chart, network_chart, school_matrix_chart
from plnlib.networks import Network, NetworkAnalysis, analyse
from plnlib.web.page import chart_figure_html, standalone_page

__all__ = ["network_report_html"]

_MAP_LIMIT = 400  # people; above this the node-link map is left out
_PEOPLE_SHOWN = 25


def _e(value: object) -> str:
    return html.escape(str(value))


def _cell(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 1 else f"{value:.2f}"
    return _e(value)


def _table(frame: pd.DataFrame, caption: str, columns: Sequence[str] | None = None) -> str:
    cols = list(columns) if columns is not None else [str(c) for c in frame.columns]
    head = "".join(f'<th scope="col">{_e(c.replace("_", " "))}</th>' for c in cols)
    body = "".join(
        "<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in row) + "</tr>"
        for row in frame[cols].itertuples(index=False)
    )
    return (
        f'<div class="pln-table-wrap"><table><caption>{_e(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def _section(anchor: str, title: str, body: str) -> str:
    return f'<section aria-labelledby="{anchor}"><h2 id="{anchor}">{_e(title)}</h2>{body}</section>'


def _glance(result: NetworkAnalysis) -> str:
    parts = [
        _table(result.summary.to_frame(), "The whole network", ["measure", "value", "meaning"])
    ]
    facts = []
    if result.ei is not None and not math.isnan(result.ei.index):
        facts.append(
            f"E-I index by school: {result.ei.index:+.2f} ({result.ei.internal} ties inside "
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
            f"Core: {int((cores == cores.max()).sum())} people form the {int(cores.max())}-core "
            f"(each tied to at least {int(cores.max())} others in it)."
        )
    if result.overlap is not None:
        o = result.overlap
        facts.append(
            f"{o.first.capitalize()} and {o.second} share {o.both} ties ({o.only_first} "
            f"{o.first} only, {o.only_second} {o.second} only; overlap {o.jaccard:.2f})."
        )
    if result.change is not None:
        c = result.change
        facts.append(
            f"From wave {c.before} to wave {c.after}: {c.kept} ties kept, {c.gained} gained, "
            f"{c.lost} lost (stability {c.stability:.2f})."
        )
    if facts:
        parts.append("<ul>" + "".join(f"<li>{_e(f)}</li>" for f in facts) + "</ul>")
    return "".join(parts)


def _answers(result: NetworkAnalysis) -> str:
    out = []
    for i, answer in enumerate(result.answers, start=1):
        points = "".join(f"<li>{_e(p)}</li>" for p in answer.points)
        out.append(
            f'<h3 id="q{i}">{_e(answer.question)}</h3><p>{_e(answer.answer)}</p>'
            + (f"<ul>{points}</ul>" if points else "")
        )
    return "".join(out)


def _charts(net: Network, result: NetworkAnalysis, names: bool) -> str:
    figures = []
    shown = net.select(wave=result.wave) if result.wave else net
    if len(net.nodes) <= _MAP_LIMIT:
        chart = network_chart(shown, names=names, relation=result.relation, max_people=_MAP_LIMIT)
        figures.append(chart_figure_html(chart.to_dict()))
    else:
        figures.append(
            f"<p>The node-link map is left out: {len(net.nodes)} people are too many to draw "
            "legibly. The school-by-school grid below shows the same ties by school.</p>"
        )
    if "school" in result.layer.nodes.columns:
        figures.append(chart_figure_html(school_matrix_chart(result.layer).to_dict()))
    figures.append(chart_figure_html(degree_chart(result.layer).to_dict()))
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
    top = result.people.sort_values(["in_degree", "betweenness"], ascending=False)
    top = top.head(_PEOPLE_SHOWN).rename(columns={"node": "name" if names else "code"})
    cols = ["name" if names else "code", *cols[1:]]
    text = (
        f"<p>The {min(_PEOPLE_SHOWN, len(top))} people most colleagues come to, out of "
        f"{len(result.people)}. <em>In degree</em>: colleagues who come to them; <em>out "
        "degree</em>: colleagues they go to; <em>betweenness</em>: share of shortest paths "
        "between two others that run through them; <em>across schools</em>: Gould-Fernandez "
        "brokerage that crosses a school boundary.</p>"
    )
    parts = [text, _table(top, "People most sought out", cols)]
    if "across_schools" in result.people.columns and "school" in result.people.columns:
        roles = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison"]
        by_school = result.people.groupby("school", sort=True)[roles].sum().reset_index()
        parts.append(
            "<p>Brokerage roles summed by school (Gould and Fernandez): coordinators link "
            "colleagues within their school, gatekeepers let outside requests in, "
            "representatives carry their school's requests out, itinerants and liaisons link "
            "people of other schools.</p>"
        )
        parts.append(_table(by_school, "Brokerage roles by school", ["school", *roles]))
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
        + _table(issues, "What was found and done", cols)
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
        f"<p>The analysis covers the <strong>{_e(result.relation)}</strong> relation"
        + (f" in wave {_e(result.wave)}" if result.wave else "")
        + ". A tie from A to B means A goes to B. Ties are counted, not weighted; the map's "
        "slider hides weaker ties. Measures are computed with python-igraph and checked against "
        "networkx in plnlib's tests: betweenness is directed and normalised by (n-1)(n-2); "
        "k-cores, communities (Louvain, seeded) and ego networks ignore direction; the E-I "
        "index is Krackhardt and Stern's; brokerage roles are Gould and Fernandez's, counting "
        "open two-paths.</p>"
        f"<p>{_e(people)}</p><p>This report was made on your computer by plnlib. Nothing was "
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
    intro = (
        f"<header><h1>{_e(title)}</h1><p>{len(net.nodes):,} people, "
        f"{result.summary.ties:,} {_e(result.relation)} ties"
        + (f" in wave {_e(result.wave)}" if result.wave else "")
        + (f". Data: {_e(source)}" if source else "")
        + ".</p></header>"
    )
    if synthetic:
        intro += (
            '<p class="pln-synthetic" role="note"><strong>Synthetic data.</strong> This report '
            "was made from invented sample data: no real school or person is described.</p>"
        )
    nav = (
        '<nav aria-label="Contents"><ul>'
        '<li><a href="#glance">At a glance</a></li>'
        '<li><a href="#questions">The PLN questions</a></li>'
        '<li><a href="#charts">Charts</a></li>'
        '<li><a href="#people">People and brokerage</a></li>'
        '<li><a href="#checks">Data checks</a></li>'
        '<li><a href="#methods">Methods and privacy</a></li></ul></nav>'
    )
    body = (
        intro
        + nav
        + _section("glance", "At a glance", _glance(result))
        + _section("questions", "The PLN questions", _answers(result))
        + _section("charts", "Charts", _charts(shown, result, names))
        + _section("people", "People and brokerage", _people(result, names))
        + _section("checks", "Data checks", _checks(shown, names))
        + _section("methods", "Methods and privacy", _methods(result, names, key is not None))
    )
    return standalone_page(title, body)
