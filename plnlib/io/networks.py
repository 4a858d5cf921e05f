"""Read network files: edge lists, roster survey exports, adjacency matrices, people.

Every reader returns a tie table (``source``, ``target``, optional ``weight``,
``relation``, and ``row``: the row of the file the tie came from) that
:func:`plnlib.networks.build_network` turns into a network. Names are matched
ignoring case and surrounding spaces; problems are reported with the file,
row and column they are in.

Formats (CSV in any common encoding and delimiter, or XLSX):

- **edge list**: ``source,target`` plus optional ``weight`` or ``frequency``,
  ``relation``, ``wave``;
- **roster, names**: one row per respondent, then columns naming the
  colleagues chosen (``Colleague 1``, ``Colleague 2``, ... or one cell with
  several names separated by ``;``);
- **roster, frequencies**: one row per respondent and one column per
  colleague, holding how often they go to them (a number, or a word such as
  ``weekly``; blank or ``never`` = no tie);
- **roster, Google Forms grid**: one row per respondent and one column per
  colleague named ``Question [Colleague]``, holding how often (a
  multiple-choice grid) or the relations ticked (a checkbox grid, "Advice,
  Ideas"); several grid questions each become a relation
  (:mod:`plnlib.io.networks_grid`);
- **matrix**: a square table, people down the first column and across the
  header, a number in each cell (0 or blank = no tie);
- **nodes**: one row per person, an ``id`` (or ``name``) column, then
  attributes such as ``school``, ``role``, ``pln_member``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from plnlib.errors import DataError
from plnlib.io.files import write_output
from plnlib.io.networks_grid import grid_ties, is_grid
from plnlib.io.networks_rosters import (
    SOURCE_COLUMNS,
    TARGET_COLUMNS,
    detect_format,
    matrix_ties,
    read_matrix,
    read_roster,
    roster_ties,
)
from plnlib.io.tables import read_table
from plnlib.networks import Network, build_network
from plnlib.networks.clean import column_key
from plnlib.pseudonyms import normalise_name

__all__ = [
    "FORMATS",
    "detect_format",
    "load_network",
    "read_edge_list",
    "read_matrix",
    "read_nodes",
    "read_roster",
    "read_ties",
    "write_metrics_csv",
    "write_report",
]

#: The tie formats :func:`read_ties` understands.
FORMATS = ("auto", "edges", "roster", "matrix")


#: File names of the synthetic sample in ``plnlib/samples``: (people, ties).
def read_nodes(path: str | Path) -> pd.DataFrame:
    """Read a people file (CSV or XLSX) as a table of text.

    Raises
    ------
    DataError
        If the file cannot be read as a table.
    """
    return read_table(path)


def read_edge_list(path: str | Path) -> pd.DataFrame:
    """Read an edge list and add the ``row`` each tie is on.

    Raises
    ------
    DataError
        If there are no source and target columns.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "ties.csv").write_text("Source;Target\\nAnn;Ben\\n")
    >>> read_edge_list(folder / "ties.csv").to_dict("records")
    [{'Source': 'Ann', 'Target': 'Ben', 'row': 2}]
    """
    frame = read_table(path)
    keys = {column_key(c) for c in frame.columns}
    if not (keys & SOURCE_COLUMNS and keys & TARGET_COLUMNS):
        raise DataError(
            f"expected columns 'source' and 'target' (who goes to whom), found {list(frame.columns)}",
            where=str(path),
            fix="Name the first two columns source and target, or choose the roster or "
            "matrix format.",
        )
    frame["row"] = range(2, len(frame) + 2)
    return frame


def read_ties(
    path: str | Path,
    *,
    format: str = "auto",
    relation: str = "advice",
    respondent: str | None = None,
    known: set[str] | None = None,
    school: str | None = None,
    grid_cells: str = "auto",
) -> pd.DataFrame:
    """Read ties from an edge list, roster or matrix file (``format="auto"`` guesses).

    A Google Forms grid (read as a roster) carries its respondents' people table
    in ``attrs["people"]`` and what was read in ``attrs["notes"]``; ``school``
    and ``grid_cells`` are for it (see :func:`plnlib.io.networks_grid.grid_ties`).

    Raises
    ------
    DataError
        If the file cannot be read or the format is unknown.
    """
    if format not in FORMATS:
        raise DataError(
            f"expected a format of {', '.join(FORMATS)}, found {format!r}",
            fix="Choose edges, roster, matrix, or auto to let plnlib tell.",
        )
    frame = read_table(path)
    where = str(path)
    kind = detect_format(frame, known=known) if format == "auto" else format
    if kind == "edges":
        return read_edge_list(path)
    if kind == "matrix":
        return matrix_ties(frame, where, relation)
    if kind in ("roster", "roster-grid") and is_grid(frame):
        return grid_ties(
            frame, where, respondent=respondent, school=school, relation=relation, cells=grid_cells
        )
    roster_kind = {"roster-frequency": "frequency", "roster-names": "names"}.get(kind, "auto")
    return roster_ties(frame, where, respondent, relation, roster_kind, known or set())


def load_network(
    edges: str | Path,
    nodes: str | Path | None = None,
    *,
    format: str = "auto",
    relation: str = "advice",
    id_column: str | None = None,
    respondent: str | None = None,
    self_ties: str = "drop",
    duplicates: str = "merge",
    unknown: str = "add",
    school: str | None = None,
    grid_cells: str = "auto",
    notes: list[str] | None = None,
) -> Network:
    """Read a tie file and an optional people file into a :class:`~plnlib.networks.Network`.

    See :func:`plnlib.networks.build_network` for ``self_ties``,
    ``duplicates`` and ``unknown``; everything found is in ``net.report``.
    A Google Forms grid's respondents (with their school and role) are the
    people when no people file is given; what was read is added to ``notes``.

    Raises
    ------
    DataError
        With the file, row and column of any problem that stops reading.
    """
    people = read_nodes(nodes) if nodes is not None else None
    known: set[str] = set()
    if people is not None:
        for column in people.columns:
            if column_key(column) in ("id", "name", "node", "person"):
                known |= {normalise_name(v) for v in people[column].dropna()}
    ties = read_ties(
        edges,
        format=format,
        relation=relation,
        respondent=respondent,
        known=known,
        school=school,
        grid_cells=grid_cells,
    )
    if "people" in ties.attrs:
        if notes is not None:
            notes.extend(ties.attrs["notes"])
        if people is None:
            people = ties.attrs["people"]
        elif notes is not None:
            notes.append("the people (and their schools) come from the people file")
    return build_network(
        ties,
        people,
        id_column=id_column,
        relation=relation,
        self_ties=self_ties,
        duplicates=duplicates,
        unknown=unknown,
        edges_name=Path(edges).name,
        nodes_name=Path(nodes).name if nodes is not None else "nodes",
    )


def write_metrics_csv(path: str | Path, metrics: pd.DataFrame) -> Path:
    """Write per-person measures as CSV with :func:`plnlib.io.files.write_output`."""
    return write_output(path, metrics, suffixes=(".csv",))


def write_report(path: str | Path, html: str) -> Path:
    """Write an HTML report with :func:`plnlib.io.files.write_output` (see also
    :func:`plnlib.report.networks.write_network_report`)."""
    return write_output(path, html, suffixes=(".html",))
