"""Monitoring report of 50,000 responses x 40 items by school and wave (targets: 5 s, 2 MB).

A synthetic network (12 schools, 3 waves, about 50,000 responses in all) answers a
40-item checklist; the benchmark times each step of ``plnlib report`` after reading
the file, best of three runs:

- ``prepare_monitoring``: checking and scoring 2,000,000 raw answers (most of it is
  :func:`plnlib.checklists.scoring.prepare_answers`, shared with the checklists benchmark);
- ``monitor``: groups, waves, change, singling-out check (the data step);
- the four charts, and the whole HTML report (which draws the charts again);

and prints the size of the HTML report.
"""

from __future__ import annotations

import json

from benchmarks.bench_checklists import bench_checklist, best_of
from plnlib.charts.monitoring import diverging_chart, group_dot_chart, heatmap_chart, trend_chart
from plnlib.monitoring import monitor, prepare_monitoring
from plnlib.report.monitoring import monitoring_report_html
from plnlib.samples.monitoring import monitoring_answers

STAFF = 19_700  # per wave; with 85% answering, about 50,000 responses over three waves
TARGET_SECONDS = 5.0
TARGET_BYTES = 2_000_000


def main() -> None:
    checklist = bench_checklist()
    raw = monitoring_answers(checklist, staff=STAFF, seed=7)
    responses = raw.drop_duplicates(["respondent", "wave"]).shape[0]
    t_prep, prepared = best_of(
        lambda: prepare_monitoring(raw, checklist, by="school", wave="wave", where="bench")
    )
    t_data, result = best_of(lambda: monitor(prepared, checklist, by="school", wave="wave"), runs=3)
    charts = (diverging_chart, group_dot_chart, heatmap_chart, trend_chart)
    t_charts, specs = best_of(lambda: [json.dumps(f(result, checklist).to_dict()) for f in charts])
    t_report, page = best_of(lambda: monitoring_report_html(result, checklist, source="bench"))
    size = len(page.encode("utf-8"))
    total = t_data + t_report
    print(
        f"answers: {responses:,} responses x {len(checklist.items)} items = {len(raw):,} rows, "
        f"{result.sections['group'].nunique() - 1} schools, waves {list(result.waves)}"
    )
    print(f"prepare_monitoring (check and score):   {t_prep:.3f} s")
    print(f"monitor (groups, waves, change, checks): {t_data:.3f} s")
    print(
        f"four charts (specs as JSON):             {t_charts:.3f} s   ({sum(map(len, specs)):,} bytes)"
    )
    print(f"HTML report (charts, tables, page):      {t_report:.3f} s")
    print(
        f"data + charts + report:                  {total:.3f} s   (target < {TARGET_SECONDS:.0f} s)"
    )
    print(f"with the answers checked and scored:     {total + t_prep:.3f} s")
    print(
        f"HTML report size:                        {size / 1_000_000:.2f} MB "
        f"(target < {TARGET_BYTES / 1_000_000:.0f} MB)"
    )


if __name__ == "__main__":
    main()
