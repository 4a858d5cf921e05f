"""Every measure of one relation and wave in one call, for reports, the CLI and notebooks."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from plnlib.errors import DataError
from plnlib.networks.brokerage import brokerage_roles
from plnlib.networks.change import (
    ChangeResult,
    OverlapResult,
    ego_metrics,
    relation_overlap,
    wave_change,
)
from plnlib.networks.graph import Network
from plnlib.networks.groups import CommunityResult, EIResult, communities, ei_index
from plnlib.networks.metrics import NetworkSummary, node_metrics, summary
from plnlib.networks.questions import Answer, answer_questions

__all__ = ["METRIC_COLUMNS", "NetworkAnalysis", "analyse", "choose_layer"]

#: The first columns of :meth:`NetworkAnalysis.metrics_frame` (one row per person).
METRIC_COLUMNS = ("node", "in_degree", "out_degree", "betweenness")


def choose_layer(
    net: Network, relation: str | None = None, wave: str | int | None = None
) -> tuple[str, str]:
    """The relation and wave to analyse: as asked, else ``advice`` (or the first) and the last wave.

    Examples
    --------
    >>> from plnlib.samples import sample_network
    >>> choose_layer(sample_network())
    ('advice', '2')
    """
    if not net.relations:
        raise DataError(
            "expected at least one tie, found none",
            fix="Check that the tie file has rows under its header.",
        )
    if relation is None:
        folded = [r for r in net.relations if r.casefold() == "advice"]
        relation = folded[0] if folded else net.relations[0]
    else:
        relation = net.select(relation).relations[0]
    waves = net.select(relation).waves or net.waves
    chosen = str(wave).strip() if wave is not None else waves[-1]
    net.select(wave=chosen)  # raises a clear DataError for an unknown wave
    return relation, chosen


@dataclass(frozen=True)
class NetworkAnalysis:
    """All measures of one relation in one wave.

    Attributes
    ----------
    relation, wave
        What was analysed (``wave`` is ``""`` when the data has no waves).
    layer
        The network restricted to that relation and wave.
    summary
        Size, density, reciprocity, components, isolates.
    people
        One row per person: attributes, ``in_degree``, ``out_degree``,
        ``betweenness``, ``coreness``, ``component``, ``community``,
        ``alters``, ``ties_among_alters``, ``ego_density``, and with a
        ``school`` column the five brokerage roles and ``across_schools``.
    ei
        E-I index by school (None without a ``school`` column).
    communities
        Louvain communities and modularity.
    answers
        The three PLN questions answered in plain words.
    overlap
        Advice against the other relation in the same wave (None with one relation).
    change
        First against last wave of this relation (None with one wave).
    """

    relation: str
    wave: str
    layer: Network
    summary: NetworkSummary
    people: pd.DataFrame
    ei: EIResult | None
    communities: CommunityResult
    answers: tuple[Answer, ...]
    overlap: OverlapResult | None
    change: ChangeResult | None

    def metrics_frame(self) -> pd.DataFrame:
        """Per-person measures for a CSV: ``node, in_degree, out_degree, betweenness`` first."""
        rest = [c for c in self.people.columns if c not in METRIC_COLUMNS]
        return self.people[[*METRIC_COLUMNS, *rest]]


def analyse(
    net: Network,
    *,
    relation: str | None = None,
    wave: str | int | None = None,
    school: str = "school",
    seed: int = 1,
) -> NetworkAnalysis:
    """Compute every measure of one relation and wave (see :class:`NetworkAnalysis`).

    Examples
    --------
    >>> from plnlib.samples import sample_network
    >>> result = analyse(sample_network())
    >>> result.relation, result.wave, result.summary.people, result.change.before
    ('advice', '2', 38, '1')
    """
    relation, wave = choose_layer(net, relation, wave)
    layer = net.select(relation, wave or None)
    people = node_metrics(layer)
    found = communities(layer, seed=seed)
    people["community"] = found.membership["community"].to_numpy()
    people = people.join(ego_metrics(layer).drop(columns="node"))
    has_school = school in layer.nodes.columns
    if has_school:
        roles = brokerage_roles(layer, school).drop(columns=["node", "group"])
        people = people.join(roles.rename(columns={"across_groups": "across_schools"}))
    in_wave = net.select(wave=wave) if wave else net
    others = [r for r in in_wave.relations if r != relation]
    overlap = relation_overlap(net, relation, others[0], wave=wave or None) if others else None
    waves = net.select(relation).waves
    change = wave_change(net, waves[0], waves[-1], relation=relation) if len(waves) > 1 else None
    return NetworkAnalysis(
        relation=relation,
        wave=wave,
        layer=layer,
        summary=summary(layer),
        people=people,
        ei=ei_index(layer, school) if has_school else None,
        communities=found,
        answers=answer_questions(layer, school=school),
        overlap=overlap,
        change=change,
    )
