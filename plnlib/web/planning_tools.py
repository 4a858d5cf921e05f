"""The planning tools that run in the book's pages: the form and the data their script needs.

Each function writes a form, a JSON block of what the script needs from plnlib
(day names, stages, options: one source of truth) and the script tag. The
scripts (``pln-timefinder.js``, ``pln-mobilisation.js``, ``pln-timecost.js``)
are ports checked against plnlib by ``tests/conformance``.
"""

from __future__ import annotations

import html
import json

import pandas as pd

from plnlib.charts.mobilisation import funnel_chart, stage_time_chart
from plnlib.io.planning import PERSON_COLUMNS
from plnlib.planning.freetimes import DAY_ALIASES, WEEKDAYS
from plnlib.planning.mobilisation import (
    MOBILISATION_FORMAT,
    STAGE_LOOKUP,
    STAGES,
    prepare_records,
    reach,
    stage_over_time,
)
from plnlib.planning.timecost import OPTIONS
from plnlib.planning.timefinder import FREE_TIMES_FORMAT
from plnlib.privacy import DEFAULT_MIN_GROUP, FLOOR_MIN_GROUP

__all__ = [
    "PLAN_CHART_CSS",
    "READER_SCRIPTS",
    "mobilisation_config",
    "mobilisation_tool_html",
    "reader_scripts",
    "time_cost_tool_html",
    "time_finder_config",
    "time_finder_tool_html",
]


#: The shared file reader's scripts, in order (Papa Parse, then plnlib's ports; exceljs is
#: loaded by pln-plan-read.js only when an .xlsx file is opened).
READER_SCRIPTS = (
    "vendor/papaparse.min.js",
    "js/pln-score.js",
    "js/pln-read.js",
    "js/pln-plan-read.js",
    "js/pln-ask.js",
)


#: The style of the planning pages' charts (pln-plan-charts.js): the drawing scrolls sideways
#: in a focusable region on a narrow screen.
PLAN_CHART_CSS = """
.pln-plan-figure { margin: 1rem 0; max-width: 100%; }
.pln-plan-scroll { max-width: 100%; overflow-x: auto; }
.pln-plan-scroll:focus-visible { outline: 3px solid #0072B2; outline-offset: 2px; }
.pln-plan-figure .pln-chart-view { min-width: 18rem; }
.pln-cycles h3, .pln-cycles h4, .pln-mobilisation h3 { color: inherit; }
.pln-confirm { margin-top: 0.5rem; padding: 0.5rem; border-left: 4px solid #D55E00; }
"""


def confirm_html(question: str) -> str:
    """The in-page question a "Forget" button opens (``pln-ask.js``): "Yes, clear it" or "No"."""
    return (
        f'<div class="pln-confirm" role="alertdialog" aria-label="{html.escape(question)}" hidden>'
        '<p class="pln-confirm-text"></p>'
        '<button type="button" class="pln-confirm-yes">Yes, clear it</button> '
        '<button type="button" class="pln-confirm-no">No, keep it</button></div>'
    )


def reader_scripts(root: str) -> str:
    """The script tags of the shared file reader (see :data:`READER_SCRIPTS`)."""
    return "".join(
        f'<script src="{html.escape(root)}{path}" defer></script>' for path in READER_SCRIPTS
    )


def time_finder_config() -> dict[str, object]:
    """What the in-page time finder needs from plnlib: day names, spellings, column names."""
    return {
        "weekdays": list(WEEKDAYS),
        "aliases": dict(DAY_ALIASES),
        "person_columns": list(PERSON_COLUMNS),
        "json_format": FREE_TIMES_FORMAT,
    }


def time_finder_tool_html(root: str = "../../") -> str:
    """The in-page time finder: a file chooser, options, results; ``pln-timefinder.js`` computes.

    ``root`` is the path from the page to the site's root (where ``js/`` is).

    Examples
    --------
    >>> out = time_finder_tool_html()
    >>> 'class="pln-timefinder"' in out and '"json_format": "plnlib-free-times"' in out
    True
    """
    data = json.dumps(time_finder_config(), sort_keys=True).replace("<", "\\u003c")
    return (
        f'<script type="application/json" class="pln-tf-data">{data}</script>'
        f'<form class="pln-timefinder" onsubmit="return false" data-vendor="{html.escape(root)}vendor/">'
        "<fieldset><legend>Your members' free times</legend>"
        '<p><label for="pln-tf-file">A form export (Google Forms CSV or Microsoft Forms XLSX), '
        "a CSV or XLSX with columns person, school, day, slot, or a .json file saved here"
        '</label><br><input id="pln-tf-file" class="pln-tf-file" type="file" '
        'accept=".csv,.tsv,.txt,.xlsx,.xlsm,.json"></p>'
        '<p><label for="pln-tf-slots">The grid\'s slots in order, separated by | (optional)</label><br>'
        '<input id="pln-tf-slots" class="pln-tf-slots" type="text" size="50" '
        'placeholder="Before school|Lunch|After school"></p>'
        '<p><label for="pln-tf-school">The school column\'s header, if it is not found (optional)'
        '</label><br><input id="pln-tf-school" class="pln-tf-school" type="text" size="30"></p>'
        '<p><button type="button" class="pln-tf-save">Save as JSON on this device</button> '
        '<button type="button" class="pln-tf-forget">Forget the data in this browser</button></p>'
        + confirm_html("Forget the free times kept in this browser?")
        + "</fieldset>"
        '<p class="pln-tf-status" role="status" aria-live="polite">Choose a file: it is read in this '
        "page and never uploaded.</p>"
        '<div class="pln-tf-results" aria-live="polite"></div></form>'
        + reader_scripts(root)
        + f'<script src="{html.escape(root)}js/pln-timefinder.js" defer></script>'
    )


def mobilisation_config() -> dict[str, object]:
    """What the in-page tracker needs from plnlib: stages, spellings, privacy, chart specs."""
    # any valid records will do: the specs' data are emptied, the page feeds its own
    placeholder = prepare_records(
        pd.DataFrame({"innovation": ["X"], "school": ["A"], "stage": ["1"], "date": ["2026-01-05"]})
    )
    specs = {
        "funnel": funnel_chart(reach(placeholder)).to_dict(),
        "over": stage_time_chart(stage_over_time(placeholder)).to_dict(),
    }
    for spec in specs.values():
        spec["datasets"] = {k: [] for k in spec["datasets"]}
        spec.pop("usermeta", None)
    return {
        "stages": [{"id": s.id, "label": s.label, "description": s.description} for s in STAGES],
        "lookup": dict(STAGE_LOOKUP),
        "json_format": MOBILISATION_FORMAT,
        "privacy": {"default_min_group": DEFAULT_MIN_GROUP, "floor_min_group": FLOOR_MIN_GROUP},
        "specs": specs,
    }


def mobilisation_tool_html(root: str = "../../") -> str:
    """The in-page mobilisation tracker; ``pln-mobilisation.js`` computes reach and stalls.

    Examples
    --------
    >>> out = mobilisation_tool_html()
    >>> "Trialling it with colleagues" in out and 'class="pln-mobilisation"' in out
    True
    """
    config = mobilisation_config()
    data = json.dumps(config, sort_keys=True).replace("<", "\\u003c")
    options = "".join(f'<option value="{s.id}">{html.escape(s.label)}</option>' for s in STAGES)
    described = "".join(
        f"<li><strong>{html.escape(s.label)}</strong>: {html.escape(s.description)}</li>"
        for s in STAGES
    )

    def field(name: str, label: str, kind: str = "text") -> str:
        return (
            f'<p><label for="pln-mob-{name}">{label}</label><br>'
            f'<input id="pln-mob-{name}" name="{name}" type="{kind}"></p>'
        )

    return (
        f"<style>{PLAN_CHART_CSS}</style>"
        f'<script type="application/json" class="pln-mob-data">{data}</script>'
        f'<form class="pln-mobilisation" onsubmit="return false" '
        f'data-vendor="{html.escape(root)}vendor/">'
        f"<fieldset><legend>Add a record</legend><ol>{described}</ol>"
        + field("innovation", "Innovation")
        + field("school", "School")
        + field("person", "Person or code (leave empty to track whole schools)")
        + field("role", "Role (optional)")
        + '<p><label for="pln-mob-stage">Stage reached</label><br>'
        f'<select id="pln-mob-stage" name="stage">{options}</select></p>'
        + field("date", "Date", "date")
        + field("evidence", "Evidence (a short note)")
        + field("lead", "Who leads it (optional)")
        + '<p><button type="button" class="pln-mob-add">Add the record</button></p></fieldset>'
        "<fieldset><legend>Your records</legend>"
        '<p><label for="pln-mob-days">Days after which a stage counts as stalled</label><br>'
        '<input id="pln-mob-days" class="pln-mob-days" type="number" min="1" value="60"></p>'
        '<p><label for="pln-mob-min">Smallest group of staff shown by school or role</label><br>'
        f'<input id="pln-mob-min" class="pln-mob-min" type="number" min="{FLOOR_MIN_GROUP}" '
        f'step="1" value="{DEFAULT_MIN_GROUP}" aria-describedby="pln-mob-min-help"> '
        f'<span id="pln-mob-min-help">Never fewer than {FLOOR_MIN_GROUP}; schools tracked as '
        "whole units are never hidden.</span></p>"
        '<p><button type="button" class="pln-mob-save">Save as JSON on this device</button> '
        '<label for="pln-mob-open">Open records (.csv, .xlsx, or a saved .json)</label> '
        '<input id="pln-mob-open" class="pln-mob-open" type="file" '
        'accept=".csv,.tsv,.txt,.xlsx,.xlsm,.json"> '
        '<button type="button" class="pln-mob-forget">Forget the records in this browser</button></p>'
        + confirm_html("Forget the records kept in this browser?")
        + '<p><label for="pln-mob-network">An advice network\'s tie file, to match the leads to it '
        "(optional: an edge list with columns source and target, .csv or .xlsx)</label><br>"
        '<input id="pln-mob-network" class="pln-mob-network" type="file" '
        'accept=".csv,.tsv,.txt,.xlsx,.xlsm"></p>'
        "</fieldset>"
        '<p class="pln-mob-status" role="status" aria-live="polite">Records are kept in this '
        "browser only; nothing is uploaded.</p>"
        '<div class="pln-mob-results"></div></form>'
        + reader_scripts(root)
        + f'<script src="{html.escape(root)}js/pln-plan-charts.js" defer></script>'
        f'<script src="{html.escape(root)}js/pln-mobilisation.js" defer></script>'
    )


def time_cost_tool_html(root: str = "../../") -> str:
    """The in-page cost-of-time calculator; ``pln-timecost.js`` is a port of ``time_options``.

    Examples
    --------
    >>> "Paid cover" in time_cost_tool_html()
    True
    """
    config = {"options": [{"id": i, "label": label, "detail": d} for i, label, d in OPTIONS]}
    data = json.dumps(config, sort_keys=True).replace("<", "\\u003c")
    fields = (
        ("lesson_minutes", "Minutes in one lesson", "60"),
        ("lessons_per_week", "Lessons a week for one class", "25"),
        ("staff", "Teachers taking part", "10"),
        ("cover_cost_per_hour", "Cost of an hour of cover", "0"),
        ("days_per_week", "School days a week", "5"),
        ("minutes_shaved", "Minutes shaved from each lesson (empty: enough for half a day)", ""),
        ("reallocated_minutes", "Meeting or planning minutes a week given to the network", "60"),
        ("aligned_periods", "Free periods a week made common", "1"),
        ("free_periods_per_week", "Free periods a teacher has a week (optional)", ""),
        ("cover_lessons", "Lessons a week each teacher is covered for", "1"),
    )
    inputs = "".join(
        f'<p><label for="pln-tc-{n}">{html.escape(label)}</label><br>'
        f'<input id="pln-tc-{n}" name="{n}" type="number" min="0" step="any" value="{v}"></p>'
        for n, label, v in fields
    )
    options = "".join(
        f"<li><strong>{html.escape(label)}</strong>: {html.escape(d)}</li>"
        for _, label, d in OPTIONS
    )
    return (
        f'<script type="application/json" class="pln-tc-data">{data}</script>'
        '<form class="pln-timecost" onsubmit="return false"><fieldset>'
        f"<legend>Your timetable's figures</legend>{inputs}</fieldset>"
        f"<ul>{options}</ul>"
        '<p class="pln-tc-status" role="status" aria-live="polite"></p>'
        '<div class="pln-tc-results pln-table-wrap"></div></form>'
        f'<script src="{html.escape(root)}js/pln-timecost.js" defer></script>'
    )
