"""The two real advice networks in ../shared/data/networks, for tests on real data.

Tests that use them skip cleanly (with the reason) when the folder is not beside
the checkout, as its README asks.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from plnlib.networks import Network, build_network

SHARED_NETWORKS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "networks"


def shared_folder(name: str = "") -> Path:
    """The folder of one data set (or the whole folder); skip the test when it is absent."""
    folder = SHARED_NETWORKS / name if name else SHARED_NETWORKS
    if not folder.is_dir():
        pytest.skip(f"the shared network data is not here ({folder})")
    return folder


def real_network(name: str, relation: str = "advice") -> Network:
    """One relation of a shared data set, with its nodes file, as a plnlib Network."""
    folder = shared_folder(name)
    edges = pd.read_csv(folder / f"{relation}_edges.csv", dtype=str)
    nodes = pd.read_csv(folder / "nodes.csv", dtype=str)
    return build_network(edges, nodes, relation=relation)
