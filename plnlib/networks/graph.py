"""The :class:`Network`: people, directed ties, and a record of how the data was cleaned.

A tie ``source -> target`` means *source goes to target* (for advice, for
information, ...), as in the survey question "Whom do you go to for advice?".
So a person's **in-degree** counts the colleagues who come to them and their
**out-degree** the colleagues they go to.

:func:`build_network` matches names ignoring case and surrounding spaces, and
reports every name missing from the nodes file, every self-tie, every
duplicate tie, blank cell and zero-strength tie, with the rows they are on.
Nothing is dropped silently: each is handled as the user chooses and listed in
:attr:`Network.report`.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from plnlib.errors import DataError
from plnlib.networks.clean import (
    Issue,
    clean_edges,
    clean_nodes,
    edge_endpoints,
    natural_sort,
)
from plnlib.pseudonyms import apply_pseudonyms, pseudonym_codes

if TYPE_CHECKING:  # pragma: no cover
    import igraph
    import networkx

__all__ = ["BuildReport", "Issue", "Network", "build_network", "seeded_igraph"]


@contextmanager
def seeded_igraph(seed: int) -> Iterator[None]:
    """Within the block, igraph draws random numbers from ``random.Random(seed)``.

    igraph's layouts and community detection are random; this makes them
    repeatable. igraph's usual generator (Python's ``random``) is restored after.

    Examples
    --------
    >>> import igraph
    >>> with seeded_igraph(3):
    ...     a = igraph.Graph.Erdos_Renyi(n=6, m=5).get_edgelist()
    >>> with seeded_igraph(3):
    ...     b = igraph.Graph.Erdos_Renyi(n=6, m=5).get_edgelist()
    >>> a == b
    True
    """
    import igraph

    igraph.set_random_number_generator(random.Random(seed))
    try:
        yield
    finally:
        igraph.set_random_number_generator(random)


@dataclass(frozen=True)
class BuildReport:
    """Everything :func:`build_network` found and did, for the user to check.

    Examples
    --------
    >>> import pandas as pd
    >>> net = build_network(pd.DataFrame({"source": ["A", "A", "B"], "target": ["A", "B", "A"]}))
    >>> [i.kind for i in net.report.issues]
    ['self-tie']
    >>> net.report.to_frame().loc[0, "rows"]
    '2'
    """

    issues: tuple[Issue, ...] = ()

    @property
    def clean(self) -> bool:
        """True when nothing needed handling (spelling variants aside)."""
        return all(i.kind == "spelling variants" for i in self.issues)

    def to_frame(self) -> pd.DataFrame:
        """One row per issue: kind, people, rows, count, action."""
        return pd.DataFrame(
            {
                "issue": [i.kind for i in self.issues],
                "people": ["; ".join(i.people) for i in self.issues],
                "rows": [", ".join(map(str, i.rows)) for i in self.issues],
                "count": [max(len(i.rows), 1) for i in self.issues],
                "action": [i.action for i in self.issues],
            },
            columns=["issue", "people", "rows", "count", "action"],
        )

    def _renamed(self, codes: dict[str, str]) -> BuildReport:
        return BuildReport(
            tuple(
                replace(i, people=tuple(codes.get(p, "(not in the network)") for p in i.people))
                for i in self.issues
            )
        )


@dataclass(frozen=True, eq=False)
class Network:
    """People (``nodes``) and directed ties (``edges``) with the cleaning report.

    Build one with :func:`build_network` (or ``plnlib.io.networks.load_network``).

    Attributes
    ----------
    nodes
        One row per person: ``node`` (identifier or code), then attributes such
        as ``school``, ``role``, ``pln_member`` (boolean).
    edges
        One row per tie: ``source``, ``target``, ``weight`` (tie strength, 1 when
        not given), ``relation``, ``wave`` (``""`` when not given).
    report
        What was found and done while building.
    pseudonymised
        True once names have been replaced by codes.
    """

    nodes: pd.DataFrame
    edges: pd.DataFrame
    report: BuildReport = field(default_factory=BuildReport)
    pseudonymised: bool = False
    _memo: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """Return ``compute()``, computed once per network (results are never mutated)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    @property
    def node_ids(self) -> tuple[str, ...]:
        """The people, in order."""
        return tuple(self.nodes["node"])

    @cached_property
    def relations(self) -> tuple[str, ...]:
        """The relations present (e.g. ``('advice', 'information')``)."""
        return tuple(natural_sort(self.edges["relation"].unique()))

    @cached_property
    def waves(self) -> tuple[str, ...]:
        """The waves present, in natural order (``('',)`` when no wave was given)."""
        return tuple(natural_sort(self.edges["wave"].unique()))

    def __repr__(self) -> str:
        return (
            f"Network({len(self.nodes)} people, {len(self.edges)} ties, "
            f"relations={list(self.relations)}, waves={[w for w in self.waves if w]}"
            f"{', pseudonymised' if self.pseudonymised else ''})"
        )

    def select(
        self,
        relation: str | None = None,
        wave: str | int | None = None,
        *,
        min_weight: float | None = None,
    ) -> Network:
        """Return the network restricted to one relation, one wave, or strong ties.

        Every person is kept (people without ties in the selection become isolates).

        Raises
        ------
        DataError
            If the relation or wave is not in the data.

        Examples
        --------
        >>> import pandas as pd
        >>> net = build_network(pd.DataFrame({"source": ["A", "B"], "target": ["B", "C"],
        ...                                   "relation": ["advice", "information"]}))
        >>> net.select("advice")
        Network(3 people, 1 ties, relations=['advice'], waves=[])
        """
        edges = self.edges
        if relation is not None:
            relation = str(relation).strip()
            match = [r for r in self.relations if r.casefold() == relation.casefold()]
            if not match:
                raise DataError(
                    f"expected one of the relations {list(self.relations)}, found {relation!r}",
                    fix="Choose a relation that is in the 'relation' column of the ties.",
                )
            edges = edges[edges["relation"] == match[0]]
        if wave is not None:
            wave = str(wave).strip()
            if wave not in self.waves:
                raise DataError(
                    f"expected one of the waves {[w for w in self.waves if w]}, found {wave!r}",
                    fix="Choose a wave that is in the 'wave' column of the ties.",
                )
            edges = edges[edges["wave"] == wave]
        if min_weight is not None:
            edges = edges[edges["weight"] >= float(min_weight)]
        return replace(self, edges=edges.reset_index(drop=True))

    def pseudonymise(self, *, key: str | bytes | None = None, method: str = "order") -> Network:
        """Return the network with people replaced by stable codes.

        Columns that identify people (name, email, ...) are dropped from the
        nodes; see :mod:`plnlib.pseudonyms` for how codes are made.

        Examples
        --------
        >>> import pandas as pd
        >>> net = build_network(pd.DataFrame({"source": ["Anna"], "target": ["Ben"]}))
        >>> sorted(net.pseudonymise().node_ids)
        ['P001', 'P002']
        """
        if self.pseudonymised:
            return self
        codes = pseudonym_codes(self.node_ids, key=key, method=method)
        nodes = apply_pseudonyms(self.nodes, codes, columns=["node"])
        edges = apply_pseudonyms(self.edges, codes, columns=["source", "target"])
        order = np.argsort(nodes["node"].to_numpy(dtype=object), kind="stable")
        return Network(
            nodes=nodes.iloc[order].reset_index(drop=True),
            edges=edges.sort_values(["relation", "wave", "source", "target"]).reset_index(
                drop=True
            ),
            report=self.report._renamed(codes),
            pseudonymised=True,
        )

    @cached_property
    def index(self) -> dict[str, int]:
        """Position of each person in :attr:`nodes`."""
        return {node: i for i, node in enumerate(self.nodes["node"])}

    @cached_property
    def arcs(self) -> np.ndarray:
        """The distinct directed ties as an ``(m, 2)`` array of node positions, sorted.

        Ties in several relations or waves count once here.
        """
        if self.edges.empty:
            return np.zeros((0, 2), dtype=np.int64)
        idx = pd.Index(self.nodes["node"])
        src = idx.get_indexer(self.edges["source"])
        dst = idx.get_indexer(self.edges["target"])
        codes = np.unique(src.astype(np.int64) * len(idx) + dst)
        return np.column_stack([codes // len(idx), codes % len(idx)])

    @cached_property
    def igraph(self) -> igraph.Graph:
        """The network as a simple directed :class:`igraph.Graph` (vertex ``i`` = row ``i``)."""
        import igraph

        return igraph.Graph(n=len(self.nodes), edges=self.arcs, directed=True)

    @cached_property
    def undirected(self) -> igraph.Graph:
        """The network ignoring direction: a simple undirected :class:`igraph.Graph`."""
        return self.igraph.as_undirected(mode="collapse")

    def to_networkx(self) -> networkx.DiGraph:
        """The network as a :class:`networkx.DiGraph` with node attributes.

        Examples
        --------
        >>> import pandas as pd
        >>> build_network(pd.DataFrame({"source": ["A"], "target": ["B"]})).to_networkx().edges
        OutEdgeView([('A', 'B')])
        """
        import networkx as nx

        graph = nx.DiGraph()
        for row in self.nodes.to_dict("records"):
            node = row.pop("node")
            graph.add_node(node, **{k: v for k, v in row.items() if not pd.isna(v)})
        ids = self.nodes["node"].to_numpy(dtype=object)
        graph.add_edges_from(zip(ids[self.arcs[:, 0]], ids[self.arcs[:, 1]], strict=True))
        return graph


def build_network(
    edges: pd.DataFrame,
    nodes: pd.DataFrame | None = None,
    *,
    id_column: str | None = None,
    relation: str = "advice",
    self_ties: str = "drop",
    duplicates: str = "merge",
    unknown: str = "add",
    edges_name: str = "edges",
    nodes_name: str = "nodes",
) -> Network:
    """Build a :class:`Network` from a table of ties and an optional table of people.

    Parameters
    ----------
    edges
        Columns ``source`` and ``target`` (names or ids), optional ``weight``
        (or ``frequency``: numbers, or words such as "weekly"), ``relation``
        ``wave`` and ``row`` (the file row of each tie, for messages; by default
        the table's row as in a spreadsheet, header = row 1). Column names are
        matched ignoring case and spaces.
    nodes
        One row per person; the identifier column is ``id_column`` or the first
        of ``id``, ``node``, ``name``, ``person``. Other columns are attributes
        (``school``, ``role``, ``pln_member`` = yes/no, ...).
    relation
        The relation name when ``edges`` has no ``relation`` column.
    self_ties
        ``"drop"`` (reported) or ``"error"``.
    duplicates
        The same tie twice in one relation and wave: ``"merge"`` (one tie, the
        strongest weight), ``"sum"`` (one tie, weights added) or ``"error"``.
    unknown
        Names in ``edges`` that are not in ``nodes``: ``"add"`` (as people
        without attributes), ``"drop"`` (their ties are left out) or ``"error"``.
    edges_name, nodes_name
        How to name the tables in messages (e.g. their file names).

    Raises
    ------
    DataError
        For missing columns, unreadable weights, repeated people in ``nodes``,
        or a problem whose handling is ``"error"``.

    Examples
    --------
    >>> import pandas as pd
    >>> ties = pd.DataFrame({"source": [" anna", "Ben", "ANNA "], "target": ["Ben", "Anna", "ben"]})
    >>> net = build_network(ties)
    >>> net.node_ids, len(net.edges)
    (('anna', 'Ben'), 2)
    >>> [i.kind for i in net.report.issues]
    ['duplicate tie', 'spelling variants']
    """
    if not isinstance(edges, pd.DataFrame):
        raise DataError(
            f"expected a table (DataFrame) of ties, found {type(edges).__name__}",
            where=edges_name,
        )
    node_table, known = clean_nodes(
        nodes, id_column=id_column, endpoints=edge_endpoints(edges), where=nodes_name
    )
    tie_table, issues, extra = clean_edges(
        edges,
        known,
        relation=relation,
        self_ties=self_ties,
        duplicates=duplicates,
        unknown=unknown,
        where=edges_name,
        nodes_where=nodes_name,
    )
    if extra:
        added = pd.DataFrame({"node": extra})
        node_table = pd.concat([node_table, added], ignore_index=True)
        if "pln_member" in node_table.columns:
            node_table["pln_member"] = node_table["pln_member"].astype("boolean")
    return Network(nodes=node_table, edges=tie_table, report=BuildReport(tuple(issues)))
