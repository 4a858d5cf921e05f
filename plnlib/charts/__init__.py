"""Altair charts: results in, ``alt.Chart`` out. Aggregated data only.

Every chart has a title, a text description (altair ``description``), a
colour-blind-safe palette, tooltips, and a table alternative carried in
``usermeta.plnlib`` (rendered under the chart in the book and reports).
"""

from plnlib.charts._base import PALETTE, register_renderer, with_table
from plnlib.charts.checklists import distribution_chart, section_chart

__all__ = ["PALETTE", "distribution_chart", "register_renderer", "section_chart", "with_table"]

# Importing plnlib.charts makes altair show charts through plnlib's renderer:
# Vega-Lite JSON (JupyterLab, the book) plus HTML (Colab, classic Jupyter).
register_renderer()
