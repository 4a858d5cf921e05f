"""The template model and loader: schema errors name the file, field, expected, found, fix."""

from __future__ import annotations

import copy

import pytest
import yaml

from plnlib.errors import ContentError
from plnlib.io.templates import TEMPLATES_DIR, load_template, load_template_file, template_ids
from plnlib.templates import parse_template

EIGHT = {
    "action-plan",
    "citizenship-agreement",
    "data-plan",
    "decisions-note",
    "participant-evaluation",
    "scenario-cards",
    "stop-list",
    "theory-of-action",
}


@pytest.fixture
def stop_list() -> dict:
    return yaml.safe_load((TEMPLATES_DIR / "stop-list.yaml").read_text(encoding="utf-8"))


def _write(tmp_path, data, name="stop-list.yaml"):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def test_the_eight_templates_load_and_are_titled_by_name():
    assert set(template_ids()) == EIGHT
    titles = {load_template(t).title for t in EIGHT}
    assert "Template: stop list" in titles and "Template: citizenship agreement" in titles
    for tid in EIGHT:
        t = load_template(tid)
        assert t.title == f"Template: {t.name}" and t.fields and t.chapters


def test_a_missing_field_is_named_with_expected_found_and_fix(tmp_path, stop_list):
    del stop_list["purpose"]
    with pytest.raises(ContentError) as info:
        load_template_file(_write(tmp_path, stop_list))
    msg = str(info.value)
    assert msg.startswith("stop-list.yaml: ")
    assert "expected the field 'purpose'" in msg and "found nothing" in msg
    assert "templates.schema.json" in msg


def test_a_wrong_type_is_named_with_the_path_and_the_value(tmp_path, stop_list):
    stop_list["time_minutes"] = "half an hour"
    with pytest.raises(
        ContentError,
        match=r"field 'time_minutes': expected a value of type "
        r"integer, found 'half an hour'",
    ):
        load_template_file(_write(tmp_path, stop_list))


def test_a_wrong_kind_deep_in_a_section_is_named(tmp_path, stop_list):
    stop_list["sections"][1]["fields"][0]["kind"] = "grid"
    with pytest.raises(
        ContentError, match=r"field 'sections\.1\.fields\.0\.kind': expected one of"
    ):
        load_template_file(_write(tmp_path, stop_list))


def test_the_id_must_match_the_file_name(tmp_path, stop_list):
    with pytest.raises(
        ContentError, match="expected 'other' \\(the file name\\), found 'stop-list'"
    ):
        load_template_file(_write(tmp_path, stop_list, "other.yaml"))


def test_chapters_must_be_pages_of_the_book(tmp_path, stop_list):
    stop_list["chapters"] = ["book/connecting/no-such-page"]
    with pytest.raises(ContentError, match="expected a page of the book, found"):
        load_template_file(_write(tmp_path, stop_list))


def test_sources_must_be_bibliography_keys(tmp_path, stop_list):
    stop_list["sources"] = ["nobody2099"]
    with pytest.raises(ContentError, match=r"expected a key of book/references\.bib"):
        load_template_file(_write(tmp_path, stop_list))


def test_a_table_needs_columns_and_rows(stop_list):
    schema_less = {"type": "object"}
    broken = copy.deepcopy(stop_list)
    del broken["sections"][1]["fields"][0]["blank_rows"]
    with pytest.raises(ContentError, match="fixed 'rows' or a number of 'blank_rows'"):
        parse_template(broken, schema=schema_less)
    broken = copy.deepcopy(stop_list)
    broken["sections"][1]["fields"][0]["examples"] = [["only", "two"]]
    with pytest.raises(ContentError, match="expected 5 cells in example row 1"):
        parse_template(broken, schema=schema_less)


def test_options_only_on_choice_fields(stop_list):
    stop_list["sections"][0]["fields"][0]["options"] = ["a", "b"]
    with pytest.raises(ContentError, match="expected it only on \\['choice'\\] fields"):
        parse_template(stop_list, schema={"type": "object"})


def test_yaml_syntax_errors_give_the_line(tmp_path):
    path = tmp_path / "stop-list.yaml"
    path.write_text("id: stop-list\nname: [unclosed\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"stop-list.yaml, line \d+"):
        load_template_file(path)


def test_an_unknown_id_lists_the_known_ones():
    with pytest.raises(ContentError, match=r"found 'stop'.*stop-list"):
        load_template("stop")


def test_the_chapters_the_issue_names_are_served():
    homes = {tid: load_template(tid).chapters[0] for tid in EIGHT}
    assert homes["citizenship-agreement"] == "book/design/membership"
    assert homes["stop-list"] == "book/connecting/making-time"
    assert homes["theory-of-action"] == "book/evaluating/impact-on-pupils"
    assert homes["action-plan"] == "book/facilitate/workshop-half-day"
    assert homes["data-plan"] == "book/evaluating/ethics-privacy"
    assert homes["scenario-cards"] == "book/connecting/networked-school-leader"
    assert homes["decisions-note"] == "book/connecting/distributed-leadership"


def test_templates_match_what_their_chapters_describe():
    plan = load_template("action-plan").fields
    table = next(f for f in plan if f.kind == "table")
    assert [r.split(":")[0] for r in table.rows] == ["Formalise", "Prioritise", "Mobilise"]
    assert table.columns[1:] == ("Action", "Owner", "Date", "How we will know")
    headings = [s.title for s in load_template("data-plan").sections[1:]]
    assert headings == [
        "Purpose",
        "Questions",
        "Who sees what",
        "Storage",
        "Deletion date",
        "Contact",
    ]
    chain = next(f for f in load_template("theory-of-action").fields if f.kind == "table")
    assert chain.columns == (
        "Network activity",
        "Teacher learning",
        "Classroom practice",
        "Pupil outcomes",
    )
    decide = next(f for f in load_template("decisions-note").fields if f.kind == "table")
    assert {"Participants decide", "Decide together", "Senior team decides"} <= set(decide.columns)
    cards = [s for s in load_template("scenario-cards").sections if s.id.startswith("card")]
    assert len(cards) == 3
