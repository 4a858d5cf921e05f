"""Altair charts: results in, ``alt.Chart`` out. Aggregated data only.

Every chart has a title, a text description (altair ``description``), a
colour-blind-safe palette, tooltips, and a table alternative carried in
``usermeta.plnlib`` (rendered under the chart in the book and reports).
"""

from plnlib.charts._base import PALETTE, register_renderer, with_table

__all__ = ["PALETTE", "register_renderer", "with_table"]
