"""The improvement cycles tool that runs in the book's page: its form, data and scripts.

plnlib writes what the script needs (the JSON format, the PDSA columns, the
decisions, the diagram's headings and the two chart specs, drawn from the
synthetic sample) into the page; ``pln-cycles-core.js`` is a port of
:mod:`plnlib.planning.cycles` and of the charts' data functions
(:mod:`plnlib.charts.cycles`), checked by ``tests/conformance/test_cycles_js.py``;
``pln-cycles.js`` is the page. The page feeds the specs its own data.
"""

from __future__ import annotations

import html
import json

import pandas as pd

from plnlib.charts.cycles import DIAGRAM_HEADS, driver_diagram_chart, run_chart
from plnlib.planning.cycles import (
    ACTS,
    CYCLES_FORMAT,
    PDSA_COLUMNS,
    diagram_from_dict,
    prepare_cycles,
    prepare_measures,
)
from plnlib.web.planning_tools import PLAN_CHART_CSS

__all__ = ["cycles_config", "cycles_tool_html"]

#: The PDSA log's fields in the page: (column, label, kind), in plan-do-study-act order.
_FIELDS = (
    ("question", "Plan: the question this cycle asks", "textarea"),
    ("prediction", "Plan: what you predict will happen", "textarea"),
    ("measure", "Plan: how you will measure it", "text"),
    ("who", "Plan: who", "text"),
    ("start", "Plan: when it starts", "date"),
    ("where", "Plan: where", "text"),
    ("do", "Do: what happened, including surprises", "textarea"),
    ("study", "Study: the results against the prediction", "textarea"),
)


def cycles_config() -> dict[str, object]:
    """What the in-page tool needs from plnlib (one source of truth)."""
    # any valid diagram and log will do: the specs' data are emptied, the page feeds its own
    diagram = diagram_from_dict(
        {
            "aim": "Aim",
            "measure": "Measure",
            "target_date": "2027-07-01",
            "primary_drivers": [{"id": f"P{i}", "text": "Driver"} for i in (1, 2, 3)],
        },
        where="placeholder",
    )
    cycles = prepare_cycles(
        pd.DataFrame([{"cycle": "1", "change_idea": "", "question": "Q", "prediction": "P"}])
    )
    readings = prepare_measures(pd.DataFrame({"date": ["2026-01-05"], "value": ["1"]}))
    specs = {
        "diagram": driver_diagram_chart(diagram).to_dict(),
        "run": run_chart(readings, cycles, measure="Measure").to_dict(),
    }
    for spec in specs.values():
        spec["datasets"] = {k: [] for k in spec["datasets"]}
        spec.pop("usermeta", None)
    return {
        "json_format": CYCLES_FORMAT,
        "pdsa_columns": list(PDSA_COLUMNS),
        "acts": list(ACTS),
        "heads": list(DIAGRAM_HEADS),
        "specs": specs,
    }


def _field(name: str, label: str, kind: str) -> str:
    tag = (
        f'<textarea id="pln-cy-f-{name}" name="{name}" rows="2"></textarea>'
        if kind == "textarea"
        else f'<input id="pln-cy-f-{name}" name="{name}" type="{kind}">'
    )
    return f'<p><label for="pln-cy-f-{name}">{html.escape(label)}</label><br>{tag}</p>'


_CSS = """
.pln-cycles input[type=text], .pln-cycles textarea { width: 100%; max-width: 40rem; box-sizing: border-box; }
.pln-cycles fieldset { margin: 0 0 1rem; min-width: 0; }
.pln-cycles button { min-height: 44px; margin: 0.15rem 0; }
.pln-cycles .pln-confirm { margin-top: 0.5rem; padding: 0.5rem; border-left: 4px solid #D55E00; }
.pln-cycles .pln-error { color: #A0300A; font-weight: 600; }
.pln-cycles ul ul { padding-left: 1.2rem; }
"""


def cycles_tool_html(root: str = "../../") -> str:
    """The in-page improvement cycles tool; ``root`` is the path to the site's root.

    Examples
    --------
    >>> out = cycles_tool_html()
    >>> 'class="pln-cycles"' in out and '"json_format": "plnlib-cycles"' in out
    True
    """
    data = json.dumps(cycles_config(), sort_keys=True).replace("<", "\\u003c")
    root = html.escape(root)
    acts = '<option value="">not decided yet</option>' + "".join(
        f'<option value="{a}">{a}</option>' for a in ACTS
    )
    return (
        f"<style>{_CSS}{PLAN_CHART_CSS}</style>"
        f'<script type="application/json" class="pln-cy-data">{data}</script>'
        f'<div class="pln-cycles" data-vendor="{root}vendor/">'
        '<p class="pln-storage-line">What you enter here is kept in this browser on this device '
        "only, until you press Clear; nothing is uploaded. Save as JSON to keep a file that "
        "<code>plnlib cycles</code> reads.</p>"
        '<p><button type="button" class="pln-cy-save">Save as JSON on this device</button> '
        '<label for="pln-cy-open">Open a saved .json file</label> '
        '<input id="pln-cy-open" class="pln-cy-open" type="file" accept=".json,application/json"> '
        '<button type="button" class="pln-cy-clear">Clear</button></p>'
        '<div class="pln-confirm" role="alertdialog" aria-label="Clear the improvement record?" '
        'hidden><p class="pln-confirm-text"></p>'
        '<button type="button" class="pln-confirm-yes">Yes, clear it</button> '
        '<button type="button" class="pln-confirm-no">No, keep it</button></div>'
        '<p class="pln-cy-status" role="status" aria-live="polite"></p>'
        '<h3 id="pln-cy-h-diagram">The driver diagram</h3>'
        '<form class="pln-cy-diagram" onsubmit="return false" aria-labelledby="pln-cy-h-diagram">'
        "<fieldset><legend>The aim</legend>"
        '<p><label for="pln-cy-aim">Aim: what you want to improve, for whom and by how much'
        '</label><br><textarea id="pln-cy-aim" rows="2"></textarea></p>'
        '<p><label for="pln-cy-measure">The measure that will show it</label><br>'
        '<input id="pln-cy-measure" type="text"></p>'
        '<p><label for="pln-cy-target">Target date</label><br>'
        '<input id="pln-cy-target" type="date"></p></fieldset>'
        '<div class="pln-cy-tree"></div>'
        '<p><button type="button" class="pln-cy-add-primary" id="pln-cy-add-primary">'
        'Add a primary driver</button> <span id="pln-cy-primary-help">Three to five primary '
        "drivers.</span></p></form>"
        '<div class="pln-cy-problems"></div>'
        '<h3 id="pln-cy-h-cycle">Plan-Do-Study-Act cycles</h3>'
        '<form class="pln-cy-cycle" onsubmit="return false" aria-labelledby="pln-cy-h-cycle">'
        "<fieldset><legend>A cycle</legend>"
        '<p><label for="pln-cy-f-change_idea">The change idea it tests</label><br>'
        '<select id="pln-cy-f-change_idea" name="change_idea"></select></p>'
        + _field("cycle", "Cycle", "text")
        + "".join(_field(*f) for f in _FIELDS)
        + '<p><label for="pln-cy-f-act">Act: adopt, adapt or abandon</label><br>'
        f'<select id="pln-cy-f-act" name="act">{acts}</select></p>'
        + _field("next", "Act: the next cycle", "textarea")
        + '<p><button type="button" class="pln-cy-add-cycle">Add the cycle</button> '
        '<button type="button" class="pln-cy-cancel" hidden>Cancel</button></p>'
        "</fieldset></form>"
        '<div class="pln-cy-log"></div>'
        '<h3 id="pln-cy-h-reading">Readings of the measure</h3>'
        '<form class="pln-cy-reading" onsubmit="return false" aria-labelledby="pln-cy-h-reading">'
        "<fieldset><legend>A reading</legend>"
        '<p><label for="pln-cy-r-date">Date</label><br>'
        '<input id="pln-cy-r-date" name="date" type="date"></p>'
        '<p><label for="pln-cy-r-value">Value</label><br>'
        '<input id="pln-cy-r-value" name="value" type="text" inputmode="decimal"></p>'
        '<p><label for="pln-cy-r-cycle">During cycle (optional)</label><br>'
        '<select id="pln-cy-r-cycle" name="cycle"></select></p>'
        '<p><button type="button" class="pln-cy-add-reading">Add the reading</button></p>'
        "</fieldset></form>"
        '<div class="pln-cy-readings"></div>'
        '<h3>The charts</h3><div class="pln-cy-charts"></div>'
        "<noscript><p>This tool needs JavaScript. Without it, use <code>plnlib cycles</code>."
        "</p></noscript></div>"
        f'<script src="{root}js/pln-cycles-core.js" defer></script>'
        f'<script src="{root}js/pln-plan-charts.js" defer></script>'
        f'<script src="{root}js/pln-cycles.js" defer></script>'
    )
