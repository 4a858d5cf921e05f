"""plnlib: the tools of The PLN Handbook.

Checklists and self-assessments kept as validated YAML, scoring for people and
teams with small-group suppression, readers for form exports, and charts.
"""

from plnlib._version import __version__
from plnlib.checklists import Checklist, Item, Scale, Section
from plnlib.errors import ContentError, DataError, PlnError
from plnlib.forms import form_questions
from plnlib.io.content import checklist_ids, load_checklist
from plnlib.io.responses import load_person_json, read_responses, save_person_json
from plnlib.scoring import (
    PersonScore,
    TeamSummary,
    breakdown,
    compare_waves,
    person_score,
    prepare_answers,
    priorities,
    team_summary,
)
from plnlib.synthetic import team_answers

__all__ = [
    "Checklist",
    "ContentError",
    "DataError",
    "Item",
    "PersonScore",
    "PlnError",
    "Scale",
    "Section",
    "TeamSummary",
    "__version__",
    "breakdown",
    "checklist_ids",
    "compare_waves",
    "form_questions",
    "load_checklist",
    "load_person_json",
    "person_score",
    "prepare_answers",
    "priorities",
    "read_responses",
    "save_person_json",
    "team_answers",
    "team_summary",
]
