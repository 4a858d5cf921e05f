"""Gould and Fernandez brokerage roles across groups (schools, offices, ...).

A person *b* brokers when *a* goes to *b* and *b* goes to *c*, but *a* does not
go to *c* directly (an open two-path; *a*, *b*, *c* all different). Gould and
Fernandez (1989) name five roles by the groups of *a*, *b* and *c*:

============== ============================ ==========================================
role           groups                       in a school network
============== ============================ ==========================================
coordinator    a, b, c in one group         links colleagues inside their own school
itinerant      a and c in one group, b not  an outsider linking two people of a school
representative a and b in one group, c not  carries their school's requests outwards
gatekeeper     b and c in one group, a not  lets an outsider's request into the school
liaison        all three groups differ      links two other schools, belonging to neither
============== ============================ ==========================================

Counts are unweighted (every open two-path counts once for its broker), as in
UCINET's and R ``sna``'s ``brokerage``; two-paths touching a person without a
group are left out.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from plnlib.networks.graph import Network
from plnlib.networks.groups import group_codes
from plnlib.networks.metrics import require_one_layer

__all__ = ["ROLES", "brokerage_roles"]

#: The five roles, in the order of the columns of :func:`brokerage_roles`.
ROLES: tuple[str, ...] = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")

_CHUNK = 4_000_000  # two-paths handled at once (bounds memory on large networks)


def _two_paths(arcs: np.ndarray, n: int, start: int, stop: int) -> tuple[np.ndarray, ...]:
    """The two-paths a -> b -> c whose first tie is ``arcs[start:stop]``."""
    out_deg = np.bincount(arcs[:, 0], minlength=n)
    out_start = np.concatenate([[0], np.cumsum(out_deg)[:-1]])
    first = arcs[start:stop]
    reps = out_deg[first[:, 1]]
    total = int(reps.sum())
    a = np.repeat(first[:, 0], reps)
    b = np.repeat(first[:, 1], reps)
    offsets = np.repeat(out_start[first[:, 1]] - (np.cumsum(reps) - reps), reps)
    c = arcs[offsets + np.arange(total), 1]
    return a, b, c


def brokerage_roles(net: Network, attribute: str = "school") -> pd.DataFrame:
    """Count each person's brokerage in the five Gould-Fernandez roles.

    Returns
    -------
    DataFrame
        ``node``, ``group``, one column per role (see :data:`ROLES`), ``total``
        (all five) and ``across_groups`` (all but coordinator: brokerage that
        crosses a group boundary).

    Examples
    --------
    >>> import pandas as pd
    >>> from plnlib.networks import build_network
    >>> net = build_network(
    ...     pd.DataFrame({"source": ["A", "B"], "target": ["B", "C"]}),
    ...     pd.DataFrame({"id": ["A", "B", "C"], "school": ["X", "X", "Y"]}))
    >>> brokerage_roles(net)[["node", "representative", "total"]].to_dict("records")[1]
    {'node': 'B', 'representative': 1, 'total': 1}
    """
    require_one_layer(net, "brokerage roles")
    return net.memo(f"brokerage:{attribute}", lambda: _brokerage(net, attribute)).copy()


def _brokerage(net: Network, attribute: str) -> pd.DataFrame:
    groups, names = group_codes(net, attribute)
    n, arcs = len(net.nodes), net.arcs
    counts = np.zeros((n, len(ROLES)), dtype=np.int64)
    if len(arcs):
        tie_codes = arcs[:, 0] * n + arcs[:, 1]  # sorted, as arcs are
        out_deg = np.bincount(arcs[:, 0], minlength=n)
        work = np.cumsum(out_deg[arcs[:, 1]])
        start = 0
        while start < len(arcs):
            done = work[start - 1] if start else 0
            stop = int(np.searchsorted(work, done + _CHUNK, side="right"))
            stop = max(stop, start + 1)
            a, b, c = _two_paths(arcs, n, start, stop)
            direct = a * n + c
            pos = np.minimum(np.searchsorted(tie_codes, direct), len(tie_codes) - 1)
            open_path = (a != c) & (tie_codes[pos] != direct)
            ga, gb, gc = groups[a], groups[b], groups[c]
            valid = open_path & (ga >= 0) & (gb >= 0) & (gc >= 0)
            role = np.select(
                [
                    (ga == gb) & (gb == gc),
                    (ga == gc) & (ga != gb),
                    (ga == gb) & (gb != gc),
                    (gb == gc) & (ga != gb),
                ],
                [0, 1, 2, 3],
                default=4,
            )
            np.add.at(counts, (b[valid], role[valid]), 1)
            start = stop
    out = pd.DataFrame(counts.astype(int), columns=list(ROLES))
    out.insert(0, "group", [names[g] if g >= 0 else None for g in groups])
    out.insert(0, "node", net.nodes["node"].to_numpy(dtype=object))
    out["total"] = counts.sum(axis=1).astype(int)
    out["across_groups"] = counts[:, 1:].sum(axis=1).astype(int)
    return out
