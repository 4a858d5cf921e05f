"""Team summary of 10,000 respondents x 40 items (target: under 1 second).

Measures the two steps separately and together, best of three runs:
``prepare_answers`` (checking and scoring 400,000 raw answers, numbers and labels
mixed) and ``team_summary`` (item and section statistics, spread, disagreement,
Cronbach's alpha, suppression), plus a ``breakdown`` by school.
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd

from plnlib.checklists import parse_checklist
from plnlib.checklists.scoring import breakdown, prepare_answers, team_summary
from plnlib.io import content

RESPONDENTS = 10_000
SECTIONS, PER_SECTION = 5, 8


def bench_checklist():
    """A 40-item checklist on the maturity4 scale (5 sections of 8 items)."""
    data = {
        "id": "bench",
        "title": "Benchmark checklist",
        "version": 1,
        "scale": "maturity4",
        "summary": "Forty synthetic items for timing the team summary.",
        "audience": "Nobody: benchmark only",
        "chapter": "self-assessment",
        "sources": ["cronbach1951"],
        "sections": [
            {
                "id": f"s{s}",
                "title": f"Section {s}",
                "chapter": "self-assessment",
                "items": [
                    {
                        "id": f"BEN-{s * PER_SECTION + i + 1:02d}",
                        "text": f"Synthetic statement {s}.{i} for timing.",
                        "strong": "Synthetic: no meaning.",
                        "sources": ["cronbach1951"],
                        "actions": ["Synthetic action for timing."],
                    }
                    for i in range(PER_SECTION)
                ],
            }
            for s in range(SECTIONS)
        ],
    }
    return parse_checklist(
        data,
        schema=content._schema(),
        scales=content.load_scales(),
        chapters=content.load_chapters(),
        where="bench",
    )


def answers(checklist, seed=1):
    rng = np.random.default_rng(seed)
    ids = np.array(checklist.item_ids)
    n = RESPONDENTS * len(ids)
    values = rng.integers(1, 5, size=n).astype(object)
    labels = np.array(["Not yet in place", "Emerging", "Established", "Embedded"], dtype=object)
    as_label = rng.random(n) < 0.3
    values[as_label] = labels[(values[as_label].astype(int) - 1)]
    values[rng.random(n) < 0.03] = "Don't know"
    values[rng.random(n) < 0.02] = None
    respondents = np.repeat([f"R{i:05d}" for i in range(RESPONDENTS)], len(ids))
    schools = np.repeat([f"School {i % 12:02d}" for i in range(RESPONDENTS)], len(ids))
    return pd.DataFrame(
        {
            "respondent": respondents,
            "item": np.tile(ids, RESPONDENTS),
            "value": values,
            "school": schools,
        }
    )


def best_of(fn, runs=3):
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    checklist = bench_checklist()
    raw = answers(checklist)
    t_prep, prepared = best_of(lambda: prepare_answers(raw, checklist))
    t_sum, summary = best_of(lambda: team_summary(prepared, checklist))
    t_by, _ = best_of(lambda: breakdown(prepared, checklist, "school"))
    print(
        f"answers: {RESPONDENTS:,} respondents x {len(checklist.items)} items = {len(raw):,} rows"
    )
    print(f"prepare_answers (parse and check): {t_prep:.3f} s")
    print(f"team_summary:                      {t_sum:.3f} s   (target < 1 s)")
    print(f"prepare + team_summary:            {t_prep + t_sum:.3f} s")
    print(f"breakdown by school (12 groups):   {t_by:.3f} s")
    assert summary.respondents == RESPONDENTS  # sanity check on the measured result


if __name__ == "__main__":
    main()
