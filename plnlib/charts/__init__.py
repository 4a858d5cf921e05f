"""Altair charts: results in, ``alt.Chart`` out. Aggregated data only.

Every chart has a title, a text description (altair ``description``), a
colour-blind-safe palette, tooltips, and a table alternative carried in
``usermeta.plnlib`` (rendered under the chart in the book and reports).
"""

from plnlib.charts.base import PALETTE, register_renderer, use_html_renderer, with_table
from plnlib.charts.checklists import distribution_chart, section_chart
from plnlib.charts.cycles import driver_diagram_chart, run_chart
from plnlib.charts.mobilisation import funnel_chart, stage_time_chart
from plnlib.charts.monitoring import diverging_chart, group_dot_chart, heatmap_chart, trend_chart
from plnlib.charts.networks import degree_chart, network_chart, school_matrix_chart
from plnlib.charts.planning import slot_heatmap, slot_ranking

__all__ = [
    "PALETTE",
    "degree_chart",
    "distribution_chart",
    "diverging_chart",
    "driver_diagram_chart",
    "funnel_chart",
    "group_dot_chart",
    "heatmap_chart",
    "network_chart",
    "register_renderer",
    "run_chart",
    "school_matrix_chart",
    "section_chart",
    "slot_heatmap",
    "slot_ranking",
    "stage_time_chart",
    "trend_chart",
    "use_html_renderer",
    "with_table",
]

# Importing plnlib.charts makes altair show charts through plnlib's renderer: each
# chart stored once, as Vega-Lite JSON (JupyterLab, VS Code, the book). In Colab it
# adds HTML by itself; in classic Jupyter Notebook call use_html_renderer().
register_renderer()
