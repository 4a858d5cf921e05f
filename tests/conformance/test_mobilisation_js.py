"""The in-page mobilisation tracker (pln-mobilisation.js) gives plnlib's answers, in Chromium.

The corpus (synthetic records, and bad ones) is made and answered by plnlib; the
page is plnlib's own HTML (mobilisation_tool_html).
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from plnlib.errors import DataError
from plnlib.io.planning import read_mobilisation
from plnlib.planning.mobilisation import prepare_records, reach, stalls
from plnlib.samples.planning import mobilisation_records
from plnlib.web.planning_tools import mobilisation_tool_html
from tests.conformance.conftest import SITE_ROOT

FIELDS = ["innovation", "school", "person", "role", "stage", "date", "evidence", "lead"]
SMALL = [
    {
        "innovation": "Quiz",
        "school": "A",
        "person": "a1",
        "role": "Teacher",
        "stage": "engaging",
        "date": "2026-01-05",
    },
    {
        "innovation": "Quiz",
        "school": "A",
        "person": "a1",
        "role": "Teacher",
        "stage": "Trialling it with colleagues",
        "date": "01/02/2026",
    },
    {
        "innovation": "Quiz",
        "school": "A",
        "person": "a2",
        "role": None,
        "stage": "engage",
        "date": "10/01/2026",
    },
    {
        "innovation": "Talk",
        "school": "B",
        "person": "b1",
        "role": "TA",
        "stage": "3",
        "date": "2026-03-01",
    },
    {
        "innovation": "Quiz",
        "school": "B",
        "person": "b1",
        "role": "TA",
        "stage": "trial",
        "date": "2026-04-20",
    },
]


def _cases():
    cases = [
        {"name": "small", "records": SMALL},
        {
            "name": "schools-only",
            "records": [{k: v for k, v in r.items() if k != "person"} for r in SMALL],
        },
    ]
    for seed in (1, 2):
        frame = mobilisation_records(seed=seed, staff_per_school=4).astype(object)
        frame = frame.where(frame.notna(), None)
        cases.append({"name": f"sample-{seed}", "records": frame.to_dict("records")})
    for name, change in (
        ("unknown-stage", {"stage": "adopting"}),
        ("bad-date", {"date": "31/02/2026"}),
        ("no-school", {"school": None}),
    ):
        cases.append({"name": name, "records": [*SMALL[:2], {**SMALL[2], **change}]})
    for case in cases:
        case["expected"] = _answer(case["records"])
    return cases


def _answer(records):
    frame = pd.DataFrame(records)
    try:
        rec = prepare_records(frame, where="record")
    except DataError as err:
        return {"error": f"{err.where}: {err.what}"}
    as_of = rec["date"].max()
    out = {
        "reach": reach(rec).to_dict("records"),
        "stalls": stalls(rec, days=30, as_of=as_of).to_dict("records"),
    }
    if "role" in frame:
        out["by_role"] = reach(rec, by="role").to_dict("records")
    return out


CASES = _cases()


@pytest.fixture(scope="module")
def page(tool_page):
    return tool_page(mobilisation_tool_html(root=SITE_ROOT), "window.PlnMobilisation !== undefined")


def _close(got, want):
    assert len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        w = {k: (None if isinstance(v, float) and pd.isna(v) else v) for k, v in w.items()}
        assert set(g) == set(w), (g, w)
        for k in w:
            if k == "share":
                assert g[k] == pytest.approx(w[k], abs=1e-4)
            else:
                assert g[k] == w[k], (k, g, w)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_the_page_gives_plnlibs_answer(page, case):
    got = page.evaluate(
        """([records, role]) => {
          const M = PlnMobilisation;
          try {
            const rec = M.prepare(records, "record");
            const asOf = rec[rec.length - 1].date;
            const out = {reach: M.reach(rec), stalls: M.stalls(rec, 30, asOf)};
            if (role) { out.by_role = M.reach(rec, "role"); }
            return out;
          } catch (e) { if (!(e instanceof M.PlnError)) { throw e; } return {error: e.message}; }
        }""",
        [case["records"], "by_role" in case["expected"]],
    )
    want = case["expected"]
    if "error" in want:
        assert "error" in got and got["error"].startswith(want["error"]), (got, want)
    else:
        for key in want:
            _close(got[key], want[key])
    assert not page.errors


def test_the_corpus_has_stalls_and_errors():
    assert sum("error" in c["expected"] for c in CASES) == 3
    assert sum(len(c["expected"].get("stalls", [])) for c in CASES) >= 5


def test_records_added_in_the_page_are_read_by_plnlib(page, tmp_path):
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_function("window.PlnMobilisation !== undefined")
    for rec in SMALL[:1] + SMALL[3:4]:
        page.fill("#pln-mob-innovation", rec["innovation"])
        page.fill("#pln-mob-school", rec["school"])
        page.fill("#pln-mob-person", rec["person"])
        page.select_option(
            "#pln-mob-stage", "engaging" if rec["stage"] == "engaging" else "refining"
        )
        page.fill("#pln-mob-date", rec["date"])
        page.focus(".pln-mob-add")
        page.keyboard.press("Enter")
    assert "2 records kept in this browser" in page.inner_text(".pln-mob-status")
    doc = page.evaluate("JSON.parse(localStorage.getItem('pln-mobilisation'))")
    (tmp_path / "mobilisation.json").write_text(json.dumps(doc))
    rec = read_mobilisation(tmp_path / "mobilisation.json")
    assert rec["stage"].tolist() == ["engaging", "refining"] and rec["unit"].tolist() == [
        "a1",
        "b1",
    ]
    page.fill("#pln-mob-date", "")
    page.click(".pln-mob-add")
    assert "expected a date" in page.inner_text(".pln-mob-status")
    page.click(".pln-mob-forget")
    assert page.evaluate("localStorage.getItem('pln-mobilisation')") is None
