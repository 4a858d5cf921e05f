"""Content validation: every shipped checklist, and the errors a broken file gives."""

from __future__ import annotations

import copy

import pytest
import yaml

from plnlib.checklists import parse_checklist
from plnlib.errors import ContentError, DataError
from plnlib.io import content

MINIMUMS = {
    "pln-design": 24,
    "network-school": 20,
    "knowledge-mobilisation": 12,
    "learning-culture": 20,
    "sustaining": 12,
    "readiness": 10,
    "equity-wellbeing": 8,
}


def test_every_required_checklist_ships_with_enough_items():
    ids = content.checklist_ids()
    assert set(MINIMUMS) <= set(ids)
    for cid, minimum in MINIMUMS.items():
        checklist = content.load_checklist(cid)
        assert len(checklist.items) >= minimum, cid


@pytest.mark.parametrize("cid", content.checklist_ids())
def test_shipped_checklist_is_valid_against_schema_bib_and_chapters(cid):
    checklist = content.load_checklist_file(content.CONTENT_DIR / f"{cid}.yaml")
    keys = content.bibliography_keys()
    assert keys, "book/references.bib must be found from the repository"
    chapters = content.load_chapters()
    for item in checklist.items:
        assert set(item.sources) <= keys
        assert item.chapter in chapters
        assert item.actions and item.strong


def test_item_ids_are_unique_across_all_checklists():
    seen: dict[str, str] = {}
    for cid in content.checklist_ids():
        for item in content.load_checklist(cid).items:
            assert item.id not in seen, f"{item.id} in {cid} and {seen.get(item.id)}"
            seen[item.id] = cid


def test_chapter_registry_points_at_pages_in_the_toc():
    from tests.conftest import REPO

    toc = (REPO / "_toc.yml").read_text()
    for chapter in content.load_chapters().values():
        assert f"file: {chapter.path}\n" in toc, chapter.path


def _raw(cid="pln-design"):
    return yaml.safe_load((content.CONTENT_DIR / f"{cid}.yaml").read_text())


def _parse(data, **kw):
    return parse_checklist(
        data,
        schema=content._schema(),
        scales=content.load_scales(),
        chapters=content.load_chapters(),
        sources=content.bibliography_keys(),
        where="broken.yaml",
        **kw,
    )


def test_duplicate_item_id_names_file_item_and_field():
    data = _raw()
    data["sections"][1]["items"][0]["id"] = data["sections"][0]["items"][0]["id"]
    with pytest.raises(ContentError) as err:
        _parse(data)
    msg = str(err.value)
    assert "broken.yaml" in msg and data["sections"][0]["items"][0]["id"] in msg and "'id'" in msg


def test_unknown_scale():
    data = _raw()
    data["scale"] = "likert99"
    with pytest.raises(ContentError, match=r"field 'scale': expected one of .*found 'likert99'"):
        _parse(data)


def test_missing_source_key_names_the_item():
    data = _raw()
    item = data["sections"][0]["items"][2]
    item["sources"] = ["nobody2099"]
    with pytest.raises(ContentError) as err:
        _parse(data)
    assert f"item {item['id']}" in str(err.value) and "nobody2099" in str(err.value)
    assert "references.bib" in str(err.value)


def test_unknown_chapter():
    data = _raw()
    data["sections"][0]["chapter"] = "no-such-chapter"
    with pytest.raises(ContentError, match=r"section '.*'.*field 'chapter'.*no-such-chapter"):
        _parse(data)


def test_schema_error_points_at_the_item_and_field():
    data = _raw()
    bad = copy.deepcopy(data)
    del bad["sections"][0]["items"][1]["actions"]
    with pytest.raises(ContentError) as err:
        _parse(bad)
    assert f"item {data['sections'][0]['items'][1]['id']}" in str(err.value)
    assert "actions" in str(err.value)


def test_broken_yaml_gives_line_and_column(tmp_path):
    path = tmp_path / "pln-design.yaml"
    path.write_text("id: pln-design\ntitle: [unclosed\n")
    with pytest.raises(
        ContentError, match=r"pln-design.yaml, line \d+, column \d+: expected valid YAML"
    ):
        content.load_checklist_file(path)


def test_id_must_match_file_name(tmp_path):
    path = tmp_path / "other.yaml"
    path.write_text(yaml.safe_dump(_raw()))
    with pytest.raises(ContentError, match="expected 'other'"):
        content.load_checklist_file(path)


def test_unknown_checklist_id_lists_the_known_ones():
    with pytest.raises(ContentError, match="pln-design"):
        content.load_checklist("nope")


def test_scale_parses_numbers_labels_and_missing(design):
    s = design.scale
    assert s.parse(4) == 4.0
    assert s.parse(" established ") == 3.0
    assert s.parse("2 - Emerging") == 2.0
    assert s.parse("Don\u2019t know") == "dont_know"
    assert s.parse("Not applicable") == "not_applicable"
    assert s.parse("") is None and s.parse(None) is None
    for bad in (0, 5, "seven", 2.5, True):
        with pytest.raises(DataError):
            s.parse(bad)


def test_unknown_item_lookup(design):
    with pytest.raises(DataError, match="ZZZ-99"):
        design.item("ZZZ-99")
