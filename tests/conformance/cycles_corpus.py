"""The improvement cycles conformance corpus, made and answered by plnlib.

Each case is a driver diagram (the YAML form), a PDSA log and readings of the
measure, as the in-page tool keeps them, with plnlib's answer: the checked
diagram's layout, text alternative and table, the checked log, the run chart's
data and text alternative, or plnlib's message for the first thing wrong.
Synthetic throughout.
"""

from __future__ import annotations

import copy
import random
from typing import Any

import pandas as pd

from plnlib.charts.cycles import diagram_description, diagram_layout, run_data, run_description
from plnlib.errors import DataError
from plnlib.planning.cycles import (
    diagram_from_dict,
    diagram_rows,
    prepare_cycles,
    prepare_measures,
)
from plnlib.samples.planning import driver_diagram_data, measure_readings, pdsa_log


def _sample() -> dict[str, Any]:
    return {
        "diagram": driver_diagram_data(),
        "cycles": pdsa_log().to_dict("records"),
        "measures": measure_readings().astype({"value": str}).to_dict("records"),
    }


def _random_case(seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    words = [
        "reading",
        "talk",
        "books",
        "time",
        "families",
        "library",
        "pupils",
        "choice",
        "voice",
        "notes",
        "trial",
        "peer",
    ]
    text = lambda n: " ".join(rng.choice(words) for _ in range(n))  # noqa: E731
    primaries, n_s, n_c = [], 0, 0
    for i in range(rng.randint(3, 5)):
        subs = []
        for _ in range(rng.randint(0, 3)):
            n_s += 1
            ideas = []
            for _ in range(rng.randint(0, 3)):
                n_c += 1
                ideas.append({"id": f"C{n_c}", "text": text(rng.randint(1, 12))})
            subs.append({"id": f"S{n_s}", "text": text(rng.randint(1, 9)), "change_ideas": ideas})
        primaries.append(
            {"id": f"P{i + 1}", "text": text(rng.randint(2, 14)), "secondary_drivers": subs}
        )
    diagram = {
        "aim": text(6),
        "measure": text(2),
        "target_date": f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2027",
        "primary_drivers": primaries,
    }
    ideas = [f"C{k}" for k in range(1, n_c + 1)]
    cycles = []
    for k in range(rng.randint(0, 5) if ideas else 0):
        row = {
            "cycle": str(k + 1),
            "change_idea": rng.choice(ideas),
            "question": text(5),
            "prediction": text(4),
            "start": f"2026-{rng.randint(1, 12)}-{rng.randint(1, 28)}",
        }
        for c, p in (("do", 0.7), ("study", 0.5), ("next", 0.3)):
            if rng.random() < p:
                row[c] = text(3)
        if rng.random() < 0.5:
            row["act"] = rng.choice(["adopt", "Adapt", "ABANDON", ""])
        cycles.append(row)
    values = [0.000123, 1234567.0, 45.5, 12, -3.25, 1e-7, 99.99999, 100, 2.5e6]
    measures = [
        {
            "date": f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/2026",
            "value": rng.choice(
                [str(rng.choice(values)), f"{rng.randint(0, 99)},{rng.randint(0, 9)}"]
            ),
            "cycle": rng.choice(["", "1", "2"]),
        }
        for _ in range(rng.randint(1, 9))
    ]
    return {"diagram": diagram, "cycles": cycles, "measures": measures}


def _bad_cases() -> list[tuple[str, dict[str, Any]]]:
    out = []

    def change(name: str, fn) -> None:
        case = _sample()
        fn(case)
        out.append((name, case))

    change("no-aim", lambda c: c["diagram"].update(aim="  "))
    change("no-measure", lambda c: c["diagram"].pop("measure"))
    change("bad-target", lambda c: c["diagram"].update(target_date="31/02/2027"))
    change("two-primaries", lambda c: c["diagram"]["primary_drivers"].pop())
    change(
        "six-primaries",
        lambda c: c["diagram"]["primary_drivers"].extend(
            {"id": f"P{i}", "text": "More"} for i in (4, 5, 6)
        ),
    )
    change("twice-an-id", lambda c: c["diagram"]["primary_drivers"][2].update(id="S1"))
    change(
        "idea-without-text",
        lambda c: c["diagram"]["primary_drivers"][1]["secondary_drivers"][0]["change_ideas"][
            0
        ].update(text=None),
    )
    change(
        "secondary-without-id",
        lambda c: c["diagram"]["primary_drivers"][0]["secondary_drivers"][1].update(id=""),
    )
    change("no-prediction", lambda c: c["cycles"][1].update(prediction=""))
    change("no-question", lambda c: c["cycles"][2].update(question=None))
    change("cycle-twice", lambda c: c["cycles"][2].update(cycle="1"))
    change("no-cycle-id", lambda c: c["cycles"][0].update(cycle=" "))
    change("unknown-idea", lambda c: c["cycles"][0].update(change_idea="C9"))
    change("bad-act", lambda c: c["cycles"][0].update(act="keep"))
    change("bad-start", lambda c: c["cycles"][1].update(start="next week"))
    change("no-prediction-column", lambda c: [r.pop("prediction") for r in c["cycles"]])
    change("value-not-a-number", lambda c: c["measures"][3].update(value="n/a"))
    change("value-empty", lambda c: c["measures"][0].update(value=""))
    change("reading-bad-date", lambda c: c["measures"][2].update(date="2026-13-01"))
    change("readings-no-value", lambda c: [r.pop("value") for r in c["measures"]])
    change("not-a-diagram", lambda c: c.update(diagram=["aim"]))
    return out


def answer(case: dict[str, Any]) -> dict[str, Any]:
    """plnlib's answer for one case (what the page must give)."""
    try:
        d = diagram_from_dict(case["diagram"], where="driver diagram")
        cycles = (
            prepare_cycles(pd.DataFrame(case["cycles"]), diagram=d, where="PDSA log")
            if case["cycles"]
            else None
        )
        measures = prepare_measures(pd.DataFrame(case["measures"]), where="readings")
    except DataError as err:
        return {"error": err.message}
    data = run_data(measures, cycles)
    log = []
    if cycles is not None:
        shown = cycles.assign(start=cycles["start"].dt.strftime("%Y-%m-%d"))
        log = [
            {k: (None if pd.isna(v) else v) for k, v in r.items()} for r in shown.to_dict("records")
        ]
    return {
        "layout": diagram_layout(d),
        "description": diagram_description(d),
        "rows": diagram_rows(d).values.tolist(),
        "cycles": log,
        "run": data,
        "run_description": run_description(data, d.measure),
    }


def cases() -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(name, case, plnlib's answer) for the sample, random and bad cases."""
    out = [("sample", _sample())]
    out += [(f"random-{s}", _random_case(s)) for s in range(12)]
    out += _bad_cases()
    return [(name, copy.deepcopy(case), answer(case)) for name, case in out]
