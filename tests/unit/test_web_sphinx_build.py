"""The book extension's work on a rebuild: what it skips, and what it leaves out of a page."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from docutils import nodes
from docutils.utils import new_document

from plnlib.web import sphinx as ext
from plnlib.web.build_inputs import notebook_inputs

REPO = Path(__file__).resolve().parents[2]


def test_build_only_modules_do_not_empty_the_notebook_cache():
    names = {p.relative_to(REPO / "plnlib").as_posix() for p in notebook_inputs()}
    # the Sphinx extensions only put pages together: no notebook runs them
    for module in ("web/sphinx.py", "web/site.py", "web/tools_directive.py", "web/templates.py"):
        assert module not in names, module
    # what notebooks call, and what the worksheets are made from, is in
    assert {"web/worksheets.py", "web/page.py", "checklists/scoring.py"} <= names
    assert "web/build_inputs.py" in names


def _doc(*raw: str) -> nodes.document:
    doc = new_document("<test>")
    for text in raw:
        doc += nodes.raw("", text, format="html")
    return doc


def _app(js_files: dict) -> SimpleNamespace:
    env = SimpleNamespace(
        docname="book/tools/x", nb_metadata={"book/tools/x": {"js_files": js_files}}
    )
    return SimpleNamespace(env=env)


def _widget_js() -> dict:
    return {
        "ipywidgets_state": (None, {"type": "application/vnd.jupyter.widget-state+json"}),
        "ipywidgets_0": ("../vendor/html-manager-embed.js", {}),
        "plnlib-vega": ("../vendor/vega.min.js", {}),
    }


def test_a_notebook_page_without_a_widget_view_loads_no_widget_manager():
    app = _app(_widget_js())
    ext._drop_unused_widget_scripts(app, _doc("<p>a chart</p>"))
    assert set(app.env.nb_metadata["book/tools/x"]["js_files"]) == {"plnlib-vega"}


def test_a_page_that_shows_a_widget_keeps_the_manager():
    app = _app(_widget_js())
    view = '<script type="application/vnd.jupyter.widget-view+json">{"model_id": "1"}</script>'
    ext._drop_unused_widget_scripts(app, _doc(view))
    assert set(app.env.nb_metadata["book/tools/x"]["js_files"]) == set(_widget_js())


def test_worksheets_are_written_once_until_plnlib_changes(tmp_path, monkeypatch):
    out, doctrees = tmp_path / "html", tmp_path / "doctrees"
    out.mkdir()
    doctrees.mkdir()
    app = SimpleNamespace(builder=SimpleNamespace(format="html"), outdir=out, doctreedir=doctrees)
    ext._write_worksheets(app, None)
    sheet = out / "worksheets" / "pln-design.html"
    assert "DES-01" in sheet.read_text(encoding="utf-8")
    sheet.write_text("left as it was", encoding="utf-8")
    ext._write_worksheets(app, None)
    assert sheet.read_text(encoding="utf-8") == "left as it was", "nothing changed: skipped"
    monkeypatch.setattr(ext, "inputs_hash", lambda paths, root: "plnlib changed")
    ext._write_worksheets(app, None)
    assert "DES-01" in sheet.read_text(encoding="utf-8"), "plnlib changed: written again"
    (out / "worksheets" / "readiness.md").unlink()
    sheet.write_text("left as it was", encoding="utf-8")
    ext._write_worksheets(app, None)
    assert (out / "worksheets" / "readiness.md").is_file(), "a missing worksheet: written again"
