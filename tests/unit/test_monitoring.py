"""Monitoring: known answers worked by hand, input checks, and invariants with Hypothesis."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plnlib.checklists.scoring import breakdown, compare_waves
from plnlib.errors import DataError
from plnlib.io.content import load_checklist
from plnlib.io.responses import read_responses
from plnlib.monitoring import (
    NETWORK,
    SinglingOut,
    changes,
    group_results,
    is_synthetic,
    monitor,
    prepare_monitoring,
    response_rates,
    singling_out,
)
from plnlib.samples.monitoring import monitoring_answers, monitoring_rosters, monitoring_sample
from tests.conftest import REPO
from tests.unit.reference import breakdown_reference

KMB = load_checklist("knowledge-mobilisation")
SAMPLES = REPO / "plnlib" / "samples"


def _people(wave, school, prefix, one, two, roles=None):
    rows = []
    for k, (a, b) in enumerate(zip(one, two, strict=True)):
        role = roles[k] if roles else "Teacher"
        for item, value in (("KMB-01", a), ("KMB-02", b)):
            rows.append((f"{prefix}{k + 1}", item, value, wave, school, role))
    return rows


def hand_data() -> pd.DataFrame:
    """Two waves, schools A (6 people), B (5) and C (2, then 1); items KMB-01 and KMB-02."""
    dk = "Don't know"
    deputy = ["Deputy head"] + ["Teacher"] * 5
    rows = (
        _people(1, "A", "a", [4, 4, 3, 3, 2, 2], [4, 3, 3, 3, 2, dk], deputy)
        + _people(1, "B", "b", [1, 2, 2, 3, 1], [2, 2, 1, 3, 2])
        + _people(1, "C", "c", [4, 4], [4, 4])
        + _people(2, "A", "a", [4, 4, 4, 3, 3, 2], [4, 4, 3, 3, 3, 3], deputy)
        + _people(2, "B", "b", [2, 2, 2, 3, 2], [2, 3, 2, 3, 2])
        + _people(2, "C", "c", [3], [3])
    )
    return pd.DataFrame(rows, columns=["respondent", "item", "value", "wave", "school", "role"])


@pytest.fixture(scope="module")
def hand():
    prepared = prepare_monitoring(hand_data(), KMB, by="school", wave="wave")
    return monitor(prepared, KMB, by="school", wave="wave")


def _cell(frame, wave, group, item):
    rows = frame[(frame["wave"] == wave) & (frame["group"] == group) & (frame["id"] == item)]
    assert len(rows) == 1
    return rows.iloc[0]


# --------------------------------------------------------------------------- known answers


def test_section_means_by_group_and_wave_known_answers(hand):
    s = hand.sections
    # wave 1, person means of A: 4, 3.5, 3, 3, 2, 2 ("don't know" left out) -> 17.5 / 6
    a1 = _cell(s, 1, "A", "creating-knowledge")
    assert a1["n"] == 6 and a1["mean"] == pytest.approx(17.5 / 6) and not a1["suppressed"]
    assert a1["sd"] == pytest.approx(np.std([4, 3.5, 3, 3, 2, 2], ddof=1))
    # whole network: (17.5 + 9.5 + 8) / 13
    net1 = _cell(s, 1, NETWORK, "creating-knowledge")
    assert net1["n"] == 13 and net1["mean"] == pytest.approx(35 / 13) and net1["network"]
    # C has 2 people: hidden; B (5, the smallest shown) hidden too, or C = total - A - B
    assert _cell(s, 1, "C", "creating-knowledge")["suppressed"]
    b1 = _cell(s, 1, "B", "creating-knowledge")
    # a hidden row shows no number at all: not its mean, and not its size either
    assert b1["suppressed"] and pd.isna(b1["n"]) and np.isnan(b1["mean"]) and np.isnan(b1["sd"])
    net2 = _cell(s, 2, NETWORK, "creating-knowledge")
    assert net2["n"] == 12 and net2["mean"] == pytest.approx(34.5 / 12)
    assert _cell(s, 2, "A", "creating-knowledge")["mean"] == pytest.approx(20 / 6)
    # sections nobody answered are hidden like any cell below the minimum: no n, no mean
    other = _cell(s, 1, NETWORK, "brokers")
    assert other["suppressed"] and pd.isna(other["n"]) and np.isnan(other["mean"])


def test_item_means_and_cell_suppression(hand):
    items = hand.items
    k2 = _cell(items, 1, NETWORK, "KMB-02")
    assert k2["n"] == 12 and k2["mean"] == pytest.approx(33 / 12)
    a = _cell(items, 1, "A", "KMB-02")  # 5 answers and a "don't know": shown at n = 5
    assert a["n"] == 5 and a["mean"] == pytest.approx(3.0) and not a["suppressed"]
    assert a["title"] == KMB.item("KMB-02").text and a["section"] == "creating-knowledge"
    assert _cell(items, 1, "B", "KMB-02")["suppressed"]


def test_changes_per_group_with_n_on_both_sides(hand):
    ch = hand.changes
    sec = ch[(ch["level"] == "section") & (ch["id"] == "creating-knowledge")].set_index("group")
    assert sec.at[NETWORK, "n_before"] == 13 and sec.at[NETWORK, "n_after"] == 12
    assert sec.at[NETWORK, "change"] == pytest.approx(34.5 / 12 - 35 / 13)
    assert sec.at["A", "change"] == pytest.approx(20 / 6 - 17.5 / 6)
    assert sec.at["B", "suppressed"] and np.isnan(sec.at["B", "change"])
    assert hand.previous == 1 and hand.latest == 2


def test_changes_agree_with_compare_waves_and_the_reference_breakdown():
    """Checked against compare_waves and the 0.1 loop breakdown (tests/unit/reference.py)."""
    raw = monitoring_answers(KMB, seed=11)
    prepared = prepare_monitoring(raw, KMB, by="school", wave="wave")
    m = monitor(prepared, KMB, by="school", wave="wave")
    ref = compare_waves(prepared, KMB, before=2024, after=2025).set_index("id")
    mine = m.changes[m.changes["network"]].set_index("id").loc[ref.index]
    for col in ("n_before", "mean_before", "n_after", "mean_after", "change"):
        assert np.allclose(mine[col].astype(float), ref[col].astype(float), equal_nan=True), col
    last = prepared[prepared["wave"] == 2025]
    ref = breakdown_reference(last, KMB, "school").set_index(["school", "section"])
    got = m.sections[(m.sections["wave"] == 2025) & ~m.sections["network"]]
    got = got.set_index(["group", "id"]).loc[ref.index]
    assert (got["suppressed"] | ~ref["suppressed"]).all(), "hidden by the reference, shown here"
    shown = ~got["suppressed"]
    assert shown.sum() > 20, "the comparison needs visible rows"
    assert (got.loc[shown, "n"].to_numpy() == ref.loc[shown, "n"].to_numpy()).all()
    assert np.allclose(got.loc[shown, "mean"], ref.loc[shown, "mean"], equal_nan=True)
    assert np.allclose(got.loc[shown, "sd"], ref.loc[shown, "sd"], equal_nan=True)
    assert got.loc[~shown, ["n", "mean", "sd"]].isna().all().all()
    # the wrapper gives the engine's rows in the 0.1 layout
    wrapped = breakdown(last, KMB, "school").set_index(["school", "section"]).loc[ref.index]
    pd.testing.assert_series_equal(wrapped["n"], got["n"].rename("n"), check_names=False)


def test_distribution_counts_and_shares(hand):
    d = hand.distribution  # latest wave (2)
    row = d[(d["group"] == "A") & (d["id"] == "KMB-01") & (d["value"] == 4)].iloc[0]
    assert row["count"] == 3 and row["n"] == 6 and row["share"] == pytest.approx(3 / 6)
    assert d[(d["group"].isin(["B", "C"]))]["count"].isna().all()
    net = d[d["network"] & (d["id"] == "KMB-01")]
    assert net["count"].sum() == 12 and net["share"].sum() == pytest.approx(1)


def test_response_rates_known_answer():
    prepared = prepare_monitoring(hand_data(), KMB, by="school", wave="wave")
    roster = pd.DataFrame({"school": ["A", "B", "C"], "staff": ["8", "10", "4"]})
    r = response_rates(prepared, roster, wave="wave").set_index(["wave", "group"])
    assert r.at[(2, "A"), "responses"] == 6 and r.at[(2, "A"), "rate"] == 0.75
    assert r.at[(2, NETWORK), "rate"] == round(12 / 22, 2)
    # C is below the minimum and B is its complement: both rates hidden
    assert r.loc[[(2, "B"), (2, "C")], "rate"].isna().all()
    assert r.loc[[(2, "B"), (2, "C")], "suppressed"].all()
    assert r.at[(2, "B"), "staff"] == 10  # staff numbers are not personal


def test_response_rates_per_wave_roster_and_notes():
    prepared = prepare_monitoring(hand_data(), KMB, by="school", wave="wave")
    roster = pd.DataFrame(
        {"school": ["A", "A", "B", "B"], "wave": ["1", "2", "1", "2"], "staff": [5, 12, 9, 9]}
    )
    r = response_rates(prepared, roster, wave="wave", min_group=3).set_index(["wave", "group"])
    assert r.at[(1, "A"), "note"].startswith("more responses than staff")
    assert r.at[(2, "A"), "rate"] == 0.5
    assert r.at[(1, "C"), "note"] == "not in the roster" and np.isnan(r.at[(1, "C"), "rate"])


@pytest.mark.parametrize(
    ("roster", "message"),
    [
        (pd.DataFrame({"school": ["A"], "people": [3]}), "expected a column 'staff'"),
        (pd.DataFrame({"school": ["A"], "staff": ["many"]}), "whole number of staff"),
        (pd.DataFrame({"school": ["A", "A"], "staff": [3, 4]}), "once in the roster"),
        (pd.DataFrame({"campus": ["A"], "staff": [3]}), "group \\(named as in the roster\\)"),
        (pd.DataFrame({"a": ["A"], "b": ["x"], "staff": [3]}), "one group column"),
    ],
)
def test_bad_rosters(roster, message):
    prepared = prepare_monitoring(hand_data(), KMB, by="school", wave="wave")
    with pytest.raises(DataError, match=message):
        response_rates(prepared, roster, wave="wave")


def test_singling_out_finds_the_only_deputy_head(hand):
    found = {(w.columns, w.values, w.wave): w.n for w in hand.warnings}
    assert found[(("role",), ("Deputy head",), 1)] == 1
    assert found[(("school", "role"), ("A", "Deputy head"), 2)] == 1
    assert found[(("school",), ("C",), 2)] == 1
    assert (("school", "role"), ("A", "Teacher"), 1) not in found  # 5 teachers: fine
    w = next(w for w in hand.warnings if w.values == ("A", "Deputy head"))
    assert "school A and role Deputy head" in w.message and "single them out" in w.message
    assert isinstance(w, SinglingOut)
    with pytest.raises(AttributeError):
        w.n = 9  # frozen: warnings are data


def test_singling_out_columns_and_sizes():
    prepared = prepare_monitoring(hand_data(), KMB, wave="wave")
    only_pairs = singling_out(prepared, ["school", "role"], wave="wave", sizes=(2,))
    assert all(len(w.columns) == 2 for w in only_pairs) and only_pairs
    assert singling_out(prepared, ["school"], wave="wave", min_group=3)[0].values == ("C",)


def test_strengths_and_priorities(hand):
    assert list(hand.strengths["level"]) == ["section", "item", "item"]
    assert hand.strengths.iloc[0]["id"] == "creating-knowledge"
    assert hand.priorities.iloc[0]["level"] == "section"


def test_waves_sort_as_numbers_and_names():
    raw = hand_data()
    raw["wave"] = raw["wave"].map({1: "9", 2: "10"})
    m = monitor(prepare_monitoring(raw, KMB, wave="wave"), KMB, wave="wave")
    assert m.waves == (9, 10)  # numbers, so 10 comes after 9
    raw["wave"] = raw["wave"].map({"9": "Year 9", "10": "Year 10"})
    m = monitor(prepare_monitoring(raw, KMB, wave="wave"), KMB, wave="wave")
    assert m.waves == ("Year 9", "Year 10")


def test_single_survey_without_groups_or_waves():
    raw = hand_data()
    one = raw[raw["wave"] == 1].drop(columns="wave")
    m = monitor(prepare_monitoring(one, KMB), KMB)
    assert m.waves == () and m.changes is None and m.latest is None
    assert set(m.sections["group"]) == {NETWORK}
    assert m.responses["responses"].tolist() == [13]


def test_changes_rejects_an_unknown_wave(hand):
    with pytest.raises(DataError, match="before wave 7"):
        changes(hand.sections, wave="wave", before=7, after=2)


def test_group_results_item_level_and_bad_level():
    prepared = prepare_monitoring(hand_data(), KMB, by="school", wave="wave")
    items = group_results(prepared, KMB, "school", wave="wave", level="item")
    assert set(items["id"]) == set(KMB.item_ids)
    with pytest.raises(DataError, match="level"):
        group_results(prepared, KMB, "school", level="person")


def test_a_group_named_like_the_totals_is_refused():
    raw = hand_data().replace({"school": {"A": NETWORK}})
    with pytest.raises(DataError, match="Rename that group"):
        monitor(prepare_monitoring(raw, KMB, by="school", wave="wave"), KMB, by="school")


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("change", "kwargs", "message"),
    [
        (lambda d: d, {"by": "School"}, "expected a group column 'School'.*Did you mean 'school'"),
        (lambda d: d, {"wave": "year"}, "expected a wave column 'year'"),
        (lambda d: d.iloc[0:0], {}, "empty table"),
        (
            lambda d: d.assign(wave=d["wave"].astype(object).where(d.index != 7, "wave two")),
            {"wave": "wave"},
            "all numbers.*or all names.*found both.*'wave two'",
        ),
        (
            lambda d: d.assign(wave=d["wave"].astype(object).where(d.index != 3, None)),
            {"wave": "wave"},
            "expected a wave.*1 empty cell",
        ),
        (
            lambda d: d.assign(school=d["school"].where(d.index != 5, None)),
            {"by": "school"},
            "row 7: expected a value of 'school'",
        ),
        (
            lambda d: d.assign(school=d["school"].where(d.index != 1, "B")),
            {"wave": "wave"},
            "row 2 and row 3: .*the same respondent twice in wave 1 with different 'school'",
        ),
        (
            lambda d: pd.concat([d, d.iloc[[0]]], ignore_index=True),
            {"wave": "wave"},
            "answering KMB-01 twice",
        ),
        (lambda d: d.assign(value="Don't know"), {"wave": "wave"}, "found only blanks"),
        (lambda d: d, {}, "twice with different 'wave'.*name the wave column"),
        (lambda d: d.assign(item=d["item"].replace("KMB-02", "KMB-99")), {}, "KMB-99"),
        (lambda d: d.assign(value=d["value"].replace(4, 7)), {}, "other answer: 7 "),
        (lambda d: d, {"by": "wave", "wave": "wave"}, "is the wave column"),
    ],
)
def test_bad_input_says_what_where_and_how(change, kwargs, message):
    with pytest.raises(DataError, match=message) as err:
        prepare_monitoring(change(hand_data()), KMB, where="answers.csv", **kwargs)
    text = err.value.message
    assert text.startswith("answers.csv") or "answers" in text
    assert err.value.fix, "every message says how to fix it"
    assert "'a1'" not in text, "a respondent's id (maybe a name or e-mail) is never shown"


def test_the_same_person_in_two_waves_is_fine():
    prepared = prepare_monitoring(hand_data(), KMB, wave="wave")
    assert prepared["respondent"].nunique() == 13


def test_without_a_wave_column_a_repeat_is_a_duplicate():
    raw = hand_data()
    raw = (
        raw[raw["respondent"].isin(["a1"])].assign(school=["A", "A", "B", "B"]).drop(columns="wave")
    )
    with pytest.raises(DataError, match="name the wave column"):
        prepare_monitoring(raw, KMB)


# --------------------------------------------------------------------------- synthetic data


def test_synthetic_network_shape_and_mess():
    raw = monitoring_answers(KMB)
    per = raw.drop_duplicates(["respondent", "wave"])
    assert sorted(per["wave"].unique()) == [2023, 2024, 2025]
    assert per["school"].nunique() == 12
    assert per.groupby("wave").size().min() >= 220 and per.groupby("wave").size().max() <= 300
    assert per.groupby("wave")["school"].apply(lambda s: (s == "Yew").sum()).max() <= 4
    assert "Willow" not in set(per.loc[per["wave"] == 2023, "school"])
    assert (per.groupby("wave")["role"].apply(lambda s: (s == "Deputy head").sum()) == 1).all()
    assert raw["value"].isna().any() and (raw["value"] == "Don't know").any()
    returning = set(per.loc[per["wave"] == 2023, "respondent"]) & set(
        per.loc[per["wave"] == 2025, "respondent"]
    )
    assert 0 < len(returning) < (per["wave"] == 2025).sum()  # some stay, some join late
    assert is_synthetic(raw) and (raw["synthetic"] == "yes").all()
    assert monitoring_rosters().groupby("wave")["staff"].sum().iloc[-1] == 300


def test_synthetic_data_are_seeded():
    pd.testing.assert_frame_equal(monitoring_answers(KMB, seed=5), monitoring_answers(KMB, seed=5))
    assert not monitoring_answers(KMB, seed=5).equals(monitoring_answers(KMB, seed=6))


def test_shipped_samples_match_the_generator_and_are_small():
    answers, rosters = monitoring_sample(KMB)
    on_disk = pd.read_csv(SAMPLES / "monitoring_answers.csv", dtype=str, keep_default_na=False)
    expected = answers.astype(object).where(answers.notna(), "").astype(str)
    pd.testing.assert_frame_equal(on_disk, expected, check_dtype=False)
    roster_disk = pd.read_csv(SAMPLES / "monitoring_rosters.csv")
    pd.testing.assert_frame_equal(roster_disk, rosters, check_dtype=False)
    size = sum(
        (SAMPLES / n).stat().st_size for n in ("monitoring_answers.csv", "monitoring_rosters.csv")
    )
    assert size < 1_500_000


def test_the_sample_file_reads_back_as_synthetic():
    raw = read_responses(SAMPLES / "monitoring_answers.csv", KMB)
    prepared = prepare_monitoring(raw, KMB, by="school", wave="wave", where="sample")
    m = monitor(prepared, KMB, by="school", wave="wave")
    assert m.synthetic and m.waves == (2023, 2024, 2025)
    assert monitor(prepared, KMB, synthetic=False).synthetic is False


def test_is_synthetic():
    assert not is_synthetic(pd.DataFrame({"synthetic": ["yes", "no"]}))
    frame = pd.DataFrame({"x": [1]})
    frame.attrs["synthetic"] = True
    assert is_synthetic(frame)


# --------------------------------------------------------------------------- invariants


def _assert_never_reveals(frame: pd.DataFrame, blocks: list[str], min_group: int, n="n"):
    """Suppression decided from the true counts (column ``n``), never from the blanked table."""
    assert frame[n].notna().all(), "pass the true counts, worked out from the answers"
    for _, block in frame.groupby(blocks, dropna=False):
        groups = block[~block["network"]]
        shown = groups[~groups["suppressed"]]
        assert ((shown[n] >= min_group) | (shown[n] == 0)).all(), block
        net = block[block["network"]]
        assert (net["suppressed"] == (net[n] < min_group)).all()
        total_shown = len(net) and not net["suppressed"].all()
        hidden = groups[groups["suppressed"] & (groups[n] > 0)]
        if total_shown and len(shown):
            assert len(hidden) != 1, block  # one hidden group = total minus the others


def _true_counts(prepared: pd.DataFrame, level: str) -> pd.Series:
    """Responses with a score per (wave, group, section or item), from the answers themselves."""
    key = "section" if level == "section" else "item"
    scored = prepared[prepared["score"].notna()].drop_duplicates(["respondent", "wave", key])
    per_group = scored.groupby(["wave", "school", key]).size()
    per_wave = scored.groupby(["wave", key]).size()
    net = per_wave.set_axis(pd.MultiIndex.from_tuples([(w, NETWORK, i) for w, i in per_wave.index]))
    return pd.concat([per_group, net])


def _with_true_n(frame: pd.DataFrame, counts: pd.Series, wave=None) -> pd.DataFrame:
    """The blanked table with the true counts beside it (0 where nobody answered)."""
    waves = frame["wave"] if wave is None else pd.Series(wave, index=frame.index)
    keys = list(zip(waves, frame["group"], frame["id"], strict=True))
    true = [int(counts.get(k, 0)) for k in keys]
    return frame.assign(n_true=true)


def _assert_blanked(frame: pd.DataFrame, columns: list[str]) -> None:
    hidden = frame[frame["suppressed"]]
    assert hidden[columns].isna().all().all(), hidden[columns].dropna(how="all").head()


answers_st = st.lists(st.sampled_from([1, 2, 3, 4, None, "Don't know"]), min_size=4, max_size=4)


@st.composite
def networks(draw):
    waves = draw(st.integers(1, 2))
    sizes = draw(st.lists(st.integers(0, 9), min_size=2, max_size=5))
    rows = []
    for w in range(1, waves + 1):
        for g, size in enumerate(sizes):
            for k in range(size if w == 1 else draw(st.integers(0, size + 2))):
                values = draw(answers_st)
                if all(v is None for v in values):
                    values[0] = 2
                for item, v in zip(["KMB-01", "KMB-02", "KMB-04", "KMB-05"], values, strict=True):
                    rows.append((f"g{g}p{k}", item, v, w, f"G{g}"))
    frame = pd.DataFrame(rows, columns=["respondent", "item", "value", "wave", "school"])
    return frame, draw(st.sampled_from([3, 5]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(networks())
def test_suppression_never_reveals_a_small_group(data):
    raw, min_group = data
    if raw.empty:
        return
    roster = pd.DataFrame({"school": sorted(raw["school"].unique()), "staff": 20})
    try:
        prepared = prepare_monitoring(raw, KMB, by="school", wave="wave")
    except DataError as err:  # no answer on the scale at all: refused, with that message
        assert "expected at least one answer on the scale" in str(err)
        return
    m = monitor(prepared, KMB, by="school", wave="wave", rosters=roster, min_group=min_group)
    # the tables are blanked: a suppressed row carries no number, not even its n
    _assert_blanked(m.sections, ["n", "mean", "sd"])
    _assert_blanked(m.items, ["n", "mean", "sd"])
    _assert_blanked(m.distribution, ["count", "n", "share"])
    _assert_blanked(m.rates, ["responses", "rate"])
    if m.changes is not None:
        _assert_blanked(m.changes, ["n_before", "mean_before", "n_after", "mean_after", "change"])
    # and what they hide was decided from the true counts, worked out again from the answers
    sections = _with_true_n(m.sections, _true_counts(prepared, "section"))
    items = _with_true_n(m.items, _true_counts(prepared, "item"))
    _assert_never_reveals(sections, ["wave", "id"], min_group, n="n_true")
    _assert_never_reveals(items, ["wave", "id"], min_group, n="n_true")
    shown = sections[~sections["suppressed"]]
    assert (shown["n"].to_numpy() == shown["n_true"].to_numpy()).all()
    assert shown["mean"].between(KMB.scale.low, KMB.scale.high).all()
    d = _with_true_n(m.distribution, _true_counts(prepared, "item"), wave=m.latest)
    _assert_never_reveals(d, ["id", "value"], min_group, n="n_true")
    r = m.rates.assign(n=m.rates["responses"])
    counts = prepared.drop_duplicates(["respondent", "wave"]).groupby(["wave", "school"]).size()
    r["n"] = [
        counts.get((w, g), 0) if g != NETWORK else counts.xs(w).sum()
        for w, g in zip(r["wave"], r["group"], strict=True)
    ]
    _assert_never_reveals(r.assign(network=r["group"] == NETWORK), ["wave"], min_group)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(networks(), st.randoms(use_true_random=False))
def test_row_order_does_not_matter(data, rnd):
    raw, min_group = data
    if raw.empty:
        return
    order = list(range(len(raw)))
    rnd.shuffle(order)
    shuffled = raw.iloc[order].reset_index(drop=True)
    try:
        prepared = prepare_monitoring(raw, KMB, by="school", wave="wave")
    except DataError:
        # no answer on the scale at all (every one blank or "don't know"): plnlib refuses
        # the file, and must refuse it whatever the row order
        with pytest.raises(DataError):
            prepare_monitoring(shuffled, KMB, by="school", wave="wave")
        return
    one = monitor(
        prepared,
        KMB,
        by="school",
        wave="wave",
        min_group=min_group,
    )
    two = monitor(
        prepare_monitoring(shuffled, KMB, by="school", wave="wave"),
        KMB,
        by="school",
        wave="wave",
        min_group=min_group,
    )
    for name in ("sections", "items", "distribution", "responses"):
        pd.testing.assert_frame_equal(getattr(one, name), getattr(two, name), check_exact=False)
    if one.changes is not None:
        pd.testing.assert_frame_equal(one.changes, two.changes, check_exact=False)
    assert one.warnings == two.warnings
