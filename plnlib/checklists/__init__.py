"""Checklists: the validated model, scoring for people and teams, and form questions. Pure.

- :mod:`plnlib.checklists.model`: scales, items, sections, checklists, parsed from YAML data;
- :mod:`plnlib.checklists.scoring`: prepared answers, a person's and a team's results;
- :mod:`plnlib.checklists.forms`: the questions to paste into Google or Microsoft Forms.
"""

from plnlib.checklists.forms import ITEM_ID_PATTERN, form_questions, item_id_of
from plnlib.checklists.model import (
    MISSING_CODES,
    Chapter,
    Checklist,
    Item,
    Scale,
    ScalePoint,
    Section,
    parse_chapters,
    parse_checklist,
    parse_scales,
)
from plnlib.checklists.scoring import (
    PersonScore,
    TeamSummary,
    breakdown,
    compare_waves,
    cronbach_alpha,
    person_score,
    prepare_answers,
    priorities,
    team_summary,
)

__all__ = [
    "ITEM_ID_PATTERN",
    "MISSING_CODES",
    "Chapter",
    "Checklist",
    "Item",
    "PersonScore",
    "Scale",
    "ScalePoint",
    "Section",
    "TeamSummary",
    "breakdown",
    "compare_waves",
    "cronbach_alpha",
    "form_questions",
    "item_id_of",
    "parse_chapters",
    "parse_checklist",
    "parse_scales",
    "person_score",
    "prepare_answers",
    "priorities",
    "team_summary",
]
