"""Checklists: the validated model, scoring for people and teams, and form questions. Pure.

- :mod:`plnlib.checklists.model`: scales, items, sections, checklists, parsed from YAML data;
- :mod:`plnlib.checklists.answers`: answers checked and scored; group and wave columns checked;
- :mod:`plnlib.checklists.responses`: one row per response (a respondent in one wave);
- :mod:`plnlib.checklists.person`: one person's result;
- :mod:`plnlib.checklists.team`: a team's results per item and section;
- :mod:`plnlib.checklists.results`: the survey engine (groups, waves, change, extremes);
- :mod:`plnlib.checklists.scoring`: the 0.1 names, kept for one release;
- :mod:`plnlib.checklists.forms`: the questions to paste into Google or Microsoft Forms.
"""

from plnlib.checklists.answers import prepare_answers, require_column
from plnlib.checklists.forms import ITEM_ID_PATTERN, form_questions, item_id_of
from plnlib.checklists.model import (
    MISSING_CODES,
    Change,
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
from plnlib.checklists.person import PersonScore, person_message, person_score
from plnlib.checklists.results import NETWORK, changes, extremes, group_results
from plnlib.checklists.scoring import breakdown, compare_waves, priorities
from plnlib.checklists.team import TeamSummary, cronbach_alpha, team_messages, team_summary

__all__ = [
    "ITEM_ID_PATTERN",
    "MISSING_CODES",
    "NETWORK",
    "Change",
    "Chapter",
    "Checklist",
    "Item",
    "PersonScore",
    "Scale",
    "ScalePoint",
    "Section",
    "TeamSummary",
    "breakdown",
    "changes",
    "compare_waves",
    "cronbach_alpha",
    "extremes",
    "form_questions",
    "group_results",
    "item_id_of",
    "parse_chapters",
    "parse_checklist",
    "parse_scales",
    "person_message",
    "person_score",
    "prepare_answers",
    "priorities",
    "require_column",
    "team_messages",
    "team_summary",
]
