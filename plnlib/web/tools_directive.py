"""The ``{pln-team-results}`` directive: the Team results page's controls and data.

The page reads a team's answers file and scores it in the browser, with
JavaScript ported from plnlib (``assets/site/js/pln-score.js`` and friends).
Everything that is data (checklists, scales, thresholds, column rules) is
written into the page here, from plnlib, at build time (:mod:`plnlib.web.tools`).
Registered by :mod:`plnlib.web.sphinx` (``app.setup_extension``).
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from plnlib.io.content import checklist_ids, load_chapters, load_checklist
from plnlib.privacy import DEFAULT_MIN_GROUP, FLOOR_MIN_GROUP
from plnlib.web.tools import TOOL_DATA_ID, tool_data_json

if TYPE_CHECKING:  # pragma: no cover
    from sphinx.application import Sphinx

__all__ = ["TEAM_SCRIPTS", "TeamResultsDirective", "setup", "team_results_html"]

#: Scripts of the page, in order, relative to the site's _static/ folder.
TEAM_SCRIPTS = (
    "../vendor/papaparse.min.js",
    "../js/pln-score.js",
    "../js/pln-groups.js",
    "../js/pln-read.js",
    "../js/pln-team-core.js",
    "../js/pln-team-charts.js",
    "../js/pln-team-view.js",
    "../js/pln-charts.js",
    "../js/pln-team.js",
)
_ASSETS = Path(__file__).parent / "assets"
_CONTENT = Path(__file__).parents[1] / "content"
ACCEPT = ".csv,.tsv,.txt,.xlsx,.xlsm,.json,text/csv,application/json"


def team_results_html(data_json: str, *, vendor: str, default: str = "pln-design") -> str:
    """The controls, the places results go, and the page's data.

    Examples
    --------
    >>> out = team_results_html("{}", vendor="../vendor/")
    >>> '<label for="pln-team-checklist">Checklist</label>' in out
    True
    """
    options = "".join(
        f'<option value="{cid}"{" selected" if cid == default else ""}>'
        f"{html.escape(load_checklist(cid).title)}</option>"
        for cid in checklist_ids()
    )
    return f"""
<div class="pln-team" id="pln-team" data-vendor="{html.escape(vendor)}">
<form class="pln-team-controls" id="pln-team-form" aria-describedby="pln-team-privacy">
  <div class="pln-team-field">
    <label for="pln-team-checklist">Checklist</label>
    <select id="pln-team-checklist" name="checklist">{options}</select>
  </div>
  <div class="pln-team-field">
    <label for="pln-team-file">Responses file</label>
    <input type="file" id="pln-team-file" name="file" multiple accept="{ACCEPT}"
           aria-describedby="pln-team-file-help">
    <span class="pln-team-help" id="pln-team-file-help">A Google Forms CSV, a Microsoft Forms
    XLSX, a tidy or wide CSV or XLSX, or saved answers (.json, several at once). You can
    also drop files onto this page.</span>
  </div>
  <div class="pln-team-field">
    <label for="pln-team-by">Group by</label>
    <select id="pln-team-by" name="by"><option value="">none</option></select>
  </div>
  <div class="pln-team-field">
    <label for="pln-team-min">Smallest group shown</label>
    <input type="number" id="pln-team-min" name="min_group" value="{DEFAULT_MIN_GROUP}"
           min="{FLOOR_MIN_GROUP}" step="1" inputmode="numeric">
  </div>
  <div class="pln-team-buttons">
    <button type="button" id="pln-team-download" disabled>Download results (CSV)</button>
    <button type="button" id="pln-team-print">Print or show on a projector</button>
  </div>
</form>
<p class="pln-team-privacy" id="pln-team-privacy">Your file is read in this browser tab and never
leaves this device. Groups of fewer than {DEFAULT_MIN_GROUP} people are hidden (never fewer than
{FLOOR_MIN_GROUP}).</p>
<div class="pln-team-status" id="pln-team-status" role="status" aria-live="polite"></div>
<div class="pln-team-error" id="pln-team-error" role="alert" tabindex="-1" hidden></div>
<div class="pln-team-results" id="pln-team-results"></div>
<noscript><p>This tool needs JavaScript. Without it, use <code>plnlib score</code>
(see the Tools page).</p></noscript>
<script type="application/json" id="{TOOL_DATA_ID}">{data_json}</script>
</div>
"""


class TeamResultsDirective(SphinxDirective):
    """``{pln-team-results}``: the Team results tool."""

    has_content = False
    optional_arguments = 0

    def run(self) -> list[nodes.Node]:
        builder = self.env.app.builder
        links = {}
        for cid, chapter in load_chapters().items():
            if chapter.path in self.env.found_docs:
                links[cid] = builder.get_relative_uri(self.env.docname, chapter.path)
        self.env.metadata[self.env.docname]["pln_team_results"] = True
        # rebuild the page (and recopy the scripts) when a script or a checklist changes
        for path in sorted((_ASSETS / "site" / "js").glob("pln-*.js")) + sorted(
            _CONTENT.glob("*.yaml")
        ):
            self.env.note_dependency(str(path))
        root = "../" * self.env.docname.count("/")
        out = team_results_html(tool_data_json(links), vendor=f"{root}vendor/")
        return [nodes.raw("", out, format="html")]


def _page_scripts(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any
) -> None:
    meta = app.env.metadata.get(pagename, {}) if app.env else {}
    if meta.get("pln_team_results"):
        for path in TEAM_SCRIPTS:
            app.add_js_file(path, defer="defer")
        app.add_css_file("pln-team.css")


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the tools' directive."""
    app.add_directive("pln-team-results", TeamResultsDirective)
    app.connect("html-page-context", _page_scripts)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
