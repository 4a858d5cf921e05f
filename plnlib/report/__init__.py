"""Standalone reports (self-contained pages that open offline), built from :mod:`plnlib.web`.

- :mod:`plnlib.report.monitoring`: the monitoring report (HTML, Markdown, numbers CSV),
  with its words in :mod:`plnlib.report.monitoring_text` and its tables in
  :mod:`plnlib.report.monitoring_tables`;
- :mod:`plnlib.report.networks`: the advice-network report.
"""

__all__: list[str] = []
