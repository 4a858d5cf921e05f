"""Networks for other tools: GEXF (Gephi) and GraphML, written with networkx's own writers.

Every person is a node with their attributes (``school``, ``role``,
``pln_member``, ...) and the measures of the report (degrees, betweenness,
k-core, community, the five Gould-Fernandez brokerage roles and the main one);
every tie of every relation and wave is an edge with ``relation``, ``wave`` and
``strength`` (also written as ``weight``, which Gephi and yEd read as the tie's
weight). People are whatever the network holds: pass the pseudonymised network
(as ``plnlib network`` does unless ``--names``) and the files hold codes only.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

from plnlib.errors import DataError
from plnlib.io.files import write_output
from plnlib.networks import Network, NetworkAnalysis
from plnlib.networks.brokerage import ROLES

__all__ = [
    "EXPORT_SUFFIXES",
    "check_export_path",
    "export_graph",
    "network_export_bytes",
    "write_network_export",
]

#: File endings and the format each means.
EXPORT_SUFFIXES: dict[str, str] = {".gexf": "gexf", ".graphml": "graphml"}

#: The measures of :class:`NetworkAnalysis` written as node attributes (when present).
NODE_MEASURES = (
    "in_degree",
    "out_degree",
    "betweenness",
    "coreness",
    "community",
    *ROLES,
    "across_schools",
)


def check_export_path(path: str | Path) -> str:
    """The format (``gexf`` or ``graphml``) a file name asks for, else a DataError.

    Examples
    --------
    >>> check_export_path("ties.GEXF")
    'gexf'
    """
    suffix = Path(path).suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise DataError(
            f"expected a file name ending in .gexf or .graphml, found '{Path(path).name}'",
            where="--export",
            fix="Name the file like network.gexf (for Gephi) or network.graphml.",
        )
    return EXPORT_SUFFIXES[suffix]


def _plain(value: object) -> str | int | float | bool | None:
    """A value the writers understand (Python scalars), or None for a missing one."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return None if math.isnan(float(value)) else float(value)
    return str(value)


def _main_role(row: pd.Series) -> str:
    counts = [int(row[r]) for r in ROLES]
    return ROLES[int(np.argmax(counts))] if max(counts) > 0 else "none"


def export_graph(net: Network, analysis: NetworkAnalysis) -> nx.MultiDiGraph:
    """The network as a networkx multigraph: one edge per tie of each relation and wave.

    ``analysis`` must be of the same network (the same people, codes or names).

    Examples
    --------
    >>> from plnlib.networks import analyse
    >>> from plnlib.samples import sample_network
    >>> net = sample_network().pseudonymise()
    >>> g = export_graph(net, analyse(net))
    >>> g.number_of_nodes(), g.number_of_edges() == len(net.edges), g.nodes["P001"]["school"]
    (38, True, 'Alder School')
    """
    people = analysis.people.set_index("node")
    if set(people.index) != set(net.node_ids):
        raise DataError(
            "expected the measures of the same people as the network, found other people",
            where="export_graph",
            fix="Analyse the network you export (pseudonymised or not, the same one).",
        )
    graph = nx.MultiDiGraph(
        relation=analysis.relation,
        wave=analysis.wave,
        people="codes" if net.pseudonymised else "names",
    )
    measures = [c for c in NODE_MEASURES if c in people.columns]
    has_roles = all(r in people.columns for r in ROLES)
    for row in net.nodes.to_dict("records"):
        node = str(row.pop("node"))
        attrs = {str(k): _plain(v) for k, v in row.items()}
        for column in measures:
            attrs[column] = _plain(people.at[node, column])
        if has_roles:
            attrs["brokerage_role"] = _main_role(people.loc[node])
        graph.add_node(node, **{k: v for k, v in attrs.items() if v is not None})
    for i, tie in enumerate(net.edges.itertuples(index=False)):
        strength = float(tie.weight)
        graph.add_edge(
            str(tie.source),
            str(tie.target),
            key=f"e{i}",
            relation=str(tie.relation),
            wave=str(tie.wave),
            strength=strength,
            weight=strength,
        )
    return graph


def network_export_bytes(graph: nx.MultiDiGraph, fmt: str) -> bytes:
    """The graph as GEXF 1.2 or GraphML bytes (UTF-8), from networkx's writers."""
    buffer = io.BytesIO()
    if fmt == "gexf":
        nx.write_gexf(graph, buffer, version="1.2draft")
    elif fmt == "graphml":
        nx.write_graphml(graph, buffer, named_key_ids=True)
    else:
        raise DataError(
            f"expected the format gexf or graphml, found {fmt!r}",
            fix="Use a file name ending in .gexf or .graphml.",
        )
    return buffer.getvalue()


def write_network_export(path: str | Path, net: Network, analysis: NetworkAnalysis) -> Path:
    """Write the network to ``path`` (``.gexf`` or ``.graphml``), all at once."""
    fmt = check_export_path(path)
    return write_output(path, network_export_bytes(export_graph(net, analysis), fmt))
