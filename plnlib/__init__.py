"""plnlib: the tools of The PLN Handbook.

Checklists and self-assessments kept as validated YAML, scoring for people and
teams with small-group suppression, readers for form exports, monitoring across
groups and waves, advice-network analysis, and charts. One survey engine
(:func:`group_results`, :func:`changes`) computes every result for groups and
waves, and every number of a suppressed row is empty where it is made.
"""

from plnlib import _moved
from plnlib.checklists import (
    Checklist,
    Item,
    PersonScore,
    Scale,
    Section,
    TeamSummary,
    breakdown,
    changes,
    compare_waves,
    form_questions,
    group_results,
    person_score,
    prepare_answers,
    priorities,
    team_summary,
)
from plnlib.errors import ContentError, DataError, PlnError
from plnlib.io.content import checklist_ids, load_checklist
from plnlib.io.networks import load_network
from plnlib.io.responses import load_person_json, read_responses, save_person_json
from plnlib.monitoring import monitor, prepare_monitoring
from plnlib.networks import Network, analyse, build_network
from plnlib.samples import load_sample_network, team_answers
from plnlib.version import __version__

_moved.install()

__all__ = [
    "Checklist",
    "ContentError",
    "DataError",
    "Item",
    "Network",
    "PersonScore",
    "PlnError",
    "Scale",
    "Section",
    "TeamSummary",
    "__version__",
    "analyse",
    "breakdown",
    "build_network",
    "changes",
    "checklist_ids",
    "compare_waves",
    "form_questions",
    "group_results",
    "load_checklist",
    "load_network",
    "load_person_json",
    "load_sample_network",
    "monitor",
    "person_score",
    "prepare_answers",
    "prepare_monitoring",
    "priorities",
    "read_responses",
    "save_person_json",
    "team_answers",
    "team_summary",
]
