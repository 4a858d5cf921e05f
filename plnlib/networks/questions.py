"""The PLN questions, answered in plain words.

Research on PLNs suggests that the people who carry a network's work into
their schools (mobilisers) should sit at the centre of their schools' own
networks, that knowledge travels through direct and indirect ties, and that
the people who broker it often hold no formal role. These functions check
each of those in a network, and say what they found in sentences a network
lead can act on.

Each function returns an :class:`Answer`; when the data cannot answer (no
``school``, ``role`` or ``pln_member`` column) the answer says so instead of
raising an error.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from plnlib.errors import DataError
from plnlib.networks.brokerage import brokerage_roles
from plnlib.networks.graph import Network
from plnlib.networks.groups import group_codes
from plnlib.networks.metrics import betweenness, require_one_layer
from plnlib.networks.values import parse_yes_no

__all__ = [
    "INFORMAL_ROLES",
    "Answer",
    "answer_questions",
    "brokers_without_formal_role",
    "pln_members_central",
    "schools_linked_through_one_person",
]

#: Role values (compared ignoring case and spaces) that mean "no formal role".
INFORMAL_ROLES: frozenset[str] = frozenset(
    {
        "",
        "teacher",
        "class teacher",
        "classroom teacher",
        "teaching assistant",
        "learning support assistant",
        "support staff",
        "staff",
        "member",
        "none",
        "no role",
        "no formal role",
        "early career teacher",
        "ect",  # codespell:ignore ect
        "nqt",
        "trainee",
        "trainee teacher",
    }
)


@dataclass(frozen=True)
class Answer:
    """A question about the network and its answer in plain words.

    Attributes
    ----------
    question
        The question, as a reader would ask it.
    answer
        A one-paragraph answer.
    points
        One sentence per person, school or pair behind the answer.
    details
        The numbers behind the answer (one row per person or pair).
    answered
        False when the data cannot answer (the answer says what is missing).

    Examples
    --------
    >>> import pandas as pd
    >>> print(Answer("Who?", "Nobody.", ("A point.",), pd.DataFrame()))
    Who?
    Nobody.
    - A point.
    """

    question: str
    answer: str
    points: tuple[str, ...]
    details: pd.DataFrame
    answered: bool = True

    def __str__(self) -> str:
        """The question, the answer and one line per point, for printing."""
        lines = [self.question, textwrap.fill(self.answer, 88)]
        lines += [
            textwrap.fill(p, 88, initial_indent="- ", subsequent_indent="  ") for p in self.points
        ]
        return "\n".join(lines)


def _missing(net: Network, question: str, columns: Iterable[str]) -> Answer | None:
    absent = [c for c in columns if c not in net.nodes.columns]
    if not absent:
        return None
    listed = " and ".join(repr(c) for c in absent)
    return Answer(
        question,
        f"This cannot be answered from these data: the people have no {listed} column. "
        "Add it to the nodes file to get an answer.",
        (),
        pd.DataFrame(),
        answered=False,
    )


def _check_share(share: float) -> None:
    if not 0 < share <= 1:
        raise DataError(
            f"expected a top share between 0 and 1, found {share!r}",
            fix="Use for example 1/3 for the top third, 0.25 for the top quarter.",
        )


def _yes(values: pd.Series, column: str) -> np.ndarray:
    """True for members: a boolean column as it is, yes/no text read (blank = no)."""
    if pd.api.types.is_bool_dtype(values):
        return values.fillna(False).astype(bool).to_numpy()
    read = [parse_yes_no(v, where=f"nodes, column {column}") for v in values]
    return np.array([bool(v) for v in read], dtype=bool)


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def pln_members_central(
    net: Network, *, school: str = "school", member: str = "pln_member", top_share: float = 1 / 3
) -> Answer:
    """Are PLN members central in their home school's network?

    A member counts as central when they are in the top ``top_share`` of
    their school by how many school colleagues come to them (in-degree within
    the school), with at least one colleague coming to them.

    Examples
    --------
    >>> import pandas as pd
    >>> from plnlib.networks import build_network
    >>> people = pd.DataFrame({"id": list("ABCD"), "school": ["X"] * 4,
    ...                        "pln_member": ["yes", "no", "no", "no"]})
    >>> ties = pd.DataFrame({"source": ["B", "C", "D"], "target": ["A", "A", "B"]})
    >>> pln_members_central(build_network(ties, people)).answer
    '1 of 1 PLN member is among the most sought-out people in their own school (the top third by how many school colleagues come to them).'
    """
    question = "Are PLN members central in their home school's network?"
    require_one_layer(net, "this question")
    _check_share(top_share)
    missing = _missing(net, question, (school, member))
    if missing:
        return missing
    codes, names = group_codes(net, school)
    n, arcs = len(net.nodes), net.arcs
    same = (codes[arcs[:, 0]] >= 0) & (codes[arcs[:, 0]] == codes[arcs[:, 1]])
    sought = np.bincount(arcs[same, 1], minlength=n)
    table = pd.DataFrame(
        {"node": net.nodes["node"].to_numpy(dtype=object), "code": codes, "sought_by": sought}
    )
    table["school_size"] = table.groupby("code")["node"].transform("size")
    table["rank"] = table.groupby("code")["sought_by"].rank(method="min", ascending=False)
    cutoff = np.ceil(table["school_size"] * top_share - 1e-9)
    table["central"] = (table["sought_by"] > 0) & (table["rank"] <= cutoff)
    is_member = _yes(net.nodes[member], member)
    members = table[is_member & (codes >= 0)].copy()
    members.insert(1, "school", [names[c] for c in members["code"]])
    members["colleagues"] = members["school_size"] - 1
    members["share"] = members["sought_by"] / members["colleagues"].where(members["colleagues"] > 0)
    details = members[
        ["node", "school", "sought_by", "colleagues", "share", "rank", "school_size", "central"]
    ].astype({"rank": int, "school_size": int, "colleagues": int, "sought_by": int})
    details = details.reset_index(drop=True)
    no_school = int((is_member & (codes < 0)).sum())
    share_words = "third" if math.isclose(top_share, 1 / 3) else f"{top_share:.0%}"
    if details.empty:
        text = "There are no PLN members with a school in these data."
    else:
        text = (
            f"{int(details['central'].sum())} of {_plural(len(details), 'PLN member')} "
            f"{'is' if int(details['central'].sum()) == 1 else 'are'} among the most sought-out "
            f"people in their own school (the top {share_words} by how many school colleagues "
            "come to them)."
        )
    if no_school:
        text += f" {_plural(no_school, 'PLN member')} without a school could not be placed."
    points = tuple(
        f"{r.node} ({r.school}): {r.sought_by} of {r.colleagues} school colleagues come to them; "
        f"rank {r.rank} of {r.school_size}"
        + ("." if r.central else ", so not yet at the centre of their school's network.")
        for r in details.itertuples()
    )
    return Answer(question, text, points, details)


def schools_linked_through_one_person(net: Network, *, school: str = "school") -> Answer:
    """Which schools are linked only through one person?

    A pair of schools depends on one person when every tie between them
    involves that person; a school depends on one person when all its ties
    with other schools go through that one member.

    Examples
    --------
    >>> import pandas as pd
    >>> from plnlib.networks import build_network
    >>> people = pd.DataFrame({"id": list("ABCD"), "school": ["X", "X", "Y", "Y"]})
    >>> ties = pd.DataFrame({"source": ["A", "B", "C", "D"], "target": ["B", "C", "D", "B"]})
    >>> print(schools_linked_through_one_person(build_network(ties, people)).points[0])
    X and Y are linked only through B (2 ties).
    """
    question = "Which schools are linked only through one person?"
    require_one_layer(net, "this question")
    missing = _missing(net, question, (school,))
    if missing:
        return missing
    codes, names = group_codes(net, school)
    ids = net.nodes["node"].to_numpy(dtype=object)
    arcs = net.arcs
    ga, gb = codes[arcs[:, 0]], codes[arcs[:, 1]]
    cross = (ga >= 0) & (gb >= 0) & (ga != gb)
    pairs: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for (a, b), x, y in zip(
        arcs[cross].tolist(), ga[cross].tolist(), gb[cross].tolist(), strict=True
    ):
        pairs.setdefault((min(x, y), max(x, y)), []).append((a, b))
    rows, fragile = [], []
    for (x, y), ties in sorted(pairs.items()):
        people = {p for tie in ties for p in tie}
        common = set(ties[0]).intersection(*map(set, ties[1:]))
        label = f"{names[x]} and {names[y]}"
        if len(people) == 2:
            a, b = sorted(people, key=lambda p: ids[p])
            only = f"{ids[a]}; {ids[b]}"
            how = "a single tie" if len(ties) == 1 else "the ties between two people"
            fragile.append(f"{label} are linked only by {how} ({ids[a]} and {ids[b]}).")
        elif common:
            only = ids[next(iter(common))]
            fragile.append(f"{label} are linked only through {only} ({_plural(len(ties), 'tie')}).")
        else:
            only = ""
        rows.append((names[x], names[y], len(ties), len(people), only))
    details = pd.DataFrame(rows, columns=["school_a", "school_b", "ties", "people", "only_through"])
    own: dict[int, set[int]] = {g: set() for g in range(len(names))}
    for (a, b), x, y in zip(
        arcs[cross].tolist(), ga[cross].tolist(), gb[cross].tolist(), strict=True
    ):
        own[x].add(a)
        own[y].add(b)
    school_points = []
    for g, name in enumerate(names):
        if len(own[g]) == 1:
            school_points.append(
                f"All of {name}'s ties with other schools go through {ids[next(iter(own[g]))]}."
            )
        elif not own[g]:
            school_points.append(f"{name} has no ties with other schools.")
    unlinked = len(names) * (len(names) - 1) // 2 - len(pairs)
    if fragile:
        text = (
            f"{_plural(len(fragile), 'pair')} of schools "
            f"{'is' if len(fragile) == 1 else 'are'} linked only through one person"
        )
    else:
        text = "No pair of linked schools depends on a single person"
    text += f" ({_plural(len(pairs), 'linked pair')} in all"
    text += f"; {_plural(unlinked, 'pair')} with no direct tie)." if unlinked else ")."
    if school_points:
        one = len(school_points) == 1
        text += (
            f" {_plural(len(school_points), 'school')} {'has' if one else 'have'} only one "
            f"person, or no one, linking {'it' if one else 'them'} to other schools."
        )
    return Answer(question, text, tuple(fragile + school_points), details)


def brokers_without_formal_role(
    net: Network,
    *,
    school: str = "school",
    role: str = "role",
    top_share: float = 0.25,
    informal_roles: Iterable[str] = INFORMAL_ROLES,
) -> Answer:
    """Who brokers without a formal role?

    Brokers are the people in the top ``top_share`` by betweenness or by
    brokerage across schools (Gould-Fernandez roles other than coordinator),
    with a value above zero. A role counts as formal unless it is blank or in
    ``informal_roles``.

    Examples
    --------
    >>> import pandas as pd
    >>> from plnlib.networks import build_network
    >>> people = pd.DataFrame({"id": list("ABCD"), "school": ["X", "X", "Y", "Y"],
    ...                        "role": ["head", "teacher", "head", "teacher"]})
    >>> ties = pd.DataFrame({"source": ["A", "B", "C"], "target": ["B", "C", "D"]})
    >>> print(brokers_without_formal_role(build_network(ties, people)).points[0])
    B (X, teacher) brokers: betweenness 0.33, 1 brokerage across schools.
    """
    question = "Who brokers without a formal role?"
    require_one_layer(net, "this question")
    _check_share(top_share)
    between = betweenness(net)
    table = pd.DataFrame({"node": net.nodes["node"].to_numpy(dtype=object)})
    table["school"] = net.nodes[school].to_numpy() if school in net.nodes.columns else None
    table["role"] = net.nodes[role].to_numpy() if role in net.nodes.columns else None
    table["betweenness"] = between
    if school in net.nodes.columns:
        table["across_schools"] = brokerage_roles(net, school)["across_groups"].to_numpy()
    else:
        table["across_schools"] = 0
    k = max(1, math.ceil(len(table) * top_share))

    def top(values: pd.Series) -> pd.Series:
        cut = values.nlargest(k).min() if len(values) else 0
        return (values > 0) & (values >= cut)

    brokers = table[top(table["betweenness"]) | top(table["across_schools"])].copy()
    brokers = brokers.sort_values(["betweenness", "across_schools"], ascending=False)
    informal = {" ".join(str(r).split()).casefold() for r in informal_roles}
    brokers["formal_role"] = [
        not (pd.isna(r) or " ".join(str(r).split()).casefold() in informal) for r in brokers["role"]
    ]
    brokers = brokers.reset_index(drop=True)
    missing = _missing(net, question, (role,))
    if missing is not None:
        return Answer(question, missing.answer, (), brokers.drop(columns="formal_role"), False)
    without = brokers[~brokers["formal_role"]]

    def sentence(node: str, where: list[object], between: float, across: int) -> str:
        place = ", ".join(str(v) for v in where if not pd.isna(v))
        return (
            f"{node} ({place or 'no school or role given'}) brokers: betweenness "
            f"{between:.2f}, {_plural(int(across), 'brokerage')} across schools."
        )

    if brokers.empty:
        text = "Nobody brokers in these data: no one lies between colleagues who are not tied."
    else:
        text = (
            f"Of the {_plural(len(brokers), 'person', 'people')} who broker most, "
            f"{len(without)} {'holds' if len(without) == 1 else 'hold'} no formal role."
        )
    points = tuple(
        sentence(node, [sch, rol], b, a)
        for node, sch, rol, b, a in zip(
            without["node"],
            without["school"],
            without["role"],
            without["betweenness"],
            without["across_schools"],
            strict=True,
        )
    )
    return Answer(question, text, points, brokers)


def answer_questions(net: Network, *, school: str = "school") -> tuple[Answer, ...]:
    """All three PLN questions, in order.

    Examples
    --------
    >>> import pandas as pd
    >>> from plnlib.networks import build_network
    >>> net = build_network(pd.DataFrame({"source": ["A"], "target": ["B"]}))
    >>> [a.answered for a in answer_questions(net)]
    [False, False, False]
    """
    return (
        pln_members_central(net, school=school),
        schools_linked_through_one_person(net, school=school),
        brokers_without_formal_role(net, school=school),
    )
