"""A seeded synthetic network monitored every year, for examples, notebooks and benchmarks.

The shape follows Chile's School Improvement Networks (5 to 15 schools each,
monitored with a yearly questionnaire): by default 12 schools, 3 yearly waves and
about 300 staff a wave. The data are messy the way real monitoring data are:
staff leave and join between waves (new staff answer from the wave they join),
one school joins the network a year late, one school is too small to report
on, one role is held by a single person in the whole network, and answers are
sometimes blank, "don't know" or "not applicable", or stop half-way.

Every row carries ``synthetic = "yes"`` (and ``attrs["synthetic"]``), so every
table, chart and report made from it says it is synthetic. No real school or
person is described.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from plnlib.checklists import Checklist
from plnlib.samples.files import sample_path

__all__ = [
    "SAMPLE_ANSWERS",
    "SAMPLE_ROSTERS",
    "SCHOOLS",
    "monitoring_answers",
    "monitoring_rosters",
    "monitoring_sample",
]

#: The shipped sample answers (wide CSV, one row per response): see :func:`monitoring_sample`.
SAMPLE_ANSWERS = sample_path("monitoring_answers.csv")
#: The shipped sample rosters (``school, wave, staff``).
SAMPLE_ROSTERS = sample_path("monitoring_rosters.csv")

#: Invented school names (trees), in the order they are used.
SCHOOLS: tuple[str, ...] = (
    "Alder",
    "Birch",
    "Cedar",
    "Elm",
    "Hazel",
    "Holly",
    "Larch",
    "Maple",
    "Oak",
    "Rowan",
    "Willow",
    "Yew",
)
_ROLES = ("Teacher", "Teaching assistant", "Middle leader", "Senior leader")
_YEARS = ("less than 1", "1 to 2", "3 or more")
_SMALL_SCHOOL_STAFF = 5
_SMALL_SCHOOL_MAX_RESPONSES = 4


def _school_names(schools: int) -> list[str]:
    if schools < 2:
        raise ValueError(f"expected at least 2 schools, found {schools}")
    return [SCHOOLS[i] if i < len(SCHOOLS) else f"School {i + 1}" for i in range(schools)]


def _staff(schools: int, waves: Sequence[int], staff: int, seed: int) -> pd.DataFrame:
    """Everyone employed in each wave: person, wave, school, role, pln_member, joined."""
    rng = np.random.default_rng(seed)
    names = _school_names(schools)
    small, late = names[-1], names[-2]
    raw = rng.gamma(8.0, 1.0, size=schools)
    raw[-1] = 0
    sizes = np.maximum(6, np.round(raw / raw.sum() * (staff - _SMALL_SCHOOL_STAFF))).astype(int)
    sizes[-1] = _SMALL_SCHOOL_STAFF
    sizes[int(np.argmax(sizes))] += staff - int(sizes.sum())  # exactly `staff` in all
    people: list[dict[str, object]] = []
    rows: list[dict[str, object]] = []
    next_id = 1

    def hire(school: str, wave: int, first: bool, k: int) -> dict[str, object]:
        nonlocal next_id
        if k == 0:
            role = "Senior leader"
        elif k == 1:
            # one school writes its deputy's role its own way: a role held by one person
            role = "Deputy head" if school == names[min(2, schools - 1)] else "Senior leader"
        else:
            role = _ROLES[int(rng.choice(3, p=[0.74, 0.12, 0.14]))]
        member = k in (0, 2, 3) or rng.random() < 0.06
        joined = wave - int(rng.integers(0, 8)) if first else wave
        person = {
            "person": f"P{next_id:05d}",
            "school": school,
            "role": role,
            "pln_member": "yes" if member else "no",
            "joined": joined,
            "lean": float(rng.normal(0, 0.45)),
        }
        next_id += 1
        return person

    current: dict[str, list[dict[str, object]]] = {}
    for w_index, wave in enumerate(waves):
        for s, school in enumerate(names):
            if school == late and w_index == 0 and len(waves) > 1:
                continue  # this school joins the network in the second wave
            if school not in current:
                current[school] = [hire(school, wave, True, k) for k in range(sizes[s])]
                if school == late and w_index > 0:
                    for p in current[school]:
                        p["joined"] = wave
            else:
                kept = []
                for k, p in enumerate(current[school]):
                    leaves = k > 1 and school != small and rng.random() < 0.1
                    kept.append(hire(school, wave, False, k) if leaves else p)
                current[school] = kept
            people.extend(current[school])
            for p in current[school]:
                rows.append({**p, "wave": wave})
    return pd.DataFrame(rows)


def _years_band(years: np.ndarray) -> np.ndarray:
    return np.where(years < 1, _YEARS[0], np.where(years < 3, _YEARS[1], _YEARS[2]))


def monitoring_answers(
    checklist: Checklist,
    *,
    schools: int = 12,
    waves: Sequence[int] = (2023, 2024, 2025),
    staff: int = 300,
    response_rate: float = 0.85,
    missing_rate: float = 0.04,
    seed: int = 2026,
) -> pd.DataFrame:
    """Tidy synthetic monitoring answers of a network of schools over several waves.

    Columns: ``respondent, item, value, wave, school, role, pln_member,
    years_in_network, synthetic``. Respondent codes stay the same across waves.
    Sections, schools, people and network members differ in plausible ways, and
    the network improves a little every wave (more in some sections, more for
    members). Of the answers, about ``missing_rate`` are blank and as many
    again "Don't know" (more among non-members), a few "Not applicable", and a
    few people stop half-way. The last school has 5 staff and never more than
    4 responses (below the default minimum group size); the one before it joins
    in the second wave; one school records its deputy head as "Deputy head",
    the only person with that role.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> c = load_checklist("knowledge-mobilisation")
    >>> df = monitoring_answers(c, seed=1)
    >>> sorted(df["wave"].unique().tolist()), df["school"].nunique(), df["synthetic"].unique()[0]
    ([2023, 2024, 2025], 12, 'yes')
    >>> bool(220 < df.groupby("wave")["respondent"].nunique().mean() < 300)
    True
    """
    if not 0 < response_rate <= 1 or not 0 <= missing_rate < 0.5:
        raise ValueError("expected 0 < response_rate <= 1 and 0 <= missing_rate < 0.5")
    rng = np.random.default_rng(seed + 1)
    people = _staff(schools, list(waves), staff, seed)
    answered = rng.random(len(people)) < response_rate
    small = _school_names(schools)[-1]
    for wave in waves:
        rows = np.flatnonzero(((people["school"] == small) & (people["wave"] == wave)).to_numpy())
        answered[rows[_SMALL_SCHOOL_MAX_RESPONSES:]] = False
    resp = people[answered].reset_index(drop=True)
    n, items = len(resp), checklist.items
    scale = checklist.scale
    low, high = scale.low, scale.high
    sections = [s.id for s in checklist.sections]
    sec_index = np.array([sections.index(i.section) for i in items])
    sec_shift = rng.normal(0, 0.45, size=len(sections))
    sec_gain = rng.uniform(0.05, 0.3, size=len(sections))
    school_shift = dict(zip(_school_names(schools), rng.normal(0, 0.3, size=schools), strict=True))
    wave_pos = resp["wave"].map({w: k for k, w in enumerate(waves)}).to_numpy()
    member = (resp["pln_member"] == "yes").to_numpy()
    senior = resp["role"].isin(["Senior leader", "Deputy head"]).to_numpy()
    years = resp["wave"].to_numpy() - resp["joined"].to_numpy()
    person = (
        (low + high) / 2
        - 0.35
        + resp["lean"].to_numpy()
        + resp["school"].map(school_shift).to_numpy()
        + 0.45 * member
        + 0.2 * senior
        - 0.25 * (years < 1)
    )
    latent = (
        person[:, None]
        + sec_shift[sec_index][None, :]
        + wave_pos[:, None] * (sec_gain[sec_index][None, :] + 0.1 * member[:, None])
        + rng.normal(0, 0.7, size=(n, len(items)))
    )
    scores = np.clip(np.round(latent), low, high).astype(int)
    values = scores.astype(object)
    roll = rng.random((n, len(items)))
    dont_know = missing_rate * np.where(member, 0.6, 1.6)[:, None]
    values[roll < missing_rate] = None
    values[(roll >= missing_rate) & (roll < missing_rate + dont_know)] = "Don't know"
    values[(roll > 0.995)] = "Not applicable"
    stop = rng.random(n) < 0.04
    cut = rng.integers(len(items) // 2, len(items), size=n)
    values[stop[:, None] & (np.arange(len(items))[None, :] >= cut[:, None])] = None
    out = pd.DataFrame(
        {
            "respondent": np.repeat(resp["person"].to_numpy(), len(items)),
            "item": np.tile(np.array(checklist.item_ids, dtype=object), n),
            "value": values.ravel(),
            "wave": np.repeat(resp["wave"].to_numpy(), len(items)),
            "school": np.repeat(resp["school"].to_numpy(), len(items)),
            "role": np.repeat(resp["role"].to_numpy(), len(items)),
            "pln_member": np.repeat(resp["pln_member"].to_numpy(), len(items)),
            "years_in_network": np.repeat(_years_band(years), len(items)),
            "synthetic": "yes",
        }
    )
    out.attrs["synthetic"] = True
    return out


def monitoring_rosters(
    *,
    schools: int = 12,
    waves: Sequence[int] = (2023, 2024, 2025),
    staff: int = 300,
    seed: int = 2026,
) -> pd.DataFrame:
    """Staff numbers per school and wave of the same synthetic network (``school, wave, staff``).

    Use the same ``schools``, ``waves``, ``staff`` and ``seed`` as for
    :func:`monitoring_answers`.

    Examples
    --------
    >>> r = monitoring_rosters(seed=1)
    >>> list(r.columns), int(r.groupby("wave")["staff"].sum().iloc[-1])
    (['school', 'wave', 'staff'], 300)
    """
    people = _staff(schools, list(waves), staff, seed)
    table = people.groupby(["school", "wave"], sort=False).size().rename("staff").reset_index()
    return table[["school", "wave", "staff"]]


def monitoring_sample(
    checklist: Checklist, *, seed: int = 2026, **options: object
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The shipped sample: wide answers (one row per response) and the rosters.

    ``plnlib/samples/monitoring_answers.csv`` and ``monitoring_rosters.csv`` are
    these two tables for the ``knowledge-mobilisation`` checklist with the
    default seed, written with ``DataFrame.to_csv(index=False)``.

    Examples
    --------
    >>> from plnlib.io.content import load_checklist
    >>> kmb = load_checklist("knowledge-mobilisation")
    >>> answers, rosters = monitoring_sample(kmb)
    >>> list(answers.columns[:7]), list(answers.columns[7:]) == list(kmb.item_ids)
    (['respondent', 'wave', 'school', 'role', 'pln_member', 'years_in_network', 'synthetic'], True)
    """
    tidy = monitoring_answers(checklist, seed=seed, **options)  # type: ignore[arg-type]
    keys = ["respondent", "wave", "school", "role", "pln_member", "years_in_network", "synthetic"]
    wide = tidy.pivot(index=keys, columns="item", values="value")
    wide = wide[list(checklist.item_ids)].reset_index()
    wide.columns.name = None
    order = tidy[keys].drop_duplicates().reset_index(drop=True)
    wide = order.merge(wide, on=keys, how="left")
    rosters = monitoring_rosters(
        seed=seed,
        **{k: v for k, v in options.items() if k in ("schools", "waves", "staff")},  # type: ignore[arg-type]
    )
    return wide, rosters
