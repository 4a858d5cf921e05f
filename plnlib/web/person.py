"""The one-person parts of a fillable checklist page: the data the page's scripts
use (scale, bands, sections, actions, chapter links, the chart spec), the
controls (keep, save, open, print, clear) and the results block.

Everything the scripts show about the checklist comes from here, generated from
the checklist YAML at build time; ``pln-person.js`` only computes means from it.
"""

from __future__ import annotations

import html
import json
from typing import Any

import pandas as pd

from plnlib.charts.checklists import section_chart
from plnlib.checklists import Checklist
from plnlib.checklists.scoring import person_score, prepare_answers

__all__ = [
    "CHART_DATA",
    "chart_spec",
    "json_for_script",
    "page_data",
    "person_controls_html",
    "person_css",
    "person_results_html",
]

#: The name of the chart's data set, which the page fills with vega's view API.
CHART_DATA = "sections"


def chart_spec(checklist: Checklist) -> dict[str, Any]:
    """The section chart's Vega-Lite spec (:func:`plnlib.charts.checklists.section_chart`)
    with its data left empty, as the named data set :data:`CHART_DATA`.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> spec = chart_spec(load_checklist("pln-design"))
    >>> spec["data"], "datasets" in spec
    ({'name': 'sections'}, False)
    """
    blank = pd.DataFrame(
        {"respondent": "me", "item": list(checklist.item_ids), "value": None}, dtype=object
    )
    result = person_score(prepare_answers(blank, checklist), checklist)
    spec = section_chart(result, checklist, title=f"{checklist.title}: your section means")
    out = spec.to_dict()
    out.pop("datasets", None)
    out.pop("usermeta", None)
    out["data"] = {"name": CHART_DATA}
    return out


def page_data(checklist: Checklist, chapter_links: dict[str, str]) -> dict[str, Any]:
    """What ``pln-checklist.js`` and ``pln-person.js`` need, as one JSON-ready dict."""
    scale = checklist.scale
    return {
        "id": checklist.id,
        "title": checklist.title,
        "version": checklist.version,
        "scale": {
            "low": scale.low,
            "high": scale.high,
            "points": [{"value": int(p.value), "label": p.label} for p in scale.points],
            "missing": [{"code": c, "label": label} for c, label in scale.missing],
            "bands": [[low, label] for low, label in sorted(scale.bands)],
        },
        "sections": [
            {
                "id": s.id,
                "title": s.title,
                "link": chapter_links.get(s.chapter),
                "items": [{"id": i.id, "actions": list(i.actions)} for i in s.items],
            }
            for s in checklist.sections
        ],
        "chart": chart_spec(checklist),
        "chart_data": CHART_DATA,
        # the items each version added, so answers saved for an older one can be explained
        "changes": [{"version": c.version, "new": list(c.new)} for c in checklist.changes],
    }


def json_for_script(data: Any) -> str:
    """JSON safe inside ``<script type="application/json">`` (no ``</``).

    Examples
    --------
    >>> json_for_script({"a": "</script>"})
    '{"a": "<\\\\/script>"}'
    """
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def person_controls_html() -> str:
    """Where the answers are kept, and the buttons (hidden until the script runs)."""
    return (
        '<div class="pln-person-tools" hidden>'
        '<p class="pln-storage-line">Your answers are kept in this browser on this device '
        "only, so they are still here after a reload or a later visit. Nothing is sent "
        "anywhere.</p>"
        '<div class="pln-restore" hidden></div>'
        '<div class="pln-toolbar" role="group" aria-label="Your answers">'
        '<button type="button" class="pln-save">Save my answers (JSON file)</button> '
        '<button type="button" class="pln-csv">Download as CSV</button> '
        '<label class="pln-open">Open saved answers: '
        '<input type="file" class="pln-open-file" accept=".json,application/json"></label> '
        '<button type="button" class="pln-print">Print my results</button> '
        '<button type="button" class="pln-clear">Clear my answers</button>'
        "</div>"
        '<div class="pln-confirm" role="alertdialog" aria-label="Clear your answers?" hidden>'
        '<p class="pln-confirm-text"></p>'
        '<button type="button" class="pln-confirm-yes">Yes, clear them</button> '
        '<button type="button" class="pln-confirm-no">No, keep them</button></div>'
        '<p class="pln-status" role="status" aria-live="polite"></p>'
        "</div>"
    )


def person_results_html(checklist: Checklist) -> str:
    """The results block: chart (filled in the page), table alternative, weakest sections."""
    rows = "".join(
        f'<tr data-section="{s.id}"><th scope="row">{html.escape(s.title)}</th>'
        "<td>0</td><td>\u2013</td><td>\u2013</td></tr>"
        for s in checklist.sections
    )
    return (
        '<section class="pln-results" aria-labelledby="pln-results-title">'
        f'<h3 id="pln-results-title">Your results: {html.escape(checklist.title)}</h3>'
        '<p class="pln-results-overall">Overall: no answers yet.</p>'
        '<figure class="pln-person-chart">'
        '<div class="pln-chart-view" role="img" aria-label="Bar chart of your section means; '
        'the table below holds the same numbers."></div>'
        "<figcaption>Your section means on the checklist's scale, coloured by band. "
        "The table holds the same numbers.</figcaption></figure>"
        '<table class="pln-results-table"><caption>Your section means</caption>'
        '<thead><tr><th scope="col">Section</th><th scope="col">Answered</th>'
        '<th scope="col">Mean</th><th scope="col">Band</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
        '<div class="pln-weakest"></div>'
        "</section>"
    )


def person_css() -> str:
    """Styles for the tools, the results and the print view of one person's results."""
    return """
.pln-person-tools { border: 1px solid #888; border-radius: 6px; padding: 0.6rem 0.8rem; margin: 1rem 0; }
.pln-toolbar { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
.pln-toolbar button, .pln-confirm button, .pln-restore button, .pln-open { min-height: 44px; }
.pln-checklist button:focus-visible, .pln-checklist input:focus-visible {
  outline: 3px solid #0072B2; outline-offset: 2px; }
.pln-open input { max-width: 100%; }
.pln-confirm, .pln-restore:not([hidden]) { margin-top: 0.5rem; padding: 0.5rem; border-left: 4px solid #D55E00; }
.pln-results { margin-top: 1.5rem; }
.pln-person-chart .pln-chart-view { width: 100%; min-height: 2rem; }
.pln-results-table { border-collapse: collapse; margin: 0.5rem 0; }
.pln-results-table th, .pln-results-table td { border: 1px solid #888; padding: 0.25rem 0.5rem; text-align: left; }
#pln-print-view { display: none; }
@media print {
  body.pln-print-results > *:not(#pln-print-view) { display: none !important; }
  body.pln-print-results #pln-print-view { display: block; }
  #pln-print-view { font-size: 11pt; }
}
"""
