"""Answer files in every supported layout, encoding and delimiter."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plnlib.checklists.forms import form_questions
from plnlib.checklists.scoring import prepare_answers
from plnlib.errors import DataError
from plnlib.io.content import load_checklist
from plnlib.io.responses import load_person_json, read_responses, save_person_json

DESIGN = load_checklist("pln-design")
ID1, ID2 = DESIGN.item_ids[:2]
Q1, Q2 = form_questions(DESIGN)["question"].iloc[:2]


def _read(path):
    return read_responses(path, DESIGN, allow_missing_items=True)


def _scores(path):
    prepared = prepare_answers(_read(path), DESIGN)
    return prepared.set_index(["respondent", "item"])["score"].to_dict()


def test_tidy_csv(tmp_path):
    p = tmp_path / "tidy.csv"
    p.write_text(f"respondent,item,value,school\na,{ID1},3,N\na,{ID2},Embedded,N\n")
    assert _scores(p) == {("a", ID1): 3.0, ("a", ID2): 4.0}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_google_forms_export_any_encoding_and_delimiter(tmp_path, encoding, sep):
    header = sep.join(["Timestamp", "École", f'"{Q1}"', f'"{Q2}"'])
    rows = [
        sep.join(["2026/01/05 10:00:00", "Fénelon", "Emerging", "Don't know"]),
        sep.join(["2026/01/05 10:05:00", "Fénelon", "Embedded", "2"]),
    ]
    p = tmp_path / "google.csv"
    p.write_bytes(("\r\n".join([header, *rows]) + "\r\n").encode(encoding))
    tidy = _read(p)
    assert "École" in tidy.columns and set(tidy["École"]) == {"Fénelon"}
    assert "Timestamp" not in tidy.columns
    assert _scores(p) == {
        ("R0001", ID1): 2.0,
        ("R0001", ID2): pytest.approx(float("nan"), nan_ok=True),
        ("R0002", ID1): 4.0,
        ("R0002", ID2): 2.0,
    }


def test_microsoft_forms_xlsx_drops_names_and_emails(tmp_path):
    frame = pd.DataFrame(
        {
            "ID": [1, 2],
            "Start time": ["1/5/26 10:00", "1/5/26 10:01"],
            "Completion time": ["1/5/26 10:04", "1/5/26 10:06"],
            "Email": ["a@school.example", "b@school.example"],
            "Name": ["Ann", "Bo"],
            "Role": ["Teacher", "Teacher"],
            Q1: ["1", "3"],
            Q2: ["Established", "Not applicable"],
        }
    )
    p = tmp_path / "ms.xlsx"
    frame.to_excel(p, index=False)
    tidy = _read(p)
    assert not {"Email", "Name", "Start time"} & set(tidy.columns)
    assert set(tidy["respondent"]) == {"1", "2"}
    assert _scores(p)[("2", ID1)] == 3.0


def test_wide_csv_with_item_ids(tmp_path):
    p = tmp_path / "wide.csv"
    p.write_text(f"respondent,{ID1},{ID2}\nx,1,4\ny,2,\n")
    scores = _scores(p)
    assert scores[("x", ID2)] == 4.0 and scores[("y", ID1)] == 2.0


def test_value_off_the_scale_names_row_and_column(tmp_path):
    p = tmp_path / "wide.csv"
    p.write_text(f"respondent,{ID1}\nx,1\ny,7\n")
    with pytest.raises(DataError, match=rf"expected answers on the scale .*'7' \({ID1}: row 3\)"):
        prepare_answers(_read(p), DESIGN, where=p.name)


def test_no_item_columns(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text("Timestamp,How are you\n1,fine\n")
    with pytest.raises(DataError, match=r"plnlib form pln-design"):
        read_responses(p, DESIGN)


def test_empty_and_missing_files(tmp_path):
    empty = tmp_path / "e.csv"
    empty.write_text("")
    with pytest.raises(DataError, match="empty file"):
        read_responses(empty, DESIGN)
    with pytest.raises(DataError, match="found nothing"):
        read_responses(tmp_path / "absent.csv", DESIGN)
    header_only = tmp_path / "h.csv"
    header_only.write_text(f"respondent,{ID1}\n")
    with pytest.raises(DataError, match="no"):
        read_responses(header_only, DESIGN)


answer_values = st.sampled_from([1, 2, 3, 4, "dont_know", "not_applicable", None])


@settings(max_examples=40, deadline=None)
@given(values=st.lists(answer_values, min_size=1, max_size=len(DESIGN.item_ids)))
def test_person_json_round_trips_exactly(tmp_path_factory, values):
    answers = dict(zip(DESIGN.item_ids[: len(values)], values, strict=True))
    path = tmp_path_factory.mktemp("json") / "me.json"
    save_person_json(path, DESIGN, answers, respondent="me")
    cid, who, loaded = load_person_json(path)
    assert (cid, who, loaded) == ("pln-design", "me", answers)


def test_person_json_refuses_bad_answers_and_writes_nothing(tmp_path):
    path = tmp_path / "me.json"
    with pytest.raises(DataError):
        save_person_json(path, DESIGN, {ID1: 9})
    assert not path.exists()
    path.write_text("{not json")
    with pytest.raises(DataError, match="not JSON"):
        load_person_json(path)
