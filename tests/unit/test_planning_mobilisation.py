"""The mobilisation tracker: known answers, shares that add up, bad inputs, the command."""

from __future__ import annotations

import re
import subprocess
import sys

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plnlib.charts.mobilisation import funnel_chart, stage_time_chart
from plnlib.errors import DataError
from plnlib.planning.mobilisation import (
    STAGES,
    mobilisers,
    prepare_records,
    reach,
    stage_of,
    stage_over_time,
    stalls,
)
from plnlib.samples.planning import mobilisation_records

RAW = pd.DataFrame(
    {
        "Innovation": ["Quiz", "Quiz", "Quiz", "Quiz", "Quiz", "Talk"],
        "School": ["A", "A", "A", "B", "B", "B"],
        "Person": ["Ann", "Ann", "Bo", "Cy", "Cy", "Cy"],
        "Role": ["Teacher", "Teacher", "TA", "Teacher", "Teacher", "Teacher"],
        "Stage": ["engaging", "Trialling it with colleagues", "engage", "1", "trial", "refine"],
        "Date": [
            "2026-01-05",
            "2026-02-01",
            "10/01/2026",
            "2026-01-10",
            "2026-04-20",
            "2026-03-01",
        ],
        "Lead": ["Dee", "Dee", "Dee", "Eve", "Eve", "Eve"],
    }
)


def test_known_reach_and_by_role():
    rec = prepare_records(RAW)
    assert rec["date"].is_monotonic_increasing and rec["level"].iloc[0] == "staff"
    quiz = reach(rec).query("innovation == 'Quiz'")
    assert quiz[["stage", "units", "share"]].values.tolist() == [
        ["engaging", 1, 0.3333],
        ["trialling", 2, 0.6667],
        ["refining", 0, 0.0],
    ]
    before = reach(rec, as_of=pd.Timestamp("2026-01-31")).query("innovation == 'Quiz'")
    assert before["units"].tolist() == [3, 0, 0]
    roles = reach(rec, by="role").query("innovation == 'Quiz' and role == 'TA'")
    assert roles["suppressed"].all() and roles["units"].isna().all()  # one TA: hidden


def test_stalls_and_the_last_stage_never_stalls():
    rec = prepare_records(RAW)
    out = stalls(rec, days=30, as_of=pd.Timestamp("2026-04-30"))
    assert out[["unit", "stage", "since", "days"]].values.tolist() == [
        ["Bo", "engaging", "2026-01-10", 110],
        ["Ann", "trialling", "2026-02-01", 88],
    ]
    assert "Talk" not in set(out["innovation"])  # Cy is refining Talk
    with pytest.raises(DataError, match="at least 1 day"):
        stalls(rec, days=0, as_of=pd.Timestamp("2026-04-30"))


def test_who_mobilises_linked_to_the_network():
    rec = prepare_records(RAW)
    people = pd.DataFrame({"node": ["dee", "Zed"], "in_degree": [7, 1], "betweenness": [0.4, 0.0]})
    leads = mobilisers(rec, people).set_index("lead")
    assert leads.loc["Dee", ["innovations", "units", "in_network", "in_degree"]].tolist() == [
        1,
        2,
        True,
        7,
    ]
    assert not leads.loc["Eve", "in_network"] and pd.isna(leads.loc["Eve", "in_degree"])


def test_over_time_carries_the_latest_stage_forward():
    over = stage_over_time(prepare_records(RAW))
    quiz = over[(over["innovation"] == "Quiz") & (over["date"] == pd.Timestamp("2026-03-01"))]
    assert quiz["units"].tolist() == [2, 1, 0]  # Bo and Cy engaging, Ann trialling


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"Stage": ["adopting", *list(RAW["Stage"][1:])]},
            r"row 2, column stage: expected a stage.*'adopting'",
        ),
        ({"Date": ["soon", *list(RAW["Date"][1:])]}, "expected a date"),
        ({"School": [None, *list(RAW["School"][1:])]}, "expected a school in every row"),
    ],
)
def test_bad_records(change, message):
    with pytest.raises(DataError, match=message):
        prepare_records(RAW.assign(**change), where="t.csv")
    with pytest.raises(DataError, match="found no stage"):
        prepare_records(RAW.drop(columns="Stage"))


def test_stage_names_come_from_the_chapter():
    assert [s.id for s in STAGES] == ["engaging", "trialling", "refining"]
    assert stage_of("Refining and using it") == "refining"


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from("XY"),
            st.sampled_from("ABC"),
            st.integers(0, 5),
            st.sampled_from(["engaging", "trialling", "refining"]),
            st.integers(0, 300),
        ),
        min_size=1,
        max_size=40,
    )
)
def test_reach_shares_add_up_to_one(rows):
    raw = pd.DataFrame(
        [
            {
                "innovation": i,
                "school": s,
                "person": f"{s}{p}",
                "role": "T",
                "stage": st_,
                "date": (pd.Timestamp("2025-09-01") + pd.Timedelta(days=d)).date().isoformat(),
            }
            for i, s, p, st_, d in rows
        ]
    )
    rec = prepare_records(raw)
    for by in (None, "school", "role"):
        table = reach(rec, by=by, min_group=3)
        keys = ["innovation"] + ([by] if by else [])
        shown = table[~table["suppressed"]] if by else table
        sums = shown.groupby(keys)["share"].sum()
        assert ((sums - 1).abs() < 1e-3).all()
        if by is None:
            assert table["units"].sum() == rec.groupby(["innovation", "unit"]).ngroups
        else:  # a group shown has at least 3 staff; a hidden one shows no number
            assert (shown.groupby(keys)["units"].sum() >= 3).all()
            hidden = table[table["suppressed"]]
            assert hidden["units"].isna().all() and hidden["share"].isna().all()


def test_charts_have_text_and_tables():
    rec = prepare_records(mobilisation_records())
    funnel = funnel_chart(reach(rec)).to_dict()
    assert "reached at least" in funnel["usermeta"]["plnlib"]["columns"]
    assert funnel["description"].startswith("Grouped bars")
    timeline = stage_time_chart(stage_over_time(rec)).to_dict()
    assert timeline["params"][0]["name"] == "innovation" and "Latest:" in timeline["description"]


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "plnlib.cli", *map(str, args)], capture_output=True, text=True
    )


def test_the_command(tmp_path):
    path = tmp_path / "records.csv"
    RAW.to_csv(path, index=False)
    res = run("mobilisation", path, "--by", "role", "-o", tmp_path / "reach.csv")
    assert res.returncode == 0, res.stderr
    assert "Quiz: 33% engaging, 67% trialling, 0% refining" in res.stdout
    out = pd.read_csv(tmp_path / "reach.csv", encoding="utf-8-sig")
    assert set(out.columns) >= {"innovation", "role", "stage", "units", "share"}
    html_res = run("mobilisation", path, "-o", tmp_path / "r.html", "--stall-days", 30)
    page = (tmp_path / "r.html").read_text()
    assert html_res.returncode == 0 and "Stalled for more than 30 days" in page
    main = page[page.index('<main id="main">') :]
    assert not re.search(r"\b(Ann|Bo|Cy|Dee|Eve)\b", main) and "S00" in main  # codes, not names
    RAW.assign(Stage=["adopting"] * 6).to_csv(path, index=False)
    bad = run("mobilisation", path, "-o", tmp_path / "x.csv")
    assert bad.returncode == 2 and "adopting" in bad.stderr and len(bad.stderr.splitlines()) == 1


def test_the_command_links_leads_to_a_network_with_two_relations(tmp_path):
    path = tmp_path / "records.csv"
    RAW.to_csv(path, index=False)
    ties = tmp_path / "ties.csv"
    ties.write_text("source,target,relation\nAnn,Dee,advice\nBo,Dee,advice\nDee,Bo,information\n")
    res = run("mobilisation", path, "--network", ties, "-o", tmp_path / "r.csv")
    assert res.returncode == 0, res.stderr
    assert "leads found in the network: 1 of 2" in res.stdout
