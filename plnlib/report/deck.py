"""A team's results as a short PowerPoint deck for a workshop (python-pptx).

Slides: a title slide (checklist, date, responses), one slide per chart of the
report (with the chart's text alternative as the picture's alt text and in the
speaker notes), the strongest sections, each of the weakest sections with its
suggested actions, and a methods-and-privacy slide. Small groups are hidden as
in the HTML report, and a group hidden in every wave is not named at all
(:mod:`plnlib.report.redaction`).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from plnlib.checklists import Checklist
from plnlib.errors import DataError
from plnlib.helpers import plural
from plnlib.io.files import write_output
from plnlib.monitoring import Monitoring
from plnlib.report.figures import Picture, monitoring_figures, render
from plnlib.report.monitoring_text import words
from plnlib.report.redaction import hidden_groups
from plnlib.version import __version__

__all__ = ["check_deck_path", "monitoring_deck", "write_monitoring_deck"]

_WIDE, _HIGH = 13.333, 7.5  # inches: a 16:9 slide
_MARGIN = 0.5
_TITLE_ONLY = 5
_SYNTHETIC = "Synthetic data: describes no real school or person"


def check_deck_path(path: str | Path, *, option: str = "-o/--output") -> Path:
    """The path if it ends in ``.pptx``, else a DataError naming the option."""
    path = Path(path)
    if path.suffix.lower() != ".pptx":
        raise DataError(
            f"expected a file name ending in .pptx, found '{path.name}'",
            where=option,
            fix="Name the deck like results.pptx.",
        )
    return path


def _footer(slide: object, text: str) -> None:
    from pptx.util import Inches, Pt

    box = slide.shapes.add_textbox(  # type: ignore[attr-defined]
        Inches(_MARGIN), Inches(_HIGH - 0.4), Inches(_WIDE - 2 * _MARGIN), Inches(0.3)
    )
    box.name = "Synthetic data note"
    box.text_frame.text = text
    for run in box.text_frame.paragraphs[0].runs:
        run.font.size = Pt(11)


def _place_title(slide: object, text: str) -> None:
    from pptx.util import Inches, Pt

    title = slide.shapes.title  # type: ignore[attr-defined]
    title.left, title.top = Inches(_MARGIN), Inches(0.3)
    title.width, title.height = Inches(_WIDE - 2 * _MARGIN), Inches(0.9)
    title.text = text
    for paragraph in title.text_frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(30)


def _bullets(slide: object, lines: Sequence[tuple[int, str]], *, size: int = 20) -> None:
    """A text box of bullet lines: (level, text), level 0 or 1."""
    from pptx.enum.text import MSO_AUTO_SIZE
    from pptx.util import Inches, Pt

    box = slide.shapes.add_textbox(  # type: ignore[attr-defined]
        Inches(_MARGIN), Inches(1.35), Inches(_WIDE - 2 * _MARGIN), Inches(_HIGH - 1.85)
    )
    frame = box.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE
    for i, (level, text) in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.text = ("• " if level == 0 else "– ") + text
        paragraph.level = level
        paragraph.space_after = Pt(6)
        for run in paragraph.runs:
            run.font.size = Pt(size if level == 0 else size - 4)


def _title_slide(prs: object, result: Monitoring, checklist: Checklist, title: str, when: str):
    from pptx.util import Inches, Pt

    slide = prs.slides.add_slide(prs.slide_layouts[0])  # type: ignore[attr-defined]
    head, sub = slide.shapes.title, slide.placeholders[1]
    head.left, head.top, head.width, head.height = (
        Inches(_MARGIN),
        Inches(1.8),
        Inches(_WIDE - 2 * _MARGIN),
        Inches(1.6),
    )
    head.text = title
    sub.left, sub.top, sub.width, sub.height = (
        Inches(_MARGIN),
        Inches(3.6),
        Inches(_WIDE - 2 * _MARGIN),
        Inches(2.6),
    )
    latest = result.responses.iloc[-1]
    wave = f" in wave {result.latest}" if result.latest is not None else ""
    lines = [
        f"Checklist: {checklist.title}",
        when,
        (
            f"Fewer than {result.min_group} responses{wave}"
            if pd.isna(latest["responses"])
            else f"{plural(int(latest['responses']), 'response')}{wave}"
        ),
    ]
    if result.synthetic:
        lines.append(_SYNTHETIC)
    sub.text = "\n".join(lines)
    for paragraph in sub.text_frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(22)


def _chart_slide(prs: object, picture: Picture) -> None:
    from pptx.util import Emu, Inches

    slide = prs.slides.add_slide(prs.slide_layouts[_TITLE_ONLY])  # type: ignore[attr-defined]
    _place_title(slide, picture.figure.title)
    box_w, box_h = Inches(_WIDE - 2 * _MARGIN), Inches(_HIGH - 1.75)
    ratio = min(box_w / picture.width, box_h / picture.height)
    width, height = Emu(int(picture.width * ratio)), Emu(int(picture.height * ratio))
    left = Emu(int((Inches(_WIDE) - width) / 2))
    pic = slide.shapes.add_picture(io.BytesIO(picture.png), left, Inches(1.25), width, height)
    pic.name = picture.figure.name
    pic._element.nvPicPr.cNvPr.set("descr", picture.figure.description)  # alt text
    slide.notes_slide.notes_text_frame.text = picture.figure.text_alternative()


def _strengths_slide(prs: object, result: Monitoring, checklist: Checklist) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[_TITLE_ONLY])  # type: ignore[attr-defined]
    _place_title(slide, "Strongest sections")
    lines: list[tuple[int, str]] = []
    bands = result.summary.sections.set_index("section")["band"]
    items = result.strengths[result.strengths["level"] == "item"]
    sections = result.strengths[result.strengths["level"] == "section"]
    for rec in sections.itertuples():
        lines.append((0, f"{rec.title}: mean {rec.mean:.2f} ({bands.get(rec.id, '')})"))
        for item in items.itertuples():
            if checklist.item(item.id).section == rec.id:
                lines.append((1, f"{item.id} {item.title} ({item.mean:.2f})"))
    others = [i for i in items.itertuples() if checklist.item(i.id).section not in set(sections.id)]
    if others:
        lines.append((0, "Other strong statements"))
        lines += [(1, f"{i.id} {i.title} ({i.mean:.2f})") for i in others]
    if not lines:
        lines.append(
            (0, f"Too few people answered to show results (fewer than {result.min_group}).")
        )
    _bullets(slide, lines)


def _priority_slides(prs: object, result: Monitoring, checklist: Checklist) -> None:
    bands = result.summary.sections.set_index("section")["band"]
    items = result.priorities[result.priorities["level"] == "item"]
    sections = result.priorities[result.priorities["level"] == "section"]
    for rec in sections.itertuples():
        slide = prs.slides.add_slide(prs.slide_layouts[_TITLE_ONLY])  # type: ignore[attr-defined]
        _place_title(slide, f"To work on: {rec.title}")
        lines = [(0, f"Mean {rec.mean:.2f} ({bands.get(rec.id, '')}), one of the weakest sections")]
        for item in items.itertuples():
            if checklist.item(item.id).section != rec.id:
                continue
            lines.append((0, f"{item.id} {item.title} ({item.mean:.2f})"))
            lines += [(1, f"Try: {action}") for action in item.actions]
        _bullets(slide, lines, size=18)


def _methods_slide(prs: object, result: Monitoring, source: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[_TITLE_ONLY])  # type: ignore[attr-defined]
    _place_title(slide, "Methods and privacy")
    data = (
        " (synthetic data made by plnlib: no real school or person is described)"
        if result.synthetic
        else " (real answers)"
    )

    def count(value: object) -> str:  # a count below the minimum is hidden too
        return f"fewer than {result.min_group}" if pd.isna(value) else str(int(value))  # type: ignore[call-overload]

    waves = ", ".join(
        f"wave {r[result.wave]}: {count(r['responses'])}" if result.wave else count(r["responses"])
        for _, r in result.responses.iterrows()
    )
    lines = [
        (0, f"Data: {source or 'the answers'}{data}. Responses: {waves}."),
        (
            0,
            "Means leave out 'don't know' and 'not applicable'; a section mean is the mean of "
            "each person's mean over the section's statements.",
        ),
        (
            0,
            f"Results of a group with fewer than {result.min_group} responses, and any cell with "
            f"fewer than {result.min_group} answers, are hidden. When only one group would be "
            "hidden, the next smallest is hidden too, so a hidden result cannot be worked out "
            "from the others.",
        ),
    ]
    hidden = hidden_groups(result)
    if hidden:
        lines.append(
            (
                1,
                f"Compared by {words(result.by)}: {plural(len(hidden), 'group')} "
                f"{'is' if len(hidden) == 1 else 'are'} hidden in every wave, so this deck "
                "leaves them out and does not name them.",
            )
        )
    if result.warnings:
        lines.append(
            (
                1,
                f"{plural(len(result.warnings), 'combination')} of group values "
                f"{'holds' if len(result.warnings) == 1 else 'hold'} fewer than "
                f"{result.min_group} people: do not make tables that cross these columns.",
            )
        )
    lines.append(
        (0, f"Made with plnlib {__version__} on this computer; nothing was sent anywhere.")
    )
    _bullets(slide, lines, size=18)


def monitoring_deck(
    result: Monitoring,
    checklist: Checklist,
    *,
    title: str | None = None,
    source: str = "",
    date: dt.date | None = None,
    pictures: Sequence[Picture] | None = None,
) -> bytes:
    """The deck as PPTX bytes (pass ``pictures`` from :func:`render` to reuse them)."""
    from pptx import Presentation
    from pptx.util import Inches

    if pictures is None:
        pictures = [render(f) for f in monitoring_figures(result, checklist)]
    when = date or dt.date.today()
    title = title or f"{checklist.title}: results"
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(_WIDE), Inches(_HIGH)
    _title_slide(prs, result, checklist, title, f"{when.day} {when:%B %Y}")
    for picture in pictures:
        _chart_slide(prs, picture)
    _strengths_slide(prs, result, checklist)
    _priority_slides(prs, result, checklist)
    _methods_slide(prs, result, source)
    if result.synthetic:
        for slide in list(prs.slides)[1:]:
            _footer(slide, _SYNTHETIC)
    props = prs.core_properties
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
    props.created = props.modified = now
    props.title, props.author, props.last_modified_by = title, "plnlib", "plnlib"
    props.subject = f"{checklist.title} checklist results"
    props.keywords = "synthetic data" if result.synthetic else ""
    props.comments = ""
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def write_monitoring_deck(
    path: str | Path,
    result: Monitoring,
    checklist: Checklist,
    *,
    title: str | None = None,
    source: str = "",
) -> Path:
    """Write the deck to ``path`` (``.pptx``), all at once."""
    path = check_deck_path(path)
    return write_output(path, monitoring_deck(result, checklist, title=title, source=source))
