"""The worked example's synthetic year: one network, the same five schools in every table."""

from __future__ import annotations

import pandas as pd
import pytest

from plnlib import load_checklist, load_sample_network, monitor, prepare_monitoring
from plnlib.samples import WORKED_SCHOOLS, WORKED_WAVES, worked_year


@pytest.fixture(scope="module")
def checklists():
    return load_checklist("readiness"), load_checklist("pln-design")


@pytest.fixture(scope="module")
def year(checklists):
    return worked_year(*checklists)


def test_the_schools_are_those_of_the_advice_network_sample(year):
    network_schools = sorted(load_sample_network().nodes["school"].unique())
    assert sorted(WORKED_SCHOOLS) == network_schools
    for name, frame, column in (
        ("readiness", year.readiness, "school"),
        ("design", year.design, "school"),
        ("rosters", year.rosters, "school"),
        ("free times", year.free_times, "School"),
    ):
        assert sorted(frame[column].unique()) == network_schools, name


def test_the_members_are_the_network_samples_pln_members(year):
    members = int(load_sample_network().nodes["pln_member"].sum())
    assert year.members == members > 0
    assert year.readiness["respondent"].nunique() == members
    assert len(year.free_times) == members


def test_every_school_has_more_staff_than_people_on_the_map(year):
    mapped = load_sample_network().nodes.groupby("school").size()
    for wave in WORKED_WAVES:
        staff = year.rosters[year.rosters["wave"] == wave].set_index("school")["staff"]
        assert (staff.reindex(mapped.index) > mapped).all(), (wave, staff.to_dict())


def test_both_waves_can_show_every_school(year, checklists):
    design = checklists[1]
    assert sorted(year.design["wave"].unique()) == list(WORKED_WAVES)
    answered = year.design.groupby(["wave", "school"])["respondent"].nunique()
    assert len(answered) == len(WORKED_WAVES) * len(WORKED_SCHOOLS)
    assert answered.min() >= 5, answered.to_dict()
    answers = prepare_monitoring(year.design, design, by="school", wave="wave")
    result = monitor(answers, design, by="school", wave="wave", rosters=year.rosters)
    shown = result.sections[(~result.sections["network"]) & (~result.sections["suppressed"])]
    assert set(shown["group"]) == set(WORKED_SCHOOLS)


def test_every_table_is_marked_synthetic(year):
    assert (year.design["synthetic"] == "yes").all()
    assert year.free_times["Name"].str.contains("(synthetic)", regex=False).all()
    assert "synthetic" in str(year.diagram["aim"])


def test_the_same_year_comes_out_every_time(year, checklists):
    again = worked_year(*checklists)
    pd.testing.assert_frame_equal(year.design, again.design)
    pd.testing.assert_frame_equal(year.readiness, again.readiness)
    pd.testing.assert_frame_equal(year.free_times, again.free_times)
