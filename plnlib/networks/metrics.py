"""Whole-network and per-person measures of one relation in one wave.

Every function takes a :class:`~plnlib.networks.Network` holding one relation
and one wave (use :meth:`Network.select` first) and treats it as a simple
directed graph: a tie ``a -> b`` means *a goes to b*. Ties are counted, not
weighted (use ``select(min_weight=...)`` to keep strong ties only).

The computations run on python-igraph; the tests check every value against
networkx.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

import numpy as np
import pandas as pd

from plnlib.errors import DataError
from plnlib.networks.graph import Network

__all__ = [
    "NetworkSummary",
    "betweenness",
    "coreness",
    "node_metrics",
    "require_one_layer",
    "summary",
]


def require_one_layer(net: Network, what: str = "this measure") -> None:
    """Raise :class:`DataError` unless ``net`` holds one relation and one wave.

    Examples
    --------
    >>> import pandas as pd
    >>> from plnlib.networks import build_network
    >>> net = build_network(pd.DataFrame({"source": ["A", "B"], "target": ["B", "A"],
    ...                                   "relation": ["advice", "information"]}))
    >>> require_one_layer(net)
    Traceback (most recent call last):
    ...
    plnlib.errors.DataError: Expected one relation for this measure, found 2 (advice, information). Choose one first, e.g. net.select(relation='advice').
    """
    for kind, values in (("relation", net.relations), ("wave", net.waves)):
        if len(values) > 1:
            raise DataError(
                f"expected one {kind} for {what}, found {len(values)} ({', '.join(values)})",
                fix=f"Choose one first, e.g. net.select({kind}={values[0]!r}).",
            )


@dataclass(frozen=True)
class NetworkSummary:
    """Whole-network measures of one relation.

    Attributes
    ----------
    people, ties
        Number of people and of distinct directed ties.
    density
        Ties present out of all possible directed ties, ``ties / (n (n - 1))``.
    reciprocity
        Share of ties that are returned (``a -> b`` and ``b -> a``).
    mutual_pairs
        Pairs of people who go to each other.
    weak_components, strong_components
        Groups of people connected ignoring direction / following direction
        (an isolate is a component of its own).
    largest_component
        People in the largest weak component.
    isolates
        People with no tie at all.
    """

    people: int
    ties: int
    density: float
    reciprocity: float
    mutual_pairs: int
    weak_components: int
    strong_components: int
    largest_component: int
    isolates: tuple[str, ...]

    def to_frame(self) -> pd.DataFrame:
        """Measure, value and meaning, one row each (isolates as a count)."""
        rows = [
            ("people", self.people, "people in the network"),
            ("ties", self.ties, "distinct directed ties (a goes to b)"),
            ("density", self.density, "share of all possible ties that are present"),
            ("reciprocity", self.reciprocity, "share of ties that are returned"),
            ("mutual pairs", self.mutual_pairs, "pairs who go to each other"),
            ("components", self.weak_components, "connected groups, ignoring direction"),
            ("strong components", self.strong_components, "groups connected both ways"),
            ("largest component", self.largest_component, "people in the largest group"),
            ("isolates", len(self.isolates), "people with no tie in this relation"),
        ]
        return pd.DataFrame(rows, columns=["measure", "value", "meaning"], dtype=object)


def summary(net: Network) -> NetworkSummary:
    """Size, density, reciprocity, components and isolates.

    Examples
    --------
    >>> import pandas as pd
    >>> from plnlib.networks import build_network
    >>> net = build_network(pd.DataFrame({"source": ["A", "B", "B"], "target": ["B", "A", "C"]}),
    ...                     pd.DataFrame({"id": ["A", "B", "C", "D"]}))
    >>> s = summary(net)
    >>> s.people, s.ties, round(s.density, 3), round(s.reciprocity, 3), s.isolates
    (4, 3, 0.25, 0.667, ('D',))
    """
    require_one_layer(net, "the summary")
    n, arcs = len(net.nodes), net.arcs
    m = len(arcs)
    codes = arcs[:, 0] * n + arcs[:, 1]
    mutual = int(np.isin(arcs[:, 1] * n + arcs[:, 0], codes, assume_unique=True).sum())
    degree = np.bincount(arcs.ravel(), minlength=n) if n else np.zeros(0, dtype=int)
    graph = net.igraph
    weak = graph.connected_components(mode="weak") if n else []
    return NetworkSummary(
        people=n,
        ties=m,
        density=m / (n * (n - 1)) if n > 1 else 0.0,
        reciprocity=mutual / m if m else math.nan,
        mutual_pairs=mutual // 2,
        weak_components=len(weak),
        strong_components=len(graph.connected_components(mode="strong")) if n else 0,
        largest_component=max((len(c) for c in weak), default=0),
        isolates=tuple(net.nodes["node"][degree == 0]),
    )


def betweenness(net: Network, *, workers: int | None = None) -> np.ndarray:
    """Directed betweenness of each person (in node order), normalised by ``(n-1)(n-2)``.

    The share of shortest paths between two other people that run through
    this person: a broker's measure. Equals networkx's
    ``betweenness_centrality(G, normalized=True)``.

    Exact betweenness takes time in proportion to people times ties. For large
    networks (above 20 million people-times-ties) the work is shared between
    ``workers`` processes: by default one per processor (at most 8) when the
    operating system can fork and the program runs a single thread (scripts and
    the command line, not notebook kernels); ``workers=1`` never starts a
    process. Results are the same either way.

    Examples
    --------
    >>> import pandas as pd
    >>> from plnlib.networks import build_network
    >>> net = build_network(pd.DataFrame({"source": ["A", "B"], "target": ["B", "C"]}))
    >>> betweenness(net).tolist()
    [0.0, 0.5, 0.0]
    """
    if workers is not None and (not isinstance(workers, int) or workers < 1):
        raise DataError(
            f"expected a number of workers of 1 or more, found {workers!r}",
            fix="Use workers=1 to compute in this process, or leave it out.",
        )
    return net.memo("betweenness", lambda: _betweenness(net, workers)).copy()


_PARALLEL_WORK = 20_000_000  # people x ties above which betweenness is shared out


def _partial_betweenness(job: tuple[np.ndarray, int, np.ndarray]) -> np.ndarray:
    """Betweenness summed over the shortest paths from some sources (runs in a worker)."""
    import igraph

    arcs, n, sources = job
    graph = igraph.Graph(n=n, edges=arcs, directed=True)
    return np.asarray(graph.betweenness(directed=True, sources=sources.tolist()), dtype=float)


def _betweenness(net: Network, workers: int | None) -> np.ndarray:
    n, arcs = len(net.nodes), net.arcs
    if n < 3 or len(arcs) == 0:
        return np.zeros(n)
    if workers is None:
        # only where forking is safe: a single-threaded process (not a notebook kernel)
        fork = "fork" in multiprocessing.get_all_start_methods()
        alone = threading.active_count() == 1
        big = n * len(arcs) >= _PARALLEL_WORK
        workers = min(os.cpu_count() or 1, 8) if fork and alone and big else 1
    raw = None
    if workers > 1:
        # sources with ties going out, dealt round-robin so each worker gets a similar load
        sources = np.flatnonzero(np.bincount(arcs[:, 0], minlength=n))
        jobs = [(arcs, n, sources[i::workers]) for i in range(workers)]
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        try:
            context = multiprocessing.get_context(method)
            with ProcessPoolExecutor(workers, mp_context=context) as pool:
                raw = np.sum(list(pool.map(_partial_betweenness, jobs)), axis=0)
        except (OSError, RuntimeError, BrokenProcessPool):
            raw = None  # no processes allowed here: compute in this process instead
    if raw is None:
        raw = np.asarray(net.igraph.betweenness(directed=True), dtype=float)
    return raw / ((n - 1) * (n - 2))


def coreness(net: Network) -> np.ndarray:
    """k-core number of each person, ignoring direction (networkx ``core_number``).

    A person with coreness *k* belongs to a group in which everyone has ties
    with at least *k* others of the group.

    Examples
    --------
    >>> import pandas as pd
    >>> from plnlib.networks import build_network
    >>> ties = pd.DataFrame({"source": ["A", "B", "C", "C"], "target": ["B", "C", "A", "D"]})
    >>> coreness(build_network(ties)).tolist()
    [2, 2, 2, 1]
    """
    if len(net.nodes) == 0:
        return np.zeros(0, dtype=int)
    undirected = net.undirected
    return np.asarray(undirected.coreness(), dtype=int)


def node_metrics(net: Network) -> pd.DataFrame:
    """One row per person: attributes and measures.

    Columns: ``node``, the person's attributes, ``in_degree`` (colleagues who
    come to them), ``out_degree`` (colleagues they go to), ``betweenness``
    (normalised, directed), ``coreness`` (k-core, ignoring direction),
    ``component`` (1 = the largest connected group, ignoring direction).

    Examples
    --------
    >>> import pandas as pd
    >>> from plnlib.networks import build_network
    >>> net = build_network(pd.DataFrame({"source": ["A", "C"], "target": ["B", "B"]}))
    >>> node_metrics(net)[["node", "in_degree", "out_degree"]].to_dict("list")
    {'node': ['A', 'B', 'C'], 'in_degree': [0, 2, 0], 'out_degree': [1, 0, 1]}
    """
    require_one_layer(net, "person measures")
    n, arcs = len(net.nodes), net.arcs
    out = net.nodes.copy()
    out["in_degree"] = np.bincount(arcs[:, 1], minlength=n).astype(int)
    out["out_degree"] = np.bincount(arcs[:, 0], minlength=n).astype(int)
    out["betweenness"] = betweenness(net)
    out["coreness"] = coreness(net)
    out["component"] = _component_numbers(net)
    return out


def _component_numbers(net: Network) -> np.ndarray:
    n = len(net.nodes)
    if n == 0:
        return np.zeros(0, dtype=int)
    membership = np.asarray(net.igraph.connected_components(mode="weak").membership)
    sizes = np.bincount(membership)
    first = np.full(len(sizes), n)
    np.minimum.at(first, membership, np.arange(n))
    order = sorted(range(len(sizes)), key=lambda c: (-sizes[c], first[c]))
    rank = np.empty(len(sizes), dtype=int)
    rank[order] = np.arange(1, len(sizes) + 1)
    return rank[membership]
