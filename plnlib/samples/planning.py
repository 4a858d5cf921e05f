"""Synthetic data for the planning tools: free times as a form export, mobilisation records.

Every frame made here is synthetic: it describes no real school or person.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = [
    "SAMPLE_SLOTS",
    "driver_diagram_data",
    "free_times_grid",
    "measure_readings",
    "mobilisation_records",
    "pdsa_log",
]

#: The slots of the synthetic form's grid, in order.
SAMPLE_SLOTS: tuple[str, ...] = ("Before school", "Lunch", "After school", "Twilight")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def free_times_grid(
    *,
    members: int = 18,
    schools: tuple[str, ...] = ("School A", "School B", "School C", "School D"),
    seed: int = 2026,
    style: str = "google",
) -> pd.DataFrame:
    """A synthetic form export of members' free times, one column per day.

    ``style="google"`` gives a Google Forms checkbox grid (``Question [Monday]``,
    slots joined by ``, ``); ``"microsoft"`` a Microsoft Forms export (columns
    named after the day, choices joined by ``;``, a trailing ``;``).
    Each school has its own habits (one prefers after school, one lunch).

    Examples
    --------
    >>> grid = free_times_grid(members=4, seed=1)
    >>> list(grid.columns[:3])
    ['Timestamp', 'Name', 'School']
    >>> len(grid)
    4
    """
    rng = np.random.default_rng(seed)
    base = np.array([0.25, 0.35, 0.55, 0.2])
    rows = []
    for i in range(members):
        school = schools[i % len(schools)]
        lean = base.copy()
        lean[(i % len(schools)) % len(SAMPLE_SLOTS)] += 0.25
        row: dict[str, object] = {
            "Timestamp": f"2026/09/{7 + i // 6:02d} {8 + i % 9}:{(7 * i) % 60:02d}:00",
            "Name": f"Member {i + 1:02d} (synthetic)",
            "School": school,
        }
        for d_i, day in enumerate(_DAYS):
            busy_day = 0.15 if d_i == 4 else 0.0  # Fridays are harder
            chosen = [
                s for s, p in zip(SAMPLE_SLOTS, lean, strict=True) if rng.random() < p - busy_day
            ]
            if style == "google":
                row[f"When are you free for network meetings? [{day}]"] = ", ".join(chosen) or None
            else:
                row[day] = "".join(f"{s};" for s in chosen) or None
        rows.append(row)
    return pd.DataFrame(rows)


def mobilisation_records(*, seed: int = 2026, staff_per_school: int = 6) -> pd.DataFrame:
    """Synthetic tracker records: three innovations in four schools over a school year.

    Staff are codes (``A-01``), leads are codes (``L1`` ...); evidence notes
    are generic. One innovation stalls at trialling in one school, so the
    stall view has something to show.

    Examples
    --------
    >>> rec = mobilisation_records(staff_per_school=2)
    >>> sorted(rec.columns)[:4]
    ['date', 'evidence', 'innovation', 'lead']
    """
    rng = np.random.default_rng(seed)
    innovations = (
        "Retrieval practice (synthetic)",
        "Reading aloud routines (synthetic)",
        "Peer feedback on writing (synthetic)",
    )
    roles = ("Teacher", "Teacher", "Teaching assistant", "Middle leader")
    notes = {
        "engaging": "Discussed the evidence at a department meeting.",
        "trialling": "Tried in two classes for three weeks; compared notes.",
        "refining": "Reviewed at the termly review point and adapted.",
    }
    rows = []
    for i_n, innovation in enumerate(innovations):
        for s_i, school in enumerate(("School A", "School B", "School C", "School D")):
            lead = f"L{s_i + 1}" if i_n != 2 else "L1"
            for p in range(staff_per_school):
                if rng.random() < 0.2 + 0.15 * i_n:
                    continue  # not involved in this innovation
                day = pd.Timestamp("2025-09-08") + pd.Timedelta(days=int(rng.integers(0, 40)))
                top = int(rng.choice([0, 1, 1, 2, 2], p=[0.2, 0.25, 0.15, 0.2, 0.2]))
                if s_i == 2 and i_n == 0:
                    top = min(top, 1)  # stalls at trialling in School C
                for step, stage in enumerate(("engaging", "trialling", "refining")[: top + 1]):
                    rows.append(
                        {
                            "innovation": innovation,
                            "school": school,
                            "person": f"{school[-1]}-{p + 1:02d}",
                            "role": roles[p % len(roles)],
                            "stage": stage,
                            "date": (day + pd.Timedelta(days=70 * step + int(rng.integers(0, 20))))
                            .date()
                            .isoformat(),
                            "evidence": notes[stage],
                            "lead": lead,
                        }
                    )
    return pd.DataFrame(rows).sort_values("date", kind="stable").reset_index(drop=True)


def driver_diagram_data() -> dict[str, object]:
    """A synthetic driver diagram in its YAML form (a reading aim; made up for the example).

    Examples
    --------
    >>> len(driver_diagram_data()["primary_drivers"])
    3
    """
    return {
        "aim": "More pupils in Year 4 read for pleasure at home (synthetic example)",
        "measure": "Share of pupils reading at home on 4 or more days a week (reading log)",
        "target_date": "2027-07-16",
        "primary_drivers": [
            {
                "id": "P1",
                "text": "Pupils can choose books they want to read",
                "secondary_drivers": [
                    {
                        "id": "S1",
                        "text": "Class libraries match pupils' interests",
                        "change_ideas": [
                            {"id": "C1", "text": "Pupils vote on new class library books"},
                            {"id": "C2", "text": "Weekly book talk by a pupil"},
                        ],
                    },
                    {
                        "id": "S2",
                        "text": "Pupils know how to pick a book",
                        "change_ideas": [{"id": "C3", "text": "Teach a 'first page' test"}],
                    },
                ],
            },
            {
                "id": "P2",
                "text": "Reading is a shared, social habit",
                "secondary_drivers": [
                    {
                        "id": "S3",
                        "text": "Time to read and talk in school",
                        "change_ideas": [
                            {"id": "C4", "text": "Ten minutes of reading aloud every day"}
                        ],
                    }
                ],
            },
            {
                "id": "P3",
                "text": "Families feel able to support reading",
                "secondary_drivers": [
                    {
                        "id": "S4",
                        "text": "Families know what helps",
                        "change_ideas": [
                            {"id": "C5", "text": "A short reading evening for families"}
                        ],
                    }
                ],
            },
        ],
    }


def pdsa_log() -> pd.DataFrame:
    """A synthetic PDSA log of three cycles for the sample driver diagram."""
    return pd.DataFrame(
        [
            {
                "cycle": "1",
                "change_idea": "C4",
                "question": "Does daily reading aloud raise home reading?",
                "prediction": "Home reading rises from about 40% to 50% in four weeks",
                "measure": "Reading log",
                "who": "Year 4 teachers",
                "start": "2026-01-12",
                "where": "Two Year 4 classes",
                "do": "Read aloud on 18 of 20 days",
                "study": "Rose to 46%: less than predicted; pupils asked for the next book",
                "act": "adapt",
                "next": "Let pupils choose the read-aloud book",
            },
            {
                "cycle": "2",
                "change_idea": "C4",
                "question": "Does pupil choice of the read-aloud book help more?",
                "prediction": "Home reading reaches 50%",
                "measure": "Reading log",
                "who": "Year 4 teachers",
                "start": "2026-02-23",
                "where": "Two Year 4 classes",
                "do": "Pupils voted each week",
                "study": "Reached 52%, as predicted",
                "act": "adopt",
                "next": "Spread to Year 3",
            },
            {
                "cycle": "3",
                "change_idea": "C1",
                "question": "Does voting on library books change choices?",
                "prediction": "More loans of new books",
                "measure": "Library loans",
                "who": "Librarian",
                "start": "2026-04-20",
                "where": "Year 4",
                "do": "",
                "study": "",
                "act": "",
                "next": "",
            },
        ]
    )


def measure_readings() -> pd.DataFrame:
    """Synthetic fortnightly readings of the sample aim's measure (per cent)."""
    values = [38, 41, 39, 40, 42, 44, 47, 45, 49, 51, 53, 52, 54]
    dates = pd.date_range("2025-11-17", periods=len(values), freq="14D")
    return pd.DataFrame({"date": dates.strftime("%Y-%m-%d"), "value": values})
