"""Everything that writes static HTML: the page toolkit, worksheets and the book's extension.

- :mod:`plnlib.web.page`: chart figures, the report page and whole self-contained pages
  (one stylesheet, print styles included);
- :mod:`plnlib.web.blocks`: the HTML pieces of every report (tables, sections, contents,
  banner, notes); :mod:`plnlib.web.markdown`: the same pieces in Markdown;
  :mod:`plnlib.web.cells`: how a table cell reads in both;
- :mod:`plnlib.web.worksheets`: printable worksheets and fillable checklist pages;
- :mod:`plnlib.web.planning`: the planning tools' one-page results;
  :mod:`plnlib.web.planning_sheets`: their printable sheets;
  :mod:`plnlib.web.planning_tools`: the tools that run in the book's pages;
- :mod:`plnlib.web.sphinx`: the Sphinx extension of the book (imported by Sphinx only).
"""

from plnlib.web.page import chart_figure_html, report_page, standalone_page

__all__ = ["chart_figure_html", "report_page", "standalone_page"]
