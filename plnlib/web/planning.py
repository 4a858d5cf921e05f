"""The planning tools as pages: a one-page meeting plan and printable sheets."""

from __future__ import annotations

import html
import json

import pandas as pd

from plnlib.charts.planning import (
    driver_diagram_chart,
    funnel_chart,
    run_chart,
    slot_heatmap,
    slot_ranking,
    stage_time_chart,
)
from plnlib.errors import DataError
from plnlib.io.planning import PERSON_COLUMNS
from plnlib.planning.cycles import Driver, DriverDiagram
from plnlib.planning.mobilisation import MOBILISATION_FORMAT, STAGE_LOOKUP, STAGES
from plnlib.planning.timecost import OPTIONS
from plnlib.planning.timefinder import DAY_ALIASES, FREE_TIMES_FORMAT, WEEKDAYS, Availability
from plnlib.web.page import chart_figure_html, standalone_page

__all__ = [
    "SHEETS",
    "action_plan_html",
    "cycles_html",
    "diagram_list_html",
    "mobilisation_html",
    "mobilisation_tool_html",
    "sheet_html",
    "table_html",
    "time_cost_tool_html",
    "time_finder_config",
    "time_finder_tool_html",
    "time_plan_html",
]


def table_html(frame: pd.DataFrame, caption: str) -> str:
    """A plain accessible HTML table (header cells scoped, caption given).

    Examples
    --------
    >>> "<th scope=\\"col\\">a</th>" in table_html(pd.DataFrame({"a": [1]}), "One")
    True
    """
    head = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in frame.columns)
    body = "".join(
        "<tr>"
        + "".join(f"<td>{html.escape('' if pd.isna(v) else str(v))}</td>" for v in row)
        + "</tr>"
        for row in frame.itertuples(index=False)
    )
    return (
        f'<div class="pln-table-wrap"><table><caption>{html.escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def time_plan_html(
    data: Availability,
    table: pd.DataFrame,
    pairs: pd.DataFrame,
    cannot: dict[tuple[str, str], list[str]],
    *,
    source: str = "",
    synthetic: bool = False,
) -> str:
    """A one-page plan: the best times, who cannot make them, each pair's best time, charts.

    ``cannot`` maps each top (day, slot) to the people (codes unless the caller
    passed names) who are not free then.
    """
    top = table.sort_values("rank").head(len(cannot) or 3)
    items = []
    for r in top.itertuples():
        who = cannot.get((r.day, r.slot), [])
        missing = (
            f" Schools with nobody free: {html.escape(r.missing_schools)}."
            if r.missing_schools
            else ""
        )
        items.append(
            f"<li><strong>{html.escape(r.day)}, {html.escape(r.slot)}</strong>: "
            f"{r.available} of {r.members} members free, {r.schools} of {r.of_schools} "
            f"schools.{missing} Cannot make it: "
            f"{html.escape(', '.join(who)) if who else 'everyone can'}.</li>"
        )
    note = (
        '<p class="pln-synthetic">The data on this page are synthetic: made up to show the tool.</p>'
        if synthetic
        else ""
    )
    body = (
        "<h1>When can the network meet?</h1>"
        + note
        + f"<p>From {html.escape(source) if source else 'the answers given'}: "
        f"{len(data.members)} members in {len(data.schools)} schools, {len(data.days)} days and "
        f"{len(data.slots)} slots. Times are ranked by the schools with at least one member "
        "free, then by the members free.</p>"
        "<h2>The best times</h2><ol>"
        + "".join(items)
        + "</ol>"
        + chart_figure_html(slot_ranking(table).to_dict())
        + chart_figure_html(slot_heatmap(table, days=data.days, slots=data.slots).to_dict())
        + "<h2>The best time for each pair of schools</h2>"
        + table_html(
            pairs.assign(both=pairs["both"].map({True: "yes", False: "no"})).rename(
                columns={
                    "school_a": "school",
                    "school_b": "with school",
                    "available": "members free",
                    "of": "members of the two",
                    "both": "both schools",
                }
            ),
            "Each pair of schools and the time that suits the two best",
        )
        + "<p>Made with plnlib time-finder (The PLN Handbook). People appear as codes unless "
        "names were asked for.</p>"
    )
    return standalone_page("When can the network meet?", body)


def mobilisation_html(
    reach_table: pd.DataFrame,
    by_table: pd.DataFrame | None,
    over: pd.DataFrame,
    stalled: pd.DataFrame,
    leads: pd.DataFrame,
    *,
    stall_days: int,
    source: str = "",
    synthetic: bool = False,
) -> str:
    """A one-page mobilisation report: reach, the funnel, stages over time, stalls, leads."""
    note = (
        '<p class="pln-synthetic">The data on this page are synthetic: made up to show the tool.</p>'
        if synthetic
        else ""
    )
    stages = "".join(
        f"<li><strong>{html.escape(s.label)}</strong>: {html.escape(s.description)}</li>"
        for s in STAGES
    )
    body = (
        "<h1>Mobilisation: how far each innovation has spread</h1>"
        + note
        + f"<p>From {html.escape(source) if source else 'the records given'}. The stages, from "
        f"the handbook's mobilisation chapter:</p><ol>{stages}</ol>"
        + chart_figure_html(funnel_chart(reach_table).to_dict())
        + chart_figure_html(stage_time_chart(over).to_dict())
        + "<h2>Reach</h2>"
        + table_html(reach_table.drop(columns="stage"), "Staff or schools at each stage now")
        + (
            table_html(by_table.drop(columns="stage"), "At each stage now, by group")
            if by_table is not None
            else ""
        )
        + f"<h2>Stalled for more than {stall_days} days</h2>"
        + (
            table_html(
                stalled.head(25), "Still engaging or trialling after the stall time, longest first"
            )
            + (
                f"<p>{len(stalled) - 25} more not shown (write them all with --stalls FILE.csv).</p>"
                if len(stalled) > 25
                else ""
            )
            if len(stalled)
            else "<p>Nothing has stalled.</p>"
        )
        + "<h2>Who mobilises</h2>"
        + table_html(leads, "Leads, the innovations and people or schools they lead")
        + "<p>Made with plnlib mobilisation (The PLN Handbook).</p>"
    )
    return standalone_page("Mobilisation tracker", body)


def diagram_list_html(diagram: DriverDiagram) -> str:
    """The driver diagram as nested lists: what a screen reader or a printout reads."""

    def ideas(s: Driver) -> str:
        if not s.ideas:
            return ""
        return (
            "<ul>"
            + "".join(
                f"<li>Change idea {html.escape(c.id)}: {html.escape(c.text)}</li>" for c in s.ideas
            )
            + "</ul>"
        )

    primaries = "".join(
        f"<li>Primary driver {html.escape(p.id)}: {html.escape(p.text)}"
        + (
            "<ul>"
            + "".join(
                f"<li>Secondary driver {html.escape(s.id)}: {html.escape(s.text)}{ideas(s)}</li>"
                for s in p.children
            )
            + "</ul>"
            if p.children
            else ""
        )
        + "</li>"
        for p in diagram.primaries
    )
    return (
        f'<div class="pln-driver-list"><p><strong>Aim:</strong> {html.escape(diagram.aim)}<br>'
        f"<strong>Measure:</strong> {html.escape(diagram.measure)}<br>"
        f"<strong>By:</strong> {diagram.target_date.date().isoformat()}</p><ul>{primaries}</ul></div>"
    )


def cycles_html(
    diagram: DriverDiagram,
    cycles: pd.DataFrame | None = None,
    measures: pd.DataFrame | None = None,
    *,
    source: str = "",
    synthetic: bool = False,
) -> str:
    """A one-page improvement record: the driver diagram, the PDSA log, the run chart."""
    note = (
        '<p class="pln-synthetic">The data on this page are synthetic: made up to show the tool.</p>'
        if synthetic
        else ""
    )
    parts = [
        "<h1>Improvement cycles</h1>",
        note,
        f"<p>From {html.escape(source) if source else 'the files given'}.</p>",
        "<h2>Driver diagram</h2>",
        chart_figure_html(driver_diagram_chart(diagram).to_dict()),
        diagram_list_html(diagram),
    ]
    if cycles is not None:
        parts.append("<h2>Plan-Do-Study-Act cycles</h2>")
        shown = cycles.assign(start=cycles["start"].dt.strftime("%Y-%m-%d").fillna(""))
        for idea, group in shown.groupby("change_idea", sort=False):
            text = diagram.ideas[idea].text if idea in diagram.ideas else ""
            parts.append(f"<h3>Change idea {html.escape(idea)}: {html.escape(text)}</h3>")
            parts.append(table_html(group.drop(columns="change_idea"), f"Cycles testing {idea}"))
    if measures is not None:
        parts.append("<h2>The measure across the cycles</h2>")
        parts.append(
            chart_figure_html(run_chart(measures, cycles, measure=diagram.measure).to_dict())
        )
    parts.append("<p>Made with plnlib cycles (The PLN Handbook).</p>")
    return standalone_page("Improvement cycles", "".join(parts))


def action_plan_html(plan: pd.DataFrame, title: str) -> str:
    """A printable action plan: the suggested actions with empty who / by when / how we know."""
    body = (
        f"<h1>Action plan: {html.escape(title)}</h1>"
        "<p>The weakest sections of the checklist result and the actions the checklist "
        "suggests for them. Choose the few you will do, then fill in who, by when and how "
        "you will know it worked.</p>"
        + table_html(
            plan.drop(columns=["chapter"]).rename(
                columns={"by_when": "by when", "how_we_will_know": "how we will know"}
            ),
            "Suggested actions for the weakest items",
        )
        + "<p>From The PLN Handbook (CC BY 4.0).</p>"
    )
    css = ".pln-table-wrap td { min-width: 5rem; } @media print { td { height: 2.5rem; } }"
    return standalone_page(f"Action plan: {title}", body, charts=False, extra_css=css)


SHEETS: tuple[str, ...] = ("time-finder", "mobilisation", "pdsa", "driver-diagram")

_SHEET_CSS = """
.pln-ws table { width: 100%; border-collapse: collapse; margin-bottom: 1rem; }
.pln-ws th, .pln-ws td { border: 1px solid #555; padding: 0.35rem; vertical-align: top; }
.pln-ws td.pln-box { text-align: center; font-size: 1.3em; }
.pln-ws td.pln-write { height: 4.5rem; }
.pln-ws .pln-cols { display: grid; grid-template-columns: repeat(4, 1fr); gap: 0.5rem; }
.pln-ws .pln-cols div { border: 1px solid #555; min-height: 22rem; padding: 0.35rem; }
@media print { @page { margin: 12mm; } .pln-ws tr { break-inside: avoid; }
  .pln-ws th, .pln-ws td { font-size: 10pt; } .pln-ws section { break-after: page; } }
"""


def sheet_html(name: str, *, days: tuple[str, ...] = (), slots: tuple[str, ...] = ()) -> str:
    """A printable sheet (A4 or Letter) of a planning tool: ``time-finder``, ``mobilisation``,
    ``pdsa`` or ``driver-diagram``.

    Examples
    --------
    >>> page = sheet_html("pdsa")
    >>> "<title>PDSA cycle" in page and "Prediction" in page
    True
    """
    if name not in SHEETS:
        raise DataError(
            f"expected one of the sheets {', '.join(SHEETS)}, found '{name}'",
            fix="Choose one of the names listed.",
        )
    foot = "<footer><p>From The PLN Handbook (CC BY 4.0).</p></footer>"
    if name == "time-finder":
        days = days or WEEKDAYS[:5]
        slots = slots or ("Before school", "Lunch", "After school")
        head = "".join(f'<th scope="col">{html.escape(s)}</th>' for s in slots)
        rows = "".join(
            f'<tr><th scope="row">{html.escape(d)}</th>'
            + "".join('<td class="pln-box">\u2610</td>' for _ in slots)
            + "</tr>"
            for d in days
        )
        title = "When are you free for network meetings?"
        body = (
            f"<h1>{title}</h1><p>Name or code: ______________________ "
            "School: ______________________</p><p>Tick every time you could usually come.</p>"
            f'<table><caption>Days down, times across</caption><thead><tr><th scope="col">Day</th>'
            f"{head}</tr></thead><tbody>{rows}</tbody></table>"
            "<p>Type the ticks into a spreadsheet with columns person, school, day, slot, "
            "then run: plnlib time-finder FILE -o slots.csv</p>"
        )
    elif name == "mobilisation":
        stages = "".join(
            f"<li><strong>{html.escape(s.label)}</strong>: {html.escape(s.description)}</li>"
            for s in STAGES
        )
        cols = (
            "Innovation",
            "School",
            "Person or code",
            "Role",
            "Stage (1, 2 or 3)",
            "Date",
            "Evidence",
            "Lead",
        )
        head = "".join(f'<th scope="col">{c}</th>' for c in cols)
        rows = "<tr>" + "".join("<td>&nbsp;</td>" for _ in cols) + "</tr>"
        title = "Mobilisation tracker"
        body = (
            f"<h1>{title}</h1><p>One row each time a school or a colleague reaches a stage.</p>"
            f"<ol>{stages}</ol><table><caption>Records</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{rows * 14}</tbody></table>"
        )
    elif name == "pdsa":
        title = "PDSA cycle"
        parts = [
            (
                "Plan",
                (
                    "Change idea",
                    "Question: what do we want to learn?",
                    "Prediction: what do we expect to happen?",
                    "Measure",
                    "Who",
                    "When",
                    "Where",
                ),
            ),
            ("Do", ("What happened, including surprises",)),
            ("Study", ("Results against the prediction",)),
            ("Act", ("Decision: \u2610 adopt \u2610 adapt \u2610 abandon", "Next cycle")),
        ]
        tables = "".join(
            f"<h2>{step}</h2><table><caption>{step}</caption><tbody>"
            + "".join(
                f'<tr><th scope="row">{html.escape(q)}</th><td class="pln-write"></td></tr>'
                for q in qs
            )
            + "</tbody></table>"
            for step, qs in parts
        )
        body = f"<h1>{title}</h1><p>Cycle number: ______ Date: ____________</p>{tables}"
    else:
        title = "Driver diagram"
        body = (
            f"<h1>{title}</h1><p>Aim (what, for whom, by how much): "
            "__________________________________________</p><p>Measure: ______________________ "
            'Target date: ____________</p><div class="pln-cols">'
            + "".join(
                f"<div><strong>{h}</strong></div>"
                for h in ("Aim", "Primary drivers (3 to 5)", "Secondary drivers", "Change ideas")
            )
            + "</div>"
        )
    return standalone_page(
        title, f'<div class="pln-ws">{body}{foot}</div>', charts=False, extra_css=_SHEET_CSS
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
        '<form class="pln-timefinder" onsubmit="return false">'
        "<fieldset><legend>Your members' free times</legend>"
        '<p><label for="pln-tf-file">A form export saved as CSV (Google Forms or Microsoft '
        "Forms), a CSV with columns person, school, day, slot, or a .json file saved here"
        '</label><br><input id="pln-tf-file" class="pln-tf-file" type="file" accept=".csv,.txt,.json"></p>'
        '<p><label for="pln-tf-slots">The grid\'s slots in order, separated by | (optional)</label><br>'
        '<input id="pln-tf-slots" class="pln-tf-slots" type="text" size="50" '
        'placeholder="Before school|Lunch|After school"></p>'
        '<p><label for="pln-tf-school">The school column\'s header, if it is not found (optional)'
        '</label><br><input id="pln-tf-school" class="pln-tf-school" type="text" size="30"></p>'
        '<p><button type="button" class="pln-tf-save">Save as JSON on this device</button> '
        '<button type="button" class="pln-tf-forget">Forget the data in this browser</button></p>'
        "</fieldset>"
        '<p class="pln-tf-status" role="status" aria-live="polite">Choose a file: it is read in this '
        "page and never uploaded.</p>"
        '<div class="pln-tf-results" aria-live="polite"></div></form>'
        f'<script src="{html.escape(root)}js/pln-timefinder.js" defer></script>'
    )


def mobilisation_tool_html(root: str = "../../") -> str:
    """The in-page mobilisation tracker; ``pln-mobilisation.js`` computes reach and stalls.

    Examples
    --------
    >>> out = mobilisation_tool_html()
    >>> "Trialling it with colleagues" in out and 'class="pln-mobilisation"' in out
    True
    """
    config = {
        "stages": [{"id": s.id, "label": s.label, "description": s.description} for s in STAGES],
        "lookup": dict(STAGE_LOOKUP),
        "json_format": MOBILISATION_FORMAT,
    }
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
        f'<script type="application/json" class="pln-mob-data">{data}</script>'
        '<form class="pln-mobilisation" onsubmit="return false">'
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
        '<p><button type="button" class="pln-mob-save">Save as JSON on this device</button> '
        '<label for="pln-mob-open">Open a saved .json file</label> '
        '<input id="pln-mob-open" class="pln-mob-open" type="file" accept=".json"> '
        '<button type="button" class="pln-mob-forget">Forget the records in this browser</button></p>'
        "</fieldset>"
        '<p class="pln-mob-status" role="status" aria-live="polite">Records are kept in this '
        "browser only; nothing is uploaded.</p>"
        '<div class="pln-mob-results" aria-live="polite"></div></form>'
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
