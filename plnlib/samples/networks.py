"""Seeded generators of synthetic advice networks (no real person is in them).

- :func:`sample_tables` / :func:`sample_network`: 38 people in five schools,
  the size of the New Forest Research Learning Network described by Brown
  (ECER 2019, 26 SES 04 A), with ``advice`` and ``information`` relations
  in two waves. The people, schools and ties are invented; the sample is
  shaped so that each PLN question has something to find (a PLN member at
  the edge of their school, a school linked to the rest through one person,
  brokers without a formal role).
- :func:`district_network`: a district-scale network (by default 10,000
  people in 100 schools, 100,000 advice ties) for performance checks.

The same seed always gives the same data.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from plnlib.errors import DataError
from plnlib.io.files import write_output
from plnlib.io.networks import load_network
from plnlib.networks import Network, build_network
from plnlib.samples.files import sample_path

__all__ = [
    "district_network",
    "load_sample_network",
    "sample_network",
    "sample_tables",
    "write_sample_files",
]

_SCHOOLS = ("Alder School", "Birch School", "Cedar School", "Hazel School", "Rowan School")
_SIZES = (9, 8, 8, 7, 6)
_FIRST = [
    "Amira",
    "Ben",
    "Cara",
    "Dev",
    "Elin",
    "Farid",
    "Greta",
    "Hugo",
    "Isla",
    "Jonah",
    "Kira",
    "Leo",
    "Maya",
    "Nils",
    "Orla",
    "Pia",
    "Quinn",
    "Rafi",
    "Sana",
    "Tom",
    "Uma",
    "Vik",
    "Wren",
    "Xavi",
    "Yara",
    "Zac",
    "Alba",
    "Bruno",
    "Cleo",
    "Dara",
    "Eden",
    "Finn",
    "Gia",
    "Hal",
    "Iris",
    "Jude",
    "Kofi",
    "Lula",
]
_LAST = [
    "Ashby",
    "Brook",
    "Carver",
    "Dale",
    "Ellis",
    "Fenn",
    "Garth",
    "Hale",
    "Irwin",
    "Jory",
    "Kemp",
    "Lowe",
    "Marsh",
    "Nash",
    "Orme",
    "Pike",
    "Quill",
    "Rowe",
    "Shaw",
    "Thorne",
    "Upton",
    "Vane",
    "Wade",
    "Yates",
]
# role of each seat in a school (first seat = head); PLN members sit in seats 2 and 4
_ROLES = (
    "headteacher",
    "deputy head",
    "teacher",
    "phase leader",
    "teacher",
    "SENCo",
    "teacher",
    "teacher",
    "teaching assistant",
)
_PLN_SEATS = (2, 3)
_FREQ = np.array([1, 2, 3, 4])


def _people() -> pd.DataFrame:
    rows = []
    k = 0
    for school, size in zip(_SCHOOLS, _SIZES, strict=True):
        for seat in range(size):
            name = f"{_FIRST[k]} {_LAST[(k * 7) % len(_LAST)]}"
            rows.append((name, school, _ROLES[seat], "yes" if seat in _PLN_SEATS else "no"))
            k += 1
    return pd.DataFrame(rows, columns=["id", "school", "role", "pln_member"])


def _attractiveness(people: pd.DataFrame) -> np.ndarray:
    """How often colleagues come to each person for advice, before chance."""
    role_pull = {"headteacher": 2.5, "deputy head": 2.0, "phase leader": 1.8, "SENCo": 1.6}
    pull = np.array([role_pull.get(r, 1.0) for r in people["role"]])
    pull[(people["pln_member"] == "yes").to_numpy()] += 1.5
    # Hazel School's PLN members sit at the edge of their school's network
    pull[((people["school"] == "Hazel School") & (people["pln_member"] == "yes")).to_numpy()] = 0.2
    return pull


def _advice_ties(people: pd.DataFrame, rng: np.random.Generator) -> set[tuple[int, int]]:
    school = people["school"].to_numpy()
    pull = _attractiveness(people)
    ties: set[tuple[int, int]] = set()
    for i in range(len(people)):
        mates = np.flatnonzero((school == school[i]) & (np.arange(len(people)) != i))
        chosen = rng.choice(
            mates,
            size=min(len(mates), int(rng.integers(2, 5))),
            replace=False,
            p=pull[mates] / pull[mates].sum(),
        )
        ties.update((i, int(j)) for j in chosen)
    ties |= _bridges(people, rng)
    return ties


def _bridges(people: pd.DataFrame, rng: np.random.Generator) -> set[tuple[int, int]]:
    """Ties across schools: PLN meetings, Rowan's single bridge, two informal brokers."""
    school = people["school"].to_numpy()
    members = np.flatnonzero((people["pln_member"] == "yes").to_numpy())
    ties: set[tuple[int, int]] = set()
    for i in members:
        if school[i] == "Rowan School":
            continue
        others = [j for j in members if school[j] not in (school[i], "Rowan School")]
        ties.update((int(i), int(j)) for j in rng.choice(others, size=2, replace=False))
    link = int(np.flatnonzero(school == "Rowan School")[2])  # a Rowan PLN member
    ties.update({(link, int(members[0])), (int(members[2]), link), (link, int(members[4]))})
    # teachers without a formal role whom people in other schools ask for advice
    for broker, askers in ((13, (2, 20, 22)), (29, (5, 18, 15))):
        ties.update((a, broker) for a in askers)
        ties.add((broker, askers[0]))
    return ties


def _second_wave(
    first: set[tuple[int, int]], people: pd.DataFrame, rng: np.random.Generator
) -> set[tuple[int, int]]:
    """A year on: most ties kept, some lost, colleagues drawn to PLN members (mobilisation)."""
    school = people["school"].to_numpy()
    member = (people["pln_member"] == "yes").to_numpy()
    ties = {t for t in sorted(first) if school[t[0]] != school[t[1]] or rng.random() < 0.85}
    for i in range(len(people)):
        mates = np.flatnonzero((school == school[i]) & member & (np.arange(len(people)) != i))
        hazel = school[i] == "Hazel School"
        if len(mates) and (hazel or rng.random() < 0.4):
            ties.add((i, int(rng.choice(mates))))
    return ties


def _information_ties(
    advice: set[tuple[int, int]], people: pd.DataFrame, rng: np.random.Generator
) -> set[tuple[int, int]]:
    school = people["school"].to_numpy()
    ties = {t for t in sorted(advice) if rng.random() < 0.6}
    for i in range(len(people)):
        mates = np.flatnonzero(school == school[i])
        for j in rng.choice(mates, size=2, replace=False):
            if int(j) != i:
                ties.add((i, int(j)))
    return ties


def sample_tables(seed: int = 2019) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The synthetic 38-person sample as (people, ties) tables of text.

    People: ``id``, ``school``, ``role``, ``pln_member`` (yes/no). Ties:
    ``source``, ``target``, ``relation`` (advice, information), ``wave`` (1, 2),
    ``frequency`` (1 = a few times a year ... 4 = daily).

    Examples
    --------
    >>> people, ties = sample_tables()
    >>> len(people), sorted(people["school"].unique())[:2], sorted(ties["relation"].unique())
    (38, ['Alder School', 'Birch School'], ['advice', 'information'])
    """
    rng = np.random.default_rng(seed)
    people = _people()
    ids = people["id"].to_numpy()
    rows = []
    first = _advice_ties(people, rng)
    for wave, advice in ((1, first), (2, _second_wave(first, people, rng))):
        for relation, ties in (
            ("advice", advice),
            ("information", _information_ties(advice, people, rng)),
        ):
            for a, b in sorted(ties):
                rows.append((ids[a], ids[b], relation, str(wave), str(int(rng.choice(_FREQ)))))
    edges = pd.DataFrame(rows, columns=["source", "target", "relation", "wave", "frequency"])
    return people, edges


def sample_network(seed: int = 2019) -> Network:
    """The synthetic 38-person sample as a :class:`Network` (all relations and waves).

    Examples
    --------
    >>> net = sample_network()
    >>> len(net.nodes), net.relations, net.waves
    (38, ('advice', 'information'), ('1', '2'))
    """
    people, edges = sample_tables(seed)
    return build_network(edges, people, edges_name="synthetic sample ties")


def district_network(
    people: int = 10_000,
    ties: int = 100_000,
    *,
    schools: int = 100,
    within_school: float = 0.85,
    layers: bool = False,
    seed: int = 7,
) -> Network:
    """A synthetic district: ``people`` in ``schools``, ``ties`` directed advice ties.

    Most ties stay inside a school (``within_school``); colleagues with a
    leadership role or in the PLN are more often asked. With ``layers=True``
    a second advice wave and an ``information`` relation in that wave are added
    (each as large, sharing most ties), so that change and overlap can be measured.

    Raises
    ------
    DataError
        If there are too few people or schools for the ties asked for.

    Examples
    --------
    >>> net = district_network(people=200, ties=1_000, schools=4)
    >>> len(net.nodes), len(net.edges), net.nodes["school"].nunique()
    (200, 1000, 4)
    """
    if schools < 1 or people < 2 * schools or ties > people * (people - 1) // 4:
        raise DataError(
            f"expected at least two people per school and room for the ties, found "
            f"{people} people, {schools} schools, {ties} ties",
            fix="Use more people, fewer schools or fewer ties.",
        )
    rng = np.random.default_rng(seed)
    school = np.arange(people) * schools // people
    start = np.searchsorted(school, np.arange(schools))
    seat = np.arange(people) - start[school]
    pull = rng.lognormal(0.0, 0.6, people)
    pull[seat == 0] *= 3.0  # headteachers
    pull[(seat >= 1) & (seat <= 3)] *= 2.0  # deputies and leads
    pull[(seat == 4) | (seat == 5)] *= 2.5  # PLN members
    cum = np.cumsum(pull)
    before = np.concatenate([[0.0], cum])[start]
    total = np.concatenate([cum[start[1:] - 1], [cum[-1]]]) - before

    def draw(count: int, taken: np.ndarray) -> np.ndarray:
        codes = taken
        while len(codes) < count:
            k = int((count - len(codes)) * 1.2) + 16
            src = rng.integers(0, people, k)
            inside = rng.random(k) < within_school
            s = school[src]
            u = rng.random(k)
            dst = np.where(
                inside,
                np.searchsorted(cum, before[s] + u * total[s], side="right"),
                np.searchsorted(cum, u * cum[-1], side="right"),
            )
            dst = np.minimum(dst, people - 1)
            new = (src * people + dst)[src != dst]
            codes = np.concatenate([codes, new[~np.isin(new, codes)]])
            codes = codes[np.sort(np.unique(codes, return_index=True)[1])]
        return codes[:count]

    advice = draw(ties, np.zeros(0, dtype=np.int64))
    frames = [_district_frame(advice, people, "advice", "1")]
    if layers:
        later = draw(ties, advice[rng.random(len(advice)) < 0.85])
        frames.append(_district_frame(later, people, "advice", "2"))
        shared = later[rng.random(len(later)) < 0.7]
        frames.append(_district_frame(draw(ties, shared), people, "information", "2"))
    ids = np.array([f"D{i:05d}" for i in range(people)], dtype=object)
    nodes = pd.DataFrame(
        {
            "id": ids,
            "school": [f"School {s + 1:03d}" for s in school],
            "role": np.select(
                [seat == 0, seat == 1, (seat == 2) | (seat == 3)],
                ["headteacher", "deputy head", "subject lead"],
                default="teacher",
            ),
            "pln_member": np.where((seat == 4) | (seat == 5), "yes", "no"),
        }
    )
    edges = pd.concat(frames, ignore_index=True)
    edges["source"] = ids[edges["source"].to_numpy()]
    edges["target"] = ids[edges["target"].to_numpy()]
    return build_network(edges, nodes, edges_name="synthetic district ties")


def _district_frame(codes: np.ndarray, people: int, relation: str, wave: str) -> pd.DataFrame:
    return pd.DataFrame(
        {"source": codes // people, "target": codes % people, "relation": relation, "wave": wave}
    )


def load_sample_network() -> Network:
    """The shipped 38-person sample files, read as a user's files would be.

    Examples
    --------
    >>> load_sample_network()
    Network(38 people, 509 ties, relations=['advice', 'information'], waves=['1', '2'])
    """
    return load_network(sample_path("network_edges.csv"), sample_path("network_nodes.csv"))


def write_sample_files(folder: str | Path, *, seed: int = 2019) -> tuple[Path, Path]:
    """Write the synthetic sample (people, ties) as CSV files into ``folder``."""
    people, ties = sample_tables(seed)
    folder = Path(folder)
    return (
        write_output(folder / "network_nodes.csv", people.to_csv(index=False)),
        write_output(folder / "network_edges.csv", ties.to_csv(index=False)),
    )
