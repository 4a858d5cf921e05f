"""Printable sheets of the planning tools (A4 or Letter), for filling in by hand."""

from __future__ import annotations

import html

from plnlib.errors import DataError
from plnlib.planning.freetimes import WEEKDAYS
from plnlib.planning.mobilisation import STAGES
from plnlib.web.page import standalone_page

__all__ = ["SHEETS", "sheet_html"]


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
