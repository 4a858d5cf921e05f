"""Dates in the planning tools' files: a spreadsheet's date cells are ISO, never day first."""

from __future__ import annotations

import pandas as pd
import pytest

from plnlib.errors import DataError
from plnlib.io.planning import read_cycles, read_mobilisation
from plnlib.planning.mobilisation import parse_date


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("2026-01-10", "2026-01-10"),
        ("2026-01-10 00:00:00", "2026-01-10"),
        ("2026-01-10T13:45", "2026-01-10"),
        ("10/01/2026", "2026-01-10"),
        ("10.01.2026", "2026-01-10"),
    ],
)
def test_known_dates(text, want):
    assert parse_date(text).date().isoformat() == want


def test_a_bad_date_says_what_was_found():
    with pytest.raises(DataError, match="found '2026-13-01'"):
        parse_date("2026-13-01", where="x")


def test_workbook_dates_keep_their_month(tmp_path):
    frame = pd.DataFrame(
        {
            "innovation": ["Quiz", "Quiz"],
            "school": ["A", "A"],
            "person": ["a1", "a1"],
            "stage": ["engaging", "trialling"],
            "date": [pd.Timestamp("2026-01-10"), pd.Timestamp("2026-02-03")],
        }
    )
    frame.to_excel(tmp_path / "t.xlsx", index=False)
    rec = read_mobilisation(tmp_path / "t.xlsx")
    assert [d.date().isoformat() for d in rec["date"]] == ["2026-01-10", "2026-02-03"]
    log = pd.DataFrame(
        {
            "cycle": ["1"],
            "change_idea": ["C1"],
            "question": ["Q"],
            "prediction": ["P"],
            "start": [pd.Timestamp("2026-03-02")],
        }
    )
    log.to_excel(tmp_path / "log.xlsx", index=False)
    assert read_cycles(tmp_path / "log.xlsx")["start"].iloc[0].date().isoformat() == "2026-03-02"
