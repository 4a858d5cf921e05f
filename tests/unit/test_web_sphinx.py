"""The book's Sphinx extension: checklist pages follow their YAML; charts from the Vega-Lite bundle."""

from __future__ import annotations

import importlib.util
import io
import os
import shutil
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from docutils import nodes
from sphinx.application import Sphinx

from plnlib.io import content
from plnlib.web.sphinx import VEGALITE_MIMES, VegaLiteRenderer, content_files

NEW_ITEM = {
    "id": "DES-99",
    "text": "A statement added after the first build.",
    "strong": "What it looks like when strong.",
    "sources": ["katz2010"],
    "actions": ["A next step."],
}


@pytest.fixture
def content_copy(tmp_path, monkeypatch):
    """The shipped content in a scratch folder, which plnlib reads instead."""
    folder = tmp_path / "content"
    shutil.copytree(content.CONTENT_DIR, folder)
    monkeypatch.setattr(content, "CONTENT_DIR", folder)
    clear = [content.load_checklist, content.load_scales, content.load_chapters]
    for f in clear:
        f.cache_clear()
    yield folder
    for f in clear:
        f.cache_clear()


def build(project: Path) -> str:
    warnings = io.StringIO()
    app = Sphinx(
        str(project),
        str(project),
        str(project / "_build" / "html"),
        str(project / "_build" / "doctrees"),
        "html",
        status=None,
        warning=warnings,
        freshenv=False,
    )
    app.build()
    assert "ERROR" not in warnings.getvalue(), warnings.getvalue()
    return (project / "_build" / "html" / "index.html").read_text(encoding="utf-8")


def test_an_incremental_build_picks_up_a_changed_checklist_yaml(tmp_path, content_copy):
    project = tmp_path / "book"
    project.mkdir()
    (project / "conf.py").write_text('extensions = ["plnlib.web.sphinx"]\n')
    (project / "index.rst").write_text("Checklist\n=========\n\n.. pln-checklist:: pln-design\n")
    first = build(project)
    assert "DES-01" in first and NEW_ITEM["text"] not in first

    path = content_copy / "pln-design.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["version"] += 1
    data["sections"][0]["items"].append(NEW_ITEM)
    data["changes"].append(  # a new version must say what changed
        {
            "version": data["version"],
            "date": "2026-12-03",
            "summary": "One statement added for this test.",
            "new": ["DES-99"],
            "reworded": [],
        }
    )
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    later = time.time() + 5
    os.utime(path, (later, later))  # as an edit made after the first build
    content.load_checklist.cache_clear()

    second = build(project)  # same output and doctree folders: an incremental build
    assert NEW_ITEM["text"] in second, "the checklist page was not rebuilt from its YAML"
    assert "One statement added for this test." in second  # the changes record is shown


def test_the_count_roles_read_the_yaml_and_follow_a_change(tmp_path, content_copy):
    project = tmp_path / "book"
    project.mkdir()
    (project / "conf.py").write_text('extensions = ["plnlib.web.sphinx"]\n')
    (project / "index.rst").write_text(
        "Counts\n======\n\nIt has :pln-items:`readiness` items and takes :pln-minutes:`readiness` "
        "minutes.\n"
    )
    checklist = content.load_checklist("readiness")
    first = build(project)
    assert (
        f"It has {len(checklist.items)} items and takes {checklist.time_minutes} minutes" in first
    )

    path = content_copy / "readiness.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["time_minutes"] = 99
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    later = time.time() + 5
    os.utime(path, (later, later))
    content.load_checklist.cache_clear()
    assert "takes 99 minutes" in build(project)  # the page depends on the YAML


def test_a_count_role_for_an_unknown_checklist_is_an_error(tmp_path):
    project = tmp_path / "book"
    project.mkdir()
    (project / "conf.py").write_text('extensions = ["plnlib.web.sphinx"]\n')
    (project / "index.rst").write_text("Counts\n======\n\n:pln-items:`no-such-list`\n")
    with pytest.raises(AssertionError, match=r"pln-items: .*no-such-list"):
        build(project)


def test_the_directive_depends_on_the_yaml_and_the_shared_files():
    names = [p.name for p in content_files("readiness")]
    assert names == ["readiness.yaml", "scales.yaml", "chapters.yaml", "checklist.schema.json"]
    assert all(p.exists() for p in content_files("readiness"))


class FakeRenderer:
    def __init__(self):
        self.scripts = []

    def add_js_file(self, key, path, attrs):
        self.scripts.append(path)


def test_charts_are_drawn_from_the_vega_lite_bundle_alone():
    spec = {"title": "Section means", "description": "Bars.", "mark": "bar"}
    renderer = FakeRenderer()
    data = SimpleNamespace(mime_type=VEGALITE_MIMES[0], content=spec)
    (node,) = VegaLiteRenderer.handle_mime(renderer, data, inline=False)
    assert isinstance(node, nodes.raw) and "Section means" in node.astext()
    assert any(p.endswith("vega-embed.min.js") for p in renderer.scripts)
    html = SimpleNamespace(mime_type="text/html", content="<div></div>")
    assert VegaLiteRenderer.handle_mime(FakeRenderer(), html, inline=False) is None
    priorities = {m for _, m, _ in VegaLiteRenderer.mime_priority_overrides}
    assert priorities == set(VEGALITE_MIMES)


def test_tool_notebook_pages_depend_on_plnlib_code_and_content():
    from plnlib.web.sphinx import notebook_inputs

    names = {p.name for p in notebook_inputs()}
    assert {"pln-design.yaml", "scales.yaml", "monitoring_answers.csv", "scoring.py"} <= names
    assert not any("assets" in p.parts or p.suffix == ".pyc" for p in notebook_inputs())


def test_the_notebook_cache_is_emptied_only_when_plnlib_changed(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location(
        "notebook_cache", Path(__file__).resolve().parents[2] / "scripts" / "notebook_cache.py"
    )
    cache = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cache)
    monkeypatch.setattr(cache, "CACHE", tmp_path / ".jupyter_cache")
    monkeypatch.setattr(cache, "STAMP", tmp_path / ".jupyter_cache" / "plnlib-inputs.sha256")
    monkeypatch.setattr(cache, "inputs_hash", lambda: "hash-1")
    cache.main()
    executed = cache.CACHE / "global.db"
    executed.write_text("cached results")
    cache.main()
    assert executed.exists(), "nothing changed: the cache stays"
    monkeypatch.setattr(cache, "inputs_hash", lambda: "hash-2")
    cache.main()
    assert not executed.exists() and cache.STAMP.read_text().strip() == "hash-2"
