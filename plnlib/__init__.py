"""plnlib: the tools of The PLN Handbook.

Checklists and self-assessments kept as validated YAML, scoring for people and
teams with small-group suppression, readers for form exports, monitoring across
groups and waves, advice-network analysis, and charts. One survey engine
(:func:`group_results`, :func:`changes`) computes every result for groups and
waves, and every number of a suppressed row is empty where it is made.

The tool notebooks import from two places only: ``plnlib`` and ``plnlib.charts``.
The names from the outer layers (the widget and the reports) are loaded on first
use, so that ``import plnlib`` and the ``plnlib`` command do not load ipywidgets
and altair.
"""

from typing import TYPE_CHECKING, Any

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
    team_messages,
    team_summary,
)
from plnlib.errors import ContentError, DataError, PlnError
from plnlib.io.content import checklist_ids, load_chapters, load_checklist
from plnlib.io.networks import load_network
from plnlib.io.planning import read_availability, read_mobilisation
from plnlib.io.responses import load_person_json, read_responses, save_person_json
from plnlib.monitoring import monitor, prepare_monitoring
from plnlib.networks import Network, analyse, build_network
from plnlib.samples import SAMPLE_ANSWERS, SAMPLE_ROSTERS, load_sample_network, team_answers
from plnlib.version import __version__

if TYPE_CHECKING:  # pragma: no cover
    from plnlib.report.monitoring import write_monitoring_report
    from plnlib.report.networks import network_report_html
    from plnlib.widgets import SelfAssessment

_moved.install()

#: name -> module, imported on first use (outer layers: ipywidgets, altair)
_LAZY: dict[str, str] = {
    "SelfAssessment": "plnlib.widgets",
    "network_report_html": "plnlib.report.networks",
    "write_monitoring_report": "plnlib.report.monitoring",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'plnlib' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "SAMPLE_ANSWERS",
    "SAMPLE_ROSTERS",
    "Checklist",
    "ContentError",
    "DataError",
    "Item",
    "Network",
    "PersonScore",
    "PlnError",
    "Scale",
    "Section",
    "SelfAssessment",
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
    "load_chapters",
    "load_checklist",
    "load_network",
    "load_person_json",
    "load_sample_network",
    "monitor",
    "network_report_html",
    "person_score",
    "prepare_answers",
    "prepare_monitoring",
    "priorities",
    "read_availability",
    "read_mobilisation",
    "read_responses",
    "save_person_json",
    "team_answers",
    "team_messages",
    "team_summary",
    "write_monitoring_report",
]
