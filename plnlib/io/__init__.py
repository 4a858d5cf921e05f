"""Every read and write of user files: CSV, XLSX, form exports, JSON, network files.

- :mod:`plnlib.io.tables`: any table a user gives (encodings, delimiters, Excel);
- :mod:`plnlib.io.files`: the one atomic writer;
- :mod:`plnlib.io.content`: the handbook's own content (checklists, scales);
- :mod:`plnlib.io.responses`: survey answers and saved answers;
- :mod:`plnlib.io.networks`: network files (edge lists, rosters, matrices).
"""

__all__: list[str] = []
