"""Ego networks, the overlap of two relations, and change between two waves."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from plnlib.errors import DataError
from plnlib.networks.graph import Network
from plnlib.networks.metrics import require_one_layer

__all__ = [
    "ChangeResult",
    "OverlapResult",
    "ego_metrics",
    "ego_network",
    "relation_overlap",
    "wave_change",
]


def _position(net: Network, node: str) -> int:
    if node in net.index:
        return net.index[node]
    folded = {k.casefold().strip(): v for k, v in net.index.items()}
    if str(node).casefold().strip() in folded:
        return folded[str(node).casefold().strip()]
    raise DataError(
        f"expected a person in the network, found {node!r}",
        fix="Use an id from net.node_ids (codes such as P001 once pseudonymised).",
    )


def ego_network(net: Network, node: str) -> Network:
    """The person, everyone they are tied to (either direction), and the ties among them.

    Examples
    --------
    >>> import pandas as pd
    >>> from plnlib.networks import build_network
    >>> net = build_network(pd.DataFrame({"source": ["A", "B", "C"], "target": ["B", "C", "D"]}))
    >>> ego_network(net, "B").node_ids
    ('A', 'B', 'C')
    """
    ego = _position(net, node)
    arcs = net.arcs
    alters = set(arcs[arcs[:, 0] == ego, 1].tolist()) | set(arcs[arcs[:, 1] == ego, 0].tolist())
    keep = sorted(alters | {ego})
    nodes = net.nodes.iloc[keep].reset_index(drop=True)
    names = set(nodes["node"])
    edges = net.edges[net.edges["source"].isin(names) & net.edges["target"].isin(names)]
    return replace(net, nodes=nodes, edges=edges.reset_index(drop=True))


def ego_metrics(net: Network) -> pd.DataFrame:
    """Everyone's ego network in numbers, ignoring direction.

    Columns: ``node``, ``alters`` (people tied to them), ``ties_among_alters``
    (pairs of alters who are tied), ``ego_density`` (those ties out of all
    possible pairs of alters: networkx's ``clustering`` of the undirected graph).

    Examples
    --------
    >>> import pandas as pd
    >>> from plnlib.networks import build_network
    >>> net = build_network(pd.DataFrame({"source": ["A", "A", "B", "A"], "target": ["B", "C", "C", "D"]}))
    >>> ego_metrics(net).to_dict("list")["ties_among_alters"]
    [1, 1, 1, 0]
    """
    require_one_layer(net, "ego networks")
    n = len(net.nodes)
    if n == 0:
        return pd.DataFrame(columns=["node", "alters", "ties_among_alters", "ego_density"])
    undirected = net.undirected
    alters = np.asarray(undirected.degree(), dtype=np.int64)
    density = np.asarray(undirected.transitivity_local_undirected(mode="zero"), dtype=float)
    pairs = alters * (alters - 1) // 2
    return pd.DataFrame(
        {
            "node": net.nodes["node"].to_numpy(dtype=object),
            "alters": alters.astype(int),
            "ties_among_alters": np.rint(density * pairs).astype(int),
            "ego_density": np.where(pairs > 0, density, np.nan),
        }
    )


def _tie_codes(net: Network) -> np.ndarray:
    return net.arcs[:, 0] * len(net.nodes) + net.arcs[:, 1]


@dataclass(frozen=True)
class OverlapResult:
    """How far two relations (e.g. advice and information) use the same ties.

    Attributes
    ----------
    first, second
        The two relations.
    both, only_first, only_second
        Directed ties in both relations, only in the first, only in the second.
    jaccard
        ``both / (both + only_first + only_second)``: 1 = the same ties.
    """

    first: str
    second: str
    both: int
    only_first: int
    only_second: int
    jaccard: float

    def to_frame(self) -> pd.DataFrame:
        """The counts as a table (``ties``, ``count``)."""
        return pd.DataFrame(
            {
                "ties": [
                    f"in both {self.first} and {self.second}",
                    f"{self.first} only",
                    f"{self.second} only",
                ],
                "count": [self.both, self.only_first, self.only_second],
            }
        )


def _overlap(a: np.ndarray, b: np.ndarray) -> tuple[int, int, int, float]:
    both = int(np.isin(a, b, assume_unique=True).sum())
    union = len(a) + len(b) - both
    return both, len(a) - both, len(b) - both, (both / union if union else math.nan)


def relation_overlap(
    net: Network, first: str, second: str, *, wave: str | int | None = None
) -> OverlapResult:
    """Compare the ties of two relations among the same people.

    Examples
    --------
    >>> import pandas as pd
    >>> from plnlib.networks import build_network
    >>> ties = pd.DataFrame({"source": ["A", "A", "B"], "target": ["B", "B", "C"],
    ...                      "relation": ["advice", "information", "information"]})
    >>> r = relation_overlap(build_network(ties), "advice", "information")
    >>> r.both, r.only_first, r.only_second, r.jaccard
    (1, 0, 1, 0.5)
    """
    layer = net if wave is None else net.select(wave=wave)
    a, b = layer.select(first), layer.select(second)
    for side in (a, b):
        require_one_layer(side, "the overlap of two relations")
    return OverlapResult(
        a.relations[0] if a.relations else first,
        b.relations[0] if b.relations else second,
        *_overlap(_tie_codes(a), _tie_codes(b)),
    )


@dataclass(frozen=True)
class ChangeResult:
    """Ties kept, gained and lost between two waves of one relation.

    Attributes
    ----------
    before, after
        The two waves.
    kept, gained, lost
        Directed ties in both waves, only in the later, only in the earlier.
    stability
        ``kept / (kept + gained + lost)`` (Jaccard): 1 = nothing changed.
    people
        Per person: ``node``, ``in_degree_before``, ``in_degree_after``,
        ``in_degree_change``, ``ties_gained``, ``ties_lost`` (ties in either
        direction that appeared or disappeared).
    """

    before: str
    after: str
    kept: int
    gained: int
    lost: int
    stability: float
    people: pd.DataFrame


def wave_change(
    net: Network, before: str | int, after: str | int, *, relation: str | None = None
) -> ChangeResult:
    """Compare two waves of one relation: who gained and who lost ties.

    Examples
    --------
    >>> import pandas as pd
    >>> from plnlib.networks import build_network
    >>> ties = pd.DataFrame({"source": ["A", "A", "C"], "target": ["B", "B", "B"],
    ...                      "wave": [1, 2, 2]})
    >>> r = wave_change(build_network(ties), 1, 2)
    >>> r.kept, r.gained, r.lost, r.stability
    (1, 1, 0, 0.5)
    >>> int(r.people.set_index("node").loc["B", "in_degree_change"])
    1
    """
    layer = net if relation is None else net.select(relation)
    one, two = layer.select(wave=before), layer.select(wave=after)
    for side in (one, two):
        require_one_layer(side, "change between waves")
    n = len(net.nodes)
    a, b = _tie_codes(one), _tie_codes(two)
    kept, lost, gained, stability = _overlap(a, b)
    lost_codes = a[~np.isin(a, b, assume_unique=True)]
    gained_codes = b[~np.isin(b, a, assume_unique=True)]

    def incident(codes: np.ndarray) -> np.ndarray:
        return np.bincount(np.concatenate([codes // n, codes % n]), minlength=n)

    before_in = np.bincount(one.arcs[:, 1], minlength=n)
    after_in = np.bincount(two.arcs[:, 1], minlength=n)
    people = pd.DataFrame(
        {
            "node": net.nodes["node"].to_numpy(dtype=object),
            "in_degree_before": before_in.astype(int),
            "in_degree_after": after_in.astype(int),
            "in_degree_change": (after_in - before_in).astype(int),
            "ties_gained": incident(gained_codes).astype(int),
            "ties_lost": incident(lost_codes).astype(int),
        }
    )
    return ChangeResult(str(before), str(after), kept, gained, lost, stability, people)
