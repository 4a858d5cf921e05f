"""Build-time data for the in-page tools (the Team results page), all taken from plnlib.

The page's JavaScript is a port of plnlib's reading and scoring; everything that
can be data rather than code is written into the page from here, so that it is
typed once: the checklists (sections, items, their text, chapters and suggested
actions), the answer scales (points, labels, "don't know"/"not applicable",
bands), the privacy thresholds, the column rules for form exports, the saved
answers format id.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Mapping
from typing import Any

from plnlib.checklists import columns as cols
from plnlib.checklists import scoring, team
from plnlib.checklists.forms import ITEM_ID_PATTERN
from plnlib.checklists.model import MISSING_CODES, Checklist, Scale
from plnlib.io.content import checklist_ids, load_checklist
from plnlib.io.responses import ANSWERS_FORMAT, DROPPED_COLUMNS, RESPONDENT_COLUMNS
from plnlib.privacy import DEFAULT_MIN_GROUP, FLOOR_MIN_GROUP, lowered_minimum_note
from plnlib.web.team_charts import CHART_DATA, checklist_charts

__all__ = [
    "TOOL_DATA_ID",
    "checklist_data",
    "reading_data",
    "scale_data",
    "tool_data",
    "tool_data_json",
]

#: The id of the ``<script type="application/json">`` element that holds the data.
TOOL_DATA_ID = "pln-tool-data"


def scale_data(scale: Scale) -> dict[str, Any]:
    """An answer scale as plain data.

    Examples
    --------
    >>> from plnlib.io.content import load_scales
    >>> d = scale_data(load_scales()["maturity4"])
    >>> d["points"][0], d["missing"][0], d["bands"][1]
    ({'value': 1, 'label': 'Not yet in place'}, ['dont_know', "Don't know"], [1.75, 'Emerging'])
    """
    return {
        "name": scale.name,
        "title": scale.title,
        "points": [{"value": p.value, "label": p.label} for p in scale.points],
        "missing": [[code, label] for code, label in scale.missing],
        "bands": [[low, label] for low, label in sorted(scale.bands)],
        "low": scale.low,
        "high": scale.high,
        # every wording read as an answer, folded (plnlib.checklists.columns.fold_label): key
        "accept": dict(scale.accepted),
        "languages": {lang: dict(labels) for lang, labels in scale.languages},
    }


def checklist_data(checklist: Checklist) -> dict[str, Any]:
    """A checklist as plain data: sections in order, each with its items.

    Examples
    --------
    >>> d = checklist_data(load_checklist("pln-design"))
    >>> d["id"], d["sections"][0]["items"][0]["id"]
    ('pln-design', 'DES-01')
    """
    return {
        "id": checklist.id,
        "title": checklist.title,
        "scale": checklist.scale.name,
        "chapter": checklist.chapter,
        "version": checklist.version,
        # the items each older version's form lacks (Checklist.new_since): such a form is read
        "new_since": {str(v): list(checklist.new_since(v)) for v in range(1, checklist.version)},
        "sections": [
            {
                "id": s.id,
                "title": s.title,
                "chapter": s.chapter,
                "items": [
                    {"id": i.id, "text": i.text, "chapter": i.chapter, "actions": list(i.actions)}
                    for i in s.items
                ],
            }
            for s in checklist.sections
        ],
    }


def _priority_defaults() -> dict[str, int]:
    """The default numbers of sections and items of :func:`plnlib.checklists.scoring.priorities`."""
    params = inspect.signature(scoring.priorities).parameters
    return {"sections": params["sections"].default, "items": params["items"].default}


def tool_data(chapter_links: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Everything the Team results page needs from plnlib, as JSON-ready data.

    ``chapter_links`` maps chapter ids to links relative to the page.

    Examples
    --------
    >>> d = tool_data()
    >>> d["privacy"]["default_min_group"], sorted(d["privacy"]["lowered_notes"]), d["format"]["answers"]
    (5, ['3', '4'], 'plnlib-answers')
    >>> sorted(d["checklists"]) == sorted(checklist_ids())
    True
    """
    checklists = {cid: load_checklist(cid) for cid in checklist_ids()}
    scales = {c.scale.name: scale_data(c.scale) for c in checklists.values()}
    return {
        "checklists": {cid: checklist_data(c) for cid, c in checklists.items()},
        "scales": scales,
        "missing_codes": list(MISSING_CODES),
        "privacy": {
            "default_min_group": DEFAULT_MIN_GROUP,
            "floor_min_group": FLOOR_MIN_GROUP,
            # what each lowered minimum reveals, shown beside results made with it
            "lowered_notes": {
                str(m): lowered_minimum_note(m) for m in range(FLOOR_MIN_GROUP, DEFAULT_MIN_GROUP)
            },
        },
        "format": {
            "answers": ANSWERS_FORMAT,
            "item_id_pattern": ITEM_ID_PATTERN.pattern,
            "dropped_columns": sorted(DROPPED_COLUMNS),
            "respondent_columns": list(RESPONDENT_COLUMNS),
            "tidy_columns": ["respondent", "item", "value"],
            **reading_data(),
        },
        "score_csv": {
            # the columns of `plnlib score ID FILE` and `plnlib score ID FILE --by COLUMN`
            "team": list(team.SCORE_COLUMNS),
            "by": ["{by}", *team.SCORE_BY_COLUMNS],
            "measures": list(team.SCORE_MEASURES),
            "digits": team.SCORE_DIGITS,
        },
        "team": {
            # plnlib.checklists.team: when an item's answers disagree, and alpha's notes
            "disagree_share": team.DISAGREE_SHARE,
            "disagree_sd_of_range": team.DISAGREE_SD_OF_RANGE,
            "alpha_min_complete": team.ALPHA_MIN_COMPLETE,
            "alpha_meaningful": team.ALPHA_MEANINGFUL,
            "alpha_notes": dict(team.ALPHA_NOTES),
            "section_notes": dict(team.SECTION_NOTES),
            # how many of the weakest sections and items "Where to start" lists
            "priorities": _priority_defaults(),
        },
        "chapters": dict(chapter_links or {}),
        # Vega-Lite specs by plnlib's chart builders, data left out (plnlib.web.team_charts)
        "charts": {cid: checklist_charts(c) for cid, c in checklists.items()},
        "chart_data": dict(CHART_DATA),
    }


def reading_data() -> dict[str, Any]:
    """The column rules of :mod:`plnlib.checklists.columns`, for the page's reader (pln-read.js).

    Examples
    --------
    >>> d = reading_data()
    >>> "marca temporal" in d["identifying_headers"]["time"]["exact"], d["text_match"]["min_score"]
    (True, 0.8)
    """
    return {
        "id_patterns": list(cols.ID_PATTERNS),
        "email_pattern": cols.EMAIL_PATTERN,
        "identifying_headers": {
            kind: {
                "exact": sorted({cols.fold_text(h) for h in rules["exact"]}),
                "contains": [cols.fold_text(w) for w in rules["contains"]],
            }
            for kind, rules in cols.IDENTIFYING_HEADERS.items()
        },
        "respondent_headers": list(cols.RESPONDENT_HEADERS),
        "text_match": dict(cols.TEXT_MATCH),
        "question_words": cols.QUESTION_WORDS,
        "point_pattern": cols.POINT_PATTERN,
    }


def tool_data_json(chapter_links: Mapping[str, str] | None = None) -> str:
    """:func:`tool_data` as JSON that is safe inside a ``<script>`` element."""
    return json.dumps(tool_data(chapter_links), ensure_ascii=False).replace("<", "\\u003c")
