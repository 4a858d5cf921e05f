"""Published item ids never disappear: the checklists against plnlib/content/published-ids.json."""

from __future__ import annotations

import importlib.util
import itertools
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "published_ids.py"
_spec = importlib.util.spec_from_file_location("published_ids", SCRIPT)
published = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(published)


@pytest.fixture(scope="module")
def record():
    return published.load_record()


@pytest.fixture
def current():
    return published.current_checklists()


def test_the_shipped_checklists_keep_the_record(record, current):
    assert published.RECORD.exists(), "plnlib/content/published-ids.json is missing"
    assert published.problems(record, current) == []


def test_every_checklist_and_its_current_version_is_recorded(record, current):
    for cid, (version, ids) in current.items():
        assert record[cid]["versions"][str(version)] == ids


def with_ids(current, cid, ids, version=None):
    changed = dict(current)
    old_version, _ = current[cid]
    changed[cid] = (old_version if version is None else version, ids)
    return changed


def test_renumbering_an_id_without_a_version_bump_fails(record, current):
    _, ids = current["pln-design"]
    assert "DES-99" not in ids
    renumbered = [("DES-99" if i == "DES-03" else i) for i in ids]
    found = published.problems(record, with_ids(current, "pln-design", renumbered))
    assert len(found) == 1
    assert found[0].startswith("pln-design: item ids changed without a version bump")
    assert "removed DES-03; added DES-99" in found[0]


def test_adding_an_item_without_a_version_bump_fails(record, current):
    version, ids = current["readiness"]
    found = published.problems(record, with_ids(current, "readiness", [*ids, "RDY-99"]))
    assert found and "added RDY-99" in found[0]
    assert f"raise 'version' to {version + 1}" in found[0]


def test_a_version_bump_that_drops_an_id_needs_a_recorded_mapping(record, current):
    version, ids = current["pln-design"]
    new_ids = [i for i in ids if i != "DES-04"] + ["DES-99"]
    bumped = with_ids(current, "pln-design", new_ids, version=version + 1)
    # the new version recorded, but DES-04 retired with no mapping: fails
    recorded = published.record_current(record, bumped)
    found = published.problems(recorded, bumped)
    assert len(found) == 1 and "DES-04 was published and has disappeared" in found[0]
    # with the mapping recorded: passes
    mapped = published.record_current(record, bumped, retire=["pln-design:DES-04=DES-99"])
    assert published.problems(mapped, bumped) == []
    assert mapped["pln-design"]["retired"]["DES-04"] == {
        "version": version + 1,
        "replaced_by": "DES-99",
    }
    # and never used again
    reused = with_ids(current, "pln-design", [*new_ids, "DES-04"], version=version + 1)
    assert any("DES-04 is retired" in line for line in published.problems(mapped, reused))


def test_an_unrecorded_new_version_fails(record, current):
    version, ids = current["sustaining"]
    found = published.problems(record, with_ids(current, "sustaining", ids, version=version + 1))
    assert found == [
        f"sustaining: version {version + 1} is not recorded yet; run 'python "
        "scripts/published_ids.py --record' (see CONTRIBUTING.md, 'Adding or changing a "
        "checklist item')"
    ]


def test_a_new_checklist_must_be_recorded_and_a_version_never_goes_down(record, current):
    found = published.problems(record, {**current, "new-list": (1, ["NEW-01"])})
    assert len(found) == 1 and found[0].startswith("new-list: not in the published-id record")
    version, _ = current["readiness"]
    higher = version + 1
    bumped = published.record_current(record, with_ids(current, "readiness", [], version=higher))
    lower = published.problems(bumped, current)
    assert any(
        f"version {version} is lower than the published version {higher}" in line for line in lower
    )


def test_recording_refuses_to_change_a_published_version(record, current):
    _, ids = current["readiness"]
    with pytest.raises(SystemExit, match="already recorded with other ids"):
        published.record_current(record, with_ids(current, "readiness", ids[:-1]))


def test_a_mapping_must_point_at_an_id_the_checklist_has(record, current):
    version, ids = current["pln-design"]
    bumped = with_ids(current, "pln-design", ids[1:], version=version + 1)
    mapped = published.record_current(record, bumped, retire=["pln-design:DES-01=DES-77"])
    found = published.problems(mapped, bumped)
    assert found == [
        "pln-design: DES-01 is recorded as replaced by DES-77, which the checklist does not have"
    ]


def _number(item_id):
    return int(item_id.split("-")[1])


def test_new_ids_take_the_next_free_numbers_and_old_ones_stay(record):
    """Each version's new ids are numbered above every id published before (never reused,
    never renumbered into a gap), and every earlier id is still there or recorded as retired."""
    for cid, entry in record.items():
        versions = sorted((int(v), ids) for v, ids in entry["versions"].items())
        seen: set[str] = set()
        for version, ids in versions:
            added = [i for i in ids if i not in seen]
            if seen:
                top = max(_number(i) for i in seen | set(entry.get("retired", {})))
                assert all(_number(i) > top for i in added), (cid, version, added, top)
                numbers = sorted(_number(i) for i in added)
                assert numbers == list(range(top + 1, top + 1 + len(added))), (cid, version)
                gone = seen - set(ids) - set(entry.get("retired", {}))
                assert not gone, (cid, version, sorted(gone))
            seen |= set(ids)


def test_each_versions_changes_entry_names_exactly_the_ids_it_added(record):
    from plnlib.io.content import load_checklist

    for cid, entry in record.items():
        checklist = load_checklist(cid)
        versions = sorted((int(v), ids) for v, ids in entry["versions"].items())
        recorded = {c.version: set(c.new) for c in checklist.changes}
        for (_, before), (version, ids) in itertools.pairwise(versions):
            assert recorded.get(version) == set(ids) - set(before), (cid, version)


def test_a_version_of_a_checklist_with_no_changes_entry_is_refused():
    from plnlib.checklists import parse_checklist
    from plnlib.errors import ContentError
    from plnlib.io.content import CONTENT_DIR, _schema, load_chapters, load_scales, read_yaml

    data = read_yaml(CONTENT_DIR / "readiness.yaml")
    kwargs = dict(schema=_schema(), scales=load_scales(), chapters=load_chapters())
    parse_checklist(data, **kwargs)  # as shipped: fine
    with pytest.raises(ContentError, match="expected an entry for version 3"):
        parse_checklist({**data, "version": 3}, **kwargs)
    with pytest.raises(ContentError, match=r"field 'new'.*RDY-99"):
        bad = [{**data["changes"][-1], "new": ["RDY-99"]}]
        parse_checklist({**data, "changes": bad}, **kwargs)
