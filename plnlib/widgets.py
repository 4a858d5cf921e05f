"""ipywidgets front ends: controls -> plnlib core -> charts. No logic of their own.

Errors a user can cause are shown as a plain message in the widget, never a traceback.
Any other error is a bug in plnlib: the crash guard saves the details to a file in the
temporary folder (:mod:`plnlib.io.crashes`) and the widget says so, with where to report it.
"""

from __future__ import annotations

import html

import ipywidgets as w
import pandas as pd
from IPython.display import display

from plnlib.charts.checklists import section_chart
from plnlib.checklists import Checklist
from plnlib.checklists.person import person_message
from plnlib.checklists.scoring import person_score, prepare_answers, priorities
from plnlib.errors import PlnError
from plnlib.io.crashes import crash_message, save_crash_report
from plnlib.report.monitoring_text import chapter_url

__all__ = ["SelfAssessment", "crash_html", "priorities_html"]


class SelfAssessment(w.VBox):
    """A fillable self-assessment: one set of buttons per item, then a score.

    Parameters
    ----------
    checklist
        The checklist to fill in.
    """

    def __init__(self, checklist: Checklist) -> None:
        self.checklist = checklist
        scale = checklist.scale
        self._options = [(p.label, float(p.value)) for p in scale.points] + [
            (label, code) for code, label in scale.missing
        ]
        self.buttons: dict[str, w.ToggleButtons] = {}
        children: list[w.Widget] = [
            w.HTML(
                f"<h3>{html.escape(checklist.title)}</h3><p>{html.escape(checklist.summary)}</p>"
            ),
        ]
        for section in checklist.sections:
            children.append(w.HTML(f"<h4>{html.escape(section.title)}</h4>"))
            for item in section.items:
                buttons = w.ToggleButtons(
                    options=self._options,
                    value=None,
                    description="",
                    style={"button_width": "auto"},
                    tooltips=[label for label, _ in self._options],
                )
                self.buttons[item.id] = buttons
                label = w.HTML(f"<b>{item.id}</b> {html.escape(item.text)}")
                children.append(w.VBox([label, buttons]))
        self.score_button = w.Button(
            description="Show my scores", button_style="primary", icon="check"
        )
        self.output = w.Output()
        self.score_button.on_click(lambda _: self.show())
        children += [self.score_button, self.output]
        super().__init__(children=children)

    def answers(self) -> dict[str, object]:
        """The current answers by item id (``None`` where not answered)."""
        return {item_id: b.value for item_id, b in self.buttons.items()}

    def show(self) -> None:
        """Score the answers and show the chart and priorities in the output area."""
        self.output.clear_output()
        with self.output:
            try:
                given = {k: v for k, v in self.answers().items() if v is not None}
                if not given:
                    display(w.HTML("<p>Answer at least one statement, then press the button.</p>"))
                    return
                frame = pd.DataFrame(
                    {"respondent": "me", "item": list(given), "value": list(given.values())}
                )
                result = person_score(prepare_answers(frame, self.checklist), self.checklist)
                message = person_message(result, self.checklist)
                if message:
                    display(w.HTML(f"<p role='status'>{html.escape(message)}</p>"))
                if result.mean is None:
                    return
                display(section_chart(result, self.checklist))
                display(w.HTML(priorities_html(priorities(result, self.checklist))))
            except PlnError as err:
                display(w.HTML(f"<p role='alert'>{html.escape(err.message)}</p>"))
            except Exception as err:  # the crash guard: a bug in plnlib, never a traceback
                display(crash_html(err, where="The self-assessment"))


def _chapter_link(chapter: object) -> str:
    try:
        url, title = chapter_url(str(chapter))
    except KeyError:  # a chapter the handbook does not list: name it, link nothing
        return html.escape(str(chapter))
    return f"<a href='{html.escape(url)}' target='_blank' rel='noopener'>{html.escape(title)}</a>"


def priorities_html(table: pd.DataFrame) -> str:
    """The priorities as a list: full titles, means, suggested actions, chapter links.

    ``table`` is a :func:`plnlib.checklists.scoring.priorities` table.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"level": ["item"], "id": ["DES-01"], "title": ["A long statement"],
    ...                   "mean": [1.5], "chapter": ["shared-vision"], "actions": [("Do this.",)]})
    >>> out = priorities_html(t)
    >>> "A long statement" in out, "<li>Do this.</li>" in out, "shared-vision.html" in out
    (True, True, True)
    """
    if table.empty:
        return "<p>No priorities to show yet: answer more statements on the scale.</p>"
    rows = []
    for rec in table.itertuples():
        what = "Section" if rec.level == "section" else html.escape(str(rec.id))
        actions = "".join(f"<li>{html.escape(str(a))}</li>" for a in rec.actions)
        rows.append(
            f"<li><b>{what}:</b> {html.escape(str(rec.title))} (mean {rec.mean:.2f}). "
            f"Read: {_chapter_link(rec.chapter)}."
            + (f"<br>Suggested actions:<ul>{actions}</ul>" if actions else "")
            + "</li>"
        )
    return "<h4>Your priorities</h4><ol class='pln-priorities'>" + "".join(rows) + "</ol>"


def crash_html(error: Exception, *, where: str) -> w.HTML:
    """Save the crash details to the temporary folder; the short message as a widget."""
    path = save_crash_report(error, where=where)
    text = html.escape(crash_message(error, path, where=where)).replace("\n", "<br>")
    return w.HTML(f"<p role='alert' class='pln-crash'>{text}</p>")
