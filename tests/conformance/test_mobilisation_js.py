"""The in-page mobilisation tracker (pln-mobilisation.js) gives plnlib's answers, in Chromium.

The corpus (synthetic records, and bad ones) is made and answered by plnlib; the
page is plnlib's own HTML (mobilisation_tool_html).
"""

from __future__ import annotations

import base64
import io
import json

import pandas as pd
import pytest

from plnlib.charts.mobilisation import funnel_data, funnel_description, over_data, over_description
from plnlib.errors import DataError
from plnlib.io.planning import read_mobilisation
from plnlib.planning.mobilisation import (
    parse_date,
    prepare_records,
    reach,
    stage_over_time,
    stalls,
)
from plnlib.samples.planning import mobilisation_records
from plnlib.web.planning_tools import mobilisation_tool_html
from tests.conformance.tool_pages import SITE_ROOT

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
    for seed, staff in ((1, 4), (2, 4), (3, 7), (4, 2)):
        frame = mobilisation_records(seed=seed, staff_per_school=staff).astype(object)
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
    table = reach(rec)
    funnel = funnel_data(table)
    over = over_data(stage_over_time(rec))
    out = {
        "reach": table.to_dict("records"),
        "stalls": stalls(rec, days=30, as_of=as_of).to_dict("records"),
        "by_school": reach(rec, by="school", min_group=3).to_dict("records"),
        "funnel": funnel,
        "funnel_description": funnel_description(funnel),
        "over": over,
        "over_description": over_description(over),
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
        w = {
            k: (None if v is pd.NA or (isinstance(v, float) and pd.isna(v)) else v)
            for k, v in w.items()
        }
        assert set(g) == set(w), (g, w)
        for k in w:
            if k == "share" and w[k] is not None:
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
            const funnel = M.funnelData(M.reach(rec)), over = M.overTime(rec);
            const out = {reach: M.reach(rec), stalls: M.stalls(rec, 30, asOf),
                         by_school: M.reach(rec, "school", undefined, 3), funnel: funnel,
                         funnel_description: M.funnelDescription(funnel), over: over,
                         over_description: M.overDescription(over)};
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
            if isinstance(want[key], str):
                assert got[key] == want[key], key
            else:
                _close(got[key], want[key])
    assert not page.errors


def test_the_corpus_has_stalls_errors_and_hidden_groups():
    assert sum("error" in c["expected"] for c in CASES) == 3
    assert sum(len(c["expected"].get("stalls", [])) for c in CASES) >= 5
    hidden = [r for c in CASES for r in c["expected"].get("by_role", []) if r["suppressed"]]
    shown = [r for c in CASES for r in c["expected"].get("by_school", []) if not r["suppressed"]]
    assert len(hidden) >= 6 and len(shown) >= 6
    assert any(r["suppressed"] for c in CASES for r in c["expected"].get("by_school", []))


def _files():
    """Records as files: a Windows-1252 CSV with semicolons, and a workbook (dates as dates)."""
    frame = pd.DataFrame(SMALL).assign(school=["École A", "École A", "École A", "Bâle", "Bâle"])
    frame = frame.assign(
        stage=["engaging", "trial", "engage", "3", "trial"],
        date=["2026-01-05", "01/02/2026", "10/01/2026", "2026-03-01", "2026-04-20"],
    )
    book = io.BytesIO()
    dates = [parse_date(d) for d in frame["date"]]
    frame.assign(date=dates).to_excel(book, index=False)
    return [
        ("tracker-cp1252.csv", frame.to_csv(index=False, sep=";").encode("cp1252")),
        ("tracker.xlsx", book.getvalue()),
        ("no-stage.csv", frame.drop(columns="stage").to_csv(index=False).encode()),
    ]


@pytest.mark.parametrize(("name", "data"), _files(), ids=[n for n, _ in _files()])
def test_files_are_read_as_plnlib_reads_them(page, tmp_path, name, data):
    (tmp_path / name).write_bytes(data)
    try:
        want = reach(read_mobilisation(tmp_path / name), by="school", min_group=3)
        want = want.to_dict("records")
    except DataError as err:
        want = {"error": f"{name}: {err.what}"}
    got = page.evaluate(
        """async ([b64, name]) => {
          const M = PlnMobilisation, bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
          try {
            const got = await PlnPlanRead.readBytes(bytes, name, document.querySelector(".pln-mobilisation").dataset.vendor);
            return M.reach(M.prepare(M.fromTable(got.table, name), name), "school", undefined, 3);
          } catch (e) { if (e.name !== "PlnError") { throw e; } return {error: e.message}; }
        }""",
        [base64.b64encode(data).decode(), name],
    )
    if isinstance(want, dict):
        assert got["error"].startswith(want["error"]), (got, want)
    else:
        _close(got, want)
    assert not page.errors


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
    page.click(".pln-mob-forget")  # asks first; "No" keeps the records
    assert "Forget the 2 records" in page.inner_text(".pln-confirm-text")
    page.click(".pln-confirm-no")
    assert page.evaluate("localStorage.getItem('pln-mobilisation')") is not None
    page.click(".pln-mob-forget")
    page.click(".pln-confirm-yes")
    assert page.evaluate("localStorage.getItem('pln-mobilisation')") is None


def _networks():
    """Edge lists among the sample's leads and other staff (synthetic), as plnlib reads them."""
    import random

    out = []
    for seed in (1, 2, 3):
        rng = random.Random(seed)
        people = ["L1", "L2", "L3", "l4 ", "Ann", "Ben", "Cy", "Dee"]
        rows = []
        for _ in range(18):
            a, b = rng.sample(people, 2)
            rows.append({"source": a, "target": b})
        rows.append({"source": "Ann", "target": "ann"})  # a self-tie, dropped
        rows.append(dict(rows[0]))  # a duplicate, merged
        frame = pd.DataFrame(rows)
        if seed == 2:
            frame["relation"] = ["advice" if i % 3 else "friendship" for i in range(len(frame))]
        if seed == 3:
            frame["wave"] = ["1" if i % 2 else "2" for i in range(len(frame))]
        out.append((f"ties-{seed}.csv", frame))
    return out


@pytest.mark.parametrize(("name", "ties"), _networks(), ids=[n for n, _ in _networks()])
def test_leads_are_matched_to_the_network_as_plnlib_does(page, tmp_path, name, ties):
    from plnlib.io.networks import load_network
    from plnlib.networks.metrics import node_metrics
    from plnlib.planning.mobilisation import mobilisers

    records = mobilisation_records(seed=1, staff_per_school=4).astype(object)
    records = records.where(records.notna(), None)
    ties.to_csv(tmp_path / name, index=False)
    net = load_network(tmp_path / name)
    waves = [w for w in net.waves if w]
    relation = "advice" if "advice" in net.relations else net.relations[0]
    net = net.select(relation=relation, wave=waves[-1] if len(waves) > 1 else None)
    want = mobilisers(prepare_records(pd.DataFrame(records)), node_metrics(net))
    got = page.evaluate(
        """async ([records, csv, name]) => {
          const M = PlnMobilisation;
          const table = PlnPlanRead.asObjects(PLN.read.readCsvText(csv, name));
          return M.mobilisers(M.prepare(records, "record"), M.networkPeople(table, name));
        }""",
        [records.to_dict("records"), (tmp_path / name).read_text(), name],
    )
    assert [g["lead"] for g in got] == want["lead"].tolist()
    for g, w in zip(got, want.to_dict("records"), strict=True):
        assert g["in_network"] == w["in_network"]
        for k in ("innovations", "units", "schools", "refining", "in_degree"):
            assert g[k] == w[k], (k, g, w)
        assert g["betweenness"] == pytest.approx(w["betweenness"], abs=1e-9)
    assert sum(w["in_degree"] for w in want.to_dict("records")) > 0
    assert not page.errors


def test_the_page_opens_a_spreadsheet_hides_small_groups_and_draws_the_charts(page, tmp_path):
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_function("window.PlnMobilisation !== undefined")
    mobilisation_records(seed=3, staff_per_school=3).to_csv(
        tmp_path / "t.csv", sep=";", index=False, encoding="cp1252"
    )
    page.set_input_files("#pln-mob-open", str(tmp_path / "t.csv"))
    page.wait_for_function(
        "document.querySelector('.pln-mob-status').textContent.startsWith('Opened t.csv')"
    )
    by_school = page.locator("table:has(caption:text-is('At each stage now, by school'))")
    hidden_at_5 = by_school.locator("td:text-is('hidden')").count()
    assert hidden_at_5 > 0  # three staff a school at most: fewer than 5
    page.focus("#pln-mob-min")
    page.keyboard.press("Control+A")
    page.keyboard.type("3")
    page.keyboard.press("Tab")
    by_school = page.locator("table:has(caption:text-is('At each stage now, by school'))")
    assert by_school.locator("td:text-is('hidden')").count() < hidden_at_5
    page.wait_for_selector(".pln-mob-charts svg[role=img]", timeout=30000)
    assert page.locator(".pln-mob-charts figure").count() == 2
    labels = page.eval_on_selector_all(
        ".pln-mob-charts svg[role=img]", "els => els.map(e => e.getAttribute('aria-label'))"
    )
    assert labels[0].startswith("How far each innovation has spread. Grouped bars")
    assert page.locator(".pln-mob-charts table").count() == 2
    assert not page.errors
