"""Advice-network analysis: who goes to whom, who brokers, and whether a PLN reaches into schools.

Core package: DataFrames in, frozen dataclasses and DataFrames out; no file
I/O, no printing, no charts. Read files with :mod:`plnlib.io.networks`, draw
with :mod:`plnlib.charts.networks`.

A tie ``a -> b`` means *a goes to b* (for advice, for information). Measures
are computed with python-igraph and checked against networkx in the tests.

Examples
--------
>>> import pandas as pd
>>> from plnlib.networks import build_network, summary
>>> net = build_network(pd.DataFrame({"source": ["Ann", "Ben"], "target": ["Ben", "Ann"]}))
>>> summary(net).reciprocity
1.0
"""

from plnlib.networks.analysis import METRIC_COLUMNS, NetworkAnalysis, analyse, choose_layer
from plnlib.networks.brokerage import ROLES, brokerage_roles
from plnlib.networks.change import (
    ChangeResult,
    OverlapResult,
    ego_metrics,
    ego_network,
    relation_overlap,
    wave_change,
)
from plnlib.networks.graph import BuildReport, Issue, Network, build_network
from plnlib.networks.groups import (
    CommunityResult,
    EIResult,
    communities,
    core_periphery,
    ei_index,
    modularity,
)
from plnlib.networks.metrics import (
    NetworkSummary,
    betweenness,
    coreness,
    node_metrics,
    summary,
)
from plnlib.networks.questions import (
    INFORMAL_ROLES,
    Answer,
    answer_questions,
    brokers_without_formal_role,
    pln_members_central,
    schools_linked_through_one_person,
)

__all__ = [
    "INFORMAL_ROLES",
    "METRIC_COLUMNS",
    "ROLES",
    "Answer",
    "BuildReport",
    "ChangeResult",
    "CommunityResult",
    "EIResult",
    "Issue",
    "Network",
    "NetworkAnalysis",
    "NetworkSummary",
    "OverlapResult",
    "analyse",
    "answer_questions",
    "betweenness",
    "brokerage_roles",
    "brokers_without_formal_role",
    "build_network",
    "choose_layer",
    "communities",
    "core_periphery",
    "coreness",
    "ego_metrics",
    "ego_network",
    "ei_index",
    "modularity",
    "node_metrics",
    "pln_members_central",
    "relation_overlap",
    "schools_linked_through_one_person",
    "summary",
    "wave_change",
]
