"""Charts of a network monitored over time: answers, groups, items by groups, waves.

Every chart takes a :class:`plnlib.monitoring.Monitoring` result and carries
aggregated numbers only (never a respondent's row). Its controls are Vega-Lite
params, so they work in a static page or an emailed report with no Python
kernel: a menu chooses the group, and hovering or clicking highlights an
answer or a section. Suppressed cells carry no number in the results, so they
are left out (or drawn as grey "hidden" cells) and named in the description.

The charts live by family: :mod:`plnlib.charts.answers` (:func:`diverging_chart`),
:mod:`plnlib.charts.groups` (:func:`group_dot_chart`, :func:`heatmap_chart`) and
:mod:`plnlib.charts.waves` (:func:`trend_chart`).
"""

from plnlib.charts.answers import diverging_chart
from plnlib.charts.groups import group_dot_chart, heatmap_chart
from plnlib.charts.waves import trend_chart

__all__ = ["diverging_chart", "group_dot_chart", "heatmap_chart", "trend_chart"]
