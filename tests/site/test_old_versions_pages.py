"""The checklist pages open answers saved for version 1 and show what changed since."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plnlib.io.content import checklist_ids, load_checklist
from tests.site.test_checklist_pages import _open, _shown, browser  # noqa: F401 (a fixture)

OLD = Path(__file__).resolve().parents[1] / "fixtures" / "old-versions"


@pytest.mark.parametrize("cid", checklist_ids())
def test_a_version_1_file_opens_and_the_new_statements_are_named(browser, server, cid):  # noqa: F811
    checklist = load_checklist(cid)
    path = OLD / f"{cid}-v1.json"
    old = json.loads(path.read_text(encoding="utf-8"))["answers"]
    page, outside, errors = _open(browser, server, cid)
    page.locator(".pln-open-file").set_input_files(str(path))
    page.wait_for_function("document.querySelector('.pln-status').textContent.includes('Opened')")
    assert _shown(page) == {k: str(v) for k, v in old.items()}  # every old answer is back
    status = page.locator(".pln-status").inner_text()
    new = checklist.new_since(1)
    assert "saved for version 1; 0 no longer apply" in status
    assert (
        f"{len(new)} statement{'s' if len(new) != 1 else ''} new since then start unanswered ({', '.join(new)})"
        in status
    )
    changes = page.locator("#changes-to-this-checklist")
    assert changes.get_by_role("heading", name="Changes to this checklist").is_visible()
    assert all(i in changes.inner_text() for i in new)
    assert not outside and not errors, (outside, errors)
    page.context.close()
