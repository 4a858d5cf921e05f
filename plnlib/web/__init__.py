"""Everything that writes static HTML: the page toolkit, worksheets and the book's extension.

- :mod:`plnlib.web.page`: chart figures and whole self-contained pages;
- :mod:`plnlib.web.worksheets`: printable worksheets and fillable checklist pages;
- :mod:`plnlib.web.sphinx`: the Sphinx extension of the book (imported by Sphinx only).
"""

from plnlib.web.page import chart_figure_html, standalone_page

__all__ = ["chart_figure_html", "standalone_page"]
