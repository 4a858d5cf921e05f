"""Forms built for the trainer: a Google Apps Script and a Word layout for Microsoft Forms. Pure.

A trainer should not type thirty-odd questions with six options each. From one checklist:

- :func:`google_apps_script` writes a script that, pasted into a new Apps Script
  project (script.google.com) and run, creates the whole Google Form;
- :func:`word_form_blocks` lays the questions out the way Microsoft Forms'
  Quick Import reads a Word document (numbered questions, lettered choices);
  :func:`plnlib.io.forms.write_word_form` writes it as ``.docx``.

Both use exactly the titles of :func:`plnlib.checklists.forms.form_questions`:
every item's title starts with its id in brackets (``[DES-01] ...``), which is
how a response export is matched back to the items. The group questions are
titled with short names (``School``, ``Role``), so the export's columns are too.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from plnlib.checklists.model import Checklist
from plnlib.errors import DataError
from plnlib.version import __version__

__all__ = [
    "FORM_TEXT",
    "GROUP_QUESTIONS",
    "FormQuestion",
    "form_plan",
    "form_text",
    "google_apps_script",
    "word_form_blocks",
]


@dataclass(frozen=True)
class FormQuestion:
    """One question of a generated form.

    ``kind`` is ``"choice"`` (one answer from ``choices``), ``"text"`` (a short
    answer) or ``"section"`` (a page break starting a section; ``choices`` empty).
    """

    kind: str
    title: str
    help: str = ""
    choices: tuple[str, ...] = ()
    other: bool = False
    required: bool = False


#: The questions asked before the items: short titles, so the export's columns are short.
GROUP_QUESTIONS: tuple[FormQuestion, ...] = (
    FormQuestion(
        "text",
        "School",
        "The school you work in. Results are shown by school only for groups of five or more.",
    ),
    FormQuestion(
        "choice",
        "Role",
        "Your main role. Results are shown by role only for groups of five or more.",
        ("Teacher", "Teaching assistant", "Middle leader", "Senior leader"),
        other=True,
    ),
)


#: The group questions and the form's own wording in other languages (the items stay English).
FORM_TEXT: dict[str, dict[str, object]] = {
    "en": {
        "groups": GROUP_QUESTIONS,
        "strong": "Strong looks like: ",
        "intro": "Answer each statement for your network as it is now. If you do not know, "
        'choose "{dont_know}". Your name and e-mail address are not asked for. Results are '
        "shared only for groups of five or more.",
    },
    "es": {
        "groups": (
            FormQuestion(
                "text",
                "Escuela",
                "La escuela en la que trabaja. Los resultados por escuela solo se muestran "
                "para grupos de cinco o más personas.",
            ),
            FormQuestion(
                "choice",
                "Rol",
                "Su rol principal. Los resultados por rol solo se muestran para grupos de "
                "cinco o más personas.",
                ("Docente", "Asistente de aula", "Coordinación o jefatura", "Equipo directivo"),
                other=True,
            ),
        ),
        "strong": "Cuando está bien logrado: ",
        "intro": "Responda a cada afirmación pensando en su red tal como es ahora. Si no lo "
        'sabe, elija "{dont_know}". No se piden su nombre ni su correo electrónico. Los '
        "resultados solo se comparten para grupos de cinco o más personas.",
    },
}


def form_text(language: str) -> dict[str, object]:
    """The form's own wording in a language (:data:`FORM_TEXT`); English for "en".

    Raises
    ------
    DataError
        For a language with no wording.
    """
    if language not in FORM_TEXT:
        raise DataError(
            f"expected a form language ({', '.join(FORM_TEXT)}), found '{language}'",
            where="--language",
            fix="Choose one of these, or make the form in English and read the answers in "
            "your language with --labels map.csv.",
        )
    return FORM_TEXT[language]


def _options(checklist: Checklist, labels: Mapping[str, str] | None) -> tuple[str, ...]:
    """The answer options in order: scored points, then "don't know" / "not applicable"."""
    labels = labels or {}
    points = [labels.get(str(p.value), p.label) for p in checklist.scale.points]
    missing = [labels.get(code, label) for code, label in checklist.scale.missing]
    return (*points, *missing)


def form_plan(
    checklist: Checklist,
    *,
    labels: Mapping[str, str] | None = None,
    groups: Sequence[FormQuestion] | None = None,
    language: str = "en",
) -> tuple[FormQuestion, ...]:
    """Every question of the form in order: group questions, then one section per checklist section.

    ``labels`` maps a scale value (``"1"``...) or a missing code (``"dont_know"``)
    to the option label to show (for a form in another language); unmapped
    options keep the scale's own label.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> plan = form_plan(load_checklist("pln-design"))
    >>> [q.title for q in plan[:3]], plan[3].title[:9], plan[3].choices[-1]
    (['School', 'Role', 'Shared vision, goals and focus'], '[DES-01] ', 'Not applicable')
    """
    options = _options(checklist, labels)
    text = form_text(language)
    if groups is None:
        groups = text["groups"]  # type: ignore[assignment]
    out: list[FormQuestion] = list(groups)  # type: ignore[arg-type]
    for section in checklist.sections:
        out.append(FormQuestion("section", section.title))
        out += [
            FormQuestion(
                "choice", f"[{item.id}] {item.text}", f"{text['strong']}{item.strong}", options
            )
            for item in section.items
        ]
    return tuple(out)


def _description(
    checklist: Checklist, labels: Mapping[str, str] | None = None, language: str = "en"
) -> str:
    dont_know = (labels or {}).get("dont_know") or dict(checklist.scale.missing).get(
        "dont_know", "Don't know"
    )
    intro = str(form_text(language)["intro"]).format(dont_know=dont_know)
    return f"{checklist.summary}\n\n{intro}"


_SCRIPT = """\
/**
 * Creates the Google Form "{title}" (checklist {id}, version {version}).
 * Made by plnlib {plnlib} for The PLN Handbook.
 *
 * How to use it:
 *   1. Open https://script.google.com and choose "New project".
 *   2. Delete what is in the editor, paste this whole file, and save.
 *   3. Choose the function createForm at the top and press Run; allow the script to
 *      create a form in your Google Drive when asked.
 *   4. Open "Execution log": it shows the links to edit and to send the form.
 * Keep the [ID] at the start of every question title: it is how plnlib matches
 * the answers in the form's export back to the checklist.
 */
var PLN_FORM = {data};

function createForm() {{
  var spec = PLN_FORM;
  var form = FormApp.create(spec.title);
  form.setDescription(spec.description);
  form.setCollectEmail(false);
  form.setProgressBar(true);
  spec.questions.forEach(function (q) {{
    var item;
    if (q.kind === "section") {{
      item = form.addPageBreakItem().setTitle(q.title);
      if (q.help) {{ item.setHelpText(q.help); }}
      return;
    }}
    if (q.kind === "text") {{
      item = form.addTextItem().setTitle(q.title);
    }} else {{
      item = form.addMultipleChoiceItem().setTitle(q.title).setChoiceValues(q.choices);
      if (q.other) {{ item.showOtherOption(true); }}
    }}
    if (q.help) {{ item.setHelpText(q.help); }}
    item.setRequired(q.required);
  }});
  Logger.log("Form created. Edit it: " + form.getEditUrl());
  Logger.log("Send this link to your team: " + form.getPublishedUrl());
  return form;
}}
"""


def google_apps_script(
    checklist: Checklist, *, labels: Mapping[str, str] | None = None, language: str = "en"
) -> str:
    """A Google Apps Script that creates the checklist's Google Form when run.

    The form has the checklist's title and a description, the group questions
    (:data:`GROUP_QUESTIONS`), then one section per checklist section with every
    item as a multiple-choice question whose title starts with its bracketed id
    and whose options are the scale's labels (with "don't know" and "not
    applicable" where the scale has them). E-mail addresses are not collected.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> script = google_apps_script(load_checklist("readiness"))
    >>> "function createForm()" in script and "[RDY-01] " in script
    True
    """
    data = {
        "title": checklist.title,
        "description": _description(checklist, labels, language),
        "checklist": checklist.id,
        "version": checklist.version,
        "questions": [
            {
                "kind": q.kind,
                "title": q.title,
                "help": q.help,
                "choices": list(q.choices),
                "other": q.other,
                "required": q.required,
            }
            for q in form_plan(checklist, labels=labels, language=language)
        ],
    }
    # JSON is valid JavaScript; escape "</" and line separators so the text is safe anywhere
    text = json.dumps(data, ensure_ascii=False, indent=2)
    text = text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return _SCRIPT.format(
        title=checklist.title.replace("*/", "* /"),
        id=checklist.id,
        version=checklist.version,
        plnlib=__version__,
        data=text,
    )


def word_form_blocks(
    checklist: Checklist, *, labels: Mapping[str, str] | None = None, language: str = "en"
) -> list[tuple[str, str]]:
    """The paragraphs of a Word document that Microsoft Forms' Quick Import turns into the form.

    Returns ``(style, text)`` pairs: ``"title"``, ``"note"`` (text that is not a
    question), ``"question"`` (numbered ``"1. [DES-01] ..."``) and ``"choice"``
    (lettered ``"A. Not yet in place"``). Sections become notes, which Quick
    Import leaves as text; the trainer may turn them into sections in Forms.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> blocks = word_form_blocks(load_checklist("readiness"))
    >>> blocks[0][0], [b for b in blocks if b[0] == "question"][2][1][:12]
    ('title', '3. [RDY-01] ')
    """
    blocks: list[tuple[str, str]] = [
        ("title", checklist.title),
        ("note", _description(checklist, labels, language)),
    ]
    number = 0
    other = "Otro" if language == "es" else "Other"
    for q in form_plan(checklist, labels=labels, language=language):
        if q.kind == "section":
            blocks.append(("note", f"Section: {q.title}"))
            continue
        number += 1
        blocks.append(("question", f"{number}. {q.title}"))
        letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        blocks += [("choice", f"{letters[i]}. {c}") for i, c in enumerate(q.choices)]
        if q.other:
            blocks.append(("choice", f"{letters[len(q.choices)]}. {other}"))
    return blocks
