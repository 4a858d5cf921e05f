"""Sphinx and myst-nb glue for the handbook: charts and widgets with no CDN.

The book serves vega, vega-lite, vega-embed and the Jupyter widget manager from
its own ``vendor/`` folder (copied from ``plnlib/web/assets`` through
``html_extra_path``). This module

- renders altair output (the ``application/vnd.vegalite.v*+json`` mime type, the
  only copy of a chart that notebooks store) as a figure with a caption, a text
  description and a table alternative, and loads the local vega scripts only on
  the pages that hold a chart;
- adds the ``pln-checklist`` directive (a fillable checklist made from its YAML;
  the page is rebuilt when that YAML changes) and the ``pln-items`` and
  ``pln-minutes`` roles (a checklist's number of items and minutes, so prose never
  states a count the YAML has changed), and makes the tool notebooks'
  pages depend on plnlib's code and content;
- is a Sphinx extension (``plnlib.web.sphinx`` in ``_config.yml``).
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

if TYPE_CHECKING:  # pragma: no cover
    from sphinx.application import Sphinx

from plnlib.web.build_inputs import inputs_hash, notebook_inputs
from plnlib.web.page import chart_figure_html

_PLNLIB = Path(__file__).resolve().parents[1]

__all__ = [
    "ChecklistDirective",
    "VegaLiteRenderer",
    "checklist_count_role",
    "content_files",
    "notebook_inputs",
    "setup",
]

VEGALITE_MIMES = ("application/vnd.vegalite.v6+json", "application/vnd.vegalite.v5+json")
# Paths are relative to the built site's _static/ folder (Sphinx prefixes "_static/").
_VENDOR_SCRIPTS = (
    ("vega", "../vendor/vega.min.js"),
    ("vega-lite", "../vendor/vega-lite.min.js"),
    ("vega-embed", "../vendor/vega-embed.min.js"),
)
_LOADER = ("pln-charts", "../js/pln-charts.js")


class VegaLiteRenderer:
    """myst-nb mime renderer plugin: altair charts rendered from local scripts."""

    mime_priority_overrides: ClassVar[list[tuple[str, str, int | None]]] = [
        (builder, mime, 1)
        for builder in ("html", "dirhtml", "singlehtml")
        for mime in VEGALITE_MIMES
    ]

    @staticmethod
    def handle_mime(renderer: Any, data: Any, inline: bool) -> Any:
        if inline or data.mime_type not in VEGALITE_MIMES:
            return None
        spec = data.content if isinstance(data.content, dict) else json.loads(data.content)
        for key, path in _VENDOR_SCRIPTS:
            renderer.add_js_file(f"plnlib-{key}", path, {"priority": 200})
        renderer.add_js_file(f"plnlib-{_LOADER[0]}", _LOADER[1], {"defer": "defer"})
        return [nodes.raw("", chart_figure_html(spec), format="html")]


_ASSETS = Path(__file__).parent / "assets"


def _add_asset_paths(app: Sphinx, config: Any) -> None:
    # The vendored scripts go to <site>/vendor/, the handbook's CSS to <site>/_static/.
    config.html_extra_path = [*config.html_extra_path, str(_ASSETS / "site")]
    config.html_static_path = [*config.html_static_path, str(_ASSETS / "static")]


def content_files(checklist_id: str) -> list[Path]:
    """The content files a checklist's page is made from (its YAML and the shared files)."""
    from plnlib.io import content

    folder = Path(content.CONTENT_DIR)
    names = (f"{checklist_id}.yaml", "scales.yaml", "chapters.yaml", "checklist.schema.json")
    return [folder / name for name in names]


class ChecklistDirective(SphinxDirective):
    """``{pln-checklist} ID``: the fillable checklist, generated from its YAML."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        from plnlib.errors import PlnError
        from plnlib.io.content import load_chapters, load_checklist
        from plnlib.web.worksheets import changes_html, checklist_form_html

        # Rebuild this page when its YAML (or the shared scales, chapters, schema) changes.
        for path in content_files(self.arguments[0]):
            self.env.note_dependency(str(path))
        try:
            checklist = load_checklist(self.arguments[0])
        except PlnError as err:
            raise self.error(str(err)) from None
        builder = self.env.app.builder
        links = {}
        for cid, chapter in load_chapters().items():
            if chapter.path in self.env.found_docs:
                links[cid] = builder.get_relative_uri(self.env.docname, chapter.path)
        self.env.metadata[self.env.docname]["pln_checklist"] = True
        root = "../" * self.env.docname.count("/")
        sheet = f"{root}worksheets/{checklist.id}"
        printable = (
            '<p class="pln-worksheet-links">Printable worksheet for a team meeting: '
            f'<a href="{sheet}.html">HTML (prints on A4 or Letter)</a> \u00b7 '
            f'<a href="{sheet}.md" download>Markdown (to edit)</a></p>'
        )
        html_out = (
            printable
            + checklist_form_html(checklist, chapter_links=links)
            + changes_html(checklist)
        )
        return [nodes.raw("", html_out, format="html")]


def checklist_count_role(
    name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Any,
    options: dict[str, Any] | None = None,
    content: list[str] | None = None,
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``{pln-items}`ID``` and ``{pln-minutes}`ID```: a number read from the checklist's YAML."""
    from plnlib.errors import PlnError
    from plnlib.io.content import load_checklist

    cid = text.strip()
    env = inliner.document.settings.env
    for path in content_files(cid):
        env.note_dependency(str(path))
    try:
        checklist = load_checklist(cid)
    except PlnError as err:
        msg = inliner.reporter.error(f"{name}: {err}", line=lineno)
        return [inliner.problematic(rawtext, rawtext, msg)], [msg]
    if name == "pln-minutes":
        if checklist.time_minutes is None:
            msg = inliner.reporter.error(
                f"pln-minutes: the checklist '{cid}' has no time_minutes", line=lineno
            )
            return [inliner.problematic(rawtext, rawtext, msg)], [msg]
        value = checklist.time_minutes
    else:
        value = len(checklist.items)
    return [nodes.Text(str(value))], []


def _notebook_dependencies(app: Sphinx, doctree: nodes.document) -> None:
    """A tool notebook's page is rebuilt when plnlib's code or content changes
    (:func:`plnlib.web.build_inputs.notebook_inputs`)."""
    if str(app.env.doc2path(app.env.docname)).endswith(".ipynb"):
        for path in notebook_inputs():
            app.env.note_dependency(str(path))


_WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def _drop_unused_widget_scripts(app: Sphinx, doctree: nodes.document) -> None:
    """No widget manager (1.9 MB) on a notebook page that shows no widget.

    myst-nb adds the widget state and the manager to every notebook that saved widget
    state, even when each widget's output is removed from the page (``remove-output``).
    """
    meta = getattr(app.env, "nb_metadata", {}).get(app.env.docname, {})
    js_files = meta.get("js_files", {})
    if not any(key.startswith("ipywidgets_") for key in js_files):
        return
    if any(_WIDGET_VIEW in node.astext() for node in doctree.findall(nodes.raw)):
        return
    for key in [k for k in js_files if k.startswith("ipywidgets_")]:
        del js_files[key]


def _summary_lead(app: Sphinx, doctree: nodes.document) -> None:
    """Show the front-matter ``summary`` as the page's lead paragraph."""
    summary = app.env.metadata.get(app.env.docname, {}).get("summary")
    if not summary:
        return
    for section in doctree.findall(nodes.section):
        title = section.next_node(nodes.title)
        lead = nodes.paragraph(text=str(summary), classes=["pln-summary"])
        section.insert(section.index(title) + 1, lead)
        break


def _page_extras(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any
) -> None:
    meta = app.env.metadata.get(pagename, {}) if app.env else {}
    summary = meta.get("summary")
    if summary:
        context["metatags"] = context.get("metatags", "") + (
            f'<meta name="description" content="{html.escape(str(summary), quote=True)}" />\n'
        )
    if meta.get("pln_checklist"):
        app.add_js_file("../js/pln-checklist.js", defer="defer")


def _write_worksheets(app: Sphinx, exception: Exception | None) -> None:
    """Put every checklist's printable worksheet (HTML and Markdown) into <site>/worksheets/.

    Skipped when plnlib's code and content are as they were for the worksheets already
    there (a hash kept with the doctrees): loading every checklist's YAML is most of a
    rebuild with nothing changed.
    """
    if exception is not None or app.builder is None or app.builder.format != "html":
        return
    from plnlib.io.content import checklist_ids, load_checklist
    from plnlib.web.worksheets import worksheet_html, worksheet_markdown

    folder = Path(app.outdir) / "worksheets"
    ids = checklist_ids()
    files = [folder / f"{cid}{suffix}" for cid in ids for suffix in (".html", ".md")]
    stamp = Path(app.doctreedir) / "pln-worksheets.sha256"
    now = inputs_hash(notebook_inputs(), _PLNLIB.parent)
    if all(f.is_file() for f in files) and stamp.is_file() and stamp.read_text() == now:
        return
    folder.mkdir(exist_ok=True)
    for cid in ids:
        checklist = load_checklist(cid)
        (folder / f"{cid}.html").write_text(worksheet_html(checklist), encoding="utf-8")
        (folder / f"{cid}.md").write_text(worksheet_markdown(checklist), encoding="utf-8")
    stamp.write_text(now, encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the handbook's Sphinx additions."""
    app.connect("build-finished", _write_worksheets)
    app.connect("config-inited", _add_asset_paths)
    app.connect("doctree-read", _summary_lead)
    app.connect("doctree-read", _notebook_dependencies)
    app.connect("doctree-read", _drop_unused_widget_scripts)
    app.connect("html-page-context", _page_extras)
    app.add_directive("pln-checklist", ChecklistDirective)
    app.add_role("pln-items", checklist_count_role)
    app.add_role("pln-minutes", checklist_count_role)
    app.setup_extension("plnlib.web.templates")
    app.add_css_file("pln.css")
    app.setup_extension("plnlib.web.tools_directive")
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
