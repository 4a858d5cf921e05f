"""Groups in a network: E-I index by an attribute, communities, core and periphery."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from plnlib.errors import DataError
from plnlib.networks.graph import Network, seeded_igraph
from plnlib.networks.metrics import coreness, require_one_layer

__all__ = [
    "CommunityResult",
    "EIResult",
    "communities",
    "core_periphery",
    "ei_index",
    "group_codes",
    "modularity",
]


def group_codes(net: Network, attribute: str) -> tuple[np.ndarray, list[str]]:
    """Each person's group as an integer (-1 when blank) and the group names.

    Raises
    ------
    DataError
        If the people have no such attribute.

    Examples
    --------
    >>> import pandas as pd
    >>> from plnlib.networks import build_network
    >>> net = build_network(pd.DataFrame({"source": ["A"], "target": ["B"]}),
    ...                     pd.DataFrame({"id": ["A", "B", "C"], "school": ["X", "Y", None]}))
    >>> codes, names = group_codes(net, "school")
    >>> codes.tolist(), names
    ([0, 1, -1], ['X', 'Y'])
    """
    if attribute not in net.nodes.columns or attribute == "node":
        options = [c for c in net.nodes.columns if c != "node"]
        raise DataError(
            f"expected the people to have an attribute {attribute!r}, found "
            f"{options if options else 'no attributes'}",
            where="nodes",
            fix="Load a nodes file with that column, or choose one of the columns listed.",
        )
    return net.memo(f"groups:{attribute}", lambda: _group_codes(net.nodes[attribute]))


def _group_codes(values: pd.Series) -> tuple[np.ndarray, list[str]]:
    text = (
        values.astype(object)
        .where(values.notna(), None)
        .map(lambda v: None if v is None else str(v))
    )
    names = sorted(set(text.dropna()), key=str.casefold)
    lookup = {name: i for i, name in enumerate(names)}
    codes = text.map(lookup).fillna(-1).to_numpy(dtype=np.int64)
    return codes, names


@dataclass(frozen=True)
class EIResult:
    """Krackhardt and Stern's E-I index: (external - internal) / (external + internal).

    -1: every tie stays inside a group; +1: every tie crosses groups. Ties with
    a person whose group is blank are left out.

    Attributes
    ----------
    attribute
        The attribute defining groups (e.g. ``"school"``).
    internal, external
        Ties within a group and between groups.
    index
        The whole-network E-I index (NaN when there are no ties to count).
    groups
        Per group: ``group``, ``people``, ``internal`` (ties inside the group),
        ``external`` (ties with other groups, either direction), ``ei_index``.
    people
        Per person: ``node``, ``group``, ``internal``, ``external``, ``ei_index``.
    """

    attribute: str
    internal: int
    external: int
    index: float
    groups: pd.DataFrame
    people: pd.DataFrame


def _ei(external: np.ndarray, internal: np.ndarray) -> np.ndarray:
    total = external + internal
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, (external - internal) / np.maximum(total, 1), np.nan)


def ei_index(net: Network, attribute: str = "school") -> EIResult:
    """E-I index of the network, of each group and of each person.

    Examples
    --------
    >>> import pandas as pd
    >>> from plnlib.networks import build_network
    >>> net = build_network(
    ...     pd.DataFrame({"source": ["A", "A", "C"], "target": ["B", "C", "D"]}),
    ...     pd.DataFrame({"id": ["A", "B", "C", "D"], "school": ["X", "X", "Y", "Y"]}))
    >>> r = ei_index(net)
    >>> r.internal, r.external, round(r.index, 3)
    (2, 1, -0.333)
    >>> r.groups[["group", "internal", "external", "ei_index"]].to_dict("list")
    {'group': ['X', 'Y'], 'internal': [1, 1], 'external': [1, 1], 'ei_index': [0.0, 0.0]}
    """
    require_one_layer(net, "the E-I index")
    codes, names = group_codes(net, attribute)
    n, arcs = len(net.nodes), net.arcs
    ga, gb = codes[arcs[:, 0]], codes[arcs[:, 1]]
    counted = (ga >= 0) & (gb >= 0)
    same = counted & (ga == gb)
    cross = counted & (ga != gb)
    k = len(names)
    g_int = np.bincount(ga[same], minlength=k)
    g_ext = np.bincount(ga[cross], minlength=k) + np.bincount(gb[cross], minlength=k)
    p_int = np.bincount(arcs[same].ravel(), minlength=n)
    p_ext = np.bincount(arcs[cross].ravel(), minlength=n)
    internal, external = int(same.sum()), int(cross.sum())
    groups = pd.DataFrame(
        {
            "group": names,
            "people": np.bincount(codes[codes >= 0], minlength=k).astype(int),
            "internal": g_int.astype(int),
            "external": g_ext.astype(int),
            "ei_index": _ei(g_ext, g_int),
        }
    )
    people = pd.DataFrame(
        {
            "node": net.nodes["node"].to_numpy(dtype=object),
            "group": [names[c] if c >= 0 else None for c in codes],
            "internal": np.where(codes >= 0, p_int, 0).astype(int),
            "external": np.where(codes >= 0, p_ext, 0).astype(int),
        }
    )
    people["ei_index"] = _ei(people["external"].to_numpy(), people["internal"].to_numpy())
    total = internal + external
    index = (external - internal) / total if total else math.nan
    return EIResult(attribute, internal, external, index, groups, people)


@dataclass(frozen=True)
class CommunityResult:
    """Communities found by the Louvain method, ignoring direction.

    Attributes
    ----------
    membership
        ``node`` and ``community`` (1 = the largest community).
    modularity
        Newman's modularity of this division (NaN without ties).
    count
        Number of communities (an isolate is a community of its own).
    """

    membership: pd.DataFrame
    modularity: float
    count: int


def _renumber(labels: np.ndarray) -> np.ndarray:
    """Community numbers 1, 2, ... by size (largest first), ties by first member."""
    if len(labels) == 0:
        return labels.astype(int)
    _, inverse = np.unique(labels, return_inverse=True)
    sizes = np.bincount(inverse)
    first = np.full(len(sizes), len(labels))
    np.minimum.at(first, inverse, np.arange(len(labels)))
    order = sorted(range(len(sizes)), key=lambda c: (-sizes[c], first[c]))
    rank = np.empty(len(sizes), dtype=int)
    rank[order] = np.arange(1, len(sizes) + 1)
    return rank[inverse]


def modularity(net: Network, membership: Mapping[str, object] | pd.Series) -> float:
    """Newman's modularity of a division of the people, ignoring direction.

    Equals networkx's ``community.modularity`` on the undirected graph.

    Examples
    --------
    >>> import pandas as pd
    >>> from plnlib.networks import build_network
    >>> net = build_network(pd.DataFrame({"source": ["A", "C"], "target": ["B", "D"]}))
    >>> modularity(net, {"A": 1, "B": 1, "C": 2, "D": 2})
    0.5
    """
    labels = dict(membership.items()) if isinstance(membership, pd.Series) else membership
    missing = [node for node in net.node_ids if node not in labels]
    if missing:
        raise DataError(
            f"expected a community for every person, found none for {len(missing)} "
            f"(e.g. {missing[0]!r})",
            fix="Give every person in the network a community label.",
        )
    codes = _renumber(np.array([str(labels[node]) for node in net.node_ids], dtype=object))
    undirected = net.undirected
    if undirected.ecount() == 0:
        return math.nan
    return float(undirected.modularity((codes - 1).tolist()))


def communities(net: Network, *, seed: int = 1, resolution: float = 1.0) -> CommunityResult:
    """Communities by the Louvain method (igraph ``community_multilevel``), seeded.

    The same network and seed always give the same communities.

    Examples
    --------
    >>> import pandas as pd
    >>> from plnlib.networks import build_network
    >>> ties = pd.DataFrame({"source": ["A", "B", "C", "D", "E", "F", "C"],
    ...                      "target": ["B", "C", "A", "E", "F", "D", "D"]})
    >>> result = communities(build_network(ties))
    >>> result.membership["community"].tolist(), round(result.modularity, 3)
    ([1, 1, 1, 2, 2, 2], 0.357)
    """
    require_one_layer(net, "communities")
    n = len(net.nodes)
    undirected = net.undirected
    if undirected.ecount() == 0:
        labels = np.arange(n)
        value = math.nan
    else:
        with seeded_igraph(seed):
            clusters = undirected.community_multilevel(resolution=resolution)
        labels = np.asarray(clusters.membership)
        value = float(undirected.modularity(labels.tolist(), resolution=resolution))
    numbers = _renumber(labels)
    membership = pd.DataFrame(
        {"node": net.nodes["node"].to_numpy(dtype=object), "community": numbers.astype(int)}
    )
    return CommunityResult(membership, value, int(numbers.max(initial=0)))


def core_periphery(net: Network) -> pd.DataFrame:
    """Core and periphery from k-cores: the core is the main (highest) k-core.

    Columns: ``node``, ``coreness``, ``core`` (True for the main core).

    Examples
    --------
    >>> import pandas as pd
    >>> from plnlib.networks import build_network
    >>> ties = pd.DataFrame({"source": ["A", "B", "C", "C"], "target": ["B", "C", "A", "D"]})
    >>> core_periphery(build_network(ties))["core"].tolist()
    [True, True, True, False]
    """
    require_one_layer(net, "core and periphery")
    values = coreness(net)
    top = values.max(initial=0)
    return pd.DataFrame(
        {
            "node": net.nodes["node"].to_numpy(dtype=object),
            "coreness": values.astype(int),
            "core": (values == top) & (top > 0),
        }
    )
