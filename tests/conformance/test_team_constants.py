"""One source of truth: the Team results page's rules are plnlib's, written into its data.

Changing a constant in plnlib changes the page data (nothing else to edit), and
the page's scripts do not type the constants again.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from plnlib.checklists import scoring, team
from plnlib.web import tools

JS = Path(tools.__file__).parent / "assets" / "site" / "js"
#: The page's scoring scripts (the person's checklist page has its own, pln-person.js).
TEAM_JS = (
    "pln-score.js",
    "pln-groups.js",
    "pln-team-core.js",
    "pln-team-charts.js",
    "pln-team-view.js",
    "pln-team.js",
)


def test_the_page_data_follows_plnlib_s_constants(monkeypatch):
    monkeypatch.setattr(team, "DISAGREE_SHARE", 0.31)
    monkeypatch.setattr(team, "DISAGREE_SD_OF_RANGE", 0.42)
    monkeypatch.setattr(team, "ALPHA_MIN_COMPLETE", 4)
    monkeypatch.setattr(team, "ALPHA_NOTES", {**team.ALPHA_NOTES, "too_few": "too few"})
    monkeypatch.setattr(team, "SCORE_COLUMNS", ("section", "n", "mean"))
    monkeypatch.setattr(team, "SCORE_BY_COLUMNS", ("section", "mean"))
    monkeypatch.setattr(team, "SCORE_MEASURES", ("mean",))
    monkeypatch.setattr(team, "SCORE_DIGITS", 2)
    d = tools.tool_data()
    assert d["team"]["disagree_share"] == 0.31
    assert d["team"]["disagree_sd_of_range"] == 0.42
    assert d["team"]["alpha_min_complete"] == 4
    assert d["team"]["alpha_notes"]["too_few"] == "too few"
    assert d["score_csv"] == {
        "team": ["section", "n", "mean"],
        "by": ["{by}", "section", "mean"],
        "measures": ["mean"],
        "digits": 2,
    }


def test_the_priorities_counts_are_plnlib_s_defaults(monkeypatch):
    def fewer(summary, checklist, *, sections=1, items=3):  # pragma: no cover - never called
        raise AssertionError

    monkeypatch.setattr(scoring, "priorities", fewer)
    assert tools.tool_data()["team"]["priorities"] == {"sections": 1, "items": 3}


def test_the_disagreement_rule_uses_the_constants(monkeypatch):
    import numpy as np

    scores = np.array([1.0, 1.0, 4.0, 4.0, 4.0])
    assert team._disagree(scores, 1, 4)
    monkeypatch.setattr(team, "DISAGREE_SHARE", 0.5)
    assert not team._disagree(scores, 1, 4)


@pytest.mark.parametrize("name", TEAM_JS)
def test_the_scripts_do_not_type_plnlib_s_constants_again(name):
    text = (JS / name).read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", text, flags=re.S)  # comments may name them
    for value in (team.DISAGREE_SHARE, team.DISAGREE_SD_OF_RANGE):
        assert not re.search(rf"(?<![\w.]){re.escape(str(value))}(?![\d])", code), (
            f"{name} types {value} (plnlib.checklists.team): read it from the page data"
        )
    for note in team.ALPHA_NOTES.values():
        fixed = note.replace("{n}", "").strip()
        assert fixed not in code, f"{name} types alpha's note {note!r}: read data.team.alpha_notes"
    columns = re.compile(r"\[\s*\"section\"\s*,\s*\"title\"")
    assert not columns.search(code), f"{name} types the score CSV's columns: read data.score_csv"
    assert not re.search(r"c === \"(mean|sd|alpha)\"", code), (
        f"{name} names the score CSV's measures: read data.score_csv.measures"
    )
